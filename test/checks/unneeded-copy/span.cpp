// RUN: %check_clang_tidy -std=c++20 %s memlint-unneeded-copy %t \
// RUN:   -- -config="{CheckOptions: {memlint-unneeded-copy.SpanParams: true}}"
// RUN: %check_clang_tidy -check-suffix=DEFAULT -std=c++20 %s memlint-unneeded-copy %t
// RUN: %check_clang_tidy -check-suffix=CXX17 -std=c++17 %s memlint-unneeded-copy %t \
// RUN:   -- -config="{CheckOptions: {memlint-unneeded-copy.SpanParams: true}}"
// RUN: %check_clang_tidy -run-fixed -std=c++20 %s memlint-unneeded-copy %t \
// RUN:   -- -config="{CheckOptions: {memlint-unneeded-copy.SpanParams: true}}"

#include <cstdio>
#include <vector>
// CHECK-FIXES: #include <span>

long sum(std::vector<long> Values) {
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: parameter 'Values' copies a 'std::vector<long>' (heap allocation and a copy of every element) on every call but is only read; take it as 'std::span<const long>' [memlint-unneeded-copy]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:28: warning: parameter 'Values' {{.*}} take it as 'const std::vector<long>&'
  // CHECK-MESSAGES-CXX17: :[[@LINE-3]]:28: warning: parameter 'Values' {{.*}} take it as 'const std::vector<long>&'
  // CHECK-FIXES: long sum(std::span<const long> Values) {
  // CHECK-FIXES-DEFAULT: long sum(const std::vector<long>& Values) {
  // CHECK-FIXES-CXX17: long sum(const std::vector<long>& Values) {
  long S = Values.empty() ? 0 : Values[0] - Values.front();
  for (long V : Values)
    S += V;
  return S + static_cast<long>(Values.size());
}

// at() is not on std::span before C++26: const& only.
long second(std::vector<long> Values) { return Values.at(1); }
// CHECK-MESSAGES: :[[@LINE-1]]:31: warning: parameter 'Values' {{.*}} take it as 'const std::vector<long>&'
// CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:31: warning: parameter 'Values'
// CHECK-MESSAGES-CXX17: :[[@LINE-3]]:31: warning: parameter 'Values'
// CHECK-FIXES: long second(const std::vector<long>& Values) { return Values.at(1); }

// A caller passes a braced list, which std::span<const T> does not accept.
long first(std::vector<long> Values) { return Values[0]; }
// CHECK-MESSAGES: :[[@LINE-1]]:30: warning: parameter 'Values' {{.*}} take it as 'const std::vector<long>&'
// CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:30: warning: parameter 'Values'
// CHECK-MESSAGES-CXX17: :[[@LINE-3]]:30: warning: parameter 'Values'
// CHECK-FIXES: long first(const std::vector<long>& Values) { return Values[0]; }

int main() {
  std::vector<long> V = {1, 2, 3};
  std::printf("%ld %ld %ld\n", sum(V), second(V), first({4, 5}));
}
