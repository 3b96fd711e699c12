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

/// The source of one record being reordered: its text, its declarations
/// (Regions) and the new order. Every step that can refuse sets Why.
struct RecordSource {
  RecordSource(const RecordDecl *RD, llvm::ArrayRef<const FieldDecl *> NewOrder,
               const SourceManager &SM, const LangOptions &LangOpts,
               std::string &Why)
      : RD(RD), NewOrder(NewOrder), SM(SM), LangOpts(LangOpts), Why(Why) {}

  const RecordDecl *RD;
  llvm::ArrayRef<const FieldDecl *> NewOrder;
  const SourceManager &SM;
  const LangOptions &LangOpts;
  std::string &Why;
  StringRef Text;
  FileID File;
  unsigned BodyBegin = 0, BodyEnd = 0;
  std::vector<Region> Regions;
  llvm::DenseMap<const FieldDecl *, unsigned> RegionOf;

  bool fail(std::string Reason) {
    Why = std::move(Reason);
    return false;
  }
  bool load();
  bool collectRegions();
  bool findChunks(bool &LineMode);
  bool usesStayBelow();
  std::optional<std::string> textOf(const FieldDecl *FD) const;
  /// The name of a declaration between offsets \p Landing and \p Until
  /// that the declaration of \p From uses, or "".
  std::string usedBetween(const Region &From, unsigned Landing,
                          unsigned Until) const {
    return declaredBetween(
        RD, identifiersIn(Text, From.DeclBegin, From.End, File, SM, LangOpts),
        Landing, Until, SM, File);
  }
  std::string wouldMoveAbove(const FieldDecl *FD, StringRef Name) const {
    return "'" + FD->getName().str() + "' would move above '" + Name.str() +
           "', which its declaration uses";
  }
};

// The record's text; refuses records in macros and records whose body holds
// preprocessor lines (reordering across #if could change which fields exist).
bool RecordSource::load() {
  SourceRange Braces = RD->getBraceRange();
  if (Braces.getBegin().isMacroID() || Braces.getEnd().isMacroID())
    return fail("the record is written inside a macro");
  File = SM.getFileID(Braces.getBegin());
  bool Invalid = false;
  Text = SM.getBufferData(File, &Invalid);
  if (Invalid)
    return fail("the source is not available");
  BodyBegin = SM.getFileOffset(Braces.getBegin());
  BodyEnd = SM.getFileOffset(Braces.getEnd());
  StringRef Body = Text.slice(BodyBegin, BodyEnd);
  for (size_t Pos = 0; Pos < Body.size();) {
    size_t Eol = Body.find('\n', Pos);
    StringRef Line =
        Body.slice(Pos, Eol == StringRef::npos ? Body.size() : Eol);
    if (Line.ltrim().starts_with("#"))
      return fail("preprocessor directives appear between the record's braces");
    if (Eol == StringRef::npos)
      break;
    Pos = Eol + 1;
  }
  return true;
}

// Groups the fields into declarations (`int a, b;` is one).
bool RecordSource::collectRegions() {
  for (const FieldDecl *FD : RD->fields()) {
    if (FD->getDeclName().isEmpty() || !FD->getIdentifier())
      return fail("the record has unnamed fields");
    SourceLocation Begin = FD->getBeginLoc();
    SourceLocation End = FD->getEndLoc();
    if (Begin.isMacroID() || End.isMacroID() || FD->getLocation().isMacroID() ||
        SM.getFileID(Begin) != File || SM.getFileID(End) != File)
      return fail("a field is written inside a macro");
    for (const Attr *A : FD->attrs()) {
      if (A->isImplicit() || A->getLocation().isInvalid())
        continue;
      if (A->getLocation().isMacroID() ||
          SM.getFileID(A->getLocation()) != File)
        return fail("a field's attribute comes from a macro");
      if (SM.isBeforeInTranslationUnit(A->getRange().getBegin(), Begin))
        Begin = A->getRange().getBegin();
    }
    if (Regions.empty() ||
        Regions.back().Fields.front()->getBeginLoc() != FD->getBeginLoc()) {
      Region R;
      R.Begin = SM.getFileOffset(Begin);
      Regions.push_back(R);
    }
    Regions.back().Fields.push_back(FD);
    RegionOf[FD] = Regions.size() - 1;
  }
  return true;
}

