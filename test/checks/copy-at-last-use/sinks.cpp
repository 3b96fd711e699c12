// RUN: %check_clang_tidy -run-fixed %s memlint-copy-at-last-use %t

#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>
// CHECK-FIXES: #include <string>
// CHECK-FIXES-NEXT: #include <utility>
// CHECK-FIXES-NEXT: #include <vector>

// Long enough to live on the heap: a copy allocates.
std::string longText(const char *Tag) {
  return std::string(Tag) + " is longer than the small-string buffer";
}

void print(std::string S) { std::printf("%s\n", S.c_str()); }

struct Person {
  std::string Name;
  std::vector<int> Ids;
  Person(std::string N, std::vector<int> I) : Name(N), Ids(I) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:52: warning: 'N' is copied into member 'Name' at its last use (copying a std::string allocates past the small-string buffer); move it instead [memlint-copy-at-last-use]
  // CHECK-MESSAGES: :[[@LINE-2]]:60: warning: 'I' is copied into member 'Ids' at its last use (copying a 'std::vector<int>' allocates and copies every element); move it instead [memlint-copy-at-last-use]
  // CHECK-FIXES: Person(std::string N, std::vector<int> I) : Name(std::move(N)), Ids(std::move(I)) {}
  void rename(std::string To) {
    Name = To;
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'To' is copied into member 'Name' at its last use
    // CHECK-FIXES: Name = std::move(To);
  }
};

struct Pair {
  std::string Key;
  int Value;
};

void containers(std::vector<std::string> &Out, std::set<std::string> &Seen,
                std::map<std::string, std::string> &Index) {
  std::string A = longText("a");
  A += "!";
  Out.push_back(A);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'A' is copied into 'push_back' at its last use
  // CHECK-FIXES: Out.push_back(std::move(A));
  std::string B = longText("b");
  Out.emplace_back(B);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'B' is copied into 'emplace_back' at its last use
  // CHECK-FIXES: Out.emplace_back(std::move(B));
  std::string C = longText("c");
  Out.insert(Out.begin(), C);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'C' is copied into 'insert' at its last use
  // CHECK-FIXES: Out.insert(Out.begin(), std::move(C));
  std::string D = longText("d");
  Seen.insert(D);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'D' is copied into 'insert' at its last use
  // CHECK-FIXES: Seen.insert(std::move(D));
  std::string K = longText("k");
  std::string V = longText("v");
  Index.try_emplace(K, V);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'K' is copied into 'try_emplace' at its last use
  // CHECK-MESSAGES: :[[@LINE-2]]:24: warning: 'V' is copied into 'try_emplace' at its last use
  // CHECK-FIXES: Index.try_emplace(std::move(K), std::move(V));
  std::string E = longText("e");
  Index.emplace(longText("key"), E);
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: 'E' is copied into 'emplace' at its last use
  // CHECK-FIXES: Index.emplace(longText("key"), std::move(E));
}

void others(std::vector<Pair> &Pairs) {
  std::string T = longText("t");
  print(T);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'T' is copied as a by-value argument of 'print' at its last use
  // CHECK-FIXES: print(std::move(T));
  std::string G = longText("g");
  Pair P{G, 1};
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'G' is copied into an aggregate member at its last use
  // CHECK-FIXES: Pair P{std::move(G), 1};
  Pairs.push_back(P);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'P' is copied into 'push_back' at its last use ('Pair' has a non-trivial copy); move it instead
  // CHECK-FIXES: Pairs.push_back(std::move(P));
  std::string Src = longText("src");
  std::string Dst;
  Dst = Src;
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'Src' is copied into 'Dst' at its last use
  // CHECK-FIXES: Dst = std::move(Src);
  Dst += "?";
  print(Dst);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'Dst' is copied as a by-value argument of 'print' at its last use
  // CHECK-FIXES: print(std::move(Dst));
  // A new local that is modified (one only read is memlint-unneeded-copy's).
  std::string Base = longText("base");
  std::string Ext = Base;
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'Base' is copied into 'Ext' at its last use
  // CHECK-FIXES: std::string Ext = std::move(Base);
  Ext += ".txt";
  std::printf("%s\n", Ext.c_str());
}

// The last use on each path: both branches are flagged.
void branches(std::vector<std::string> &Out, bool Keep) {
  std::string S = longText("s");
  if (Keep)
    Out.push_back(S);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'S' is copied into 'push_back' at its last use
  // CHECK-FIXES: Out.push_back(std::move(S));
  else
    print(S);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'S' is copied as a by-value argument of 'print' at its last use
  // CHECK-FIXES: print(std::move(S));
}

// Declared in the loop body: a fresh object every iteration.
void loops(std::vector<std::string> &Out, const std::vector<std::string> &In) {
  for (int I = 0; I < 3; ++I) {
    std::string L = longText("loop");
    L += std::to_string(I);
    Out.push_back(L);
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'L' is copied into 'push_back' at its last use
    // CHECK-FIXES: Out.push_back(std::move(L));
  }
  for (std::string Each : In) {
    Each += "*";
    Out.push_back(Each);
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'Each' is copied into 'push_back' at its last use
    // CHECK-FIXES: Out.push_back(std::move(Each));
  }
}

int main() {
  std::vector<std::string> Out;
  std::set<std::string> Seen;
  std::map<std::string, std::string> Index;
  containers(Out, Seen, Index);
  std::vector<Pair> Pairs;
  others(Pairs);
  branches(Out, true);
  branches(Out, false);
  loops(Out, {longText("x"), longText("y")});
  Person Who(longText("who"), {1, 2, 3});
  Who.rename(longText("renamed"));
  for (const std::string &S : Out)
    std::printf("%s\n", S.c_str());
  for (const std::string &S : Seen)
    std::printf("seen %s\n", S.c_str());
  for (const auto &KV : Index)
    std::printf("%s=%s\n", KV.first.c_str(), KV.second.c_str());
  for (const Pair &P : Pairs)
    std::printf("%s %d\n", P.Key.c_str(), P.Value);
  std::printf("%s %zu\n", Who.Name.c_str(), Who.Ids.size());
}
