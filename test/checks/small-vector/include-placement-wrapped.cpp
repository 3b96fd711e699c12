// RUN: %check_clang_tidy -run-fixed %s memlint-small-vector %t

// A file wrapped whole in a platform conditional: the code that needs the new
// include is inside the block too, so the include stays inside it (below the
// `#endif` would come after that code and not compile).

#ifndef MEMLINT_NOT_THIS_PLATFORM
#include <cstdio>
#include <vector>
// CHECK-FIXES: {{^}}#ifndef MEMLINT_NOT_THIS_PLATFORM{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <cstdio>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <memlint/small_vector.hpp>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <vector>{{$}}

int main() {
  std::vector<int> V;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'V' never holds more than 2 elements but allocates them on the heap; use 'memlint::small_vector<int, 2>' to keep them inline [memlint-small-vector]
  // CHECK-FIXES: {{^}}  memlint::small_vector<int, 2> V;{{$}}
  V.push_back(1);
  V.push_back(2);
  std::printf("%zu\n", V.size());
}
#endif
