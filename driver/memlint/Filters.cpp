//===--- Filters.cpp - fingerprints, baselines, --diff and --fix ----------===//

#include "Driver.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Regex.h"

#include <algorithm>
#include <set>

namespace memlint {

// --- fingerprints
// ------------------------------------------------------------------

static std::string normalized(llvm::StringRef Line) {
  // Whitespace-insensitive, so reformatting a line keeps its fingerprint.
  std::string Out;
  for (char C : Line)
    if (!llvm::isSpace(C))
      Out += C;
  return Out;
}

void fingerprint(std::vector<Finding> &Findings, SourceCache &Sources,
                 llvm::StringRef Root) {
  for (Finding &F : Findings) {
    if (!F.Pos.File.empty()) {
      std::tie(F.Pos.Line, F.Pos.Column) =
          Sources.lineCol(F.Pos.File, F.Pos.Offset);
      F.SourceLine = Sources.line(F.Pos.File, F.Pos.Line).str();
    }
    for (Note &N : F.Notes)
      if (!N.Pos.File.empty())
        std::tie(N.Pos.Line, N.Pos.Column) =
            Sources.lineCol(N.Pos.File, N.Pos.Offset);
    F.RelPath = relativeTo(F.Pos.File, Root);

    // The context is the nearest non-blank line above and below, so that
    // blank lines and edits further away leave the fingerprint alone.
    std::string Line = normalized(F.SourceLine), Before, After;
    if (!F.Pos.File.empty()) {
      unsigned N = Sources.lineCount(F.Pos.File);
      for (unsigned L = F.Pos.Line; L > 1 && Before.empty();)
        Before = normalized(Sources.line(F.Pos.File, --L));
      for (unsigned L = F.Pos.Line; L < N && After.empty();)
        After = normalized(Sources.line(F.Pos.File, ++L));
    }
    std::string Key = F.Check + '\0' + F.RelPath + '\0' + Line;
    F.LineKey = shortHash(Key);
    F.Fingerprint = shortHash(Key + '\0' + Before + '\0' + After);
  }
}

// --- baselines
// ---------------------------------------------------------------------

Baseline readBaseline(llvm::StringRef Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf)
    throw UsageError{"cannot read baseline '" + Path.str() +
                     "': " + Buf.getError().message()};
  auto Bad = [&](const std::string &Why) {
    return UsageError{"malformed baseline '" + Path.str() + "': " + Why};
  };
  auto Parsed = llvm::json::parse((*Buf)->getBuffer());
  if (!Parsed)
    throw Bad(llvm::toString(Parsed.takeError()));
  const llvm::json::Object *O = Parsed->getAsObject();
  if (!O || O->getString("tool") != llvm::StringRef("memlint"))
    throw Bad("not a memlint baseline (write one with --write-baseline)");
  if (O->getInteger("version") != 1)
    throw Bad("unsupported version (expected 1)");
  const llvm::json::Array *Entries = O->getArray("findings");
  if (!Entries)
    throw Bad("no \"findings\" array");
  Baseline B;
  for (const llvm::json::Value &V : *Entries) {
    const llvm::json::Object *E = V.getAsObject();
    auto FP = E ? E->getString("fingerprint") : std::nullopt;
    auto LK = E ? E->getString("lineKey") : std::nullopt;
    if (!FP || !LK)
      throw Bad("an entry lacks \"fingerprint\" or \"lineKey\"");
    ++B.ByFingerprint[FP->str()];
    ++B.ByLine[LK->str()];
    B.Entries.push_back({FP->str(), LK->str()});
  }
  return B;
}

std::string baselineJson(const std::vector<Finding> &Findings) {
  llvm::json::Array Entries;
  for (const Finding &F : Findings)
    Entries.push_back(llvm::json::Object{
        {"check", F.Check},
        {"file", F.RelPath},
        {"line", F.Pos.Line}, // informational; matching ignores it
        {"message", F.Message},
        {"fingerprint", F.Fingerprint},
        {"lineKey", F.LineKey},
    });
  llvm::json::Object Root{
      {"tool", "memlint"}, {"version", 1}, {"findings", std::move(Entries)}};
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Root))) << "\n";
  return Out;
}

