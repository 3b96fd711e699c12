//===--- PaddingWasteCheck.cpp - memlint-padding-waste --------------------===//

#include "PaddingWasteCheck.h"
#include "checks/utils/BoolOption.h"
#include "checks/utils/PublicApi.h"
#include "checks/utils/RecordLayout.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "fixits/FieldReorder.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclFriend.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecordLayout.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Regex.h"
#include <algorithm>

using namespace clang::ast_matchers;

namespace clang::tidy::memlint {

namespace {

// Node kinds without a stock matcher.
const internal::VariadicDynCastAllOfMatcher<Stmt, OffsetOfExpr> offsetOfExpr;
const internal::VariadicDynCastAllOfMatcher<Stmt, CXXParenListInitExpr>
    cxxParenListInitExpr;

const RecordDecl *recordOf(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType();
  const RecordDecl *RD = T->getAsRecordDecl();
  return RD ? RD->getDefinition() : nullptr;
}

std::string formatBytes(uint64_t Bytes) {
  if (Bytes < 1024)
    return std::to_string(Bytes) + (Bytes == 1 ? " byte" : " bytes");
  auto Format = [](uint64_t N, uint64_t Unit, const char *Name) {
    if (N % Unit == 0)
      return std::to_string(N / Unit) + " " + Name;
    char Buf[32];
    std::snprintf(Buf, sizeof(Buf), "%.1f %s", double(N) / double(Unit), Name);
    return std::string(Buf);
  };
  if (Bytes < 1024 * 1024)
    return Format(Bytes, 1024, "KiB");
  return Format(Bytes, 1024 * 1024, "MiB");
}

std::string fieldName(const FieldDecl *FD) {
  return FD->getIdentifier() ? FD->getName().str() : "(unnamed)";
}

std::string orderText(llvm::ArrayRef<const FieldDecl *> Order) {
  std::string Text;
  for (const FieldDecl *FD : Order)
    Text += (Text.empty() ? "" : ", ") + fieldName(FD);
  return Text;
}

/// Whether \p S reads the object under construction (`this`, explicitly or
/// through an implicit member access).
bool mentionsThis(const Stmt *S) {
  if (!S)
    return false;
  if (isa<CXXThisExpr>(S))
    return true;
  return llvm::any_of(S->children(),
                      [](const Stmt *C) { return mentionsThis(C); });
}

/// Whether the initializer \p E may read a member of the object under
/// construction. A bare `this` (a pointer member pointed at its own object,
/// `next_(this)`, `next_{this}`) only takes the address and reads nothing;
/// `this->x`, member calls and `this` passed to a function may.
bool readsMembers(const Expr *E) {
  if (!E)
    return false;
  const Expr *Inner = E->IgnoreParenImpCasts();
  if (const auto *ILE = dyn_cast<InitListExpr>(Inner))
    if (ILE->getNumInits() == 1 && !ILE->getType()->isRecordType())
      Inner = ILE->getInit(0)->IgnoreParenImpCasts();
  if (isa<CXXThisExpr>(Inner))
    return false;
  return mentionsThis(E);
}

/// Whether evaluating \p S may have effects whose order someone could
/// observe: a call to anything that is not constexpr.
bool hasCallWithEffects(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || !Callee->isConstexpr())
      return true;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    if (Ctor && Ctor->isUserProvided() && !Ctor->isConstexpr() &&
        !Ctor->getParent()->isInStdNamespace())
      return true;
  }
  return llvm::any_of(S->children(),
                      [](const Stmt *C) { return hasCallWithEffects(C); });
}

