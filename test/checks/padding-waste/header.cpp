// RUN: %check_clang_tidy -check-header=Inputs/record.h %s memlint-padding-waste %t -- -header-filter=.*
#include "record.h"
Header H[16];
// CHECK-MESSAGES: record.h:3:8: warning: 'Header' is 24 bytes with 14 bytes of padding; ordering its fields as (B, A, C) makes it 16 bytes; it is stored in arrays (16 elements: 128 bytes saved) [memlint-padding-waste]
// CHECK-HEADER-FIXES:      struct Header {
// CHECK-HEADER-FIXES-NEXT:   double B;
// CHECK-HEADER-FIXES-NEXT:   char A;
// CHECK-HEADER-FIXES-NEXT:   char C;
// CHECK-HEADER-FIXES-NEXT: };
#ifdef MEMLINT_FIXED
static_assert(sizeof(Header) == 16, "");
#endif
