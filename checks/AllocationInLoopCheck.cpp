//===--- AllocationInLoopCheck.cpp - memlint-allocation-in-loop -----------===//

#include "AllocationInLoopCheck.h"
#include "checks/utils/AllocationBehaviour.h"
#include "checks/utils/FixSaving.h"
#include "checks/utils/LocalCopy.h"
#include "checks/utils/LocalLifetime.h"
#include "checks/utils/LoopTripCount.h"
#include "checks/utils/ReadOnlyUse.h"
#include "checks/utils/UserCodeParents.h"
#include "checks/utils/ValueWrappers.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "fixits/Hoist.h"
#include "fixits/TypeSpelling.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/StmtOpenMP.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSet.h"

using namespace clang::ast_matchers;

namespace clang::tidy::memlint {

namespace {

enum class Family { Sequence, String, Associative, Stream, Reusable };

std::optional<Family> familyOf(const CXXRecordDecl &RD) {
  if (!RD.isInStdNamespace())
    return Family::Reusable;
  llvm::StringRef Name = RD.getName();
  if (Name == "vector" || Name == "deque" || Name == "list")
    return Family::Sequence;
  if (Name == "basic_string")
    return Family::String;
  if (Name == "basic_ostringstream" || Name == "basic_stringstream")
    return Family::Stream;
  if (Name == "map" || Name == "multimap" || Name == "set" ||
      Name == "multiset" || Name == "unordered_map" ||
      Name == "unordered_multimap" || Name == "unordered_set" ||
      Name == "unordered_multiset")
    return Family::Associative;
  return std::nullopt;
}

// How many leading template arguments are element types (the rest are
// traits, comparators, hashers and allocators).
unsigned elementArgCount(const CXXRecordDecl &RD) {
  llvm::StringRef Name = RD.getName();
  if (Name == "map" || Name == "multimap" || Name == "unordered_map" ||
      Name == "unordered_multimap" || Name == "basic_string" ||
      Name == "basic_ostringstream" || Name == "basic_stringstream")
    return 2;
  return 1;
}

// The arguments written in the source (default arguments dropped).
unsigned explicitArgCount(const CXXConstructExpr &CE) {
  unsigned N = 0;
  while (N < CE.getNumArgs() && !isa<CXXDefaultArgExpr>(CE.getArg(N)))
    ++N;
  return N;
}

// Whether the array Arr is only read in FD (`sizeof Arr`, `Arr[i]`,
// `Arr[i].Field` read or bound to a const reference). A local, static or not,
// cannot be reached from elsewhere without a use here that lets it escape.
bool tableOnlyRead(const VarDecl &Arr, const FunctionDecl &FD,
                   ASTContext &Ctx) {
  return FD.getBody() &&
         memlint::utils::analyzeVarUses(Arr, *FD.getBody(), Ctx).onlyRead();
}

// The string literals a `const char *` read from a table can be: `Names[i]`
// or `Cases[i].Name`, where the array is initialized from literals and only
// read by the function.
std::optional<std::vector<const StringLiteral *>>
tableLiterals(const Expr *E, const FunctionDecl &FD, ASTContext &Ctx) {
  E = E->IgnoreParenImpCasts();
  const FieldDecl *Field = nullptr;
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!Field || ME->isArrow())
      return std::nullopt;
    E = ME->getBase()->IgnoreParenImpCasts();
  }
  const auto *ASE = dyn_cast<ArraySubscriptExpr>(E);
  if (!ASE)
    return std::nullopt;
  const auto *DRE =
      dyn_cast<DeclRefExpr>(ASE->getBase()->IgnoreParenImpCasts());
  const auto *Arr = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!Arr || !Arr->getType()->isConstantArrayType() ||
      Arr->getDeclContext() != &FD || !tableOnlyRead(*Arr, FD, Ctx))
    return std::nullopt;
  const auto *IL = dyn_cast_or_null<InitListExpr>(Arr->getInit());
  if (!IL || IL->getNumInits() == 0)
    return std::nullopt;
  std::vector<const StringLiteral *> Lits;
  for (const Expr *Elem : IL->inits()) {
    Elem = Elem->IgnoreParenImpCasts();
    if (Field) {
      const auto *Row = dyn_cast<InitListExpr>(Elem);
      if (!Row || Field->getFieldIndex() >= Row->getNumInits())
        return std::nullopt;
      Elem = Row->getInit(Field->getFieldIndex())->IgnoreParenImpCasts();
    }
    const auto *Lit = dyn_cast<StringLiteral>(Elem);
    if (!Lit)
      return std::nullopt;
    Lits.push_back(Lit);
  }
  return Lits;
}

