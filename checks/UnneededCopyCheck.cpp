//===--- UnneededCopyCheck.cpp - memlint-unneeded-copy --------------------===//

#include "UnneededCopyCheck.h"
#include "checks/utils/BoolOption.h"
#include "checks/utils/LocalCopy.h"
#include "checks/utils/LocalUses.h"
#include "checks/utils/MoveCost.h"
#include "checks/utils/OverloadRisk.h"
#include "checks/utils/ReadOnlyUse.h"
#include "checks/utils/SinkCall.h"
#include "checks/utils/StringViewUse.h"
#include "checks/utils/UserCodeParents.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "fixits/Includes.h"
#include "fixits/TypeRewrite.h"
#include "fixits/TypeSpelling.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/TypeLoc.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/Config/llvm-config.h"
#include <optional>

using namespace clang::ast_matchers;

namespace clang::tidy::memlint {

namespace {

using utils::copyFromLValue;
using utils::isStdString;
using utils::isStringViewCompatibleUse;
using utils::owningLocal;
using utils::stdSpecialization;
using utils::writtenArgument;

/// std::vector<T> with the default allocator; returns T.
std::optional<QualType> stdVectorElement(QualType T) {
  const auto *Spec = stdSpecialization(T, "vector");
  if (!Spec || Spec->getTemplateArgs().size() != 2)
    return std::nullopt;
  QualType Elem = Spec->getTemplateArgs()[0].getAsType();
  if (!stdSpecialization(Spec->getTemplateArgs()[1].getAsType(), "allocator"))
    return std::nullopt;
  return Elem;
}

/// What one copy of T costs, for the message.
std::string costOf(QualType T, const ASTContext &Ctx) {
  T = T.getNonReferenceType().getUnqualifiedType();
  std::string Name = T.getAsString(Ctx.getPrintingPolicy());
  if (isStdString(T))
    return "a std::string (heap allocation when longer than the small-string "
           "buffer)";
  if (stdSpecialization(T, "vector") || stdSpecialization(T, "deque"))
    return "a '" + Name + "' (heap allocation and a copy of every element)";
  for (StringRef N :
       {"map", "multimap", "set", "multiset", "unordered_map", "unordered_set",
        "unordered_multimap", "unordered_multiset", "list", "forward_list"})
    if (stdSpecialization(T, N))
      return "a '" + Name + "' (one heap allocation per element)";
  if (stdSpecialization(T, "shared_ptr"))
    return "a '" + Name + "' (atomic reference-count increment and decrement)";
  if (stdSpecialization(T, "function"))
    return "a '" + Name + "' (heap allocation for large callables)";
  std::string Size =
      std::to_string(Ctx.getTypeSizeInChars(T).getQuantity()) + " bytes";
  if (!T.isTriviallyCopyableType(Ctx))
    return "a '" + Name + "' (" + Size + " and a non-trivial copy constructor)";
  return "a '" + Name + "' (" + Size + ")";
}

bool hasUsableCopyConstructor(const CXXRecordDecl *RD) {
  if (RD->needsImplicitCopyConstructor())
    return !RD->defaultedCopyConstructorIsDeleted();
  for (const CXXConstructorDecl *C : RD->ctors())
    if (C->isCopyConstructor() && !C->isDeleted() &&
        C->getAccess() != AS_private && C->getAccess() != AS_protected)
      return true;
  return false;
}

SourceLocation fileLoc(SourceLocation L, const SourceManager &SM) {
  return SM.getExpansionLoc(L);
}

/// Edits turning a by-value declaration of type TL into a const reference:
/// `T x` -> `const T& x`. False when the type is written by a macro.
bool constRefEdits(TypeLoc TL, bool AlreadyConst, const SourceManager &SM,
                   const LangOptions &LO, std::vector<FixItHint> &Out) {
  SourceRange R = TL.getSourceRange();
  if (R.isInvalid() || R.getBegin().isMacroID() || R.getEnd().isMacroID())
    return false;
  // The end of the type with any east `const`/`volatile`.
  CharSourceRange Whole = fixits::typeRange(TL, SM, LO);
  if (Whole.isInvalid())
    return false;
  if (!AlreadyConst)
    Out.push_back(FixItHint::CreateInsertion(R.getBegin(), "const "));
  Out.push_back(FixItHint::CreateInsertion(Whole.getEnd(), "&"));
  return true;
}

/// `const T&` for the type written \p TL (printed when it cannot be copied),
/// for messages.
std::string constRefText(TypeLoc TL, QualType T, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  std::optional<std::string> S = fixits::spellTypeLoc(TL, SM, LO);
  if (!S) // `auto`: the fix keeps it
    if (CharSourceRange R = fixits::typeRange(TL, SM, LO); R.isValid())
      S = Lexer::getSourceText(R, SM, LO).str();
  if (S && !S->empty())
    return (T.isConstQualified() ? "" : "const ") + *S + "&";
  T = T.getNonReferenceType();
  return "const " +
         fixits::spellType(T.getUnqualifiedType(), Ctx)
             .value_or(
                 T.getUnqualifiedType().getAsString(Ctx.getPrintingPolicy())) +
         "&";
}

/// A call argument std::span<const T> accepts as the std::vector<T>
/// parameter did: a vector lvalue or prvalue (not a braced list).
bool spanAccepts(const Expr *Arg) {
  const Expr *W = writtenArgument(Arg);
  if (isa<ImplicitCastExpr>(W) || isa<InitListExpr>(W) ||
      isa<CXXConstructExpr>(W))
    return false;
  return stdVectorElement(W->getType()).has_value();
}

/// Is D inside a template instantiation (function or class)? Those are
/// checked once, in the template.
bool inTemplateInstantiation(const Decl *D) {
  for (const DeclContext *DC = isa<DeclContext>(D) ? cast<DeclContext>(D)
                                                   : D->getDeclContext();
       DC; DC = DC->getParent()) {
    if (const auto *FD = dyn_cast<FunctionDecl>(DC))
      if (FD->isTemplateInstantiation())
        return true;
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(DC))
      if (Spec->getSpecializationKind() != TSK_ExplicitSpecialization)
        return true;
  }
  return false;
}

bool isSpanCompatibleUse(const utils::VarUse &U) {
  if (U.ThroughMember)
    return false;
  if (U.Kind == utils::UseKind::Iterated)
    return true;
  if (U.Kind != utils::UseKind::Read || !U.Method)
    return false;
  if (U.Method->getOverloadedOperator() == OO_Subscript)
    return true;
  if (!U.Method->getDeclName().isIdentifier())
    return false;
  return llvm::is_contained({"size", "empty", "data", "front", "back"},
                            U.Method->getName());
}

const FunctionDecl *canon(const FunctionDecl *FD) {
  return FD->getCanonicalDecl();
}

} // namespace

