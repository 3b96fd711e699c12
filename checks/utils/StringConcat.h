//===--- StringConcat.h - what does a string concatenation join? -*- C++
//-*-===//
//
// The operands of a chain of std::string `operator+` calls (`a + b + c`,
// parenthesized sub-chains included), and whether an operand's value could
// depend on the string being appended to.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_UTILS_STRINGCONCAT_H
#define MEMLINT_CHECKS_UTILS_STRINGCONCAT_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::memlint::utils {

/// Whether \p E (behind implicit nodes and parentheses) is a call of the
/// standard library's `operator+` that yields a std::string.
bool isStringConcat(const Expr &E);

/// The operands of the concatenation \p E in evaluation-independent left to
/// right order: `(a + b) + (c + d)` gives a, b, c, d. An operand that is not
/// itself a std::string concatenation (`"ab" + 1`, `f(x + y)`) is one
/// operand. Empty when \p E is not a concatenation.
llvm::SmallVector<const Expr *, 4> concatOperands(const Expr &E);

/// Whether \p E names the variable \p Var or the member \p Field of `*this`
/// anywhere inside it.
bool mentionsObject(const Expr &E, const VarDecl *Var, const FieldDecl *Field);

/// Whether the value of \p E cannot change when some std::string other than
/// a local it names is modified: literals, enumerators, local non-reference
/// variables of scalar type or unaliased local strings, and standard-library
/// calls (`std::to_string(n)`) of such operands.
bool valueIndependentOfStrings(const Expr &E, ASTContext &Ctx);

/// Whether evaluating \p E may call a function outside the standard library
/// that is not noexcept (and so might throw something other than
/// std::bad_alloc).
bool mayThrowOutsideStd(const Expr &E);

/// Whether no code but the statements naming \p VD can read or write it: an
/// unaliased local (isUnaliasedLocal) that is never bound to a reference
/// variable nor passed by reference to a function outside the standard
/// library.
bool isPrivateLocal(const VarDecl &VD, ASTContext &Ctx);

} // namespace clang::tidy::memlint::utils

#endif // MEMLINT_CHECKS_UTILS_STRINGCONCAT_H
