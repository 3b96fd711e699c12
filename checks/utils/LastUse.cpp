//===--- LastUse.cpp - is this the last use of a variable? ----------------===//

#include "LastUse.h"
#include "AllocationBehaviour.h"
#include "LocalUses.h"

#include "ValueWrappers.h"
#include "clang-tidy/utils/ExprSequence.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::memlint::utils {

namespace {

/// Gathers every mention of a variable in one function, where lambdas
/// capture by reference, and which variables catch handlers mention.
class MentionCollector : public RecursiveASTVisitor<MentionCollector> {
  using Base = RecursiveASTVisitor<MentionCollector>;

public:
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<Mention, 4>> &Mentions;
  llvm::DenseSet<const VarDecl *> &ByRef;
  llvm::DenseSet<const VarDecl *> &InHandlers;
  llvm::SmallVector<const LambdaExpr *, 2> Lambdas;
  unsigned HandlerDepth = 0;

  MentionCollector(
      llvm::DenseMap<const VarDecl *, llvm::SmallVector<Mention, 4>> &M,
      llvm::DenseSet<const VarDecl *> &ByRef,
      llvm::DenseSet<const VarDecl *> &InHandlers)
      : Mentions(M), ByRef(ByRef), InHandlers(InHandlers) {}

  bool shouldVisitImplicitCode() const { return true; }
  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseLambdaExpr(LambdaExpr *L) {
    for (const LambdaCapture &C : L->captures())
      if (C.capturesVariable() && C.getCaptureKind() == LCK_ByRef)
        if (const auto *VD = dyn_cast<VarDecl>(C.getCapturedVar()))
          ByRef.insert(VD->getCanonicalDecl());
    Lambdas.push_back(L);
    bool R = Base::TraverseLambdaExpr(L);
    Lambdas.pop_back();
    return R;
  }

  bool TraverseCXXCatchStmt(CXXCatchStmt *S) {
    ++HandlerDepth;
    bool R = Base::TraverseCXXCatchStmt(S);
    --HandlerDepth;
    return R;
  }

  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
    if (!VD)
      return true;
    VD = VD->getCanonicalDecl();
    const Stmt *Pos = Lambdas.empty() ? static_cast<const Stmt *>(Ref)
                                      : static_cast<const Stmt *>(Lambdas[0]);
    Mentions[VD].push_back({Ref, Pos});
    if (HandlerDepth)
      InHandlers.insert(VD);
    return true;
  }
};

bool isScalarNonPointer(QualType T) {
  return T->isArithmeticType() || T->isEnumeralType() || T->isVoidType() ||
         T->isNullPtrType();
}

/// Whether the value of \p P, an expression whose operand \p E may refer to
/// the object, can no longer refer to it.
bool cutsAlias(const Expr &P, QualType VarType) {
  if (P.isPRValue() && isScalarNonPointer(P.getType()))
    return true;
  // A copy of a part (`std::string s = parts[0]`) is a new object.
  if (const auto *C = dyn_cast<CXXConstructExpr>(&P))
    if (C->getConstructor()->isCopyConstructor() &&
        isOwningStdContainer(C->getType()))
      return true;
  QualType Plain = P.getType().getCanonicalType().getUnqualifiedType();
  if (P.isPRValue() && Plain == VarType.getCanonicalType().getUnqualifiedType())
    return true; // a new object (a copy, `a + b`, `s.substr()`)
  return false;
}

/// The left side of the assignment \p P when \p E is its right side.
const Expr *assignedTo(const Expr &P, const Expr &E) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&P))
    if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
        Op->getArg(1) == &E)
      return Op->getArg(0);
  if (const auto *BO = dyn_cast<BinaryOperator>(&P))
    if (BO->isAssignmentOp() && BO->getRHS() == &E)
      return BO->getLHS();
  return nullptr;
}

