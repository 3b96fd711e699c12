//===--- ArenaCandidateCheck.cpp - memlint-arena-candidate ----------------===//

#include "ArenaCandidateCheck.h"
#include "checks/utils/Compat.h"
#include "checks/utils/FixSaving.h"
#include "checks/utils/LocalLifetime.h"
#include "checks/utils/LocalUses.h"
#include "checks/utils/LoopTripCount.h"
#include "checks/utils/UserCodeParents.h"
#include "fixits/Hoist.h"
#include "fixits/Includes.h"
#include "fixits/TypeSpelling.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/Config/llvm-config.h"

using namespace clang::ast_matchers;

namespace clang::tidy::memlint {

namespace {

using memlint::utils::parentStmt;

enum class PtrKind { None, Unique, Shared, Raw };

bool isStdClass(const CXXRecordDecl *RD, llvm::StringRef Name) {
  return RD && RD->isInStdNamespace() && RD->getIdentifier() &&
         RD->getName() == Name;
}

PtrKind pointerKind(QualType T) {
  T = T.getCanonicalType();
  if (T->isPointerType())
    return PtrKind::Raw;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (isStdClass(RD, "unique_ptr"))
    return PtrKind::Unique;
  if (isStdClass(RD, "shared_ptr"))
    return PtrKind::Shared;
  return PtrKind::None;
}

// The owning-pointer element type of a standard container, if it has one.
QualType ownedElementType(QualType Container) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Container->getAsCXXRecordDecl());
  if (!Spec || !Spec->isInStdNamespace() || !Spec->getIdentifier())
    return {};
  llvm::StringRef Name = Spec->getName();
  unsigned Index;
  if (Name == "vector" || Name == "deque" || Name == "list" ||
      Name == "forward_list" || Name == "set" || Name == "multiset" ||
      Name == "unordered_set" || Name == "unordered_multiset")
    Index = 0;
  else if (Name == "map" || Name == "multimap" || Name == "unordered_map" ||
           Name == "unordered_multimap")
    Index = 1;
  else
    return {};
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Args.size() <= Index || Args[Index].getKind() != TemplateArgument::Type)
    return {};
  QualType Elem = Args[Index].getAsType();
  return pointerKind(Elem) == PtrKind::None ? QualType() : Elem;
}

const Expr *parentExpr(const Expr &E, ASTContext &Ctx) {
  return dyn_cast_or_null<Expr>(parentStmt(E, Ctx));
}

bool isWrapper(const Expr &E) {
  return isa<ImplicitCastExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr,
             FullExpr, ParenExpr>(E);
}

// Climbs from E through implicit wrappers; returns the last expression that
// still denotes E's value and sets Parent to what uses it.
const Expr *climb(const Expr *E, ASTContext &Ctx, const Stmt **Parent) {
  while (true) {
    const Stmt *P = parentStmt(*E, Ctx);
    const auto *PE = dyn_cast_or_null<Expr>(P);
    if (PE && isWrapper(*PE)) {
      E = PE;
      continue;
    }
    *Parent = P;
    return E;
  }
}

bool isMethodNamed(const CXXMethodDecl *MD,
                   std::initializer_list<llvm::StringRef> Names) {
  if (!MD || !MD->getIdentifier())
    return false;
  return llvm::is_contained(Names, MD->getName());
}

const VarDecl *localVarOf(const Expr *E) {
  if (!E)
    return nullptr;
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  if (!DRE)
    return nullptr;
  const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
  if (!VD || !VD->hasLocalStorage() || isa<ParmVarDecl>(VD))
    return nullptr;
  return VD;
}

bool isStdCall(const CallExpr *Call, llvm::StringRef Name) {
  const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
  return FD && FD->isInStdNamespace() && FD->getIdentifier() &&
         FD->getName() == Name;
}

struct Owner {
  const VarDecl *Var = nullptr;
  bool Linked = false;
  const CXXMemberCallExpr *Push = nullptr; // c.push_back(<owned>)
  const Expr *Owned = nullptr;             // the argument pushed
  const VarDecl *Holder = nullptr;         // auto p = make_unique...; push(p)
};

