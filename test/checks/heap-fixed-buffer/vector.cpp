// RUN: %check_clang_tidy -run-fixed %s memlint-heap-fixed-buffer %t

// Every flagged std::vector shape, with the exact fix; the fixed program must
// print the same as the original.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <string>
#include <vector>
// CHECK-FIXES: #include <algorithm>
#include <cmath>
// CHECK-FIXES-NEXT: #include <array>
// CHECK-FIXES-NEXT: #include <cmath>

constexpr int kSlots = 6;
#define BUF_SIZE 5

struct Point {
  int X = 7;
  int Y;
};

int valueInit() {
  std::vector<int> v(8);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'v' allocates a fixed-size buffer of 32 bytes on the heap; use 'std::array<int, 8>' to keep it on the stack [memlint-heap-fixed-buffer]
  // CHECK-FIXES: std::array<int, 8> v{};
  for (size_t i = 0; i < v.size(); ++i)
    v[i] += static_cast<int>(i * 3 % 5);
  std::sort(v.begin(), v.end());
  int Sum = 0;
  for (int x : v)
    Sum = Sum * 3 + x;
  return Sum + v.front() + v.back() + v.at(2) + *v.data() + (v.empty() ? 1 : 0);
}

double fillWithZeroIsValueInit() {
  std::vector<double> d(4, 0.0);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'd' allocates a fixed-size buffer of 32 bytes on the heap; use 'std::array<double, 4>' to keep it on the stack
  // CHECK-FIXES: std::array<double, 4> d{};
  d[1] = 2.5;
  return std::accumulate(d.begin(), d.end(), 0.0);
}

int fillWithValue() {
  std::vector<int> f(kSlots, 42);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'f' allocates a fixed-size buffer of 24 bytes on the heap; use 'std::array<int, kSlots>' to keep it on the stack
  // CHECK-FIXES: std::array<int, kSlots> f; f.fill(42);
  f[0] = 1;
  return std::accumulate(f.cbegin(), f.cend(), 0) + static_cast<int>(std::size(f));
}

int negativeZeroIsNotValueInit() {
  std::vector<double> n(2, -0.0);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'n' allocates a fixed-size buffer of 16 bytes on the heap; use 'std::array<double, 2>' to keep it on the stack
  // CHECK-FIXES: std::array<double, 2> n; n.fill(-0.0);
  return std::signbit(n[1]) ? 1 : 0;
}

int constVector() {
  const std::vector<long> c(3);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'c' allocates a fixed-size buffer of 24 bytes on the heap; use 'std::array<long, 3>' to keep it on the stack
  // CHECK-FIXES: const std::array<long, 3> c{};
  return static_cast<int>(c[2] + std::size(c));
}

int classElements() {
  std::vector<Point> pts(3);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'pts' allocates a fixed-size buffer of 24 bytes on the heap; use 'std::array<Point, 3>' to keep it on the stack
  // CHECK-FIXES: std::array<Point, 3> pts{};
  std::vector<std::string> names(2, "ab");
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'names' allocates a fixed-size buffer of {{[0-9]+}} bytes on the heap; use 'std::array<std::string, 2>' to keep it on the stack
  // CHECK-FIXES: std::array<std::string, 2> names; names.fill("ab");
  return pts[1].X + pts[2].Y + static_cast<int>(names[1].size());
}

int expressionsAndMacros() {
  std::vector<char> e(kSlots > 4 ? 8 : 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'e' allocates a fixed-size buffer of 8 bytes on the heap; use 'std::array<char, (kSlots > 4 ? 8 : 2)>' to keep it on the stack
  // CHECK-FIXES: std::array<char, (kSlots > 4 ? 8 : 2)> e{};
  std::vector<short> m(BUF_SIZE);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'm' allocates a fixed-size buffer of 10 bytes on the heap; use 'std::array<short, BUF_SIZE>' to keep it on the stack
  // CHECK-FIXES: std::array<short, BUF_SIZE> m{};
  std::snprintf(e.data(), e.size(), "%d", 1234);
  return e[0] + m[4];
}

int initStatements() {
  int Total = 0;
  // A value-initialized array fits in an init-statement.
  if (std::vector<int> t(4); !t.empty())
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 't' allocates a fixed-size buffer of 16 bytes on the heap; use 'std::array<int, 4>' to keep it on the stack
    // CHECK-FIXES: if (std::array<int, 4> t{}; !t.empty())
    Total += static_cast<int>(t.size()) + t[3];
  return Total;
}

int lambdaUse() {
  std::vector<int> l(3);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'l' allocates a fixed-size buffer of 12 bytes on the heap; use 'std::array<int, 3>' to keep it on the stack
  // CHECK-FIXES: std::array<int, 3> l{};
  auto Set = [&](int I) { l[I] = I * 10; };
  Set(1);
  Set(2);
  return l[0] + l[1] + l[2];
}

int main() {
  std::printf("%d %g %d %d %d %d %d %d %d\n", valueInit(),
              fillWithZeroIsValueInit(), fillWithValue(),
              negativeZeroIsNotValueInit(), constVector(), classElements(),
              expressionsAndMacros(), initStatements(), lambdaUse());
}
