//===--- PublicApiTest.cpp - tests of utils::PublicApi --------------------===//
//
// A declaration with external linkage in a header PublicHeaders or
// InstalledHeaders matches blocks an ABI-changing fix, with the note's text;
// internal linkage, other headers and FixPublicAPI do not. Exported records
// block it wherever they are.
//
//===----------------------------------------------------------------------===//

#include "checks/utils/PublicApi.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"
#include <map>
#include <string>

using namespace clang;
using namespace clang::ast_matchers;

namespace {

const char *Code = "#include \"include/lib/api.h\"\n"
                   "#include \"src/private.h\"\n"
                   "#define LIB_EXPORT\n"
                   "struct LIB_EXPORT Exported { int A; };\n"
                   "void mainFn(int);\n";

std::unique_ptr<ASTUnit> parse() {
  // The AST keeps pointing into the mapped files' text (no copy is made):
  // it must outlive every AST, so it is static.
  static const tooling::FileContentMappings Files = {
      {"/p/include/lib/api.h", "enum class Level { Low };\n"
                               "struct Settings { int A; };\n"
                               "void publicFn(int);\n"
                               "static void staticFn(int) {}\n"
                               "namespace { struct Hidden { int A; }; }\n"},
      {"/p/src/private.h", "void privateFn(int);\n"}};
  auto AST = tooling::buildASTFromCodeWithArgs(
      Code, {"-std=c++17", "-I/p"}, "/p/main.cc", "clang-tool",
      std::make_shared<PCHContainerOperations>(),
      tooling::getClangStripDependencyFileAdjuster(), Files);
  EXPECT_TRUE(AST);
  return AST;
}

const NamedDecl *named(ASTUnit &AST, StringRef Name) {
  auto M = match(namedDecl(hasName(Name)).bind("d"), AST.getASTContext());
  return M.empty() ? nullptr : M[0].getNodeAs<NamedDecl>("d");
}

/// blocker() (recordBlocker() for records) of each declaration, by name.
std::map<std::string, std::string>
blockers(const tidy::ClangTidyOptions::OptionMap &Options) {
  tidy::ClangTidyContext Context(std::make_unique<tidy::DefaultOptionsProvider>(
      tidy::ClangTidyGlobalOptions(), tidy::ClangTidyOptions()));
  tidy::ClangTidyCheck::OptionsView View("memlint-x", Options, &Context);
  tidy::memlint::utils::PublicApi Api(View);
  auto AST = parse();
  std::map<std::string, std::string> Out;
  if (!AST)
    return Out;
  const SourceManager &SM = AST->getSourceManager();
  for (StringRef Name : {"Level", "Settings", "publicFn", "staticFn", "Hidden",
                         "privateFn", "Exported", "mainFn"}) {
    const NamedDecl *D = named(*AST, Name);
    EXPECT_TRUE(D) << Name.str();
    if (!D)
      continue;
    std::string What = "'" + Name.str() + "'";
    if (const auto *RD = dyn_cast<RecordDecl>(D))
      Out[Name.str()] =
          Api.recordBlocker(RD, What, "changing it", SM, AST->getLangOpts());
    else
      Out[Name.str()] = Api.blocker(D, What, "changing it", SM);
  }
  return Out;
}

TEST(PublicApiTest, PublicHeadersBlockExternalDeclarations) {
  auto B = blockers({{"PublicHeaders", {"include/lib/"}}});
  EXPECT_EQ(B["Level"], "'Level' is in a public header (api.h); changing it "
                        "changes the library's ABI (set FixPublicAPI to true "
                        "to allow)");
  EXPECT_NE(B["Settings"], "");
  EXPECT_NE(B["publicFn"], "");
  // Internal linkage: every includer has its own.
  EXPECT_EQ(B["staticFn"], "");
  EXPECT_EQ(B["Hidden"], "");
  // Not public headers.
  EXPECT_EQ(B["privateFn"], "");
  EXPECT_EQ(B["mainFn"], "");
  EXPECT_EQ(B["Exported"],
            "'Exported' is exported from a shared library ('LIB_EXPORT'); "
            "changing it changes the library's ABI (set FixPublicAPI to true "
            "to allow)");
}

TEST(PublicApiTest, InstalledHeadersAndLocalOption) {
  // The driver's regex of installed paths; a check's own PublicHeaders.
  auto B = blockers({{"InstalledHeaders", {"^(/p/src/private\\.h$)"}},
                     {"memlint-x.PublicHeaders", {"api\\.h$"}}});
  EXPECT_NE(B["privateFn"], "");
  EXPECT_NE(B["publicFn"], "");
  EXPECT_EQ(B["mainFn"], "");
}

TEST(PublicApiTest, NothingPublicByDefault) {
  auto B = blockers({});
  for (StringRef Name : {"Level", "Settings", "publicFn", "privateFn"})
    EXPECT_EQ(B[Name.str()], "") << Name.str();
  EXPECT_NE(B["Exported"], ""); // Exported records are public anyway.
}

TEST(PublicApiTest, FixPublicApiAllowsEverything) {
  for (const char *Key : {"FixPublicAPI", "memlint-x.FixPublicAPI"}) {
    auto B = blockers({{"PublicHeaders", {"include/lib/"}}, {Key, {"true"}}});
    for (const auto &[Name, Why] : B)
      EXPECT_EQ(Why, "") << Key << " " << Name;
  }
}

} // namespace
