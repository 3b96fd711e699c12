// RUN: %check_clang_tidy %s memlint-unneeded-copy %t
// RUN: %check_clang_tidy -check-suffix=SIZE %s memlint-unneeded-copy %t \
// RUN:   -- -config="{CheckOptions: {memlint-unneeded-copy.MaxTrivialSize: 64}}"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

void keep(const std::string &);
void keepVec(const std::vector<int> &);
void mutate(std::string &);
void byValue(std::string);

// Positive: only read through const members and const references.
int readVec(std::vector<int> V) { return V.empty() ? 0 : V[0] + int(V.size()); }
// CHECK-MESSAGES: :[[@LINE-1]]:30: warning: parameter 'V' copies a 'std::vector<int>' (heap allocation and a copy of every element) on every call but is only read; take it as 'const std::vector<int>&' [memlint-unneeded-copy]
// CHECK-MESSAGES-SIZE: :[[@LINE-2]]:30: warning: parameter 'V' copies {{.*}} take it as 'const std::vector<int>&'
// CHECK-FIXES: int readVec(const std::vector<int>& V) { return V.empty() ? 0 : V[0] + int(V.size()); }

void passConstRef(std::string S) { keep(S); }
// CHECK-MESSAGES: :[[@LINE-1]]:31: warning: parameter 'S' copies a std::string (heap allocation when longer than the small-string buffer) on every call but is only read; take it as 'const std::string&'
// CHECK-MESSAGES-SIZE: :[[@LINE-2]]:31: warning: parameter 'S' {{.*}} take it as 'const std::string&'
// CHECK-FIXES: void passConstRef(const std::string& S) { keep(S); }

// Already const by value: only '&' is added.
size_t constByValue(const std::map<int, int> M) { return M.count(1); }
// CHECK-MESSAGES: :[[@LINE-1]]:46: warning: parameter 'M' copies a 'std::map<int, int>' (one heap allocation per element) on every call but is only read; take it as 'const std::map<int, int>&'
// CHECK-MESSAGES-SIZE: :[[@LINE-2]]:46: warning: parameter 'M'
// CHECK-FIXES: size_t constByValue(const std::map<int, int>& M) { return M.count(1); }

// Non-const overloads with a const twin, whose result is only read.
int nonConstTwin(std::vector<int> V) {
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: parameter 'V' copies
  // CHECK-MESSAGES-SIZE: :[[@LINE-2]]:35: warning: parameter 'V'
  // CHECK-FIXES: int nonConstTwin(const std::vector<int>& V) {
  int Sum = V.front() + V.back();
  if (V.begin() != V.end())
    Sum += V.at(0);
  for (int X : V)
    Sum += X;
  return Sum;
}

struct Big {
  char Buf[48];
};
struct Small {
  int A, B;
};
int bigTrivial(Big B) { return B.Buf[0]; }
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: parameter 'B' copies a 'Big' (48 bytes) on every call but is only read; take it as 'const Big&'
// CHECK-FIXES: int bigTrivial(const Big& B) { return B.Buf[0]; }
// With MaxTrivialSize 64 a 48-byte trivially copyable struct is cheap:
// CHECK-FIXES-SIZE: int bigTrivial(Big B) { return B.Buf[0]; }
// CHECK-FIXES-SIZE: void copiedLocal(std::string S) { const std::string& T = S; keep(T); }
int smallTrivial(Small S) { return S.A + S.B; }

int sharedRead(std::shared_ptr<int> P) { return *P; }
// CHECK-MESSAGES: :[[@LINE-1]]:37: warning: parameter 'P' copies a 'std::shared_ptr<int>' (atomic reference-count increment and decrement) on every call but is only read; take it as 'const std::shared_ptr<int>&'
// CHECK-MESSAGES-SIZE: :[[@LINE-2]]:37: warning: parameter 'P'
// CHECK-FIXES: int sharedRead(const std::shared_ptr<int>& P) { return *P; }

// Member function, in-class declaration and out-of-line definition.
struct Registry {
  int lookup(std::string Key) const;
  // CHECK-FIXES: int lookup(const std::string& Key) const;
  std::map<std::string, int> Map;
};
int Registry::lookup(std::string Key) const {
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: parameter 'Key' copies {{.*}} take it as 'const std::string&'
  // CHECK-MESSAGES-SIZE: :[[@LINE-2]]:34: warning: parameter 'Key'
  // CHECK-FIXES: int Registry::lookup(const std::string& Key) const {
  auto It = Map.find(Key);
  return It == Map.end() ? 0 : It->second;
}

// Forward declaration in this file gets the same edit.
void declaredTwice(std::vector<int> V);
// CHECK-FIXES: void declaredTwice(const std::vector<int>& V);
void declaredTwice(std::vector<int> V) { keepVec(V); }
// CHECK-MESSAGES: :[[@LINE-1]]:37: warning: parameter 'V'
// CHECK-MESSAGES-SIZE: :[[@LINE-2]]:37: warning: parameter 'V'
// CHECK-FIXES: void declaredTwice(const std::vector<int>& V) { keepVec(V); }

