// RUN: %check_clang_tidy -check-header=Inputs/license_enum.h %s memlint-oversized-enum %t -- -header-filter=.*
// A header without includes that starts with a license comment gets
// <cstdint> below the comment (a blank line sets it apart from the code),
// and above the comment that documents the enum.
#include "license_enum.h"
// CHECK-MESSAGES: license_enum.h:5:12: warning: enum 'Side' can be std::uint8_t; that makes 'Part' 2 bytes instead of 8 [memlint-oversized-enum]
// CHECK-HEADER-FIXES: {{^}}/* Copyright 2026 The memlint test authors.{{$}}
// CHECK-HEADER-FIXES-NEXT: {{^}} * Licensed under the same terms as the rest of this file. */{{$}}
// CHECK-HEADER-FIXES-NEXT: {{^}}#include <cstdint>{{$}}
// CHECK-HEADER-FIXES-EMPTY:
// CHECK-HEADER-FIXES-NEXT: {{^}}/// Which side a part is on.{{$}}
// CHECK-HEADER-FIXES-NEXT: {{^}}enum class Side : std::uint8_t { Left, Right };{{$}}
#ifdef MEMLINT_FIXED
static_assert(sizeof(Part) == 2, "");
#endif
