//===--- Includes.cpp - add an #include where an edit needs it ------------===//

#include "Includes.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include <map>
#include <mutex>

namespace clang::tidy::memlint::fixits {

namespace {
struct Directive {
  llvm::StringRef Name; // "if", "ifdef", "define", "endif", ...
  llvm::StringRef Arg;  // the first word after the name
  unsigned Begin;       // start of the line
  unsigned End;         // just past the line's newline
};

// The preprocessor directives of Text, line by line. A line counts when its
// first non-blank character is '#'; lines inside block comments are skipped,
// backslash continuations are followed.
std::vector<Directive> directives(llvm::StringRef Text) {
  std::vector<Directive> Out;
  bool InComment = false;
  unsigned Pos = 0;
  while (Pos < Text.size()) {
    unsigned Begin = Pos;
    unsigned End = Pos;
    // A logical line: physical lines joined by trailing backslashes.
    while (true) {
      size_t NL = Text.find('\n', End);
      if (NL == llvm::StringRef::npos) {
        End = Text.size();
        break;
      }
      End = NL + 1;
      llvm::StringRef Phys = Text.slice(Begin, NL).rtrim("\r");
      if (!Phys.ends_with("\\"))
        break;
    }
    Pos = End;
    llvm::StringRef Line = Text.slice(Begin, End);
    llvm::StringRef Code = Line.ltrim(" \t");
    if (InComment) {
      size_t Close = Line.find("*/");
      if (Close == llvm::StringRef::npos)
        continue;
      InComment = false;
      Code = Line.drop_front(Close + 2).ltrim(" \t");
    }
    if (Code.consume_front("#")) {
      Code = Code.ltrim(" \t");
      llvm::StringRef Name =
          Code.take_while([](char C) { return llvm::isAlnum(C) || C == '_'; });
      llvm::StringRef Arg =
          Code.drop_front(Name.size()).ltrim(" \t").take_while([](char C) {
            return llvm::isAlnum(C) || C == '_';
          });
      Out.push_back({Name, Arg, Begin, End});
    }
    // A block comment opened and not closed on this line.
    size_t Open = Line.rfind("/*");
    if (Open != llvm::StringRef::npos &&
        Line.find("*/", Open + 2) == llvm::StringRef::npos &&
        Line.find("//") > Open)
      InComment = true;
  }
  return Out;
}
// Whether Text holds only preprocessor directives, comments and blank
// lines (a line continuing a directive or a block comment counts too).
bool onlyDirectives(llvm::StringRef Text) {
  bool Continued = false, InComment = false;
  llvm::SmallVector<llvm::StringRef, 16> Lines;
  Text.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    llvm::StringRef Code = Line.trim();
    bool WasContinued = Continued;
    Continued = Code.ends_with("\\");
    if (InComment) {
      if (Code.contains("*/"))
        InComment = false;
      continue;
    }
    if (WasContinued || Code.empty() || Code.starts_with("#") ||
        Code.starts_with("//"))
      continue;
    if (Code.starts_with("/*")) {
      InComment = !Code.contains("*/");
      continue;
    }
    return false;
  }
  return true;
}

// The `#ifndef X` line's start and the `#define X` line's end when Text is
// wrapped in an include guard: its first directives (after `#pragma once`)
// are `#ifndef X` and `#define X`, with only comments between them, and the
// `#endif` that closes the `#ifndef` is the file's last directive, with only
// comments after it. A `#ifndef X` `#define X 1` `#endif` default at the top
// of a file is no guard.
std::optional<std::pair<unsigned, unsigned>>
includeGuard(llvm::StringRef Text) {
  std::vector<Directive> Ds = directives(Text);
  size_t G = 0;
  while (G < Ds.size() && Ds[G].Name == "pragma" && Ds[G].Arg == "once")
    ++G;
  if (G + 2 >= Ds.size() || Ds[G].Name != "ifndef" ||
      Ds[G + 1].Name != "define" || Ds[G].Arg != Ds[G + 1].Arg ||
      !onlyDirectives(Text.slice(Ds[G].End, Ds[G + 1].Begin)))
    return std::nullopt;
  unsigned Depth = 0;
  for (size_t I = G; I < Ds.size(); ++I) {
    llvm::StringRef N = Ds[I].Name;
    if (N == "if" || N == "ifdef" || N == "ifndef")
      ++Depth;
    else if (N == "endif" && --Depth == 0)
      return I + 1 == Ds.size() && onlyDirectives(Text.substr(Ds[I].End))
                 ? std::optional(std::make_pair(Ds[G].Begin, Ds[G + 1].End))
                 : std::nullopt;
  }
  return std::nullopt;
}

// The physical line at Pos: its text and the offset just past its newline.
std::pair<llvm::StringRef, unsigned> lineAt(llvm::StringRef Text,
                                            unsigned Pos) {
  size_t NL = Text.find('\n', Pos);
  unsigned Next = NL == llvm::StringRef::npos ? Text.size() : NL + 1;
  return {Text.slice(Pos, Next), Next};
}

// The offset past the comment that starts the line at Pos (a `//` line, or
// the line that closes a `/*` comment), or nothing when code follows the
// comment on its last line.
std::optional<unsigned> endOfCommentLines(llvm::StringRef Text, unsigned Pos) {
  auto [Line, Next] = lineAt(Text, Pos);
  if (Line.ltrim().starts_with("//"))
    return Next;
  size_t Close = Text.find("*/", Pos + Line.find("/*") + 2);
  if (Close == llvm::StringRef::npos)
    return std::nullopt;
  auto [Rest, End] = lineAt(Text, Close + 2);
  if (!Rest.trim().empty())
    return std::nullopt;
  return End;
}

bool isIncludeLine(llvm::StringRef Line) {
  llvm::StringRef Code = Line.ltrim(" \t");
  if (!Code.consume_front("#"))
    return false;
  Code = Code.ltrim(" \t");
  return Code.starts_with("include") || Code.starts_with("import");
}

// The include lines handed out in each TU, by its SourceManager. Entries of
// a finished TU stay until a TU with the same SourceManager address starts
// (registerInserter): a few strings per TU.
class InsertionLedger {
public:
  void reset(const SourceManager *SM) {
    std::lock_guard<std::mutex> Lock(Mutex);
    Taken[SM].clear();
  }

