// 4 threads allocate concurrently at 8 stacks, 1000 times each
// (sites-stress.test), and one allocation 100 calls deep.
#include <cstdio>
#include <thread>
#include <vector>

template <int K> __attribute__((noinline)) void allocAt() {
  char *volatile P = new char[K + 1]; // line 8 (volatile: not elided)
  delete[] P;
}

__attribute__((noinline)) char *deep(int N) {
  char *P = N == 0 ? new char[1] : deep(N - 1); // line 13
  asm volatile("" ::: "memory"); // no tail call
  return P;
}

template <int... K> void allocAll(std::integer_sequence<int, K...>) {
  (allocAt<K>(), ...);
}

int main() {
  std::vector<std::thread> Threads;
  for (int T = 0; T < 4; ++T)
    Threads.emplace_back([] {
      for (int I = 0; I < 1000; ++I)
        allocAll(std::make_integer_sequence<int, 8>());
    });
  for (std::thread &T : Threads)
    T.join();
  char *volatile D = deep(100);
  delete[] D;
  std::puts("done");
}