/// Fields whose construction or destruction someone could observe, so their
/// relative order must not change: class types (outside std) with a
/// user-provided constructor or destructor, and fields whose initializer
/// calls something that is not constexpr.
bool isOrderSensitive(const FieldDecl *FD, const CXXRecordDecl *Parent) {
  QualType T = FD->getType();
  while (const ArrayType *AT = T->getAsArrayTypeUnsafe())
    T = AT->getElementType();
  if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl()) {
    RD = RD->getDefinition();
    if (RD && !RD->isInStdNamespace()) {
      if (const CXXDestructorDecl *D = RD->getDestructor())
        if (D->isUserProvided())
          return true;
      for (const CXXConstructorDecl *C : RD->ctors())
        if (C->isUserProvided())
          return true;
    }
  }
  // In a template's pattern a dependent initializer may call anything.
  auto MayHaveEffects = [](const Expr *E) {
    return E->isInstantiationDependent() || hasCallWithEffects(E);
  };
  if (FD->hasInClassInitializer() &&
      MayHaveEffects(FD->getInClassInitializer()))
    return true;
  if (Parent)
    for (const CXXConstructorDecl *Ctor : Parent->ctors())
      for (const CXXCtorInitializer *Init : Ctor->inits())
        if (Init->isWritten() && Init->getMember() == FD &&
            MayHaveEffects(Init->getInit()))
          return true;
  return false;
}

bool isOrderedComparison(OverloadedOperatorKind K) {
  return K == OO_Spaceship || K == OO_Less || K == OO_Greater ||
         K == OO_LessEqual || K == OO_GreaterEqual;
}

} // namespace

PaddingWasteCheck::PaddingWasteCheck(StringRef Name, ClangTidyContext *Context)
    : ProfiledCheck(Name, Context), UserScope(Context),
      MinBytesSaved(Options.get("MinBytesSaved", 1U)),
      MinBoolsToPack(Options.get("MinBoolsToPack", 4U)),
      IgnoredRecords(Options.get("IgnoredRecords", "")),
      CheckExportedRecords(utils::parseBoolOption(
          Options.get("CheckExportedRecords", "false"), false)),
      PublicAPI(Options) {}

void PaddingWasteCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "MinBytesSaved", MinBytesSaved);
  Options.store(Opts, "MinBoolsToPack", MinBoolsToPack);
  Options.store(Opts, "IgnoredRecords", IgnoredRecords);
  Options.store(Opts, "CheckExportedRecords",
                utils::boolOptionText(CheckExportedRecords));
  PublicAPI.storeOptions(Options, Opts);
}

void PaddingWasteCheck::registerMatchers(MatchFinder *Finder) {
  UserScope.registerMatchers(Finder);
  Finder->addMatcher(recordDecl(isDefinition(), unless(isUnion()),
                                unless(isImplicit()),
                                unless(isExpansionInSystemHeader()),
                                unless(cxxRecordDecl(isLambda())))
                         .bind("record"),
                     this);
  // Where the TU stores records many times: arrays and standard containers.
  Finder->addMatcher(
      varDecl(unless(parmVarDecl()), hasType(arrayType())).bind("arrayVar"),
      this);
  Finder->addMatcher(fieldDecl(hasType(arrayType())).bind("arrayField"), this);
  Finder->addMatcher(cxxNewExpr(isArray()).bind("newArray"), this);
  // Containers are found through the variables and fields that hold them,
  // not through the specializations themselves: those live in namespace
  // std, which clangd does not traverse when it checks the main file.
  auto Container =
      qualType(hasUnqualifiedDesugaredType(recordType(hasDeclaration(
          classTemplateSpecializationDecl(
              hasAnyName("::std::vector", "::std::deque", "::std::array",
                         "::std::list", "::std::forward_list", "::std::set",
                         "::std::multiset", "::std::map", "::std::multimap",
                         "::std::unordered_set", "::std::unordered_multiset",
                         "::std::unordered_map", "::std::unordered_multimap"))
              .bind("container")))));
  Finder->addMatcher(varDecl(hasType(Container)), this);
  Finder->addMatcher(fieldDecl(hasType(Container)), this);
  // Uses that tie a record to its field order.
  Finder->addMatcher(initListExpr().bind("initList"), this);
  Finder->addMatcher(cxxParenListInitExpr().bind("parenInit"), this);
  Finder->addMatcher(offsetOfExpr().bind("offsetof"), this);
  Finder->addMatcher(decompositionDecl().bind("binding"), this);
}

void PaddingWasteCheck::noteHot(QualType Element, uint64_t Elements) {
  while (const ArrayType *AT = Element->getAsArrayTypeUnsafe()) {
    if (const auto *CAT = dyn_cast<ConstantArrayType>(AT))
      Elements = (Elements ? Elements : 1) * CAT->getSize().getZExtValue();
    Element = AT->getElementType();
  }
  if (const RecordDecl *RD = recordOf(Element)) {
    Usage &U = Usages[RD];
    U.Hot = true;
    U.MaxArrayElements = std::max(U.MaxArrayElements, Elements);
  }
}

