//===--- Driver.h - the memlint command-line driver -------------*- C++ -*-===//
//
// `memlint check` runs memlint-tidy once per translation unit in a pool of
// worker processes, merges what they export (clang-tidy's fixes YAML), and
// reports, filters (baseline, git diff) and fixes the result. The pieces
// share the types below.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_DRIVER_MEMLINT_DRIVER_H
#define MEMLINT_DRIVER_MEMLINT_DRIVER_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace memlint {

/// Exit statuses of `memlint`, as documented in docs/driver.md.
enum ExitStatus {
  ExitClean = 0,
  ExitFindings = 1,
  ExitUsage = 2,
  ExitIncomplete = 3,
};

/// A usage or configuration problem: one line on stderr, exit status 2.
struct UsageError {
  std::string Message;
};

/// One edit of a fixit, in bytes of the file as it was analyzed.
struct Edit {
  std::string File; // canonical absolute path
  unsigned Offset = 0;
  unsigned Length = 0;
  std::string Text;
  bool operator<(const Edit &O) const {
    return std::tie(File, Offset, Length, Text) <
           std::tie(O.File, O.Offset, O.Length, O.Text);
  }
  bool operator==(const Edit &O) const {
    return File == O.File && Offset == O.Offset && Length == O.Length &&
           Text == O.Text;
  }
};

/// A position in a source file; Line/Column are 1-based, Column in bytes.
struct Position {
  std::string File; // canonical absolute path; empty when none
  unsigned Offset = 0;
  unsigned Line = 0;
  unsigned Column = 0;
};

struct Note {
  std::string Message;
  Position Pos;
};

/// What a profile attributes to a finding (`check --profile`): the
/// allocations and bytes of the profiled sites at the lines its fix changes,
/// and their share of the run's allocations (0..1).
struct FindingProfile {
  uint64_t Allocations = 0;
  uint64_t Bytes = 0;
  double Share = 0;
};

struct Finding {
  std::string Check;
  std::string Message;
  std::string Level; // "warning" or "error"
  Position Pos;
  std::vector<Note> Notes;
  std::vector<Edit> Edits;
  // Filled in after the merge:
  std::string RelPath;     // relative to the project root (or absolute)
  std::string SourceLine;  // the line of Pos, without its newline
  std::string Fingerprint; // check, file, normalized line and its context
  std::string LineKey;     // check, file, normalized line
  bool Fixed = false;      // --fix applied its edits
  std::optional<FindingProfile> Prof; // --profile
};

/// What one TU produced: its own findings (before the merge of several TUs'),
/// or why it could not be analyzed.
struct UnitResult {
  std::string File; // canonical absolute path of the TU
  std::vector<Finding> Findings;
  std::string Failure; // empty when analyzed
};

/// One shard of a sharded run (`memlint check --shard K/N`): its TUs'
/// unmerged results, which `memlint merge` needs to merge the shards exactly
/// as one run would have.
struct ShardInfo {
  unsigned Index = 0; // 1-based
  unsigned Count = 0;
  std::string Checks; // the --checks memlint-tidy ran
  std::vector<UnitResult> Units;
};

/// The source of the files findings point into, read once.
class SourceCache {
public:
  /// Returns the contents of \p Path, or null when it cannot be read.
  const std::string *get(llvm::StringRef Path);
  /// 1-based line and byte column of \p Offset in \p Path.
  std::pair<unsigned, unsigned> lineCol(llvm::StringRef Path, unsigned Offset);
  /// Line \p Line (1-based) of \p Path without its line break.
  llvm::StringRef line(llvm::StringRef Path, unsigned Line);
  unsigned lineCount(llvm::StringRef Path);
  /// Byte offset of the start of line \p Line (1-based).
  unsigned lineStart(llvm::StringRef Path, unsigned Line);

private:
  struct Entry {
    std::string Text;
    std::vector<unsigned> LineStarts;
    bool Ok = false;
  };
  Entry &entry(llvm::StringRef Path);
  std::map<std::string, Entry> Files;
};

