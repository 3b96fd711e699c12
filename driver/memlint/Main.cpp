//===--- Main.cpp - memlint check / list / explain / measure --------------===//
//
// The command-line front end. Options are parsed by hand rather than with
// llvm::cl: cl exits with status 1 on a bad option, and memlint promises 2.
//
//===----------------------------------------------------------------------===//

#include "Analyze.h"
#include "Driver.h"

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
       memlint measure -- COMMAND [ARGS...]

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
  --fix-dry-run          print the fixes as a unified diff instead
  --header-filter REGEX  headers to report (default: every header under the
                         project root)
  --public-headers REGEX headers whose ABI fixes must keep (besides those the
                         build's cmake_install.cmake installs)
  --extra-arg ARG        add ARG to every compile command
  --version              print the version

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
  std::optional<std::string> HeaderFilter;
  std::optional<std::string> PublicHeaders;
  std::vector<std::string> ExtraArgs;
  std::vector<std::string> Files;
};

[[noreturn]] void usageError(const std::string &Msg) { throw UsageError{Msg}; }

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
    } else if (A == "--fix") {
      O.Fix = true;
    } else if (A == "--fix-dry-run") {
      O.FixDryRun = true;
    } else {
      usageError("unknown option '" + A.str() + "' (see memlint --help)");
    }
  }
  if (O.Fix && O.FixDryRun)
    usageError("--fix and --fix-dry-run exclude each other");
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

