//===--- MissingReserveCheck.cpp - memlint-missing-reserve ----------------===//

#include "MissingReserveCheck.h"
#include "checks/utils/AllocationBehaviour.h"
#include "checks/utils/BoolOption.h"
#include "checks/utils/FixSaving.h"
#include "checks/utils/LoopTripCount.h"
#include "checks/utils/UserCodeParents.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include <functional>

using namespace clang::ast_matchers;

namespace clang::tidy::memlint {

namespace mu = utils;

namespace {

constexpr char DefaultVectorLike[] =
    "::memlint::small_vector;::llvm::SmallVector;::absl::InlinedVector;"
    "::boost::container::small_vector";

enum ContainerKind { CK_Vector = 0, CK_String = 1, CK_Unordered = 2 };

const char *const UnorderedNames[] = {
    "::std::unordered_map", "::std::unordered_set", "::std::unordered_multimap",
    "::std::unordered_multiset"};

bool visitAll(const Stmt *S, const std::function<void(const Stmt *)> &F) {
  if (!S)
    return false;
  F(S);
  for (const Stmt *C : S->children())
    visitAll(C, F);
  return false;
}

const CXXRecordDecl *recordOf(QualType T) {
  if (const auto *RD = T->getPointeeCXXRecordDecl())
    return RD;
  return T.getNonReferenceType()->getAsCXXRecordDecl();
}

bool isInitializerList(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->isInStdNamespace() && RD->getName() == "initializer_list";
}

bool isTemplateInstantiationContext(const DeclContext *DC) {
  for (; DC; DC = DC->getParent()) {
    if (const auto *FD = dyn_cast<FunctionDecl>(DC))
      if (FD->isTemplateInstantiation())
        return true;
    if (const auto *CTSD = dyn_cast<ClassTemplateSpecializationDecl>(DC))
      if (isTemplateInstantiation(CTSD->getTemplateSpecializationKind()))
        return true;
  }
  return false;
}

// The loops between N and the function (or lambda) it is in, innermost
// first, and that function's body and declaration context.
struct Enclosing {
  llvm::SmallVector<const Stmt *, 4> Loops;
  const Stmt *Body = nullptr;
  const DeclContext *DC = nullptr;
  bool InLambda = false;
};

Enclosing enclosingOf(const Stmt &N, ASTContext &Ctx) {
  Enclosing R;
  DynTypedNode Cur = DynTypedNode::create(N);
  while (true) {
    auto Parents = utils::parentsOf(Ctx, Cur);
    if (Parents.empty())
      return R;
    const DynTypedNode &P = Parents[0];
    if (const auto *S = P.get<Stmt>()) {
      if (const auto *LE = dyn_cast<LambdaExpr>(S)) {
        R.Body = LE->getBody();
        R.DC = LE->getCallOperator();
        R.InLambda = true;
        return R;
      }
      if (mu::isLoopStmt(*S))
        R.Loops.push_back(S);
    } else if (const auto *FD = P.get<FunctionDecl>()) {
      R.Body = FD->getBody();
      R.DC = FD;
      return R;
    } else if (P.get<Decl>() && !P.get<VarDecl>()) {
      return R; // a global initializer, a block, ...
    }
    Cur = P;
  }
}

bool isWithin(SourceLocation Loc, const Stmt &S, const SourceManager &SM) {
  Loc = SM.getExpansionLoc(Loc);
  return !SM.isBeforeInTranslationUnit(Loc,
                                       SM.getExpansionLoc(S.getBeginLoc())) &&
         !SM.isBeforeInTranslationUnit(SM.getExpansionLoc(S.getEndLoc()), Loc);
}

// Keeps the loops that do not contain the declaration of D.
void trimToDecl(llvm::SmallVectorImpl<const Stmt *> &Loops, const ValueDecl &D,
                const SourceManager &SM) {
  if (!isa<VarDecl>(D))
    return;
  for (unsigned I = 0; I < Loops.size(); ++I)
    if (isWithin(D.getLocation(), *Loops[I], SM)) {
      Loops.resize(I);
      return;
    }
}

// The growth call a container reference is the object of, if any.
const Expr *callOfObject(const Expr &Ref, ASTContext &Ctx) {
  const Stmt *Cur = &Ref;
  while (true) {
    auto Parents = utils::parentsOf(Ctx, *Cur);
    if (Parents.empty())
      return nullptr;
    const Stmt *P = Parents[0].get<Stmt>();
    if (!P)
      return nullptr;
    if (isa<ImplicitCastExpr, ParenExpr>(P)) {
      Cur = P;
      continue;
    }
    if (isa<MemberExpr>(P)) {
      auto PP = utils::parentsOf(Ctx, *P);
      if (!PP.empty())
        if (const auto *MC = PP[0].get<CXXMemberCallExpr>())
          return MC;
      return nullptr;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P))
      return Op;
    return nullptr;
  }
}

// The local object whose field \p E names, one level deep (`r.items`: r a
// local variable of class type, not a parameter, reference or static), or
// null.
const VarDecl *localBaseOf(const Expr &E) {
  const auto *ME = dyn_cast<MemberExpr>(E.IgnoreParenImpCasts());
  if (!ME || ME->isArrow() || !isa<FieldDecl>(ME->getMemberDecl()))
    return nullptr;
  const auto *DRE = dyn_cast<DeclRefExpr>(ME->getBase()->IgnoreParenImpCasts());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || isa<ParmVarDecl>(VD) || !VD->hasLocalStorage() ||
      VD->getType()->isReferenceType() || !VD->getType()->isRecordType())
    return nullptr;
  return VD;
}

// The container \p E names: getNamedContainer's variable or field of `this`
// when \p Base is null, else a field of the local object \p Base.
const ValueDecl *containerNamed(const Expr &E, const VarDecl *Base) {
  if (!Base)
    return mu::getNamedContainer(E);
  if (localBaseOf(E) != Base)
    return nullptr;
  return cast<MemberExpr>(E.IgnoreParenImpCasts())->getMemberDecl();
}

// Whether the node \p N is a reference to the container C (of Base).
bool namesContainer(const Stmt *N, const ValueDecl *C, const VarDecl *Base) {
  const auto *E = dyn_cast<Expr>(N);
  if (!E || !(isa<DeclRefExpr>(N) || isa<MemberExpr>(N)) ||
      containerNamed(*E, Base) != C)
    return false;
  return !(isa<DeclRefExpr>(N) && isa<FieldDecl>(C));
}

// The field access `r.f` that the reference \p Ref to a local object r is
// the base of, or null when r is used whole (passed, bound to a reference,
// its address taken, assigned, a member function called on it).
const MemberExpr *fieldAccessOf(const DeclRefExpr &Ref, ASTContext &Ctx) {
  const Stmt *Cur = &Ref;
  while (true) {
    auto Parents = utils::parentsOf(Ctx, *Cur);
    const Stmt *P = Parents.empty() ? nullptr : Parents[0].get<Stmt>();
    if (!P || !isa<ImplicitCastExpr, ParenExpr>(P)) {
      const auto *ME = dyn_cast_or_null<MemberExpr>(P);
      return ME && !ME->isArrow() && isa<FieldDecl>(ME->getMemberDecl())
                 ? ME
                 : nullptr;
    }
    Cur = P;
  }
}

