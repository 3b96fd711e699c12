//===--- HeapFixedBufferCheck.h - memlint-heap-fixed-buffer -----*- C++ -*-===//
//
// Finds local heap buffers of a constant, small size that never change size
// (`std::vector<T> v(K)`, `std::make_unique<T[]>(K)`, `unique_ptr<T[]>(new
// T[K])`) and moves them onto the stack as `std::array<T, K>`.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_HEAPFIXEDBUFFERCHECK_H
#define MEMLINT_CHECKS_HEAPFIXEDBUFFERCHECK_H

#include "checks/utils/LocalUses.h"
#include "checks/utils/ProfiledDiagnostics.h"
#include "checks/utils/UserCodeParents.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/utils/IncludeInserter.h"

#include <vector>

namespace clang::tidy::memlint {

class HeapFixedBufferCheck : public memlint::utils::ProfiledCheck {
public:
  HeapFixedBufferCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  utils::UserCodeScope UserScope;
  struct Candidate {
    const VarDecl *Var = nullptr;
    bool IsVector = true;
    uint64_t Count = 0;
    uint64_t Bytes = 0;
    const Expr *SizeArg = nullptr;
    /// `v(K, x)` with x not the value-initialized value.
    const Expr *FillArg = nullptr;
    /// Elements are value-initialized (vector(K), make_unique, new T[K]()).
    bool ValueInit = true;
    std::string ElemText;
  };
  // check() in phases: each *Candidate fills C's size and spelling for
  // one shape and returns the element type, or a null type when the
  // declaration is not that shape.
  QualType vectorCandidate(Candidate &C, const Expr *Init,
                           const SourceManager &SM);
  QualType uniqueArrayCandidate(Candidate &C, const Expr *Init,
                                const SourceManager &SM);
  bool newArraySize(Candidate &C, const CXXConstructExpr &CE, QualType Elem,
                    TypeLoc &ElemLoc);
  void analyze(const Candidate &C);

  const uint64_t MaxStackBytes;
  tidy::utils::IncludeInserter Inserter;
  ASTContext *Ctx = nullptr;
  std::vector<Candidate> Candidates;
  utils::VarRefIndex Refs;
};

} // namespace clang::tidy::memlint

#endif // MEMLINT_CHECKS_HEAPFIXEDBUFFERCHECK_H
