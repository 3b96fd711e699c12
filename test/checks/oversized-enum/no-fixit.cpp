// RUN: %check_clang_tidy %s memlint-oversized-enum %t -- -- -isystem %S/Inputs/system
#include <iostream>
#include <type_traits>
#include <sysenum.h>

// Diagnosed, but each case carries a note instead of a fixit.

#define DECLARE_ENUM(Name) enum Name { Name##A, Name##B }
DECLARE_ENUM(FromMacro);
// CHECK-NOTES: :[[@LINE-1]]:14: warning: enum 'FromMacro' can be std::uint8_t; that makes 'HoldsMacro' 2 bytes instead of 8 [memlint-oversized-enum]
// CHECK-NOTES: :[[@LINE-2]]:14: note: no fixit: the enum is defined by a macro expansion; edit the macro
struct HoldsMacro { FromMacro m; char c; };

extern "C" {
enum CEnum { CA, CB };
// CHECK-NOTES: :[[@LINE-1]]:6: warning: enum 'CEnum' can be std::uint8_t; that makes 'CStruct' 2 bytes instead of 8 [memlint-oversized-enum]
// CHECK-NOTES: :[[@LINE-2]]:6: note: no fixit: the enum is declared in an 'extern "C"' block; its size is part of the C interface
struct CStruct { CEnum e; char c; };
}

// The code relies on the enum's width (a wire format, say).
enum Wire { WA, WB };
// CHECK-NOTES: :[[@LINE-1]]:6: warning: enum 'Wire' can be std::uint8_t; that makes 'Packet' 2 bytes instead of 8 [memlint-oversized-enum]
struct Packet { Wire w; char c; };
unsigned wireBytes() { return sizeof(Wire); }
// CHECK-NOTES: :[[@LINE-1]]:31: note: no fixit: 'sizeof' of the enum is used and its value would change

// A static_assert pins the size of a record the change would shrink.
enum Pinned { PA, PB };
// CHECK-NOTES: :[[@LINE-1]]:6: warning: enum 'Pinned' can be std::uint8_t; that makes 'Abi' 2 bytes instead of 8 [memlint-oversized-enum]
struct Abi { Pinned p; char c; };
static_assert(sizeof(Abi) == 8, "ABI");
// CHECK-NOTES: :[[@LINE-1]]:15: note: no fixit: a static_assert checks the size of 'Abi', which the change would break

// std::underlying_type would change from 'unsigned int' to 'unsigned char':
// printing the cast value would print a character.
enum class Printed { PX, PY };
// CHECK-NOTES: :[[@LINE-1]]:12: warning: enum 'Printed' can be std::uint8_t; that makes 'HoldsPrinted' 2 bytes instead of 8 [memlint-oversized-enum]
// CHECK-NOTES: :[[@LINE-2]]:12: note: no fixit: 'std::underlying_type' of the enum is used in this translation unit and its result would change
struct HoldsPrinted { Printed p; char c; };
void show(Printed p) { std::cout << static_cast<std::underlying_type_t<Printed>>(p); }

// An unscoped enum with a fixed type prefers operator<<(unsigned char).
enum Streamed { SA, SB };
// CHECK-NOTES: :[[@LINE-1]]:6: warning: enum 'Streamed' can be std::uint8_t; that makes 'HoldsStreamed' 2 bytes instead of 8 [memlint-oversized-enum]
struct HoldsStreamed { Streamed s; char c; };
void print(Streamed s) { std::cout << s; }
// CHECK-NOTES: :[[@LINE-1]]:39: note: no fixit: the enum is passed to overloaded 'std::basic_ostream<char>::operator<<'; with a fixed underlying type another overload may be chosen

void take(int);
void take(unsigned char);
enum Overloaded { OA, OB };
// CHECK-NOTES: :[[@LINE-1]]:6: warning: enum 'Overloaded' can be std::uint8_t; that makes 'HoldsOverloaded' 2 bytes instead of 8 [memlint-oversized-enum]
struct HoldsOverloaded { Overloaded o; char c; };
void call() { take(OA); }
// CHECK-NOTES: :[[@LINE-1]]:20: note: no fixit: the enum is passed to overloaded 'take'; with a fixed underlying type another overload may be chosen

// --- Not flagged at all ----------------------------------------------------

// Bit-field types: the width decides the storage.
enum BitKind { BK0, BK1, BK2 };
struct Bits { BitKind k : 2; char c; };
struct AlsoPlain { BitKind k; char c; };

// System headers: SysColor and SysPixel are not ours to change.
SysPixel sp;

// A non-overloaded function taking int is fine (silent here only because
// nothing shrinks).
void single(int);
enum Single { S1, S2 };
void callSingle() { single(S1); }
