//===--- LocalLifetime.cpp - does a local outlive its scope? --------------===//

#include "LocalLifetime.h"
#include "UserCodeParents.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSet.h"

namespace clang::tidy::memlint::utils {

namespace {

// Bounds the recursion through locals that hold a capturing lambda.
constexpr unsigned MaxDepth = 3;

class ReferenceCollector : public RecursiveASTVisitor<ReferenceCollector> {
public:
  explicit ReferenceCollector(const ValueDecl &D) : D(D) {}
  // Lambda capture initializers are implicit code.
  bool shouldVisitImplicitCode() const { return true; }
  bool shouldVisitTemplateInstantiations() const { return false; }

  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (E->getDecl() == &D && Seen.insert(E).second)
      Refs.push_back(E);
    return true;
  }

  const ValueDecl &D;
  llvm::SmallPtrSet<const DeclRefExpr *, 8> Seen;
  llvm::SmallVector<const DeclRefExpr *, 8> Refs;
};

bool hasName(const FunctionDecl &FD, llvm::StringRef Name) {
  const IdentifierInfo *II = FD.getIdentifier();
  return II && II->getName() == Name;
}

bool isStd(const FunctionDecl &FD, llvm::StringRef Name) {
  return hasName(FD, Name) && FD.isInStdNamespace();
}

// Calls that keep (a copy of, or a reference to) an argument beyond the call.
bool isStoringCallee(const FunctionDecl &FD) {
  static const llvm::StringSet<> Names = {"push_back",
                                          "emplace_back",
                                          "push_front",
                                          "emplace_front",
                                          "insert",
                                          "emplace",
                                          "emplace_hint",
                                          "try_emplace",
                                          "insert_or_assign",
                                          "push",
                                          "make_pair",
                                          "make_tuple",
                                          "make_shared",
                                          "make_unique",
                                          "make_optional",
                                          "forward_as_tuple",
                                          "tie",
                                          "async",
                                          "bind",
                                          "bind_front",
                                          "bind_back",
                                          "allocate_shared"};
  const IdentifierInfo *II = FD.getIdentifier();
  if (II && Names.contains(II->getName()))
    return true;
  return FD.getOverloadedOperator() == OO_Equal;
}

bool isTransparent(const Expr &E) {
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(&E)) {
    switch (ICE->getCastKind()) {
    case CK_NoOp:
    case CK_LValueToRValue:
    case CK_DerivedToBase:
    case CK_UncheckedDerivedToBase:
    case CK_ConstructorConversion:
      return true;
    default:
      return false;
    }
  }
  return isa<ParenExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr,
             FullExpr>(E);
}

const Stmt *firstStmtParent(const DynTypedNode &N, ASTContext &Ctx) {
  for (const DynTypedNode &P : memlint::utils::parentsOf(Ctx, N))
    if (const auto *S = P.get<Stmt>())
      return S;
  return nullptr;
}

std::optional<Escape> findEscapeImpl(const VarDecl &Var, const Stmt &Scope,
                                     ASTContext &Ctx, EscapeOptions Opts,
                                     unsigned Depth);

// Whether a lambda that captures something by reference may outlive the
// statement it appears in.
bool lambdaEscapes(const LambdaExpr &Lambda, const Stmt &Scope, ASTContext &Ctx,
                   unsigned Depth) {
  const Expr *E = &Lambda;
  while (true) {
    DynTypedNodeList Parents = memlint::utils::parentsOf(Ctx, *E);
    if (Parents.empty())
      return true;
    const DynTypedNode &P = Parents[0];
    if (const auto *PE = P.get<Expr>()) {
      if (isTransparent(*PE)) {
        E = PE;
        continue;
      }
      if (const auto *Call = dyn_cast<CallExpr>(PE)) {
        const FunctionDecl *FD = Call->getDirectCallee();
        if (!FD)
          return true;
        if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call))
          if (Op->getOperator() == OO_Call && Op->getArg(0) == E)
            return false; // Called on the spot.
        // Algorithms take function objects by value or forwarding
        // reference and do not keep them.
        return isStoringCallee(*FD);
      }
      return true;
    }
    if (const auto *VD = P.get<VarDecl>()) {
      // `auto F = [&] {...};` is as local as the uses of F.
      if (Depth >= MaxDepth || VD->getType()->isReferenceType() ||
          !VD->getType()->getAsCXXRecordDecl() ||
          !VD->getType()->getAsCXXRecordDecl()->isLambda())
        return true;
      return findEscapeImpl(*VD, Scope, Ctx, EscapeOptions{}, Depth + 1)
          .has_value();
    }
    return true;
  }
}

