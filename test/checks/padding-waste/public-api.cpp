// Reordering the fields of a record in a public header (PublicHeaders, or
// InstalledHeaders as `memlint check` computes it) changes the library's ABI:
// reported, not fixed, unless FixPublicAPI is true. Exported records (see
// exported.cpp) follow the same option.
// RUN: %check_clang_tidy -check-header=Inputs/private_record.h %s memlint-padding-waste %t -- \
// RUN:   -header-filter=.* -config="{CheckOptions: {PublicHeaders: 'include/mylib/'}}"
// RUN: %check_clang_tidy -check-header=Inputs/private_record.h %s memlint-padding-waste %t -- \
// RUN:   -header-filter=.* -config="{CheckOptions: {InstalledHeaders: '/Inputs/include/mylib/public_record\.h$'}}"
// RUN: %check_clang_tidy -check-suffix=FIX -check-header=Inputs/include/mylib/public_record.h %s memlint-padding-waste %t -- \
// RUN:   -header-filter=.* -config="{CheckOptions: {PublicHeaders: 'include/mylib/', memlint-padding-waste.FixPublicAPI: true, memlint-padding-waste.CheckExportedRecords: true}}" -- -DFIX_ALL
#include "include/mylib/public_record.h"
#include "private_record.h"

// CHECK-NOTES: public_record.h:3:8: warning: 'Options' is 24 bytes with 14 bytes of padding; ordering its fields as (Ratio, Create, Paranoid) makes it 16 bytes [memlint-padding-waste]
// CHECK-NOTES: public_record.h:3:8: note: no fixit: it is in a public header (public_record.h); reordering its fields changes the library's ABI (set FixPublicAPI to true to allow)
// CHECK-NOTES: public_record.h:10:8: warning: 'Scratch' is 24 bytes
// CHECK-NOTES: private_record.h:3:8: warning: 'Entry' is 24 bytes
// CHECK-HEADER-FIXES: struct Entry { double B; char A; char C; };
// CHECK-MESSAGES-FIX: public_record.h:3:8: warning: 'Options' is 24 bytes
// CHECK-MESSAGES-FIX: public_record.h:10:8: warning: 'Scratch' is 24 bytes
// CHECK-MESSAGES-FIX: private_record.h:3:8: warning: 'Entry' is 24 bytes
// CHECK-HEADER-FIXES-FIX:      struct Options {
// CHECK-HEADER-FIXES-FIX-NEXT:   double Ratio;
// CHECK-HEADER-FIXES-FIX-NEXT:   char Create;
// CHECK-HEADER-FIXES-FIX-NEXT:   char Paranoid;
// CHECK-HEADER-FIXES-FIX-NEXT: };
// CHECK-HEADER-FIXES-FIX: struct Scratch { double B; char A; char C; };

// With FixPublicAPI an exported record is fixed too.
#define MYLIB_API __attribute__((visibility("default")))
struct MYLIB_API Exported { char A; double B; char C; };
// CHECK-MESSAGES-FIX: :[[@LINE-1]]:18: warning: 'Exported' is 24 bytes
// CHECK-FIXES-FIX: struct MYLIB_API Exported { double B; char A; char C; };

// The main file is not a public header: fixed.
struct Local { char A; double B; char C; };
// CHECK-NOTES: :[[@LINE-1]]:8: warning: 'Local' is 24 bytes
// CHECK-MESSAGES-FIX: :[[@LINE-2]]:8: warning: 'Local' is 24 bytes
// CHECK-FIXES: struct Local { double B; char A; char C; };
// CHECK-FIXES-FIX: struct Local { double B; char A; char C; };

#ifdef MEMLINT_FIXED
#ifdef FIX_ALL
static_assert(sizeof(Options) == 16 && sizeof(Exported) == 16, "");
#else
static_assert(sizeof(Options) == 24 && sizeof(Exported) == 24, "");
#endif
static_assert(sizeof(Entry) == 16 && sizeof(Local) == 16, "");
#endif
