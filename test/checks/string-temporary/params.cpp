// RUN: %check_clang_tidy %s memlint-string-temporary %t
// RUN: %check_clang_tidy -run-fixed %s memlint-string-temporary %t

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>
#include <string_view>

// Only read the way a view reads; called with a literal.
bool isHeader(const std::string &Path) {
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: parameter 'Path' makes 2 calls in this translation unit build a std::string temporary (a heap allocation when longer than the small-string buffer) from a string literal, a C string or a std::string_view; take it as 'std::string_view' [memlint-string-temporary]
  // CHECK-FIXES: bool isHeader(std::string_view Path) {
  if (Path.empty() || Path == "x" || Path.size() < 2)
    return false;
  std::size_t Dot = Path.rfind('.');
  return Dot != std::string::npos && Path[Dot + 1] == 'h' &&
         Path.compare(0, 1, "/") != 0;
}

// East const, no space before the name, streamed, iterated.
int countChars(std::string const&S, char C) {
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: parameter 'S' makes 1 call in
  // CHECK-FIXES: int countChars(std::string_view S, char C) {
  int N = 0;
  for (char X : S)
    N += X == C;
  std::cout << S << '\n';
  return N;
}

// substr() whose result is only read, begin()/end() into an algorithm,
// passed on to a std::string_view parameter.
std::size_t viewLength(std::string_view V) { return V.size(); }
std::size_t score(const std::string &Word) {
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: parameter 'Word' makes 1 call in
  // CHECK-FIXES: std::size_t score(std::string_view Word) {
  std::size_t N = Word.substr(1).size() + viewLength(Word);
  if (Word.substr(0, 2) == "ab")
    ++N;
  std::cout << Word.substr(1, 2) << '\n';
  N += viewLength(Word.substr(2));
  return N + static_cast<std::size_t>(std::count(Word.begin(), Word.end(), 'b'));
}

// A C string and a view: `std::string(V)` is unwrapped to pass the view.
int firstOf(const std::string &Key, int Dflt) {
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: parameter 'Key' makes 2 calls
  // CHECK-FIXES: int firstOf(std::string_view Key, int Dflt) {
  return Key.empty() ? Dflt : Key.front();
}

// A default argument that is a literal builds a temporary at every call
// that uses it.
std::size_t widthOf(const std::string &Text = "a default longer than sso") {
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: parameter 'Text' makes 1 call in
  // CHECK-FIXES: std::size_t widthOf(std::string_view Text = "a default longer than sso") {
  return Text.length();
}

struct Registry {
  // A method: declaration and definition change together.
  bool has(const std::string &Name) const;
  // CHECK-FIXES: bool has(std::string_view Name) const;
};
bool Registry::has(const std::string &Name) const { return Name.find('.') != std::string::npos; }
// CHECK-MESSAGES: :[[@LINE-1]]:39: warning: parameter 'Name' makes 1 call in
// CHECK-FIXES: bool Registry::has(std::string_view Name) const { return Name.find('.') != std::string::npos; }

// ---- not flagged ----------------------------------------------------

// c_str() and data() need a NUL-terminated string.
void cStr(const std::string &S) { std::puts(S.c_str()); }
// CHECK-FIXES: void cStr(const std::string &S) { std::puts(S.c_str()); }
void dataOf(const std::string &S) { std::fwrite(S.data(), 1, S.size(), stdout); }
// CHECK-FIXES: void dataOf(const std::string &S) { std::fwrite(S.data(), 1, S.size(), stdout); }

// Passed on to a const std::string& or a std::string.
void keep(const std::string &S) { std::puts(S.c_str()); }
void passesOn(const std::string &S) { keep(S); }
// CHECK-FIXES: void passesOn(const std::string &S) { keep(S); }
std::string copies(const std::string &S) { std::string C = S; return C; }
std::string returns(const std::string &S) { return S; }

// Concatenation and substr() kept as a string.
std::string concat(const std::string &S) { return S + "!"; }
std::string head(const std::string &S) { return S.substr(0, 1); }
// CHECK-FIXES: std::string head(const std::string &S) { return S.substr(0, 1); }

