//===--- ProfiledDiagnostics.cpp - warnings with profiled counts ----------===//

#include "ProfiledDiagnostics.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include <map>
#include <mutex>
#include <set>
#include <tuple>

namespace clang::tidy::memlint::utils {

namespace {

// A relative ProfileFile names a file beside a .clang-tidy: found the way
// clang-tidy finds that file, from the main file's directory upwards, then
// in the working directory.
std::string resolveProfile(llvm::StringRef Name, llvm::StringRef MainFile) {
  if (llvm::sys::path::is_absolute(Name))
    return Name.str();
  llvm::SmallString<256> Abs(MainFile);
  llvm::sys::fs::make_absolute(Abs);
  for (llvm::StringRef Dir = llvm::sys::path::parent_path(Abs); !Dir.empty();
       Dir = llvm::sys::path::parent_path(Dir)) {
    llvm::SmallString<256> Candidate(Dir);
    llvm::sys::path::append(Candidate, Name);
    if (llvm::sys::fs::exists(Candidate))
      return std::string(Candidate);
  }
  llvm::SmallString<256> InCwd(Name);
  llvm::sys::fs::make_absolute(InCwd);
  return std::string(InCwd);
}

// The messages said in the TU a context analyses now: fourteen checks share
// one option, the user needs to read its error once per file. A TU's checks
// live as long as it is analysed (clang-tidy makes them per TU, clangd per
// parse), so an entry lives while checks of its context do.
struct SaidInTU {
  unsigned Alive = 0;
  std::set<std::string> Said;
};
std::mutex SaidLock;
std::map<const ClangTidyContext *, SaidInTU> &saidByContext() {
  static std::map<const ClangTidyContext *, SaidInTU> Said;
  return Said;
}

llvm::StringRef lineText(const SourceManager &SM, FileID FID, unsigned Line) {
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(FID, &Invalid);
  if (Invalid)
    return {};
  size_t Begin = 0;
  for (unsigned L = 1; L < Line && Begin != llvm::StringRef::npos; ++L) {
    Begin = Buffer.find('\n', Begin);
    if (Begin != llvm::StringRef::npos)
      ++Begin;
  }
  if (Begin == llvm::StringRef::npos)
    return {};
  return Buffer.substr(Begin).take_until([](char C) { return C == '\n'; });
}

std::string canonicalName(const SourceManager &SM, FileID FID) {
  OptionalFileEntryRef FE = SM.getFileEntryRefForID(FID);
  if (!FE)
    return "";
  llvm::SmallString<256> Path(FE->getName());
  SM.getFileManager().makeAbsolutePath(Path);
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(Path, Real))
    return std::string(Real);
  llvm::sys::path::remove_dots(Path, true);
  return std::string(Path);
}

} // namespace

ProfiledCheck::ProfiledCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), TidyContext(Context),
      ProfileFile(Options.getLocalOrGlobal("ProfileFile", "")) {
  std::lock_guard<std::mutex> Guard(SaidLock);
  ++saidByContext()[TidyContext].Alive;
}

ProfiledCheck::~ProfiledCheck() {
  std::lock_guard<std::mutex> Guard(SaidLock);
  auto It = saidByContext().find(TidyContext);
  if (It != saidByContext().end() && --It->second.Alive == 0)
    saidByContext().erase(It);
}

bool ProfiledCheck::firstInTU(const std::string &Message) const {
  std::lock_guard<std::mutex> Guard(SaidLock);
  return saidByContext()[TidyContext].Said.insert(Message).second;
}

std::string ProfiledCheck::countsSuffix(uint64_t Allocations, uint64_t Total) {
  double Share = Total ? 100.0 * double(Allocations) / double(Total) : 0;
  return llvm::formatv(" ({0} allocation{1}, {2:F1}% of the profiled run)",
                       Allocations, Allocations == 1 ? "" : "s", Share)
      .str();
}

void ProfiledCheck::claimAllocations(llvm::ArrayRef<AllocationSite> Sites) {
  Claims.insert(Claims.end(), Sites.begin(), Sites.end());
}

void ProfiledCheck::run(const ast_matchers::MatchFinder::MatchResult &Result) {
  SM = Result.SourceManager;
  Claims.clear();
  check(Result);
}

const ProfileCounts *ProfiledCheck::profile() {
  if (Loaded || ProfileFile.empty())
    return Profile.get();
  Loaded = true;
  std::string Path = resolveProfile(ProfileFile, getCurrentMainFile());
  auto P = ProfileCounts::load(Path);
  if (!P) {
    std::string Message = "ProfileFile: " + llvm::toString(P.takeError());
    if (firstInTU(Message))
      configurationDiag("%0", DiagnosticIDs::Error) << Message;
    return nullptr;
  }
  Profile = *P;
  return Profile.get();
}

uint64_t ProfiledCheck::attributed(SourceLocation Loc) {
  using Claim = std::tuple<FileID, unsigned, std::string>;
  auto At = [&](SourceLocation L) {
    SourceLocation E = SM->getExpansionLoc(L);
    return std::make_pair(SM->getFileID(E), SM->getExpansionLineNumber(E));
  };
  std::set<Claim> Lines;
  auto Own = At(Loc);
  bool OwnNarrowed = false;
  for (const AllocationSite &S : Claims) {
    auto [F, L] = At(S.Loc);
    Lines.insert({F, L, S.Family});
    OwnNarrowed |= !S.Family.empty() && std::make_pair(F, L) == Own;
  }
  if (!OwnNarrowed)
    Lines.insert({Own.first, Own.second, ""});
  uint64_t N = 0;
  for (const auto &[F, L, Family] : Lines) {
    // A line claimed whole needs no claim of one family besides.
    if (!Family.empty() && Lines.count({F, L, ""}))
      continue;
    N += Profile->allocationsAt(canonicalName(*SM, F), L, Family,
                                lineText(*SM, F, L));
  }
  return N;
}

DiagnosticBuilder ProfiledCheck::diag(SourceLocation Loc, StringRef Description,
                                      DiagnosticIDs::Level Level) {
  if (Level != DiagnosticIDs::Warning)
    return ClangTidyCheck::diag(Loc, Description, Level);
  if (!SM || Loc.isInvalid() || !profile()) {
    Claims.clear();
    return ClangTidyCheck::diag(Loc, Description, Level);
  }
  uint64_t N = attributed(Loc);
  Claims.clear();
  if (N == 0)
    return ClangTidyCheck::diag(Loc, Description, Level);
  // The suffix is part of a format string: its '%' is written '%%'.
  std::string Suffix = countsSuffix(N, Profile->totalAllocations());
  std::string Escaped;
  for (char C : Suffix)
    Escaped += C == '%' ? std::string("%%") : std::string(1, C);
  return ClangTidyCheck::diag(Loc, (Description + Escaped).str(), Level);
}

} // namespace clang::tidy::memlint::utils
