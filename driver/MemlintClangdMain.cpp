//===--- MemlintClangdMain.cpp - clangd with memlint linked in ------------===//
//
// Stock clangd cannot load clang-tidy plugins, so editors get memlint's
// diagnostics and quick-fixes from this build: stock clangd, every stock
// clang-tidy module, plus the memlint module.
//
//===----------------------------------------------------------------------===//

#include "ToolSupport.h"

namespace clang::clangd {
// Declared here because Debian ships libclangdMain.a without its header.
int clangdMain(int Argc, char *Argv[]);
} // namespace clang::clangd

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
