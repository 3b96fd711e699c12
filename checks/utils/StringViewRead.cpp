//===--- StringViewRead.cpp - would a std::string_view do here? -----------===//

#include "StringViewRead.h"
#include "AllocationBehaviour.h"
#include "LocalUses.h"
#include "StringViewUse.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::memlint::utils {

namespace {

/// The function whose `std::string_view` / `const std::string_view &`
/// parameter the result of the conversion \p Conv initializes, or null.
const FunctionDecl *viewParamCallee(const Expr *Conv, ASTContext &Ctx) {
  const Expr *E = Conv;
  while (true) {
    const Expr *P = parentOf(DynTypedNode::create(*E), Ctx).get<Expr>();
    if (!P)
      return nullptr;
    if (isa<ImplicitCastExpr, ParenExpr, MaterializeTemporaryExpr,
            CXXBindTemporaryExpr>(P)) {
      E = P;
      continue;
    }
    if (const auto *CE = dyn_cast<CXXConstructExpr>(P);
        CE && CE->getNumArgs() == 1 &&
        CE->getConstructor()->isCopyOrMoveConstructor()) {
      E = P;
      continue;
    }
    if (!isa<CallExpr, CXXConstructExpr>(P))
      return nullptr;
    const ParmVarDecl *Param = paramForArg(P, E);
    if (!Param)
      return nullptr;
    QualType T = Param->getType();
    if (const auto *Ref = T->getAs<LValueReferenceType>()) {
      if (!Ref->getPointeeType().isConstQualified())
        return nullptr;
      T = Ref->getPointeeType();
    } else if (T->isReferenceType()) {
      return nullptr;
    }
    if (!isStdStringView(T))
      return nullptr;
    return dyn_cast<FunctionDecl>(Param->getDeclContext());
  }
}

ViewRead memberCallRead(const VarUse &U, ASTContext &Ctx) {
  if (const auto *Conv = dyn_cast<CXXConversionDecl>(U.Method)) {
    if (!isStdStringView(Conv->getConversionType()))
      return ViewRead::No;
    const FunctionDecl *Callee = viewParamCallee(U.MemberCall, Ctx);
    if (!Callee)
      return ViewRead::No;
    return isStdLibraryDecl(Callee) ? ViewRead::ByStd : ViewRead::ByCallee;
  }
  if (U.Method->getOverloadedOperator() == OO_Subscript)
    return ViewRead::ByStd;
  if (!U.Method->getDeclName().isIdentifier() ||
      !(U.Method->getName() == "contains" ||
        isSameOnStringView(U.Method->getName())))
    return ViewRead::No;
  return ViewRead::ByStd;
}

/// Whether \p E is, behind implicit conversions and the implicit move, the
/// operand of a return statement.
bool isReturnOperand(const Expr &E, ASTContext &Ctx) {
  DynTypedNode N = DynTypedNode::create(E);
  while (true) {
    N = parentOf(N, Ctx);
    if (N.get<ReturnStmt>())
      return true;
    const auto *P = N.get<Expr>();
    if (!P)
      return false;
    const auto *CE = dyn_cast<CXXConstructExpr>(P);
    if (!isa<ImplicitCastExpr, ParenExpr, ExprWithCleanups,
             CXXBindTemporaryExpr, MaterializeTemporaryExpr>(P) &&
        !(CE && CE->getNumArgs() == 1 &&
          CE->getConstructor()->isCopyOrMoveConstructor()))
      return false;
  }
}

} // namespace

bool isStdLibraryDecl(const Decl *D) {
  if (!D)
    return false;
  const DeclContext *NS = D->getDeclContext()->getEnclosingNamespaceContext();
  return NS && NS->isStdNamespace();
}

std::string allocationClause(QualType StringType) {
  const CXXRecordDecl *RD =
      StringType.isNull() ? nullptr : StringType->getAsCXXRecordDecl();
  uint64_t Cap = RD ? smallStringCapacity(*RD) : 15;
  if (Cap == 0)
    return "allocating";
  return "allocating past " + std::to_string(Cap) + " characters";
}

