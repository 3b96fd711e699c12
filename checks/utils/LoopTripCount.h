//===--- LoopTripCount.h - memlint loop analyses ----------------*- C++ -*-===//
//
// Shared loop analyses for checks that reason about "how many times does this
// loop run, and does this statement run on every iteration":
//
//   * getLoopTripCount   the trip count of a loop, spelled as a source
//                        expression that can be evaluated just before it;
//   * isLoopInvariant    whether an expression keeps its value (and has no
//                        side effects) across the iterations of a loop;
//   * findEarlyExit      break/return/goto/throw/co_return/noreturn calls that
//                        can leave a loop before its condition says so;
//   * isUnconditionalInLoop / isExecutedOncePerIteration
//                        whether a statement runs exactly once per iteration;
//   * getConstantTripCount / maxExecutionsWithin
//                        constant upper bounds on how often a statement runs;
//   * sizeMayChangeIn    whether a container's size() may change inside a
//                        statement (what a size() bound needs to be invariant).
//
// All answers are conservative: "unknown" is reported as no trip count, not
// invariant, may exit early, may change. Nothing here emits diagnostics.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_UTILS_LOOPTRIPCOUNT_H
#define MEMLINT_CHECKS_UTILS_LOOPTRIPCOUNT_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include <optional>
#include <string>

