//===--- CompactStringCheck.cpp - memlint-compact-string ------------------===//

#include "CompactStringCheck.h"
#include "checks/utils/AllocationBehaviour.h"
#include "checks/utils/BoolOption.h"
#include "checks/utils/UserCodeParents.h"
#include "fixits/Includes.h"

#include "checks/utils/LoopTripCount.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclFriend.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang::ast_matchers;

namespace clang::tidy::memlint {

namespace {

// compact_string keeps 23 characters inline; std::string as many as the
// standard library of the translation unit does (15 in libstdc++, 22 in
// libc++): a value that fits there gains nothing.
constexpr uint64_t CompactInline = 23;

uint64_t stdInline(QualType StringType) {
  const CXXRecordDecl *RD = StringType->getAsCXXRecordDecl();
  return RD ? utils::smallStringCapacity(*RD) : 15;
}

// What a string expression can evaluate to: every value's length lies in
// [Min, Max]; Leaves are its operands from left to right.
struct Bounded {
  uint64_t Min = 0, Max = 0;
  bool AllLiteral = true;
  llvm::SmallVector<const Expr *, 4> Leaves;
};

bool isPlainChar(QualType T) {
  return T->isSpecificBuiltinType(BuiltinType::Char_S) ||
         T->isSpecificBuiltinType(BuiltinType::Char_U);
}

bool isStdString(QualType T) {
  const auto *RD = T->getAsCXXRecordDecl();
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
  if (!Spec || !Spec->isInStdNamespace() || Spec->getName() != "basic_string")
    return false;
  const auto &Args = Spec->getTemplateArgs();
  if (Args.size() != 3 || !isPlainChar(Args[0].getAsType()))
    return false;
  const auto *Alloc = Args[2].getAsType()->getAsRecordDecl();
  return Alloc && Alloc->getName() == "allocator";
}

// Characters std::to_string(x) can produce for x of type T.
std::optional<uint64_t> toStringWidth(QualType T, ASTContext &Ctx) {
  if (!T->isIntegerType() || T->isBooleanType())
    return std::nullopt;
  uint64_t Bits = Ctx.getTypeSize(T);
  // Decimal digits of 2^Bits - 1 (unsigned) or 2^(Bits-1) plus a sign.
  llvm::APInt Big = T->isSignedIntegerType()
                        ? llvm::APInt::getSignedMinValue(Bits).abs()
                        : llvm::APInt::getMaxValue(Bits);
  uint64_t Digits = llvm::toString(Big, 10, false).size();
  return Digits + (T->isSignedIntegerType() ? 1 : 0);
}

bool bound(const Expr *E, ASTContext &Ctx, Bounded &B) {
  E = E->IgnoreImplicit();
  if (const auto *P = dyn_cast<ParenExpr>(E))
    return bound(P->getSubExpr(), Ctx, B);
  if (const auto *SL = dyn_cast<StringLiteral>(E)) {
    if (!SL->isOrdinary())
      return false;
    // A literal with an embedded NUL would be cut short by const char*.
    if (SL->getString().find('\0') != llvm::StringRef::npos)
      return false;
    B.Min += SL->getLength();
    B.Max += SL->getLength();
    B.Leaves.push_back(SL);
    return true;
  }
  // std::string("lit"), std::string s = "lit".
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    if (!isStdString(CE->getType()))
      return false;
    if (CE->getNumArgs() == 0 || (CE->getConstructor()->isDefaultConstructor()))
      return true; // ""
    if (CE->getConstructor()->isCopyOrMoveConstructor())
      return bound(CE->getArg(0), Ctx, B);
    for (unsigned I = 1; I < CE->getNumArgs(); ++I)
      if (!isa<CXXDefaultArgExpr>(CE->getArg(I)))
        return false;
    const auto *Param = CE->getConstructor()->getParamDecl(0);
    if (!Param->getType()->isPointerType())
      return false;
    return bound(CE->getArg(0), Ctx, B);
  }
  if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(E))
    return bound(FC->getSubExpr(), Ctx, B);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    const auto *FD = Op->getDirectCallee();
    if (Op->getOperator() != OO_Plus || Op->getNumArgs() != 2 || !FD ||
        !FD->isInStdNamespace())
      return false;
    return bound(Op->getArg(0), Ctx, B) && bound(Op->getArg(1), Ctx, B);
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    if (!utils::isStdFunction(Call->getDirectCallee(), {"to_string"}) ||
        Call->getNumArgs() != 1)
      return false;
    std::optional<uint64_t> W =
        toStringWidth(Call->getDirectCallee()->getParamDecl(0)->getType(), Ctx);
    if (!W)
      return false;
    B.Min += 1;
    B.Max += *W;
    B.AllLiteral = false;
    B.Leaves.push_back(Call);
    return true;
  }
  return false;
}

