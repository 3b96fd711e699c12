// RUN: %check_clang_tidy %s memlint-allocation-in-loop %t

// The lines whose allocations the hoist removes, for `memlint check
// --profile` (docs/checks/allocation-in-loop.md, "How this check counts"):
// each line that grows the variable in the loop (a non-const member call or
// operator on it, a call taking it by non-const reference), once per line;
// not the declaration's own line, not reads.

#include <string>
#include <vector>

void consume(const std::vector<int> &);
void fill(std::vector<int> &V);
void use(const std::string &);

void growthLines(int N) {
  // CHECK-FIXES: {{^}}  std::vector<int> Row;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (int I = 0; I < N; ++I) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    Row.clear();{{$}}
  for (int I = 0; I < N; ++I) {
    std::vector<int> Row;
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: 'Row' is allocated on every iteration
    Row.push_back(I);
    // CHECK-NOTES: :[[@LINE-1]]:5: note: allocations removed here (kind: vector)
    Row.push_back(I + 1); Row.emplace_back(I + 2);
    // CHECK-NOTES: :[[@LINE-1]]:5: note: allocations removed here (kind: vector)
    fill(Row);
    // CHECK-NOTES: :[[@LINE-1]]:10: note: allocations removed here (kind: vector)
    consume(Row);
    (void)Row.size();
  }
}

void stringGrowth(int N) {
  // CHECK-FIXES: {{^}}  std::string S;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (int I = 0; I < N; ++I) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    S.clear();{{$}}
  for (int I = 0; I < N; ++I) {
    std::string S;
    // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'S' is allocated on every iteration
    S += "a fairly long piece of text that does not fit in place";
    // CHECK-NOTES: :[[@LINE-1]]:5: note: allocations removed here (kind: string)
    use(S);
  }
}

// Indexing, at(), front(), back(), data(), begin() and end() are non-const
// members that never allocate: their lines get no note (the strings copied
// out of 'Fields' below are not the hoist's to remove).
void accessors(const std::vector<std::string> &Lines) {
  std::vector<std::string> Out;
  // CHECK-FIXES: {{^}}  std::vector<std::string> Fields;{{$}}
  for (const std::string &L : Lines) {
    std::vector<std::string> Fields;
    // CHECK-NOTES: :[[@LINE-1]]:30: warning: 'Fields' is allocated on every iteration
    Fields.emplace_back(L);
    // CHECK-NOTES: :[[@LINE-1]]:5: note: allocations removed here (kind: vector)
    Out.push_back(Fields[0]);
    Out.push_back(Fields.at(0));
    Out.push_back(Fields.front() + Fields.back());
    Out.push_back(*Fields.begin() + *(Fields.end() - 1) + *Fields.data());
    // CHECK-NOTES-NOT: note: allocations removed here
    Fields.resize(3);
    // CHECK-NOTES: :[[@LINE-1]]:5: note: allocations removed here (kind: vector)
  }
  use(Out[0]);
}

