//===--- StringConcatTest.cpp - tests of utils/StringConcat, StringViewRead
//===//
//
// The operands of a std::string `operator+` chain, which operands may throw
// or depend on another string, and the allocation clause of the string
// diagnostics, on a mock <string> shaped like libstdc++'s.
//
//===----------------------------------------------------------------------===//

#include "checks/utils/StringConcat.h"
#include "checks/utils/StringViewRead.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::memlint::utils;

namespace {

const char *MockString = R"cc(
namespace std {
template <class C> struct char_traits {};
template <class T> struct allocator {};
inline namespace __cxx11 {
template <class C, class T = char_traits<C>, class A = allocator<C>>
class basic_string {
  enum { _S_local_capacity = 15 / sizeof(C) };
  C _M_local_buf[_S_local_capacity + 1];
public:
  basic_string();
  basic_string(const C *);
  basic_string(const basic_string &);
  basic_string &operator+=(const basic_string &);
  unsigned long size() const;
};
template <class C, class T, class A>
basic_string<C, T, A> operator+(const basic_string<C, T, A> &,
                                const basic_string<C, T, A> &);
template <class C, class T, class A>
basic_string<C, T, A> operator+(const basic_string<C, T, A> &, const C *);
template <class C, class T, class A>
basic_string<C, T, A> operator+(const C *, const basic_string<C, T, A> &);
} // namespace __cxx11
typedef basic_string<char> string;
string to_string(int);
} // namespace std
std::string user(int);
std::string quiet(int) noexcept;
)cc";

struct Parsed {
  std::unique_ptr<ASTUnit> AST;
  const Expr *Init = nullptr;
};

// The initializer of `auto r = <Expr>;` in `void f(<Params>)`.
Parsed parse(const std::string &Params, const std::string &E) {
  Parsed P;
  std::string Code = std::string(MockString) + "void f(" + Params +
                     ") { auto r = " + E + "; (void)r; }\n";
  P.AST = tooling::buildASTFromCodeWithArgs(
      Code, {"-std=c++17", "-Wno-everything", "--target=x86_64-linux-gnu"},
      "input.cc");
  if (!P.AST || P.AST->getDiagnostics().hasErrorOccurred())
    return P;
  auto M = match(varDecl(hasName("r")).bind("v"), P.AST->getASTContext());
  if (!M.empty())
    P.Init = M[0].getNodeAs<VarDecl>("v")->getInit();
  return P;
}

TEST(StringConcat, OperandsOfAChain) {
  Parsed P = parse("const std::string &a, const std::string &b",
                   "(a + \"x\") + (\"y\" + b)");
  ASSERT_TRUE(P.Init);
  EXPECT_TRUE(isStringConcat(*P.Init));
  EXPECT_EQ(concatOperands(*P.Init).size(), 4u);
}

TEST(StringConcat, NotAChain) {
  Parsed P = parse("const std::string &a", "a");
  ASSERT_TRUE(P.Init);
  EXPECT_FALSE(isStringConcat(*P.Init));
  EXPECT_TRUE(concatOperands(*P.Init).empty());
}

TEST(StringConcat, MayThrowOutsideStd) {
  Parsed User = parse("int n", "user(n)");
  Parsed Quiet = parse("int n", "quiet(n)");
  Parsed Std = parse("int n", "std::to_string(n)");
  ASSERT_TRUE(User.Init && Quiet.Init && Std.Init);
  EXPECT_TRUE(mayThrowOutsideStd(*User.Init));
  EXPECT_FALSE(mayThrowOutsideStd(*Quiet.Init));
  EXPECT_FALSE(mayThrowOutsideStd(*Std.Init));
}

TEST(StringConcat, ValueIndependentOfStrings) {
  Parsed Lit = parse("", "\"x\"");
  Parsed Std = parse("int n", "std::to_string(n)");
  Parsed Ref = parse("const std::string &a", "a");
  Parsed User = parse("int n", "user(n)");
  ASSERT_TRUE(Lit.Init && Std.Init && Ref.Init && User.Init);
  EXPECT_TRUE(valueIndependentOfStrings(*Lit.Init, Lit.AST->getASTContext()));
  EXPECT_TRUE(valueIndependentOfStrings(*Std.Init, Std.AST->getASTContext()));
  EXPECT_FALSE(valueIndependentOfStrings(*Ref.Init, Ref.AST->getASTContext()));
  EXPECT_FALSE(
      valueIndependentOfStrings(*User.Init, User.AST->getASTContext()));
}

TEST(StringViewRead, AllocationClauseNamesTheLibrarysCapacity) {
  Parsed P = parse("const std::string &a", "a");
  ASSERT_TRUE(P.Init);
  EXPECT_TRUE(isStdString(P.Init->getType()));
  EXPECT_EQ(allocationClause(P.Init->getType()),
            "allocating past 15 characters");
}

} // namespace
