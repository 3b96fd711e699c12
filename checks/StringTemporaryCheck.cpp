//===--- StringTemporaryCheck.cpp - memlint-string-temporary --------------===//

#include "StringTemporaryCheck.h"
#include "fixits/TypeRewrite.h"
#include "utils/OverloadRisk.h"
#include "utils/ReadOnlyUse.h"
#include "utils/StringViewUse.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::memlint {

namespace {

constexpr llvm::StringLiteral FnId = "fn";
constexpr llvm::StringLiteral RefId = "ref";
constexpr llvm::StringLiteral RefExprId = "refexpr";
constexpr llvm::StringLiteral CallId = "call";

/// `const std::string&` (through any sugar).
bool isConstStringRef(QualType T) {
  const auto *Ref = T->getAs<LValueReferenceType>();
  if (!Ref)
    return false;
  QualType Pointee = Ref->getPointeeType();
  return Pointee.isConstQualified() && !Pointee.isVolatileQualified() &&
         utils::isStdString(Pointee);
}

const FunctionDecl *canon(const FunctionDecl *FD) {
  return FD->getCanonicalDecl();
}

/// Functions whose signature is not theirs to change, or where a view
/// parameter changes more than the parameter.
bool signatureIsFixed(const FunctionDecl *FD) {
  if (FD->isMain() || FD->isExternC() || FD->isTemplated() ||
      FD->isTemplateInstantiation() ||
      FD->getTemplateSpecializationKind() != TSK_Undeclared ||
      FD->getLocation().isMacroID() || isa<CXXDeductionGuideDecl>(FD) ||
      FD->isOverloadedOperator() || isa<CXXConstructorDecl>(FD) ||
      isa<CXXConversionDecl>(FD) || FD->isVariadic())
    return true;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    return MD->isVirtual() || MD->size_overridden_methods() > 0 ||
           MD->getParent()->isLambda() ||
           MD->getParent()->getTemplateSpecializationKind() != TSK_Undeclared;
  return false;
}

/// `std::string(sv)` at a call, rewritten to pass `sv` itself; false when
/// the text is not plain file text.
bool unwrapViewArgument(const Expr *Arg, const SourceManager &SM,
                        const LangOptions &LO, std::vector<FixItHint> &Out) {
  const auto *Cast =
      dyn_cast<CXXFunctionalCastExpr>(utils::writtenArgument(Arg));
  const auto *CE =
      Cast ? dyn_cast<CXXConstructExpr>(Cast->getSubExpr()->IgnoreImplicit())
           : nullptr;
  if (!CE || CE->getNumArgs() < 1)
    return false;
  SourceRange Outer = Cast->getSourceRange();
  SourceRange Inner = CE->getArg(0)->IgnoreImplicit()->getSourceRange();
  if (Outer.getBegin().isMacroID() || Outer.getEnd().isMacroID() ||
      Inner.getBegin().isMacroID() || Inner.getEnd().isMacroID())
    return false;
  bool Invalid = false;
  StringRef Text = Lexer::getSourceText(CharSourceRange::getTokenRange(Inner),
                                        SM, LO, &Invalid);
  if (Invalid || Text.empty())
    return false;
  Out.push_back(FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(Outer), Text));
  return true;
}

} // namespace

StringTemporaryCheck::StringTemporaryCheck(StringRef Name,
                                           ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), UserScope(Context) {}

void StringTemporaryCheck::registerMatchers(MatchFinder *Finder) {
  UserScope.registerMatchers(Finder);
  auto ConstStringRef = parmVarDecl(hasType(lValueReferenceType(
      pointee(qualType(isConstQualified(),
                       hasCanonicalType(recordType(hasDeclaration(cxxRecordDecl(
                           hasName("::std::basic_string"))))))))));
  Finder->addMatcher(
      functionDecl(isDefinition(), unless(isExpansionInSystemHeader()),
                   unless(isImplicit()), unless(isDeleted()),
                   unless(isDefaulted()), hasAnyParameter(ConstStringRef))
          .bind(FnId),
      this);
  // Every mention of such a function, and every call of it: a mention that
  // is not a call's callee takes its address.
  auto Fn = functionDecl(hasAnyParameter(ConstStringRef));
  Finder->addMatcher(declRefExpr(to(Fn.bind(RefId))).bind(RefExprId), this);
  Finder->addMatcher(callExpr(callee(Fn)).bind(CallId), this);
}

void StringTemporaryCheck::collectCall(const CallExpr *Call) {
  const Expr *Callee = Call->getCallee()->IgnoreParens();
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(Callee);
      ICE && ICE->getCastKind() == CK_FunctionToPointerDecay)
    Callee = ICE->getSubExpr()->IgnoreParens();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Callee))
    CalleeRefs.insert(DRE);
  if (const FunctionDecl *FD = Call->getDirectCallee())
    Calls[canon(FD)].push_back(Call);
}

void StringTemporaryCheck::check(const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
  if (const auto *Ref = Result.Nodes.getNodeAs<DeclRefExpr>(RefExprId)) {
    Mentions.emplace_back(Ref,
                          canon(Result.Nodes.getNodeAs<FunctionDecl>(RefId)));
    return;
  }
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>(CallId))
    return collectCall(Call);
  if (const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>(FnId))
    checkFunction(FD, *Result.Context);
}

