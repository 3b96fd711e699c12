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

#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"

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

/// The isInstantiated() matcher (\p IncludeSelf) or isInTemplateInstantiation()
/// (not \p IncludeSelf), answered through parentsOf: both are hasAncestor
/// matchers, which would build clang's parent map over the whole TU.
bool isTemplateInstantiationOrIn(ASTContext &Ctx, const DynTypedNode &N,
                                 bool IncludeSelf);

} // namespace clang::tidy::memlint::utils

#endif // MEMLINT_CHECKS_UTILS_USERCODEPARENTS_H