void PaddingWasteCheck::noteContainerElements(
    const ClassTemplateSpecializationDecl &Spec) {
  const TemplateArgumentList &Args = Spec.getTemplateArgs();
  bool IsArray = Spec.getName() == "array";
  bool IsMap = Spec.getName().ends_with("map");
  for (unsigned I = 0; I < Args.size() && I < (IsMap ? 2U : 1U); ++I) {
    if (Args[I].getKind() != TemplateArgument::Type)
      continue;
    uint64_t N = 0;
    if (IsArray && Args.size() > 1 &&
        Args[1].getKind() == TemplateArgument::Integral)
      N = Args[1].getAsIntegral().getZExtValue();
    noteHot(Args[I].getAsType(), N);
  }
}

bool PaddingWasteCheck::noteHotUse(const MatchFinder::MatchResult &Result) {
  auto ArrayUse = [&](QualType T) {
    if (const auto *CAT = Result.Context->getAsConstantArrayType(T))
      noteHot(CAT->getElementType(), CAT->getSize().getZExtValue());
    else if (const ArrayType *AT = T->getAsArrayTypeUnsafe())
      noteHot(AT->getElementType(), 0);
  };
  if (const auto *VD = Result.Nodes.getNodeAs<VarDecl>("arrayVar"))
    ArrayUse(VD->getType());
  else if (const auto *FD = Result.Nodes.getNodeAs<FieldDecl>("arrayField"))
    ArrayUse(FD->getType());
  else if (const auto *New = Result.Nodes.getNodeAs<CXXNewExpr>("newArray"))
    noteHot(New->getAllocatedType(), 0);
  else if (const auto *Spec =
               Result.Nodes.getNodeAs<ClassTemplateSpecializationDecl>(
                   "container"))
    noteContainerElements(*Spec);
  else
    return false;
  return true;
}

void PaddingWasteCheck::notePositionalInit(const InitListExpr &ILE) {
  const InitListExpr *Syntactic = ILE.isSemanticForm() && ILE.getSyntacticForm()
                                      ? ILE.getSyntacticForm()
                                      : &ILE;
  const RecordDecl *RD = recordOf(ILE.getType());
  if (!RD || Syntactic->getNumInits() == 0)
    return;
  // Brace elision leaves a semantic list without a written one: its
  // elements are positional too.
  bool Positional = ILE.isSemanticForm() && !ILE.getSyntacticForm() &&
                    ILE.getLBraceLoc().isInvalid();
  for (const Expr *Init : Syntactic->inits())
    if (!isa<DesignatedInitExpr>(Init))
      Positional = true;
  if (Positional)
    Blocked.try_emplace(
        RD, "it is initialized with positional braces ({...} without "
            "designators), which depend on the field order");
}

bool PaddingWasteCheck::noteOrderDependence(
    const MatchFinder::MatchResult &Result) {
  if (const auto *ILE = Result.Nodes.getNodeAs<InitListExpr>("initList")) {
    notePositionalInit(*ILE);
    return true;
  }
  if (const auto *Paren =
          Result.Nodes.getNodeAs<CXXParenListInitExpr>("parenInit")) {
    if (const RecordDecl *RD = recordOf(Paren->getType()))
      Blocked.try_emplace(RD, "it is aggregate-initialized with parentheses, "
                              "which depends on the field order");
    return true;
  }
  if (const auto *Off = Result.Nodes.getNodeAs<OffsetOfExpr>("offsetof")) {
    if (const RecordDecl *RD = recordOf(Off->getTypeSourceInfo()->getType()))
      Blocked.try_emplace(RD, "offsetof is applied to it");
    return true;
  }
  if (const auto *Binding =
          Result.Nodes.getNodeAs<DecompositionDecl>("binding")) {
    if (const RecordDecl *RD = recordOf(Binding->getType()))
      Blocked.try_emplace(RD, "a structured binding names its fields in "
                              "declaration order");
    return true;
  }
  return false;
}