/// Where the value assigned to \p Lhs goes: a copy of the object, a local
/// that now points into it, or somewhere the analysis does not follow.
AliasTarget assignmentTarget(const Expr &Lhs, const Expr &Rhs,
                             QualType VarType) {
  if (valueType(Lhs.getType()) == valueType(VarType))
    return {}; // `y = v`: y holds a copy
  if (valueType(Lhs.getType()) == valueType(Rhs.getType()) &&
      isOwningStdContainer(Lhs.getType()))
    return {}; // `y = v[0]`: y holds a copy of the part
  if (const auto *R = dyn_cast<DeclRefExpr>(Lhs.IgnoreParenImpCasts()))
    if (const auto *VD = dyn_cast<VarDecl>(R->getDecl());
        VD && VD->hasLocalStorage() && !VD->getType()->isReferenceType())
      return {AliasTarget::Local, VD};
  return {AliasTarget::Unknown, nullptr};
}

} // namespace

AliasTarget aliasTargetOf(const DeclRefExpr &Ref, QualType VarType,
                          ASTContext &Ctx) {
  const Expr *E = &Ref;
  for (unsigned Steps = 0; Steps < 64; ++Steps) {
    DynTypedNode P = parentOf(DynTypedNode::create(*E), Ctx);
    if (const auto *PE = P.get<Expr>()) {
      if (isa<LambdaExpr>(PE))
        return {}; // a by-copy capture holds its own copy
      if (const Expr *Lhs = assignedTo(*PE, *E))
        return assignmentTarget(*Lhs, *E, VarType);
      if (cutsAlias(*PE, VarType))
        return {};
      E = PE;
      continue;
    }
    if (const auto *VD = P.get<VarDecl>()) {
      if (!VD->hasLocalStorage() || VD->isStaticLocal())
        return {AliasTarget::Unknown, nullptr};
      if (isScalarNonPointer(VD->getType()))
        return {};
      return {AliasTarget::Local, VD};
    }
    if (P.get<CXXCtorInitializer>())
      return {AliasTarget::Unknown, nullptr};
    if (const auto *S = P.get<Stmt>()) {
      // Returned: nothing in this function runs afterwards. Anything else
      // (an expression statement, a condition) discards the value.
      (void)S;
      return {};
    }
    return {AliasTarget::Unknown, nullptr};
  }
  return {AliasTarget::Unknown, nullptr};
}

FunctionFlow::~FunctionFlow() = default;

std::unique_ptr<FunctionFlow> FunctionFlow::build(const FunctionDecl &FD,
                                                  ASTContext &Ctx) {
  Stmt *Body = FD.getBody();
  if (!Body)
    return nullptr;
  std::unique_ptr<FunctionFlow> F(new FunctionFlow());
  F->FD = &FD;
  F->SM = &Ctx.getSourceManager();
  CFG::BuildOptions Opts;
  Opts.AddImplicitDtors = true;
  Opts.AddTemporaryDtors = true;
  Opts.AddInitializers = true;
  F->TheCFG = CFG::buildCFG(&FD, Body, &Ctx, Opts);
  if (!F->TheCFG)
    return nullptr;
  F->Sequence =
      std::make_unique<tidy::utils::ExprSequence>(F->TheCFG.get(), Body, &Ctx);
  F->Blocks =
      std::make_unique<tidy::utils::StmtToBlockMap>(F->TheCFG.get(), &Ctx);
  for (const CFGBlock *B : *F->TheCFG)
    for (const CFGElement &E : *B)
      if (std::optional<CFGStmt> S = E.getAs<CFGStmt>())
        if (const auto *DS = dyn_cast<DeclStmt>(S->getStmt()))
          for (const Decl *D : DS->decls())
            if (const auto *VD = dyn_cast<VarDecl>(D))
              F->DeclBlocks[VD->getCanonicalDecl()] = B;
  MentionCollector C(F->Mentions, F->ByRefCaptures, F->InHandlers);
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&FD))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->getInit())
        C.TraverseStmt(Init->getInit());
  C.TraverseStmt(Body);
  return F;
}

llvm::ArrayRef<Mention> FunctionFlow::mentionsOf(const VarDecl &VD) const {
  auto It = Mentions.find(VD.getCanonicalDecl());
  if (It == Mentions.end())
    return {};
  return It->second;
}

