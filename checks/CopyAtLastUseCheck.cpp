//===--- CopyAtLastUseCheck.cpp - memlint-copy-at-last-use ----------------===//

#include "CopyAtLastUseCheck.h"
#include "checks/utils/AllocationBehaviour.h"
#include "checks/utils/FixSaving.h"
#include "checks/utils/LocalLifetime.h"
#include "checks/utils/LocalUses.h"
#include "checks/utils/ReadOnlyUse.h"
#include "checks/utils/SinkCall.h"
#include "checks/utils/StringConcat.h"
#include "checks/utils/ValueWrappers.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "fixits/Includes.h"
#include "fixits/Move.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
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
constexpr char SourceId[] = "source";
constexpr char FreeCallId[] = "free-call";

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

/// The parameter of \p Callee that argument \p Arg of \p Call initializes,
/// if it is a plain (non-variadic) one.
const ParmVarDecl *paramFor(const Expr *Arg, const FunctionDecl *Callee,
                            llvm::ArrayRef<const Expr *> Args) {
  if (!Callee)
    return nullptr;
  for (unsigned I = 0; I < Args.size() && I < Callee->getNumParams(); ++I)
    if (Args[I] == Arg)
      return Callee->getParamDecl(I);
  return nullptr;
}

/// Where a copy constructed by \p Copy goes, or "" when it is not a sink
/// (a return, a throw, a lambda capture, an explicit copy). \p Into and
/// \p ByValue receive the local or the callee's parameter it initializes.
std::string constructedSink(const CXXConstructExpr &Copy, ASTContext &Ctx,
                            const VarDecl *&Into, const ParmVarDecl *&ByValue) {
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
    const FunctionDecl *Callee = Call->getDirectCallee();
    ByValue = paramFor(Top, Callee, {Call->getArgs(), Call->getNumArgs()});
    if (Callee && Callee->getDeclName().isIdentifier())
      return "as a by-value argument of '" + Callee->getNameAsString() + "'";
    return "as a by-value argument";
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(PE)) {
    ByValue = paramFor(Top, Construct->getConstructor(),
                       {Construct->getArgs(), Construct->getNumArgs()});
    return "as a by-value constructor argument";
  }
  return "";
}

/// What one copy of \p T costs, for the message.
std::string copyCost(QualType T, const ASTContext &Ctx) {
  T = memlint::utils::valueType(T);
  std::string Name = T.getAsString(Ctx.getPrintingPolicy());
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return "'" + Name + "' has a non-trivial copy";
  switch (utils::allocationKindOf(*RD)) {
  case utils::AllocationKind::SmallBuffer:
    return "copying a std::string allocates past the small-string buffer";
  case utils::AllocationKind::Contiguous:
  case utils::AllocationKind::NodeBased:
  case utils::AllocationKind::HashTable:
    return "copying a '" + Name + "' allocates and copies every element";
  case utils::AllocationKind::Stream:
  case utils::AllocationKind::Unknown:
    break;
  }
  if (RD->isInStdNamespace() && RD->getIdentifier() &&
      RD->getName() == "shared_ptr")
    return "copying a '" + Name + "' updates an atomic reference count";
  return "'" + Name + "' has a non-trivial copy";
}

} // namespace

CopyAtLastUseCheck::CopyAtLastUseCheck(StringRef Name,
                                       ClangTidyContext *Context)
    : ProfiledCheck(Name, Context), UserScope(Context),
      RawSinkMethods(Options.get("SinkMethods", utils::DefaultSinkMethods)),
      SinkMethods(
          ::clang::tidy::utils::options::parseStringList(RawSinkMethods)),
      RawSinkFunctions(
          Options.get("SinkFunctions", utils::DefaultSinkFunctions)),
      SinkFunctions(
          ::clang::tidy::utils::options::parseStringList(RawSinkFunctions)),
      UnneededCopyRuns(Context->isCheckEnabled("memlint-unneeded-copy")),
      Inserter(
          Options.getLocalOrGlobal(
              "IncludeStyle", ::clang::tidy::utils::IncludeSorter::IS_LLVM),
          areDiagsSelfContained()) {}

void CopyAtLastUseCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "SinkMethods", RawSinkMethods);
  Options.store(Opts, "SinkFunctions", RawSinkFunctions);
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
  auto Root = ignoringParenImpCasts(
      declRefExpr(to(Var), unless(isExpansionInSystemHeader())).bind(RefId));
  // A data member of a local, or an element of a local sequence container:
  // moved from at the local's last use just the same.
  auto Sequence = cxxRecordDecl(
      hasAnyName("::std::vector", "::std::deque", "::std::array"));
  auto Part = expr(anyOf(
      memberExpr(unless(isArrow()), hasObjectExpression(Root),
                 member(fieldDecl(unless(hasType(referenceType()))))),
      cxxOperatorCallExpr(hasOverloadedOperatorName("[]"),
                          callee(cxxMethodDecl(ofClass(Sequence))),
                          hasArgument(0, Root)),
      cxxMemberCallExpr(callee(cxxMethodDecl(hasAnyName("front", "back", "at"),
                                             ofClass(Sequence))),
                        on(Root))));
  auto Ref = ignoringParenImpCasts(expr(anyOf(Root, Part)).bind(SourceId));
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
  auto ByLvalueRef = parmVarDecl(hasType(lValueReferenceType())).bind(ParamId);
  Finder->addMatcher(
      cxxMemberCallExpr(callee(cxxMethodDecl(hasAnyName(SinkMethods))),
                        forEachArgumentWithParam(Ref, ByLvalueRef))
          .bind(CallId),
      this);
  if (!SinkFunctions.empty())
    Finder->addMatcher(callExpr(unless(cxxMemberCallExpr()),
                                unless(cxxOperatorCallExpr()),
                                callee(functionDecl(hasAnyName(SinkFunctions))),
                                forEachArgumentWithParam(Ref, ByLvalueRef))
                           .bind(FreeCallId),
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

/// Where a sink call or assignment copies the candidate's source: "" when it
/// is not a sink. \p Op receives the operation std::move would select.
static std::string sinkOf(const MatchFinder::MatchResult &Result,
                          const VarDecl &VD, QualType SourceType,
                          utils::MoveOp &Op) {
  if (const auto *Assign =
          Result.Nodes.getNodeAs<CXXOperatorCallExpr>(AssignId)) {
    const Expr *Lhs = Assign->getArg(0)->IgnoreParenImpCasts();
    if (utils::mentionsObject(*Lhs, &VD, nullptr))
      return ""; // `x = x`, `r = r.part`
    Op = utils::MoveOp::Assign;
    if (const auto *M = dyn_cast<MemberExpr>(Lhs))
      return "into member '" + M->getMemberDecl()->getNameAsString() + "'";
    if (const auto *L = dyn_cast<DeclRefExpr>(Lhs))
      return "into '" + L->getDecl()->getNameAsString() + "'";
    return "by assignment";
  }
  const auto *Param = Result.Nodes.getNodeAs<ParmVarDecl>(ParamId);
  const auto *Call = Result.Nodes.getNodeAs<CXXMemberCallExpr>(CallId);
  const auto *Free = Result.Nodes.getNodeAs<CallExpr>(FreeCallId);
  const FunctionDecl *Callee = Call   ? Call->getMethodDecl()
                               : Free ? Free->getDirectCallee()
                                      : nullptr;
  if (!Callee || !Param ||
      memlint::utils::valueType(Param->getType()) !=
          memlint::utils::valueType(SourceType) ||
      !utils::takesRvalueToo(*Callee, *Param))
    return "";
  // `v.push_back(v[0])`: the container may move its elements first.
  if (Call && Call->getImplicitObjectArgument() &&
      utils::mentionsObject(*Call->getImplicitObjectArgument(), &VD, nullptr))
    return "";
  return "into '" + Callee->getNameAsString() + "'";
}

std::optional<CopyAtLastUseCheck::Candidate>
CopyAtLastUseCheck::candidate(const MatchFinder::MatchResult &Result) const {
  const auto *Ref = Result.Nodes.getNodeAs<DeclRefExpr>(RefId);
  const auto *VD = Result.Nodes.getNodeAs<VarDecl>(VarId);
  const auto *Source = Result.Nodes.getNodeAs<Expr>(SourceId);
  const auto *FD = dyn_cast<FunctionDecl>(VD->getDeclContext());
  if (!FD || isa<DecompositionDecl>(VD))
    return std::nullopt;
  Candidate C{VD,      Ref,    Source, FD, "", utils::MoveOp::Construct,
              nullptr, nullptr};
  if (Source != Ref) {
    // A part: its destructor-observed state must stay the owner's business
    // (no user-declared destructor to see the moved-from member), and a
    // const part would be copied by std::move anyway.
    const auto *RD = VD->getType()->getAsCXXRecordDecl();
    if (Source->getType().isConstQualified() ||
        (RD && RD->hasUserDeclaredDestructor() && isa<MemberExpr>(Source)))
      return std::nullopt;
  }
  if (const auto *Copy = Result.Nodes.getNodeAs<CXXConstructExpr>(CopyId))
    C.Sink = constructedSink(*Copy, *Result.Context, C.Into, C.ByValue);
  else
    C.Sink = sinkOf(Result, *VD, Source->getType(), C.Op);
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
  QualType T = C.Source->getType();
  // A copy written in a macro, or a variable the closure of a lambda holds.
  if (C.Source->getBeginLoc().isMacroID() ||
      C.Source->getEndLoc().isMacroID() ||
      C.Ref->refersToEnclosingVariableOrCapture())
    return Verdict::Reject;
  if (VD.getType().isVolatileQualified() || VD.isStaticLocal() ||
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
  // A by-value parameter that memlint-unneeded-copy turns into a reference:
  // after both fixes the move would bind to `const&` and save nothing.
  if (C.ByValue && UnneededCopyRuns && becomesReference(*C.ByValue, Ctx))
    return Verdict::Reject;
  return Verdict::Move;
}

bool CopyAtLastUseCheck::becomesReference(const ParmVarDecl &Param,
                                          ASTContext &Ctx) const {
  const auto *Callee = dyn_cast<FunctionDecl>(Param.getDeclContext());
  const FunctionDecl *Def = nullptr;
  if (!Callee || !Callee->hasBody(Def) || !Def->getBody() ||
      Param.getFunctionScopeIndex() >= Def->getNumParams())
    return false;
  const ParmVarDecl &P = *Def->getParamDecl(Param.getFunctionScopeIndex());
  utils::VarUses Uses = utils::analyzeVarUses(P, *Def->getBody(), Ctx);
  return Uses.onlyRead() && !utils::movedIntoSinkAtLastUse(
                                P, Uses, {SinkMethods, SinkFunctions}, Ctx);
}

void CopyAtLastUseCheck::emit(const Candidate &C, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::string Name = C.Var->getNameAsString();
  std::string What = Name, When = "its last use";
  if (C.Source != C.Ref) {
    What = Lexer::getSourceText(
               CharSourceRange::getTokenRange(C.Source->getSourceRange()), SM,
               Ctx.getLangOpts())
               .str();
    When = "the last use of '" + Name + "'";
  }
  // Its line also allocates for the sink (a push_back's growth): say which.
  std::vector<memlint::utils::AllocationSite> Sites;
  llvm::StringRef Family =
      memlint::utils::allocationFamily(C.Source->getType());
  if (!Family.empty())
    Sites.push_back({C.Ref->getLocation(), Family.str()});
  claimAllocations(Sites);
  {
    auto D = diag(C.Ref->getLocation(),
                  "'%0' is copied %1 at %2 (%3); move it instead")
             << What << C.Sink << When << copyCost(C.Source->getType(), Ctx);
    for (const FixItHint &H :
         fixits::wrapInStdMove(*C.Source, Inserter, SM, Ctx.getLangOpts()))
      D << H;
  }
  memlint::utils::noteAllocationsRemovedHere(*this, Sites);
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
