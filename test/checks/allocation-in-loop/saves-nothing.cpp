// RUN: %check_clang_tidy %s memlint-allocation-in-loop %t
// RUN: %check_clang_tidy -std=c++11 %s memlint-allocation-in-loop %t

// Hoisting saves nothing (utils/AllocationBehaviour): node-based containers,
// buffers replaced by every growth, buffers nothing grows, strings whose every
// value fits the small-string buffer (libstdc++: 15 characters). Next to each,
// the shape that still pays.

#include <forward_list>
#include <list>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

std::vector<std::string> split(const std::string &S) { return {S, S}; }
void use(const std::vector<std::string> &) {}
void useInts(const std::vector<int> &) {}
void useString(const std::string &) {}
void fill(std::vector<int> &V) { V.push_back(1); }

// clear() frees every node; the default constructor allocates nothing.
void nodeBased(int N) {
  for (int I = 0; I < N; ++I) {
    std::map<int, int> M;
    M[I] = I;
    std::multimap<int, int> MM;
    MM.emplace(I, I);
    std::set<std::string> S;
    S.insert("x");
    std::multiset<int> MS;
    MS.insert(I);
    std::list<int> L;
    L.push_back(I);
    std::forward_list<int> FL;
    FL.push_front(I);
    (void)(M.size() + MM.size() + S.size() + MS.size() + L.size());
  }
}

// The hash containers keep their bucket array across clear(): flagged.
void hashTable(int N) {
  for (int I = 0; I < N; ++I) {
    std::unordered_map<int, int> Index;
    // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: 'Index' is allocated on every iteration; declare it before the loop and clear() it to reuse its capacity [memlint-allocation-in-loop]
    Index[I] = I;
  }
  // CHECK-FIXES:      {{^}}  std::unordered_map<int, int> Index;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (int I = 0; I < N; ++I) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    Index.clear();{{$}}
}

// Only ever move-assigned from temporaries: each assignment throws the kept
// buffer away.
void replacedEachTime(const std::vector<std::string> &Lines) {
  for (const std::string &Line : Lines) {
    std::vector<std::string> Out;
    Out = split(Line);
    use(Out);
  }
  for (const std::string &Line : Lines) {
    std::vector<std::string> Out;
    Out = Line.empty() ? split("-") : split(Line);
    Out = std::vector<std::string>(3);
    use(Out);
  }
  for (const std::string &Line : Lines) {
    std::vector<std::string> Mine = split(Line);
    std::vector<std::string> Out;
    Out = std::move(Mine);
    use(Out);
  }
}

// Grown after the move, or copy-assigned (which reuses the capacity): flagged.
void reusedAfterAll(const std::vector<std::string> &Lines) {
  for (const std::string &Line : Lines) {
    std::vector<std::string> Out;
    // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'Out' is allocated on every iteration; declare it before the loop and clear() it to reuse its capacity [memlint-allocation-in-loop]
    Out = split(Line);
    Out.push_back("end");
    use(Out);
  }
  // CHECK-FIXES:      {{^}}  std::vector<std::string> Out;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (const std::string &Line : Lines) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    Out.clear();{{$}}
  // CHECK-FIXES:      {{^}}    Out = split(Line);{{$}}
  for (int I = 0; I < 3; ++I) {
    std::vector<std::string> Copy;
    // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'Copy' is allocated on every iteration; declare it before the loop and clear() it to reuse its capacity [memlint-allocation-in-loop]
    Copy = Lines;
    use(Copy);
  }
  // CHECK-FIXES:      {{^}}  std::vector<std::string> Copy;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (int I = 0; I < 3; ++I) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    Copy.clear();{{$}}
}

// Nothing grows it: it never allocates.
void neverGrown(int N) {
  for (int I = 0; I < N; ++I) {
    std::vector<int> Empty;
    for (int X : Empty)
      (void)X;
    useInts(Empty);
    Empty.clear();
  }
  for (int I = 0; I < N; ++I) {
    std::vector<int> Filled;
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'Filled' is allocated on every iteration; declare it before the loop and clear() it to reuse its capacity [memlint-allocation-in-loop]
    fill(Filled);
    useInts(Filled);
  }
  // CHECK-FIXES:      {{^}}  std::vector<int> Filled;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (int I = 0; I < N; ++I) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    Filled.clear();{{$}}
}

// Every value fits the 15 characters libstdc++ keeps inline.
void smallStrings(int N) {
  for (int I = 0; I < N; ++I) {
    std::string Tag;
    Tag = I % 2 ? "odd" : "even";
    Tag.reserve(15);
    useString(Tag);
    std::string Unit = "ms";
    Unit = "fifteen chars!!";
    Unit.assign(std::string("s"));
    useString(Unit);
  }
}

// One value past 15 characters, or a reserve past them: flagged.
void largeStrings(int N) {
  for (int I = 0; I < N; ++I) {
    std::string Tag;
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'Tag' is allocated on every iteration; declare it before the loop and clear() it to reuse its capacity [memlint-allocation-in-loop]
    Tag = I % 2 ? "odd" : "sixteen chars!!!";
    useString(Tag);
    std::string Buffer;
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'Buffer' is allocated on every iteration; declare it before the loop and clear() it to reuse its capacity [memlint-allocation-in-loop]
    Buffer.reserve(16);
    useString(Buffer);
  }
  // CHECK-FIXES:      {{^}}  std::string Tag;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  std::string Buffer;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (int I = 0; I < N; ++I) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    Tag.clear();{{$}}
  // CHECK-FIXES:      {{^}}    Buffer.clear();{{$}}
}

// A short initializer does not make a string short: appended to, it grows.
void grownFromShort(const std::vector<std::string> &Lines) {
  for (const std::string &Line : Lines) {
    std::string Row = "> ";
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'Row' is allocated on every iteration; declare it before the loop and reassign it to reuse its capacity [memlint-allocation-in-loop]
    Row += Line;
    useString(Row);
  }
  // CHECK-FIXES:      {{^}}  std::string Row;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (const std::string &Line : Lines) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    Row = "> ";{{$}}
}