std::optional<Escape> classifyCallArgument(const CallExpr &Call,
                                           const Expr &Arg,
                                           EscapeOptions Opts) {
  SourceLocation Loc = Arg.getBeginLoc();
  const FunctionDecl *FD = Call.getDirectCallee();
  unsigned ArgIdx = 0;
  while (ArgIdx < Call.getNumArgs() && Call.getArg(ArgIdx) != &Arg)
    ++ArgIdx;
  if (ArgIdx == Call.getNumArgs())
    return Escape{EscapeKind::Unknown, Loc}; // The callee itself.
  if (!FD)
    return Escape{EscapeKind::Unknown, Loc};

  unsigned ParamIdx = ArgIdx;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Call);
      Op && isa<CXXMethodDecl>(FD)) {
    if (ArgIdx == 0) {
      // The object of a member operator: v = x, v[i], os << x, v == w.
      return std::nullopt;
    }
    ParamIdx = ArgIdx - 1;
  }

  if (isStd(*FD, "move") || isStd(*FD, "forward") ||
      isStd(*FD, "move_if_noexcept"))
    return Escape{EscapeKind::Moved, Loc};
  if (hasName(*FD, "swap") || hasName(*FD, "iter_swap") ||
      isStd(*FD, "exchange"))
    return Escape{EscapeKind::Swapped, Loc};
  if (isStd(*FD, "addressof") || hasName(*FD, "__addressof"))
    return Escape{EscapeKind::AddressTaken, Loc};
  if (isStd(*FD, "ref") || isStd(*FD, "cref"))
    return Escape{EscapeKind::Aliased, Loc};
  if (isStoringCallee(*FD))
    return Escape{EscapeKind::Copied, Loc};

  if (ParamIdx >= FD->getNumParams())
    return Escape{EscapeKind::Unknown, Loc}; // C variadic.
  QualType PT = FD->getParamDecl(ParamIdx)->getType();
  if (PT->isRValueReferenceType())
    return Escape{EscapeKind::Moved, Loc};
  if (PT->isLValueReferenceType()) {
    if (PT->getPointeeType().isConstQualified())
      return std::nullopt;
    // A function filling an out-parameter.
    if (Opts.NonConstRefArgEscapes)
      return Escape{EscapeKind::PassedByRef, Loc};
    return std::nullopt;
  }
  return Escape{EscapeKind::Copied, Loc};
}

/// What one step up from a use tells: the use is local, it escapes, or the
/// parent denotes the same object and must be asked in turn (Climb).
struct Step {
  enum KindT { Climb, Local, Escapes } Kind;
  EscapeKind Why = EscapeKind::Unknown;
  SourceLocation At = {}; ///< Where, when not at the reference itself.
};
Step climb() { return {Step::Climb}; }
Step local() { return {Step::Local}; }
Step escapes(EscapeKind K) { return {Step::Escapes, K}; }
Step fromCall(std::optional<Escape> E) {
  return E ? Step{Step::Escapes, E->Kind, E->Loc} : local();
}

/// The context of one classification: the use, its scope and the depth of
/// the reference/pointer chain followed so far.
struct UseContext {
  const Stmt &Scope;
  ASTContext &Ctx;
  EscapeOptions Opts;
  unsigned Depth;
};

// Operators whose operand is the object (or a pointer to it).
Step stepOperator(const Expr &PE, const Expr &E) {
  if (const auto *UO = dyn_cast<UnaryOperator>(&PE))
    return UO->getOpcode() == UO_AddrOf ? escapes(EscapeKind::AddressTaken)
                                        : local();
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(&PE))
    return CO->getCond() == &E ? local() : climb(); // The result may be it.
  const auto *BO = cast<BinaryOperator>(&PE);
  if (BO->getOpcode() == BO_Comma && BO->getRHS() == &E)
    return climb();
  // A pointer stored by a builtin assignment: into a local, or into an
  // object a local names, it stays in the function.
  if (BO->getOpcode() != BO_Assign || BO->getRHS() != &E)
    return local();
  const Expr *LHS = BO->getLHS()->IgnoreParenImpCasts();
  if (const auto *ME = dyn_cast<MemberExpr>(LHS))
    LHS = ME->getBase()->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(LHS))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
        VD && VD->hasLocalStorage())
      return local();
  return escapes(EscapeKind::Copied);
}

