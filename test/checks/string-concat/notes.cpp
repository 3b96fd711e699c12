// RUN: %check_clang_tidy %s memlint-string-concat %t

#include <string>

// Several appends need several statements: an unbraced body gets the
// diagnostic and the reason there is no fixit.
void unbraced(std::string &S, const std::string &A, bool Cond) {
  if (Cond)
    S = S + A + "x";
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'S = S + ...' copies 'S' into a temporary string (allocating past 15 characters) before assigning it back; append in place with '+=' [memlint-string-concat]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: no fixit: the appends need a statement each; put this statement in braces first
  for (int I = 0; I < 3; ++I)
    S += A + "y";
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'S += a + ...' builds a temporary string (allocating past 15 characters per iteration); append each operand with its own '+='
  // CHECK-NOTES: :[[@LINE-2]]:7: note: no fixit: the appends need a statement each; put this statement in braces first
}

// A lambda in a loop runs once per call, not per iteration.
void lambda(std::string &S, const std::string &A) {
  for (int I = 0; I < 3; ++I) {
    auto F = [&] { S += A + "z"; };
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: 'S += a + ...' builds a temporary string (allocating past 15 characters); append each operand with its own '+='
    // CHECK-FIXES: auto F = [&] { S += A; S += 'z'; };
    F();
  }
}
