//===--- LocalUses.cpp - where and how a variable is used -----------------===//

#include "LocalUses.h"
#include "UserCodeParents.h"
#include "checks/utils/Compat.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::memlint::utils {

DynTypedNode parentOf(const DynTypedNode &N, ASTContext &Ctx) {
  auto Parents = parentsOf(Ctx, N);
  if (Parents.empty())
    return DynTypedNode();
  return Parents[0];
}

const Expr *climbTransparent(const Expr *E, ASTContext &Ctx) {
  while (true) {
    DynTypedNode P = parentOf(DynTypedNode::create(*E), Ctx);
    const auto *PE = P.get<Expr>();
    if (!PE)
      return E;
    if (isa<ParenExpr>(PE)) {
      E = PE;
      continue;
    }
    if (const auto *ICE = dyn_cast<ImplicitCastExpr>(PE);
        ICE && ICE->getCastKind() == CK_NoOp) {
      E = PE;
      continue;
    }
    return E;
  }
}

bool typeMentions(QualType T, llvm::StringRef TemplateName) {
  if (T.isNull())
    return false;
  std::string Needle = (TemplateName + "<").str();
  auto Mentions = [&](const std::string &S) {
    // Match whole identifiers only: "vector<" must not follow an identifier
    // character (small_vector<, myvector<).
    for (size_t Pos = S.find(Needle); Pos != std::string::npos;
         Pos = S.find(Needle, Pos + 1)) {
      if (Pos == 0)
        return true;
      char C = S[Pos - 1];
      if (!(isalnum(static_cast<unsigned char>(C)) || C == '_'))
        return true;
    }
    return false;
  };
  return Mentions(T.getAsString()) ||
         Mentions(T.getCanonicalType().getAsString());
}

QualType writtenParamType(const ParmVarDecl *Param) {
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Param->getDeclContext());
  if (!FD)
    return Param->getType();
  if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern()) {
    unsigned Index = Param->getFunctionScopeIndex();
    if (Index < Pattern->getNumParams())
      return Pattern->getParamDecl(Index)->getType();
  }
  return Param->getType();
}

const ParmVarDecl *paramForArg(const Expr *Call, const Expr *Arg) {
  const FunctionDecl *FD = nullptr;
  llvm::ArrayRef<const Expr *> Args;
  unsigned Offset = 0;
  if (const auto *CE = dyn_cast<CallExpr>(Call)) {
    FD = CE->getDirectCallee();
    Args = llvm::ArrayRef(CE->getArgs(), CE->getNumArgs());
    // A member operator call lists the object as argument 0.
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE);
        OC && FD && isa<CXXMethodDecl>(FD) &&
        !cast<CXXMethodDecl>(FD)->isStatic())
      Offset = 1;
  } else if (const auto *CC = dyn_cast<CXXConstructExpr>(Call)) {
    FD = CC->getConstructor();
    Args = llvm::ArrayRef(CC->getArgs(), CC->getNumArgs());
  }
  if (!FD)
    return nullptr;
  for (unsigned I = 0; I < Args.size(); ++I) {
    if (Args[I] != Arg)
      continue;
    if (I < Offset)
      return nullptr;
    unsigned P = I - Offset;
    if (P < FD->getNumParams())
      return FD->getParamDecl(P);
    return nullptr;
  }
  return nullptr;
}

bool isRangeForRangeVar(const VarDecl *VD, ASTContext &Ctx) {
  if (!VD->isImplicit())
    return false;
  DynTypedNode DS = parentOf(DynTypedNode::create(*VD), Ctx);
  const auto *D = DS.get<DeclStmt>();
  if (!D)
    return false;
  const auto *For = parentOf(DS, Ctx).get<CXXForRangeStmt>();
  return For && For->getRangeStmt() == D;
}

const CXXMemberCallExpr *memberCallOn(const Expr *Base, ASTContext &Ctx) {
  DynTypedNode P = parentOf(DynTypedNode::create(*Base), Ctx);
  const auto *ME = P.get<MemberExpr>();
  if (!ME || ME->getBase() != Base || ME->isArrow())
    return nullptr;
  const auto *Call = parentOf(P, Ctx).get<CXXMemberCallExpr>();
  if (!Call || Call->getCallee() != ME)
    return nullptr;
  return Call;
}

