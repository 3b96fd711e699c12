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


// Not flagged: while (true) with a break has no count.
int whileTrue() {
  std::vector<int> v;
  int i = 0;
  while (true) {
    v.push_back(i);
    if (++i > 3)
      break;
  }
  return int(v.size());
}

// Not flagged: a do-while's count is not known (checks do not count them).
int doWhile() {
  std::vector<int> v;
  int i = 0;
  do {
    v.push_back(i);
  } while (++i < 3);
  return int(v.size());
}

// Not flagged: a loop made of goto (functions with labels are not counted).
int gotoLoop() {
  std::vector<int> v;
  int i = 0;
again:
  v.push_back(i);
  if (++i < 3)
    goto again;
  return int(v.size());
}

// Not flagged: the bound is not a constant.
int nonConstantBound(int n) {
  std::vector<int> v;
  for (int i = 0; i < n; ++i)
    v.push_back(i);
  return int(v.size());
}

// Not flagged: the counter is written in the body.
int counterWritten() {
  std::vector<int> v;
  for (int i = 0; i < 4; ++i) {
    v.push_back(i);
    i += 0;
  }
  return int(v.size());
}

// Not flagged: an unsigned counter counting down to `>= 0` wraps around
// instead of stopping (4, 3, 2, 1, 0, 4294967295, ...).
int unsignedDownWraps() {
  std::vector<unsigned> v;
  for (unsigned i = 3; i >= 0; --i) {
    v.push_back(i);
    if (v.size() > 5)
      break;
  }
  return int(v.size());
}

// Not flagged: an unsigned char never exceeds 255, so `<= 255` always holds.
int ucharInclusiveWraps() {
  std::vector<int> v;
  for (unsigned char c = 0; c <= 255; ++c) {
    v.push_back(c);
    if (v.size() > 300)
      break;
  }
  return int(v.size());
}

// Not flagged: the bound is outside the counter's type.
int ucharBoundOutOfRange() {
  std::vector<int> v;
  for (unsigned char c = 0; c < 300; ++c) {
    v.push_back(c);
    if (v.size() > 260)
      break;
  }
  return int(v.size());
}

// Not flagged: `i < -1` compares with UINT_MAX, not with -1.
int negativeBoundUnsigned() {
  std::vector<int> v;
  for (unsigned i = 0; i < -1; ++i) {
    v.push_back(int(i));
    if (i > 7)
      break;
  }
  return int(v.size());
}

// Not flagged: a stride of 2 from 0 steps over 255 back to 0.
int ucharStrideWraps() {
  std::vector<int> v;
  for (unsigned char c = 0; c < 255; c += 2) {
    v.push_back(c);
    if (v.size() > 200)
      break;
  }
  return int(v.size());
}

// Not flagged: a stride may step over a `!=` bound.
int strideNotEqual() {
  std::vector<int> v;
  for (int i = 0; i != 6; i += 2)
    v.push_back(i);
  return int(v.size());
}

// Not flagged: pushed from a lambda called in the loop.
int pushInLambda() {
  std::vector<int> v;
  for (int i = 0; i < 2; ++i)
    [&] { v.push_back(i); }();
  return int(v.size());
}

// Not flagged: a while loop with a declaration as its condition.
int declarationCondition() {
  std::vector<int> v;
  int n = 3;
  while (int k = n--)
    v.push_back(k);
  return int(v.size());
}

// Flagged: nested constant loops multiply (3 * 2).
int nested() {
  std::vector<int> v;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'v' never holds more than 6 elements but allocates them on the heap; use 'memlint::small_vector<int, 6>' to keep them inline [memlint-small-vector]
  // CHECK-FIXES: {{^}}  memlint::small_vector<int, 6> v;{{$}}
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 2; ++j)
      v.push_back(i * j);
  return int(v.size());
}

// Flagged: continue and return only lower the count.
int continueAndReturn(int Stop) {
  std::vector<int> v;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'v' never holds more than 5 elements but allocates them on the heap; use 'memlint::small_vector<int, 5>' to keep them inline [memlint-small-vector]
  // CHECK-FIXES: {{^}}  memlint::small_vector<int, 5> v;{{$}}
  for (int i = 0; i < 5; ++i) {
    if (i % 2)
      continue;
    if (i == Stop)
      return -1;
    v.push_back(i);
  }
  return int(v.size());
}

// Flagged: counting down, exclusive and inclusive (4 + 5).
int decrementing() {
  std::vector<int> v;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'v' never holds more than 9 elements but allocates them on the heap; use 'memlint::small_vector<int, 9>' to keep them inline [memlint-small-vector]
  // CHECK-FIXES: {{^}}  memlint::small_vector<int, 9> v;{{$}}
  for (int i = 4; i > 0; --i)
    v.push_back(i);
  for (int i = 4; i >= 0; i--)
    v.push_back(i);
  return int(v.size());
}

// Flagged: a stride counts ceil((9 - 0 + 1) / 3) = 4; an unsigned char
// whose last step stays below 256 counts as usual (250, 252).
int strides() {
  std::vector<int> v;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'v' never holds more than 6 elements but allocates them on the heap; use 'memlint::small_vector<int, 6>' to keep them inline [memlint-small-vector]
  // CHECK-FIXES: {{^}}  memlint::small_vector<int, 6> v;{{$}}
  for (int i = 0; i <= 9; i += 3)
    v.push_back(i);
  for (unsigned char c = 250; c < 254; c += 2)
    v.push_back(c);
  return int(v.size());
}

// Flagged: range-for over a braced list and over an array declared in its
// init-statement (3 + 2).
int rangeShapes() {
  std::vector<int> v;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'v' never holds more than 5 elements but allocates them on the heap; use 'memlint::small_vector<int, 5>' to keep them inline [memlint-small-vector]
  // CHECK-FIXES: {{^}}  memlint::small_vector<int, 5> v;{{$}}
  for (int x : {1, 2, 3})
    v.push_back(x);
  for (int a[] = {4, 5}; int x : a)
    v.push_back(x);
  return int(v.size());
}

int main() {
  std::printf("%d %d %d %d %d %d\n", noCondition(), forEver(),
              innerOfUnbounded(), noInit(), boundedWithBreak(), overStdArray());
  std::printf("%d %d %d %d %d\n", whileTrue(), doWhile(), gotoLoop(),
              nonConstantBound(3), counterWritten());
  std::printf("%d %d %d %d %d\n", unsignedDownWraps(), ucharInclusiveWraps(),
              ucharBoundOutOfRange(), negativeBoundUnsigned(),
              ucharStrideWraps());
  std::printf("%d %d %d\n", strideNotEqual(), pushInLambda(),
              declarationCondition());
  std::printf("%d %d %d %d %d\n", nested(), continueAndReturn(9),
              decrementing(), strides(), rangeShapes());
}
