//===--- Analyze.h - run memlint-tidy over a compile database ---*- C++ -*-===//

#ifndef MEMLINT_DRIVER_MEMLINT_ANALYZE_H
#define MEMLINT_DRIVER_MEMLINT_ANALYZE_H

#include "Driver.h"

namespace memlint {

/// The compile_commands.json to use: in \p DirOption (a directory or the
/// file itself) when given, else in `.` or `build/` of the current directory
/// or the nearest parent that has one. Throws UsageError.
std::string findCompileDatabase(llvm::StringRef DirOption);

/// The distinct source files of a compile database, as canonical absolute
/// paths in database order. Throws UsageError when it is malformed.
std::vector<std::string> readCompileDatabase(llvm::StringRef Path);

/// Reads clang-tidy's `--export-fixes` YAML. Compiler errors go to
/// \p CompileErrors, not \p Out. False (with \p Err) when it is malformed.
bool parseExportedFixes(llvm::StringRef Yaml, std::vector<Finding> &Out,
                        std::vector<std::string> &CompileErrors,
                        std::string &Err);

/// Merges the findings of several TUs, given as (TU path for notes, its
/// findings) in a fixed order: one finding per (check, file, offset,
/// message). It keeps its edits only when every TU that reported it produced
/// the same edit set; otherwise it has none and a note naming the variants.
std::vector<Finding> mergeFindings(
    std::vector<std::pair<std::string, std::vector<Finding>>> &Reports);

struct AnalysisRequest {
  std::string Tidy;                  // memlint-tidy to run
  std::vector<std::string> TidyArgs; // before --export-fixes and the file
  std::vector<std::string> Files;    // canonical absolute paths
  unsigned Jobs = 1;
  std::string Cwd;
};

struct AnalysisResult {
  std::vector<Finding> Findings;     // merged (mergeFindings)
  std::vector<std::string> Failures; // one line per TU that failed
  unsigned FilesAnalyzed = 0;
  std::vector<UnitResult> Units; // what the merge was made of, by path
};

AnalysisResult analyze(const AnalysisRequest &Req);

/// Merges per-TU results the way analyze() does: TUs in path order (notes
/// name them relative to \p Cwd), failures listed in that order. `memlint
/// merge` replays it over the units of several shards.
AnalysisResult mergeUnits(std::vector<UnitResult> Units, llvm::StringRef Cwd);

} // namespace memlint

#endif