// memlint-copy-at-last-use's option \p Name (its sinks) when that check runs
// in this TU, else "".
static std::string copyAtLastUseOption(ClangTidyContext &Context,
                                       StringRef Name, StringRef Default) {
  static constexpr llvm::StringLiteral Check = "memlint-copy-at-last-use";
  if (!Context.isCheckEnabled(Check))
    return "";
  const auto &Opts = Context.getOptions().CheckOptions;
  auto It = Opts.find((Check + "." + Name).str());
  return It != Opts.end() ? It->second.Value : Default.str();
}

// Whether memlint-copy-at-last-use moves Var into a sink at its last use: by
// value and moved is as good as `const&` and copied there (better for a
// parameter, whose callers can move in), and with both fixes the move would
// copy from a const reference.
bool UnneededCopyCheck::movedAtLastUseInstead(const VarDecl &Var,
                                              const utils::VarUses &Uses,
                                              ASTContext &Ctx) const {
  return utils::movedIntoSinkAtLastUse(Var, Uses,
                                       {MoveSinks, MoveSinkFunctions}, Ctx);
}

UnneededCopyCheck::UnneededCopyCheck(StringRef Name, ClangTidyContext *Context)
    : ProfiledCheck(Name, Context), UserScope(Context),
      MaxTrivialSize(Options.get("MaxTrivialSize", 16U)),
      StringViewParams(utils::parseBoolOption(
          Options.get("StringViewParams", "true"), true)),
      SpanParams(
          utils::parseBoolOption(Options.get("SpanParams", "false"), false)),
      FixGetters(
          utils::parseBoolOption(Options.get("FixGetters", "false"), false)),
      RawMoveSinks(copyAtLastUseOption(*Context, "SinkMethods",
                                       utils::DefaultSinkMethods)),
      MoveSinks(::clang::tidy::utils::options::parseStringList(RawMoveSinks)),
      RawMoveSinkFunctions(copyAtLastUseOption(*Context, "SinkFunctions",
                                               utils::DefaultSinkFunctions)),
      MoveSinkFunctions(
          ::clang::tidy::utils::options::parseStringList(RawMoveSinkFunctions)),
      Inserter(
          Options.getLocalOrGlobal(
              "IncludeStyle", ::clang::tidy::utils::IncludeSorter::IS_LLVM),
          areDiagsSelfContained()),
      PublicAPI(Options) {}

void UnneededCopyCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "MaxTrivialSize", MaxTrivialSize);
  Options.store(Opts, "StringViewParams",
                utils::boolOptionText(StringViewParams));
  Options.store(Opts, "SpanParams", utils::boolOptionText(SpanParams));
  Options.store(Opts, "FixGetters", utils::boolOptionText(FixGetters));
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
  PublicAPI.storeOptions(Options, Opts);
}

void UnneededCopyCheck::registerPPCallbacks(const SourceManager &,
                                            Preprocessor *PP, Preprocessor *) {
  fixits::registerInserter(Inserter, PP);
}

void UnneededCopyCheck::registerMatchers(MatchFinder *Finder) {
  UserScope.registerMatchers(Finder);
  auto ByValueRecord = parmVarDecl(hasType(
      qualType(unless(referenceType()), hasCanonicalType(recordType()))));
  Finder->addMatcher(functionDecl(isDefinition(),
                                  unless(isExpansionInSystemHeader()),
                                  unless(isImplicit()), unless(isDeleted()),
                                  unless(isDefaulted()),

                                  hasAnyParameter(ByValueRecord))
                         .bind("fn"),
                     this);
  // Every mention of a function that is not the callee of a call.
  Finder->addMatcher(
      declRefExpr(to(functionDecl(hasAnyParameter(ByValueRecord)).bind("ref")))
          .bind("refexpr"),
      this);
  Finder->addMatcher(
      callExpr(callee(functionDecl(hasAnyParameter(ByValueRecord))))
          .bind("call"),
      this);
  Finder->addMatcher(
      varDecl(hasLocalStorage(), unless(parmVarDecl()), unless(isImplicit()),
              unless(isExpansionInSystemHeader()),
              unless(hasType(referenceType())), hasInitializer(anything()))
          .bind("local"),
      this);
  // isInTemplateInstantiation() is tested in check(): as a matcher it builds
  // clang's parent map over the whole TU.
  Finder->addMatcher(
      cxxForRangeStmt(unless(isExpansionInSystemHeader())).bind("for"), this);
  Finder->addMatcher(
      cxxMethodDecl(
          isDefinition(), unless(isExpansionInSystemHeader()),
          unless(isVirtual()), unless(isStaticStorageClass()),

          hasBody(compoundStmt(statementCountIs(1), has(returnStmt()))))
          .bind("getter"),
      this);
}

void UnneededCopyCheck::check(const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
  // A mention is the callee of a call when that call (matched before its
  // callee, and collected below) names it through the function-to-pointer
  // decay; deciding at the end of the TU needs no parent map.
  if (const auto *Ref = Result.Nodes.getNodeAs<DeclRefExpr>("refexpr")) {
    Mentions.emplace_back(Ref,
                          canon(Result.Nodes.getNodeAs<FunctionDecl>("ref")));
    return;
  }
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call")) {
    if (const auto *ICE = dyn_cast_or_null<ImplicitCastExpr>(Call->getCallee());
        ICE && ICE->getCastKind() == CK_FunctionToPointerDecay) {
      if (const auto *DRE = dyn_cast<DeclRefExpr>(ICE->getSubExpr()))
        CalleeRefs.insert(DRE);
    } else if (const auto *DRE =
                   dyn_cast_or_null<DeclRefExpr>(Call->getCallee())) {
      CalleeRefs.insert(DRE);
    }
    if (const FunctionDecl *FD = Call->getDirectCallee())
      Calls[canon(FD)].push_back(Call);
    return;
  }
  if (const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>("fn"))
    return checkFunction(FD, *Result.Context);
  if (const auto *VD = Result.Nodes.getNodeAs<VarDecl>("local"))
    return checkLocal(VD, *Result.Context);
  if (const auto *For = Result.Nodes.getNodeAs<CXXForRangeStmt>("for")) {
    if (utils::isTemplateInstantiationOrIn(
            *Result.Context, DynTypedNode::create(*For), /*IncludeSelf=*/false))
      return;
    return checkRangeFor(For, *Result.Context);
  }
  if (const auto *MD = Result.Nodes.getNodeAs<CXXMethodDecl>("getter"))
    return checkGetter(MD, *Result.Context);
}