// Members compact_string offers with std::string's meaning and a result type
// that does not change (sizes, positions, characters, bool).
const llvm::StringRef CompactReadMembers[] = {"size",
                                              "length",
                                              "empty",
                                              "c_str",
                                              "data",
                                              "at",
                                              "front",
                                              "back",
                                              "find",
                                              "rfind",
                                              "find_first_of",
                                              "find_last_of",
                                              "find_first_not_of",
                                              "find_last_not_of",
                                              "starts_with",
                                              "ends_with"};
// Those std::string_view also has (no c_str: a view is not a C string).
const llvm::StringRef ViewReadMembers[] = {"size",
                                           "length",
                                           "empty",
                                           "data",
                                           "at",
                                           "front",
                                           "back",
                                           "find",
                                           "rfind",
                                           "find_first_of",
                                           "find_last_of",
                                           "find_first_not_of",
                                           "find_last_not_of",
                                           "starts_with",
                                           "ends_with"};
const llvm::StringRef IteratorMembers[] = {"begin", "end", "cbegin", "cend"};

bool isStringViewType(QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->isInStdNamespace() && RD->getName() == "basic_string_view";
}

// How a use of a string object writes it: `s = V` (Assign) or `s += V`
// (Append) with V bounded, or with V not known (Unbounded).
enum class StringWrite { None, Assign, Append, Unbounded };

// Classifies the use \p E (a reference to the object, climbed over
// parentheses and no-op casts); \p Value receives V's bounds and \p Op the
// assignment. Shared by variables and (CheckFields) members.
StringWrite classifyWrite(const Expr *E, ASTContext &Ctx, Bounded &Value,
                          const CXXOperatorCallExpr *&Op) {
  unsigned Operand = 0;
  Op = utils::operatorCallOn(E, Ctx, Operand);
  if (!Op || Operand != 0 ||
      (Op->getOperator() != OO_Equal && Op->getOperator() != OO_PlusEqual))
    return StringWrite::None;
  if (!bound(Op->getArg(1), Ctx, Value))
    return StringWrite::Unbounded;
  return Op->getOperator() == OO_Equal ? StringWrite::Assign
                                       : StringWrite::Append;
}

// The standard containers whose elements (and, for maps, keys and mapped
// values) live inside the container's storage.
const llvm::StringRef ContainerNames[] = {"::std::vector",
                                          "::std::deque",
                                          "::std::array",
                                          "::std::list",
                                          "::std::forward_list",
                                          "::std::set",
                                          "::std::multiset",
                                          "::std::map",
                                          "::std::multimap",
                                          "::std::unordered_set",
                                          "::std::unordered_multiset",
                                          "::std::unordered_map",
                                          "::std::unordered_multimap"};

const ClassTemplateSpecializationDecl *asContainer(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T->getAsCXXRecordDecl());
  if (!Spec || !Spec->getDeclContext()->isStdNamespace())
    return nullptr;
  std::string Name = "::std::" + Spec->getName().str();
  return llvm::is_contained(ContainerNames, Name) ? Spec : nullptr;
}

const RecordDecl *canon(const RecordDecl *RD) {
  return cast<RecordDecl>(RD->getCanonicalDecl());
}

// The records stored by value in an object of container or array type \p T
// (through nested containers and arrays).
void storedRecords(QualType T, llvm::SmallVectorImpl<const RecordDecl *> &Out,
                   unsigned Depth = 0) {
  if (Depth > 8 || T.isNull())
    return;
  T = T.getCanonicalType();
  if (const auto *AT = dyn_cast<ConstantArrayType>(T.getTypePtr())) {
    QualType Elem = AT->getElementType().getCanonicalType();
    if (isa<ConstantArrayType>(Elem.getTypePtr()) || asContainer(Elem))
      return storedRecords(Elem, Out, Depth + 1);
    if (const RecordDecl *RD = Elem->getAsRecordDecl())
      Out.push_back(canon(RD));
    return;
  }
  const ClassTemplateSpecializationDecl *Spec = asContainer(T);
  if (!Spec)
    return;
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  unsigned N = Spec->getName().ends_with("map") ? 2 : 1;
  for (unsigned I = 0; I < N && I < Args.size(); ++I) {
    if (Args[I].getKind() != TemplateArgument::Type)
      continue;
    QualType Elem = Args[I].getAsType().getCanonicalType();
    if (isa<ConstantArrayType>(Elem.getTypePtr()) || asContainer(Elem))
      storedRecords(Elem, Out, Depth + 1);
    else if (const RecordDecl *RD = Elem->getAsRecordDecl())
      Out.push_back(canon(RD));
  }
}

bool inStd(const Decl *D) {
  return D &&
         D->getDeclContext()->getEnclosingNamespaceContext()->isStdNamespace();
}

