//===--- ReadOnlyUse.cpp - is a variable only read in a scope? -----------===//

#include "ReadOnlyUse.h"
#include "LocalLifetime.h"
#include "UserCodeParents.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::memlint::utils {

llvm::StringRef useKindName(UseKind K) {
  switch (K) {
  case UseKind::Read:
    return "read";
  case UseKind::Copied:
    return "copied";
  case UseKind::Iterated:
    return "iterated";
  case UseKind::Returned:
    return "returned";
  case UseKind::Modified:
    return "modified";
  case UseKind::MovedFrom:
    return "moved from";
  case UseKind::NonConstRef:
    return "bound to a non-const reference";
  case UseKind::AddressEscapes:
    return "captured or has its address taken";
  case UseKind::Unknown:
    return "used in a way the analysis does not follow";
  }
  return "used";
}

bool VarUses::allOf(std::initializer_list<UseKind> Kinds) const {
  return firstNotIn(Kinds) == nullptr;
}

const VarUse *VarUses::firstNotIn(std::initializer_list<UseKind> Kinds) const {
  for (const VarUse &U : Uses)
    if (!llvm::is_contained(Kinds, U.Kind))
      return &U;
  return nullptr;
}

llvm::SmallVector<llvm::StringRef, 8> VarUses::memberCallNames() const {
  llvm::SmallVector<llvm::StringRef, 8> Names;
  for (const VarUse &U : Uses)
    if (U.Method && U.Method->getDeclName().isIdentifier())
      Names.push_back(U.Method->getName());
  return Names;
}

bool isStdMoveLike(const FunctionDecl &FD) {
  if (!FD.isInStdNamespace() || !FD.getDeclName().isIdentifier())
    return false;
  return llvm::is_contained(
      {"move", "forward", "move_if_noexcept", "exchange", "swap", "iter_swap"},
      FD.getName());
}

bool hasConstOverload(const CXXMethodDecl &Method) {
  if (Method.isConst())
    return true;
  const CXXRecordDecl *RD = Method.getParent();
  for (const NamedDecl *ND : RD->lookup(Method.getDeclName())) {
    const auto *Other =
        dyn_cast<CXXMethodDecl>(ND->getUnderlyingDecl()->getAsFunction());
    if (!Other || Other == &Method || !Other->isConst() ||
        Other->getNumParams() != Method.getNumParams() ||
        Other->getRefQualifier() == RQ_RValue)
      continue;
    bool Same = true;
    for (unsigned I = 0, N = Method.getNumParams(); I < N && Same; ++I)
      Same = Method.getASTContext().hasSameType(
          Method.getParamDecl(I)->getType(), Other->getParamDecl(I)->getType());
    if (Same)
      return true;
  }
  return false;
}

