// RUN: %check_clang_tidy -run-fixed %s memlint-unneeded-copy,memlint-copy-at-last-use %t
// RUN: %check_clang_tidy -run-fixed -check-suffix=ALONE %s memlint-unneeded-copy %t

// A by-value variable copied into a sink at its last use has two fixes:
// `const&` (memlint-unneeded-copy) and std::move (memlint-copy-at-last-use).
// Both together would move from a const reference, which copies. When
// copy-at-last-use runs, unneeded-copy leaves such a variable to it (by
// value + move also lets callers move in); alone, it still reports it.

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

std::string big(int I) {
  return "a string long enough for the heap, number " + std::to_string(I);
}

void sink(std::vector<std::string> &Out, std::string S) { Out.push_back(S); }
// CHECK-MESSAGES: :[[@LINE-1]]:73: warning: 'S' is copied into 'push_back' at its last use {{.*}} [memlint-copy-at-last-use]
// CHECK-MESSAGES-NOT: :[[@LINE-2]]:{{.*}}[memlint-unneeded-copy]
// CHECK-FIXES: void sink(std::vector<std::string> &Out, std::string S) { Out.push_back(std::move(S)); }
// CHECK-MESSAGES-ALONE: :[[@LINE-4]]:54: warning: parameter 'S' copies a std::string {{.*}} take it as 'const std::string&' [memlint-unneeded-copy]
// CHECK-FIXES-ALONE: void sink(std::vector<std::string> &Out, const std::string& S) { Out.push_back(S); }

void each(std::vector<std::string> &Out, const std::vector<std::string> &In) {
  for (std::string S : In)
    Out.push_back(S);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'S' is copied into 'push_back' at its last use {{.*}} [memlint-copy-at-last-use]
  // CHECK-FIXES: Out.push_back(std::move(S));
  // CHECK-MESSAGES-ALONE: :[[@LINE-4]]:20: warning: loop variable 'S' copies a std::string {{.*}} [memlint-unneeded-copy]
  // CHECK-FIXES-ALONE: for (const std::string& S : In)
}

// Not the last use: no move is possible, so `const&` is the fix.
size_t twice(std::vector<std::string> &Out, std::string S) {
  // CHECK-MESSAGES: :[[@LINE-1]]:57: warning: parameter 'S' copies a std::string {{.*}} [memlint-unneeded-copy]
  // CHECK-FIXES: size_t twice(std::vector<std::string> &Out, const std::string& S) {
  // CHECK-MESSAGES-ALONE: :[[@LINE-3]]:57: warning: parameter 'S' copies a std::string {{.*}} [memlint-unneeded-copy]
  // CHECK-FIXES-ALONE: size_t twice(std::vector<std::string> &Out, const std::string& S) {
  Out.push_back(S);
  return S.size();
}

// A const by-value parameter cannot be moved from: `const&` is the fix.
void constSink(std::vector<std::string> &Out, const std::string S) {
  // CHECK-MESSAGES: :[[@LINE-1]]:65: warning: parameter 'S' copies a std::string {{.*}} [memlint-unneeded-copy]
  // CHECK-FIXES: void constSink(std::vector<std::string> &Out, const std::string& S) {
  // CHECK-MESSAGES-ALONE: :[[@LINE-3]]:65: warning: parameter 'S' copies a std::string {{.*}} [memlint-unneeded-copy]
  // CHECK-FIXES-ALONE: void constSink(std::vector<std::string> &Out, const std::string& S) {
  Out.push_back(S);
}

struct Req {
  std::string Method;
};

// A local copied, then copy-assigned at its last use: one copy either way;
// one fix, the move.
Req pickFirst() {
  std::vector<std::string> First = {big(5), big(6)};
  Req R;
  std::string Method = First[0];
  // CHECK-MESSAGES-ALONE: :[[@LINE-1]]:15: warning: local 'Method' copies a std::string {{.*}} bind it as 'const std::string&' [memlint-unneeded-copy]
  // CHECK-FIXES-ALONE: const std::string& Method = First[0];
  R.Method = Method;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'Method' is copied into member 'Method' at its last use {{.*}} [memlint-copy-at-last-use]
  // CHECK-FIXES: std::string Method = First[0];
  // CHECK-FIXES: R.Method = std::move(Method);
  return R;
}

int main() {
  std::vector<std::string> Out;
  sink(Out, big(1));
  std::vector<std::string> In = {big(2), big(3)};
  each(Out, In);
  size_t N = twice(Out, big(4));
  if (pickFirst().Method != big(5))
    return 1;
  constSink(Out, big(7));
  if (Out.back() != big(7))
    return 1;
  Out.pop_back();
  std::printf("%zu %zu %zu\n", Out.size(), In.size(), N);
  return Out.size() == 4 && In[0] == big(2) && Out[1] == big(2) ? 0 : 1;
}
