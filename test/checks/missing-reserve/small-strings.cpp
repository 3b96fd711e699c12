// RUN: %check_clang_tidy %s memlint-missing-reserve %t \
// RUN:   -- -config="{CheckOptions: {memlint-missing-reserve.MinIterations: 2}}"

// A string that starts empty and grows by at most as many characters as the
// standard library keeps inline (15 in libstdc++) never allocates: a reserve
// would save nothing, whatever MinIterations says.

#include <string>
#include <vector>

void sink(const std::string &);
void sinkv(const std::vector<char> &);

void fits() {
  std::string S;
  for (int I = 0; I < 15; ++I)
    S.push_back(static_cast<char>('a' + I));
  sink(S);
  std::string T;
  for (int I = 0; I < 5; ++I)
    for (int J = 0; J < 3; ++J)
      T += static_cast<char>('a' + J);
  sink(T);
}

void outgrows(std::string &Held) {
  std::string S;
  for (int I = 0; I < 16; ++I)
    S.push_back(static_cast<char>('a' + I));
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'S' grows by 'push_back'
  // CHECK-FIXES: {{^}}  S.reserve(16);{{$}}
  sink(S);
  // It may hold characters already.
  for (int I = 0; I < 10; ++I)
    Held.push_back('x');
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Held' grows by 'push_back'
  // CHECK-FIXES: {{^}}  Held.reserve(Held.size() + 10);{{$}}
  // Vectors have no inline buffer.
  std::vector<char> V;
  for (int I = 0; I < 10; ++I)
    V.push_back('x');
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'V' grows by 'push_back'
  // CHECK-FIXES: {{^}}  V.reserve(10);{{$}}
  sinkv(V);
}
