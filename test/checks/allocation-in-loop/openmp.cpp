// RUN: %check_clang_tidy %s memlint-allocation-in-loop %t -- -- -fopenmp

// In an OpenMP parallel loop the iterations run on several threads: one
// object declared before the loop would be shared between them.

#include <vector>

void fillv(std::vector<int> &);

void parallel(int n) {
#pragma omp parallel for
  for (int i = 0; i < n; ++i) {
    std::vector<int> perThread;
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: 'perThread' is allocated on every iteration
    // CHECK-NOTES: :[[@LINE-2]]:22: note: no fixit: the loop is an OpenMP loop: a hoisted object would be shared between threads
    fillv(perThread);
  }
}
