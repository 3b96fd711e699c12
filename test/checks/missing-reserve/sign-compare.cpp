// RUN: %check_clang_tidy -run-fixed %s memlint-missing-reserve %t -- -- -Wsign-compare -Werror

// The guard before reserve() compares the loop's start value as the loop's
// own initialization converts it, to the loop variable's type: the types the
// loop condition compares. Compared as written, an int start against a
// size_t bound warns -Wsign-compare (a -Werror build breaks), and an
// unsigned start against an int bound tests another condition: a negative
// bound passed the guard and reserve() was asked for about 2^32 elements.

#include <cstddef>
#include <cstdio>
#include <vector>

// The case from the issue: a std::size_t index from an int start.
std::size_t tail(const std::vector<int> &in, int offset) {
  std::vector<int> out;
  for (std::size_t i = 1 + offset; i < in.size(); ++i)
    out.push_back(in[i]);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'out' grows by 'push_back' on every iteration of a loop with a known trip count, reallocating and moving its elements repeatedly; reserve its capacity before the loop [memlint-missing-reserve]
  // CHECK-FIXES: {{^}}  if (in.size() > static_cast<std::size_t>(1 + offset)) out.reserve(in.size() - (1 + offset));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (std::size_t i = 1 + offset; i < in.size(); ++i){{$}}
  return out.size();
}

// An unsigned index from an int start, against an unsigned bound.
std::size_t upTo(unsigned n, int start) {
  std::vector<unsigned> out;
  for (unsigned i = start; i < n; ++i)
    out.push_back(i);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'out' grows by 'push_back'
  // CHECK-FIXES: {{^}}  if (n > static_cast<unsigned>(start)) out.reserve(n - start);{{$}}
  return out.size();
}

// An int index from an unsigned start, against an int bound that may be
// negative: the loop does not run, and the guard must not pass.
std::size_t signedIndex(int n, unsigned start) {
  std::vector<int> out;
  for (int i = start; i < n; ++i)
    out.push_back(i);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'out' grows by 'push_back'
  // CHECK-FIXES: {{^}}  if (n > static_cast<int>(start)) out.reserve(n - start);{{$}}
  return out.size();
}

// Counting down: the start is the upper end.
std::size_t down(unsigned top, int bottom) {
  std::vector<int> out;
  for (int i = top; i > bottom; --i)
    out.push_back(i);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'out' grows by 'push_back'
  // CHECK-FIXES: {{^}}  if (static_cast<int>(top) > bottom) out.reserve(top - bottom);{{$}}
  return out.size();
}

// Same signedness on both sides: no cast.
std::size_t sameSign(long n, int start) {
  std::vector<long> out;
  for (long i = start; i < n; ++i)
    out.push_back(i);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'out' grows by 'push_back'
  // CHECK-FIXES: {{^}}  if (n > start) out.reserve(n - start);{{$}}
  return out.size();
}

int main() {
  std::vector<int> in{1, 2, 3, 4, 5};
  std::printf("%zu %zu %zu\n", tail(in, 0), tail(in, 2), tail(in, 9));
  std::printf("%zu %zu\n", upTo(5, 2), upTo(2, 5));
  std::printf("%zu %zu\n", signedIndex(4, 1), signedIndex(-1, 0));
  std::printf("%zu %zu\n", down(5, 2), down(2, 5));
  std::printf("%zu %zu\n", sameSign(6, 3), sameSign(-2, 0));
  return 0;
}
