//===--- FixSaving.h - the allocations a fix removes, stated -----*- C++
//-*-===//
//
// A check whose fix removes a countable number of allocations says so in a
// note, "the fix removes N allocation(s) each time ...": `memlint check
// --fix` reads the number to rank conflicting fixes (docs/driver.md,
// "Fixes"). The count is per run of the innermost loop around the edited
// declaration (per run of the declaration when it is in no loop), the unit of
// utils::exactRunsPerLoopRun, so that two fixes of one loop compare. Where the
// count is not known exactly, a check says nothing.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_UTILS_FIXSAVING_H
#define MEMLINT_CHECKS_UTILS_FIXSAVING_H

#include "clang-tidy/ClangTidyCheck.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::memlint::utils {

/// Notes at \p Loc that the fix removes \p N allocations each time the
/// loop runs (\p InLoop) or each time the declaration runs. Nothing for 0.
void noteAllocationsRemoved(ClangTidyCheck &Check, SourceLocation Loc,
                            uint64_t N, bool InLoop);

/// The text of the note a check puts at each line whose allocations its fix
/// removes; `memlint check --profile` reads it (it must stay the same as
/// AllocationsRemovedNote in driver/memlint/Rank.cpp). A note may name the
/// family of the allocations it means, `allocations removed here (kind:
/// vector)`, so that a line that allocates in several ways (a push_back of a
/// string copy, a make_unique passed to a push_back) is credited only with
/// the allocations the fix removes (docs/profiles.md, "Which allocations").
inline constexpr const char *AllocationsRemovedNote =
    "allocations removed here";

/// The family of standard containers whose buffer an object of type \p T
/// allocates, as `memlint check --profile` names the allocating frames of a
/// stack: "vector", "deque", "string", "tree" (map, set and their multi
/// forms), "list" (list, forward_list), "hash" (unordered containers). Empty
/// for anything else.
llvm::StringRef allocationFamily(QualType T);

/// The family of a `new` expression, `std::make_unique`, `std::make_shared`.
inline constexpr const char *ObjectAllocationFamily = "object";

/// Notes AllocationsRemovedNote at \p Loc, naming \p Family when it is not
/// empty. A note at the diagnostic's own line narrows that line to the family.
void noteAllocationsRemovedHere(ClangTidyCheck &Check, SourceLocation Loc,
                                llvm::StringRef Family);

/// A line whose allocations a fix removes, and of which family ("" for all).
struct AllocationSite {
  SourceLocation Loc;
  std::string Family;
};

/// noteAllocationsRemovedHere at each of \p Sites.
void noteAllocationsRemovedHere(ClangTidyCheck &Check,
                                llvm::ArrayRef<AllocationSite> Sites);

/// The lines of \p Scope where \p V is grown, with \p V's allocationFamily:
/// a non-const member call or overloaded operator on it other than element
/// access and iteration (`V[I]`, `at`, `front`, `begin`, ...), or a call
/// taking it by non-const reference. Each line once, not \p DiagLoc's, none
/// inside macros. A check notes them (`memlint check --profile` credits the
/// finding with that family's allocations there) and claims them first
/// (ProfiledCheck).
std::vector<AllocationSite> allocationSites(const VarDecl &V, const Stmt &Scope,
                                            ASTContext &Ctx,
                                            SourceLocation DiagLoc);

} // namespace clang::tidy::memlint::utils

#endif // MEMLINT_CHECKS_UTILS_FIXSAVING_H