bool UnneededCopyCheck::isExpensive(QualType T) const {
  if (T.isNull() || T->isDependentType() || T->isReferenceType() ||
      T.isVolatileQualified())
    return false;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition() || T->isIncompleteType())
    return false;
  if (!hasUsableCopyConstructor(RD->getDefinition()))
    return false; // move-only: nothing is copied
  if (!T.isTriviallyCopyableType(*Context))
    return true;
  return static_cast<uint64_t>(Context->getTypeSizeInChars(T).getQuantity()) >
         MaxTrivialSize;
}

//===-- Parameters
//---------------------------------------------------------===//

void UnneededCopyCheck::checkFunction(const FunctionDecl *FD, ASTContext &Ctx) {
  if (inTemplateInstantiation(FD) || FD->isMain() || FD->isExternC() ||
      !FD->getBody() || isa<CoroutineBodyStmt>(FD->getBody()) ||
      FD->isTemplateInstantiation() ||
      FD->getTemplateSpecializationKind() == TSK_ExplicitSpecialization ||
      FD->getLocation().isMacroID() || isa<CXXDeductionGuideDecl>(FD))
    return;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD)) {
    // Virtual functions and overrides must keep the signature of the
    // hierarchy; lambdas the one their consumers expect.
    if (MD->isVirtual() || MD->getParent()->isLambda() ||
        MD->size_overridden_methods() > 0)
      return;
    if (MD->getParent()->getTemplateSpecializationKind() ==
        TSK_ExplicitSpecialization)
      return;
  }
  if (const FunctionTemplateDecl *FTD = FD->getDescribedFunctionTemplate())
    for (const FunctionDecl *Spec : FTD->specializations())
      if (Spec->getTemplateSpecializationKind() == TSK_ExplicitSpecialization)
        return; // its specialisations must keep matching the template

  llvm::SmallVector<const VarDecl *, 4> Candidates;
  for (const ParmVarDecl *P : FD->parameters()) {
    if (P->getName().empty() || P->getType()->isDependentType() ||
        !isExpensive(P->getType()))
      continue;
    Candidates.push_back(P);
  }
  if (Candidates.empty())
    return;

  auto Uses = utils::analyzeVarsUses(Candidates, *FD->getBody(), Ctx);
  // Member initialisers of a constructor use parameters outside the body.
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *Init : Ctor->inits()) {
      if (!Init->isWritten() || !Init->getInit())
        continue;
      auto More = utils::analyzeVarsUses(Candidates, *Init->getInit(), Ctx);
      for (auto &KV : More)
        Uses[KV.first].Uses.append(KV.second.Uses.begin(),
                                   KV.second.Uses.end());
    }

  for (unsigned I = 0, N = FD->getNumParams(); I < N; ++I) {
    const ParmVarDecl *P = FD->getParamDecl(I);
    auto It = Uses.find(P);
    if (It == Uses.end() || !It->second.onlyRead())
      continue;
    // The right side of a copy assignment is a sink, like `: Member(P)`:
    // `const T&` keeps that copy (a caller passing a temporary saves
    // nothing), by-value + std::move removes it, which is another fix.
    if (llvm::any_of(It->second.Uses, [](const utils::VarUse &U) {
          const auto *MD = dyn_cast_or_null<CXXMethodDecl>(U.Callee);
          return MD && MD->isCopyAssignmentOperator() && !U.ThroughMember;
        }))
      continue;
    if (movedAtLastUseInstead(*P, It->second, Ctx))
      continue;
    ParamCandidate C{FD, I, ParamFix::ConstRef, {}};
    QualType T = P->getType().getUnqualifiedType();
    bool Plain = !isa<CXXConstructorDecl>(FD) && !FD->isOverloadedOperator() &&
                 !isa<CXXConversionDecl>(FD);
    if (Plain && StringViewParams && Ctx.getLangOpts().CPlusPlus17 &&
        isStdString(T) &&
        llvm::all_of(It->second.Uses, isStringViewCompatibleUse))
      C.Fix = ParamFix::StringView;
    else if (Plain && SpanParams && Ctx.getLangOpts().CPlusPlus20 &&
             stdVectorElement(T) &&
             llvm::all_of(It->second.Uses, isSpanCompatibleUse)) {
      // The element type as the definition spells it.
      if (auto TS = utils::writtenSpecialization(
              P->getTypeSourceInfo()->getTypeLoc());
          TS && TS.getNumArgs() >= 1 &&
          TS.getArgLoc(0).getArgument().getKind() == TemplateArgument::Type) {
        TypeLoc ElemTL = TS.getArgLoc(0).getTypeSourceInfo()->getTypeLoc();
        // std::span<const T> (T *const for a pointer) views a
        // std::vector<T>.
        std::optional<std::string> Elem;
        if (!ElemTL.getBeginLoc().isMacroID())
          if (auto Spelled = fixits::spellTypeLoc(
                  ElemTL, Ctx.getSourceManager(), Ctx.getLangOpts()))
            Elem = fixits::constOf(*Spelled, ElemTL.getType());
        if (Elem) {
          C.Fix = ParamFix::Span;
          C.SpanElement = *Elem;
        }
      }
    }
    Params.push_back(std::move(C));
  }
}

