// RUN: %check_clang_tidy -run-fixed %s memlint-small-vector %t

// Every flagged shape: K counts the initializer list plus every bounded
// push_back/emplace_back (loops multiply; pop_back and clear never subtract).

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>
// CHECK-FIXES: #include <algorithm>
// CHECK-FIXES-NEXT: #include <cstdio>
// CHECK-FIXES-NEXT: #include <memlint/small_vector.hpp>

struct Pair {
  int A, B;
};

int straightLine() {
  std::vector<int> v;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'v' never holds more than 3 elements but allocates them on the heap; use 'memlint::small_vector<int, 3>' to keep them inline [memlint-small-vector]
  // CHECK-FIXES: memlint::small_vector<int, 3> v;
  v.push_back(3);
  v.push_back(1);
  v.emplace_back(2);
  std::sort(v.begin(), v.end());
  int S = 0;
  for (int x : v)
    S = S * 10 + x;
  return S + v.front() + v.back() + v[1] + v.at(0) + *v.data() +
         static_cast<int>(v.size() + std::size(v)) + (v.empty() ? 100 : 0);
}

int initializerList() {
  std::vector<int> l{1, 2, 3};
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'l' never holds more than 4 elements but allocates them on the heap; use 'memlint::small_vector<int, 4>' to keep them inline
  // CHECK-FIXES: memlint::small_vector<int, 4> l{1, 2, 3};
  l.push_back(4);
  std::vector<double> c = {1.5, 2.5};
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'c' never holds more than 2 elements but allocates them on the heap; use 'memlint::small_vector<double, 2>' to keep them inline
  // CHECK-FIXES: memlint::small_vector<double, 2> c = {1.5, 2.5};
  const std::vector<int> k{7, 8};
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'k' never holds more than 2 elements but allocates them on the heap; use 'memlint::small_vector<int, 2>' to keep them inline
  // CHECK-FIXES: const memlint::small_vector<int, 2> k{7, 8};
  return l[3] + static_cast<int>(c[1] * 2) + k[1];
}

int loops(int Flag) {
  std::vector<Pair> p;
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'p' never holds more than 13 elements but allocates them on the heap; use 'memlint::small_vector<Pair, 13>' to keep them inline
  // CHECK-FIXES: memlint::small_vector<Pair, 13> p;
  for (int i = 0; i < 4; ++i)
    p.push_back({i, i * i});
  for (unsigned i = 1; i <= 3; i++)
    for (int j = 0; j != 2; ++j)
      if (Flag > 0)
        p.push_back({static_cast<int>(i), j});
  for (int i = 0; i < 6; i += 2) {
    if (i == 4)
      break;
    p.emplace_back(Pair{i, -i});
  }
  p.pop_back(); // does not lower the bound
  int S = 0;
  for (const Pair &x : p)
    S += x.A * 3 + x.B;
  return S;
}

int rangeForCounts() {
  const int Table[] = {5, 6, 7};
  std::vector<std::string> names;
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'names' never holds more than 5 elements but allocates them on the heap; use 'memlint::small_vector<std::string, 5>' to keep them inline
  // CHECK-FIXES: memlint::small_vector<std::string, 5> names;
  for (int x : Table)
    names.push_back(std::to_string(x));
  for (const char *s : {"a", "b"})
    names.emplace_back(s);
  std::string All;
  for (const auto &n : names)
    All += n;
  names.clear();
  return static_cast<int>(All.size()) + static_cast<int>(names.size());
}

int lambdaRead() {
  std::vector<int> r;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'r' never holds more than 2 elements but allocates them on the heap; use 'memlint::small_vector<int, 2>' to keep them inline
  // CHECK-FIXES: memlint::small_vector<int, 2> r;
  r.reserve(2);
  r.push_back(40);
  r.push_back(2);
  auto Sum = [&] { return r[0] + r[1]; };
  return Sum();
}

int ifInit() {
  if (std::vector<int> w{1}; !w.empty()) {
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'w' never holds more than 2 elements but allocates them on the heap; use 'memlint::small_vector<int, 2>' to keep them inline
    // CHECK-FIXES: if (memlint::small_vector<int, 2> w{1}; !w.empty()) {
    w.push_back(5);
    return w[0] + w[1];
  }
  return 0;
}

int perIteration() {
  int S = 0;
  // Declared in the loop: a new vector each iteration, the bound is per run.
  for (int i = 0; i < 100; ++i) {
    std::vector<int> it;
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'it' never holds more than 2 elements but allocates them on the heap; use 'memlint::small_vector<int, 2>' to keep them inline
    // CHECK-FIXES: memlint::small_vector<int, 2> it;
    it.push_back(i);
    it.push_back(i + 1);
    S += it[0] * it[1] % 7;
  }
  return S;
}

int main() {
  std::printf("%d %d %d %d %d %d %d %d\n", straightLine(), initializerList(),
              loops(1), rangeForCounts(), lambdaRead(), ifInit(),
              perIteration(), loops(0));
}
