#include <vector>

std::vector<int> collect(const std::vector<std::vector<int>> &Rows, int Width) {
  std::vector<int> Out;
  Out.reserve(Width);
  for (const std::vector<int> &Row : Rows) {
    for (int X : Row)
      Out.push_back(X);
  }
  return Out;
}
