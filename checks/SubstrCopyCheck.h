//===--- SubstrCopyCheck.h - memlint-substr-copy ----------------*- C++ -*-===//
//
// Finds std::string::substr calls whose result, a new std::string (a heap
// allocation past the small-string buffer), is only read, or is assigned to
// a string that could take the characters directly: views the substring
// through std::string_view, or copies it with `dst.assign(s, p, n)`.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_SUBSTRCOPYCHECK_H
#define MEMLINT_CHECKS_SUBSTRCOPYCHECK_H

#include "checks/utils/ProfiledDiagnostics.h"
#include "checks/utils/UserCodeParents.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/utils/IncludeInserter.h"

namespace clang::tidy::memlint {

class SubstrCopyCheck : public memlint::utils::ProfiledCheck {
public:
  SubstrCopyCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  /// What consumes the substr result.
  enum class Form { Read, Local, Assign };
  struct Candidate {
    const CXXMemberCallExpr *Call = nullptr;
    const Expr *Object = nullptr;
    Form Kind = Form::Read;
    /// Form::Local: the variable it initializes.
    const VarDecl *Local = nullptr;
    /// Form::Assign: the `dst = ...` call.
    const CXXOperatorCallExpr *Assign = nullptr;
  };
  /// The string the substring is taken from, when it is a named variable
  /// or a data member of *this.
  struct Viewed {
    const VarDecl *Var = nullptr;
    const FieldDecl *Field = nullptr;
    /// Nothing but the code that names it can change it: an unaliased
    /// local, or a const object.
    bool Stable = false;
  };

  std::optional<Candidate> candidate(const CXXMemberCallExpr &Call,
                                     ASTContext &Ctx);
  Viewed viewedOf(const Expr &Object, ASTContext &Ctx);
  void checkRead(const Candidate &C, ASTContext &Ctx);
  void checkLocal(const Candidate &C, ASTContext &Ctx);
  void checkAssign(const Candidate &C, ASTContext &Ctx);
  void addViewFix(DiagnosticBuilder &Diag, const Candidate &C, ASTContext &Ctx,
                  const VarDecl *Retyped);

  utils::UserCodeScope UserScope;
  tidy::utils::IncludeInserter Inserter;
};

} // namespace clang::tidy::memlint

#endif // MEMLINT_CHECKS_SUBSTRCOPYCHECK_H
