#include <cstdio>
#include <string>

void logCounter(int N) {
  std::string Tag = "counter_" + std::to_string(N);
  std::puts(Tag.c_str());
}
