//===--- RuntimeAvailability.h - may a fix use memlint's runtime? -*- C++
//-*-===//
//
// A fix onto memlint::small_vector, compact_string or arena adds an include
// of the runtime's header. In a project that does not have the runtime that
// include breaks the build, so every check that writes a runtime type asks
// here first: the UseRuntime option (global, or per check) decides, and by
// default (`auto`) the translation unit's own header search does.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_UTILS_RUNTIMEAVAILABILITY_H
#define MEMLINT_CHECKS_UTILS_RUNTIMEAVAILABILITY_H

#include "clang-tidy/ClangTidyCheck.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringMap.h"

#include <optional>
#include <string>

namespace clang {
class Preprocessor;
} // namespace clang

namespace clang::tidy::memlint::utils {

enum class UseRuntime { Auto, Yes, No };

/// `auto`, or a boolean as clang-tidy spells them; nothing for other text.
std::optional<UseRuntime> parseUseRuntime(llvm::StringRef Text);

class RuntimeAvailability {
public:
  /// Reads UseRuntime (the check's own, else the global one; `auto` when
  /// absent or not understood).
  explicit RuntimeAvailability(const ClangTidyCheck::OptionsView &Options);

  void registerPreprocessor(Preprocessor *PP);
  void storeOptions(ClangTidyCheck::OptionsView &Options,
                    ClangTidyOptions::OptionMap &Opts) const;

  /// Whether `#include Header` written in \p File would find a file: always
  /// with UseRuntime true, never with false, else as the preprocessor's
  /// header search of this TU (its -I, -isystem, ... paths and, for a
  /// quoted header, the file's own directory) answers. \p Header is
  /// "<memlint/x.hpp>", "\"x.h\"" or a bare "x.h" (quoted).
  bool available(llvm::StringRef Header, const SourceManager &SM, FileID File);

  /// The "no fixit" note's reason when \p Header is not available.
  static std::string missingReason(llvm::StringRef Header);

private:
  UseRuntime Mode;
  Preprocessor *PP = nullptr;
  // Header and includer directory -> found; one TU's answers.
  llvm::StringMap<bool> Cache;
};

} // namespace clang::tidy::memlint::utils

#endif // MEMLINT_CHECKS_UTILS_RUNTIMEAVAILABILITY_H
