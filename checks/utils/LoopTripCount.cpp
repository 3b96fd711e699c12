//===--- LoopTripCount.cpp - memlint loop analyses ------------------------===//

#include "LoopTripCount.h"
#include "LocalLifetime.h"
#include "LocalUses.h"
#include "UserCodeParents.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MathExtras.h"
#include <functional>

namespace clang::tidy::memlint::utils {

namespace {

const Stmt *parentOf(const Stmt &S, ASTContext &Ctx) {
  auto Parents = parentsOf(Ctx, S);
  if (Parents.empty())
    return nullptr;
  return Parents[0].get<Stmt>();
}

// Visits every statement below S (S included) in source order, not entering
// lambda bodies when SkipLambdas. Stops when F returns true.
bool visit(const Stmt *S, const std::function<bool(const Stmt *)> &F,
           bool SkipLambdas) {
  if (!S)
    return false;
  if (F(S))
    return true;
  if (SkipLambdas && (isa<LambdaExpr>(S) || isa<BlockExpr>(S)))
    return false;
  for (const Stmt *Child : S->children())
    if (visit(Child, F, SkipLambdas))
      return true;
  return false;
}

bool refersTo(const Stmt *S, const ValueDecl *D) {
  return visit(
      S,
      [D](const Stmt *N) {
        if (const auto *DRE = dyn_cast<DeclRefExpr>(N))
          return DRE->getDecl() == D;
        if (const auto *ME = dyn_cast<MemberExpr>(N))
          return ME->getMemberDecl() == D;
        return false;
      },
      /*SkipLambdas=*/false);
}

bool isWithin(SourceLocation Loc, const Stmt &S, const SourceManager &SM) {
  SourceRange R = S.getSourceRange();
  Loc = SM.getExpansionLoc(Loc);
  SourceLocation B = SM.getExpansionLoc(R.getBegin());
  SourceLocation E = SM.getExpansionLoc(R.getEnd());
  return !SM.isBeforeInTranslationUnit(Loc, B) &&
         !SM.isBeforeInTranslationUnit(E, Loc);
}

bool isScalarOrPointer(const VarDecl &V) {
  QualType T = V.getType().getNonReferenceType();
  return T->isScalarType();
}

bool isThisBase(const Expr *Base) {
  return Base && isa<CXXThisExpr>(Base->IgnoreParenImpCasts());
}

const CXXMethodDecl *findSizeMethod(const CXXRecordDecl *RD) {
  if (!RD || !RD->hasDefinition())
    return nullptr;
  RD = RD->getDefinition();
  for (const CXXMethodDecl *M : RD->methods())
    if (M->getDeclName().isIdentifier() && M->getName() == "size" &&
        M->getNumParams() == 0 && !M->isStatic())
      return M;
  for (const CXXBaseSpecifier &B : RD->bases())
    if (const auto *Base = B.getType()->getAsCXXRecordDecl())
      if (const CXXMethodDecl *M = findSizeMethod(Base))
        return M;
  return nullptr;
}

bool isAtomicExpr(const Expr *E) {
  E = E->IgnoreImpCasts();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
    return Op->getOperator() == OO_Subscript || Op->getOperator() == OO_Call;
  return isa<DeclRefExpr, MemberExpr, CallExpr, IntegerLiteral, ParenExpr,
             ArraySubscriptExpr, UnaryExprOrTypeTraitExpr, CXXThisExpr>(E);
}

// How tightly a spelled expression binds, to decide on parentheses.
enum Binding {
  BindTight, // primary, postfix, prefix unary, casts: any operand position
  BindMul,   // * / %
  BindAdd,   // + -
  BindLoose  // anything else (shifts, bitwise, ?:, ...)
};

Binding bindingOf(const Expr *E) {
  E = E->IgnoreImpCasts();
  if (isAtomicExpr(E) || isa<UnaryOperator, ExplicitCastExpr, CharacterLiteral,
                             CXXBoolLiteralExpr>(E))
    return BindTight;
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->isMultiplicativeOp())
      return BindMul;
    if (BO->isAdditiveOp())
      return BindAdd;
  }
  return BindLoose;
}

std::string parenIf(const std::string &Text, bool Paren) {
  return Paren ? "(" + Text + ")" : Text;
}

// Whether E is made of literals and operators only: its spelling says
// nothing its value does not.
bool isLiteralArithmetic(const Expr *E) {
  E = E->IgnoreParens();
  if (isa<IntegerLiteral, CharacterLiteral, CXXBoolLiteralExpr>(E))
    return true;
  if (const auto *Cast = dyn_cast<CastExpr>(E))
    return isLiteralArithmetic(Cast->getSubExpr());
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return UO->isArithmeticOp() && isLiteralArithmetic(UO->getSubExpr());
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    return !BO->isAssignmentOp() && !BO->isCommaOp() &&
           isLiteralArithmetic(BO->getLHS()) &&
           isLiteralArithmetic(BO->getRHS());
  if (const auto *CO = dyn_cast<ConditionalOperator>(E))
    return isLiteralArithmetic(CO->getCond()) &&
           isLiteralArithmetic(CO->getTrueExpr()) &&
           isLiteralArithmetic(CO->getFalseExpr());
  return false;
}

std::string paren(const std::string &Text, bool Atomic) {
  return Atomic ? Text : "(" + Text + ")";
}

// Splits "X + K" / "X - K" / "K" into (X, K).
std::pair<const Expr *, int64_t> peelLiteral(const Expr *E,
                                             const ASTContext &Ctx) {
  E = E->IgnoreParenImpCasts();
  if (const auto *IL = dyn_cast<IntegerLiteral>(E))
    return {nullptr, IL->getValue().getLimitedValue(INT64_MAX)};
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->getOpcode() == BO_Add || BO->getOpcode() == BO_Sub) {
      if (const auto *IL =
              dyn_cast<IntegerLiteral>(BO->getRHS()->IgnoreParenImpCasts())) {
        int64_t V = IL->getValue().getLimitedValue(1 << 20);
        if (V < (1 << 20))
          return {BO->getLHS()->IgnoreParenImpCasts(),
                  BO->getOpcode() == BO_Add ? V : -V};
      }
    }
  }
  (void)Ctx;
  return {E, 0};
}

std::optional<int64_t> evaluateInt(const Expr *E, const ASTContext &Ctx) {
  if (E->isValueDependent() || E->isTypeDependent())
    return std::nullopt;
  Expr::EvalResult R;
  if (!E->EvaluateAsInt(R, Ctx) || !R.Val.isInt())
    return std::nullopt;
  const llvm::APSInt &V = R.Val.getInt();
  if (V.getSignificantBits() > 63)
    return std::nullopt;
  return V.getExtValue();
}

bool isUnsignedExpr(const Expr *E) {
  return E->getType()->isUnsignedIntegerType();
}

const llvm::StringSet<> &growMethods() {
  static const llvm::StringSet<> S = {
      "push_back", "emplace_back", "push_front",  "emplace_front",    "insert",
      "emplace",   "emplace_hint", "try_emplace", "insert_or_assign", "append"};
  return S;
}

// Non-const member functions that do not change the size of a container.
const llvm::StringSet<> &readMethods() {
  static const llvm::StringSet<> S = {
      "begin",       "end",      "rbegin",   "rend",        "cbegin",
      "cend",        "crbegin",  "crend",    "front",       "back",
      "at",          "data",     "find",     "lower_bound", "upper_bound",
      "equal_range", "count",    "contains", "size",        "length",
      "empty",       "capacity", "c_str",    "max_size",    "get_allocator"};
  return S;
}

// Whether a subscript operator looks up a key (maps) rather than an index.
bool isKeyedSubscript(const CXXMethodDecl *M) {
  return M->getNumParams() == 1 &&
         !M->getParamDecl(0)->getType().getNonReferenceType()->isIntegerType();
}