// Who receives the pointer value `E` (an owning expression).
std::optional<Owner> receiverOf(const Expr *E, ASTContext &Ctx) {
  const Stmt *P = nullptr;
  E = climb(E, Ctx, &P);
  const auto *PE = dyn_cast_or_null<Expr>(P);
  if (const auto *Push = dyn_cast_or_null<CXXMemberCallExpr>(PE)) {
    if (!isMethodNamed(Push->getMethodDecl(),
                       {"push_back", "emplace_back", "push_front",
                        "emplace_front", "insert", "emplace"}))
      return std::nullopt;
    if (const VarDecl *C = localVarOf(Push->getImplicitObjectArgument()))
      return Owner{C, false, Push, E, nullptr};
    return std::nullopt;
  }
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(PE)) {
    // c[k] = std::make_unique<T>();
    if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
        Op->getArg(1) == E) {
      const auto *Sub =
          dyn_cast<CXXOperatorCallExpr>(Op->getArg(0)->IgnoreParenImpCasts());
      if (Sub && Sub->getOperator() == OO_Subscript)
        if (const VarDecl *C = localVarOf(Sub->getArg(0)))
          return Owner{C, false, nullptr, E, nullptr};
    }
    return std::nullopt;
  }
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(PE)) {
    // head = new Node{..., head};
    if (BO->getOpcode() == BO_Assign && BO->getRHS() == E)
      if (const VarDecl *H = localVarOf(BO->getLHS());
          H && H->getType()->isPointerType())
        return Owner{H, true, nullptr, E, nullptr};
    return std::nullopt;
  }
  return std::nullopt;
}

// The owner of the object allocated by Alloc (a new-expression or a
// make_unique/make_shared call).
std::optional<Owner> findOwner(const Expr &Alloc, ASTContext &Ctx) {
  const Expr *E = &Alloc;
  // std::unique_ptr<T>(new T(...)) owns the same object.
  while (true) {
    const Stmt *P = nullptr;
    E = climb(E, Ctx, &P);
    const auto *CE = dyn_cast_or_null<CXXConstructExpr>(P);
    const auto *Cast = dyn_cast_or_null<CXXFunctionalCastExpr>(P);
    if ((CE && pointerKind(CE->getType()) != PtrKind::None) ||
        (Cast && pointerKind(Cast->getType()) != PtrKind::None)) {
      E = cast<Expr>(P);
      continue;
    }
    if (const auto *VD = dyn_cast_or_null<DeclStmt>(P)) {
      (void)VD;
      return std::nullopt;
    }
    break;
  }
  if (auto O = receiverOf(E, Ctx))
    return O;
  // auto p = std::make_unique<T>(...); ...; c.push_back(std::move(p));
  const Stmt *P = nullptr;
  climb(E, Ctx, &P);
  const VarDecl *Holder = nullptr;
  for (const DynTypedNode &N : memlint::utils::parentsOf(Ctx, *E))
    if (const auto *VD = N.get<VarDecl>())
      Holder = VD;
  if (!Holder) {
    // The parent map gives the VarDecl as the parent of the initializer.
    const Expr *Top = E;
    while (const Expr *Up = parentExpr(*Top, Ctx))
      if (isWrapper(*Up))
        Top = Up;
      else
        break;
    for (const DynTypedNode &N : memlint::utils::parentsOf(Ctx, *Top))
      if (const auto *VD = N.get<VarDecl>())
        Holder = VD;
  }
  if (!Holder || !Holder->hasLocalStorage() ||
      Holder->getType()->isReferenceType())
    return std::nullopt;
  const DeclStmt *DS = nullptr;
  for (const DynTypedNode &N : memlint::utils::parentsOf(Ctx, *Holder))
    if ((DS = N.get<DeclStmt>()))
      break;
  const Stmt *Block = DS ? parentStmt(*DS, Ctx) : nullptr;
  if (!Block)
    return std::nullopt;
  for (const DeclRefExpr *Ref :
       memlint::utils::findReferences(*Holder, *Block)) {
    const Expr *Use = Ref;
    const Stmt *UP = nullptr;
    Use = climb(Use, Ctx, &UP);
    if (const auto *Call = dyn_cast_or_null<CallExpr>(UP);
        Call && isStdCall(Call, "move"))
      Use = Call;
    if (auto O = receiverOf(Use, Ctx)) {
      O->Holder = Holder;
      return O;
    }
  }
  return std::nullopt;
}

