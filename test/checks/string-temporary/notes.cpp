// RUN: %check_clang_tidy %s memlint-string-temporary %t

#include <string>
#include <string_view>

// Notes name every call that builds a temporary, and what it builds it from.
int firstOf(const std::string &Key) { return Key.empty() ? 0 : Key.front(); }
// CHECK-NOTES: :[[@LINE-1]]:32: warning: parameter 'Key' makes 4 calls in this translation unit build a std::string temporary
// CHECK-NOTES: :[[@LINE+7]]:19: note: a std::string temporary is built here from a string literal
// CHECK-NOTES: :[[@LINE+7]]:16: note: a std::string temporary is built here from a C string
// CHECK-NOTES: :[[@LINE+7]]:16: note: a std::string temporary is built here from a std::string_view
// CHECK-NOTES: :[[@LINE+8]]:22: note: a std::string temporary is built here from a string literal
// CHECK-FIXES: int firstOf(std::string_view Key) { return Key.empty() ? 0 : Key.front(); }

int use(const char *P, std::string_view V, const std::string &S) {
  int N = firstOf("abc");
  N += firstOf(P);
  N += firstOf(std::string(V));
  // CHECK-FIXES: N += firstOf(V);
  return N + firstOf("x") + firstOf(S);
}

// A note explains a withheld fix: argument-dependent lookup finds std::size.
std::size_t size(const std::string &S) { return S.length(); }
// CHECK-NOTES: :[[@LINE-1]]:37: warning: parameter 'S' makes 1 call in
// CHECK-NOTES: :[[@LINE+3]]:43: note: a std::string temporary is built here from a string literal
// CHECK-NOTES: :[[@LINE-3]]:37: note: no fix: 'std::size' is found by argument-dependent lookup and could be chosen over 'size(std::string_view)' by callers passing a std::string
// CHECK-FIXES: std::size_t size(const std::string &S) { return S.length(); }
std::size_t sizeOfLiteral() { return size("a literal longer than sso"); }