  // The first of Slots that is free, or holds the same text already (the
  // appliers deduplicate identical edits), now taken; the first when all
  // are taken by other headers.
  IncludeSlot claim(const SourceManager *SM, FileID FID,
                    std::vector<IncludeSlot> Slots) {
    std::lock_guard<std::mutex> Lock(Mutex);
    auto &InTU = Taken[SM];
    for (IncludeSlot &S : Slots) {
      auto [It, Inserted] =
          InTU.try_emplace({FID.getHashValue(), S.Offset}, S.Code);
      if (Inserted || It->second == S.Code)
        return std::move(S);
    }
    return std::move(Slots.front());
  }

private:
  std::mutex Mutex; // clangd runs the checks of several TUs at once
  std::map<const SourceManager *,
           std::map<std::pair<unsigned, unsigned>, std::string>>
      Taken;
};

InsertionLedger &ledger() {
  static InsertionLedger L;
  return L;
}

bool isPragmaOnce(llvm::StringRef Code) {
  if (!Code.consume_front("#"))
    return false;
  Code = Code.ltrim(" \t");
  if (!Code.consume_front("pragma"))
    return false;
  llvm::StringRef Arg = Code.ltrim(" \t");
  return Arg.size() < Code.size() && Arg.consume_front("once") &&
         (Arg.empty() || !(llvm::isAlnum(Arg[0]) || Arg[0] == '_'));
}
} // namespace

void registerInserter(tidy::utils::IncludeInserter &Inserter,
                      Preprocessor *PP) {
  Inserter.registerPreprocessor(PP);
  ledger().reset(&PP->getSourceManager());
}

std::vector<IncludeSlot> includeSlots(llvm::StringRef Text, unsigned Offset,
                                      llvm::StringRef Code) {
  std::vector<IncludeSlot> Out;
  // Before the previous line's newline the line goes first, its newline last.
  std::string AtEndOfLineAbove =
      Code.ends_with("\n") ? ("\n" + Code.drop_back()).str() : "";
  // A bound keeps a pathological run of conflicts cheap.
  for (unsigned Pos = Offset, Step = 0; Step < 16; ++Step) {
    Out.push_back({Pos, Code.str()});
    if (Pos == 0 || Pos > Text.size() || Text[Pos - 1] != '\n' ||
        AtEndOfLineAbove.empty())
      break;
    Out.push_back({Pos - 1, AtEndOfLineAbove});
    size_t NL = Pos >= 2 ? Text.rfind('\n', Pos - 2) : llvm::StringRef::npos;
    unsigned Above = NL == llvm::StringRef::npos ? 0 : NL + 1;
    if (!isIncludeLine(Text.slice(Above, Pos)))
      break;
    Pos = Above;
  }
  return Out;
}

unsigned endOfPreamble(llvm::StringRef Text) {
  std::optional<std::pair<unsigned, unsigned>> Guard = includeGuard(Text);
  unsigned Pos = 0, After = 0;
  while (Pos < Text.size()) {
    auto [Line, Next] = lineAt(Text, Pos);
    llvm::StringRef Code = Line.trim();
    if (Code.empty()) {
      Pos = Next;
      continue;
    }
    if (Code.starts_with("//") || Code.starts_with("/*")) {
      std::optional<unsigned> End = endOfCommentLines(Text, Pos);
      if (!End)
        break;
      // A comment right above code documents that code; one a blank line
      // or the end of the file follows is the file's own (a license).
      if (*End == Text.size() || lineAt(Text, *End).first.trim().empty())
        After = *End;
      Pos = *End;
      continue;
    }
    if (Guard && Pos == Guard->first) {
      After = Pos = Guard->second;
      continue;
    }
    if (isPragmaOnce(Code)) {
      After = Pos = Next;
      continue;
    }
    break;
  }
  return After;
}

