// RUN: %check_clang_tidy -run-fixed %s memlint-missing-reserve %t

// reserve() inside a loop that keeps growing the container: each call can
// reallocate to exactly the requested size, defeating geometric growth
// (llvm-project #80853).

#include <cstdio>
#include <string>
#include <vector>

// An invariant request: hoisted.
std::vector<int> hoist(int n, int m) {
  std::vector<int> out;
  for (int i = 0; i < m; ++i) {
    out.reserve(n);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'out.reserve()' runs on every iteration of the loop, which defeats the geometric growth of 'out' and can make filling it quadratic; reserve the total once before the loop [memlint-missing-reserve]
    out.push_back(i);
  }
  // CHECK-FIXES: {{^}}  std::vector<int> out;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  out.reserve(n);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (int i = 0; i < m; ++i) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    //{{$}}
  // CHECK-FIXES-NEXT: {{^}}    out.push_back(i);{{$}}
  return out;
}

// The classic quadratic shape: the request grows every iteration. Reported,
// not fixed (the total is not spelled anywhere).
std::string join(const std::vector<std::string> &parts) {
  std::string s;
  for (const std::string &p : parts) {
    s.reserve(s.size() + p.size());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 's.reserve()' runs on every iteration of the loop
    s.append(p);
  }
  return s;
}

// Not flagged: a buffer cleared and reused each iteration.
int reuse(const std::vector<std::vector<int>> &rows) {
  std::vector<int> buf;
  int total = 0;
  for (const auto &r : rows) {
    buf.clear();
    buf.reserve(r.size());
    for (int x : r)
      buf.push_back(x);
    total += static_cast<int>(buf.size());
  }
  return total;
}

// Not flagged: growth managed on purpose.
std::vector<int> managed(int n) {
  std::vector<int> v;
  for (int i = 0; i < n; ++i) {
    if (v.size() == v.capacity())
      v.reserve(2 * v.size() + 1);
    v.push_back(i);
  }
  return v;
}

int main() {
  std::printf("%zu %s %d\n", hoist(3, 4).size(), join({"ab", "cd"}).c_str(),
              reuse({{1, 2}, {3}}));
  std::printf("%zu\n", managed(5).size());
}
