// RUN: %check_clang_tidy -run-fixed %s memlint-unneeded-copy %t
//
// A by-value container read only through iterators a non-const overload
// returned (`auto It = M.find(K)`, `M.begin()`): with a const reference,
// `auto` deduces the const iterator, and comparing, stepping and reading
// through it still compile and mean the same. clang-tidy's
// performance-unnecessary-value-param does not flag these (find/begin are
// non-const calls to it).

#include <cstdio>
#include <map>
#include <string>
#include <vector>

int lookup(std::map<std::string, int> M, const std::string &K) {
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: parameter 'M' copies a 'std::map<std::string, int>' (one heap allocation per element) on every call but is only read; take it as 'const std::map<std::string, int>&' [memlint-unneeded-copy]
  // CHECK-FIXES: int lookup(const std::map<std::string, int>& M, const std::string &K) {
  auto It = M.find(K);
  return It == M.end() ? 0 : It->second;
}

size_t total(std::map<std::string, int> M) {
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: parameter 'M' copies
  // CHECK-FIXES: size_t total(const std::map<std::string, int>& M) {
  size_t N = 0;
  for (auto It = M.begin(); It != M.end(); ++It)
    N += static_cast<size_t>(It->second) + (*It).first.size();
  return N;
}

int first(std::vector<int> V) {
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: parameter 'V' copies
  // CHECK-FIXES: int first(const std::vector<int>& V) {
  auto It = V.begin();
  return It != V.end() ? *It : -1;
}

// ---- Not flagged: the iterator writes, escapes, or is not 'auto' ----------

int writesThrough(std::map<std::string, int> M, const std::string &K) {
  auto It = M.find(K);
  if (It != M.end())
    It->second += 1;
  return It == M.end() ? 0 : It->second;
}

int writesThroughStar(std::vector<int> V) {
  auto It = V.begin();
  *It = 3;
  return V[0];
}

size_t erases(std::map<std::string, int> M, const std::string &K) {
  auto It = M.find(K);
  if (It != M.end())
    M.erase(It);
  return M.size();
}

void sink(std::map<std::string, int>::iterator);
int escapes(std::map<std::string, int> M, const std::string &K) {
  auto It = M.find(K);
  sink(It);
  return 0;
}

int spelled(std::map<std::string, int> M, const std::string &K) {
  std::map<std::string, int>::iterator It = M.find(K);
  return It == M.end() ? 0 : It->second;
}

int byReference(std::map<std::string, int> M, const std::string &K) {
  auto &&It = M.find(K);
  return It == M.end() ? 0 : It->second;
}

void sink(std::map<std::string, int>::iterator It) { It->second = 0; }

int main() {
  std::map<std::string, int> M{{"a", 1}, {"bb", 2}};
  std::vector<int> V{7, 8};
  std::printf("%d %zu %d %d %d %zu %d %d %d\n", lookup(M, "bb"), total(M),
              first(V), writesThrough(M, "a"), writesThroughStar(V),
              erases(M, "a"), escapes(M, "a"), spelled(M, "a"),
              byReference(M, "bb"));
}
