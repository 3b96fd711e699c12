//===--- SubstrCopyCheck.cpp - memlint-substr-copy ------------------------===//

#include "SubstrCopyCheck.h"
#include "checks/utils/AllocationBehaviour.h"
#include "checks/utils/LocalLifetime.h"
#include "checks/utils/LocalUses.h"
#include "checks/utils/ReadOnlyUse.h"
#include "checks/utils/StringViewRead.h"
#include "fixits/Hoist.h"
#include "fixits/Includes.h"
#include "fixits/StringEdits.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang::ast_matchers;

namespace clang::tidy::memlint {

namespace {

constexpr llvm::StringRef SubstrId = "substr";

/// The full-expression \p E belongs to.
const Expr *fullExpression(const Expr *E, ASTContext &Ctx) {
  while (const auto *P =
             utils::parentOf(DynTypedNode::create(*E), Ctx).get<Expr>())
    E = P;
  return E;
}

/// Whether a full-expression leaves the viewed string alone: every mention
/// of it only reads it and, unless it is Stable, nothing but the standard
/// library is called (a user function might reach the string another way).
class LeavesAlone : public RecursiveASTVisitor<LeavesAlone> {
public:
  LeavesAlone(const VarDecl *Var, const FieldDecl *Field, bool Stable,
              ASTContext &Ctx)
      : Var(Var), Field(Field), Stable(Stable), Ctx(Ctx) {}
  /// A mention of the string in the full-expression does not only read it.
  bool Writes = false;
  /// The string is not Stable and a function outside the standard library
  /// is called (it might reach the string another way).
  bool Calls = false;

  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (Var && DRE->getDecl() == Var)
      Writes |= !isRead(utils::classifyUse(*DRE, Ctx).Kind);
    // A user function named here, called or passed as a callback.
    if (!Stable && isa<FunctionDecl>(DRE->getDecl()) &&
        !isLibrary(DRE->getDecl()))
      Calls = true;
    return !Writes;
  }
  bool VisitMemberExpr(MemberExpr *ME) {
    if (Field && ME->getMemberDecl() == Field &&
        isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
      Writes |= !isRead(utils::classifyObjectUse(*ME, Ctx).Kind);
    return !Writes;
  }
  bool VisitCallExpr(CallExpr *CE) {
    if (!Stable && (!isLibrary(CE->getCalleeDecl()) || runsCallbacks(*CE)))
      Calls = true;
    return !Writes;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    if (!Stable && !isLibrary(CE->getConstructor()) &&
        !CE->getConstructor()->isTrivial())
      Calls = true;
    return !Writes;
  }

private:
  /// The standard library, or a function of a system header (`printf`):
  /// code that cannot reach the user's strings but through its arguments.
  bool isLibrary(const Decl *D) const {
    return D && (utils::isStdLibraryDecl(D) ||
                 Ctx.getSourceManager().isInSystemHeader(D->getLocation()));
  }
  /// A library call that can run user code: `f()` on a std::function, an
  /// algorithm given a function object or pointer.
  bool runsCallbacks(const CallExpr &CE) const {
    if (const auto *FD = dyn_cast_or_null<FunctionDecl>(CE.getCalleeDecl());
        FD && FD->getOverloadedOperator() == OO_Call)
      return true;
    return llvm::any_of(CE.arguments(), [&](const Expr *A) {
      QualType T = A->getType().getNonReferenceType();
      if (T->isFunctionPointerType() || T->isFunctionType() ||
          T->isMemberFunctionPointerType())
        return true;
      const auto *RD = T->getAsCXXRecordDecl();
      return RD && RD->hasDefinition() &&
             !RD->lookup(Ctx.DeclarationNames.getCXXOperatorName(OO_Call))
                  .empty();
    });
  }
  static bool isRead(utils::UseKind K) {
    return K == utils::UseKind::Read || K == utils::UseKind::Iterated ||
           K == utils::UseKind::Copied;
  }
  const VarDecl *Var;
  const FieldDecl *Field;
  bool Stable;
  ASTContext &Ctx;
};

bool sameObject(const Expr *A, const Expr *B) {
  A = A->IgnoreParenImpCasts();
  B = B->IgnoreParenImpCasts();
  if (const auto *DA = dyn_cast<DeclRefExpr>(A))
    if (const auto *DB = dyn_cast<DeclRefExpr>(B))
      return isa<VarDecl>(DA->getDecl()) &&
             DA->getDecl()->getCanonicalDecl() ==
                 DB->getDecl()->getCanonicalDecl() &&
             !DA->getDecl()->getType()->isReferenceType();
  if (const auto *MA = dyn_cast<MemberExpr>(A))
    if (const auto *MB = dyn_cast<MemberExpr>(B))
      return MA->getMemberDecl() == MB->getMemberDecl() &&
             isa<FieldDecl>(MA->getMemberDecl()) &&
             isa<CXXThisExpr>(MA->getBase()->IgnoreParenImpCasts()) &&
             isa<CXXThisExpr>(MB->getBase()->IgnoreParenImpCasts());
  return false;
}

/// Whether \p E runs once per iteration of a loop of its function.
bool inLoop(const Expr &E, ASTContext &Ctx) {
  bool CrossesLambda = false;
  return utils::enclosingLoopOfBody(E, Ctx, &CrossesLambda) && !CrossesLambda;
}

/// The arguments the call spells (not the defaulted ones).
llvm::SmallVector<const Expr *, 2> writtenArgs(const CallExpr &Call) {
  llvm::SmallVector<const Expr *, 2> Args;
  for (const Expr *A : Call.arguments())
    if (!isa<CXXDefaultArgExpr>(A))
      Args.push_back(A);
  return Args;
}

/// `s.substr(p, n)` with a constant n that fits the small-string buffer:
/// the substring never allocates, so a fix would save none.
bool fitsInline(const CXXMemberCallExpr &Call, ASTContext &Ctx) {
  llvm::SmallVector<const Expr *, 2> Args = writtenArgs(Call);
  const auto *RD = Call.getType()->getAsCXXRecordDecl();
  if (Args.size() != 2 || !RD || Args[1]->isValueDependent())
    return false;
  std::optional<llvm::APSInt> N = Args[1]->getIntegerConstantExpr(Ctx);
  return N && N->isNonNegative() &&
         N->getZExtValue() <= utils::smallStringCapacity(*RD);
}

} // namespace

SubstrCopyCheck::SubstrCopyCheck(StringRef Name, ClangTidyContext *Context)
    : ProfiledCheck(Name, Context), UserScope(Context),
      Inserter(Options.getLocalOrGlobal("IncludeStyle",
                                        tidy::utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()) {}

void SubstrCopyCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
}

void SubstrCopyCheck::registerPPCallbacks(const SourceManager &,
                                          Preprocessor *PP, Preprocessor *) {
  fixits::registerInserter(Inserter, PP);
}

void SubstrCopyCheck::registerMatchers(MatchFinder *Finder) {
  UserScope.registerMatchers(Finder);
  Finder->addMatcher(
      cxxMemberCallExpr(
          callee(cxxMethodDecl(hasName("substr"),
                               ofClass(classTemplateSpecializationDecl(
                                   hasName("::std::basic_string"))))),
          unless(isExpansionInSystemHeader()))
          .bind(SubstrId),
      this);
}

void SubstrCopyCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CXXMemberCallExpr>(SubstrId);
  ASTContext &Ctx = *Result.Context;
  std::optional<Candidate> C = candidate(*Call, Ctx);
  if (!C || fitsInline(*Call, Ctx))
    return;
  switch (C->Kind) {
  case Form::Assign:
    return checkAssign(*C, Ctx);
  case Form::Local:
    return checkLocal(*C, Ctx);
  case Form::Read:
    return checkRead(*C, Ctx);
  }
}

