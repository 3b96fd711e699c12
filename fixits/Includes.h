//===--- Includes.h - add an #include where an edit needs it ----*- C++ -*-===//

#ifndef MEMLINT_FIXITS_INCLUDES_H
#define MEMLINT_FIXITS_INCLUDES_H

#include "clang-tidy/utils/IncludeInserter.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/ArrayRef.h"
#include <optional>
#include <string>
#include <vector>

namespace clang {
class Preprocessor;
} // namespace clang

namespace clang::tidy::memlint::fixits {

/// Registers \p Inserter with \p PP and starts the TU's record of include
/// insertions: each check has its own IncludeInserter, so two checks may
/// want different headers at one offset, which clang-apply-replacements
/// rejects as a conflict. Every check that inserts includes calls this from
/// registerPPCallbacks, which clang-tidy and clangd run for all checks before
/// any match.
void registerInserter(tidy::utils::IncludeInserter &Inserter, Preprocessor *PP);

/// The insertion of \p Header ("<cstdint>" or "\"foo.h\"") into \p File that
/// \p Inserter places and sorts by its IncludeStyle, or nothing when the file
/// includes it already. IncludeInserter anchors on the includes the
/// preprocessor saw, which may sit in a conditional block (`#ifdef _WIN32`):
/// an include placed there would vanish in the other configuration, so it is
/// moved below the block's `#endif`. A file's include guard does not count.
/// In a file without includes it goes below the preamble (endOfPreamble),
/// not above `#pragma once` or the include guard. When another header took
/// that offset in this TU, it takes the next free one of includeSlots.
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

/// An insertion of an include line: \p Code at \p Offset.
struct IncludeSlot {
  unsigned Offset;
  std::string Code;
};

/// Equivalent places, best first, for the include line \p Code ("#include
/// <x>\n", maybe with a blank line after) wanted at \p Offset, the start of
/// a line of \p Text: there; just before the previous line's newline (the
/// same line order, one offset earlier); and the same two around each
/// `#include` line directly above. Walking up only through includes keeps
/// the header in the same conditional block and below the preamble. Exposed
/// for tests.
std::vector<IncludeSlot> includeSlots(llvm::StringRef Text, unsigned Offset,
                                      llvm::StringRef Code);

/// The offset just past \p Text's preamble, where an #include goes in a file
/// that has none: past the leading comments that stand apart from the code
/// (a blank line follows them), `#pragma once` and an include guard's
/// `#ifndef`/`#define`; 0 when the file starts with anything else. Exposed
/// for tests.
unsigned endOfPreamble(llvm::StringRef Text);

} // namespace clang::tidy::memlint::fixits

#endif // MEMLINT_FIXITS_INCLUDES_H
