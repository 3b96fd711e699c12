//===--- SmallVectorCheck.cpp - memlint-small-vector ----------------------===//

#include "SmallVectorCheck.h"
#include "checks/utils/FixSaving.h"
#include "checks/utils/UserCodeParents.h"
#include "fixits/Includes.h"
#include "fixits/TypeSpelling.h"

#include "checks/utils/LoopTripCount.h"
#include "checks/utils/RuntimeAvailability.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang::ast_matchers;

namespace clang::tidy::memlint {

namespace {

// Members that memlint::small_vector has with the same meaning and result
// type, and that never grow the vector. capacity() is not among them: a
// small_vector starts with K, a vector with 0.
const llvm::StringRef ReadMembers[] = {"size",  "empty",    "data",
                                       "front", "back",     "at",
                                       "clear", "pop_back", "reserve"};
const llvm::StringRef SizeMembers[] = {"clear", "pop_back", "reserve"};
const llvm::StringRef GrowthMembers[] = {"push_back", "emplace_back"};
// Iterators are T* in small_vector: accepted only where a template deduces.
const llvm::StringRef IteratorMembers[] = {
    "begin", "end", "cbegin", "cend", "rbegin", "rend", "crbegin", "crend"};
const llvm::StringRef StdReadFunctions[] = {"size", "data", "empty"};

bool hasDefaultAllocator(const ClassTemplateSpecializationDecl *Spec) {
  if (Spec->getTemplateArgs().size() < 2)
    return false;
  const auto *A = Spec->getTemplateArgs()[1].getAsType()->getAsRecordDecl();
  return A && A->isInStdNamespace() && A->getName() == "allocator";
}

} // namespace

SmallVectorCheck::SmallVectorCheck(StringRef Name, ClangTidyContext *Context)
    : ProfiledCheck(Name, Context), UserScope(Context),
      MaxInlineElements(Options.get("MaxInlineElements", 16U)),
      MaxInlineBytes(Options.get("MaxInlineBytes", 256U)),
      SmallVectorClass(
          Options.get("SmallVectorClass", "memlint::small_vector").str()),
      SmallVectorHeader(
          Options.get("SmallVectorHeader", "<memlint/small_vector.hpp>").str()),
      RuntimeInfo(Options),
      Inserter(Options.getLocalOrGlobal("IncludeStyle",
                                        tidy::utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()) {}

void SmallVectorCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "MaxInlineElements", MaxInlineElements);
  Options.store(Opts, "MaxInlineBytes", MaxInlineBytes);
  Options.store(Opts, "SmallVectorClass", SmallVectorClass);
  Options.store(Opts, "SmallVectorHeader", SmallVectorHeader);
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
  RuntimeInfo.storeOptions(Options, Opts);
}

void SmallVectorCheck::registerPPCallbacks(const SourceManager &,
                                           Preprocessor *PP, Preprocessor *) {
  fixits::registerInserter(Inserter, PP);
  RuntimeInfo.registerPreprocessor(PP);
}

void SmallVectorCheck::registerMatchers(MatchFinder *Finder) {
  UserScope.registerMatchers(Finder);
  auto VectorType =
      qualType(hasUnqualifiedDesugaredType(recordType(hasDeclaration(
          classTemplateSpecializationDecl(hasName("::std::vector"))))));
  Finder->addMatcher(
      varDecl(hasLocalStorage(), unless(parmVarDecl()), hasType(VectorType),
              hasInitializer(ignoringImplicit(cxxConstructExpr())),
              unless(isExpansionInSystemHeader()))
          .bind("var"),
      this);
  Finder->addMatcher(
      declRefExpr(to(varDecl(hasLocalStorage(), unless(parmVarDecl()),
                             hasType(VectorType))
                         .bind("refvar")))
          .bind("ref"),
      this);
}

