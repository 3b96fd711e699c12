//===--- PluginShim.cpp - libmemlint.so, the clang-tidy --load entry ------===//
//
// clang-tidy loads plugins with dlopen and, when that fails, prints a warning
// and goes on (exit status 0, no memlint checks). A module built for another
// LLVM either fails on an undefined symbol or, worse, loads and registers
// into a registry the host never reads. So the file users load is this shim:
// it links nothing from LLVM, asks the host for its LLVM major, and only when
// it matches loads the real module (lib memlint-llvmN.so, next to this file).
// Otherwise it stops the process with one clear line.
//
//===----------------------------------------------------------------------===//

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <link.h>
#include <string>
#include <unistd.h>

namespace {

// LLVM's C API has had LLVMGetVersion since LLVM 16; the host's libLLVM is
// in the global scope before anything a plugin brings.
int versionFromCApi() {
  using GetVersionFn = void (*)(unsigned *, unsigned *, unsigned *);
  auto *Fn =
      reinterpret_cast<GetVersionFn>(dlsym(RTLD_DEFAULT, "LLVMGetVersion"));
  if (!Fn)
    return 0;
  unsigned Major = 0, Minor = 0, Patch = 0;
  Fn(&Major, &Minor, &Patch);
  return static_cast<int>(Major);
}

// Older hosts: read the major from the loaded libLLVM's file name
// (libLLVM.so.19.1, libLLVM-14.so.1, libLLVM-14.so).
int versionFromLoadedLibraries() {
  int Found = 0;
  dl_iterate_phdr(
      [](dl_phdr_info *Info, size_t, void *Data) -> int {
        const char *Name =
            Info->dlpi_name ? std::strrchr(Info->dlpi_name, '/') : nullptr;
        Name = Name ? Name + 1 : Info->dlpi_name;
        if (!Name || std::strncmp(Name, "libLLVM", 7) != 0)
          return 0;
        const char *P = Name + 7;
        if (std::strncmp(P, ".so.", 4) == 0)
          P += 4;
        else if (*P == '-')
          P += 1;
        else
          return 0;
        *static_cast<int *>(Data) = std::atoi(P);
        return 1;
      },
      &Found);
  return Found;
}

std::string directoryOfThisLibrary() {
  Dl_info Info;
  if (!dladdr(reinterpret_cast<void *>(&directoryOfThisLibrary), &Info) ||
      !Info.dli_fname)
    return ".";
  std::string Path = Info.dli_fname;
  std::string::size_type Slash = Path.rfind('/');
  return Slash == std::string::npos ? "." : Path.substr(0, Slash);
}

[[noreturn]] void fail(const std::string &Message) {
  std::string Line = "memlint: error: " + Message + "\n";
  // Plain write + _exit: we are inside the dynamic loader, where exit()'s
  // handlers could deadlock.
  ssize_t Ignored = write(STDERR_FILENO, Line.data(), Line.size());
  (void)Ignored;
  _exit(1);
}

__attribute__((constructor)) void loadMemlintModule() {
  int Host = versionFromCApi();
  if (!Host)
    Host = versionFromLoadedLibraries();
  const std::string Built = std::to_string(MEMLINT_LLVM_MAJOR);
  if (Host && Host != MEMLINT_LLVM_MAJOR)
    fail("libmemlint.so was built for LLVM " + Built +
         " but this clang-tidy is LLVM " + std::to_string(Host) +
         "; use clang-tidy-" + Built +
         ", memlint-tidy, or a memlint built "
         "with -DMEMLINT_LLVM_VERSION=" +
         std::to_string(Host));
  // The registry must exist in the host, or the module would register into
  // nothing and report nothing.
  if (!dlsym(RTLD_DEFAULT,
             "_ZN4llvm8RegistryIN5clang4tidy15ClangTidyModuleEE4HeadE"))
    fail("libmemlint.so must be loaded by clang-tidy " + Built +
         " (clang-tidy --load); this program has no clang-tidy module "
         "registry");
  std::string Module = directoryOfThisLibrary() + "/" MEMLINT_IMPL_FILE;
  if (!dlopen(Module.c_str(), RTLD_NOW | RTLD_GLOBAL)) {
    const char *Why = dlerror();
    fail("cannot load " + Module + ": " + (Why ? Why : "unknown error"));
  }
}

} // namespace
