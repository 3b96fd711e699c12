// Four findings of three checks whose fixes save different numbers of
// allocations, for test/driver/attribution.test.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

static std::vector<std::string> Names;

// memlint-allocation-in-loop: 'H' is a new string on every iteration.
__attribute__((noinline)) static unsigned long localCopies(int N) {
  unsigned long Total = 0;
  for (int I = 0; I < N; ++I) {
    std::string H = Names[I % Names.size()];
    Total += H.size();
  }
  return Total;
}

// memlint-heap-fixed-buffer: 'Buf' always holds 8 ints.
__attribute__((noinline)) static int fixedBuffers(int N) {
  int Sum = 0;
  for (int I = 0; I < N; ++I) {
    std::vector<int> Buf(8);
    for (int J = 0; J < 8; ++J)
      Buf[J] = I + J;
    Sum += Buf[I % 8];
  }
  return Sum;
}

// memlint-copy-at-last-use: 'Name' is copied into the vector at its last use.
__attribute__((noinline)) static unsigned long lastUseCopies(int N) {
  std::vector<std::string> Out;
  Out.reserve(N);
  for (int I = 0; I < N; ++I) {
    std::string Name = Names[I % Names.size()] + "-copy";
    Out.push_back(Name);
  }
  return Out.size();
}

int main(int Argc, char **Argv) {
  int N = Argc > 1 ? std::atoi(Argv[1]) : 100;
  for (int I = 0; I < 4; ++I)
    Names.push_back(std::string(40, 'a' + I));
  unsigned long R = localCopies(3 * N) + fixedBuffers(2 * N) + lastUseCopies(N);
  std::printf("%lu\n", R);
  return 0;
}
