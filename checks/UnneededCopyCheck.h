//===--- UnneededCopyCheck.h - memlint-unneeded-copy -----------*- C++ -*-===//
//
// Finds copies of expensive objects that are only read: by-value
// parameters, locals copied from lvalues, range-for loop variables and
// getters returning a member by value. See docs/checks/unneeded-copy.md.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_UNNEEDEDCOPYCHECK_H
#define MEMLINT_CHECKS_UNNEEDEDCOPYCHECK_H

#include "checks/utils/ProfiledDiagnostics.h"
#include "checks/utils/PublicApi.h"
#include "checks/utils/ReadOnlyUse.h"
#include "checks/utils/UserCodeParents.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/utils/IncludeInserter.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <string>
#include <vector>

namespace clang::tidy::memlint {

class UnneededCopyCheck : public memlint::utils::ProfiledCheck {
public:
  UnneededCopyCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }

private:
  utils::UserCodeScope UserScope;
  enum class ParamFix { ConstRef, StringView, Span };
  struct ParamCandidate {
    const FunctionDecl *FD;
    unsigned Index;
    ParamFix Fix;
    std::string SpanElement; // spelled element type for ParamFix::Span
  };
  struct GetterCandidate {
    const CXXMethodDecl *MD;
    const FieldDecl *Field;
  };

  void checkFunction(const FunctionDecl *FD, ASTContext &Ctx);
  void checkLocal(const VarDecl *VD, ASTContext &Ctx);
  void checkRangeFor(const CXXForRangeStmt *For, ASTContext &Ctx);
  void checkGetter(const CXXMethodDecl *MD, ASTContext &Ctx);
  void emitParams(const FunctionDecl *FD,
                  std::vector<ParamCandidate> &Candidates);
  void emitGetter(const GetterCandidate &G);
  bool isExpensive(QualType T) const;
  bool movedAtLastUseInstead(const VarDecl &Var, const utils::VarUses &Uses,
                             ASTContext &Ctx) const;

  const unsigned MaxTrivialSize;
  const bool StringViewParams;
  const bool SpanParams;
  const bool FixGetters;
  /// memlint-copy-at-last-use's SinkMethods and SinkFunctions when that
  /// check runs, else empty: a variable it moves into a sink is left to it.
  const std::string RawMoveSinks;
  const std::vector<StringRef> MoveSinks;
  const std::string RawMoveSinkFunctions;
  const std::vector<StringRef> MoveSinkFunctions;
  ::clang::tidy::utils::IncludeInserter Inserter;
  utils::PublicApi PublicAPI;

  ASTContext *Context = nullptr;
  std::vector<ParamCandidate> Params;
  std::vector<GetterCandidate> Getters;
  /// Canonical functions named other than as the callee of a call.
  llvm::DenseSet<const FunctionDecl *> AddressTaken;
  /// Every mention of a candidate function, and the mentions that are the
  /// callee of a call: AddressTaken is computed from them at the end of the
  /// TU instead of asking the parent map about every mention.
  std::vector<std::pair<const DeclRefExpr *, const FunctionDecl *>> Mentions;
  llvm::DenseSet<const DeclRefExpr *> CalleeRefs;
  /// Calls of candidate functions (by canonical callee), to check the
  /// arguments callers pass before offering string_view or span.
  llvm::DenseMap<const FunctionDecl *, std::vector<const CallExpr *>> Calls;
};

} // namespace clang::tidy::memlint

#endif // MEMLINT_CHECKS_UNNEEDEDCOPYCHECK_H
