//===--- LocalCopy.cpp - could this local copy be a const reference? ------===//

#include "LocalCopy.h"
#include "StringViewUse.h"
#include "UserCodeParents.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::memlint::utils {

namespace {

bool isStdOwningContainer(QualType T) {
  for (StringRef N : {"vector", "deque", "array", "map", "multimap",
                      "unordered_map", "unordered_multimap", "list",
                      "forward_list", "optional", "basic_string"})
    if (stdSpecialization(T, N))
      return true;
  return false;
}

const FunctionDecl *enclosingFunction(const VarDecl *VD) {
  return dyn_cast<FunctionDecl>(VD->getDeclContext());
}

SourceLocation fileLoc(SourceLocation L, const SourceManager &SM) {
  return SM.getExpansionLoc(L);
}

bool inRange(SourceLocation L, SourceLocation After, SourceLocation Before,
             const SourceManager &SM) {
  L = fileLoc(L, SM);
  return SM.isBeforeInTranslationUnit(After, L) &&
         SM.isBeforeInTranslationUnit(L, Before);
}

// The owning standard container whose element or member reference the
// call returns (`v.at(i)`, `v[i]`, `*opt`, `v.front()`), or null.
const Expr *containerOfElementAccess(const CallExpr &Call) {
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Call.getDirectCallee());
  if (!MD || MD->isStatic() || !MD->getReturnType()->isLValueReferenceType())
    return nullptr;
  const Expr *Obj = nullptr;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(&Call)) {
    const auto *ME = dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens());
    if (!ME || ME->isArrow())
      return nullptr;
    Obj = MC->getImplicitObjectArgument();
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Call)) {
    if (Op->getOperator() != OO_Subscript && Op->getOperator() != OO_Star)
      return nullptr;
    Obj = Op->getArg(0);
  }
  return Obj && isStdOwningContainer(Obj->getType()) ? Obj : nullptr;
}

} // namespace

const CXXConstructExpr *copyFromLValue(const Expr *Init, const Expr *&Source) {
  if (!Init)
    return nullptr;
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(Init))
    Init = EWC->getSubExpr();
  const auto *CE = dyn_cast<CXXConstructExpr>(Init->IgnoreParens());
  if (!CE || CE->getNumArgs() != 1 ||
      !CE->getConstructor()->isCopyConstructor())
    return nullptr;
  const Expr *Arg = CE->getArg(0);
  // Only const-adding conversions; a derived-to-base copy slices and a
  // reference to the base would keep dispatching to the derived type.
  while (const auto *ICE = dyn_cast<ImplicitCastExpr>(Arg->IgnoreParens())) {
    if (ICE->getCastKind() != CK_NoOp)
      return nullptr;
    Arg = ICE->getSubExpr();
  }
  Arg = Arg->IgnoreParens();
  if (!Arg->isLValue() || isa<MaterializeTemporaryExpr>(Arg))
    return nullptr;
  Source = Arg;
  return CE;
}

const VarDecl *owningLocal(const Expr *E) {
  for (int Depth = 0; Depth < 16; ++Depth) {
    E = E->IgnoreParens();
    if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E)) {
      if (ICE->getCastKind() != CK_NoOp &&
          ICE->getCastKind() != CK_ArrayToPointerDecay)
        return nullptr;
      E = ICE->getSubExpr();
      continue;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
      if (ME->isArrow() || !FD || FD->getType()->isReferenceType())
        return nullptr;
      E = ME->getBase();
      continue;
    }
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      const Expr *Base = ASE->getBase()->IgnoreParens();
      const auto *Decay = dyn_cast<ImplicitCastExpr>(Base);
      if (!Decay || Decay->getCastKind() != CK_ArrayToPointerDecay)
        return nullptr;
      E = Decay->getSubExpr();
      continue;
    }
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      E = containerOfElementAccess(*Call);
      if (!E)
        return nullptr;
      continue;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      if (!VD || !VD->hasLocalStorage() || VD->getType()->isReferenceType() ||
          DRE->refersToEnclosingVariableOrCapture())
        return nullptr;
      return VD;
    }
    return nullptr;
  }
  return nullptr;
}

std::optional<LocalCopy> readOnlyCopyOfStableLocal(const VarDecl &VD,
                                                   ASTContext &Ctx) {
  const Expr *Source = nullptr;
  if (!copyFromLValue(VD.getInit(), Source))
    return std::nullopt;
  if (!Ctx.hasSameUnqualifiedType(VD.getType(), Source->getType()))
    return std::nullopt;

  DynTypedNodeList P1 = parentsOf(Ctx, VD);
  const auto *DS = P1.size() == 1 ? P1[0].get<DeclStmt>() : nullptr;
  if (!DS || !DS->isSingleDecl())
    return std::nullopt;
  DynTypedNodeList P2 = parentsOf(Ctx, *DS);
  const auto *Block = P2.size() == 1 ? P2[0].get<CompoundStmt>() : nullptr;
  if (!Block)
    return std::nullopt;

  // The copy itself: only read in its scope.
  VarUses Uses = analyzeVarUses(VD, *Block, Ctx);
  if (!Uses.onlyRead())
    return std::nullopt;

  // The source: a local that owns the object, not modified while the copy
  // lives, and never aliased (no pointer or non-const reference to it that
  // some call could write through).
  const VarDecl *Root = owningLocal(Source);
  const FunctionDecl *Fn = Root ? enclosingFunction(Root) : nullptr;
  if (!Root || !Fn || Fn != enclosingFunction(&VD) || !Fn->getBody() ||
      (isa<ParmVarDecl>(Root) && isa<CXXConstructorDecl>(Fn)))
    return std::nullopt;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation LifeBegin = fileLoc(DS->getEndLoc(), SM);
  SourceLocation LifeEnd = fileLoc(Block->getRBracLoc(), SM);
  for (const VarUse &U : analyzeVarUses(*Root, *Fn->getBody(), Ctx).Uses) {
    if (inRange(U.Ref->getBeginLoc(), LifeBegin, LifeEnd, SM)) {
      if (U.Kind != UseKind::Read && U.Kind != UseKind::Iterated &&
          U.Kind != UseKind::Copied)
        return std::nullopt;
    } else if (U.Kind == UseKind::NonConstRef ||
               U.Kind == UseKind::AddressEscapes ||
               U.Kind == UseKind::Unknown) {
      return std::nullopt;
    }
  }

  return LocalCopy{DS, Block, std::move(Uses)};
}

} // namespace clang::tidy::memlint::utils