void UnneededCopyCheck::emitParams(const FunctionDecl *FD,
                                   std::vector<ParamCandidate> &Cands) {
  const SourceManager &SM = Context->getSourceManager();
  const LangOptions &LO = Context->getLangOpts();
  const FunctionDecl *Canon = canon(FD);

  // Callers must pass what the narrower types accept.
  auto CallsIt = Calls.find(Canon);
  for (ParamCandidate &C : Cands) {
    if (C.Fix == ParamFix::ConstRef)
      continue;
    bool OK = true;
    if (CallsIt != Calls.end())
      for (const CallExpr *Call : CallsIt->second) {
        unsigned ArgI =
            C.Index +
            (isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(FD) ? 1 : 0);
        if (ArgI >= Call->getNumArgs()) {
          OK = false;
          break;
        }
        const Expr *Arg = Call->getArg(ArgI);
        if (isa<CXXDefaultArgExpr>(Arg)) {
          OK = false;
          break;
        }
        if (C.Fix == ParamFix::StringView
                ? !utils::stringViewAcceptsArgument(Arg)
                : !spanAccepts(Arg)) {
          OK = false;
          break;
        }
      }
    const ParmVarDecl *P = FD->getParamDecl(C.Index);
    if (P->hasDefaultArg() &&
        (C.Fix == ParamFix::Span || P->hasUninstantiatedDefaultArg() ||
         !utils::stringViewAcceptsArgument(P->getDefaultArg())))
      OK = false;
    if (!OK)
      C.Fix = ParamFix::ConstRef;
  }

  // Other overloads of the same arity: string_view / span would change
  // overload resolution; an overload equal to the result forbids any fix.
  bool Collides = false;
  const FunctionDecl *Collider = nullptr;
  const DeclContext *DC = FD->getDeclContext()->getRedeclContext();
  for (const NamedDecl *ND :
       DC->getPrimaryContext()->lookup(FD->getDeclName())) {
    const auto *Other = dyn_cast<FunctionDecl>(ND->getUnderlyingDecl());
    if (const auto *FT =
            dyn_cast<FunctionTemplateDecl>(ND->getUnderlyingDecl()))
      Other = FT->getTemplatedDecl();
    if (!Other || canon(Other) == Canon ||
        Other->getNumParams() != FD->getNumParams())
      continue;
    for (ParamCandidate &C : Cands)
      C.Fix = ParamFix::ConstRef;
    const auto *M1 = dyn_cast<CXXMethodDecl>(FD);
    const auto *M2 = dyn_cast<CXXMethodDecl>(Other);
    if (M1 && M2 &&
        (M1->getMethodQualifiers() != M2->getMethodQualifiers() ||
         M1->getRefQualifier() != M2->getRefQualifier()))
      continue;
    bool Same = true;
    for (unsigned I = 0, N = FD->getNumParams(); I < N && Same; ++I) {
      QualType Mine = FD->getParamDecl(I)->getType();
      if (llvm::any_of(Cands,
                       [&](const ParamCandidate &C) { return C.Index == I; }))
        Mine = Context->getLValueReferenceType(
            Mine.getUnqualifiedType().withConst());
      Same = Context->hasSameType(
          Mine.getUnqualifiedType(),
          Other->getParamDecl(I)->getType().getUnqualifiedType());
    }
    if (Same) {
      Collides = true;
      Collider = Other;
    }
  }

  // Argument-dependent lookup: a function of the same name in a namespace
  // associated with a parameter type (std::data, std::size, std::begin, ...)
  // may win over `f(const T&)` where it lost to `f(T)`: a template taking
  // `C&` binds a non-const argument better than `const T&` does.
  const NamespaceDecl *AdlNamespace = utils::adlRivalNamespace(*FD);

  // Every redeclaration (headers included) gets the same edit, or none.
  const FunctionDecl *Unfixable = nullptr;
  StringRef WhyUnfixable;
  bool AllInMainFile = true;
  for (const FunctionDecl *R : FD->redecls()) {
    if (SM.isInSystemHeader(R->getLocation())) {
      Unfixable = R;
      WhyUnfixable = "is in a system header";
    } else if (R->getLocation().isMacroID()) {
      Unfixable = R;
      WhyUnfixable = "is written by a macro";
    }
    if (!SM.isInMainFile(fileLoc(R->getLocation(), SM)))
      AllInMainFile = false;
  }
  // A parameter's type is part of the function's mangled name.
  std::string PublicWhy =
      PublicAPI.blocker(FD, ("'" + FD->getName() + "'").str(),
                        "changing its parameter types", SM);
  for (ParamCandidate &C : Cands)
    if (C.Fix == ParamFix::Span && !AllInMainFile)
      C.Fix = ParamFix::ConstRef; // the header would need <span>

  for (const ParamCandidate &C : Cands) {
    const ParmVarDecl *P = FD->getParamDecl(C.Index);
    QualType T = P->getType();
    TypeLoc DefTL = P->getTypeSourceInfo()->getTypeLoc();
    std::string NewType;
    switch (C.Fix) {
    case ParamFix::StringView:
      NewType = "std::string_view";
      break;
    case ParamFix::Span:
      NewType = "std::span<" + C.SpanElement + ">";
      break;
    case ParamFix::ConstRef: {
      NewType = constRefText(DefTL, T, *Context);
      break;
    }
    }

    std::vector<FixItHint> Fixes;
    bool Fixable =
        !Collides && !Unfixable && !AdlNamespace && PublicWhy.empty();
    if (Fixable && C.Fix != ParamFix::ConstRef) {
      // The type below its `const`: `const std::string s` keeps the const.
      fixits::RewriteResult RR = fixits::changeParamType(
          FD, C.Index, NewType, /*WithQualifiers=*/false, SM, LO);
      Fixable = RR.ok();
      Fixes.assign(RR.Hints.begin(), RR.Hints.end());
    }
    for (const FunctionDecl *R : FD->redecls()) {
      if (!Fixable || C.Fix != ParamFix::ConstRef)
        break;
      const ParmVarDecl *RP = R->getParamDecl(C.Index);
      if (!RP->getTypeSourceInfo() ||
          !constRefEdits(RP->getTypeSourceInfo()->getTypeLoc(),
                         RP->getType().isConstQualified(), SM, LO, Fixes))
        Fixable = false;
    }

    {
      auto D = diag(P->getLocation(),
                    "parameter '%0' copies %1 on every call but is only read; "
                    "take it as '%2'")
               << P->getName() << costOf(T, *Context) << NewType;
      if (Fixable) {
        D << Fixes;
        if (C.Fix == ParamFix::Span)
          if (auto Inc = fixits::includeInsertion(
                  Inserter, SM, SM.getFileID(fileLoc(FD->getLocation(), SM)),
                  "<span>"))
            D << *Inc;
      }
    }
    // Say why no fixit (the notes name the blocking declaration).
    if (Collides && Collider)
      diag(Collider->getLocation(),
           "no fix: '%0' with '%1' would redeclare this overload",
           DiagnosticIDs::Note)
          << FD->getName() << NewType;
    else if (AdlNamespace)
      diag(P->getLocation(),
           "no fix: '%0::%1' is found by argument-dependent lookup and could "
           "be chosen over '%1(%2)' by callers passing a non-const argument",
           DiagnosticIDs::Note)
          << AdlNamespace->getName() << FD->getName() << NewType;
    else if (!PublicWhy.empty())
      diag(P->getLocation(), "no fixit: %0", DiagnosticIDs::Note) << PublicWhy;
    else if (Unfixable)
      diag(Unfixable->getLocation(),
           "no fix: this declaration of '%0' %1 and must change with the "
           "definition",
           DiagnosticIDs::Note)
          << FD->getName() << WhyUnfixable;
  }
}

