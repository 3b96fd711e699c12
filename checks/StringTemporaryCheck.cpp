//===--- StringTemporaryCheck.cpp - memlint-string-temporary --------------===//

#include "StringTemporaryCheck.h"
#include "checks/utils/AllocationBehaviour.h"
#include "checks/utils/Compat.h"
#include "checks/utils/LocalUses.h"
#include "checks/utils/OverloadRisk.h"
#include "checks/utils/ReadOnlyUse.h"
#include "checks/utils/StringViewUse.h"
#include "fixits/Includes.h"
#include "fixits/TypeRewrite.h"
#include "fixits/TypeSpelling.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang::ast_matchers;

namespace clang::tidy::memlint {

namespace {

constexpr llvm::StringLiteral FnId = "fn";
constexpr llvm::StringLiteral RefId = "ref";
constexpr llvm::StringLiteral RefExprId = "refexpr";
constexpr llvm::StringLiteral CallId = "call";
constexpr llvm::StringLiteral LookupId = "lookup";
constexpr llvm::StringLiteral ContainerRefId = "containerref";
constexpr llvm::StringLiteral ScopeId = "scope";

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

/// std::map, std::set, their multi- and unordered versions: the index of
/// the comparator (or hash) argument, or -1.
int comparatorIndex(const ClassTemplateSpecializationDecl *Spec) {
  StringRef N = Spec->getName();
  if (N == "map" || N == "multimap")
    return 2;
  if (N == "set" || N == "multiset")
    return 1;
  return -1;
}

bool isUnordered(const ClassTemplateSpecializationDecl *Spec) {
  return Spec->getName().starts_with("unordered_");
}

/// `std::NAME<std::string>`.
bool isStdOfString(QualType T, StringRef Name) {
  const auto *Spec = utils::stdSpecialization(T, Name);
  return Spec && Spec->getTemplateArgs().size() == 1 &&
         Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
         utils::isStdString(Spec->getTemplateArgs()[0].getAsType());
}

/// The container compares (or hashes) keys with the standard function
/// objects for std::string, the ones a transparent version replaces with
/// the same results. A comparator of the user's own is the user's to change.
bool hasStandardKeyFunctions(const ClassTemplateSpecializationDecl *Spec) {
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  bool IsMap = Spec->getName().ends_with("map");
  unsigned First = IsMap ? 2 : 1;
  auto TypeArg = [&](unsigned I) {
    return I < Args.size() && Args[I].getKind() == TemplateArgument::Type
               ? Args[I].getAsType()
               : QualType();
  };
  if (!isUnordered(Spec))
    return !TypeArg(First).isNull() && isStdOfString(TypeArg(First), "less");
  return !TypeArg(First).isNull() && !TypeArg(First + 1).isNull() &&
         isStdOfString(TypeArg(First), "hash") &&
         isStdOfString(TypeArg(First + 1), "equal_to");
}

const ClassTemplateSpecializationDecl *stringKeyedContainer(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType().getCanonicalType()->getAsCXXRecordDecl());
  if (!Spec || !Spec->isInStdNamespace() ||
      Spec->getTemplateArgs().size() < 2 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type ||
      !utils::isStdString(Spec->getTemplateArgs()[0].getAsType()))
    return nullptr;
  return Spec;
}

/// The local variable or private data member of *this that \p Obj names.
const ValueDecl *containerOwner(const Expr *Obj) {
  Obj = Obj->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Obj)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (VD && VD->hasLocalStorage() && !isa<ParmVarDecl>(VD) &&
        !VD->getType()->isReferenceType() &&
        !DRE->refersToEnclosingVariableOrCapture())
      return VD;
    return nullptr;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(Obj)) {
    const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (FD && FD->getAccess() == AS_private &&
        isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
      return FD;
  }
  return nullptr;
}

bool mentionsContainer(const Expr *E) {
  return E && stringKeyedContainer(E->getType()) != nullptr;
}

