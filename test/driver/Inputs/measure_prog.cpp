#include <cstdio>
#include <vector>
int main(int Argc, char **) {
  std::vector<int> V;
  for (int I = 0; I < 100; ++I)
    V.push_back(I);
  std::printf("%d\n", static_cast<int>(V.size()));
  return Argc == 1 ? 0 : 7;
}