// A std::basic_string built from a table of literals (`std::string f =
// Cases[i].Name;`) of which at most half outgrow the inline buffer, and only
// read: it allocates on few iterations, not on every one, and reuse saves
// little.
bool isMostlySmallTableInit(const VarDecl &V, const CXXRecordDecl &RD,
                            ASTContext &Ctx) {
  const auto *CE =
      dyn_cast_or_null<CXXConstructExpr>(memlint::utils::skipValueWrappers(
          V.getInit(), memlint::utils::CastsSkipped::Implicit));
  // Before C++17, `std::string F = P;` moves from a temporary built from P.
  if (CE && CE->getConstructor()->isMoveConstructor() && CE->getNumArgs() == 1)
    CE = dyn_cast<CXXConstructExpr>(memlint::utils::skipValueWrappers(
        CE->getArg(0), memlint::utils::CastsSkipped::Implicit));
  const auto *FD = dyn_cast<FunctionDecl>(V.getDeclContext());
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(&RD);
  if (!CE || explicitArgCount(*CE) != 1 || !FD || !Spec ||
      Spec->getTemplateArgs().size() == 0)
    return false;
  // Only while the string keeps the value: `f += ...` may outgrow the buffer.
  if (!FD->getBody() ||
      !memlint::utils::analyzeVarUses(V, *FD->getBody(), Ctx).onlyRead())
    return false;
  auto Lits = tableLiterals(CE->getArg(0), *FD, Ctx);
  if (!Lits)
    return false;
  uint64_t Inline = memlint::utils::smallStringCapacity(RD);
  size_t Large = llvm::count_if(*Lits, [&](const StringLiteral *Lit) {
    return Lit->getLength() > Inline;
  });
  return Large * 2 <= Lits->size();
}

bool isCopyOrMove(const CXXConstructExpr &CE) {
  const CXXConstructorDecl *Ctor = CE.getConstructor();
  return Ctor && (Ctor->isCopyConstructor() || Ctor->isMoveConstructor());
}

// Initialized from a call's result or moved into: the allocation happens
// elsewhere and reusing the object would not save it.
bool allocationIsElsewhere(const VarDecl &V) {
  const Expr *Init = memlint::utils::skipValueWrappers(
      V.getInit(), memlint::utils::CastsSkipped::Implicit);
  if (!Init)
    return false;
  // `c ? T(a) : T(b)` builds its result in a temporary either way: after
  // hoisting, `v = c ? T(a) : T(b)` would move from it, reusing nothing.
  auto IsClassConditional = [](const Expr *E) {
    return isa<AbstractConditionalOperator>(E) && E->isPRValue() &&
           E->getType()->isRecordType();
  };
  if (isa<CallExpr>(Init) || IsClassConditional(Init))
    return true;
  if (const auto *CE = dyn_cast<CXXConstructExpr>(Init);
      CE && isCopyOrMove(*CE) && CE->getNumArgs() >= 1) {
    const Expr *Arg = memlint::utils::skipValueWrappers(
        CE->getArg(0), memlint::utils::CastsSkipped::Implicit);
    if (CE->getConstructor()->isMoveConstructor() || !Arg->isGLValue())
      return isa<CallExpr>(Arg) || Arg->isXValue() || IsClassConditional(Arg);
  }
  return false;
}

