//===--- SmallVectorCheck.h - memlint-small-vector --------------*- C++ -*-===//
//
// Finds local std::vectors whose size provably stays below a small constant
// (bounded push_back/emplace_back after default or initializer-list
// construction) and rewrites them to memlint::small_vector<T, K>.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_SMALLVECTORCHECK_H
#define MEMLINT_CHECKS_SMALLVECTORCHECK_H

#include "checks/utils/LocalUses.h"
#include "checks/utils/ProfiledDiagnostics.h"
#include "checks/utils/RuntimeAvailability.h"
#include "checks/utils/UserCodeParents.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/utils/IncludeInserter.h"

#include <vector>

namespace clang::tidy::memlint {

class SmallVectorCheck : public memlint::utils::ProfiledCheck {
public:
  SmallVectorCheck(StringRef Name, ClangTidyContext *Context);
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
  utils::UserCodeScope UserScope;
  struct Candidate {
    const VarDecl *Var = nullptr;
    /// Elements the initializer puts in (an initializer list's length).
    uint64_t Initial = 0;
    uint64_t ElemSize = 0;
    QualType ElemType;
    const Stmt *Scope = nullptr;
    TemplateSpecializationTypeLoc WrittenType;
    SourceRange WrittenRange;
    /// The initializer list, and whether it list-initializes (`v{...}`,
    /// `v = {...}`, not `v({...})`).
    const InitListExpr *List = nullptr;
    bool ListInit = false;
  };
  void analyze(const Candidate &C);
  /// The diagnostic and the fix plan; \p SizeChanges: a growth or
  /// size-changing member is called.
  void emit(const Candidate &C, uint64_t Max, bool SizeChanges);
  void emitArray(const Candidate &C, llvm::StringRef ElemSpelling,
                 llvm::StringRef NoFix);

  const uint64_t MaxInlineElements;
  const uint64_t MaxInlineBytes;
  const std::string SmallVectorClass;
  const std::string SmallVectorHeader;
  utils::RuntimeAvailability RuntimeInfo;
  tidy::utils::IncludeInserter Inserter;
  ASTContext *Ctx = nullptr;
  std::vector<Candidate> Candidates;
  utils::VarRefIndex Refs;
};

} // namespace clang::tidy::memlint

#endif // MEMLINT_CHECKS_SMALLVECTORCHECK_H
