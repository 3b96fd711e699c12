//===--- LoopTripCountTest.cpp - tests of utils/LoopTripCount -------------===//
//
// getLoopTripCount on the outermost loop of a function: how the count is
// spelled (constants as written or folded, parentheses), its guard, and
// whether a size() bound is trusted (sizeMayChangeIn through the loop body).
//
//===----------------------------------------------------------------------===//

#include "checks/utils/LoopTripCount.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::memlint::utils;

namespace {

const char *Prelude = R"cc(
typedef unsigned long size_t;
struct Vec {
  int &operator[](size_t);
  const int &operator[](size_t) const;
  int &at(size_t);
  int &front();
  int front() const;
  int *data();
  int *begin();
  int *end();
  size_t size() const;
  void push_back(int);
  void clear();
};
struct Str {
  Str(const int &);
};
struct Pair {
  int first() const;
  int &operator[](size_t);
};
#define NUM 16
const size_t kSize = 300 * 1024;
constexpr int kN = 6, kBegin = 2, kEnd = 7, kBits = 3;
enum { kCount = 4 };
struct Header {
  int A;
  char B;
};
void grow(Vec &);
void readVec(const Vec &);
)cc";

struct Count {
  bool Parsed = false; // the code compiled and has a loop
  bool Found = false;
  std::string Spelling, Guard;
  bool Constant = false;
  bool Reevaluable = false;
};

// The trip count of the first loop of Holder::f (Members: class members,
// Body: f's body).
Count countOf(const std::string &Body, const std::string &Members = "") {
  std::string Code = std::string(Prelude) + "struct Holder {\n" + Members +
                     "\nvoid f(int n, int start, Vec local);\n};\n" +
                     "void Holder::f(int n, int start, Vec local) {\n" + Body +
                     "\n}\n";
  std::unique_ptr<ASTUnit> AST = tooling::buildASTFromCodeWithArgs(
      Code, {"-std=c++17", "-Wno-everything"}, "input.cc");
  Count R;
  if (!AST || AST->getDiagnostics().hasErrorOccurred())
    return R;
  ASTContext &Ctx = AST->getASTContext();
  auto M = match(
      functionDecl(hasName("f"), isDefinition(),
                   hasDescendant(
                       stmt(anyOf(forStmt(), cxxForRangeStmt())).bind("loop"))),
      Ctx);
  if (M.empty())
    return R;
  R.Parsed = true;
  auto TC = getLoopTripCount(*M[0].getNodeAs<Stmt>("loop"), Ctx);
  if (!TC)
    return R;
  R.Found = true;
  R.Spelling = TC->Spelling;
  R.Guard = TC->Guard;
  R.Constant = TC->Constant.has_value();
  R.Reevaluable = TC->Reevaluable;
  return R;
}

void expectCount(const std::string &Body, const std::string &Spelling,
                 const std::string &Guard = "",
                 const std::string &Members = "") {
  Count C = countOf(Body, Members);
  EXPECT_TRUE(C.Found) << Body;
  EXPECT_EQ(C.Spelling, Spelling) << Body;
  EXPECT_EQ(C.Guard, Guard) << Body;
  EXPECT_TRUE(C.Reevaluable) << Body;
}

void expectNoCount(const std::string &Body, const std::string &Members = "") {
  Count C = countOf(Body, Members);
  EXPECT_TRUE(C.Parsed) << Body;
  EXPECT_FALSE(C.Found) << Body;
}

TEST(LoopTripCountTest, NamedConstantsAreSpelledAsWritten) {
  expectCount("for (size_t i = 0; i < kSize; ++i) {}", "kSize");
  expectCount("for (int i = 0; i < kN + 100; i++) {}", "kN + 100");
  expectCount("for (int i = 0; i <= kN; ++i) {}", "kN + 1");
  expectCount("for (int i = kBegin; i < kEnd; ++i) {}", "kEnd - kBegin");
  expectCount("for (int i = kN - 1; i >= 0; --i) {}", "kN");
  expectCount("for (int i = 0; i < kCount; ++i) {}", "kCount");
  expectCount("for (size_t i = 0; i < sizeof(Header); ++i) {}",
              "sizeof(Header)");
  expectCount("for (int i = 0; i < (1 << kBits); ++i) {}", "1 << kBits");
  expectCount("for (int i = 0; i < kLocal; ++i) {}", "kLocal", "",
              "static constexpr int kLocal = 9;");
  EXPECT_TRUE(countOf("for (int i = 0; i < kN; ++i) {}").Constant);
}

