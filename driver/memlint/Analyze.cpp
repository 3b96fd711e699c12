//===--- Analyze.cpp - run memlint-tidy per TU and read what it exports ---===//

#include "Analyze.h"
#include "Cache.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/YAMLParser.h"

#include <atomic>
#include <mutex>
#include <set>

namespace memlint {

// --- compile database
// ------------------------------------------------------------

std::string findCompileDatabase(llvm::StringRef DirOption) {
  namespace fs = llvm::sys::fs;
  if (!DirOption.empty()) {
    if (!fs::exists(DirOption))
      throw UsageError{"compile database directory '" + DirOption.str() +
                       "' does not exist"};
    llvm::SmallString<256> P(DirOption);
    if (fs::is_directory(DirOption))
      llvm::sys::path::append(P, "compile_commands.json");
    if (!fs::exists(P))
      throw UsageError{"no compile_commands.json in '" + DirOption.str() +
                       "' (generate one with cmake "
                       "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON)"};
    return canonicalPath(P);
  }
  llvm::SmallString<256> Dir;
  fs::current_path(Dir);
  while (true) {
    for (const char *Sub : {"", "build"}) {
      llvm::SmallString<256> P(Dir);
      llvm::sys::path::append(P, Sub, "compile_commands.json");
      if (fs::exists(P))
        return canonicalPath(P);
    }
    llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
    if (Parent.empty() || Parent == Dir)
      break;
    Dir = Parent;
  }
  throw UsageError{"no compile_commands.json in '.' or 'build/' here or in any "
                   "parent directory; pass -p DIR"};
}

std::vector<std::string> readCompileDatabase(llvm::StringRef Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf)
    throw UsageError{"cannot read compile database '" + Path.str() +
                     "': " + Buf.getError().message()};
  auto Parsed = llvm::json::parse((*Buf)->getBuffer());
  if (!Parsed)
    throw UsageError{"malformed compile database '" + Path.str() +
                     "': " + llvm::toString(Parsed.takeError())};
  const llvm::json::Array *Entries = Parsed->getAsArray();
  if (!Entries)
    throw UsageError{"malformed compile database '" + Path.str() +
                     "': expected an array of compile commands"};
  std::vector<std::string> Files;
  std::set<std::string> Seen;
  unsigned Index = 0;
  for (const llvm::json::Value &V : *Entries) {
    const llvm::json::Object *O = V.getAsObject();
    auto Bad = [&](const char *What) {
      return UsageError{"malformed compile database '" + Path.str() +
                        "': entry " + std::to_string(Index) + " " + What};
    };
    if (!O)
      throw Bad("is not an object");
    auto Dir = O->getString("directory");
    auto File = O->getString("file");
    if (!Dir || !File)
      throw Bad("lacks \"directory\" or \"file\"");
    if (!O->getString("command") && !O->getArray("arguments"))
      throw Bad("lacks \"command\" or \"arguments\"");
    std::string Abs = canonicalPath(*File, *Dir);
    if (Seen.insert(Abs).second)
      Files.push_back(Abs);
    ++Index;
  }
  return Files;
}

// --- the exported fixes YAML
// -------------------------------------------------------