unsigned applyBaseline(std::vector<Finding> &Findings, const Baseline &B) {
  // First exact fingerprints (line and context), then, for what is left,
  // the line alone: a finding whose neighbour lines were edited still
  // matches, and every baseline entry suppresses at most one finding.
  std::map<std::string, unsigned> ByFP = B.ByFingerprint, ByLine = B.ByLine;
  std::vector<bool> Drop(Findings.size());
  for (size_t I = 0; I < Findings.size(); ++I) {
    auto It = ByFP.find(Findings[I].Fingerprint);
    if (It != ByFP.end() && It->second > 0) {
      --It->second;
      --ByLine[Findings[I].LineKey];
      Drop[I] = true;
    }
  }
  for (size_t I = 0; I < Findings.size(); ++I) {
    if (Drop[I])
      continue;
    auto It = ByLine.find(Findings[I].LineKey);
    if (It != ByLine.end() && It->second > 0) {
      --It->second;
      Drop[I] = true;
    }
  }
  std::vector<Finding> Kept;
  for (size_t I = 0; I < Findings.size(); ++I)
    if (!Drop[I])
      Kept.push_back(std::move(Findings[I]));
  unsigned Removed = Findings.size() - Kept.size();
  Findings = std::move(Kept);
  return Removed;
}

// --- --diff
// ------------------------------------------------------------------------

static std::string unquoteGitPath(llvm::StringRef P) {
  if (!P.starts_with("\""))
    return P.str();
  // C-style quoting of paths with unusual characters.
  std::string Out;
  P = P.drop_front().drop_back();
  for (size_t I = 0; I < P.size(); ++I) {
    if (P[I] != '\\' || I + 1 == P.size()) {
      Out += P[I];
      continue;
    }
    char C = P[++I];
    if (C >= '0' && C <= '7' && I + 2 < P.size()) {
      Out += static_cast<char>((C - '0') * 64 + (P[I + 1] - '0') * 8 +
                               (P[I + 2] - '0'));
      I += 2;
    } else {
      Out += C == 'n' ? '\n' : C == 't' ? '\t' : C;
    }
  }
  return Out;
}

ChangedLines changedLinesSince(llvm::StringRef Ref, llvm::StringRef Root) {
  auto Git = llvm::sys::findProgramByName("git");
  if (!Git)
    throw UsageError{"--diff needs git, which is not on the PATH"};
  std::string Out, Err;
  int RC = runCapture(*Git,
                      {"-C", Root.str(), "-c", "core.quotepath=off", "diff",
                       "--no-color", "--no-ext-diff", "--no-renames", "-U0",
                       Ref.str(), "--"},
                      Out, Err);
  if (RC != 0) {
    llvm::StringRef First = llvm::StringRef(Err).split('\n').first.trim();
    throw UsageError{"--diff " + Ref.str() + ": git diff failed" +
                     (First.empty() ? "" : ": " + First.str())};
  }
  ChangedLines Changed;
  std::string Current;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  llvm::StringRef(Out).split(Lines, '\n');
  for (llvm::StringRef L : Lines) {
    if (L.starts_with("+++ ")) {
      llvm::StringRef P = L.drop_front(4);
      Current = P == "/dev/null" ? "" : unquoteGitPath(P);
      if (llvm::StringRef(Current).starts_with("b/"))
        Current = Current.substr(2);
      if (!Current.empty())
        Changed[Current]; // a file with only deletions: known, no lines
    } else if (L.starts_with("@@ ") && !Current.empty()) {
      // @@ -a[,b] +c[,d] @@
      llvm::StringRef Plus = L.split(" +").second.split(' ').first;
      auto [StartS, CountS] = Plus.split(',');
      unsigned Start = 0, Count = 1;
      StartS.getAsInteger(10, Start);
      if (!CountS.empty())
        CountS.getAsInteger(10, Count);
      if (Count > 0)
        Changed[Current].push_back({Start, Start + Count - 1});
    }
  }
  // Untracked files are new in their entirety.
  RC = runCapture(*Git,
                  {"-C", Root.str(), "-c", "core.quotepath=off", "ls-files",
                   "--others", "--exclude-standard"},
                  Out, Err);
  if (RC == 0) {
    Lines.clear();
    llvm::StringRef(Out).split(Lines, '\n', -1, false);
    for (llvm::StringRef L : Lines)
      Changed[unquoteGitPath(L)] = {{1, ~0u}};
  }
  return Changed;
}