/// The container \p Use names is used as an object (member call, member
/// operator, range-for): its type may change under it. A use as a whole
/// (passed, returned, copied, compared with another container) may not.
bool usedAsObject(const Expr *Use, ASTContext &Ctx) {
  const Expr *E = Use;
  for (int Depth = 0; Depth < 4; ++Depth) {
    DynTypedNodeList Ps = utils::parentsOf(Ctx, *E);
    if (Ps.size() != 1)
      return false;
    if (const auto *VD = Ps[0].get<VarDecl>())
      return VD->isImplicit(); // the range of a range-for
    const Expr *P = Ps[0].get<Expr>();
    const auto *ICE = dyn_cast_or_null<ImplicitCastExpr>(P);
    if (isa_and_nonnull<ParenExpr>(P) ||
        (ICE && ICE->getCastKind() == CK_NoOp)) {
      E = P;
      continue;
    }
    const CallExpr *Call = nullptr;
    if (const auto *ME = dyn_cast_or_null<MemberExpr>(P)) {
      DynTypedNodeList Up = utils::parentsOf(Ctx, *ME);
      Call = Up.size() == 1 ? Up[0].get<CXXMemberCallExpr>() : nullptr;
      if (!Call || !isa<CXXMethodDecl>(ME->getMemberDecl()))
        return false;
      // Their result is the comparator: its type changes with the fix.
      if (const auto *Name = ME->getMemberDecl()->getIdentifier();
          Name && (Name->isStr("key_comp") || Name->isStr("value_comp")))
        return false;
    } else if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(P)) {
      if (!isa_and_nonnull<CXXMethodDecl>(Op->getDirectCallee()) ||
          Op->getArg(0) != E)
        return false;
      Call = Op;
    } else {
      return false;
    }
    // `m = other`, `m.swap(other)`, `m.merge(other)`: other's type too.
    for (unsigned I = isa<CXXOperatorCallExpr>(Call) ? 1 : 0;
         I < Call->getNumArgs(); ++I)
      if (mentionsContainer(Call->getArg(I)->IgnoreImplicit()))
        return false;
    return true;
  }
  return false;
}

/// An initializer that builds the container from elements (or nothing),
/// not from another container of the old type.
bool initKeepsType(const Expr *Init) {
  if (!Init)
    return true;
  Init = Init->IgnoreImplicit();
  const auto *CE = dyn_cast<CXXConstructExpr>(Init);
  if (!CE)
    return isa<InitListExpr>(Init) &&
           llvm::none_of(cast<InitListExpr>(Init)->inits(), mentionsContainer);
  if (CE->getConstructor()->isCopyOrMoveConstructor())
    return false;
  for (const Expr *A : CE->arguments())
    if (mentionsContainer(A->IgnoreImplicit()))
      return false;
  return true;
}

} // namespace

StringTemporaryCheck::StringTemporaryCheck(StringRef Name,
                                           ClangTidyContext *Context)
    : ProfiledCheck(Name, Context), UserScope(Context),
      Inserter(
          Options.getLocalOrGlobal(
              "IncludeStyle", ::clang::tidy::utils::IncludeSorter::IS_LLVM),
          areDiagsSelfContained()),
      PublicAPI(Options) {}

void StringTemporaryCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
  PublicAPI.storeOptions(Options, Opts);
}

void StringTemporaryCheck::registerPPCallbacks(const SourceManager &,
                                               Preprocessor *PP,
                                               Preprocessor *) {
  fixits::registerInserter(Inserter, PP);
}

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

  // Lookups in std::string-keyed maps and sets, and every mention of a
  // local or member container of such a type.
  auto Keyed = classTemplateSpecializationDecl(hasAnyName(
      "::std::map", "::std::multimap", "::std::set", "::std::multiset",
      "::std::unordered_map", "::std::unordered_multimap",
      "::std::unordered_set", "::std::unordered_multiset"));
  Finder->addMatcher(
      cxxMemberCallExpr(
          unless(isExpansionInSystemHeader()),
          callee(cxxMethodDecl(hasAnyName("find", "count", "contains",
                                          "lower_bound", "upper_bound",
                                          "equal_range"),
                               ofClass(Keyed))))
          .bind(LookupId),
      this);
  auto KeyedType =
      hasType(hasUnqualifiedDesugaredType(recordType(hasDeclaration(Keyed))));
  Finder->addMatcher(
      expr(unless(isExpansionInSystemHeader()),
           anyOf(declRefExpr(to(varDecl(hasLocalStorage(), KeyedType))),
                 memberExpr(member(fieldDecl(KeyedType)))))
          .bind(ContainerRefId),
      this);
  Finder->addMatcher(
      nestedNameSpecifierLoc(
          specifiesTypeLoc(loc(qualType(
              hasUnqualifiedDesugaredType(recordType(hasDeclaration(Keyed)))))))
          .bind(ScopeId),
      this);
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
  if (const auto *Lookup =
          Result.Nodes.getNodeAs<CXXMemberCallExpr>(LookupId)) {
    collectLookup(Lookup, *Result.Context);
    // A lookup is a call of a method, not of a candidate function.
    return;
  }
  if (const auto *Scope =
          Result.Nodes.getNodeAs<NestedNameSpecifierLoc>(ScopeId)) {
    if (!Result.SourceManager->isInSystemHeader(Scope->getBeginLoc()))
      if (const Type *T = utils::scopeType(*Scope))
        NamedScopes.insert(T->getCanonicalTypeInternal().getTypePtr());
    return;
  }
  if (const auto *Use = Result.Nodes.getNodeAs<Expr>(ContainerRefId)) {
    // A lambda's or block's use is not seen as the container's own.
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Use);
        DRE && DRE->refersToEnclosingVariableOrCapture()) {
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        Containers[VD].Captured = true;
      return;
    }
    // Every mention of a member counts, `other.m_` too: its type changes.
    if (const auto *ME = dyn_cast<MemberExpr>(Use)) {
      if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl()))
        Containers[FD].Uses.push_back(Use);
    } else if (const ValueDecl *D = containerOwner(Use)) {
      Containers[D].Uses.push_back(Use);
    }
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

