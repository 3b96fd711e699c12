// Allocates a known number of times at known lines (test/driver/sites.test).
#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

__attribute__((noinline)) int *makeOne(int I) {
  return new int(I); // line 11: 100 allocations from main, 50 from the thread
}

__attribute__((noinline)) void grow(std::vector<long> &V) {
  for (long I = 0; I < 1000; ++I)
    V.push_back(I); // line 16: vector growth, inside the standard library
}

int main() {
  std::vector<int *> Kept;
  Kept.reserve(100);
  for (int I = 0; I < 100; ++I)
    Kept.push_back(makeOne(I));
  std::thread T([] {
    for (int I = 0; I < 50; ++I)
      delete makeOne(I); // line 26
  });
  T.join();
  std::vector<long> V;
  grow(V);
  if (pid_t Child = fork(); Child == 0) {
    for (int I = 0; I < 7; ++I) {
      void *volatile P = std::malloc(24); // line 33: in the child only
      std::free(P);
    }
    return 0;
  } else {
    waitpid(Child, nullptr, 0);
  }
  for (int *P : Kept)
    delete P;
  void *volatile R = std::malloc(8); // line 42
  for (int I = 0; I < 5; ++I)
    R = std::realloc(R, 16 << I); // line 44: 5 allocations, each frees one
  std::free(R);
  std::printf("%zu\n", V.size());
  return 0;
}