bool isDefaultConstructible(QualType T) {
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return true;
  if (!RD->hasDefinition() || RD->isLambda())
    return false;
  bool HasDefault = RD->needsImplicitDefaultConstructor();
  for (const CXXConstructorDecl *Ctor : RD->ctors()) {
    if (Ctor->getMinRequiredArguments() != 0)
      continue;
    if (Ctor->isDeleted() || Ctor->getAccess() == AS_private ||
        Ctor->getAccess() == AS_protected)
      return false;
    HasDefault = true;
  }
  return HasDefault;
}

// Whether a name used in the type is declared inside Range (the loop), where
// a declaration before the loop cannot see it.
class LocalTypeFinder : public RecursiveASTVisitor<LocalTypeFinder> {
public:
  LocalTypeFinder(SourceRange Range, const SourceManager &SM)
      : Range(Range), SM(SM) {}
  bool Found = false;

  void checkDecl(const Decl *D) {
    if (!D)
      return;
    SourceLocation L = SM.getExpansionLoc(D->getLocation());
    if (SM.isPointWithin(L, SM.getExpansionLoc(Range.getBegin()),
                         SM.getExpansionLoc(Range.getEnd())))
      Found = true;
  }
  bool VisitTypedefTypeLoc(TypedefTypeLoc TL) {
    checkDecl(TL.getTypePtr()->getDecl());
    return true;
  }
  bool VisitTagTypeLoc(TagTypeLoc TL) {
    checkDecl(TL.getDecl());
    return true;
  }
  bool VisitRecordType(RecordType *T) {
    checkDecl(T->getDecl());
    return true;
  }
  bool VisitEnumType(EnumType *T) {
    checkDecl(T->getDecl());
    return true;
  }
  bool VisitTemplateSpecializationType(TemplateSpecializationType *T) {
    if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl())
      if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
        for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
          if (Arg.getKind() == TemplateArgument::Type)
            TraverseType(Arg.getAsType().getCanonicalType());
    return true;
  }

private:
  SourceRange Range;
  const SourceManager &SM;
};

// Any other declaration of, or reference to, the same name in the block that
// will hold the hoisted declaration.
class NameClashFinder : public RecursiveASTVisitor<NameClashFinder> {
public:
  explicit NameClashFinder(const VarDecl &V) : V(V) {}
  bool shouldVisitImplicitCode() const { return false; }
  bool Found = false;

  bool VisitNamedDecl(NamedDecl *D) {
    if (D != &V && !D->isImplicit() && D->getDeclName() == V.getDeclName())
      Found = true;
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (E->getDecl() != &V && E->getDecl()->getDeclName() == V.getDeclName())
      Found = true;
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    if (E->isImplicitAccess() &&
        E->getMemberDecl()->getDeclName() == V.getDeclName())
      Found = true;
    return true;
  }
  bool VisitOverloadExpr(OverloadExpr *E) {
    if (E->getName() == V.getDeclName())
      Found = true;
    return true;
  }
  bool VisitCXXDependentScopeMemberExpr(CXXDependentScopeMemberExpr *E) {
    if (E->isImplicitAccess() && E->getMember() == V.getDeclName())
      Found = true;
    return true;
  }

private:
  const VarDecl &V;
};

bool isStateManipulatorName(llvm::StringRef Name) {
  static const llvm::StringSet<> Names = {
      "hex",          "oct",          "dec",          "fixed",
      "scientific",   "hexfloat",     "defaultfloat", "boolalpha",
      "noboolalpha",  "showbase",     "noshowbase",   "showpoint",
      "noshowpoint",  "showpos",      "noshowpos",    "skipws",
      "noskipws",     "uppercase",    "nouppercase",  "left",
      "right",        "internal",     "unitbuf",      "nounitbuf",
      "setprecision", "setw",         "setfill",      "setbase",
      "setiosflags",  "resetiosflags"};
  return Names.contains(Name);
}

