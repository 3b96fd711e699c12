//===--- AllocationInLoopCheck.h - memlint-allocation-in-loop ---*- C++ -*-===//
//
// Flags a container, string or string stream declared inside a loop body that
// does not outlive the iteration, and hoists it before the loop with a reset
// that keeps its capacity.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_ALLOCATIONINLOOPCHECK_H
#define MEMLINT_CHECKS_ALLOCATIONINLOOPCHECK_H

#include "checks/utils/ProfiledDiagnostics.h"
#include "checks/utils/UserCodeParents.h"
#include "clang-tidy/ClangTidyCheck.h"
#include <string>
#include <vector>

namespace clang::tidy::memlint {

class AllocationInLoopCheck : public memlint::utils::ProfiledCheck {
public:
  AllocationInLoopCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  std::optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_AsIs;
  }

private:
  utils::UserCodeScope UserScope;
  const std::string RawReusableClasses;
  std::vector<StringRef> ReusableClasses;
  /// A read-only copy is memlint-unneeded-copy's when it runs.
  const bool UnneededCopyRuns;
};

} // namespace clang::tidy::memlint

#endif // MEMLINT_CHECKS_ALLOCATIONINLOOPCHECK_H
