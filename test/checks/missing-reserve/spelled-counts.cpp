// RUN: %check_clang_tidy -run-fixed %s memlint-missing-reserve %t \
// RUN:   -- -config="{CheckOptions: {memlint-missing-reserve.MinIterations: 2}}"
// Small constant trip counts keep their spelling under test: MinIterations 2
// (the default before 16).

// The reserve count is spelled as the loop spells its bounds: named
// constants stay names (a number would go stale when the constant changes),
// literal arithmetic and macros are folded, and operators get parentheses
// only where precedence needs them.

#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

#define NUM_SLOTS 16

enum { kChannels = 4 };
struct Header {
  int Tag;
  char Flag;
};

const std::size_t kWriteSize = 300 * 1024;
const int kN = 6;
constexpr int kBegin = 2, kEnd = 7, kBits = 3, kRows = 2, kCols = 3;

// leveldb's helpers/memenv/memenv_test.cc: was `reserve(307200)`.
std::size_t writeData() {
  std::string write_data;
  for (std::size_t i = 0; i < kWriteSize; ++i) {
    write_data.append(1, static_cast<char>(i));
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'write_data' grows by 'append' on every iteration of a loop with a known trip count, reallocating and copying its characters repeatedly; reserve its capacity before the loop [memlint-missing-reserve]
  // CHECK-FIXES: {{^}}  write_data.reserve(kWriteSize);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (std::size_t i = 0; i < kWriteSize; ++i) {{{$}}
  return write_data.size();
}

// leveldb's util/cache_test.cc: a static member of the fixture, plus a
// literal. Was `reserve(1100)`.
struct CacheTest {
  static constexpr int kCacheSize = 1000;
  std::vector<int> Evictions() const {
    std::vector<int> h;
    for (int i = 0; i < kCacheSize + 100; i++)
      h.push_back(i % 7);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'h' grows by 'push_back'
    // CHECK-FIXES: {{^}}    h.reserve(kCacheSize + 100);{{$}}
    return h;
  }
};

std::vector<int> shapes() {
  std::vector<int> a, b, c, d, e, f, g;
  // `<=` adds one.
  for (int i = 0; i <= kN; ++i)
    a.push_back(i);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'a' grows by 'push_back'
  // CHECK-FIXES: {{^}}  a.reserve(kN + 1);{{$}}
  // A named start: the difference of the names, no guard (it is a positive
  // constant).
  for (int i = kBegin; i < kEnd; ++i)
    b.push_back(i);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'b' grows by 'push_back'
  // CHECK-FIXES: {{^}}  b.reserve(kEnd - kBegin);{{$}}
  // Decreasing from kN - 1 to 0: kN iterations.
  for (int i = kN - 1; i >= 0; --i)
    c.push_back(i);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'c' grows by 'push_back'
  // CHECK-FIXES: {{^}}  c.reserve(kN);{{$}}
  // Enumerators and sizeof are names too.
  for (int i = 0; i < kChannels; ++i)
    d.push_back(i);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'd' grows by 'push_back'
  // CHECK-FIXES: {{^}}  d.reserve(kChannels);{{$}}
  for (std::size_t i = 0; i < sizeof(Header); ++i)
    e.push_back(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'e' grows by 'push_back'
  // CHECK-FIXES: {{^}}  e.reserve(sizeof(Header));{{$}}
  // Literal arithmetic says nothing more than its value.
  for (int i = 0; i < 4 * 8; ++i)
    f.push_back(i);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'f' grows by 'push_back'
  // CHECK-FIXES: {{^}}  f.reserve(32);{{$}}
  // A macro could expand differently before the loop: its value.
  for (int i = 0; i < NUM_SLOTS; ++i)
    g.push_back(i);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'g' grows by 'push_back'
  // CHECK-FIXES: {{^}}  g.reserve(16);{{$}}
  std::vector<int> all;
  for (const std::vector<int> *v : {&a, &b, &c, &d, &e, &f, &g})
    all.insert(all.end(), v->begin(), v->end());
  return all;
}

std::vector<int> nests(int rows) {
  std::vector<int> h, i2, j;
  // A constant inner count next to a variable outer one.
  for (int r = 0; r < rows; ++r)
    for (int q = 0; q < kCols; ++q)
      h.push_back(r * q);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'h' grows by 'push_back'
  // CHECK-FIXES: {{^}}  if (rows > 0) h.reserve(rows * kCols);{{$}}
  // Named constant factors stay a product of names...
  for (int r = 0; r < kRows; ++r)
    for (int q = 0; q < kCols; ++q)
      i2.push_back(r + q);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'i2' grows by 'push_back'
  // CHECK-FIXES: {{^}}  i2.reserve(kRows * kCols);{{$}}
  // ...literal ones are multiplied out.
  for (int r = 0; r < 3; ++r)
    for (int q = 0; q < 4; ++q)
      j.push_back(r - q);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'j' grows by 'push_back'
  // CHECK-FIXES: {{^}}  j.reserve(12);{{$}}
  h.insert(h.end(), i2.begin(), i2.end());
  h.insert(h.end(), j.begin(), j.end());
  return h;
}

// Parentheses where precedence needs them, and only there.
std::vector<int> precedence(int n) {
  std::vector<int> k, m;
  for (int i = 0; i < (1 << kBits); ++i)
    k.push_back(i);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'k' grows by 'push_back'
  // CHECK-FIXES: {{^}}  k.reserve(1 << kBits);{{$}}
  // A guarded count is not summed into the reserve before the previous loop
  // (if it were, the reserve would be dropped whenever this loop does not
  // run); `k.size() + n << 1` would shift the sum.
  for (int i = 0; i < (n << 1); ++i)
    k.push_back(i);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'k' grows by 'push_back'
  // CHECK-FIXES: {{^}}  if ((n << 1) > 0) k.reserve(k.size() + (n << 1));{{$}}
  for (int i = 0; i < kN; ++i) {
    m.push_back(i);
    m.push_back(-i);
  }
  // CHECK-MESSAGES: :[[@LINE-3]]:5: warning: 'm' grows by 'push_back'
  // One reserve of the sum of consecutive loops, parenthesized where
  // precedence needs it.
  // CHECK-FIXES: {{^}}  m.reserve(2 * kN + (kN + 1));{{$}}
  for (int i = 0; i <= kN; ++i)
    m.push_back(i);
  for (int r = 0; r < kRows; ++r)
    for (int q = 0; q < n; ++q)
      m.push_back(r * q);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'm' grows by 'push_back'
  // CHECK-FIXES: {{^}}  if (n > 0) m.reserve(m.size() + kRows * n);{{$}}
  return m;
}

// On top of what a container may already hold: `k.size() + n << 1` would
// shift the sum.
void onTop(std::vector<int> &k, std::vector<int> &m, std::vector<int> &p,
           int n) {
  for (int i = 0; i < (n << 1); ++i)
    k.push_back(i);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'k' grows by 'push_back'
  // CHECK-FIXES: {{^}}  if ((n << 1) > 0) k.reserve(k.size() + (n << 1));{{$}}
  for (int i = 0; i <= kN; ++i)
    m.push_back(i);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'm' grows by 'push_back'
  // CHECK-FIXES: {{^}}  m.reserve(m.size() + (kN + 1));{{$}}
  for (int r = 0; r < kRows; ++r)
    for (int q = 0; q < n; ++q)
      p.push_back(r * q);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'p' grows by 'push_back'
  // CHECK-FIXES: {{^}}  if (n > 0) p.reserve(p.size() + kRows * n);{{$}}
}

// A named constant start with a variable end keeps the guard: n may be
// below kBegin, and reserve(negative) would throw where the loop does not
// run.
std::vector<int> guarded(int n) {
  std::vector<int> l, m;
  for (int i = kBegin; i < n; ++i)
    l.push_back(i);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'l' grows by 'push_back'
  // CHECK-FIXES: {{^}}  if (n > kBegin) l.reserve(n - kBegin);{{$}}
  for (int i = kBegin + 1; i < n; ++i)
    m.push_back(i);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'm' grows by 'push_back'
  // CHECK-FIXES: {{^}}  if (n > kBegin + 1) m.reserve(n - kBegin - 1);{{$}}
  for (int i = n - 1; i >= kBegin; --i)
    m.push_back(i);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'm' grows by 'push_back'
  // CHECK-FIXES: {{^}}  if (n - 1 >= kBegin) m.reserve(m.size() + (n - kBegin));{{$}}
  l.insert(l.end(), m.begin(), m.end());
  return l;
}

int main() {
  long sum = static_cast<long>(writeData());
  for (int x : CacheTest().Evictions())
    sum += x;
  for (int x : shapes())
    sum += x;
  for (int x : nests(3))
    sum += x;
  for (int x : nests(-1))
    sum += x;
  for (int x : precedence(5))
    sum += x;
  for (int x : precedence(-4))
    sum += x;
  {
    std::vector<int> k(1), m, p;
    onTop(k, m, p, 3);
    sum += static_cast<long>(k.size() + m.size() + p.size());
  }
  for (int x : guarded(9))
    sum += x;
  for (int x : guarded(1))
    sum += x;
  for (int x : guarded(-3))
    sum += x;
  std::printf("%ld\n", sum);
}
