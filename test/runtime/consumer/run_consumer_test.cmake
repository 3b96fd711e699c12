# ctest driver: install the build tree into a fresh prefix, then configure,
# build and run the consumer project against it (find_package + pkg-config).
foreach(var BUILD_DIR WORK_DIR SOURCE_DIR GENERATOR CXX_COMPILER)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "${var} not set")
  endif()
endforeach()
file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                  ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  message(STATUS "${out}")
endfunction()

run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})
run(${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${WORK_DIR}/build -G ${GENERATOR}
    -DCMAKE_CXX_COMPILER=${CXX_COMPILER} -DCMAKE_PREFIX_PATH=${prefix}
    -DCMAKE_BUILD_TYPE=Release)
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build)
run(${WORK_DIR}/build/consumer)
run(${WORK_DIR}/build/counted_consumer)

# pkg-config, when available: the .pc file must resolve to the prefix.
find_program(PKG_CONFIG pkg-config)
if(PKG_CONFIG)
  file(GLOB_RECURSE pc_files ${prefix}/*/memlint.pc)
  list(LENGTH pc_files n)
  if(NOT n EQUAL 1)
    message(FATAL_ERROR "memlint.pc not installed (found: ${pc_files})")
  endif()
  get_filename_component(pc_dir ${pc_files} DIRECTORY)
  set(ENV{PKG_CONFIG_PATH} ${pc_dir})
  execute_process(COMMAND ${PKG_CONFIG} --cflags memlint
                  OUTPUT_VARIABLE cflags OUTPUT_STRIP_TRAILING_WHITESPACE
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "pkg-config --cflags memlint failed")
  endif()
  string(REGEX REPLACE "^-I" "" incdir "${cflags}")
  if(NOT EXISTS "${incdir}/memlint/small_vector.hpp")
    message(FATAL_ERROR "pkg-config include dir wrong: ${cflags}")
  endif()
  execute_process(COMMAND ${PKG_CONFIG} --variable=alloc_count_library memlint
                  OUTPUT_VARIABLE lib OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT EXISTS "${lib}")
    message(FATAL_ERROR "pkg-config alloc_count_library wrong: ${lib}")
  endif()
  # Compile the consumer with the pkg-config flags alone.
  separate_arguments(cflag_list UNIX_COMMAND "${cflags}")
  run(${CXX_COMPILER} -std=c++17 ${cflag_list} ${SOURCE_DIR}/main.cpp
      -o ${WORK_DIR}/pc_consumer)
  run(${WORK_DIR}/pc_consumer)
endif()
