// RUN: %check_clang_tidy %s memlint-arena-candidate %t
// RUN: %check_clang_tidy -check-suffix=MIN5 %s memlint-arena-candidate %t \
// RUN:   -- -config="{CheckOptions: {memlint-arena-candidate.MinAllocations: 5}}"

// MinAllocations: a loop that provably runs fewer times is not flagged; nested
// constant loops multiply; a loop whose count is unknown is flagged.

#include <cstddef>
#include <vector>

struct Node {
  explicit Node(int V) : V(V) {}
  int V;
};

int counts(int N) {
  std::vector<Node *> four;
  for (int I = 0; I < 4; ++I)
    four.push_back(new Node(I));
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: each 'Node' is a separate heap allocation, yet all of them are owned by 'four'
  std::vector<Node *> grid;
  for (int R = 0; R < 2; ++R)
    for (int C = 0; C <= 2; ++C)
      grid.push_back(new Node(R * C));
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: each 'Node' is a separate heap allocation, yet all of them are owned by 'grid'
  // CHECK-MESSAGES-MIN5: :[[@LINE-2]]:22: warning: each 'Node' is a separate heap allocation, yet all of them are owned by 'grid'
  std::vector<Node *> unknown;
  for (int I = 0; I < N; ++I)
    unknown.push_back(new Node(I));
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: each 'Node' is a separate heap allocation, yet all of them are owned by 'unknown'
  // CHECK-MESSAGES-MIN5: :[[@LINE-2]]:23: warning: each 'Node' is a separate heap allocation, yet all of them are owned by 'unknown'
  std::vector<Node *> quiet;
  for (int I = 0; I < N; ++I)
    quiet.push_back(new Node(I)); // NOLINT(memlint-arena-candidate)
  int Sum = 0;
  for (Node *P : four)
    Sum += P->V;
  for (Node *P : four)
    delete P;
  for (Node *P : grid)
    delete P;
  for (Node *P : unknown)
    delete P;
  for (Node *P : quiet)
    delete P;
  return Sum;
}

// Templates are checked in the template, not again per instantiation.
template <class T> int templated(int N) {
  std::vector<Node *> inTemplate;
  for (int I = 0; I < N; ++I)
    inTemplate.push_back(new Node(I));
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: each 'Node' is a separate heap allocation
  // CHECK-MESSAGES-MIN5: :[[@LINE-2]]:26: warning: each 'Node' is a separate heap allocation
  std::vector<T *> dependent;
  for (int I = 0; I < N; ++I)
    dependent.push_back(new T(I));
  for (Node *P : inTemplate)
    delete P;
  for (T *P : dependent)
    delete P;
  return 0;
}
template int templated<Node>(int);
