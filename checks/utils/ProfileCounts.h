//===--- ProfileCounts.h - allocations a profile saw at a line --*- C++ -*-===//
//
// The checks' ProfileFile option (docs/profiles.md, "In the editor and the
// plugin") reads a memlint profile and asks, per line a fix changes, how many
// allocations the profiled run made there. This is the reading side only:
// `memlint measure --sites` and `memlint profile` write the format, and they
// put each site's allocating family in it so no stack has to be read here.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_UTILS_PROFILECOUNTS_H
#define MEMLINT_CHECKS_UTILS_PROFILECOUNTS_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::memlint::utils {

/// The allocations of a memlint profile, by the user-code line they were made
/// at and the family of the container that made them.
class ProfileCounts {
public:
  /// Reads the memlint profile at \p Path (an absolute path). The same file,
  /// unchanged since it was last read, is read once per process: every check
  /// of every TU shares it.
  static llvm::Expected<std::shared_ptr<const ProfileCounts>>
  load(llvm::StringRef Path);

  /// Parses profile text; \p Name is for messages.
  static llvm::Expected<std::shared_ptr<const ProfileCounts>>
  parse(llvm::StringRef Text, llvm::StringRef Name);

  /// Every allocation the run made (the share's denominator).
  uint64_t totalAllocations() const { return Total; }

  /// The allocations made at \p Line of \p File (a canonical absolute path)
  /// by \p Family ("" for every family). A site whose profiled text of the
  /// line differs from \p LineText, the line as it reads now, is skipped: it
  /// was profiled before the source changed.
  uint64_t allocationsAt(llvm::StringRef File, unsigned Line,
                         llvm::StringRef Family,
                         llvm::StringRef LineText) const;

private:
  struct Site {
    std::string File; // as the profile names it
    std::string Family;
    std::optional<std::string> Source;
    uint64_t Allocations = 0;
  };
  uint64_t Total = 0;
  // By line, then by the profile's file name: few sites share a line.
  std::map<unsigned, std::vector<Site>> ByLine;
  // The canonical path of each absolute file name in the profile.
  llvm::StringMap<std::string> Canonical;
};

/// Whether a line profiled as \p Profiled reads \p Now: the same text,
/// whitespace aside (a reindented line keeps its sites). `memlint check
/// --profile` asks it too.
bool sameProfiledLine(llvm::StringRef Profiled, llvm::StringRef Now);

/// Whether the profile's file name \p ProfileName, whose canonical path is
/// \p CanonicalName (empty for a relative name), is the file at canonical
/// path \p File: the same path, or (a profile converted from DHAT without
/// --fullpath-after=) \p File ends in the relative name at a directory
/// boundary.
bool sameProfiledFile(llvm::StringRef ProfileName,
                      llvm::StringRef CanonicalName, llvm::StringRef File);

} // namespace clang::tidy::memlint::utils

#endif // MEMLINT_CHECKS_UTILS_PROFILECOUNTS_H