// A construction from the object: `return v;` and `throw v;` copy or move
// into the result; anything else is a copy.
Step stepConstruction(const Expr &PE, ASTContext &Ctx) {
  const Stmt *Up = &PE;
  while (const Stmt *Next = firstStmtParent(DynTypedNode::create(*Up), Ctx)) {
    if (const auto *UE = dyn_cast<Expr>(Next); UE && isTransparent(*UE)) {
      Up = Next;
      continue;
    }
    if (isa<ReturnStmt, CoreturnStmt>(Next))
      return escapes(EscapeKind::Returned);
    if (isa<CXXThrowExpr>(Next))
      return escapes(EscapeKind::Thrown);
    break;
  }
  return escapes(EscapeKind::Copied);
}

Step stepCast(const ExplicitCastExpr &Cast) {
  QualType T = Cast.getTypeAsWritten();
  if (T->isVoidType())
    return local();
  if (T->isRValueReferenceType())
    return escapes(EscapeKind::Moved);
  if (T->isLValueReferenceType())
    return climb();
  return escapes(EscapeKind::Copied);
}

Step stepExpr(const Expr &PE, const Expr &E, const UseContext &U) {
  if (isTransparent(PE))
    return climb();
  // A conversion to a value that cannot refer to the object (a pointer
  // tested for null).
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(&PE);
      ICE && !ICE->getType()->isPointerType() &&
      !ICE->getType()->isReferenceType() && !ICE->getType()->isRecordType())
    return local();
  if (const auto *ME = dyn_cast<MemberExpr>(&PE)) {
    if (ME->getBase() != &E)
      return escapes(EscapeKind::Unknown);
    const IdentifierInfo *II = ME->getMemberDecl()->getIdentifier();
    // v.size(), v.push_back(x), s.str(), ... are local; v.swap(w) is not.
    return II && II->getName() == "swap" ? escapes(EscapeKind::Swapped)
                                         : local();
  }
  if (isa<UnaryOperator, AbstractConditionalOperator, BinaryOperator>(PE))
    return stepOperator(PE, E);
  if (isa<CXXDeleteExpr, UnaryExprOrTypeTraitExpr, CXXTypeidExpr,
          CXXNoexceptExpr>(PE))
    return local();
  if (const auto *Call = dyn_cast<CallExpr>(&PE)) {
    if (const FunctionDecl *FD = Call->getDirectCallee();
        FD && isStd(*FD, "as_const"))
      return climb();
    return fromCall(classifyCallArgument(*Call, E, U.Opts));
  }
  if (isa<CXXConstructExpr, InitListExpr, CXXStdInitializerListExpr>(PE))
    return stepConstruction(PE, U.Ctx);
  // A by-reference capture (by-copy captures are CXXConstructExprs).
  if (const auto *Lambda = dyn_cast<LambdaExpr>(&PE))
    return lambdaEscapes(*Lambda, U.Scope, U.Ctx, U.Depth)
               ? escapes(EscapeKind::Captured)
               : local();
  if (isa<CXXThrowExpr>(PE))
    return escapes(EscapeKind::Thrown);
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(&PE))
    return stepCast(*Cast);
  return escapes(EscapeKind::Unknown);
}

// The object bound to, or its address copied into, a named variable.
Step stepVarDecl(const VarDecl &VD, const UseContext &U) {
  // The range of a range-for (`auto &&__range = v;`) stays local.
  if (VD.isImplicit())
    return local();
  bool Followable = U.Depth < MaxDepth && VD.hasLocalStorage();
  if (VD.getType()->isReferenceType()) {
    // A named reference declared in the same scope is as local as its own
    // uses.
    const SourceManager &SM = U.Ctx.getSourceManager();
    if (Followable &&
        SM.isPointWithin(VD.getLocation(), U.Scope.getBeginLoc(),
                         U.Scope.getEndLoc()) &&
        !findEscapeImpl(VD, U.Scope, U.Ctx, U.Opts, U.Depth + 1))
      return local();
    return escapes(EscapeKind::Aliased);
  }
  // A copied pointer is another name for the same object.
  if (VD.getType()->isPointerType() && Followable &&
      !findEscapeImpl(VD, U.Scope, U.Ctx, U.Opts, U.Depth + 1))
    return local();
  return escapes(EscapeKind::Copied);
}

