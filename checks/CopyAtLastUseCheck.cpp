//===--- CopyAtLastUseCheck.cpp - memlint-copy-at-last-use ----------------===//

#include "CopyAtLastUseCheck.h"
#include "checks/utils/LocalLifetime.h"
#include "checks/utils/LocalUses.h"
#include "checks/utils/ReadOnlyUse.h"
#include "checks/utils/SinkCall.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "fixits/Includes.h"
#include "fixits/Move.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang::ast_matchers;

namespace clang::tidy::memlint {

namespace {

constexpr char RefId[] = "ref";
constexpr char VarId[] = "var";
constexpr char CopyId[] = "copy";
constexpr char AssignId[] = "assign";
constexpr char CallId[] = "call";
constexpr char ParamId[] = "param";
constexpr char MentionId[] = "mention";

enum class TemplateKind { None, Pattern, Instantiation };

/// Whether \p DC is (inside) a template, or an instantiation of one.
TemplateKind templateKindOf(const DeclContext *DC) {
  TemplateKind K = TemplateKind::None;
  for (; DC; DC = DC->getParent()) {
    if (DC->isDependentContext())
      return TemplateKind::Pattern;
    if (const auto *FD = dyn_cast<FunctionDecl>(DC)) {
      if (FD->getTemplateInstantiationPattern())
        K = TemplateKind::Instantiation;
    } else if (const auto *RD = dyn_cast<CXXRecordDecl>(DC)) {
      if (RD->getTemplateInstantiationPattern())
        K = TemplateKind::Instantiation;
    }
  }
  return K;
}

QualType plain(QualType T) {
  return T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
}

/// The node that consumes the value of \p E, above temporaries and the
/// full-expression's cleanups; \p Top receives the outermost of those.
DynTypedNode consumerOf(const Expr &E, ASTContext &Ctx, const Expr *&Top) {
  DynTypedNode N = DynTypedNode::create(E);
  while (true) {
    Top = N.get<Expr>();
    DynTypedNode P = utils::parentOf(N, Ctx);
    const auto *PE = P.get<Expr>();
    if (!PE || !(isa<MaterializeTemporaryExpr, CXXBindTemporaryExpr,
                     ExprWithCleanups, ParenExpr>(PE) ||
                 (isa<ImplicitCastExpr>(PE) &&
                  cast<ImplicitCastExpr>(PE)->getCastKind() == CK_NoOp)))
      return P;
    N = P;
  }
}

/// Where a copy constructed by \p Copy goes, or "" when it is not a sink
/// (a return, a throw, a lambda capture, an explicit copy).
std::string constructedSink(const CXXConstructExpr &Copy, ASTContext &Ctx,
                            const VarDecl *&Into) {
  const Expr *Top = nullptr;
  DynTypedNode P = consumerOf(Copy, Ctx, Top);
  // The parent map skips CXXCtorInitializer: an initializer's expression
  // has the constructor as its parent.
  if (const auto *Ctor = P.get<CXXConstructorDecl>()) {
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->getInit() == Top && Init->isWritten())
        if (const FieldDecl *F = Init->getMember())
          return "into member '" + F->getNameAsString() + "'";
    return "";
  }
  if (const auto *VD = P.get<VarDecl>()) {
    if (!VD->hasLocalStorage() || isa<ParmVarDecl, DecompositionDecl>(VD))
      return "";
    Into = VD;
    return "into '" + VD->getNameAsString() + "'";
  }
  const auto *PE = P.get<Expr>();
  if (!PE)
    return "";
  if (isa<InitListExpr>(PE))
    return "into an aggregate member";
  if (const auto *Call = dyn_cast<CallExpr>(PE)) {
    if (const auto *Callee = Call->getDirectCallee();
        Callee && Callee->getDeclName().isIdentifier())
      return "as a by-value argument of '" + Callee->getNameAsString() + "'";
    return "as a by-value argument";
  }
  if (isa<CXXConstructExpr>(PE))
    return "as a by-value constructor argument";
  return "";
}

/// What one copy of \p T costs, for the message.
std::string copyCost(QualType T, const ASTContext &Ctx) {
  T = plain(T);
  std::string Name = T.getAsString(Ctx.getPrintingPolicy());
  const auto *RD = T->getAsCXXRecordDecl();
  StringRef Id = RD && RD->getIdentifier() ? RD->getName() : "";
  bool Std = RD && RD->isInStdNamespace();
  if (Std && Id == "basic_string")
    return "copying a std::string allocates past the small-string buffer";
  if (Std && llvm::is_contained({"vector", "deque", "list", "forward_list",
                                 "map", "multimap", "set", "multiset",
                                 "unordered_map", "unordered_set",
                                 "unordered_multimap", "unordered_multiset"},
                                Id))
    return "copying a '" + Name + "' allocates and copies every element";
  if (Std && Id == "shared_ptr")
    return "copying a '" + Name + "' updates an atomic reference count";
  return "'" + Name + "' has a non-trivial copy";
}

} // namespace

