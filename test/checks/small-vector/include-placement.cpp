// RUN: %check_clang_tidy -run-fixed %s memlint-small-vector %t

// The include the fix adds is sorted among the includes the preprocessor saw;
// one of them sits in a conditional block, which a configuration may skip
// (here: the fixed file is compiled with -DMEMLINT_FIXED). The new include
// goes below the block's #endif, not inside it.

#ifndef MEMLINT_FIXED
#define MEMLINT_CONFIGURED 1
#include <vector>
#endif
#include <cstdio>
// CHECK-FIXES: {{^}}#ifndef MEMLINT_FIXED{{$}}
// CHECK-FIXES-NEXT: {{^}}#define MEMLINT_CONFIGURED 1{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <vector>{{$}}
// CHECK-FIXES-NEXT: {{^}}#endif{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <memlint/small_vector.hpp>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <cstdio>{{$}}

int main() {
  std::vector<int> V;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'V' never holds more than 2 elements but allocates them on the heap; use 'memlint::small_vector<int, 2>' to keep them inline [memlint-small-vector]
  // CHECK-FIXES: {{^}}  memlint::small_vector<int, 2> V;{{$}}
  V.push_back(1);
  V.push_back(2);
  std::printf("%zu\n", V.size());
}
