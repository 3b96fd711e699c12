// Run under LD_PRELOAD=libmemlint_alloc_count.so by alloc_preload_test:
// makes exactly N extra allocations of known sizes (N = argv[1] * 3).
#include <cstdlib>
#include <new>
#include <vector>

int main(int argc, char **argv) {
  const int rounds = argc > 1 ? std::atoi(argv[1]) : 0;
  for (int r = 0; r < rounds; ++r) {
    void *volatile p = std::malloc(100);
    int *volatile q = new int[25]; // 100 bytes
    std::vector<char> v(100);      // 100 bytes
    asm volatile("" : : "g"(v.data()) : "memory");
    std::free(p);
    delete[] q;
  }
  return 0;
}
