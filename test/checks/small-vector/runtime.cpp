// The runtime's header on the include path (the harness's default): small_vector.
// RUN: %check_clang_tidy -check-suffix=RT %s memlint-small-vector %t
// Without it (auto): std::array where the size never changes, else a note.
// RUN: %check_clang_tidy -no-runtime-include -check-suffix=NORT %s memlint-small-vector %t
// UseRuntime false: as without it, though the header is there.
// RUN: %check_clang_tidy -check-suffix=NORT %s memlint-small-vector %t \
// RUN:   -- -config="{CheckOptions: {UseRuntime: false}}"
// UseRuntime true: small_vector though the header is not found (no compile).
// RUN: cp %s %t.true.cpp && %clang_tidy_plugin --checks='-*,memlint-small-vector' \
// RUN:   --config="{CheckOptions: {UseRuntime: true}}" -fix %t.true.cpp -- -std=c++17 \
// RUN:   && FileCheck --check-prefix=TRUE --input-file=%t.true.cpp %s

#include <vector>
// CHECK-FIXES-RT: #include <memlint/small_vector.hpp>
// CHECK-FIXES-NORT: #include <array>
// CHECK-FIXES-NORT-NEXT: #include <vector>
// TRUE: {{^}}#include <memlint/small_vector.hpp>{{$}}

int grown() {
  std::vector<int> v;
  // CHECK-MESSAGES-RT: :[[@LINE-1]]:20: warning: 'v' never holds more than 2 elements but allocates them on the heap; use 'memlint::small_vector<int, 2>' to keep them inline [memlint-small-vector]
  // CHECK-FIXES-RT: {{^}}  memlint::small_vector<int, 2> v;{{$}}
  // CHECK-NOTES-NORT: :[[@LINE-3]]:20: warning: 'v' never holds more than 2 elements but allocates them on the heap; use 'memlint::small_vector<int, 2>' to keep them inline [memlint-small-vector]
  // CHECK-NOTES-NORT: :[[@LINE-4]]:20: note: no fixit: '<memlint/small_vector.hpp>' is not on this translation unit's include path; to use memlint's runtime, add 'find_package(memlint)' to the CMake project and link the target to 'memlint::runtime' (or set the option UseRuntime to true)
  // CHECK-FIXES-NORT: {{^}}  std::vector<int> v;{{$}}
  // TRUE: {{^}}  memlint::small_vector<int, 2> v;{{$}}
  v.push_back(1);
  v.push_back(2);
  return v[0] + v[1];
}

struct Pair {
  int A, B;
};

int fixedSize() {
  std::vector<int> l{1, 2, 3};
  // CHECK-MESSAGES-RT: :[[@LINE-1]]:20: warning: 'l' never holds more than 3 elements
  // CHECK-FIXES-RT: {{^}}  memlint::small_vector<int, 3> l{1, 2, 3};{{$}}
  // CHECK-NOTES-NORT: :[[@LINE-3]]:20: warning: 'l' keeps the 3 elements of its initializer but allocates them on the heap; use 'std::array<int, 3>' to keep them inline [memlint-small-vector]
  // CHECK-FIXES-NORT: {{^}}  std::array<int, 3> l{1, 2, 3};{{$}}
  std::vector<Pair> p = {{1, 2}, {3, 4}};
  // CHECK-MESSAGES-RT: :[[@LINE-1]]:21: warning: 'p' never holds more than 2 elements
  // CHECK-FIXES-RT: {{^}}  memlint::small_vector<Pair, 2> p = {{[{][{]}}1, 2}, {3, 4}};{{$}}
  // CHECK-NOTES-NORT: :[[@LINE-3]]:21: warning: 'p' keeps the 2 elements of its initializer
  // CHECK-FIXES-NORT: {{^}}  std::array<Pair, 2> p = {{[{][{][{]}}1, 2}, {3, 4}}};{{$}}
  int S = 0;
  for (int x : l)
    S += x;
  return S + p[1].B + static_cast<int>(l.size());
}

int resized() {
  // clear() changes the size: no std::array without the runtime.
  std::vector<int> r{1, 2};
  // CHECK-MESSAGES-RT: :[[@LINE-1]]:20: warning: 'r' never holds more than 2 elements
  // CHECK-FIXES-RT: {{^}}  memlint::small_vector<int, 2> r{1, 2};{{$}}
  // CHECK-NOTES-NORT: :[[@LINE-3]]:20: warning: 'r' never holds more than 2 elements
  // CHECK-NOTES-NORT: :[[@LINE-4]]:20: note: no fixit: '<memlint/small_vector.hpp>' is not on
  // CHECK-FIXES-NORT: {{^}}  std::vector<int> r{1, 2};{{$}}
  int F = r.front();
  r.clear();
  return F + static_cast<int>(r.size());
}
