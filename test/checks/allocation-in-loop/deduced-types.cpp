// RUN: %check_clang_tidy %s memlint-allocation-in-loop %t

// A hoisted `auto` local is declared with the type the code names: the
// initializer's written type, else the deduced type without the sugar the
// standard library's instantiations add. Regression: `auto w = vv[i];` was
// hoisted as `value_type w;`, which does not compile, and deduced types were
// written `std::vector<std::basic_string<char>>`.

#include <map>
#include <string>
#include <vector>

using Names = std::vector<std::string>;

int deduced(int n, const std::vector<Names> &vv, const std::map<int, Names> &m) {
  int s = 0;
  // CHECK-FIXES: std::vector<std::string> w;
  // CHECK-FIXES-NEXT: for (int i = 0; i < n; ++i) {
  // CHECK-FIXES-NEXT: w = vv[i];
  for (int i = 0; i < n; ++i) {
    auto w = vv[i];
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'w' is allocated on every iteration; declare it before the loop and reassign it to reuse its capacity [memlint-allocation-in-loop]
    w.push_back("x");
    s += static_cast<int>(w.size());
  }
  // CHECK-FIXES: std::vector<std::string> u;
  // CHECK-FIXES-NEXT: for (int i = 0; i < n; ++i) {
  // CHECK-FIXES-NEXT: u = m.at(i);
  for (int i = 0; i < n; ++i) {
    auto u = m.at(i);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'u' is allocated on every iteration; declare it before the loop and reassign it to reuse its capacity [memlint-allocation-in-loop]
    u.push_back("x");
    s += static_cast<int>(u.size());
  }
  // CHECK-FIXES: std::string t;
  // CHECK-FIXES-NEXT: for (int i = 0; i < n; ++i) {
  // CHECK-FIXES-NEXT: t = vv.front().front();
  for (int i = 0; i < n; ++i) {
    auto t = vv.front().front();
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 't' is allocated on every iteration; declare it before the loop and reassign it to reuse its capacity [memlint-allocation-in-loop]
    t += "a";
    s += static_cast<int>(t.size());
  }
  // The initializer writes the type: it is copied as written.
  // CHECK-FIXES: std::vector<const std::string *> p;
  // CHECK-FIXES-NEXT: for (int i = 0; i < n; ++i) {
  // CHECK-FIXES-NEXT: p.clear();
  for (int i = 0; i < n; ++i) {
    auto p = std::vector<const std::string *>();
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'p' is allocated on every iteration; declare it before the loop and clear() it to reuse its capacity [memlint-allocation-in-loop]
    p.push_back(&vv[0][0]);
    s += static_cast<int>(p.size());
  }
  return s;
}