// Whether \p S uses the local object \p Base whole (fieldAccessOf), which
// may change any of its fields.
bool usesWhole(const Stmt &S, const VarDecl *Base, ASTContext &Ctx) {
  bool Found = false;
  visitAll(&S, [&](const Stmt *N) {
    const auto *DRE = dyn_cast<DeclRefExpr>(N);
    Found |=
        !Found && DRE && DRE->getDecl() == Base && !fieldAccessOf(*DRE, Ctx);
  });
  return Found;
}

std::string methodName(const Expr &Call) {
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(&Call))
    if (const CXXMethodDecl *MD = MC->getMethodDecl())
      return MD->getDeclName().isIdentifier() ? MD->getName().str() : "";
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Call))
    return std::string("operator") + getOperatorSpelling(Op->getOperator());
  return "";
}

const Expr *objectOf(const Expr &Call) {
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(&Call))
    return MC->getImplicitObjectArgument();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Call))
    return Op->getNumArgs() ? Op->getArg(0) : nullptr;
  return nullptr;
}

// Whether Call adds exactly one element to a container of kind K; the
// arguments that make up the element (or key) are returned in Key.
bool isSingleElementGrowth(const Expr &Call, ContainerKind K, ASTContext &Ctx,
                           llvm::SmallVectorImpl<const Expr *> &Key) {
  std::string Name = methodName(Call);
  const auto *CE = cast<CallExpr>(&Call);
  unsigned First = isa<CXXOperatorCallExpr>(CE) ? 1 : 0;
  auto Args = llvm::ArrayRef(CE->getArgs() + First, CE->getNumArgs() - First);
  for (const Expr *A : Args)
    if (isInitializerList(A->getType()))
      return false;
  switch (K) {
  case CK_Vector:
    if (Name == "push_back" || Name == "emplace_back")
      return true;
    if (Name == "insert")
      return Args.size() == 2;
    return Name == "emplace" && !Args.empty();
  case CK_String: {
    if (Name == "push_back")
      return Args.size() == 1;
    if (Name == "operator+=")
      return Args.size() == 1 &&
             Args[0]->IgnoreParenImpCasts()->getType()->isAnyCharacterType();
    if (Name == "append" && Args.size() == 2) {
      Expr::EvalResult R;
      return Args[1]->IgnoreParenImpCasts()->getType()->isAnyCharacterType() &&
             Args[0]->EvaluateAsInt(R, Ctx) && R.Val.getInt() == 1;
    }
    return false;
  }
  case CK_Unordered: {
    // The key is what must change from one iteration to the next: the
    // first of a map's pair, a set's whole value.
    const CXXRecordDecl *RD = recordOf(objectOf(Call)->getType());
    bool IsMap = RD && RD->getName().contains("map");
    auto KeyOfPair = [&](const Expr *E) {
      const Expr *S = mu::stripCopies(E);
      if (const auto *CE = dyn_cast<CXXConstructExpr>(S))
        if (CE->getNumArgs() >= 2)
          return CE->getArg(0);
      if (const auto *ILE = dyn_cast<InitListExpr>(S))
        if (ILE->getNumInits() >= 2)
          return ILE->getInit(0);
      if (const auto *CE = dyn_cast<CallExpr>(S))
        if (const FunctionDecl *FD = CE->getDirectCallee())
          if (FD->isInStdNamespace() && FD->getDeclName().isIdentifier() &&
              FD->getName() == "make_pair" && CE->getNumArgs() == 2)
            return CE->getArg(0);
      return E;
    };
    if (Name == "insert" && Args.size() == 1) {
      Key.push_back(IsMap ? KeyOfPair(Args[0]) : Args[0]);
      return true;
    }
    if (Name == "emplace" && !Args.empty()) {
      if (!IsMap)
        Key.append(Args.begin(), Args.end());
      else
        Key.push_back(Args.size() >= 2 ? Args[0] : KeyOfPair(Args[0]));
      return true;
    }
    if ((Name == "try_emplace" || Name == "operator[]") && !Args.empty()) {
      Key.push_back(Args[0]);
      return true;
    }
    return false;
  }
  }
  return false;
}

bool refersToDecl(const Stmt *S, const ValueDecl *D) {
  bool Found = false;
  visitAll(S, [&](const Stmt *N) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(N))
      Found |= DRE->getDecl() == D;
    else if (const auto *ME = dyn_cast<MemberExpr>(N))
      Found |= ME->getMemberDecl() == D;
  });
  return Found;
}

// The whitespace before S on its line, or nullopt when S does not start its
// line (then a line inserted before S would not be a statement of its own).
std::optional<std::string> indentationOf(SourceLocation Loc,
                                         const SourceManager &SM) {
  if (Loc.isMacroID())
    return std::nullopt;
  auto [FID, Offset] = SM.getDecomposedLoc(Loc);
  bool Invalid = false;
  StringRef Buf = SM.getBufferData(FID, &Invalid);
  if (Invalid)
    return std::nullopt;
  size_t LineStart = Buf.rfind('\n', Offset == 0 ? 0 : Offset - 1);
  LineStart = LineStart == StringRef::npos ? 0 : LineStart + 1;
  StringRef Prefix = Buf.slice(LineStart, Offset);
  if (!Prefix.trim(" \t").empty())
    return std::nullopt;
  return Prefix.str();
}

bool parentIsBlock(const Stmt &S, ASTContext &Ctx) {
  auto Parents = utils::parentsOf(Ctx, S);
  return !Parents.empty() && Parents[0].get<CompoundStmt>();
}

bool isForwardIteratorTag(const CXXRecordDecl *RD) {
  if (!RD || !RD->hasDefinition())
    return false;
  RD = RD->getDefinition();
  if (RD->isInStdNamespace() && RD->getDeclName().isIdentifier() &&
      RD->getName() == "forward_iterator_tag")
    return true;
  for (const CXXBaseSpecifier &B : RD->bases())
    if (isForwardIteratorTag(B.getType()->getAsCXXRecordDecl()))
      return true;
  return false;
}

bool isForwardIterator(QualType T, ASTContext &Ctx) {
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isPointerType())
    return true;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  auto Found = RD->lookup(&Ctx.Idents.get("iterator_category"));
  for (const NamedDecl *ND : Found)
    if (const auto *TD = dyn_cast<TypedefNameDecl>(ND))
      return isForwardIteratorTag(
          TD->getUnderlyingType()->getAsCXXRecordDecl());
  return false;
}

// The argument of reserve() for a container that may already hold
// elements, or not. \p SumOperand: Count needs no parentheses as the right
// operand of +.
std::string reserveArgument(const std::string &Object, const std::string &Count,
                            bool SumOperand, bool MayHoldElements) {
  if (!MayHoldElements)
    return Count;
  return Object + ".size() + " + (SumOperand ? Count : "(" + Count + ")");
}

} // namespace

MissingReserveCheck::MissingReserveCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : ProfiledCheck(Name, Context), UserScope(Context),
      // Read as text: OptionsView's bool specialization is mangled
      // differently by GCC and Clang, and the host clang-tidy is built by
      // Clang.
      FlagConditionalGrowth(utils::parseBoolOption(
          Options.get("FlagConditionalGrowth", "false"), false)),
      MinIterations(Options.get("MinIterations", 16U)) {
  for (StringRef S : tidy::utils::options::parseStringList(
           Options.get("VectorLikeClasses", DefaultVectorLike)))
    VectorLikeClasses.push_back(S.str());
}

void MissingReserveCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  std::vector<StringRef> Refs(VectorLikeClasses.begin(),
                              VectorLikeClasses.end());
  Options.store(Opts, "VectorLikeClasses",
                tidy::utils::options::serializeStringList(Refs));
  Options.store(Opts, "FlagConditionalGrowth",
                utils::boolOptionText(FlagConditionalGrowth));
  Options.store(Opts, "MinIterations", MinIterations);
}

void MissingReserveCheck::onStartOfTranslationUnit() {
  Seen.clear();
  UsesCache.clear();
}

void MissingReserveCheck::registerMatchers(MatchFinder *Finder) {
  UserScope.registerMatchers(Finder);
  std::vector<StringRef> VectorNames = {"::std::vector"};
  for (const std::string &S : VectorLikeClasses)
    VectorNames.push_back(S);
  auto VectorLike = cxxRecordDecl(hasAnyName(VectorNames)).bind("vector");
  auto StringLike =
      cxxRecordDecl(hasName("::std::basic_string")).bind("string");
  auto Unordered =
      cxxRecordDecl(hasAnyName(UnorderedNames[0], UnorderedNames[1],
                               UnorderedNames[2], UnorderedNames[3]))
          .bind("unordered");
  auto Reservable = cxxRecordDecl(anyOf(VectorLike, StringLike, Unordered));
  // Through typedefs (std::string) and derived-to-base casts (SmallVector).
  auto OnReservable = on(hasType(
      hasUnqualifiedDesugaredType(recordType(hasDeclaration(Reservable)))));
  // "Inside a loop" is tested in check() through utils::parentsOf: a
  // hasAncestor matcher would build clang's parent map over the whole TU.
  auto NotSystem = unless(isExpansionInSystemHeader());

  Finder->addMatcher(
      cxxMemberCallExpr(
          NotSystem,
          callee(cxxMethodDecl(hasAnyName("push_back", "emplace_back", "insert",
                                          "emplace", "try_emplace", "append"))),
          OnReservable)
          .bind("grow"),
      this);
  Finder->addMatcher(
      cxxOperatorCallExpr(
          NotSystem, hasAnyOverloadedOperatorName("+=", "[]"),
          callee(cxxMethodDecl(ofClass(anyOf(StringLike, Unordered)))))
          .bind("grow"),
      this);
  Finder->addMatcher(
      cxxMemberCallExpr(NotSystem, callee(cxxMethodDecl(hasName("reserve"))),
                        OnReservable)
          .bind("reserve"),
      this);
  Finder->addMatcher(
      callExpr(
          NotSystem,
          callee(functionDecl(
              hasAnyName("::std::copy", "::std::copy_n", "::std::transform"))),
          hasAnyArgument(ignoringImplicit(
              callExpr(callee(functionDecl(hasName("::std::back_inserter"))))
                  .bind("inserter"))))
          .bind("algorithm"),
      this);
}

const MissingReserveCheck::FunctionUses &
MissingReserveCheck::usesIn(const Stmt &Body, ASTContext &Ctx) {
  auto It = UsesCache.find(&Body);
  if (It != UsesCache.end())
    return It->second;
  FunctionUses &Uses = UsesCache[&Body];
  visitAll(&Body, [&](const Stmt *N) {
    const ValueDecl *D = nullptr;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(N))
      D = dyn_cast<VarDecl>(DRE->getDecl());
    else if (const auto *ME = dyn_cast<MemberExpr>(N))
      D = mu::getNamedContainer(*ME);
    if (!D)
      return;
    bool Reserves = false;
    const Expr *Call = callOfObject(*cast<Expr>(N), Ctx);
    // Only as the object: `other = v` does not size v.
    if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(Call))
      if (Op->getNumArgs() == 0 || mu::getNamedContainer(*Op->getArg(0)) != D)
        Call = nullptr;
    if (Call) {
      std::string M = methodName(*Call);
      Reserves = M == "reserve" || M == "resize" || M == "assign" ||
                 M == "rehash" || M == "operator=";
    }
    Uses[D].push_back(
        {Ctx.getSourceManager().getExpansionLoc(N->getBeginLoc()), Reserves});
  });
  return Uses;
}

void MissingReserveCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  auto InLoop = [&](const Stmt &S, bool AnyLoop) {
    return utils::hasAncestorWhere(
        Ctx, DynTypedNode::create(S), [AnyLoop](const DynTypedNode &N) {
          return N.get<ForStmt>() || N.get<CXXForRangeStmt>() ||
                 (AnyLoop && (N.get<WhileStmt>() || N.get<DoStmt>()));
        });
  };
  if (const auto *Call = Result.Nodes.getNodeAs<Expr>("grow")) {
    if (!InLoop(*Call, /*AnyLoop=*/false))
      return;
    if (const Expr *Obj = objectOf(*Call))
      checkGrowth(*Call, *Obj, Ctx);
    return;
  }
  if (const auto *R = Result.Nodes.getNodeAs<CXXMemberCallExpr>("reserve")) {
    if (!InLoop(*R, /*AnyLoop=*/true))
      return;
    checkReserveInLoop(*R, Ctx);
    return;
  }
  if (const auto *A = Result.Nodes.getNodeAs<CallExpr>("algorithm"))
    if (const auto *I = Result.Nodes.getNodeAs<CallExpr>("inserter"))
      checkAlgorithm(*A, *I, Ctx);
}

static ContainerKind kindOf(const ValueDecl &D,
                            const std::vector<std::string> &VectorLike) {
  const CXXRecordDecl *RD = recordOf(D.getType());
  if (!RD)
    return CK_Vector;
  std::string Name = "::" + RD->getQualifiedNameAsString();
  for (const char *U : UnorderedNames)
    if (Name == U)
      return CK_Unordered;
  if (RD->isInStdNamespace() && RD->getName() == "basic_string")
    return CK_String;
  (void)VectorLike;
  return CK_Vector;
}

// One loop nest growing a container element by element: what a reserve
// before its outermost loop needs.
struct MissingReserveCheck::LoopGrowth {
  const ValueDecl *C = nullptr;
  // The local object C is a field of (`r` for `r.items`), or null when C is a
  // variable or a field of `this`.
  const VarDecl *Base = nullptr;
  ContainerKind Kind = CK_Vector;
  Enclosing Enc;
  const Stmt *Outer = nullptr;
  bool Conditional = false;
  std::string Count, Guard, Reason;
  // Atomic: Count needs no parentheses as an operand; Multiplicative: its
  // top-level operator is *, / or %.
  bool Atomic = true, Multiplicative = false, CountUnknown = false;
  // Iterations: the product of the trip counts; Elements: times the growth
  // sites per iteration. Meaningful when AllConstant.
  bool AllConstant = true, PlainNumber = false;
  uint64_t Iterations = 1, Elements = 1;
};

