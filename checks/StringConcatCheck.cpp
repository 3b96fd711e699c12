//===--- StringConcatCheck.cpp - memlint-string-concat --------------------===//

#include "StringConcatCheck.h"
#include "checks/utils/AllocationBehaviour.h"
#include "checks/utils/LocalLifetime.h"
#include "checks/utils/LocalUses.h"
#include "checks/utils/StringConcat.h"
#include "checks/utils/StringViewRead.h"
#include "fixits/Hoist.h"
#include "fixits/StringEdits.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::memlint {

namespace {

constexpr llvm::StringRef OpId = "op";

/// Where the expression statement \p S sits: 1 directly in a compound
/// statement, 0 as the single-statement body of an if/loop/case/label, -1
/// elsewhere (its value is used, or it is a for-loop's increment).
int statementPlace(const Stmt &S, ASTContext &Ctx) {
  const Stmt *P = utils::parentStmt(S, Ctx);
  if (!P)
    return -1;
  if (isa<CompoundStmt>(P))
    return 1;
  if (const auto *If = dyn_cast<IfStmt>(P))
    return If->getThen() == &S || If->getElse() == &S ? 0 : -1;
  if (isa<WhileStmt, ForStmt, DoStmt, CXXForRangeStmt>(P))
    return utils::loopBody(*P) == &S ? 0 : -1;
  if (const auto *SC = dyn_cast<SwitchCase>(P))
    return SC->getSubStmt() == &S ? 0 : -1;
  if (const auto *L = dyn_cast<LabelStmt>(P))
    return L->getSubStmt() == &S ? 0 : -1;
  return -1;
}

/// The longest value \p E can have when it is made of literals only: a
/// string literal (or a std::string built from one) or a character.
std::optional<uint64_t> literalLength(const Expr &E) {
  if (isa<CharacterLiteral>(E.IgnoreParenImpCasts()))
    return 1;
  return utils::maxLiteralLength(&E);
}

} // namespace

bool StringConcatCheck::temporaryFitsInline(const Candidate &C) {
  // `s = s + ...` copies s, whose length is not known here.
  if (C.SelfAssign)
    return false;
  const auto *RD = C.Target->getType()->getAsCXXRecordDecl();
  if (!RD)
    return false;
  uint64_t Total = 0;
  for (const Expr *P : C.Pieces) {
    std::optional<uint64_t> Len = literalLength(*P);
    if (!Len)
      return false;
    Total += *Len;
  }
  return Total <= utils::smallStringCapacity(*RD);
}

void StringConcatCheck::registerMatchers(MatchFinder *Finder) {
  UserScope.registerMatchers(Finder);
  Finder->addMatcher(
      cxxOperatorCallExpr(
          hasAnyOverloadedOperatorName("=", "+="),
          callee(cxxMethodDecl(ofClass(classTemplateSpecializationDecl(
              hasName("::std::basic_string"))))),
          unless(isExpansionInSystemHeader()))
          .bind(OpId),
      this);
}

void StringConcatCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Op = Result.Nodes.getNodeAs<CXXOperatorCallExpr>(OpId);
  ASTContext &Ctx = *Result.Context;
  std::optional<Candidate> C = candidate(*Op, Ctx);
  if (!C || temporaryFitsInline(*C) || !piecesAreSafe(*C, Ctx))
    return;
  emit(*C, Ctx);
}

