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

namespace clang::tidy::memlint::utils {

/// Notes at \p Loc that the fix removes \p N allocations each time the
/// loop runs (\p InLoop) or each time the declaration runs. Nothing for 0.
void noteAllocationsRemoved(ClangTidyCheck &Check, SourceLocation Loc,
                            uint64_t N, bool InLoop);

/// The text of the note noteAllocationSites puts at each line whose
/// allocations a fix removes; `memlint check --profile` reads it (it must
/// stay the same as AllocationsRemovedNote in driver/memlint/Rank.cpp).
inline constexpr const char *AllocationsRemovedNote =
    "allocations removed here";

/// Notes AllocationsRemovedNote at each line of \p Scope where \p V is
/// grown: a non-const member call or overloaded operator on it other than
/// element access and iteration (`V[I]`, `at`, `front`, `begin`, ...), or a
/// call taking it by non-const reference. `memlint check --profile` attributes
/// the allocations profiled at those lines (besides the diagnostic's own line,
/// which gets no note) to the finding. Each line once; none inside macros.
void noteAllocationSites(ClangTidyCheck &Check, const VarDecl &V,
                         const Stmt &Scope, ASTContext &Ctx,
                         SourceLocation DiagLoc);

} // namespace clang::tidy::memlint::utils

#endif // MEMLINT_CHECKS_UTILS_FIXSAVING_H