namespace {

const Expr *singleParentExpr(const Expr *E, ASTContext &Ctx,
                             DynTypedNode *NodeOut) {
  DynTypedNodeList Parents = parentsOf(Ctx, *E);
  if (Parents.size() != 1)
    return nullptr;
  *NodeOut = Parents[0];
  return Parents[0].get<Expr>();
}

/// Kind of a reference or value binding of an object to a parameter (or
/// variable) of type T. Whole tells the object is the variable itself (not a
/// member of it), so a by-value binding is a copy of the variable.
UseKind bindingKind(QualType T) {
  if (T.isNull())
    return UseKind::Unknown;
  if (const auto *Ref = T->getAs<ReferenceType>()) {
    if (isa<RValueReferenceType>(Ref))
      return UseKind::MovedFrom;
    QualType Pointee = Ref->getPointeeType();
    if (Pointee.isConstQualified() && !Pointee.isVolatileQualified())
      return UseKind::Read;
    return UseKind::NonConstRef;
  }
  if (T->isDependentType())
    return UseKind::Unknown;
  return UseKind::Copied;
}

QualType paramTypeAt(const FunctionDecl *FD, const Expr *CalleeExpr,
                     unsigned Index) {
  if (FD) {
    if (Index < FD->getNumParams())
      return FD->getParamDecl(Index)->getType();
    return {};
  }
  if (!CalleeExpr)
    return {};
  QualType T = CalleeExpr->getType();
  if (const auto *PT = T->getAs<PointerType>())
    T = PT->getPointeeType();
  if (const auto *FPT = T->getAs<FunctionProtoType>())
    if (Index < FPT->getNumParams())
      return FPT->getParamType(Index);
  return {};
}

// The element `*It` (or its member `It->M`) is only read as a value:
// converted to an rvalue, or the object of a const member call.
bool isValueRead(const Expr *Deref, ASTContext &Ctx) {
  DynTypedNode Node;
  const Expr *Up = singleParentExpr(Deref, Ctx, &Node);
  // `It->first.size()`: members of members, then a const call.
  while (isa_and_nonnull<MemberExpr, ParenExpr>(Up))
    Up = singleParentExpr(Up, Ctx, &Node);
  if (const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(Up))
    return MC->getMethodDecl() && MC->getMethodDecl()->isConst();
  const auto *ICE = dyn_cast_or_null<ImplicitCastExpr>(Up);
  return ICE && ICE->getCastKind() == CK_LValueToRValue;
}

// `It == End`, `++It`, `It->Member` or `*It` read as a value.
bool isIteratorRead(const DeclRefExpr *Ref, ASTContext &Ctx) {
  DynTypedNode Node;
  const Expr *Up = singleParentExpr(Ref, Ctx, &Node);
  while (Up && isa<ImplicitCastExpr, ParenExpr>(Up) &&
         Up->getType()->isRecordType())
    Up = singleParentExpr(Up, Ctx, &Node);
  const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(Up);
  if (!Op || Op->getNumArgs() == 0 || Op->getArg(0)->IgnoreImpCasts() != Ref)
    return Op && isComparisonOperator(Op->getOperator());
  switch (Op->getOperator()) {
  case OO_PlusPlus:
  case OO_MinusMinus:
    return true;
  case OO_Arrow:
  case OO_Star:
    return isValueRead(Op, Ctx);
  default:
    return isComparisonOperator(Op->getOperator());
  }
}

// Whether \p VD, an `auto` local initialized by \p Init (an iterator a
// non-const overload returned: `auto It = m.find(k)`), is only compared,
// stepped and read through: with a const object `auto` deduces the
// const iterator, and every such use still compiles and means the same.
bool isReadOnlyIterator(const VarDecl *VD, const Expr *Init, ASTContext &Ctx) {
  if (!VD || !VD->getInit() || VD->getInit()->IgnoreParens() != Init ||
      !VD->getType()->getAs<AutoType>() || !VD->getType()->isRecordType())
    return false;
  const auto *FD = dyn_cast<FunctionDecl>(VD->getDeclContext());
  if (!FD || !FD->getBody())
    return false;
  return llvm::all_of(
      findReferences(*VD, *FD->getBody()),
      [&](const DeclRefExpr *Ref) { return isIteratorRead(Ref, Ctx); });
}

class Classifier {
public:
  explicit Classifier(ASTContext &Ctx) : Ctx(Ctx) {}

  /// E denotes the variable's object (or a subobject when Out.ThroughMember).
  UseKind classify(const Expr *E, VarUse &Out, unsigned Depth = 0) {
    if (Depth > 16)
      return UseKind::Unknown;
    DynTypedNode Node;
    const Expr *P = singleParentExpr(E, Ctx, &Node);
    if (!P)
      return classifyNonExprParent(E, Node, Out);

    if (isa<ParenExpr>(P))
      return classify(P, Out, Depth + 1);

    if (const auto *ICE = dyn_cast<ImplicitCastExpr>(P)) {
      switch (ICE->getCastKind()) {
      case CK_NoOp:
      case CK_DerivedToBase:
      case CK_UncheckedDerivedToBase:
        return classify(P, Out, Depth + 1);
      case CK_LValueToRValue:
        return UseKind::Read;
      case CK_ArrayToPointerDecay:
        // `v.arr[i]` reads or writes an element: follow the subscript.
        if (const auto *ASE = dyn_cast_or_null<ArraySubscriptExpr>(
                singleParentExpr(ICE, Ctx, &Node));
            ASE && ASE->getBase()->IgnoreParens() == ICE) {
          Out.ThroughMember = true;
          return classify(ASE, Out, Depth + 1);
        }
        return UseKind::AddressEscapes;
      default:
        return UseKind::Unknown;
      }
    }

    if (const auto *ME = dyn_cast<MemberExpr>(P)) {
      if (ME->getBase()->IgnoreParens() != E->IgnoreParens() || ME->isArrow())
        return UseKind::Unknown;
      if (isa<FieldDecl>(ME->getMemberDecl())) {
        Out.ThroughMember = true;
        return classify(ME, Out, Depth + 1);
      }
      if (const auto *MD = dyn_cast<CXXMethodDecl>(ME->getMemberDecl())) {
        const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(
            singleParentExpr(ME, Ctx, &Node));
        if (!Call || Call->getCallee()->IgnoreParens() != ME)
          return UseKind::Unknown;
        return classifyMethodCall(Call, MD, Out, Depth);
      }
      if (isa<VarDecl>(ME->getMemberDecl())) // static data member
        return UseKind::Read;
      return UseKind::Unknown;
    }

    if (const auto *OpCall = dyn_cast<CXXOperatorCallExpr>(P)) {
      unsigned Index = 0;
      if (!argIndex(OpCall, E, Index))
        return UseKind::Unknown;
      const FunctionDecl *FD = OpCall->getDirectCallee();
      if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
          MD && !MD->isStatic() && !MD->isExplicitObjectMemberFunction()) {
        if (Index == 0)
          return classifyMethodCall(OpCall, MD, Out, Depth);
        return classifyArgument(OpCall, FD, Index - 1, Index, Out);
      }
      return classifyArgument(OpCall, FD, Index, Index, Out);
    }

