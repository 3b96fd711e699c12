// RUN: %check_clang_tidy %s memlint-copy-at-last-use %t

#include <array>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

void keep(const std::string &S);
void take(std::string S);
void takeView(std::string_view S);
void two(std::string A, std::string B);

// ---- The copy is not the last use -----------------------------------------

void usedAfter(std::vector<std::string> &Out) {
  std::string A = "a";
  Out.push_back(A);
  keep(A);
  // Unsequenced with another mention in the same call.
  std::string B = "b";
  two(B, B);
  std::string C = "c";
  take(C), keep(C);
}

// Copying keeps the source's capacity for the next round; moving would cost
// a regrowth of `Line` on every line (see the docs).
void clearAndReuse(std::vector<std::string> &Out,
                   const std::vector<std::string> &Words) {
  std::string Line;
  for (const std::string &W : Words) {
    Line += W;
    if (Line.size() > 8) {
      Out.push_back(Line);
      Line.clear();
    }
  }
  keep(Line);
}

// Declared outside the loop the copy is in, even when this copy happens to be
// the last one (`break`).
void outsideLoop(std::vector<std::string> &Out, std::string Param) {
  std::string Outer = "o";
  for (int I = 0; I < 3; ++I)
    Out.push_back(Outer);
  std::string Once = "once";
  for (int I = 0; I < 3; ++I) {
    if (I == 1) {
      Out.push_back(Once);
      break;
    }
  }
  while (Out.size() < 10)
    Out.push_back(Param);
}

// ---- Not a variable this check moves ---------------------------------------

struct Holder {
  std::string Member;
  std::vector<std::string> Items;
  void add() { Items.push_back(Member); }
};

std::string Global = "g";

void notLocals(std::vector<std::string> &Out, std::string &Ref,
               const std::string Const, const std::string &CRef) {
  Out.push_back(Ref);
  Out.push_back(Const);
  Out.push_back(CRef);
  Out.push_back(Global);
  const std::string Local = "l";
  Out.push_back(Local);
  static std::string Static = "s";
  Out.push_back(Static);
  std::string &Alias = Out[0];
  Out.push_back(Alias);
}

// ---- Moving saves nothing --------------------------------------------------

struct Trivial {
  int X, Y;
  char Name[16];
};

// A user-declared copy constructor suppresses the implicit move.
struct NoMove {
  NoMove() = default;
  NoMove(const NoMove &Other) : Data(Other.Data) {}
  std::vector<int> Data;
};

// A defaulted move that moves only members whose move is a copy.
struct MoveIsCopy {
  NoMove A;
  std::array<int, 4> B;
};

void cheap(std::vector<Trivial> &T, std::vector<NoMove> &N,
           std::vector<MoveIsCopy> &M, std::vector<int> &I) {
  Trivial A{1, 2, "t"};
  T.push_back(A);
  NoMove B;
  N.push_back(B);
  MoveIsCopy C;
  M.push_back(C);
  int D = 4;
  I.push_back(D);
}

// A deleted move constructor: std::move would not compile.
struct DeletedMove {
  DeletedMove() = default;
  DeletedMove(const DeletedMove &) = default;
  DeletedMove(DeletedMove &&) = delete;
  std::string S;
};

void byValue(DeletedMove D);

void deleted() {
  DeletedMove D;
  byValue(D);
}

// ---- The object stays observable -------------------------------------------

void escapes(std::vector<std::string> &Out, std::function<void()> &Later) {
  // Captured by reference: the lambda may read it after the copy.
  std::string Captured = "c";
  Later = [&Captured] { keep(Captured); };
  Out.push_back(Captured);
  // The address escapes into a pointer used after the copy.
  std::string Pointed = "p";
  const std::string *P = &Pointed;
  Out.push_back(Pointed);
  keep(*P);
  // A view into it, read after the copy (moving would empty the buffer it
  // points into when the string is short).
  std::string Viewed = "v";
  std::string_view V = Viewed;
  Out.push_back(Viewed);
  takeView(V);
  // A pointer assigned later, then read.
  std::string Raw = "r";
  const char *C = nullptr;
  C = Raw.c_str();
  Out.push_back(Raw);
  keep(C);
  // A reference bound to it.
  std::string Bound = "b";
  const std::string &R = Bound;
  Out.push_back(Bound);
  keep(R);
  // Iterators into it.
  std::vector<std::string> Vec = {"x"};
  auto It = Vec.begin();
  std::vector<std::vector<std::string>> Nested;
  Nested.push_back(Vec);
  keep(*It);
}

// Read in a catch handler: the copy may throw after the move took effect.
void handler(std::vector<std::string> &Out) {
  std::string H = "h";
  try {
    Out.push_back(H);
  } catch (...) {
    keep(H);
  }
}

// ---- Not a sink -------------------------------------------------------------

std::string returned() {
  std::string R = "r";
  return R; // already moved implicitly
}

void explicitCopy(std::vector<std::string> &Out) {
  std::string E = "e";
  Out.push_back(std::string(E));
  std::string Moved = "m";
  Out.push_back(std::move(Moved));
  // Only read afterwards: memlint-unneeded-copy binds it as a reference.
  std::string Src = "s";
  std::string OnlyRead = Src;
  keep(OnlyRead);
  // A self-assignment.
  std::string Self = "self";
  Self = Self;
}

// ---- Structured bindings, macros ---------------------------------------------

struct Two {
  std::string First, Second;
};

void bindings(std::vector<std::string> &Out, Two T) {
  auto [F, S] = T;
  Out.push_back(F);
  Out.push_back(S);
}

#define PUSH(V, X) (V).push_back(X)
#define ARG M

void macros(std::vector<std::string> &Out) {
  std::string M = "m";
  PUSH(Out, M);
  std::string N = "n";
  (void)N;
  Out.push_back(ARG);
}
