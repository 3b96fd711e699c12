//===--- StringViewUse.cpp - could this std::string be a view? ------------===//

#include "StringViewUse.h"
#include "UserCodeParents.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::memlint::utils {

const ClassTemplateSpecializationDecl *stdSpecialization(QualType T,
                                                         llvm::StringRef Name) {
  if (T.isNull())
    return nullptr;
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getCanonicalType()->getAsCXXRecordDecl());
  if (!Spec || !Spec->isInStdNamespace() ||
      !Spec->getDeclName().isIdentifier() || Spec->getName() != Name)
    return nullptr;
  return Spec;
}

static bool isStdRecordNamed(QualType T, llvm::StringRef Name) {
  const auto *RD = T.isNull() ? nullptr : T->getAsCXXRecordDecl();
  return RD && RD->isInStdNamespace() && RD->getDeclName().isIdentifier() &&
         RD->getName() == Name;
}

// std::Name<char, std::char_traits<char>[, std::allocator<char>]>: other
// traits compare differently from std::string_view's.
static bool isCharSpecialization(QualType T, llvm::StringRef Name) {
  const auto *Spec = stdSpecialization(T, Name);
  if (!Spec)
    return false;
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Args.size() < 2 || Args[0].getKind() != TemplateArgument::Type ||
      Args[1].getKind() != TemplateArgument::Type)
    return false;
  QualType C = Args[0].getAsType();
  if (!C->isSpecificBuiltinType(BuiltinType::Char_S) &&
      !C->isSpecificBuiltinType(BuiltinType::Char_U))
    return false;
  if (!isStdRecordNamed(Args[1].getAsType(), "char_traits"))
    return false;
  return Args.size() < 3 ||
         (Args[2].getKind() == TemplateArgument::Type &&
          isStdRecordNamed(Args[2].getAsType(), "allocator"));
}

bool isStdString(QualType T) { return isCharSpecialization(T, "basic_string"); }

bool isStdStringView(QualType T) {
  return isCharSpecialization(T, "basic_string_view");
}

bool isCString(QualType T) {
  if (T->isArrayType())
    T = QualType(T->getArrayElementTypeNoTypeQual(), 0);
  else if (T->isPointerType())
    T = T->getPointeeType();
  else
    return false;
  return T->isCharType() && !T->isWideCharType();
}

// Not skipValueWrappers (ValueWrappers.h): this also looks through
// lvalue-to-rvalue casts and copy/move constructions, to find the string
// the user wrote as the argument rather than the value built from it.
const Expr *writtenArgument(const Expr *E) {
  while (true) {
    E = E->IgnoreParens();
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
      E = EWC->getSubExpr();
    else if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
      E = MTE->getSubExpr();
    else if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(E))
      E = BTE->getSubExpr();
    else if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E);
             ICE && (ICE->getCastKind() == CK_NoOp ||
                     ICE->getCastKind() == CK_LValueToRValue ||
                     ICE->getCastKind() == CK_ConstructorConversion))
      E = ICE->getSubExpr();
    else if (const auto *CE = dyn_cast<CXXConstructExpr>(E);
             CE && !isa<CXXTemporaryObjectExpr>(CE) && CE->getNumArgs() == 1 &&
             !CE->isListInitialization() &&
             CE->getConstructor()->isCopyOrMoveConstructor())
      E = CE->getArg(0);
    else
      return E;
  }
}

/// `std::string(p)` built implicitly from one C string argument (the
/// allocator defaulted), or null.
static const CXXConstructExpr *implicitFromCString(const Expr *W) {
  const auto *CE = dyn_cast<CXXConstructExpr>(W);
  if (!CE || isa<CXXTemporaryObjectExpr>(CE) || CE->getNumArgs() < 1 ||
      CE->isListInitialization() ||
      !isCString(CE->getArg(0)->IgnoreParenImpCasts()->getType()) ||
      (CE->getNumArgs() > 1 && !isa<CXXDefaultArgExpr>(CE->getArg(1))))
    return nullptr;
  return CE;
}

