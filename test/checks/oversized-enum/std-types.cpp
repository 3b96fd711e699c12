// RUN: %check_clang_tidy %s memlint-oversized-enum %t
// std types are reached through the user's variables, fields, bases and
// calls, not through declarations inside the standard library (clangd and
// clang-tidy 22 do not traverse those), so LLVM 19, LLVM 22 and the editor
// report the same thing. The message names the type the user wrote, not a
// library-internal one (std::optional<E>, not its payload base).
// CHECK-FIXES: #include <array>
// CHECK-FIXES: #include <cstdint>
// CHECK-FIXES-NEXT: #include <map>
#include <array>
#include <map>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

enum E1 { A1, B1 };
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: enum 'E1' can be std::uint8_t; that makes 'std::pair<E1, char>' 2 bytes instead of 8 [memlint-oversized-enum]
// CHECK-FIXES: enum E1 : std::uint8_t { A1, B1 };
std::pair<E1, char> P1[64];

enum E2 { A2, B2 };
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: enum 'E2' can be std::uint8_t; that makes 'std::pair<E2, char>' 2 bytes instead of 8 [memlint-oversized-enum]
// CHECK-FIXES: enum E2 : std::uint8_t { A2, B2 };
struct H2 {
  std::pair<E2, char> P;
};
H2 Many2[10];

enum E4 { A4, B4 };
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: enum 'E4' can be std::uint8_t; that makes 'std::optional<E4>' 2 bytes instead of 8 [memlint-oversized-enum]
// CHECK-FIXES: enum E4 : std::uint8_t { A4, B4 };
std::optional<E4> Opt4[10];

enum E6 { A6, B6 };
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: enum 'E6' can be std::uint8_t; that makes 'std::pair<E6, char>' 2 bytes instead of 8 [memlint-oversized-enum]
// CHECK-FIXES: enum E6 : std::uint8_t { A6, B6 };
std::vector<std::pair<E6, char>> Vec6;

enum E7 { A7, B7 };
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: enum 'E7' can be std::uint8_t; that makes each element of a 'new E7[]' array 1 byte instead of 4 [memlint-oversized-enum]
// CHECK-FIXES: enum E7 : std::uint8_t { A7, B7 };
auto Ptr7 = std::make_unique<E7[]>(100);

enum E3 { A3, B3 };
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: enum 'E3' can be std::uint8_t; that makes 'std::array<E3, 100>' 100 bytes instead of 400 [memlint-oversized-enum]
// CHECK-FIXES: enum E3 : std::uint8_t { A3, B3 };
std::array<E3, 100> Arr3;

// Map nodes hold std::pair<const Key, T>.
enum E5 { A5, B5 };
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: enum 'E5' can be std::uint8_t; that makes 'std::pair<const E5, char>' 2 bytes instead of 8 [memlint-oversized-enum]
// CHECK-FIXES: enum E5 : std::uint8_t { A5, B5 };
std::map<E5, char> Map5;

// A base class of std type, and a local variable.
enum E8 { A8, B8 };
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: enum 'E8' can be std::uint8_t; that makes 'std::pair<E8, short>' 4 bytes instead of 8 [memlint-oversized-enum]
// CHECK-FIXES: enum E8 : std::uint8_t { A8, B8 };
struct D8 : std::pair<E8, short> {};
enum E9 { A9, B9 };
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: enum 'E9' can be std::uint8_t; that makes 'std::optional<E9>' 2 bytes instead of 8 [memlint-oversized-enum]
// CHECK-FIXES: enum E9 : std::uint8_t { A9, B9 };
int useLocal() {
  std::optional<E9> O;
  return O.has_value();
}

// Not flagged: the std type does not get smaller (int keeps the pair at 8
// bytes), a single object through make_unique, a pointer to the enum.
enum N1 { AN1, BN1 };
// CHECK-FIXES: enum N1 { AN1, BN1 };
std::pair<N1, int> NP1;
enum N2 { AN2, BN2 };
// CHECK-FIXES: enum N2 { AN2, BN2 };
auto NPtr2 = std::make_unique<N2>(AN2);
enum N3 { AN3, BN3 };
// CHECK-FIXES: enum N3 { AN3, BN3 };
std::vector<N3 *> NVec3;
// A user class template is laid out the same way.
template <class T> struct Pairish {
  T First;
  char Second;
};
enum E10 { A10, B10 };
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: enum 'E10' can be std::uint8_t; that makes 'Pairish<E10>' 2 bytes instead of 8 [memlint-oversized-enum]
// CHECK-FIXES: enum E10 : std::uint8_t { A10, B10 };
Pairish<E10> PE10;

#ifdef MEMLINT_FIXED
static_assert(sizeof(std::pair<E1, char>) == 2, "");
static_assert(sizeof(std::optional<E4>) == 2, "");
static_assert(sizeof(std::array<E3, 100>) == 100, "");
static_assert(sizeof(std::pair<N1, int>) == 8, "");
#endif
