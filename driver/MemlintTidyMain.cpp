//===--- MemlintTidyMain.cpp - clang-tidy with memlint linked in ----------===//
//
// For users whose clang-tidy cannot load plugins: stock clang-tidy (every
// stock module) plus the memlint module, with the same checks and options as
// `clang-tidy --load libmemlint.so`.
//
//===----------------------------------------------------------------------===//

#include "ToolSupport.h"
#include "clang-tidy/tool/ClangTidyMain.h"

int main(int Argc, const char **Argv) {
  memlint::anchorMemlintModule();
  memlint::addVersionPrinter("memlint-tidy");
  std::vector<std::string> Storage;
  std::vector<const char *> Args = memlint::withResourceDir(
      Argc, Argv, memlint::ResourceDirFlag::ExtraArgBefore, Storage);
  return clang::tidy::clangTidyMain(static_cast<int>(Args.size()), Args.data());
}