// Whether \p E copies or moves member \p FD of some object of its record:
// it brings no value the member does not already hold.
bool copiesField(const Expr *E, const FieldDecl *FD) {
  while (true) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E);
        CE && CE->getNumArgs() == 1 &&
        CE->getConstructor()->isCopyOrMoveConstructor()) {
      E = CE->getArg(0);
      continue;
    }
    if (const auto *Call = dyn_cast<CallExpr>(E);
        Call && Call->getNumArgs() == 1 &&
        utils::isStdFunction(Call->getDirectCallee(), {"move"})) {
      E = Call->getArg(0);
      continue;
    }
    break;
  }
  const auto *ME = dyn_cast<MemberExpr>(E);
  return ME && ME->getMemberDecl() == FD;
}

// Adds what initializing or assigning member \p FD with \p E can store to
// \p Max; false when that is not known.
bool fieldValue(const Expr *E, const FieldDecl *FD, ASTContext &Ctx,
                uint64_t &Max) {
  if (!E)
    return false;
  // The default member initializer (counted on its own) or value-init ("").
  if (isa<CXXDefaultInitExpr, ImplicitValueInitExpr>(E->IgnoreImplicit()))
    return true;
  if (copiesField(E, FD))
    return true;
  Bounded B;
  if (!bound(E, Ctx, B))
    return false;
  Max = std::max(Max, B.Max);
  return true;
}

// Non-const members that hand out characters but cannot change the length.
const llvm::StringRef LengthKeepingMembers[] = {
    "begin", "end", "rbegin", "rend", "front", "back", "at", "data", "clear"};

// Whether the use \p E of a member (climbed over parentheses and no-op
// casts) leaves its value as it is, or empty: read, copied, moved from by
// the standard library, its characters changed in place. Anything that
// could store another value (a non-const reference or pointer to it, a
// modifying member) is not.
bool keepsValue(const Expr *E, ASTContext &Ctx) {
  DynTypedNode P = utils::parentOf(DynTypedNode::create(*E), Ctx);
  if (P.get<CXXConstCastExpr>())
    return false;
  if (E->getType().isConstQualified())
    return true;
  if (const CXXMemberCallExpr *Call = utils::memberCallOn(E, Ctx)) {
    const CXXMethodDecl *M = Call->getMethodDecl();
    if (!M)
      return false;
    return M->isConst() ||
           (M->getDeclName().isIdentifier() &&
            llvm::is_contained(LengthKeepingMembers, M->getName()));
  }
  unsigned Operand = 0;
  if (const auto *Op = utils::operatorCallOn(E, Ctx, Operand);
      Op && Op->getOperator() == OO_Subscript && Operand == 0)
    return true;
  if (const auto *Call = P.get<CallExpr>();
      Call && Call->getNumArgs() == 1 &&
      utils::isStdFunction(Call->getDirectCallee(), {"move"}))
    return keepsValue(utils::climbTransparent(Call, Ctx), Ctx);
  if (P.get<CallExpr>() || P.get<CXXConstructExpr>()) {
    const ParmVarDecl *Param = utils::paramForArg(P.get<Expr>(), E);
    if (!Param)
      return false;
    QualType T = Param->getType();
    if (!T->isReferenceType())
      return true; // a copy
    if (T->isLValueReferenceType())
      return T.getNonReferenceType().isConstQualified();
    // `std::string&&`: the standard library only moves from it; a function
    // template's (a forwarding `T&&`, `Args&&...`) may pass it on to anything.
    const auto *Callee = dyn_cast<FunctionDecl>(Param->getDeclContext());
    if (!Callee || Callee->getPrimaryTemplate())
      return false;
    return inStd(Callee);
  }
  if (P.get<UnaryExprOrTypeTraitExpr>())
    return true;
  if (const auto *Range = P.get<VarDecl>())
    return utils::isRangeForRangeVar(Range, Ctx);
  return false;
}

// Node kinds without a stock matcher.
const internal::VariadicDynCastAllOfMatcher<Stmt, CXXParenListInitExpr>
    cxxParenListInitExpr;

} // namespace

CompactStringCheck::CompactStringCheck(StringRef Name,
                                       ClangTidyContext *Context)
    : ProfiledCheck(Name, Context), UserScope(Context),
      CompactStringHeader(
          Options.get("CompactStringHeader", "<memlint/compact_string.hpp>")
              .str()),
      // Read as text: OptionsView's bool specialization is not exported by
      // the host clang-tidy (see MissingReserveCheck).
      CheckFields(
          utils::parseBoolOption(Options.get("CheckFields", "false"), false)),
      Inserter(Options.getLocalOrGlobal("IncludeStyle",
                                        tidy::utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()),
      RuntimeInfo(Options) {}

void CompactStringCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "CompactStringHeader", CompactStringHeader);
  Options.store(Opts, "CheckFields", utils::boolOptionText(CheckFields));
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
  RuntimeInfo.storeOptions(Options, Opts);
}