void PaddingWasteCheck::check(const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
  if (const auto *RD = Result.Nodes.getNodeAs<RecordDecl>("record")) {
    Records.insert(RD);
    return;
  }
  if (noteHotUse(Result))
    return;
  noteOrderDependence(Result);
}

std::string
PaddingWasteCheck::fixitBlocker(const RecordDecl *RD,
                                llvm::ArrayRef<const FieldDecl *> Order) const {
  auto It = Blocked.find(RD);
  if (It != Blocked.end())
    return It->second;
  const auto *CRD = dyn_cast<CXXRecordDecl>(RD);
  if (RD->isExternCContext())
    return "it is declared in an extern \"C\" block";
  if (CRD) {
    // Defaulted ordered comparisons compare fields in declaration order.
    auto DefaultedOrdered = [](const FunctionDecl *F) {
      return F && F->isDefaulted() &&
             isOrderedComparison(F->getOverloadedOperator());
    };
    for (const CXXMethodDecl *M : CRD->methods())
      if (DefaultedOrdered(M))
        return "a defaulted comparison operator compares its fields in "
               "declaration order";
    for (const FriendDecl *F : CRD->friends())
      if (DefaultedOrdered(dyn_cast_or_null<FunctionDecl>(F->getFriendDecl())))
        return "a defaulted comparison operator compares its fields in "
               "declaration order";
    // Members are initialized in declaration order: an initializer that
    // reads the object could then read a member not yet initialized.
    for (const CXXConstructorDecl *Ctor : CRD->ctors())
      for (const CXXCtorInitializer *Init : Ctor->inits())
        if (Init->isWritten() && readsMembers(Init->getInit()))
          return "a constructor initializes a member from another member "
                 "(initialization order would change)";
  }
  for (const FieldDecl *FD : RD->fields())
    if (FD->hasInClassInitializer() &&
        readsMembers(FD->getInClassInitializer()))
      return "a default member initializer reads another member "
             "(initialization order would change)";
  // Construction and destruction with observable effects keep their order.
  std::vector<const FieldDecl *> Sensitive;
  for (const FieldDecl *FD : RD->fields())
    if (isOrderSensitive(FD, CRD))
      Sensitive.push_back(FD);
  std::vector<const FieldDecl *> NewSensitive;
  for (const FieldDecl *FD : Order)
    if (llvm::is_contained(Sensitive, FD))
      NewSensitive.push_back(FD);
  if (Sensitive != NewSensitive)
    return "'" + fieldName(Sensitive.front()) +
           "' and other members have "
           "constructors or initializers with side effects whose order would "
           "change";
  return "";
}

void PaddingWasteCheck::onEndOfTranslationUnit() {
  if (Context) {
    // Implicit instantiations are judged together, at their pattern: one
    // place in the source gets one finding.
    llvm::MapVector<const CXXRecordDecl *, std::vector<const RecordDecl *>>
        ByPattern;
    for (const RecordDecl *RD : Records) {
      const auto *CRD = dyn_cast<CXXRecordDecl>(RD);
      const CXXRecordDecl *Pattern =
          CRD ? CRD->getTemplateInstantiationPattern() : nullptr;
      if (Pattern)
        ByPattern[Pattern].push_back(RD);
      else
        diagnose(RD, *Context);
    }
    for (const auto &[Pattern, Instances] : ByPattern)
      diagnoseTemplate(Pattern, Instances, *Context);
  }
  Records.clear();
  Usages.clear();
  Blocked.clear();
  Context = nullptr;
}

