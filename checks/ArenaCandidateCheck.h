//===--- ArenaCandidateCheck.h - memlint-arena-candidate --------*- C++ -*-===//
//
// Flags objects allocated one at a time in a loop that are all owned by one
// local (a container of owning pointers, or a linked structure freed before
// the function returns), so they all die together: one memlint::arena would
// serve them with bump allocations and free them at once.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_ARENACANDIDATECHECK_H
#define MEMLINT_CHECKS_ARENACANDIDATECHECK_H

#include "checks/utils/ProfiledDiagnostics.h"
#include "checks/utils/RuntimeAvailability.h"
#include "checks/utils/UserCodeParents.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/utils/IncludeInserter.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::memlint {

class ArenaCandidateCheck : public memlint::utils::ProfiledCheck {
public:
  ArenaCandidateCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus17;
  }
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  std::optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_AsIs;
  }

private:
  utils::UserCodeScope UserScope;
  const unsigned MinAllocations;
  ::clang::tidy::utils::IncludeInserter Inserter;
  utils::RuntimeAvailability RuntimeInfo;
  // Owners whose allocations were already reported: the first report of an
  // owner carries the whole fixit, later ones none.
  llvm::DenseSet<const VarDecl *> SeenOwners;
};

} // namespace clang::tidy::memlint

#endif // MEMLINT_CHECKS_ARENACANDIDATECHECK_H
