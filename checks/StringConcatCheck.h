//===--- StringConcatCheck.h - memlint-string-concat ------------*- C++ -*-===//
//
// Finds `s = s + a + b` and `s += a + b` statements on std::string: each
// builds a temporary string (a heap allocation past the small-string
// buffer; for `s = s + ...` a copy of all of s) that `+=` of
// each operand in turn does not.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_STRINGCONCATCHECK_H
#define MEMLINT_CHECKS_STRINGCONCATCHECK_H

#include "checks/utils/ProfiledDiagnostics.h"
#include "checks/utils/UserCodeParents.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::memlint {

class StringConcatCheck : public memlint::utils::ProfiledCheck {
public:
  StringConcatCheck(StringRef Name, ClangTidyContext *Context)
      : ProfiledCheck(Name, Context), UserScope(Context) {}
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  struct Candidate {
    const CXXOperatorCallExpr *Op = nullptr;
    /// `s = s + ...` (true) or `s += a + ...` (false).
    bool SelfAssign = false;
    const Expr *Target = nullptr;
    const VarDecl *Var = nullptr;
    const FieldDecl *Field = nullptr;
    /// The operands to append, in order.
    llvm::SmallVector<const Expr *, 4> Pieces;
    /// The statement is a direct child of a compound statement (room for
    /// several statements) rather than the body of an if/loop/case.
    bool InCompound = false;
    bool InLoop = false;
  };
  std::optional<Candidate> candidate(const CXXOperatorCallExpr &Op,
                                     ASTContext &Ctx);
  /// `s += "ab" + std::string("c")`: the temporary fits the small-string
  /// buffer and allocates nothing.
  static bool temporaryFitsInline(const Candidate &C);
  bool piecesAreSafe(const Candidate &C, ASTContext &Ctx);
  void emit(const Candidate &C, ASTContext &Ctx);

  utils::UserCodeScope UserScope;
};

} // namespace clang::tidy::memlint

#endif // MEMLINT_CHECKS_STRINGCONCATCHECK_H
