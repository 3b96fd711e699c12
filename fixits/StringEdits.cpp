//===--- StringEdits.cpp - rewrite std::string expressions ----------------===//

#include "StringEdits.h"
#include "Hoist.h"
#include "TypeSpelling.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::memlint::fixits {

namespace {

std::optional<CharSourceRange> fileRange(const Expr &E, const SourceManager &SM,
                                         const LangOptions &LO) {
  SourceRange R = E.getSourceRange();
  if (R.isInvalid() || R.getBegin().isMacroID() || R.getEnd().isMacroID())
    return std::nullopt;
  CharSourceRange CR =
      Lexer::makeFileCharRange(CharSourceRange::getTokenRange(R), SM, LO);
  if (CR.isInvalid())
    return std::nullopt;
  return CR;
}

/// The char literal for the single character \p C, or "" when it has no
/// plain spelling worth writing.
std::string charLiteral(unsigned char C) {
  switch (C) {
  case '\n':
    return "'\\n'";
  case '\t':
    return "'\\t'";
  case '\r':
    return "'\\r'";
  case '\'':
    return "'\\''";
  case '\\':
    return "'\\\\'";
  default:
    break;
  }
  if (C < 0x20 || C >= 0x7f)
    return "";
  return std::string("'") + static_cast<char>(C) + "'";
}

} // namespace

std::optional<llvm::SmallVector<FixItHint, 2>>
wrapInStringView(const Expr &Object, const SourceManager &SM,
                 const LangOptions &LO) {
  std::optional<CharSourceRange> R = fileRange(Object, SM, LO);
  if (!R)
    return std::nullopt;
  llvm::SmallVector<FixItHint, 2> Hints;
  Hints.push_back(
      FixItHint::CreateInsertion(R->getBegin(), "std::string_view("));
  Hints.push_back(FixItHint::CreateInsertion(R->getEnd(), ")"));
  return Hints;
}

std::optional<FixItHint> replaceExpr(const Expr &E, llvm::StringRef Text,
                                     const SourceManager &SM,
                                     const LangOptions &LO) {
  std::optional<CharSourceRange> R = fileRange(E, SM, LO);
  if (!R)
    return std::nullopt;
  return FixItHint::CreateReplacement(*R, Text);
}

std::optional<llvm::SmallVector<FixItHint, 1>>
retypeStringAsView(const VarDecl &VD, const SourceManager &SM,
                   const LangOptions &LO) {
  if (!VD.getTypeSourceInfo())
    return std::nullopt;
  TypeLoc TL = VD.getTypeSourceInfo()->getTypeLoc();
  if (auto Q = TL.getAs<QualifiedTypeLoc>())
    TL = Q.getUnqualifiedLoc();
  if (auto A = TL.getAs<AutoTypeLoc>()) {
    if (A.getTypePtr()->getKeyword() != AutoTypeKeyword::Auto)
      return std::nullopt;
    return llvm::SmallVector<FixItHint, 1>{};
  }
  CharSourceRange Range =
      typeRange(VD.getTypeSourceInfo()->getTypeLoc(), SM, LO);
  std::optional<std::string> Text =
      spellTypeLoc(VD.getTypeSourceInfo()->getTypeLoc(), SM, LO);
  if (Range.isInvalid() || !Text)
    return std::nullopt;
  llvm::StringRef T = *Text;
  bool Const = T.consume_front("const ");
  bool ConstAfter = T.consume_back(" const");
  if (T != "std::string" && T != "string")
    return std::nullopt;
  std::string New = (Const ? "const " : "") + T.str() + "_view" +
                    (ConstAfter ? " const" : "");
  llvm::SmallVector<FixItHint, 1> Hints;
  Hints.push_back(FixItHint::CreateReplacement(Range, New));
  return Hints;
}

std::optional<std::string> appendOperandText(const Expr &Operand,
                                             const SourceManager &SM,
                                             const LangOptions &LO) {
  std::optional<std::string> Text =
      sourceText(Operand.getSourceRange(), SM, LO);
  if (!Text)
    return std::nullopt;
  const auto *SL = dyn_cast<StringLiteral>(Operand.IgnoreParenImpCasts());
  if (SL && SL->isOrdinary() && SL->getLength() == 1 &&
      SL->getNumConcatenated() == 1) {
    std::string Char = charLiteral(SL->getCodeUnit(0));
    if (!Char.empty())
      return Char;
  }
  return Text;
}

std::optional<std::string> appendsText(llvm::StringRef Target,
                                       llvm::ArrayRef<const Expr *> Operands,
                                       const SourceManager &SM,
                                       const LangOptions &LO) {
  std::string Out;
  for (const Expr *Op : Operands) {
    std::optional<std::string> Text = appendOperandText(*Op, SM, LO);
    if (!Text)
      return std::nullopt;
    if (!Out.empty())
      Out += "; ";
    Out += (Target + " += " + *Text).str();
  }
  return Out;
}

} // namespace clang::tidy::memlint::fixits
