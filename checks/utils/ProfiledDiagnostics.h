//===--- ProfiledDiagnostics.h - warnings with profiled counts --*- C++ -*-===//
//
// With the global option ProfileFile (a memlint profile, docs/profiles.md),
// every memlint warning says how many allocations its fix removes in the
// profiled run, as `memlint check --profile` counts them: those at the
// warning's own line and at the lines the check marks with
// utils::AllocationsRemovedNote, of the family that note names. So
// memlint-clangd and `clang-tidy --load` show the numbers the driver ranks
// by. Each check derives from ProfiledCheck instead of ClangTidyCheck; one
// whose notes mark lines states them with claimAllocations() before it
// warns (the warning's text is fixed when it is emitted, before its notes).
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_UTILS_PROFILEDDIAGNOSTICS_H
#define MEMLINT_CHECKS_UTILS_PROFILEDDIAGNOSTICS_H

#include "FixSaving.h"
#include "ProfileCounts.h"
#include "clang-tidy/ClangTidyCheck.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::memlint::utils {

class ProfiledCheck : public ClangTidyCheck {
public:
  ProfiledCheck(StringRef Name, ClangTidyContext *Context);
  ~ProfiledCheck() override;

  using ClangTidyCheck::diag;
  /// ClangTidyCheck::diag; a warning's message ends in `(N allocations, x% of
  /// the profiled run)` when a profile is set and its fix's lines made any.
  DiagnosticBuilder diag(SourceLocation Loc, StringRef Description,
                         DiagnosticIDs::Level Level = DiagnosticIDs::Warning);

  /// The text the counts add to a message, for tests and the driver:
  /// " (N allocations, x% of the profiled run)".
  static std::string countsSuffix(uint64_t Allocations, uint64_t Total);

protected:
  /// The lines besides its own whose allocations the next warning's fix
  /// removes: those of the notes it is followed by.
  void claimAllocations(llvm::ArrayRef<AllocationSite> Sites);

private:
  void run(const ast_matchers::MatchFinder::MatchResult &Result) override;
  const ProfileCounts *profile();
  uint64_t attributed(SourceLocation Loc);
  bool firstInTU(const std::string &Message) const;

  const ClangTidyContext *TidyContext;
  std::string ProfileFile;
  const SourceManager *SM = nullptr;
  std::vector<AllocationSite> Claims;
  bool Loaded = false;
  std::shared_ptr<const ProfileCounts> Profile;
};

} // namespace clang::tidy::memlint::utils

#endif // MEMLINT_CHECKS_UTILS_PROFILEDDIAGNOSTICS_H
