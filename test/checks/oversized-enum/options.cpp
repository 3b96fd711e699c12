// RUN: %check_clang_tidy %s memlint-oversized-enum %t
// RUN: %check_clang_tidy -check-suffix=ALL %s memlint-oversized-enum %t -- -config="{CheckOptions: {memlint-oversized-enum.OnlyWhenItSaves: false, memlint-oversized-enum.IgnoredEnums: 'ns::Ign.*;Other'}}"
// RUN: %check_clang_tidy -check-suffix=GOOGLE %s memlint-oversized-enum %t -- -config="{CheckOptions: {memlint-oversized-enum.IncludeStyle: google}}"
#include <vector>
#include "local.h"
// CHECK-FIXES: #include <cstdint>
// CHECK-FIXES-NEXT: #include <vector>
// CHECK-FIXES-ALL: #include <cstdint>
// CHECK-FIXES-ALL-NEXT: #include <vector>
// Google style puts system headers in their own block, sorted.
// CHECK-FIXES-GOOGLE: #include <cstdint>
// CHECK-FIXES-GOOGLE-NEXT: #include <vector>

// Saves memory: flagged under every option set.
enum Color { Red, Green };
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: enum 'Color' can be std::uint8_t; that makes 'Pixel' 2 bytes instead of 8 [memlint-oversized-enum]
// CHECK-MESSAGES-ALL: :[[@LINE-2]]:6: warning: enum 'Color' can be std::uint8_t; that makes 'Pixel' 2 bytes instead of 8 [memlint-oversized-enum]
// CHECK-MESSAGES-GOOGLE: :[[@LINE-3]]:6: warning: enum 'Color' can be std::uint8_t; that makes 'Pixel' 2 bytes instead of 8 [memlint-oversized-enum]
// CHECK-FIXES: enum Color : std::uint8_t { Red, Green };
// CHECK-FIXES-ALL: enum Color : std::uint8_t { Red, Green };
// CHECK-FIXES-GOOGLE: enum Color : std::uint8_t { Red, Green };
struct Pixel { Color c; char x; };

// Saves nothing: only OnlyWhenItSaves=false reports it.
enum class State { Idle, Busy };
// CHECK-MESSAGES-ALL: :[[@LINE-1]]:12: warning: enum 'State' can be std::uint8_t; its values fit in 1 byte instead of 4 [memlint-oversized-enum]
// CHECK-FIXES-ALL: enum class State : std::uint8_t { Idle, Busy };
// CHECK-FIXES: enum class State { Idle, Busy };
State current();

// IgnoredEnums: regexes on the qualified name.
namespace ns {
enum Ignored1 { I1 };
enum class Ignored2 { I2 };
enum Kept { K1 };
// CHECK-MESSAGES-ALL: :[[@LINE-1]]:6: warning: enum 'ns::Kept' can be std::uint8_t; its values fit in 1 byte instead of 4 [memlint-oversized-enum]
// CHECK-FIXES-ALL: enum Kept : std::uint8_t { K1 };
} // namespace ns
enum Other { O1 };