void SmallVectorCheck::check(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context;
  if (const auto *Ref = Result.Nodes.getNodeAs<DeclRefExpr>("ref")) {
    Refs.add(Result.Nodes.getNodeAs<VarDecl>("refvar"), Ref);
    return;
  }
  const auto *VD = Result.Nodes.getNodeAs<VarDecl>("var");
  if (!utils::isRewritableLocal(*VD, *Ctx) || utils::functionHasLabels(VD))
    return;
  const DeclStmt *DS = utils::soleDeclStmt(VD, *Ctx);
  if (!DS)
    return;
  // The vector must live exactly as long as one run of its scope: a
  // for-init variable would survive the iterations.
  const Stmt *Scope =
      utils::parentOf(DynTypedNode::create(*DS), *Ctx).get<Stmt>();
  if (!Scope || !isa<CompoundStmt, IfStmt, SwitchStmt>(Scope))
    return;

  const auto *Spec = cast<ClassTemplateSpecializationDecl>(
      VD->getType()->getAsCXXRecordDecl());
  QualType Elem = Spec->getTemplateArgs()[0].getAsType();
  if (Elem->isBooleanType() || Elem->isDependentType() ||
      Elem->isIncompleteType() || !hasDefaultAllocator(Spec))
    return;

  // Spelled `std::vector<T>` here: a typedef may be shared with other
  // variables, parameters or return types that stay std::vector.
  Candidate C;
  TemplateSpecializationTypeLoc TST = utils::writtenSpecialization(
      VD->getTypeSourceInfo()->getTypeLoc(), &C.WrittenRange);
  if (TST.isNull() || TST.getNumArgs() != 1)
    return;

  C.Var = VD;
  C.Scope = Scope;
  C.WrittenType = TST;
  C.ElemType = Elem;
  C.ElemSize = Ctx->getTypeSizeInChars(Elem).getQuantity();
  const auto *CE = dyn_cast<CXXConstructExpr>(VD->getInit()->IgnoreImplicit());
  if (!CE || isa<CXXTemporaryObjectExpr>(CE))
    return;
  const CXXConstructorDecl *Ctor = CE->getConstructor();
  if (Ctor->isDefaultConstructor()) {
    C.Initial = 0;
  } else {
    // The initializer-list constructor, allocator defaulted.
    if (CE->getNumArgs() < 1 ||
        (CE->getNumArgs() > 1 && !isa<CXXDefaultArgExpr>(CE->getArg(1))))
      return;
    const auto *IL =
        dyn_cast<CXXStdInitializerListExpr>(CE->getArg(0)->IgnoreImplicit());
    if (!IL)
      return;
    const auto *List =
        dyn_cast<InitListExpr>(IL->getSubExpr()->IgnoreImplicit());
    if (!List)
      return;
    C.Initial = List->getNumInits();
    C.List = List;
    // `v{...}` and `v = {...}`: list-initialization, as std::array's is.
    C.ListInit = CE->isListInitialization();
  }
  Candidates.push_back(C);
}

void SmallVectorCheck::onEndOfTranslationUnit() {
  for (const Candidate &C : Candidates)
    analyze(C);
  Candidates.clear();
  Refs.clear();
}

void SmallVectorCheck::analyze(const Candidate &C) {
  ASTContext &Context = *Ctx;
  const VarDecl *VD = C.Var;
  uint64_t Max = C.Initial;
  bool Grows = C.Initial > 0, Pushed = false, Resized = false;

  for (const DeclRefExpr *Ref : Refs.refs(VD)) {
    const Expr *E = utils::climbTransparent(Ref, Context);
    if (const CXXMemberCallExpr *Call = utils::memberCallOn(E, Context)) {
      const CXXMethodDecl *M = Call->getMethodDecl();
      if (!M)
        return;
      if (M->getOverloadedOperator() == OO_Subscript)
        continue;
      if (!M->getDeclName().isIdentifier())
        return;
      llvm::StringRef Name = M->getName();
      if (llvm::is_contained(GrowthMembers, Name)) {
        Pushed = true;
        std::optional<uint64_t> Times =
            utils::maxExecutionsWithin(*Call, *C.Scope, Context);
        if (!Times)
          return;
        Max += *Times;
        Grows = true;
        if (Max > MaxInlineElements)
          return;
        continue;
      }
      if (llvm::is_contained(ReadMembers, Name)) {
        // Members a std::array lacks.
        Resized |= llvm::is_contained(SizeMembers, Name);
        continue;
      }
      if (llvm::is_contained(IteratorMembers, Name) &&
          utils::passedToDeducedParam(Call, Context))
        continue;
      return;
    }
    unsigned Operand = 0;
    if (const auto *Op = utils::operatorCallOn(E, Context, Operand)) {
      if (Op->getOperator() == OO_Subscript && Operand == 0)
        continue;
      return;
    }
    DynTypedNode P = utils::parentOf(DynTypedNode::create(*E), Context);
    // Capture by reference; the body's uses are references of their own.
    if (P.get<LambdaExpr>())
      continue;
    if (const auto *Range = P.get<VarDecl>();
        Range && utils::isRangeForRangeVar(Range, Context))
      continue;
    if (const auto *Call = P.get<CallExpr>();
        Call && utils::isStdFunction(Call->getDirectCallee(), StdReadFunctions))
      continue;
    return;
  }

  if (!Grows || Max == 0 || Max > MaxInlineElements ||
      Max * C.ElemSize > MaxInlineBytes)
    return;
  emit(C, Max, Pushed || Resized);
}