namespace {

// Every use of container C in the loop nest Outer: single-element growth in
// the innermost loop Inner, or reads. Returns the number of growth sites per
// iteration (0 when some use is anything else); sets Conditional when one is
// not unconditional.
unsigned growthSites(const ValueDecl *C, const VarDecl *Base,
                     ContainerKind Kind, const Enclosing &Enc,
                     llvm::ArrayRef<mu::LoopTripCount> Counts,
                     bool &Conditional, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const Stmt *Outer = Enc.Loops.back();
  const Stmt *Inner = Enc.Loops.front();
  unsigned Sites = 0;
  // A field of a local object changes with the object.
  bool Bail = Base && usesWhole(*Outer, Base, Ctx);
  visitAll(Outer, [&](const Stmt *N) {
    if (Bail)
      return;
    const auto *E = dyn_cast<Expr>(N);
    if (!E)
      return;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(N)) {
      // A non-const member function may change a field behind our back.
      if (!Base && isa<FieldDecl>(C) && MC->getImplicitObjectArgument() &&
          isa<CXXThisExpr>(
              MC->getImplicitObjectArgument()->IgnoreParenImpCasts()) &&
          MC->getMethodDecl() && !MC->getMethodDecl()->isConst() &&
          !MC->getMethodDecl()->isStatic())
        Bail = true;
      return;
    }
    if (!namesContainer(N, C, Base))
      return;
    std::string M;
    mu::ContainerUse U = mu::classifyContainerUse(*E, Ctx, &M);
    if (U == mu::ContainerUse::Read)
      return;
    const Expr *G = callOfObject(*E, Ctx);
    llvm::SmallVector<const Expr *, 2> GKey;
    if (U == mu::ContainerUse::SizeChange || !G ||
        !isSingleElementGrowth(*G, Kind, Ctx, GKey)) {
      Bail = true; // growth by an unknown number of elements
      return;
    }
    Enclosing GE = enclosingOf(*G, Ctx);
    // In a lambda, or grown at another nesting level.
    if ((GE.InLambda && GE.Body != Enc.Body) || GE.Loops.empty() ||
        GE.Loops.front() != Inner) {
      Bail = true;
      return;
    }
    if (!mu::isUnconditionalInLoop(*G, *Inner, Ctx) ||
        mu::findContinueBefore(*Inner, G->getBeginLoc(), SM))
      Conditional = true;
    // A hash container grows only with keys that change every iteration.
    if (Kind == CK_Unordered)
      for (const mu::LoopTripCount &TC : Counts) {
        bool Varies = false;
        for (const Expr *K : GKey)
          Varies |= TC.LoopVar && refersToDecl(K, TC.LoopVar);
        if (!Varies) {
          Bail = true;
          return;
        }
      }
    ++Sites;
  });
  return Bail ? 0 : Sites;
}

// The product of the trip counts, outermost first, spelled into G.
void spellCount(llvm::ArrayRef<mu::LoopTripCount> Counts, unsigned Sites,
                MissingReserveCheck::LoopGrowth &G) {
  bool AllNumbers = true, Reevaluable = true;
  unsigned Factors = 0;
  for (int I = Counts.size() - 1; I >= 0; --I) {
    const mu::LoopTripCount &TC = Counts[I];
    if (G.AllConstant && TC.Constant)
      G.Iterations *= *TC.Constant;
    else
      G.AllConstant = false;
    AllNumbers &= TC.Constant && TC.Spelling == std::to_string(*TC.Constant);
    if (!TC.Reevaluable && Reevaluable) {
      Reevaluable = false;
      G.Reason = TC.Reason;
    }
    if (!TC.Guard.empty())
      G.Guard += (G.Guard.empty() ? "" : " && ") + TC.Guard;
    G.CountUnknown |= TC.Spelling.empty();
    bool Paren = Counts.size() > 1 && !TC.Atomic;
    std::string Part = Paren ? "(" + TC.Spelling + ")" : TC.Spelling;
    if (Counts.size() > 1 && TC.Constant && *TC.Constant == 1)
      continue;
    G.Count += (G.Count.empty() ? "" : " * ") + Part;
    ++Factors;
    G.Atomic = Factors == 1 && (Paren || TC.Atomic);
    G.Multiplicative = Factors > 1 || (!Paren && TC.Multiplicative);
  }
  // Constant factors that are all plain numbers: spell the product once (a
  // named constant reads better than its value, so kRows * kCols is kept).
  if (G.AllConstant && AllNumbers && Counts.size() > 1)
    G.Count = std::to_string(G.Iterations), G.Atomic = true,
    G.Multiplicative = false;
  if (G.Count.empty()) // every factor is 1
    G.Count = "1", G.Atomic = true, G.Multiplicative = false;
  if (Sites > 1) {
    G.Count = std::to_string(Sites) + " * " +
              (G.Atomic ? G.Count : "(" + G.Count + ")");
    G.Atomic = false;
    G.Multiplicative = true;
  }
  G.Elements = G.Iterations * Sites;
  G.PlainNumber = G.AllConstant && G.Count == std::to_string(G.Elements);
}

// The first single-element growth call of C inside S, if any.
const Expr *firstGrowthCall(const Stmt &S, const ValueDecl *C,
                            const VarDecl *Base, ASTContext &Ctx) {
  const Expr *Found = nullptr;
  visitAll(&S, [&](const Stmt *N) {
    if (Found || !namesContainer(N, C, Base))
      return;
    const auto *E = cast<Expr>(N);
    if (mu::classifyContainerUse(*E, Ctx) == mu::ContainerUse::Grow)
      Found = callOfObject(*E, Ctx);
  });
  return Found;
}

// Whether every use of C in S leaves its size alone.
bool onlyReads(const Stmt &S, const ValueDecl *C, const VarDecl *Base,
               ASTContext &Ctx) {
  bool Reads = !(Base && usesWhole(S, Base, Ctx));
  visitAll(&S, [&](const Stmt *N) {
    if (!Reads || !namesContainer(N, C, Base))
      return;
    Reads =
        mu::classifyContainerUse(*cast<Expr>(N), Ctx) == mu::ContainerUse::Read;
  });
  return Reads;
}

// The loops in (or being) S whose body grows C.
llvm::SmallVector<const Stmt *, 2> loopsGrowing(const Stmt &S,
                                                const ValueDecl *C,
                                                const VarDecl *Base,
                                                ASTContext &Ctx) {
  llvm::SmallVector<const Stmt *, 2> Loops;
  visitAll(&S, [&](const Stmt *N) {
    if (mu::isLoopStmt(*N) && firstGrowthCall(*N, C, Base, Ctx))
      Loops.push_back(N);
  });
  return Loops;
}

// The sum of the counts of a run of loops, each part parenthesized unless
// it is atomic or multiplicative.
MissingReserveCheck::LoopGrowth
sumOf(llvm::ArrayRef<MissingReserveCheck::LoopGrowth> Run) {
  MissingReserveCheck::LoopGrowth Sum = Run.front();
  if (Run.size() == 1)
    return Sum;
  Sum.Count.clear();
  Sum.Guard.clear();
  Sum.Iterations = Sum.Elements = 0;
  bool AllPlain = true;
  for (const MissingReserveCheck::LoopGrowth &G : Run) {
    bool Bare = G.Atomic || G.Multiplicative;
    Sum.Count += (Sum.Count.empty() ? "" : " + ") +
                 (Bare ? G.Count : "(" + G.Count + ")");
    if (!G.Guard.empty())
      Sum.Guard += (Sum.Guard.empty() ? "" : " && ") + G.Guard;
    if (Sum.Reason.empty())
      Sum.Reason = G.Reason;
    Sum.Conditional |= G.Conditional;
    Sum.CountUnknown |= G.CountUnknown;
    Sum.AllConstant &= G.AllConstant;
    AllPlain &= G.PlainNumber;
    Sum.Iterations += G.Iterations;
    Sum.Elements += G.Elements;
  }
  Sum.Atomic = Sum.Multiplicative = false;
  if (Sum.AllConstant && AllPlain)
    Sum.Count = std::to_string(Sum.Elements), Sum.Atomic = true;
  return Sum;
}

} // namespace