int FunctionFlow::initializerIndex(const Stmt &S) const {
  const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD);
  if (!Ctor)
    return -1;
  SourceLocation L = S.getBeginLoc();
  int Index = 0;
  for (const CXXCtorInitializer *Init : Ctor->inits()) {
    if (const Expr *E = Init->getInit();
        E && Init->isWritten() && E->getSourceRange().isValid() &&
        SM->isPointWithin(L, E->getBeginLoc(), E->getEndLoc()))
      return Index;
    ++Index;
  }
  return Index; // the body runs after every initializer
}

bool FunctionFlow::mayRunAfter(const Stmt &Other, const Stmt &Site,
                               const VarDecl *Fresh) const {
  const CFGBlock *SiteBlock = Blocks->blockContainingStmt(&Site);
  const CFGBlock *OtherBlock = Blocks->blockContainingStmt(&Other);
  if (!SiteBlock || !OtherBlock)
    return true;
  if (SiteBlock == OtherBlock) {
    // ExprSequence orders statements of the body; constructor initializers
    // run in their order, before the body.
    int SiteInit = initializerIndex(Site);
    int OtherInit = initializerIndex(Other);
    if (SiteInit != OtherInit) {
      if (OtherInit > SiteInit)
        return true;
    } else if (Sequence->potentiallyAfter(&Other, &Site)) {
      return true;
    }
  }
  // Reachable from the site's block through at least one edge: a later
  // block, or the site's own block again through a loop's back-edge.
  const CFGBlock *Kill = nullptr;
  if (Fresh)
    Kill = DeclBlocks.lookup(Fresh->getCanonicalDecl());
  llvm::SmallVector<const CFGBlock *, 16> Work;
  llvm::DenseSet<const CFGBlock *> Seen;
  auto Push = [&](const CFGBlock *B) {
    for (const CFGBlock::AdjacentBlock &Succ : B->succs())
      if (const CFGBlock *S = Succ.getReachableBlock())
        if (Seen.insert(S).second)
          Work.push_back(S);
  };
  Push(SiteBlock);
  while (!Work.empty()) {
    const CFGBlock *B = Work.pop_back_val();
    if (B == Kill)
      continue; // the declaration runs again: a new object from here on
    if (B == OtherBlock)
      return true;
    Push(B);
  }
  return false;
}

bool FunctionFlow::isLastUse(const VarDecl &VD, const DeclRefExpr &Site) const {
  for (const Mention &M : mentionsOf(VD))
    if (M.Ref != &Site && mayRunAfter(*M.Position, Site, &VD))
      return false;
  return true;
}

bool FunctionFlow::aliasUsedAfter(const VarDecl &VD, const Stmt &Site,
                                  const VarDecl &Object, ASTContext &Ctx,
                                  unsigned Depth) const {
  if (Depth > 4)
    return true;
  for (const Mention &M : mentionsOf(VD)) {
    if (M.Position != M.Ref)
      return true; // used in a lambda: its calls are not followed
    if (mayRunAfter(*M.Ref, Site, &Object))
      return true;
    AliasTarget T = aliasTargetOf(*M.Ref, VD.getType(), Ctx);
    if (T.K == AliasTarget::Unknown)
      return true;
    if (T.K == AliasTarget::Local &&
        aliasUsedAfter(*T.Var, Site, Object, Ctx, Depth + 1))
      return true;
  }
  return false;
}

bool FunctionFlow::aliasMayOutlive(const VarDecl &VD, const DeclRefExpr &Site,
                                   ASTContext &Ctx) const {
  for (const Mention &M : mentionsOf(VD)) {
    if (M.Ref == &Site || M.Position != M.Ref)
      continue;
    AliasTarget T = aliasTargetOf(*M.Ref, VD.getType(), Ctx);
    if (T.K == AliasTarget::Unknown)
      return true;
    if (T.K == AliasTarget::Local && aliasUsedAfter(*T.Var, Site, VD, Ctx, 0))
      return true;
  }
  return false;
}

} // namespace clang::tidy::memlint::utils
