//===--- FieldReorder.cpp - reorder a record's fields in the source -------===//

#include "FieldReorder.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"
#include <algorithm>

namespace clang::tidy::memlint::fixits {

namespace {

/// One declaration in the source: a single field, or several (`int a, b;`).
struct Region {
  std::vector<const FieldDecl *> Fields;
  unsigned Begin = 0; ///< Offset of the chunk: leading comments included.
  unsigned End = 0;   ///< Offset past the `;` and a trailing comment.
  /// What goes between two declarations written into this region: a new
  /// line with the region's indentation, or a space when the fields share a
  /// line (`struct P { char a; int b; };`).
  std::string Separator;
};

bool isBlank(StringRef Line) { return Line.trim().empty(); }

/// Moves \p Offset back over the comment lines directly above it (no blank
/// line between), so a field's documentation moves with it.
unsigned includeLeadingComments(StringRef Text, unsigned Offset) {
  unsigned LineStart = Text.rfind('\n', Offset == 0 ? 0 : Offset - 1);
  LineStart = LineStart == StringRef::npos ? 0 : LineStart + 1;
  unsigned Result = Offset;
  while (LineStart > 0) {
    unsigned PrevEnd = LineStart - 1; // The '\n' ending the previous line.
    size_t PrevStartPos = Text.rfind('\n', PrevEnd == 0 ? 0 : PrevEnd - 1);
    unsigned PrevStart = PrevStartPos == StringRef::npos || PrevEnd == 0
                             ? 0
                             : static_cast<unsigned>(PrevStartPos) + 1;
    StringRef Prev = Text.slice(PrevStart, PrevEnd).trim();
    if (Prev.starts_with("//")) {
      Result = PrevStart + (Text.slice(PrevStart, PrevEnd).size() -
                            Text.slice(PrevStart, PrevEnd).ltrim().size());
      LineStart = PrevStart;
      continue;
    }
    if (Prev.ends_with("*/")) {
      // A block comment: walk up to the line holding its "/*".
      size_t Open = Text.substr(0, PrevEnd).rfind("/*");
      if (Open == StringRef::npos)
        break;
      size_t OpenLineStart = Text.rfind('\n', Open);
      OpenLineStart = OpenLineStart == StringRef::npos ? 0 : OpenLineStart + 1;
      if (!Text.slice(OpenLineStart, Open).trim().empty())
        break; // Code before the comment on its line: not a leading comment.
      Result = static_cast<unsigned>(Open);
      LineStart = static_cast<unsigned>(OpenLineStart);
      continue;
    }
    break;
  }
  return Result;
}

/// Moves \p Offset (just past a `;`) over a comment that follows on the
/// same line.
unsigned includeTrailingComment(StringRef Text, unsigned Offset) {
  unsigned I = Offset;
  while (I < Text.size() && (Text[I] == ' ' || Text[I] == '\t'))
    ++I;
  if (Text.substr(I).starts_with("//")) {
    size_t Eol = Text.find('\n', I);
    return Eol == StringRef::npos ? Text.size() : static_cast<unsigned>(Eol);
  }
  if (Text.substr(I).starts_with("/*")) {
    size_t Close = Text.find("*/", I);
    size_t Eol = Text.find('\n', I);
    if (Close != StringRef::npos && (Eol == StringRef::npos || Close < Eol))
      return static_cast<unsigned>(Close + 2);
  }
  return Offset;
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
  for (Region &R : Regions) {
    SourceLocation Last = R.Fields.back()->getEndLoc();
    SourceLocation AfterSemi = Lexer::findLocationAfterToken(
        Last, tok::semi, SM, LangOpts,
        /*SkipTrailingWhitespaceAndNewLine=*/false);
    if (AfterSemi.isInvalid()) {
      Why = "a field declaration does not end in ';' where expected";
      return std::nullopt;
    }
    R.End = includeTrailingComment(Text, SM.getFileOffset(AfterSemi));
    size_t LineStart = Text.rfind('\n', R.Begin == 0 ? 0 : R.Begin - 1);
    LineStart =
        (LineStart == StringRef::npos || R.Begin == 0) ? 0 : LineStart + 1;
    StringRef Before = Text.slice(LineStart, R.Begin);
    if (isBlank(Before)) {
      R.Begin = includeLeadingComments(Text, R.Begin);
      LineStart = Text.rfind('\n', R.Begin == 0 ? 0 : R.Begin - 1);
      LineStart =
          (LineStart == StringRef::npos || R.Begin == 0) ? 0 : LineStart + 1;
      R.Separator = "\n" + Text.slice(LineStart, R.Begin).str();
    } else {
      R.Separator = " ";
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

  std::vector<FixItHint> Hints;
  unsigned Position = 0;
  for (const Region &R : Regions) {
    llvm::ArrayRef<const FieldDecl *> Assigned =
        NewOrder.slice(Position, R.Fields.size());
    Position += R.Fields.size();
    if (std::equal(Assigned.begin(), Assigned.end(), R.Fields.begin()))
      continue;
    std::string Replacement;
    for (const FieldDecl *FD : Assigned) {
      std::optional<std::string> T = TextOf(FD);
      if (!T) {
        Why = "'" + FD->getName().str() +
              "' is declared with other fields in a way that cannot be split";
        return std::nullopt;
      }
      if (!Replacement.empty())
        Replacement += R.Separator;
      Replacement += *T;
    }
    SourceLocation Begin = SM.getComposedLoc(File, R.Begin);
    SourceLocation End = SM.getComposedLoc(File, R.End);
    Hints.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getCharRange(Begin, End), Replacement));
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

} // namespace clang::tidy::memlint::fixits
