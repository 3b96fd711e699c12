//===--- OversizedEnumCheck.h - memlint-oversized-enum ----------*- C++ -*-===//
//
// Flags enums whose underlying type is wider than their values need, by
// default only when narrowing them makes some record or array smaller, and
// offers `: std::uintN_t` on every redeclaration.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_OVERSIZEDENUMCHECK_H
#define MEMLINT_CHECKS_OVERSIZEDENUMCHECK_H

#include "checks/utils/ProfiledDiagnostics.h"
#include "checks/utils/PublicApi.h"
#include "checks/utils/UserCodeParents.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/utils/IncludeInserter.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/Regex.h"
#include <string>
#include <vector>

namespace clang::tidy::memlint {

/// See docs/checks/oversized-enum.md.
class OversizedEnumCheck : public memlint::utils::ProfiledCheck {
public:
  OversizedEnumCheck(StringRef Name, ClangTidyContext *Context);
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
  /// A use that makes a fixit unsafe, with where it is.
  struct Blocker {
    SourceLocation Loc;
    std::string Why;
  };
  struct ArrayUse {
    const NamedDecl *Var;
    uint64_t Count; ///< 0: unknown (new[] or incomplete array).
  };

  const EnumDecl *patternOf(const EnumDecl *ED) const;
  const EnumDecl *enumOf(QualType T) const;
  bool isIgnored(const EnumDecl *ED) const;
  void decide(const EnumDecl *ED);
  void collectStdSpecializations();
  // check() by what was matched: each records one kind of use.
  void noteField(const FieldDecl *FD);
  void noteDerived(const CXXRecordDecl *RD);
  void noteVar(const VarDecl *VD);
  void noteSizeof(const UnaryExprOrTypeTraitExpr *UE, const SourceManager &SM);
  void noteEnumArgument(const ImplicitCastExpr *Cast, const SourceManager &SM);
  void addSpecializationUse(QualType T);
  void addSpecializationUse(QualType T,
                            llvm::SmallPtrSetImpl<const EnumDecl *> &Found,
                            unsigned Depth);

  const bool OnlyWhenItSaves;
  const std::string IgnoredEnumsOption;
  std::vector<llvm::Regex> IgnoredEnums;
  tidy::utils::IncludeInserter Inserter;
  utils::PublicApi PublicAPI;

  // Collected over the translation unit, decided at its end.
  ASTContext *Ctx = nullptr;
  llvm::SetVector<const EnumDecl *> Candidates;
  /// Canonical record/enum type -> records holding it (field, array field or
  /// base), in the order they were seen.
  llvm::DenseMap<const Type *, llvm::SetVector<const RecordDecl *>> Holders;
  llvm::DenseMap<const EnumDecl *, llvm::SmallVector<const EnumDecl *, 2>>
      Instantiations; ///< Pattern -> instantiated member enums.
  llvm::DenseMap<const EnumDecl *, std::vector<ArrayUse>> Arrays;
  llvm::DenseMap<const EnumDecl *, std::string> Containers;
  /// Enum -> class template specializations naming it in their arguments that
  /// user variables, fields or bases use.
  llvm::DenseMap<const EnumDecl *, llvm::SetVector<const RecordDecl *>>
      SpecializationUses;
  llvm::DenseSet<const EnumDecl *> FlagEnums, BitFieldEnums;
  llvm::DenseMap<const EnumDecl *, Blocker> EnumBlockers;
  /// Records whose sizeof a static_assert checks.
  llvm::DenseMap<const Type *, SourceLocation> StaticAssertedSizes;
};

} // namespace clang::tidy::memlint

#endif // MEMLINT_CHECKS_OVERSIZEDENUMCHECK_H