std::optional<MissingReserveCheck::LoopGrowth>
MissingReserveCheck::analyzeGrowth(const Expr &Call, const Expr &Object,
                                   ASTContext &Ctx,
                                   const Stmt *InvariantScope) {
  const SourceManager &SM = Ctx.getSourceManager();
  LoopGrowth G;
  G.C = mu::getNamedContainer(Object);
  if (!G.C && (G.Base = localBaseOf(Object)))
    G.C = cast<MemberExpr>(Object.IgnoreParenImpCasts())->getMemberDecl();
  if (!G.C || Object.getType()->isPointerType())
    return std::nullopt;
  if (const auto *VD = dyn_cast<VarDecl>(G.C))
    if (!VD->hasLocalStorage())
      return std::nullopt; // globals and statics may change behind our back
  G.Kind = kindOf(*G.C, VectorLikeClasses);
  llvm::SmallVector<const Expr *, 2> Key;
  if (!isSingleElementGrowth(Call, G.Kind, Ctx, Key))
    return std::nullopt;
  G.Enc = enclosingOf(Call, Ctx);
  if (!G.Enc.Body)
    return std::nullopt;
  const ValueDecl &Declared = G.Base ? *G.Base : *G.C;
  if (G.Enc.InLambda && isa<VarDecl>(Declared) &&
      !isWithin(Declared.getLocation(), *G.Enc.Body, SM))
    return std::nullopt; // captured: the lambda may run any number of times
  trimToDecl(G.Enc.Loops, Declared, SM);
  if (G.Enc.Loops.empty())
    return std::nullopt; // declared inside the loop: allocation-in-loop's
  G.Outer = G.Enc.Loops.back();

  // Every loop from the growth out to the outermost one runs a known number
  // of times, fixed for the whole of the outermost loop (of InvariantScope
  // when given), and none can end early.
  llvm::SmallVector<mu::LoopTripCount, 4> Counts;
  for (unsigned I = 0; I < G.Enc.Loops.size(); ++I) {
    const Stmt *L = G.Enc.Loops[I];
    auto TC = mu::getLoopTripCount(*L, Ctx,
                                   InvariantScope ? InvariantScope : G.Outer);
    if (!TC || mu::findEarlyExit(*L))
      return std::nullopt;
    if (TC->Range && containerNamed(*TC->Range, G.Base) == G.C)
      return std::nullopt; // iterating over the container being grown
    if (I + 1 < G.Enc.Loops.size()) {
      const Stmt *Parent = G.Enc.Loops[I + 1];
      if (!mu::isUnconditionalInLoop(*L, *Parent, Ctx) ||
          mu::findContinueBefore(*Parent, L->getBeginLoc(), SM))
        G.Conditional = true;
    }
    Counts.push_back(std::move(*TC));
  }
  unsigned Sites =
      growthSites(G.C, G.Base, G.Kind, G.Enc, Counts, G.Conditional, Ctx);
  if (Sites == 0 || (G.Conditional && !FlagConditionalGrowth))
    return std::nullopt;
  spellCount(Counts, Sites, G);
  return G;
}

bool MissingReserveCheck::growsUnreserved(const Stmt &S, const LoopGrowth &G,
                                          ASTContext &Ctx) {
  for (const Stmt *L : loopsGrowing(S, G.C, G.Base, Ctx)) {
    const Expr *Call = firstGrowthCall(*L, G.C, G.Base, Ctx);
    const Expr *Obj = objectOf(*Call);
    if (!Obj || !analyzeGrowth(*Call, *Obj, Ctx, nullptr))
      return true;
  }
  return false;
}

std::optional<MissingReserveCheck::LoopGrowth>
MissingReserveCheck::runMember(const Stmt &S, const LoopGrowth &G,
                               const GrowthRun &R, const Stmt &Block,
                               ASTContext &Ctx) {
  if (&S == G.Outer && R.Loops.empty())
    return G;
  if (!mu::isLoopStmt(S))
    return std::nullopt;
  const Expr *Call = firstGrowthCall(S, G.C, G.Base, Ctx);
  const Expr *Obj = Call ? objectOf(*Call) : nullptr;
  if (!Obj)
    return std::nullopt;
  // A later loop's count must be the same before the first loop.
  std::optional<LoopGrowth> LG =
      analyzeGrowth(*Call, *Obj, Ctx, R.Loops.empty() ? nullptr : &Block);
  // A guarded count joins only as the first: joined guards would drop the
  // whole reserve when one loop does not run.
  if (!LG || LG->Outer != &S || LG->C != G.C || LG->Base != G.Base ||
      (!R.Loops.empty() && !LG->Guard.empty()))
    return std::nullopt;
  return LG;
}

std::optional<MissingReserveCheck::GrowthRun>
MissingReserveCheck::runOf(const LoopGrowth &G, ASTContext &Ctx) {
  auto Parents = utils::parentsOf(Ctx, *G.Outer);
  const auto *Block =
      Parents.empty() ? nullptr : Parents[0].get<CompoundStmt>();
  if (!Block)
    return std::nullopt;
  // Statements of the block in order: loops that grow C with a count known
  // before the first of them join the run; statements that only read C (or
  // do not name it) leave it going; anything else ends it. After the run, a
  // loop growing C without a reserve of its own makes the run's reserve its
  // share only.
  GrowthRun R;
  bool Found = false, Ended = false;
  for (const Stmt *S : Block->body()) {
    if (!refersToDecl(S, G.Base ? G.Base : G.C))
      continue;
    if (Ended) {
      R.GrownLater |= growsUnreserved(*S, G, Ctx);
      continue;
    }
    if (std::optional<LoopGrowth> LG = runMember(*S, G, R, *Block, Ctx)) {
      R.Loops.push_back(std::move(*LG));
      Found |= S == G.Outer;
    } else if (S == G.Outer) { // cannot join the run before it
      R.Loops.assign(1, G);
      Found = true;
    } else if (onlyReads(*S, G.C, G.Base, Ctx)) {
      continue;
    } else if (Found) {
      Ended = true;
      R.GrownLater |= growsUnreserved(*S, G, Ctx);
    } else {
      R.Loops.clear();
    }
  }
  return Found ? std::optional<GrowthRun>(std::move(R)) : std::nullopt;
}