const CXXOperatorCallExpr *operatorCallOn(const Expr *E, ASTContext &Ctx,
                                          unsigned &OperandIndex) {
  const auto *OC =
      parentOf(DynTypedNode::create(*E), Ctx).get<CXXOperatorCallExpr>();
  if (!OC)
    return nullptr;
  for (unsigned I = 0; I < OC->getNumArgs(); ++I)
    if (OC->getArg(I) == E) {
      OperandIndex = I;
      return OC;
    }
  return nullptr;
}

bool passedToDeducedParam(const Expr *E, ASTContext &Ctx) {
  DynTypedNode P = parentOf(DynTypedNode::create(*E), Ctx);
  while (const auto *PE = P.get<Expr>()) {
    if (!isa<ImplicitCastExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr,
             ParenExpr>(PE))
      break;
    E = PE;
    P = parentOf(P, Ctx);
  }
  const auto *Call = P.get<CallExpr>();
  const ParmVarDecl *Param = Call ? paramForArg(Call, E) : nullptr;
  if (!Param)
    return false;
  QualType T = writtenParamType(Param).getNonReferenceType();
  return T->getAs<TemplateTypeParmType>() != nullptr;
}

bool isStdFunction(const FunctionDecl *FD,
                   llvm::ArrayRef<llvm::StringRef> Names) {
  if (!FD || !FD->isInStdNamespace() || isa<CXXMethodDecl>(FD) ||
      !FD->getDeclName().isIdentifier())
    return false;
  return llvm::is_contained(Names, FD->getName());
}

namespace {
class LabelFinder : public RecursiveASTVisitor<LabelFinder> {
public:
  bool Found = false;
  bool VisitLabelStmt(LabelStmt *) {
    Found = true;
    return false;
  }
  bool VisitIndirectGotoStmt(IndirectGotoStmt *) {
    Found = true;
    return false;
  }
};
} // namespace

static const Stmt *enclosingBody(const VarDecl *VD) {
  const auto *FD =
      dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod());
  return FD ? FD->getBody() : nullptr;
}

bool inCoroutine(const VarDecl *VD) {
  const Stmt *Body = enclosingBody(VD);
  return Body && isa<CoroutineBodyStmt>(Body);
}

bool functionHasLabels(const VarDecl *VD) {
  Stmt *Body = const_cast<Stmt *>(enclosingBody(VD));
  if (!Body)
    return false;
  LabelFinder F;
  F.TraverseStmt(Body);
  return F.Found;
}

llvm::StringRef fileText(SourceRange R, const SourceManager &SM,
                         const LangOptions &LO) {
  if (R.isInvalid())
    return {};
  // Accepts a range that covers whole macro expansions (`BUF_SIZE`), not one
  // that starts or ends inside one.
  CharSourceRange File =
      Lexer::makeFileCharRange(CharSourceRange::getTokenRange(R), SM, LO);
  if (File.isInvalid())
    return {};
  return Lexer::getSourceText(File, SM, LO);
}

TemplateSpecializationTypeLoc writtenSpecialization(TypeLoc TL,
                                                    SourceRange *WrittenRange) {
  if (TL.isNull())
    return {};
  if (auto Q = TL.getAs<QualifiedTypeLoc>())
    TL = Q.getUnqualifiedLoc();
  if (WrittenRange)
    *WrittenRange = TL.getSourceRange();
  return stripElaborated(TL).getAs<TemplateSpecializationTypeLoc>();
}

const DeclStmt *soleDeclStmt(const VarDecl *VD, ASTContext &Ctx) {
  const auto *DS = parentOf(DynTypedNode::create(*VD), Ctx).get<DeclStmt>();
  if (!DS || !DS->isSingleDecl())
    return nullptr;
  return DS;
}

bool isRewritableLocal(const VarDecl &VD, ASTContext &Ctx) {
  // isInstantiated(), asked here: as a matcher it builds clang's parent map
  // over the whole TU.
  if (isTemplateInstantiationOrIn(Ctx, DynTypedNode::create(VD),
                                  /*IncludeSelf=*/true))
    return false;
  return !VD.isImplicit() && !VD.getLocation().isMacroID() &&
         !VD.getDeclContext()->isDependentContext() &&
         !VD.getType().isVolatileQualified() && !VD.hasAttrs() &&
         !inCoroutine(&VD);
}

} // namespace clang::tidy::memlint::utils
