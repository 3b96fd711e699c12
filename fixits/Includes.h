//===--- Includes.h - add an #include where an edit needs it ----*- C++ -*-===//

#ifndef MEMLINT_FIXITS_INCLUDES_H
#define MEMLINT_FIXITS_INCLUDES_H

#include "clang-tidy/utils/IncludeInserter.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/ArrayRef.h"
#include <optional>
#include <vector>

namespace clang::tidy::memlint::fixits {

/// The insertion of \p Header ("<cstdint>" or "\"foo.h\"") into \p File that
/// \p Inserter places and sorts by its IncludeStyle, or nothing when the file
/// includes it already. IncludeInserter anchors on the includes the
/// preprocessor saw, which may sit in a conditional block (`#ifdef _WIN32`):
/// an include placed there would vanish in the other configuration, so it is
/// moved below the block's `#endif`. A file's include guard does not count.
/// In a file without includes it goes below the preamble (endOfPreamble),
/// not above `#pragma once` or the include guard.
std::optional<FixItHint>
includeInsertion(tidy::utils::IncludeInserter &Inserter,
                 const SourceManager &SM, FileID File, llvm::StringRef Header);

/// includeInsertion into each of \p Files. A header that uses a new name
/// needs the include itself, not only the main file. Each file gets the
/// header at most once per TU.
std::vector<FixItHint> includeInFiles(tidy::utils::IncludeInserter &Inserter,
                                      const SourceManager &SM,
                                      llvm::ArrayRef<FileID> Files,
                                      llvm::StringRef Header);

/// The offset just past the line of the `#endif` that closes the outermost
/// conditional block (other than an include guard) in which \p Offset of
/// \p Text lies, or nothing when it lies in none. Exposed for tests.
std::optional<unsigned> endOfEnclosingConditional(llvm::StringRef Text,
                                                  unsigned Offset);

/// The offset just past \p Text's preamble, where an #include goes in a file
/// that has none: past the leading comments that stand apart from the code
/// (a blank line follows them), `#pragma once` and an include guard's
/// `#ifndef`/`#define`; 0 when the file starts with anything else. Exposed
/// for tests.
unsigned endOfPreamble(llvm::StringRef Text);

} // namespace clang::tidy::memlint::fixits

#endif // MEMLINT_FIXITS_INCLUDES_H
