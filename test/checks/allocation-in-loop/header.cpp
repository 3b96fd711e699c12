// RUN: %check_clang_tidy -check-header=Inputs/loops.h %s memlint-allocation-in-loop %t -- -header-filter=.*

// A loop in a header is reported and fixed in the header.

#include "loops.h"

// CHECK-MESSAGES: loops.h:7:23: warning: 'chars' is allocated on every iteration; declare it before the loop and clear() it to reuse its capacity [memlint-allocation-in-loop]
// CHECK-HEADER-FIXES:      {{^}}  std::size_t n = 0;{{$}}
// CHECK-HEADER-FIXES-NEXT: {{^}}  std::vector<char> chars;{{$}}
// CHECK-HEADER-FIXES-NEXT: {{^}}  for (const std::string &line : lines) {{{$}}
// CHECK-HEADER-FIXES-NEXT: {{^}}    chars.clear();{{$}}

std::size_t use() { return total({"ab", "cde"}); }
