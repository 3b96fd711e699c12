//===--- LocalCopy.h - could this local copy be a const reference? -*- C++
//-*-===//
//
// `T y = x;` where `y` is only read and the object `x` designates is owned
// by a local that nothing changes while `y` lives: `const T& y = x;` removes
// the copy. memlint-unneeded-copy makes that fix; memlint-allocation-in-loop
// must not hoist such a `y` out of its loop instead (the hoist keeps a copy
// per iteration), so both ask here.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_UTILS_LOCALCOPY_H
#define MEMLINT_CHECKS_UTILS_LOCALCOPY_H

#include "checks/utils/ReadOnlyUse.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include <optional>

namespace clang::tidy::memlint::utils {

/// The copy constructor call initialising a variable from an lvalue, if
/// \p Init is one (only const-adding conversions: a derived-to-base copy
/// slices); \p Source receives the lvalue.
const CXXConstructExpr *copyFromLValue(const Expr *Init, const Expr *&Source);

/// The local variable owning the object the lvalue \p E designates: `v`,
/// `v.member`, `v[i]`, `v.at(i).member` for owning standard containers.
/// Null when ownership cannot be proved (pointers, references, views,
/// members of `this`, temporaries, globals).
const VarDecl *owningLocal(const Expr *E);

/// A local copy that a const reference could replace.
struct LocalCopy {
  const DeclStmt *Decl;      ///< the copy's declaration, alone in it
  const CompoundStmt *Block; ///< the block it is declared in
  VarUses Uses;              ///< its uses in Block, all reads
};

/// \p VD as a LocalCopy: copy-initialised from an lvalue of its own type,
/// declared alone in a block, only read there, and a copy of an object a
/// local of the same function owns, which is only read while \p VD lives
/// and never aliased (no pointer or non-const reference some call could
/// write through). Nothing otherwise.
std::optional<LocalCopy> readOnlyCopyOfStableLocal(const VarDecl &VD,
                                                   ASTContext &Ctx);

} // namespace clang::tidy::memlint::utils

#endif // MEMLINT_CHECKS_UTILS_LOCALCOPY_H
