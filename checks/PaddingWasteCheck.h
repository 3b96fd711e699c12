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

#include "checks/utils/ProfiledDiagnostics.h"
#include "checks/utils/PublicApi.h"
#include "checks/utils/RecordLayout.h"
#include "checks/utils/UserCodeParents.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SetVector.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::memlint {

class PaddingWasteCheck : public memlint::utils::ProfiledCheck {
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

  /// What the layout model says of one record.
  struct Facts {
    std::string Shown; // the name in messages
    uint64_t Size = 0, Padding = 0, Saved = 0, PackedSize = 0;
    unsigned NumBools = 0;
    utils::FieldOrder Best; // the smallest order
    utils::FieldOrder Fix;  // the smallest within access sections
  };
  /// One instantiation of a class template, judged with the others.
  struct Instance {
    const RecordDecl *RD;
    Facts F;
    bool Wasteful; // saves at least MinBytesSaved
  };

  void noteHot(QualType Element, uint64_t Elements);
  // check() by what was matched: a use that makes a record hot (an array,
  // new[], a container of it), or one that ties it to its field order.
  bool noteHotUse(const ast_matchers::MatchFinder::MatchResult &Result);
  void noteContainerElements(const ClassTemplateSpecializationDecl &Spec);
  bool
  noteOrderDependence(const ast_matchers::MatchFinder::MatchResult &Result);
  void notePositionalInit(const InitListExpr &ILE);
  bool isCandidate(const RecordDecl *RD, ASTContext &Ctx) const;
  std::optional<Facts> facts(const RecordDecl *RD, ASTContext &Ctx,
                             utils::RecordLayoutModel &Model) const;
  uint64_t packedSize(const RecordDecl *RD, const utils::RecordLayoutInfo &Best,
                      unsigned &NumBools) const;
  std::string hotText(const RecordDecl *RD, uint64_t Saved) const;
  void diagnose(const RecordDecl *RD, ASTContext &Ctx);
  /// One finding at a class template's definition for all of its
  /// instantiations in the TU; a fixit only when one order suits them all.
  void diagnoseTemplate(const CXXRecordDecl *Pattern,
                        llvm::ArrayRef<const RecordDecl *> Records,
                        ASTContext &Ctx);
  std::optional<std::vector<const FieldDecl *>>
  commonOrder(llvm::ArrayRef<Instance> All,
              utils::RecordLayoutModel &Model) const;
  std::string templateFixBlocker(const CXXRecordDecl *Pattern,
                                 llvm::ArrayRef<Instance> All,
                                 llvm::ArrayRef<const FieldDecl *> Order,
                                 ASTContext &Ctx);
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
