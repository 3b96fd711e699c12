// RUN: %check_clang_tidy %s memlint-small-vector %t

// The element type is copied exactly as written: qualifiers that clang's
// TypeLoc ranges leave out (the `const` of `const T *`), aliases, elaborated
// names, function pointers. Regression: `std::vector<const std::string *>`
// became `memlint::small_vector<std::string *, 3>`, which does not compile.

#include <string>
#include <vector>
// CHECK-FIXES: #include <memlint/small_vector.hpp>

using Name = std::string;
struct Item {
  int X;
};

int constPointee(const std::string &A, const std::string &B) {
  std::vector<const std::string *> v;
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: 'v' never holds more than 2 elements but allocates them on the heap; use 'memlint::small_vector<const std::string *, 2>' to keep them inline [memlint-small-vector]
  // CHECK-FIXES: memlint::small_vector<const std::string *, 2> v;
  v.push_back(&A);
  v.push_back(&B);
  return static_cast<int>(v.size() + v[0]->size());
}

int eastConst(const char *const *P) {
  std::vector<char const *const *> v;
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: 'v' never holds more than 1 elements but allocates them on the heap; use 'memlint::small_vector<char const *const *, 1>' to keep them inline [memlint-small-vector]
  // CHECK-FIXES: memlint::small_vector<char const *const *, 1> v;
  v.push_back(P);
  return static_cast<int>(v.size());
}

int alias(const Name &N) {
  std::vector<const Name *> v;
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'v' never holds more than 1 elements but allocates them on the heap; use 'memlint::small_vector<const Name *, 1>' to keep them inline [memlint-small-vector]
  // CHECK-FIXES: memlint::small_vector<const Name *, 1> v;
  v.push_back(&N);
  return static_cast<int>(v.size());
}

int elaborated() {
  std::vector<struct Item> v;
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'v' never holds more than 1 elements but allocates them on the heap; use 'memlint::small_vector<struct Item, 1>' to keep them inline [memlint-small-vector]
  // CHECK-FIXES: memlint::small_vector<struct Item, 1> v;
  v.push_back({1});
  return v[0].X;
}

void callee(int);
int functionPointer() {
  std::vector<void (*)(int)> v;
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'v' never holds more than 1 elements but allocates them on the heap; use 'memlint::small_vector<void (*)(int), 1>' to keep them inline [memlint-small-vector]
  // CHECK-FIXES: memlint::small_vector<void (*)(int), 1> v;
  v.push_back(&callee);
  return static_cast<int>(v.size());
}

// A comment between the qualifier and the type: the spelling cannot be
// copied exactly, so no fixit (the note says why).
int hiddenQualifier(const int &I) {
  std::vector<const /*c*/ int *> v;
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: 'v' never holds more than 1 elements but allocates them on the heap; use 'memlint::small_vector<const int *, 1>' to keep them inline [memlint-small-vector]
  // CHECK-FIXES: std::vector<const /*c*/ int *> v;
  v.push_back(&I);
  return static_cast<int>(v.size());
}

// `auto` is not a written std::vector: its type may be the initializer's, so
// it is left alone (never written out as std::vector<std::basic_string<char>>).
int deduced() {
  auto v = std::vector<std::string>();
  // CHECK-FIXES: auto v = std::vector<std::string>();
  v.push_back("a");
  return static_cast<int>(v.size());
}
