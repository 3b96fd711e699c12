//===--- SmallVectorCheck.cpp - memlint-small-vector ----------------------===//

#include "SmallVectorCheck.h"
#include "checks/utils/UserCodeParents.h"
#include "fixits/Includes.h"

#include "checks/utils/LoopTripCount.h"
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
    : ClangTidyCheck(Name, Context), UserScope(Context),
      MaxInlineElements(Options.get("MaxInlineElements", 16U)),
      MaxInlineBytes(Options.get("MaxInlineBytes", 256U)),
      SmallVectorClass(
          Options.get("SmallVectorClass", "memlint::small_vector").str()),
      SmallVectorHeader(
          Options.get("SmallVectorHeader", "<memlint/small_vector.hpp>").str()),
      Inserter(Options.getLocalOrGlobal("IncludeStyle",
                                        tidy::utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()) {}

void SmallVectorCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "MaxInlineElements", MaxInlineElements);
  Options.store(Opts, "MaxInlineBytes", MaxInlineBytes);
  Options.store(Opts, "SmallVectorClass", SmallVectorClass);
  Options.store(Opts, "SmallVectorHeader", SmallVectorHeader);
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
}

void SmallVectorCheck::registerPPCallbacks(const SourceManager &,
                                           Preprocessor *PP, Preprocessor *) {
  Inserter.registerPreprocessor(PP);
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
  const SourceManager &SM = Context.getSourceManager();
  const VarDecl *VD = C.Var;
  uint64_t Max = C.Initial;
  bool Grows = C.Initial > 0;

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
      if (llvm::is_contained(ReadMembers, Name))
        continue;
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

  const LangOptions &LO = getLangOpts();
  llvm::StringRef ElemText;
  if (TypeSourceInfo *TSI = C.WrittenType.getArgLoc(0).getTypeSourceInfo())
    ElemText = utils::fileText(TSI->getTypeLoc().getSourceRange(), SM, LO);
  SourceRange TypeRange = C.WrittenRange;
  std::string NewType =
      SmallVectorClass + "<" +
      (ElemText.empty() ? C.ElemType.getAsString(Context.getPrintingPolicy())
                        : ElemText.str()) +
      ", " + std::to_string(Max) + ">";
  bool CanFix = !ElemText.empty() && TypeRange.getBegin().isFileID() &&
                TypeRange.getEnd().isFileID();
  {
    auto Diag = diag(VD->getLocation(),
                     "%0 never holds more than %1 elements but allocates "
                     "them on the heap; use '%2' to keep them inline")
                << VD << static_cast<unsigned>(Max) << NewType;
    if (CanFix) {
      Diag << FixItHint::CreateReplacement(
          CharSourceRange::getTokenRange(TypeRange), NewType);
      Diag << fixits::includeInsertion(
          Inserter, SM, SM.getFileID(SM.getExpansionLoc(VD->getLocation())),
          SmallVectorHeader);
    }
  }
  if (!CanFix)
    diag(VD->getLocation(), "no fixit: the type is spelled in a macro",
         DiagnosticIDs::Note);
}

} // namespace clang::tidy::memlint
