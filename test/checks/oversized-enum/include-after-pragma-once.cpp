// RUN: %check_clang_tidy -check-header=Inputs/pragma_once_enum.h %s memlint-oversized-enum %t -- -header-filter=.*
// A header without includes gets <cstdint> below its `#pragma once`, not
// above it (where the pragma would no longer be the file's first line), and
// above the comment that documents the enum.
#include "pragma_once_enum.h"
// CHECK-MESSAGES: pragma_once_enum.h:4:12: warning: enum 'Colour' can be std::uint8_t; that makes 'Pixel' 2 bytes instead of 8 [memlint-oversized-enum]
// CHECK-HEADER-FIXES: {{^}}#pragma once{{$}}
// CHECK-HEADER-FIXES-NEXT: {{^}}#include <cstdint>{{$}}
// CHECK-HEADER-FIXES-EMPTY:
// CHECK-HEADER-FIXES-NEXT: {{^}}// The colour of a pixel.{{$}}
// CHECK-HEADER-FIXES-NEXT: {{^}}enum class Colour : std::uint8_t { Red, Green };{{$}}
#ifdef MEMLINT_FIXED
static_assert(sizeof(Pixel) == 2, "");
#endif