ContainerUse classifyArgument(const Expr *Arg, const Expr *Call) {
  const FunctionDecl *FD = nullptr;
  unsigned Index = 0;
  bool Found = false;
  auto Locate = [&](auto Args) {
    unsigned I = 0;
    for (const Expr *A : Args) {
      if (A == Arg || stripCopies(A) == Arg ||
          A->IgnoreParenImpCasts() == Arg) {
        Index = I;
        Found = true;
        return;
      }
      ++I;
    }
  };
  if (const auto *CE = dyn_cast<CallExpr>(Call)) {
    FD = CE->getDirectCallee();
    Locate(CE->arguments());
    // A member operator's first argument is the object, not a parameter.
    if (isa<CXXOperatorCallExpr>(CE) && FD && isa<CXXMethodDecl>(FD)) {
      if (Index == 0)
        return ContainerUse::SizeChange; // handled by the caller
      --Index;
    }
  } else if (const auto *Ctor = dyn_cast<CXXConstructExpr>(Call)) {
    FD = Ctor->getConstructor();
    Locate(Ctor->arguments());
  }
  if (!Found || !FD)
    return ContainerUse::SizeChange;
  if (FD->isInStdNamespace() && FD->getDeclName().isIdentifier() &&
      (FD->getName() == "move" || FD->getName() == "swap" ||
       FD->getName() == "back_inserter" || FD->getName() == "inserter" ||
       FD->getName() == "front_inserter" || FD->getName() == "erase" ||
       FD->getName() == "erase_if"))
    return ContainerUse::SizeChange;
  // A forwarding reference (emplace_back(Args&&...)) forwards to a
  // constructor, which in practice reads its argument.
  if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern()) {
    unsigned PI = std::min<unsigned>(Index, Pattern->getNumParams() - 1);
    if (Pattern->getNumParams() > 0) {
      const ParmVarDecl *PP = Pattern->getParamDecl(PI);
      QualType PT = PP->getType();
      if (PP->isParameterPack())
        if (const auto *Exp = PT->getAs<PackExpansionType>())
          PT = Exp->getPattern();
      if (const auto *RR = PT->getAs<RValueReferenceType>())
        if (RR->getPointeeType()->getAs<TemplateTypeParmType>() &&
            !RR->getPointeeType().hasQualifiers())
          return ContainerUse::Read;
    }
  }
  if (Index >= FD->getNumParams())
    return ContainerUse::SizeChange; // variadic: unknown
  QualType PT = FD->getParamDecl(Index)->getType();
  if (PT->isRValueReferenceType())
    return ContainerUse::SizeChange;
  if (PT->isLValueReferenceType() &&
      !PT.getNonReferenceType().isConstQualified())
    return ContainerUse::SizeChange;
  if (PT->isReferenceType() && PT.getNonReferenceType()->isDependentType())
    return ContainerUse::SizeChange;
  return ContainerUse::Read;
}

// The first parent of Cur that is not a paren or a no-op cast (to const);
// Cur moves up to that parent's child.
const Stmt *transparentParent(const Stmt *&Cur, ASTContext &Ctx) {
  const Stmt *P = parentOf(*Cur, Ctx);
  while (P && (isa<ParenExpr>(P) ||
               (isa<ImplicitCastExpr>(P) &&
                cast<ImplicitCastExpr>(P)->getCastKind() == CK_NoOp))) {
    Cur = P;
    P = parentOf(*P, Ctx);
  }
  return P;
}

// Whether a variable of scalar type may be written in S. ExprMutationAnalyzer
// reports `v.push_back(i)` with an unsigned i as a mutation (the converted
// temporary binds to push_back(T&&)), so scalars get this simpler test: a
// use that is not immediately read (lvalue-to-rvalue) must be a const
// reference binding or an unevaluated operand.
bool isScalarMutatedIn(const VarDecl &V, const Stmt &S, ASTContext &Ctx) {
  return visit(
      &S,
      [&](const Stmt *N) {
        const auto *DRE = dyn_cast<DeclRefExpr>(N);
        if (!DRE || DRE->getDecl() != &V)
          return false;
        // An initializer list has a syntactic and a semantic parent; the
        // conversion to an rvalue is in the semantic one.
        for (const DynTypedNode &P : parentsOf(Ctx, *DRE))
          if (const auto *Cast = P.get<ImplicitCastExpr>();
              Cast && Cast->getCastKind() == CK_LValueToRValue)
            return false;
        const Stmt *Cur = DRE;
        const Stmt *P = transparentParent(Cur, Ctx);
        if (!P) {
          auto Parents = parentsOf(Ctx, *Cur);
          if (!Parents.empty())
            if (const auto *VD = Parents[0].get<VarDecl>())
              return VD->getType()->isReferenceType() &&
                     !VD->getType().getNonReferenceType().isConstQualified();
          return false;
        }
        if (const auto *ICE = dyn_cast<ImplicitCastExpr>(P))
          return ICE->getCastKind() != CK_LValueToRValue &&
                 ICE->getCastKind() != CK_ArrayToPointerDecay &&
                 ICE->getCastKind() != CK_FunctionToPointerDecay &&
                 ICE->getCastKind() != CK_LValueToRValueBitCast;
        if (isa<UnaryExprOrTypeTraitExpr>(P))
          return false;
        if (const auto *UO = dyn_cast<UnaryOperator>(P))
          return UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf;
        if (const auto *BO = dyn_cast<BinaryOperator>(P))
          return BO->isAssignmentOp() && BO->getLHS() == Cur;
        if (isa<CallExpr>(P) || isa<CXXConstructExpr>(P))
          return classifyArgument(cast<Expr>(Cur), cast<Expr>(P)) !=
                 ContainerUse::Read;
        return true; // unknown: assume written
      },
      /*SkipLambdas=*/false);
}

} // namespace

std::string getSourceText(const Expr &E, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange R = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(E.getSourceRange()), SM,
      Ctx.getLangOpts());
  if (R.isInvalid())
    return "";
  bool Invalid = false;
  StringRef Text = Lexer::getSourceText(R, SM, Ctx.getLangOpts(), &Invalid);
  if (Invalid)
    return "";
  return Text.str();
}

const ValueDecl *getNamedContainer(const Expr &E) {
  const Expr *S = stripCopies(&E);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    return dyn_cast<VarDecl>(DRE->getDecl());
  if (const auto *ME = dyn_cast<MemberExpr>(S))
    if (isThisBase(ME->getBase()))
      return dyn_cast<FieldDecl>(ME->getMemberDecl());
  return nullptr;
}

ContainerUse classifyContainerUse(const Expr &Ref, ASTContext &Ctx,
                                  std::string *Method) {
  const Stmt *Cur = &Ref;
  const Stmt *P = parentOf(*Cur, Ctx);
  while (P && (isa<ImplicitCastExpr>(P) || isa<ParenExpr>(P))) {
    Cur = P;
    P = parentOf(*P, Ctx);
  }
  if (!P) {
    // A variable initializer or similar Decl parent.
    auto Parents = parentsOf(Ctx, *Cur);
    if (!Parents.empty())
      if (const auto *VD = Parents[0].get<VarDecl>()) {
        if (VD->isImplicit()) // the __range of a range-for
          return ContainerUse::Read;
        QualType T = VD->getType();
        if ((T->isReferenceType() &&
             !T.getNonReferenceType().isConstQualified()) ||
            T->isRValueReferenceType())
          return ContainerUse::SizeChange;
      }
    return ContainerUse::Read;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(P)) {
    if (ME->getBase()->IgnoreParenImpCasts() !=
            cast<Expr>(Cur)->IgnoreParenImpCasts() &&
        ME->getBase() != Cur)
      return ContainerUse::Read;
    const auto *MD = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
    if (!MD)
      return ContainerUse::Read; // a data member of the container
    StringRef Name =
        MD->getDeclName().isIdentifier() ? MD->getName() : StringRef();
    if (Method)
      *Method = Name.str();
    if (growMethods().contains(Name))
      return ContainerUse::Grow;
    if (MD->isConst() || readMethods().contains(Name))
      return ContainerUse::Read;
    return ContainerUse::SizeChange;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P)) {
    const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
    if (MD && Op->getNumArgs() > 0 &&
        (Op->getArg(0) == Cur || Op->getArg(0)->IgnoreParenImpCasts() ==
                                     cast<Expr>(Cur)->IgnoreParenImpCasts())) {
      OverloadedOperatorKind K = Op->getOperator();
      if (Method)
        *Method = std::string("operator") + getOperatorSpelling(K);
      if (K == OO_PlusEqual)
        return ContainerUse::Grow;
      if (K == OO_Subscript)
        return isKeyedSubscript(MD) ? ContainerUse::Grow : ContainerUse::Read;
      if (MD->isConst())
        return ContainerUse::Read;
      return ContainerUse::SizeChange;
    }
    return classifyArgument(cast<Expr>(Cur), Op);
  }
  if (isa<CallExpr>(P) || isa<CXXConstructExpr>(P))
    return classifyArgument(cast<Expr>(Cur), cast<Expr>(P));
  if (const auto *UO = dyn_cast<UnaryOperator>(P)) {
    if (UO->getOpcode() == UO_AddrOf || UO->isIncrementDecrementOp())
      return ContainerUse::SizeChange;
    return ContainerUse::Read;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(P))
    if (BO->isAssignmentOp() && BO->getLHS() == Cur)
      return ContainerUse::SizeChange;
  if (isa<CXXForRangeStmt>(P))
    return ContainerUse::Read;
  return ContainerUse::Read;
}

