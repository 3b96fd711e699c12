#include <vector>

std::vector<int> collect(const std::vector<std::vector<int>> &Rows, int Width) {
  std::vector<int> Out;
  for (const std::vector<int> &Row : Rows) {
    Out.reserve(Width);
    for (int X : Row)
      Out.push_back(X);
  }
  return Out;
}
