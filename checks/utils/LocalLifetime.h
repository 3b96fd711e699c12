//===--- LocalLifetime.h - does a local outlive its scope? ------*- C++ -*-===//
//
// Questions about a local object's lifetime that loop checks ask: which loop
// body it is declared in, and whether any use lets the object (its value, its
// address or a reference to it) escape the scope it is declared in.
//
// The analysis is syntactic and conservative: a use it cannot classify counts
// as an escape, so a "does not escape" answer can be trusted by a fixit.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_UTILS_LOCALLIFETIME_H
#define MEMLINT_CHECKS_UTILS_LOCALLIFETIME_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace clang::tidy::memlint::utils {

/// How a use lets a local escape its scope.
enum class EscapeKind {
  Moved,        ///< std::move / std::forward / rvalue-reference parameter
  Returned,     ///< return v; co_return v;
  Thrown,       ///< throw v;
  AddressTaken, ///< &v, std::addressof(v)
  Copied,       ///< copy-constructed into something else, or stored by a
                ///< container insertion / assignment / constructor
  Captured,     ///< captured by reference in a lambda that may outlive it
  Swapped,      ///< swap(v, x), v.swap(x), std::exchange
  Aliased,      ///< bound to a named reference or std::ref
  PassedByRef,  ///< passed by non-const reference (only with
                ///< EscapeOptions::NonConstRefArgEscapes)
  Unknown,      ///< a use the analysis does not understand
};

struct EscapeOptions {
  /// Whether passing the object by non-const reference to a function counts
  /// as an escape. Off by default: a function that fills an out-parameter
  /// does not keep it.
  bool NonConstRefArgEscapes = false;
};

struct Escape {
  EscapeKind Kind;
  SourceLocation Loc;
};

/// Short phrase for a diagnostic note, e.g. "is moved from".
llvm::StringRef describeEscape(EscapeKind Kind);

/// The references to \p D inside \p Scope, in source order (lambda captures
/// included).
llvm::SmallVector<const DeclRefExpr *, 8> findReferences(const ValueDecl &D,
                                                         const Stmt &Scope);

/// The first use of the local \p Var inside \p Scope (the statement that
/// contains its whole lifetime, usually its enclosing compound statement)
/// through which the object or a reference to it can survive the scope or
/// lose its contents, or std::nullopt when every use is local: member calls,
/// reads, passing by const reference to a function that does not store it,
/// passing by non-const reference (a function filling it), range-for.
std::optional<Escape> findEscape(const VarDecl &Var, const Stmt &Scope,
                                 ASTContext &Ctx, EscapeOptions Opts = {});

/// How a single reference is used; std::nullopt when it is a local use.
std::optional<Escape> classifyEscapingUse(const DeclRefExpr &Ref,
                                          const Stmt &Scope, ASTContext &Ctx,
                                          EscapeOptions Opts = {});

/// The innermost loop whose body contains \p S (found through the parent map),
/// without crossing a function boundary. When a lambda lies between \p S and
/// the loop, \p CrossesLambda is set. Returns nullptr when \p S is not in a
/// loop body (loop conditions, init-statements and range-for declarations are
/// not the body).
const Stmt *enclosingLoopOfBody(const Stmt &S, ASTContext &Ctx,
                                bool *CrossesLambda = nullptr);

/// Whether destroying objects of type \p T at another time (later, or in
/// another order) cannot be observed: no user-written destructor runs, no file
/// is closed, no lock released. Trivially destructible types, standard
/// containers, strings, tuples, optionals and smart pointers of such are.
bool destructionIsUnobservable(QualType T, unsigned Depth = 0);

/// The body of a for, while, do or range-for loop.
const Stmt *loopBody(const Stmt &Loop);

/// The first parent of \p S in \p Ctx's parent map as a statement, or nullptr.
const Stmt *parentStmt(const Stmt &S, ASTContext &Ctx);

} // namespace clang::tidy::memlint::utils

#endif // MEMLINT_CHECKS_UTILS_LOCALLIFETIME_H