// --- Support.cpp -------------------------------------------------------------

/// The directory holding the memlint binary (set once in main).
extern std::string SelfDir;

/// Runs \p Program with \p Args; stdout and stderr go to the given files
/// (empty: /dev/null, "-": inherited). Returns the exit code, -1 when it could
/// not run, -2 when it crashed; \p Err describes a failure to run or a crash.
int runProgram(llvm::StringRef Program, const std::vector<std::string> &Args,
               llvm::StringRef StdoutFile, llvm::StringRef StderrFile,
               std::string &Err,
               std::optional<std::vector<std::string>> Env = std::nullopt);

/// Like runProgram, returning stdout and stderr as strings.
int runCapture(llvm::StringRef Program, const std::vector<std::string> &Args,
               std::string &Out, std::string &ErrText);

/// Writes \p Contents to \p Path through a temporary file in the same
/// directory and a rename, so the file is never partially written.
bool writeFileAtomically(llvm::StringRef Path, llvm::StringRef Contents,
                         std::string &Err);

/// Canonical absolute path (symlinks resolved when the file exists).
std::string canonicalPath(llvm::StringRef Path, llvm::StringRef Base = "");

/// Path relative to \p Root when inside it, else \p Path unchanged.
std::string relativeTo(llvm::StringRef Path, llvm::StringRef Root);

/// clang-tidy's glob syntax: `*` matches anything.
bool globMatches(llvm::StringRef Glob, llvm::StringRef Name);

/// First paragraph of the docs page of \p Check (memlint checks only), and
/// the page itself.
std::string docsDir();
std::optional<std::string> docsPage(llvm::StringRef Check);
std::string firstParagraph(llvm::StringRef Markdown);
std::string docsUrl(llvm::StringRef Check);

/// Hex digest (16 hex digits) of \p Data.
std::string shortHash(llvm::StringRef Data);

/// The memlint-tidy to run: $MEMLINT_TIDY, else next to this binary.
std::string memlintTidyPath();

/// Bytes a layout finding says it saves (0 when it does not say).
unsigned bytesSaved(const Finding &F);

// --- Formats.cpp -------------------------------------------------------------

struct RunSummary {
  unsigned FilesAnalyzed = 0;
  unsigned FilesFailed = 0;
  double Seconds = 0;
  unsigned Suppressed = 0; // by the baseline
  unsigned Filtered = 0;   // outside --diff
  unsigned Unranked = 0;   // below --top / --min-share
  bool CacheUsed = false;  // --cache: the report says hits and misses
  unsigned CacheHits = 0;
  unsigned CacheMisses = 0;
};

/// A user-code site of the profile that no finding covers.
struct UncoveredSite {
  std::string File; // as the profile names it
  unsigned Line = 0;
  std::string Function;
  uint64_t Allocations = 0;
  uint64_t Bytes = 0;
};

/// The run's totals and the hottest sites no finding covers (`--profile`).
struct ProfileSummary {
  uint64_t Allocations = 0;
  uint64_t Bytes = 0;
  uint64_t Covered = 0; // allocations of the sites some finding covers
  std::vector<UncoveredSite> Unattributed;
};

struct ReportContext {
  std::string Root; // project root (absolute, no trailing slash)
  std::string Cwd;
  SourceCache *Sources = nullptr;
  RunSummary Summary;
  const ShardInfo *Shard = nullptr; // JSON and SARIF carry it for the merge
  std::optional<ProfileSummary> Profile; // --profile
};

void writeText(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
               ReportContext &Ctx);
void writeJson(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
               ReportContext &Ctx);
void writeSarif(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                ReportContext &Ctx);
void writeGithub(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                 ReportContext &Ctx);
void writeCodeClimate(llvm::raw_ostream &OS,
                      const std::vector<Finding> &Findings, ReportContext &Ctx);

