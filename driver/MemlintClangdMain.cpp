//===--- MemlintClangdMain.cpp - clangd with memlint linked in ------------===//
//
// Stock clangd cannot load clang-tidy plugins, so editors get memlint's
// diagnostics and quick-fixes from this build: stock clangd, every stock
// clang-tidy module, plus the memlint module.
//
//===----------------------------------------------------------------------===//

#include "ToolSupport.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

namespace clang::clangd {
// Declared here because Debian ships libclangdMain.a without its header.
int clangdMain(int Argc, char *Argv[]);
} // namespace clang::clangd

// clangd 18+ runs only the clang-tidy checks it has timing data for, unless
// the user's .clangd relaxes `FastCheckFilter`; a check it does not know is
// dropped without a word. memlint's checks are built and measured to be cheap
// (docs/benchmarks.md), so memlint-clangd vouches for them and users need no
// config change. The link wraps clangd's lookup (-Wl,--wrap=...), so every
// call from clangd lands here first and falls through for the stock checks.
#define MEMLINT_IS_FAST_TIDY_CHECK                                             \
  _ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE
#define MEMLINT_CONCAT2(A, B) A##B
#define MEMLINT_CONCAT(A, B) MEMLINT_CONCAT2(A, B)
extern "C" std::optional<bool>
    MEMLINT_CONCAT(__real_, MEMLINT_IS_FAST_TIDY_CHECK)(llvm::StringRef Check);
extern "C" std::optional<bool>
MEMLINT_CONCAT(__wrap_, MEMLINT_IS_FAST_TIDY_CHECK)(llvm::StringRef Check) {
  if (Check.starts_with("memlint-"))
    return true;
  return MEMLINT_CONCAT(__real_, MEMLINT_IS_FAST_TIDY_CHECK)(Check);
}

int main(int Argc, const char **Argv) {
  memlint::anchorMemlintModule();
  memlint::printVersionAtExit("memlint-clangd", Argc, Argv);
  std::vector<std::string> Storage;
  std::vector<const char *> Args = memlint::withResourceDir(
      Argc, Argv, memlint::ResourceDirFlag::Option, Storage);
  Args.push_back(nullptr);
  return clang::clangd::clangdMain(static_cast<int>(Args.size() - 1),
                                   const_cast<char **>(Args.data()));
}
