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
  if (FD->hasInClassInitializer() &&
      hasCallWithEffects(FD->getInClassInitializer()))
    return true;
  if (Parent)
    for (const CXXConstructorDecl *Ctor : Parent->ctors())
      for (const CXXCtorInitializer *Init : Ctor->inits())
        if (Init->isWritten() && Init->getMember() == FD &&
            hasCallWithEffects(Init->getInit()))
          return true;
  return false;
}

bool isOrderedComparison(OverloadedOperatorKind K) {
  return K == OO_Spaceship || K == OO_Less || K == OO_Greater ||
         K == OO_LessEqual || K == OO_GreaterEqual;
}

} // namespace

PaddingWasteCheck::PaddingWasteCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), UserScope(Context),
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

void PaddingWasteCheck::check(const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
  if (const auto *RD = Result.Nodes.getNodeAs<RecordDecl>("record")) {
    Records.insert(RD);
    return;
  }
  auto ArrayUse = [&](QualType T) {
    if (const auto *CAT = Result.Context->getAsConstantArrayType(T))
      noteHot(CAT->getElementType(), CAT->getSize().getZExtValue());
    else if (const ArrayType *AT = T->getAsArrayTypeUnsafe())
      noteHot(AT->getElementType(), 0);
  };
  if (const auto *VD = Result.Nodes.getNodeAs<VarDecl>("arrayVar"))
    return ArrayUse(VD->getType());
  if (const auto *FD = Result.Nodes.getNodeAs<FieldDecl>("arrayField"))
    return ArrayUse(FD->getType());
  if (const auto *New = Result.Nodes.getNodeAs<CXXNewExpr>("newArray"))
    return noteHot(New->getAllocatedType(), 0);
  if (const auto *Spec =
          Result.Nodes.getNodeAs<ClassTemplateSpecializationDecl>(
              "container")) {
    const TemplateArgumentList &Args = Spec->getTemplateArgs();
    bool IsArray = Spec->getName() == "array";
    bool IsMap = Spec->getName().ends_with("map");
    for (unsigned I = 0; I < Args.size() && I < (IsMap ? 2U : 1U); ++I) {
      if (Args[I].getKind() != TemplateArgument::Type)
        continue;
      uint64_t N = 0;
      if (IsArray && Args.size() > 1 &&
          Args[1].getKind() == TemplateArgument::Integral)
        N = Args[1].getAsIntegral().getZExtValue();
      noteHot(Args[I].getAsType(), N);
    }
    return;
  }
  if (const auto *ILE = Result.Nodes.getNodeAs<InitListExpr>("initList")) {
    const InitListExpr *Syntactic =
        ILE->isSemanticForm() && ILE->getSyntacticForm()
            ? ILE->getSyntacticForm()
            : ILE;
    const RecordDecl *RD = recordOf(ILE->getType());
    if (!RD || Syntactic->getNumInits() == 0)
      return;
    // Brace elision leaves a semantic list without a written one: its
    // elements are positional too.
    bool Positional = ILE->isSemanticForm() && !ILE->getSyntacticForm() &&
                      ILE->getLBraceLoc().isInvalid();
    for (const Expr *Init : Syntactic->inits())
      if (!isa<DesignatedInitExpr>(Init))
        Positional = true;
    if (Positional)
      Blocked.try_emplace(
          RD, "it is initialized with positional braces ({...} without "
              "designators), which depend on the field order");
    return;
  }
  if (const auto *Paren =
          Result.Nodes.getNodeAs<CXXParenListInitExpr>("parenInit")) {
    if (const RecordDecl *RD = recordOf(Paren->getType()))
      Blocked.try_emplace(RD, "it is aggregate-initialized with parentheses, "
                              "which depends on the field order");
    return;
  }
  if (const auto *Off = Result.Nodes.getNodeAs<OffsetOfExpr>("offsetof")) {
    if (const RecordDecl *RD = recordOf(Off->getTypeSourceInfo()->getType()))
      Blocked.try_emplace(RD, "offsetof is applied to it");
    return;
  }
  if (const auto *Binding =
          Result.Nodes.getNodeAs<DecompositionDecl>("binding")) {
    if (const RecordDecl *RD = recordOf(Binding->getType()))
      Blocked.try_emplace(RD, "a structured binding names its fields in "
                              "declaration order");
    return;
  }
}

