//===--- FixSaving.cpp - the allocations a fix removes, stated ------------===//

#include "FixSaving.h"
#include "LocalLifetime.h"
#include "clang/AST/ExprCXX.h"
#include <algorithm>
#include <limits>
#include <set>

namespace clang::tidy::memlint::utils {

void noteAllocationsRemoved(ClangTidyCheck &Check, SourceLocation Loc,
                            uint64_t N, bool InLoop) {
  if (N == 0)
    return;
  uint64_t Clamped = std::min<uint64_t>(N, std::numeric_limits<int>::max());
  Check.diag(Loc,
             "the fix removes %0 allocation%s0 each time %select{the "
             "declaration|the loop}1 runs",
             DiagnosticIDs::Note)
      << static_cast<unsigned>(Clamped) << InLoop;
}

namespace {

// The expression that uses \p Ref, past casts, parentheses and the member
// access of a member call.
const Stmt *user(const DeclRefExpr &Ref, ASTContext &Ctx) {
  const Stmt *P = parentStmt(Ref, Ctx);
  while (P && isa<ImplicitCastExpr, ParenExpr, MemberExpr>(P))
    P = parentStmt(*P, Ctx);
  return P;
}

bool isNonConstRef(QualType T) {
  return T->isReferenceType() && !T->isRValueReferenceType() &&
         !T.getNonReferenceType().isConstQualified();
}

// Whether \p Call may grow the object \p Ref names: it is the object of a
// non-const member call or the first operand of an overloaded operator, or
// an argument bound to a non-const reference.
bool mayGrow(const Stmt *Call, const DeclRefExpr &Ref) {
  if (const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(Call)) {
    const Expr *Obj = MC->getImplicitObjectArgument();
    const CXXMethodDecl *MD = MC->getMethodDecl();
    return Obj && Obj->IgnoreParenImpCasts() == &Ref && MD && !MD->isConst();
  }
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(Call)) {
    if (Op->getNumArgs() == 0 || Op->getArg(0)->IgnoreParenImpCasts() != &Ref)
      return false;
    if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee()))
      return !MD->isConst();
    const FunctionDecl *FD = Op->getDirectCallee();
    return FD && FD->getNumParams() &&
           isNonConstRef(FD->getParamDecl(0)->getType());
  }
  const auto *CE = dyn_cast_or_null<CallExpr>(Call);
  const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
  if (!FD)
    return false;
  for (unsigned I = 0; I < CE->getNumArgs() && I < FD->getNumParams(); ++I)
    if (CE->getArg(I)->IgnoreParenImpCasts() == &Ref &&
        isNonConstRef(FD->getParamDecl(I)->getType()))
      return true;
  return false;
}

} // namespace

void noteAllocationSites(ClangTidyCheck &Check, const VarDecl &V,
                         const Stmt &Scope, ASTContext &Ctx,
                         SourceLocation DiagLoc) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::set<std::pair<FileID, unsigned>> Lines;
  if (DiagLoc.isValid())
    Lines.insert({SM.getFileID(SM.getExpansionLoc(DiagLoc)),
                  SM.getExpansionLineNumber(DiagLoc)});
  for (const DeclRefExpr *Ref : findReferences(V, Scope)) {
    SourceLocation Loc = Ref->getLocation();
    if (Loc.isMacroID() || !mayGrow(user(*Ref, Ctx), *Ref))
      continue;
    if (!Lines.insert({SM.getFileID(Loc), SM.getExpansionLineNumber(Loc)})
             .second)
      continue;
    Check.diag(Loc, AllocationsRemovedNote, DiagnosticIDs::Note);
  }
}

} // namespace clang::tidy::memlint::utils
