// RUN: %check_clang_tidy %s memlint-string-concat %t

#include <string>
#include <vector>

std::string f(const std::string &S);
std::string g();
std::string Global;

// Prepending: the order of the operands matters.
void prepend(std::string &S, const std::string &A) {
  S = A + S;
  S = A + S + "x";
}

// s itself among the operands (aliasing), or read by an operand evaluated
// after the first append.
void aliasing(std::string S) {
  S = S + S;
  S = S + "x" + S;
  S += S + "x";
  S = S + f(S);
  S = S + "a" + f(S);
  Global = Global + "a" + g(); // g() may read Global
}

// An operand after the first that may throw (a function outside the
// standard library): the string would be left half appended.
std::string throwing(const std::string &A) {
  std::string Local;
  Local += A + g();
  return Local;
}

// A reference operand evaluated after the string changed may be the
// string itself.
struct Buffer {
  std::string Text;
  void add(const std::string &Line) {
    Text = Text + "'" + Line;
    Text += "[" + Line;
  }
};

// Not a statement: the value is used.
std::string value(std::string S, const std::string &A) {
  return S = S + A;
}

// Not std::string.
void others(std::wstring &W, const std::wstring &A) { W = W + A + L"x"; }

// Plain assignments and single appends: nothing to split.
void plain(std::string &S, const std::string &A) {
  S = A;
  S += A;
  S = S;
  std::string T = S + A;
  (void)T;
}

// Macros, templates, NOLINT.
#define APPEND(S, A) S = S + A
#define TAIL "tail"
void macros(std::string &S, const std::string &A) {
  APPEND(S, A);
  S = S + TAIL;
}
template <class T> void dependent(T &S, const T &A) { S = S + A + "x"; }
void useDependent(std::string &S) { dependent(S, std::string("a")); }
void suppressed(std::string &S, const std::string &A) {
  S = S + A; // NOLINT(memlint-string-concat)
}

// The target has side effects.
void sideEffects(std::vector<std::string> &V, const std::string &A) {
  unsigned I = 0;
  V[I++] = V[I] + A;
}

// Every operand a literal and the whole temporary fits the small-string
// buffer: building it allocates nothing.
void small(std::string &S) { S += std::string("ab") + "cd"; }
