//===--- MoveCost.h - is moving a type cheaper than copying it? -*- C++ -*-===//
//
// Whether `std::move` on an object of a type saves anything: the move that
// overload resolution would pick exists, is not deleted, and does less than
// the copy (it is user-provided, or it is defaulted and moves some base or
// member that is itself cheaper to move).
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_UTILS_MOVECOST_H
#define MEMLINT_CHECKS_UTILS_MOVECOST_H

#include "clang/AST/Type.h"

namespace clang::tidy::memlint::utils {

enum class MoveOp { Construct, Assign };

enum class MoveCost {
  Cheaper,    ///< the move constructor (assignment) does less than the copy
  SameAsCopy, ///< no move, or a defaulted move that copies every member:
              ///< std::move compiles and changes nothing
  Deleted,    ///< a declared move is deleted: std::move would not compile
};

/// How moving an object of class type \p T (by construction or assignment)
/// compares with copying it. Not a class, or an incomplete one: SameAsCopy.
MoveCost moveCost(QualType T, MoveOp Op);

} // namespace clang::tidy::memlint::utils

#endif // MEMLINT_CHECKS_UTILS_MOVECOST_H