namespace clang::tidy::memlint::utils {

/// How many times a loop body runs, as something a fix can spell.
struct LoopTripCount {
  /// The count as source text, e.g. "items.size()", "n", "n - start",
  /// "n + 1", "kSize", "kRows + 1", "5". Constants are spelled as written
  /// when they name something (a constant, an enumerator, sizeof) and that
  /// text means the same just before the loop; otherwise (literal
  /// arithmetic, macros, template instantiations, names declared in the loop
  /// header) as their value. Empty when it cannot be spelled (then Reason
  /// says why).
  std::string Spelling;
  /// A condition (source text) that must hold before Spelling may be used as
  /// a size, because the count would otherwise be negative or wrap around as
  /// an unsigned value (e.g. "n > 0" for a signed n, "n > start"). Empty when
  /// the count cannot be negative. When the guard is false the loop runs zero
  /// times.
  std::string Guard;
  /// The value, when the count is a compile-time constant.
  std::optional<uint64_t> Constant;
  /// True when Spelling is a primary, postfix or prefix-unary expression (an
  /// identifier, a call, a literal, a cast) that needs no parentheses as an
  /// operand of a binary operator.
  bool Atomic = true;
  /// True when Spelling's top-level operator is *, / or %: it needs no
  /// parentheses as the right operand of +.
  bool Multiplicative = false;
  /// True when Spelling can be evaluated just before the loop: no side
  /// effects, no second call of a function, every name visible there.
  bool Reevaluable = true;
  /// Why Reevaluable is false (lower case, for a diagnostic note).
  std::string Reason;
  /// The induction variable of a counted or iterator loop, the loop variable
  /// of a range-for; null otherwise.
  const VarDecl *LoopVar = nullptr;
  /// The container a range-for or iterator loop walks (the range expression
  /// without implicit nodes); null for counted loops.
  const Expr *Range = nullptr;
};

/// The trip count of \p Loop, a ForStmt or CXXForRangeStmt whose count is
/// fixed before the first iteration, or std::nullopt. Recognised shapes:
///   - range-for over a constant-size array, an initializer list, or an
///     object with a size() member (whose size does not change in the body);
///   - `for (T i = S; i OP B; STEP)` over an integer or pointer i, OP one of
///     < <= != (increasing) or > >= != (decreasing), STEP one of ++i, i++,
///     i += 1, i = i + 1 or their decrements, with B loop-invariant and i
///     not modified in the body; `B OP i` is accepted too;
///   - `for (auto it = c.begin(); it != c.end(); ++it)` (also cbegin/cend,
///     `E = c.end()` declared in the init, `<`), when c's size cannot change
///     in the body.
/// The bound must be invariant in \p InvariantWithin too (defaults to Loop):
/// pass an outer loop to ask whether the count of an inner loop is the same
/// on every iteration of the outer one. Whether the body can exit early is
/// not considered here; ask findEarlyExit.
std::optional<LoopTripCount>
getLoopTripCount(const Stmt &Loop, ASTContext &Ctx,
                 const Stmt *InvariantWithin = nullptr);

/// Whether \p E has no side effects, can be evaluated again anywhere before
/// \p Loop with the same value, and keeps that value during every iteration
/// of \p Loop: literals, constants, sizeof, local variables and parameters
/// not modified in Loop (and not declared inside it), fields of `this` not
/// modified in Loop (and no non-const member function of the class called in
/// it), size()-like const calls on objects whose size cannot change in Loop,
/// and arithmetic, casts and ?: over those.
bool isLoopInvariant(const Expr &E, const Stmt &Loop, ASTContext &Ctx);

/// The constant trip count of \p Loop, an upper bound for a body that may
/// exit early: getLoopTripCount's Constant, or the size of a std::array a
/// range-for walks; 1 for `do ... while (false)`, 0 for `while (false)`.
/// nullopt for any other loop (loops without a condition or of unknown
/// count).
std::optional<uint64_t> getConstantTripCount(const Stmt &Loop, ASTContext &Ctx);

/// An upper bound on how many times \p S runs each time its ancestor
/// \p Scope runs: the product (saturating at 2^40) of the constant trip
/// counts of the loops between them (a for's condition runs once more than
/// its body; init-statements and ranges once). nullopt when a loop between
/// them has no constant trip count, when \p S is in a lambda or block between
/// them, or when \p Scope is not an ancestor. Does not consider goto (callers
/// reject functions with labels).
std::optional<uint64_t> maxExecutionsWithin(const Stmt &S, const Stmt &Scope,
                                            ASTContext &Ctx);

/// Whether \p E can be evaluated a second time with the same result and no
/// side effects, ignoring what the surrounding code modifies: the same
/// shapes as isLoopInvariant without the "not modified" part.
bool isReevaluable(const Expr &E);

/// E without parentheses, implicit casts, temporaries and copy/move
/// constructions (an iterator initialized from c.begin() is a copy of it).
const Expr *stripCopies(const Expr *E);

/// The first statement in \p Loop's body (in source order) that can leave
/// the loop early: a break that targets the loop, return, co_return, goto,
/// throw, a call to a noreturn function (except the handlers of a failed
/// assert(), which end the program rather than the loop). Lambda bodies and
/// nested local
/// classes are not entered; breaks of nested loops and switches are ignored.
/// Null when the loop can only end through its condition (or an exception
/// escaping a call).
const Stmt *findEarlyExit(const Stmt &Loop);

/// The first `continue` in \p Loop's body that targets Loop and lies before
/// \p Before in source order; null if none.
const ContinueStmt *findContinueBefore(const Stmt &Loop, SourceLocation Before,
                                       const SourceManager &SM);

/// The body of a for, range-for, while or do loop; null for other statements.
const Stmt *getLoopBody(const Stmt &Loop);

/// Whether \p S is a for, range-for, while or do loop.
bool isLoopStmt(const Stmt &S);

/// Whether statement or expression \p S runs whenever the body of \p Loop
/// runs: it is the body, or an expression statement of the body reached
/// only through blocks (`{ }`), with at most implicit nodes, parentheses or a
/// cast to void around it. \p Loop must be an ancestor of \p S. Continue
/// statements and early exits are not considered; see
/// isExecutedOncePerIteration.
bool isUnconditionalInLoop(const Stmt &S, const Stmt &Loop, ASTContext &Ctx);

/// isUnconditionalInLoop, plus: no continue of \p Loop before \p S, and no
/// early exit from Loop anywhere in its body (so S runs exactly as many times
/// as the trip count says).
bool isExecutedOncePerIteration(const Stmt &S, const Stmt &Loop,
                                ASTContext &Ctx);

/// How many times \p S runs, exactly, each time the innermost loop whose
/// body holds it (enclosingLoopOfBody) runs: the loop's constant trip count
/// when S runs once per iteration (isExecutedOncePerIteration); 1, per run of
/// S itself, when S is in no loop body (InLoop false); nullopt when it is not
/// known (a lambda between S and the loop, a condition, an early exit). The
/// unit in which checks state the allocations a fix removes
/// (utils/FixSaving.h, docs/driver.md "Fixes").
struct LoopRuns {
  uint64_t Runs;
  bool InLoop;
};
std::optional<LoopRuns> exactRunsPerLoopRun(const Stmt &S, ASTContext &Ctx);

/// The statement \p E belongs to: E itself stripped of the implicit nodes,
/// parentheses and void casts whose parent is a block or loop body.
const Stmt *getEnclosingFullStatement(const Expr &E, ASTContext &Ctx);

/// How a use of a container changes it.
enum class ContainerUse {
  Read, ///< Does not change the size (size(), operator[] of a vector, ...).
  Grow, ///< Adds elements: push_back, emplace*, insert, append, +=, ...
  SizeChange, ///< Anything else that may change size or capacity: clear,
              ///< resize, reserve, erase, swap, assignment, std::move, being
              ///< passed by non-const reference or pointer, address taken.
};

/// Classifies the use \p Ref (a DeclRefExpr or MemberExpr naming a container)
/// by its parent in \p Ctx. \p Method receives the member function's name
/// when the use is the object of a member call.
ContainerUse classifyContainerUse(const Expr &Ref, ASTContext &Ctx,
                                  std::string *Method = nullptr);

/// The variable or field \p E names: a DeclRefExpr to a VarDecl, or a
/// MemberExpr on `this` (implicit or explicit) to a FieldDecl, ignoring
/// parentheses and implicit nodes; null for anything else.
const ValueDecl *getNamedContainer(const Expr &E);

/// Whether the size of the container \p D (see getNamedContainer) may change
/// while \p S runs: any use of D in S other than ContainerUse::Read, or, for
/// a field, a call of a non-const member function of the class through
/// `this`.
bool sizeMayChangeIn(const ValueDecl &D, const Stmt &S, ASTContext &Ctx);

/// The source text of \p E, or "" when it is not a contiguous file range
/// (e.g. partly inside a macro expansion).
std::string getSourceText(const Expr &E, ASTContext &Ctx);

} // namespace clang::tidy::memlint::utils

#endif // MEMLINT_CHECKS_UTILS_LOOPTRIPCOUNT_H