// Candidate: a `const std::string&` parameter every use of which a
// std::string_view supports with the same meaning.
void StringTemporaryCheck::checkFunction(const FunctionDecl *FD,
                                         ASTContext &Ctx) {
  if (!FD->getBody() || isa<CoroutineBodyStmt>(FD->getBody()) ||
      signatureIsFixed(FD))
    return;
  llvm::SmallVector<const VarDecl *, 4> Strings;
  for (const ParmVarDecl *P : FD->parameters())
    if (!P->getName().empty() && isConstStringRef(P->getType()))
      Strings.push_back(P);
  if (Strings.empty())
    return;
  auto Uses = utils::analyzeVarsUses(Strings, *FD->getBody(), Ctx);
  for (unsigned I = 0, N = FD->getNumParams(); I < N; ++I) {
    auto It = Uses.find(FD->getParamDecl(I));
    if (It == Uses.end() ||
        !llvm::all_of(It->second.Uses, [&](const utils::VarUse &U) {
          return utils::isStringViewCompatibleUseOrResult(U, Ctx);
        }))
      continue;
    Params.push_back({FD, I});
  }
}

// Facts: which calls build a temporary, and whether every call passes
// something a view parameter takes the same way.
StringTemporaryCheck::TemporaryCalls
StringTemporaryCheck::temporaryCalls(const ParamCandidate &C) const {
  TemporaryCalls Out;
  const ParmVarDecl *P = C.FD->getParamDecl(C.Index);
  if (P->hasDefaultArg() &&
      (P->hasUninstantiatedDefaultArg() ||
       !utils::stringViewAcceptsArgument(P->getDefaultArg())))
    Out.AllAccepted = false;
  auto It = Calls.find(canon(C.FD));
  if (It == Calls.end())
    return Out;
  for (const CallExpr *Call : It->second) {
    if (C.Index >= Call->getNumArgs() || isa<CXXOperatorCallExpr>(Call)) {
      Out.AllAccepted = false;
      continue;
    }
    const Expr *Arg = Call->getArg(C.Index);
    const Expr *Written = Arg;
    if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(Arg))
      Written = Default->getExpr();
    utils::StringTemporary K = utils::stringTemporaryOf(Written);
    if (K == utils::StringTemporary::None &&
        !utils::stringViewAcceptsArgument(Written))
      Out.AllAccepted = false;
    else if (K != utils::StringTemporary::None)
      Out.Args.push_back(Arg);
  }
  return Out;
}

// Decision: functions a view parameter would make ambiguous are left
// alone. Returns why (for debugging), null when the function may change.
const char *StringTemporaryCheck::whyNotFlagged(const FunctionDecl *FD) const {
  if (AddressTaken.count(canon(FD)))
    return "address taken";
  if (utils::otherOverload(*FD))
    return "overloaded";
  return nullptr;
}

void StringTemporaryCheck::onEndOfTranslationUnit() {
  for (const auto &[Ref, FD] : Mentions)
    if (!CalleeRefs.count(Ref))
      AddressTaken.insert(FD);
  if (Context)
    for (const ParamCandidate &C : Params) {
      if (whyNotFlagged(C.FD))
        continue;
      TemporaryCalls T = temporaryCalls(C);
      if (T.AllAccepted && !T.Args.empty())
        emitParam(C, T);
    }
  Params.clear();
  AddressTaken.clear();
  Mentions.clear();
  CalleeRefs.clear();
  Calls.clear();
  Context = nullptr;
}

// Fix plan and emit: the parameter on every redeclaration, and the
// `std::string(sv)` arguments unwrapped.
void StringTemporaryCheck::emitParam(const ParamCandidate &C,
                                     const TemporaryCalls &T) {
  const SourceManager &SM = Context->getSourceManager();
  const LangOptions &LO = Context->getLangOpts();
  const ParmVarDecl *P = C.FD->getParamDecl(C.Index);
  const NamespaceDecl *Rival = utils::adlRivalNamespace(*C.FD);
  fixits::RewriteResult RR = fixits::changeParamType(
      C.FD, C.Index, "std::string_view", /*WithQualifiers=*/true, SM, LO);
  std::vector<FixItHint> Fixes(RR.Hints.begin(), RR.Hints.end());
  bool Fixable = RR.ok() && !Rival;
  for (const Expr *Arg : T.Args)
    if (utils::stringTemporaryOf(Arg) == utils::StringTemporary::StringView &&
        !utils::isTemplateInstantiationOrIn(
            *Context, DynTypedNode::create(*Arg), /*IncludeSelf=*/false))
      unwrapViewArgument(Arg, SM, LO, Fixes);
  {
    auto D = diag(P->getLocation(),
                  "parameter '%0' makes %1 %plural{1:call|:calls}1 in this "
                  "translation unit build a std::string temporary (a heap "
                  "allocation when longer than the small-string buffer) "
                  "from a string literal, a C string or a std::string_view; "
                  "take it as 'std::string_view'")
             << P->getName() << static_cast<unsigned>(T.Args.size());
    if (Fixable)
      D << Fixes;
  }
  for (const Expr *Arg : T.Args) {
    const Expr *Written = Arg;
    if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(Arg))
      Written = Default->getExpr();
    diag(Arg->getBeginLoc().isValid() ? Arg->getBeginLoc()
                                      : Written->getBeginLoc(),
         "a std::string temporary is built here from %select{|a string "
         "literal|a C string|a std::string_view}0",
         DiagnosticIDs::Note)
        << static_cast<unsigned>(utils::stringTemporaryOf(Written));
  }
  if (Rival)
    diag(P->getLocation(),
         "no fix: '%0::%1' is found by argument-dependent lookup and could "
         "be chosen over '%1(std::string_view)' by callers passing a "
         "std::string",
         DiagnosticIDs::Note)
        << Rival->getName() << C.FD->getName();
  else if (!RR.ok())
    diag(RR.WhyNotLoc,
         "no fix: this declaration of '%0' %1 and must change with the "
         "definition",
         DiagnosticIDs::Note)
        << C.FD->getName() << RR.WhyNot;
}

} // namespace clang::tidy::memlint
