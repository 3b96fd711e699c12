//===--- BoundedGrowth.cpp - how often a statement can run ----------------===//

#include "BoundedGrowth.h"
#include "UserCodeParents.h"

#include "LocalUses.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::memlint::utils {

namespace {

const uint64_t Saturated = uint64_t(1) << 40;

uint64_t mulSat(uint64_t A, uint64_t B) {
  if (A == 0 || B == 0)
    return 0;
  if (A > Saturated / B)
    return Saturated;
  return A * B;
}

const VarDecl *refVar(const Expr *E) {
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
    return dyn_cast<VarDecl>(DRE->getDecl());
  return nullptr;
}

std::optional<int64_t> intConstant(const Expr *E, ASTContext &Ctx) {
  if (E->isValueDependent())
    return std::nullopt;
  std::optional<llvm::APSInt> V =
      E->IgnoreParenImpCasts()->getIntegerConstantExpr(Ctx);
  if (!V || V->getSignificantBits() > 48)
    return std::nullopt;
  return V->getExtValue();
}

// Every reference to the counter in the body is a plain read.
class CounterWrites : public RecursiveASTVisitor<CounterWrites> {
public:
  CounterWrites(const VarDecl *Counter, ASTContext &Ctx)
      : Counter(Counter), Ctx(Ctx) {}
  bool Written = false;
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (DRE->getDecl() != Counter)
      return true;
    // An initializer list has a syntactic and a semantic parent; the
    // conversion to an rvalue is in the semantic one.
    for (const DynTypedNode &P : parentsOf(Ctx, *DRE))
      if (const auto *Cast = P.get<ImplicitCastExpr>();
          Cast && Cast->getCastKind() == CK_LValueToRValue)
        return true;
    // Bound to a const reference parameter (`v.push_back(i)`).
    const Expr *E = climbTransparent(DRE, Ctx);
    DynTypedNode P = parentOf(DynTypedNode::create(*E), Ctx);
    const Expr *Call = P.get<CallExpr>();
    if (!Call)
      Call = P.get<CXXConstructExpr>();
    if (Call)
      if (const ParmVarDecl *Param = paramForArg(Call, E)) {
        QualType T = Param->getType();
        if (T->isLValueReferenceType() &&
            T.getNonReferenceType().isConstQualified())
          return true;
      }
    Written = true;
    return false;
  }

private:
  const VarDecl *Counter;
  ASTContext &Ctx;
};

std::optional<uint64_t> forTripCount(const ForStmt *For, ASTContext &Ctx) {
  const auto *Init = dyn_cast_or_null<DeclStmt>(For->getInit());
  if (!Init || !Init->isSingleDecl())
    return std::nullopt;
  const auto *I = dyn_cast<VarDecl>(Init->getSingleDecl());
  if (!I || !I->getType()->isIntegerType() || !I->getInit() ||
      I->getType().isVolatileQualified())
    return std::nullopt;
  std::optional<int64_t> Start = intConstant(I->getInit(), Ctx);
  if (!Start)
    return std::nullopt;

  // Step: ++i, i++, i += c (c > 0).
  int64_t Step = 0;
  const Expr *Inc = For->getInc();
  if (!Inc)
    return std::nullopt;
  Inc = Inc->IgnoreParens();
  if (const auto *U = dyn_cast<UnaryOperator>(Inc)) {
    if (U->isIncrementOp() && refVar(U->getSubExpr()) == I)
      Step = 1;
  } else if (const auto *C = dyn_cast<CompoundAssignOperator>(Inc)) {
    if (C->getOpcode() == BO_AddAssign && refVar(C->getLHS()) == I)
      if (std::optional<int64_t> S = intConstant(C->getRHS(), Ctx))
        Step = *S;
  }
  if (Step <= 0)
    return std::nullopt;

  // Condition: i < B, i <= B, i != B (or the mirrored forms).
  const auto *Cond =
      dyn_cast_or_null<BinaryOperator>(For->getCond()->IgnoreParenImpCasts());
  if (!Cond)
    return std::nullopt;
  BinaryOperatorKind Op = Cond->getOpcode();
  const Expr *Bound = nullptr;
  if (refVar(Cond->getLHS()) == I) {
    Bound = Cond->getRHS();
  } else if (refVar(Cond->getRHS()) == I) {
    Bound = Cond->getLHS();
    Op = Op == BO_GT ? BO_LT : Op == BO_GE ? BO_LE : Op;
    if (Cond->getOpcode() == BO_LT || Cond->getOpcode() == BO_LE)
      return std::nullopt;
  } else {
    return std::nullopt;
  }
  std::optional<int64_t> End = intConstant(Bound, Ctx);
  if (!End)
    return std::nullopt;
  // Mixed signedness would compare through a conversion: not modelled.
  if (I->getType()->isSignedIntegerType() !=
      Bound->IgnoreParenImpCasts()->getType()->isSignedIntegerType())
    if (*Start < 0 || *End < 0)
      return std::nullopt;

  CounterWrites W(I, Ctx);
  W.TraverseStmt(const_cast<Stmt *>(For->getBody()));
  if (W.Written)
    return std::nullopt;

  int64_t Span = *End - *Start;
  switch (Op) {
  case BO_LT:
    return Span <= 0 ? 0 : uint64_t((Span + Step - 1) / Step);
  case BO_LE:
    return Span < 0 ? 0 : uint64_t(Span / Step + 1);
  case BO_NE:
    if (Step != 1 || Span < 0)
      return std::nullopt;
    return uint64_t(Span);
  default:
    return std::nullopt;
  }
}