void CompactStringCheck::registerPPCallbacks(const SourceManager &,
                                             Preprocessor *PP, Preprocessor *) {
  fixits::registerInserter(Inserter, PP);
  RuntimeInfo.registerPreprocessor(PP);
}

void CompactStringCheck::registerMatchers(MatchFinder *Finder) {
  UserScope.registerMatchers(Finder);
  auto StringType =
      qualType(hasUnqualifiedDesugaredType(recordType(hasDeclaration(
          classTemplateSpecializationDecl(hasName("::std::basic_string"))))));
  // Static data members are not VarDecls of a function or namespace:
  // isLocalVarDecl/isFileContext below keep them out.
  auto Var = varDecl(unless(parmVarDecl()), hasType(StringType));
  Finder->addMatcher(
      varDecl(Var, unless(isExpansionInSystemHeader()), isExpansionInMainFile())
          .bind("var"),
      this);
  Finder->addMatcher(declRefExpr(to(varDecl(Var).bind("refvar"))).bind("ref"),
                     this);
  if (!CheckFields)
    return;
  auto Field =
      fieldDecl(hasType(StringType), unless(isExpansionInSystemHeader()));
  Finder->addMatcher(Field.bind("field"), this);
  // Every mention of such a member: in implicit code (defaulted copies and
  // moves) and, where clang-tidy traverses them, in system headers (a
  // template there may write it: not followed).
  Finder->addMatcher(
      memberExpr(member(Field.bind("reffield"))).bind("fieldref"), this);
  Finder->addMatcher(declRefExpr(to(Field.bind("reffield"))).bind("fieldref"),
                     this);
  // Where the TU stores records: found through the main-file variables,
  // members and expressions of container or array type (clangd does not
  // traverse the container specializations in namespace std).
  auto Container = qualType(hasUnqualifiedDesugaredType(
      recordType(hasDeclaration(classTemplateSpecializationDecl(
          hasAnyName(llvm::ArrayRef<StringRef>(ContainerNames)))))));
  auto Holder =
      qualType(anyOf(Container, references(Container), pointsTo(Container),
                     hasUnqualifiedDesugaredType(constantArrayType())));
  Finder->addMatcher(declaratorDecl(anyOf(varDecl(), fieldDecl()),
                                    unless(isExpansionInSystemHeader()),
                                    hasType(Holder))
                         .bind("store"),
                     this);
  Finder->addMatcher(expr(anyOf(cxxConstructExpr(), callExpr()),
                          unless(isExpansionInSystemHeader()),
                          hasType(Container))
                         .bind("store"),
                     this);
  // Aggregate initialization gives members values without naming them.
  Finder->addMatcher(
      initListExpr(unless(isExpansionInSystemHeader())).bind("aggregate"),
      this);
  Finder->addMatcher(cxxParenListInitExpr(unless(isExpansionInSystemHeader()))
                         .bind("aggregate"),
                     this);
  // Since C++20 the standard library builds aggregates from forwarded
  // arguments too (`v.emplace_back("a", 1)`), in system headers that
  // clang-tidy (LLVM 22) and clangd do not traverse: those calls are found
  // where they are written.
  if (getLangOpts().CPlusPlus20)
    Finder->addMatcher(
        callExpr(unless(isExpansionInSystemHeader()), argumentCountAtLeast(1),
                 callee(functionDecl(ast_matchers::isTemplateInstantiation())))
            .bind("forwarding"),
        this);
}

void CompactStringCheck::noteStored(QualType T) {
  llvm::SmallVector<const RecordDecl *, 2> Records;
  storedRecords(T, Records);
  // Named in the warning as the standard library spells it (no aliases, no
  // cv-qualifiers of the variable).
  QualType Container = T.getCanonicalType().getUnqualifiedType();
  for (const RecordDecl *RD : Records)
    Stored.insert(std::make_pair(RD, Container));
}