/// One TU's unmerged result as a shard report (and the result cache) stores
/// it: paths relative to Ctx.Root.
llvm::json::Object unitJson(const UnitResult &U, ReportContext &Ctx);

// --- Shard.cpp ---------------------------------------------------------------

/// Parses `K/N` (1 <= K <= N). Throws UsageError.
std::pair<unsigned, unsigned> parseShard(llvm::StringRef Spec);

/// The files of shard \p K of \p N: largest first (ties by root-relative
/// path), each to the shard with the fewest bytes so far. Depends only on the
/// files' sizes and root-relative paths, so every machine of a CI matrix
/// computes the same split.
std::vector<std::string> shardFiles(const std::vector<std::string> &Files,
                                    unsigned K, unsigned N,
                                    llvm::StringRef Root);

/// Reads the shards of one sharded run from memlint JSON or SARIF reports
/// (paths resolved against \p Root), checking that they are the N distinct
/// shards of one run with the same checks. Throws UsageError.
std::vector<ShardInfo> readShardReports(const std::vector<std::string> &Paths,
                                        llvm::StringRef Root);

/// Reads back what unitJson wrote (\p Path names the file in errors).
/// Throws UsageError when it is malformed.
UnitResult readUnit(const llvm::json::Value &Unit, llvm::StringRef Path,
                    llvm::StringRef Root);

// --- Filters.cpp -------------------------------------------------------------

/// Fills RelPath, SourceLine, Fingerprint and LineKey.
void fingerprint(std::vector<Finding> &Findings, SourceCache &Sources,
                 llvm::StringRef Root);

struct Baseline {
  std::map<std::string, unsigned> ByFingerprint;
  std::map<std::string, unsigned> ByLine;
  // Every entry's (fingerprint, line key) so counts can be kept consistent.
  std::vector<std::pair<std::string, std::string>> Entries;
};
/// Throws UsageError when \p Path is missing or malformed.
Baseline readBaseline(llvm::StringRef Path);
std::string baselineJson(const std::vector<Finding> &Findings);
/// Removes the findings the baseline covers; returns how many.
unsigned applyBaseline(std::vector<Finding> &Findings, const Baseline &B);

/// Lines added or changed since \p Ref, per root-relative path (empty set:
/// the whole file is new). Throws UsageError.
using ChangedLines =
    std::map<std::string, std::vector<std::pair<unsigned, unsigned>>>;
ChangedLines changedLinesSince(llvm::StringRef Ref, llvm::StringRef Root);
unsigned filterToChanged(std::vector<Finding> &Findings,
                         const ChangedLines &Changed);

/// Applies (or, with \p DryRun, prints as a unified diff) the fixes of
/// \p Findings. Each distinct edit once; a finding whose edits conflict with
/// already accepted ones is skipped and reported on stderr.
struct FixResult {
  unsigned Applied = 0; // findings whose edits were accepted
  unsigned Conflicts = 0;
  unsigned FilesChanged = 0;
  bool WriteFailed = false;
  std::vector<std::string> Files; // the files changed (dry run: would be)
};
FixResult applyFixes(std::vector<Finding> &Findings, SourceCache &Sources,
                     llvm::StringRef Root, bool DryRun,
                     llvm::raw_ostream &Diff);

// --- PublicHeaders.cpp -------------------------------------------------------

/// The files and directories the CMake build in \p BuildDir installs (its
/// cmake_install.cmake and the ones it includes), as a regex over canonical
/// absolute paths; empty when it installs none or is no CMake build.
std::string installedHeadersRegex(llvm::StringRef BuildDir);

/// The memlint-tidy `--config` that adds the PublicHeaders and
/// InstalledHeaders options to the .clang-tidy files; empty when both are.
std::string publicApiConfig(llvm::StringRef Installed,
                            const std::optional<std::string> &PublicHeaders);

} // namespace memlint

#endif
