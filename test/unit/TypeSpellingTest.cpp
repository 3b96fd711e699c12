//===--- TypeSpellingTest.cpp - tests of fixits/TypeSpelling --------------===//
//
// Every shape of written type is copied exactly (qualifiers that TypeLoc
// ranges leave out included) or refused; deduced types print with the names
// the code uses; constRefTo/pointerTo/declarationOf place `const`, `*`, `&`
// and the name where the declarator needs them.
//
//===----------------------------------------------------------------------===//

#include "checks/utils/LocalUses.h"
#include "fixits/TypeSpelling.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::memlint::fixits;
using clang::tidy::memlint::utils::writtenSpecialization;

namespace {

const char *Prelude = R"cc(
namespace std {
template <class C> struct char_traits {};
template <class C> struct allocator {};
inline namespace __cxx11 {
template <class C, class T = char_traits<C>, class A = allocator<C>>
struct basic_string {};
} // namespace __cxx11
using string = basic_string<char>;
template <class T, class A = allocator<T>> struct vector {};
} // namespace std
template <class... T> struct Box {};
namespace ns {
template <class T> struct Wrap { using type = T; };
struct In {};
} // namespace ns
struct S {
  int f() const;
};
typedef const int *CIP;
using Name = std::string;
#define ELEM int
int x = 0;
)cc";

struct Parsed {
  std::unique_ptr<ASTUnit> AST;
  const VarDecl *Var = nullptr;

  const SourceManager &sm() const { return AST->getSourceManager(); }
  const LangOptions &lo() const { return AST->getLangOpts(); }
  TypeLoc loc() const { return Var->getTypeSourceInfo()->getTypeLoc(); }
};

/// Parses the prelude plus \p Decl (which declares `v`).
Parsed parse(const std::string &Decl) {
  Parsed P;
  P.AST = tooling::buildASTFromCodeWithArgs(std::string(Prelude) + Decl,
                                            {"-std=c++20", "-w"});
  if (!P.AST)
    return P;
  auto M = match(varDecl(hasName("v")).bind("v"), P.AST->getASTContext());
  if (!M.empty())
    P.Var = M[0].getNodeAs<VarDecl>("v");
  return P;
}

/// The spelling of Box's first argument in `Box<Arg> v;`.
std::optional<std::string> argOf(const std::string &Arg) {
  Parsed P = parse("template <class T> void g() { Box<" + Arg + "> v; }\n");
  if (!P.Var)
    return "<no parse>";
  return spellTemplateArg(writtenSpecialization(P.loc()), 0, P.sm(), P.lo());
}

TEST(TypeSpellingTest, KeepsQualifiersTypeLocRangesLeaveOut) {
  EXPECT_EQ(argOf("const std::string *"), "const std::string *");
  EXPECT_EQ(argOf("std::string *const"), "std::string *const");
  EXPECT_EQ(argOf("const int"), "const int");
  EXPECT_EQ(argOf("int const"), "int const");
  EXPECT_EQ(argOf("const volatile int *const *"),
            "const volatile int *const *");
  EXPECT_EQ(argOf("const char *const &"), "const char *const &");
  EXPECT_EQ(argOf("const std::string &&"), "const std::string &&");
}

TEST(TypeSpellingTest, KeepsNamesAsWritten) {
  EXPECT_EQ(argOf("Name"), "Name");
  EXPECT_EQ(argOf("CIP"), "CIP");
  EXPECT_EQ(argOf("const CIP"), "const CIP");
  EXPECT_EQ(argOf("ns::Wrap<ns::Wrap<const int>>"),
            "ns::Wrap<ns::Wrap<const int>>");
  EXPECT_EQ(argOf("struct S"), "struct S");
  EXPECT_EQ(argOf("const struct S *"), "const struct S *");
  EXPECT_EQ(argOf("typename ns::Wrap<T>::type"), "typename ns::Wrap<T>::type");
  EXPECT_EQ(argOf("const T &"), "const T &");
  EXPECT_EQ(argOf("decltype(x)"), "decltype(x)");
  EXPECT_EQ(argOf("const decltype(x) *"), "const decltype(x) *");
  EXPECT_EQ(argOf("ELEM"), "ELEM");
}

TEST(TypeSpellingTest, KeepsDeclaratorShapes) {
  EXPECT_EQ(argOf("void (*)(int)"), "void (*)(int)");
  EXPECT_EQ(argOf("void (*const)(const int *)"), "void (*const)(const int *)");
  EXPECT_EQ(argOf("int (S::*)() const"), "int (S::*)() const");
  EXPECT_EQ(argOf("const int[3]"), "const int[3]");
  EXPECT_EQ(argOf("const int (*)[3]"), "const int (*)[3]");
  EXPECT_EQ(argOf("int (&)[3]"), "int (&)[3]");
}