    if (const auto *Call = dyn_cast<CallExpr>(P)) {
      unsigned Index = 0;
      if (!argIndex(Call, E, Index))
        return UseKind::Unknown; // the callee itself (a functor variable)
      const FunctionDecl *FD = Call->getDirectCallee();
      if (FD && isStdMoveLike(*FD))
        return FD->getName() == "swap" || FD->getName() == "iter_swap" ||
                       FD->getName() == "exchange"
                   ? UseKind::Modified
                   : UseKind::MovedFrom;
      if (!FD && Call->getCallee()->isTypeDependent())
        return UseKind::Unknown;
      return classifyArgument(Call, FD, Index, Index, Out);
    }

    if (const auto *Construct = dyn_cast<CXXConstructExpr>(P)) {
      unsigned Index = 0;
      if (!argIndex(Construct, E, Index))
        return UseKind::Unknown;
      const CXXConstructorDecl *Ctor = Construct->getConstructor();
      if (Ctor->isCopyConstructor())
        return Out.ThroughMember ? UseKind::Read : UseKind::Copied;
      if (Ctor->isMoveConstructor())
        return UseKind::MovedFrom;
      // Another constructor: as a call. Aggregate-like parenthesised
      // initialisation and inherited constructors are not special.
      UseKind K = bindingKind(paramTypeAt(Ctor, nullptr, Index));
      Out.Callee = Ctor;
      Out.CallSite = Construct;
      Out.ArgIndex = Index;
      return K == UseKind::Copied && Out.ThroughMember ? UseKind::Read : K;
    }

    if (const auto *UO = dyn_cast<UnaryOperator>(P)) {
      if (UO->isIncrementDecrementOp())
        return UseKind::Modified;
      if (UO->getOpcode() == UO_AddrOf)
        return UseKind::AddressEscapes;
      return UseKind::Unknown;
    }

    if (const auto *BO = dyn_cast<BinaryOperator>(P)) {
      if (BO->isAssignmentOp())
        return BO->getLHS()->IgnoreParens() == E->IgnoreParens()
                   ? UseKind::Modified
                   : UseKind::Read;
      if (BO->getOpcode() == BO_Comma)
        return BO->getLHS()->IgnoreParens() == E->IgnoreParens()
                   ? UseKind::Read
                   : classify(BO, Out, Depth + 1);
      return UseKind::Unknown;
    }

    if (const auto *CO = dyn_cast<ConditionalOperator>(P)) {
      if (CO->getCond()->IgnoreParens() == E->IgnoreParens())
        return UseKind::Unknown;
      if (!CO->isGLValue())
        return UseKind::Unknown;
      return classify(CO, Out, Depth + 1);
    }

    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(P)) {
      if (ASE->getBase()->IgnoreParens() == E->IgnoreParens())
        return classify(ASE, Out, Depth + 1);
      return UseKind::Read; // used as the index
    }

    if (isa<UnaryExprOrTypeTraitExpr>(P) || isa<CXXTypeidExpr>(P))
      return UseKind::Read;

    if (isa<CXXThrowExpr>(P))
      return Out.ThroughMember ? UseKind::Read : UseKind::Copied;

    if (isa<LambdaExpr>(P))
      return UseKind::AddressEscapes;

    return UseKind::Unknown;
  }