std::optional<SubstrCopyCheck::Candidate>
SubstrCopyCheck::candidate(const CXXMemberCallExpr &Call, ASTContext &Ctx) {
  if (Call.getBeginLoc().isMacroID() || Call.getEndLoc().isMacroID() ||
      utils::isTemplateInstantiationOrIn(Ctx, DynTypedNode::create(Call),
                                         /*IncludeSelf=*/false))
    return std::nullopt;
  const auto *ME = dyn_cast<MemberExpr>(Call.getCallee()->IgnoreParens());
  if (!ME || ME->isArrow())
    return std::nullopt;
  Candidate C;
  C.Call = &Call;
  C.Object = Call.getImplicitObjectArgument();
  if (!C.Object || !utils::isStdString(C.Object->getType()))
    return std::nullopt;
  const Expr *Top = utils::climbStringTemporary(&Call, Ctx);
  DynTypedNode P = utils::parentOf(DynTypedNode::create(*Top), Ctx);
  if (const auto *Op = P.get<CXXOperatorCallExpr>();
      Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
      Op->getArg(1) == Top && utils::isStdString(Op->getArg(0)->getType())) {
    C.Kind = Form::Assign;
    C.Assign = Op;
  } else if (const auto *VD = P.get<VarDecl>();
             VD && !utils::isRangeForRangeVar(VD, Ctx)) {
    C.Kind = Form::Local;
    C.Local = VD;
  }
  return C;
}