// Each declaration's chunk of text. Each chunk ends past its trailing comment
// first, so the leading comments of the next one stop there. LineMode: every
// chunk fills whole lines, so fields move as lines and the lines between
// them (blank lines, section comments, other members) stay.
bool RecordSource::findChunks(bool &LineMode) {
  for (Region &R : Regions) {
    R.DeclBegin = R.Begin;
    SourceLocation AfterSemi = Lexer::findLocationAfterToken(
        R.Fields.back()->getEndLoc(), tok::semi, SM, LangOpts,
        /*SkipTrailingWhitespaceAndNewLine=*/false);
    if (AfterSemi.isInvalid())
      return fail("a field declaration does not end in ';' where expected");
    unsigned Semi = SM.getFileOffset(AfterSemi);
    R.End = includeTrailingComment(Text, Semi);
    R.LineComment = Text.slice(Semi, R.End).ltrim().starts_with("//");
  }
  LineMode = true;
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
  return true;
}

// A field whose declaration names another field (decltype, sizeof in an
// array bound) must stay below it.
bool RecordSource::usesStayBelow() {
  std::vector<const FieldDecl *> Old(RD->field_begin(), RD->field_end());
  llvm::StringMap<unsigned> OldIndexByName;
  llvm::DenseMap<const FieldDecl *, unsigned> NewPos, OldPos;
  for (unsigned I = 0; I < Old.size(); ++I) {
    OldIndexByName[Old[I]->getName()] = I;
    OldPos[Old[I]] = I;
  }
  for (unsigned I = 0; I < NewOrder.size(); ++I)
    NewPos[NewOrder[I]] = I;
  for (const Region &R : Regions) {
    llvm::StringSet<> Ids =
        identifiersIn(Text, R.DeclBegin, R.End, File, SM, LangOpts);
    for (const FieldDecl *F : R.Fields)
      for (const auto &Id : Ids) {
        auto It = OldIndexByName.find(Id.getKey());
        if (It == OldIndexByName.end())
          continue;
        const FieldDecl *G = Old[It->second];
        if (G != F && OldPos[G] < OldPos[F] && NewPos[G] > NewPos[F])
          return fail(wouldMoveAbove(F, G->getName()));
      }
  }
  return true;
}

// The text of one field on its own: the whole chunk for a single-field
// declaration, or the shared type plus its declarator for a split one. Only
// `T a, b;` where every field has the same plain type T splits: a pointer,
// reference, array or function declarator (`char *p, c;`) belongs to one
// name, and the type alone would not show it.
std::optional<std::string> RecordSource::textOf(const FieldDecl *FD) const {
  const Region &R = Regions[RegionOf.lookup(FD)];
  if (R.Fields.size() == 1)
    return Text.slice(R.Begin, R.End).str();
  const FieldDecl *First = R.Fields.front();
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
}

std::string cannotSplit(const FieldDecl *FD) {
  return "'" + FD->getName().str() +
         "' is declared with other fields in a way that cannot be split";
}

/// Line mode: fields move as whole lines. The heaviest run of fields already
/// in the new order (by lines) stays; every other field is taken out and
/// written after the field that precedes it in the new order (or before the
/// first staying field of its access section), with its own indentation. The
/// lines between fields (blank lines, section comments, other members) stay
/// where they are.
class LineMover {
public:
  explicit LineMover(RecordSource &Src) : Src(Src), Text(Src.Text) {}

  /// std::nullopt with Why empty when the result would not be the new order
  /// (the caller then rewrites slot by slot), with Why set when a field
  /// cannot be written on its own.
  std::optional<std::vector<FixItHint>> run() {
    buildUnits();
    placeUnits();
    if (!buildContent() || !landingsKeepUses())
      return std::nullopt;
    std::optional<std::vector<Block>> Out = buildBlocks();
    if (!Out)
      return std::nullopt;
    return hintsFor(*Out);
  }

private:
  /// A unit moves as one: a declaration whose fields stay together, or one
  /// field of a declaration that has to be split.
  struct Unit {
    unsigned Region;
    std::vector<const FieldDecl *> Fields;
    bool Whole;
    unsigned Section;
  };
  /// The new text as a sequence of blocks: original lines that stay
  /// (anchors) and new text.
  struct Block {
    bool Anchor;
    unsigned Begin, End; ///< Anchors: the original line(s).
    std::string NewText;
    bool Blank;
  };

