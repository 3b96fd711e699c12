//===--- ValueWrappers.h - the expression under value wrappers --*- C++ -*-===//
//
// Which expression builds this value? An initializer or argument as the AST
// holds it is wrapped in nodes that do not change the value: cleanups,
// temporaries' bindings and materializations, parentheses and some casts.
// skipValueWrappers strips them; the two CastsSkipped sets are the two
// answers the checks rely on (they differ on explicit casts, which decide
// whether an argument is an xvalue).
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_UTILS_VALUEWRAPPERS_H
#define MEMLINT_CHECKS_UTILS_VALUEWRAPPERS_H

#include "clang/AST/Expr.h"

namespace clang::tidy::memlint::utils {

enum class CastsSkipped {
  /// Implicit no-op and converting-constructor casts, and `T(x)` converting
  /// by constructor: what the AST adds around a construction as written. An
  /// explicit `static_cast<T &&>(x)` stays, so an xvalue still looks like
  /// one (allocation-in-loop: "the allocation happens elsewhere").
  Implicit,
  /// Every no-op or converting-constructor cast, explicit or not, and
  /// array-to-pointer decay: which literal or construction a value comes
  /// from, however it is spelled (AllocationBehaviour).
  ValuePreserving,
};

/// \p E without the FullExpr, CXXBindTemporaryExpr, MaterializeTemporaryExpr
/// and ParenExpr nodes around it, nor the casts of \p Casts. Null stays null.
const Expr *skipValueWrappers(const Expr *E, CastsSkipped Casts);

/// The type of the value \p T refers to or holds: no reference, no
/// cv-qualifiers, no sugar. Two expressions of one value type hold the same
/// kind of object however their types are spelled.
inline QualType valueType(QualType T) {
  return T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
}

} // namespace clang::tidy::memlint::utils

#endif