int runCheck(llvm::ArrayRef<std::string> Args) {
  auto Start = std::chrono::steady_clock::now();
  CheckOptions O = parseCheckOptions(Args);
  const std::string Cwd = currentDir();
  const std::string Root = projectRoot(Cwd);

  // Everything that can be a usage or configuration error is checked before
  // the (long) analysis starts.
  std::optional<Baseline> Base;
  if (!O.Baseline.empty())
    Base = readBaseline(O.Baseline);
  std::string Db = findCompileDatabase(O.DbDir);
  std::vector<std::string> DbFiles = readCompileDatabase(Db);
  std::vector<std::string> Files;
  if (O.Files.empty()) {
    Files = DbFiles;
  } else {
    std::set<std::string> Seen;
    for (const std::string &F : O.Files) {
      std::string Abs = canonicalPath(F, Cwd);
      if (Seen.insert(Abs).second)
        Files.push_back(Abs);
    }
  }
  std::optional<ChangedLines> Changed;
  if (O.DiffRef)
    Changed = changedLinesSince(*O.DiffRef, Root);
  std::string Tidy = tidyOrDie();
  verifyConfigs(Tidy, Files);
  std::string Checks = selectChecks(Tidy, O.Checks);
  if (!O.Output.empty()) {
    llvm::StringRef Dir = llvm::sys::path::parent_path(O.Output);
    if (!Dir.empty() && !llvm::sys::fs::is_directory(Dir))
      usageError("-o: directory '" + Dir.str() + "' does not exist");
  }

  AnalysisRequest Req;
  Req.Tidy = Tidy;
  Req.Cwd = Cwd;
  Req.Files = Files;
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
  AnalysisResult R = analyze(Req);

  // clang-tidy matches its header filter against the header's name as the
  // include spelled it (often relative), so the default filter takes every
  // non-system header and what lies outside the project is dropped here.
  std::vector<Finding> Findings;
  std::set<std::string> Analyzed(Files.begin(), Files.end());
  for (Finding &F : R.Findings)
    if (O.HeaderFilter || F.Pos.File.empty() || Analyzed.count(F.Pos.File) ||
        relativeTo(F.Pos.File, Root) != F.Pos.File)
      Findings.push_back(std::move(F));
  SourceCache Sources;
  fingerprint(Findings, Sources, Root);
  std::stable_sort(
      Findings.begin(), Findings.end(), [](const Finding &A, const Finding &B) {
        return std::tie(A.RelPath, A.Pos.Offset, A.Check, A.Message) <
               std::tie(B.RelPath, B.Pos.Offset, B.Check, B.Message);
      });

  ReportContext Ctx;
  Ctx.Root = Root;
  Ctx.Cwd = Cwd;
  Ctx.Sources = &Sources;
  Ctx.Summary.FilesAnalyzed = R.FilesAnalyzed;
  Ctx.Summary.FilesFailed = R.Failures.size();

  if (!O.WriteBaseline.empty()) {
    std::string Err;
    if (!writeFileAtomically(O.WriteBaseline, baselineJson(Findings), Err)) {
      llvm::errs() << "memlint: error: " << Err << "\n";
      return ExitUsage;
    }
    llvm::errs() << "memlint: recorded " << Findings.size() << " findings in "
                 << O.WriteBaseline << "\n";
  }
  if (Base)
    Ctx.Summary.Suppressed = applyBaseline(Findings, *Base);
  if (Changed)
    Ctx.Summary.Filtered = filterToChanged(Findings, *Changed);

  std::string Report;
  llvm::raw_string_ostream OS(Report);
  FixResult Fixes;
  if (O.Fix || O.FixDryRun) {
    std::string DiffText;
    llvm::raw_string_ostream DiffOS(DiffText);
    Fixes = applyFixes(Findings, Sources, Root, O.FixDryRun, DiffOS);
    if (O.FixDryRun)
      OS << DiffText;
    else if (Fixes.Applied)
      llvm::errs() << "memlint: applied the fixes of " << Fixes.Applied
                   << (Fixes.Applied == 1 ? " finding" : " findings") << " to "
                   << Fixes.FilesChanged
                   << (Fixes.FilesChanged == 1 ? " file" : " files") << "\n";
  }
  Ctx.Summary.Seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count();
  if (!O.FixDryRun) {
    if (O.Format == "text")
      writeText(OS, Findings, Ctx);
    else if (O.Format == "json")
      writeJson(OS, Findings, Ctx);
    else if (O.Format == "sarif")
      writeSarif(OS, Findings, Ctx);
    else if (O.Format == "github")
      writeGithub(OS, Findings, Ctx);
    else
      writeCodeClimate(OS, Findings, Ctx);
  }
  OS.flush();
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

int runMeasure(llvm::ArrayRef<std::string> Args) {
  if (!Args.empty() && Args[0] == "--")
    Args = Args.drop_front();
  if (Args.empty())
    usageError("usage: memlint measure -- COMMAND [ARGS...]");
  std::string Lib = allocCounterLibrary();
  if (Lib.empty())
    usageError("cannot find libmemlint_alloc_count.so in '" + SelfDir +
               "/../lib' or '" MEMLINT_INSTALL_LIBDIR "'");
  std::string Program = Args[0];
  if (Program.find('/') == std::string::npos) {
    auto Found = llvm::sys::findProgramByName(Program);
    if (!Found)
      usageError("command not found: '" + Program + "'");
    Program = *Found;
  }
  llvm::SmallString<128> Report;
  if (llvm::sys::fs::createTemporaryFile("memlint-alloc", "json", Report))
    usageError("cannot create a temporary file");
  std::vector<std::string> Env;
  std::string Preload = Lib;
  for (char **E = environ; *E; ++E) {
    llvm::StringRef Var(*E);
    if (Var.starts_with("LD_PRELOAD="))
      Preload += ":" + Var.drop_front(11).str();
    else if (!Var.starts_with("MEMLINT_ALLOC_REPORT="))
      Env.push_back(Var.str());
  }
  Env.push_back("LD_PRELOAD=" + Preload);
  Env.push_back("MEMLINT_ALLOC_REPORT=" + std::string(Report));
  std::string Err;
  int RC =
      runProgram(Program, {Args.begin() + 1, Args.end()}, "-", "-", Err, Env);
  auto Buf = llvm::MemoryBuffer::getFile(Report);
  llvm::sys::fs::remove(Report);
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
  const llvm::json::Object *O = J ? J->getAsObject() : nullptr;
  if (!O) {
    llvm::errs() << "memlint: error: '" << Args[0]
                 << "' left no allocation report (it crashed, or replaced "
                    "itself with another program)\n";
    return RC < 0 ? ExitIncomplete : RC;
  }
  auto Num = [&](const char *K) { return O->getInteger(K).value_or(0); };
  llvm::errs() << "memlint: " << Num("allocations") << " allocations, "
               << Num("bytes_allocated") << " bytes allocated, peak "
               << Num("peak_bytes") << " bytes live\n";
  if (RC == -2) {
    llvm::errs() << "memlint: error: '" << Args[0] << "' crashed: " << Err
                 << "\n";
    return ExitIncomplete;
  }
  return RC;
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
    if (Cmd == "measure")
      return runMeasure(Rest);
    throw UsageError{"unknown command '" + Cmd.str() +
                     "' (check, list, explain or measure)"};
  } catch (const UsageError &E) {
    llvm::errs() << "memlint: error: " << E.Message << "\n";
    return ExitUsage;
  }
}
