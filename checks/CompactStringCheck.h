//===--- CompactStringCheck.h - memlint-compact-string ----------*- C++ -*-===//
//
// Finds std::string variables whose every possible value is known at compile
// time, fits memlint::compact_string's 23 inline characters and can exceed
// std::string's 15: they allocate with std::string and never would with
// compact_string (or, when constant, with std::string_view).
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_COMPACTSTRINGCHECK_H
#define MEMLINT_CHECKS_COMPACTSTRINGCHECK_H

#include "checks/utils/LocalUses.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/utils/IncludeInserter.h"

#include <vector>

namespace clang::tidy::memlint {

class CompactStringCheck : public ClangTidyCheck {
public:
  CompactStringCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus17;
  }
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  void analyze(const VarDecl *VD);

  const std::string CompactStringHeader;
  tidy::utils::IncludeInserter Inserter;
  ASTContext *Ctx = nullptr;
  std::vector<const VarDecl *> Candidates;
  utils::VarRefIndex Refs;
};

} // namespace clang::tidy::memlint

#endif // MEMLINT_CHECKS_COMPACTSTRINGCHECK_H
