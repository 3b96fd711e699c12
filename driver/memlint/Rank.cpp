//===--- Rank.cpp - attribute a profile's allocations to findings ---------===//
//
// `memlint check --profile`: each finding gets the allocations of the
// profiled sites at the lines its fix changes: its own line, and the lines a
// check marked with the note AllocationsRemovedNote. A site is the innermost
// user-code frame of a stack (docs/profiles.md); it is matched by file and
// line, never by anything looser, and skipped when its line's text changed
// since it was profiled. A note that names a family (`(kind: vector)`) takes
// only the allocations of that family at its line: the standard container
// whose frame called the allocator, or "object" for `new` and make_unique.
//
//===----------------------------------------------------------------------===//

#include "Driver.h"
#include "Profile.h"
#include "checks/utils/ProfileCounts.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace memlint {

const char *const AllocationsRemovedNote = "allocations removed here";

namespace {

// The allocations of every stack whose innermost user-code frame is one line
// and whose allocating frame is of one family.
struct LineSite {
  std::string File; // as the profile names it
  std::string Path; // canonical absolute, when File is absolute
  unsigned Line = 0;
  std::string Family; // allocatingFamily of its stacks
  std::string Function;
  std::optional<std::string> Source;
  uint64_t Allocations = 0;
  uint64_t Bytes = 0;
  bool Covered = false;
};

// Groups the user-code sites of \p P by file and line.
std::vector<LineSite> lineSites(const Profile &P) {
  std::map<std::pair<std::string, unsigned>, LineSite> ByLine;
  for (const ProfileSite &S : P.Sites) {
    int U = S.userFrame();
    if (U < 0 || S.Stack[U].File.empty() || !S.Stack[U].Line)
      continue;
    const ProfileFrame &F = S.Stack[U];
    std::string Family = allocatingFamily(S);
    LineSite &L = ByLine[{F.File + ":" + Family, F.Line}];
    if (L.File.empty()) {
      L.File = F.File;
      L.Line = F.Line;
      L.Family = Family;
      L.Function = F.Function;
      if (llvm::StringRef(F.File).starts_with("/"))
        L.Path = canonicalPath(F.File);
    }
    if (!L.Source && F.Source)
      L.Source = F.Source;
    L.Allocations += S.Allocations;
    L.Bytes += S.Bytes;
  }
  std::vector<LineSite> Out;
  for (auto &[Key, L] : ByLine)
    Out.push_back(std::move(L));
  return Out;
}

// Drops (with a warning) the sites whose line reads differently now than
// when it was profiled. A file that cannot be read is no finding's file.
void dropChangedLines(std::vector<LineSite> &Sites, SourceCache &Sources,
                      llvm::raw_ostream &Warnings) {
  llvm::erase_if(Sites, [&](const LineSite &S) {
    if (!S.Source || S.Path.empty() || !Sources.get(S.Path))
      return false;
    if (S.Line <= Sources.lineCount(S.Path) &&
        clang::tidy::memlint::utils::sameProfiledLine(
            *S.Source, Sources.line(S.Path, S.Line)))
      return false;
    Warnings << "memlint: warning: " << S.File << ":" << S.Line
             << " changed since it was profiled; its " << S.Allocations
             << " allocations are not attributed\n";
    return true;
  });
}

// A line whose allocations a fix removes: those of one family, or (Family
// empty) all of them.
struct Claim {
  std::string File;
  unsigned Line = 0;
  std::string Family;
  bool operator<(const Claim &O) const {
    return std::tie(File, Line, Family) < std::tie(O.File, O.Line, O.Family);
  }
  bool operator==(const Claim &O) const {
    return File == O.File && Line == O.Line && Family == O.Family;
  }
};

// The family an AllocationsRemovedNote names ("" for none), or nullopt for
// another note.
std::optional<std::string> noteFamily(llvm::StringRef Message) {
  if (!Message.consume_front(AllocationsRemovedNote))
    return std::nullopt;
  if (Message.empty())
    return std::string();
  if (Message.consume_front(" (kind: ") && Message.consume_back(")"))
    return Message.str();
  return std::nullopt;
}

// The lines whose allocations the fix of \p F removes: its own (narrowed to
// the families its notes there name), and those its check marked.
std::vector<Claim> fixClaims(const Finding &F) {
  std::vector<Claim> Claims;
  bool OwnLineNarrowed = false;
  for (const Note &N : F.Notes) {
    std::optional<std::string> Family = noteFamily(N.Message);
    if (!Family || N.Pos.File.empty())
      continue;
    Claims.push_back({N.Pos.File, N.Pos.Line, *Family});
    OwnLineNarrowed |= !Family->empty() && N.Pos.File == F.Pos.File &&
                       N.Pos.Line == F.Pos.Line;
  }
  if (!F.Pos.File.empty() && !OwnLineNarrowed)
    Claims.push_back({F.Pos.File, F.Pos.Line, ""});
  llvm::sort(Claims);
  Claims.erase(std::unique(Claims.begin(), Claims.end()), Claims.end());
  // A line claimed whole needs no claim of one family besides.
  llvm::erase_if(Claims, [&](const Claim &C) {
    return !C.Family.empty() &&
           llvm::is_contained(Claims, Claim{C.File, C.Line, ""});
  });
  return Claims;
}

// The uncovered sites of one line, summed over their families: the to-do
// list names lines.
std::vector<LineSite> uncoveredLines(const std::vector<LineSite> &Sites) {
  std::map<std::pair<std::string, unsigned>, LineSite> ByLine;
  for (const LineSite &S : Sites) {
    if (S.Covered)
      continue;
    LineSite &L = ByLine[{S.File, S.Line}];
    if (L.File.empty())
      L = S;
    else {
      L.Allocations += S.Allocations;
      L.Bytes += S.Bytes;
    }
  }
  std::vector<LineSite> Out;
  for (auto &[Key, L] : ByLine)
    Out.push_back(std::move(L));
  std::stable_sort(
      Out.begin(), Out.end(), [](const LineSite &A, const LineSite &B) {
        return A.Allocations != B.Allocations ? A.Allocations > B.Allocations
                                              : A.Bytes > B.Bytes;
      });
  return Out;
}

} // namespace

