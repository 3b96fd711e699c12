//===--- HeapFixedBufferCheck.cpp - memlint-heap-fixed-buffer -------------===//

#include "HeapFixedBufferCheck.h"
#include "checks/utils/FixSaving.h"
#include "checks/utils/LoopTripCount.h"
#include "checks/utils/UserCodeParents.h"
#include "fixits/Includes.h"
#include "fixits/TypeSpelling.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang::ast_matchers;

namespace clang::tidy::memlint {

namespace {

// Members of std::vector that std::array has with the same meaning and
// result type (iterators are handled apart: their types differ).
const llvm::StringRef VectorReadMembers[] = {
    "size", "empty", "data", "front", "back", "at", "operator[]"};
const llvm::StringRef VectorIteratorMembers[] = {
    "begin", "end", "cbegin", "cend", "rbegin", "rend", "crbegin", "crend"};
// Free functions of std that accept a std::array as they accept a vector.
const llvm::StringRef StdReadFunctions[] = {"size", "data", "empty"};

const Expr *constructorArgOrNull(const CXXConstructExpr *CE, unsigned I) {
  if (I >= CE->getNumArgs() || isa<CXXDefaultArgExpr>(CE->getArg(I)))
    return nullptr;
  return CE->getArg(I);
}

unsigned explicitArgCount(const CXXConstructExpr *CE) {
  unsigned N = 0;
  while (constructorArgOrNull(CE, N))
    ++N;
  return N;
}

std::optional<uint64_t> positiveConstant(const Expr *E, ASTContext &Ctx) {
  if (E->isValueDependent() || E->isTypeDependent())
    return std::nullopt;
  std::optional<llvm::APSInt> V =
      E->IgnoreImpCasts()->getIntegerConstantExpr(Ctx);
  if (!V || V->isNegative() || V->isZero() || V->getActiveBits() > 32)
    return std::nullopt;
  return V->getZExtValue();
}

// Whether `x` in vector(K, x) equals what `{}` gives each element: zero of a
// scalar type (positive zero for floating point).
bool isValueInitValue(const Expr *E, QualType T, ASTContext &Ctx) {
  if (!T->isScalarType())
    return false;
  Expr::EvalResult R;
  if (E->isValueDependent() || !E->EvaluateAsRValue(R, Ctx) || R.HasSideEffects)
    return false;
  const APValue &V = R.Val;
  if (V.isInt())
    return V.getInt().isZero();
  if (V.isFloat())
    return V.getFloat().isPosZero();
  if (V.isLValue())
    return V.isNullPointer();
  return false;
}

// Whether `std::array<T, K> a{}` / `std::array<T, K> a;` compile: T is
// default constructible through a non-explicit, accessible constructor.
bool arrayElementOk(QualType T) {
  if (T.isConstQualified() || T.isVolatileQualified() || T->isReferenceType())
    return false;
  if (T->isScalarType())
    return true;
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  // `{}` copy-list-initializes each element: an explicit default
  // constructor makes that ill-formed.
  for (const CXXConstructorDecl *Ctor : RD->ctors())
    if (Ctor->isDefaultConstructor() && Ctor->isExplicit())
      return false;
  if (RD->isAbstract())
    return false;
  if (RD->hasTrivialDefaultConstructor() ||
      (RD->needsImplicitDefaultConstructor() && RD->hasDefaultConstructor()))
    return true;
  for (const CXXConstructorDecl *Ctor : RD->ctors())
    if (Ctor->isDefaultConstructor() && !Ctor->isDeleted() &&
        Ctor->getAccess() == AS_public)
      return true;
  return false;
}

// `K` as a template argument: names and literals as written, anything else
// in parentheses (a `>` in it would end the argument list).
std::string templateArgText(llvm::StringRef Text) {
  bool Simple = !Text.empty() && llvm::all_of(Text, [](char C) {
    return isalnum(static_cast<unsigned char>(C)) || C == '_' || C == ':' ||
           C == '\'';
  });
  if (Simple)
    return Text.str();
  return ("(" + Text + ")").str();
}

QualType firstTemplateArg(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T->getAsCXXRecordDecl());
  if (!Spec || Spec->getTemplateArgs().size() < 2)
    return {};
  return Spec->getTemplateArgs()[0].getAsType();
}

// The second template argument names the default (std::allocator or
// std::default_delete).
bool hasDefaultSecondArg(QualType T, llvm::StringRef Name) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T->getAsCXXRecordDecl());
  if (!Spec || Spec->getTemplateArgs().size() < 2)
    return false;
  const auto *Arg = Spec->getTemplateArgs()[1].getAsType()->getAsRecordDecl();
  return Arg && Arg->isInStdNamespace() && Arg->getName() == Name;
}

} // namespace