  void buildUnits();
  void placeUnits();
  bool buildContent();
  bool landingsKeepUses();
  std::optional<std::string> unitText(unsigned U);
  bool lastOpens(const std::vector<Block> &Out, unsigned SpanBegin) const;
  std::optional<std::vector<Block>> buildBlocks();
  std::vector<FixItHint> hintsFor(const std::vector<Block> &Out) const;

  RecordSource &Src;
  StringRef Text;
  std::vector<Unit> Units;
  std::vector<unsigned> Keys, Weights;
  std::vector<bool> Stays;
  std::vector<std::vector<unsigned>> After;
  std::map<unsigned, std::vector<unsigned>> Before; // By section.
  /// What replaces each declaration: the units that stay in it, each with
  /// the units that follow it.
  std::vector<std::vector<unsigned>> Content;
};

void LineMover::buildUnits() {
  llvm::DenseMap<const FieldDecl *, unsigned> Section = accessSections(Src.RD);
  llvm::DenseMap<const FieldDecl *, unsigned> NewIndex;
  for (unsigned I = 0; I < Src.NewOrder.size(); ++I)
    NewIndex[Src.NewOrder[I]] = I;
  for (unsigned RI = 0; RI < Src.Regions.size(); ++RI) {
    const Region &R = Src.Regions[RI];
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
}

// Which units stay, and after which staying unit (or before which section)
// each moved one goes.
void LineMover::placeUnits() {
  Stays = heaviestIncreasing(Keys, Weights);
  std::vector<unsigned> ByKey(Units.size());
  for (unsigned I = 0; I < ByKey.size(); ++I)
    ByKey[I] = I;
  llvm::sort(ByKey, [&](unsigned A, unsigned B) { return Keys[A] < Keys[B]; });
  After.assign(Units.size(), {});
  int Current = -1;
  for (unsigned U : ByKey) {
    if (Stays[U])
      Current = static_cast<int>(U);
    else if (Current >= 0 && Units[Current].Section == Units[U].Section)
      After[Current].push_back(U);
    else
      Before[Units[U].Section].push_back(U);
  }
}

// Fills Content; false when it does not spell the new order.
bool LineMover::buildContent() {
  Content.assign(Src.Regions.size(), {});
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
  std::vector<const FieldDecl *> Result;
  for (const std::vector<unsigned> &C : Content)
    for (unsigned U : C)
      Result.insert(Result.end(), Units[U].Fields.begin(),
                    Units[U].Fields.end());
  return std::equal(Result.begin(), Result.end(), Src.NewOrder.begin(),
                    Src.NewOrder.end());
}

// Where each moved unit lands; moving up, it must not cross a declaration it
// uses.
bool LineMover::landingsKeepUses() {
  for (unsigned RI = 0; RI < Src.Regions.size(); ++RI) {
    unsigned Landing = Src.Regions[RI].LineBegin;
    for (unsigned U : Content[RI]) {
      if (Stays[U]) {
        Landing = Src.Regions[RI].LineEnd;
        continue;
      }
      const Region &From = Src.Regions[Units[U].Region];
      if (Landing >= From.LineBegin)
        continue;
      std::string Name = Src.usedBetween(From, Landing, From.LineBegin);
      if (!Name.empty())
        return Src.fail(Src.wouldMoveAbove(Units[U].Fields.front(), Name));
    }
  }
  return true;
}

std::optional<std::string> LineMover::unitText(unsigned U) {
  const Unit &Un = Units[U];
  const Region &R = Src.Regions[Un.Region];
  if (Un.Whole)
    return Text.slice(R.LineBegin, R.LineEnd).str();
  std::optional<std::string> T = Src.textOf(Un.Fields.front());
  if (!T) {
    Src.fail(cannotSplit(Un.Fields.front()));
    return std::nullopt;
  }
  unsigned IndentEnd =
      Un.Fields.front() == R.Fields.front() ? R.Begin : R.DeclBegin;
  return Text.slice(lineStart(Text, IndentEnd), IndentEnd).str() + *T + "\n";
}

bool LineMover::lastOpens(const std::vector<Block> &Out,
                          unsigned SpanBegin) const {
  if (Out.empty())
    return SpanBegin == 0 ||
           opensOrBlank(
               Text.slice(lineStart(Text, SpanBegin - 1), SpanBegin - 1));
  const Block &B = Out.back();
  return B.Anchor && opensOrBlank(Text.slice(B.Begin, B.End));
}

// After a declaration is taken out, a blank line that would follow a blank
// line (or the start of the record or section) goes too.
std::optional<std::vector<LineMover::Block>> LineMover::buildBlocks() {
  std::vector<Block> Out;
  const unsigned SpanBegin = Src.Regions.front().LineBegin;
  const unsigned SpanEnd = Src.Regions.back().LineEnd;
  bool AfterDeletion = false;
  unsigned Pos = SpanBegin;
  for (unsigned RI = 0; RI < Src.Regions.size(); ++RI) {
    const Region &R = Src.Regions[RI];
    while (Pos < R.LineBegin) {
      unsigned E = lineEnd(Text, Pos) + 1;
      bool Blank = isBlank(Text.slice(Pos, E));
      if (!(Blank && AfterDeletion && lastOpens(Out, SpanBegin))) {
        AfterDeletion &= Blank;
        Out.push_back({true, Pos, E, "", Blank});
      }
      Pos = E;
    }
    Pos = R.LineEnd;
    AfterDeletion = Content[RI].empty();
    for (unsigned U : Content[RI]) {
      if (Stays[U] && Units[U].Whole) {
        Out.push_back({true, R.LineBegin, R.LineEnd, "", false});
        continue;
      }
      std::optional<std::string> T = unitText(U);
      if (!T)
        return std::nullopt;
      Out.push_back({false, 0, 0, std::move(*T), false});
    }
  }
  if (AfterDeletion && closes(Text.slice(SpanEnd, lineEnd(Text, SpanEnd))))
    while (!Out.empty() && Out.back().Anchor && Out.back().Blank)
      Out.pop_back();
  return Out;
}

// Edits: what changed between consecutive anchors.
std::vector<FixItHint>
LineMover::hintsFor(const std::vector<Block> &Out) const {
  const SourceManager &SM = Src.SM;
  std::vector<FixItHint> Hints;
  unsigned Last = Src.Regions.front().LineBegin;
  std::string Pending;
  auto Flush = [&](unsigned Until) {
    if (Until == Last && Pending.empty())
      return;
    SourceLocation B = SM.getComposedLoc(Src.File, Last);
    // A pure removal would be widened over the next line's first space by
    // the diagnostics engine (clang::edit's adjustRemoval): carry the
    // character after it instead.
    if (Pending.empty() && Until < Text.size())
      Pending = Text[Until++];
    if (Until == Last)
      Hints.push_back(FixItHint::CreateInsertion(B, Pending));
    else
      Hints.push_back(FixItHint::CreateReplacement(
          CharSourceRange::getCharRange(B, SM.getComposedLoc(Src.File, Until)),
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
  Flush(Src.Regions.back().LineEnd);
  return Hints;
}

/// Slot mode (fields sharing lines): the declarations stay where they are and
/// take the fields in the new order.
std::optional<std::vector<FixItHint>> moveSlots(RecordSource &Src) {
  const SourceManager &SM = Src.SM;
  std::vector<FixItHint> Hints;
  unsigned Position = 0;
  for (const Region &R : Src.Regions) {
    llvm::ArrayRef<const FieldDecl *> Assigned =
        Src.NewOrder.slice(Position, R.Fields.size());
    Position += R.Fields.size();
    if (std::equal(Assigned.begin(), Assigned.end(), R.Fields.begin()))
      continue;
    std::string Replacement;
    for (const FieldDecl *FD : Assigned) {
      const Region &From = Src.Regions[Src.RegionOf[FD]];
      if (R.Begin < From.Begin) {
        std::string Name = Src.usedBetween(From, R.Begin, From.Begin);
        if (!Name.empty()) {
          Src.fail(Src.wouldMoveAbove(FD, Name));
          return std::nullopt;
        }
      }
      std::optional<std::string> T = Src.textOf(FD);
      if (!T) {
        Src.fail(cannotSplit(FD));
        return std::nullopt;
      }
      if (!Replacement.empty())
        Replacement += R.Separator;
      Replacement += *T;
    }
    // A `//` comment at the end would swallow the code after it on the line.
    const FieldDecl *LastFD = Assigned.back();
    const Region &LastR = Src.Regions[Src.RegionOf[LastFD]];
    if (LastR.LineComment && LastFD == LastR.Fields.back() &&
        !isBlank(Src.Text.slice(R.End, lineEnd(Src.Text, R.End)))) {
      Src.fail("a field with a '//' comment would move in front of code on "
               "the same line");
      return std::nullopt;
    }
    Hints.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getCharRange(SM.getComposedLoc(Src.File, R.Begin),
                                      SM.getComposedLoc(Src.File, R.End)),
        Replacement));
  }
  return Hints;
}

/// Constructors list member initializers in declaration order; keep them in
/// step so the new order does not draw -Wreorder (an error under -Werror).
/// Initializers run in declaration order whatever their written order, so
/// rewriting them changes nothing else.
bool reorderInitializers(RecordSource &Src, std::vector<FixItHint> &Hints) {
  const auto *CRD = dyn_cast<CXXRecordDecl>(Src.RD);
  if (!CRD)
    return true;
  llvm::DenseMap<const FieldDecl *, unsigned> NewIndex;
  for (unsigned I = 0; I < Src.NewOrder.size(); ++I)
    NewIndex[Src.NewOrder[I]] = I;
  for (const CXXConstructorDecl *Ctor : CRD->ctors()) {
    if (Ctor->isImplicit() || Ctor->isDefaulted() || Ctor->isDeleted())
      continue;
    const FunctionDecl *Def = nullptr;
    if (!Ctor->hasBody(Def))
      return Src.fail("a constructor is defined in another file, where its "
                      "member initializers would be left in the old order");
    std::vector<const CXXCtorInitializer *> Written;
    for (const CXXCtorInitializer *Init :
         cast<CXXConstructorDecl>(Def)->inits())
      if (Init->isWritten() && Init->isMemberInitializer())
        Written.push_back(Init);
    std::vector<const CXXCtorInitializer *> Sorted = Written;
    std::stable_sort(
        Sorted.begin(), Sorted.end(),
        [&](const CXXCtorInitializer *A, const CXXCtorInitializer *B) {
          return NewIndex.lookup(A->getMember()) <
                 NewIndex.lookup(B->getMember());
        });
    for (unsigned I = 0; I < Written.size(); ++I) {
      if (Written[I] == Sorted[I])
        continue;
      CharSourceRange Slot =
          CharSourceRange::getTokenRange(Written[I]->getSourceRange());
      CharSourceRange Moved =
          CharSourceRange::getTokenRange(Sorted[I]->getSourceRange());
      if (Slot.getBegin().isMacroID() || Slot.getEnd().isMacroID() ||
          Moved.getBegin().isMacroID() || Moved.getEnd().isMacroID())
        return Src.fail("a constructor's member initializers come from a "
                        "macro");
      bool Bad = false;
      StringRef Init = Lexer::getSourceText(Moved, Src.SM, Src.LangOpts, &Bad);
      if (Bad)
        return Src.fail("a constructor's member initializers are not "
                        "available");
      Hints.push_back(FixItHint::CreateReplacement(Slot, Init));
    }
  }
  return true;
}

} // namespace

std::optional<std::vector<FixItHint>>
reorderFields(const RecordDecl *RD, llvm::ArrayRef<const FieldDecl *> NewOrder,
              const SourceManager &SM, const LangOptions &LangOpts,
              std::string &Why) {
  if (static_cast<size_t>(std::distance(RD->field_begin(), RD->field_end())) !=
      NewOrder.size()) {
    Why = "the new order is not a permutation of the fields";
    return std::nullopt;
  }
  RecordSource Src(RD, NewOrder, SM, LangOpts, Why);
  bool LineMode = false;
  if (!Src.load() || !Src.collectRegions() || !Src.findChunks(LineMode) ||
      !Src.usesStayBelow())
    return std::nullopt;
  std::optional<std::vector<FixItHint>> Hints;
  if (LineMode) {
    Hints = LineMover(Src).run();
    if (!Hints && !Why.empty())
      return std::nullopt;
  }
  if (!Hints)
    Hints = moveSlots(Src);
  if (!Hints || !reorderInitializers(Src, *Hints))
    return std::nullopt;
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
