#include "fixture/grow.h"

std::vector<int> grow(int n) {
  std::vector<int> v;
#if FIXTURE_GROW
  for (int i = 0; i < n; ++i)
    v.push_back(i);
#endif
  return v;
}