Step stepParent(const DynTypedNode &P, const Expr &E, const UseContext &U) {
  if (const auto *PE = P.get<Expr>())
    return stepExpr(*PE, E, U);
  if (const auto *VD = P.get<VarDecl>())
    return stepVarDecl(*VD, U);
  if (P.get<ReturnStmt>() || P.get<CoreturnStmt>())
    return escapes(EscapeKind::Returned);
  // An expression statement (`v;`) or a condition.
  if (const auto *S = P.get<Stmt>();
      S && isa<CompoundStmt, IfStmt, WhileStmt, DoStmt, ForStmt, SwitchStmt,
               CaseStmt, DefaultStmt, LabelStmt, AttributedStmt>(S))
    return local();
  return escapes(EscapeKind::Unknown);
}

std::optional<Escape> classifyUseImpl(const DeclRefExpr &Ref, const Stmt &Scope,
                                      ASTContext &Ctx, EscapeOptions Opts,
                                      unsigned Depth) {
  const UseContext U{Scope, Ctx, Opts, Depth};
  const SourceLocation Loc = Ref.getLocation();
  const Expr *E = &Ref;
  while (true) {
    DynTypedNodeList Parents = memlint::utils::parentsOf(Ctx, *E);
    if (Parents.empty())
      return Escape{EscapeKind::Unknown, Loc};
    Step S = stepParent(Parents[0], *E, U);
    if (S.Kind == Step::Local)
      return std::nullopt;
    if (S.Kind == Step::Escapes)
      return Escape{S.Why, S.At.isValid() ? S.At : Loc};
    E = Parents[0].get<Expr>();
  }
}

std::optional<Escape> findEscapeImpl(const VarDecl &Var, const Stmt &Scope,
                                     ASTContext &Ctx, EscapeOptions Opts,
                                     unsigned Depth) {
  for (const DeclRefExpr *Ref : findReferences(Var, Scope))
    if (auto Esc = classifyUseImpl(*Ref, Scope, Ctx, Opts, Depth))
      return Esc;
  return std::nullopt;
}

} // namespace

llvm::StringRef describeEscape(EscapeKind Kind) {
  switch (Kind) {
  case EscapeKind::Moved:
    return "is moved from";
  case EscapeKind::Returned:
    return "is returned";
  case EscapeKind::Thrown:
    return "is thrown";
  case EscapeKind::AddressTaken:
    return "has its address taken";
  case EscapeKind::Copied:
    return "is copied or stored";
  case EscapeKind::Captured:
    return "is captured by a lambda that may outlive it";
  case EscapeKind::Swapped:
    return "is swapped";
  case EscapeKind::Aliased:
    return "is bound to a reference";
  case EscapeKind::PassedByRef:
    return "is passed by non-const reference";
  case EscapeKind::Unknown:
    return "is used in a way that may keep it";
  }
  return "escapes";
}

llvm::SmallVector<const DeclRefExpr *, 8> findReferences(const ValueDecl &D,
                                                         const Stmt &Scope) {
  ReferenceCollector C(D);
  C.TraverseStmt(const_cast<Stmt *>(&Scope));
  llvm::sort(C.Refs, [](const DeclRefExpr *A, const DeclRefExpr *B) {
    return A->getBeginLoc().getRawEncoding() <
           B->getBeginLoc().getRawEncoding();
  });
  return std::move(C.Refs);
}

std::optional<Escape> findEscape(const VarDecl &Var, const Stmt &Scope,
                                 ASTContext &Ctx, EscapeOptions Opts) {
  return findEscapeImpl(Var, Scope, Ctx, Opts, 0);
}

std::optional<Escape> classifyEscapingUse(const DeclRefExpr &Ref,
                                          const Stmt &Scope, ASTContext &Ctx,
                                          EscapeOptions Opts) {
  return classifyUseImpl(Ref, Scope, Ctx, Opts, 0);
}

