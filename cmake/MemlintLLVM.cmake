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
endfunction()
