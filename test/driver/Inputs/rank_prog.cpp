// Two memlint-missing-reserve findings of very different heat, for
// test/driver/profile-rank.test: the growth of 'hot' runs 1000 times.
#include <cstdio>
#include <vector>

static long hotLoop() {
  long Total = 0;
  for (int R = 0; R < 1000; ++R) {
    std::vector<int> Hot;
    for (int I = 0; I < 100; ++I)
      Hot.push_back(I);
    Total += static_cast<long>(Hot.size());
  }
  return Total;
}

static long coldLoop() {
  std::vector<int> Cold;
  for (int I = 0; I < 100; ++I)
    Cold.push_back(I);
  return static_cast<long>(Cold.size());
}

int main() {
  std::printf("%ld\n", hotLoop() + coldLoop());
  return 0;
}
