//===--- SinkCall.cpp - does a call copy an lvalue it could move from? ----===//

#include "SinkCall.h"
#include "LocalLifetime.h"
#include "MoveCost.h"
#include "ValueWrappers.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::memlint::utils {

namespace {

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
    if (I != Index
            ? A.getCanonicalType() != B.getCanonicalType()
            : !B->isRValueReferenceType() || valueType(A) != valueType(B))
      return false;
  }
  return true;
}

} // namespace

bool takesRvalueToo(const FunctionDecl &FD, const ParmVarDecl &Param) {
  if (isForwardingParam(Param))
    return true;
  const FunctionDecl *Base = &FD;
  if (const FunctionTemplateDecl *Primary = FD.getPrimaryTemplate())
    Base = Primary->getTemplatedDecl();
  unsigned Index = Param.getFunctionScopeIndex();
  for (const NamedDecl *ND : FD.getDeclContext()->lookup(FD.getDeclName()))
    if (const FunctionDecl *Other = ND->getAsFunction())
      if (isRvalueTwin(*Base, *Other, Index))
        return true;
  return false;
}

bool isNamedFunction(const FunctionDecl &FD, llvm::StringRef QualifiedName) {
  QualifiedName.consume_front("::");
  if (QualifiedName.consume_front("std::"))
    return FD.isInStdNamespace() && FD.getIdentifier() &&
           FD.getName() == QualifiedName;
  return FD.getQualifiedNameAsString() == QualifiedName;
}

/// The sink \p Use's callee is, if any: a named method called as a member
/// call (whose argument index is the parameter's, not so in a member
/// operator call), or a named free function.
static const FunctionDecl *sinkCallee(const VarUse &Use,
                                      const SinkNames &Sinks) {
  const FunctionDecl *FD = Use.Callee;
  if (!FD || !FD->getIdentifier() || Use.ArgIndex >= FD->getNumParams())
    return nullptr;
  if (isa<CXXMethodDecl>(FD))
    return isa_and_nonnull<CXXMemberCallExpr>(Use.CallSite) &&
                   llvm::is_contained(Sinks.Methods, FD->getName())
               ? FD
               : nullptr;
  return llvm::any_of(
             Sinks.Functions,
             [&](llvm::StringRef N) { return isNamedFunction(*FD, N); })
             ? FD
             : nullptr;
}

bool isSinkArgument(const VarUse &Use, QualType VarType,
                    const SinkNames &Sinks) {
  const FunctionDecl *FD = sinkCallee(Use, Sinks);
  if (!FD)
    return false;
  const ParmVarDecl &Param = *FD->getParamDecl(Use.ArgIndex);
  return Param.getType()->isLValueReferenceType() &&
         valueType(Param.getType()) == valueType(VarType) &&
         takesRvalueToo(*FD, Param);
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

bool movedIntoSinkAtLastUse(const VarDecl &Var, const VarUses &Uses,
                            const SinkNames &Sinks, ASTContext &Ctx) {
  QualType T = Var.getType();
  // copy-at-last-use never moves a const or volatile object.
  if ((Sinks.Methods.empty() && Sinks.Functions.empty()) ||
      T.isConstQualified() || T.isVolatileQualified() ||
      T.isTriviallyCopyableType(Ctx))
    return false;
  const auto *FD =
      dyn_cast_or_null<FunctionDecl>(Var.getParentFunctionOrMethod());
  std::unique_ptr<FunctionFlow> Flow;
  for (const VarUse &U : Uses.Uses) {
    if (!U.Ref || U.Ref->getBeginLoc().isMacroID() ||
        U.Ref->refersToEnclosingVariableOrCapture())
      continue;
    // The move copy-at-last-use would write, and whether it is cheaper.
    MoveOp Op = MoveOp::Construct;
    if (isCopyAssignedFrom(U))
      Op = MoveOp::Assign;
    else if (!isSinkArgument(U, T, Sinks))
      continue;
    if (moveCost(T, Op) != MoveCost::Cheaper)
      continue;
    if (!Flow && FD)
      Flow = FunctionFlow::build(*FD, Ctx);
    if (Flow && movableAt(Var, *U.Ref, *Flow, Ctx))
      return true;
  }
  return false;
}

} // namespace clang::tidy::memlint::utils