HeapFixedBufferCheck::HeapFixedBufferCheck(StringRef Name,
                                           ClangTidyContext *Context)
    : ProfiledCheck(Name, Context), UserScope(Context),
      MaxStackBytes(Options.get("MaxStackBytes", 4096U)),
      Inserter(Options.getLocalOrGlobal("IncludeStyle",
                                        tidy::utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()) {}

void HeapFixedBufferCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "MaxStackBytes", MaxStackBytes);
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
}

void HeapFixedBufferCheck::registerPPCallbacks(const SourceManager &,
                                               Preprocessor *PP,
                                               Preprocessor *) {
  fixits::registerInserter(Inserter, PP);
}

void HeapFixedBufferCheck::registerMatchers(MatchFinder *Finder) {
  UserScope.registerMatchers(Finder);
  auto HeapType = qualType(hasUnqualifiedDesugaredType(
      recordType(hasDeclaration(classTemplateSpecializationDecl(
          hasAnyName("::std::vector", "::std::unique_ptr"))))));
  Finder->addMatcher(varDecl(hasLocalStorage(), unless(parmVarDecl()),
                             hasType(HeapType), hasInitializer(expr()),
                             unless(isExpansionInSystemHeader()))
                         .bind("var"),
                     this);
  Finder->addMatcher(
      declRefExpr(to(varDecl(hasLocalStorage(), unless(parmVarDecl()),
                             hasType(HeapType))
                         .bind("refvar")))
          .bind("ref"),
      this);
}

// `std::vector<T> v(K)` / `v(K, x)`: the size constructors, the allocator
// left to its default.
QualType HeapFixedBufferCheck::vectorCandidate(Candidate &C, const Expr *Init,
                                               const SourceManager &SM) {
  const VarDecl *VD = C.Var;
  QualType VarType = VD->getType();
  QualType Elem = firstTemplateArg(VarType);
  if (Elem.isNull() || Elem->isBooleanType() ||
      !hasDefaultSecondArg(VarType, "allocator"))
    return {};
  const auto *CE = dyn_cast<CXXConstructExpr>(Init);
  if (!CE || isa<CXXTemporaryObjectExpr>(CE))
    return {};
  const CXXConstructorDecl *Ctor = CE->getConstructor();
  unsigned NArgs = explicitArgCount(CE);
  if (NArgs < 1 || NArgs > 2 || Ctor->getNumParams() < NArgs ||
      !Ctor->getParamDecl(0)->getType()->isIntegerType())
    return {};
  if (NArgs == 2 &&
      utils::typeMentions(Ctor->getParamDecl(1)->getType(), "allocator"))
    return {};
  C.SizeArg = CE->getArg(0);
  if (NArgs == 2 && !isValueInitValue(CE->getArg(1), Elem, *Ctx))
    C.FillArg = CE->getArg(1);
  TemplateSpecializationTypeLoc TST =
      utils::writtenSpecialization(VD->getTypeSourceInfo()->getTypeLoc());
  // Spelled through a typedef or auto: the name may be shared, leave it.
  if (TST.isNull() || TST.getNumArgs() < 1)
    return {};
  C.ElemText = fixits::spellTemplateArg(TST, 0, SM, getLangOpts()).value_or("");
  return Elem;
}

