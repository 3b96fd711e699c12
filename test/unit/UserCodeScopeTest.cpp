//===--- UserCodeScopeTest.cpp - tests of utils::UserCodeScope ------------===//
//
// With a UserCodeScope registered first, no matcher sees a declaration of a
// system header, and user code is matched as before; with SystemHeaders on,
// everything is matched.
//
//===----------------------------------------------------------------------===//

#include "checks/utils/UserCodeParents.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"
#include <set>
#include <string>

using namespace clang;
using namespace clang::ast_matchers;

namespace {

struct NameCollector : MatchFinder::MatchCallback {
  std::set<std::string> Names;
  void run(const MatchFinder::MatchResult &R) override {
    if (const auto *FD = R.Nodes.getNodeAs<FunctionDecl>("f"))
      Names.insert(FD->getNameAsString());
  }
};

std::set<std::string> matchedFunctions(std::optional<bool> SystemHeaders) {
  tidy::ClangTidyOptions Opts;
  Opts.SystemHeaders = SystemHeaders;
  tidy::ClangTidyContext Context(std::make_unique<tidy::DefaultOptionsProvider>(
      tidy::ClangTidyGlobalOptions(), Opts));
  Context.setCurrentFile("/src/input.cc");
  tidy::memlint::utils::UserCodeScope Scope(&Context);
  MatchFinder Finder;
  Scope.registerMatchers(&Finder);
  NameCollector C;
  Finder.addMatcher(functionDecl().bind("f"), &C);
  // The AST points into the mapped text (no copy): it must outlive it.
  static const tooling::FileContentMappings Files = {
      {"/sys/lib.h", "int lib_fn();\n"
                     "namespace std { template <class T> struct box {\n"
                     "  int get() { return 1; } }; }\n"}};
  auto AST = tooling::buildASTFromCodeWithArgs(
      "#include <lib.h>\n"
      "namespace std { template <> struct box<char> { void user_spec(); }; }\n"
      "int user_fn() { return lib_fn() + std::box<int>().get(); }\n",
      {"-std=c++17", "-isystem", "/sys"}, "/src/input.cc", "clang-tool",
      std::make_shared<PCHContainerOperations>(),
      tooling::getClangStripDependencyFileAdjuster(),
      Files);
  EXPECT_TRUE(AST);
  if (!AST)
    return {};
  Finder.matchAST(AST->getASTContext());
  return C.Names;
}

TEST(UserCodeScopeTest, SkipsSystemHeaderDeclarations) {
  // The user's function and the user's specialization of a std template are
  // matched; the library's function and its template (and the instantiation
  // std::box<int>, which lives in the library's namespace) are not.
  EXPECT_EQ(matchedFunctions(std::nullopt),
            (std::set<std::string>{"user_fn", "user_spec"}));
  EXPECT_EQ(matchedFunctions(false),
            (std::set<std::string>{"user_fn", "user_spec"}));
}

TEST(UserCodeScopeTest, SystemHeadersOptionMatchesEverything) {
  std::set<std::string> All = matchedFunctions(true);
  EXPECT_TRUE(All.count("user_fn"));
  EXPECT_TRUE(All.count("user_spec"));
  EXPECT_TRUE(All.count("lib_fn"));
  EXPECT_TRUE(All.count("get"));
}

} // namespace
