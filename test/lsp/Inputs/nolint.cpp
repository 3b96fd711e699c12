#include <string>
#include <vector>

int count(const std::vector<std::string> &Names) {
  int N = 0;
  for (std::string Name : Names) // NOLINT(performance-for-range-copy, memlint-unneeded-copy)
    N += Name.size();
  return N;
}