TEST(TypeSpellingTest, RefusesWhatItCannotCopyExactly) {
  // A comment between the qualifier and the type hides the qualifier.
  EXPECT_EQ(argOf("const /*c*/ int"), std::nullopt);
  // Ref-qualifiers are outside the function type's range.
  EXPECT_EQ(argOf("int (S::*)() const &"), std::nullopt);
  Parsed A = parse("void g() { auto v = 1; }\n");
  ASSERT_TRUE(A.Var);
  EXPECT_EQ(spellTypeLoc(A.loc(), A.sm(), A.lo()), std::nullopt);
  Parsed M = parse("#define T const int\nvoid g() { Box<T> v; }\n");
  ASSERT_TRUE(M.Var);
  // The macro's text says const, the range does not show it.
  EXPECT_EQ(spellTemplateArg(writtenSpecialization(M.loc()), 0, M.sm(), M.lo()),
            std::nullopt);
}

TEST(TypeSpellingTest, DeclaredTypeDropsTheName) {
  auto Declared = [](const std::string &Decl) -> std::optional<std::string> {
    Parsed P = parse(Decl);
    if (!P.Var)
      return "<no parse>";
    return spellDeclaredType(*P.Var, P.sm(), P.lo());
  };
  EXPECT_EQ(Declared("int v[3];"), "int[3]");
  EXPECT_EQ(Declared("void (*v)(int);"), "void (*)(int)");
  EXPECT_EQ(Declared("const char *const v = nullptr;"), "const char *const");
  EXPECT_EQ(Declared("std::vector<const std::string *> v;"),
            "std::vector<const std::string *>");
  EXPECT_EQ(Declared("const int (*v)[3] = nullptr;"), "const int (*)[3]");
}

TEST(TypeSpellingTest, DeducedTypesUseTheNamesTheCodeUses) {
  auto Deduced = [](const std::string &Decl) -> std::optional<std::string> {
    Parsed P = parse(Decl);
    if (!P.Var)
      return "<no parse>";
    return spellType(P.Var->getType(), P.AST->getASTContext());
  };
  EXPECT_EQ(Deduced("std::vector<std::string> make();\n"
                    "void g() { auto v = make(); }"),
            "std::vector<std::string>");
  // Canonical arguments (sugar lost) still read as the standard alias.
  EXPECT_EQ(
      Deduced("void g() { auto v = std::vector<std::basic_string<char>>(); }"),
      "std::vector<std::string>");
  EXPECT_EQ(Deduced("namespace ns { Name make(); }\n"
                    "void g() { auto v = ns::make(); }"),
            "Name");
  EXPECT_EQ(Deduced("namespace ns { In make(); }\n"
                    "void g() { auto v = ns::make(); }"),
            "ns::In");
  EXPECT_EQ(Deduced("void g() { const auto v = CIP(); }"), "const CIP");
  // Unnameable: a local type, a lambda, a private member type.
  EXPECT_EQ(Deduced("void g() { struct L {}; auto v = L(); }"), std::nullopt);
  EXPECT_EQ(Deduced("void g() { auto v = [] {}; }"), std::nullopt);
  EXPECT_EQ(Deduced("class C { struct P {}; public: static P make(); };\n"
                    "void g() { auto v = C::make(); }"),
            std::nullopt);
  EXPECT_EQ(Deduced("void g() { auto v = std::vector<decltype([] {})>(); }"),
            std::nullopt);
}

TEST(TypeSpellingTest, ConstRefAndPointerPlaceTheirSigils) {
  Parsed P = parse("std::string *p; const int c = 0; int a[2]; void fn();\n"
                   "std::string v;");
  ASSERT_TRUE(P.Var);
  ASTContext &Ctx = P.AST->getASTContext();
  auto TypeOf = [&](const char *Name) {
    return match(varDecl(hasName(Name)).bind("d"), Ctx)[0]
        .getNodeAs<VarDecl>("d")
        ->getType();
  };
  EXPECT_EQ(constRefTo("std::string", TypeOf("v")), "const std::string &");
  EXPECT_EQ(constRefTo("std::string *", TypeOf("p")), "std::string *const &");
  EXPECT_EQ(constRefTo("const int", TypeOf("c")), "const int &");
  EXPECT_EQ(constRefTo("int[2]", TypeOf("a")), std::nullopt);
  EXPECT_EQ(pointerTo("std::string", TypeOf("v")), "std::string *");
  EXPECT_EQ(pointerTo("int[2]", TypeOf("a")), std::nullopt);
}

TEST(TypeSpellingTest, DeclarationPutsTheNameInTheDeclarator) {
  auto Decl = [](const std::string &Arg) -> std::optional<std::string> {
    Parsed P = parse("void g() { Box<" + Arg + "> v; }\n");
    if (!P.Var)
      return "<no parse>";
    TemplateSpecializationTypeLoc TST = writtenSpecialization(P.loc());
    return declarationOf(TST.getArgLoc(0).getTypeSourceInfo()->getTypeLoc(),
                         "n", P.sm(), P.lo());
  };
  EXPECT_EQ(Decl("std::string"), "std::string n");
  EXPECT_EQ(Decl("const char *const"), "const char *const n");
  EXPECT_EQ(Decl("const int *"), "const int *n");
  EXPECT_EQ(Decl("void (*)(int)"), "void (*n)(int)");
  EXPECT_EQ(Decl("int[3]"), "int n[3]");
  EXPECT_EQ(Decl("const int (*)[3]"), "const int (*n)[3]");
}

} // namespace