bool isStateMemberName(llvm::StringRef Name) {
  static const llvm::StringSet<> Names = {
      "flags", "setf",  "unsetf",     "precision",        "width",
      "fill",  "imbue", "exceptions", "copyfmt",          "tie",
      "rdbuf", "iword", "pword",      "register_callback"};
  return Names.contains(Name);
}

// Finds what could change a stream's formatting state in a statement: the
// standard manipulators, or a state member function called with arguments.
class StreamStateFinder : public RecursiveASTVisitor<StreamStateFinder> {
public:
  bool Found = false;
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (const auto *FD = dyn_cast<FunctionDecl>(E->getDecl());
        FD && FD->isInStdNamespace() && FD->getIdentifier() &&
        isStateManipulatorName(FD->getName()))
      Found = true;
    return true;
  }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *E) {
    const CXXMethodDecl *MD = E->getMethodDecl();
    if (!MD || !MD->getIdentifier() || !isStateMemberName(MD->getName()))
      return true;
    llvm::StringRef Name = MD->getName();
    // Getters (no argument) only read the state.
    if (E->getNumArgs() > 0 || Name == "setf" || Name == "unsetf" ||
        Name == "imbue" || Name == "copyfmt" || Name == "iword" ||
        Name == "pword" || Name == "register_callback")
      Found = true;
    return true;
  }
};

bool changesStreamState(const Stmt &S) {
  StreamStateFinder F;
  F.TraverseStmt(const_cast<Stmt *>(&S));
  return F.Found;
}

// Whether a function the stream is handed to (by non-const reference) might
// change its formatting state: standard functions do not; a user function
// whose body we can read is scanned; one we cannot read might.
bool calleeMayChangeStreamState(const FunctionDecl &FD,
                                const SourceManager &SM) {
  if (FD.isInStdNamespace() || SM.isInSystemHeader(FD.getLocation()))
    return false;
  const FunctionDecl *Def = nullptr;
  if (!FD.hasBody(Def) || !Def->getBody())
    return true;
  return changesStreamState(*Def->getBody());
}

struct Reset {
  std::string Text;
  enum { Clear, Reassign, StreamReset } Kind;
};

bool containsDeducedType(TypeLoc TL) {
  while (!TL.isNull()) {
    if (TL.getAs<AutoTypeLoc>() ||
        TL.getAs<DeducedTemplateSpecializationTypeLoc>())
      return true;
    TL = TL.getNextTypeLoc();
  }
  return false;
}

} // namespace

AllocationInLoopCheck::AllocationInLoopCheck(StringRef Name,
                                             ClangTidyContext *Context)
    : ProfiledCheck(Name, Context), UserScope(Context),
      RawReusableClasses(Options.get("ReusableClasses", "")),
      ReusableClasses(
          ::clang::tidy::utils::options::parseStringList(RawReusableClasses)),
      UnneededCopyRuns(Context->isCheckEnabled("memlint-unneeded-copy")) {}

void AllocationInLoopCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "ReusableClasses", RawReusableClasses);
}

void AllocationInLoopCheck::registerMatchers(MatchFinder *Finder) {
  UserScope.registerMatchers(Finder);
  auto StdAllocating = classTemplateSpecializationDecl(hasAnyName(
      "::std::vector", "::std::deque", "::std::list", "::std::basic_string",
      "::std::map", "::std::multimap", "::std::set", "::std::multiset",
      "::std::unordered_map", "::std::unordered_multimap",
      "::std::unordered_set", "::std::unordered_multiset",
      "::std::basic_ostringstream", "::std::basic_stringstream"));
  internal::Matcher<Decl> Allocating = cxxRecordDecl(StdAllocating);
  if (!ReusableClasses.empty())
    Allocating =
        cxxRecordDecl(anyOf(StdAllocating, hasAnyName(ReusableClasses)));
  Finder->addMatcher(
      varDecl(hasLocalStorage(), unless(isExceptionVariable()),
              unless(isExpansionInSystemHeader()),

              // "Inside a loop" is decided in check() through
              // utils::parentsOf: hasAncestor would build clang's parent map
              // over the whole TU, system headers included.
              hasType(hasUnqualifiedDesugaredType(
                  recordType(hasDeclaration(Allocating)))))
          .bind("var"),
      this);
}

void AllocationInLoopCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *V = Result.Nodes.getNodeAs<VarDecl>("var");
  ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = *Result.SourceManager;
  const LangOptions &LO = getLangOpts();
  if (!V || isa<ParmVarDecl, DecompositionDecl>(V) || V->isCXXForRangeDecl() ||
      V->isInitCapture())
    return;
  // Instantiations repeat what the template says; the template is checked.
  for (const DeclContext *DC = V->getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *FD = dyn_cast<FunctionDecl>(DC);
        FD && FD->isTemplateInstantiation())
      return;
    if (const auto *CRD = dyn_cast<CXXRecordDecl>(DC);
        CRD &&
        CRD->getTemplateSpecializationKind() == TSK_ImplicitInstantiation)
      return;
  }
  const CXXRecordDecl *RD = V->getType()->getAsCXXRecordDecl();
  if (!RD)
    return;
  std::optional<Family> Fam = familyOf(*RD);
  if (!Fam)
    return;

  // The declaration must be a statement of a block: conditions,
  // init-statements and loop variables are skipped.
  const DeclStmt *DS = nullptr;
  for (const DynTypedNode &P : memlint::utils::parentsOf(Ctx, *V))
    if ((DS = P.get<DeclStmt>()))
      break;
  if (!DS)
    return;
  const Stmt *Block = memlint::utils::parentStmt(*DS, Ctx);
  if (!Block || !isa<CompoundStmt, CaseStmt, DefaultStmt, LabelStmt>(Block))
    return;
  while (Block && !isa<CompoundStmt>(Block))
    Block = memlint::utils::parentStmt(*Block, Ctx);
  if (!Block)
    return;

  bool CrossesLambda = false;
  const Stmt *Loop =
      memlint::utils::enclosingLoopOfBody(*DS, Ctx, &CrossesLambda);
  if (!Loop)
    return;
  // `do { ... } while (false)` is a block in disguise: it runs once.
  if (const auto *Do = dyn_cast<DoStmt>(Loop)) {
    bool Result = true;
    if (Do->getCond()->EvaluateAsBooleanCondition(Result, Ctx) && !Result)
      return;
  }
  // Default-constructed and never used: it allocates nothing.
  if (!V->isReferenced()) {
    const auto *CE =
        dyn_cast_or_null<CXXConstructExpr>(memlint::utils::skipValueWrappers(
            V->getInit(), memlint::utils::CastsSkipped::Implicit));
    if (CE && explicitArgCount(*CE) == 0)
      return;
  }

  // A string that starts from a short literal and keeps short values is
  // one of reuseSavesNothing's cases below.
  if (*Fam == Family::String && isMostlySmallTableInit(*V, *RD, Ctx))
    return;
  if (allocationIsElsewhere(*V))
    return;
  // Node-based, never grown, replaced by every growth, or always small.
  if (memlint::utils::reuseSavesNothing(*V, *RD, *Block, Ctx))
    return;
  if (memlint::utils::findEscape(*V, *Block, Ctx))
    return;
  // `T y = x;` only read, x unchanged meanwhile: memlint-unneeded-copy binds
  // a const reference, which removes the copy a hoist would keep.
  if (UnneededCopyRuns && !V->getLocation().isMacroID() &&
      memlint::utils::readOnlyCopyOfStableLocal(*V, Ctx))
    return;

  // Work out the reset, or why there is none.
  std::string Name = V->getName().str();
  std::optional<Reset> R;
  std::string NoFix;
  const Expr *Init = memlint::utils::skipValueWrappers(
      V->getInit(), memlint::utils::CastsSkipped::Implicit);
  const auto *CE = dyn_cast_or_null<CXXConstructExpr>(Init);
  auto ArgText = [&](const Expr *E) {
    return fixits::sourceText(E->getSourceRange(), SM, LO);
  };
  if (Init && !CE) {
    NoFix = "it is not initialized by a constructor";
  } else if (!CE || explicitArgCount(*CE) == 0) {
    if (*Fam == Family::Stream)
      R = Reset{Name + ".str({});\n" +
                    fixits::indentationOf(DS->getBeginLoc(), SM) + Name +
                    ".clear();",
                Reset::StreamReset};
    else if (*Fam == Family::Reusable) {
      bool HasClear = false;
      for (const CXXMethodDecl *M : RD->methods())
        if (M->getIdentifier() && M->getName() == "clear" &&
            M->getMinRequiredArguments() == 0 && !M->isStatic() &&
            M->getAccess() == AS_public)
          HasClear = true;
      if (HasClear)
        R = Reset{Name + ".clear();", Reset::Clear};
      else
        NoFix = "'" + RD->getNameAsString() + "' has no clear()";
    } else
      R = Reset{Name + ".clear();", Reset::Clear};
  } else if (*Fam == Family::Stream || *Fam == Family::Reusable) {
    NoFix = "it is constructed with arguments that a reset would not "
            "reproduce";
  } else if (isCopyOrMove(*CE)) {
    if (auto T = ArgText(CE->getArg(0)))
      R = Reset{Name + " = " + *T + ";", Reset::Reassign};
  } else if (const auto *IL = dyn_cast<CXXStdInitializerListExpr>(
                 CE->getArg(0)->IgnoreImplicit())) {
    if (auto T = ArgText(IL->getSubExpr()))
      R = Reset{Name + " = " + *T + ";", Reset::Reassign};
  } else if (*Fam == Family::Associative) {
    NoFix = "a map or set has no assign() matching this constructor";
  } else {
    // vector/deque/list/basic_string constructors with arguments map onto
    // assign() with the same arguments, unless they take an allocator.
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
    bool TakesAllocator = false;
    unsigned NumArgs = explicitArgCount(*CE);
    for (const ParmVarDecl *P : Ctor->parameters()) {
      if (P->getFunctionScopeIndex() >= NumArgs)
        break;
      QualType PT = P->getType().getNonReferenceType().getUnqualifiedType();
      if (const CXXRecordDecl *PRD = PT->getAsCXXRecordDecl();
          PRD && PRD->getName().contains("allocator"))
        TakesAllocator = true;
      if (Spec)
        for (unsigned I = elementArgCount(*RD);
             I < Spec->getTemplateArgs().size(); ++I)
          if (Spec->getTemplateArgs()[I].getKind() == TemplateArgument::Type &&
              Ctx.hasSameUnqualifiedType(Spec->getTemplateArgs()[I].getAsType(),
                                         PT))
            TakesAllocator = true;
    }
    llvm::SmallVector<std::string, 3> Args;
    bool ArgsSpelled = true;
    for (const Expr *A : CE->arguments()) {
      if (isa<CXXDefaultArgExpr>(A))
        break;
      if (auto T = ArgText(A))
        Args.push_back(*T);
      else
        ArgsSpelled = false;
    }
    if (!ArgsSpelled) {
      NoFix = "its initializer is in a macro";
    } else if (TakesAllocator) {
      NoFix = "it is constructed with an allocator";
    } else if (*Fam == Family::String && V->getInitStyle() == VarDecl::CInit &&
               Args.size() == 1) {
      R = Reset{Name + " = " + Args[0] + ";", Reset::Reassign};
    } else if (*Fam == Family::Sequence && Args.size() == 1 &&
               CE->getArg(0)->getType()->isIntegerType()) {
      // vector<T> v(n): n value-initialized elements.
      QualType Elem = Spec && Spec->getTemplateArgs().size() > 0
                          ? Spec->getTemplateArgs()[0].getAsType()
                          : QualType();
      if (!Elem.isNull() && Elem->isScalarType())
        R = Reset{Name + ".assign(" + Args[0] + ", {});", Reset::Reassign};
      else
        R = Reset{Name + ".clear();\n" +
                      fixits::indentationOf(DS->getBeginLoc(), SM) + Name +
                      ".resize(" + Args[0] + ");",
                  Reset::Reassign};
    } else {
      R = Reset{Name + ".assign(" + llvm::join(Args, ", ") + ");",
                Reset::Reassign};
    }
  }

  // Conditions on the fixit that do not depend on the reset.
  const Stmt *Outer = memlint::utils::parentStmt(*Loop, Ctx);
  if (!R && NoFix.empty())
    NoFix = "its initializer cannot be reproduced by a reset";
  else if (V->getType().isConstQualified())
    NoFix = "it is const";
  else if (V->getType().isVolatileQualified())
    NoFix = "it is volatile";
  else if (CrossesLambda)
    NoFix = "the loop body is in a different function (a lambda)";
  else if (V->getLocation().isMacroID() || DS->getBeginLoc().isMacroID() ||
           DS->getEndLoc().isMacroID() || Loop->getBeginLoc().isMacroID() ||
           Loop->getEndLoc().isMacroID())
    NoFix = "it is in a macro";
  else if (!DS->isSingleDecl())
    NoFix = "its declaration declares other variables";
  else if (isa_and_nonnull<CapturedStmt, OMPExecutableDirective>(Outer) ||
           llvm::any_of(memlint::utils::parentsOf(Ctx, *Loop),
                        [](const DynTypedNode &N) {
                          return N.get<CapturedDecl>() != nullptr;
                        }))
    NoFix = "the loop is an OpenMP loop: a hoisted object would be shared "
            "between threads";
  else if (!Outer || !isa<CompoundStmt>(Outer))
    NoFix = "the loop is not a statement of a block";

  std::string TypeText;
  if (NoFix.empty()) {
    TypeLoc TL = V->getTypeSourceInfo()->getTypeLoc();
    std::optional<std::string> T;
    if (!containsDeducedType(TL)) {
      T = fixits::spellTypeLoc(TL, SM, LO);
    } else {
      // `auto v = T(...)`: the type the initializer writes, else the
      // deduced type with the names the code uses.
      const TypeSourceInfo *TSI = nullptr;
      if (const auto *Tmp = dyn_cast_or_null<CXXTemporaryObjectExpr>(Init))
        TSI = Tmp->getTypeSourceInfo();
      else if (const auto *FC = dyn_cast_or_null<CXXFunctionalCastExpr>(
                   V->getInit() ? V->getInit()->IgnoreImplicit() : nullptr))
        TSI = FC->getTypeInfoAsWritten();
      if (TSI && !containsDeducedType(TSI->getTypeLoc()))
        T = fixits::spellTypeLoc(TSI->getTypeLoc(), SM, LO);
      if (!T)
        T = fixits::spellType(V->getType().getUnqualifiedType(), Ctx);
    }
    TypeText = T.value_or("");
    if (TypeText.empty())
      NoFix = "its type cannot be spelled before the loop";
  }
  if (NoFix.empty()) {
    LocalTypeFinder F(Loop->getSourceRange(), SM);
    F.TraverseTypeLoc(V->getTypeSourceInfo()->getTypeLoc());
    F.TraverseType(V->getType().getCanonicalType());
    if (F.Found)
      NoFix = "its type is declared inside the loop";
  }
  if (NoFix.empty()) {
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD)) {
      const TemplateArgumentList &Args = Spec->getTemplateArgs();
      for (unsigned I = *Fam == Family::Reusable ? 0 : elementArgCount(*RD);
           I < Args.size(); ++I)
        if (Args[I].getKind() == TemplateArgument::Type &&
            !isDefaultConstructible(Args[I].getAsType()))
          NoFix = "its type is not default-constructible";
    }
    if (*Fam == Family::Reusable && !isDefaultConstructible(V->getType()))
      NoFix = "its type is not default-constructible";
  }
  if (NoFix.empty() &&
      (*Fam == Family::Sequence || *Fam == Family::String ||
       *Fam == Family::Associative) &&
      !memlint::utils::destructionIsUnobservable(V->getType()))
    NoFix = "its elements' destructors would run at the next iteration "
            "instead of at the end of this one";
  if (NoFix.empty() && *Fam == Family::Stream) {
    bool Changes = changesStreamState(*Block);
    for (const DeclRefExpr *Ref : memlint::utils::findReferences(*V, *Block)) {
      if (Changes)
        break;
      const Stmt *P = memlint::utils::parentStmt(*Ref, Ctx);
      while (P && isa<ImplicitCastExpr, ParenExpr>(P))
        P = memlint::utils::parentStmt(*P, Ctx);
      if (const auto *Call = dyn_cast_or_null<CallExpr>(P))
        if (const FunctionDecl *FD = Call->getDirectCallee();
            FD && !isa<CXXMemberCallExpr>(Call) &&
            calleeMayChangeStreamState(*FD, SM))
          Changes = true;
    }
    if (Changes)
      NoFix = "the loop changes the stream's formatting state, which reuse "
              "would carry over to the next iteration";
  }
  if (NoFix.empty()) {
    NameClashFinder F(*V);
    F.TraverseStmt(const_cast<Stmt *>(Outer));
    if (const auto *FD = dyn_cast<FunctionDecl>(V->getDeclContext());
        FD && FD->getBody() == Outer)
      for (const ParmVarDecl *P : FD->parameters())
        if (P->getDeclName() == V->getDeclName())
          F.Found = true;
    if (F.Found)
      NoFix = "the name '" + Name + "' is also used in the enclosing block";
  }

  std::optional<FixItHint> Insert, Replace;
  if (NoFix.empty()) {
    Insert =
        fixits::insertLineBefore(*Loop, TypeText + " " + Name + ";", SM, LO);
    Replace = fixits::replaceStatement(*DS, R->Text, SM, LO);
    if (!Insert || !Replace)
      NoFix = "it is in a macro";
  }

  unsigned Select = R                                   ? unsigned(R->Kind)
                    : *Fam == Family::Stream            ? 2u
                    : !CE || explicitArgCount(*CE) == 0 ? 0u
                                                        : 1u;
  // The growth calls allocate, not (only) the declaration.
  std::vector<memlint::utils::AllocationSite> Sites =
      memlint::utils::allocationSites(*V, *Block, Ctx, V->getLocation());
  claimAllocations(Sites);
  {
    auto D = diag(V->getLocation(),
                  "'%0' is allocated on every iteration; declare it before the "
                  "loop and %1 to reuse its capacity")
             << Name
             << (Select == 0   ? "clear() it"
                 : Select == 1 ? "reassign it"
                               : "reset it with str({}) and clear()");
    if (NoFix.empty())
      D << *Insert << *Replace;
  }
  if (!NoFix.empty())
    diag(V->getLocation(), "no fixit: %0", DiagnosticIDs::Note) << NoFix;
  else if (auto Runs = memlint::utils::exactRunsPerLoopRun(*DS, Ctx);
           Runs && Runs->InLoop && Runs->Runs >= 2)
    // Every iteration but the first reuses the capacity.
    memlint::utils::noteAllocationsRemoved(*this, V->getLocation(),
                                           Runs->Runs - 1, true);
  memlint::utils::noteAllocationsRemovedHere(*this, Sites);
}

} // namespace clang::tidy::memlint