std::optional<unsigned> endOfEnclosingConditional(llvm::StringRef Text,
                                                  unsigned Offset) {
  std::vector<Directive> Ds = directives(Text);
  // The include guard: `#ifndef X` `#define X` first, its `#endif` last.
  std::optional<size_t> GuardOpen;
  if (Ds.size() >= 3 && Ds[0].Name == "ifndef" && Ds[1].Name == "define" &&
      Ds[0].Arg == Ds[1].Arg && Ds.back().Name == "endif")
    GuardOpen = 0;
  struct Open {
    size_t Index;
    unsigned Begin;
  };
  llvm::SmallVector<Open, 8> Stack;
  std::optional<unsigned> Result;
  for (size_t I = 0; I < Ds.size(); ++I) {
    const Directive &D = Ds[I];
    if (D.Name == "if" || D.Name == "ifdef" || D.Name == "ifndef") {
      Stack.push_back({I, D.Begin});
      continue;
    }
    if (D.Name != "endif" || Stack.empty())
      continue;
    Open O = Stack.pop_back_val();
    bool IsGuard = GuardOpen && O.Index == *GuardOpen && I == Ds.size() - 1;
    // Outermost blocks close last: the last match wins.
    if (!IsGuard && O.Begin < Offset && Offset < D.End &&
        (Stack.empty() ||
         (GuardOpen && Stack.size() == 1 && Stack.front().Index == *GuardOpen)))
      Result = D.End;
  }
  return Result;
}

// The inserter writes "#include <x>\n" before a line; at Offset, the start
// of a line, the same text goes, in the first slot no other header took in
// this TU. A last line without a newline needs one.
static FixItHint insertAt(const SourceManager &SM, FileID FID,
                          llvm::StringRef Text, unsigned Offset,
                          llvm::StringRef Code) {
  IncludeSlot Slot = ledger().claim(&SM, FID, includeSlots(Text, Offset, Code));
  if (Slot.Offset == Text.size() && !Text.ends_with("\n"))
    Slot.Code = "\n" + Slot.Code;
  return FixItHint::CreateInsertion(
      SM.getLocForStartOfFile(FID).getLocWithOffset(Slot.Offset), Slot.Code);
}

// Where the include of Header goes: IncludeInserter's place, or below the
// preamble when it anchored on the top of the file, or below the enclosing
// conditional block.
static unsigned placeOfInclude(llvm::StringRef Text, unsigned Offset) {
  // With no include to anchor on, the inserter writes at the top of the
  // file: above `#pragma once` or the include guard, which then no longer
  // covers the include, and above the file's license comment.
  if (Offset == 0)
    return endOfPreamble(Text);
  std::optional<unsigned> After = endOfEnclosingConditional(Text, Offset);
  // Only a block of directives moves the include: when the block also holds
  // code (a file wrapped in `#ifdef __linux__`), that code may use the
  // header, and below the `#endif` would be too late.
  if (After && onlyDirectives(Text.slice(Offset, *After)))
    return *After;
  return Offset;
}

std::optional<FixItHint>
includeInsertion(tidy::utils::IncludeInserter &Inserter,
                 const SourceManager &SM, FileID File, llvm::StringRef Header) {
  std::optional<FixItHint> H = Inserter.createIncludeInsertion(File, Header);
  if (!H || !H->RemoveRange.getBegin().isFileID())
    return H;
  auto [FID, Offset] = SM.getDecomposedLoc(H->RemoveRange.getBegin());
  bool Invalid = false;
  llvm::StringRef Text = SM.getBufferData(FID, &Invalid);
  if (Invalid)
    return H;
  unsigned Place = placeOfInclude(Text, Offset);
  std::string Code = H->CodeToInsert;
  if (Offset == 0 && Place != 0) {
    // The inserter ends the include with a blank line, to set it apart from
    // the code; where a blank line follows already, one newline does.
    Code = llvm::StringRef(Code).rtrim("\n").str();
    Code += Place < Text.size() && Text[Place] == '\n' ? "\n" : "\n\n";
  }
  return insertAt(SM, FID, Text, Place, Code);
}

std::vector<FixItHint> includeInFiles(tidy::utils::IncludeInserter &Inserter,
                                      const SourceManager &SM,
                                      llvm::ArrayRef<FileID> Files,
                                      llvm::StringRef Header) {
  std::vector<FixItHint> Out;
  for (FileID FID : Files)
    if (std::optional<FixItHint> H =
            includeInsertion(Inserter, SM, FID, Header))
      Out.push_back(std::move(*H));
  return Out;
}

} // namespace clang::tidy::memlint::fixits
