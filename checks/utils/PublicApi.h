//===--- PublicApi.h - is a declaration part of a library's ABI? -*- C++
//-*-===//
//
// A fix that changes an enum's underlying type, a record's layout or a
// function's signature keeps the library building and its tests passing, and
// breaks every program linked against the previous build. Such fixes are held
// back for declarations that belong to a library's public interface: those in
// a public header (the PublicHeaders regex, or the InstalledHeaders regex the
// `memlint check` driver computes from the build's cmake_install.cmake files)
// and records exported from a shared library (an export macro, a default
// visibility or a dllexport/dllimport attribute). FixPublicAPI brings the
// fixes back.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_UTILS_PUBLICAPI_H
#define MEMLINT_CHECKS_UTILS_PUBLICAPI_H

#include "clang-tidy/ClangTidyCheck.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Regex.h"

#include <optional>
#include <string>

namespace clang {
class NamedDecl;
class RecordDecl;
} // namespace clang

namespace clang::tidy::memlint::utils {

/// How \p RD is exported from a shared library, as a note shows it, or
/// empty: a macro between its class-key and its name (`struct LIB_EXPORT
/// Options`), which marks it exported in some build even when it expands to
/// nothing in this one, or a default visibility or dllexport/dllimport
/// attribute on the record.
std::string exportedBy(const RecordDecl *RD, const SourceManager &SM,
                       const LangOptions &LangOpts);

/// The suffix of every "no fixit" note this analysis produces.
inline constexpr llvm::StringLiteral FixPublicApiHint =
    "(set FixPublicAPI to true to allow)";

class PublicApi {
public:
  /// Reads PublicHeaders, InstalledHeaders and FixPublicAPI (the check's
  /// own, else the global ones).
  explicit PublicApi(const ClangTidyCheck::OptionsView &Options);

  void storeOptions(ClangTidyCheck::OptionsView &Options,
                    ClangTidyOptions::OptionMap &Opts) const;

  /// FixPublicAPI: ABI-changing fixes are allowed everywhere.
  bool fixAllowed() const { return FixAll; }

  /// The name (without directories) of the public header \p Loc is in, or
  /// nothing. A file is public when PublicHeaders or InstalledHeaders
  /// matches (searches) its real absolute path or its name as included.
  std::optional<std::string> publicHeader(SourceLocation Loc,
                                          const SourceManager &SM);

  /// Why a fix that \p Change ("changing its underlying type") of \p D, as
  /// the note says it, must not be offered: \p D (or, with \p Redecls, one of
  /// its redeclarations) is in a public header and visible outside its
  /// translation unit. Empty when the fix may go ahead, always with
  /// FixPublicAPI. \p What names \p D in the note ("enum 'E'").
  std::string blocker(const NamedDecl *D, llvm::StringRef What,
                      llvm::StringRef Change, const SourceManager &SM,
                      bool Redecls = true);

  /// Like blocker, for a record whose layout \p Change would alter: also
  /// when the record is exported from a shared library.
  std::string recordBlocker(const RecordDecl *RD, llvm::StringRef What,
                            llvm::StringRef Change, const SourceManager &SM,
                            const LangOptions &LangOpts);

private:
  std::string PublicHeaders;
  std::string InstalledHeaders;
  std::optional<llvm::Regex> PublicRe, InstalledRe;
  bool FixAll;
  // FileID -> public header name (empty: not public); one TU's answers.
  llvm::DenseMap<FileID, std::string> Cache;
  const SourceManager *CachedFor = nullptr;
};

} // namespace clang::tidy::memlint::utils

#endif // MEMLINT_CHECKS_UTILS_PUBLICAPI_H
