//===--- ValueWrappers.cpp - the expression under value wrappers ----------===//

#include "ValueWrappers.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::memlint::utils {

namespace {

bool isSkippedCast(const CastExpr &C, CastsSkipped Casts) {
  CastKind K = C.getCastKind();
  if (Casts == CastsSkipped::ValuePreserving)
    return K == CK_NoOp || K == CK_ConstructorConversion ||
           K == CK_ArrayToPointerDecay;
  if (isa<ImplicitCastExpr>(C))
    return K == CK_NoOp || K == CK_ConstructorConversion;
  return isa<CXXFunctionalCastExpr>(C) && K == CK_ConstructorConversion;
}

} // namespace

const Expr *skipValueWrappers(const Expr *E, CastsSkipped Casts) {
  while (E) {
    if (const auto *FE = dyn_cast<FullExpr>(E))
      E = FE->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    else if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (const auto *P = dyn_cast<ParenExpr>(E))
      E = P->getSubExpr();
    else if (const auto *C = dyn_cast<CastExpr>(E);
             C && isSkippedCast(*C, Casts))
      E = C->getSubExpr();
    else
      break;
  }
  return E;
}

} // namespace clang::tidy::memlint::utils
