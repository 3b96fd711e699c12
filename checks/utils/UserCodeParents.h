//===--- UserCodeParents.h - parent map over non-system code ----*- C++ -*-===//
//
// ASTContext::getParents builds its map over the whole translation unit:
// every declaration and template instantiation of the standard library. That
// one traversal cost memlint more CPU and peak memory than all its checks
// together. parentsOf answers the same question from a map built over the
// top-level declarations outside system headers only, and falls back to
// ASTContext::getParents for nodes that map does not hold.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_UTILS_USERCODEPARENTS_H
#define MEMLINT_CHECKS_UTILS_USERCODEPARENTS_H

#include "clang-tidy/ClangTidyCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

namespace clang::tidy::memlint::utils {

/// The parents of \p N, as ASTContext::getParents (AsIs traversal) gives
/// them. A node reachable both from user code and from a system header
/// (a default argument of a library function, seen through a call in user
/// code) gets only its user-code parents.
DynTypedNodeList parentsOf(ASTContext &Ctx, const DynTypedNode &N);

template <typename NodeT>
DynTypedNodeList parentsOf(ASTContext &Ctx, const NodeT &N) {
  return parentsOf(Ctx, DynTypedNode::create(N));
}

/// Whether some ancestor of \p N (any parent path, as the hasAncestor
/// matcher walks them) satisfies \p Pred.
bool hasAncestorWhere(ASTContext &Ctx, const DynTypedNode &N,
                      llvm::function_ref<bool(const DynTypedNode &)> Pred);

/// While alive, narrows the context's traversal scope to the top-level
/// declarations outside system headers, so that matchers run through match()
/// (ExprMutationAnalyzer's hasAncestor) build clang's parent map over user
/// code only; for nodes of user code the answers are the same. Leaving the
/// scope drops that map again. Does nothing when the scope is already
/// limited (clangd). Only for code that looks at user code.
class UserCodeTraversalScope {
public:
  explicit UserCodeTraversalScope(ASTContext &Ctx);
  ~UserCodeTraversalScope();
  UserCodeTraversalScope(const UserCodeTraversalScope &) = delete;
  UserCodeTraversalScope &operator=(const UserCodeTraversalScope &) = delete;

private:
  ASTContext &Ctx;
  bool Active = false;
};

/// Keeps the match traversal out of system headers, as clang-tidy 22 and
/// clangd do: before the traversal starts, the context's traversal scope
/// becomes the top-level declarations outside system headers, so no matcher
/// of any check runs on the standard library's declarations (most of a
/// typical TU). User code still reaches library declarations through its
/// own expressions and types. Off with `--system-headers` (or
/// `SystemHeaders: true`), and a no-op when the scope is already limited.
/// Every memlint check holds one and calls registerMatchers first; only
/// the first to run on a TU changes the scope.
class UserCodeScope {
public:
  explicit UserCodeScope(ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder);

private:
  class Callback : public ast_matchers::MatchFinder::MatchCallback {
    void run(const ast_matchers::MatchFinder::MatchResult &Result) override;
    // Not a check: the name --enable-check-profile shows for this callback.
    llvm::StringRef getID() const override {
      return "(memlint: user-code scope)";
    }
  };
  Callback CB;
  bool Enabled;
};

/// The isInstantiated() matcher (\p IncludeSelf) or isInTemplateInstantiation()
/// (not \p IncludeSelf), answered through parentsOf: both are hasAncestor
/// matchers, which would build clang's parent map over the whole TU.
bool isTemplateInstantiationOrIn(ASTContext &Ctx, const DynTypedNode &N,
                                 bool IncludeSelf);

} // namespace clang::tidy::memlint::utils

#endif // MEMLINT_CHECKS_UTILS_USERCODEPARENTS_H
