#include <vector>

#include "fixture/grow.h"

int main() {
  std::vector<int> squares;
  for (int i = 0; i < FIXTURE_APP_LIMIT; ++i)
    squares.push_back(i * i);
  return static_cast<int>(grow(3).size() + squares.size()) - 11;
}
