//===--- TypeSpelling.cpp - spell a type in a fix -------------------------===//

#include "TypeSpelling.h"
#include "checks/utils/Compat.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/PrettyPrinter.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Config/llvm-config.h"

namespace clang::tidy::memlint::fixits {

namespace {

bool isQualifierWord(llvm::StringRef W) {
  return W == "const" || W == "volatile" || W == "restrict" ||
         W == "__restrict" || W == "__restrict__";
}

/// The raw identifier token that starts at \p Loc, if any.
std::optional<Token> rawTokenAt(SourceLocation Loc, const SourceManager &SM,
                                const LangOptions &LO) {
  Token Tok;
  if (Loc.isInvalid() ||
      Lexer::getRawToken(Loc, Tok, SM, LO, /*IgnoreWhiteSpace=*/true))
    return std::nullopt;
  return Tok;
}

bool isQualifierToken(const Token &Tok) {
  return Tok.is(tok::raw_identifier) && isQualifierWord(Tok.getRawIdentifier());
}

/// The start of the `const`/`volatile` words written right before \p Begin
/// (only blanks between them; a comment stops the walk, and the qualifier
/// count check in spellTypeLoc then refuses).
SourceLocation widenBegin(SourceLocation Begin, const SourceManager &SM) {
  bool Invalid = false;
  llvm::StringRef Buf = SM.getBufferData(SM.getFileID(Begin), &Invalid);
  if (Invalid)
    return Begin;
  unsigned Off = SM.getFileOffset(Begin);
  while (true) {
    unsigned I = Off;
    while (I > 0 && isWhitespace(Buf[I - 1]))
      --I;
    unsigned WordEnd = I;
    while (I > 0 && isAsciiIdentifierContinue(Buf[I - 1]))
      --I;
    if (I == WordEnd || !isQualifierWord(Buf.slice(I, WordEnd)))
      return Begin.getLocWithOffset(static_cast<int>(Off) -
                                    static_cast<int>(SM.getFileOffset(Begin)));
    Off = I;
  }
}

/// The end (one past) of the `const`/`volatile` words written right after
/// the token range ending at \p End.
SourceLocation widenEnd(SourceLocation AfterEnd, const SourceManager &SM,
                        const LangOptions &LO) {
  while (true) {
    std::optional<Token> Tok = rawTokenAt(AfterEnd, SM, LO);
    if (!Tok || !isQualifierToken(*Tok))
      return AfterEnd;
    AfterEnd = Tok->getEndLoc();
  }
}

/// Counts the qualifiers a written type states: every QualifiedTypeLoc's
/// cv (and restrict) bits and every member function's cv, template
/// arguments, array bounds and decltype operands included.
class QualifierCounter : public RecursiveASTVisitor<QualifierCounter> {
public:
  unsigned Count = 0;
  bool Unspellable = false;