void CompactStringCheck::checkFieldMatch(
    const MatchFinder::MatchResult &Result) {
  const auto &Nodes = Result.Nodes;
  if (const auto *Ref = Nodes.getNodeAs<Expr>("fieldref")) {
    FieldRefs[Nodes.getNodeAs<FieldDecl>("reffield")].push_back(Ref);
    return;
  }
  if (const auto *FD = Nodes.getNodeAs<FieldDecl>("field")) {
    const auto *RD = dyn_cast<CXXRecordDecl>(FD->getParent());
    if (FD->isImplicit() || !FD->getIdentifier() ||
        FD->getLocation().isMacroID() || FD->hasAttrs() || FD->isBitField() ||
        FD->getType().isVolatileQualified() || !isStdString(FD->getType()) ||
        !RD || RD->isUnion() || RD->isLambda() ||
        RD->isAnonymousStructOrUnion() || RD->isDependentContext() ||
        RD->isInvalidDecl() || isa<ClassTemplateSpecializationDecl>(RD) ||
        RD->getTemplateInstantiationPattern() ||
        utils::isTemplateInstantiationOrIn(*Result.Context,
                                           DynTypedNode::create(*RD),
                                           /*IncludeSelf=*/true))
      return;
    FieldCandidates.insert(FD);
    return;
  }
  if (const auto *Call = Nodes.getNodeAs<CallExpr>("forwarding")) {
    // A function template taking a parameter pack constructs something
    // from it: any record among its template arguments, those of the
    // object it is called on, and the elements of that container.
    const FunctionDecl *FD = Call->getDirectCallee();
    const FunctionDecl *Pattern =
        FD ? FD->getTemplateInstantiationPattern() : nullptr;
    if (!Pattern ||
        llvm::none_of(Pattern->parameters(), [](const ParmVarDecl *P) {
          return P->isParameterPack();
        }))
      return;
    llvm::SmallVector<const RecordDecl *, 4> Records;
    auto AddArgs = [&](const TemplateArgumentList &Args) {
      for (const TemplateArgument &A : Args.asArray()) {
        if (A.getKind() != TemplateArgument::Type)
          continue;
        QualType T = A.getAsType().getNonReferenceType();
        if (const auto *PT = T->getAs<PointerType>())
          T = PT->getPointeeType();
        if (const RecordDecl *RD = T->getAsRecordDecl())
          Records.push_back(canon(RD));
      }
    };
    if (const TemplateArgumentList *Args = FD->getTemplateSpecializationArgs())
      AddArgs(*Args);
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
      QualType Object = MC->getObjectType();
      if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
              Object->getAsCXXRecordDecl()))
        AddArgs(Spec->getTemplateArgs());
      storedRecords(Object, Records);
    }
    ForwardConstructed.insert(Records.begin(), Records.end());
    return;
  }
  if (const auto *Init = Nodes.getNodeAs<Expr>("aggregate")) {
    if (const auto *ILE = dyn_cast<InitListExpr>(Init);
        ILE && !ILE->isSemanticForm())
      return;
    if (const RecordDecl *RD = Init->getType()->getAsRecordDecl())
      if (!RD->isUnion())
        AggregateInits[canon(RD)].push_back(Init);
    return;
  }
  if (const auto *VD = Nodes.getNodeAs<ValueDecl>("store")) {
    QualType T = VD->getType().getNonReferenceType();
    if (const auto *PT = T->getAs<PointerType>())
      T = PT->getPointeeType();
    return noteStored(T);
  }
  if (const auto *E = Nodes.getNodeAs<Expr>("store"))
    return noteStored(E->getType());
}

void CompactStringCheck::check(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context;
  if (CheckFields && !Result.Nodes.getNodeAs<VarDecl>("var") &&
      !Result.Nodes.getNodeAs<DeclRefExpr>("ref"))
    return checkFieldMatch(Result);
  if (const auto *Ref = Result.Nodes.getNodeAs<DeclRefExpr>("ref")) {
    Refs.add(Result.Nodes.getNodeAs<VarDecl>("refvar"), Ref);
    return;
  }
  const auto *VD = Result.Nodes.getNodeAs<VarDecl>("var");
  // isInstantiated(), asked here: as a matcher it builds clang's parent map
  // over the whole TU.
  if (utils::isTemplateInstantiationOrIn(*Result.Context,
                                         DynTypedNode::create(*VD),
                                         /*IncludeSelf=*/true))
    return;
  if (VD->isImplicit() || VD->getLocation().isMacroID() ||
      VD->getDeclContext()->isDependentContext() || VD->hasAttrs() ||
      VD->getType().isVolatileQualified() || !VD->getInit() ||
      !isStdString(VD->getType()) || VD->isInline() ||
      VD->getType()->isReferenceType())
    return;
  if (VD->isLocalVarDecl()) {
    if (!utils::soleDeclStmt(VD, *Ctx) || utils::inCoroutine(VD))
      return;
  } else {
    // Namespace scope: a constant whose every use is in this file.
    if (!VD->getDeclContext()->isFileContext() ||
        !VD->getType().isConstQualified() || VD->isExternallyVisible() ||
        VD != VD->getCanonicalDecl())
      return;
  }
  Candidates.push_back(VD);
}

