// A missing-reserve finding whose attribution is larger than its saving:
// each call of fill allocates 8 times at the push_back (1, 2, 4 ... 128
// ints); the reserve the fix adds still allocates once per call, and the
// profile counts all 8 at the growth call's line.
#include <cstdio>
#include <cstdlib>
#include <vector>

__attribute__((noinline)) static unsigned long fill(int R) {
  std::vector<int> V;
  for (int I = 0; I < 100; ++I)
    V.push_back(I + R);
  return V[R % 100];
}

int main(int Argc, char **Argv) {
  int N = Argc > 1 ? std::atoi(Argv[1]) : 100;
  unsigned long Sum = 0;
  for (int R = 0; R < N; ++R)
    Sum += fill(R);
  std::printf("%lu\n", Sum);
  return 0;
}
