//===--- PublicApi.cpp - is a declaration part of a library's ABI? --------===//

#include "PublicApi.h"
#include "BoolOption.h"

#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/Path.h"

#include <vector>

namespace clang::tidy::memlint::utils {

namespace {

/// The macro between \p RD's class-key and its name, quoted, or empty.
std::string exportMacro(const RecordDecl *RD, const SourceManager &SM,
                        const LangOptions &LangOpts) {
  SourceLocation KeyLoc = RD->getInnerLocStart();
  SourceLocation NameLoc = RD->getLocation();
  if (KeyLoc.isInvalid() || NameLoc.isInvalid() || KeyLoc.isMacroID() ||
      NameLoc.isMacroID() || SM.getFileID(KeyLoc) != SM.getFileID(NameLoc))
    return "";
  unsigned Begin = SM.getFileOffset(KeyLoc);
  unsigned End = SM.getFileOffset(NameLoc);
  if (End <= Begin)
    return "";
  bool Invalid = false;
  StringRef Buffer = SM.getBufferData(SM.getFileID(KeyLoc), &Invalid);
  if (Invalid)
    return "";
  // Between the class-key and the name, valid C++ only has attributes,
  // alignas and a nested-name-specifier; any other identifier is a macro.
  // The lexer needs the buffer's terminating null: lex on and stop at the
  // name.
  SourceLocation FileStart = SM.getLocForStartOfFile(SM.getFileID(KeyLoc));
  Lexer Lex(FileStart, LangOpts, Buffer.begin(), Buffer.begin() + Begin,
            Buffer.end());
  Token Tok;
  Lex.LexFromRawLexer(Tok); // The class-key.
  std::vector<Token> Toks;
  while (true) {
    Lex.LexFromRawLexer(Tok);
    if (Tok.is(tok::eof) || SM.getFileOffset(Tok.getLocation()) >= End)
      break;
    Toks.push_back(Tok);
  }
  unsigned Depth = 0; // Inside (), [] or <>.
  for (size_t I = 0; I < Toks.size(); ++I) {
    const Token &T = Toks[I];
    if (T.isOneOf(tok::l_paren, tok::l_square, tok::less)) {
      ++Depth;
      continue;
    }
    if (T.isOneOf(tok::r_paren, tok::r_square, tok::greater)) {
      if (Depth)
        --Depth;
      continue;
    }
    if (Depth || T.isNot(tok::raw_identifier))
      continue;
    StringRef Id = T.getRawIdentifier();
    if (Id == "alignas" || Id == "_Alignas" || Id == "__attribute__" ||
        Id == "__attribute" || Id == "__declspec")
      continue;
    // A qualifier of an out-of-line definition: `struct A::B`,
    // `struct A<int>::B`.
    if (I + 1 < Toks.size() && Toks[I + 1].isOneOf(tok::coloncolon, tok::less))
      continue;
    return "'" + Id.str() + "'";
  }
  return "";
}

std::optional<llvm::Regex> compile(StringRef Text) {
  if (Text.trim().empty())
    return std::nullopt;
  llvm::Regex Re(Text);
  if (!Re.isValid())
    return std::nullopt; // The driver rejects a bad --public-headers.
  return Re;
}

} // namespace

std::string exportedBy(const RecordDecl *RD, const SourceManager &SM,
                       const LangOptions &LangOpts) {
  // The macro first: it names what the user wrote.
  std::string Macro = exportMacro(RD, SM, LangOpts);
  if (!Macro.empty())
    return Macro;
  if (const auto *V = RD->getAttr<VisibilityAttr>())
    if (V->getVisibility() == VisibilityAttr::Default)
      return "visibility(\"default\")";
  if (RD->hasAttr<DLLExportAttr>())
    return "dllexport";
  if (RD->hasAttr<DLLImportAttr>())
    return "dllimport";
  return "";
}

PublicApi::PublicApi(const ClangTidyCheck::OptionsView &Options)
    : PublicHeaders(Options.getLocalOrGlobal("PublicHeaders", "")),
      InstalledHeaders(Options.getLocalOrGlobal("InstalledHeaders", "")),
      PublicRe(compile(PublicHeaders)), InstalledRe(compile(InstalledHeaders)),
      FixAll(parseBoolOption(Options.getLocalOrGlobal("FixPublicAPI", "false"),
                             false)) {}

void PublicApi::storeOptions(ClangTidyCheck::OptionsView &Options,
                             ClangTidyOptions::OptionMap &Opts) const {
  Options.store(Opts, "PublicHeaders", PublicHeaders);
  Options.store(Opts, "FixPublicAPI", boolOptionText(FixAll));
}

std::optional<std::string> PublicApi::publicHeader(SourceLocation Loc,
                                                   const SourceManager &SM) {
  if (!PublicRe && !InstalledRe)
    return std::nullopt;
  if (CachedFor != &SM) {
    Cache.clear();
    CachedFor = &SM;
  }
  if (Loc.isInvalid())
    return std::nullopt;
  FileID File = SM.getFileID(SM.getExpansionLoc(Loc));
  auto [It, Inserted] = Cache.try_emplace(File);
  if (Inserted) {
    if (OptionalFileEntryRef FE = SM.getFileEntryRefForID(File)) {
      StringRef Real = FE->getFileEntry().tryGetRealPathName();
      StringRef Spelled = FE->getName();
      auto Matches = [&](const std::optional<llvm::Regex> &Re) {
        return Re && ((!Real.empty() && Re->match(Real)) || Re->match(Spelled));
      };
      if (Matches(PublicRe) || Matches(InstalledRe))
        It->second = llvm::sys::path::filename(Spelled).str();
    }
  }
  if (It->second.empty())
    return std::nullopt;
  return It->second;
}

std::string PublicApi::blocker(const NamedDecl *D, StringRef What,
                               StringRef Change, const SourceManager &SM,
                               bool Redecls) {
  if (FixAll || !D || !D->isExternallyVisible())
    return "";
  std::optional<std::string> Header;
  if (Redecls) {
    for (const Decl *R : D->redecls())
      if ((Header = publicHeader(R->getLocation(), SM)))
        break;
  } else {
    Header = publicHeader(D->getLocation(), SM);
  }
  if (!Header)
    return "";
  return (What + " is in a public header (" + *Header + "); " + Change +
          " changes the library's ABI " + FixPublicApiHint)
      .str();
}

std::string PublicApi::recordBlocker(const RecordDecl *RD, StringRef What,
                                     StringRef Change, const SourceManager &SM,
                                     const LangOptions &LangOpts) {
  if (FixAll)
    return "";
  std::string Exported = exportedBy(RD, SM, LangOpts);
  if (!Exported.empty())
    return (What + " is exported from a shared library (" + Exported + "); " +
            Change + " changes the library's ABI " + FixPublicApiHint)
        .str();
  return blocker(RD, What, Change, SM);
}

} // namespace clang::tidy::memlint::utils