unsigned filterToChanged(std::vector<Finding> &Findings,
                         const ChangedLines &Changed) {
  std::vector<Finding> Kept;
  for (Finding &F : Findings) {
    auto It = Changed.find(F.RelPath);
    bool Keep = false;
    if (It != Changed.end())
      for (auto [B, E] : It->second)
        if (F.Pos.Line >= B && F.Pos.Line <= E)
          Keep = true;
    if (Keep)
      Kept.push_back(std::move(F));
  }
  unsigned Removed = Findings.size() - Kept.size();
  Findings = std::move(Kept);
  return Removed;
}

// --- --fix and --fix-dry-run
// -----------------------------------------------------------

// Whether an insertion adds whole lines before the line it is put on: its
// text ends with a newline and then at most the indentation it displaced
// (a hoisted declaration, a `reserve` before a loop, an #include).
static bool insertsWholeLines(const Edit &E) {
  llvm::StringRef T = llvm::StringRef(E.Text).rtrim(" \t");
  return E.Length == 0 && T.ends_with("\n");
}

static bool overlaps(const Edit &A, const Edit &B) {
  if (A.File != B.File)
    return false;
  // Two insertions at one point: their order is unknown, unless both add
  // whole lines; lines that each fix added alone, before the same line,
  // mean the same in either order (they are applied in text order).
  if (A.Length == 0 && B.Length == 0)
    return A.Offset == B.Offset &&
           !(insertsWholeLines(A) && insertsWholeLines(B));
  if (A.Length == 0)
    return A.Offset > B.Offset && A.Offset < B.Offset + B.Length;
  if (B.Length == 0)
    return B.Offset > A.Offset && B.Offset < A.Offset + A.Length;
  return A.Offset < B.Offset + B.Length && B.Offset < A.Offset + A.Length;
}

