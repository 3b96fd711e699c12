// RUN: %check_clang_tidy -check-header=Inputs/reserve_header.h %s memlint-missing-reserve %t -- -header-filter=.*
// RUN: %check_clang_tidy -check-suffix=NOHDR %s memlint-missing-reserve %t -- -header-filter=no-such-header

// Growth in a header: reported and fixed in the header when headers are
// analysed, silent otherwise (LLVM 22's clang-tidy analyses every header by
// default, so the silent run names a filter explicitly).

#include "reserve_header.h"

// CHECK-MESSAGES: reserve_header.h:7:5: warning: 'out' grows by 'push_back'
// CHECK-HEADER-FIXES: {{^}}  if (n > 0) out.reserve(n);{{$}}
// CHECK-HEADER-FIXES-NEXT: {{^}}  for (int i = 0; i < n; ++i){{$}}

std::size_t count() { return labels(3).size(); }