bool destructionIsUnobservable(QualType T, unsigned Depth) {
  if (Depth > 8)
    return false;
  T = T.getCanonicalType();
  while (const ArrayType *AT = T->getAsArrayTypeUnsafe())
    T = AT->getElementType().getCanonicalType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || RD->hasTrivialDestructor())
    return true;
  if (!RD->hasDefinition())
    return false;
  if (RD->isInStdNamespace()) {
    static const llvm::StringSet<> Quiet = {"basic_string",
                                            "vector",
                                            "deque",
                                            "list",
                                            "forward_list",
                                            "map",
                                            "multimap",
                                            "set",
                                            "multiset",
                                            "unordered_map",
                                            "unordered_multimap",
                                            "unordered_set",
                                            "unordered_multiset",
                                            "pair",
                                            "tuple",
                                            "optional",
                                            "variant",
                                            "array",
                                            "allocator",
                                            "unique_ptr",
                                            "default_delete",
                                            "shared_ptr",
                                            "less",
                                            "greater",
                                            "hash",
                                            "equal_to",
                                            "char_traits"};
    if (!RD->getIdentifier() || !Quiet.contains(RD->getName()))
      return false;
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
      for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray()) {
        if (Arg.getKind() == TemplateArgument::Type &&
            !destructionIsUnobservable(Arg.getAsType(), Depth + 1))
          return false;
        if (Arg.getKind() == TemplateArgument::Pack)
          for (const TemplateArgument &P : Arg.pack_elements())
            if (P.getKind() == TemplateArgument::Type &&
                !destructionIsUnobservable(P.getAsType(), Depth + 1))
              return false;
      }
    return true;
  }
  if (const CXXDestructorDecl *D = RD->getDestructor();
      D && D->isUserProvided())
    return false;
  for (const CXXBaseSpecifier &B : RD->bases())
    if (!destructionIsUnobservable(B.getType(), Depth + 1))
      return false;
  for (const FieldDecl *F : RD->fields())
    if (!destructionIsUnobservable(F->getType(), Depth + 1))
      return false;
  return true;
}

const Stmt *loopBody(const Stmt &Loop) {
  if (const auto *F = dyn_cast<ForStmt>(&Loop))
    return F->getBody();
  if (const auto *W = dyn_cast<WhileStmt>(&Loop))
    return W->getBody();
  if (const auto *D = dyn_cast<DoStmt>(&Loop))
    return D->getBody();
  if (const auto *R = dyn_cast<CXXForRangeStmt>(&Loop))
    return R->getBody();
  return nullptr;
}

const Stmt *parentStmt(const Stmt &S, ASTContext &Ctx) {
  return firstStmtParent(DynTypedNode::create(S), Ctx);
}

const Stmt *enclosingLoopOfBody(const Stmt &S, ASTContext &Ctx,
                                bool *CrossesLambda) {
  if (CrossesLambda)
    *CrossesLambda = false;
  DynTypedNode Node = DynTypedNode::create(S);
  while (true) {
    DynTypedNodeList Parents = memlint::utils::parentsOf(Ctx, Node);
    if (Parents.empty())
      return nullptr;
    // A lambda body has the LambdaExpr and the call operator as parents;
    // prefer the statement.
    const DynTypedNode *P = &Parents[0];
    for (const DynTypedNode &Candidate : Parents)
      if (Candidate.get<Stmt>()) {
        P = &Candidate;
        break;
      }
    if (const auto *PS = P->get<Stmt>()) {
      if (const Stmt *Body = loopBody(*PS)) {
        if (Body == Node.get<Stmt>())
          return PS;
        return nullptr; // Condition, init-statement or range declaration.
      }
      if (isa<LambdaExpr>(PS) && CrossesLambda)
        *CrossesLambda = true;
      Node = *P;
      continue;
    }
    // Walk through a local variable's declaration (a lambda in an
    // initializer), stop at functions, blocks and records.
    if (const auto *D = P->get<Decl>()) {
      if (isa<VarDecl>(D) && !isa<ParmVarDecl>(D)) {
        Node = *P;
        continue;
      }
      // A lambda's call operator and closure class lead to the LambdaExpr.
      const auto *MD = dyn_cast<CXXMethodDecl>(D);
      const auto *RD = MD ? MD->getParent() : dyn_cast<CXXRecordDecl>(D);
      if (RD && RD->isLambda()) {
        if (CrossesLambda)
          *CrossesLambda = true;
        Node = *P;
        continue;
      }
    }
    return nullptr;
  }
}

} // namespace clang::tidy::memlint::utils
