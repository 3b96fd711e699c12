// RUN: %check_clang_tidy -run-fixed %s memlint-padding-waste %t
// Reordering keeps what the program does: designated initializers, member
// access and copies do not depend on the order.
#include <cstdio>
#include <vector>
struct Point { char Label; double X; char Kind; double Y; };
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'Point' is 32 bytes with 14 bytes of padding; ordering its fields as (X, Y, Label, Kind) makes it 24 bytes; it is stored in arrays or containers, so every element pays it [memlint-padding-waste]
// CHECK-FIXES: struct Point { double X; double Y; char Label; char Kind; };
int main() {
  std::vector<Point> Ps;
  Point P;
  P.Label = 'a';
  P.X = 1.5;
  P.Kind = 'k';
  P.Y = -2;
  Ps.push_back(P);
  Ps.push_back(Point{});
  for (const Point &Q : Ps)
    std::printf("%c %g %c %g\n", Q.Label ? Q.Label : '-', Q.X, Q.Kind ? Q.Kind : '-', Q.Y);
  return 0;
}