// Decision: every temporary is built from a literal that fits the
// small-string buffer, so none allocates and the fix saves nothing.
bool StringTemporaryCheck::onlyShortLiterals(const ParamCandidate &C,
                                             const TemporaryCalls &T) const {
  const CXXRecordDecl *RD = C.FD->getParamDecl(C.Index)
                                ->getType()
                                .getNonReferenceType()
                                ->getAsCXXRecordDecl();
  if (!RD)
    return false;
  uint64_t Inline = utils::smallStringCapacity(*RD);
  return llvm::all_of(T.Args, [&](const Expr *Arg) {
    if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(Arg))
      Arg = Default->getExpr();
    std::optional<uint64_t> Len = utils::maxLiteralLength(Arg);
    return Len && *Len <= Inline;
  });
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
      if (T.AllAccepted && !T.Args.empty() && !onlyShortLiterals(C, T))
        emitParam(C, T);
    }
  if (Context)
    for (const auto &[D, C] : Containers)
      if (!C.Lookups.empty())
        emitContainer(D, C);
  Containers.clear();
  NamedScopes.clear();
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
  // A parameter's type is part of the function's mangled name.
  std::string PublicWhy =
      PublicAPI.blocker(C.FD, ("'" + C.FD->getName() + "'").str(),
                        "changing its parameter types", SM);
  bool Fixable = RR.ok() && !Rival && PublicWhy.empty();
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
  else if (!PublicWhy.empty())
    diag(P->getLocation(), "no fixit: %0", DiagnosticIDs::Note) << PublicWhy;
  else if (!RR.ok())
    diag(RR.WhyNotLoc,
         "no fix: this declaration of '%0' %1 and must change with the "
         "definition",
         DiagnosticIDs::Note)
        << C.FD->getName() << RR.WhyNot;
}

//===-- Containers keyed by std::string
//------------------------------------===//

// Candidate: a lookup in a local or private-member container keyed by
// std::string whose argument builds a std::string key.
void StringTemporaryCheck::collectLookup(const CXXMemberCallExpr *Call,
                                         ASTContext &Ctx) {
  if (Call->getNumArgs() != 1 || Call->getBeginLoc().isMacroID() ||
      utils::isTemplateInstantiationOrIn(Ctx, DynTypedNode::create(*Call),
                                         /*IncludeSelf=*/false))
    return;
  const Expr *Obj = Call->getImplicitObjectArgument();
  const ValueDecl *D = Obj ? containerOwner(Obj) : nullptr;
  const auto *Spec = D ? stringKeyedContainer(D->getType()) : nullptr;
  if (!Spec || !hasStandardKeyFunctions(Spec))
    return;
  utils::StringTemporary K = utils::stringTemporaryOf(Call->getArg(0));
  if (K != utils::StringTemporary::None)
    Containers[D].Lookups.push_back({Call, K});
}

