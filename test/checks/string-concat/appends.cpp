// RUN: %check_clang_tidy -run-fixed %s memlint-string-concat %t

#include <cstdio>
#include <string>
#include <vector>

// `s = s + a + ...` copies all of s into a temporary and moves it back;
// `s += a + b` builds a + b first. One `+=` per operand does neither.
std::string join(const std::vector<std::string> &Words) {
  std::string Out;
  for (const std::string &W : Words) {
    Out = Out + W + ",";
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'Out = Out + ...' copies 'Out' into a temporary string (allocating past 15 characters per iteration) before assigning it back; append in place with '+=' [memlint-string-concat]
    // CHECK-FIXES: Out += W; Out += ',';
  }
  Out = Out + "end";
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'Out = Out + ...' copies 'Out' into a temporary string (allocating past 15 characters) before assigning it back; append in place with '+=' [memlint-string-concat]
  // CHECK-FIXES: Out += "end";
  return Out;
}

std::string pairs(const std::vector<std::string> &Keys, int N) {
  std::string Out;
  for (const std::string &K : Keys) {
    Out += K + "=" + std::to_string(N) + "\n";
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'Out += a + ...' builds a temporary string (allocating past 15 characters per iteration); append each operand with its own '+=' [memlint-string-concat]
    // CHECK-FIXES: Out += K; Out += '='; Out += std::to_string(N); Out += '\n';
  }
  Out += ("[" + Keys.front()) + ("]" + Keys.back());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'Out += a + ...' builds a temporary string (allocating past 15 characters); append each operand with its own '+='
  // CHECK-FIXES: Out += '['; Out += Keys.front(); Out += ']'; Out += Keys.back();
  return Out;
}

struct Log {
  std::string Text;
  // A member, with a char and a reference parameter.
  void add(const std::string &Line, char Sep) {
    Text = Text + Line + Sep;
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'Text = Text + ...' copies 'Text' into a temporary string (allocating past 15 characters) before assigning it back; append in place with '+='
    // CHECK-FIXES: Text += Line; Text += Sep;
    this->Text += Line + "'";
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'this->Text += a + ...' builds a temporary string
    // CHECK-FIXES: this->Text += Line; this->Text += '\'';
  }
};

// Literals that stay strings: longer than one character, empty, a NUL.
std::string literals(std::string S) {
  S = S + "ab" + "" + "\\";
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'S = S + ...' copies 'S'
  // CHECK-FIXES: S += "ab"; S += ""; S += '\\';
  return S;
}

// One operand needs no extra statement: fine as the body of an if.
void single(std::string &S, bool Cond) {
  if (Cond)
    S = S + "tail";
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'S = S + ...' copies 'S'
  // CHECK-FIXES: S += "tail";
}

int main() {
  std::vector<std::string> Words = {"alpha", "beta", "a word long enough for the heap"};
  std::printf("%s\n", join(Words).c_str());
  std::printf("%s\n", pairs(Words, 7).c_str());
  Log L;
  L.add("first", ';');
  L.add("second line of the log", '|');
  std::printf("%s\n", L.Text.c_str());
  std::printf("%s\n", literals("x").c_str());
  std::string S = "head";
  single(S, true);
  single(S, false);
  std::printf("%s\n", S.c_str());
}
