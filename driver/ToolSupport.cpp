//===--- ToolSupport.cpp - shared startup for memlint's binaries ----------===//

#include "ToolSupport.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace clang::tidy {
extern volatile int MemlintModuleAnchorSource;
} // namespace clang::tidy

namespace memlint {

std::vector<const char *> withResourceDir(int Argc, const char **Argv,
                                          ResourceDirFlag Flag,
                                          std::vector<std::string> &Storage) {
  std::vector<const char *> Args(Argv, Argv + Argc);
  bool UserChose = false;
  for (int I = 1; I < Argc; ++I) {
    if (std::strcmp(Argv[I], "--") == 0)
      break;
    if (std::strstr(Argv[I], "resource-dir"))
      UserChose = true;
  }
  // When the LLVM memlint was built against is gone there is nothing better
  // to offer than the tool's own default.
  if (UserChose || !llvm::sys::fs::is_directory(MEMLINT_CLANG_RESOURCE_DIR))
    return Args;
  Storage.push_back(
      Flag == ResourceDirFlag::ExtraArgBefore
          ? "--extra-arg-before=-resource-dir=" MEMLINT_CLANG_RESOURCE_DIR
          : "--resource-dir=" MEMLINT_CLANG_RESOURCE_DIR);
  Args.insert(Args.begin() + 1, Storage.back().c_str());
  return Args;
}

static const char *VersionToolName = "memlint";

static void printVersionLine(llvm::raw_ostream &OS) {
  OS << VersionToolName << ": memlint version " << MEMLINT_VERSION
     << " (built against LLVM " << LLVM_VERSION_MAJOR << ")\n";
}

void addVersionPrinter(const char *ToolName) {
  VersionToolName = ToolName;
  llvm::cl::AddExtraVersionPrinter(printVersionLine);
}

void printVersionAtExit(const char *ToolName, int Argc, const char **Argv) {
  VersionToolName = ToolName;
  for (int I = 1; I < Argc; ++I) {
    if (std::strcmp(Argv[I], "--version") == 0 ||
        std::strcmp(Argv[I], "-version") == 0) {
      // Registered before clangd first touches llvm::outs(), so this runs
      // after outs() has been flushed and destroyed: print with stdio.
      std::atexit([] {
        std::string Line;
        llvm::raw_string_ostream OS(Line);
        printVersionLine(OS);
        std::fputs(OS.str().c_str(), stdout);
        std::fflush(stdout);
      });
      return;
    }
  }
}

void anchorMemlintModule() {
  int Anchor = clang::tidy::MemlintModuleAnchorSource;
  (void)Anchor;
}

} // namespace memlint
