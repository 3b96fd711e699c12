// RUN: %check_clang_tidy %s memlint-substr-copy %t

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

void byRef(const std::string &S);
void byValue(std::string S);
void byView(std::string_view V);
std::string make();
// Not a constant: each substring may outgrow the small-string buffer.
std::size_t N = 20;

// The substring must be a std::string: stored, returned, bound to a
// reference, passed where a std::string is wanted.
std::string returned(const std::string &S) { return S.substr(1); }

struct Holder {
  std::string Member;
  std::vector<std::string> Parts;
  std::map<std::string, int> Index;
  void store(const std::string &S) {
    Parts.push_back(S.substr(1));
    Index[S.substr(0, N)] = 1;
    Member.append(S.substr(3));
  }
};

int bound(const std::string &S) {
  const std::string &R = S.substr(1);
  std::string &&X = S.substr(2);
  return static_cast<int>(R.size() + X.size());
}

void passed(const std::string &S) {
  byRef(S.substr(1));
  byValue(S.substr(1));
  std::string Copy(S.substr(2));
  (void)Copy;
}

// A local that is stored in a way a view cannot follow.
std::string storedLocal(const std::string &S) {
  std::string Kept = S.substr(1);
  Kept += "!";
  std::string Out = S.substr(2);
  std::string Other = S.substr(3);
  byRef(Other);
  return Out;
}

// A local initialized from a string that changes later (the view would see
// the change), or from a string that is not a local.
std::size_t sourceChanges(std::string S, const std::string &R) {
  std::string Head = S.substr(0, N);
  S.clear();
  std::string FromRef = R.substr(0, N);
  return Head.size() + FromRef.size();
}

// The statement that reads the substring also writes the string.
bool writesTooS(std::string S) { return S.substr(0, N) == (S += "x"); }

// Taken from a temporary: a view of it would dangle past the statement.
std::size_t fromTemporary() { return make().substr(1).size(); }

// Through a pointer (not followed).
std::size_t throughPointer(const std::string *P) { return P->substr(1).size(); }

// The result is modified or its std::string-only API is used.
void stringOnly(const std::string &S) {
  S.substr(1).c_str();
  S.substr(1).append("x");
  auto I = S.substr(1).begin();
  (void)I;
}

// Macros: neither inside nor around the call.
#define HEAD(X) X.substr(0, N)
#define IS_GET(X) (X.substr(0, N) == "GET")
bool macros(const std::string &S) { return HEAD(S) == "abcd" || IS_GET(S); }

// Templates: not rewritten in instantiations or dependent code.
template <class T> bool dependent(const T &S) { return S.substr(0, N) == "a"; }
bool useDependent() { return dependent(std::string("abc")); }

// std::wstring is not std::string.
bool wide(const std::wstring &W) { return W.substr(0, N) == L"a"; }

// NOLINT.
bool suppressed(const std::string &S) {
  return S.substr(0, N) == "GET"; // NOLINT(memlint-substr-copy)
}

// A dst with side effects, and a macro-built assignment.
#define ASSIGN(D, S) D = S.substr(1)
void assignments(std::vector<std::string> &V, const std::string &S) {
  unsigned I = 0;
  V[I++] = S.substr(1);
  ASSIGN(V[0], S);
}