// An iterator stored with its type.
bool iter(const std::string &S) {
  std::string::const_iterator It = S.begin();
  return It != S.end();
}

// max_size() differs on a view.
std::size_t maxOf(const std::string &S) { return S.max_size(); }

// Called only with std::string: no temporary to save.
std::size_t onlyStrings(const std::string &S) { return S.size(); }
// CHECK-FIXES: std::size_t onlyStrings(const std::string &S) { return S.size(); }

// Called with something that converts to std::string but not to a view.
struct Name {
  operator std::string() const { return "n"; }
};
std::size_t length(const std::string &S) { return S.size(); }
// CHECK-FIXES: std::size_t length(const std::string &S) { return S.size(); }

// Overloaded: a view would change overload resolution.
std::size_t width(const std::string &S) { return S.size(); }
// CHECK-FIXES: std::size_t width(const std::string &S) { return S.size(); }
std::size_t width(const std::string &S, int) { return S.size(); }

// Address taken: the function pointer type would change.
std::size_t taken(const std::string &S) { return S.size(); }
std::size_t (*TakenPtr)(const std::string &) = taken;

// Virtual functions and overrides keep the hierarchy's signature.
struct Base {
  virtual ~Base() = default;
  virtual std::size_t v(const std::string &S) const { return S.size(); }
};
struct Derived : Base {
  std::size_t v(const std::string &S) const override { return S.size() + 1; }
};

// Constructors: a view would break `Tag T = Str;`.
struct Tag {
  Tag(const std::string &S) : Len(S.size()) {}
  std::size_t Len;
};

// Templates are left alone.
template <typename T> std::size_t tmpl(const std::string &S, T) { return S.size(); }

// Lambdas.
auto Lambda = [](const std::string &S) { return S.size(); };

// Named like a function in namespace std: argument-dependent lookup would
// find std::size for callers passing a std::string. Diagnostic, no fixit.
std::size_t size(const std::string &S) { return S.length(); }
// CHECK-MESSAGES: :[[@LINE-1]]:37: warning: parameter 'S' makes 1 call in
// CHECK-FIXES: std::size_t size(const std::string &S) { return S.length(); }

int main() {
  std::string Str = "main.h";
  const char *CStr = "abc";
  std::string_view View = "xyz";
  std::printf("%d %d\n", isHeader(Str), isHeader("include/project/a.h"));
  std::printf("%d\n", isHeader("x/project/src/y.cc"));
  std::printf("%d\n", countChars("a/b/a/long/enough/path", 'a'));
  std::printf("%zu %zu\n", score(Str), score("abcab-abcab-abcab"));
  std::printf("%d %d\n", firstOf(CStr, 1), firstOf(std::string(View), 2));
  // CHECK-FIXES: std::printf("%d %d\n", firstOf(CStr, 1), firstOf(View, 2));
  std::printf("%zu %zu\n", widthOf(), widthOf(Str));
  Registry R;
  std::printf("%d\n", R.has("a.b.longer.than.sso"));
  cStr("a literal too long for the buffer");
  dataOf("a literal too long for the buffer");
  passesOn("a literal too long for the buffer");
  std::puts(copies("a literal too long for the buffer").c_str());
  std::puts(returns("a literal too long for the buffer").c_str());
  std::puts(concat("a literal too long for the buffer").c_str());
  std::puts(head("a literal too long for the buffer").c_str());
  std::printf("%d %d\n", iter("a literal too long for the buffer"), maxOf("a literal too long for the buffer") > 0);
  std::printf("%zu %zu\n", onlyStrings(Str), length(Name()));
  std::printf("%zu %zu\n", length("a literal too long for the buffer"), width("a literal too long for the buffer"));
  std::printf("%zu %zu\n", taken("a literal too long for the buffer"), TakenPtr(Str));
  Derived D;
  std::printf("%zu\n", D.v("a literal too long for the buffer"));
  Tag T = Str;
  Tag T2("a literal too long for the buffer");
  std::printf("%zu %zu %zu %zu\n", T.Len, T2.Len, tmpl("a literal too long for the buffer", 1), Lambda("a literal too long for the buffer"));
  std::printf("%zu\n", size("a literal too long for the buffer"));
}
