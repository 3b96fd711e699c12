//===--- Includes.h - add an #include where an edit needs it ----*- C++ -*-===//

#ifndef MEMLINT_FIXITS_INCLUDES_H
#define MEMLINT_FIXITS_INCLUDES_H

#include "clang-tidy/utils/IncludeInserter.h"
#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/ArrayRef.h"
#include <vector>

namespace clang::tidy::memlint::fixits {

/// Insertions of \p Header ("<cstdint>" or "\"foo.h\"") into each of \p Files
/// that does not include it already, placed and sorted by \p Inserter's
/// IncludeStyle. A header that uses a new name needs the include itself, not
/// only the main file. Each file gets the header at most once per TU.
std::vector<FixItHint> includeInFiles(tidy::utils::IncludeInserter &Inserter,
                                      llvm::ArrayRef<FileID> Files,
                                      llvm::StringRef Header);

} // namespace clang::tidy::memlint::fixits

#endif // MEMLINT_FIXITS_INCLUDES_H
