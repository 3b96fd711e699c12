//===--- PaddingWasteCheck.h - memlint-padding-waste -------------*- C++
//-*-===//
//
// Flags records whose field order wastes bytes in padding, states the exact
// saving (computed with the layout model of checks/utils/RecordLayout.h and
// checked against the compiler's own layout) and reorders the fields when
// that is provably safe.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_PADDINGWASTECHECK_H
#define MEMLINT_CHECKS_PADDINGWASTECHECK_H

#include "checks/utils/PublicApi.h"
#include "checks/utils/UserCodeParents.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SetVector.h"
#include <string>

namespace clang::tidy::memlint {

class PaddingWasteCheck : public ClangTidyCheck {
public:
  PaddingWasteCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  utils::UserCodeScope UserScope;
  /// How the TU stores a record: in arrays or containers ("hot"), and the
  /// largest constant-size array of it.
  struct Usage {
    bool Hot = false;
    uint64_t MaxArrayElements = 0;
  };

  void noteHot(QualType Element, uint64_t Elements);
  void diagnose(const RecordDecl *RD, ASTContext &Ctx);
  /// Why reordering RD's fields in the source could break the build or
  /// change behaviour; empty when it is safe.
  std::string fixitBlocker(const RecordDecl *RD,
                           llvm::ArrayRef<const FieldDecl *> Order) const;

  const unsigned MinBytesSaved;
  const unsigned MinBoolsToPack;
  const std::string IgnoredRecords;
  /// Flag records exported from a shared library too (never with a fixit:
  /// their layout is part of the library's ABI).
  const bool CheckExportedRecords;
  utils::PublicApi PublicAPI;

  llvm::SetVector<const RecordDecl *> Records;
  llvm::DenseMap<const RecordDecl *, Usage> Usages;
  /// Records with a reason no fixit may touch them (positional aggregate
  /// initialization, offsetof, structured bindings).
  llvm::DenseMap<const RecordDecl *, std::string> Blocked;
  ASTContext *Context = nullptr;
};

} // namespace clang::tidy::memlint

#endif // MEMLINT_CHECKS_PADDINGWASTECHECK_H