// Decision: the comparator may change only when every use of the type is
// in this translation unit and takes the new type as it takes the old.
// Returns why not, or null.
const char *StringTemporaryCheck::whyNoComparatorFix(const ValueDecl *D,
                                                     const Container &C) const {
  const SourceManager &SM = Context->getSourceManager();
  const auto *Spec = stringKeyedContainer(D->getType());
  if (isUnordered(Spec))
    return Context->getLangOpts().CPlusPlus20
               ? "a transparent hash is a type of its own that the "
                 "translation unit would have to define; this check does "
                 "not write one"
               : "unordered containers look up keys of another type only "
                 "from C++20";
  if (D->getType().isVolatileQualified() ||
      !SM.isInMainFile(SM.getExpansionLoc(D->getLocation())) ||
      D->getDeclContext()->isDependentContext())
    return "it is declared outside the main file or in a template";
  if (const auto *FD = dyn_cast<FieldDecl>(D)) {
    const auto *RD = dyn_cast<CXXRecordDecl>(FD->getParent());
    if (!RD || RD->hasFriends() || RD->isDependentContext() ||
        isa<ClassTemplateSpecializationDecl>(RD) ||
        !initKeepsType(FD->getInClassInitializer()))
      return "its class has friends, is a template, or initializes it from "
             "another container";
    for (const FieldDecl *Other : RD->fields())
      if (Other != FD &&
          Other->getTypeSpecStartLoc() == FD->getTypeSpecStartLoc())
        return "another member shares its declaration";
    for (const CXXConstructorDecl *Ctor : RD->ctors())
      for (const CXXCtorInitializer *Init : Ctor->inits())
        if (Init->isWritten() && Init->getMember() == FD &&
            !initKeepsType(Init->getInit()))
          return "a constructor initializes it from another container";
  } else {
    const auto *VD = cast<VarDecl>(D);
    DynTypedNodeList Ps = utils::parentsOf(*Context, *VD);
    const auto *DS = Ps.size() == 1 ? Ps[0].get<DeclStmt>() : nullptr;
    if (!DS || !DS->isSingleDecl() || !initKeepsType(VD->getInit()))
      return "it is initialized from another container or shares its "
             "declaration";
  }
  if (C.Captured)
    return "a lambda uses it";
  if (NamedScopes.count(D->getType().getCanonicalType().getTypePtr()))
    return "code names a member type of its type (such as its iterator), "
           "which would keep the old comparator";
  for (const Expr *Use : C.Uses)
    if (!usedAsObject(Use, *Context))
      return "it is used as a whole (passed, returned or copied) or its "
             "comparator is taken, where its type must stay";
  return nullptr;
}

// Fix plan and emit: `, std::less<>` after the last written template
// argument, <functional>, and the `std::string(sv)` keys unwrapped.
void StringTemporaryCheck::emitContainer(const ValueDecl *D,
                                         const Container &C) {
  const SourceManager &SM = Context->getSourceManager();
  const LangOptions &LO = Context->getLangOpts();
  const char *WhyNot = whyNoComparatorFix(D, C);
  std::vector<FixItHint> Fixes;
  if (!WhyNot) {
    const auto *DD = cast<DeclaratorDecl>(D);
    TemplateSpecializationTypeLoc TS =
        DD->getTypeSourceInfo() ? utils::writtenSpecialization(
                                      DD->getTypeSourceInfo()->getTypeLoc())
                                : TemplateSpecializationTypeLoc();
    unsigned Written = comparatorIndex(stringKeyedContainer(D->getType()));
    SourceLocation End =
        TS && TS.getNumArgs() == Written
            ? TS.getArgLoc(Written - 1).getSourceRange().getEnd()
            : SourceLocation();
    if (End.isInvalid() || End.isMacroID())
      WhyNot = "its type is written through an alias, a macro or with "
               "explicit arguments";
    else
      Fixes.push_back(FixItHint::CreateInsertion(
          Lexer::getLocForEndOfToken(End, 0, SM, LO), ", std::less<>"));
  }
  if (!WhyNot) {
    for (const Lookup &L : C.Lookups)
      if (L.Kind == utils::StringTemporary::StringView)
        unwrapViewArgument(L.Call->getArg(0), SM, LO, Fixes);
    if (auto Inc = fixits::includeInsertion(Inserter, SM, SM.getMainFileID(),
                                            "<functional>"))
      Fixes.push_back(*Inc);
  }
  bool Unordered = isUnordered(stringKeyedContainer(D->getType()));
  {
    auto Diag = diag(D->getLocation(),
                     "'%0' is looked up with %1 %plural{1:key|:keys}1 that "
                     "%plural{1:builds|:build}1 a std::string temporary (a "
                     "heap allocation when longer than the small-string "
                     "buffer); %select{declare it with 'std::less<>' as its "
                     "comparator|give it a transparent hash and "
                     "'std::equal_to<>'}2 so that lookups take string "
                     "literals, C strings and std::string_views as they are")
                << D->getName() << static_cast<unsigned>(C.Lookups.size())
                << (Unordered ? 1 : 0);
    if (!WhyNot)
      Diag << Fixes;
  }
  for (const Lookup &L : C.Lookups)
    diag(L.Call->getArg(0)->getBeginLoc(),
         "this lookup builds a std::string key from %select{|a string "
         "literal|a C string|a std::string_view}0",
         DiagnosticIDs::Note)
        << static_cast<unsigned>(L.Kind);
  if (WhyNot)
    diag(D->getLocation(), "no fix: %0", DiagnosticIDs::Note) << WhyNot;
}

} // namespace clang::tidy::memlint
