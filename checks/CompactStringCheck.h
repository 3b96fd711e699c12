//===--- CompactStringCheck.h - memlint-compact-string ----------*- C++ -*-===//
//
// Finds std::string variables whose every possible value is known at compile
// time, fits memlint::compact_string's 23 inline characters and can exceed
// std::string's 15: they allocate with std::string and never would with
// compact_string (or, when constant, with std::string_view). With
// CheckFields, also std::string members, bounded the same way, of records
// the translation unit stores in containers and arrays.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_COMPACTSTRINGCHECK_H
#define MEMLINT_CHECKS_COMPACTSTRINGCHECK_H

#include "checks/utils/LocalUses.h"
#include "checks/utils/ProfiledDiagnostics.h"
#include "checks/utils/RuntimeAvailability.h"
#include "checks/utils/UserCodeParents.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/utils/IncludeInserter.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SetVector.h"

#include <string>
#include <vector>

namespace clang::tidy::memlint {

class CompactStringCheck : public memlint::utils::ProfiledCheck {
public:
  CompactStringCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus17;
  }
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  utils::UserCodeScope UserScope;
  void analyze(const VarDecl *VD);
  void checkFieldMatch(const ast_matchers::MatchFinder::MatchResult &Result);
  void noteStored(QualType T);
  void analyzeField(const FieldDecl *FD, QualType Container);

  const std::string CompactStringHeader;
  const bool CheckFields;
  tidy::utils::IncludeInserter Inserter;
  utils::RuntimeAvailability RuntimeInfo;
  ASTContext *Ctx = nullptr;
  std::vector<const VarDecl *> Candidates;
  utils::VarRefIndex Refs;

  // CheckFields: members to look at, every mention of them (member
  // accesses, `&Record::member`), aggregate initializations of their
  // records, and where the TU stores records: canonical record -> the
  // container or array type it is stored in (the first one seen).
  llvm::SetVector<const FieldDecl *> FieldCandidates;
  llvm::DenseMap<const FieldDecl *, llvm::SmallVector<const Expr *, 4>>
      FieldRefs;
  llvm::DenseMap<const RecordDecl *, llvm::SmallVector<const Expr *, 2>>
      AggregateInits;
  llvm::MapVector<const RecordDecl *, QualType> Stored;
  // Records a variadic function template may build from forwarded
  // arguments (`emplace_back`, `make_unique`).
  llvm::DenseSet<const RecordDecl *> ForwardConstructed;
};

} // namespace clang::tidy::memlint

#endif // MEMLINT_CHECKS_COMPACTSTRINGCHECK_H