void CompactStringCheck::onEndOfTranslationUnit() {
  for (const VarDecl *VD : Candidates)
    analyze(VD);
  Candidates.clear();
  Refs.clear();
  if (CheckFields && Ctx && !FieldCandidates.empty()) {
    // A record is stored too where a stored record holds it by value (as a
    // base or a member).
    for (size_t I = 0; I < Stored.size(); ++I) {
      const auto *RD = dyn_cast_or_null<CXXRecordDecl>(
          Stored.begin()[I].first->getDefinition());
      if (!RD || I > 4096)
        continue;
      QualType Container = Stored.begin()[I].second;
      auto Add = [&](QualType T) {
        T = T.getCanonicalType();
        while (const auto *AT = dyn_cast<ConstantArrayType>(T.getTypePtr()))
          T = AT->getElementType().getCanonicalType();
        if (const RecordDecl *Inner = T->getAsRecordDecl())
          Stored.insert(std::make_pair(canon(Inner), Container));
      };
      for (const CXXBaseSpecifier &B : RD->bases())
        Add(B.getType());
      for (const FieldDecl *FD : RD->fields())
        Add(FD->getType());
    }
    for (const FieldDecl *FD : FieldCandidates) {
      auto It = Stored.find(canon(FD->getParent()));
      if (It != Stored.end())
        analyzeField(FD, It->second);
    }
  }
  FieldCandidates.clear();
  FieldRefs.clear();
  AggregateInits.clear();
  ForwardConstructed.clear();
  Stored.clear();
}

void CompactStringCheck::analyzeField(const FieldDecl *FD, QualType Container) {
  ASTContext &Context = *Ctx;
  const SourceManager &SM = Context.getSourceManager();
  const auto *RD = cast<CXXRecordDecl>(FD->getParent());
  uint64_t Max = 0;

  if (FD->hasInClassInitializer() &&
      !fieldValue(FD->getInClassInitializer(), FD, Context, Max))
    return;

  // A member function or friend defined in another translation unit may
  // store anything.
  for (const Decl *D : RD->decls()) {
    if (const auto *Friend = dyn_cast<FriendDecl>(D))
      D = Friend->getFriendDecl();
    if (const auto *FTD = dyn_cast_or_null<FunctionTemplateDecl>(D))
      D = FTD->getTemplatedDecl();
    const auto *F = dyn_cast_or_null<FunctionDecl>(D);
    if (!F || F->isImplicit() || F->isDeleted() || F->isDefaulted() ||
        F->isPureVirtual())
      continue;
    if (!F->hasBody())
      return;
  }
  for (const CXXConstructorDecl *C : RD->ctors()) {
    const FunctionDecl *Def = nullptr;
    if (C->isDeleted() || !C->hasBody(Def))
      continue;
    for (const CXXCtorInitializer *Init :
         cast<CXXConstructorDecl>(Def)->inits())
      if (Init->isWritten() && Init->getMember() == FD &&
          !fieldValue(Init->getInit(), FD, Context, Max))
        return;
  }

  // Built by the standard library from forwarded arguments (C++20
  // parenthesized aggregate initialization): values not followed.
  if (RD->isAggregate() && ForwardConstructed.count(canon(RD)))
    return;
  // Aggregate initialization: bases come first, then the members in order.
  unsigned Index = RD->getNumBases() + FD->getFieldIndex();
  for (const Expr *Init : AggregateInits.lookup(canon(RD))) {
    llvm::ArrayRef<Expr *> Inits;
    if (const auto *ILE = dyn_cast<InitListExpr>(Init))
      Inits = llvm::ArrayRef(ILE->getInits(), ILE->getNumInits());
    else
      Inits = cast<CXXParenListInitExpr>(Init)->getInitExprs();
    if (Index < Inits.size() && !fieldValue(Inits[Index], FD, Context, Max))
      return;
  }

  for (const Expr *Ref : FieldRefs.lookup(FD)) {
    // `&Record::member`, or a use in a system header: not followed.
    if (!isa<MemberExpr>(Ref) ||
        SM.isInSystemHeader(SM.getExpansionLoc(Ref->getBeginLoc())))
      return;
    const Expr *E = utils::climbTransparent(Ref, Context);
    Bounded Value;
    const CXXOperatorCallExpr *Op = nullptr;
    switch (classifyWrite(E, Context, Value, Op)) {
    case StringWrite::Assign:
      Max = std::max(Max, Value.Max);
      continue;
    case StringWrite::Append:
      // Each object can run it any number of times.
      return;
    case StringWrite::Unbounded:
      if (Op->getOperator() == OO_Equal && copiesField(Op->getArg(1), FD))
        continue;
      return;
    case StringWrite::None:
      break;
    }
    // Implicit copy and move assignments call `operator=` by name.
    if (const CXXMemberCallExpr *Call = utils::memberCallOn(E, Context);
        Call && Call->getMethodDecl() &&
        Call->getMethodDecl()->getOverloadedOperator() == OO_Equal &&
        Call->getNumArgs() == 1 && copiesField(Call->getArg(0), FD))
      continue;
    if (!keepsValue(E, Context))
      return;
  }
  uint64_t StdInline = stdInline(FD->getType());
  if (Max > CompactInline || Max <= StdInline)
    return;

  PrintingPolicy Policy(getLangOpts());
  diag(FD->getLocation(),
       "field %0 of %1 holds at most %2 characters but std::string allocates "
       "past %3; 'memlint::compact_string' keeps it inline in every element "
       "of '%4'")
      << FD << RD << static_cast<unsigned>(Max)
      << static_cast<unsigned>(StdInline) << Container.getAsString(Policy);
  diag(FD->getLocation(),
       "no fixit: changing the type of a member changes the interface of %0 "
       "for every user of it",
       DiagnosticIDs::Note)
      << RD;
}

