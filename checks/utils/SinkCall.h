//===--- SinkCall.h - does a call copy an lvalue it could move from? -*- C++
//-*-===//
//
// A sink is a call that copies what it is given into something that
// outlives the call (`v.push_back(x)`, `m.insert(x)`): when the callee also
// takes an rvalue there, `std::move(x)` at the last use of `x` removes the
// copy. memlint-copy-at-last-use makes that fix; memlint-unneeded-copy must
// not turn the same by-value variable into a `const&` (the move would then
// copy again), so both ask these questions.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_UTILS_SINKCALL_H
#define MEMLINT_CHECKS_UTILS_SINKCALL_H

#include "checks/utils/LastUse.h"
#include "checks/utils/ReadOnlyUse.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace clang::tidy::memlint::utils {

/// The methods memlint-copy-at-last-use treats as sinks by default (its
/// SinkMethods option).
inline constexpr char DefaultSinkMethods[] =
    "push_back;emplace_back;push_front;emplace_front;insert;emplace;"
    "emplace_hint;try_emplace;insert_or_assign;push";

/// The free functions memlint-copy-at-last-use treats as sinks by default
/// (its SinkFunctions option): they store a decayed copy of each argument
/// they take by forwarding reference.
inline constexpr char DefaultSinkFunctions[] =
    "::std::make_pair;::std::make_tuple;::std::make_optional";

/// The sinks of memlint-copy-at-last-use: method names (any class) and
/// qualified free-function names.
struct SinkNames {
  llvm::ArrayRef<llvm::StringRef> Methods;
  llvm::ArrayRef<llvm::StringRef> Functions;
};

/// Whether \p FD, whose parameter \p Param is an lvalue reference, also
/// takes an rvalue there: a forwarding reference, or a sibling overload
/// taking `T&&` with the other parameters the same.
bool takesRvalueToo(const FunctionDecl &FD, const ParmVarDecl &Param);

/// Whether \p FD is named by \p QualifiedName (`::std::make_pair` also names
/// libc++'s `std::__1::make_pair`).
bool isNamedFunction(const FunctionDecl &FD, llvm::StringRef QualifiedName);

/// Whether \p Use hands a variable of type \p VarType to a sink in \p Sinks
/// by an lvalue reference of the same type, where the sink also takes an
/// rvalue.
bool isSinkArgument(const VarUse &Use, QualType VarType,
                    const SinkNames &Sinks);

/// Whether \p Use is the right side of a copy assignment (`X = Var`, not
/// `Var = Var` and not through a member of Var): moving there removes the
/// copy, as in a sink.
bool isCopyAssignedFrom(const VarUse &Use);

/// Whether `std::move(VD)` at \p Site keeps the program's behaviour as far
/// as the flow shows: \p Site is VD's last use on every path, no alias into
/// VD is used later, no lambda holds VD by reference, no handler mentions
/// it, and \p Site is in no loop VD was declared outside of (the next
/// iteration would read the moved-from object).
bool movableAt(const VarDecl &VD, const DeclRefExpr &Site,
               const FunctionFlow &Flow, ASTContext &Ctx);

/// Whether memlint-copy-at-last-use moves \p Var into a sink of \p Sinks
/// (or as the right side of a copy assignment) at one of \p Uses, its last
/// use, with a move cheaper than the copy. memlint-unneeded-copy leaves such
/// a variable by value; copy-at-last-use asks it of a callee's by-value
/// parameter to tell whether unneeded-copy will make it a reference.
bool movedIntoSinkAtLastUse(const VarDecl &Var, const VarUses &Uses,
                            const SinkNames &Sinks, ASTContext &Ctx);

} // namespace clang::tidy::memlint::utils

#endif // MEMLINT_CHECKS_UTILS_SINKCALL_H
