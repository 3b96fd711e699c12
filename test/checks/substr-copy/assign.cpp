// RUN: %check_clang_tidy -run-fixed %s memlint-substr-copy %t
// RUN: %check_clang_tidy -std=c++11 -check-suffix=CXX11 -run-fixed %s memlint-substr-copy %t

#include <cstdio>
#include <stdexcept>
#include <string>

std::string text() {
  return "key=a value long enough to need the heap; and some more";
}

// `dst = s.substr(p, n)` builds a temporary and moves it in; assign() copies
// the characters into dst's buffer (no allocation once it is large enough).
void copyInto(const std::string &S, std::string &Dst) {
  Dst = S.substr(4, 20);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: assigning a 'substr' result builds a temporary string (allocating past 15 characters); copy the characters into 'Dst' directly with 'Dst.assign(S, 4, 20)' [memlint-substr-copy]
  // CHECK-FIXES: Dst.assign(S, 4, 20);
  // CHECK-MESSAGES-CXX11: :[[@LINE-3]]:11: warning: assigning a 'substr' result builds a temporary string (allocating past 15 characters); copy the characters into 'Dst' directly with 'Dst.assign(S, 4, 20)' [memlint-substr-copy]
  // CHECK-FIXES-CXX11: Dst.assign(S, 4, 20);
  std::printf("%s\n", Dst.c_str());
  Dst = S.substr(S.find('=') + 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: assigning a 'substr' result builds a temporary string (allocating past 15 characters); copy the characters into 'Dst' directly with 'Dst.assign(S, S.find('=') + 1)'
  // CHECK-FIXES: Dst.assign(S, S.find('=') + 1);
  // assign(str, pos) has no default count before C++14.
  // CHECK-MESSAGES-CXX11: :[[@LINE-4]]:11: warning: assigning a 'substr' result builds a temporary string (allocating past 15 characters); copy the characters into 'Dst' directly with 'Dst.assign(S, S.find('=') + 1, Dst.npos)'
  // CHECK-FIXES-CXX11: Dst.assign(S, S.find('=') + 1, Dst.npos);
  std::printf("%s\n", Dst.c_str());
}

// `s = s.substr(p)`: assign() from the string itself is specified (the
// characters move within the buffer) and, like substr, throws for a p past
// the end, where erase(0, p) would quietly empty the string.
void dropPrefix(std::string S, unsigned Rounds) {
  S = S.substr(4);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'S = S.substr(...)' copies part of 'S' into a temporary string (allocating past 15 characters); keep them in place with 'S.assign(S, 4)' [memlint-substr-copy]
  // CHECK-FIXES: S.assign(S, 4);
  // CHECK-MESSAGES-CXX11: :[[@LINE-3]]:9: warning: 'S = S.substr(...)' copies part of 'S' into a temporary string (allocating past 15 characters); keep them in place with 'S.assign(S, 4, S.npos)'
  // CHECK-FIXES-CXX11: S.assign(S, 4, S.npos);
  std::printf("%s\n", S.c_str());
  for (unsigned I = 0; I < Rounds; ++I) {
    S = S.substr(1, S.size() - 2);
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'S = S.substr(...)' copies part of 'S' into a temporary string (allocating past 15 characters per iteration); keep them in place with 'S.assign(S, 1, S.size() - 2)'
    // CHECK-FIXES: S.assign(S, 1, S.size() - 2);
    // CHECK-MESSAGES-CXX11: :[[@LINE-3]]:11: warning: 'S = S.substr(...)' copies part of 'S' into a temporary string (allocating past 15 characters per iteration); keep them in place with 'S.assign(S, 1, S.size() - 2)'
    // CHECK-FIXES-CXX11: S.assign(S, 1, S.size() - 2);
    std::printf("%s\n", S.c_str());
  }
  try {
    S = S.substr(S.size() + 1);
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'S = S.substr(...)' copies part of 'S' into a temporary string
    // CHECK-FIXES: S.assign(S, S.size() + 1);
    // CHECK-MESSAGES-CXX11: :[[@LINE-3]]:11: warning: 'S = S.substr(...)' copies part of 'S' into a temporary string
    // CHECK-FIXES-CXX11: S.assign(S, S.size() + 1, S.npos);
  } catch (const std::out_of_range &) {
    std::printf("out of range, kept '%s'\n", S.c_str());
  }
}

struct Record {
  std::string Key, Value;
  // A member target, and the value of the assignment used.
  bool parse(const std::string &Line) {
    std::string::size_type Eq = Line.find('=');
    Key = Line.substr(0, Eq);
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: assigning a 'substr' result builds a temporary string (allocating past 15 characters); copy the characters into 'Key' directly with 'Key.assign(Line, 0, Eq)'
    // CHECK-FIXES: Key.assign(Line, 0, Eq);
    // CHECK-MESSAGES-CXX11: :[[@LINE-3]]:16: warning: assigning a 'substr' result
    // CHECK-FIXES-CXX11: Key.assign(Line, 0, Eq);
    return !(Value = Line.substr(Eq + 1, 20)).empty();
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: assigning a 'substr' result builds a temporary string (allocating past 15 characters); copy the characters into 'Value' directly with 'Value.assign(Line, Eq + 1, 20)'
    // CHECK-FIXES: return !(Value.assign(Line, Eq + 1, 20)).empty();
    // CHECK-MESSAGES-CXX11: :[[@LINE-3]]:27: warning: assigning a 'substr' result
    // CHECK-FIXES-CXX11: return !(Value.assign(Line, Eq + 1, 20)).empty();
  }
};

int main() {
  std::string Dst = "previous";
  copyInto(text(), Dst);
  dropPrefix(text(), 3);
  Record R;
  std::printf("%d %s %s\n", R.parse(text()), R.Key.c_str(), R.Value.c_str());
}
