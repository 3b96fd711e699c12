// RUN: %check_clang_tidy %s memlint-unneeded-copy %t
// RUN: %check_clang_tidy -check-suffix=OFF %s memlint-unneeded-copy %t \
// RUN:   -- -config="{CheckOptions: {memlint-unneeded-copy.StringViewParams: false}}"
// RUN: %check_clang_tidy -check-suffix=CXX14 -std=c++14 %s memlint-unneeded-copy %t
// RUN: %check_clang_tidy -run-fixed %s memlint-unneeded-copy %t

#include <cstdio>
#include <iostream>
#include <string>

void keep(const std::string &);

// Every use is valid on a std::string_view.
bool isHeader(std::string Path) {
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: parameter 'Path' copies a std::string (heap allocation when longer than the small-string buffer) on every call but is only read; take it as 'std::string_view' [memlint-unneeded-copy]
  // CHECK-MESSAGES-OFF: :[[@LINE-2]]:27: warning: parameter 'Path' {{.*}} take it as 'const std::string&'
  // CHECK-MESSAGES-CXX14: :[[@LINE-3]]:27: warning: parameter 'Path' {{.*}} take it as 'const std::string&'
  // CHECK-FIXES: bool isHeader(std::string_view Path) {
  // CHECK-FIXES-OFF: bool isHeader(const std::string& Path) {
  // CHECK-FIXES-CXX14: bool isHeader(const std::string& Path) {
  if (Path.empty() || Path == "x" || Path.size() < 2)
    return false;
  std::size_t Dot = Path.rfind('.');
  return Dot != std::string::npos && Path[Dot + 1] == 'h' &&
         Path.compare(0, 1, "/") != 0;
}

int countChars(std::string S, char C) {
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: parameter 'S' {{.*}} take it as 'std::string_view'
  // CHECK-MESSAGES-OFF: :[[@LINE-2]]:28: warning: parameter 'S'
  // CHECK-MESSAGES-CXX14: :[[@LINE-3]]:28: warning: parameter 'S'
  // CHECK-FIXES: int countChars(std::string_view S, char C) {
  int N = 0;
  for (char X : S)
    N += X == C;
  std::cout << S << '\n';
  return N;
}

// ---- std::string is required: const std::string& only ------------------

// Passed to a const std::string& parameter.
void passesOn(std::string S) { keep(S); }
// CHECK-MESSAGES: :[[@LINE-1]]:27: warning: parameter 'S' {{.*}} take it as 'const std::string&'
// CHECK-MESSAGES-OFF: :[[@LINE-2]]:27: warning: parameter 'S'
// CHECK-MESSAGES-CXX14: :[[@LINE-3]]:27: warning: parameter 'S'
// CHECK-FIXES: void passesOn(const std::string& S) { keep(S); }

// c_str() and data() need a NUL-terminated string.
void cStr(std::string S) { std::puts(S.c_str()); }
// CHECK-MESSAGES: :[[@LINE-1]]:23: warning: parameter 'S' {{.*}} take it as 'const std::string&'
// CHECK-MESSAGES-OFF: :[[@LINE-2]]:23: warning: parameter 'S'
// CHECK-MESSAGES-CXX14: :[[@LINE-3]]:23: warning: parameter 'S'
// CHECK-FIXES: void cStr(const std::string& S) { std::puts(S.c_str()); }
void dataOf(std::string S) { std::puts(S.data()); }
// CHECK-MESSAGES: :[[@LINE-1]]:25: warning: parameter 'S' {{.*}} take it as 'const std::string&'
// CHECK-MESSAGES-OFF: :[[@LINE-2]]:25: warning: parameter 'S'
// CHECK-MESSAGES-CXX14: :[[@LINE-3]]:25: warning: parameter 'S'
// CHECK-FIXES: void dataOf(const std::string& S) { std::puts(S.data()); }

// A function named like one in namespace std: with `const std::string&`,
// std::data(C&) found by argument-dependent lookup would win for callers
// passing a non-const string (found by -run-fixed). Diagnostic, no fixit.
void data(std::string S) { std::puts(S.c_str()); }
// CHECK-MESSAGES: :[[@LINE-1]]:23: warning: parameter 'S' {{.*}} take it as 'const std::string&'
// CHECK-MESSAGES-OFF: :[[@LINE-2]]:23: warning: parameter 'S'
// CHECK-MESSAGES-CXX14: :[[@LINE-3]]:23: warning: parameter 'S'
// CHECK-FIXES: void data(std::string S) { std::puts(S.c_str()); }

