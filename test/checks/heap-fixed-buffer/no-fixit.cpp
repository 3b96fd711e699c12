// RUN: %check_clang_tidy %s memlint-heap-fixed-buffer %t

// Buffers that are worth a warning but whose fix cannot be written: the note
// says why and the file stays unchanged.

#include <memory>
#include <vector>

#define DECLARE_BUF(name) std::vector<int> name(4)
#define GET(p) p.get()

int constFill() {
  const std::vector<int> c(4, 7);
  // CHECK-NOTES: :[[@LINE-1]]:26: warning: 'c' allocates a fixed-size buffer of 16 bytes on the heap; use 'std::array<int, 4>' to keep it on the stack [memlint-heap-fixed-buffer]
  // CHECK-NOTES: :[[@LINE-2]]:26: note: no fixit: a const std::array cannot be filled after its declaration
  return c[0];
}

int fillInInitStatement() {
  if (std::vector<int> f(4, 7); f[0] > 0)
    // CHECK-NOTES: :[[@LINE-1]]:24: warning: 'f' allocates a fixed-size buffer of 16 bytes on the heap; use 'std::array<int, 4>' to keep it on the stack
    // CHECK-NOTES: :[[@LINE-2]]:24: note: no fixit: the fill needs a statement of its own, which cannot go here
    return f[1];
  for (std::vector<int> g(2, 1); g[0] < 3; ++g[0])
    // CHECK-NOTES: :[[@LINE-1]]:25: warning: 'g' allocates a fixed-size buffer of 8 bytes on the heap; use 'std::array<int, 2>' to keep it on the stack
    // CHECK-NOTES: :[[@LINE-2]]:25: note: no fixit: the fill needs a statement of its own, which cannot go here
    ;
  return 0;
}

int useInMacro() {
  auto p = std::make_unique<int[]>(4);
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'p' allocates a fixed-size buffer of 16 bytes on the heap; use 'std::array<int, 4>' to keep it on the stack
  // CHECK-NOTES: :[[@LINE-2]]:8: note: no fixit: it is spelled in a macro
  return *GET(p);
}

int declaredInMacro() {
  DECLARE_BUF(m); // the declaration is in a macro: not even reported
  return m[0];
}