std::optional<StringConcatCheck::Candidate>
StringConcatCheck::candidate(const CXXOperatorCallExpr &Op, ASTContext &Ctx) {
  if (Op.getNumArgs() != 2 || Op.getBeginLoc().isMacroID() ||
      Op.getEndLoc().isMacroID() ||
      utils::isTemplateInstantiationOrIn(Ctx, DynTypedNode::create(Op),
                                         /*IncludeSelf=*/false))
    return std::nullopt;
  Candidate C;
  C.Op = &Op;
  C.SelfAssign = Op.getOperator() == OO_Equal;
  C.Target = Op.getArg(0);
  if (!utils::isStdString(C.Target->getType()) || C.Target->HasSideEffects(Ctx))
    return std::nullopt;
  const Expr *T = C.Target->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(T))
    C.Var = dyn_cast<VarDecl>(DRE->getDecl());
  else if (const auto *ME = dyn_cast<MemberExpr>(T);
           ME && isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
    C.Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
  if (!C.Var && !C.Field)
    return std::nullopt;

  // Statement level only: the value of the assignment is not used.
  const Stmt *S = &Op;
  if (const auto *EWC =
          dyn_cast_or_null<ExprWithCleanups>(utils::parentStmt(Op, Ctx)))
    S = EWC;
  int Place = statementPlace(*S, Ctx);
  if (Place < 0)
    return std::nullopt;
  C.InCompound = Place == 1;
  bool CrossesLambda = false;
  C.InLoop = utils::enclosingLoopOfBody(*S, Ctx, &CrossesLambda) != nullptr &&
             !CrossesLambda;

  llvm::SmallVector<const Expr *, 4> Operands =
      utils::concatOperands(*Op.getArg(1));
  if (C.SelfAssign) {
    // `s = s + ...`: s must be the leftmost operand (`s = a + s` is not an
    // append).
    if (Operands.size() < 2 ||
        !utils::mentionsObject(*Operands[0], C.Var, C.Field) ||
        !isa<DeclRefExpr, MemberExpr>(Operands[0]->IgnoreParenImpCasts()))
      return std::nullopt;
    const auto *First = Operands[0]->IgnoreParenImpCasts();
    if (isa<MemberExpr>(First) != (C.Field != nullptr))
      return std::nullopt;
    C.Pieces.assign(Operands.begin() + 1, Operands.end());
  } else {
    if (Operands.size() < 2)
      return std::nullopt;
    C.Pieces = Operands;
  }
  return C;
}

bool StringConcatCheck::piecesAreSafe(const Candidate &C, ASTContext &Ctx) {
  for (const Expr *P : C.Pieces)
    if (utils::mentionsObject(*P, C.Var, C.Field))
      return false;
  // Every piece but the first is now evaluated after the string changed:
  // an exception it throws would leave the string half appended, and its
  // value must not depend on the string.
  for (size_t I = 1; I < C.Pieces.size(); ++I)
    if (utils::mayThrowOutsideStd(*C.Pieces[I]))
      return false;
  if (C.Var && utils::isPrivateLocal(*C.Var, Ctx))
    return true;
  for (size_t I = 1; I < C.Pieces.size(); ++I)
    if (!utils::valueIndependentOfStrings(*C.Pieces[I], Ctx))
      return false;
  return true;
}

void StringConcatCheck::emit(const Candidate &C, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  std::optional<std::string> Target =
      fixits::sourceText(C.Target->getSourceRange(), SM, LO);
  if (!Target)
    return;
  std::optional<std::string> Text =
      fixits::appendsText(*Target, C.Pieces, SM, LO);
  bool Fixable = Text && (C.InCompound || C.Pieces.size() == 1);
  {
    auto Diag =
        C.SelfAssign
            ? diag(C.Op->getOperatorLoc(),
                   "'%0 = %0 + ...' copies '%0' into a temporary string "
                   "(%1%select{| per iteration}2) before assigning it back; "
                   "append in place with '+='")
            : diag(C.Op->getOperatorLoc(),
                   "'%0 += a + ...' builds a temporary string "
                   "(%1%select{| per iteration}2); append each operand with "
                   "its own '+='");
    Diag << *Target << utils::allocationClause(C.Target->getType())
         << (C.InLoop ? 1 : 0);
    if (Fixable)
      if (std::optional<FixItHint> H =
              fixits::replaceExpr(*C.Op, *Text, SM, LO))
        Diag << *H;
  }
  if (Text && !Fixable)
    diag(C.Op->getOperatorLoc(),
         "no fixit: the appends need a statement each; put this statement in "
         "braces first",
         DiagnosticIDs::Note);
}

} // namespace clang::tidy::memlint