SubstrCopyCheck::Viewed SubstrCopyCheck::viewedOf(const Expr &Object,
                                                  ASTContext &Ctx) {
  Viewed V;
  const Expr *E = Object.IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    V.Var = dyn_cast<VarDecl>(DRE->getDecl());
    if (V.Var)
      V.Stable = (!V.Var->getType()->isReferenceType() &&
                  V.Var->getType().isConstQualified()) ||
                 utils::isUnaliasedLocal(*V.Var, Ctx);
  } else if (const auto *ME = dyn_cast<MemberExpr>(E);
             ME && isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts())) {
    V.Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
  }
  return V;
}

void SubstrCopyCheck::addViewFix(DiagnosticBuilder &Diag, const Candidate &C,
                                 ASTContext &Ctx, const VarDecl *Retyped) {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  auto Wrap = fixits::wrapInStringView(*C.Object, SM, LO);
  std::optional<llvm::SmallVector<FixItHint, 1>> Retype;
  if (Retyped)
    Retype = fixits::retypeStringAsView(*Retyped, SM, LO);
  if (!Wrap || (Retyped && !Retype))
    return;
  for (const FixItHint &H : *Wrap)
    Diag << H;
  if (Retype)
    for (const FixItHint &H : *Retype)
      Diag << H;
  Diag << fixits::includeInsertion(
      Inserter, SM, SM.getFileID(SM.getExpansionLoc(C.Call->getBeginLoc())),
      "<string_view>");
}

void SubstrCopyCheck::checkRead(const Candidate &C, ASTContext &Ctx) {
  // Without std::string_view there is nothing to offer.
  if (!Ctx.getLangOpts().CPlusPlus17)
    return;
  // A temporary (`f().substr(..)`) would leave the view dangling; other
  // expressions are not followed.
  Viewed V = viewedOf(*C.Object, Ctx);
  if (!V.Var && !V.Field)
    return;
  const Stmt *Loop = nullptr;
  utils::ViewRead K = utils::viewReadOfTemporary(*C.Call, Ctx, &Loop);
  if (K == utils::ViewRead::No)
    return;
  LeavesAlone Alone(V.Var, V.Field, V.Stable, Ctx);
  Alone.TraverseStmt(const_cast<Expr *>(fullExpression(C.Call, Ctx)));
  // The statement itself writes the string: the copy may be what keeps
  // the old characters.
  if (Alone.Writes)
    return;
  bool Safe = !Alone.Calls && (K == utils::ViewRead::ByStd || V.Stable);
  if (K == utils::ViewRead::ByLoop && V.Var && Safe) {
    const Stmt *Body = cast<CXXForRangeStmt>(Loop)->getBody();
    Safe = utils::onlyReadFrom(*V.Var, *Body, Body->getBeginLoc(), Ctx);
  }
  const auto *ME = cast<MemberExpr>(C.Call->getCallee()->IgnoreParens());
  {
    auto Diag = diag(ME->getMemberLoc(),
                     "'substr' copies part of the string into a temporary "
                     "that is only read (%0%select{| per iteration}1); take "
                     "the substring of a std::string_view instead")
                << utils::allocationClause(C.Object->getType())
                << inLoop(*C.Call, Ctx);
    if (Safe)
      addViewFix(Diag, C, Ctx, nullptr);
  }
  if (!Safe)
    diag(ME->getMemberLoc(),
         "no fixit: the string could change while %select{a function "
         "called here|the loop}0 reads the view (it is not a local whose "
         "every use is visible here)",
         DiagnosticIDs::Note)
        << (K == utils::ViewRead::ByLoop && !Alone.Calls ? 1 : 0);
}

