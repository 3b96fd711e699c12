// RUN: %check_clang_tidy %s memlint-allocation-in-loop %t
// RUN: %check_clang_tidy -check-suffix=REUSE %s memlint-allocation-in-loop %t \
// RUN:   -- -config="{CheckOptions: {memlint-allocation-in-loop.ReusableClasses: 'my::Buffer;my::SmallBuf;::Pool'}}"

// ReusableClasses adds the user's own allocating classes; their reset is
// clear() when they have one.

#include <vector>

namespace my {
struct Buffer {
  void clear();
  void put(char);
};
template <class T> struct SmallBuf {
  void clear();
  void push(T);
};
} // namespace my
struct Pool {
  void put(int);
};
struct Other {
  void clear();
};

void fillv(std::vector<int> &);

void user(int n) {
  for (int i = 0; i < n; ++i) {
    my::Buffer buffer;
    // CHECK-MESSAGES-REUSE: :[[@LINE-1]]:16: warning: 'buffer' is allocated on every iteration; declare it before the loop and clear() it to reuse its capacity
    buffer.put('x');
    my::SmallBuf<int> small;
    // CHECK-MESSAGES-REUSE: :[[@LINE-1]]:23: warning: 'small' is allocated
    small.push(i);
    Other other;
    other.clear();
  }
  // CHECK-FIXES-REUSE:      {{^}}  my::Buffer buffer;{{$}}
  // CHECK-FIXES-REUSE-NEXT: {{^}}  my::SmallBuf<int> small;{{$}}
  // CHECK-FIXES-REUSE-NEXT: {{^}}  for (int i = 0; i < n; ++i) {{{$}}
  // CHECK-FIXES-REUSE-NEXT: {{^}}    buffer.clear();{{$}}
  // CHECK-FIXES-REUSE:      {{^}}    small.clear();{{$}}
}

void noClear(int n) {
  for (int i = 0; i < n; ++i) {
    Pool pool;
    // CHECK-MESSAGES-REUSE: :[[@LINE-1]]:10: warning: 'pool' is allocated
    pool.put(i);
  }
}

// NOLINT silences one declaration.
void suppressed(int n) {
  for (int i = 0; i < n; ++i) {
    std::vector<int> quiet; // NOLINT(memlint-allocation-in-loop)
    fillv(quiet);
    // NOLINTNEXTLINE(memlint-allocation-in-loop)
    std::vector<int> quieter;
    fillv(quieter);
  }
}

// Templates: the template is checked once (instantiations are not reported
// again); a dependent type is not flagged.
template <class T> void templated(int n, T value) {
  for (int i = 0; i < n; ++i) {
    std::vector<int> plain;
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'plain' is allocated
    // CHECK-MESSAGES-REUSE: :[[@LINE-2]]:22: warning: 'plain' is allocated
    fillv(plain);
    std::vector<T> dependent;
    dependent.push_back(value);
  }
  // CHECK-FIXES:      {{^}}  std::vector<int> plain;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (int i = 0; i < n; ++i) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    plain.clear();{{$}}
}
template void templated<int>(int, int);
template void templated<double>(int, double);

// Unknown callees in a template may keep the object: not flagged.
template <class T> void unknownCallee(int n, T &sink) {
  for (int i = 0; i < n; ++i) {
    std::vector<int> handedToDependent;
    sink.take(handedToDependent);
  }
}