namespace {

std::string scalar(llvm::yaml::Node *N) {
  llvm::SmallString<128> Storage;
  if (auto *S = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(N))
    return S->getValue(Storage).str();
  if (auto *B = llvm::dyn_cast_or_null<llvm::yaml::BlockScalarNode>(N))
    return B->getValue().str();
  return "";
}

unsigned number(llvm::yaml::Node *N) {
  unsigned V = 0;
  llvm::StringRef(scalar(N)).getAsInteger(10, V);
  return V;
}

template <typename Fn> void forEachKey(llvm::yaml::Node *N, Fn F) {
  auto *M = llvm::dyn_cast_or_null<llvm::yaml::MappingNode>(N);
  if (!M)
    return;
  for (llvm::yaml::KeyValueNode &KV : *M)
    F(scalar(KV.getKey()), KV.getValue());
}

template <typename Fn> void forEachItem(llvm::yaml::Node *N, Fn F) {
  auto *S = llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(N);
  if (!S)
    return;
  for (llvm::yaml::Node &Item : *S)
    F(&Item);
}

struct PathResolver {
  std::map<std::string, std::string> Cache;
  std::string operator()(const std::string &P, const std::string &BuildDir) {
    if (P.empty())
      return P;
    std::string Key = BuildDir + '\0' + P;
    auto It = Cache.find(Key);
    if (It != Cache.end())
      return It->second;
    return Cache[Key] = canonicalPath(P, BuildDir);
  }
};

// \p Message without the counts a check's ProfileFile option adds
// (checks/utils/ProfiledCheck.h), " (N allocations, x% of the profiled run)":
// they change with every profile, and fingerprints, baselines and the
// merging of a header's findings read the message. `check --profile` gives
// the driver's own counts.
std::string withoutProfileCounts(llvm::StringRef Message) {
  llvm::StringRef Rest = Message;
  if (!Rest.consume_back("% of the profiled run)"))
    return Message.str();
  size_t Open = Rest.rfind(" (");
  if (Open == llvm::StringRef::npos)
    return Message.str();
  llvm::StringRef Counts = Rest.substr(Open + 2);
  uint64_t N;
  if (Counts.consumeInteger(10, N) ||
      !(Counts.consume_front(" allocations, ") ||
        Counts.consume_front(" allocation, ")))
    return Message.str();
  double D;
  if (Counts.getAsDouble(D))
    return Message.str();
  return Rest.substr(0, Open).str();
}

// Message, position and replacements of a DiagnosticMessage or a note. The
// YAML is read in one pass, so paths stay as written until the diagnostic's
// BuildDirectory (which comes last) is known.
void readMessage(llvm::yaml::Node *N, std::string &Message, Position &Pos,
                 std::vector<Edit> *Edits) {
  forEachKey(N, [&](const std::string &Key, llvm::yaml::Node *V) {
    if (Key == "Message")
      Message = scalar(V);
    else if (Key == "FilePath")
      Pos.File = scalar(V);
    else if (Key == "FileOffset")
      Pos.Offset = number(V);
    else if (Key == "Replacements" && Edits)
      forEachItem(V, [&](llvm::yaml::Node *R) {
        Edit E;
        forEachKey(R, [&](const std::string &K, llvm::yaml::Node *RV) {
          if (K == "FilePath")
            E.File = scalar(RV);
          else if (K == "Offset")
            E.Offset = number(RV);
          else if (K == "Length")
            E.Length = number(RV);
          else if (K == "ReplacementText")
            E.Text = scalar(RV);
        });
        if (!E.File.empty())
          Edits->push_back(std::move(E));
      });
  });
}

} // namespace