namespace {

// Size-like const members: their result depends only on how many elements
// the container holds, which sizeMayChangeIn answers.
bool isSizeQuery(const CXXMethodDecl &MD) {
  if (!MD.isConst() || MD.isStatic() || MD.getNumParams() != 0 ||
      !MD.getDeclName().isIdentifier())
    return false;
  StringRef N = MD.getName();
  return N == "size" || N == "length" || N == "empty";
}

// Whether Ref (naming a variable or field) is the object of a size-like call
// `Ref.size()`, possibly through parentheses and the no-op cast to const.
bool isObjectOfSizeQuery(const Expr &Ref, ASTContext &Ctx) {
  const Stmt *Cur = &Ref;
  const Stmt *P = transparentParent(Cur, Ctx);
  const auto *ME = dyn_cast_or_null<MemberExpr>(P);
  if (!ME || ME->isArrow() || ME->getBase() != Cur)
    return false;
  const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(parentOf(*ME, Ctx));
  const ValueDecl *D = getNamedContainer(Ref);
  return D && MC && MC->getCallee()->IgnoreParens() == ME &&
         MC->getMethodDecl() && isSizeQuery(*MC->getMethodDecl()) &&
         getNamedContainer(*MC->getImplicitObjectArgument()) == D;
}

// The parameter type a call argument \p Arg binds to; null when unknown
// (variadic, through a function pointer, the object of a member operator).
const ParmVarDecl *paramFor(const Expr *Arg, const Expr *Call) {
  const FunctionDecl *FD = nullptr;
  llvm::ArrayRef<const Expr *> Args;
  unsigned Skip = 0;
  if (const auto *CE = dyn_cast<CallExpr>(Call)) {
    FD = CE->getDirectCallee();
    Args = llvm::ArrayRef(CE->getArgs(), CE->getNumArgs());
    if (isa<CXXOperatorCallExpr>(CE) && FD && isa<CXXMethodDecl>(FD))
      Skip = 1;
  } else if (const auto *Ctor = dyn_cast<CXXConstructExpr>(Call)) {
    FD = Ctor->getConstructor();
    Args = llvm::ArrayRef(Ctor->getArgs(), Ctor->getNumArgs());
  }
  if (!FD)
    return nullptr;
  for (unsigned I = Skip; I < Args.size(); ++I)
    if (Args[I] == Arg && I - Skip < FD->getNumParams())
      return FD->getParamDecl(I - Skip);
  return nullptr;
}

// Whether `this` leaves the hands of the member accesses in S: passed to a
// function as a pointer or reference to non-const (`reset(this)`,
// `visit(*this)`), stored, or the object of a non-const member operator
// (`(*this)[i] = x`), through which a callee could change any field.
// `this->f()` and `this->x` are judged by the rules for member calls and
// fields.
bool thisEscapesIn(const Stmt &S, ASTContext &Ctx) {
  auto Up = [&](const Stmt *&Cur) {
    const Stmt *P = parentOf(*Cur, Ctx);
    while (P && isa<ParenExpr, ImplicitCastExpr>(P)) {
      Cur = P;
      P = parentOf(*P, Ctx);
    }
    return P;
  };
  return visit(
      &S,
      [&](const Stmt *N) {
        if (!isa<CXXThisExpr>(N))
          return false;
        const Stmt *Cur = N;
        const Stmt *P = Up(Cur);
        if (!P || isa<MemberExpr>(P))
          return P == nullptr;
        bool Deref = false;
        if (const auto *UO = dyn_cast<UnaryOperator>(P)) {
          if (UO->getOpcode() != UO_Deref)
            return true;
          Deref = true;
          Cur = P;
          P = Up(Cur);
          if (!P)
            return true;
          if (isa<MemberExpr>(P)) // (*this).x
            return false;
        }
        if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P))
          if (Op->getNumArgs() > 0 && Op->getArg(0) == Cur)
            if (const auto *MD =
                    dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee()))
              return !MD->isConst();
        if (!isa<CallExpr, CXXConstructExpr>(P))
          return true;
        const ParmVarDecl *PD = paramFor(cast<Expr>(Cur), cast<Expr>(P));
        if (!PD)
          return true;
        QualType T = PD->getType();
        if (Deref) // by value copies, a const reference reads
          return T->isReferenceType() &&
                 !T.getNonReferenceType().isConstQualified();
        return !T->isPointerType() || !T->getPointeeType().isConstQualified();
      },
      /*SkipLambdas=*/false);
}

} // namespace

bool sizeMayChangeIn(const ValueDecl &D, const Stmt &S, ASTContext &Ctx) {
  const bool IsField = isa<FieldDecl>(D);
  return visit(
             &S,
             [&](const Stmt *N) {
               if (const auto *DRE = dyn_cast<DeclRefExpr>(N)) {
                 if (DRE->getDecl() == &D)
                   return classifyContainerUse(*DRE, Ctx) != ContainerUse::Read;
                 return false;
               }
               if (const auto *ME = dyn_cast<MemberExpr>(N)) {
                 if (ME->getMemberDecl() == &D)
                   return classifyContainerUse(*ME, Ctx) != ContainerUse::Read;
                 return false;
               }
               if (IsField) {
                 // A non-const member function of the class may change the
                 // field.
                 if (const auto *MC = dyn_cast<CXXMemberCallExpr>(N))
                   if (isThisBase(MC->getImplicitObjectArgument()))
                     if (const CXXMethodDecl *MD = MC->getMethodDecl())
                       return !MD->isConst() && !MD->isStatic();
               }
               return false;
             },
             /*SkipLambdas=*/false) ||
         (IsField && thisEscapesIn(S, Ctx));
}

bool isReevaluable(const Expr &EIn) {
  const Expr *E = EIn.IgnoreParenImpCasts();
  if (E->isTypeDependent() || E->isValueDependent())
    return false;
  if (isa<IntegerLiteral, CharacterLiteral, CXXBoolLiteralExpr, FloatingLiteral,
          UnaryExprOrTypeTraitExpr, SizeOfPackExpr, CXXThisExpr>(E))
    return true;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (isa<EnumConstantDecl>(DRE->getDecl()))
      return true;
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      return !VD->getType().isVolatileQualified();
    return false;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!FD || FD->getType().isVolatileQualified())
      return false;
    return isReevaluable(*ME->getBase());
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (!MD || !MD->isConst() || MD->isStatic() || MC->getNumArgs() != 0 ||
        MD->getReturnType()->isVoidType())
      return false;
    return isReevaluable(*MC->getImplicitObjectArgument());
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    switch (UO->getOpcode()) {
    case UO_Minus:
    case UO_Plus:
    case UO_Not:
    case UO_LNot:
    case UO_Deref:
      return isReevaluable(*UO->getSubExpr());
    default:
      return false;
    }
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->isAssignmentOp() || BO->isCommaOp())
      return false;
    return isReevaluable(*BO->getLHS()) && isReevaluable(*BO->getRHS());
  }
  if (const auto *CO = dyn_cast<ConditionalOperator>(E))
    return isReevaluable(*CO->getCond()) && isReevaluable(*CO->getTrueExpr()) &&
           isReevaluable(*CO->getFalseExpr());
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E))
    return Cast->getType()->isScalarType() &&
           isReevaluable(*Cast->getSubExpr());
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
    return isReevaluable(*AS->getBase()) && isReevaluable(*AS->getIdx());
  return false;
}