std::optional<uint64_t> rangeForTripCount(const CXXForRangeStmt *For,
                                          ASTContext &Ctx) {
  const Expr *Range = For->getRangeInit();
  if (!Range)
    return std::nullopt;
  const Expr *Bare = Range->IgnoreImplicit();
  if (const auto *IL = dyn_cast<CXXStdInitializerListExpr>(Bare))
    if (const auto *List =
            dyn_cast<InitListExpr>(IL->getSubExpr()->IgnoreImplicit()))
      return List->getNumInits();
  QualType T = Range->getType().getNonReferenceType();
  if (const auto *CA = Ctx.getAsConstantArrayType(T))
    return CA->getSize().getZExtValue();
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          T->getAsCXXRecordDecl()))
    if (Spec->isInStdNamespace() && Spec->getName() == "array" &&
        Spec->getTemplateArgs().size() == 2 &&
        Spec->getTemplateArgs()[1].getKind() == TemplateArgument::Integral)
      return Spec->getTemplateArgs()[1].getAsIntegral().getZExtValue();
  return std::nullopt;
}

} // namespace

std::optional<uint64_t> constantTripCount(const Stmt *Loop, ASTContext &Ctx) {
  if (const auto *For = dyn_cast<ForStmt>(Loop))
    return forTripCount(For, Ctx);
  if (const auto *For = dyn_cast<CXXForRangeStmt>(Loop))
    return rangeForTripCount(For, Ctx);
  return std::nullopt;
}

std::optional<uint64_t> maxExecutionsWithin(const Stmt *S, const Stmt *Scope,
                                            ASTContext &Ctx) {
  uint64_t Count = 1;
  DynTypedNode Child = DynTypedNode::create(*S);
  while (true) {
    DynTypedNode Parent = parentOf(Child, Ctx);
    const auto *P = Parent.get<Stmt>();
    if (!P) {
      // Declarations between (a VarDecl initializer, a DeclStmt) are fine;
      // a function, lambda or block boundary is not.
      const auto *D = Parent.get<Decl>();
      if (!D || isa<FunctionDecl, BlockDecl, RecordDecl>(D))
        return std::nullopt;
      Child = Parent;
      continue;
    }
    if (P == Scope)
      return Count;
    if (isa<LambdaExpr, BlockExpr, WhileStmt, DoStmt>(P))
      return std::nullopt;
    const auto *ChildStmt = Child.get<Stmt>();
    if (const auto *For = dyn_cast<ForStmt>(P)) {
      if (ChildStmt != For->getInit()) {
        std::optional<uint64_t> Trips = constantTripCount(For, Ctx);
        if (!Trips)
          return std::nullopt;
        // The condition runs once more than the body.
        Count =
            mulSat(Count, ChildStmt == For->getCond() ? *Trips + 1 : *Trips);
      }
    } else if (const auto *For = dyn_cast<CXXForRangeStmt>(P)) {
      // The range and the init-statement run once; the rest per element.
      if (ChildStmt != For->getRangeStmt() && ChildStmt != For->getInit()) {
        std::optional<uint64_t> Trips = constantTripCount(For, Ctx);
        if (!Trips)
          return std::nullopt;
        Count = mulSat(Count, *Trips);
      }
    }
    Child = Parent;
  }
}

} // namespace clang::tidy::memlint::utils
