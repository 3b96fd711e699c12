//===--- StringEdits.h - rewrite std::string expressions --------*- C++ -*-===//
//
// Edits of string expressions: view a string through std::string_view,
// replace an assignment by a member call, split a concatenation into
// appends. Every function gives nothing when a piece it needs is not plain
// file text (macros), so a caller never emits a partial edit.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_FIXITS_STRINGEDITS_H
#define MEMLINT_FIXITS_STRINGEDITS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>

namespace clang::tidy::memlint::fixits {

/// `std::string_view(OBJ)` around the expression \p Object (the object of a
/// member call, a postfix expression, so no extra parentheses are needed).
std::optional<llvm::SmallVector<FixItHint, 2>>
wrapInStringView(const Expr &Object, const SourceManager &SM,
                 const LangOptions &LO);

/// Replaces the whole expression \p E with \p Text.
std::optional<FixItHint> replaceExpr(const Expr &E, llvm::StringRef Text,
                                     const SourceManager &SM,
                                     const LangOptions &LO);

/// The declared type of \p VD (`std::string`, `const std::string`, `auto`,
/// `const auto`) as a std::string_view: no edit for `auto`, `string` becomes
/// `string_view` otherwise; std::nullopt for any other spelling (aliases,
/// macros, references).
std::optional<llvm::SmallVector<FixItHint, 1>>
retypeStringAsView(const VarDecl &VD, const SourceManager &SM,
                   const LangOptions &LO);

/// The text of \p Operand as an argument of `s += ...`: its source text, and a
/// one-character narrow string literal as a char literal (`"x"` as `'x'`;
/// not `"\0"`, which appends nothing).
std::optional<std::string> appendOperandText(const Expr &Operand,
                                             const SourceManager &SM,
                                             const LangOptions &LO);

/// `T += a; T += b` (no final semicolon: the statement keeps its own) for
/// target text \p Target and operands \p Operands.
std::optional<std::string> appendsText(llvm::StringRef Target,
                                       llvm::ArrayRef<const Expr *> Operands,
                                       const SourceManager &SM,
                                       const LangOptions &LO);

} // namespace clang::tidy::memlint::fixits

#endif // MEMLINT_FIXITS_STRINGEDITS_H
