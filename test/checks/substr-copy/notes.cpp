// RUN: %check_clang_tidy %s memlint-substr-copy %t

#include <algorithm>
#include <functional>
#include <string>
#include <string_view>

void byView(std::string_view V);
std::string Global = "a global string long enough to live on the heap";

// The string is a reference (or a member) that a function called here might
// reach another way: the view could see it change or dangle. Reported, with
// the reason there is no fixit.
void callee(const std::string &S) {
  byView(S.substr(1));
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'substr' copies part of the string into a temporary that is only read (allocating past 15 characters); take the substring of a std::string_view instead [memlint-substr-copy]
  // CHECK-NOTES: :[[@LINE-2]]:12: note: no fixit: the string could change while a function called here reads the view (it is not a local whose every use is visible here)
}

void loop(const std::string &S) {
  for (char C : S.substr(1))
    Global += C;
  // CHECK-NOTES: :[[@LINE-2]]:19: warning: 'substr' copies part of the string into a temporary that is only read
  // CHECK-NOTES: :[[@LINE-3]]:19: note: no fixit: the string could change while the loop reads the view (it is not a local whose every use is visible here)
}

// A library call that runs a callback.
bool callbacks(const std::string &S, const std::function<bool(char)> &Pred) {
  return S.substr(1).find('x') == std::string::npos && Pred('y');
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'substr' copies part of the string
  // CHECK-NOTES: :[[@LINE-2]]:12: note: no fixit: the string could change while a function called here reads the view
}

// A local nobody else can reach: fixed, even though a function is called.
void local() {
  std::string L = Global;
  byView(L.substr(1));
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'substr' copies part of the string
  // CHECK-FIXES: byView(std::string_view(L).substr(1));
}
