//===--- FieldReorder.cpp - reorder a record's fields in the source -------===//

#include "FieldReorder.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include <algorithm>
#include <map>
#include <set>

namespace clang::tidy::memlint::fixits {

namespace {

/// One declaration in the source: a single field, or several (`int a, b;`).
struct Region {
  std::vector<const FieldDecl *> Fields;
  unsigned DeclBegin = 0; ///< Offset of the declaration (attributes included).
  unsigned Begin = 0;     ///< Offset of the chunk: leading comments included.
  unsigned End = 0;       ///< Offset past the `;`, a trailing comment and the
                          ///< comment lines continuing it.
  /// What goes between two declarations written into this region: a new
  /// line with the region's indentation, or a space when the fields share a
  /// line (`struct P { char a; int b; };`).
  std::string Separator;
  /// Whole lines holding the chunk (line mode only).
  unsigned LineBegin = 0, LineEnd = 0;
  bool LineComment = false; ///< The chunk ends in a `//` comment.
};

bool isBlank(StringRef Line) { return Line.trim().empty(); }

/// Offset of the start of the line holding \p Offset.
unsigned lineStart(StringRef Text, unsigned Offset) {
  // StringRef::rfind(C, From) looks strictly before From.
  size_t Pos = Text.rfind('\n', Offset);
  return Pos == StringRef::npos ? 0 : static_cast<unsigned>(Pos) + 1;
}

/// Offset of the '\n' ending the line holding \p Offset (or the end).
unsigned lineEnd(StringRef Text, unsigned Offset) {
  size_t Pos = Text.find('\n', Offset);
  return Pos == StringRef::npos ? static_cast<unsigned>(Text.size())
                                : static_cast<unsigned>(Pos);
}

/// Column of the first non-blank character of the line starting at
/// \p LineBegin.
unsigned indentOf(StringRef Text, unsigned LineBegin) {
  unsigned I = LineBegin;
  while (I < Text.size() && (Text[I] == ' ' || Text[I] == '\t'))
    ++I;
  return I - LineBegin;
}

/// Moves \p Offset back over the comment lines directly above it (no blank
/// line between, starting in the member's column, below \p Floor), so a
/// field's documentation moves with it. A comment line in another column is
/// not the member's: typically the continuation of the trailing comment of
/// the line above.
unsigned includeLeadingComments(StringRef Text, unsigned Offset,
                                unsigned Floor) {
  unsigned LineBegin = lineStart(Text, Offset);
  unsigned Column = Offset - LineBegin;
  unsigned Result = Offset;
  while (LineBegin > 0) {
    unsigned PrevEnd = LineBegin - 1; // The '\n' ending the previous line.
    unsigned PrevStart = lineStart(Text, PrevEnd);
    if (PrevStart <= Floor)
      break;
    StringRef Prev = Text.slice(PrevStart, PrevEnd);
    unsigned PrevColumn = indentOf(Text, PrevStart);
    if (Prev.trim().starts_with("//")) {
      if (PrevColumn != Column)
        break;
      Result = PrevStart + PrevColumn;
      LineBegin = PrevStart;
      continue;
    }
    if (Prev.trim().ends_with("*/")) {
      // A block comment: walk up to the line holding its "/*".
      size_t Open = Text.substr(0, PrevEnd).rfind("/*");
      if (Open == StringRef::npos || Open <= Floor)
        break;
      unsigned OpenLineStart = lineStart(Text, static_cast<unsigned>(Open));
      if (!Text.slice(OpenLineStart, Open).trim().empty() ||
          Open - OpenLineStart != Column)
        break; // Code before the comment on its line, or another column.
      Result = static_cast<unsigned>(Open);
      LineBegin = OpenLineStart;
      continue;
    }
    break;
  }
  return Result;
}

/// Moves \p Offset (just past a `;`) over a comment that follows on the
/// same line, and over the `//` lines below it that start in the same column
/// (a trailing comment continued on the next lines, aligned under itself).
unsigned includeTrailingComment(StringRef Text, unsigned Offset) {
  unsigned I = Offset;
  while (I < Text.size() && (Text[I] == ' ' || Text[I] == '\t'))
    ++I;
  if (Text.substr(I).starts_with("//")) {
    unsigned Column = I - lineStart(Text, I);
    unsigned End = lineEnd(Text, I);
    while (End < Text.size()) {
      unsigned Next = End + 1;
      unsigned NextColumn = indentOf(Text, Next);
      if (NextColumn != Column ||
          !Text.substr(Next + NextColumn).starts_with("//"))
        break;
      End = lineEnd(Text, Next);
    }
    return End;
  }
  if (Text.substr(I).starts_with("/*")) {
    size_t Close = Text.find("*/", I);
    size_t Eol = Text.find('\n', I);
    if (Close != StringRef::npos && (Eol == StringRef::npos || Close < Eol))
      return static_cast<unsigned>(Close + 2);
  }
  return Offset;
}

/// Whether \p Line is blank, opens the record or starts an access section:
/// a blank line after it adds nothing.
bool opensOrBlank(StringRef Line) {
  Line = Line.trim();
  return Line.empty() || Line.ends_with("{") ||
         ((Line.starts_with("public") || Line.starts_with("private") ||
           Line.starts_with("protected")) &&
          Line.ends_with(":"));
}

/// Whether \p Line closes the record or starts another access section: a
/// blank line before it adds nothing.
bool closes(StringRef Line) {
  Line = Line.trim();
  return Line.starts_with("}") || Line.starts_with("public") ||
         Line.starts_with("private") || Line.starts_with("protected");
}

/// Indices of a heaviest subsequence of \p Keys (distinct) that is
/// increasing, by \p Weights. Ties keep later elements, so that fields move
/// down rather than up (up, they could cross a declaration they use).
std::vector<bool> heaviestIncreasing(llvm::ArrayRef<unsigned> Keys,
                                     llvm::ArrayRef<unsigned> Weights) {
  size_t N = Keys.size();
  std::vector<uint64_t> Best(N);
  std::vector<int> Prev(N, -1);
  int Top = -1;
  for (size_t I = 0; I < N; ++I) {
    Best[I] = Weights[I];
    for (size_t J = 0; J < I; ++J)
      if (Keys[J] < Keys[I] && Best[J] + Weights[I] >= Best[I]) {
        Best[I] = Best[J] + Weights[I];
        Prev[I] = static_cast<int>(J);
      }
    if (Top < 0 || Best[I] >= Best[Top])
      Top = static_cast<int>(I);
  }
  std::vector<bool> In(N, false);
  for (int I = Top; I >= 0; I = Prev[I])
    In[I] = true;
  return In;
}

/// The identifiers in [\p Begin, \p End) of \p Text (the whole buffer),
/// comments left out.
llvm::StringSet<> identifiersIn(StringRef Text, unsigned Begin, unsigned End,
                                FileID File, const SourceManager &SM,
                                const LangOptions &LangOpts) {
  llvm::StringSet<> Ids;
  // The lexer needs the buffer's terminating null: lex on and stop at End.
  Lexer Lex(SM.getLocForStartOfFile(File), LangOpts, Text.begin(),
            Text.begin() + Begin, Text.end());
  Token Tok;
  while (true) {
    Lex.LexFromRawLexer(Tok);
    if (Tok.is(tok::eof) || SM.getFileOffset(Tok.getLocation()) >= End)
      break;
    if (Tok.is(tok::raw_identifier))
      Ids.insert(Tok.getRawIdentifier());
  }
  return Ids;
}

/// A member other than a field, declared between \p From and \p To, whose
/// name \p Ids holds, or empty. A field's type and array bounds only see the
/// names declared before it: moved above such a declaration, it would not
/// compile.
std::string declaredBetween(const RecordDecl *RD, const llvm::StringSet<> &Ids,
                            unsigned From, unsigned To, const SourceManager &SM,
                            FileID File) {
  auto Inside = [&](const Decl *D) {
    SourceLocation L = D->getLocation();
    if (L.isInvalid())
      return false;
    L = SM.getExpansionLoc(L);
    if (SM.getFileID(L) != File)
      return false;
    unsigned Off = SM.getFileOffset(L);
    return Off >= From && Off < To;
  };
  for (const Decl *D : RD->decls()) {
    if (isa<FieldDecl, AccessSpecDecl>(D) || D->isImplicit() || !Inside(D))
      continue;
    if (const auto *ND = dyn_cast<NamedDecl>(D))
      if (ND->getIdentifier() && Ids.contains(ND->getName()))
        return ND->getName().str();
    if (const auto *ED = dyn_cast<EnumDecl>(D))
      if (!ED->isScoped())
        for (const EnumConstantDecl *E : ED->enumerators())
          if (Ids.contains(E->getName()))
            return E->getName().str();
  }
  return "";
}

/// Line mode: fields move as whole lines. The heaviest run of fields already
/// in the new order (by lines) stays; every other field is taken out and
/// written after the field that precedes it in the new order (or before the
/// first staying field of its access section), with its own indentation. The
/// lines between fields (blank lines, section comments, other members) stay
/// where they are. Returns std::nullopt with \p Why empty when the result
/// would not be \p NewOrder (the caller then rewrites slot by slot), with
/// \p Why set when a field cannot be written on its own.
std::optional<std::vector<FixItHint>> moveLines(
    const RecordDecl *RD, llvm::ArrayRef<Region> Regions,
    llvm::ArrayRef<const FieldDecl *> NewOrder,
    llvm::function_ref<std::optional<std::string>(const FieldDecl *)> TextOf,
    StringRef Text, FileID File, const SourceManager &SM,
    const LangOptions &LangOpts, std::string &Why) {
  llvm::DenseMap<const FieldDecl *, unsigned> Section = accessSections(RD);
  llvm::DenseMap<const FieldDecl *, unsigned> NewIndex;
  for (unsigned I = 0; I < NewOrder.size(); ++I)
    NewIndex[NewOrder[I]] = I;

  // A unit moves as one: a declaration whose fields stay together, or one
  // field of a declaration that has to be split.
  struct Unit {
    unsigned Region;
    std::vector<const FieldDecl *> Fields;
    bool Whole;
    unsigned Section;
  };
  std::vector<Unit> Units;
  std::vector<unsigned> Keys, Weights;
  for (unsigned RI = 0; RI < Regions.size(); ++RI) {
    const Region &R = Regions[RI];
    unsigned First = NewIndex.lookup(R.Fields.front());
    bool Together = true;
    for (unsigned I = 0; I < R.Fields.size(); ++I)
      Together &= NewIndex.lookup(R.Fields[I]) == First + I;
    if (Together) {
      Units.push_back({RI, R.Fields, true, Section.lookup(R.Fields.front())});
      Keys.push_back(First);
      Weights.push_back(static_cast<unsigned>(
          Text.slice(R.LineBegin, R.LineEnd).count('\n')));
      continue;
    }
    for (const FieldDecl *FD : R.Fields) {
      Units.push_back({RI, {FD}, false, Section.lookup(FD)});
      Keys.push_back(NewIndex.lookup(FD));
      Weights.push_back(1);
    }
  }
  std::vector<bool> Stays = heaviestIncreasing(Keys, Weights);
  std::vector<unsigned> ByKey(Units.size());
  for (unsigned I = 0; I < ByKey.size(); ++I)
    ByKey[I] = I;
  llvm::sort(ByKey, [&](unsigned A, unsigned B) { return Keys[A] < Keys[B]; });
  std::vector<std::vector<unsigned>> After(Units.size());
  std::map<unsigned, std::vector<unsigned>> Before; // By section.
  int Current = -1;
  for (unsigned U : ByKey) {
    if (Stays[U])
      Current = static_cast<int>(U);
    else if (Current >= 0 && Units[Current].Section == Units[U].Section)
      After[Current].push_back(U);
    else
      Before[Units[U].Section].push_back(U);
  }

  auto UnitText = [&](unsigned U) -> std::optional<std::string> {
    const Unit &Un = Units[U];
    const Region &R = Regions[Un.Region];
    if (Un.Whole)
      return Text.slice(R.LineBegin, R.LineEnd).str();
    std::optional<std::string> T = TextOf(Un.Fields.front());
    if (!T) {
      Why = "'" + Un.Fields.front()->getName().str() +
            "' is declared with other fields in a way that cannot be split";
      return std::nullopt;
    }
    unsigned IndentEnd =
        Un.Fields.front() == R.Fields.front() ? R.Begin : R.DeclBegin;
    return Text.slice(lineStart(Text, IndentEnd), IndentEnd).str() + *T + "\n";
  };

  // What replaces each declaration: the units that stay in it, each with
  // the units that follow it. Checked against the new order.
  std::vector<std::vector<unsigned>> Content(Regions.size());
  std::vector<const FieldDecl *> Result;
  std::set<unsigned> SectionsSeen;
  for (unsigned U = 0; U < Units.size(); ++U) {
    if (!Stays[U])
      continue;
    std::vector<unsigned> &C = Content[Units[U].Region];
    if (SectionsSeen.insert(Units[U].Section).second) {
      auto It = Before.find(Units[U].Section);
      if (It != Before.end())
        C.insert(C.end(), It->second.begin(), It->second.end());
    }
    C.push_back(U);
    C.insert(C.end(), After[U].begin(), After[U].end());
  }
  for (const std::vector<unsigned> &C : Content)
    for (unsigned U : C)
      Result.insert(Result.end(), Units[U].Fields.begin(),
                    Units[U].Fields.end());
  if (!std::equal(Result.begin(), Result.end(), NewOrder.begin(),
                  NewOrder.end()))
    return std::nullopt;
  // Where each moved unit lands; moving up, it must not cross a declaration
  // it uses.
  for (unsigned RI = 0; RI < Regions.size(); ++RI) {
    unsigned Landing = Regions[RI].LineBegin;
    for (unsigned U : Content[RI]) {
      if (Stays[U]) {
        Landing = Regions[RI].LineEnd;
        continue;
      }
      const Region &From = Regions[Units[U].Region];
      if (Landing >= From.LineBegin)
        continue;
      std::string Name = declaredBetween(
          RD, identifiersIn(Text, From.DeclBegin, From.End, File, SM, LangOpts),
          Landing, From.LineBegin, SM, File);
      if (!Name.empty()) {
        Why = "'" + Units[U].Fields.front()->getName().str() +
              "' would move above '" + Name + "', which its declaration uses";
        return std::nullopt;
      }
    }
  }

  // The new text as a sequence of blocks: original lines that stay
  // (anchors) and new text.
  struct Block {
    bool Anchor;
    unsigned Begin, End; ///< Anchors: the original line(s).
    std::string NewText;
    bool Blank;
  };
  std::vector<Block> Out;
  const unsigned SpanBegin = Regions.front().LineBegin;
  const unsigned SpanEnd = Regions.back().LineEnd;
  auto LastOpens = [&] {
    if (Out.empty())
      return SpanBegin == 0 ||
             opensOrBlank(
                 Text.slice(lineStart(Text, SpanBegin - 1), SpanBegin - 1));
    const Block &B = Out.back();
    return B.Anchor && opensOrBlank(Text.slice(B.Begin, B.End));
  };
  // After a declaration is taken out, a blank line that would follow a
  // blank line (or the start of the record or section) goes too.
  bool AfterDeletion = false;
  unsigned Pos = SpanBegin;
  for (unsigned RI = 0; RI < Regions.size(); ++RI) {
    const Region &R = Regions[RI];
    while (Pos < R.LineBegin) {
      unsigned E = lineEnd(Text, Pos) + 1;
      bool Blank = isBlank(Text.slice(Pos, E));
      if (Blank && AfterDeletion && LastOpens()) {
        Pos = E;
        continue;
      }
      AfterDeletion &= Blank;
      Out.push_back({true, Pos, E, "", Blank});
      Pos = E;
    }
    Pos = R.LineEnd;
    const std::vector<unsigned> &C = Content[RI];
    if (C.empty()) {
      AfterDeletion = true;
      continue;
    }
    AfterDeletion = false;
    for (unsigned U : C) {
      if (Stays[U] && Units[U].Whole) {
        Out.push_back({true, R.LineBegin, R.LineEnd, "", false});
        continue;
      }
      std::optional<std::string> T = UnitText(U);
      if (!T)
        return std::nullopt;
      Out.push_back({false, 0, 0, std::move(*T), false});
    }
  }
  if (AfterDeletion && closes(Text.slice(SpanEnd, lineEnd(Text, SpanEnd))))
    while (!Out.empty() && Out.back().Anchor && Out.back().Blank)
      Out.pop_back();

  // Edits: what changed between consecutive anchors.
  std::vector<FixItHint> Hints;
  unsigned Last = SpanBegin;
  std::string Pending;
  auto Flush = [&](unsigned Until) {
    if (Until == Last && Pending.empty())
      return;
    SourceLocation B = SM.getComposedLoc(File, Last);
    // A pure removal would be widened over the next line's first space by
    // the diagnostics engine (clang::edit's adjustRemoval): carry the
    // character after it instead.
    if (Pending.empty() && Until < Text.size())
      Pending = Text[Until++];
    if (Until == Last)
      Hints.push_back(FixItHint::CreateInsertion(B, Pending));
    else
      Hints.push_back(FixItHint::CreateReplacement(
          CharSourceRange::getCharRange(B, SM.getComposedLoc(File, Until)),
          Pending));
    Pending.clear();
  };
  for (const Block &B : Out) {
    if (!B.Anchor) {
      Pending += B.NewText;
      continue;
    }
    Flush(B.Begin);
    Last = B.End;
  }
  Flush(SpanEnd);
  return Hints;
}

} // namespace

std::optional<std::vector<FixItHint>>
reorderFields(const RecordDecl *RD, llvm::ArrayRef<const FieldDecl *> NewOrder,
              const SourceManager &SM, const LangOptions &LangOpts,
              std::string &Why) {
  std::vector<const FieldDecl *> Old(RD->field_begin(), RD->field_end());
  if (Old.size() != NewOrder.size()) {
    Why = "the new order is not a permutation of the fields";
    return std::nullopt;
  }
  SourceRange Braces = RD->getBraceRange();
  if (Braces.getBegin().isMacroID() || Braces.getEnd().isMacroID()) {
    Why = "the record is written inside a macro";
    return std::nullopt;
  }
  FileID File = SM.getFileID(Braces.getBegin());
  bool Invalid = false;
  StringRef Text = SM.getBufferData(File, &Invalid);
  if (Invalid) {
    Why = "the source is not available";
    return std::nullopt;
  }
  unsigned BodyBegin = SM.getFileOffset(Braces.getBegin());
  unsigned BodyEnd = SM.getFileOffset(Braces.getEnd());
  // Text-level reordering across #if/#define lines could change which
  // fields exist; leave such records alone.
  StringRef Body = Text.slice(BodyBegin, BodyEnd);
  for (size_t Pos = 0; Pos < Body.size();) {
    size_t Eol = Body.find('\n', Pos);
    StringRef Line =
        Body.slice(Pos, Eol == StringRef::npos ? Body.size() : Eol);
    if (Line.ltrim().starts_with("#")) {
      Why = "preprocessor directives appear between the record's braces";
      return std::nullopt;
    }
    if (Eol == StringRef::npos)
      break;
    Pos = Eol + 1;
  }

  // Group the fields into declarations and find each one's chunk of text.
  std::vector<Region> Regions;
  llvm::DenseMap<const FieldDecl *, unsigned> RegionOf;
  for (const FieldDecl *FD : Old) {
    if (FD->getDeclName().isEmpty() || !FD->getIdentifier()) {
      Why = "the record has unnamed fields";
      return std::nullopt;
    }
    SourceLocation Begin = FD->getBeginLoc();
    SourceLocation End = FD->getEndLoc();
    if (Begin.isMacroID() || End.isMacroID() || FD->getLocation().isMacroID() ||
        SM.getFileID(Begin) != File || SM.getFileID(End) != File) {
      Why = "a field is written inside a macro";
      return std::nullopt;
    }
    for (const Attr *A : FD->attrs()) {
      if (A->isImplicit() || A->getLocation().isInvalid())
        continue;
      if (A->getLocation().isMacroID() ||
          SM.getFileID(A->getLocation()) != File) {
        Why = "a field's attribute comes from a macro";
        return std::nullopt;
      }
      if (SM.isBeforeInTranslationUnit(A->getRange().getBegin(), Begin))
        Begin = A->getRange().getBegin();
    }
    if (!Regions.empty() &&
        Regions.back().Fields.front()->getBeginLoc() == FD->getBeginLoc()) {
      Regions.back().Fields.push_back(FD);
      RegionOf[FD] = Regions.size() - 1;
      continue;
    }
    Region R;
    R.Fields.push_back(FD);
    R.Begin = SM.getFileOffset(Begin);
    Regions.push_back(R);
    RegionOf[FD] = Regions.size() - 1;
  }
  // Each chunk ends past its trailing comment first, so the leading
  // comments of the next one stop there.
  for (Region &R : Regions) {
    R.DeclBegin = R.Begin;
    SourceLocation Last = R.Fields.back()->getEndLoc();
    SourceLocation AfterSemi = Lexer::findLocationAfterToken(
        Last, tok::semi, SM, LangOpts,
        /*SkipTrailingWhitespaceAndNewLine=*/false);
    if (AfterSemi.isInvalid()) {
      Why = "a field declaration does not end in ';' where expected";
      return std::nullopt;
    }
    unsigned Semi = SM.getFileOffset(AfterSemi);
    R.End = includeTrailingComment(Text, Semi);
    R.LineComment = Text.slice(Semi, R.End).ltrim().starts_with("//");
  }
  // Line mode: every chunk fills whole lines, so fields move as lines and
  // the lines between them (blank lines, section comments, other members)
  // stay.
  bool LineMode = true;
  for (size_t I = 0; I < Regions.size(); ++I) {
    Region &R = Regions[I];
    unsigned Floor = I == 0 ? BodyBegin : Regions[I - 1].End;
    unsigned LineStart = lineStart(Text, R.Begin);
    if (isBlank(Text.slice(LineStart, R.Begin))) {
      R.Begin = includeLeadingComments(Text, R.Begin, Floor);
      LineStart = lineStart(Text, R.Begin);
      R.Separator = "\n" + Text.slice(LineStart, R.Begin).str();
    } else {
      R.Separator = " ";
      LineMode = false;
    }
    unsigned Eol = lineEnd(Text, R.End);
    if (!isBlank(Text.slice(R.End, Eol)) || Eol >= BodyEnd)
      LineMode = false;
    R.LineBegin = LineStart;
    R.LineEnd = Eol + 1;
  }

  // A field whose declaration names another field (decltype, sizeof in an
  // array bound) must stay below it.
  {
    llvm::StringMap<unsigned> OldIndexByName;
    for (unsigned I = 0; I < Old.size(); ++I)
      OldIndexByName[Old[I]->getName()] = I;
    llvm::DenseMap<const FieldDecl *, unsigned> NewPos, OldPos;
    for (unsigned I = 0; I < NewOrder.size(); ++I)
      NewPos[NewOrder[I]] = I;
    for (unsigned I = 0; I < Old.size(); ++I)
      OldPos[Old[I]] = I;
    for (const Region &R : Regions) {
      llvm::StringSet<> Ids =
          identifiersIn(Text, R.DeclBegin, R.End, File, SM, LangOpts);
      for (const FieldDecl *F : R.Fields)
        for (const auto &Id : Ids) {
          auto It = OldIndexByName.find(Id.getKey());
          if (It == OldIndexByName.end())
            continue;
          const FieldDecl *G = Old[It->second];
          if (G != F && OldPos[G] < OldPos[F] && NewPos[G] > NewPos[F]) {
            Why = "'" + F->getName().str() + "' would move above '" +
                  G->getName().str() + "', which its declaration uses";
            return std::nullopt;
          }
        }
    }
  }

  // The text of one field on its own: the whole chunk for a single-field
  // declaration, or the shared type plus its declarator for a split one.
  auto TextOf = [&](const FieldDecl *FD) -> std::optional<std::string> {
    const Region &R = Regions[RegionOf[FD]];
    if (R.Fields.size() == 1)
      return Text.slice(R.Begin, R.End).str();
    const FieldDecl *First = R.Fields.front();
    // Only `T a, b;` where every field has the same plain type T: a
    // pointer, reference, array or function declarator (`char *p, c;`)
    // belongs to one name, and the type alone would not show it.
    QualType T = First->getType();
    if (T->isPointerType() || T->isReferenceType() || T->isArrayType() ||
        T->isFunctionType() || T->isMemberPointerType())
      return std::nullopt;
    unsigned DeclSpecBegin = SM.getFileOffset(First->getBeginLoc());
    // Attributes before the declaration belong to every field of it.
    if (R.DeclBegin != DeclSpecBegin)
      return std::nullopt;
    unsigned TypeEndOff = SM.getFileOffset(First->getLocation());
    unsigned Prev = TypeEndOff;
    for (const FieldDecl *F : R.Fields) {
      if (F->getType() != T)
        return std::nullopt;
      unsigned NameOff = SM.getFileOffset(F->getLocation());
      StringRef Between = Text.slice(Prev, NameOff).trim();
      if (!(Between.empty() || (F != First && Between == ",")))
        return std::nullopt;
      Prev = SM.getFileOffset(
          Lexer::getLocForEndOfToken(F->getEndLoc(), 0, SM, LangOpts));
    }
    unsigned NameOff = SM.getFileOffset(FD->getLocation());
    unsigned DeclEnd = SM.getFileOffset(
        Lexer::getLocForEndOfToken(FD->getEndLoc(), 0, SM, LangOpts));
    std::string Out;
    if (FD == First) // The declaration's leading comment stays with the first.
      Out += Text.slice(R.Begin, DeclSpecBegin).str();
    Out += Text.slice(DeclSpecBegin, TypeEndOff).rtrim().str();
    Out += " ";
    Out += Text.slice(NameOff, DeclEnd).str();
    Out += ";";
    if (FD == R.Fields.back()) {
      unsigned Semi = SM.getFileOffset(Lexer::findLocationAfterToken(
          FD->getEndLoc(), tok::semi, SM, LangOpts, false));
      Out += Text.slice(Semi, R.End).str();
    }
    return Out;
  };
  auto CannotSplit = [&](const FieldDecl *FD) {
    Why = "'" + FD->getName().str() +
          "' is declared with other fields in a way that cannot be split";
    return std::nullopt;
  };

  std::vector<FixItHint> Hints;
  std::optional<std::vector<FixItHint>> Moved;
  if (LineMode) {
    Moved =
        moveLines(RD, Regions, NewOrder, TextOf, Text, File, SM, LangOpts, Why);
    if (!Moved && !Why.empty())
      return std::nullopt;
  }
  if (Moved) {
    Hints = std::move(*Moved);
  } else {
    // Slot mode (fields sharing lines): the declarations stay where they
    // are and take the fields in the new order.
    unsigned Position = 0;
    for (const Region &R : Regions) {
      llvm::ArrayRef<const FieldDecl *> Assigned =
          NewOrder.slice(Position, R.Fields.size());
      Position += R.Fields.size();
      if (std::equal(Assigned.begin(), Assigned.end(), R.Fields.begin()))
        continue;
      std::string Replacement;
      for (const FieldDecl *FD : Assigned) {
        const Region &From = Regions[RegionOf[FD]];
        if (R.Begin < From.Begin) {
          std::string Name = declaredBetween(
              RD,
              identifiersIn(Text, From.DeclBegin, From.End, File, SM, LangOpts),
              R.Begin, From.Begin, SM, File);
          if (!Name.empty()) {
            Why = "'" + FD->getName().str() + "' would move above '" + Name +
                  "', which its declaration uses";
            return std::nullopt;
          }
        }
        std::optional<std::string> T = TextOf(FD);
        if (!T)
          return CannotSplit(FD);
        if (!Replacement.empty())
          Replacement += R.Separator;
        Replacement += *T;
      }
      // A `//` comment at the end would swallow the code after it on the
      // line.
      const FieldDecl *LastFD = Assigned.back();
      const Region &LastR = Regions[RegionOf[LastFD]];
      if (LastR.LineComment && LastFD == LastR.Fields.back() &&
          !isBlank(Text.slice(R.End, lineEnd(Text, R.End)))) {
        Why = "a field with a '//' comment would move in front of code on "
              "the same line";
        return std::nullopt;
      }
      SourceLocation Begin = SM.getComposedLoc(File, R.Begin);
      SourceLocation End = SM.getComposedLoc(File, R.End);
      Hints.push_back(FixItHint::CreateReplacement(
          CharSourceRange::getCharRange(Begin, End), Replacement));
    }
  }
  // Constructors list member initializers in declaration order; keep them
  // in step so the new order does not draw -Wreorder (an error under
  // -Werror). Initializers run in declaration order whatever their written
  // order, so rewriting them changes nothing else.
  const auto *CRD = dyn_cast<CXXRecordDecl>(RD);
  if (!CRD)
    return Hints;
  llvm::DenseMap<const FieldDecl *, unsigned> NewIndex;
  for (unsigned I = 0; I < NewOrder.size(); ++I)
    NewIndex[NewOrder[I]] = I;
  for (const CXXConstructorDecl *Ctor : CRD->ctors()) {
    if (Ctor->isImplicit() || Ctor->isDefaulted() || Ctor->isDeleted())
      continue;
    const FunctionDecl *Def = nullptr;
    if (!Ctor->hasBody(Def)) {
      Why = "a constructor is defined in another file, where its member "
            "initializers would be left in the old order";
      return std::nullopt;
    }
    const auto *DefCtor = cast<CXXConstructorDecl>(Def);
    std::vector<const CXXCtorInitializer *> Written;
    for (const CXXCtorInitializer *Init : DefCtor->inits())
      if (Init->isWritten() && Init->isMemberInitializer())
        Written.push_back(Init);
    if (Written.size() < 2)
      continue;
    std::vector<const CXXCtorInitializer *> Sorted = Written;
    std::stable_sort(
        Sorted.begin(), Sorted.end(),
        [&](const CXXCtorInitializer *A, const CXXCtorInitializer *B) {
          return NewIndex.lookup(A->getMember()) <
                 NewIndex.lookup(B->getMember());
        });
    if (Sorted == Written)
      continue;
    for (unsigned I = 0; I < Written.size(); ++I) {
      if (Written[I] == Sorted[I])
        continue;
      CharSourceRange Slot =
          CharSourceRange::getTokenRange(Written[I]->getSourceRange());
      CharSourceRange Text =
          CharSourceRange::getTokenRange(Sorted[I]->getSourceRange());
      if (Slot.getBegin().isMacroID() || Slot.getEnd().isMacroID() ||
          Text.getBegin().isMacroID() || Text.getEnd().isMacroID()) {
        Why = "a constructor's member initializers come from a macro";
        return std::nullopt;
      }
      bool Bad = false;
      StringRef Init = Lexer::getSourceText(Text, SM, LangOpts, &Bad);
      if (Bad) {
        Why = "a constructor's member initializers are not available";
        return std::nullopt;
      }
      Hints.push_back(FixItHint::CreateReplacement(Slot, Init));
    }
  }
  return Hints;
}

llvm::DenseMap<const FieldDecl *, unsigned>
accessSections(const RecordDecl *RD, unsigned *NumSpecifiers) {
  llvm::DenseMap<const FieldDecl *, unsigned> Section;
  unsigned Index = 0;
  for (const Decl *D : RD->decls()) {
    if (isa<AccessSpecDecl>(D))
      ++Index;
    else if (const auto *FD = dyn_cast<FieldDecl>(D))
      Section[FD] = Index;
  }
  if (NumSpecifiers)
    *NumSpecifiers = Index;
  return Section;
}

} // namespace clang::tidy::memlint::fixits