//===-- Locals
//-------------------------------------------------------------===//

namespace {} // namespace

void UnneededCopyCheck::checkLocal(const VarDecl *VD, ASTContext &Ctx) {
  if (inTemplateInstantiation(VD) || VD->isStaticLocal() ||
      isa<DecompositionDecl>(VD) || VD->isExceptionVariable() ||
      VD->getLocation().isMacroID() || !isExpensive(VD->getType()))
    return;
  std::optional<utils::LocalCopy> Copy =
      utils::readOnlyCopyOfStableLocal(*VD, Ctx);
  if (!Copy || movedAtLastUseInstead(*VD, Copy->Uses, Ctx))
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  TypeLoc TL = VD->getTypeSourceInfo()->getTypeLoc();
  std::vector<FixItHint> Fixes;
  bool Fixable = constRefEdits(TL, VD->getType().isConstQualified(), SM,
                               Ctx.getLangOpts(), Fixes);
  std::string NewType = constRefText(TL, VD->getType(), Ctx);
  auto D = diag(VD->getLocation(),
                "local '%0' copies %1 but is only read while its source stays "
                "unchanged; bind it as '%2'")
           << VD->getName() << costOf(VD->getType(), Ctx) << NewType;
  if (Fixable)
    D << Fixes;
}

//===-- Range-for
//----------------------------------------------------------===//

