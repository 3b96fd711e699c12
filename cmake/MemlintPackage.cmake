# `cpack -G DEB` in a build directory makes memlint's Debian package: the
# driver, memlint-tidy, memlint-clangd, the plugin, the runtime headers, the
# allocation counter, the CMake and pkg-config files and the docs, installed
# under /usr. The shared-library dependencies (libLLVM, libclang-cpp, gRPC for
# memlint-clangd, ...) are computed by dpkg-shlibdeps from the binaries; the
# clang builtin headers memlint-tidy parses with are a declared dependency.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME memlint)
set(CPACK_PACKAGE_VENDOR memlint)
set(CPACK_PACKAGE_CONTACT "memlint maintainers <maintainers@memlint.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "C++ allocation and memory-layout linter (clang-tidy module) with fixes")
set(CPACK_PACKAGE_DESCRIPTION
  "memlint finds allocation and memory-layout anti-patterns in C++ and fixes
them: a clang-tidy plugin, memlint-tidy, memlint-clangd for editors, the
memlint CI driver (SARIF, baselines, changed lines) and the header-only
runtime its fixes rewrite code onto. Built against LLVM ${LLVM_VERSION_MAJOR}.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# The LLVM major is part of the version: a package built against LLVM 22
# replaces one built against 19 (the plugin only loads into its own major).
set(CPACK_DEBIAN_PACKAGE_RELEASE "1+llvm${LLVM_VERSION_MAJOR}")
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libclang-common-${LLVM_VERSION_MAJOR}-dev")
find_program(MEMLINT_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(MEMLINT_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  # Without dpkg-dev: the libraries the binaries link, by Debian's names
  # (without versions; memlint-clangd's gRPC and protobuf are not listed).
  string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS
    ", libllvm${LLVM_VERSION_MAJOR}, libclang-cpp${LLVM_VERSION_MAJOR}"
    ", libstdc++6, libgcc-s1, libc6")
  message(STATUS "memlint: dpkg-shlibdeps not found; the package's Depends "
                 "are the LLVM ${LLVM_VERSION_MAJOR} libraries by name")
endif()
# The plugin is loaded by Debian's clang-tidy of the same major.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "clang-tidy-${LLVM_VERSION_MAJOR}")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${MEMLINT_HOMEPAGE}")
# Only what `cmake --install` installs; the build's own tests stay out.
set(CPACK_STRIP_FILES ON)
include(CPack)
