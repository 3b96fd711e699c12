//===--- Move.cpp - turn an lvalue into std::move(lvalue) -----------------===//

#include "Move.h"
#include "Includes.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::memlint::fixits {

std::vector<FixItHint> wrapInStdMove(const Expr &E,
                                     tidy::utils::IncludeInserter &Inserter,
                                     const SourceManager &SM,
                                     const LangOptions &LO) {
  SourceRange R = E.getSourceRange();
  if (R.isInvalid() || R.getBegin().isMacroID() || R.getEnd().isMacroID())
    return {};
  SourceLocation End = Lexer::getLocForEndOfToken(R.getEnd(), 0, SM, LO);
  if (End.isInvalid())
    return {};
  std::vector<FixItHint> Out;
  Out.push_back(FixItHint::CreateInsertion(R.getBegin(), "std::move("));
  Out.push_back(FixItHint::CreateInsertion(End, ")"));
  if (auto Inc = includeInsertion(Inserter, SM, SM.getFileID(R.getBegin()),
                                  "<utility>"))
    Out.push_back(*Inc);
  return Out;
}

} // namespace clang::tidy::memlint::fixits