CopyAtLastUseCheck::CopyAtLastUseCheck(StringRef Name,
                                       ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), UserScope(Context),
      RawSinkMethods(Options.get("SinkMethods", utils::DefaultSinkMethods)),
      SinkMethods(
          ::clang::tidy::utils::options::parseStringList(RawSinkMethods)),
      Inserter(
          Options.getLocalOrGlobal(
              "IncludeStyle", ::clang::tidy::utils::IncludeSorter::IS_LLVM),
          areDiagsSelfContained()) {}

void CopyAtLastUseCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "SinkMethods", RawSinkMethods);
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
}

void CopyAtLastUseCheck::registerPPCallbacks(const SourceManager &,
                                             Preprocessor *PP, Preprocessor *) {
  fixits::registerInserter(Inserter, PP);
}

void CopyAtLastUseCheck::registerMatchers(MatchFinder *Finder) {
  UserScope.registerMatchers(Finder);
  auto Var = varDecl(hasLocalStorage(), unless(hasType(referenceType())),
                     unless(hasType(isConstQualified())))
                 .bind(VarId);
  auto Ref = ignoringParenImpCasts(
      declRefExpr(to(Var), unless(isExpansionInSystemHeader())).bind(RefId));
  Finder->addMatcher(
      cxxConstructExpr(hasDeclaration(cxxConstructorDecl(isCopyConstructor())),
                       hasArgument(0, Ref))
          .bind(CopyId),
      this);
  Finder->addMatcher(
      cxxOperatorCallExpr(hasOverloadedOperatorName("="),
                          callee(cxxMethodDecl(isCopyAssignmentOperator())),
                          hasArgument(1, Ref))
          .bind(AssignId),
      this);
  Finder->addMatcher(
      cxxMemberCallExpr(
          callee(cxxMethodDecl(hasAnyName(SinkMethods))),
          forEachArgumentWithParam(
              Ref, parmVarDecl(hasType(lValueReferenceType())).bind(ParamId)))
          .bind(CallId),
      this);
  // Every mention of a candidate-shaped variable, to count the
  // instantiations of a template that mention it at a site (check() drops
  // the ones outside instantiations at once).
  Finder->addMatcher(declRefExpr(to(varDecl(hasLocalStorage(),
                                            unless(hasType(referenceType())))),
                                 unless(isExpansionInSystemHeader()))
                         .bind(MentionId),
                     this);
}

std::optional<CopyAtLastUseCheck::Candidate>
CopyAtLastUseCheck::candidate(const MatchFinder::MatchResult &Result) const {
  const auto *Ref = Result.Nodes.getNodeAs<DeclRefExpr>(RefId);
  const auto *VD = Result.Nodes.getNodeAs<VarDecl>(VarId);
  const auto *FD = dyn_cast<FunctionDecl>(VD->getDeclContext());
  if (!FD || isa<DecompositionDecl>(VD))
    return std::nullopt;
  ASTContext &Ctx = *Result.Context;
  Candidate C{VD, Ref, FD, "", utils::MoveOp::Construct, nullptr};
  if (const auto *Copy = Result.Nodes.getNodeAs<CXXConstructExpr>(CopyId)) {
    C.Sink = constructedSink(*Copy, Ctx, C.Into);
  } else if (const auto *Assign =
                 Result.Nodes.getNodeAs<CXXOperatorCallExpr>(AssignId)) {
    const Expr *Lhs = Assign->getArg(0)->IgnoreParenImpCasts();
    if (const auto *L = dyn_cast<DeclRefExpr>(Lhs); L && L->getDecl() == VD)
      return std::nullopt; // `x = x`
    C.Sink = "by assignment";
    if (const auto *M = dyn_cast<MemberExpr>(Lhs))
      C.Sink = "into member '" + M->getMemberDecl()->getNameAsString() + "'";
    else if (const auto *L = dyn_cast<DeclRefExpr>(Lhs))
      C.Sink = "into '" + L->getDecl()->getNameAsString() + "'";
    C.Op = utils::MoveOp::Assign;
  } else if (const auto *Call =
                 Result.Nodes.getNodeAs<CXXMemberCallExpr>(CallId)) {
    const auto *Param = Result.Nodes.getNodeAs<ParmVarDecl>(ParamId);
    const CXXMethodDecl *MD = Call->getMethodDecl();
    if (!MD || plain(Param->getType()) != plain(VD->getType()) ||
        !utils::takesRvalueToo(*MD, *Param))
      return std::nullopt;
    C.Sink = "into '" + MD->getNameAsString() + "'";
  }
  if (C.Sink.empty())
    return std::nullopt;
  return C;
}