void UnneededCopyCheck::checkRangeFor(const CXXForRangeStmt *For,
                                      ASTContext &Ctx) {
  const VarDecl *LV = For->getLoopVariable();
  if (!LV || inTemplateInstantiation(LV) || LV->getType()->isReferenceType() ||
      LV->getLocation().isMacroID() || !isExpensive(LV->getType()))
    return;
  const Expr *Element = nullptr;
  if (!copyFromLValue(LV->getInit(), Element))
    return; // a proxy or a prvalue element: no copy to avoid
  if (!Ctx.hasSameUnqualifiedType(LV->getType(), Element->getType()))
    return;
  utils::VarUses Uses = utils::analyzeVarUses(*LV, *For->getBody(), Ctx);
  if (!Uses.onlyRead() || movedAtLastUseInstead(*LV, Uses, Ctx))
    return;

  // The elements must not change while the body runs: the range's owner
  // is only read in the body.
  const Expr *Range = For->getRangeInit()->IgnoreParenImpCasts();
  if (const VarDecl *Root = owningLocal(Range)) {
    if (!utils::analyzeVarUses(*Root, *For->getBody(), Ctx)
             .allOf({utils::UseKind::Read, utils::UseKind::Iterated,
                     utils::UseKind::Copied}))
      return;
  } else if (const auto *ME = dyn_cast<MemberExpr>(Range);
             ME && isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts())) {
    // A member of this: no write to it and no non-const member call on
    // this in the body.
    const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!Field)
      return;
    auto Writes =
        match(findAll(expr(anyOf(
                  memberExpr(member(equalsNode(Field))).bind("m"),
                  cxxMemberCallExpr(on(cxxThisExpr()),
                                    callee(cxxMethodDecl(unless(isConst()))))
                      .bind("c")))),
              *For->getBody(), Ctx);
    for (const BoundNodes &B : Writes) {
      if (B.getNodeAs<Expr>("c"))
        return;
      if (const auto *M = B.getNodeAs<MemberExpr>("m")) {
        utils::UseKind K = utils::classifyObjectUse(*M, Ctx).Kind;
        if (K != utils::UseKind::Read && K != utils::UseKind::Iterated &&
            K != utils::UseKind::Copied)
          return;
      }
    }
  } else if (const auto *DRE = dyn_cast<DeclRefExpr>(Range)) {
    // A reference or a global: its mentions in the body are only reads.
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD || !utils::analyzeVarUses(*VD, *For->getBody(), Ctx)
                    .allOf({utils::UseKind::Read, utils::UseKind::Iterated,
                            utils::UseKind::Copied}))
      return;
  }
  // Other ranges (calls returning a container, temporaries): the range is
  // owned by the loop or by an object the body cannot name directly.

  const SourceManager &SM = Ctx.getSourceManager();
  TypeLoc TL = LV->getTypeSourceInfo()->getTypeLoc();
  std::vector<FixItHint> Fixes;
  bool Fixable = constRefEdits(TL, LV->getType().isConstQualified(), SM,
                               Ctx.getLangOpts(), Fixes);
  std::string NewType = constRefText(TL, LV->getType(), Ctx);
  auto D = diag(LV->getLocation(), "loop variable '%0' copies %1 on every "
                                   "iteration but is only read; make it '%2'")
           << LV->getName() << costOf(LV->getType(), Ctx) << NewType;
  if (Fixable)
    D << Fixes;
}

//===-- Getters
//------------------------------------------------------------===//