bool isLoopInvariant(const Expr &E, const Stmt &Loop, ASTContext &Ctx) {
  if (!isReevaluable(E))
    return false;
  const SourceManager &SM = Ctx.getSourceManager();
  // ExprMutationAnalyzer asks hasAncestor: keep clang's parent map to user
  // code while it runs.
  std::optional<UserCodeTraversalScope> Scope;
  std::optional<ExprMutationAnalyzer> Analyzer;
  auto Mutated = [&](const auto *X) {
    if (!Analyzer) {
      Scope.emplace(Ctx);
      Analyzer.emplace(Loop, Ctx);
    }
    return Analyzer->isMutated(X);
  };
  bool Varies = visit(
      &E,
      [&](const Stmt *N) {
        // What a pointer or an array element refers to is not tracked.
        if (const auto *UO = dyn_cast<UnaryOperator>(N))
          if (UO->getOpcode() == UO_Deref)
            return true;
        if (isa<ArraySubscriptExpr>(N))
          return true;
        if (const auto *ME = dyn_cast<MemberExpr>(N))
          if (ME->isArrow() && !isThisBase(ME->getBase()))
            return true;
        if (const auto *MC = dyn_cast<CXXMemberCallExpr>(N)) {
          const Expr *Obj =
              MC->getImplicitObjectArgument()->IgnoreParenImpCasts();
          // Through a pointer other than this: the pointee is not tracked.
          if (MC->getImplicitObjectArgument()->getType()->isPointerType() &&
              !isa<CXXThisExpr>(Obj))
            return true;
          if (const ValueDecl *D = getNamedContainer(*Obj)) {
            if (isWithin(D->getLocation(), Loop, SM))
              return true;
            if (const auto *VD = dyn_cast<VarDecl>(D))
              if (VD->hasGlobalStorage() && !VD->getType().isConstQualified())
                return true;
            return sizeMayChangeIn(*D, Loop, Ctx);
          }
          return false;
        }
        if (const auto *DRE = dyn_cast<DeclRefExpr>(N)) {
          const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
          if (!VD)
            return false;
          // Objects used only through size()-like calls were handled above;
          // a direct use of a class-type object is checked as a whole.
          if (isWithin(VD->getLocation(), Loop, SM))
            return true;
          if (VD->hasGlobalStorage() && !VD->getType().isConstQualified() &&
              !VD->isConstexpr())
            return true;
          // The object of v.size(): the call branch asked whether its size
          // may change, which is all the call reads.
          if (isObjectOfSizeQuery(*DRE, Ctx))
            return false;
          const Stmt *P = parentOf(*DRE, Ctx);
          if (P && isa<MemberExpr>(P) &&
              VD->getType().getNonReferenceType()->isRecordType()) {
            const Stmt *PP = parentOf(*P, Ctx);
            if (PP && isa<CXXMemberCallExpr>(PP))
              return false; // checked by the call branch
          }
          if (isScalarOrPointer(*VD))
            return isScalarMutatedIn(*VD, Loop, Ctx);
          return Mutated(VD);
        }
        if (const auto *ME = dyn_cast<MemberExpr>(N)) {
          const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
          if (!FD || !isThisBase(ME->getBase()))
            return false;
          if (isObjectOfSizeQuery(*ME, Ctx))
            return false; // as for variables above
          const Stmt *P = parentOf(*ME, Ctx);
          if (P && isa<MemberExpr>(P)) {
            const Stmt *PP = parentOf(*P, Ctx);
            if (PP && isa<CXXMemberCallExpr>(PP))
              return false; // checked by the call branch
          }
          // Every use of the field in the loop must be unmodified, no
          // non-const member function may run, and `this` must not escape.
          return thisEscapesIn(Loop, Ctx) ||
                 visit(
                     &Loop,
                     [&](const Stmt *M) {
                       if (const auto *Use = dyn_cast<MemberExpr>(M))
                         if (Use->getMemberDecl() == FD && Mutated(Use))
                           return true;
                       if (const auto *MC = dyn_cast<CXXMemberCallExpr>(M))
                         if (isThisBase(MC->getImplicitObjectArgument()))
                           if (const CXXMethodDecl *MD = MC->getMethodDecl())
                             return !MD->isConst() && !MD->isStatic();
                       return false;
                     },
                     false);
        }
        return false;
      },
      /*SkipLambdas=*/false);
  return !Varies;
}

bool isLoopStmt(const Stmt &S) {
  return isa<ForStmt, CXXForRangeStmt, WhileStmt, DoStmt>(S);
}

const Stmt *getLoopBody(const Stmt &Loop) {
  if (const auto *F = dyn_cast<ForStmt>(&Loop))
    return F->getBody();
  if (const auto *RF = dyn_cast<CXXForRangeStmt>(&Loop))
    return RF->getBody();
  if (const auto *W = dyn_cast<WhileStmt>(&Loop))
    return W->getBody();
  if (const auto *D = dyn_cast<DoStmt>(&Loop))
    return D->getBody();
  return nullptr;
}

namespace {
bool isAssertHandler(const FunctionDecl &FD) {
  if (!FD.getDeclName().isIdentifier())
    return false;
  StringRef N = FD.getName();
  return N == "__assert_fail" || N == "__assert_rtn" || N == "_wassert" ||
         N == "__assert_func" || N == "__assert" || N == "__assert_perror_fail";
}

const Stmt *findExit(const Stmt *S, unsigned BreakDepth) {
  if (!S)
    return nullptr;
  if (isa<LambdaExpr>(S) || isa<BlockExpr>(S))
    return nullptr;
  if (isa<BreakStmt>(S))
    return BreakDepth == 0 ? S : nullptr;
  if (isa<ReturnStmt, CoreturnStmt, GotoStmt, IndirectGotoStmt, CXXThrowExpr>(
          S))
    return S;
  if (const auto *CE = dyn_cast<CallExpr>(S)) {
    if (const FunctionDecl *FD = CE->getDirectCallee()) {
      // A failed assert() ends the program: a precondition, not a way out
      // of the loop that the trip count should account for.
      if (isAssertHandler(*FD))
        return nullptr;
      if (FD->isNoReturn())
        return S;
    }
    QualType CT = CE->getCallee()->getType();
    if (const auto *PT = CT->getAs<PointerType>())
      CT = PT->getPointeeType();
    if (const auto *FT = CT->getAs<FunctionType>())
      if (FT->getNoReturnAttr())
        return S;
  }
  unsigned Inner = BreakDepth;
  if (isLoopStmt(*S) || isa<SwitchStmt>(S))
    ++Inner;
  for (const Stmt *Child : S->children())
    if (const Stmt *Found = findExit(Child, Inner))
      return Found;
  return nullptr;
}

const ContinueStmt *findContinue(const Stmt *S, unsigned LoopDepth,
                                 SourceLocation Before,
                                 const SourceManager &SM) {
  if (!S || isa<LambdaExpr>(S) || isa<BlockExpr>(S))
    return nullptr;
  if (const auto *C = dyn_cast<ContinueStmt>(S))
    return LoopDepth == 0 && SM.isBeforeInTranslationUnit(
                                 SM.getExpansionLoc(C->getBeginLoc()), Before)
               ? C
               : nullptr;
  unsigned Inner = LoopDepth + (isLoopStmt(*S) ? 1 : 0);
  for (const Stmt *Child : S->children())
    if (const ContinueStmt *Found = findContinue(Child, Inner, Before, SM))
      return Found;
  return nullptr;
}
} // namespace

const Stmt *findEarlyExit(const Stmt &Loop) {
  return findExit(getLoopBody(Loop), 0);
}

const ContinueStmt *findContinueBefore(const Stmt &Loop, SourceLocation Before,
                                       const SourceManager &SM) {
  return findContinue(getLoopBody(Loop), 0, SM.getExpansionLoc(Before), SM);
}

bool isUnconditionalInLoop(const Stmt &S, const Stmt &Loop, ASTContext &Ctx) {
  const Stmt *Body = getLoopBody(Loop);
  if (!Body)
    return false;
  DynTypedNode Cur = DynTypedNode::create(S);
  while (true) {
    const Stmt *CurStmt = Cur.get<Stmt>();
    if (CurStmt == Body)
      return true;
    auto Parents = parentsOf(Ctx, Cur);
    if (Parents.empty())
      return false;
    const DynTypedNode &P = Parents[0];
    if (const auto *PS = P.get<Stmt>()) {
      if (PS == &Loop)
        return false; // the condition, init or increment
      if (isa<CompoundStmt, AttributedStmt, DeclStmt>(PS)) {
        Cur = P;
        continue;
      }
      if (const auto *PE = dyn_cast<Expr>(PS)) {
        if (isa<ConditionalOperator, BinaryConditionalOperator, LambdaExpr,
                StmtExpr>(PE))
          return false;
        if (const auto *BO = dyn_cast<BinaryOperator>(PE))
          if (BO->isLogicalOp())
            return false;
        Cur = P;
        continue;
      }
      return false;
    }
    if (P.get<VarDecl>()) {
      Cur = P;
      continue;
    }
    return false;
  }
}