void SubstrCopyCheck::checkLocal(const Candidate &C, ASTContext &Ctx) {
  const VarDecl *T = C.Local;
  if (!Ctx.getLangOpts().CPlusPlus17 || !T->hasLocalStorage() ||
      T->getType()->isReferenceType() || !utils::isStdString(T->getType()) ||
      !utils::isRewritableLocal(*T, Ctx))
    return;
  const DeclStmt *DS = utils::soleDeclStmt(T, Ctx);
  const auto *Scope =
      DS ? utils::parentOf(DynTypedNode::create(*DS), Ctx).get<CompoundStmt>()
         : nullptr;
  // The view must not outlive, or see a change of, the string it views.
  Viewed V = viewedOf(*C.Object, Ctx);
  if (!Scope || !V.Var || !V.Stable ||
      !utils::onlyReadFrom(*V.Var, *Scope, DS->getBeginLoc(), Ctx))
    return;
  utils::VarUses Uses = utils::analyzeVarUses(*T, *Scope, Ctx);
  if (Uses.Uses.empty())
    return;
  for (const utils::VarUse &U : Uses.Uses)
    if (utils::viewReadOf(U, Ctx) == utils::ViewRead::No)
      return;
  auto Diag = diag(T->getLocation(),
                   "%0 copies part of %1 (%2%select{| per iteration}3) and "
                   "is only read; make it a std::string_view of %1")
              << T << V.Var << utils::allocationClause(T->getType())
              << inLoop(*C.Call, Ctx);
  addViewFix(Diag, C, Ctx, T);
}

void SubstrCopyCheck::checkAssign(const Candidate &C, ASTContext &Ctx) {
  const Expr *Dst = C.Assign->getArg(0);
  llvm::SmallVector<const Expr *, 2> Args = writtenArgs(*C.Call);
  if (Args.empty() || Dst->HasSideEffects(Ctx) ||
      C.Assign->getBeginLoc().isMacroID() || C.Assign->getEndLoc().isMacroID())
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  std::optional<std::string> DstText =
      fixits::sourceText(Dst->getSourceRange(), SM, LO);
  std::optional<std::string> ObjText =
      fixits::sourceText(C.Object->getSourceRange(), SM, LO);
  std::string ArgText;
  for (const Expr *A : Args) {
    std::optional<std::string> Text =
        fixits::sourceText(A->getSourceRange(), SM, LO);
    if (!Text)
      return;
    ArgText += (ArgText.empty() ? "" : ", ") + *Text;
  }
  if (!DstText || !ObjText)
    return;
  // assign(str, pos) defaults its count only since C++14. assign(), unlike
  // erase(0, pos), throws std::out_of_range for a pos past the end as
  // substr() does; it is specified for a str that is *this.
  if (Args.size() == 1 && !LO.CPlusPlus14)
    ArgText += ", " + *DstText + ".npos";
  bool SameObject = sameObject(Dst, C.Object);
  std::string Replacement =
      *DstText + ".assign(" + *ObjText + ", " + ArgText + ")";
  const auto *ME = cast<MemberExpr>(C.Call->getCallee()->IgnoreParens());
  auto Diag = diag(ME->getMemberLoc(),
                   "%select{assigning a 'substr' result builds a temporary "
                   "string|'%1 = %1.substr(...)' copies part of '%1' into "
                   "a temporary string}0 (%2%select{| per iteration}3); "
                   "%select{copy the characters into '%1' directly|keep them "
                   "in place}0 with '%4'")
              << SameObject << *DstText
              << utils::allocationClause(C.Object->getType())
              << inLoop(*C.Call, Ctx) << Replacement;
  if (std::optional<FixItHint> H =
          fixits::replaceExpr(*C.Assign, Replacement, SM, LO))
    Diag << *H;
}

} // namespace clang::tidy::memlint