// `std::unique_ptr<T[]> p(new T[K])`: the size, the initialization style
// and where the written element type is.
bool HeapFixedBufferCheck::newArraySize(Candidate &C,
                                        const CXXConstructExpr &CE,
                                        QualType Elem, TypeLoc &ElemLoc) {
  if (CE.getNumArgs() != 1 || isa<CXXTemporaryObjectExpr>(CE))
    return false;
  const auto *New = dyn_cast<CXXNewExpr>(CE.getArg(0)->IgnoreImplicit());
  if (!New || !New->isArray() || New->getNumPlacementArgs() != 0 ||
      !New->getArraySize() || !New->getOperatorNew() ||
      New->getOperatorNew()->getDeclContext()->isRecord() ||
      !Ctx->hasSameType(New->getAllocatedType(), Elem))
    return false;
  C.SizeArg = *New->getArraySize();
  switch (New->getInitializationStyle()) {
  case CXXNewInitializationStyle::None:
    C.ValueInit = false;
    break;
  case CXXNewInitializationStyle::Parens:
    C.ValueInit = true;
    break;
  case CXXNewInitializationStyle::Braces: {
    // `new T[K]{}` only; a list with values is not a value-init.
    const auto *IL = dyn_cast_or_null<InitListExpr>(New->getInitializer());
    if (!IL || IL->getNumInits() != 0)
      return false;
    C.ValueInit = true;
    break;
  }
  }
  TemplateSpecializationTypeLoc TST =
      utils::writtenSpecialization(C.Var->getTypeSourceInfo()->getTypeLoc());
  if (!TST.isNull() && TST.getNumArgs() >= 1)
    if (TypeSourceInfo *TSI = TST.getArgLoc(0).getTypeSourceInfo())
      if (auto A = TSI->getTypeLoc().getAs<ArrayTypeLoc>())
        ElemLoc = A.getElementLoc();
  return true;
}

// `std::unique_ptr<T[]>` from `std::make_unique<T[]>(K)` or `new T[K]`.
QualType HeapFixedBufferCheck::uniqueArrayCandidate(Candidate &C,
                                                    const Expr *Init,
                                                    const SourceManager &SM) {
  QualType VarType = C.Var->getType();
  QualType Arr = firstTemplateArg(VarType);
  if (Arr.isNull() || !Arr->isIncompleteArrayType() ||
      !hasDefaultSecondArg(VarType, "default_delete"))
    return {};
  QualType Elem = Ctx->getAsArrayType(Arr)->getElementType();
  // `auto p = std::make_unique<T[]>(K)` before C++17 wraps a move.
  if (const auto *Move = dyn_cast<CXXConstructExpr>(Init);
      Move && Move->getConstructor()->isCopyOrMoveConstructor() &&
      Move->getNumArgs() == 1)
    Init = Move->getArg(0)->IgnoreImplicit();
  TypeLoc ElemLoc;
  if (const auto *Call = dyn_cast<CallExpr>(Init)) {
    const auto *FD = Call->getDirectCallee();
    const auto *Callee =
        dyn_cast<DeclRefExpr>(Call->getCallee()->IgnoreImplicit());
    if (!utils::isStdFunction(FD, {"make_unique"}) || !Callee ||
        Call->getNumArgs() != 1 || Callee->getNumTemplateArgs() != 1)
      return {};
    C.SizeArg = Call->getArg(0);
    C.ValueInit = true;
    if (TypeSourceInfo *TSI = Callee->getTemplateArgs()[0].getTypeSourceInfo())
      if (auto A = TSI->getTypeLoc().getAs<ArrayTypeLoc>())
        ElemLoc = A.getElementLoc();
  } else if (const auto *CE = dyn_cast<CXXConstructExpr>(Init)) {
    if (!newArraySize(C, *CE, Elem, ElemLoc))
      return {};
  } else {
    return {};
  }
  if (!ElemLoc.isNull())
    C.ElemText = fixits::spellTypeLoc(ElemLoc, SM, getLangOpts()).value_or("");
  return Elem;
}

