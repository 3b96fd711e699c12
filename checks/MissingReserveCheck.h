//===--- MissingReserveCheck.h - memlint-missing-reserve --------*- C++ -*-===//
//
// Finds containers grown one element at a time in loops whose trip count is
// known before they start (and std::copy/transform/copy_n into a
// back_inserter), and reserve() calls placed inside loops; inserts
// `c.reserve(COUNT);` before the loop. See docs/checks/missing-reserve.md.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_MISSINGRESERVECHECK_H
#define MEMLINT_CHECKS_MISSINGRESERVECHECK_H

#include "checks/utils/ProfiledDiagnostics.h"
#include "checks/utils/UserCodeParents.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <string>
#include <vector>

namespace clang::tidy::memlint {

class MissingReserveCheck : public memlint::utils::ProfiledCheck {
public:
  MissingReserveCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void onStartOfTranslationUnit() override;
  std::optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_AsIs;
  }

  /// One use of a variable or field in a function body.
  struct Use {
    SourceLocation Loc;
    bool ReservesOrResizes;
  };
  using FunctionUses = llvm::DenseMap<const ValueDecl *, std::vector<Use>>;
  struct LoopGrowth;
  /// Consecutive loops of one block growing the same container: one
  /// reserve of the sum of their counts before the first.
  struct GrowthRun {
    std::vector<LoopGrowth> Loops;
    /// A loop after the run grows the container by a count not summed.
    bool GrownLater = false;
  };

private:
  utils::UserCodeScope UserScope;
  void checkGrowth(const Expr &Call, const Expr &Object, ASTContext &Ctx);
  std::optional<LoopGrowth> analyzeGrowth(const Expr &Call, const Expr &Object,
                                          ASTContext &Ctx,
                                          const Stmt *InvariantScope);
  std::optional<GrowthRun> runOf(const LoopGrowth &G, ASTContext &Ctx);
  std::optional<LoopGrowth> runMember(const Stmt &S, const LoopGrowth &G,
                                      const GrowthRun &R, const Stmt &Block,
                                      ASTContext &Ctx);
  bool growsUnreserved(const Stmt &S, const LoopGrowth &G, ASTContext &Ctx);
  void emitGrowth(const Expr &Call, const Expr &Object, const GrowthRun &Run,
                  ASTContext &Ctx);
  void checkReserveInLoop(const CXXMemberCallExpr &Call, ASTContext &Ctx);
  void checkAlgorithm(const CallExpr &Call, const CallExpr &Inserter,
                      ASTContext &Ctx);
  const FunctionUses &usesIn(const Stmt &Body, ASTContext &Ctx);

  std::vector<std::string> VectorLikeClasses;
  const bool FlagConditionalGrowth;
  const unsigned MinIterations;

  // Diagnosed (container, loop) pairs, by source location so that template
  // instantiations of one loop are reported once.
  llvm::DenseSet<std::pair<unsigned, unsigned>> Seen;
  llvm::DenseMap<const Stmt *, FunctionUses> UsesCache;
};

} // namespace clang::tidy::memlint

#endif // MEMLINT_CHECKS_MISSINGRESERVECHECK_H
