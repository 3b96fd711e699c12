// RUN: %check_clang_tidy -check-header=Inputs/guard_enum.h %s memlint-oversized-enum %t -- -header-filter=.*
// A header without includes gets <cstdint> inside its include guard, below
// the guard's #define, not above the #ifndef.
#include "guard_enum.h"
// CHECK-MESSAGES: guard_enum.h:4:12: warning: enum 'Shade' can be std::uint8_t; that makes 'Tile' 2 bytes instead of 8 [memlint-oversized-enum]
// CHECK-HEADER-FIXES: {{^}}#ifndef GUARD_ENUM_H{{$}}
// CHECK-HEADER-FIXES-NEXT: {{^}}#define GUARD_ENUM_H{{$}}
// CHECK-HEADER-FIXES-NEXT: {{^}}#include <cstdint>{{$}}
// CHECK-HEADER-FIXES-EMPTY:
// CHECK-HEADER-FIXES-NEXT: {{^}}enum class Shade : std::uint8_t { Light, Dark };{{$}}
#include "guard_enum.h"
#ifdef MEMLINT_FIXED
static_assert(sizeof(Tile) == 2, "");
#endif
