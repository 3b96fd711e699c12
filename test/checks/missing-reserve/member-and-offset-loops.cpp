// RUN: %check_clang_tidy -run-fixed %s memlint-missing-reserve %t -- -- -Wsign-compare -Werror

// Issue 18 (bench/service/service.cpp's request parser): a loop bounded by
// `i + B < n` (B a non-negative constant; also `i + B <= n`, `n > i + B`)
// runs n - start - B times, guarded so that the reserve never underflows an
// unsigned size; and a field of a local object (`r.headers`) is a container
// like a local variable.

#include <cstddef>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

struct Request {
  std::string Path;
  std::vector<std::pair<std::string, std::string>> Headers;
  std::string Body;
};

struct Req {
  std::vector<std::string> H;
  std::vector<int> Other;
};

// The service's shape: skip the first part and the last one.
std::size_t parse(const std::vector<std::string> &Parts) {
  Request R;
  R.Path = Parts[0];
  for (std::size_t I = 1; I + 1 < Parts.size(); ++I) {
    std::string Name = Parts[I];
    R.Headers.push_back(std::make_pair(Name, Name));
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'R.Headers' grows by 'push_back' on every iteration of a loop with a known trip count, reallocating and moving its elements repeatedly; reserve its capacity before the loop [memlint-missing-reserve]
  // CHECK-FIXES: {{^}}  if (Parts.size() > 2) R.Headers.reserve(Parts.size() - 2);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (std::size_t I = 1; I + 1 < Parts.size(); ++I) {{{$}}
  R.Body = Parts.back();
  return R.Headers.size();
}

// The issue's three loops.
std::size_t issue(const std::vector<std::string> &P) {
  Req R;
  for (std::size_t I = 1; I + 1 < P.size(); ++I) R.H.push_back(P[I]);
  // CHECK-MESSAGES: :[[@LINE-1]]:50: warning: 'R.H' grows by 'push_back'
  // CHECK-FIXES: {{^}}  if (P.size() > 2) R.H.reserve(P.size() - 2);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (std::size_t I = 1; I + 1 < P.size(); ++I) R.H.push_back(P[I]);{{$}}
  std::vector<int> L;
  for (std::size_t I = 1; I + 1 < P.size(); ++I) L.push_back(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:50: warning: 'L' grows by 'push_back'
  // CHECK-FIXES: {{^}}  if (P.size() > 2) L.reserve(P.size() - 2);{{$}}
  Req S;
  for (std::size_t I = 0; I < P.size(); ++I) S.H.push_back(P[I]);
  // CHECK-MESSAGES: :[[@LINE-1]]:46: warning: 'S.H' grows by 'push_back'
  // CHECK-FIXES: {{^}}  S.H.reserve(P.size());{{$}}
  return R.H.size() + L.size() + S.H.size();
}

// `<=`, the bound on the left, `i < n - B`, a symbolic start.
std::size_t shapes(const std::vector<int> &P, std::size_t From, int Skip) {
  std::vector<int> A, B, C, D, E;
  for (std::size_t I = 0; I + 2 <= P.size(); ++I)
    A.push_back(P[I]);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'A' grows by 'push_back'
  // CHECK-FIXES: {{^}}  if (P.size() > 1) A.reserve(P.size() - 1);{{$}}
  for (std::size_t I = 1; P.size() > I + 1; ++I)
    B.push_back(P[I]);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'B' grows by 'push_back'
  // CHECK-FIXES: {{^}}  if (P.size() > 2) B.reserve(P.size() - 2);{{$}}
  for (std::size_t I = 1; I < P.size() - 1; ++I)
    C.push_back(P[I]);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'C' grows by 'push_back'
  // CHECK-FIXES: {{^}}  if (P.size() > 2) C.reserve(P.size() - 2);{{$}}
  for (std::size_t I = From; I + 1 < P.size(); ++I)
    D.push_back(P[I]);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'D' grows by 'push_back'
  // CHECK-FIXES: {{^}}  if (P.size() > From + 1) D.reserve(P.size() - From - 1);{{$}}
  for (std::size_t I = Skip; I + 3 < P.size(); ++I)
    E.push_back(P[I]);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'E' grows by 'push_back'
  // CHECK-FIXES: {{^}}  if (P.size() > static_cast<std::size_t>(Skip) + 3) E.reserve(P.size() - Skip - 3);{{$}}
  return A.size() + B.size() + C.size() + D.size() + E.size();
}

struct Filled {
  Filled() { H.push_back("first"); }
  std::vector<std::string> H;
};

// The field may already hold elements: used before the loop, or filled by
// a constructor. The reserve adds to its size.
std::size_t notEmpty(const std::vector<std::string> &P) {
  Req R;
  R.H.push_back("head");
  R.Other.push_back(1);
  for (std::size_t I = 0; I < P.size(); ++I)
    R.H.push_back(P[I]);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'R.H' grows by 'push_back'
  // CHECK-FIXES: {{^}}  R.H.reserve(R.H.size() + P.size());{{$}}
  Filled F;
  for (std::size_t I = 0; I < P.size(); ++I)
    F.H.push_back(P[I]);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'F.H' grows by 'push_back'
  // CHECK-FIXES: {{^}}  F.H.reserve(F.H.size() + P.size());{{$}}
  return R.H.size() + F.H.size();
}

// Not flagged below.

void fill(Req &R);
void look(const Req &R);
Req Global;

std::size_t notLocal(const std::vector<std::string> &P, Req Param, Req &Ref,
                     Req *Ptr) {
  for (std::size_t I = 1; I + 1 < P.size(); ++I)
    Param.H.push_back(P[I]); // a parameter's field
  for (std::size_t I = 1; I + 1 < P.size(); ++I)
    Ref.H.push_back(P[I]); // through a reference
  for (std::size_t I = 1; I + 1 < P.size(); ++I)
    Ptr->H.push_back(P[I]); // through a pointer
  for (std::size_t I = 1; I + 1 < P.size(); ++I)
    Global.H.push_back(P[I]); // a global's field
  static Req Static;
  for (std::size_t I = 1; I + 1 < P.size(); ++I)
    Static.H.push_back(P[I]); // a static local's field
  Req &Alias = Param;
  for (std::size_t I = 1; I + 1 < P.size(); ++I)
    Alias.H.push_back(P[I]); // a local reference
  return Param.H.size() + Ref.H.size() + Ptr->H.size() + Static.H.size();
}

struct Outer {
  Req Inner;
};

std::size_t escaped(const std::vector<std::string> &P) {
  Req A; // passed to a function before the loop
  fill(A);
  for (std::size_t I = 0; I < P.size(); ++I)
    A.H.push_back(P[I]);
  Req B; // its address taken before the loop
  Req *PB = &B;
  for (std::size_t I = 0; I < P.size(); ++I)
    B.H.push_back(P[I]);
  Req C; // reserved before the loop: the author sized it
  C.H.reserve(4);
  for (std::size_t I = 0; I < P.size(); ++I)
    C.H.push_back(P[I]);
  Req D; // used whole in the loop
  for (std::size_t I = 0; I < P.size(); ++I) {
    D.H.push_back(P[I]);
    look(D);
  }
  Req E; // cleared in the loop
  for (std::size_t I = 0; I < P.size(); ++I) {
    E.H.push_back(P[I]);
    if (E.H.size() > 8)
      E.H.clear();
  }
  Outer O; // two levels deep
  for (std::size_t I = 0; I < P.size(); ++I)
    O.Inner.H.push_back(P[I]);
  return A.H.size() + PB->H.size() + C.H.size() + D.H.size() + E.H.size() +
         O.Inner.H.size();
}

std::size_t notCounted(const std::vector<int> &P, std::size_t K) {
  std::vector<int> A, B, C, D, E;
  for (std::size_t I = 1; I - 1 < P.size(); ++I)
    A.push_back(P[I - 1]); // a negative offset
  for (std::size_t I = 0; I + K < P.size(); ++I)
    B.push_back(P[I]); // an offset that is not a constant
  for (std::size_t I = 0; I + 1 < P.size(); ++I) {
    if (P[I] < 0)
      break; // may end early
    C.push_back(P[I]);
  }
  for (std::size_t I = 0; I + 1 != P.size(); ++I)
    D.push_back(P[I]); // `!=` with an offset
  for (std::size_t I = 0; I + 1 < P.size(); I += 2)
    E.push_back(P[I]); // a stride
  return A.size() + B.size() + C.size() + D.size() + E.size();
}

void fill(Req &R) { R.H.push_back("filled"); }
void look(const Req &R) { std::printf("%zu,", R.H.size()); }

int main() {
  std::vector<std::string> None, One{"a"}, Parts{"GET /", "h: 1", "x: 2", "body"};
  std::printf("%zu %zu %zu\n", parse(One), parse(Parts), parse({"a", "b"}));
  std::printf("%zu %zu %zu\n", issue(None), issue(One), issue(Parts));
  std::vector<int> Ints{1, 2, 3, 4, 5}, Empty;
  std::printf("%zu %zu %zu %zu\n", shapes(Ints, 0, 0), shapes(Ints, 9, 9),
              shapes(Empty, 0, 0), shapes(Ints, 2, 1));
  std::printf("%zu %zu\n", notEmpty(None), notEmpty(Parts));
  Req R;
  std::printf("%zu %zu\n", notLocal(Parts, R, R, &R), escaped(Parts));
  std::printf("%zu %zu\n", notCounted(Ints, 1), notCounted(Empty, 0));
  return 0;
}
