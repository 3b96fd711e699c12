// RUN: %check_clang_tidy %s memlint-small-vector %t
// RUN: %check_clang_tidy -check-suffix=OPT %s memlint-small-vector %t \
// RUN:   -- -config="{CheckOptions: {memlint-small-vector.MaxInlineElements: 4, memlint-small-vector.MaxInlineBytes: 12, memlint-small-vector.SmallVectorHeader: 'Inputs/my_small_vector.h', memlint-small-vector.SmallVectorClass: 'my::small_vec'}}"

// MaxInlineElements bounds K, MaxInlineBytes bounds K * sizeof(T);
// SmallVectorClass and SmallVectorHeader name another small vector.

#include <vector>
// CHECK-FIXES: #include <memlint/small_vector.hpp>
// CHECK-FIXES-NEXT: #include <vector>
// CHECK-FIXES-OPT: #include <vector>
// CHECK-FIXES-OPT-EMPTY:
// CHECK-FIXES-OPT-NEXT: #include "Inputs/my_small_vector.h"

#define VEC std::vector<int>

int sizes() {
  std::vector<int> Sixteen;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'Sixteen' never holds more than 16 elements but allocates them on the heap; use 'memlint::small_vector<int, 16>' to keep them inline
  // CHECK-FIXES: memlint::small_vector<int, 16> Sixteen;
  // CHECK-FIXES-OPT: std::vector<int> Sixteen;
  for (int i = 0; i < 16; ++i)
    Sixteen.push_back(i);
  std::vector<long> Bytes;
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'Bytes' never holds more than 2 elements but allocates them on the heap; use 'memlint::small_vector<long, 2>' to keep them inline
  // CHECK-FIXES: memlint::small_vector<long, 2> Bytes;
  // CHECK-FIXES-OPT: std::vector<long> Bytes;
  Bytes.push_back(1);
  Bytes.push_back(2);
  std::vector<int> Three{1, 2};
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'Three' never holds more than 3 elements but allocates them on the heap; use 'memlint::small_vector<int, 3>' to keep them inline
  // CHECK-MESSAGES-OPT: :[[@LINE-2]]:20: warning: 'Three' never holds more than 3 elements but allocates them on the heap; use 'my::small_vec<int, 3>' to keep them inline
  // CHECK-FIXES: memlint::small_vector<int, 3> Three{1, 2};
  // CHECK-FIXES-OPT: my::small_vec<int, 3> Three{1, 2};
  Three.push_back(3);
  return Sixteen[15] + static_cast<int>(Bytes[1]) + Three[2];
}

int macroType() {
  VEC m;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'm' never holds more than 1 elements but allocates them on the heap; use 'memlint::small_vector<int, 1>' to keep them inline
  // CHECK-MESSAGES-OPT: :[[@LINE-2]]:7: warning: 'm' never holds more than 1 elements but allocates them on the heap; use 'my::small_vec<int, 1>' to keep them inline
  // CHECK-FIXES: VEC m;
  m.push_back(1);
  return m[0];
}
