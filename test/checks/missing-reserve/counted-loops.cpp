// RUN: %check_clang_tidy -run-fixed %s memlint-missing-reserve %t \
// RUN:   -- -config="{CheckOptions: {memlint-missing-reserve.MinIterations: 2}}"
// Small constant trip counts keep their spelling under test: MinIterations 2
// (the default before 16).

#include <cassert>
#include <cstdio>
#include <string>
#include <vector>

// Range-for over a container: reserve its size.
std::vector<int> doubled(const std::vector<int> &items) {
  std::vector<int> out;
  for (int x : items)
    out.push_back(2 * x);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'out' grows by 'push_back' on every iteration of a loop with a known trip count, reallocating and moving its elements repeatedly; reserve its capacity before the loop [memlint-missing-reserve]
  // CHECK-FIXES: {{^}}  out.reserve(items.size());{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (int x : items){{$}}
  return out;
}

// Counted loop with an unsigned bound: no guard needed.
std::vector<double> ramp(std::size_t n) {
  std::vector<double> r;
  for (std::size_t i = 0; i < n; ++i) {
    r.emplace_back(i * 0.5);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'r' grows by 'emplace_back'
  }
  // CHECK-FIXES: {{^}}  r.reserve(n);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (std::size_t i = 0; i < n; ++i) {{{$}}
  return r;
}

// Signed bound: reserve(n) with a negative n would throw length_error, while
// the loop would just not run; the fix guards it.
std::vector<int> squares(int n) {
  std::vector<int> v;
  for (int i = 0; i < n; i++)
    v.push_back(i * i);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'v' grows by 'push_back'
  // CHECK-FIXES: {{^}}  if (n > 0) v.reserve(n);{{$}}
  return v;
}

// Non-zero start, inclusive bound, != and a decreasing loop.
std::vector<int> shapes(int start, int n, unsigned m) {
  std::vector<int> a, b, c, d;
  for (int i = start; i < n; ++i)
    a.push_back(i);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'a' grows by 'push_back'
  // CHECK-FIXES: {{^}}  if (n > start) a.reserve(n - start);{{$}}
  for (int i = 1; i <= n; i += 1)
    b.push_back(i);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'b' grows by 'push_back'
  // CHECK-FIXES: {{^}}  if (n > 0) b.reserve(n);{{$}}
  for (unsigned i = 0; i != m; i = i + 1)
    c.push_back(static_cast<int>(i));
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'c' grows by 'push_back'
  // CHECK-FIXES: {{^}}  c.reserve(m);{{$}}
  for (int i = n - 1; i >= 0; --i)
    d.push_back(i);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'd' grows by 'push_back'
  // CHECK-FIXES: {{^}}  if (n > 0) d.reserve(n);{{$}}
  int total = 0;
  for (int x : a) total += x;
  for (int x : b) total += x;
  for (int x : c) total += x;
  for (int x : d) total += x;
  return {total, static_cast<int>(a.size() + b.size() + c.size() + d.size())};
}

