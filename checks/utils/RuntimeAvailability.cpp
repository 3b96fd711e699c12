//===--- RuntimeAvailability.cpp - may a fix use memlint's runtime? -------===//

#include "RuntimeAvailability.h"
#include "BoolOption.h"

#include "clang/Lex/HeaderSearch.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::memlint::utils {

std::optional<UseRuntime> parseUseRuntime(llvm::StringRef Text) {
  Text = Text.trim();
  if (Text.equals_insensitive("auto"))
    return UseRuntime::Auto;
  // Neither default can come back for text that is a boolean.
  bool AsTrue = parseBoolOption(Text, true),
       AsFalse = parseBoolOption(Text, false);
  if (AsTrue != AsFalse)
    return std::nullopt;
  return AsTrue ? UseRuntime::Yes : UseRuntime::No;
}

RuntimeAvailability::RuntimeAvailability(
    const ClangTidyCheck::OptionsView &Options)
    : Mode(parseUseRuntime(Options.getLocalOrGlobal("UseRuntime", "auto"))
               .value_or(UseRuntime::Auto)) {}

void RuntimeAvailability::registerPreprocessor(Preprocessor *P) {
  PP = P;
  Cache.clear();
}

void RuntimeAvailability::storeOptions(
    ClangTidyCheck::OptionsView &Options,
    ClangTidyOptions::OptionMap &Opts) const {
  Options.store(Opts, "UseRuntime",
                Mode == UseRuntime::Auto  ? "auto"
                : Mode == UseRuntime::Yes ? "true"
                                          : "false");
}

bool RuntimeAvailability::available(llvm::StringRef Header,
                                    const SourceManager &SM, FileID File) {
  if (Mode != UseRuntime::Auto)
    return Mode == UseRuntime::Yes;
  if (!PP)
    return false;
  bool Angled = Header.starts_with("<");
  llvm::StringRef Name = Header.trim("<>\" ");
  OptionalFileEntryRef Includer = SM.getFileEntryRefForID(File);
  // A quoted include looks in the including file's directory first.
  llvm::SmallVector<std::pair<OptionalFileEntryRef, DirectoryEntryRef>, 1>
      Includers;
  if (!Angled && Includer)
    Includers.push_back({Includer, Includer->getDir()});
  std::string Key = Header.str();
  if (!Includers.empty())
    Key += "\n" + Includer->getDir().getName().str();
  auto [It, Inserted] = Cache.try_emplace(Key, false);
  if (!Inserted)
    return It->second;
  // The lookup the preprocessor would do for `#include Header` at the top
  // of File; the file is not opened and a miss is not cached, so the TU's
  // own later lookups are as they would have been.
  OptionalFileEntryRef Found = PP->getHeaderSearchInfo().LookupFile(
      Name, SM.getLocForStartOfFile(File), Angled, /*FromDir=*/nullptr,
      /*CurDir=*/nullptr, Includers, /*SearchPath=*/nullptr,
      /*RelativePath=*/nullptr, /*RequestingModule=*/nullptr,
      /*SuggestedModule=*/nullptr, /*IsMapped=*/nullptr,
      /*IsFrameworkFound=*/nullptr, /*SkipCache=*/false,
      /*BuildSystemModule=*/false, /*OpenFile=*/false,
      /*CacheFailures=*/false);
  It->second = Found.has_value();
  return It->second;
}

std::string RuntimeAvailability::missingReason(llvm::StringRef Header) {
  std::string Reason =
      "'" + Header.str() + "' is not on this translation unit's include path";
  if (Header.trim("<>\" ").starts_with("memlint/"))
    Reason += "; to use memlint's runtime, add 'find_package(memlint)' to "
              "the CMake project and link the target to 'memlint::runtime' "
              "(or set the option UseRuntime to true)";
  return Reason;
}

} // namespace clang::tidy::memlint::utils
