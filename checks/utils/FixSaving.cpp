//===--- FixSaving.cpp - the allocations a fix removes, stated ------------===//

#include "FixSaving.h"
#include "AllocationBehaviour.h"
#include "LocalLifetime.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"
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

llvm::StringRef allocationFamily(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->getIdentifier())
    return {};
  switch (allocationKindOf(*RD)) {
  case AllocationKind::Contiguous:
    return RD->getName() == "deque" ? "deque" : "vector";
  case AllocationKind::SmallBuffer:
    return "string";
  case AllocationKind::NodeBased:
    return RD->getName().contains("list") ? "list" : "tree";
  case AllocationKind::HashTable:
    return "hash";
  case AllocationKind::Stream:
  case AllocationKind::Unknown:
    break;
  }
  return {};
}

void noteAllocationsRemovedHere(ClangTidyCheck &Check, SourceLocation Loc,
                                llvm::StringRef Family) {
  if (Family.empty()) {
    Check.diag(Loc, AllocationsRemovedNote, DiagnosticIDs::Note);
    return;
  }
  Check.diag(Loc, "%0 (kind: %1)", DiagnosticIDs::Note)
      << AllocationsRemovedNote << Family;
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

// Element access and iteration: non-const members that never allocate, whose
// line would otherwise be credited with the allocations of whatever else it
// does (logproc's `make_unique<Event>(..., Fields[1], ...)` copies strings the
// hoist of 'Fields' does not remove). Indexing takes its position by value as
// an integer; a map's operator[] takes a key by reference, and inserts.
bool isAccessor(const CXXMethodDecl &MD) {
  if (MD.getOverloadedOperator() == OO_Subscript ||
      (MD.getIdentifier() && MD.getName() == "at"))
    return MD.getNumParams() == 1 &&
           MD.getParamDecl(0)->getType()->isIntegerType();
  if (!MD.getIdentifier() || MD.getNumParams() != 0)
    return false;
  return llvm::is_contained(
      {"front", "back", "data", "begin", "end", "rbegin", "rend"},
      MD.getName());
}

// Whether \p Call may grow the object \p Ref names: it is the object of a
// non-const member call (not an accessor) or the first operand of an
// overloaded operator, or an argument bound to a non-const reference.
bool mayGrow(const Stmt *Call, const DeclRefExpr &Ref) {
  if (const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(Call)) {
    const Expr *Obj = MC->getImplicitObjectArgument();
    const CXXMethodDecl *MD = MC->getMethodDecl();
    return Obj && Obj->IgnoreParenImpCasts() == &Ref && MD && !MD->isConst() &&
           !isAccessor(*MD);
  }
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(Call)) {
    if (Op->getNumArgs() == 0 || Op->getArg(0)->IgnoreParenImpCasts() != &Ref)
      return false;
    if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee()))
      return !MD->isConst() && !isAccessor(*MD);
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

std::vector<AllocationSite> allocationSites(const VarDecl &V, const Stmt &Scope,
                                            ASTContext &Ctx,
                                            SourceLocation DiagLoc) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::string Family = allocationFamily(V.getType()).str();
  std::set<std::pair<FileID, unsigned>> Lines;
  if (DiagLoc.isValid())
    Lines.insert({SM.getFileID(SM.getExpansionLoc(DiagLoc)),
                  SM.getExpansionLineNumber(DiagLoc)});
  std::vector<AllocationSite> Sites;
  for (const DeclRefExpr *Ref : findReferences(V, Scope)) {
    SourceLocation Loc = Ref->getLocation();
    if (Loc.isMacroID() || !mayGrow(user(*Ref, Ctx), *Ref))
      continue;
    if (Lines.insert({SM.getFileID(Loc), SM.getExpansionLineNumber(Loc)})
            .second)
      Sites.push_back({Loc, Family});
  }
  return Sites;
}

void noteAllocationsRemovedHere(ClangTidyCheck &Check,
                                llvm::ArrayRef<AllocationSite> Sites) {
  for (const AllocationSite &S : Sites)
    noteAllocationsRemovedHere(Check, S.Loc, S.Family);
}

} // namespace clang::tidy::memlint::utils