bool PaddingWasteCheck::isCandidate(const RecordDecl *RD,
                                    ASTContext &Ctx) const {
  if (RD->isInvalidDecl() || RD->isDependentType() || RD->isUnion())
    return false;
  const auto *CRD = dyn_cast<CXXRecordDecl>(RD);
  if (CRD && (CRD->getDescribedClassTemplate() ||
              isa<ClassTemplatePartialSpecializationDecl>(CRD)))
    return false;
  // Deliberate layouts: packing and explicit alignment are someone's choice.
  if (RD->hasAttr<PackedAttr>() || RD->hasAttr<MaxFieldAlignmentAttr>() ||
      RD->isExternCContext())
    return false;
  unsigned NumFields = 0;
  for (const FieldDecl *FD : RD->fields()) {
    ++NumFields;
    if (FD->hasAttr<AlignedAttr>() || FD->hasAttr<PackedAttr>())
      return false;
  }
  if (NumFields < 2)
    return false;
  // The layout of a record exported from a shared library is part of the
  // library's ABI.
  if (!CheckExportedRecords &&
      !utils::exportedBy(RD, Ctx.getSourceManager(), Ctx.getLangOpts()).empty())
    return false;
  std::string Name = RD->getName().str();
  if (Name.empty())
    if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
      Name = TD->getName().str();
  if (Name.empty())
    return false;
  std::string QualifiedName = RD->getQualifiedNameAsString();
  for (StringRef Pattern :
       tidy::utils::options::parseStringList(IgnoredRecords))
    if (llvm::Regex("^(" + Pattern.str() + ")$").match(QualifiedName) ||
        llvm::Regex("^(" + Pattern.str() + ")$").match(Name))
      return false;
  return true;
}

std::optional<PaddingWasteCheck::Facts>
PaddingWasteCheck::facts(const RecordDecl *RD, ASTContext &Ctx,
                         utils::RecordLayoutModel &Model) const {
  if (!isCandidate(RD, Ctx))
    return std::nullopt;
  Facts F;
  F.Shown = RD->getName().str();
  if (F.Shown.empty())
    F.Shown = RD->getTypedefNameForAnonDecl()->getName().str();
  if (isa<ClassTemplateSpecializationDecl>(RD)) {
    F.Shown.clear();
    llvm::raw_string_ostream OS(F.Shown);
    RD->getNameForDiagnostic(OS, Ctx.getPrintingPolicy(), /*Qualified=*/false);
  }
  const utils::RecordLayoutInfo &Current = Model.layout(RD);
  // Never guess: the model must agree with the compiler on the record as
  // written before anything it says about another order is trusted.
  if (!Current.Modeled ||
      uint64_t(Ctx.getASTRecordLayout(RD).getSize().getQuantity()) !=
          Current.Size)
    return std::nullopt;
  F.Size = Current.Size;
  F.Padding = Current.paddingBytes();
  F.Best = Model.optimalOrder(RD);
  F.Saved = F.Best.Changed ? F.Size - F.Best.Layout.Size : 0;
  // Fields stay inside their access-specifier section.
  unsigned Index = 0;
  llvm::DenseMap<const FieldDecl *, unsigned> Section =
      fixits::accessSections(RD, &Index);
  F.Fix =
      Index == 0 ? F.Best : Model.optimalOrder(RD, [&](const FieldDecl *FD) {
        return Section.lookup(FD);
      });
  F.PackedSize = packedSize(RD, F.Best.Layout, F.NumBools);
  return F;
}

uint64_t PaddingWasteCheck::packedSize(const RecordDecl *RD,
                                       const utils::RecordLayoutInfo &Best,
                                       unsigned &NumBools) const {
  // Packing many bools into bit-fields: an estimate from the smallest order,
  // where one-byte fields come last.
  NumBools = 0;
  for (const FieldDecl *FD : RD->fields()) {
    if (FD->isBitField())
      return 0;
    if (FD->getType()->isBooleanType())
      ++NumBools;
  }
  if (!MinBoolsToPack || NumBools < MinBoolsToPack)
    return 0;
  uint64_t DataEnd = 0;
  for (const utils::FieldLayout &F : Best.Fields)
    DataEnd = std::max(DataEnd, (F.OffsetBits + F.SizeBits + 7) / 8);
  uint64_t Packed = DataEnd - NumBools + (NumBools + 7) / 8;
  uint64_t PackedSize = llvm::alignTo(Packed, Best.Align);
  return PackedSize < Best.Size ? PackedSize : 0;
}

std::string PaddingWasteCheck::hotText(const RecordDecl *RD,
                                       uint64_t Saved) const {
  auto UsageIt = Usages.find(RD);
  if (UsageIt == Usages.end() || !UsageIt->second.Hot)
    return "";
  if (uint64_t N = UsageIt->second.MaxArrayElements)
    return "; it is stored in arrays (" + std::to_string(N) +
           " elements: " + formatBytes(N * Saved) + " saved)";
  return "; it is stored in arrays or containers, so every element pays it";
}