private:
  ASTContext &Ctx;

  template <typename CallT>
  static bool argIndex(const CallT *Call, const Expr *E, unsigned &Index) {
    const Expr *Stripped = E->IgnoreParens();
    for (unsigned I = 0, N = Call->getNumArgs(); I < N; ++I)
      if (Call->getArg(I)->IgnoreParens() == Stripped) {
        Index = I;
        return true;
      }
    return false;
  }

  UseKind classifyArgument(const CallExpr *Call, const FunctionDecl *FD,
                           unsigned ParamIndex, unsigned ArgIndex,
                           VarUse &Out) {
    QualType PT = paramTypeAt(FD, Call->getCallee(), ParamIndex);
    if (PT.isNull())
      return UseKind::Unknown; // variadic or not resolved
    Out.Callee = FD;
    Out.CallSite = Call;
    Out.ArgIndex = ArgIndex;
    UseKind K = bindingKind(PT);
    if (K == UseKind::Copied && Out.ThroughMember)
      return UseKind::Read;
    return K;
  }

  /// The variable (or a member of it) is the object of a call to MD.
  UseKind classifyMethodCall(const CallExpr *Call, const CXXMethodDecl *MD,
                             VarUse &Out, unsigned Depth) {
    if (!Out.ThroughMember) {
      Out.MemberCall = Call;
      Out.Method = MD;
    }
    if (MD->getRefQualifier() == RQ_RValue)
      return UseKind::MovedFrom;
    if (MD->isConst() || MD->isStatic())
      return UseKind::Read;
    if (!hasConstOverload(*MD))
      return UseKind::Modified;
    // A non-const overload was picked only because the object is not const
    // (`s[i]`, `v.begin()`): with a const object the const one would be
    // chosen. That is a read when the result is only read.
    QualType Ret = MD->getReturnType();
    if (Ret->isLValueReferenceType()) {
      VarUse Inner = Out;
      Inner.ThroughMember = true;
      UseKind K = classify(Call, Inner, Depth + 1);
      return K == UseKind::Read || K == UseKind::Iterated ? UseKind::Read
                                                          : UseKind::Modified;
    }
    if (!Ret->isRecordType() && !Ret->isPointerType() &&
        !Ret->isReferenceType())
      return UseKind::Read;
    // Iterators and pointers: only a comparison (`m.find(k) != m.end()`)
    // is known not to write through them.
    DynTypedNode Node;
    const Expr *P = Call;
    while (true) {
      const Expr *Up = singleParentExpr(P, Ctx, &Node);
      if (!Up)
        return isReadOnlyIterator(Node.get<VarDecl>(), P, Ctx)
                   ? UseKind::Read
                   : UseKind::Modified;
      // `puts(s.data())`: the pointer is converted to pointer-to-const.
      if (const auto *ICE = dyn_cast<ImplicitCastExpr>(Up);
          ICE && ICE->getCastKind() == CK_NoOp &&
          ICE->getType()->isPointerType() &&
          ICE->getType()->getPointeeType().isConstQualified())
        return UseKind::Read;
      if (isa<ParenExpr, ImplicitCastExpr, MaterializeTemporaryExpr,
              CXXBindTemporaryExpr, ExprWithCleanups>(Up) ||
          (isa<CXXConstructExpr>(Up) &&
           cast<CXXConstructExpr>(Up)->getNumArgs() == 1 &&
           (cast<CXXConstructExpr>(Up)
                ->getConstructor()
                ->isCopyOrMoveConstructor() ||
            cast<CXXConstructExpr>(Up)
                ->getConstructor()
                ->isConvertingConstructor(false)))) {
        P = Up;
        continue;
      }
      if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Up))
        return isComparisonOperator(Op->getOperator()) ? UseKind::Read
                                                       : UseKind::Modified;
      if (const auto *BO = dyn_cast<BinaryOperator>(Up))
        return BO->isComparisonOp() ? UseKind::Read : UseKind::Modified;
      return UseKind::Modified;
    }
  }

  UseKind classifyNonExprParent(const Expr *E, const DynTypedNode &Node,
                                VarUse &Out) {
    if (const auto *VD = Node.get<VarDecl>()) {
      if (VD->getInit() && VD->getInit()->IgnoreParens() == E->IgnoreParens()) {
        // The range of a range-for: `for (x : v)` is `auto &&__range = v`.
        if (VD->isImplicit())
          if (const CXXForRangeStmt *For = rangeForOf(VD))
            return classifyRangeFor(For);
        UseKind K = bindingKind(VD->getType());
        if (K == UseKind::Copied)
          return UseKind::Unknown; // scalar member copy etc.: not a copy ctor
        return K;
      }
      return UseKind::Unknown;
    }
    if (const auto *S = Node.get<Stmt>()) {
      if (isa<ReturnStmt>(S))
        return Out.ThroughMember ? UseKind::Read : UseKind::Returned;
      if (isa<CompoundStmt>(S))
        return UseKind::Read; // discarded value
      return UseKind::Unknown;
    }
    return UseKind::Unknown; // e.g. decltype(v) inside a TypeLoc
  }

  const CXXForRangeStmt *rangeForOf(const VarDecl *RangeVar) {
    for (const DynTypedNode &DS : parentsOf(Ctx, *RangeVar))
      if (const auto *Decl = DS.get<DeclStmt>())
        for (const DynTypedNode &F : parentsOf(Ctx, *Decl))
          if (const auto *For = F.get<CXXForRangeStmt>())
            if (For->getRangeStmt() == Decl)
              return For;
    return nullptr;
  }

  static UseKind classifyRangeFor(const CXXForRangeStmt *For) {
    const VarDecl *Loop = For->getLoopVariable();
    QualType T = Loop->getType();
    if (T->isDependentType())
      return UseKind::Unknown;
    if (const auto *Ref = T->getAs<ReferenceType>()) {
      QualType Pointee = Ref->getPointeeType();
      if (Pointee.isConstQualified())
        return UseKind::Iterated;
      // `auto&&` over a container of values deduces a non-const lvalue
      // reference: a write is possible.
      return UseKind::NonConstRef;
    }
    return UseKind::Iterated;
  }
};