// Whether C may hold elements when Before starts (it does unless it is a
// default-constructed local not used before), or nullopt when it is
// reserved, resized or assigned before: the author sized it.
static std::optional<bool>
mayHoldElementsBefore(const ValueDecl &C, const Stmt &Before,
                      const MissingReserveCheck::FunctionUses &Uses,
                      const SourceManager &SM) {
  SourceLocation Loc = SM.getExpansionLoc(Before.getBeginLoc());
  auto UIt = Uses.find(&C);
  bool UsedBefore = false;
  if (UIt != Uses.end())
    for (const MissingReserveCheck::Use &U : UIt->second)
      if (SM.isBeforeInTranslationUnit(U.Loc, Loc)) {
        if (U.ReservesOrResizes)
          return std::nullopt;
        UsedBefore = true;
      }
  const auto *VD = dyn_cast<VarDecl>(&C);
  if (!VD || isa<ParmVarDecl>(VD) || VD->getType()->isReferenceType())
    return true;
  const Expr *Init = VD->getInit() ? mu::stripCopies(VD->getInit()) : nullptr;
  const auto *CE = dyn_cast_or_null<CXXConstructExpr>(Init);
  return !(CE && CE->getNumArgs() == 0) || UsedBefore;
}

// Whether a default-initialized \p Base starts with its field \p F empty: no
// user-provided constructor and no default member initializer could fill it.
static bool startsEmpty(const FieldDecl &F, const VarDecl &Base) {
  const Expr *Init = Base.getInit() ? mu::stripCopies(Base.getInit()) : nullptr;
  const auto *CE = dyn_cast_or_null<CXXConstructExpr>(Init);
  return CE && CE->getNumArgs() == 0 &&
         !CE->getConstructor()->isUserProvided() && !F.hasInClassInitializer();
}

// mayHoldElementsBefore for the field \p F of the local object \p Base: also
// nullopt when Base is used whole (fieldAccessOf) before \p Before: passed
// to a function or its address taken, it may be filled anywhere.
static std::optional<bool> memberMayHoldElementsBefore(const FieldDecl &F,
                                                       const VarDecl &Base,
                                                       const Stmt &Before,
                                                       const Stmt &Body,
                                                       ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = SM.getExpansionLoc(Before.getBeginLoc());
  bool UsedBefore = false, Unknown = false;
  visitAll(&Body, [&](const Stmt *N) {
    const auto *DRE = dyn_cast<DeclRefExpr>(N);
    if (Unknown || !DRE || DRE->getDecl() != &Base ||
        !SM.isBeforeInTranslationUnit(SM.getExpansionLoc(DRE->getBeginLoc()),
                                      Loc))
      return;
    const MemberExpr *ME = fieldAccessOf(*DRE, Ctx);
    if (!ME) {
      Unknown = true;
      return;
    }
    if (ME->getMemberDecl() != &F)
      return;
    UsedBefore = true;
    if (const Expr *Call = callOfObject(*ME, Ctx)) {
      std::string M = methodName(*Call);
      Unknown = M == "reserve" || M == "resize" || M == "assign" ||
                M == "rehash" || M == "operator=";
    }
  });
  if (Unknown)
    return std::nullopt;
  return UsedBefore || !startsEmpty(F, Base);
}

void MissingReserveCheck::checkGrowth(const Expr &Call, const Expr &Object,
                                      ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::optional<LoopGrowth> G = analyzeGrowth(Call, Object, Ctx, nullptr);
  if (!G)
    return;
  auto Key2 = std::make_pair(
      SM.getExpansionLoc((G->Base ? G->Base : G->C)->getLocation())
          .getRawEncoding(),
      SM.getExpansionLoc(G->Outer->getBeginLoc()).getRawEncoding());
  if (!Seen.insert(Key2).second)
    return;
  std::optional<GrowthRun> Run = runOf(*G, Ctx);
  if (!Run)
    Run.emplace().Loops.push_back(*G);
  // A later loop of the run is reported with the first one.
  if (Run->Loops.front().Outer != G->Outer)
    return;
  emitGrowth(Call, Object, *Run, Ctx);
}

void MissingReserveCheck::emitGrowth(const Expr &Call, const Expr &Object,
                                     const GrowthRun &Run, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  LoopGrowth Sum = sumOf(Run.Loops);
  const ValueDecl *C = Sum.C;
  const Stmt *Outer = Sum.Outer;
  if (Sum.AllConstant && Sum.Iterations < MinIterations)
    return;

  // Reserved or resized before the loop already: the author sized it.
  std::optional<bool> MayHold =
      Sum.Base
          ? memberMayHoldElementsBefore(*cast<FieldDecl>(C), *Sum.Base, *Outer,
                                        *Sum.Enc.Body, Ctx)
          : mayHoldElementsBefore(*C, *Outer, usesIn(*Sum.Enc.Body, Ctx), SM);
  if (!MayHold)
    return;
  bool MayHoldElements = *MayHold;
  // An empty string that never outgrows its inline buffer never allocates.
  if (Sum.Kind == CK_String && Sum.AllConstant && !MayHoldElements)
    if (const CXXRecordDecl *RD = recordOf(C->getType());
        RD && Sum.Elements <= mu::smallStringCapacity(*RD))
      return;

  std::string ObjText = mu::getSourceText(Object, Ctx);
  std::string Arg = reserveArgument(
      ObjText, Sum.Count, Sum.Atomic || Sum.Multiplicative, MayHoldElements);

  // Why a fix cannot be offered, if it cannot.
  std::string Reason = Sum.Reason;
  std::optional<std::string> Indent;
  if (Call.getBeginLoc().isMacroID() || Outer->getBeginLoc().isMacroID() ||
      Object.getBeginLoc().isMacroID() || ObjText.empty()) {
    Reason = "the code is inside a macro expansion";
  } else if (!Reason.empty()) {
  } else if (isTemplateInstantiationContext(Sum.Enc.DC)) {
    Reason = "the spelled types may differ between template instantiations";
  } else if (!parentIsBlock(*Outer, Ctx) ||
             !(Indent = indentationOf(Outer->getBeginLoc(), SM))) {
    Reason = "the loop is not a statement of its own in a block";
  } else if (Run.GrownLater) {
    Reason = "a later loop grows '" + C->getNameAsString() +
             "' further by a count that is not known before this one";
  }

  static const char *const Message =
      "'%0' %select{grows|may grow}1 by '%2' on every iteration of a loop "
      "with a known trip count, %select{reallocating and moving its "
      "elements|reallocating and copying its characters|rehashing it}3 "
      "repeatedly; %select{reserve its capacity|reserve the upper bound}1 "
      "before the loop";
  std::string Name = (Sum.Base ? Sum.Base->getNameAsString() + "." : "") +
                     C->getNameAsString();
  // The growth call also allocates what it stores (a string copy, a
  // make_unique): the reserve removes only the container's own regrowths.
  std::vector<memlint::utils::AllocationSite> Sites;
  llvm::StringRef Family = memlint::utils::allocationFamily(C->getType());
  if (!Family.empty())
    Sites.push_back({Call.getBeginLoc(), Family.str()});
  claimAllocations(Sites);
  {
    auto D = diag(Call.getBeginLoc(), Message)
             << Name << (Sum.Conditional ? 1 : 0) << methodName(Call)
             << static_cast<int>(Sum.Kind);
    if (Reason.empty() && Indent) {
      std::string Stmt = ObjText + ".reserve(" + Arg + ");";
      if (!Sum.Guard.empty())
        Stmt = "if (" + Sum.Guard + ") " + Stmt;
      D << FixItHint::CreateInsertion(Outer->getBeginLoc(),
                                      Stmt + "\n" + *Indent);
    }
  }
  memlint::utils::noteAllocationsRemovedHere(*this, Sites);
  for (const LoopGrowth &Next : llvm::drop_begin(Run.Loops))
    diag(Next.Outer->getBeginLoc(),
         "'%0' grows by '%1' in this loop too; one reserve of the sum before "
         "the first loop covers both",
         DiagnosticIDs::Note)
        << Name << Next.Count;
  if (!Reason.empty())
    diag(Outer->getBeginLoc(),
         "reserve %select{'%1'|its capacity}0 before this loop; not fixed "
         "automatically because %2",
         DiagnosticIDs::Note)
        << Sum.CountUnknown << Arg << Reason;
}