bool parseExportedFixes(llvm::StringRef Yaml, std::vector<Finding> &Out,
                        std::vector<std::string> &CompileErrors,
                        std::string &Err) {
  llvm::SourceMgr SM;
  std::string Diag;
  llvm::raw_string_ostream DiagOS(Diag);
  llvm::yaml::Stream S(Yaml, SM, /*ShowColors=*/false);
  SM.setDiagHandler(
      [](const llvm::SMDiagnostic &D, void *Ctx) {
        auto *OS = static_cast<llvm::raw_string_ostream *>(Ctx);
        *OS << D.getMessage();
      },
      &DiagOS);
  PathResolver Resolve;
  for (llvm::yaml::Document &Doc : S) {
    llvm::yaml::Node *Root = Doc.getRoot();
    forEachKey(Root, [&](const std::string &Key, llvm::yaml::Node *V) {
      if (Key != "Diagnostics")
        return;
      forEachItem(V, [&](llvm::yaml::Node *D) {
        Finding F;
        std::string BuildDir;
        forEachKey(D, [&](const std::string &K, llvm::yaml::Node *DV) {
          if (K == "DiagnosticName")
            F.Check = scalar(DV);
          else if (K == "DiagnosticMessage")
            readMessage(DV, F.Message, F.Pos, &F.Edits);
          else if (K == "Notes")
            forEachItem(DV, [&](llvm::yaml::Node *NN) {
              Note Nt;
              readMessage(NN, Nt.Message, Nt.Pos, nullptr);
              F.Notes.push_back(std::move(Nt));
            });
          else if (K == "Level")
            F.Level = llvm::StringRef(scalar(DV)).lower();
          else if (K == "BuildDirectory")
            BuildDir = scalar(DV);
        });
        F.Message = withoutProfileCounts(F.Message);
        F.Pos.File = Resolve(F.Pos.File, BuildDir);
        for (Edit &E : F.Edits)
          E.File = Resolve(E.File, BuildDir);
        for (Note &Nt : F.Notes)
          Nt.Pos.File = Resolve(Nt.Pos.File, BuildDir);
        if (F.Level.empty())
          F.Level = "warning";
        // A compiler error means the TU did not compile: the file failed,
        // it is not a finding.
        if (llvm::StringRef(F.Check).starts_with("clang-diagnostic-") &&
            F.Level == "error") {
          CompileErrors.push_back(F.Pos.File + ":" +
                                  std::to_string(F.Pos.Offset) + ": " +
                                  F.Message);
          return;
        }
        Out.push_back(std::move(F));
      });
    });
  }
  DiagOS.flush();
  if (!Diag.empty() || S.failed()) {
    Err = Diag.empty() ? "malformed YAML" : Diag;
    return false;
  }
  return true;
}

// --- the worker pool
// ---------------------------------------------------------------

namespace {

// The reason a TU failed, from memlint-tidy's stderr: its first error line.
std::string firstErrorLine(llvm::StringRef Stderr) {
  llvm::SmallVector<llvm::StringRef, 16> Lines;
  Stderr.split(Lines, '\n', -1, false);
  for (llvm::StringRef L : Lines)
    if (L.contains("error:") || L.contains("Error"))
      return L.trim().str();
  for (llvm::StringRef L : Lines)
    if (!L.trim().empty() && !L.contains("warnings generated"))
      return L.trim().str();
  return "";
}

} // namespace

namespace {

// A place in the source, the check that reports it, and which of that
// check's distinct findings there it is in its TU (a check may report two
// things at one place). The message is not part of it: TUs that see
// different instantiations of one template word a finding differently, yet
// it is one place to fix.
using FindingKey = std::tuple<std::string, std::string, unsigned, unsigned>;

// "2 edits from 'a.cpp', 'b.cpp'" / "no fixit from 'c.cpp'".
std::string describeVariant(const std::vector<Edit> &Edits,
                            const std::vector<std::string> &TUs) {
  std::string S = Edits.empty()       ? "no fixit"
                  : Edits.size() == 1 ? "1 edit"
                                      : std::to_string(Edits.size()) + " edits";
  S += " from ";
  for (size_t I = 0; I < TUs.size(); ++I)
    S += (I ? ", '" : "'") + TUs[I] + "'";
  return S;
}

} // namespace