// Unified diff of one file, hunks built around the edits themselves.
static void writeDiff(llvm::raw_ostream &OS, llvm::StringRef Rel,
                      llvm::StringRef Path, const std::vector<Edit> &Edits,
                      SourceCache &Sources) {
  const std::string &Text = *Sources.get(Path);
  const unsigned Context = 3;
  unsigned NumLines = Sources.lineCount(Path);
  // Line span (1-based, inclusive) each edit touches.
  struct Span {
    unsigned First, Last;
    std::vector<const Edit *> Edits;
  };
  std::vector<Span> Spans;
  for (const Edit &E : Edits) {
    unsigned First = Sources.lineCol(Path, E.Offset).first;
    unsigned Last = Sources.lineCol(Path, E.Offset + E.Length).first;
    if (E.Length > 0 && Sources.lineStart(Path, Last) == E.Offset + E.Length &&
        Last > First)
      --Last; // the edit ends at a line break
    if (!Spans.empty() && First <= Spans.back().Last + 2 * Context + 1) {
      Spans.back().Last = std::max(Spans.back().Last, Last);
      Spans.back().Edits.push_back(&E);
    } else {
      Spans.push_back({First, Last, {&E}});
    }
  }
  OS << "--- a/" << Rel << "\n+++ b/" << Rel << "\n";
  for (const Span &S : Spans) {
    unsigned From = S.First > Context ? S.First - Context : 1;
    unsigned To = std::min(NumLines, S.Last + Context);
    unsigned Begin = Sources.lineStart(Path, From);
    unsigned End = To < NumLines ? Sources.lineStart(Path, To + 1)
                                 : static_cast<unsigned>(Text.size());
    std::string Old = Text.substr(Begin, End - Begin), New;
    unsigned Cur = Begin;
    for (const Edit *E : S.Edits) {
      New += Text.substr(Cur, E->Offset - Cur);
      New += E->Text;
      Cur = E->Offset + E->Length;
    }
    New += Text.substr(Cur, End - Cur);
    auto SplitLines = [](const std::string &T) {
      llvm::SmallVector<llvm::StringRef, 16> L;
      llvm::StringRef(T).split(L, '\n');
      if (!L.empty() && L.back().empty())
        L.pop_back();
      return L;
    };
    auto OldL = SplitLines(Old), NewL = SplitLines(New);
    // Trim the common context so each hunk has at most Context lines of it.
    size_t Pre = 0;
    while (Pre < OldL.size() && Pre < NewL.size() && OldL[Pre] == NewL[Pre])
      ++Pre;
    size_t Post = 0;
    while (Post < OldL.size() - Pre && Post < NewL.size() - Pre &&
           OldL[OldL.size() - 1 - Post] == NewL[NewL.size() - 1 - Post])
      ++Post;
    size_t Lead = std::min<size_t>(Pre, Context),
           Trail = std::min<size_t>(Post, Context);
    size_t OldStart = Pre - Lead, OldEnd = OldL.size() - Post + Trail;
    size_t NewStart = Pre - Lead, NewEnd = NewL.size() - Post + Trail;
    OS << "@@ -" << From + OldStart << "," << OldEnd - OldStart << " +"
       << From + NewStart << "," << NewEnd - NewStart << " @@\n";
    for (size_t I = OldStart; I < Pre; ++I)
      OS << " " << OldL[I] << "\n";
    for (size_t I = Pre; I < OldL.size() - Post; ++I)
      OS << "-" << OldL[I] << "\n";
    for (size_t I = Pre; I < NewL.size() - Post; ++I)
      OS << "+" << NewL[I] << "\n";
    for (size_t I = OldL.size() - Post; I < OldEnd; ++I)
      OS << " " << OldL[I] << "\n";
  }
}

// Allocations a finding says its fix removes: "removes N allocations" in
// its message or a note (0 when it does not say).
static unsigned allocationsRemoved(const Finding &F) {
  static const llvm::Regex Removes("removes ([0-9]+) allocations?");
  llvm::SmallVector<llvm::StringRef, 2> M;
  unsigned N = 0;
  auto Try = [&](llvm::StringRef Text) {
    unsigned V = 0;
    if (Removes.match(Text, &M) && !M[1].getAsInteger(10, V))
      N = std::max(N, V);
  };
  Try(F.Message);
  for (const Note &Nt : F.Notes)
    Try(Nt.Message);
  return N;
}

// The fixed order among checks when two conflicting fixes state the same
// saving: those that remove allocations on every iteration first, then the
// ones that remove a few, then copies, then layout. Other checks come after,
// by name.
static unsigned checkRank(llvm::StringRef Check) {
  static const char *const Order[] = {
      "memlint-allocation-in-loop", "memlint-missing-reserve",
      "memlint-arena-candidate",    "memlint-small-vector",
      "memlint-heap-fixed-buffer",  "memlint-compact-string",
      "memlint-unneeded-copy",      "memlint-copy-at-last-use",
      "memlint-string-temporary",   "memlint-substr-copy",
      "memlint-string-concat",      "memlint-padding-waste",
      "memlint-oversized-enum"};
  for (unsigned I = 0; I < std::size(Order); ++I)
    if (Check == Order[I])
      return I;
  return std::size(Order);
}

// The order in which fixes claim their bytes (docs/driver.md, "Fixes"):
// allocations removed, bytes saved, check order, then location.
static bool claimsFirst(const Finding &A, const Finding &B) {
  auto Key = [](const Finding &F) {
    return std::make_tuple(~allocationsRemoved(F), ~bytesSaved(F),
                           checkRank(F.Check), F.Check, F.RelPath, F.Pos.Offset,
                           F.Message);
  };
  auto KA = Key(A), KB = Key(B);
  if (KA != KB)
    return KA < KB;
  return A.Edits < B.Edits;
}