void HeapFixedBufferCheck::check(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context;
  if (const auto *Ref = Result.Nodes.getNodeAs<DeclRefExpr>("ref")) {
    Refs.add(Result.Nodes.getNodeAs<VarDecl>("refvar"), Ref);
    return;
  }
  const auto *VD = Result.Nodes.getNodeAs<VarDecl>("var");
  if (!utils::isRewritableLocal(*VD, *Ctx) || !utils::soleDeclStmt(VD, *Ctx))
    return;

  Candidate C;
  C.Var = VD;
  const Expr *Init = VD->getInit()->IgnoreImplicit();
  C.IsVector = VD->getType()->getAsCXXRecordDecl()->getName() == "vector";
  QualType Elem = C.IsVector
                      ? vectorCandidate(C, Init, *Result.SourceManager)
                      : uniqueArrayCandidate(C, Init, *Result.SourceManager);
  if (Elem.isNull() || Elem->isDependentType() || Elem->isIncompleteType() ||
      !arrayElementOk(Elem))
    return;
  std::optional<uint64_t> Count = positiveConstant(C.SizeArg, *Ctx);
  if (!Count)
    return;
  C.Count = *Count;
  uint64_t ElemSize = Ctx->getTypeSizeInChars(Elem).getQuantity();
  C.Bytes = C.Count * ElemSize; // both below 2^32: no overflow
  if (C.Bytes > MaxStackBytes)
    return;
  Candidates.push_back(std::move(C));
}

void HeapFixedBufferCheck::onEndOfTranslationUnit() {
  for (const Candidate &C : Candidates)
    analyze(C);
  Candidates.clear();
  Refs.clear();
}

namespace {

/// What the variable's uses add to the fix: `p.get()` becomes `p.data()`.
struct UseFacts {
  std::vector<FixItHint> Fixes;
  /// False when such a use is in a macro: no fixit then.
  bool FixesOk = true;
};

/// Whether a member call on the variable means the same on a std::array.
bool memberCallOk(const CXXMemberCallExpr &Call, bool IsVector,
                  ASTContext &Context, UseFacts &F) {
  const CXXMethodDecl *M = Call.getMethodDecl();
  if (!M || !M->getDeclName().isIdentifier())
    return IsVector && M && M->getOverloadedOperator() == OO_Subscript;
  llvm::StringRef Name = M->getName();
  if (!IsVector) {
    if (Name != "get")
      return false;
    SourceLocation Loc = cast<MemberExpr>(Call.getCallee())->getMemberLoc();
    if (Loc.isMacroID())
      F.FixesOk = false;
    else
      F.Fixes.push_back(FixItHint::CreateReplacement(Loc, "data"));
    return true;
  }
  if (llvm::is_contained(VectorReadMembers, Name))
    return true;
  if (!llvm::is_contained(VectorIteratorMembers, Name))
    return false;
  // std::array's iterators are another type: accept them only where
  // a function template deduces the type (std::sort(v.begin(), ...)).
  return utils::passedToDeducedParam(&Call, Context);
}

/// Whether the use \p Ref of the variable carries over to a std::array.
bool useOk(const DeclRefExpr *Ref, bool IsVector, ASTContext &Context,
           UseFacts &F) {
  const Expr *E = utils::climbTransparent(Ref, Context);
  if (const CXXMemberCallExpr *Call = utils::memberCallOn(E, Context))
    return memberCallOk(*Call, IsVector, Context, F);
  unsigned Operand = 0;
  if (const auto *Op = utils::operatorCallOn(E, Context, Operand))
    return Op->getOperator() == OO_Subscript && Operand == 0;
  DynTypedNode P = utils::parentOf(DynTypedNode::create(*E), Context);
  // A by-reference lambda capture (a by-copy one goes through a copy
  // constructor); the uses in the body are references of their own.
  if (P.get<LambdaExpr>())
    return true;
  if (const auto *Range = P.get<VarDecl>();
      IsVector && Range && utils::isRangeForRangeVar(Range, Context))
    return true;
  if (const auto *Call = P.get<CallExpr>(); IsVector && Call) {
    const ParmVarDecl *Param = utils::paramForArg(Call, E);
    if (Param &&
        utils::isStdFunction(Call->getDirectCallee(), StdReadFunctions))
      return true;
  }
  return false;
}

} // namespace

