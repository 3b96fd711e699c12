//===--- Profile.h - allocation profiles: sites, stacks, formats -*- C++
//-*-===//
//
// A profile says where a program allocated: per distinct call stack, how many
// allocations, how many bytes and the most bytes live at once. It comes from
// `memlint measure --sites` (raw stacks the preloaded counter wrote,
// symbolized here) or from DHAT's JSON, and is written in the memlint
// profile format (docs/profiles.md).
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_DRIVER_MEMLINT_PROFILE_H
#define MEMLINT_DRIVER_MEMLINT_PROFILE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace memlint {

/// One frame of a symbolized stack, innermost first. Inlined frames are
/// frames of their own, flagged Inlined (they share the address of the next
/// frame, the function they were inlined into).
struct ProfileFrame {
  std::string Function; // demangled; empty when unknown
  std::string File;     // as the debug info names it; empty when unknown
  unsigned Line = 0;    // 0: no line information
  unsigned Column = 0;
  std::string Module;             // the binary or shared library; may be empty
  std::optional<uint64_t> Offset; // address within Module, when known
  bool Inlined = false;
  bool System = false; // standard library, C++ runtime, libc, the loader
  /// The text of File:Line when it was profiled (user-code frames of
  /// `measure --sites`; none from DHAT), so `check --profile` can tell a line
  /// that changed since.
  std::optional<std::string> Source;
};

struct ProfileSite {
  std::vector<ProfileFrame> Stack;
  uint64_t Allocations = 0;
  uint64_t Bytes = 0;
  uint64_t PeakLiveBytes = 0;
  /// The innermost frame that is not System, or -1.
  int userFrame() const;
};

struct Profile {
  std::vector<std::string> Commands; // the programs profiled
  uint64_t PeakLiveBytes = 0;        // of the whole process (largest process)
  uint64_t UnattributedAllocations = 0; // counted, but without a stack
  uint64_t UnattributedBytes = 0;
  std::vector<ProfileSite> Sites;

  uint64_t allocations() const;
  uint64_t bytes() const;
};

/// True for files of the standard library, the C++ runtime and libc
/// (system include directories), and for frames without a file in system
/// libraries; sets F.System.
void classifyFrame(ProfileFrame &F);

/// Adds \p From to \p Into: identical stacks are summed (peaks: the larger).
void mergeProfile(Profile &Into, Profile From);

/// Sorts the sites: most allocations first, then bytes, then the stack.
void sortSites(Profile &P);

/// The memlint profile JSON (docs/profiles.md).
std::string profileJson(const Profile &P);

/// Reads a memlint profile or a DHAT JSON file (told apart by their keys).
/// Throws UsageError naming the file and what is wrong with it.
Profile readProfile(llvm::StringRef Path);

/// Reads the raw site files the counter wrote (PREFIX.<pid>, one per
/// process) and symbolizes them. \p MissingDebugInfo receives the binaries
/// whose frames have no line information.
Profile symbolizeRawSites(const std::vector<std::string> &Files,
                          std::vector<std::string> &MissingDebugInfo);

/// The family of what allocated at \p S: "vector", "string", "deque",
/// "tree", "list", "hash" (a bucket array), "hash-node", from the innermost
/// frame of a standard container past the allocator; "object" for operator
/// new called by user code or by make_unique/make_shared; "other" for
/// anything else (Families.cpp).
std::string allocatingFamily(const ProfileSite &S);

// --- Rank.cpp ---------------------------------------------------------------

struct Finding;
class SourceCache;
struct ProfileSummary;

/// The fixed text of a note a check puts at a line (other than the
/// finding's own) whose allocations its fix removes.
extern const char *const AllocationsRemovedNote;

/// Attributes the allocations of \p P's user-code sites to the findings
/// whose lines they are (docs/profiles.md, "Ranking findings"): sets each
/// finding's Prof. Sites on lines whose text changed since the profile are
/// skipped with a warning on \p Warnings.
ProfileSummary attributeProfile(std::vector<Finding> &Findings,
                                const Profile &P, SourceCache &Sources,
                                llvm::raw_ostream &Warnings);

/// Sorts findings by attributed allocations (most first, stable) and keeps
/// the first \p Top (0: all) whose share is at least \p MinShare (0..1).
/// Returns how many it dropped.
unsigned rankFindings(std::vector<Finding> &Findings, unsigned Top,
                      double MinShare);

} // namespace memlint

#endif
