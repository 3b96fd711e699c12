//===--- Hoist.h - move a declaration before a statement --------*- C++ -*-===//
//
// Rewrites that move a local declaration out of a loop: insert a line before a
// statement, indented like that statement, and replace a declaration statement
// with other code.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_FIXITS_HOIST_H
#define MEMLINT_FIXITS_HOIST_H

#include "clang/AST/Stmt.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceManager.h"
#include <optional>
#include <string>

namespace clang::tidy::memlint::fixits {

/// The whitespace before the first token on the line of \p Loc.
std::string indentationOf(SourceLocation Loc, const SourceManager &SM);

/// Inserts \p Line (one statement, no trailing newline) on its own line
/// before \p Before, indented like \p Before. std::nullopt when \p Before
/// starts in a macro expansion.
std::optional<FixItHint> insertLineBefore(const Stmt &Before,
                                          llvm::StringRef Line,
                                          const SourceManager &SM,
                                          const LangOptions &LangOpts);

/// Replaces the whole of \p S (a declaration statement, up to and including
/// its semicolon) with \p Text. std::nullopt inside macros.
std::optional<FixItHint> replaceStatement(const Stmt &S, llvm::StringRef Text,
                                          const SourceManager &SM,
                                          const LangOptions &LangOpts);

/// The source text of \p Range (a token range), or std::nullopt when it is
/// not plain file text (macros).
std::optional<std::string> sourceText(SourceRange Range,
                                      const SourceManager &SM,
                                      const LangOptions &LangOpts);

} // namespace clang::tidy::memlint::fixits

#endif // MEMLINT_FIXITS_HOIST_H