bool stringViewAcceptsArgument(const Expr *Arg) {
  const Expr *W = writtenArgument(Arg);
  if (isa<ImplicitCastExpr>(W) || isa<InitListExpr>(W))
    return false; // a user-defined conversion or a braced list
  if (isa<CXXConstructExpr>(W))
    return implicitFromCString(W) != nullptr;
  return isStdString(W->getType());
}

StringTemporary stringTemporaryOf(const Expr *Arg) {
  const Expr *W = writtenArgument(Arg);
  if (const CXXConstructExpr *CE = implicitFromCString(W))
    return isa<StringLiteral>(CE->getArg(0)->IgnoreParenImpCasts())
               ? StringTemporary::Literal
               : StringTemporary::CString;
  // `std::string(sv)`: the only way a view reaches a `const std::string&`.
  const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(W);
  if (!Cast || !isStdString(Cast->getType()))
    return StringTemporary::None;
  const Expr *Sub = Cast->getSubExpr()->IgnoreImplicit();
  const auto *CE = dyn_cast<CXXConstructExpr>(Sub);
  if (!CE || CE->getNumArgs() < 1 || CE->isListInitialization() ||
      (CE->getNumArgs() > 1 && !isa<CXXDefaultArgExpr>(CE->getArg(1))) ||
      !isStdStringView(CE->getArg(0)->IgnoreImplicit()->getType()))
    return StringTemporary::None;
  return StringTemporary::StringView;
}

bool isSameOnStringView(llvm::StringRef Member) {
  return llvm::is_contained({"size", "length", "empty", "front", "back", "at",
                             "find", "rfind", "find_first_of", "find_last_of",
                             "find_first_not_of", "find_last_not_of", "compare",
                             "starts_with", "ends_with", "copy"},
                            Member);
}

bool isStringViewCompatibleMethod(const CXXMethodDecl *MD) {
  if (const auto *Conv = dyn_cast<CXXConversionDecl>(MD))
    return stdSpecialization(Conv->getConversionType(), "basic_string_view") !=
           nullptr;
  if (MD->getOverloadedOperator() == OO_Subscript)
    return true;
  if (!MD->getDeclName().isIdentifier())
    return false;
  // max_size() compiles on a view but gives another value:
  // isStringViewCompatibleUseOrResult rejects it, isStringViewCompatibleUse
  // has always accepted it.
  return MD->getName() == "max_size" || isSameOnStringView(MD->getName());
}

static bool isStdComparisonOrStream(const CXXOperatorCallExpr *Op,
                                    unsigned ArgIndex) {
  const FunctionDecl *Callee = Op->getDirectCallee();
  if (!Callee || !Callee->isInStdNamespace())
    return false;
  // `<=>` is left out: this view has never counted it (StringViewRead does).
  OverloadedOperatorKind K = Op->getOperator();
  if (K == OO_LessLess)
    return ArgIndex == 1;
  return K != OO_Spaceship && isComparisonOperator(K);
}

bool isStringViewCompatibleUse(const VarUse &U) {
  if (U.ThroughMember)
    return false;
  if (U.Kind == UseKind::Iterated)
    return true;
  if (U.Kind != UseKind::Read)
    return false;
  if (U.Method)
    return isStringViewCompatibleMethod(U.Method);
  // Comparisons and streaming through the standard library's operators,
  // which have string_view overloads with the same meaning.
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(U.CallSite))
    return isStdComparisonOrStream(Op, U.ArgIndex);
  return false;
}