void HeapFixedBufferCheck::analyze(const Candidate &C) {
  ASTContext &Context = *Ctx;
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = getLangOpts();
  const VarDecl *VD = C.Var;
  // A use that cannot be rewritten withholds the fixit; one std::array
  // does not support rules the finding out.
  UseFacts Uses;
  for (const DeclRefExpr *Ref : Refs.refs(VD))
    if (!useOk(Ref, C.IsVector, Context, Uses))
      return;
  const std::vector<FixItHint> &UseFixes = Uses.Fixes;
  bool UseFixesOk = Uses.FixesOk;

  llvm::StringRef SizeText =
      utils::fileText(C.SizeArg->IgnoreImpCasts()->getSourceRange(), SM, LO);
  std::string K =
      SizeText.empty() ? std::to_string(C.Count) : templateArgText(SizeText);
  std::string ArrayType =
      "std::array<" + (C.ElemText.empty() ? "T" : C.ElemText) + ", " + K + ">";
  llvm::StringRef Fill;
  if (C.FillArg)
    Fill = utils::fileText(C.FillArg->getSourceRange(), SM, LO);

  // Why a fixit is withheld, if it is.
  llvm::StringRef NoFix;
  const DeclStmt *DS = utils::soleDeclStmt(VD, Context);
  SourceRange DeclRange(VD->getBeginLoc(), VD->getEndLoc());
  if (SizeText.empty() || DeclRange.getBegin().isMacroID() ||
      DeclRange.getEnd().isMacroID() || !UseFixesOk ||
      (C.FillArg && Fill.empty()))
    NoFix = "it is spelled in a macro";
  else if (C.ElemText.empty())
    NoFix = "its element type cannot be copied exactly from the code";
  else if (C.FillArg && VD->getType().isConstQualified())
    NoFix = "a const std::array cannot be filled after its declaration";
  else if (C.FillArg && !utils::parentOf(DynTypedNode::create(*DS), Context)
                             .get<CompoundStmt>())
    NoFix = "the fill needs a statement of its own, which cannot go here";

  {
    auto Diag =
        diag(VD->getLocation(),
             "%0 allocates a fixed-size buffer of %1 bytes on the heap; use "
             "'%2' to "
             "keep it on the stack")
        << VD << static_cast<unsigned>(C.Bytes) << ArrayType;
    if (NoFix.empty()) {
      std::string Replacement;
      // A const vector's elements are const; a const unique_ptr's are not.
      if (C.IsVector && VD->getType().isConstQualified())
        Replacement += "const ";
      Replacement += ArrayType + " " + VD->getName().str();
      if (C.FillArg)
        Replacement += "; " + VD->getName().str() + ".fill(" + Fill.str() + ")";
      else if (C.ValueInit)
        Replacement += "{}";
      Diag << FixItHint::CreateReplacement(
          CharSourceRange::getTokenRange(DeclRange), Replacement);
      for (const FixItHint &F : UseFixes)
        Diag << F;
      Diag << fixits::includeInsertion(
          Inserter, SM, SM.getFileID(SM.getExpansionLoc(VD->getLocation())),
          "<array>");
    }
  }
  if (!NoFix.empty())
    diag(VD->getLocation(), "no fixit: %0", DiagnosticIDs::Note) << NoFix;
  else if (auto Runs =
               DS ? utils::exactRunsPerLoopRun(*DS, Context) : std::nullopt)
    // Each object allocates its buffer once; the array never does.
    utils::noteAllocationsRemoved(*this, VD->getLocation(), Runs->Runs,
                                  Runs->InLoop);
}

} // namespace clang::tidy::memlint
