# Compile settings shared by every target that includes Clang/LLVM headers.
# LLVM is built without RTTI and with its own definitions; code that is loaded
# into clang-tidy must match it.
function(memlint_llvm_target target)
  target_include_directories(${target} SYSTEM PRIVATE
    ${LLVM_INCLUDE_DIRS} ${CLANG_INCLUDE_DIRS})
  separate_arguments(_defs NATIVE_COMMAND "${LLVM_DEFINITIONS}")
  target_compile_definitions(${target} PRIVATE ${_defs})
  target_compile_options(${target} PRIVATE -fno-rtti)
  set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  memlint_sanitize_target(${target})
endfunction()

# MEMLINT_SANITIZE=address,undefined instruments memlint's own code (the
# checks, fixits and tools; LLVM's libraries stay uninstrumented). UB aborts
# instead of printing and going on, so a test sees it; vptr needs RTTI, which
# LLVM code is built without. -O1 (after the build type's -O3) is what the
# sanitizers are meant for and compiles faster; -g1 gives
# reports file:line. Executables link the sanitizer runtimes; a module (the
# plugin) needs them preloaded into the host clang-tidy.
set(MEMLINT_SANITIZE "" CACHE STRING
  "Sanitizers for memlint's own code, e.g. address,undefined (empty: none)")
function(memlint_sanitize_target target)
  if(NOT MEMLINT_SANITIZE)
    return()
  endif()
  set(_opts -fsanitize=${MEMLINT_SANITIZE} -fno-omit-frame-pointer -O1 -g1)
  if(MEMLINT_SANITIZE MATCHES "undefined")
    list(APPEND _opts -fno-sanitize-recover=undefined -fno-sanitize=vptr)
  endif()
  target_compile_options(${target} PRIVATE ${_opts})
  get_target_property(_type ${target} TYPE)
  if(_type STREQUAL "EXECUTABLE")
    target_link_options(${target} PRIVATE -fsanitize=${MEMLINT_SANITIZE})
  endif()
endfunction()
