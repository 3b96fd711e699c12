//===--- SinkCall.cpp - does a call copy an lvalue it could move from? ----===//

#include "SinkCall.h"
#include "LocalLifetime.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::memlint::utils {

namespace {

QualType plain(QualType T) {
  return T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
}

/// Whether \p Param of a function template specialization is a forwarding
/// reference in the template (`Args&&...`, `P&&`).
bool isForwardingParam(const ParmVarDecl &Param) {
  const auto *FD = dyn_cast<FunctionDecl>(Param.getDeclContext());
  const FunctionDecl *Pattern =
      FD ? FD->getTemplateInstantiationPattern() : nullptr;
  if (!Pattern)
    return false;
  unsigned Index = Param.getFunctionScopeIndex();
  const ParmVarDecl *P = nullptr;
  if (Index < Pattern->getNumParams() &&
      !Pattern->getParamDecl(Index)->isParameterPack())
    P = Pattern->getParamDecl(Index);
  else
    for (const ParmVarDecl *Q : Pattern->parameters())
      if (Q->isParameterPack())
        P = Q;
  if (!P)
    return false;
  QualType T = P->getType();
  if (const auto *PE = T->getAs<PackExpansionType>())
    T = PE->getPattern();
  const auto *RR = T->getAs<RValueReferenceType>();
  return RR && !RR->getPointeeType().hasQualifiers() &&
         RR->getPointeeType()->getAs<TemplateTypeParmType>();
}

/// Whether \p Other is \p Base with parameter \p Index an rvalue reference
/// to what \p Base's lvalue reference there refers to.
bool isRvalueTwin(const FunctionDecl &Base, const FunctionDecl &Other,
                  unsigned Index) {
  if (&Other == &Base || Other.getNumParams() != Base.getNumParams() ||
      Index >= Base.getNumParams())
    return false;
  for (unsigned I = 0; I < Base.getNumParams(); ++I) {
    QualType A = Base.getParamDecl(I)->getType();
    QualType B = Other.getParamDecl(I)->getType();
    if (I != Index ? A.getCanonicalType() != B.getCanonicalType()
                   : !B->isRValueReferenceType() || plain(A) != plain(B))
      return false;
  }
  return true;
}

} // namespace

bool takesRvalueToo(const CXXMethodDecl &MD, const ParmVarDecl &Param) {
  if (isForwardingParam(Param))
    return true;
  const FunctionDecl *Base = &MD;
  if (const FunctionTemplateDecl *Primary = MD.getPrimaryTemplate())
    Base = Primary->getTemplatedDecl();
  unsigned Index = Param.getFunctionScopeIndex();
  for (const NamedDecl *ND : MD.getParent()->lookup(MD.getDeclName()))
    if (const FunctionDecl *Other = ND->getAsFunction())
      if (isRvalueTwin(*Base, *Other, Index))
        return true;
  return false;
}

bool isSinkArgument(const VarUse &Use, QualType VarType,
                    llvm::ArrayRef<llvm::StringRef> SinkMethods) {
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Use.Callee);
  // In a member call the argument index is the parameter's (not so in a
  // member operator call, whose first argument is the object).
  if (!MD || !isa_and_nonnull<CXXMemberCallExpr>(Use.CallSite) ||
      Use.ArgIndex >= MD->getNumParams() || !MD->getIdentifier() ||
      !llvm::is_contained(SinkMethods, MD->getName()))
    return false;
  const ParmVarDecl &Param = *MD->getParamDecl(Use.ArgIndex);
  return Param.getType()->isLValueReferenceType() &&
         plain(Param.getType()) == plain(VarType) && takesRvalueToo(*MD, Param);
}

bool isCopyAssignedFrom(const VarUse &Use) {
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Use.Callee);
  const auto *Call = dyn_cast_or_null<CXXOperatorCallExpr>(Use.CallSite);
  if (!MD || !MD->isCopyAssignmentOperator() || !Call || Use.ArgIndex != 1 ||
      Use.ThroughMember || !Use.Ref)
    return false;
  const auto *Lhs =
      dyn_cast<DeclRefExpr>(Call->getArg(0)->IgnoreParenImpCasts());
  return !Lhs || Lhs->getDecl() != Use.Ref->getDecl();
}

bool movableAt(const VarDecl &VD, const DeclRefExpr &Site,
               const FunctionFlow &Flow, ASTContext &Ctx) {
  bool CrossesLambda = false;
  if (const Stmt *Loop = enclosingLoopOfBody(Site, Ctx, &CrossesLambda)) {
    const SourceManager &SM = Ctx.getSourceManager();
    if (CrossesLambda ||
        !SM.isPointWithin(VD.getLocation(), Loop->getBeginLoc(),
                          Loop->getEndLoc()))
      return false;
  }
  return !Flow.capturedByReference(VD) && !Flow.mentionedInHandler(VD) &&
         Flow.isLastUse(VD, Site) && !Flow.aliasMayOutlive(VD, Site, Ctx);
}

} // namespace clang::tidy::memlint::utils
