// RUN: %check_clang_tidy -run-fixed %s memlint-copy-at-last-use %t

#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

std::string longText(const char *Tag) {
  return std::string(Tag) + " is longer than the small-string buffer";
}

void print(const std::string &S) { std::printf("%s\n", S.c_str()); }

struct Entry {
  Entry(std::string K, std::shared_ptr<int> P) : Key(std::move(K)), Ptr(P) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:73: warning: 'P' is copied into member 'Ptr' at its last use (copying a 'std::shared_ptr<int>' updates an atomic reference count); move it instead [memlint-copy-at-last-use]
  // CHECK-FIXES: Entry(std::string K, std::shared_ptr<int> P) : Key(std::move(K)), Ptr(std::move(P)) {}
  std::string Key;
  std::shared_ptr<int> Ptr;
};

// A mention textually after the copy, but on no path after it.
void earlyReturn(std::vector<std::string> &Out, bool Done) {
  std::string S = longText("early");
  if (Done) {
    Out.push_back(S);
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'S' is copied into 'push_back' at its last use
    // CHECK-FIXES: Out.push_back(std::move(S));
    return;
  }
  print(S);
}

// A mention before the copy in a later initializer is fine; one after it is
// not.
struct Span {
  std::string Text;
  std::size_t Size;
  std::string Again;
  Span(std::string T, std::string U) : Text(T), Size(T.size()), Again(U) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:71: warning: 'U' is copied into member 'Again' at its last use
  // CHECK-FIXES: Span(std::string T, std::string U) : Text(T), Size(T.size()), Again(std::move(U)) {}
};

// A lambda that captured its own copy earlier does not see the move.
void lambdaCopy(std::vector<std::string> &Out) {
  std::string S = longText("lambda");
  auto Show = [S] { print(S); };
  Out.push_back(S);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'S' is copied into 'push_back' at its last use
  // CHECK-FIXES: Out.push_back(std::move(S));
  Show();
  // Locals of a lambda's own body are checked too.
  auto Make = [&Out](int I) {
    std::string L = longText("in lambda") + std::to_string(I);
    Out.push_back(L);
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'L' is copied into 'push_back' at its last use
    // CHECK-FIXES: Out.push_back(std::move(L));
  };
  Make(1);
}

// Constructed by value, assigned into a map, inserted or assigned.
struct Record {
  Record(std::string N, std::vector<int> V) : Name(std::move(N)), Values(std::move(V)) {}
  std::string Name;
  std::vector<int> Values;
};

void more(std::vector<Record> &Records, std::map<std::string, std::string> &M) {
  std::string N = longText("name");
  std::vector<int> V = {1, 2, 3};
  V.push_back(4);
  Records.push_back(Record(N, V));
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'N' is copied as a by-value constructor argument at its last use
  // CHECK-MESSAGES: :[[@LINE-2]]:31: warning: 'V' is copied as a by-value constructor argument at its last use
  // CHECK-FIXES: Records.push_back(Record(std::move(N), std::move(V)));
  std::string K = longText("key");
  std::string Val = longText("value");
  M.insert_or_assign(K, Val);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'K' is copied into 'insert_or_assign' at its last use
  // CHECK-MESSAGES: :[[@LINE-2]]:25: warning: 'Val' is copied into 'insert_or_assign' at its last use
  // CHECK-FIXES: M.insert_or_assign(std::move(K), std::move(Val));
  std::string W = longText("w");
  M[longText("other")] = W;
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'W' is copied by assignment at its last use
  // CHECK-FIXES: M[longText("other")] = std::move(W);
}

int main() {
  std::vector<std::string> Out;
  earlyReturn(Out, true);
  earlyReturn(Out, false);
  lambdaCopy(Out);
  for (const std::string &S : Out)
    print(S);
  Entry E(longText("entry"), std::make_shared<int>(7));
  std::printf("%s %d %ld\n", E.Key.c_str(), *E.Ptr, E.Ptr.use_count());
  Span Sp(longText("t"), longText("u"));
  std::printf("%s %zu %s\n", Sp.Text.c_str(), Sp.Size, Sp.Again.c_str());
  std::vector<Record> Records;
  std::map<std::string, std::string> M;
  more(Records, M);
  for (const Record &R : Records)
    std::printf("%s %zu\n", R.Name.c_str(), R.Values.size());
  for (const auto &KV : M)
    std::printf("%s=%s\n", KV.first.c_str(), KV.second.c_str());
}