enum class ElemUse { Deref, Get, Leaves, Other };

ElemUse classifyElement(const Expr *Elem, ASTContext &Ctx) {
  const Stmt *P = nullptr;
  Elem = climb(Elem, Ctx, &P);
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(P)) {
    if (Op->getArg(0) == Elem &&
        (Op->getOperator() == OO_Arrow ||
         (Op->getOperator() == OO_Star && Op->getNumArgs() == 1)))
      return ElemUse::Deref;
    if (Op->getOperator() == OO_Equal && Op->getArg(0) == Elem)
      return ElemUse::Other;
    return ElemUse::Other;
  }
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(P)) {
    const auto *MD = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
    if (isMethodNamed(MD, {"get"}))
      return ElemUse::Get;
    if (isMethodNamed(MD, {"release", "reset", "swap"}))
      return ElemUse::Leaves;
    return ElemUse::Other;
  }
  if (const auto *Call = dyn_cast_or_null<CallExpr>(P))
    if (isStdCall(Call, "move") || isStdCall(Call, "swap") ||
        isStdCall(Call, "exchange"))
      return ElemUse::Leaves;
  if (isa_and_nonnull<CXXConstructExpr>(P))
    return ElemUse::Leaves; // a shared_ptr copy keeps the object alive
  return ElemUse::Other;
}

struct ContainerUses {
  bool ElementsLeaveEarly = false; // erase, pop, clear, release, move out
  bool FixBlocked = false;         // something that will not compile with T*
  std::string Why;
};

// How the container and its elements are used in the function body.
ContainerUses
inspectContainer(const VarDecl &C, const Stmt &Body, ASTContext &Ctx,
                 const llvm::SmallPtrSetImpl<const Expr *> &Sites) {
  ContainerUses U;
  auto Block = [&](llvm::StringRef Why) {
    if (!U.FixBlocked)
      U.Why = Why.str();
    U.FixBlocked = true;
  };
  auto Elem = [&](const Expr *E) {
    switch (classifyElement(E, Ctx)) {
    case ElemUse::Deref:
      break;
    case ElemUse::Get:
      Block("an element is used through get()");
      break;
    case ElemUse::Leaves:
      U.ElementsLeaveEarly = true;
      break;
    case ElemUse::Other:
      Block("an element is used as a smart pointer");
      break;
    }
  };
  for (const DeclRefExpr *Ref : memlint::utils::findReferences(C, Body)) {
    const Stmt *P = nullptr;
    const Expr *E = climb(Ref, Ctx, &P);
    if (const auto *ME = dyn_cast_or_null<MemberExpr>(P)) {
      const auto *MD = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
      const auto *Call =
          dyn_cast_or_null<CXXMemberCallExpr>(parentStmt(*ME, Ctx));
      if (isMethodNamed(MD,
                        {"erase", "pop_back", "pop_front", "clear", "resize",
                         "extract", "swap", "assign", "release", "splice",
                         "remove", "remove_if", "unique", "merge"})) {
        U.ElementsLeaveEarly = true;
      } else if (isMethodNamed(MD, {"push_back", "emplace_back"})) {
        if (!Call || Call->getNumArgs() != 1 ||
            !Sites.contains(Call->getArg(0)->IgnoreImplicit()))
          Block("something other than a new allocation is stored in it");
      } else if (isMethodNamed(MD, {"at", "front", "back"})) {
        if (Call)
          Elem(Call);
      } else if (!isMethodNamed(MD, {"size", "empty", "reserve", "capacity"})) {
        Block("it is used in a way that depends on its element type");
      }
      continue;
    }
    if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(P)) {
      if (Op->getOperator() == OO_Subscript && Op->getArg(0) == E) {
        Elem(Op);
        continue;
      }
      if (Op->getOperator() == OO_Equal && Op->getArg(0) == E) {
        U.ElementsLeaveEarly = true;
        continue;
      }
      Block("it is used in a way that depends on its element type");
      continue;
    }
    if (const auto *VD = [&]() -> const VarDecl * {
          for (const DynTypedNode &N : memlint::utils::parentsOf(Ctx, *E))
            if (const auto *V = N.get<VarDecl>())
              return V;
          return nullptr;
        }()) {
      // for (auto &p : c): the range variable of a range-for.
      const CXXForRangeStmt *For = nullptr;
      if (VD->isImplicit())
        for (const DynTypedNode &N : memlint::utils::parentsOf(Ctx, *VD))
          if (const auto *DS = N.get<DeclStmt>())
            For = dyn_cast_or_null<CXXForRangeStmt>(parentStmt(*DS, Ctx));
      if (!For) {
        Block("it is bound to a reference");
        continue;
      }
      const VarDecl *LoopVar = For->getLoopVariable();
      if (!LoopVar->getType()->isReferenceType() ||
          !LoopVar->getTypeSourceInfo()->getType()->getContainedAutoType()) {
        Block("a range-for over it names the element type");
        continue;
      }
      for (const DeclRefExpr *LR :
           memlint::utils::findReferences(*LoopVar, *For->getBody()))
        Elem(LR);
      continue;
    }
    Block("it is passed to something that expects its type");
  }
  return U;
}

