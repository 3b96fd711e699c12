#pragma once
// Installed with the library: programs built against it know this layout.
struct Options {
  char Create;
  double Ratio;
  char Paranoid;
};
namespace {
// Internal linkage: each includer has its own, no ABI to keep.
struct Scratch { char A; double B; char C; };
}
