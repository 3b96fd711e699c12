// Source of test/driver/Inputs/dhat/*.json (see dhat-import.test).
#include <cstdlib>
#include <vector>
__attribute__((noinline)) int *makeOne(int I) {
  return new int(I); // line 5: 100 allocations
}
int main() {
  std::vector<int *> Kept;
  for (int I = 0; I < 100; ++I)
    Kept.push_back(makeOne(I)); // line 10: 8 vector growths
  for (int *P : Kept)
    delete P;
  for (int I = 0; I < 3; ++I)
    std::free(std::malloc(16)); // line 14: 3 allocations
  return 0;
}