std::vector<Finding> mergeFindings(
    std::vector<std::pair<std::string, std::vector<Finding>>> &Reports) {
  // Per key: the finding as the first TU (in path order) reported it, and
  // each distinct edit set with the TUs that produced it.
  struct Group {
    Finding First;
    std::vector<std::pair<std::vector<Edit>, std::vector<std::string>>>
        Variants;
    std::set<std::string> Messages;
  };
  std::map<FindingKey, Group> Groups;
  std::vector<FindingKey> Keys; // first-seen order, sorted later anyway
  for (auto &[TU, Findings] : Reports) {
    // Per place: the distinct messages this TU reported there, in order.
    std::map<std::tuple<std::string, std::string, unsigned>,
             std::vector<std::string>>
        InThisTU;
    for (Finding &F : Findings) {
      auto &Seen = InThisTU[{F.Check, F.Pos.File, F.Pos.Offset}];
      if (llvm::is_contained(Seen, F.Message))
        continue;
      Seen.push_back(F.Message);
      FindingKey K{F.Check, F.Pos.File, F.Pos.Offset,
                   static_cast<unsigned>(Seen.size() - 1)};
      std::vector<Edit> Set = F.Edits;
      llvm::sort(Set);
      Set.erase(std::unique(Set.begin(), Set.end()), Set.end());
      auto [It, New] = Groups.try_emplace(K);
      It->second.Messages.insert(F.Message);
      if (New) {
        Keys.push_back(K);
        It->second.First = std::move(F);
      }
      auto &Vs = It->second.Variants;
      auto V = llvm::find_if(Vs, [&](const auto &P) { return P.first == Set; });
      if (V == Vs.end())
        Vs.push_back({std::move(Set), {TU}});
      else if (!llvm::is_contained(V->second, TU))
        V->second.push_back(TU);
    }
  }
  std::vector<Finding> Out;
  for (const FindingKey &K : Keys) {
    Group &G = Groups[K];
    Finding F = std::move(G.First);
    if (G.Variants.size() == 1) {
      F.Edits = std::move(G.Variants.front().first);
    } else {
      // A fix only some TUs can vouch for is not safe to apply.
      F.Edits.clear();
      std::string Msg = "TUs disagree on the fix: ";
      for (size_t I = 0; I < G.Variants.size(); ++I)
        Msg += (I ? "; " : "") +
               describeVariant(G.Variants[I].first, G.Variants[I].second);
      F.Notes.push_back({Msg + "; no fixit", F.Pos});
    }
    if (G.Messages.size() > 1)
      F.Notes.push_back(
          {"reported " + std::to_string(G.Messages.size()) +
               " ways at this place (template instantiations or TUs that "
               "see different types); shown as the first TU in path order "
               "reports it",
           F.Pos});
    Out.push_back(std::move(F));
  }
  return Out;
}

namespace {

// Why memlint-tidy's run over \p Rel failed, or "" when it did not.
std::string runFailure(const AnalysisRequest &Req, const std::string &Rel,
                       int RC, const std::string &RunErr,
                       const std::string &Stderr,
                       const std::vector<std::string> &CompileErrors,
                       bool Parsed, const std::string &ParseErr) {
  if (RC == -1)
    return "cannot run '" + Req.Tidy + "': " + RunErr;
  if (RC == -2 || RC > 128)
    return "'" + Rel + "': memlint-tidy crashed (" +
           (RunErr.empty() ? "exit " + std::to_string(RC) : RunErr) + ")";
  if (!CompileErrors.empty())
    return "'" + Rel + "' does not compile: " + CompileErrors.front();
  if (!Parsed)
    return "'" + Rel + "': cannot read memlint-tidy's fixes: " + ParseErr;
  if (RC != 0) {
    std::string Why = firstErrorLine(Stderr);
    return "'" + Rel + "' could not be analyzed" +
           (Why.empty() ? " (memlint-tidy exit " + std::to_string(RC) + ")"
                        : ": " + Why);
  }
  return "";
}

// Runs memlint-tidy over one TU.
UnitResult analyzeUnit(const AnalysisRequest &Req, const std::string &File) {
  UnitResult U;
  U.File = File;
  std::string Rel = relativeTo(File, Req.Cwd);
  if (!llvm::sys::fs::exists(File)) {
    U.Failure = "cannot read '" + Rel + "': no such file";
    return U;
  }
  if (llvm::sys::fs::is_directory(File)) {
    U.Failure = "cannot read '" + Rel + "': is a directory";
    return U;
  }
  llvm::SmallString<128> Yaml, ErrFile;
  if (llvm::sys::fs::createTemporaryFile("memlint-fixes", "yaml", Yaml) ||
      llvm::sys::fs::createTemporaryFile("memlint-tidy", "err", ErrFile)) {
    U.Failure = "cannot create a temporary file";
    return U;
  }
  std::vector<std::string> Args = Req.TidyArgs;
  Args.push_back("--export-fixes=" + std::string(Yaml));
  Args.push_back(File);
  std::string RunErr;
  int RC = runProgram(Req.Tidy, Args, "", ErrFile, RunErr);
  std::string Stderr;
  if (auto B = llvm::MemoryBuffer::getFile(ErrFile))
    Stderr = (*B)->getBuffer().str();
  std::string YamlText;
  if (auto B = llvm::MemoryBuffer::getFile(Yaml))
    YamlText = (*B)->getBuffer().str();
  llvm::sys::fs::remove(Yaml);
  llvm::sys::fs::remove(ErrFile);
  std::vector<std::string> CompileErrors;
  std::string ParseErr;
  bool Parsed = YamlText.empty() || parseExportedFixes(YamlText, U.Findings,
                                                       CompileErrors, ParseErr);
  U.Failure =
      runFailure(Req, Rel, RC, RunErr, Stderr, CompileErrors, Parsed, ParseErr);
  // Findings of a TU that did not compile stand on a partial AST.
  if (!U.Failure.empty())
    U.Findings.clear();
  return U;
}

// The TU's result from the cache, else from memlint-tidy (then stored).
// Failed TUs are not stored: a failure may be the environment's.
UnitResult cachedOrAnalyzed(const AnalysisRequest &Req,
                            const std::string &File) {
  if (!Req.Cache)
    return analyzeUnit(Req, File);
  std::optional<std::string> Key = Req.Cache->keyOf(File);
  if (Key)
    if (std::optional<UnitResult> Hit = Req.Cache->lookup(*Key, File)) {
      ++Req.Cache->Hits;
      return std::move(*Hit);
    }
  ++Req.Cache->Misses;
  UnitResult U = analyzeUnit(Req, File);
  if (Key && U.Failure.empty())
    Req.Cache->store(*Key, U);
  return U;
}

} // namespace

