// RUN: %check_clang_tidy %s memlint-missing-reserve %t

// Diagnostics whose fix is withheld, with the note saying why. The file must
// stay unchanged.

#include <vector>

std::vector<int> load();
int next();

// The range is a function call: re-evaluating it would call it again.
std::vector<int> fromCall() {
  std::vector<int> out;
  for (int x : load())
    out.push_back(x);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'out' grows by 'push_back' on every iteration of a loop with a known trip count, reallocating and moving its elements repeatedly; reserve its capacity before the loop [memlint-missing-reserve]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: reserve 'load().size()' before this loop; not fixed automatically because the range 'load()' would be evaluated a second time
  return out;
}

// The start has side effects.
std::vector<int> sideEffectStart(int n) {
  std::vector<int> out;
  for (int i = next(); i < n; ++i)
    out.push_back(i);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'out' grows by 'push_back'
  // CHECK-NOTES: :[[@LINE-3]]:3: note: reserve 'n - next()' before this loop; not fixed automatically because the start value 'next()' cannot be evaluated a second time
  return out;
}

// The loop is the body of an if without braces: a line before it would
// change what the if controls.
std::vector<int> notInBlock(bool b, int n) {
  std::vector<int> out;
  if (b)
    for (int i = 0; i < n; ++i)
      out.push_back(i);
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'out' grows by 'push_back'
  // CHECK-NOTES: :[[@LINE-3]]:5: note: reserve 'n' before this loop; not fixed automatically because the loop is not a statement of its own in a block
  return out;
}

// Growth written by a macro: diagnostic only.
#define APPEND(v, x) v.push_back(x)
std::vector<int> viaMacro(const std::vector<int> &in) {
  std::vector<int> out;
  for (int x : in)
    APPEND(out, x);
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'out' grows by 'push_back'
  // CHECK-NOTES: :[[@LINE-3]]:3: note: reserve 'in.size()' before this loop; not fixed automatically because the code is inside a macro expansion
  return out;
}

// The whole loop in a macro.
#define FILL(v, n) for (int i = 0; i < n; ++i) v.push_back(i)
std::vector<int> loopMacro(int n) {
  std::vector<int> out;
  FILL(out, n);
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'out' grows by 'push_back'
  // CHECK-NOTES: :[[@LINE-2]]:3: note: reserve 'n' before this loop; not fixed automatically because the code is inside a macro expansion
  // CHECK-NOTES: :[[@LINE-6]]:20: note: expanded from macro 'FILL'
  return out;
}