// NOLINT silences.
void silenced(std::string S) { keep(S); } // NOLINT(memlint-unneeded-copy)

// ---- Not flagged ----------------------------------------------------------

void modified(std::string S) { S += "x"; keep(S); }
void movedFrom(std::string S, std::vector<std::string> &Out) { Out.push_back(std::move(S)); }
void nonConstRef(std::string S) { mutate(S); }
void passedByValue(std::string S) { byValue(S); }
// S is copied (not flagged); the copy T is only read and S never changes.
void copiedLocal(std::string S) { std::string T = S; keep(T); }
// CHECK-MESSAGES: :[[@LINE-1]]:47: warning: local 'T' copies a std::string {{.*}} bind it as 'const std::string&'
// CHECK-MESSAGES-SIZE: :[[@LINE-2]]:47: warning: local 'T'
// CHECK-FIXES: void copiedLocal(std::string S) { const std::string& T = S; keep(T); }
std::string returned(std::string S) { return S; }
const std::string *addressEscapes(std::string S) { keep(*&S); return nullptr; }
void captured(std::string S) { [&] { keep(S); }(); }
void capturedByCopy(std::string S) { [S] { keep(S); }(); }
void autoRef(std::string S) { auto &R = S; keep(R); }
void forwardingRef(std::string S) { auto &&R = S; keep(R); }
void swapped(std::string S) { std::string T; std::swap(S, T); keep(T); }
void unnamed(std::string) {}
void declarationOnly(std::string S);
int main(int, char **) { return 0; }
void decltypeUse(std::string S) { decltype(S) T; keep(T); }

struct Base {
  virtual void name(std::string S) { keep(S); }
  virtual ~Base() = default;
};
struct Derived : Base {
  void name(std::string S) override { keep(S); }
};

// Sink idiom: constructor moves the parameter into a member.
struct Sink {
  explicit Sink(std::string S) : Name(std::move(S)) {}
  Sink(std::vector<int> V, int) : Items(V) {}
  std::string Name;
  std::vector<int> Items;
};

// Sinks through copy assignment (leveldb's CreateFileMetaData): `const T&`
// keeps the copy into the member; by-value + std::move is the fix that
// removes it, and callers passing temporaries copy nothing today.
struct Key {
  std::string Text;
  int Seq;
};
struct Meta {
  Key Smallest, Largest;
};
Meta *makeMeta(Key Smallest, Key Largest) {
  Meta *M = new Meta;
  M->Smallest = Smallest;
  M->Largest = Largest;
  return M;
}
// A member of the parameter assigned is a read of the parameter: flagged.
int assignsMember(Key K, Meta &M) {
  M.Smallest.Text = K.Text;
  return K.Seq;
}
// CHECK-MESSAGES: :[[@LINE-4]]:23: warning: parameter 'K' {{.*}} take it as 'const Key&'
// CHECK-MESSAGES-SIZE: :[[@LINE-5]]:23: warning: parameter 'K'
// CHECK-FIXES: int assignsMember(const Key& K, Meta &M) {

// Defaulted and deleted functions.
struct Value {
  std::string S;
  bool operator==(const Value &) const = default;
};
void deletedFn(std::string S) = delete;

// Address taken, std::function, template argument.
void callback(std::string S) { keep(S); }
void (*Ptr)(std::string) = &callback;
void callback2(std::string S) { keep(S); }
std::function<void(std::string)> Fn = callback2;
void callback3(std::string S) { keep(S); }
template <void (*F)(std::string)> void callWith() { F("x"); }
void useTemplate() { callWith<callback3>(); }
struct Handler {
  void onEvent(std::string S) { keep(S); }
};
auto MemPtr = &Handler::onEvent;

// Template parameters whose type depends on the template.
template <typename T> int dependent(T V) { return int(V.size()); }
int useDependent() { return dependent(std::string("x")); }
// Non-dependent parameter but dependent use: not understood, not flagged.
template <typename T> void dependentUse(std::string S, T &Sink) { Sink.take(S); }

// Overload: the const& version already exists (llvm-project #30250): a
// diagnostic, no fixit.
void overloaded(std::string S) { keep(S); }
// CHECK-MESSAGES: :[[@LINE-1]]:29: warning: parameter 'S' {{.*}} take it as 'const std::string&'
// CHECK-MESSAGES-SIZE: :[[@LINE-2]]:29: warning: parameter 'S'
// CHECK-FIXES: void overloaded(std::string S) { keep(S); }
void overloaded(const std::string &S);

// Lambdas: not flagged (their signature is dictated by their consumer).
void lambdas() {
  auto L = [](std::string S) { keep(S); };
  L("x");
  auto G = [](auto S) { keep(S); };
  G(std::string("x"));
}

// Move-only types are never copied.
int moveOnly(std::unique_ptr<int> P) { return *P; }

// Macros: the declaration is not editable.
#define DECLARE(name) void name(std::string S)
DECLARE(fromMacro) { keep(S); }
