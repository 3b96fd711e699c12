// RUN: %check_clang_tidy -std=c++20 %s memlint-string-temporary %t
// RUN: %check_clang_tidy -std=c++17 -check-suffix=17 %s memlint-string-temporary %t

// The notes: one per lookup, and why there is no fix.

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
// CHECK-FIXES: #include <functional>

#if __cplusplus > 201703L
bool ordered(std::string_view V) {
  std::multiset<std::string> S;
  // CHECK-NOTES: :[[@LINE-1]]:30: warning: 'S' is looked up with 2 keys that build a std::string temporary (a heap allocation when longer than the small-string buffer); declare it with 'std::less<>' as its comparator so that lookups take string literals, C strings and std::string_views as they are [memlint-string-temporary]
  // CHECK-FIXES: std::multiset<std::string, std::less<>> S;
  return S.contains("a") || S.equal_range(std::string(V)).first != S.end();
  // CHECK-NOTES: :[[@LINE-1]]:21: note: this lookup builds a std::string key from a string literal
  // CHECK-NOTES: :[[@LINE-2]]:43: note: this lookup builds a std::string key from a std::string_view
  // CHECK-FIXES: return S.contains("a") || S.equal_range(V).first != S.end();
}
#endif

// Unordered: heterogeneous lookup exists from C++20, with a transparent
// hash, which is a type the translation unit would have to define.
int unordered(const char *P) {
  std::unordered_map<std::string, int> U;
  // CHECK-NOTES: :[[@LINE-1]]:40: warning: 'U' is looked up with 1 key that builds a std::string temporary {{.*}}; give it a transparent hash and 'std::equal_to<>' so that lookups take string literals, C strings and std::string_views as they are [memlint-string-temporary]
  // CHECK-NOTES: :[[@LINE+2]]:35: note: this lookup builds a std::string key from a C string
  // CHECK-NOTES: :[[@LINE-3]]:40: note: no fix: a transparent hash is a type of its own that the translation unit would have to define; this check does not write one
  return static_cast<int>(U.count(P));
}
// CHECK-NOTES-17: :[[@LINE-6]]:40: warning: 'U' is looked up with 1 key
// CHECK-NOTES-17: :[[@LINE-3]]:35: note: this lookup builds a std::string key from a C string
// CHECK-NOTES-17: :[[@LINE-8]]:40: note: no fix: unordered containers look up keys of another type only from C++20

int lambda() {
  std::map<std::string, int> M;
  // CHECK-NOTES: :[[@LINE-1]]:30: warning: 'M' is looked up with 1 key
  // CHECK-NOTES: :[[@LINE+2]]:36: note: this lookup builds a std::string key from a string literal
  // CHECK-NOTES: :[[@LINE-3]]:30: note: no fix: a lambda uses it
  int N = static_cast<int>(M.count("k"));
  return N + [&] { return static_cast<int>(M.size()); }();
}
// CHECK-NOTES-17: :[[@LINE-7]]:30: warning: 'M' is looked up with 1 key
// CHECK-NOTES-17: :[[@LINE-4]]:36: note: this lookup
// CHECK-NOTES-17: :[[@LINE-9]]:30: note: no fix: a lambda uses it

class Holder {
public:
  std::set<std::string>::iterator first() { return S.begin(); }
  bool has() const { return S.count("x") != 0; }

private:
  std::set<std::string> S;
  // CHECK-NOTES: :[[@LINE-1]]:25: warning: 'S' is looked up with 1 key
  // CHECK-NOTES: :[[@LINE-5]]:37: note: this lookup builds a std::string key from a string literal
  // CHECK-NOTES: :[[@LINE-3]]:25: note: no fix: code names a member type of its type (such as its iterator), which would keep the old comparator
};
// CHECK-NOTES-17: :[[@LINE-5]]:25: warning: 'S' is looked up with 1 key
// CHECK-NOTES-17: :[[@LINE-9]]:37: note: this lookup
// CHECK-NOTES-17: :[[@LINE-7]]:25: note: no fix: code names a member type

// Transparent already, or a comparator of its own: not flagged.
struct Hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view V) const { return std::hash<std::string_view>{}(V); }
};
int quiet() {
  std::set<std::string, std::less<>> A;
  std::unordered_set<std::string, Hash, std::equal_to<>> B;
  std::unordered_set<std::string, Hash> C;
  return static_cast<int>(A.count("a") + B.count("b") + C.count("c"));
}
