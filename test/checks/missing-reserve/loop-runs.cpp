// RUN: %check_clang_tidy -run-fixed %s memlint-missing-reserve %t

// Consecutive loops growing one container get one reserve of the sum of
// their counts, before the first; a reserve of one loop's share is not
// offered when a later loop grows the container by a count not known there.

#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

std::vector<int> two(const std::vector<int> &A, const std::vector<int> &B) {
  std::vector<int> Out;
  for (int X : A)
    Out.push_back(X);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Out' grows by 'push_back' on every iteration of a loop with a known trip count, reallocating and moving its elements repeatedly; reserve its capacity before the loop [memlint-missing-reserve]
  // CHECK-FIXES: {{^}}  Out.reserve(A.size() + B.size());{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (int X : A){{$}}
  for (int X : B)
    Out.push_back(2 * X);
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'Out' grows by 'B.size()' in this loop too; one reserve of the sum before the first loop covers both
  return Out;
}

// Four loops, with reads and unrelated statements between them.
std::string joined(const std::string &W, const std::string &X,
                   const std::string &Y, const std::string &Z) {
  std::string S;
  for (char C : W)
    S.push_back(C);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'S' grows by 'push_back' on every iteration of a loop with a known trip count, reallocating and copying its characters repeatedly; reserve its capacity before the loop [memlint-missing-reserve]
  // CHECK-FIXES: {{^}}  S.reserve(W.size() + X.size() + Y.size() + Z.size());{{$}}
  std::printf("%zu\n", S.size());
  for (char C : X)
    S.push_back(C);
  int Unrelated = 3;
  for (char C : Y)
    S.push_back(C);
  for (char C : Z)
    S.push_back(static_cast<char>(C + Unrelated - 3));
  return S;
}

// A later loop whose count is not known before the first: no fixit.
int next(int &State) { return State-- > 0 ? State : -1; }
std::vector<int> thenUnknown(const std::vector<int> &A) {
  std::vector<int> Out;
  for (int X : A)
    Out.push_back(X);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Out' grows by 'push_back'
  // CHECK-NOTES: :[[@LINE-3]]:3: note: reserve 'A.size()' before this loop; not fixed automatically because a later loop grows 'Out' further by a count that is not known before this one
  int State = 3;
  for (int V = next(State); V >= 0; V = next(State))
    Out.push_back(V);
  return Out;
}

// The count of the second loop changes after the first starts: each loop
// gets its own reserve, the second on top of what the first added.
std::vector<int> countChanges(const std::vector<int> &A, std::size_t N) {
  std::vector<int> Out;
  for (int X : A)
    Out.push_back(X);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Out' grows by 'push_back'
  // CHECK-FIXES: {{^}}  Out.reserve(A.size());{{$}}
  N += A.size();
  for (std::size_t I = 0; I < N; ++I)
    Out.push_back(static_cast<int>(I));
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Out' grows by 'push_back'
  // CHECK-FIXES: {{^}}  Out.reserve(Out.size() + N);{{$}}
  return Out;
}

// Something else grows it between the loops: the run ends there, and the
// later loop has its own reserve.
std::vector<int> interrupted(const std::vector<int> &A,
                             const std::vector<int> &B) {
  std::vector<int> Out;
  for (int X : A)
    Out.push_back(X);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Out' grows by 'push_back'
  // CHECK-FIXES: {{^}}  Out.reserve(A.size());{{$}}
  Out.push_back(0);
  for (int X : B)
    Out.push_back(X);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Out' grows by 'push_back'
  // CHECK-FIXES: {{^}}  Out.reserve(Out.size() + B.size());{{$}}
  return Out;
}

// Constant counts are summed before MinIterations (16) is applied: 10 + 10
// is reported, 4 + 4 is not.
std::vector<int> constants() {
  std::vector<int> Big, Tiny;
  for (int I = 0; I < 10; ++I)
    Big.push_back(I);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Big' grows by 'push_back'
  // CHECK-FIXES: {{^}}  Big.reserve(20);{{$}}
  for (int I = 0; I < 10; ++I)
    Big.push_back(-I);
  for (int I = 0; I < 4; ++I)
    Tiny.push_back(I);
  for (int I = 0; I < 4; ++I)
    Tiny.push_back(-I);
  Big.insert(Big.end(), Tiny.begin(), Tiny.end());
  return Big;
}

int main() {
  std::vector<int> A = {1, 2, 3}, B = {4, 5};
  std::printf("%zu %zu %zu %zu %zu\n", two(A, B).size(),
              joined("ab", "c", "", "def").size(), thenUnknown(A).size(),
              countChanges(A, 2).size(), interrupted(A, B).size());
  std::printf("%zu\n", constants().size());
}