bool isExecutedOncePerIteration(const Stmt &S, const Stmt &Loop,
                                ASTContext &Ctx) {
  return isUnconditionalInLoop(S, Loop, Ctx) &&
         !findContinueBefore(Loop, S.getBeginLoc(), Ctx.getSourceManager()) &&
         !findEarlyExit(Loop);
}

std::optional<LoopRuns> exactRunsPerLoopRun(const Stmt &S, ASTContext &Ctx) {
  bool CrossesLambda = false;
  const Stmt *Loop = enclosingLoopOfBody(S, Ctx, &CrossesLambda);
  if (!Loop)
    return LoopRuns{1, false};
  if (CrossesLambda || !isExecutedOncePerIteration(S, *Loop, Ctx))
    return std::nullopt;
  if (std::optional<uint64_t> T = getConstantTripCount(*Loop, Ctx))
    return LoopRuns{*T, true};
  return std::nullopt;
}

const Stmt *getEnclosingFullStatement(const Expr &E, ASTContext &Ctx) {
  const Stmt *Cur = &E;
  while (true) {
    const Stmt *P = parentOf(*Cur, Ctx);
    if (!P)
      return nullptr;
    if (isa<CompoundStmt>(P))
      return Cur;
    if (isa<ExprWithCleanups, ImplicitCastExpr, ParenExpr>(P)) {
      Cur = P;
      continue;
    }
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(P))
      if (Cast->getType()->isVoidType()) {
        Cur = P;
        continue;
      }
    return nullptr;
  }
}

namespace {

// Whether E, a constant, reads the same where a fix would repeat it: no part
// of it comes from a macro (which may expand differently there, or be the
// name of something else), and it has a contiguous spelling.
bool isSpelledOutsideMacros(const Expr *E, ASTContext &Ctx) {
  bool InMacro = visit(
      E,
      [](const Stmt *N) {
        return N->getBeginLoc().isMacroID() || N->getEndLoc().isMacroID();
      },
      /*SkipLambdas=*/true);
  return !InMacro && !getSourceText(*E, Ctx).empty();
}

// The loop's start value as its initialization converts it to the loop
// variable's type: a guard comparing the start with the bound must compare
// the types the loop condition compares, or it tests another condition (a
// negative int bound against an unsigned start) and warns -Wsign-compare
// where the loop does not.
struct StartConversion {
  const Expr *Start = nullptr;
  std::string TypeText; // empty: no conversion needed (or none spellable)
};

StartConversion startConversion(const Expr *Start, const VarDecl &Var,
                                ASTContext &Ctx) {
  StartConversion C;
  C.Start = Start->IgnoreParenImpCasts();
  QualType From = C.Start->getType(), To = Var.getType();
  if (!From->isIntegerType() || !To->isIntegerType() ||
      From->isUnsignedIntegerType() == To->isUnsignedIntegerType())
    return C;
  // The type as written (`std::size_t`), else its builtin name.
  TypeLoc TL = Var.getTypeSourceInfo()->getTypeLoc().getUnqualifiedLoc();
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange R = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(TL.getSourceRange()), SM,
      Ctx.getLangOpts());
  if (R.isValid() && !TL.getAs<AutoTypeLoc>())
    C.TypeText = Lexer::getSourceText(R, SM, Ctx.getLangOpts()).str();
  if (C.TypeText.empty() && To.getCanonicalType()->isBuiltinType())
    C.TypeText = To.getCanonicalType().getUnqualifiedType().getAsString(
        Ctx.getPrintingPolicy());
  return C;
}

// An operand of the guard: E's text, converted as StartConversion says when
// E is the start value.
std::string guardOperand(const Expr *E, const std::string &Text,
                         const StartConversion &Conv) {
  if (E == Conv.Start && !Conv.TypeText.empty())
    return "static_cast<" + Conv.TypeText + ">(" + Text + ")";
  return parenIf(Text, bindingOf(E) == BindLoose);
}

// Count = Hi - Lo + Off spelled from the source; LoValue is Lo's value when
// Lo is a literal (then the literals fold into one number).
LoopTripCount spellSymbolic(const Expr *Hi, const Expr *Lo, int Off,
                            std::optional<int64_t> LoValue, ASTContext &Ctx,
                            const StartConversion &Conv) {
  LoopTripCount C;
  std::string HiText = getSourceText(*Hi, Ctx);
  std::string LoText =
      LoValue ? std::to_string(*LoValue) : getSourceText(*Lo, Ctx);
  if (HiText.empty() || LoText.empty()) {
    C.Reevaluable = false;
    C.Reason = "the loop bounds are spelled inside a macro expansion";
    return C;
  }
  // Hi = X + A.
  auto [X, A] = peelLiteral(Hi, Ctx);
  if (!X)
    X = Hi, A = 0;
  std::string XText = getSourceText(*X, Ctx);
  if (XText.empty())
    X = Hi, A = 0, XText = HiText;
  Binding XB = bindingOf(X);
  std::string XP = parenIf(XText, XB == BindLoose);
  auto AddConstant = [](std::string &S, int64_t K) {
    if (K > 0)
      S += " + " + std::to_string(K);
    else if (K < 0)
      S += " - " + std::to_string(-K);
  };
  if (LoValue) {
    // Lo is a literal: count = X + K.
    int64_t K = A - *LoValue + Off;
    C.Spelling = K == 0 ? XText : XP;
    AddConstant(C.Spelling, K);
    C.Atomic = K == 0 && XB == BindTight;
    C.Multiplicative = K == 0 && XB == BindMul;
    if (K < 0)
      C.Guard = XP + " > " + std::to_string(-K);
    else if (!isUnsignedExpr(X)) {
      if (K == 0)
        C.Guard = XP + " > 0";
      else if (K == 1)
        C.Guard = XP + " >= 0";
      else
        C.Guard = XP + " > -" + std::to_string(K);
    }
    return C;
  }
  // Lo = Y + B: count = X - Y + (A - B + Off).
  auto [Y, B] = peelLiteral(Lo, Ctx);
  std::string YText = Y ? getSourceText(*Y, Ctx) : "";
  if (YText.empty())
    Y = Lo, B = 0, YText = LoText;
  C.Spelling = XP + " - " + parenIf(YText, bindingOf(Y) != BindTight);
  AddConstant(C.Spelling, A - B + Off);
  C.Atomic = false;
  // Hi - Lo + Off > 0, i.e. Hi > Lo - Off, as the loop compares its values.
  C.Guard = guardOperand(Hi, HiText, Conv) + (Off > 0 ? " >= " : " > ") +
            guardOperand(Lo, LoText, Conv);
  if (Off < 0)
    C.Guard += " + " + std::to_string(-static_cast<int64_t>(Off));
  return C;
}

// Count = Hi - Lo + Off for a counted loop.
LoopTripCount spellDifference(const Expr *Hi, const Expr *Lo, int Off,
                              const Stmt &Loop, ASTContext &Ctx,
                              const StartConversion &Conv) {
  Hi = Hi->IgnoreParenImpCasts();
  Lo = Lo->IgnoreParenImpCasts();
  std::optional<int64_t> HV = evaluateInt(Hi, Ctx), LV = evaluateInt(Lo, Ctx);
  bool LoLiteral = LV && isLiteralArithmetic(Lo);
  if (!HV || !LV)
    return spellSymbolic(Hi, Lo, Off, LoLiteral ? LV : std::nullopt, Ctx, Conv);
  LoopTripCount C;
  // Saturates: bounds far apart (long long extremes) overflow int64_t.
  int64_t N;
  if (llvm::SubOverflow(*HV, *LV, N) || llvm::AddOverflow(N, int64_t(Off), N))
    N = *HV > *LV ? INT64_MAX : -1;
  C.Constant = N < 0 ? 0 : static_cast<uint64_t>(N);
  C.Spelling = std::to_string(*C.Constant);
  // A constant is spelled as written when it names something (kSize,
  // sizeof(T), kRows + 1): that says more than its value. It is folded when
  // the spelling is its value anyway (2 + 3), when the count is not positive
  // (kA - kB would be negative, or wrap), and when the text could mean
  // something else before the loop (macros, template parameters).
  if (N <= 0 || (isLiteralArithmetic(Hi) && LoLiteral) ||
      !isSpelledOutsideMacros(Hi, Ctx) || !isSpelledOutsideMacros(Lo, Ctx) ||
      isTemplateInstantiationOrIn(Ctx, DynTypedNode::create(Loop),
                                  /*IncludeSelf=*/false))
    return C;
  LoopTripCount S =
      spellSymbolic(Hi, Lo, Off, LoLiteral ? LV : std::nullopt, Ctx, Conv);
  if (S.Spelling.empty() || !S.Reevaluable)
    return C;
  S.Guard.clear(); // the count is known to be positive
  S.Constant = C.Constant;
  return S;
}

