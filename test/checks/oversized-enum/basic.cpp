// RUN: %check_clang_tidy %s memlint-oversized-enum %t
#include <vector>
// The include is added once, sorted in LLVM style.
// CHECK-FIXES: #include <cstdint>
// CHECK-FIXES-NEXT: #include <vector>

// The example of the issue: the narrower enum shrinks a record.
enum Color { Red, Green, Blue };
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: enum 'Color' can be std::uint8_t; that makes 'Pixel' 2 bytes instead of 8 [memlint-oversized-enum]
// CHECK-FIXES: enum Color : std::uint8_t { Red, Green, Blue };
struct Pixel { Color c; char x; };

// Arrays inside records, nested records: the biggest saving is named.
enum class Shape { Circle, Square };
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: enum 'Shape' can be std::uint8_t; that makes 'Scene' 22 bytes instead of 84 [memlint-oversized-enum]
// CHECK-FIXES: enum class Shape : std::uint8_t { Circle, Square };
struct Tile { Shape s[4]; char tag; };
struct Scene { Tile tiles[2]; Tile more[2]; short id; };

// Negative values need a signed type.
enum Delta { Down = -1, Same = 0, Up = 1 };
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: enum 'Delta' can be std::int8_t; that makes 'table' 64 bytes instead of 256 [memlint-oversized-enum]
// CHECK-FIXES: enum Delta : std::int8_t { Down = -1, Same = 0, Up = 1 };
Delta table[64];

// Values needing 16 bits; an explicit `: int` is replaced.
enum Port : int { Http = 80, Alt = 8080 };
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: enum 'Port' can be std::uint16_t; that makes 'Endpoint' 4 bytes instead of 8 [memlint-oversized-enum]
// CHECK-FIXES: enum Port : std::uint16_t { Http = 80, Alt = 8080 };
struct Endpoint { Port p; short weight; };

// 64-bit scoped enum whose values need 32 bits.
enum class Big : long long { A = 1, B = 4000000000 };
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: enum 'Big' can be std::uint32_t; that makes 'HoldsBig' 8 bytes instead of 16 [memlint-oversized-enum]
// CHECK-FIXES: enum class Big : std::uint32_t { A = 1, B = 4000000000 };
struct HoldsBig { Big b; int i; };

// An explicit type spelled through a typedef.
typedef unsigned int u32;
enum Level : u32 { Low, High };
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: enum 'Level' can be std::uint8_t; that makes 'Log' 2 bytes instead of 8 [memlint-oversized-enum]
// CHECK-FIXES: enum Level : std::uint8_t { Low, High };
struct Log { Level l; char c; };

// Elements of a standard container.
enum class Cell { Empty, Wall };
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: enum 'Cell' can be std::uint8_t; that makes each element of 'std::vector<Cell>' 1 byte instead of 4 [memlint-oversized-enum]
// CHECK-FIXES: enum class Cell : std::uint8_t { Empty, Wall };
std::vector<Cell> grid;

// Opaque redeclarations change together with the definition.
enum class Mode;
// CHECK-FIXES: enum class Mode : std::uint8_t;
enum class Mode { On, Off };
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: enum 'Mode' can be std::uint8_t; that makes 'Device' 2 bytes instead of 8 [memlint-oversized-enum]
// CHECK-FIXES: enum class Mode : std::uint8_t { On, Off };
enum class Mode;
// CHECK-FIXES: enum class Mode : std::uint8_t;
struct Device { Mode m; char c; };

// An anonymous enum in a record.
struct Token {
  enum { Word, Number } kind;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: anonymous enum can be std::uint8_t; that makes 'Token' 2 bytes instead of 8 [memlint-oversized-enum]
  // CHECK-FIXES: enum : std::uint8_t { Word, Number } kind;
  char c;
};

// A record holding a record holding the enum: the outer one is named when it
// saves more.
enum Suit { Hearts, Spades };
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: enum 'Suit' can be std::uint8_t; that makes 'Deck' 104 bytes instead of 416 [memlint-oversized-enum]
// CHECK-FIXES: enum Suit : std::uint8_t { Hearts, Spades };
struct Card { Suit s; char rank; };
struct Deck { Card cards[52]; };

// Values used through casts keep working: static_cast<int> is unchanged.
int code(Color c) { return static_cast<int>(c) + Blue; }

// --- Not flagged -----------------------------------------------------------

// Shrinking saves nothing: the int after it keeps the record at 8 bytes.
enum NoGain { NA, NB };
struct Aligned { NoGain g; int i; };

// Only used as a local or parameter: nothing gets smaller.
enum Local { LA, LB };
int useLocal(Local l) { Local x = l; return x; }

// Already minimal.
enum Small : unsigned char { SA, SB };
struct HoldsSmall { Small s; char c; };
enum class Wide : short { WA = -300, WB = 300 };
struct HoldsWide { Wide w; char c; };

// Values need the full width.
enum Huge { H1 = 0x7fffffff };
struct HoldsHuge { Huge h; char c; };

// NOLINT.
enum Quiet { QA, QB }; // NOLINT(memlint-oversized-enum)
struct HoldsQuiet { Quiet q; char c; };

#ifdef MEMLINT_FIXED
static_assert(sizeof(Pixel) == 2, "");
static_assert(sizeof(Scene) == 22, "");
static_assert(sizeof(table) == 64, "");
static_assert(sizeof(Endpoint) == 4, "");
static_assert(sizeof(HoldsBig) == 8, "");
static_assert(sizeof(Log) == 2, "");
static_assert(sizeof(Device) == 2, "");
static_assert(sizeof(Token) == 2, "");
static_assert(sizeof(Deck) == 104, "");
static_assert(sizeof(Aligned) == 8, "");
#endif
