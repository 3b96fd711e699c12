// RUN: %check_clang_tidy %s memlint-string-temporary %t
// RUN: %check_clang_tidy -run-fixed %s memlint-string-temporary %t

#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
// CHECK-FIXES: #include <functional>

void takesMap(const std::map<std::string, int> &M) { std::printf("%zu\n", M.size()); }

// A local map looked up with literals and a view.
int local(std::string_view V, const char *P) {
  std::map<std::string, int> Counts = {{"alpha", 1}, {"beta", 2}};
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'Counts' is looked up with 3 keys that build a std::string temporary (a heap allocation when longer than the small-string buffer); declare it with 'std::less<>' as its comparator so that lookups take string literals, C strings and std::string_views as they are [memlint-string-temporary]
  // CHECK-FIXES: std::map<std::string, int, std::less<>> Counts = {{[{][{]}}"alpha", 1}, {"beta", 2}};
  Counts["gamma"] = 3;
  int N = static_cast<int>(Counts.count("alpha"));
  auto It = Counts.find(std::string(V));
  // CHECK-FIXES: auto It = Counts.find(V);
  if (It != Counts.end())
    N += It->second;
  N += Counts.lower_bound(P) != Counts.end();
  for (const auto &KV : Counts)
    N += KV.second;
  return N;
}

// A set looked up with a C string.
bool member(const char *Name) {
  std::set<std::string> Known;
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'Known' is looked up with 1 key that builds a std::string temporary
  // CHECK-FIXES: std::set<std::string, std::less<>> Known;
  Known.insert("x");
  return Known.count(Name) != 0;
}

// A key built from a view expression: the view is passed as it is.
int viaView(std::string_view V) {
  std::map<std::string, int> M = {{"b", 4}};
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'M' is looked up with 1 key that builds
  // CHECK-FIXES: std::map<std::string, int, std::less<>> M = {{[{][{]}}"b", 4}};
  return static_cast<int>(M.count(std::string(V.substr(1))));
  // CHECK-FIXES: return static_cast<int>(M.count(V.substr(1)));
}

// A private member, used only through member calls.
class Index {
public:
  void add(const std::string &K, int V) { Map.emplace(K, V); }
  int get() const {
    auto It = Map.find("key");
    return It == Map.end() ? -1 : It->second;
  }

private:
  std::multimap<std::string, int> Map;
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: 'Map' is looked up with 1 key that builds
  // CHECK-FIXES: std::multimap<std::string, int, std::less<>> Map;
};

// ---- diagnostic without fixit ----------------------------------------

// Passed on as a whole: its type must stay.
int passed() {
  std::map<std::string, int> M;
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'M' is looked up with 1 key that builds
  // CHECK-FIXES: std::map<std::string, int> M;
  takesMap(M);
  return static_cast<int>(M.count("a"));
}

// A private member exposed by a public accessor.
class Exposed {
public:
  const std::map<std::string, int> &all() const { return Map; }
  bool has() const { return Map.count("a") != 0; }

private:
  std::map<std::string, int> Map;
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'Map' is looked up with 1 key that builds
  // CHECK-FIXES: std::map<std::string, int> Map;
};

// Spelled through an alias.
using Table = std::map<std::string, int>;
int aliased() {
  Table T;
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'T' is looked up with 1 key that builds
  // CHECK-FIXES: Table T;
  return static_cast<int>(T.count("a"));
}

// A private member passed by reference to a function of another TU.
int externalCount(const std::map<std::string, int> &M);
class Forwarded {
public:
  int size() const { return externalCount(Map) + static_cast<int>(Map.count("a")); }

private:
  std::map<std::string, int> Map;
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'Map' is looked up with 1 key that builds
  // CHECK-FIXES: std::map<std::string, int> Map;
};
int externalCount(const std::map<std::string, int> &M) { return static_cast<int>(M.size()); }

// A lambda uses it.
int captured() {
  std::set<std::string> S;
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'S' is looked up with 1 key that builds
  // CHECK-FIXES: std::set<std::string> S;
  auto Size = [&] { return static_cast<int>(S.size()); };
  return Size() + static_cast<int>(S.count("a"));
}

// Its iterator type is spelled.
// (Any spelling in the translation unit counts: iterators travel.)
int iterated() {
  std::map<std::string, long> M = {{"a", 1}};
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'M' is looked up with 1 key that builds
  // CHECK-FIXES: std::map<std::string, long> M = {{[{][{]}}"a", 1}};
  std::map<std::string, long>::const_iterator It = M.find("a");
  return It == M.end() ? 0 : static_cast<int>(It->second);
}

// Its comparator is taken.
bool compared() {
  std::set<std::string> S;
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'S' is looked up with 1 key that builds
  // CHECK-FIXES: std::set<std::string> S;
  std::less<std::string> L = S.key_comp();
  return L("a", "b") && S.count("a") == 0;
}

// Copied into another container.
int copied() {
  std::map<std::string, int> M;
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'M' is looked up with 1 key that builds
  // CHECK-FIXES: std::map<std::string, int> M;
  std::map<std::string, int> Copy = M;
  return static_cast<int>(M.count("a") + Copy.size());
}

// Unordered containers: no fix.
int unordered() {
  std::unordered_map<std::string, int> U;
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: 'U' is looked up with 1 key that builds a std::string temporary {{.*}}; give it a transparent hash and 'std::equal_to<>' so that
  // CHECK-FIXES: std::unordered_map<std::string, int> U;
  return static_cast<int>(U.count("a"));
}

// ---- not flagged -----------------------------------------------------

// Looked up with std::string keys only: nothing to save.
int strings(const std::string &K) {
  std::map<std::string, int> M;
  return static_cast<int>(M.count(K));
}

// Already transparent.
int transparent() {
  std::map<std::string, int, std::less<>> M;
  return static_cast<int>(M.count("a"));
}

// A public member: other code may name its type.
struct Public {
  std::map<std::string, int> M;
  int get() const { return static_cast<int>(M.count("a")); }
};

// A parameter or a reference: the type belongs to the caller.
int param(const std::map<std::string, int> &M) { return static_cast<int>(M.count("a")); }
int reference() {
  static std::map<std::string, int> Global;
  const std::map<std::string, int> &R = Global;
  return static_cast<int>(R.count("a") + Global.count("b"));
}

// A comparator of its own: lookups convert to its argument type anyway.
struct ByLength {
  bool operator()(const std::string &A, const std::string &B) const { return A.size() < B.size(); }
};
int custom() {
  std::map<std::string, int, ByLength> M;
  std::set<std::string, std::greater<std::string>> G;
  return static_cast<int>(M.count("a") + G.count("b"));
}


int main() {
  std::printf("%d %d %d\n", local("beta", "alpha"), member("x"), viaView("ab"));
  Index I;
  I.add("key", 7);
  std::printf("%d %d %d %d\n", I.get(), passed(), aliased(), unordered());
  Exposed E;
  Public Pu;
  std::printf("%d %d %d %zu %d\n", strings("a"), transparent(), E.has(), E.all().size(), Pu.get());
  std::printf("%d %d %d %d %d\n", param({}), reference(), custom(), Forwarded().size(), captured());
  std::printf("%d %d %d\n", iterated(), compared(), copied());
}
