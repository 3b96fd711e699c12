#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <utility>

// Each enum's only wasteful use is inside a std type.
enum E1 : std::uint8_t { A1, B1 };
std::pair<E1, char> P1[64];

enum E2 { A2, B2 };
struct H2 {
  std::pair<E2, char> P;
};
H2 Many2[10];

enum E4 { A4, B4 };
std::optional<E4> Opt4[10];

// Not here: enum E6 + std::vector<std::pair<E6, char>> (clang-tidy finds the
// pair, but in clangd std::pair<E6, char> is not complete; see the commit).

enum E7 { A7, B7 };
auto Ptr7 = std::make_unique<E7[]>(100);

enum E3 { A3, B3 };
std::array<E3, 100> Arr3;

// Not flagged: the pair stays 8 bytes.
enum N1 { AN1, BN1 };
std::pair<N1, int> NP1;