ViewRead viewReadOf(const VarUse &U, ASTContext &Ctx) {
  if (U.ThroughMember)
    return ViewRead::No;
  if (U.Kind == UseKind::Iterated)
    return ViewRead::ByLoop;
  if (U.Kind != UseKind::Read)
    return ViewRead::No;
  if (U.MemberCall && U.Method)
    return memberCallRead(U, Ctx);
  const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(U.CallSite);
  if (!Op || !U.Callee || !isStdLibraryDecl(U.Callee))
    return ViewRead::No;
  if (isComparisonOperator(Op->getOperator()))
    return ViewRead::ByStd;
  // `os << s`: the string is the right operand.
  if (Op->getOperator() == OO_LessLess && U.ArgIndex == 1)
    return ViewRead::ByStd;
  return ViewRead::No;
}

const Expr *climbStringTemporary(const Expr *E, ASTContext &Ctx) {
  while (true) {
    const Expr *P = parentOf(DynTypedNode::create(*E), Ctx).get<Expr>();
    if (!P)
      return E;
    if (isa<ParenExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr,
            ExprWithCleanups>(P)) {
      E = P;
      continue;
    }
    if (const auto *ICE = dyn_cast<ImplicitCastExpr>(P);
        ICE && ICE->getCastKind() == CK_NoOp) {
      E = P;
      continue;
    }
    if (const auto *CE = dyn_cast<CXXConstructExpr>(P);
        CE && CE->isElidable() && CE->getNumArgs() == 1) {
      E = P;
      continue;
    }
    return E;
  }
}

ViewRead viewReadOfTemporary(const Expr &E, ASTContext &Ctx,
                             const Stmt **LoopOut) {
  const Expr *Top = climbStringTemporary(&E, Ctx);
  DynTypedNode P = parentOf(DynTypedNode::create(*Top), Ctx);
  if (const auto *VD = P.get<VarDecl>()) {
    if (!isRangeForRangeVar(VD, Ctx))
      return ViewRead::No;
    VarUse U = classifyObjectUse(*Top, Ctx);
    if (U.Kind != UseKind::Iterated)
      return ViewRead::No;
    const Stmt *DS = parentOf(DynTypedNode::create(*VD), Ctx).get<Stmt>();
    const Stmt *For =
        DS ? parentOf(DynTypedNode::create(*DS), Ctx).get<CXXForRangeStmt>()
           : nullptr;
    if (!For)
      return ViewRead::No;
    if (LoopOut)
      *LoopOut = For;
    return ViewRead::ByLoop;
  }
  return viewReadOf(classifyObjectUse(*Top, Ctx), Ctx);
}

bool isUnaliasedLocal(const VarDecl &VD, ASTContext &Ctx) {
  if (!VD.hasLocalStorage() || VD.getType()->isReferenceType())
    return false;
  const auto *FD = dyn_cast<FunctionDecl>(VD.getDeclContext());
  if (!FD || !FD->hasBody())
    return false;
  for (const VarUse &U : analyzeVarUses(VD, *FD->getBody(), Ctx).Uses) {
    switch (U.Kind) {
    case UseKind::Read:
    case UseKind::Iterated:
    case UseKind::Copied:
    case UseKind::Modified:
    case UseKind::Returned:
      continue;
    default:
      // `return v;` moves implicitly; the function is over by then.
      if (U.Ref && isReturnOperand(*U.Ref, Ctx))
        continue;
      return false;
    }
  }
  return true;
}

bool onlyReadFrom(const VarDecl &VD, const Stmt &Scope, SourceLocation From,
                  ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  for (const VarUse &U : analyzeVarUses(VD, Scope, Ctx).Uses) {
    if (U.Ref && SM.isBeforeInTranslationUnit(U.Ref->getBeginLoc(), From))
      continue;
    if (U.Kind != UseKind::Read && U.Kind != UseKind::Iterated &&
        U.Kind != UseKind::Copied)
      return false;
  }
  return true;
}

} // namespace clang::tidy::memlint::utils
