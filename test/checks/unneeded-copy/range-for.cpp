// RUN: %check_clang_tidy %s memlint-unneeded-copy %t
// RUN: %check_clang_tidy -run-fixed %s memlint-unneeded-copy %t

#include <cstdio>
#include <map>
#include <string>
#include <vector>

void keep(const std::string &S) { std::puts(S.c_str()); }
void mutate(std::string &S) { S += "!"; }

struct Record {
  std::string Name;
  std::vector<int> Ids;
};

int byAuto(const std::vector<std::string> &Names) {
  int N = 0;
  for (auto Name : Names)
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: loop variable 'Name' copies a std::string (heap allocation when longer than the small-string buffer) on every iteration but is only read; make it 'const auto&' [memlint-unneeded-copy]
    // CHECK-FIXES: for (const auto& Name : Names)
    N += static_cast<int>(Name.size());
  return N;
}

void byType(std::vector<Record> Records) {
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: parameter 'Records' {{.*}} take it as 'const std::vector<Record>&'
  // CHECK-FIXES: void byType(const std::vector<Record>& Records) {
  for (Record R : Records)
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: loop variable 'R' copies a 'Record' (56 bytes and a non-trivial copy constructor) on every iteration but is only read; make it 'const Record&'
    // CHECK-FIXES: for (const Record& R : Records)
    keep(R.Name);
  for (const Record R : Records)
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: loop variable 'R' {{.*}} make it 'const Record&'
    // CHECK-FIXES: for (const Record& R : Records)
    keep(R.Name);
}

struct Index {
  std::map<int, std::string> Entries;
  void print() const {
    for (auto KV : Entries)
      // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: loop variable 'KV' {{.*}} make it 'const auto&'
      // CHECK-FIXES: for (const auto& KV : Entries)
      keep(KV.second);
  }
  // The body may change the member being iterated: not flagged.
  void rebuild() {
    for (auto KV : Entries)
      refresh(KV.first);
  }
  void refresh(int Key) { Entries[Key] += "?"; }
};

// ---- Not flagged ----------------------------------------------------------

void notFlagged(std::vector<std::string> Names, std::vector<bool> Flags) {
  // CHECK-MESSAGES: :[[@LINE-1]]:67: warning: parameter 'Flags' {{.*}} take it as 'const std::vector<bool>&'
  // CHECK-FIXES: void notFlagged(std::vector<std::string> Names, const std::vector<bool>& Flags) {
  for (auto Name : Names) // modified
    mutate(Name);
  for (auto Name : Names) { // moved from
    std::string Taken = std::move(Name);
    keep(Taken);
  }
  for (std::string Name : Names) // the container changes while the copy lives
    if (Name.empty())
      Names.front() = "x";
  for (auto B : Flags) // a proxy by value
    std::printf("%d", bool(B));
  for (int Id : std::vector<int>{1, 2}) // cheap
    std::printf("%d", Id);
  for (std::string S : {"a", "b"}) // converted, not copied
    keep(S);
  for (auto &Name : Names) // already a reference
    keep(Name);
}

template <typename T> void dependent(const std::vector<T> &V) {
  for (auto X : V)
    keep(X);
}
template void dependent(const std::vector<std::string> &);

#define EACH(x, v) for (auto x : v)
void inMacro(const std::vector<std::string> &Names) {
  EACH(Name, Names) keep(Name);
}

int main() {
  std::vector<std::string> Names = {"alpha", "beta"};
  std::printf("%d\n", byAuto(Names));
  byType({{"r1", {1}}, {"r2", {2}}});
  Index I;
  I.Entries = {{1, "one"}, {2, "two"}};
  I.print();
  I.rebuild();
  I.print();
  notFlagged(Names, {true, false});
  dependent(Names);
  inMacro(Names);
}