std::string
PaddingWasteCheck::fixitBlocker(const RecordDecl *RD,
                                llvm::ArrayRef<const FieldDecl *> Order) const {
  auto It = Blocked.find(RD);
  if (It != Blocked.end())
    return It->second;
  const auto *CRD = dyn_cast<CXXRecordDecl>(RD);
  if (CRD && (isa<ClassTemplateSpecializationDecl>(CRD) ||
              CRD->getTemplateInstantiationPattern()))
    return "it is a template instantiation; the best order can differ "
           "between instantiations";
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
  if (Context)
    for (const RecordDecl *RD : Records)
      diagnose(RD, *Context);
  Records.clear();
  Usages.clear();
  Blocked.clear();
  Context = nullptr;
}

void PaddingWasteCheck::diagnose(const RecordDecl *RD, ASTContext &Ctx) {
  if (RD->isInvalidDecl() || RD->isDependentType() || RD->isUnion())
    return;
  const auto *CRD = dyn_cast<CXXRecordDecl>(RD);
  if (CRD && (CRD->getDescribedClassTemplate() ||
              isa<ClassTemplatePartialSpecializationDecl>(CRD)))
    return;
  // Deliberate layouts: packing and explicit alignment are someone's choice.
  if (RD->hasAttr<PackedAttr>() || RD->hasAttr<MaxFieldAlignmentAttr>())
    return;
  if (RD->isExternCContext())
    return;
  unsigned NumFields = 0;
  unsigned NumBools = 0;
  bool HasBitFields = false;
  for (const FieldDecl *FD : RD->fields()) {
    ++NumFields;
    if (FD->hasAttr<AlignedAttr>() || FD->hasAttr<PackedAttr>())
      return;
    if (FD->isBitField())
      HasBitFields = true;
    else if (FD->getType()->isBooleanType())
      ++NumBools;
  }
  if (NumFields < 2)
    return;
  // The layout of a record exported from a shared library is part of the
  // library's ABI.
  std::string Exported =
      utils::exportedBy(RD, Ctx.getSourceManager(), Ctx.getLangOpts());
  if (!Exported.empty() && !CheckExportedRecords)
    return;

  std::string Name = RD->getName().str();
  if (Name.empty())
    if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
      Name = TD->getName().str();
  if (Name.empty())
    return;
  std::string QualifiedName = RD->getQualifiedNameAsString();
  if (!IgnoredRecords.empty())
    for (StringRef Pattern :
         tidy::utils::options::parseStringList(IgnoredRecords))
      if (llvm::Regex("^(" + Pattern.str() + ")$").match(QualifiedName) ||
          llvm::Regex("^(" + Pattern.str() + ")$").match(Name))
        return;
  std::string Shown = Name;
  if (CRD && isa<ClassTemplateSpecializationDecl>(CRD)) {
    Shown.clear();
    llvm::raw_string_ostream OS(Shown);
    RD->getNameForDiagnostic(OS, Ctx.getPrintingPolicy(), /*Qualified=*/false);
  }

  utils::RecordLayoutModel Model(Ctx);
  const utils::RecordLayoutInfo &Current = Model.layout(RD);
  // Never guess: the model must agree with the compiler on the record as
  // written before anything it says about another order is trusted.
  if (!Current.Modeled ||
      uint64_t(Ctx.getASTRecordLayout(RD).getSize().getQuantity()) !=
          Current.Size)
    return;
  utils::FieldOrder Best = Model.optimalOrder(RD);
  uint64_t Saved = Best.Changed ? Current.Size - Best.Layout.Size : 0;

  // Packing many bools into bit-fields: an estimate from the smallest order,
  // where one-byte fields come last.
  uint64_t PackedSize = 0;
  if (MinBoolsToPack && NumBools >= MinBoolsToPack && !HasBitFields) {
    const utils::RecordLayoutInfo &L = Best.Layout;
    uint64_t DataEnd = 0;
    for (const utils::FieldLayout &F : L.Fields)
      DataEnd = std::max(DataEnd, (F.OffsetBits + F.SizeBits + 7) / 8);
    uint64_t Packed = DataEnd - NumBools + (NumBools + 7) / 8;
    PackedSize = llvm::alignTo(Packed, L.Align);
    if (PackedSize >= L.Size)
      PackedSize = 0;
  }

  if (Saved == 0 || Saved < MinBytesSaved) {
    if (PackedSize && Current.Size - PackedSize >= MinBytesSaved)
      diag(RD->getLocation(),
           "'%0' has %1 bool members; packing them into bit-fields or a "
           "flags word makes it %2 bytes instead of %3")
          << Shown << NumBools << static_cast<unsigned>(PackedSize)
          << static_cast<unsigned>(Current.Size);
    return;
  }

  // Fields stay inside their access-specifier section.
  unsigned Index = 0;
  llvm::DenseMap<const FieldDecl *, unsigned> Section =
      fixits::accessSections(RD, &Index);
  utils::FieldOrder Fix =
      Index == 0 ? Best : Model.optimalOrder(RD, [&](const FieldDecl *FD) {
        return Section.lookup(FD);
      });
  // The message shows the order the fixit writes when that order is as
  // small as the best one.
  const utils::FieldOrder &Proposed =
      Fix.Layout.Size == Best.Layout.Size ? Fix : Best;
  std::string Order;
  for (const FieldDecl *FD : Proposed.Order)
    Order += (Order.empty() ? "" : ", ") + fieldName(FD);
  std::string Hot;
  auto UsageIt = Usages.find(RD);
  if (UsageIt != Usages.end() && UsageIt->second.Hot) {
    if (uint64_t N = UsageIt->second.MaxArrayElements)
      Hot = "; it is stored in arrays (" + std::to_string(N) +
            " elements: " + formatBytes(N * Saved) + " saved)";
    else
      Hot = "; it is stored in arrays or containers, so every element pays "
            "it";
  }
  std::string Why =
      PublicAPI.recordBlocker(RD, "it", "reordering its fields",
                              Ctx.getSourceManager(), Ctx.getLangOpts());
  if (Why.empty() && Fix.Layout.Size != Best.Layout.Size)
    Why = "the smallest order moves fields across access specifiers";
  if (Why.empty())
    Why = fixitBlocker(RD, Fix.Order);
  std::optional<std::vector<FixItHint>> Hints;
  if (Why.empty())
    Hints = fixits::reorderFields(RD, Fix.Order, Ctx.getSourceManager(),
                                  Ctx.getLangOpts(), Why);
  {
    auto Diag = diag(RD->getLocation(),
                     "'%0' is %1 bytes with %2 of padding; ordering its fields "
                     "as (%3) makes it %4 bytes%5")
                << Shown << static_cast<unsigned>(Current.Size)
                << formatBytes(Current.paddingBytes()) << Order
                << static_cast<unsigned>(Best.Layout.Size) << Hot;
    if (Hints)
      for (const FixItHint &H : *Hints)
        Diag << H;
  }
  if (PackedSize)
    diag(RD->getLocation(),
         "%0 bool members packed into bit-fields or a flags word would make "
         "it %1 bytes (no fixit: bit-fields cannot be addressed or bound to "
         "references)",
         DiagnosticIDs::Note)
        << NumBools << static_cast<unsigned>(PackedSize);
  if (!Hints)
    diag(RD->getLocation(), "no fixit: %0", DiagnosticIDs::Note) << Why;
}

} // namespace clang::tidy::memlint