// Whether the function deletes objects of type T after Loop ends.
bool deletedAfter(QualType T, const Stmt &Body, SourceLocation After,
                  const SourceManager &SM) {
  struct Finder : RecursiveASTVisitor<Finder> {
    QualType T;
    SourceLocation After;
    const SourceManager *SM;
    bool Found = false;
    bool VisitCXXDeleteExpr(CXXDeleteExpr *D) {
      QualType Pointee = D->getDestroyedType();
      if (!Pointee.isNull() &&
          Pointee.getCanonicalType().getUnqualifiedType() ==
              T.getCanonicalType().getUnqualifiedType() &&
          SM->isBeforeInTranslationUnit(After, D->getBeginLoc()))
        Found = true;
      return true;
    }
  } F;
  F.T = T;
  F.After = After;
  F.SM = &SM;
  F.TraverseStmt(const_cast<Stmt *>(&Body));
  return F.Found;
}

bool nameUsedIn(const Stmt &Body, llvm::StringRef Name) {
  struct Finder : RecursiveASTVisitor<Finder> {
    llvm::StringRef Name;
    bool Found = false;
    bool VisitNamedDecl(NamedDecl *D) {
      if (D->getIdentifier() && D->getName() == Name)
        Found = true;
      return true;
    }
    bool VisitDeclRefExpr(DeclRefExpr *E) {
      if (E->getDecl()->getIdentifier() && E->getDecl()->getName() == Name)
        Found = true;
      return true;
    }
  } F;
  F.Name = Name;
  F.TraverseStmt(const_cast<Stmt *>(&Body));
  return F.Found;
}

const FunctionDecl *enclosingFunction(const VarDecl &V) {
  const DeclContext *DC = V.getDeclContext();
  while (DC && !isa<FunctionDecl>(DC))
    DC = DC->getParent();
  return dyn_cast_or_null<FunctionDecl>(DC);
}

const char ArenaHeader[] = "<memlint/arena.hpp>";

} // namespace

