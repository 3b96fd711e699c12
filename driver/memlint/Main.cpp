//===--- Main.cpp - memlint check / list / explain / measure --------------===//
//
// The command-line front end. Options are parsed by hand rather than with
// llvm::cl: cl exits with status 1 on a bad option, and memlint promises 2.
//
//===----------------------------------------------------------------------===//

#include "Analyze.h"
#include "Cache.h"
#include "Driver.h"
#include "Profile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/Threading.h"

#include <chrono>
#include <set>

#ifndef MEMLINT_VERSION
#define MEMLINT_VERSION "0.0.0"
#endif
#ifndef MEMLINT_INSTALL_LIBDIR
#define MEMLINT_INSTALL_LIBDIR ""
#endif

extern char **environ;

namespace memlint {
namespace {

const char *Usage = R"(usage: memlint check [options] [files...]
       memlint list
       memlint explain CHECK
       memlint merge [options] REPORT...
       memlint measure [--sites -o PROFILE] -- COMMAND [ARGS...]
       memlint profile [-o OUT] PROFILE...   (memlint profiles, DHAT files)

check options:
  -p DIR                 directory of compile_commands.json (default: . or
                         build/, here or in the nearest parent that has one)
  --checks GLOBS         checks to run (default: the memlint checks the
                         nearest .clang-tidy enables, else memlint-*)
  -j N                   parallel jobs (default: number of cores)
  --format FORMAT        text (default), json, sarif, github, codeclimate
  -o FILE                write the report to FILE instead of stdout
  --baseline FILE        do not report the findings recorded in FILE
  --write-baseline FILE  record the current findings in FILE
  --diff REF             report only findings on lines changed since git REF
  --fix                  apply the fixes in place
  --fix-passes N         with --fix, re-analyze the changed TUs and apply
                         the fixes that enables, up to N passes in all
                         (default 4)
  --fix-dry-run          print the fixes as a unified diff instead (one pass)
  --header-filter REGEX  headers to report (default: every header under the
                         project root)
  --public-headers REGEX headers whose ABI fixes must keep (besides those the
                         build's cmake_install.cmake installs)
  --extra-arg ARG        add ARG to every compile command
  --shard K/N            analyze only shard K of N (for a CI matrix; needs
                         --format json or sarif, merged by 'memlint merge')
  --cache DIR|URL        reuse the results of unchanged TUs from a directory
                         or a plain HTTP cache (http://HOST:PORT/PREFIX)
  --profile PROFILE      rank findings by the allocations of PROFILE (memlint
                         measure --sites, or DHAT) their fixes remove;
                         repeatable, the profiles are summed
  --top N                with --profile, report the N findings ranked first
  --min-share PCT        with --profile, report findings whose allocations
                         are at least PCT% of the run's
  --version              print the version

merge: merges the reports of 'memlint check --shard K/N' into the report of
one run; takes --format, -o, --baseline, --write-baseline, --diff, --fix and
--fix-dry-run as check does.

Exit status: 0 nothing reported, 1 findings reported, 2 usage or
configuration error, 3 some files could not be analyzed.
See docs/driver.md.
)";

struct CheckOptions {
  std::string DbDir;
  std::optional<std::string> Checks;
  unsigned Jobs = 0;
  std::string Format = "text";
  std::string Output;
  std::string Baseline;
  std::string WriteBaseline;
  std::optional<std::string> DiffRef;
  bool Fix = false;
  bool FixDryRun = false;
  unsigned FixPasses = 4;
  bool FixPassesGiven = false;
  std::optional<std::string> HeaderFilter;
  std::optional<std::string> PublicHeaders;
  std::vector<std::string> ExtraArgs;
  std::optional<std::pair<unsigned, unsigned>> Shard;
  std::optional<std::string> Cache;
  std::vector<std::string> Profiles;
  unsigned Top = 0;       // 0: all
  double MinShare = 0;    // 0..1
  bool RankGiven = false; // --top or --min-share
  std::vector<std::string> Files;
};

[[noreturn]] void usageError(const std::string &Msg) { throw UsageError{Msg}; }

unsigned parseTop(const std::string &V) {
  unsigned N = 0;
  if (llvm::StringRef(V).getAsInteger(10, N) || N == 0)
    usageError("--top needs a positive number, not '" + V + "'");
  return N;
}

double parseMinShare(const std::string &V) {
  double P = 0;
  if (llvm::StringRef(V).getAsDouble(P) || !(P >= 0 && P <= 100))
    usageError("--min-share needs a percentage from 0 to 100, not '" + V + "'");
  return P / 100;
}

// Combinations of options that exclude or need each other.
void validateCheckOptions(const CheckOptions &O) {
  if (O.Fix && O.FixDryRun)
    usageError("--fix and --fix-dry-run exclude each other");
  if (O.FixPassesGiven && !O.Fix)
    usageError("--fix-passes needs --fix (--fix-dry-run shows the first "
               "pass's fixes)");
  if (O.Shard && O.Format != "json" && O.Format != "sarif")
    usageError("--shard needs --format json or sarif ('memlint merge' reads "
               "them)");
  if (O.RankGiven && O.Profiles.empty())
    usageError("--top and --min-share rank by a profile: they need --profile");
  if (O.Shard && !O.Profiles.empty())
    usageError("--shard: rank after merging ('memlint merge --profile')");
  if (O.Shard && (O.Fix || O.FixDryRun))
    usageError("--shard: fix after merging ('memlint merge --fix'), where "
               "every TU's edits are known");
}

CheckOptions parseCheckOptions(llvm::ArrayRef<std::string> Args) {
  CheckOptions O;
  bool OnlyFiles = false;
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef A = Args[I];
    if (OnlyFiles || !A.starts_with("-") || A == "-") {
      O.Files.push_back(A.str());
      continue;
    }
    if (A == "--") {
      OnlyFiles = true;
      continue;
    }
    // Accept `--opt VALUE`, `--opt=VALUE` and, for -p/-j/-o, `-pVALUE`.
    auto Value = [&](llvm::StringRef Name) -> std::optional<std::string> {
      if (A == Name) {
        if (I + 1 >= Args.size())
          usageError("option '" + Name.str() + "' needs a value");
        return Args[++I];
      }
      if (A.starts_with(Name.str() + "="))
        return A.drop_front(Name.size() + 1).str();
      if (Name.size() == 2 && A.starts_with(Name) && A.size() > 2)
        return A.drop_front(2).str();
      return std::nullopt;
    };
    if (auto V = Value("-p")) {
      O.DbDir = *V;
    } else if (auto V = Value("--checks")) {
      O.Checks = *V;
    } else if (auto V = Value("-j")) {
      if (llvm::StringRef(*V).getAsInteger(10, O.Jobs) || O.Jobs == 0)
        usageError("-j needs a positive number, not '" + *V + "'");
    } else if (auto V = Value("--jobs")) {
      if (llvm::StringRef(*V).getAsInteger(10, O.Jobs) || O.Jobs == 0)
        usageError("--jobs needs a positive number, not '" + *V + "'");
    } else if (auto V = Value("--format")) {
      O.Format = *V;
      if (!llvm::is_contained(
              {"text", "json", "sarif", "github", "codeclimate"}, O.Format))
        usageError("unknown --format '" + O.Format +
                   "' (text, json, sarif, github or codeclimate)");
    } else if (auto V = Value("-o")) {
      O.Output = *V;
    } else if (auto V = Value("--baseline")) {
      O.Baseline = *V;
    } else if (auto V = Value("--write-baseline")) {
      O.WriteBaseline = *V;
    } else if (auto V = Value("--diff")) {
      O.DiffRef = *V;
    } else if (auto V = Value("--header-filter")) {
      O.HeaderFilter = *V;
    } else if (auto V = Value("--public-headers")) {
      std::string Err;
      if (!llvm::Regex(*V).isValid(Err))
        usageError("--public-headers: bad regex '" + *V + "': " + Err);
      O.PublicHeaders = *V;
    } else if (auto V = Value("--extra-arg")) {
      O.ExtraArgs.push_back(*V);
    } else if (auto V = Value("--fix-passes")) {
      if (llvm::StringRef(*V).getAsInteger(10, O.FixPasses) || O.FixPasses == 0)
        usageError("--fix-passes needs a positive number, not '" + *V + "'");
      O.FixPassesGiven = true;
    } else if (auto V = Value("--shard")) {
      O.Shard = parseShard(*V);
    } else if (auto V = Value("--cache")) {
      O.Cache = *V;
    } else if (auto V = Value("--profile")) {
      O.Profiles.push_back(*V);
    } else if (auto V = Value("--top")) {
      O.Top = parseTop(*V);
      O.RankGiven = true;
    } else if (auto V = Value("--min-share")) {
      O.MinShare = parseMinShare(*V);
      O.RankGiven = true;
    } else if (A == "--fix") {
      O.Fix = true;
    } else if (A == "--fix-dry-run") {
      O.FixDryRun = true;
    } else {
      usageError("unknown option '" + A.str() + "' (see memlint --help)");
    }
  }
  validateCheckOptions(O);
  return O;
}

std::string currentDir() {
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  return canonicalPath(Cwd);
}

// The project root: the git work tree around the current directory, else the
// current directory. Paths in reports are relative to it.
std::string projectRoot(const std::string &Cwd) {
  if (auto Git = llvm::sys::findProgramByName("git")) {
    std::string Out, Err;
    if (runCapture(*Git, {"-C", Cwd, "rev-parse", "--show-toplevel"}, Out,
                   Err) == 0) {
      llvm::StringRef Top = llvm::StringRef(Out).trim();
      if (!Top.empty())
        return canonicalPath(Top);
    }
  }
  return Cwd;
}

std::vector<std::string> parseCheckList(llvm::StringRef Out) {
  std::vector<std::string> Checks;
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  Out.split(Lines, '\n', -1, false);
  for (llvm::StringRef L : Lines)
    if (L.starts_with("    ") && !L.trim().empty())
      Checks.push_back(L.trim().str());
  return Checks;
}

std::string tidyOrDie() {
  std::string Tidy = memlintTidyPath();
  if (!llvm::sys::fs::can_execute(Tidy))
    usageError("cannot find memlint-tidy at '" + Tidy +
               "' (it is installed next to memlint)");
  return Tidy;
}

// Validates every .clang-tidy that applies to the files: a file clang-tidy
// cannot parse would otherwise be ignored with a warning per TU.
void verifyConfigs(const std::string &Tidy,
                   const std::vector<std::string> &Files) {
  std::set<std::string> Dirs, Configs;
  for (const std::string &F : Files) {
    llvm::StringRef D = llvm::sys::path::parent_path(F);
    while (!D.empty() && Dirs.insert(D.str()).second) {
      llvm::SmallString<256> C(D);
      llvm::sys::path::append(C, ".clang-tidy");
      if (llvm::sys::fs::exists(C))
        Configs.insert(std::string(C));
      llvm::StringRef Parent = llvm::sys::path::parent_path(D);
      if (Parent == D)
        break;
      D = Parent;
    }
  }
  for (const std::string &C : Configs) {
    std::string Out, Err;
    int RC =
        runCapture(Tidy, {"--verify-config", "--config-file=" + C}, Out, Err);
    if (RC == 0)
      continue;
    std::string All = Out + Err;
    llvm::SmallVector<llvm::StringRef, 8> Lines;
    llvm::StringRef(All).split(Lines, '\n', -1, false);
    for (llvm::StringRef L : Lines) {
      if (L.contains(": error: "))
        usageError("bad configuration " + L.trim().str());
      // Unknown memlint checks are typos; other unknown checks may belong to
      // plugins memlint-tidy does not load, so they stay warnings.
      if (L.contains("unknown check 'memlint-"))
        usageError("bad configuration '" + C +
                   "': " + L.split("warning: ").second.split(" [").first.str());
    }
    if (All.find("invalid configuration") != std::string::npos)
      usageError("bad configuration '" + C + "'");
  }
}

// The --checks value memlint-tidy gets (see docs/driver.md, "Checks").
std::string selectChecks(const std::string &Tidy,
                         const std::optional<std::string> &UserChecks) {
  std::string Out, Err;
  if (UserChecks) {
    if (runCapture(Tidy, {"--list-checks", "--checks=*"}, Out, Err) != 0)
      usageError("memlint-tidy --list-checks failed: " +
                 llvm::StringRef(Err).split('\n').first.str());
    std::vector<std::string> All = parseCheckList(Out);
    llvm::SmallVector<llvm::StringRef, 8> Globs;
    llvm::StringRef(*UserChecks).split(Globs, ',', -1, false);
    bool AnyPositive = false;
    for (llvm::StringRef G : Globs) {
      G = G.trim();
      if (G.empty() || G.starts_with("-"))
        continue;
      AnyPositive = true;
      if (llvm::none_of(
              All, [&](const std::string &C) { return globMatches(G, C); }))
        usageError("--checks: '" + G.str() +
                   "' matches no check ('memlint list' shows memlint's)");
    }
    if (!AnyPositive)
      usageError("--checks '" + *UserChecks + "' enables no check");
    return "-*," + *UserChecks;
  }
  // Default: the memlint checks the nearest .clang-tidy enables, if any.
  if (runCapture(Tidy, {"--list-checks"}, Out, Err) == 0) {
    std::vector<std::string> Enabled;
    for (std::string &C : parseCheckList(Out))
      if (llvm::StringRef(C).starts_with("memlint-"))
        Enabled.push_back(std::move(C));
    if (!Enabled.empty())
      return "-*," + llvm::join(Enabled, ",");
  }
  if (runCapture(Tidy, {"--list-checks", "--checks=-*,memlint-*"}, Out, Err) !=
          0 ||
      parseCheckList(Out).empty())
    usageError("no memlint check is available; pass --checks");
  return "-*,memlint-*";
}

using Clock = std::chrono::steady_clock;

// clang-tidy matches its header filter against the header's name as the
// include spelled it (often relative), so the default filter takes every
// non-system header and what lies outside the project is dropped here.
void dropOutsideProject(std::vector<Finding> &Findings, const CheckOptions &O,
                        const std::set<std::string> &Analyzed,
                        const std::string &Root) {
  if (O.HeaderFilter)
    return;
  llvm::erase_if(Findings, [&](const Finding &F) {
    return !F.Pos.File.empty() && !Analyzed.count(F.Pos.File) &&
           relativeTo(F.Pos.File, Root) == F.Pos.File;
  });
}

/// What a run has decided before it reports: the findings filters.
struct RunFilters {
  std::optional<Baseline> Base;
  std::optional<ChangedLines> Changed;
  std::optional<Profile> Prof; // --profile, summed
};

// Everything that can be a usage or configuration error of the filters and
// the output, checked before the (long) analysis starts.
RunFilters prepareFilters(const CheckOptions &O, const std::string &Root) {
  RunFilters F;
  if (!O.Baseline.empty())
    F.Base = readBaseline(O.Baseline);
  if (O.DiffRef)
    F.Changed = changedLinesSince(*O.DiffRef, Root);
  for (const std::string &P : O.Profiles) {
    if (!F.Prof)
      F.Prof.emplace();
    mergeProfile(*F.Prof, readProfile(P));
  }
  if (!O.Output.empty()) {
    llvm::StringRef Dir = llvm::sys::path::parent_path(O.Output);
    if (!Dir.empty() && !llvm::sys::fs::is_directory(Dir))
      usageError("-o: directory '" + Dir.str() + "' does not exist");
  }
  return F;
}

void writeReport(llvm::raw_ostream &OS, const std::string &Format,
                 const std::vector<Finding> &Findings, ReportContext &Ctx) {
  if (Format == "text")
    writeText(OS, Findings, Ctx);
  else if (Format == "json")
    writeJson(OS, Findings, Ctx);
  else if (Format == "sarif")
    writeSarif(OS, Findings, Ctx);
  else if (Format == "github")
    writeGithub(OS, Findings, Ctx);
  else
    writeCodeClimate(OS, Findings, Ctx);
}

// Fingerprints, sorts and filters (baseline, --diff) the merged findings of
// a pass. The baseline is recorded from the first pass only. False when it
// cannot be written.
bool filterFindings(const CheckOptions &O, AnalysisResult &R,
                    RunFilters &Filters, ReportContext &Ctx, bool FirstPass) {
  std::vector<Finding> &Findings = R.Findings;
  fingerprint(Findings, *Ctx.Sources, Ctx.Root);
  std::stable_sort(
      Findings.begin(), Findings.end(), [](const Finding &A, const Finding &B) {
        return std::tie(A.RelPath, A.Pos.Offset, A.Check, A.Message) <
               std::tie(B.RelPath, B.Pos.Offset, B.Check, B.Message);
      });
  Ctx.Summary.FilesAnalyzed = R.FilesAnalyzed;
  Ctx.Summary.FilesFailed = R.Failures.size();
  if (FirstPass && !O.WriteBaseline.empty()) {
    std::string Err;
    if (!writeFileAtomically(O.WriteBaseline, baselineJson(Findings), Err)) {
      llvm::errs() << "memlint: error: " << Err << "\n";
      return false;
    }
    llvm::errs() << "memlint: recorded " << Findings.size() << " findings in "
                 << O.WriteBaseline << "\n";
  }
  if (Filters.Base)
    Ctx.Summary.Suppressed = applyBaseline(Findings, *Filters.Base);
  if (Filters.Changed)
    Ctx.Summary.Filtered = filterToChanged(Findings, *Filters.Changed);
  if (Filters.Prof) {
    // Warnings of changed lines once, not once per pass of --fix.
    std::string Warn;
    llvm::raw_string_ostream WarnOS(Warn);
    Ctx.Profile =
        attributeProfile(Findings, *Filters.Prof, *Ctx.Sources, WarnOS);
    if (FirstPass)
      llvm::errs() << Warn;
    Ctx.Summary.Unranked = rankFindings(Findings, O.Top, O.MinShare);
  }
  return true;
}

std::string plural(unsigned N, llvm::StringRef One, llvm::StringRef Many) {
  return std::to_string(N) + " " + (N == 1 ? One : Many).str();
}

// Applies (or prints into \p Report, for --fix-dry-run) the fixes of one pass,
// saying so after \p Prefix ("memlint: pass 2 (...): "; "memlint: " when
// there are no passes: `merge`, --fix-dry-run).
FixResult fixFindings(const CheckOptions &O, std::vector<Finding> &Findings,
                      ReportContext &Ctx, std::string &Report,
                      llvm::StringRef Prefix) {
  std::string DiffText;
  llvm::raw_string_ostream DiffOS(DiffText);
  FixResult Fixes =
      applyFixes(Findings, *Ctx.Sources, Ctx.Root, O.FixDryRun, DiffOS);
  DiffOS.flush();
  if (O.FixDryRun) {
    Report += DiffText;
    return Fixes;
  }
  if (Fixes.Applied)
    llvm::errs() << Prefix << "applied the fixes of "
                 << plural(Fixes.Applied, "finding", "findings") << " to "
                 << plural(Fixes.FilesChanged, "file", "files") << "\n";
  else if (Prefix != "memlint: ")
    llvm::errs() << Prefix << "no fix to apply\n";
  return Fixes;
}

// The report, the failures and the exit status of a run, from its (last
// pass's) findings.
int reportRun(const CheckOptions &O, AnalysisResult &R, ReportContext &Ctx,
              const FixResult &Fixes, std::string Report,
              Clock::time_point Start) {
  std::vector<Finding> &Findings = R.Findings;
  Ctx.Summary.Seconds =
      std::chrono::duration<double>(Clock::now() - Start).count();
  if (!O.FixDryRun) {
    llvm::raw_string_ostream OS(Report);
    writeReport(OS, O.Format, Findings, Ctx);
  }
  for (const std::string &F : R.Failures)
    llvm::errs() << "memlint: error: " << F << "\n";
  if (O.Output.empty()) {
    llvm::outs() << Report;
    llvm::outs().flush();
  } else {
    std::string Err;
    if (!writeFileAtomically(O.Output, Report, Err)) {
      llvm::errs() << "memlint: error: " << Err << "\n";
      return ExitUsage;
    }
  }
  if (!R.Failures.empty() || Fixes.WriteFailed)
    return ExitIncomplete;
  // With --fix, a finding whose fix was applied no longer counts.
  bool Open = llvm::any_of(
      Findings, [&](const Finding &F) { return !(O.Fix && F.Fixed); });
  return Open ? ExitFindings : ExitClean;
}

// The rest of a run once its findings are merged, in one pass (`merge`, and
// `check` without --fix): fingerprints, baseline, --diff, the fixes, the
// report, the exit status.
int finishRun(const CheckOptions &O, AnalysisResult &R, RunFilters &Filters,
              ReportContext &Ctx, Clock::time_point Start) {
  if (!filterFindings(O, R, Filters, Ctx, /*FirstPass=*/true))
    return ExitUsage;
  std::string Report;
  FixResult Fixes;
  if (O.Fix || O.FixDryRun)
    Fixes = fixFindings(O, R.Findings, Ctx, Report, "memlint: ");
  return reportRun(O, R, Ctx, Fixes, std::move(Report), Start);
}

// The TUs to analyze: the ones named, else the database's.
std::vector<std::string> selectFiles(const CheckOptions &O,
                                     const std::vector<std::string> &DbFiles,
                                     const std::string &Cwd) {
  if (O.Files.empty())
    return DbFiles;
  std::vector<std::string> Files;
  std::set<std::string> Seen;
  for (const std::string &F : O.Files) {
    std::string Abs = canonicalPath(F, Cwd);
    if (Seen.insert(Abs).second)
      Files.push_back(Abs);
  }
  return Files;
}

// What memlint-tidy is run with for the TUs \p Files.
AnalysisRequest analysisRequest(const CheckOptions &O, const std::string &Tidy,
                                const std::string &Cwd, const std::string &Db,
                                const std::string &Checks,
                                std::vector<std::string> Files) {
  AnalysisRequest Req;
  Req.Tidy = Tidy;
  Req.Cwd = Cwd;
  Req.Files = std::move(Files);
  Req.Jobs =
      O.Jobs ? O.Jobs : llvm::hardware_concurrency().compute_thread_count();
  Req.TidyArgs = {"-p",
                  std::string(llvm::sys::path::parent_path(Db)),
                  "--quiet",
                  "--use-color=false",
                  "--checks=" + Checks,
                  "--header-filter=" + O.HeaderFilter.value_or(".*")};
  // The database's own directory is the build tree (a symlinked database
  // points into it).
  std::string Config =
      publicApiConfig(installedHeadersRegex(
                          llvm::sys::path::parent_path(canonicalPath(Db, Cwd))),
                      O.PublicHeaders);
  if (!Config.empty())
    Req.TidyArgs.push_back("--config=" + Config);
  for (const std::string &E : O.ExtraArgs)
    Req.TidyArgs.push_back("--extra-arg=" + E);
  return Req;
}

/// What the passes of `check --fix` share.
struct FixpointRun {
  const CheckOptions &O;
  AnalysisRequest Req;
  std::set<std::string> Analyzed; // the run's TUs
  std::string Root;
};

// The TUs whose analysis the fixes of a pass may change: those whose file
// changed or that reported anything in a changed file; every TU when a changed
// file is no TU of the run (a header: which TUs include it is not known).
std::vector<std::string>
unitsToReanalyze(const std::vector<UnitResult> &Units,
                 const std::vector<std::string> &Changed) {
  std::set<std::string> C(Changed.begin(), Changed.end()), TUs;
  for (const UnitResult &U : Units)
    TUs.insert(U.File);
  bool Header = llvm::any_of(
      Changed, [&](const std::string &F) { return !TUs.count(F); });
  auto Touches = [&](const UnitResult &U) {
    for (const Finding &F : U.Findings) {
      bool Edits = llvm::any_of(
          F.Edits, [&](const Edit &E) { return C.count(E.File) != 0; });
      bool Notes = llvm::any_of(
          F.Notes, [&](const Note &N) { return C.count(N.Pos.File) != 0; });
      if (C.count(F.Pos.File) || Edits || Notes)
        return true;
    }
    return C.count(U.File) != 0;
  };
  std::vector<std::string> Files;
  for (const UnitResult &U : Units)
    if (Header || Touches(U))
      Files.push_back(U.File);
  return Files;
}

// Re-analyzes the TUs the fixes in \p Changed may affect and merges them with
// the others' previous results. Returns how many were re-analyzed.
unsigned reanalyze(FixpointRun &Run, AnalysisResult &R,
                   const std::vector<std::string> &Changed) {
  AnalysisRequest Req = Run.Req;
  Req.Files = unitsToReanalyze(R.Units, Changed);
  AnalysisResult Again = analyze(Req);
  std::map<std::string, UnitResult> Fresh;
  for (UnitResult &U : Again.Units)
    Fresh[U.File] = std::move(U);
  for (UnitResult &U : R.Units) {
    auto It = Fresh.find(U.File);
    if (It != Fresh.end())
      U = std::move(It->second);
  }
  R = mergeUnits(std::move(R.Units), Req.Cwd);
  dropOutsideProject(R.Findings, Run.O, Run.Analyzed, Run.Root);
  return Req.Files.size();
}

// The last line of `check --fix`: how many passes ran, why they stopped and
// what is left for a human.
void reportPasses(const std::vector<Finding> &Findings, const FixResult &Last,
                  unsigned Passes, const CheckOptions &O) {
  unsigned Unfixed = llvm::count_if(
      Findings, [](const Finding &F) { return !F.Fixed && F.Edits.empty(); });
  std::string Left = "left: " +
                     plural(Unfixed - Last.Conflicts, "finding without a fixit",
                            "findings without a fixit") +
                     ", " +
                     plural(Last.Conflicts, "fix skipped by a conflict",
                            "fixes skipped by conflicts");
  llvm::errs() << "memlint: ";
  if (!Last.Applied)
    llvm::errs() << "--fix reached a fixpoint in "
                 << plural(Passes, "pass", "passes") << "; " << Left << "\n";
  else if (Last.WriteFailed)
    llvm::errs() << "--fix stopped after " << plural(Passes, "pass", "passes")
                 << " (the last pass's fixes were not all kept); " << Left
                 << "\n";
  else
    llvm::errs() << "--fix stopped after " << plural(Passes, "pass", "passes")
                 << " (--fix-passes " << O.FixPasses << "); " << Left
                 << "; the fixes of the last pass were not re-analyzed\n";
}

// `check --fix`: fix, re-analyze what the fixes changed, and again, until a
// pass applies no fix or --fix-passes passes ran. The report is the last
// pass's findings.
// A fix that breaks the build is a check's bug, but it must not reach the
// user's tree: when a TU that compiled before a pass's fixes does not after
// them, the files the pass changed get their contents back (still in
// \p Sources). True when it restored them.
bool restoreIfBroken(const std::vector<UnitResult> &Before,
                     const std::vector<UnitResult> &After,
                     const FixResult &Fixes, SourceCache &Sources,
                     unsigned Pass) {
  std::set<std::string> Compiled;
  for (const UnitResult &U : Before)
    if (U.Failure.empty())
      Compiled.insert(U.File);
  auto Broken = llvm::find_if(After, [&](const UnitResult &U) {
    return !U.Failure.empty() && Compiled.count(U.File);
  });
  if (Broken == After.end())
    return false;
  llvm::errs() << "memlint: error: the fixes of pass " << Pass
               << " break the build (" << Broken->Failure << "); restored the "
               << plural(Fixes.Files.size(), "file", "files")
               << " they changed\n";
  for (const std::string &File : Fixes.Files) {
    std::string Err;
    if (!writeFileAtomically(File, *Sources.get(File), Err))
      llvm::errs() << "memlint: error: " << Err << "\n";
  }
  return true;
}

// `check --fix`: fix, re-analyze what the fixes changed, and again, until a
// pass applies no fix or --fix-passes passes ran. The report is the last
// pass's findings.
int runFixpoint(FixpointRun &Run, AnalysisResult &R, RunFilters &Filters,
                ReportContext &Ctx, Clock::time_point Start) {
  const CheckOptions &O = Run.O;
  FixResult Fixes;
  std::string Prefix = "memlint: pass 1: ", NoDiff;
  unsigned Pass = 1;
  for (;; ++Pass) {
    if (!filterFindings(O, R, Filters, Ctx, Pass == 1))
      return ExitUsage;
    Fixes = fixFindings(O, R.Findings, Ctx, NoDiff, Prefix);
    if (!Fixes.Applied || Fixes.WriteFailed || Pass == O.FixPasses)
      break;
    AnalysisResult Before = R;
    unsigned N = reanalyze(Run, R, Fixes.Files);
    if (restoreIfBroken(Before.Units, R.Units, Fixes, *Ctx.Sources, Pass)) {
      // Report the pass as if its fixes had not been applied.
      R = std::move(Before);
      for (Finding &F : R.Findings)
        F.Fixed = false;
      Fixes.WriteFailed = true;
      break;
    }
    *Ctx.Sources = SourceCache(); // the fixed files are read again
    if (O.DiffRef)
      Filters.Changed = changedLinesSince(*O.DiffRef, Run.Root);
    Prefix = "memlint: pass " + std::to_string(Pass + 1) + " (" +
             plural(N, "TU", "TUs") + " re-analyzed): ";
  }
  reportPasses(R.Findings, Fixes, Pass, O);
  return reportRun(O, R, Ctx, Fixes, "", Start);
}

int runCheck(llvm::ArrayRef<std::string> Args) {
  auto Start = Clock::now();
  CheckOptions O = parseCheckOptions(Args);
  const std::string Cwd = currentDir();
  const std::string Root = projectRoot(Cwd);

  RunFilters Filters = prepareFilters(O, Root);
  std::string Db = findCompileDatabase(O.DbDir);
  std::vector<std::string> Files = selectFiles(O, readCompileDatabase(Db), Cwd);
  // A finding in any TU of the whole run is in the project, whichever shard
  // analyzes that TU.
  std::set<std::string> Analyzed(Files.begin(), Files.end());
  if (O.Shard)
    Files = shardFiles(Files, O.Shard->first, O.Shard->second, Root);
  std::string Tidy = tidyOrDie();
  verifyConfigs(Tidy, Files);
  std::string Checks = selectChecks(Tidy, O.Checks);

  FixpointRun Run{O, analysisRequest(O, Tidy, Cwd, Db, Checks, Files), Analyzed,
                  Root};
  std::unique_ptr<ResultCache> Cache;
  if (O.Cache) {
    Cache = std::make_unique<ResultCache>(
        *O.Cache, CacheSetup{Root, Db, Tidy, Run.Req.TidyArgs, O.ExtraArgs});
    Run.Req.Cache = Cache.get();
  }
  AnalysisResult R = analyze(Run.Req);
  dropOutsideProject(R.Findings, O, Analyzed, Root);

  SourceCache Sources;
  ReportContext Ctx;
  Ctx.Root = Root;
  Ctx.Cwd = Cwd;
  Ctx.Sources = &Sources;
  if (Cache) {
    // The first pass's lookups (--fix's later passes re-analyze edited TUs).
    Ctx.Summary.CacheUsed = true;
    Ctx.Summary.CacheHits = Cache->Hits;
    Ctx.Summary.CacheMisses = Cache->Misses;
  }
  if (O.Fix)
    return runFixpoint(Run, R, Filters, Ctx, Start);
  ShardInfo Shard;
  if (O.Shard) {
    Shard.Index = O.Shard->first;
    Shard.Count = O.Shard->second;
    Shard.Checks = Checks;
    Shard.Units = std::move(R.Units);
    for (UnitResult &U : Shard.Units)
      dropOutsideProject(U.Findings, O, Analyzed, Root);
    Ctx.Shard = &Shard;
  }
  return finishRun(O, R, Filters, Ctx, Start);
}

int runMerge(llvm::ArrayRef<std::string> Args) {
  auto Start = Clock::now();
  CheckOptions O = parseCheckOptions(Args);
  if (!O.DbDir.empty() || O.Checks || O.Jobs || O.HeaderFilter ||
      O.PublicHeaders || !O.ExtraArgs.empty() || O.Shard || O.FixPassesGiven ||
      O.Cache)
    usageError("merge takes only --format, -o, --baseline, --write-baseline, "
               "--diff, --profile, --top, --min-share, --fix and "
               "--fix-dry-run (the shards chose the rest; merge --fix makes "
               "one pass)");
  const std::string Cwd = currentDir();
  const std::string Root = projectRoot(Cwd);
  RunFilters Filters = prepareFilters(O, Root);
  std::vector<std::string> Reports;
  for (const std::string &F : O.Files)
    Reports.push_back(canonicalPath(F, Cwd));
  std::vector<ShardInfo> Shards = readShardReports(Reports, Root);
  std::vector<UnitResult> Units;
  for (ShardInfo &S : Shards)
    std::move(S.Units.begin(), S.Units.end(), std::back_inserter(Units));
  AnalysisResult R = mergeUnits(std::move(Units), Cwd);
  SourceCache Sources;
  ReportContext Ctx;
  Ctx.Root = Root;
  Ctx.Cwd = Cwd;
  Ctx.Sources = &Sources;
  return finishRun(O, R, Filters, Ctx, Start);
}

int runList(llvm::ArrayRef<std::string> Args) {
  if (!Args.empty())
    usageError("'memlint list' takes no arguments");
  std::string Tidy = tidyOrDie();
  std::string Out, Err;
  runCapture(Tidy, {"--list-checks", "--checks=-*,memlint-*"}, Out, Err);
  std::vector<std::string> Checks = parseCheckList(Out);
  size_t Width = 0;
  for (const std::string &C : Checks)
    Width = std::max(Width, C.size());
  for (const std::string &C : Checks) {
    std::optional<std::string> Page = docsPage(C);
    std::string Desc = Page ? firstParagraph(*Page) : "";
    llvm::outs() << llvm::left_justify(C, Width) << "  " << Desc << "\n";
  }
  if (Checks.empty())
    llvm::errs() << "memlint: no memlint checks are built in\n";
  return ExitClean;
}

int runExplain(llvm::ArrayRef<std::string> Args) {
  if (Args.size() != 1)
    usageError("usage: memlint explain CHECK");
  std::string Check = Args[0];
  if (!llvm::StringRef(Check).starts_with("memlint-"))
    Check = "memlint-" + Check;
  if (std::optional<std::string> Page = docsPage(Check)) {
    llvm::outs() << *Page;
    return ExitClean;
  }
  usageError("no memlint check named '" + Args[0] +
             "' ('memlint list' shows them)");
}

std::string allocCounterLibrary() {
  const char *Name = "libmemlint_alloc_count.so";
  llvm::SmallString<256> P(SelfDir);
  llvm::sys::path::append(P, "..", "lib", Name);
  if (llvm::sys::fs::exists(P))
    return canonicalPath(P);
  P = MEMLINT_INSTALL_LIBDIR;
  llvm::sys::path::append(P, Name);
  if (llvm::sys::fs::exists(P))
    return std::string(P);
  return "";
}

struct MeasureOptions {
  bool Sites = false;
  std::string Output;
  std::vector<std::string> Command;
};

const char *MeasureUsage =
    "usage: memlint measure [--sites -o PROFILE] -- COMMAND [ARGS...]";

MeasureOptions parseMeasureOptions(llvm::ArrayRef<std::string> Args) {
  MeasureOptions O;
  size_t I = 0;
  for (; I < Args.size(); ++I) {
    llvm::StringRef A = Args[I];
    if (A == "--") {
      ++I;
      break;
    }
    if (A == "--sites") {
      O.Sites = true;
    } else if (A == "-o" || A == "--output") {
      if (++I == Args.size())
        usageError("option '" + A.str() + "' needs a value");
      O.Output = Args[I];
    } else if (A.starts_with("-o") && A.size() > 2) {
      O.Output = A.drop_front(A[2] == '=' ? 3 : 2).str();
    } else if (A.starts_with("-")) {
      usageError("unknown measure option '" + A.str() + "' (" + MeasureUsage +
                 ")");
    } else {
      break; // the command, without "--"
    }
  }
  O.Command.assign(Args.begin() + I, Args.end());
  if (O.Command.empty())
    usageError(MeasureUsage);
  if (O.Sites && O.Output.empty())
    usageError("--sites needs -o PROFILE");
  if (!O.Sites && !O.Output.empty())
    usageError("-o is for the profile of --sites");
  if (O.Sites) {
    llvm::StringRef Dir = llvm::sys::path::parent_path(O.Output);
    if (!Dir.empty() && !llvm::sys::fs::is_directory(Dir))
      usageError("cannot write '" + O.Output + "': no directory '" + Dir.str() +
                 "'");
  }
  return O;
}

std::vector<std::string> measureEnv(const std::string &Lib,
                                    llvm::StringRef Report,
                                    llvm::StringRef SitesPrefix) {
  std::vector<std::string> Env;
  std::string Preload = Lib;
  for (char **E = environ; *E; ++E) {
    llvm::StringRef Var(*E);
    if (Var.starts_with("LD_PRELOAD="))
      Preload += ":" + Var.drop_front(11).str();
    else if (!Var.starts_with("MEMLINT_ALLOC_REPORT=") &&
             !Var.starts_with("MEMLINT_ALLOC_SITES="))
      Env.push_back(Var.str());
  }
  Env.push_back("LD_PRELOAD=" + Preload);
  Env.push_back("MEMLINT_ALLOC_REPORT=" + Report.str());
  if (!SitesPrefix.empty())
    Env.push_back("MEMLINT_ALLOC_SITES=" + SitesPrefix.str());
  return Env;
}

// Symbolizes the site files the processes left in \p Dir into the profile
// \p Output. Returns false (after an error line) when it cannot be written.
bool writeSitesProfile(llvm::StringRef Dir, const MeasureOptions &O) {
  std::vector<std::string> Files;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    if (llvm::sys::path::filename(It->path()).starts_with("sites."))
      Files.push_back(It->path());
  llvm::sort(Files);
  std::vector<std::string> NoDebug;
  Profile P = symbolizeRawSites(Files, NoDebug);
  std::string Cmd;
  for (const std::string &A : O.Command)
    Cmd += (Cmd.empty() ? "" : " ") + A;
  P.Commands = {Cmd};
  for (const std::string &B : NoDebug)
    llvm::errs() << "memlint: warning: '" << B
                 << "' has no debug information: build it with -g to see "
                    "allocation sites as file:line\n";
  std::string Err;
  if (!writeFileAtomically(O.Output, profileJson(P), Err)) {
    llvm::errs() << "memlint: error: cannot write '" << O.Output << "': " << Err
                 << "\n";
    return false;
  }
  llvm::errs() << "memlint: " << P.Sites.size() << " allocation sites ("
               << Files.size()
               << (Files.size() == 1 ? " process" : " processes")
               << ") written to '" << O.Output << "'\n";
  return true;
}

int runMeasure(llvm::ArrayRef<std::string> Args) {
  MeasureOptions O = parseMeasureOptions(Args);
  std::string Lib = allocCounterLibrary();
  if (Lib.empty())
    usageError("cannot find libmemlint_alloc_count.so in '" + SelfDir +
               "/../lib' or '" MEMLINT_INSTALL_LIBDIR "'");
  std::string Program = O.Command[0];
  if (Program.find('/') == std::string::npos) {
    auto Found = llvm::sys::findProgramByName(Program);
    if (!Found)
      usageError("command not found: '" + Program + "'");
    Program = *Found;
  }
  llvm::SmallString<128> Report, SitesDir;
  if (llvm::sys::fs::createTemporaryFile("memlint-alloc", "json", Report) ||
      (O.Sites &&
       llvm::sys::fs::createUniqueDirectory("memlint-sites", SitesDir)))
    usageError("cannot create a temporary file");
  std::string SitesPrefix =
      O.Sites ? (SitesDir + "/sites").str() : std::string();
  std::string Err;
  int RC = runProgram(Program, {O.Command.begin() + 1, O.Command.end()}, "-",
                      "-", Err, measureEnv(Lib, Report, SitesPrefix));
  auto Buf = llvm::MemoryBuffer::getFile(Report);
  llvm::sys::fs::remove(Report);
  // (not llvm::make_scope_exit: deprecated in LLVM 22)
  struct RemoveDir {
    llvm::StringRef Dir;
    ~RemoveDir() {
      if (!Dir.empty())
        llvm::sys::fs::remove_directories(Dir);
    }
  } Cleanup{SitesDir.str()};
  if (RC == -1) {
    llvm::errs() << "memlint: error: cannot run '" << Program << "': " << Err
                 << "\n";
    return ExitUsage;
  }
  std::optional<llvm::json::Value> J;
  if (Buf && !(*Buf)->getBuffer().empty()) {
    if (auto V = llvm::json::parse((*Buf)->getBuffer()))
      J = std::move(*V);
    else
      llvm::consumeError(V.takeError());
  }
  const llvm::json::Object *Obj = J ? J->getAsObject() : nullptr;
  if (!Obj) {
    llvm::errs() << "memlint: error: '" << O.Command[0]
                 << "' left no allocation report (it crashed, or replaced "
                    "itself with another program)\n";
    return RC < 0 ? ExitIncomplete : RC;
  }
  auto Num = [&](const char *K) { return Obj->getInteger(K).value_or(0); };
  llvm::errs() << "memlint: " << Num("allocations") << " allocations, "
               << Num("bytes_allocated") << " bytes allocated, peak "
               << Num("peak_bytes") << " bytes live\n";
  if (RC == -2) {
    llvm::errs() << "memlint: error: '" << O.Command[0] << "' crashed: " << Err
                 << "\n";
    return ExitIncomplete;
  }
  if (O.Sites && !writeSitesProfile(SitesDir, O))
    return ExitUsage;
  return RC;
}

// `memlint profile [-o OUT] PROFILE...`: reads memlint profiles and DHAT
// files, sums them, writes one memlint profile.
int runProfile(llvm::ArrayRef<std::string> Args) {
  std::string Output;
  std::vector<std::string> Inputs;
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef A = Args[I];
    if (A == "-o" || A == "--output") {
      if (++I == Args.size())
        usageError("option '" + A.str() + "' needs a value");
      Output = Args[I];
    } else if (A.starts_with("-o") && A.size() > 2) {
      Output = A.drop_front(A[2] == '=' ? 3 : 2).str();
    } else if (A == "--") {
      Inputs.insert(Inputs.end(), Args.begin() + I + 1, Args.end());
      break;
    } else if (A.starts_with("-") && A != "-") {
      usageError("unknown profile option '" + A.str() + "'");
    } else {
      Inputs.push_back(A.str());
    }
  }
  if (Inputs.empty())
    usageError("usage: memlint profile [-o OUT] PROFILE...");
  Profile Sum;
  for (const std::string &In : Inputs)
    mergeProfile(Sum, readProfile(In));
  sortSites(Sum);
  std::string Json = profileJson(Sum), Err;
  if (Output.empty() || Output == "-") {
    llvm::outs() << Json;
    return ExitClean;
  }
  if (!writeFileAtomically(Output, Json, Err))
    usageError("cannot write '" + Output + "': " + Err);
  return ExitClean;
}

} // namespace
} // namespace memlint

