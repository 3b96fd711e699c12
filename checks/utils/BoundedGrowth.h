//===--- BoundedGrowth.h - how often a statement can run --------*- C++ -*-===//
//
// Upper bounds on how many times a statement executes: constant loop trip
// counts and their products over nested loops. Used to bound how many
// elements a container can ever hold.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_UTILS_BOUNDEDGROWTH_H
#define MEMLINT_CHECKS_UTILS_BOUNDEDGROWTH_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"

#include <cstdint>
#include <optional>

namespace clang::tidy::memlint::utils {

/// An upper bound on the iterations of \p Loop when it is a counted loop
/// with constant bounds (`for (int i = A; i < B; ++i)` with `<`, `<=`, `!=`,
/// `++`/`+= c`, the counter only read in the body) or a range-for over a
/// constant-size array, a std::array or a braced list; nullopt otherwise
/// (while, do, other loops). `break`/`continue` only lower the count.
std::optional<uint64_t> constantTripCount(const Stmt *Loop, ASTContext &Ctx);

/// An upper bound on how many times \p S runs each time its ancestor
/// \p Scope runs: the product of the trip counts of the loops between them.
/// nullopt when a loop between them has no constant trip count, when \p S is
/// in a lambda or block between them, or when \p Scope is not an ancestor.
/// Does not consider goto (callers reject functions with labels).
std::optional<uint64_t> maxExecutionsWithin(const Stmt *S, const Stmt *Scope,
                                            ASTContext &Ctx);

} // namespace clang::tidy::memlint::utils

#endif // MEMLINT_CHECKS_UTILS_BOUNDEDGROWTH_H