ArenaCandidateCheck::ArenaCandidateCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : ProfiledCheck(Name, Context), UserScope(Context),
      MinAllocations(Options.get("MinAllocations", 2U)),
      Inserter(
          Options.getLocalOrGlobal(
              "IncludeStyle", ::clang::tidy::utils::IncludeSorter::IS_LLVM),
          areDiagsSelfContained()),
      RuntimeInfo(Options) {}

void ArenaCandidateCheck::registerPPCallbacks(const SourceManager &,
                                              Preprocessor *PP,
                                              Preprocessor *) {
  fixits::registerInserter(Inserter, PP);
  RuntimeInfo.registerPreprocessor(PP);
}

void ArenaCandidateCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "MinAllocations", MinAllocations);
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
  RuntimeInfo.storeOptions(Options, Opts);
}

void ArenaCandidateCheck::registerMatchers(MatchFinder *Finder) {
  UserScope.registerMatchers(Finder);
  // "Inside a loop" is decided in check() (enclosingLoopOfBody, through
  // utils::parentsOf): a hasAncestor matcher would build clang's parent map
  // over the whole TU, system headers included.
  Finder->addMatcher(cxxNewExpr(unless(isArray()),
                                unless(hasAnyPlacementArg(anything())),
                                unless(isExpansionInSystemHeader()))
                         .bind("alloc"),
                     this);
  Finder->addMatcher(callExpr(callee(functionDecl(hasAnyName(
                                  "::std::make_unique", "::std::make_shared"))),
                              unless(isExpansionInSystemHeader()))
                         .bind("alloc"),
                     this);
}

void ArenaCandidateCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Alloc = Result.Nodes.getNodeAs<Expr>("alloc");
  ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = *Result.SourceManager;
  const LangOptions &LO = getLangOpts();

  // The allocated type.
  QualType T;
  if (const auto *New = dyn_cast<CXXNewExpr>(Alloc)) {
    T = New->getAllocatedType();
  } else {
    const auto *Call = cast<CallExpr>(Alloc);
    const FunctionDecl *FD = Call->getDirectCallee();
    if (!FD || !FD->getTemplateSpecializationArgs() ||
        FD->getTemplateSpecializationArgs()->size() == 0 ||
        (*FD->getTemplateSpecializationArgs())[0].getKind() !=
            TemplateArgument::Type)
      return;
    T = (*FD->getTemplateSpecializationArgs())[0].getAsType();
    if (T->isArrayType())
      return;
  }
  if (T.isNull() || T->isDependentType())
    return;

  bool CrossesLambda = false;
  const Stmt *Loop =
      memlint::utils::enclosingLoopOfBody(*Alloc, Ctx, &CrossesLambda);
  if (!Loop || CrossesLambda)
    return;

  std::optional<Owner> O = findOwner(*Alloc, Ctx);
  if (!O)
    return;
  const VarDecl &C = *O->Var;
  const FunctionDecl *Fn = enclosingFunction(C);
  if (!Fn || !Fn->getBody() || C.isStaticLocal() ||
      Fn->isTemplateInstantiation())
    return;
  const Stmt &Body = *Fn->getBody();
  // The owner must be declared before the loop, outside it.
  if (!SM.isBeforeInTranslationUnit(C.getLocation(), Loop->getBeginLoc()))
    return;

  // Fewer than MinAllocations allocations: a constant trip count for every
  // loop between the allocation and the owner's declaration.
  {
    uint64_t Product = 1;
    bool Known = true;
    for (const Stmt *L = Loop; L && Known;) {
      std::optional<uint64_t> N = memlint::utils::getConstantTripCount(*L, Ctx);
      if (!N)
        Known = false;
      else
        Product *= *N;
      const Stmt *Outer = memlint::utils::enclosingLoopOfBody(*L, Ctx);
      if (!Outer ||
          !SM.isBeforeInTranslationUnit(C.getLocation(), Outer->getBeginLoc()))
        break;
      L = Outer;
    }
    if (Known && Product < MinAllocations)
      return;
  }

  QualType Elem;
  if (O->Linked) {
    // A linked structure: freed by a delete loop after the loop, and the
    // head pointer never leaves the function.
    if (!deletedAfter(T, Body, Loop->getEndLoc(), SM))
      return;
    for (const DeclRefExpr *Ref : memlint::utils::findReferences(C, Body)) {
      // `new Node{value, head}` links the old head into the new node.
      bool InLink = false;
      for (const Stmt *S = parentStmt(*Ref, Ctx); S; S = parentStmt(*S, Ctx))
        if (const auto *New = dyn_cast<CXXNewExpr>(S)) {
          InLink = New->getAllocatedType().getCanonicalType() ==
                   T.getCanonicalType();
          break;
        }
      if (!InLink && memlint::utils::classifyEscapingUse(*Ref, Body, Ctx))
        return;
    }
  } else {
    Elem = ownedElementType(C.getType());
    if (Elem.isNull())
      return;
    memlint::utils::EscapeOptions Opts;
    Opts.NonConstRefArgEscapes = true;
    if (memlint::utils::findEscape(C, Body, Ctx, Opts))
      return;
    if (pointerKind(Elem) == PtrKind::Raw &&
        !deletedAfter(T, Body, Loop->getEndLoc(), SM))
      return;
  }

  // The allocation sites storing into C (for the fixit and the element use
  // analysis).
  llvm::SmallPtrSet<const Expr *, 4> Sites;
  llvm::SmallVector<std::pair<const Expr *, const Expr *>, 4> SiteList;
  if (!O->Linked) {
    struct SiteFinder : RecursiveASTVisitor<SiteFinder> {
      llvm::SmallVector<const Expr *, 4> Allocs;
      bool VisitCXXNewExpr(CXXNewExpr *E) {
        Allocs.push_back(E);
        return true;
      }
      bool VisitCallExpr(CallExpr *E) {
        if (isStdCall(E, "make_unique") || isStdCall(E, "make_shared"))
          Allocs.push_back(E);
        return true;
      }
    } SF;
    SF.TraverseStmt(const_cast<Stmt *>(&Body));
    for (const Expr *A : SF.Allocs)
      if (auto AO = findOwner(*A, Ctx); AO && AO->Var == &C) {
        const Expr *Owned = AO->Owned->IgnoreImplicit();
        if (AO->Holder)
          continue; // held in a local first: not rewritten
        Sites.insert(Owned);
        SiteList.push_back({A, Owned});
      }
  }

  ContainerUses Uses;
  if (!O->Linked) {
    Uses = inspectContainer(C, Body, Ctx, Sites);
    if (Uses.ElementsLeaveEarly)
      return;
  }

  auto Print = [&](QualType Q) {
    Q = Q.getUnqualifiedType();
    return fixits::spellType(Q, Ctx).value_or(
        Q.getAsString(Ctx.getPrintingPolicy()));
  };
  std::string TName = Print(T);
  // What the container will hold: the pointee of its smart pointers.
  std::string HeldName = TName;
  if (!Elem.isNull()) {
    QualType Pointee;
    if (Elem->isPointerType())
      Pointee = Elem->getPointeeType();
    else if (const auto *Spec =
                 dyn_cast_or_null<ClassTemplateSpecializationDecl>(
                     Elem->getAsCXXRecordDecl());
             Spec && Spec->getTemplateArgs().size() > 0)
      Pointee = Spec->getTemplateArgs()[0].getAsType();
    if (!Pointee.isNull())
      HeldName = Print(Pointee);
  }
  bool First = SeenOwners.insert(&C).second;
  std::string ArenaName = C.getName().str() + "Arena";
  for (unsigned I = 2; nameUsedIn(Body, ArenaName); ++I)
    ArenaName = C.getName().str() + "Arena" + std::to_string(I);

  // The fixit: std::vector<std::unique_ptr<T>> local only.
  std::string NoFix;
  llvm::SmallVector<FixItHint, 8> Fixes;
  if (!First) {
    NoFix = "-"; // reported with the first allocation
  } else if (O->Linked) {
    NoFix = "only a 'std::vector<std::unique_ptr<T>>' local is rewritten";
  } else if (pointerKind(Elem) != PtrKind::Unique ||
             !isStdClass(C.getType()->getAsCXXRecordDecl(), "vector")) {
    NoFix = "only a 'std::vector<std::unique_ptr<T>>' local is rewritten";
  } else if (O->Holder) {
    NoFix = "the object is held by '" + O->Holder->getName().str() +
            "' before it is stored";
  } else if (Uses.FixBlocked) {
    NoFix = Uses.Why;
  } else if (!RuntimeInfo.available(
                 ArenaHeader, SM,
                 SM.getFileID(SM.getExpansionLoc(C.getLocation())))) {
    NoFix = memlint::utils::RuntimeAvailability::missingReason(ArenaHeader);
  }
  const DeclStmt *CDecl = nullptr;
  for (const DynTypedNode &N : memlint::utils::parentsOf(Ctx, C))
    if ((CDecl = N.get<DeclStmt>()))
      break;
  std::string ElemText;
  if (NoFix.empty()) {
    auto VTL =
        utils::writtenSpecialization(C.getTypeSourceInfo()->getTypeLoc());
    TemplateSpecializationTypeLoc UTL;
    if (VTL && VTL.getNumArgs() == 1 &&
        VTL.getArgLoc(0).getArgument().getKind() == TemplateArgument::Type)
      UTL = utils::writtenSpecialization(
          VTL.getArgLoc(0).getTypeSourceInfo()->getTypeLoc());
    // The vector holds T * for std::unique_ptr<T>.
    if (UTL && UTL.getNumArgs() == 1)
      if (auto Text = fixits::spellTemplateArg(UTL, 0, SM, LO))
        if (auto Ptr = fixits::pointerTo(
                *Text, UTL.getArgLoc(0).getTypeSourceInfo()->getType()))
          ElemText = *Ptr;
    if (ElemText.empty())
      NoFix = "its type is not spelled 'std::vector<std::unique_ptr<T>>'";
    else if (!CDecl || !CDecl->isSingleDecl() ||
             !isa_and_nonnull<CompoundStmt>(parentStmt(*CDecl, Ctx)))
      NoFix = "its declaration is not a statement of its own";
    else if (const auto *Init = dyn_cast_or_null<CXXConstructExpr>(
                 C.getInit() ? C.getInit()->IgnoreImplicit() : nullptr);
             C.getInit() && (!Init || Init->getNumArgs() != 0))
      NoFix = "it is initialized with arguments";
  }
  if (NoFix.empty()) {
    // The arena destroys in reverse order of construction; the vector
    // destroyed its elements first to last. Same only if unobservable.
    for (auto &[A, Owned] : SiteList) {
      QualType AT = isa<CXXNewExpr>(A)
                        ? cast<CXXNewExpr>(A)->getAllocatedType()
                        : (*cast<CallExpr>(A)
                                ->getDirectCallee()
                                ->getTemplateSpecializationArgs())[0]
                              .getAsType();
      if (!memlint::utils::destructionIsUnobservable(AT)) {
        NoFix = "the arena would run the destructors in reverse order";
        break;
      }
    }
  }
  if (NoFix.empty()) {
    auto Insert = fixits::insertLineBefore(
        *CDecl, "memlint::arena " + ArenaName + ";", SM, LO);
    TypeLoc TL = C.getTypeSourceInfo()->getTypeLoc();
    CharSourceRange TypeRange = Lexer::makeFileCharRange(
        CharSourceRange::getTokenRange(TL.getSourceRange()), SM, LO);
    if (!Insert || TypeRange.isInvalid())
      NoFix = "it is in a macro";
    else {
      Fixes.push_back(*Insert);
      Fixes.push_back(FixItHint::CreateReplacement(
          TypeRange, "std::vector<" + ElemText + ">"));
    }
  }
  for (auto &[A, Owned] : SiteList) {
    if (!NoFix.empty())
      break;
    if (const auto *Call = dyn_cast<CallExpr>(A)) {
      if (isStdCall(Call, "make_shared")) {
        NoFix = "an element is made by std::make_shared";
        break;
      }
      const auto *Callee =
          dyn_cast<DeclRefExpr>(Call->getCallee()->IgnoreImplicit());
      if (!Callee || Callee->getNumTemplateArgs() != 1) {
        NoFix = "an allocation does not name its type";
        break;
      }
      std::optional<std::string> TArg;
      if (const TypeSourceInfo *TSI =
              Callee->getTemplateArgs()[0].getTypeSourceInfo())
        TArg = fixits::spellTypeLoc(TSI->getTypeLoc(), SM, LO);
      CharSourceRange R = Lexer::makeFileCharRange(
          CharSourceRange::getTokenRange(Callee->getSourceRange()), SM, LO);
      if (!TArg || R.isInvalid()) {
        NoFix = "an allocation is in a macro";
        break;
      }
      Fixes.push_back(
          FixItHint::CreateReplacement(R, ArenaName + ".make<" + *TArg + ">"));
      continue;
    }
    const auto *New = cast<CXXNewExpr>(A);
    auto TText = fixits::spellTypeLoc(
        New->getAllocatedTypeSourceInfo()->getTypeLoc(), SM, LO);
    std::string Args;
    bool OK = TText.has_value();
    if (utils::hasParenInit(*New)) {
      SourceRange DR = New->getDirectInitRange();
      auto Inner = fixits::sourceText(DR, SM, LO);
      if (Inner && Inner->size() >= 2)
        Args = Inner->substr(1, Inner->size() - 2);
      else
        OK = false;
    } else if (New->hasInitializer()) {
      OK = false; // braces: make<T>(...) would not aggregate-initialize
    }
    CharSourceRange R = Lexer::makeFileCharRange(
        CharSourceRange::getTokenRange(Owned->getSourceRange()), SM, LO);
    if (!OK || R.isInvalid()) {
      NoFix = "an allocation uses a braced initializer or a macro";
      break;
    }
    Fixes.push_back(FixItHint::CreateReplacement(
        R, ArenaName + ".make<" + *TText + ">(" + Args + ")"));
  }
  if (NoFix.empty())
    if (auto Inc = fixits::includeInsertion(
            Inserter, SM, SM.getFileID(SM.getExpansionLoc(C.getLocation())),
            ArenaHeader))
      Fixes.push_back(*Inc);

  const memlint::utils::AllocationSite Site{
      Alloc->getBeginLoc(), memlint::utils::ObjectAllocationFamily};
  claimAllocations(Site);
  {
    auto D = diag(Alloc->getBeginLoc(),
                  "each '%0' is a separate heap allocation, yet all of them "
                  "are owned by '%1' and freed together; allocate them from "
                  "a 'memlint::arena'")
             << TName << C.getName();
    if (NoFix.empty())
      for (const FixItHint &F : Fixes)
        D << F;
  }
  memlint::utils::noteAllocationsRemovedHere(*this, Site);
  if (!First)
    return;
  if (O->Linked)
    diag(C.getLocation(),
         "declare 'memlint::arena %0;' before '%1', allocate the nodes with "
         "'%0.make<%2>(...)' and remove the loop that deletes them; the arena "
         "runs their destructors, in reverse order, when it goes out of scope",
         DiagnosticIDs::Note)
        << ArenaName << C.getName() << TName;
  else
    diag(C.getLocation(),
         "declare 'memlint::arena %0;' before '%1', make it hold '%2 *' and "
         "allocate with '%0.make<%3>(...)'; the arena runs the destructors, in "
         "reverse order, when it goes out of scope",
         DiagnosticIDs::Note)
        << ArenaName << C.getName() << HeldName << TName;
  if (!NoFix.empty())
    diag(C.getLocation(), "no fixit: %0", DiagnosticIDs::Note) << NoFix;
}

} // namespace clang::tidy::memlint