class UseCollector : public RecursiveASTVisitor<UseCollector> {
public:
  UseCollector(llvm::ArrayRef<const VarDecl *> Vars, ASTContext &Ctx,
               llvm::DenseMap<const VarDecl *, VarUses> &Result)
      : Vars(Vars), Ctx(Ctx), Result(Result) {}

  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitImplicitCode() const { return true; }

  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD || !llvm::is_contained(Vars, VD->getCanonicalDecl()))
      return true;
    Result[VD->getCanonicalDecl()].Uses.push_back(classifyUse(*DRE, Ctx));
    return true;
  }

private:
  llvm::ArrayRef<const VarDecl *> Vars;
  ASTContext &Ctx;
  llvm::DenseMap<const VarDecl *, VarUses> &Result;
};

} // namespace

VarUse classifyObjectUse(const Expr &E, ASTContext &Ctx) {
  VarUse Use;
  Use.Kind = Classifier(Ctx).classify(&E, Use);
  return Use;
}

VarUse classifyUse(const DeclRefExpr &Ref, ASTContext &Ctx) {
  VarUse Use;
  Use.Ref = &Ref;
  if (Ref.refersToEnclosingVariableOrCapture()) {
    // Inside a lambda or block: the closure may be stored, run later or
    // capture by reference. Do not follow.
    Use.Kind = UseKind::AddressEscapes;
    return Use;
  }
  if (Ref.isTypeDependent() || Ref.isValueDependent()) {
    Use.Kind = UseKind::Unknown;
    return Use;
  }
  Use.Kind = Classifier(Ctx).classify(&Ref, Use);
  return Use;
}

llvm::DenseMap<const VarDecl *, VarUses>
analyzeVarsUses(llvm::ArrayRef<const VarDecl *> Vars, const Stmt &Scope,
                ASTContext &Ctx) {
  llvm::SmallVector<const VarDecl *, 4> Canon;
  for (const VarDecl *V : Vars)
    Canon.push_back(V->getCanonicalDecl());
  llvm::DenseMap<const VarDecl *, VarUses> Result;
  for (const VarDecl *V : Canon)
    Result[V];
  UseCollector(Canon, Ctx, Result).TraverseStmt(const_cast<Stmt *>(&Scope));
  // Keys by the decls the caller passed.
  llvm::DenseMap<const VarDecl *, VarUses> Out;
  for (const VarDecl *V : Vars)
    Out[V] = Result[V->getCanonicalDecl()];
  return Out;
}

VarUses analyzeVarUses(const VarDecl &Var, const Stmt &Scope, ASTContext &Ctx) {
  const VarDecl *V = &Var;
  return std::move(analyzeVarsUses(V, Scope, Ctx)[V]);
}

bool isComparisonOperator(OverloadedOperatorKind K) {
  switch (K) {
  case OO_EqualEqual:
  case OO_ExclaimEqual:
  case OO_Less:
  case OO_LessEqual:
  case OO_Greater:
  case OO_GreaterEqual:
  case OO_Spaceship:
    return true;
  default:
    return false;
  }
}

} // namespace clang::tidy::memlint::utils
