#include <array>
#include <cstdio>
#include <vector>

int histogram(const unsigned char *Data, int Len) {
  std::array<int, 16> Buckets{};
  for (int I = 0; I < Len; ++I)
    ++Buckets[Data[I] >> 4];
  int Peak = 0;
  for (int B : Buckets)
    Peak = B > Peak ? B : Peak;
  return Peak;
}