const VarDecl *refVar(const Expr *E) {
  if (!E)
    return nullptr;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(stripCopies(E)))
    return dyn_cast<VarDecl>(DRE->getDecl());
  return nullptr;
}

// For `I != E` with E declared in the loop's init, the initializer of E.
const Expr *resolveInitVar(const Expr *B, const ForStmt &F,
                           const VarDecl *Induction) {
  const VarDecl *V = refVar(B);
  if (!V || V == Induction)
    return B;
  if (const auto *DS = dyn_cast_or_null<DeclStmt>(F.getInit()))
    for (const Decl *D : DS->decls())
      if (D == V)
        return V->getInit() ? V->getInit() : nullptr;
  return B;
}

bool isBeginCall(const Expr *E, const ValueDecl *&D, bool End,
                 const Expr *&ObjExpr) {
  const auto *MC = dyn_cast<CXXMemberCallExpr>(stripCopies(E));
  if (!MC || MC->getNumArgs() != 0 || !MC->getMethodDecl())
    return false;
  StringRef Name = MC->getMethodDecl()->getDeclName().isIdentifier()
                       ? MC->getMethodDecl()->getName()
                       : StringRef();
  if (End ? (Name != "end" && Name != "cend")
          : (Name != "begin" && Name != "cbegin"))
    return false;
  ObjExpr = MC->getImplicitObjectArgument();
  D = getNamedContainer(*ObjExpr);
  return D != nullptr;
}

// The induction variable and signed step of a for loop's increment: ++i,
// i++, i += K, i = i + K and their decrements (K a constant; only 1 unless
// \p AllowStride), and ++/-- on an iterator. {nullptr, 0} otherwise.
std::pair<const VarDecl *, int64_t> parseStep(const Expr *Inc, ASTContext &Ctx,
                                              bool AllowStride) {
  auto Accept = [&](const VarDecl *V, std::optional<int64_t> K,
                    bool Add) -> std::pair<const VarDecl *, int64_t> {
    if (!V || !K || *K <= 0 || *K > (int64_t(1) << 32) ||
        (*K != 1 && !AllowStride))
      return {nullptr, 0};
    return {V, Add ? *K : -*K};
  };
  Inc = stripCopies(Inc);
  if (const auto *UO = dyn_cast<UnaryOperator>(Inc)) {
    if (UO->isIncrementDecrementOp())
      return Accept(refVar(UO->getSubExpr()), 1, UO->isIncrementOp());
  } else if (const auto *CAO = dyn_cast<CompoundAssignOperator>(Inc)) {
    if (CAO->getOpcode() == BO_AddAssign || CAO->getOpcode() == BO_SubAssign)
      return Accept(refVar(CAO->getLHS()), evaluateInt(CAO->getRHS(), Ctx),
                    CAO->getOpcode() == BO_AddAssign);
  } else if (const auto *BO = dyn_cast<BinaryOperator>(Inc)) {
    const VarDecl *L = refVar(BO->getLHS());
    const auto *RHS =
        dyn_cast<BinaryOperator>(BO->getRHS()->IgnoreParenImpCasts());
    if (BO->getOpcode() == BO_Assign && L && RHS &&
        refVar(RHS->getLHS()) == L &&
        (RHS->getOpcode() == BO_Add || RHS->getOpcode() == BO_Sub))
      return Accept(L, evaluateInt(RHS->getRHS(), Ctx),
                    RHS->getOpcode() == BO_Add);
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Inc)) {
    if ((Op->getOperator() == OO_PlusPlus ||
         Op->getOperator() == OO_MinusMinus) &&
        Op->getNumArgs() >= 1)
      return Accept(refVar(Op->getArg(0)), 1, Op->getOperator() == OO_PlusPlus);
  }
  return {nullptr, 0};
}

// Whether a counted loop over the integer \p Var may not end where its
// constants say: a constant bound or start outside Var's type (`c < 300`
// for an unsigned char c, `u < -1`), an inclusive bound the step cannot get
// past without wrapping (`u >= 0` counting down, `c <= 255`, `i < 255` by
// 2 for an unsigned char), or a negative start compared as unsigned. Then
// the loop wraps around (or overflows) and its count is not Hi - Lo.
bool mayWrap(const VarDecl &Var, QualType CompareType, BinaryOperatorKind Opc,
             int64_t Step, const Expr *Start, const Expr *Bound,
             ASTContext &Ctx) {
  QualType T = Var.getType();
  if (!T->isIntegerType())
    return false;
  unsigned Width = Ctx.getIntWidth(T);
  bool Signed = T->isSignedIntegerType();
  int64_t Max = Width >= 64 || (Signed && Width >= 63)
                    ? INT64_MAX
                    : (int64_t(1) << (Signed ? Width - 1 : Width)) - 1;
  int64_t Min = Signed ? -Max - 1 : 0;
  std::optional<int64_t> SV = evaluateInt(Start->IgnoreParenImpCasts(), Ctx);
  if (SV && (*SV < Min || *SV > Max ||
             (*SV < 0 && CompareType->isUnsignedIntegerType())))
    return true;
  std::optional<int64_t> BV = evaluateInt(Bound->IgnoreParenImpCasts(), Ctx);
  if (!BV)
    return false;
  if (*BV < Min || *BV > Max)
    return true;
  int64_t M = Step < 0 ? -Step : Step;
  switch (Opc) {
  case BO_LT:
    return *BV - 1 > Max - M;
  case BO_LE:
    return *BV > Max - M;
  case BO_GT:
    return *BV + 1 < Min + M;
  case BO_GE:
    return *BV < Min + M;
  default:
    return false;
  }
}

// B when \p E is the induction variable \p Var plus a non-negative integer
// constant B (`i + 2`, `2 + i`; 0 for `i` itself), else nullopt.
std::optional<int64_t> inductionOffset(const Expr *E, const VarDecl &Var,
                                       ASTContext &Ctx) {
  if (refVar(E) == &Var)
    return 0;
  const auto *BO = dyn_cast<BinaryOperator>(E->IgnoreParenImpCasts());
  if (!BO || BO->getOpcode() != BO_Add)
    return std::nullopt;
  const Expr *K = BO->getRHS();
  if (refVar(BO->getRHS()) == &Var)
    K = BO->getLHS();
  else if (refVar(BO->getLHS()) != &Var)
    return std::nullopt;
  std::optional<int64_t> B = evaluateInt(K->IgnoreParenImpCasts(), Ctx);
  if (!B || *B < 0 || *B >= (1 << 20))
    return std::nullopt;
  return B;
}

// Puts the side of a loop condition that names the induction variable \p Var
// (`i`, or `i + B` for a constant B >= 0) into \p L, reversing \p Opc when
// the sides swap; returns B, or nullopt when neither side has that shape.
std::optional<int64_t> orientCondition(const Expr *&L, const Expr *&R,
                                       BinaryOperatorKind &Opc,
                                       const VarDecl &Var, ASTContext &Ctx) {
  if (!inductionOffset(L, Var, Ctx) && inductionOffset(R, Var, Ctx)) {
    std::swap(L, R);
    Opc = BinaryOperator::reverseComparisonOp(Opc);
  }
  return inductionOffset(L, Var, Ctx);
}

