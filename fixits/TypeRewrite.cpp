//===--- TypeRewrite.cpp - change a declared type everywhere --------------===//

#include "TypeRewrite.h"
#include "TypeSpelling.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::memlint::fixits {

RewriteResult changeEnumUnderlyingType(const EnumDecl *ED,
                                       llvm::StringRef NewType,
                                       const SourceManager &SM,
                                       const LangOptions &LangOpts) {
  RewriteResult R;
  auto Fail = [&](std::string Why, SourceLocation Loc) {
    R.Hints.clear();
    R.Files.clear();
    R.WhyNot = std::move(Why);
    R.WhyNotLoc = Loc;
    return R;
  };
  auto NoteFile = [&](SourceLocation Loc) {
    FileID FID = SM.getFileID(Loc);
    if (llvm::find(R.Files, FID) == R.Files.end())
      R.Files.push_back(FID);
  };
  for (const TagDecl *Tag : ED->redecls()) {
    const auto *Redecl = cast<EnumDecl>(Tag);
    SourceLocation Loc = Redecl->getLocation();
    if (Loc.isInvalid() || Redecl->isImplicit())
      continue;
    if (Loc.isMacroID() || Redecl->getBeginLoc().isMacroID())
      return Fail("the enum is declared in a macro expansion", Loc);
    if (SM.isInSystemHeader(Loc))
      return Fail("a declaration of the enum is in a system header", Loc);
    if (const TypeSourceInfo *TSI = Redecl->getIntegerTypeSourceInfo()) {
      if (TSI->getType()->isDependentType())
        return Fail("the underlying type is dependent", Loc);
      SourceRange Range = TSI->getTypeLoc().getSourceRange();
      if (Range.isInvalid() || Range.getBegin().isMacroID() ||
          Range.getEnd().isMacroID())
        return Fail("the underlying type is written by a macro", Loc);
      // The whole written type, cv-qualifiers included.
      CharSourceRange Whole = typeRange(TSI->getTypeLoc(), SM, LangOpts);
      if (Whole.isInvalid())
        return Fail("the underlying type is written by a macro", Loc);
      R.Hints.push_back(FixItHint::CreateReplacement(Whole, NewType));
      NoteFile(Whole.getBegin());
      continue;
    }
    // No type written: after the name, or after `enum` when anonymous.
    SourceLocation After =
        Redecl->getIdentifier() ? Loc : Redecl->getBeginLoc();
    SourceLocation End = Lexer::getLocForEndOfToken(After, 0, SM, LangOpts);
    if (End.isInvalid())
      return Fail("cannot find the end of the enum's name", Loc);
    R.Hints.push_back(FixItHint::CreateInsertion(End, (" : " + NewType).str()));
    NoteFile(End);
  }
  if (R.Hints.empty())
    return Fail("no declaration to edit", ED->getLocation());
  return R;
}

RewriteResult changeParamType(const FunctionDecl *FD, unsigned Index,
                              llvm::StringRef NewType, bool WithQualifiers,
                              const SourceManager &SM,
                              const LangOptions &LangOpts) {
  RewriteResult R;
  auto Fail = [&](std::string Why, SourceLocation Loc) {
    R.Hints.clear();
    R.Files.clear();
    R.WhyNot = std::move(Why);
    R.WhyNotLoc = Loc;
    return R;
  };
  for (const FunctionDecl *Redecl : FD->redecls()) {
    SourceLocation Loc = Redecl->getLocation();
    if (Loc.isMacroID())
      return Fail("is written by a macro", Loc);
    if (SM.isInSystemHeader(Loc))
      return Fail("is in a system header", Loc);
    if (Index >= Redecl->getNumParams())
      return Fail("has another number of parameters", Loc);
    const TypeSourceInfo *TSI =
        Redecl->getParamDecl(Index)->getTypeSourceInfo();
    if (!TSI)
      return Fail("has no written parameter type", Loc);
    TypeLoc TL = TSI->getTypeLoc();
    CharSourceRange Range;
    std::string Text = NewType.str();
    if (WithQualifiers) {
      Range = typeRange(TL, SM, LangOpts);
      // `const std::string &s`: keep the name apart from the new type.
      if (Range.isValid()) {
        const char *After = SM.getCharacterData(Range.getEnd());
        if (isAsciiIdentifierContinue(*After))
          Text += ' ';
      }
    } else {
      SourceRange Unqualified = TL.getUnqualifiedLoc().getSourceRange();
      if (Unqualified.isValid() && !Unqualified.getBegin().isMacroID() &&
          !Unqualified.getEnd().isMacroID())
        Range = CharSourceRange::getTokenRange(Unqualified);
    }
    if (Range.isInvalid())
      return Fail("is written by a macro", Loc);
    R.Hints.push_back(FixItHint::CreateReplacement(Range, Text));
    FileID FID = SM.getFileID(Range.getBegin());
    if (llvm::find(R.Files, FID) == R.Files.end())
      R.Files.push_back(FID);
  }
  if (R.Hints.empty())
    return Fail("has no declaration to edit", FD->getLocation());
  return R;
}

} // namespace clang::tidy::memlint::fixits
