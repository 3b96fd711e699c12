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

} // namespace clang::tidy::memlint::utils

#endif // MEMLINT_CHECKS_UTILS_FIXSAVING_H