std::optional<LoopTripCount> forCount(const ForStmt &F, ASTContext &Ctx,
                                      const Stmt &Scope, bool AllowStride) {
  const Expr *Inc = F.getInc();
  const Expr *Cond = F.getCond();
  if (!Inc || !Cond || !F.getInit() || !F.getBody())
    return std::nullopt;
  // The increment names the induction variable and the direction.
  auto [Var, Step] = parseStep(Inc, Ctx, AllowStride);
  if (!Var)
    return std::nullopt;
  QualType VT = Var->getType();
  bool Builtin = (VT->isIntegerType() && !VT->isBooleanType()) ||
                 (VT->isPointerType() && !VT->isFunctionPointerType());
  bool Iterator = VT->isRecordType();
  if (!Builtin && !Iterator)
    return std::nullopt;

  // The start value: declared in the init, or assigned there.
  const Expr *Start = nullptr;
  if (const auto *DS = dyn_cast<DeclStmt>(F.getInit())) {
    for (const Decl *D : DS->decls())
      if (D == Var)
        Start = Var->getInit();
  } else if (const auto *Init = dyn_cast<Expr>(F.getInit())) {
    Init = stripCopies(Init);
    if (const auto *BO = dyn_cast<BinaryOperator>(Init)) {
      if (BO->getOpcode() == BO_Assign && refVar(BO->getLHS()) == Var)
        Start = BO->getRHS();
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Init)) {
      if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
          refVar(Op->getArg(0)) == Var)
        Start = Op->getArg(1);
    }
  }
  if (!Start)
    return std::nullopt;

  // The condition: Var OP Bound, or Bound OP Var.
  const Expr *L = nullptr, *R = nullptr;
  BinaryOperatorKind Opc;
  Cond = stripCopies(Cond);
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
    if (!BO->isComparisonOp())
      return std::nullopt;
    L = BO->getLHS(), R = BO->getRHS(), Opc = BO->getOpcode();
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Cond)) {
    if (Op->getNumArgs() != 2 || !Op->isComparisonOp())
      return std::nullopt;
    L = Op->getArg(0), R = Op->getArg(1);
    Opc = BinaryOperator::getOverloadedOpcode(Op->getOperator());
  } else {
    return std::nullopt;
  }
  std::optional<int64_t> Offset = orientCondition(L, R, Opc, *Var, Ctx);
  if (!Offset)
    return std::nullopt;
  const Expr *Bound = resolveInitVar(R, F, Var);
  if (!Bound || refersTo(Bound, Var))
    return std::nullopt;

  // The induction variable changes only in the increment.
  if (isScalarOrPointer(*Var)
          ? isScalarMutatedIn(*Var, *F.getBody(), Ctx)
          : [&] {
              // Keeps clang's parent map to user code.
              UserCodeTraversalScope Scope(Ctx);
              return ExprMutationAnalyzer(*F.getBody(), Ctx).isMutated(Var);
            }())
    return std::nullopt;
  if (const VarDecl *BV = refVar(R);
      BV && BV != Var && Bound != R &&
      (isScalarOrPointer(*BV) ? isScalarMutatedIn(*BV, F, Ctx)
                              : sizeMayChangeIn(*BV, F, Ctx)))
    return std::nullopt;

  const SourceManager &SM = Ctx.getSourceManager();
  LoopTripCount C;
  C.LoopVar = Var;
  if (Iterator) {
    if (Step != 1 || (Opc != BO_NE && Opc != BO_LT))
      return std::nullopt;
    const ValueDecl *BeginD = nullptr, *EndD = nullptr;
    const Expr *BeginObj = nullptr, *EndObj = nullptr;
    if (!isBeginCall(Start, BeginD, /*End=*/false, BeginObj) ||
        !isBeginCall(Bound, EndD, /*End=*/true, EndObj) || BeginD != EndD)
      return std::nullopt;
    if (sizeMayChangeIn(*BeginD, F, Ctx) ||
        (&Scope != &F && (sizeMayChangeIn(*BeginD, Scope, Ctx) ||
                          isWithin(BeginD->getLocation(), Scope, SM))))
      return std::nullopt;
    const CXXRecordDecl *RD =
        BeginObj->getType()->getPointeeCXXRecordDecl()
            ? BeginObj->getType()->getPointeeCXXRecordDecl()
            : BeginObj->getType()->getAsCXXRecordDecl();
    const CXXMethodDecl *Size = findSizeMethod(RD);
    if (!Size)
      return std::nullopt;
    const Expr *Obj = BeginObj->IgnoreParenImpCasts();
    std::string ObjText =
        isa<CXXThisExpr>(Obj) && cast<CXXThisExpr>(Obj)->isImplicit()
            ? ""
            : getSourceText(*Obj, Ctx);
    const auto *ME =
        dyn_cast<MemberExpr>(cast<CXXMemberCallExpr>(stripCopies(Start))
                                 ->getCallee()
                                 ->IgnoreParens());
    if (ME && !ME->isImplicitAccess())
      C.Spelling = ObjText + (ME->isArrow() ? "->" : ".") + "size()";
    else
      C.Spelling = "size()";
    if (ObjText.empty() && ME && !ME->isImplicitAccess()) {
      C.Reevaluable = false;
      C.Reason = "the container is spelled inside a macro expansion";
    }
    C.Range = Obj;
    if (!Size->getReturnType()->isUnsignedIntegerType())
      C.Guard = C.Spelling + " > 0";
    return C;
  }

  bool Inclusive;
  if (Step > 0) {
    if (Opc != BO_LT && Opc != BO_NE && Opc != BO_LE)
      return std::nullopt;
    Inclusive = Opc == BO_LE;
  } else {
    if (Opc != BO_GT && Opc != BO_NE && Opc != BO_GE)
      return std::nullopt;
    Inclusive = Opc == BO_GE;
  }
  // `i + B < n` counts up to n - B only; a stride may step over a `!=`
  // bound.
  if ((*Offset && (Step != 1 || !VT->isIntegerType() || Opc == BO_NE)) ||
      (Step != 1 && Step != -1 && Opc == BO_NE) ||
      mayWrap(*Var, L->getType(), Opc, Step, Start, Bound, Ctx))
    return std::nullopt;
  if (!isLoopInvariant(*Bound, F, Ctx) ||
      (&Scope != &F && (!isLoopInvariant(*Bound, Scope, Ctx) ||
                        !isLoopInvariant(*Start, Scope, Ctx))))
    return std::nullopt;
  const Expr *Hi = Step > 0 ? Bound : Start;
  const Expr *Lo = Step > 0 ? Start : Bound;
  LoopTripCount D =
      spellDifference(Hi, Lo, (Inclusive ? 1 : 0) - static_cast<int>(*Offset),
                      F, Ctx, startConversion(Start, *Var, Ctx));
  D.LoopVar = Var;
  if (Step != 1 && Step != -1) {
    // Strides are only counted when constant (no spelling divides).
    if (!D.Constant)
      return std::nullopt;
    uint64_t M = uint64_t(Step < 0 ? -Step : Step);
    LoopTripCount K;
    K.Constant = (*D.Constant + M - 1) / M;
    K.Spelling = std::to_string(*K.Constant);
    K.LoopVar = Var;
    return K;
  }
  // Names declared in the loop header are not visible before it.
  const VarDecl *HeaderName = nullptr;
  if (const auto *DS = dyn_cast<DeclStmt>(F.getInit()))
    for (const Decl *Dcl : DS->decls())
      if (const auto *V = dyn_cast<VarDecl>(Dcl))
        if (!HeaderName && (refersTo(Hi, V) || refersTo(Lo, V)))
          HeaderName = V;
  if (D.Constant) {
    // A constant spelled through such a name is written as its value.
    if (HeaderName) {
      D.Spelling = std::to_string(*D.Constant);
      D.Atomic = true;
      D.Multiplicative = false;
    }
  } else if (D.Reevaluable) {
    if (!isReevaluable(*Start)) {
      D.Reevaluable = false;
      D.Reason = "the start value '" + getSourceText(*Start, Ctx) +
                 "' cannot be evaluated a second time";
    } else if (HeaderName) {
      D.Reevaluable = false;
      D.Reason = "'" + HeaderName->getNameAsString() +
                 "' is declared in the loop header";
    }
  }
  return D;
}

