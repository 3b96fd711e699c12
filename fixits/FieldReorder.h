//===--- FieldReorder.h - reorder a record's fields in the source -*- C++
//-*-===//
//
// Rewrites the member declarations of a record into a new field order. Each
// field moves with its leading comment block (the comment lines directly
// above it, in its column), attributes, bit-width, default member initializer,
// trailing comment and the comment lines continuing that comment under
// itself. When every field declaration has lines of its own, only the fields
// out of order move, as whole lines: blank lines, section comments and other
// members (methods, types, access specifiers, static data) stay where they
// are. When fields share lines, the declarations keep their positions and
// take the fields in the new order. Declarations of several fields
// (`int a, b;`) are split into one declaration per field when their fields
// part ways.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_FIXITS_FIELDREORDER_H
#define MEMLINT_FIXITS_FIELDREORDER_H

#include "clang/AST/Decl.h"
#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::memlint::fixits {

/// Edits that put the fields of \p RD in \p NewOrder (a permutation of its
/// fields). Returns std::nullopt, with the reason in \p Why, when the source
/// cannot be rewritten safely: fields from macros, preprocessor directives
/// between the braces, declarators that are not a plain name (`int *a, b;`),
/// unnamed fields, a field that would move above a name its declaration uses,
/// or a `//` comment that would land in front of code on its line.
std::optional<std::vector<FixItHint>>
reorderFields(const RecordDecl *RD, llvm::ArrayRef<const FieldDecl *> NewOrder,
              const SourceManager &SM, const LangOptions &LangOpts,
              std::string &Why);

/// The access-specifier section of each field of \p RD: 0 before the first
/// `public:`/`private:`/`protected:`, then one more after each. Fields keep
/// their section when reordered (the access of a member must not change).
/// \p NumSpecifiers, when given, receives how many specifiers there are.
llvm::DenseMap<const FieldDecl *, unsigned>
accessSections(const RecordDecl *RD, unsigned *NumSpecifiers = nullptr);

} // namespace clang::tidy::memlint::fixits

#endif // MEMLINT_FIXITS_FIELDREORDER_H
