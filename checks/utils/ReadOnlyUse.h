//===--- ReadOnlyUse.h - is a variable only read in a scope? ---*- C++ -*-===//
//
// A conservative "only read" data-flow analysis shared by memlint checks
// (unneeded-copy; later small-vector, compact-string, heap-fixed-buffer).
//
// For every DeclRefExpr naming a variable inside a statement it tells how
// that use treats the object: read through a const path, copied as a whole,
// iterated, returned, modified, moved from, bound to a non-const reference,
// its address escaping, or not understood. Anything the analysis does not
// recognise is `Unknown`, so a client asking "only read?" gets "no" for it:
// the analysis never guesses in favour of "read".
//
// Typical use:
//
//   utils::VarUses U = utils::analyzeVarUses(*Param, *Body, *Result.Context);
//   if (U.allOf({utils::UseKind::Read, utils::UseKind::Iterated})) ...
//   for (const utils::VarUse &Use : U.Uses)
//     if (Use.Kind == utils::UseKind::Read && Use.MemberCall) ... // names
//
// One call traverses the statement once; use analyzeVarsUses to answer for
// several variables in one traversal (all parameters of one function).
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_UTILS_READONLYUSE_H
#define MEMLINT_CHECKS_UTILS_READONLYUSE_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <initializer_list>

namespace clang::tidy::memlint::utils {

/// How one use treats the variable's object.
enum class UseKind {
  /// Read only: const member call (or a non-const one that has a const
  /// overload and whose result is only read), read of a member, bound to a
  /// const reference (variable, parameter, `const T&` operator argument),
  /// compared, streamed, sizeof/typeid.
  Read,
  /// The object, as a whole, is copied: copy constructor (by-value argument,
  /// `T x = v;`, `throw v;`) or the right side of a copy assignment.
  Copied,
  /// Iterated by a range-for whose loop variable is a value or a const
  /// reference.
  Iterated,
  /// `return v;` (an implicit move for locals and by-value parameters).
  Returned,
  /// Assigned, incremented, non-const member call, std::swap.
  Modified,
  /// std::move / std::forward / rvalue-reference binding.
  MovedFrom,
  /// Bound to a non-const lvalue reference (argument, variable, forwarding
  /// reference deduced as `T&`, range-for with a non-const `auto&`).
  NonConstRef,
  /// `&v`, array decay, captured by a lambda or block.
  AddressEscapes,
  /// Not understood (dependent code, unevaluated type operands such as
  /// decltype, casts, init lists, ...). Treat as "may modify".
  Unknown,
};

/// Printable name of a UseKind ("read", "copied", ...), for notes.
llvm::StringRef useKindName(UseKind K);

/// One mention of the variable.
struct VarUse {
  const DeclRefExpr *Ref = nullptr;
  UseKind Kind = UseKind::Unknown;
  /// True when the use is through a data member of the variable
  /// (`v.field`), so a copy or return of it is a Read of the variable.
  bool ThroughMember = false;
  /// When the variable is the object of a member call (or of a member
  /// operator call): that call. Conversion operators count
  /// (`operator basic_string_view`).
  const CallExpr *MemberCall = nullptr;
  /// The called method for MemberCall (its name tells which API is used).
  const CXXMethodDecl *Method = nullptr;
  /// When the variable is passed as an argument (free function, operator,
  /// constructor): the callee and the argument's index in the call.
  const FunctionDecl *Callee = nullptr;
  const Expr *CallSite = nullptr;
  unsigned ArgIndex = 0;
};

/// All uses of one variable in one statement.
struct VarUses {
  llvm::SmallVector<VarUse, 8> Uses;

  /// Every use has one of the kinds (vacuously true without uses).
  bool allOf(std::initializer_list<UseKind> Kinds) const;
  /// The first use (in traversal order) whose kind is not in Kinds.
  const VarUse *firstNotIn(std::initializer_list<UseKind> Kinds) const;
  /// Only read in the strict sense: Read or Iterated.
  bool onlyRead() const { return allOf({UseKind::Read, UseKind::Iterated}); }
  /// Names of the methods called on the variable (in order, repeated).
  llvm::SmallVector<llvm::StringRef, 8> memberCallNames() const;
};

/// Classifies every DeclRefExpr to Var inside Scope. Uses are listed in
/// source order. Uses inside lambdas and blocks are AddressEscapes (the
/// closure may outlive or modify), uses in dependent code are Unknown.
VarUses analyzeVarUses(const VarDecl &Var, const Stmt &Scope, ASTContext &Ctx);

/// The same for several variables in a single traversal of Scope.
llvm::DenseMap<const VarDecl *, VarUses>
analyzeVarsUses(llvm::ArrayRef<const VarDecl *> Vars, const Stmt &Scope,
                ASTContext &Ctx);

/// Classifies a single mention of a variable by walking up its parents.
VarUse classifyUse(const DeclRefExpr &Ref, ASTContext &Ctx);

/// Classifies how the object denoted by the glvalue E (e.g. a MemberExpr
/// `this->items_`) is used by its parents; Ref stays null.
VarUse classifyObjectUse(const Expr &E, ASTContext &Ctx);

/// Does the class of Method have a const-qualified method of the same name
/// and parameter types (e.g. `begin() const` for `begin()`)?
bool hasConstOverload(const CXXMethodDecl &Method);

/// `==`, `!=`, `<`, `<=`, `>`, `>=` or `<=>`: operators that only read.
bool isComparisonOperator(OverloadedOperatorKind K);

/// Is FD one of std::move, std::forward, std::move_if_noexcept, std::exchange
/// or std::swap (the functions whose reference parameters are not just read)?
bool isStdMoveLike(const FunctionDecl &FD);

} // namespace clang::tidy::memlint::utils

#endif // MEMLINT_CHECKS_UTILS_READONLYUSE_H
