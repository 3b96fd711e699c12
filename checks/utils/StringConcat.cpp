//===--- StringConcat.cpp - what does a string concatenation join? --------===//

#include "StringConcat.h"
#include "LocalUses.h"
#include "ReadOnlyUse.h"
#include "StringViewRead.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::memlint::utils {

namespace {

const Expr *strip(const Expr *E) {
  while (true) {
    const Expr *S = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *CE = dyn_cast<CXXConstructExpr>(S);
        CE && CE->isElidable() && CE->getNumArgs() == 1)
      S = CE->getArg(0);
    if (S == E)
      return E;
    E = S;
  }
}

void collect(const Expr *E, llvm::SmallVectorImpl<const Expr *> &Out) {
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(strip(E));
  if (Op && isStringConcat(*Op) && Op->getNumArgs() == 2) {
    collect(Op->getArg(0), Out);
    collect(Op->getArg(1), Out);
    return;
  }
  Out.push_back(E->IgnoreImplicit());
}

class Mentions : public RecursiveASTVisitor<Mentions> {
public:
  Mentions(const VarDecl *Var, const FieldDecl *Field)
      : Var(Var), Field(Field) {}
  bool Found = false;
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (Var && DRE->getDecl()->getCanonicalDecl() == Var->getCanonicalDecl())
      Found = true;
    return !Found;
  }
  bool VisitMemberExpr(MemberExpr *ME) {
    if (Field && ME->getMemberDecl() == Field &&
        isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
      Found = true;
    return !Found;
  }

private:
  const VarDecl *Var;
  const FieldDecl *Field;
};

class ThrowingCalls : public RecursiveASTVisitor<ThrowingCalls> {
public:
  bool Found = false;
  bool VisitCallExpr(CallExpr *CE) {
    note(CE->getCalleeDecl());
    return !Found;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    note(CE->getConstructor());
    return !Found;
  }

private:
  void note(const Decl *D) {
    const auto *FD = dyn_cast_or_null<FunctionDecl>(D);
    if (!FD) {
      Found = true; // a call through a pointer
      return;
    }
    if (isStdLibraryDecl(FD) || FD->isTrivial())
      return;
    const auto *Proto = FD->getType()->getAs<FunctionProtoType>();
    if (!Proto || !Proto->isNothrow())
      Found = true;
  }
};

/// A value of type \p T cannot point into a string.
bool keepsNoHandle(QualType T) {
  return (T->isScalarType() && !T->isPointerType()) || T->isVoidType() ||
         isStdString(T);
}

/// Whether the pointer or reference the call \p Call returns is used up
/// within its full-expression: read as a value (`s[0] == 'x'`), or passed
/// to a free function of a system header that returns no handle itself
/// (`std::printf("%s", s.c_str())`, `std::strlen(s.data())`).
bool handleDiesHere(const Expr &Call, ASTContext &Ctx) {
  const Expr *E = &Call;
  while (true) {
    const Expr *P = parentOf(DynTypedNode::create(*E), Ctx).get<Expr>();
    if (!P)
      return false;
    if (isa<ParenExpr>(P)) {
      E = P;
      continue;
    }
    if (const auto *ICE = dyn_cast<ImplicitCastExpr>(P)) {
      if (ICE->getCastKind() == CK_LValueToRValue)
        return keepsNoHandle(ICE->getType());
      if (ICE->getCastKind() != CK_NoOp)
        return false;
      E = P;
      continue;
    }
    const auto *CE = dyn_cast<CallExpr>(P);
    if (!CE || isa<CXXMemberCallExpr, CXXOperatorCallExpr>(CE) ||
        CE->getCallee() == E)
      return false;
    const FunctionDecl *FD = CE->getDirectCallee();
    return FD && !isa<CXXMethodDecl>(FD) &&
           Ctx.getSourceManager().isInSystemHeader(FD->getLocation()) &&
           keepsNoHandle(FD->getReturnType());
  }
}

} // namespace

bool isStringConcat(const Expr &E) {
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(strip(&E));
  if (!Op || Op->getOperator() != OO_Plus)
    return false;
  const FunctionDecl *FD = Op->getDirectCallee();
  return FD && isStdLibraryDecl(FD) && isStdString(Op->getType());
}

llvm::SmallVector<const Expr *, 4> concatOperands(const Expr &E) {
  llvm::SmallVector<const Expr *, 4> Out;
  if (isStringConcat(E))
    collect(&E, Out);
  return Out;
}

bool mentionsObject(const Expr &E, const VarDecl *Var, const FieldDecl *Field) {
  Mentions M(Var, Field);
  M.TraverseStmt(const_cast<Expr *>(&E));
  return M.Found;
}

bool valueIndependentOfStrings(const Expr &E, ASTContext &Ctx) {
  const Expr *S = E.IgnoreParenImpCasts();
  if (isa<StringLiteral, CharacterLiteral, IntegerLiteral>(S))
    return true;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
    if (isa<EnumConstantDecl>(DRE->getDecl()))
      return true;
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD || !VD->hasLocalStorage() || VD->getType()->isReferenceType())
      return false;
    if (VD->getType()->isScalarType() && !VD->getType()->isPointerType())
      return true;
    return isStdString(VD->getType()) && isUnaliasedLocal(*VD, Ctx);
  }
  if (const auto *Call = dyn_cast<CallExpr>(S);
      Call && !isa<CXXMemberCallExpr, CXXOperatorCallExpr>(Call)) {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (!FD || !isStdLibraryDecl(FD))
      return false;
    for (const Expr *A : Call->arguments())
      if (!valueIndependentOfStrings(*A, Ctx))
        return false;
    return true;
  }
  return false;
}

bool mayThrowOutsideStd(const Expr &E) {
  ThrowingCalls T;
  T.TraverseStmt(const_cast<Expr *>(&E));
  return T.Found;
}

bool isPrivateLocal(const VarDecl &VD, ASTContext &Ctx) {
  if (!isUnaliasedLocal(VD, Ctx))
    return false;
  const auto *FD = cast<FunctionDecl>(VD.getDeclContext());
  for (const VarUse &U : analyzeVarUses(VD, *FD->getBody(), Ctx).Uses) {
    if (U.Kind != UseKind::Read)
      continue;
    // Members and functions of the standard library that return neither a
    // pointer nor a reference into the string (c_str(), begin(), operator[]
    // bound to a reference, std::cref would).
    if (U.MemberCall && U.Method && isStdLibraryDecl(U.Method) &&
        (keepsNoHandle(U.Method->getReturnType()) ||
         handleDiesHere(*U.MemberCall, Ctx)))
      continue;
    if (U.Callee && isStdLibraryDecl(U.Callee) &&
        (U.Callee->isOverloadedOperator() ||
         keepsNoHandle(U.Callee->getReturnType())))
      continue;
    return false; // a reference variable, or a function that may keep one
  }
  return true;
}

} // namespace clang::tidy::memlint::utils
