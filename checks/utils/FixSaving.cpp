//===--- FixSaving.cpp - the allocations a fix removes, stated ------------===//

#include "FixSaving.h"
#include <algorithm>
#include <limits>

namespace clang::tidy::memlint::utils {

void noteAllocationsRemoved(ClangTidyCheck &Check, SourceLocation Loc,
                            uint64_t N, bool InLoop) {
  if (N == 0)
    return;
  uint64_t Clamped = std::min<uint64_t>(N, std::numeric_limits<int>::max());
  Check.diag(Loc,
             "the fix removes %0 allocation%s0 each time %select{the "
             "declaration|the loop}1 runs",
             DiagnosticIDs::Note)
      << static_cast<unsigned>(Clamped) << InLoop;
}

} // namespace clang::tidy::memlint::utils