void MissingReserveCheck::checkReserveInLoop(const CXXMemberCallExpr &Call,
                                             ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const Expr *Object = Call.getImplicitObjectArgument();
  const ValueDecl *C = Object ? mu::getNamedContainer(*Object) : nullptr;
  if (!C || Call.getNumArgs() != 1 || Object->getType()->isPointerType())
    return;
  if (const auto *VD = dyn_cast<VarDecl>(C))
    if (!VD->hasLocalStorage())
      return;
  Enclosing Enc = enclosingOf(Call, Ctx);
  if (!Enc.Body)
    return;
  if (Enc.InLambda && isa<VarDecl>(C) &&
      !isWithin(C->getLocation(), *Enc.Body, SM))
    return;
  trimToDecl(Enc.Loops, *C, SM);
  if (Enc.Loops.empty())
    return;
  const Stmt *Outer = Enc.Loops.back();
  auto Key2 = std::make_pair(
      SM.getExpansionLoc(Call.getBeginLoc()).getRawEncoding(), 0U);
  if (!Seen.insert(Key2).second)
    return;

  // Only a container that keeps growing across iterations: a reserve after
  // clear() (reusing a buffer) is fine.
  unsigned Grows = 0, Reserves = 0;
  bool Bail = false;
  visitAll(Outer, [&](const Stmt *N) {
    const auto *E = dyn_cast<Expr>(N);
    if (!E || !(isa<DeclRefExpr>(N) || isa<MemberExpr>(N)) ||
        mu::getNamedContainer(*E) != C ||
        (isa<DeclRefExpr>(N) && isa<FieldDecl>(C)))
      return;
    std::string M;
    mu::ContainerUse U = mu::classifyContainerUse(*E, Ctx, &M);
    if (U == mu::ContainerUse::Grow)
      ++Grows;
    else if (U == mu::ContainerUse::SizeChange) {
      if (M == "reserve")
        ++Reserves;
      else
        Bail = true;
    }
  });
  if (Bail || Grows == 0)
    return;
  // A conditional reserve (`if (v.capacity() < need) v.reserve(2 * need)`)
  // is usually growth management written on purpose.
  for (unsigned I = 0; I < Enc.Loops.size(); ++I) {
    const Stmt *Inside =
        I == 0 ? static_cast<const Stmt *>(&Call) : Enc.Loops[I - 1];
    if (!mu::isUnconditionalInLoop(*Inside, *Enc.Loops[I], Ctx))
      return;
  }

  const Expr *Arg = Call.getArg(0);
  std::string Reason;
  bool Hoistable = Reserves == 1 && mu::isLoopInvariant(*Arg, *Outer, Ctx) &&
                   !refersToDecl(Arg, C);
  const Stmt *Full = mu::getEnclosingFullStatement(Call, Ctx);
  std::optional<std::string> Indent;
  if (!Hoistable)
    Reason = "the requested capacity changes from one iteration to the next; "
             "compute the total and reserve it once before the loop";
  else if (Call.getBeginLoc().isMacroID() || Outer->getBeginLoc().isMacroID())
    Reason = "the code is inside a macro expansion";
  else if (isTemplateInstantiationContext(Enc.DC))
    Reason = "the spelled types may differ between template instantiations";
  else if (!Full || !parentIsBlock(*Outer, Ctx) ||
           !(Indent = indentationOf(Outer->getBeginLoc(), SM)))
    Reason = "the loop is not a statement of its own in a block";

  std::string ObjText = mu::getSourceText(*Object, Ctx);
  std::string ArgText = mu::getSourceText(*Arg, Ctx);
  if (Reason.empty() && (ObjText.empty() || ArgText.empty()))
    Reason = "the code is inside a macro expansion";
  // Remove the statement (and its line when it is alone there), insert it
  // before the outermost loop.
  std::optional<CharSourceRange> Removal;
  if (Reason.empty()) {
    std::optional<Token> Semi =
        Lexer::findNextToken(Call.getEndLoc(), SM, Ctx.getLangOpts());
    if (Semi && Semi->is(tok::semi)) {
      SourceLocation Begin = Full->getBeginLoc();
      SourceLocation End = Semi->getEndLoc();
      auto [FID, EndOff] = SM.getDecomposedLoc(End);
      StringRef Buf = SM.getBufferData(FID);
      size_t NL = Buf.find('\n', EndOff);
      std::optional<std::string> StmtIndent = indentationOf(Begin, SM);
      if (StmtIndent && NL != StringRef::npos &&
          Buf.slice(EndOff, NL).trim(" \t").empty()) {
        Begin = Begin.getLocWithOffset(-static_cast<int>(StmtIndent->size()));
        End = End.getLocWithOffset(NL - EndOff);
        Begin = Begin.getLocWithOffset(-1); // from the previous newline
      }
      Removal = CharSourceRange::getCharRange(Begin, End);
    } else {
      Reason = "the call is not a statement of its own in a block";
    }
  }
  {
    auto D = diag(Call.getBeginLoc(),
                  "'%0.reserve()' runs on every iteration of the loop, which "
                  "defeats the geometric growth of '%0' and can make filling "
                  "it quadratic; reserve the total once before the loop")
             << C->getNameAsString()
             // Without a range of its own, clangd underlines the removal,
             // which starts at the end of the previous line.
             << Call.getSourceRange();
    if (Removal)
      D << FixItHint::CreateInsertion(Outer->getBeginLoc(),
                                      ObjText + ".reserve(" + ArgText + ");\n" +
                                          *Indent)
        << FixItHint::CreateRemoval(*Removal);
  }
  if (!Reason.empty())
    diag(Call.getBeginLoc(), "not fixed automatically because %0",
         DiagnosticIDs::Note)
        << Reason;
}