std::optional<LoopTripCount> rangeForCount(const CXXForRangeStmt &RF,
                                           ASTContext &Ctx, const Stmt &Scope) {
  const Expr *Init = RF.getRangeInit();
  if (!Init || !RF.getBody())
    return std::nullopt;
  const Expr *R = stripCopies(Init);
  LoopTripCount C;
  C.LoopVar = RF.getLoopVariable();
  C.Range = R;
  if (const auto *CAT = Ctx.getAsConstantArrayType(R->getType())) {
    C.Constant = CAT->getSize().getLimitedValue();
    C.Spelling = std::to_string(*C.Constant);
    return C;
  }
  if (const auto *SIL = dyn_cast<CXXStdInitializerListExpr>(R))
    R = stripCopies(SIL->getSubExpr());
  if (const auto *ILE = dyn_cast<InitListExpr>(R)) {
    C.Constant = ILE->getNumInits();
    if (const auto *CAT = Ctx.getAsConstantArrayType(ILE->getType()))
      C.Constant = CAT->getSize().getLimitedValue();
    C.Spelling = std::to_string(*C.Constant);
    return C;
  }
  const CXXRecordDecl *RD = R->getType()->getAsCXXRecordDecl();
  const CXXMethodDecl *Size = findSizeMethod(RD);
  if (!Size || !Size->getReturnType()->isIntegerType())
    return std::nullopt;
  const SourceManager &SM = Ctx.getSourceManager();
  const Expr *Named = R;
  const auto *Deref = dyn_cast<UnaryOperator>(R);
  if (Deref && Deref->getOpcode() == UO_Deref)
    Named = Deref->getSubExpr()->IgnoreParenImpCasts();
  if (const ValueDecl *D = getNamedContainer(*Named)) {
    if (!Deref && sizeMayChangeIn(*D, *RF.getBody(), Ctx))
      return std::nullopt;
  }
  if (&Scope != &RF) {
    if (!isLoopInvariant(*R, Scope, Ctx))
      return std::nullopt;
    if (const ValueDecl *D = getNamedContainer(*Named))
      if (isWithin(D->getLocation(), Scope, SM) ||
          sizeMayChangeIn(*D, Scope, Ctx))
        return std::nullopt;
  }
  std::string Text = getSourceText(*(Deref ? Named : R), Ctx);
  bool Atomic = isAtomicExpr(Deref ? Named : R);
  C.Spelling = Deref ? paren(Text, Atomic) + "->size()"
                     : paren(Text, Atomic) + ".size()";
  const ValueDecl *InInit = getNamedContainer(*Named);
  if (InInit &&
      !(RF.getInit() && isWithin(InInit->getLocation(), *RF.getInit(), SM)))
    InInit = nullptr;
  if (Text.empty()) {
    C.Reevaluable = false;
    C.Reason = "the range is spelled inside a macro expansion";
  } else if (InInit) {
    // Not visible before the loop.
    C.Reevaluable = false;
    C.Reason = "'" + InInit->getNameAsString() +
               "' is declared in the loop's init-statement";
  } else if (!isReevaluable(*R) || !R->isGLValue() ||
             (isa<CallExpr>(R) && !R->getType()->isReferenceType() &&
              !cast<CallExpr>(R)->getCallReturnType(Ctx)->isReferenceType())) {
    C.Reevaluable = false;
    C.Reason = "the range '" + Text + "' would be evaluated a second time";
  }
  if (!Size->getReturnType()->isUnsignedIntegerType())
    C.Guard = C.Spelling + " > 0";
  return C;
}

} // namespace

namespace {
std::optional<LoopTripCount> tripCount(const Stmt &Loop, ASTContext &Ctx,
                                       const Stmt &Scope, bool AllowStride) {
  if (const auto *RF = dyn_cast<CXXForRangeStmt>(&Loop))
    return rangeForCount(*RF, Ctx, Scope);
  if (const auto *F = dyn_cast<ForStmt>(&Loop))
    return forCount(*F, Ctx, Scope, AllowStride);
  return std::nullopt;
}
} // namespace

std::optional<LoopTripCount> getLoopTripCount(const Stmt &Loop, ASTContext &Ctx,
                                              const Stmt *InvariantWithin) {
  // Fixes spell the count, and a stride's count is not spelled: strides are
  // only for getConstantTripCount.
  return tripCount(Loop, Ctx, InvariantWithin ? *InvariantWithin : Loop,
                   /*AllowStride=*/false);
}

namespace {

// The size of a std::array (through references and cv-qualifiers).
std::optional<uint64_t> stdArraySize(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Spec || !Spec->isInStdNamespace() || Spec->getName() != "array")
    return std::nullopt;
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Args.size() != 2 || Args[1].getKind() != TemplateArgument::Integral)
    return std::nullopt;
  return Args[1].getAsIntegral().getLimitedValue();
}

const uint64_t SaturatedCount = uint64_t(1) << 40;

uint64_t mulSaturated(uint64_t A, uint64_t B) {
  if (A == 0 || B == 0)
    return 0;
  if (A > SaturatedCount / B)
    return SaturatedCount;
  return A * B;
}

// How many times the child \p Child of loop \p P runs per run of P, when P
// is a for or range-for with a constant count; 1 for its init-statement
// (and a range-for's range), nullopt for an unknown count.
std::optional<uint64_t> runsPerLoop(const Stmt &P, const Stmt *Child,
                                    ASTContext &Ctx) {
  if (const auto *For = dyn_cast<ForStmt>(&P)) {
    if (Child == For->getInit())
      return 1;
    std::optional<uint64_t> Trips = getConstantTripCount(*For, Ctx);
    // The condition runs once more than the body.
    if (Trips && Child == For->getCond())
      return *Trips + 1;
    return Trips;
  }
  const auto *RF = cast<CXXForRangeStmt>(&P);
  if (Child == RF->getRangeStmt() || Child == RF->getInit())
    return 1;
  return getConstantTripCount(*RF, Ctx);
}

} // namespace

std::optional<uint64_t> getConstantTripCount(const Stmt &Loop,
                                             ASTContext &Ctx) {
  // `do { } while (false)` runs once, `while (false)` never.
  bool Value = true;
  if (const auto *D = dyn_cast<DoStmt>(&Loop))
    return D->getCond() && !D->getCond()->isValueDependent() &&
                   D->getCond()->EvaluateAsBooleanCondition(Value, Ctx) &&
                   !Value
               ? std::optional<uint64_t>(1)
               : std::nullopt;
  if (const auto *W = dyn_cast<WhileStmt>(&Loop))
    return W->getCond() && !W->getCond()->isValueDependent() &&
                   W->getCond()->EvaluateAsBooleanCondition(Value, Ctx) &&
                   !Value
               ? std::optional<uint64_t>(0)
               : std::nullopt;
  if (std::optional<LoopTripCount> C =
          tripCount(Loop, Ctx, Loop, /*AllowStride=*/true)) {
    if (C->Constant)
      return C->Constant;
    // A std::array's size() is spelled, not folded, for fixes; as a bound
    // it is its template argument.
    if (isa<CXXForRangeStmt>(Loop) && C->Range)
      return stdArraySize(C->Range->getType());
  }
  return std::nullopt;
}

std::optional<uint64_t> maxExecutionsWithin(const Stmt &S, const Stmt &Scope,
                                            ASTContext &Ctx) {
  uint64_t Count = 1;
  DynTypedNode Child = DynTypedNode::create(S);
  while (true) {
    DynTypedNode Parent = parentOf(Child, Ctx);
    const auto *P = Parent.get<Stmt>();
    if (!P) {
      // Declarations between (a VarDecl initializer, a DeclStmt) are fine;
      // a function, lambda or block boundary is not.
      const auto *D = Parent.get<Decl>();
      if (!D || isa<FunctionDecl, BlockDecl, RecordDecl>(D))
        return std::nullopt;
      Child = Parent;
      continue;
    }
    if (P == &Scope)
      return Count;
    if (isa<LambdaExpr, BlockExpr, WhileStmt, DoStmt>(P))
      return std::nullopt;
    if (isa<ForStmt, CXXForRangeStmt>(P)) {
      std::optional<uint64_t> Runs = runsPerLoop(*P, Child.get<Stmt>(), Ctx);
      if (!Runs)
        return std::nullopt;
      Count = mulSaturated(Count, *Runs);
    }
    Child = Parent;
  }
}

// Not skipValueWrappers (ValueWrappers.h): this strips every implicit cast
// and copy/move construction, to reach the object a copy was made from.
const Expr *stripCopies(const Expr *E) {
  while (E) {
    const Expr *Old = E;
    E = E->IgnoreParenImpCasts();
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
      E = EWC->getSubExpr();
    if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
      E = MTE->getSubExpr();
    if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(E))
      E = BTE->getSubExpr();
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
      if (CE->getNumArgs() == 1 &&
          CE->getConstructor()->isCopyOrMoveConstructor())
        E = CE->getArg(0);
    if (E == Old)
      break;
  }
  return E;
}

} // namespace clang::tidy::memlint::utils
