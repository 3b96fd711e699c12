// RUN: %check_clang_tidy -run-fixed %s memlint-allocation-in-loop,memlint-unneeded-copy %t
// RUN: %check_clang_tidy -run-fixed -check-suffix=ALONE %s memlint-allocation-in-loop %t

// A copy in a loop that is only read, of an object nothing changes
// meanwhile, needs no copy at all: memlint-unneeded-copy binds a const
// reference. Hoisting it (this check's fix) would keep one copy per
// iteration, so while unneeded-copy runs this check leaves it alone.

#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

std::string big(int I) {
  return "a string long enough for the heap, number " + std::to_string(I);
}

std::size_t colons(const std::vector<std::string> &In) {
  std::vector<std::string> Parts = In;
  std::size_t N = 0;
  for (std::size_t I = 0; I < Parts.size(); ++I) {
    std::string H = Parts[I];
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: local 'H' copies a std::string {{.*}} [memlint-unneeded-copy]
    // CHECK-MESSAGES-NOT: :[[@LINE-2]]:{{.*}}[memlint-allocation-in-loop]
    // CHECK-FIXES: const std::string& H = Parts[I];
    // CHECK-MESSAGES-ALONE: :[[@LINE-4]]:17: warning: 'H' is allocated on every iteration; declare it before the loop {{.*}} [memlint-allocation-in-loop]
    // CHECK-FIXES-ALONE: H = Parts[I];
    N += H.find(' ');
  }
  return N;
}

// The source changes while the copy lives: the copy is needed, and the
// hoist is this check's to make either way.
std::size_t changing(std::vector<std::string> Parts) {
  std::size_t N = 0;
  for (std::size_t I = 0; I < Parts.size(); ++I) {
    std::string H = Parts[I];
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'H' is allocated on every iteration; declare it before the loop {{.*}} [memlint-allocation-in-loop]
    // CHECK-MESSAGES-ALONE: :[[@LINE-2]]:17: warning: 'H' is allocated on every iteration; declare it before the loop {{.*}} [memlint-allocation-in-loop]
    Parts[I] += "!";
    N += H.size() + Parts[I].size();
  }
  return N;
}

int main() {
  std::vector<std::string> In = {big(1), big(2)};
  std::size_t A = colons(In), B = changing(In);
  std::printf("%zu %zu\n", A, B);
  return A == 2 * In[0].find(' ') && B == 4 * In[0].size() + 2 ? 0 : 1;
}
