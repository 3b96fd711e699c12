//===--- Hoist.cpp - move a declaration before a statement ----------------===//

#include "Hoist.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::memlint::fixits {

std::string indentationOf(SourceLocation Loc, const SourceManager &SM) {
  std::pair<FileID, unsigned> Decomposed = SM.getDecomposedLoc(Loc);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(Decomposed.first, &Invalid);
  if (Invalid)
    return "";
  unsigned Offset = Decomposed.second;
  unsigned LineStart = Offset;
  while (LineStart > 0 && Buffer[LineStart - 1] != '\n' &&
         Buffer[LineStart - 1] != '\r')
    --LineStart;
  unsigned End = LineStart;
  while (End < Buffer.size() && (Buffer[End] == ' ' || Buffer[End] == '\t'))
    ++End;
  return Buffer.substr(LineStart, End - LineStart).str();
}

std::optional<FixItHint> insertLineBefore(const Stmt &Before,
                                          llvm::StringRef Line,
                                          const SourceManager &SM,
                                          const LangOptions &LangOpts) {
  (void)LangOpts;
  SourceLocation Loc = Before.getBeginLoc();
  if (Loc.isInvalid() || Loc.isMacroID())
    return std::nullopt;
  std::string Text = Line.str();
  Text += "\n";
  Text += indentationOf(Loc, SM);
  return FixItHint::CreateInsertion(Loc, Text);
}

std::optional<FixItHint> replaceStatement(const Stmt &S, llvm::StringRef Text,
                                          const SourceManager &SM,
                                          const LangOptions &LangOpts) {
  SourceRange R = S.getSourceRange();
  if (R.getBegin().isMacroID() || R.getEnd().isMacroID())
    return std::nullopt;
  CharSourceRange Range =
      Lexer::makeFileCharRange(CharSourceRange::getTokenRange(R), SM, LangOpts);
  if (Range.isInvalid())
    return std::nullopt;
  return FixItHint::CreateReplacement(Range, Text);
}

std::optional<std::string> sourceText(SourceRange Range,
                                      const SourceManager &SM,
                                      const LangOptions &LangOpts) {
  if (Range.isInvalid() || Range.getBegin().isMacroID() ||
      Range.getEnd().isMacroID())
    return std::nullopt;
  bool Invalid = false;
  llvm::StringRef Text = Lexer::getSourceText(
      CharSourceRange::getTokenRange(Range), SM, LangOpts, &Invalid);
  if (Invalid)
    return std::nullopt;
  return Text.str();
}

} // namespace clang::tidy::memlint::fixits