// The first accepted edit of another finding that \p E overlaps, or null.
static const Finding *conflictingFinding(
    const Edit &E,
    const std::map<std::string, std::vector<std::pair<Edit, const Finding *>>>
        &Accepted) {
  auto It = Accepted.find(E.File);
  if (It == Accepted.end())
    return nullptr;
  for (const auto &[A, Owner] : It->second)
    if (!(A == E) && overlaps(A, E))
      return Owner;
  return nullptr;
}

FixResult applyFixes(std::vector<Finding> &Findings, SourceCache &Sources,
                     llvm::StringRef Root, bool DryRun,
                     llvm::raw_ostream &Diff) {
  FixResult R;
  std::vector<Finding *> Order;
  for (Finding &F : Findings)
    if (!F.Edits.empty())
      Order.push_back(&F);
  llvm::sort(Order, [](const Finding *A, const Finding *B) {
    return claimsFirst(*A, *B);
  });
  std::map<std::string, std::vector<std::pair<Edit, const Finding *>>> Taken;
  for (Finding *F : Order) {
    const Finding *Winner = nullptr;
    bool Unreadable = false, SelfOverlap = false;
    for (const Edit &E : F->Edits) {
      Unreadable |= !Sources.get(E.File);
      if (!Winner)
        Winner = conflictingFinding(E, Taken);
      for (const Edit &O : F->Edits)
        SelfOverlap |= !(O == E) && overlaps(O, E);
    }
    if (Unreadable || SelfOverlap || Winner) {
      ++R.Conflicts;
      llvm::errs() << "memlint: warning: skipped the fix of [" << F->Check
                   << "] at " << F->RelPath << ":" << F->Pos.Line << ":"
                   << F->Pos.Column
                   << ": it conflicts with another fix in the same place\n";
      std::string Why =
          Unreadable ? "a file it edits cannot be read"
          : SelfOverlap
              ? "its own edits overlap"
              : "it conflicts with the fix of [" + Winner->Check + "] at " +
                    Winner->RelPath + ":" + std::to_string(Winner->Pos.Line) +
                    ":" + std::to_string(Winner->Pos.Column) +
                    ", which ranks first (docs/driver.md, \"Fixes\")";
      F->Edits.clear();
      F->Notes.push_back({"fix dropped: " + Why, F->Pos});
      continue;
    }
    for (const Edit &E : F->Edits)
      Taken[E.File].push_back({E, F});
    F->Fixed = true;
    ++R.Applied;
  }
  // Each distinct edit once (the same header fix seen from several TUs).
  std::map<std::string, std::vector<Edit>> Accepted; // per file
  for (auto &[File, Pairs] : Taken) {
    for (auto &P : Pairs)
      Accepted[File].push_back(P.first);
    llvm::sort(Accepted[File]);
    Accepted[File].erase(
        std::unique(Accepted[File].begin(), Accepted[File].end()),
        Accepted[File].end());
  }
  for (auto &[File, Edits] : Accepted) {
    if (Edits.empty())
      continue;
    // Insertions at one point keep the text order of the sort above.
    std::stable_sort(Edits.begin(), Edits.end(),
                     [](const Edit &A, const Edit &B) {
                       return A.Offset != B.Offset ? A.Offset < B.Offset
                                                   : A.Length < B.Length;
                     });
    ++R.FilesChanged;
    R.Files.push_back(File);
    if (DryRun) {
      writeDiff(Diff, relativeTo(File, Root), File, Edits, Sources);
      continue;
    }
    const std::string &Text = *Sources.get(File);
    std::string Out;
    unsigned Cur = 0;
    for (const Edit &E : Edits) {
      Out += Text.substr(Cur, E.Offset - Cur);
      Out += E.Text;
      Cur = E.Offset + E.Length;
    }
    Out += Text.substr(Cur);
    std::string Err;
    if (!writeFileAtomically(File, Out, Err)) {
      llvm::errs() << "memlint: error: " << Err << "\n";
      R.WriteFailed = true;
    }
  }
  return R;
}

} // namespace memlint
