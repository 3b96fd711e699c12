// RUN: %check_clang_tidy %s memlint-compact-string %t -- -- -std=c++20

// Strings whose values are not all known and bounded, or whose uses need a
// std::string: no warning anywhere in this file.

#include <string>
#include <vector>

void byConstRef(const std::string &);
void byRef(std::string &);
void byValue(std::string);
std::string external();
const std::string kExported = "externally visible const";
extern const std::string kDeclared;
struct Holder {
  static const std::string Member;
};
const std::string Holder::Member = "a static data member!";

std::string returned() {
  std::string S = "returned as std::string";
  return S;
}

void uses(int N, double D, const char *Runtime) {
  std::string A = "passed by const ref....";
  byConstRef(A);
  std::string B = "passed by reference....";
  byRef(B);
  std::string C = "passed by value........";
  byValue(C);
  std::string E = "0123456789abcdefg";
  std::string Copy = E;
  std::string F = "0123456789abcdefg";
  auto Sub = F.substr(2);
  std::string G = "0123456789abcdefg";
  auto Plus = G + "x";
  std::string H = "0123456789abcdefg";
  H.append("x");
  std::string I = "0123456789abcdefg";
  std::string *P = &I;
  std::string J = "0123456789abcdefg";
  J.swap(A);
  std::string K = "0123456789abcdefg";
  std::vector<std::string> V{K};
  std::string L = "0123456789abcdefg";
  std::size_t Cap = L.capacity();
  std::string M = "0123456789abcdefg";
  int Cmp = M.compare(0, 3, "012");
  (void)Copy; (void)Sub; (void)Plus; (void)P; (void)Cap; (void)Cmp;
}

void unbounded(int N, double D, const char *Runtime) {
  std::string A = "prefix_" + std::to_string(D); // to_string(double): unbounded
  std::string B = Runtime;
  std::string C = "0123456789abcdefg";
  C += Runtime;
  std::string Dd = "0123456789abcdefg";
  Dd = external();
  std::string E = "0123456789";
  for (int i = 0; i < N; ++i)
    E += "x";
  std::string F = "0123456789abcdefghij";
  for (int i = 0; i < 4; ++i)
    F += "x"; // 24 characters
  std::string G = "this literal is longer than 23";
  std::string H = "fifteen chars!!"; // fits std::string already
  std::string I = std::string(20, 'x');
  std::string J = u8"0123456789abcdefg" ? "0123456789abcdefg" : "";
  (void)A; (void)B; (void)C; (void)Dd; (void)E; (void)F; (void)G; (void)H;
  (void)I; (void)J;
}

template <class T> std::size_t inTemplate(T) {
  std::string S = "0123456789abcdefg";
  return S.size();
}
std::size_t useTemplate() { return inTemplate(1); }

#define NAME "0123456789abcdefg"
void nolint() {
  std::string S = NAME; // NOLINT(memlint-compact-string)
  (void)S.size();
}
