#include <cstdio>
#include <memlint/compact_string.hpp>
#include <string>

void logCounter(int N) {
  memlint::compact_string Tag = memlint::compact_string("counter_") + std::to_string(N);
  std::puts(Tag.c_str());
}
