//===--- LocalUses.h - where and how a variable is used ---------*- C++ -*-===//
//
// Building blocks for checks that change a variable's type (std::vector to
// std::array or memlint::small_vector, std::string to compact_string): every
// reference to the variable is collected once per translation unit and then
// classified by what consumes it, so a check can accept only the uses that
// compile unchanged with the new type.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_UTILS_LOCALUSES_H
#define MEMLINT_CHECKS_UTILS_LOCALUSES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTTypeTraits.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/TypeLoc.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

namespace clang::tidy::memlint::utils {

/// References to variables, gathered from a matcher callback during the one
/// traversal clang-tidy makes, then looked up per variable at the end of the
/// translation unit (no re-traversal of function bodies per candidate).
class VarRefIndex {
public:
  void add(const VarDecl *VD, const DeclRefExpr *Ref) {
    Refs[VD->getCanonicalDecl()].push_back(Ref);
  }
  llvm::ArrayRef<const DeclRefExpr *> refs(const VarDecl *VD) const {
    auto It = Refs.find(VD->getCanonicalDecl());
    if (It == Refs.end())
      return {};
    return It->second;
  }
  void clear() { Refs.clear(); }

private:
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<const DeclRefExpr *, 4>>
      Refs;
};

/// The single parent of \p N (the first one if a template makes several).
DynTypedNode parentOf(const DynTypedNode &N, ASTContext &Ctx);

/// Climbs from \p E over parentheses and no-op implicit casts (the ones that
/// only add const or turn a derived class into its base are not skipped:
/// they change what the consumer sees). Returns the outermost expression
/// that still denotes the same object; its parent is the consumer.
const Expr *climbTransparent(const Expr *E, ASTContext &Ctx);

/// Whether \p T, as written or canonically, names a class template called
/// \p TemplateName (unqualified, e.g. "vector", "unique_ptr",
/// "basic_string"). Purposely coarse: any type mentioning it (a reference to
/// it, an iterator nested in it, a template argument) counts, so checks that
/// use it to reject a use err on the side of silence.
bool typeMentions(QualType T, llvm::StringRef TemplateName);

/// The type of \p Param as written in the primary template when the callee
/// is a template specialization (so `template <class C> f(C&)` gives `C&`,
/// not the deduced std::vector).
QualType writtenParamType(const ParmVarDecl *Param);

/// For an argument \p Arg of \p Call (a CallExpr or CXXConstructExpr), the
/// parameter it initializes, or null (variadic, unresolved, builtin).
const ParmVarDecl *paramForArg(const Expr *Call, const Expr *Arg);

/// Whether \p VD is the implicit `__range` variable of a range-based for.
bool isRangeForRangeVar(const VarDecl *VD, ASTContext &Ctx);

/// Whether \p Method is called as `Obj.name(...)` on \p Base, where \p Base
/// is the result of climbTransparent on the variable's reference. Returns the
/// member call or null.
const CXXMemberCallExpr *memberCallOn(const Expr *Base, ASTContext &Ctx);

/// The operator call (`v[i]`, `v == w`, `os << v`) whose operand is \p E, or
/// null; \p OperandIndex receives the operand's position.
const CXXOperatorCallExpr *operatorCallOn(const Expr *E, ASTContext &Ctx,
                                          unsigned &OperandIndex);

/// Whether the value of \p E (behind implicit conversions and temporaries)
/// is an argument of a function template whose parameter type is a deduced
/// template parameter (`std::sort(v.begin(), v.end())`): such a call also
/// compiles, with the same meaning, when the argument's type changes.
bool passedToDeducedParam(const Expr *E, ASTContext &Ctx);

/// Whether \p FD is std::<one of Names> (a free function in namespace std).
bool isStdFunction(const FunctionDecl *FD,
                   llvm::ArrayRef<llvm::StringRef> Names);

/// Whether the function that declares \p VD is a coroutine.
bool inCoroutine(const VarDecl *VD);

/// Whether the function that declares \p VD contains a label or an indirect
/// goto (a backward goto can make any statement repeat).
bool functionHasLabels(const VarDecl *VD);

/// The source text of \p R, or "" when the range starts or ends inside a
/// macro expansion (a range covering a whole expansion gives its name).
llvm::StringRef fileText(SourceRange R, const SourceManager &SM,
                         const LangOptions &LO);

/// The template specialization \p TL spells (`std::vector<int>`, also when
/// const-qualified or namespace-qualified), or a null TypeLoc when it is
/// spelled through a typedef, `auto` or anything else.
/// \p WrittenRange, when given, receives the range of the whole spelling
/// (with its namespace qualifier, without cv-qualifiers).
TemplateSpecializationTypeLoc
writtenSpecialization(TypeLoc TL, SourceRange *WrittenRange = nullptr);

/// Whether \p VD is declared alone in its DeclStmt (`T a, b;` is not).
const DeclStmt *soleDeclStmt(const VarDecl *VD, ASTContext &Ctx);

/// Whether the local \p VD is one whose type a check may rewrite: written in
/// a non-template function (not in an instantiation, not in dependent code),
/// not implicit, not named from a macro, not volatile, without attributes
/// and not in a coroutine (whose frame may hold it).
bool isRewritableLocal(const VarDecl &VD, ASTContext &Ctx);

} // namespace clang::tidy::memlint::utils

#endif // MEMLINT_CHECKS_UTILS_LOCALUSES_H