  static unsigned cvr(Qualifiers Q) {
    return Q.hasConst() + Q.hasVolatile() + Q.hasRestrict();
  }
#if LLVM_VERSION_MAJOR >= 22 // the one version difference not in utils/Compat.h
  // LLVM 22's TypeLoc traversals take whether to walk the qualifier too.
  bool TraverseQualifiedTypeLoc(QualifiedTypeLoc TL,
                                bool TraverseQualifier = true) {
    Count += cvr(TL.getType().getLocalQualifiers());
    return RecursiveASTVisitor::TraverseQualifiedTypeLoc(TL, TraverseQualifier);
  }
#else
  bool TraverseQualifiedTypeLoc(QualifiedTypeLoc TL) {
    Count += cvr(TL.getType().getLocalQualifiers());
    return RecursiveASTVisitor::TraverseQualifiedTypeLoc(TL);
  }
#endif
  bool VisitFunctionProtoTypeLoc(FunctionProtoTypeLoc TL) {
    const FunctionProtoType *FPT = TL.getTypePtr();
    Count += cvr(FPT->getMethodQuals());
    // `() &` / `() &&` are not part of the TypeLoc's range.
    if (FPT->getRefQualifier() != RQ_None)
      Unspellable = true;
    return true;
  }
  bool VisitAutoTypeLoc(AutoTypeLoc) {
    Unspellable = true;
    return true;
  }
  bool VisitDeducedTemplateSpecializationTypeLoc(
      DeducedTemplateSpecializationTypeLoc) {
    Unspellable = true;
    return true;
  }
  // `auto` inside a lambda in decltype is not a placeholder of this type.
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
};

/// How many qualifier keywords the text of \p Range holds (raw lexing:
/// comments and literals do not count).
unsigned qualifierWordsIn(CharSourceRange Range, const SourceManager &SM,
                          const LangOptions &LO) {
  bool Invalid = false;
  FileID FID = SM.getFileID(Range.getBegin());
  llvm::StringRef Buf = SM.getBufferData(FID, &Invalid);
  if (Invalid)
    return 0;
  unsigned Begin = SM.getFileOffset(Range.getBegin());
  unsigned End = SM.getFileOffset(Range.getEnd());
  // The whole (null-terminated) buffer, lexed from the range's start.
  Lexer Lex(SM.getLocForStartOfFile(FID), LO, Buf.begin(), Buf.begin() + Begin,
            Buf.end());
  unsigned N = 0;
  Token Tok;
  while (true) {
    Lex.LexFromRawLexer(Tok);
    if (Tok.is(tok::eof) || SM.getFileOffset(Tok.getLocation()) >= End)
      break;
    if (isQualifierToken(Tok))
      ++N;
  }
  return N;
}

std::string collapse(llvm::StringRef Left, llvm::StringRef Right) {
  Left = Left.rtrim();
  Right = Right.ltrim();
  if (Left.empty() || Right.empty())
    return (Left + Right).str();
  // `int [3]` reads worse than `int[3]`; `void (*)(int)` keeps its space.
  if (Right.starts_with("[") || Right.starts_with(")") || Left.ends_with("(") ||
      Left.ends_with("*") || Left.ends_with("&"))
    return (Left + Right).str();
  return (Left + " " + Right).str();
}

/// Types whose printed name does not name them elsewhere in the TU.
class UnnameableFinder : public RecursiveASTVisitor<UnnameableFinder> {
public:
  bool Found = false;