namespace {

/// The expression that consumes the value of \p E, above the parentheses,
/// temporaries and no-op casts around it; \p Below receives the child of
/// the returned node on that path.
const Expr *consumer(const Expr *E, ASTContext &Ctx, const Expr *&Below) {
  Below = E;
  for (int Depth = 0; Depth < 8; ++Depth) {
    DynTypedNodeList Parents = parentsOf(Ctx, *Below);
    const Expr *P = Parents.size() == 1 ? Parents[0].get<Expr>() : nullptr;
    if (!P)
      return nullptr;
    const auto *ICE = dyn_cast<ImplicitCastExpr>(P);
    if (isa<ParenExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr,
            ExprWithCleanups>(P) ||
        (ICE && (ICE->getCastKind() == CK_NoOp ||
                 ICE->getCastKind() == CK_UserDefinedConversion))) {
      Below = P;
      continue;
    }
    return P;
  }
  return nullptr;
}

template <typename CallT> bool isArgumentOf(const CallT *Call, const Expr *E) {
  return llvm::is_contained(Call->arguments(), E);
}

/// The value of the substr() call \p Call is only read in ways a
/// std::string_view supports with the same meaning.
bool substrResultOnlyRead(const CallExpr *Call, ASTContext &Ctx) {
  const Expr *Below = nullptr;
  const Expr *P = consumer(Call, Ctx, Below);
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(P)) {
    for (unsigned I = 0; I < Op->getNumArgs(); ++I)
      if (Op->getArg(I) == Below)
        return isStdComparisonOrStream(Op, I);
    return false;
  }
  const auto *ME = dyn_cast_or_null<MemberExpr>(P);
  if (!ME || ME->isArrow())
    return false;
  const auto *MD = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
  DynTypedNodeList Parents = parentsOf(Ctx, *ME);
  const auto *MC =
      Parents.size() == 1 ? Parents[0].get<CXXMemberCallExpr>() : nullptr;
  if (!MD || !MC || !isStringViewCompatibleMethod(MD))
    return false;
  if (!isa<CXXConversionDecl>(MD))
    return true;
  // Converted to a view: only as a call argument, which the temporary
  // outlived too (stored, the string's view would have dangled).
  const Expr *Arg = nullptr;
  const Expr *User = consumer(MC, Ctx, Arg);
  if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(User);
      CE && CE->getNumArgs() == 1 &&
      CE->getConstructor()->isCopyOrMoveConstructor())
    User = consumer(CE, Ctx, Arg);
  if (const auto *C = dyn_cast_or_null<CallExpr>(User))
    return isArgumentOf(C, Arg);
  return false;
}

/// The iterator \p Call returns goes straight into a standard algorithm
/// whose result is a number or a bool, or into a std::string constructor.
bool iteratorGoesToAlgorithm(const CallExpr *Call, ASTContext &Ctx) {
  const Expr *Below = nullptr;
  const Expr *P = consumer(Call, Ctx, Below);
  if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(P);
      CE && CE->getNumArgs() == 1 &&
      CE->getConstructor()->isCopyOrMoveConstructor())
    P = consumer(CE, Ctx, Below);
  if (const auto *C = dyn_cast_or_null<CallExpr>(P)) {
    const FunctionDecl *FD = C->getDirectCallee();
    QualType Ret = FD ? FD->getReturnType() : QualType();
    return FD && isArgumentOf(C, Below) && FD->isInStdNamespace() &&
           FD->getPrimaryTemplate() && !isa<CXXMethodDecl>(FD) &&
           (Ret->isIntegralOrEnumerationType() || Ret->isBooleanType());
  }
  if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(P))
    return isStdString(CE->getType()) && isArgumentOf(CE, Below) &&
           CE->getConstructor()->getPrimaryTemplate();
  return false;
}

} // namespace

bool isStringViewCompatibleUseOrResult(const VarUse &U, ASTContext &Ctx) {
  // A view's max_size() is another number.
  if (U.Method && U.Method->getDeclName().isIdentifier() &&
      U.Method->getName() == "max_size")
    return false;
  if (isStringViewCompatibleUse(U))
    return true;
  if (U.ThroughMember || U.Kind != UseKind::Read || !U.Method ||
      !U.MemberCall || !U.Method->getDeclName().isIdentifier())
    return false;
  llvm::StringRef Name = U.Method->getName();
  if (Name == "substr")
    return substrResultOnlyRead(U.MemberCall, Ctx);
  if (llvm::is_contained({"begin", "end", "cbegin", "cend", "rbegin", "rend",
                          "crbegin", "crend"},
                         Name))
    return iteratorGoesToAlgorithm(U.MemberCall, Ctx);
  return false;
}

} // namespace clang::tidy::memlint::utils