const utils::FunctionFlow *CopyAtLastUseCheck::flowOf(const FunctionDecl &FD,
                                                      ASTContext &Ctx) {
  auto It = Flows.find(&FD);
  if (It == Flows.end())
    It = Flows.try_emplace(&FD, utils::FunctionFlow::build(FD, Ctx)).first;
  return It->second.get();
}

CopyAtLastUseCheck::Verdict CopyAtLastUseCheck::decide(const Candidate &C,
                                                       ASTContext &Ctx) {
  const VarDecl &VD = *C.Var;
  QualType T = VD.getType();
  // A copy written in a macro, or a variable the closure of a lambda holds.
  if (C.Ref->getBeginLoc().isMacroID() || C.Ref->getEndLoc().isMacroID() ||
      C.Ref->refersToEnclosingVariableOrCapture())
    return Verdict::Reject;
  if (T.isVolatileQualified() || VD.isStaticLocal() ||
      VD.isExceptionVariable() || utils::inCoroutine(&VD))
    return Verdict::Reject;
  if (!T->isRecordType())
    return Verdict::Harmless;
  utils::MoveCost Cost = utils::moveCost(T, C.Op);
  if (Cost == utils::MoveCost::Deleted)
    return Verdict::Reject;
  if (T.isTriviallyCopyableType(Ctx) || Cost == utils::MoveCost::SameAsCopy)
    return Verdict::Harmless;
  return flowVerdict(C, Ctx);
}

CopyAtLastUseCheck::Verdict CopyAtLastUseCheck::flowVerdict(const Candidate &C,
                                                            ASTContext &Ctx) {
  const VarDecl &VD = *C.Var;
  const utils::FunctionFlow *Flow = flowOf(*C.Function, Ctx);
  if (!Flow || !utils::movableAt(VD, *C.Ref, *Flow, Ctx))
    return Verdict::Reject;
  // `T y = x;` with `y` only read is memlint-unneeded-copy's: binding a
  // const reference is better than moving.
  if (C.Into && C.Function->getBody() &&
      utils::analyzeVarUses(*C.Into, *C.Function->getBody(), Ctx).onlyRead())
    return Verdict::Reject;
  return Verdict::Move;
}

void CopyAtLastUseCheck::emit(const Candidate &C, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::string Name = C.Var->getNameAsString();
  auto D = diag(C.Ref->getLocation(),
                "'%0' is copied %1 at its last use (%2); move it instead")
           << Name << C.Sink << copyCost(C.Var->getType(), Ctx);
  for (const FixItHint &H :
       fixits::wrapInStdMove(*C.Ref, Inserter, SM, Ctx.getLangOpts()))
    D << H;
}

void CopyAtLastUseCheck::check(const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
  if (const auto *M = Result.Nodes.getNodeAs<DeclRefExpr>(MentionId)) {
    const auto *VD = cast<VarDecl>(M->getDecl());
    if (templateKindOf(VD->getDeclContext()) == TemplateKind::Instantiation)
      ++TemplateSites[M->getLocation().getRawEncoding()].Mentions;
    return;
  }
  std::optional<Candidate> C = candidate(Result);
  if (!C)
    return;
  TemplateKind TK = templateKindOf(C->Var->getDeclContext());
  if (TK == TemplateKind::Pattern)
    return; // decided in its instantiations
  Verdict V = decide(*C, *Result.Context);
  if (TK == TemplateKind::None) {
    if (V == Verdict::Move)
      emit(*C, *Result.Context);
    return;
  }
  TemplateSite &S = TemplateSites[C->Ref->getLocation().getRawEncoding()];
  if (V == Verdict::Move) {
    ++S.Moves;
    if (!S.First)
      S.First = C;
  } else if (V == Verdict::Harmless) {
    ++S.Harmless;
  } else {
    ++S.Rejects;
  }
}

void CopyAtLastUseCheck::onEndOfTranslationUnit() {
  // A template site is reported once, when every instantiation that mentions
  // the variable there copies it into a sink, none rejects the move, and at
  // least one copies a type whose move is cheaper.
  if (Context)
    for (auto &[Loc, S] : TemplateSites)
      if (S.First && S.Rejects == 0 && S.Moves + S.Harmless == S.Mentions)
        emit(*S.First, *Context);
  TemplateSites.clear();
  Flows.clear();
  Context = nullptr;
}

} // namespace clang::tidy::memlint