void MissingReserveCheck::checkAlgorithm(const CallExpr &Call,
                                         const CallExpr &Inserter,
                                         ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const FunctionDecl *FD = Call.getDirectCallee();
  if (!FD || Inserter.getNumArgs() != 1)
    return;
  StringRef Algo = FD->getName();
  unsigned N = Call.getNumArgs();
  unsigned OutIndex;
  if ((Algo == "copy" || Algo == "copy_n") && N == 3)
    OutIndex = 2;
  else if (Algo == "transform" && (N == 4 || N == 5))
    OutIndex = N - 2;
  else
    return;
  if (mu::stripCopies(Call.getArg(OutIndex)) != &Inserter)
    return;
  const Expr *Object = Inserter.getArg(0);
  const ValueDecl *C = mu::getNamedContainer(*Object);
  if (!C || Object->getType()->isPointerType())
    return;
  if (const auto *VD = dyn_cast<VarDecl>(C))
    if (!VD->hasLocalStorage())
      return;
  const CXXRecordDecl *RD = recordOf(C->getType());
  if (!RD)
    return;
  {
    std::string QN = "::" + RD->getQualifiedNameAsString();
    bool Known = QN == "::std::vector" ||
                 (RD->isInStdNamespace() && RD->getName() == "basic_string");
    for (const std::string &V : VectorLikeClasses)
      Known |= QN == V;
    if (!Known)
      return;
  }
  Enclosing Enc = enclosingOf(Call, Ctx);
  if (!Enc.Body)
    return;
  trimToDecl(Enc.Loops, *C, SM);
  if (!Enc.Loops.empty())
    return; // a reserve per iteration would be the next problem
  if (Enc.InLambda && isa<VarDecl>(C) &&
      !isWithin(C->getLocation(), *Enc.Body, SM))
    return;
  auto Key2 = std::make_pair(
      SM.getExpansionLoc(Call.getBeginLoc()).getRawEncoding(), 1U);
  if (!Seen.insert(Key2).second)
    return;

  // The number of elements written.
  std::string Count, Guard, Reason;
  std::optional<uint64_t> Constant;
  bool Atomic = true, SumOperand = true;
  const Expr *First = Call.getArg(0);
  if (refersToDecl(First, C))
    return;
  if (Algo == "copy_n") {
    const Expr *Num = Call.getArg(1)->IgnoreParenImpCasts();
    Expr::EvalResult R;
    if (!Num->isValueDependent() && Num->EvaluateAsInt(R, Ctx)) {
      if (R.Val.getInt().isNegative())
        return;
      Constant = R.Val.getInt().getLimitedValue();
    }
    Count = mu::getSourceText(*Num, Ctx);
    Atomic = isa<DeclRefExpr, IntegerLiteral, CallExpr, MemberExpr>(Num);
    const auto *BO = dyn_cast<BinaryOperator>(Num);
    SumOperand = Atomic || (BO && BO->isMultiplicativeOp());
    if (!Constant && !Num->getType()->isUnsignedIntegerType())
      Guard = (Atomic ? Count : "(" + Count + ")") + " > 0";
    if (refersToDecl(Num, C))
      return;
    if (!mu::isReevaluable(*Num))
      Reason = "'" + Count + "' cannot be evaluated a second time";
  } else {
    const Expr *Last = Call.getArg(1);
    if (refersToDecl(Last, C))
      return;
    const auto *B = dyn_cast<CXXMemberCallExpr>(mu::stripCopies(First));
    const auto *E = dyn_cast<CXXMemberCallExpr>(mu::stripCopies(Last));
    auto Named = [](const CXXMemberCallExpr *M, bool End) {
      if (!M || !M->getMethodDecl() || M->getNumArgs() != 0 ||
          !M->getMethodDecl()->getDeclName().isIdentifier())
        return false;
      StringRef Nm = M->getMethodDecl()->getName();
      return End ? Nm == "end" || Nm == "cend"
                 : Nm == "begin" || Nm == "cbegin";
    };
    if (!isForwardIterator(mu::stripCopies(First)->getType(), Ctx))
      return; // an input range: its length is unknown
    if (Named(B, false) && Named(E, true) &&
        mu::getSourceText(*B->getImplicitObjectArgument(), Ctx) ==
            mu::getSourceText(*E->getImplicitObjectArgument(), Ctx) &&
        recordOf(B->getImplicitObjectArgument()->getType()) &&
        !mu::getSourceText(*B->getImplicitObjectArgument(), Ctx).empty()) {
      const Expr *Obj = B->getImplicitObjectArgument();
      const auto *ME = cast<MemberExpr>(B->getCallee()->IgnoreParens());
      Count = mu::getSourceText(*Obj, Ctx) + (ME->isArrow() ? "->" : ".") +
              "size()";
      if (!mu::isReevaluable(*Obj->IgnoreParenImpCasts()))
        Reason = "'" + mu::getSourceText(*Obj, Ctx) +
                 "' would be evaluated a second time";
    } else {
      std::string F = mu::getSourceText(*First, Ctx),
                  L = mu::getSourceText(*Last, Ctx);
      Count = "std::distance(" + F + ", " + L + ")";
      if (F.empty() || L.empty())
        Reason = "the iterators are spelled inside a macro expansion";
      else if (!mu::isReevaluable(*mu::stripCopies(First)) ||
               !mu::isReevaluable(*mu::stripCopies(Last)))
        Reason = "the iterators cannot be evaluated a second time";
    }
  }
  if (Constant && *Constant < MinIterations)
    return;

  const FunctionUses &Uses = usesIn(*Enc.Body, Ctx);
  SourceLocation CallLoc = SM.getExpansionLoc(Call.getBeginLoc());
  bool MayHoldElements = true;
  auto UIt = Uses.find(C);
  if (UIt != Uses.end())
    for (const Use &U : UIt->second)
      if (U.ReservesOrResizes && SM.isBeforeInTranslationUnit(U.Loc, CallLoc))
        return;
  if (const auto *VD = dyn_cast<VarDecl>(C)) {
    const Expr *Init = VD->getInit() ? mu::stripCopies(VD->getInit()) : nullptr;
    const auto *CE = dyn_cast_or_null<CXXConstructExpr>(Init);
    if (!isa<ParmVarDecl>(VD) && !VD->getType()->isReferenceType() && CE &&
        CE->getNumArgs() == 0) {
      MayHoldElements = false;
      if (UIt != Uses.end())
        for (const Use &U : UIt->second)
          if (SM.isBeforeInTranslationUnit(U.Loc, CallLoc))
            MayHoldElements = true;
    }
  }
  std::string ObjText = mu::getSourceText(*Object, Ctx);
  std::string Arg =
      reserveArgument(ObjText, Count, SumOperand, MayHoldElements);
  const Stmt *Full = mu::getEnclosingFullStatement(Call, Ctx);
  std::optional<std::string> Indent;
  if (!Reason.empty()) {
  } else if (Call.getBeginLoc().isMacroID() || ObjText.empty()) {
    Reason = "the code is inside a macro expansion";
  } else if (isTemplateInstantiationContext(Enc.DC)) {
    Reason = "the spelled types may differ between template instantiations";
  } else if (!Full || !(Indent = indentationOf(Full->getBeginLoc(), SM))) {
    Reason = "the call is not a statement of its own in a block";
  }
  {
    auto D = diag(Call.getBeginLoc(),
                  "'%0' grows one element at a time through "
                  "'std::back_inserter' in 'std::%1', reallocating repeatedly; "
                  "reserve its capacity before the call")
             << C->getNameAsString() << Algo;
    if (Reason.empty()) {
      std::string Stmt = ObjText + ".reserve(" + Arg + ");";
      if (!Guard.empty())
        Stmt = "if (" + Guard + ") " + Stmt;
      D << FixItHint::CreateInsertion(Full->getBeginLoc(),
                                      Stmt + "\n" + *Indent);
    }
  }
  if (!Reason.empty())
    diag(Call.getBeginLoc(),
         "reserve '%0' before the call; not fixed automatically because %1",
         DiagnosticIDs::Note)
        << Arg << Reason;
}

} // namespace clang::tidy::memlint