void SmallVectorCheck::emit(const Candidate &C, uint64_t Max,
                            bool SizeChanges) {
  ASTContext &Context = *Ctx;
  const SourceManager &SM = Context.getSourceManager();
  const VarDecl *VD = C.Var;
  const LangOptions &LO = getLangOpts();
  std::optional<std::string> ElemText =
      fixits::spellTemplateArg(C.WrittenType, 0, SM, LO);
  SourceRange TypeRange = C.WrittenRange;
  std::string ElemSpelling = ElemText.value_or(
      fixits::spellType(C.ElemType, Context)
          .value_or(C.ElemType.getAsString(Context.getPrintingPolicy())));
  std::string NewType =
      SmallVectorClass + "<" + ElemSpelling + ", " + std::to_string(Max) + ">";
  bool InMacro =
      !TypeRange.getBegin().isFileID() || !TypeRange.getEnd().isFileID();
  bool CanFix = ElemText && !InMacro;
  llvm::StringRef NoFix =
      InMacro ? "the type is spelled in a macro"
              : "the element type cannot be copied exactly from the code";
  FileID File = SM.getFileID(SM.getExpansionLoc(VD->getLocation()));
  // Fix plan: the small vector where its header resolves; without it, a
  // vector whose size never changes from its initializer list is a
  // std::array, and anything else gets no fixit.
  bool HasRuntime = RuntimeInfo.available(SmallVectorHeader, SM, File);
  if (!HasRuntime && !SizeChanges && C.List && C.ListInit) {
    emitArray(C, ElemSpelling, CanFix ? llvm::StringRef() : NoFix);
    return;
  }
  // The pushes allocate, not the declaration.
  std::vector<utils::AllocationSite> Sites =
      utils::allocationSites(*VD, *C.Scope, Context, VD->getLocation());
  claimAllocations(Sites);
  {
    auto Diag = diag(VD->getLocation(),
                     "%0 never holds more than %1 elements but allocates "
                     "them on the heap; use '%2' to keep them inline")
                << VD << static_cast<unsigned>(Max) << NewType;
    if (CanFix && HasRuntime) {
      Diag << FixItHint::CreateReplacement(
          CharSourceRange::getTokenRange(TypeRange), NewType);
      Diag << fixits::includeInsertion(Inserter, SM, File, SmallVectorHeader);
    }
  }
  if (!CanFix)
    diag(VD->getLocation(), "no fixit: %0", DiagnosticIDs::Note) << NoFix;
  else if (!HasRuntime)
    diag(VD->getLocation(), "no fixit: %0", DiagnosticIDs::Note)
        << utils::RuntimeAvailability::missingReason(SmallVectorHeader);
  utils::noteAllocationsRemovedHere(*this, Sites);
}

void SmallVectorCheck::emitArray(const Candidate &C,
                                 llvm::StringRef ElemSpelling,
                                 llvm::StringRef NoFix) {
  const SourceManager &SM = Ctx->getSourceManager();
  const VarDecl *VD = C.Var;
  std::string NewType = "std::array<" + ElemSpelling.str() + ", " +
                        std::to_string(C.Initial) + ">";
  // Elements that are braced lists themselves need the braces of
  // std::array's inner C array around them (brace elision stops at them).
  bool Braced = llvm::any_of(C.List->inits(), [&](const Expr *E) {
    SourceLocation B = E->getBeginLoc();
    return B.isMacroID() || *SM.getCharacterData(B) == '{';
  });
  SourceLocation LBrace = C.List->getLBraceLoc(),
                 RBrace = C.List->getRBraceLoc();
  if (NoFix.empty() && Braced && (LBrace.isMacroID() || RBrace.isMacroID()))
    NoFix = "the initializer's braces are spelled in a macro";
  bool CanFix = NoFix.empty();
  {
    auto Diag = diag(VD->getLocation(),
                     "%0 keeps the %1 elements of its initializer but "
                     "allocates them on the heap; use '%2' to keep them inline")
                << VD << static_cast<unsigned>(C.Initial) << NewType;
    if (CanFix) {
      Diag << FixItHint::CreateReplacement(
          CharSourceRange::getTokenRange(C.WrittenRange), NewType);
      if (Braced)
        Diag << FixItHint::CreateInsertion(LBrace.getLocWithOffset(1), "{")
             << FixItHint::CreateInsertion(RBrace, "}");
      Diag << fixits::includeInsertion(
          Inserter, SM, SM.getFileID(SM.getExpansionLoc(VD->getLocation())),
          "<array>");
    }
  }
  if (!CanFix)
    diag(VD->getLocation(), "no fixit: %0", DiagnosticIDs::Note) << NoFix;
}

} // namespace clang::tidy::memlint
