// RUN: %check_clang_tidy -run-fixed %s memlint-missing-reserve %t

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <list>
#include <sstream>
#include <string>
#include <vector>

// std::copy / std::transform / std::copy_n into a back_inserter from forward
// iterators: reserve the distance before the call.
std::vector<int> copies(const std::vector<int> &in, const std::list<int> &l,
                        const int *p, std::size_t n) {
  std::vector<int> a;
  std::copy(in.begin(), in.end(), std::back_inserter(a));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'a' grows one element at a time through 'std::back_inserter' in 'std::copy', reallocating repeatedly; reserve its capacity before the call [memlint-missing-reserve]
  // CHECK-FIXES: {{^}}  a.reserve(in.size());{{$}}
  // CHECK-FIXES-NEXT: {{^}}  std::copy(in.begin(), in.end(), std::back_inserter(a));{{$}}
  std::vector<int> b;
  std::transform(l.begin(), l.end(), std::back_inserter(b),
                 [](int x) { return x * 2; });
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'b' grows one element at a time through 'std::back_inserter' in 'std::transform'
  // CHECK-FIXES: {{^}}  b.reserve(l.size());{{$}}
  std::vector<int> c;
  std::copy_n(p, n, std::back_inserter(c));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'c' grows one element at a time through 'std::back_inserter' in 'std::copy_n'
  // CHECK-FIXES: {{^}}  c.reserve(n);{{$}}
  auto first = in.begin() + 1, last = in.end();
  a.push_back(0);
  std::copy(first, last, std::back_inserter(a));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'a' grows one element at a time through 'std::back_inserter' in 'std::copy'
  // CHECK-FIXES: {{^}}  a.reserve(a.size() + std::distance(first, last));{{$}}
  a.insert(a.end(), b.begin(), b.end());
  a.insert(a.end(), c.begin(), c.end());
  return a;
}

// Not flagged: input iterators (unknown length), a back_inserter in a loop,
// a reserve before the call.
std::vector<int> notFlagged(std::istringstream &is, const std::vector<int> &in) {
  std::vector<int> a;
  std::copy(std::istream_iterator<int>(is), std::istream_iterator<int>(),
            std::back_inserter(a));
  std::vector<int> b;
  for (int k = 0; k < 2; ++k)
    std::copy(in.begin(), in.end(), std::back_inserter(b));
  std::vector<int> c;
  c.reserve(in.size());
  std::copy(in.begin(), in.end(), std::back_inserter(c));
  a.insert(a.end(), b.begin(), b.end());
  a.insert(a.end(), c.begin(), c.end());
  return a;
}

int main() {
  std::vector<int> in = {1, 2, 3};
  std::list<int> l = {4, 5};
  int raw[] = {7, 8, 9};
  for (int x : copies(in, l, raw, 2))
    std::printf("%d ", x);
  std::istringstream is("10 11");
  for (int x : notFlagged(is, in))
    std::printf("%d ", x);
  std::printf("\n");
}
