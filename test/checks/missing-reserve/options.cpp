// RUN: %check_clang_tidy %s memlint-missing-reserve %t
// RUN: %check_clang_tidy -check-suffix=COND -run-fixed %s memlint-missing-reserve %t \
// RUN:   -- -config="{CheckOptions: {memlint-missing-reserve.FlagConditionalGrowth: true}}"
// RUN: %check_clang_tidy -check-suffix=MIN %s memlint-missing-reserve %t \
// RUN:   -- -config="{CheckOptions: {memlint-missing-reserve.MinIterations: 10}}"
// RUN: %check_clang_tidy -check-suffix=OLD %s memlint-missing-reserve %t \
// RUN:   -- -config="{CheckOptions: {memlint-missing-reserve.MinIterations: 2}}"
// RUN: %check_clang_tidy -check-suffix=VEC %s memlint-missing-reserve %t \
// RUN:   -- -config="{CheckOptions: {memlint-missing-reserve.VectorLikeClasses: '::mylib::Buffer'}}"

#include <cstdio>
#include <vector>

namespace mylib {
template <typename T> class Buffer {
public:
  void push_back(const T &X) { V.push_back(X); }
  void reserve(std::size_t N) { V.reserve(N); }
  std::size_t size() const { return V.size(); }
private:
  std::vector<T> V;
};
} // namespace mylib
namespace llvm {
template <typename T, unsigned N> class SmallVector {
public:
  void push_back(const T &X) { V.push_back(X); }
  void reserve(std::size_t M) { V.reserve(M); }
  std::size_t size() const { return V.size(); }
private:
  std::vector<T> V;
};
} // namespace llvm

// FlagConditionalGrowth: conditional growth is reported (with the upper
// bound) only when asked.
std::vector<int> positives(const std::vector<int> &in) {
  std::vector<int> out;
  for (int x : in)
    if (x > 0)
      out.push_back(x);
  // CHECK-MESSAGES-COND: :[[@LINE-1]]:7: warning: 'out' may grow by 'push_back' on every iteration of a loop with a known trip count, reallocating and moving its elements repeatedly; reserve the upper bound before the loop [memlint-missing-reserve]
  // CHECK-FIXES-COND: {{^}}  out.reserve(in.size());{{$}}
  return out;
}

// Even with FlagConditionalGrowth, a loop that can exit early is not
// reported.
std::vector<int> untilZero(const std::vector<int> &in) {
  std::vector<int> out;
  for (int x : in) {
    if (x == 0)
      break;
    out.push_back(x);
  }
  return out;
}

// MinIterations: 12 known iterations are below the default (16), not below
// 10; 5 are below both, and 2 restores the old default.
std::vector<int> twelve() {
  std::vector<int> out;
  for (int i = 0; i < 12; ++i)
    out.push_back(i);
  // CHECK-MESSAGES-MIN: :[[@LINE-1]]:5: warning: 'out' grows by 'push_back'
  // CHECK-MESSAGES-OLD: :[[@LINE-2]]:5: warning: 'out' grows by 'push_back'
  // CHECK-FIXES-MIN: {{^}}  out.reserve(12);{{$}}
  // CHECK-FIXES-OLD: {{^}}  out.reserve(12);{{$}}
  return out;
}
std::vector<int> five() {
  std::vector<int> out;
  for (int i = 0; i < 5; ++i)
    out.push_back(i);
  // CHECK-MESSAGES-OLD: :[[@LINE-1]]:5: warning: 'out' grows by 'push_back'
  // CHECK-FIXES-OLD: {{^}}  out.reserve(5);{{$}}
  return out;
}

// VectorLikeClasses: replaces the default list (std::vector is always in).
std::size_t custom(int n) {
  mylib::Buffer<int> b;
  llvm::SmallVector<int, 4> s;
  for (int i = 0; i < n; ++i) {
    b.push_back(i);
    s.push_back(i);
  }
  // CHECK-MESSAGES-VEC: :[[@LINE-3]]:5: warning: 'b' grows by 'push_back'
  // CHECK-MESSAGES: :[[@LINE-3]]:5: warning: 's' grows by 'push_back'
  // CHECK-MESSAGES-COND: :[[@LINE-4]]:5: warning: 's' grows by 'push_back'
  // CHECK-MESSAGES-MIN: :[[@LINE-5]]:5: warning: 's' grows by 'push_back'
  // CHECK-MESSAGES-OLD: :[[@LINE-6]]:5: warning: 's' grows by 'push_back'
  // CHECK-FIXES-VEC: {{^}}  if (n > 0) b.reserve(n);{{$}}
  // CHECK-FIXES: {{^}}  if (n > 0) s.reserve(n);{{$}}
  // CHECK-FIXES-COND: {{^}}  if (n > 0) s.reserve(n);{{$}}
  // CHECK-FIXES-MIN: {{^}}  if (n > 0) s.reserve(n);{{$}}
  // CHECK-FIXES-OLD: {{^}}  if (n > 0) s.reserve(n);{{$}}
  return b.size() + s.size();
}

// NOLINT silences one report.
std::vector<int> silenced(int n) {
  std::vector<int> out;
  for (int i = 0; i < n; ++i)
    out.push_back(i); // NOLINT(memlint-missing-reserve)
  return out;
}

int main() {
  std::printf("%zu %zu %zu %zu %zu %zu\n", positives({1, -2, 3}).size(),
              five().size(), twelve().size(), custom(3), silenced(2).size(),
              untilZero({1, 0, 2}).size());
}
