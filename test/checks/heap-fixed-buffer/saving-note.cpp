// RUN: %check_clang_tidy %s memlint-heap-fixed-buffer %t
// The note states the allocations the fix removes, for `memlint check --fix`
// to rank conflicting fixes by (docs/driver.md, "Fixes"): one per object, per
// run of the loop around the declaration; none stated when the loop's count
// is not known exactly.
#include <vector>
int sink;
void once() {
  std::vector<int> a(4);
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: 'a' allocates a fixed-size buffer of 16 bytes on the heap; use 'std::array<int, 4>' to keep it on the stack [memlint-heap-fixed-buffer]
  // CHECK-NOTES: :[[@LINE-2]]:20: note: the fix removes 1 allocation each time the declaration runs
  a[1] = 1;
  sink += a[1];
}
void loop() {
  for (int I = 0; I < 8; ++I) {
    std::vector<int> b(4);
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: 'b' allocates a fixed-size buffer of 16 bytes on the heap; use 'std::array<int, 4>' to keep it on the stack [memlint-heap-fixed-buffer]
    // CHECK-NOTES: :[[@LINE-2]]:22: note: the fix removes 8 allocations each time the loop runs
    b[I % 4] = I;
    sink += b[0];
  }
}
void unknown(int N) {
  for (int I = 0; I < N; ++I) {
    std::vector<int> c(4);
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: 'c' allocates a fixed-size buffer of 16 bytes on the heap; use 'std::array<int, 4>' to keep it on the stack [memlint-heap-fixed-buffer]
    // CHECK-NOTES-NOT: :[[@LINE-2]]:22: note: the fix removes
    c[I % 4] = I;
    sink += c[0];
    if (sink > 100)
      break;
  }
}
void early() {
  for (int I = 0; I < 8; ++I) {
    std::vector<int> d(4);
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: 'd' allocates a fixed-size buffer of 16 bytes on the heap; use 'std::array<int, 4>' to keep it on the stack [memlint-heap-fixed-buffer]
    // CHECK-NOTES-NOT: :[[@LINE-2]]:22: note: the fix removes
    d[I % 4] = I;
    if (d[0] > 3)
      break;
  }
}
// CHECK-FIXES: std::array<int, 4> a{};
// CHECK-FIXES: std::array<int, 4> b{};
// CHECK-FIXES: std::array<int, 4> c{};
// CHECK-FIXES: std::array<int, 4> d{};
