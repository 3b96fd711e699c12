// RUN: %check_clang_tidy -run-fixed %s memlint-heap-fixed-buffer %t

// std::make_unique<T[]>(K) value-initializes its elements: the fix is
// `std::array<T, K> p{}`. `new T[K]` default-initializes them: the fix is
// `std::array<T, K> p;`, which keeps exactly that (no zeroing added).
// `new T[K]()` and `new T[K]{}` value-initialize: `{}`. `p.get()` becomes
// `p.data()`.

#include <cstdio>
#include <cstring>
#include <memory>
// CHECK-FIXES: #include <array>
// CHECK-FIXES-NEXT: #include <cstdio>

struct Counter {
  Counter() : N(3) {}
  int N;
};

int makeUnique() {
  auto p = std::make_unique<char[]>(64);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'p' allocates a fixed-size buffer of 64 bytes on the heap; use 'std::array<char, 64>' to keep it on the stack [memlint-heap-fixed-buffer]
  // CHECK-FIXES: std::array<char, 64> p{};
  std::snprintf(p.get(), 64, "%s-%d", "abc", 42);
  // CHECK-FIXES: std::snprintf(p.data(), 64, "%s-%d", "abc", 42);
  return static_cast<int>(std::strlen(p.get())) + p[63];
  // CHECK-FIXES: return static_cast<int>(std::strlen(p.data())) + p[63];
}

int typedUniquePtr() {
  std::unique_ptr<int[]> q = std::make_unique<int[]>(16);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'q' allocates a fixed-size buffer of 64 bytes on the heap; use 'std::array<int, 16>' to keep it on the stack
  // CHECK-FIXES: std::array<int, 16> q{};
  for (int i = 0; i < 16; ++i)
    q[i] = i * i;
  return q[15] + q[0];
}

int newArrayDefaultInit() {
  std::unique_ptr<int[]> n(new int[8]);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'n' allocates a fixed-size buffer of 32 bytes on the heap; use 'std::array<int, 8>' to keep it on the stack
  // CHECK-FIXES: std::array<int, 8> n;
  for (int i = 0; i < 8; ++i)
    n[i] = 2 * i;
  int *Raw = n.get();
  // CHECK-FIXES: int *Raw = n.data();
  return Raw[7];
}

int newArrayValueInit() {
  const std::unique_ptr<unsigned[]> z(new unsigned[4]());
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: 'z' allocates a fixed-size buffer of 16 bytes on the heap; use 'std::array<unsigned, 4>' to keep it on the stack
  // CHECK-FIXES: std::array<unsigned, 4> z{};
  std::unique_ptr<Counter[]> c{new Counter[2]{}};
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'c' allocates a fixed-size buffer of 8 bytes on the heap; use 'std::array<Counter, 2>' to keep it on the stack
  // CHECK-FIXES: std::array<Counter, 2> c{};
  z[1] = 5; // a const unique_ptr's elements are mutable: the array is not const
  return static_cast<int>(z[0] + z[1] + z[3]) + c[1].N;
}

int main() {
  std::printf("%d %d %d %d\n", makeUnique(), typedUniquePtr(),
              newArrayDefaultInit(), newArrayValueInit());
}
