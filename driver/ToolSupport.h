//===--- ToolSupport.h - shared startup for memlint's binaries -*- C++ -*-===//
//
// memlint-tidy and memlint-clangd are stock clang-tidy / clangd mains with the
// memlint module linked in. This is the little they add around those mains.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_DRIVER_TOOLSUPPORT_H
#define MEMLINT_DRIVER_TOOLSUPPORT_H

#include <string>
#include <vector>

namespace memlint {

/// How a tool spells the option that selects Clang's builtin headers.
enum class ResourceDirFlag {
  /// clang-tidy: prepend `-resource-dir=` to every compile command.
  ExtraArgBefore,
  /// clangd: its own `--resource-dir=` option.
  Option,
};

/// Returns argv with the resource directory of the LLVM memlint was built
/// against added, unless the user already chose one. Without it the tools
/// would look for builtin headers next to their own binary and fail to find
/// <stddef.h> and friends wherever they are installed. The strings live in
/// \p Storage.
std::vector<const char *> withResourceDir(int Argc, const char **Argv,
                                          ResourceDirFlag Flag,
                                          std::vector<std::string> &Storage);

/// Adds memlint's line to `--version` through LLVM's extra version printers.
void addVersionPrinter(const char *ToolName);

/// clangd replaces LLVM's version printer (which drops the extra printers),
/// so when `--version` is asked for, memlint's line is printed at exit, after
/// clangd's own lines.
void printVersionAtExit(const char *ToolName, int Argc, const char **Argv);

/// Keeps the module registration alive in statically linked binaries.
void anchorMemlintModule();

} // namespace memlint

#endif
