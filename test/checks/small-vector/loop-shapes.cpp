// RUN: %check_clang_tidy -run-fixed %s memlint-small-vector %t

// Regression (issue 15): a for loop without a condition used to crash the
// check (the second loop parser dereferenced the missing condition). Loops
// are now only asked about through utils::LoopTripCount.

#include <array>
#include <cstdio>
#include <vector>
// CHECK-FIXES: #include <cstdio>
// CHECK-FIXES-NEXT: #include <memlint/small_vector.hpp>

// Not flagged: no condition, so no bound on the pushes.
int noCondition() {
  std::vector<int> v;
  for (int i = 0;; ++i) {
    v.push_back(i);
    if (i > 3)
      break;
  }
  return int(v.size());
}

// Not flagged: neither condition nor increment.
int forEver() {
  std::vector<int> v;
  for (;;) {
    v.push_back(1);
    if (v.size() > 2)
      break;
  }
  return int(v.size());
}

// Not flagged: a bounded inner loop inside an unbounded one.
int innerOfUnbounded() {
  std::vector<int> v;
  for (int j = 0;; ++j) {
    for (int i = 0; i < 2; ++i)
      v.push_back(i + j);
    if (j > 1)
      break;
  }
  return int(v.size());
}

// Flagged: no init-statement, but a constant count is not needed here: the
// loop has no init, so its count is unknown and only the push before counts.
int noInit() {
  std::vector<int> v;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'v' never holds more than 1 elements but allocates them on the heap; use 'memlint::small_vector<int, 1>' to keep them inline [memlint-small-vector]
  // CHECK-FIXES: {{^}}  memlint::small_vector<int, 1> v;{{$}}
  v.push_back(7);
  int i = 0;
  for (; i < 3;)
    ++i;
  return int(v.size()) + i;
}

// Flagged: a break only lowers the count (upper bound 4).
int boundedWithBreak() {
  std::vector<int> v;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'v' never holds more than 4 elements but allocates them on the heap; use 'memlint::small_vector<int, 4>' to keep them inline [memlint-small-vector]
  // CHECK-FIXES: {{^}}  memlint::small_vector<int, 4> v;{{$}}
  for (int i = 0; i < 4; ++i) {
    v.push_back(i);
    if (i == 2)
      break;
  }
  return int(v.size());
}

// Flagged: a range-for over a std::array counts its size.
int overStdArray() {
  std::array<int, 3> a = {1, 2, 3};
  std::vector<int> v;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'v' never holds more than 3 elements but allocates them on the heap; use 'memlint::small_vector<int, 3>' to keep them inline [memlint-small-vector]
  // CHECK-FIXES: {{^}}  memlint::small_vector<int, 3> v;{{$}}
  for (int x : a)
    v.push_back(x);
  return int(v.size());
}

int main() {
  std::printf("%d %d %d %d %d %d\n", noCondition(), forEver(),
              innerOfUnbounded(), noInit(), boundedWithBreak(), overStdArray());
}