void CompactStringCheck::analyze(const VarDecl *VD) {
  ASTContext &Context = *Ctx;
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = getLangOpts();

  Bounded Init;
  if (!bound(VD->getInit(), Context, Init))
    return;
  uint64_t Max = Init.Max, Appended = 0;
  bool Modified = false;
  // Whether std::string_view could replace it: only reads a view offers.
  bool ViewOk = Init.AllLiteral;
  const Stmt *Scope = nullptr;
  if (const DeclStmt *DS = utils::soleDeclStmt(VD, Context))
    Scope = utils::parentOf(DynTypedNode::create(*DS), Context).get<Stmt>();

  for (const DeclRefExpr *Ref : Refs.refs(VD)) {
    const Expr *E = utils::climbTransparent(Ref, Context);
    if (const CXXMemberCallExpr *Call = utils::memberCallOn(E, Context)) {
      const CXXMethodDecl *M = Call->getMethodDecl();
      if (!M)
        return;
      if (const auto *Conv = dyn_cast<CXXConversionDecl>(M)) {
        // The implicit conversion to std::string_view: compact_string has
        // it too, and a view has it trivially.
        if (!isStringViewType(Conv->getConversionType()))
          return;
        continue;
      }
      if (M->getOverloadedOperator() == OO_Subscript)
        continue;
      if (!M->getDeclName().isIdentifier())
        return;
      llvm::StringRef Name = M->getName();
      if (llvm::is_contained(CompactReadMembers, Name)) {
        if (!llvm::is_contained(ViewReadMembers, Name))
          ViewOk = false;
        continue;
      }
      if (llvm::is_contained(IteratorMembers, Name) &&
          utils::passedToDeducedParam(Call, Context))
        continue;
      return;
    }
    Bounded Value;
    const CXXOperatorCallExpr *Write = nullptr;
    switch (StringWrite W = classifyWrite(E, Context, Value, Write)) {
    case StringWrite::Unbounded:
      return;
    case StringWrite::Assign:
    case StringWrite::Append: {
      if (VD->getType().isConstQualified())
        return;
      Modified = true;
      ViewOk = false;
      if (W == StringWrite::Assign) {
        Max = std::max(Max, Value.Max);
        continue;
      }
      std::optional<uint64_t> Times =
          Scope ? utils::maxExecutionsWithin(*Write, *Scope, Context)
                : std::nullopt;
      if (!Times || *Times > CompactInline)
        return;
      Appended += *Times * Value.Max;
      continue;
    }
    case StringWrite::None:
      break;
    }
    unsigned Operand = 0;
    if (const auto *Op = utils::operatorCallOn(E, Context, Operand)) {
      switch (Op->getOperator()) {
      case OO_Subscript:
        if (Operand != 0)
          return;
        continue;
      case OO_EqualEqual:
      case OO_ExclaimEqual:
      case OO_Less:
      case OO_Greater:
      case OO_LessEqual:
      case OO_GreaterEqual: {
        // Against a literal, a std::string or another candidate: both
        // compact_string and string_view compare with those.
        const Expr *Other = Op->getArg(1 - Operand)->IgnoreImplicit();
        if (!isa<StringLiteral>(Other) && !isStdString(Other->getType()) &&
            !Other->getType()->isPointerType())
          return;
        continue;
      }
      case OO_LessLess: {
        // std::ostream << s.
        const auto *Stream =
            Op->getArg(0)->getType().getNonReferenceType()->getAsRecordDecl();
        if (Operand != 1 || !Stream || !Stream->isInStdNamespace() ||
            Stream->getName() != "basic_ostream")
          return;
        continue;
      }
      default:
        return;
      }
    }
    DynTypedNode P = utils::parentOf(DynTypedNode::create(*E), Context);
    if (P.get<LambdaExpr>() && VD->isLocalVarDecl())
      continue;
    if (const auto *Range = P.get<VarDecl>();
        Range && utils::isRangeForRangeVar(Range, Context))
      continue;
    return;
  }
  Max += Appended;
  if (Max > CompactInline || Max <= stdInline(VD->getType()))
    return;
  if (Modified && utils::functionHasLabels(VD))
    return;

  // The declaration, from its first specifier to the end of its initializer.
  SourceRange DeclRange(VD->getBeginLoc(), VD->getEndLoc());
  TypeLoc TL = VD->getTypeSourceInfo()->getTypeLoc();
  if (auto Q = TL.getAs<QualifiedTypeLoc>())
    TL = Q.getUnqualifiedLoc();
  SourceRange TypeRange = TL.getSourceRange();
  bool InMacro =
      DeclRange.getBegin().isMacroID() || DeclRange.getEnd().isMacroID() ||
      TypeRange.getBegin().isMacroID() || TypeRange.getEnd().isMacroID();

  // The initializer as one literal ("a" "b" is "ab"), when it is literals.
  std::string Joined;
  for (const Expr *Leaf : Init.Leaves) {
    llvm::StringRef T = utils::fileText(Leaf->getSourceRange(), SM, LO);
    if (T.empty()) {
      InMacro = true;
      break;
    }
    Joined += (Joined.empty() ? "" : " ") + T.str();
  }
  if (Init.Leaves.empty())
    Joined = "\"\"";

  if (ViewOk && !Modified) {
    auto Diag = diag(VD->getLocation(),
                     "%0 is a constant of up to %1 characters that allocates "
                     "as std::string; use 'constexpr std::string_view'")
                << VD << static_cast<unsigned>(Max);
    if (!InMacro) {
      std::string Text;
      if (VD->getStorageClass() == SC_Static)
        Text += "static ";
      Text +=
          "constexpr std::string_view " + VD->getName().str() + " = " + Joined;
      Diag << FixItHint::CreateReplacement(
                  CharSourceRange::getTokenRange(DeclRange), Text)
           << fixits::includeInsertion(
                  Inserter, SM,
                  SM.getFileID(SM.getExpansionLoc(VD->getLocation())),
                  "<string_view>");
    }
    return;
  }

  auto Warn = [&]() -> DiagnosticBuilder {
    return diag(VD->getLocation(),
                "%0 holds up to %1 characters, more than std::string keeps "
                "inline; use 'memlint::compact_string' (23 inline) to "
                "avoid the allocation")
           << VD << static_cast<unsigned>(Max);
  };
  // Fix plan: compact_string only where its header resolves.
  if (!InMacro && !RuntimeInfo.available(
                      CompactStringHeader, SM,
                      SM.getFileID(SM.getExpansionLoc(VD->getLocation())))) {
    Warn();
    diag(VD->getLocation(), "no fixit: %0", DiagnosticIDs::Note)
        << utils::RuntimeAvailability::missingReason(CompactStringHeader);
    return;
  }
  auto Diag = Warn();
  if (InMacro)
    return;
  Diag << FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(TypeRange), "memlint::compact_string");
  // A concatenation would still build a std::string temporary: start it
  // from a compact_string (or join literals into one).
  const Expr *InitExpr = VD->getInit()->IgnoreImplicit();
  if (const auto *CE = dyn_cast<CXXConstructExpr>(InitExpr);
      CE && CE->getNumArgs() >= 1 && !isa<CXXTemporaryObjectExpr>(CE))
    InitExpr = CE->getArg(0);
  // `= "lit"` and `("lit")` construct a compact_string as they are.
  bool DirectInit = VD->getInitStyle() != VarDecl::CInit;
  bool Plain = Init.Leaves.size() == 1 && isa<StringLiteral>(Init.Leaves[0]) &&
               (DirectInit ||
                isa<StringLiteral>(
                    InitExpr->IgnoreImplicit()->IgnoreImplicitAsWritten()));
  if (!Plain && !Init.Leaves.empty()) {
    std::string NewInit;
    if (Init.AllLiteral) {
      NewInit = Joined;
    } else {
      llvm::StringRef First =
          utils::fileText(Init.Leaves[0]->getSourceRange(), SM, LO);
      NewInit = "memlint::compact_string(" + First.str() + ")";
      for (size_t I = 1; I < Init.Leaves.size(); ++I)
        NewInit +=
            " + " +
            utils::fileText(Init.Leaves[I]->getSourceRange(), SM, LO).str();
    }
    SourceRange InitRange = VD->getInit()->getSourceRange();
    if (DirectInit) {
      // `std::string s(x)` / `s{x}`: replace everything after the name.
      Diag << FixItHint::CreateReplacement(
          CharSourceRange::getCharRange(
              Lexer::getLocForEndOfToken(VD->getLocation(), 0, SM, LO),
              Lexer::getLocForEndOfToken(VD->getEndLoc(), 0, SM, LO)),
          " = " + NewInit);
    } else {
      Diag << FixItHint::CreateReplacement(
          CharSourceRange::getTokenRange(InitRange), NewInit);
    }
  }
  Diag << fixits::includeInsertion(
      Inserter, SM, SM.getFileID(SM.getExpansionLoc(VD->getLocation())),
      CompactStringHeader);
}

} // namespace clang::tidy::memlint
