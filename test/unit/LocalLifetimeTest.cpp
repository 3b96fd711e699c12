//===--- LocalLifetimeTest.cpp - tests of utils/LocalLifetime -------------===//
//
// findEscape on one local with one use at a time: each use that lets the
// object outlive its scope is reported with its kind, each local use is not.
//
//===----------------------------------------------------------------------===//

#include "checks/utils/LocalLifetime.h"
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
namespace std {
template <class T> struct remove_reference { using type = T; };
template <class T> struct remove_reference<T &> { using type = T; };
template <class T> typename remove_reference<T>::type &&move(T &&t);
template <class T> void swap(T &, T &);
template <class T> T *addressof(T &);
} // namespace std
struct Vec {
  Vec();
  Vec(const Vec &);
  Vec(Vec &&);
  Vec &operator=(const Vec &);
  void push_back(int);
  int size() const;
  void swap(Vec &);
};
struct Store {
  void push_back(const Vec &);
  void emplace_back(Vec &&);
};
void fill(Vec &);
void read(const Vec &);
void byValue(Vec);
void sink(Vec &&);
template <class F> void call(F f) { f(); }
Store S;
Vec *P;
Vec G;
)cc";

struct Result {
  bool Parsed = false;
  std::optional<Escape> Esc;
};

Result escapeOf(const std::string &Body) {
  std::string Code = std::string(Prelude) + "Vec f() {\n  Vec v;\n" + Body +
                     "\n  return Vec();\n}\n";
  std::unique_ptr<ASTUnit> AST = tooling::buildASTFromCodeWithArgs(
      Code, {"-std=c++17", "-Wno-everything"}, "input.cc");
  Result R;
  if (!AST || AST->getDiagnostics().hasErrorOccurred())
    return R;
  ASTContext &Ctx = AST->getASTContext();
  auto M = match(functionDecl(hasName("f"), isDefinition(),
                              hasDescendant(varDecl(hasName("v")).bind("v")))
                     .bind("f"),
                 Ctx);
  if (M.empty())
    return R;
  const auto *V = M[0].getNodeAs<VarDecl>("v");
  const auto *F = M[0].getNodeAs<FunctionDecl>("f");
  R.Parsed = true;
  R.Esc = findEscape(*V, *F->getBody(), Ctx);
  return R;
}

void expectLocal(const std::string &Body) {
  Result R = escapeOf(Body);
  ASSERT_TRUE(R.Parsed) << Body;
  EXPECT_FALSE(R.Esc.has_value())
      << Body << " -> " << describeEscape(R.Esc->Kind).str();
}

void expectEscape(const std::string &Body, EscapeKind Kind) {
  Result R = escapeOf(Body);
  ASSERT_TRUE(R.Parsed) << Body;
  ASSERT_TRUE(R.Esc.has_value()) << Body;
  EXPECT_EQ(int(R.Esc->Kind), int(Kind))
      << Body << " -> " << describeEscape(R.Esc->Kind).str();
}

TEST(LocalLifetime, LocalUses) {
  expectLocal("v.push_back(1);");
  expectLocal("fill(v);");
  expectLocal("read(v);");
  expectLocal("(void)v.size();");
  expectLocal("v = G;");
  expectLocal("(void)sizeof(v);");
  expectLocal("const Vec &r = v; read(r);");
  expectLocal("call([&] { v.push_back(1); });");
  expectLocal("[&] { v.push_back(1); }();");
  expectLocal("auto l = [&] { v.push_back(1); }; l();");
  expectLocal("Vec *p = &G; (void)p; v.push_back(2);");
}

TEST(LocalLifetime, Escapes) {
  expectEscape("return v;", EscapeKind::Returned);
  expectEscape("sink(std::move(v));", EscapeKind::Moved);
  expectEscape("sink(static_cast<Vec &&>(v));", EscapeKind::Moved);
  expectEscape("P = &v;", EscapeKind::AddressTaken);
  expectEscape("P = std::addressof(v);", EscapeKind::AddressTaken);
  expectEscape("S.push_back(v);", EscapeKind::Copied);
  expectEscape("byValue(v);", EscapeKind::Copied);
  expectEscape("Vec w = v; (void)w;", EscapeKind::Copied);
  expectEscape("G = v;", EscapeKind::Copied);
  expectEscape("v.swap(G);", EscapeKind::Swapped);
  expectEscape("G.swap(v);", EscapeKind::Swapped);
  expectEscape("std::swap(v, G);", EscapeKind::Swapped);
  expectEscape("throw v;", EscapeKind::Thrown);
  expectEscape("Vec &r = v; P = &r;", EscapeKind::Aliased);
  expectEscape("auto l = [&] { v.push_back(1); }; call(l); P = nullptr; "
               "S.push_back(Vec()); auto m = l; (void)m;",
               EscapeKind::Captured);
  expectEscape("call([v] { (void)v.size(); });", EscapeKind::Copied);
}

TEST(LocalLifetime, NonConstRefOption) {
  std::string Code = std::string(Prelude) + "void f() { Vec v; fill(v); }\n";
  std::unique_ptr<ASTUnit> AST = tooling::buildASTFromCodeWithArgs(
      Code, {"-std=c++17", "-Wno-everything"}, "input.cc");
  ASSERT_TRUE(AST);
  ASTContext &Ctx = AST->getASTContext();
  auto M = match(functionDecl(hasName("f"), isDefinition(),
                              hasDescendant(varDecl(hasName("v")).bind("v")))
                     .bind("f"),
                 Ctx);
  ASSERT_FALSE(M.empty());
  const auto *V = M[0].getNodeAs<VarDecl>("v");
  const auto *F = M[0].getNodeAs<FunctionDecl>("f");
  EXPECT_FALSE(findEscape(*V, *F->getBody(), Ctx).has_value());
  EscapeOptions Opts;
  Opts.NonConstRefArgEscapes = true;
  auto E = findEscape(*V, *F->getBody(), Ctx, Opts);
  ASSERT_TRUE(E.has_value());
  EXPECT_EQ(int(E->Kind), int(EscapeKind::PassedByRef));
}

TEST(LocalLifetime, EnclosingLoop) {
  std::string Code = R"cc(
    void g(int n) {
      for (int i = 0; i < n; ++i) {
        int inBody = 0;
        while (n) {
          int inner = 0;
          (void)inner;
        }
        (void)inBody;
      }
      int outside = 0;
      (void)outside;
    }
  )cc";
  std::unique_ptr<ASTUnit> AST = tooling::buildASTFromCodeWithArgs(
      Code, {"-std=c++17", "-Wno-everything"}, "input.cc");
  ASSERT_TRUE(AST);
  ASTContext &Ctx = AST->getASTContext();
  auto loopOf = [&](StringRef Name) -> const Stmt * {
    auto M = match(declStmt(has(varDecl(hasName(Name)))).bind("d"), Ctx);
    if (M.empty())
      return nullptr;
    return enclosingLoopOfBody(*M[0].getNodeAs<DeclStmt>("d"), Ctx);
  };
  const Stmt *ForLoop = loopOf("inBody");
  ASSERT_NE(ForLoop, nullptr);
  EXPECT_TRUE(isa<ForStmt>(ForLoop));
  const Stmt *WhileLoop = loopOf("inner");
  ASSERT_NE(WhileLoop, nullptr);
  EXPECT_TRUE(isa<WhileStmt>(WhileLoop));
  EXPECT_EQ(loopOf("outside"), nullptr);
  // The loop variable is not in the body.
  EXPECT_EQ(loopOf("i"), nullptr);
}

} // namespace