int main(int Argc, char **Argv) {
  using namespace memlint;
  llvm::sys::PrintStackTraceOnErrorSignal(Argv[0]);
  SelfDir = std::string(llvm::sys::path::parent_path(
      llvm::sys::fs::getMainExecutable(Argv[0], (void *)&main)));
  std::vector<std::string> Args(Argv + 1, Argv + Argc);
  try {
    if (Args.empty()) {
      llvm::errs() << Usage;
      return ExitUsage;
    }
    llvm::StringRef Cmd = Args[0];
    llvm::ArrayRef<std::string> Rest = llvm::ArrayRef(Args).drop_front();
    if (Cmd == "-h" || Cmd == "--help" || Cmd == "help" ||
        (Cmd != "measure" && (llvm::is_contained(Rest, "--help") ||
                              llvm::is_contained(Rest, "-h")))) {
      llvm::outs() << Usage;
      return ExitClean;
    }
    if (Cmd == "--version") {
      llvm::outs() << "memlint " << MEMLINT_VERSION << "\n";
      return ExitClean;
    }
    if (Cmd == "check")
      return runCheck(Rest);
    if (Cmd == "list")
      return runList(Rest);
    if (Cmd == "explain")
      return runExplain(Rest);
    if (Cmd == "merge")
      return runMerge(Rest);
    if (Cmd == "measure")
      return runMeasure(Rest);
    if (Cmd == "profile")
      return runProfile(Rest);
    throw UsageError{"unknown command '" + Cmd.str() +
                     "' (check, merge, list, explain, measure or profile)"};
  } catch (const UsageError &E) {
    llvm::errs() << "memlint: error: " << E.Message << "\n";
    return ExitUsage;
  }
}
