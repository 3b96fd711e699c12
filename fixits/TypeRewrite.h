//===--- TypeRewrite.h - change a declared type everywhere ------*- C++ -*-===//
//
// Rewrites that must touch every redeclaration of an entity so that the code
// still compiles: a change made only on the definition leaves the other
// declarations conflicting with it.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_FIXITS_TYPEREWRITE_H
#define MEMLINT_FIXITS_TYPEREWRITE_H

#include "clang/AST/Decl.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallVector.h"
#include <string>

namespace clang::tidy::memlint::fixits {

/// All-or-nothing edits: either Hints covers every place that must change, or
/// Hints is empty and WhyNot says (briefly, lower case) what blocked it.
struct RewriteResult {
  llvm::SmallVector<FixItHint, 4> Hints;
  /// Files the hints touch, without duplicates (for include insertion).
  llvm::SmallVector<FileID, 2> Files;
  std::string WhyNot;
  SourceLocation WhyNotLoc; ///< Where the blocker is, if somewhere else.

  bool ok() const { return WhyNot.empty(); }
};

/// Edits that make every redeclaration of \p ED (definition, opaque
/// declarations `enum class E;` / `enum E : int;`) state \p NewType as its
/// underlying type: an explicit type is replaced, a missing one is inserted
/// after the name (after `enum` for an anonymous enum). Refuses redeclarations
/// in macro expansions or system headers, and dependent underlying types.
RewriteResult changeEnumUnderlyingType(const EnumDecl *ED,
                                       llvm::StringRef NewType,
                                       const SourceManager &SM,
                                       const LangOptions &LangOpts);

/// Edits that make parameter \p Index of every redeclaration of \p FD
/// declare \p NewType. With \p WithQualifiers the whole written type is
/// replaced, cv-qualifiers included (`const std::string &s` ->
/// `std::string_view s`); without, the type below its top-level qualifiers
/// (`const std::string s` -> `const std::string_view s`). Refuses
/// redeclarations in macro expansions or system headers and parameters
/// without written types; WhyNot then completes "this declaration ...".
RewriteResult changeParamType(const FunctionDecl *FD, unsigned Index,
                              llvm::StringRef NewType, bool WithQualifiers,
                              const SourceManager &SM,
                              const LangOptions &LangOpts);

} // namespace clang::tidy::memlint::fixits

#endif // MEMLINT_FIXITS_TYPEREWRITE_H
