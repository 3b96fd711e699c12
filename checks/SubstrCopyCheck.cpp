//===--- SubstrCopyCheck.cpp - memlint-substr-copy ------------------------===//

#include "SubstrCopyCheck.h"
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
  bool Ok = true;

  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (Var && DRE->getDecl() == Var)
      Ok &= isRead(utils::classifyUse(*DRE, Ctx).Kind);
    return Ok;
  }
  bool VisitMemberExpr(MemberExpr *ME) {
    if (Field && ME->getMemberDecl() == Field &&
        isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
      Ok &= isRead(utils::classifyObjectUse(*ME, Ctx).Kind);
    return Ok;
  }
  bool VisitCallExpr(CallExpr *CE) {
    const Decl *D = CE->getCalleeDecl();
    if (!Stable && !utils::isStdLibraryDecl(D))
      Ok = false;
    return Ok;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    if (!Stable && !utils::isStdLibraryDecl(CE->getConstructor()) &&
        !CE->getConstructor()->isTrivial())
      Ok = false;
    return Ok;
  }

private:
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

/// The arguments the call spells (not the defaulted ones).
llvm::SmallVector<const Expr *, 2> writtenArgs(const CallExpr &Call) {
  llvm::SmallVector<const Expr *, 2> Args;
  for (const Expr *A : Call.arguments())
    if (!isa<CXXDefaultArgExpr>(A))
      Args.push_back(A);
  return Args;
}

} // namespace

SubstrCopyCheck::SubstrCopyCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), UserScope(Context),
      Inserter(Options.getLocalOrGlobal("IncludeStyle",
                                        tidy::utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()) {}

void SubstrCopyCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
}

void SubstrCopyCheck::registerPPCallbacks(const SourceManager &,
                                          Preprocessor *PP, Preprocessor *) {
  Inserter.registerPreprocessor(PP);
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
  if (!C)
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
  if (!Alone.Ok)
    return;
  bool Safe = K == utils::ViewRead::ByStd || V.Stable;
  if (K == utils::ViewRead::ByLoop && V.Var && Safe) {
    const Stmt *Body = cast<CXXForRangeStmt>(Loop)->getBody();
    Safe = utils::onlyReadFrom(*V.Var, *Body, Body->getBeginLoc(), Ctx);
  }
  const auto *ME = cast<MemberExpr>(C.Call->getCallee()->IgnoreParens());
  bool Cxx17 = Ctx.getLangOpts().CPlusPlus17;
  {
    auto Diag = diag(ME->getMemberLoc(),
                     "'substr' copies part of the string into a temporary "
                     "(allocating past 15 characters) that is only read; take "
                     "the substring of a std::string_view instead");
    if (Safe && Cxx17)
      addViewFix(Diag, C, Ctx, nullptr);
  }
  if (!Cxx17)
    diag(ME->getMemberLoc(), "no fixit: std::string_view needs C++17",
         DiagnosticIDs::Note);
  else if (!Safe)
    diag(ME->getMemberLoc(),
         "no fixit: the string could change while the %select{call|loop}0 "
         "reads the view (it is not a local whose every use is visible here)",
         DiagnosticIDs::Note)
        << (K == utils::ViewRead::ByLoop ? 1 : 0);
}

void SubstrCopyCheck::checkLocal(const Candidate &C, ASTContext &Ctx) {
  const VarDecl *T = C.Local;
  if (!T->hasLocalStorage() || T->getType()->isReferenceType() ||
      !utils::isStdString(T->getType()) || !utils::isRewritableLocal(*T, Ctx))
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
  bool Cxx17 = Ctx.getLangOpts().CPlusPlus17;
  {
    auto Diag = diag(T->getLocation(),
                     "%0 copies part of %1 (allocating past 15 characters) "
                     "and is only read; make it a std::string_view of %1")
                << T << V.Var;
    if (Cxx17)
      addViewFix(Diag, C, Ctx, T);
  }
  if (!Cxx17)
    diag(T->getLocation(), "no fixit: std::string_view needs C++17",
         DiagnosticIDs::Note);
}

void SubstrCopyCheck::checkAssign(const Candidate &C, ASTContext &Ctx) {
  const Expr *Dst = C.Assign->getArg(0);
  llvm::SmallVector<const Expr *, 2> Args = writtenArgs(*C.Call);
  if (Args.empty() || Dst->HasSideEffects(Ctx) ||
      C.Assign->getBeginLoc().isMacroID() || C.Assign->getEndLoc().isMacroID())
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  bool Erase = Args.size() == 1 && sameObject(Dst, C.Object);
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
  // assign(str, pos) defaults its count only since C++14.
  bool Fixable = Erase || Args.size() == 2 || LO.CPlusPlus14;
  const auto *ME = cast<MemberExpr>(C.Call->getCallee()->IgnoreParens());
  std::string Replacement =
      Erase ? *DstText + ".erase(0, " + ArgText + ")"
            : *DstText + ".assign(" + *ObjText + ", " + ArgText + ")";
  {
    auto Diag =
        Erase ? diag(ME->getMemberLoc(),
                     "'%0 = %0.substr(...)' copies the rest of the string into "
                     "a temporary (allocating past 15 characters); erase the "
                     "prefix in place with '%1'")
                    << *DstText << Replacement
              : diag(ME->getMemberLoc(),
                     "assigning a 'substr' result builds a temporary string "
                     "(allocating past 15 characters); copy the characters "
                     "into '%0' directly with '%1'")
                    << *DstText << Replacement;
    if (Fixable)
      if (std::optional<FixItHint> H =
              fixits::replaceExpr(*C.Assign, Replacement, SM, LO))
        Diag << *H;
  }
  if (!Fixable)
    diag(ME->getMemberLoc(),
         "no fixit: 'assign(str, pos)' needs C++14 (spell the count)",
         DiagnosticIDs::Note);
}

} // namespace clang::tidy::memlint
