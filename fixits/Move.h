//===--- Move.h - turn an lvalue into std::move(lvalue) ---------*- C++ -*-===//

#ifndef MEMLINT_FIXITS_MOVE_H
#define MEMLINT_FIXITS_MOVE_H

#include "clang-tidy/utils/IncludeInserter.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include <vector>

namespace clang::tidy::memlint::fixits {

/// The edits that wrap \p E in `std::move(...)` and include <utility> in
/// the file that spells \p E. Empty when \p E begins or ends inside a macro
/// expansion.
std::vector<FixItHint> wrapInStdMove(const Expr &E,
                                     tidy::utils::IncludeInserter &Inserter,
                                     const SourceManager &SM,
                                     const LangOptions &LO);

} // namespace clang::tidy::memlint::fixits

#endif // MEMLINT_FIXITS_MOVE_H