void PaddingWasteCheck::diagnose(const RecordDecl *RD, ASTContext &Ctx) {
  utils::RecordLayoutModel Model(Ctx);
  std::optional<Facts> F = facts(RD, Ctx, Model);
  if (!F)
    return;
  if (F->Saved == 0 || F->Saved < MinBytesSaved) {
    if (F->PackedSize && F->Size - F->PackedSize >= MinBytesSaved)
      diag(RD->getLocation(),
           "'%0' has %1 bool members; packing them into bit-fields or a "
           "flags word makes it %2 bytes instead of %3")
          << F->Shown << F->NumBools << static_cast<unsigned>(F->PackedSize)
          << static_cast<unsigned>(F->Size);
    return;
  }
  // The message shows the order the fixit writes when that order is as
  // small as the best one.
  const utils::FieldOrder &Proposed =
      F->Fix.Layout.Size == F->Best.Layout.Size ? F->Fix : F->Best;
  std::string Why =
      PublicAPI.recordBlocker(RD, "it", "reordering its fields",
                              Ctx.getSourceManager(), Ctx.getLangOpts());
  if (Why.empty() && F->Fix.Layout.Size != F->Best.Layout.Size)
    Why = "the smallest order moves fields across access specifiers";
  if (Why.empty())
    Why = fixitBlocker(RD, F->Fix.Order);
  std::optional<std::vector<FixItHint>> Hints;
  if (Why.empty())
    Hints = fixits::reorderFields(RD, F->Fix.Order, Ctx.getSourceManager(),
                                  Ctx.getLangOpts(), Why);
  {
    auto Diag = diag(RD->getLocation(),
                     "'%0' is %1 bytes with %2 of padding; ordering its fields "
                     "as (%3) makes it %4 bytes%5")
                << F->Shown << static_cast<unsigned>(F->Size)
                << formatBytes(F->Padding) << orderText(Proposed.Order)
                << static_cast<unsigned>(F->Best.Layout.Size)
                << hotText(RD, F->Saved);
    if (Hints)
      for (const FixItHint &H : *Hints)
        Diag << H;
  }
  if (F->PackedSize)
    diag(RD->getLocation(),
         "%0 bool members packed into bit-fields or a flags word would make "
         "it %1 bytes (no fixit: bit-fields cannot be addressed or bound to "
         "references)",
         DiagnosticIDs::Note)
        << F->NumBools << static_cast<unsigned>(F->PackedSize);
  if (!Hints)
    diag(RD->getLocation(), "no fixit: %0", DiagnosticIDs::Note) << Why;
}

namespace {

/// \p Order (fields of some instantiation, or of the pattern) as the same
/// positions in \p RD's fields: instantiations declare their fields in the
/// pattern's order.
std::vector<const FieldDecl *>
sameOrderIn(llvm::ArrayRef<const FieldDecl *> Order, const RecordDecl *RD) {
  std::vector<const FieldDecl *> Fields(RD->field_begin(), RD->field_end());
  std::vector<const FieldDecl *> Out;
  for (const FieldDecl *FD : Order)
    if (FD->getFieldIndex() < Fields.size())
      Out.push_back(Fields[FD->getFieldIndex()]);
  return Out.size() == Fields.size() ? Out : std::vector<const FieldDecl *>();
}

/// "all 3 instantiations", "2 of its 5 instantiations", "its instantiation".
std::string instantiationCount(size_t Flagged, size_t Total) {
  if (Total == 1)
    return "its instantiation";
  std::string N = std::to_string(Total) + " instantiations";
  if (Flagged == Total)
    return "all " + N;
  return std::to_string(Flagged) + " of its " + N;
}

} // namespace

std::optional<std::vector<const FieldDecl *>>
PaddingWasteCheck::commonOrder(llvm::ArrayRef<Instance> All,
                               utils::RecordLayoutModel &Model) const {
  // Every instantiation's own best order is a candidate; the first that is
  // as small as each one's best and grows none of them wins.
  for (const Instance &Candidate : All) {
    if (!Candidate.Wasteful)
      continue;
    bool Fits = true;
    for (const Instance &I : All) {
      std::vector<const FieldDecl *> Order =
          sameOrderIn(Candidate.F.Fix.Order, I.RD);
      if (Order.empty()) {
        Fits = false;
        break;
      }
      utils::RecordLayoutInfo L = Model.layoutWithOrder(I.RD, Order);
      uint64_t Limit = I.Wasteful ? I.F.Fix.Layout.Size : I.F.Size;
      if (!L.Modeled || L.Size > Limit) {
        Fits = false;
        break;
      }
    }
    if (Fits)
      return Candidate.F.Fix.Order;
  }
  return std::nullopt;
}