TEST(LoopTripCountTest, FoldedConstants) {
  expectCount("for (int i = 2; i < 10; ++i) {}", "8");
  expectCount("for (int i = 0; i < 4 * 8; ++i) {}", "32");
  expectCount("for (int i = 0; i < NUM; ++i) {}", "16");
  expectCount("for (int i = 0, e = 5; i != e; ++i) {}", "5");
  expectCount("for (int i = 0, e = kN; i != e; ++i) {}", "kN");
  // Not positive: the value, never a negative difference of names.
  expectCount("for (int i = kEnd; i < kBegin; ++i) {}", "0");
}

TEST(LoopTripCountTest, VariableBoundsAndParentheses) {
  expectCount("for (int i = 0; i < n; ++i) {}", "n", "n > 0");
  expectCount("for (int i = start; i < n; ++i) {}", "n - start", "n > start");
  expectCount("for (int i = kBegin; i < n; ++i) {}", "n - kBegin",
              "n > kBegin");
  expectCount("for (int i = start + 1; i <= n; ++i) {}", "n - start",
              "n >= start + 1");
  expectCount("for (int i = 0; i < (n << 1); ++i) {}", "n << 1",
              "(n << 1) > 0");
  expectCount("for (int i = 1; i < (n << 1); ++i) {}", "(n << 1) - 1",
              "(n << 1) > 1");
  expectCount("for (int i = 0; i < (n ? n : 1); ++i) {}", "n ? n : 1",
              "(n ? n : 1) > 0");
}

TEST(LoopTripCountTest, InductionVariablePlusAConstant) {
  expectCount("for (int i = 0; i + 1 < n; ++i) {}", "n - 1", "n > 1");
  expectCount("for (int i = 1; i + 1 < n; ++i) {}", "n - 2", "n > 2");
  expectCount("for (int i = 0; i + 2 <= n; ++i) {}", "n - 1", "n > 1");
  expectCount("for (int i = 0; n > i + 1; ++i) {}", "n - 1", "n > 1");
  expectCount("for (int i = 0; 1 + i < n; ++i) {}", "n - 1", "n > 1");
  expectCount("for (int i = start; i + 1 < n; ++i) {}", "n - start - 1",
              "n > start + 1");
  expectCount("for (size_t i = 1; i + 1 < local.size(); ++i) {}",
              "local.size() - 2", "local.size() > 2");
  expectCount("for (int i = 0; i + 2 < kN; ++i) {}", "kN - 2");
  expectNoCount("for (int i = 0; i - 1 < n; ++i) {}");
  expectNoCount("for (int i = 0; i + -1 < n; ++i) {}");
  expectNoCount("for (int i = 0; i + start < n; ++i) {}");
  expectNoCount("for (int i = 0; i + 1 != n; ++i) {}");
  expectNoCount("for (int i = n; i + 1 > 0; --i) {}");
}

TEST(LoopTripCountTest, SizeBoundOfAReadContainer) {
  const char *Members = "Vec keys_; void mutate(); int peek() const;";
  expectCount("for (size_t i = 0; i < keys_.size(); i++) { Str s(keys_[i]); "
              "keys_.at(i) = 1; keys_.front() = 2; readVec(keys_); peek(); "
              "keys_.data(); keys_.begin(); }",
              "keys_.size()", "", Members);
  expectCount("for (size_t i = 0; i < local.size(); i++) { local[i] = 3; }",
              "local.size()");
  expectCount("for (int x : keys_) { Str s(x); }", "keys_.size()", "", Members);
  // The size may change.
  expectNoCount("for (size_t i = 0; i < keys_.size(); i++) mutate();", Members);
  expectNoCount("for (size_t i = 0; i < keys_.size(); i++) grow(keys_);",
                Members);
  expectNoCount("for (size_t i = 0; i < keys_.size(); i++) keys_.push_back(1);",
                Members);
  expectNoCount("for (size_t i = 0; i < local.size(); i++) local.clear();");
  expectNoCount("for (size_t i = 0; i < keys_.size(); i++) take(this);",
                std::string(Members) + "friend void take(Holder *);");
  expectNoCount("for (size_t i = 0; i < keys_.size(); i++) edit(*this);",
                std::string(Members) + "friend void edit(Holder &);");
  // `this` by pointer or reference to const cannot change keys_.
  expectCount("for (size_t i = 0; i < keys_.size(); i++) look(this);",
              "keys_.size()", "",
              std::string(Members) + "friend void look(const Holder *);");
  expectCount("for (size_t i = 0; i < keys_.size(); i++) see(*this);",
              "keys_.size()", "",
              std::string(Members) + "friend void see(const Holder &);");
  // front() reads an element, which operator[] changes.
  expectNoCount("Pair p; for (int i = 0; i < p.first(); ++i) p[0] = 1;");
  expectCount("Pair p; for (int i = 0; i < p.first(); ++i) {}", "p.first()",
              "p.first() > 0");
}

} // namespace
