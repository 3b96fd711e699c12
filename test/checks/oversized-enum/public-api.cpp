// Fixes that change a library's ABI are held back in its public headers
// (PublicHeaders, or InstalledHeaders as `memlint check` computes it) and for
// records exported from a shared library; FixPublicAPI brings them back.
// RUN: %check_clang_tidy -check-header=Inputs/private_enums.h %s memlint-oversized-enum %t -- \
// RUN:   -header-filter=.* -config="{CheckOptions: {PublicHeaders: 'include/mylib/'}}"
// RUN: %check_clang_tidy -check-header=Inputs/private_enums.h %s memlint-oversized-enum %t -- \
// RUN:   -header-filter=.* -config="{CheckOptions: {InstalledHeaders: '/Inputs/include/mylib/public_enums\.h$'}}"
// RUN: %check_clang_tidy -check-suffix=FIX -check-header=Inputs/include/mylib/public_enums.h %s memlint-oversized-enum %t -- \
// RUN:   -header-filter=.* -config="{CheckOptions: {PublicHeaders: 'include/mylib/', memlint-oversized-enum.FixPublicAPI: true}}" -- -DFIX_ALL
#include "include/mylib/public_enums.h"
#include "private_enums.h"

// CHECK-NOTES: public_enums.h:3:12: warning: enum 'Level' can be std::uint8_t; that makes 'Settings' 2 bytes instead of 8 [memlint-oversized-enum]
// CHECK-NOTES: public_enums.h:3:12: note: no fixit: enum 'Level' is in a public header (public_enums.h); changing its underlying type changes the library's ABI (set FixPublicAPI to true to allow)
// CHECK-NOTES: private_enums.h:3:12: warning: enum 'Phase' can be std::uint8_t; that makes 'Job' 2 bytes instead of 8 [memlint-oversized-enum]
// CHECK-HEADER-FIXES: #include <cstdint>
// CHECK-HEADER-FIXES: enum class Phase : std::uint8_t { Start, Stop };
// CHECK-MESSAGES-FIX: public_enums.h:3:12: warning: enum 'Level' can be std::uint8_t; that makes 'Settings' 2 bytes instead of 8 [memlint-oversized-enum]
// CHECK-MESSAGES-FIX: private_enums.h:3:12: warning: enum 'Phase' can be std::uint8_t
// CHECK-HEADER-FIXES-FIX: #include <cstdint>
// CHECK-HEADER-FIXES-FIX: enum class Level : std::uint8_t { Low, High };

// A private enum in a record exported from a shared library: the record's
// layout is the library's ABI.
#define MYLIB_API __attribute__((visibility("default")))
enum class Op : int { Get, Put };
// CHECK-NOTES: :[[@LINE-1]]:12: warning: enum 'Op' can be std::uint8_t; that makes 'Request' 2 bytes instead of 8 [memlint-oversized-enum]
// CHECK-NOTES: :[[@LINE-2]]:12: note: no fixit: 'Request' is exported from a shared library ('MYLIB_API'); shrinking it with the enum changes the library's ABI (set FixPublicAPI to true to allow)
// CHECK-MESSAGES-FIX: :[[@LINE-3]]:12: warning: enum 'Op' can be std::uint8_t; that makes 'Request' 2 bytes instead of 8 [memlint-oversized-enum]
// CHECK-FIXES-FIX: enum class Op : std::uint8_t { Get, Put };
struct MYLIB_API Request { Op O; char C; };

// The main file is not a public header: fixed.
enum class Local : int { One, Two };
// CHECK-NOTES: :[[@LINE-1]]:12: warning: enum 'Local' can be std::uint8_t; that makes 'Pair' 2 bytes instead of 8 [memlint-oversized-enum]
// CHECK-MESSAGES-FIX: :[[@LINE-2]]:12: warning: enum 'Local' can be std::uint8_t
// CHECK-FIXES: enum class Local : std::uint8_t { One, Two };
// CHECK-FIXES-FIX: enum class Local : std::uint8_t { One, Two };
struct Pair { Local L; char C; };

// What the fixed code promises: the public layouts are unchanged by default.
#ifdef MEMLINT_FIXED
#ifdef FIX_ALL
static_assert(sizeof(Settings) == 2 && sizeof(Request) == 2, "");
#else
static_assert(sizeof(Settings) == 8 && sizeof(Request) == 8, "");
#endif
static_assert(sizeof(Job) == 2 && sizeof(Pair) == 2, "");
#endif