std::string PaddingWasteCheck::templateFixBlocker(
    const CXXRecordDecl *Pattern, llvm::ArrayRef<Instance> All,
    llvm::ArrayRef<const FieldDecl *> Order, ASTContext &Ctx) {
  std::string Why =
      PublicAPI.recordBlocker(Pattern, "it", "reordering its fields",
                              Ctx.getSourceManager(), Ctx.getLangOpts());
  if (!Why.empty())
    return Why;
  if (Order.empty())
    return "no single field order is the smallest for every instantiation "
           "(the best order depends on the template arguments)";
  for (const Instance &I : All) {
    if (I.Wasteful && I.F.Fix.Layout.Size != I.F.Best.Layout.Size)
      return "the smallest order moves fields across access specifiers";
    Why = fixitBlocker(I.RD, sameOrderIn(Order, I.RD));
    if (!Why.empty())
      return Why;
  }
  // The pattern's own constructors and initializers, including those no
  // instantiation here has used yet.
  return fixitBlocker(Pattern, sameOrderIn(Order, Pattern));
}

void PaddingWasteCheck::diagnoseTemplate(
    const CXXRecordDecl *Pattern, llvm::ArrayRef<const RecordDecl *> Records,
    ASTContext &Ctx) {
  utils::RecordLayoutModel Model(Ctx);
  std::vector<Instance> All;
  uint64_t MinSaved = UINT64_MAX, MaxSaved = 0;
  std::string Names, Hot;
  size_t Flagged = 0;
  for (const RecordDecl *RD : Records) {
    std::optional<Facts> F = facts(RD, Ctx, Model);
    if (!F)
      continue;
    bool Wasteful = F->Saved && F->Saved >= MinBytesSaved;
    if (Wasteful) {
      MinSaved = std::min(MinSaved, F->Saved);
      MaxSaved = std::max(MaxSaved, F->Saved);
      if (++Flagged <= 3)
        Names += (Names.empty() ? "" : ", ") + F->Shown + ": " +
                 std::to_string(F->Size) + " bytes, " +
                 std::to_string(F->Best.Layout.Size) + " reordered";
      if (Hot.empty())
        Hot = hotText(RD, F->Saved);
    }
    All.push_back({RD, std::move(*F), Wasteful});
  }
  if (!Flagged)
    return;
  if (Flagged > 3)
    Names += ", and " + std::to_string(Flagged - 3) + " more";
  std::optional<std::vector<const FieldDecl *>> Common =
      commonOrder(All, Model);
  std::vector<const FieldDecl *> Order =
      Common ? sameOrderIn(*Common, Pattern) : std::vector<const FieldDecl *>();
  std::string Why = templateFixBlocker(Pattern, All, Order, Ctx);
  std::optional<std::vector<FixItHint>> Hints;
  if (Why.empty())
    Hints = fixits::reorderFields(Pattern, Order, Ctx.getSourceManager(),
                                  Ctx.getLangOpts(), Why);
  const Instance &First =
      *llvm::find_if(All, [](const Instance &I) { return I.Wasteful; });
  std::string Saving = formatBytes(MaxSaved);
  if (MinSaved != MaxSaved)
    Saving = std::to_string(MinSaved) + " to " + Saving;
  {
    auto Diag =
        diag(Pattern->getLocation(),
             "class template '%0' wastes padding in %1 in this translation "
             "unit (%2); ordering its fields as (%3) saves %4 per object%5")
        << Pattern->getName() << instantiationCount(Flagged, All.size())
        << Names << orderText(Common ? *Common : First.F.Best.Order) << Saving
        << Hot;
    if (Hints)
      for (const FixItHint &H : *Hints)
        Diag << H;
  }
  if (!Hints)
    diag(Pattern->getLocation(), "no fixit: %0", DiagnosticIDs::Note) << Why;
}

} // namespace clang::tidy::memlint
