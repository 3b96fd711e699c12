//===--- MoveCost.cpp - is moving a type cheaper than copying it? ---------===//

#include "MoveCost.h"
#include "clang/AST/DeclCXX.h"

namespace clang::tidy::memlint::utils {

namespace {

MoveCost moveCostAt(QualType T, MoveOp Op, unsigned Depth);

/// A defaulted move moves each base and member: it is cheaper than the copy
/// when one of them is.
MoveCost memberwise(const CXXRecordDecl &RD, MoveOp Op, unsigned Depth) {
  for (const CXXBaseSpecifier &B : RD.bases())
    if (moveCostAt(B.getType(), Op, Depth + 1) == MoveCost::Cheaper)
      return MoveCost::Cheaper;
  for (const FieldDecl *F : RD.fields()) {
    QualType FT = F->getType();
    if (FT->isReferenceType())
      continue;
    while (const ArrayType *AT = FT->getAsArrayTypeUnsafe())
      FT = AT->getElementType();
    if (moveCostAt(FT, Op, Depth + 1) == MoveCost::Cheaper)
      return MoveCost::Cheaper;
  }
  return MoveCost::SameAsCopy;
}

MoveCost moveCostAt(QualType T, MoveOp Op, unsigned Depth) {
  if (T.isNull() || Depth > 8)
    return MoveCost::SameAsCopy;
  const CXXRecordDecl *RD = T.getCanonicalType()->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return MoveCost::SameAsCopy;
  RD = RD->getDefinition();
  const CXXMethodDecl *Declared = nullptr;
  if (Op == MoveOp::Construct) {
    for (const CXXConstructorDecl *C : RD->ctors())
      if (C->isMoveConstructor() && !C->getParamDecl(0)
                                         ->getType()
                                         .getNonReferenceType()
                                         .isVolatileQualified())
        Declared = C;
  } else {
    for (const CXXMethodDecl *M : RD->methods())
      if (M->isMoveAssignmentOperator())
        Declared = M;
  }
  if (Declared) {
    if (Declared->isDeleted())
      return MoveCost::Deleted;
    if (Declared->isUserProvided())
      return MoveCost::Cheaper;
    return memberwise(*RD, Op, Depth);
  }
  bool Implicit = Op == MoveOp::Construct ? RD->needsImplicitMoveConstructor()
                                          : RD->needsImplicitMoveAssignment();
  // No implicit move (a user-declared copy or destructor suppresses it):
  // std::move selects the copy.
  return Implicit ? memberwise(*RD, Op, Depth) : MoveCost::SameAsCopy;
}

} // namespace

MoveCost moveCost(QualType T, MoveOp Op) { return moveCostAt(T, Op, 0); }

} // namespace clang::tidy::memlint::utils