AnalysisResult analyze(const AnalysisRequest &Req) {
  std::mutex Mu;
  std::atomic<unsigned> Done{0};
  const unsigned Total = Req.Files.size();
  const bool Progress = llvm::sys::Process::StandardErrIsDisplayed();
  std::vector<UnitResult> Units(Total);

  auto Work = [&](unsigned I) {
    Units[I] = cachedOrAnalyzed(Req, Req.Files[I]);
    unsigned N = ++Done;
    if (Progress) {
      std::lock_guard<std::mutex> Lock(Mu);
      llvm::errs() << "\r\x1b[K[" << N << "/" << Total << "] "
                   << relativeTo(Req.Files[I], Req.Cwd);
      llvm::errs().flush();
    }
  };

  unsigned Jobs = std::max(1u, std::min(Req.Jobs, Total));
  if (Jobs <= 1) {
    for (unsigned I = 0; I < Total; ++I)
      Work(I);
  } else {
    llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Jobs));
    for (unsigned I = 0; I < Total; ++I)
      Pool.async([&Work, I] { Work(I); });
    Pool.wait();
  }
  if (Progress && Total)
    llvm::errs() << "\r\x1b[K";
  return mergeUnits(std::move(Units), Req.Cwd);
}

AnalysisResult mergeUnits(std::vector<UnitResult> Units, llvm::StringRef Cwd) {
  // Merge what several TUs report from a shared header (see mergeFindings),
  // visiting TUs in path order so neither the database order, -j nor the
  // sharding matters.
  llvm::stable_sort(Units, [](const UnitResult &A, const UnitResult &B) {
    return A.File < B.File;
  });
  AnalysisResult Result;
  std::vector<std::pair<std::string, std::vector<Finding>>> Reports;
  for (const UnitResult &U : Units) {
    if (!U.Failure.empty()) {
      Result.Failures.push_back(U.Failure);
      continue;
    }
    ++Result.FilesAnalyzed;
    Reports.emplace_back(relativeTo(U.File, Cwd), U.Findings);
  }
  Result.Findings = mergeFindings(Reports);
  Result.Units = std::move(Units);
  return Result;
}

} // namespace memlint
