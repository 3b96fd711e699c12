// RUN: %check_clang_tidy -std=c++14 %s memlint-substr-copy %t

#include <string>

// Without std::string_view (C++14) a substring that is only read has no
// cheaper spelling: nothing is reported.
bool readers(const std::string &S) {
  std::string Head = S.substr(0, S.find(' '));
  return S.substr(0, S.find(' ')) == "GET" && S.substr(4).find('/') == 0 && Head == "GET";
}

// Assignments are still rewritten: assign(str, pos, n) is C++98.
void assign(const std::string &S, std::string &Dst) {
  Dst = S.substr(1, 20);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: assigning a 'substr' result builds a temporary string (allocating past 15 characters); copy the characters into 'Dst' directly with 'Dst.assign(S, 1, 20)' [memlint-substr-copy]
  // CHECK-FIXES: Dst.assign(S, 1, 20);
}