  bool VisitTagType(TagType *T) {
    check(T->getDecl());
    // A canonical specialization has no sugar to traverse its arguments.
    if (const auto *Spec =
            dyn_cast<ClassTemplateSpecializationDecl>(T->getDecl()))
      for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
        if (!Found)
          TraverseTemplateArgument(A);
    return !Found;
  }
  bool VisitTypedefType(TypedefType *T) {
    check(T->getDecl());
    return !Found;
  }
  bool VisitType(Type *T) {
    if (T->isDependentType() || T->isUndeducedType())
      Found = true;
    return !Found;
  }

private:
  void check(const NamedDecl *D) {
    if (!D->getDeclName() || D->getName().empty() ||
        D->getAccess() == AS_private || D->getAccess() == AS_protected) {
      Found = true;
      return;
    }
    if (const auto *RD = dyn_cast<CXXRecordDecl>(D); RD && RD->isLambda()) {
      Found = true;
      return;
    }
    // Local types and members of unnamed classes have no name elsewhere.
    for (const DeclContext *DC = D->getDeclContext(); DC;
         DC = DC->getParent()) {
      if (DC->isFunctionOrMethod())
        Found = true;
      else if (const auto *R = dyn_cast<RecordDecl>(DC);
               R && (!R->getDeclName() || R->getName().empty()))
        Found = true;
      else if (const auto *R = dyn_cast<RecordDecl>(DC);
               R &&
               (R->getAccess() == AS_private || R->getAccess() == AS_protected))
        Found = true;
    }
  }
};

/// Replaces every whole-name occurrence of \p From in \p S by \p To.
void replaceName(std::string &S, llvm::StringRef From, llvm::StringRef To) {
  for (size_t Pos = S.find(From); Pos != std::string::npos;
       Pos = S.find(From, Pos)) {
    bool Starts = Pos == 0 ||
                  !(isAsciiIdentifierContinue(S[Pos - 1]) || S[Pos - 1] == ':');
    if (!Starts) {
      Pos += From.size();
      continue;
    }
    S.replace(Pos, From.size(), To.str());
    Pos += To.size();
  }
}

bool isArrayOrFunction(QualType T) {
  return !T.isNull() && (T->isArrayType() || T->isFunctionType());
}

} // namespace

CharSourceRange typeRange(TypeLoc TL, const SourceManager &SM,
                          const LangOptions &LO) {
  if (TL.isNull())
    return {};
  SourceRange R = TL.getSourceRange();
  if (R.isInvalid())
    return {};
  CharSourceRange File =
      Lexer::makeFileCharRange(CharSourceRange::getTokenRange(R), SM, LO);
  if (File.isInvalid())
    return {};
  SourceLocation B = widenBegin(File.getBegin(), SM);
  SourceLocation E = widenEnd(File.getEnd(), SM, LO);
  return CharSourceRange::getCharRange(B, E);
}

std::optional<std::string> spellTypeLoc(TypeLoc TL, const SourceManager &SM,
                                        const LangOptions &LO) {
  CharSourceRange Range = typeRange(TL, SM, LO);
  if (Range.isInvalid())
    return std::nullopt;
  QualifierCounter Q;
  Q.TraverseTypeLoc(TL);
  if (Q.Unspellable || Q.Count != qualifierWordsIn(Range, SM, LO))
    return std::nullopt;
  bool Invalid = false;
  llvm::StringRef Text = Lexer::getSourceText(Range, SM, LO, &Invalid);
  if (Invalid || Text.empty())
    return std::nullopt;
  return Text.str();
}

std::optional<std::string> spellTemplateArg(TemplateSpecializationTypeLoc TST,
                                            unsigned I, const SourceManager &SM,
                                            const LangOptions &LO) {
  if (TST.isNull() || I >= TST.getNumArgs() ||
      TST.getArgLoc(I).getArgument().getKind() != TemplateArgument::Type)
    return std::nullopt;
  TypeSourceInfo *TSI = TST.getArgLoc(I).getTypeSourceInfo();
  if (!TSI)
    return std::nullopt;
  return spellTypeLoc(TSI->getTypeLoc(), SM, LO);
}

std::optional<std::string> spellDeclaredType(const DeclaratorDecl &D,
                                             const SourceManager &SM,
                                             const LangOptions &LO) {
  const TypeSourceInfo *TSI = D.getTypeSourceInfo();
  if (!TSI)
    return std::nullopt;
  std::optional<std::string> Text = spellTypeLoc(TSI->getTypeLoc(), SM, LO);
  if (!Text)
    return std::nullopt;
  // Arrays and function pointers are written around the name.
  CharSourceRange Range = typeRange(TSI->getTypeLoc(), SM, LO);
  SourceLocation Name = D.getLocation();
  if (!D.getDeclName() || Name.isInvalid())
    return Text;
  if (Name.isMacroID())
    return std::nullopt;
  unsigned B = SM.getFileOffset(Range.getBegin());
  unsigned E = SM.getFileOffset(Range.getEnd());
  unsigned N = SM.getFileOffset(Name);
  if (SM.getFileID(Name) != SM.getFileID(Range.getBegin()) || N < B || N >= E)
    return Text;
  unsigned NameLen = Lexer::MeasureTokenLength(Name, SM, LO);
  llvm::StringRef T(*Text);
  return collapse(T.take_front(N - B), T.drop_front(N - B + NameLen));
}

/// \p T without the sugar an instantiation adds on top (`auto`, a member
/// typedef of a specialization such as `__alloc_traits<...>::value_type`, a
/// substituted template parameter): down to the names the code wrote.
static QualType peelInstantiationSugar(QualType T, const ASTContext &Ctx) {
  while (true) {
    const Type *Ty = T.getTypePtr();
    bool Peel = isa<AutoType>(Ty) || isa<SubstTemplateTypeParmType>(Ty) ||
                utils::isElaboratedSugar(Ty);
    if (const auto *TT = dyn_cast<TypedefType>(Ty))
      Peel =
          isa<ClassTemplateSpecializationDecl>(TT->getDecl()->getDeclContext());
    if (!Peel)
      return T;
    QualType Next = T.getSingleStepDesugaredType(Ctx);
    if (Next == T)
      return T;
    T = Next;
  }
}

std::optional<std::string> spellType(QualType T, const ASTContext &Ctx) {
  if (T.isNull())
    return std::nullopt;
  T = peelInstantiationSugar(T, Ctx);
  UnnameableFinder F;
  F.TraverseType(T);
  if (F.Found)
    return std::nullopt;
  PrintingPolicy Policy = Ctx.getPrintingPolicy();
  Policy.SuppressUnwrittenScope = true;
  Policy.SuppressTagKeyword = true;
  Policy.SplitTemplateClosers = false;
  utils::qualifyFully(Policy);
  std::string S = T.getAsString(Policy);
  // decltype(e) names e in the scope it was written in; the others are
  // clang's names for unnamed entities.
  for (llvm::StringRef Bad :
       {"decltype(", "(anonymous", "(lambda", "(unnamed", "<dependent"})
    if (S.find(Bad.str()) != std::string::npos)
      return std::nullopt;
  // The standard's own names for the specializations users name by alias.
  static const std::pair<llvm::StringRef, llvm::StringRef> Aliases[] = {
      {"std::basic_string<char>", "std::string"},
      {"std::basic_string<wchar_t>", "std::wstring"},
      {"std::basic_string<char8_t>", "std::u8string"},
      {"std::basic_string<char16_t>", "std::u16string"},
      {"std::basic_string<char32_t>", "std::u32string"},
      {"std::basic_string_view<char>", "std::string_view"},
      {"std::basic_string_view<wchar_t>", "std::wstring_view"},
      {"std::basic_ostringstream<char>", "std::ostringstream"},
      {"std::basic_istringstream<char>", "std::istringstream"},
      {"std::basic_stringstream<char>", "std::stringstream"},
  };
  for (const auto &[From, To] : Aliases)
    replaceName(S, From, To);
  return S;
}

std::optional<std::string> constOf(llvm::StringRef Spelled, QualType T) {
  Spelled = Spelled.trim();
  if (Spelled.empty() || isArrayOrFunction(T) || T->isReferenceType())
    return std::nullopt;
  if (T.isConstQualified())
    return Spelled.str();
  // `const int *` would be a pointer to const, not a const pointer.
  if (T->isPointerType() || T->isMemberPointerType()) {
    if (T->getPointeeType()->isFunctionType() ||
        T->getPointeeType()->isArrayType())
      return std::nullopt; // the `const` would go inside the declarator
    return (Spelled + (Spelled.ends_with("*") ? "" : " ") + "const").str();
  }
  return ("const " + Spelled).str();
}

std::optional<std::string> constRefTo(llvm::StringRef Spelled, QualType T) {
  if (std::optional<std::string> C = constOf(Spelled, T))
    return *C + " &";
  return std::nullopt;
}

std::optional<std::string> pointerTo(llvm::StringRef Spelled, QualType T) {
  if (Spelled.empty() || isArrayOrFunction(T) || T->isReferenceType())
    return std::nullopt;
  if ((T->isPointerType() || T->isMemberPointerType()) &&
      (T->getPointeeType()->isFunctionType() ||
       T->getPointeeType()->isArrayType()))
    return std::nullopt;
  return (Spelled + " *").str();
}

std::optional<std::string> declarationOf(TypeLoc TL, llvm::StringRef Name,
                                         const SourceManager &SM,
                                         const LangOptions &LO) {
  std::optional<std::string> Text = spellTypeLoc(TL, SM, LO);
  if (!Text)
    return std::nullopt;
  // The name goes after the outermost declarator operator: before the `[`
  // of an array, after the `*`/`&` (and its cv) of a pointer or reference,
  // after the whole text for a type specifier.
  TypeLoc Outer = TL.getUnqualifiedLoc();
  SourceLocation At;
  if (auto A = Outer.getAs<ArrayTypeLoc>())
    At = A.getLBracketLoc();
  else if (auto P = Outer.getAs<PointerTypeLoc>())
    At = Lexer::getLocForEndOfToken(P.getStarLoc(), 0, SM, LO);
  else if (auto M = Outer.getAs<MemberPointerTypeLoc>())
    At = Lexer::getLocForEndOfToken(M.getStarLoc(), 0, SM, LO);
  else if (auto R = Outer.getAs<ReferenceTypeLoc>())
    At = Lexer::getLocForEndOfToken(R.getSigilLoc(), 0, SM, LO);
  else if (Outer.getAs<FunctionTypeLoc>() || Outer.getAs<ParenTypeLoc>())
    return std::nullopt;
  else
    return collapse(*Text, Name);
  if (At.isInvalid() || At.isMacroID())
    return std::nullopt;
  if (!Outer.getAs<ArrayTypeLoc>())
    At = widenEnd(At, SM, LO);
  CharSourceRange Range = typeRange(TL, SM, LO);
  unsigned B = SM.getFileOffset(Range.getBegin());
  unsigned N = SM.getFileOffset(At);
  if (SM.getFileID(At) != SM.getFileID(Range.getBegin()) || N < B ||
      N > B + Text->size())
    return std::nullopt;
  llvm::StringRef T(*Text);
  std::string Left = collapse(T.take_front(N - B), Name);
  return (llvm::StringRef(Left).rtrim() + T.drop_front(N - B).ltrim()).str();
}

} // namespace clang::tidy::memlint::fixits
