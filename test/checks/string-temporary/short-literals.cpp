// RUN: %check_clang_tidy -run-fixed %s memlint-string-temporary %t

// A std::string built from a literal that fits the small-string buffer (15
// characters in libstdc++, 22 in libc++) does not allocate: when every
// temporary a parameter causes is such a literal, std::string_view saves
// nothing and the parameter is not reported.

#include <cstdio>
#include <string>

// Only short literals, a default among them: not flagged.
bool isMethod(const std::string &M, const std::string &Sep = ":") {
  return M == "GET" || M == "POST" || M.find(Sep) != std::string::npos;
}

// Either of two short literals: still nothing allocates.
std::size_t widthOf(const std::string &S) { return S.size(); }

// One literal past any small-string buffer: the calls allocate.
std::size_t lengthOf(const std::string &S) { return S.size(); }
// CHECK-MESSAGES: :[[@LINE-1]]:41: warning: parameter 'S' makes 2 calls in this translation unit build a std::string temporary {{.*}} [memlint-string-temporary]
// CHECK-FIXES: std::size_t lengthOf(std::string_view S) { return S.size(); }

// A C string's length is not known: reported.
std::size_t cLength(const std::string &S) { return S.size(); }
// CHECK-MESSAGES: :[[@LINE-1]]:40: warning: parameter 'S' makes 1 call in this translation unit build a std::string temporary {{.*}} [memlint-string-temporary]
// CHECK-FIXES: std::size_t cLength(std::string_view S) { return S.size(); }

int main(int Argc, char **) {
  const char *C = Argc > 5 ? "many arguments" : "few";
  bool A = isMethod("GET") && isMethod("PUT", "/");
  std::size_t W = widthOf(Argc > 1 ? "wide" : "narrow");
  std::size_t L = lengthOf("ok") + lengthOf("a literal well past any buffer");
  std::size_t N = cLength(C);
  std::printf("%d %zu %zu %zu\n", A, W, L, N);
  return A && W == 6 && L == 32 && N == 3 ? 0 : 1;
}
