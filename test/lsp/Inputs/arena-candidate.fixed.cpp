#include <memlint/arena.hpp>
#include <memory>
#include <vector>

struct Point {
  Point(int X, int Y) : X(X), Y(Y) {}
  int X, Y;
};

int sumPoints(int N) {
  memlint::arena PtsArena;
  std::vector<Point *> Pts;
  for (int I = 0; I < N; ++I)
    Pts.push_back(PtsArena.make<Point>(I, 2 * I));
  int Sum = 0;
  for (auto &P : Pts)
    Sum += P->X + P->Y;
  return Sum;
}