// Concatenation: string_view + string does not compile before C++26.
std::string concat(std::string S) { return S + "!"; }
// CHECK-MESSAGES: :[[@LINE-1]]:32: warning: parameter 'S' {{.*}} take it as 'const std::string&'
// CHECK-MESSAGES-OFF: :[[@LINE-2]]:32: warning: parameter 'S'
// CHECK-MESSAGES-CXX14: :[[@LINE-3]]:32: warning: parameter 'S'
// CHECK-FIXES: std::string concat(const std::string& S) { return S + "!"; }

// Copy-assigned to a member: a sink (by-value + std::move is the fix that
// removes the copy, `const std::string&` keeps it), not flagged. A
// string_view would not do anyway: its conversion to std::string is explicit.
struct Person {
  void setName(std::string S) { Name = S; }
  // CHECK-FIXES: void setName(std::string S) { Name = S; }
  std::string Name;
};

// substr() returns a std::string_view on a view: other type.
std::string head(std::string S) { return S.substr(0, 1); }
// CHECK-MESSAGES: :[[@LINE-1]]:30: warning: parameter 'S' {{.*}} take it as 'const std::string&'
// CHECK-MESSAGES-OFF: :[[@LINE-2]]:30: warning: parameter 'S'
// CHECK-MESSAGES-CXX14: :[[@LINE-3]]:30: warning: parameter 'S'
// CHECK-FIXES: std::string head(const std::string& S) { return S.substr(0, 1); }

// A caller passes a type that converts to std::string but not to
// std::string_view.
struct Name {
  operator std::string() const { return "n"; }
};
std::size_t length(std::string S) { return S.size(); }
// CHECK-MESSAGES: :[[@LINE-1]]:32: warning: parameter 'S' {{.*}} take it as 'const std::string&'
// CHECK-MESSAGES-OFF: :[[@LINE-2]]:32: warning: parameter 'S'
// CHECK-MESSAGES-CXX14: :[[@LINE-3]]:32: warning: parameter 'S'
// CHECK-FIXES: std::size_t length(const std::string& S) { return S.size(); }
std::size_t useLength() { return length(Name()); }

// An overload of the same arity: string_view would change overload
// resolution for callers passing other types.
std::size_t width(std::string S) { return S.size(); }
// CHECK-MESSAGES: :[[@LINE-1]]:31: warning: parameter 'S' {{.*}} take it as 'const std::string&'
// CHECK-MESSAGES-OFF: :[[@LINE-2]]:31: warning: parameter 'S'
// CHECK-MESSAGES-CXX14: :[[@LINE-3]]:31: warning: parameter 'S'
// CHECK-FIXES: std::size_t width(const std::string& S) { return S.size(); }
std::size_t width(const char *S);

// Converting constructor: string_view would break `Tag T = Str;`.
struct Tag {
  Tag(std::string S) : Len(S.size()) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: parameter 'S' {{.*}} take it as 'const std::string&'
  // CHECK-MESSAGES-OFF: :[[@LINE-2]]:19: warning: parameter 'S'
  // CHECK-MESSAGES-CXX14: :[[@LINE-3]]:19: warning: parameter 'S'
  // CHECK-FIXES: Tag(const std::string& S) : Len(S.size()) {}
  std::size_t Len;
};

int main() {
  std::string Str = "main.h";
  Tag T = Str;
  std::printf("%d %d %zu\n", isHeader(Str), countChars("a/b/a", 'a'), T.Len);
  passesOn(Str);
  cStr(Str);
  data(Str);
  dataOf(Str);
  std::puts(concat(Str).c_str());
  Person P;
  P.setName(Str);
  std::puts(head(Str).c_str());
  std::printf("%zu %zu %zu\n", useLength(), width(Str), length(std::string("abc")));
}
void keep(const std::string &S) { std::puts(S.c_str()); }
std::size_t width(const char *S) { return S[0]; }