void UnneededCopyCheck::checkGetter(const CXXMethodDecl *MD, ASTContext &Ctx) {
  if (inTemplateInstantiation(MD) || MD->getParent()->isLambda() ||
      isa<CXXConstructorDecl>(MD) || isa<CXXConversionDecl>(MD) ||
      MD->isOverloadedOperator() || MD->getLocation().isMacroID() ||
      MD->size_overridden_methods() > 0 ||
      isa<CoroutineBodyStmt>(MD->getBody()) ||
      MD->getTemplateSpecializationKind() == TSK_ExplicitSpecialization)
    return;
  QualType Ret = MD->getReturnType();
  if (Ret->isReferenceType() || Ret->isDependentType() ||
      Ret->getContainedAutoType() || !isExpensive(Ret))
    return;
  const auto *Body = cast<CompoundStmt>(MD->getBody());
  const auto *RS = dyn_cast<ReturnStmt>(Body->body_front());
  if (!RS || !RS->getRetValue())
    return;
  const Expr *Source = nullptr;
  if (!copyFromLValue(RS->getRetValue(), Source))
    return;
  const auto *ME = dyn_cast<MemberExpr>(Source);
  const auto *Field = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
  if (!Field || !isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()) ||
      Field->getType()->isReferenceType() ||
      !Ctx.hasSameUnqualifiedType(Field->getType(), Ret))
    return;
  Getters.push_back({MD, Field});
}

void UnneededCopyCheck::emitGetter(const GetterCandidate &G) {
  const SourceManager &SM = Context->getSourceManager();
  const LangOptions &LO = Context->getLangOpts();
  const CXXMethodDecl *MD = G.MD;
  FunctionTypeLoc FTL = MD->getFunctionTypeLoc();
  std::string NewType =
      FTL ? constRefText(FTL.getReturnLoc(), MD->getReturnType(), *Context)
          : "const " +
                fixits::spellType(MD->getReturnType().getUnqualifiedType(),
                                  *Context)
                    .value_or("T") +
                "&";
  std::vector<FixItHint> Fixes;
  // The return type decides how the result is passed.
  std::string PublicWhy = PublicAPI.blocker(
      MD, ("'" + MD->getName() + "'").str(), "changing its return type", SM);
  bool Fixable =
      FixGetters && !AddressTaken.count(canon(MD)) && PublicWhy.empty();
  for (const FunctionDecl *R : MD->redecls()) {
    if (!Fixable)
      break;
    FunctionTypeLoc RT = R->getFunctionTypeLoc();
    if (!RT || SM.isInSystemHeader(R->getLocation()) ||
        !constRefEdits(RT.getReturnLoc(), R->getReturnType().isConstQualified(),
                       SM, LO, Fixes))
      Fixable = false;
  }
  {
    auto D = diag(MD->getLocation(), "getter '%0' copies %1 on every call; "
                                     "return '%2'")
             << MD->getName() << costOf(MD->getReturnType(), *Context)
             << NewType;
    if (Fixable)
      D << Fixes;
  }
  diag(MD->getLocation(),
       "a reference changes lifetimes: callers that bind the result of a "
       "temporary object's '%0()' to a reference, or keep it across a change "
       "of '%1', would dangle%select{; set FixGetters to get a fix|}2",
       DiagnosticIDs::Note)
      << MD->getName() << G.Field->getName() << (FixGetters ? 1 : 0);
  if (FixGetters && !PublicWhy.empty())
    diag(MD->getLocation(), "no fixit: %0", DiagnosticIDs::Note) << PublicWhy;
}

void UnneededCopyCheck::onEndOfTranslationUnit() {
  for (const auto &[Ref, FD] : Mentions)
    if (!CalleeRefs.count(Ref))
      AddressTaken.insert(FD);
  if (Context) {
    // Group parameter candidates by function, in the order found.
    llvm::SmallVector<const FunctionDecl *, 16> Order;
    llvm::DenseMap<const FunctionDecl *, std::vector<ParamCandidate>> ByFn;
    for (ParamCandidate &C : Params) {
      if (AddressTaken.count(canon(C.FD)))
        continue;
      auto &V = ByFn[C.FD];
      if (V.empty())
        Order.push_back(C.FD);
      V.push_back(std::move(C));
    }
    for (const FunctionDecl *FD : Order)
      emitParams(FD, ByFn[FD]);
    for (const GetterCandidate &G : Getters)
      emitGetter(G);
  }
  Params.clear();
  Getters.clear();
  AddressTaken.clear();
  Mentions.clear();
  CalleeRefs.clear();
  Calls.clear();
  Context = nullptr;
}

} // namespace clang::tidy::memlint
