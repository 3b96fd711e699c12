// RUN: %check_clang_tidy -check-header=Inputs/mode.h %s memlint-oversized-enum %t -- -header-filter=.*
#include "mode.h"
// CHECK-HEADER-FIXES: #include <cstdint>
// CHECK-HEADER-FIXES: enum class Mode : std::uint8_t;

// CHECK-FIXES: #include <cstdint>
// CHECK-FIXES: #include "mode.h"
enum class Mode : int { On, Off };
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: enum 'Mode' can be std::uint8_t; that makes 'Device' 2 bytes instead of 8 [memlint-oversized-enum]
// CHECK-FIXES: enum class Mode : std::uint8_t { On, Off };
struct Device { Mode m; char c; };
#ifdef MEMLINT_FIXED
static_assert(sizeof(Device) == 2, "");
#endif
