#include <vector>

enum Color { Red, Green };
struct Pixel { Color C; char X; };

int f(std::vector<int> V) {
  return V.size() +
}

struct Holder { Pixel P[4]; undeclared_type T; };