// The LLVM style: the end computed once in the loop header.
std::vector<int> llvmStyle(const std::vector<int> &in) {
  std::vector<int> out;
  for (std::size_t i = 0, e = in.size(); i != e; ++i)
    out.push_back(in[i] + 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'out' grows by 'push_back'
  // CHECK-FIXES: {{^}}  out.reserve(in.size());{{$}}
  return out;
}

// Iterator loops.
std::vector<int> viaIterators(const std::vector<int> &in) {
  std::vector<int> out;
  for (auto it = in.begin(); it != in.end(); ++it)
    out.push_back(*it);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'out' grows by 'push_back'
  // CHECK-FIXES: {{^}}  out.reserve(in.size());{{$}}
  return out;
}

// Constant-size arrays and constant bounds.
std::vector<int> constants() {
  static const int Table[] = {3, 1, 4, 1, 5};
  std::vector<int> out;
  for (int x : Table)
    out.push_back(x);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'out' grows by 'push_back'
  // One reserve for both loops: 5 + 8.
  // CHECK-FIXES: {{^}}  out.reserve(13);{{$}}
  for (int i = 2; i < 10; ++i)
    out.push_back(i);
  return out;
}

// Multi-statement bodies and two growth calls per iteration.
std::vector<int> pairs(const std::vector<int> &in) {
  std::vector<int> out;
  for (int x : in) {
    int y = x * 3;
    out.push_back(x);
    if (y > 10)
      std::printf("big %d\n", y);
    out.push_back(y);
  }
  // CHECK-MESSAGES: :[[@LINE-5]]:5: warning: 'out' grows by 'push_back'
  // CHECK-FIXES: {{^}}  out.reserve(2 * in.size());{{$}}
  return out;
}

// Adjacent pairs: the count `v.size() - 1` would wrap for an empty vector,
// so the fix guards it.
std::vector<int> deltas(const std::vector<int> &v) {
  std::vector<int> d;
  for (std::size_t i = 0; i < v.size() - 1; ++i)
    d.push_back(v[i + 1] - v[i]);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'd' grows by 'push_back'
  // CHECK-FIXES: {{^}}  if (v.size() > 1) d.reserve(v.size() - 1);{{$}}
  return d;
}

// An assert() is a precondition, not an early exit.
std::vector<int> checked(const std::vector<int> &in) {
  std::vector<int> out;
  for (int x : in) {
    assert(x >= 0 && "negative input");
    out.push_back(x);
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'out' grows by 'push_back'
  // CHECK-FIXES: {{^}}  out.reserve(in.size());{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (int x : in) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    assert(x >= 0 && "negative input");{{$}}
  return out;
}

// Nested loops with invariant bounds: the product, before the outer loop.
std::vector<int> grid(int rows, int cols) {
  std::vector<int> cells;
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c)
      cells.push_back(r * cols + c);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'cells' grows by 'push_back'
  // CHECK-FIXES: {{^}}  if (rows > 0 && cols > 0) cells.reserve(rows * cols);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (int r = 0; r < rows; ++r){{$}}
  return cells;
}

// Inclusive bound from a variable start; a range nested in a counted loop;
// a container declared in an outer loop and grown in an inner one.
std::vector<int> more(int lo, int hi, const std::vector<int> &items, int reps) {
  std::vector<int> out;
  for (int i = lo; i <= hi; ++i)
    out.push_back(i);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'out' grows by 'push_back'
  // CHECK-FIXES: {{^}}  if (hi >= lo) out.reserve(hi - lo + 1);{{$}}
  std::vector<int> rep;
  for (int r = 0; r < reps; ++r)
    for (int x : items)
      rep.push_back(x + r);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'rep' grows by 'push_back'
  // CHECK-FIXES: {{^}}  if (reps > 0) rep.reserve(reps * items.size());{{$}}
  for (int r = 0; r < reps; ++r) {
    std::vector<int> row;
    for (int x : items)
      row.push_back(x * r);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'row' grows by 'push_back'
    out.push_back(static_cast<int>(row.size()));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'out' grows by 'push_back'
  }
  // CHECK-FIXES: {{^}}  if (reps > 0) out.reserve(out.size() + reps);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (int r = 0; r < reps; ++r) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    std::vector<int> row;{{$}}
  // CHECK-FIXES-NEXT: {{^}}    row.reserve(items.size());{{$}}
  out.insert(out.end(), rep.begin(), rep.end());
  return out;
}

int main() {
  std::vector<int> in = {1, 2, 3, 4};
  int sum = 0;
  for (int x : doubled(in)) sum += x;
  sum += static_cast<int>(ramp(5).size());
  for (int x : squares(4)) sum += x;
  sum += static_cast<int>(squares(-3).size());
  for (int x : shapes(2, 6, 3)) sum += x;
  for (int x : shapes(9, -2, 0)) sum += x;
  for (int x : llvmStyle(in)) sum += x;
  for (int x : viaIterators(in)) sum += x;
  for (int x : constants()) sum += x;
  for (int x : pairs(in)) sum += x;
  for (int x : grid(3, 4)) sum += x;
  for (int x : checked(in)) sum += x;
  for (int x : deltas(in)) sum += x;
  sum += static_cast<int>(deltas({5}).size());
  sum += static_cast<int>(grid(-1, 4).size());
  for (int x : more(-2, 3, in, 2)) sum += x;
  for (int x : more(5, 1, in, -1)) sum += x;
  std::printf("%d\n", sum);
}
