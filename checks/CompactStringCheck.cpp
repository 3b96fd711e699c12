//===--- CompactStringCheck.cpp - memlint-compact-string ------------------===//

#include "CompactStringCheck.h"
#include "checks/utils/UserCodeParents.h"

#include "checks/utils/BoundedGrowth.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang::ast_matchers;

namespace clang::tidy::memlint {

namespace {

// std::string keeps 15 characters inline (libstdc++), compact_string 23.
constexpr uint64_t StdInline = 15;
constexpr uint64_t CompactInline = 23;

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

} // namespace

CompactStringCheck::CompactStringCheck(StringRef Name,
                                       ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      CompactStringHeader(
          Options.get("CompactStringHeader", "<memlint/compact_string.hpp>")
              .str()),
      Inserter(Options.getLocalOrGlobal("IncludeStyle",
                                        tidy::utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()) {}

void CompactStringCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "CompactStringHeader", CompactStringHeader);
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
}

void CompactStringCheck::registerPPCallbacks(const SourceManager &,
                                             Preprocessor *PP, Preprocessor *) {
  Inserter.registerPreprocessor(PP);
}

void CompactStringCheck::registerMatchers(MatchFinder *Finder) {
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
}

void CompactStringCheck::check(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context;
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
      case OO_Equal:
      case OO_PlusEqual: {
        if (Operand != 0 || VD->getType().isConstQualified())
          return;
        Bounded Value;
        if (!bound(Op->getArg(1), Context, Value))
          return;
        Modified = true;
        ViewOk = false;
        if (Op->getOperator() == OO_Equal) {
          Max = std::max(Max, Value.Max);
          continue;
        }
        std::optional<uint64_t> Times =
            Scope ? utils::maxExecutionsWithin(Op, Scope, Context)
                  : std::nullopt;
        if (!Times || *Times > CompactInline)
          return;
        Appended += *Times * Value.Max;
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
  if (Max > CompactInline || Max <= StdInline)
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
           << Inserter.createIncludeInsertion(
                  SM.getFileID(SM.getExpansionLoc(VD->getLocation())),
                  "<string_view>");
    }
    return;
  }

  auto Diag = diag(VD->getLocation(),
                   "%0 holds up to %1 characters, more than std::string keeps "
                   "inline; use 'memlint::compact_string' (23 inline) to "
                   "avoid the allocation")
              << VD << static_cast<unsigned>(Max);
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
  Diag << Inserter.createIncludeInsertion(
      SM.getFileID(SM.getExpansionLoc(VD->getLocation())), CompactStringHeader);
}

} // namespace clang::tidy::memlint
