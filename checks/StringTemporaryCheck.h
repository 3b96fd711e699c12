//===--- StringTemporaryCheck.h - memlint-string-temporary -----*- C++ -*-===//
//
// Finds std::string temporaries that calls build only to be read:
// `const std::string&` parameters that callers in the translation unit pass
// literals, C strings or views to. See docs/checks/string-temporary.md.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_STRINGTEMPORARYCHECK_H
#define MEMLINT_CHECKS_STRINGTEMPORARYCHECK_H

#include "checks/utils/ProfiledDiagnostics.h"
#include "checks/utils/PublicApi.h"
#include "checks/utils/StringViewUse.h"
#include "checks/utils/UserCodeParents.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/utils/IncludeInserter.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include <vector>

namespace clang::tidy::memlint {

class StringTemporaryCheck : public memlint::utils::ProfiledCheck {
public:
  StringTemporaryCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus17;
  }

private:
  struct ParamCandidate {
    const FunctionDecl *FD;
    unsigned Index;
  };
  /// The calls of one candidate parameter that build a temporary.
  struct TemporaryCalls {
    std::vector<const Expr *> Args; ///< the arguments building one
    bool AllAccepted = true;        ///< every call passes what a view takes
  };

  /// A std::string-keyed map or set (local or private member) and the
  /// lookups that build a temporary key.
  struct Lookup {
    const CXXMemberCallExpr *Call;
    utils::StringTemporary Kind;
  };
  struct Container {
    std::vector<Lookup> Lookups;
    std::vector<const Expr *> Uses; ///< every mention of the container
    bool Captured = false;          ///< named inside a lambda or block
  };

  void collectCall(const CallExpr *Call);
  void collectLookup(const CXXMemberCallExpr *Call, ASTContext &Ctx);
  const char *whyNoComparatorFix(const ValueDecl *D, const Container &C) const;
  void emitContainer(const ValueDecl *D, const Container &C);
  void checkFunction(const FunctionDecl *FD, ASTContext &Ctx);
  TemporaryCalls temporaryCalls(const ParamCandidate &C) const;
  bool onlyShortLiterals(const ParamCandidate &C,
                         const TemporaryCalls &T) const;
  const char *whyNotFlagged(const FunctionDecl *FD) const;
  void emitParam(const ParamCandidate &C, const TemporaryCalls &Calls);

  utils::UserCodeScope UserScope;
  ::clang::tidy::utils::IncludeInserter Inserter;
  utils::PublicApi PublicAPI;
  llvm::MapVector<const ValueDecl *, Container> Containers;
  /// Canonical container types user code names a member type of
  /// (`std::map<std::string, int>::iterator`): a comparator fix would
  /// leave that spelling naming the old type.
  llvm::DenseSet<const Type *> NamedScopes;
  ASTContext *Context = nullptr;
  std::vector<ParamCandidate> Params;
  /// Canonical functions named other than as the callee of a call.
  llvm::DenseSet<const FunctionDecl *> AddressTaken;
  std::vector<std::pair<const DeclRefExpr *, const FunctionDecl *>> Mentions;
  llvm::DenseSet<const DeclRefExpr *> CalleeRefs;
  llvm::DenseMap<const FunctionDecl *, std::vector<const CallExpr *>> Calls;
};

} // namespace clang::tidy::memlint

#endif // MEMLINT_CHECKS_STRINGTEMPORARYCHECK_H
