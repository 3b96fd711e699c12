// RUN: %check_clang_tidy -run-fixed %s memlint-arena-candidate %t

// The std::vector<std::unique_ptr<T>> local pattern is rewritten onto a
// memlint::arena declared just before the vector (so it is destroyed after
// it), and the program behaves the same.

#include <cstdio>
#include <memory>
#include <string>
#include <vector>
// CHECK-FIXES: {{^}}#include <memlint/arena.hpp>{{$}}

struct Point {
  Point(int X, int Y) : X(X), Y(Y) {}
  int X, Y;
};

struct Shape {
  virtual ~Shape() = default;
  virtual int area() const = 0;
};
struct Square : Shape {
  explicit Square(int S) : S(S) {}
  int area() const override { return S * S; }
  int S;
};

struct Named {
  explicit Named(std::string N) : Name(std::move(N)) {}
  std::string Name;
};

static int points(int N) {
  std::vector<std::unique_ptr<Point>> pts;
  for (int I = 0; I < N; ++I)
    pts.push_back(std::make_unique<Point>(I, 2 * I));
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: each 'Point' is a separate heap allocation, yet all of them are owned by 'pts' and freed together; allocate them from a 'memlint::arena' [memlint-arena-candidate]
  int Sum = 0;
  for (auto &P : pts)
    Sum += P->X + (*P).Y;
  for (std::size_t I = 0; I < pts.size(); ++I)
    Sum += pts[I]->X + pts.at(I)->Y;
  return Sum + pts.front()->X + pts.back()->Y + int(pts.empty());
  // CHECK-FIXES:      {{^}}  memlint::arena ptsArena;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  std::vector<Point *> pts;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (int I = 0; I < N; ++I){{$}}
  // CHECK-FIXES-NEXT: {{^}}    pts.push_back(ptsArena.make<Point>(I, 2 * I));{{$}}
}

static int shapes(int N) {
  std::vector<std::unique_ptr<Shape>> all;
  all.reserve(N);
  int K = 0;
  while (K < N) {
    all.emplace_back(new Square(K));
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: each 'Square' is a separate heap allocation, yet all of them are owned by 'all'
    all.push_back(std::unique_ptr<Shape>(new Square(K + 1)));
    // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: each 'Square' is a separate heap allocation
    ++K;
  }
  int Area = 0;
  for (const auto &S : all)
    Area += S->area();
  return Area;
  // CHECK-FIXES:      {{^}}  memlint::arena allArena;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  std::vector<Shape *> all;{{$}}
  // CHECK-FIXES:      {{^}}    all.emplace_back(allArena.make<Square>(K));{{$}}
  // CHECK-FIXES:      {{^}}    all.push_back(allArena.make<Square>(K + 1));{{$}}
}

// A name already taken gets a number.
static std::size_t names(const std::vector<std::string> &In) {
  int namesArena = 0;
  std::vector<std::unique_ptr<Named>> names;
  for (const std::string &S : In)
    names.push_back(std::make_unique<Named>(S));
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: each 'Named' is a separate heap allocation
  std::size_t Total = namesArena;
  for (auto &N : names)
    Total += N->Name.size();
  return Total;
  // CHECK-FIXES:      {{^}}  memlint::arena namesArena2;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  std::vector<Named *> names;{{$}}
  // CHECK-FIXES:      {{^}}    names.push_back(namesArena2.make<Named>(S));{{$}}
}

int main() {
  std::printf("%d %d %zu\n", points(5), shapes(4),
              names({"a", "bb", "a name too long for the inline buffer"}));
  return 0;
}
