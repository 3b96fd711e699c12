//===--- CopyAtLastUseCheck.h - memlint-copy-at-last-use -------*- C++ -*-===//
//
// Finds a local, or a by-value parameter, copied into a sink (a container
// insertion, an assignment, a by-value argument, a member initializer, an
// aggregate member) where no path after the copy uses it again, and moves it
// instead. See docs/checks/copy-at-last-use.md.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_COPYATLASTUSECHECK_H
#define MEMLINT_CHECKS_COPYATLASTUSECHECK_H

#include "checks/utils/LastUse.h"
#include "checks/utils/MoveCost.h"
#include "checks/utils/ProfiledDiagnostics.h"
#include "checks/utils/UserCodeParents.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/utils/IncludeInserter.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/MapVector.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::memlint {

class CopyAtLastUseCheck : public memlint::utils::ProfiledCheck {
public:
  CopyAtLastUseCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }

  /// A copy of a variable into a sink.
  struct Candidate {
    const VarDecl *Var;
    /// The mention of Var, and what is copied: Ref itself, or a member or
    /// element of Var (`r.name`, `parts[1]`, `parts.back()`).
    const DeclRefExpr *Ref;
    const Expr *Source;
    const FunctionDecl *Function;
    /// "into 'push_back'", "as a by-value argument", ...
    std::string Sink;
    /// The operation std::move would select.
    utils::MoveOp Op;
    /// The local a copy initializes (`T y = x;`), if that is the sink.
    const VarDecl *Into;
    /// The callee's by-value parameter a copy initializes, if that is the
    /// sink.
    const ParmVarDecl *ByValue;
  };
  /// What the analysis concludes about one candidate.
  enum class Verdict {
    Move,     ///< flag and move
    Harmless, ///< moving saves nothing but would compile and behave the same
    Reject,   ///< moving could change behaviour or not compile
  };

private:
  std::optional<Candidate>
  candidate(const ast_matchers::MatchFinder::MatchResult &Result) const;
  Verdict decide(const Candidate &C, ASTContext &Ctx);
  Verdict flowVerdict(const Candidate &C, ASTContext &Ctx);
  bool becomesReference(const ParmVarDecl &Param, ASTContext &Ctx) const;
  const utils::FunctionFlow *flowOf(const FunctionDecl &FD, ASTContext &Ctx);
  void emit(const Candidate &C, ASTContext &Ctx);

  utils::UserCodeScope UserScope;
  const std::string RawSinkMethods;
  const std::vector<StringRef> SinkMethods;
  const std::string RawSinkFunctions;
  const std::vector<StringRef> SinkFunctions;
  /// Whether memlint-unneeded-copy runs in this TU (it turns a by-value
  /// parameter that is only read into a reference).
  const bool UnneededCopyRuns;
  ::clang::tidy::utils::IncludeInserter Inserter;

  ASTContext *Context = nullptr;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<utils::FunctionFlow>>
      Flows;
  /// Sites inside template instantiations, by the location they share with
  /// the template: reported once, at the end of the TU, when every
  /// instantiation agrees.
  struct TemplateSite {
    unsigned Mentions = 0; ///< instantiations that mention the variable there
    unsigned Moves = 0;
    unsigned Harmless = 0;
    unsigned Rejects = 0;
    std::optional<Candidate> First; ///< the first instantiation that moves
  };
  llvm::MapVector<unsigned, TemplateSite> TemplateSites;
};

} // namespace clang::tidy::memlint

#endif // MEMLINT_CHECKS_COPYATLASTUSECHECK_H