ProfileSummary attributeProfile(std::vector<Finding> &Findings,
                                const Profile &P, SourceCache &Sources,
                                llvm::raw_ostream &Warnings) {
  ProfileSummary Sum;
  Sum.Allocations = P.allocations();
  Sum.Bytes = P.bytes();
  std::vector<LineSite> Sites = lineSites(P);
  dropChangedLines(Sites, Sources, Warnings);
  std::multimap<unsigned, LineSite *> ByLine;
  for (LineSite &S : Sites)
    ByLine.emplace(S.Line, &S);
  for (Finding &F : Findings) {
    FindingProfile FP;
    for (const Claim &C : fixClaims(F)) {
      auto [Lo, Hi] = ByLine.equal_range(C.Line);
      for (auto It = Lo; It != Hi; ++It) {
        LineSite &S = *It->second;
        if (!clang::tidy::memlint::utils::sameProfiledFile(S.File, S.Path,
                                                           C.File) ||
            (!C.Family.empty() && C.Family != S.Family))
          continue;
        FP.Allocations += S.Allocations;
        FP.Bytes += S.Bytes;
        S.Covered = true;
      }
    }
    FP.Share = Sum.Allocations ? double(FP.Allocations) / Sum.Allocations : 0;
    F.Prof = FP;
  }
  for (const LineSite &S : Sites)
    if (S.Covered)
      Sum.Covered += S.Allocations;
  // The to-do list: the hottest uncovered lines, not every one.
  const size_t Listed = 20;
  std::vector<LineSite> Open = uncoveredLines(Sites);
  for (size_t I = 0; I < Open.size() && I < Listed; ++I)
    Sum.Unattributed.push_back({Open[I].File, Open[I].Line, Open[I].Function,
                                Open[I].Allocations, Open[I].Bytes});
  return Sum;
}

unsigned rankFindings(std::vector<Finding> &Findings, unsigned Top,
                      double MinShare) {
  auto Allocs = [](const Finding &F) {
    return F.Prof ? F.Prof->Allocations : 0;
  };
  std::stable_sort(Findings.begin(), Findings.end(),
                   [&](const Finding &A, const Finding &B) {
                     return Allocs(A) > Allocs(B);
                   });
  size_t Before = Findings.size();
  llvm::erase_if(Findings, [&](const Finding &F) {
    return MinShare > 0 && (!F.Prof || F.Prof->Share < MinShare);
  });
  if (Top && Findings.size() > Top)
    Findings.resize(Top);
  return Before - Findings.size();
}

} // namespace memlint
