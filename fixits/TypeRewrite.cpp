//===--- TypeRewrite.cpp - change a declared type everywhere --------------===//

#include "TypeRewrite.h"
#include "TypeSpelling.h"
#include "clang/AST/TypeLoc.h"
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

} // namespace clang::tidy::memlint::fixits
