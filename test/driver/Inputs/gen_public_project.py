#!/usr/bin/env python3
"""Writes a small library with a compile database and the cmake_install.cmake
scripts CMake would generate for it, for the public-headers driver test.

gen_public_project.py DIR [--no-install]

- include/mylib/api.h: an enum in a public header, installed by
  build/cmake_install.cmake (`install(FILES ...)`).
- extra/mylib/more.h: another, installed as a directory by
  build/sub/cmake_install.cmake, which the top-level script includes.
- src/internal.h: an enum in a header that is not installed.
- src/lib.cpp: includes all three; build/compile_commands.json.
Each enum shrinks a record from 8 to 2 bytes (memlint-oversized-enum).
--no-install: no cmake_install.cmake (not a CMake build tree).
"""
import argparse
import json
import os

HEADER = """#pragma once
enum class {name} : int {{ A, B }};
struct {name}Holder {{ {name} V; char C; }};
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("dir")
    p.add_argument("--no-install", action="store_true")
    a = p.parse_args()
    root = os.path.abspath(a.dir)
    write(os.path.join(root, "include", "mylib", "api.h"), HEADER.format(name="Level"))
    write(os.path.join(root, "extra", "mylib", "more.h"), HEADER.format(name="Mode"))
    write(os.path.join(root, "src", "internal.h"), HEADER.format(name="Phase"))
    write(os.path.join(root, "src", "lib.cpp"),
          '#include "mylib/api.h"\n#include "mylib/more.h"\n#include "internal.h"\n'
          "int size() { return sizeof(LevelHolder) + sizeof(ModeHolder) + sizeof(PhaseHolder); }\n")
    build = os.path.join(root, "build")
    db = [{"directory": root, "file": "src/lib.cpp",
           "arguments": ["c++", "-std=c++17", "-I", os.path.join(root, "include"),
                         "-I", os.path.join(root, "extra"), "-c", "src/lib.cpp"]}]
    write(os.path.join(build, "compile_commands.json"), json.dumps(db, indent=1))
    if a.no_install:
        return
    # As CMake 3.25 writes them (trimmed): install(FILES) of one header and
    # of a library, and an install(DIRECTORY) in a subdirectory.
    write(os.path.join(build, "cmake_install.cmake"), """\
# Install script for directory: {root}
if(CMAKE_INSTALL_COMPONENT STREQUAL "Unspecified" OR NOT CMAKE_INSTALL_COMPONENT)
  file(INSTALL DESTINATION "${{CMAKE_INSTALL_PREFIX}}/lib" TYPE SHARED_LIBRARY FILES "{build}/libmylib.so")
endif()
if(CMAKE_INSTALL_COMPONENT STREQUAL "Unspecified" OR NOT CMAKE_INSTALL_COMPONENT)
  file(INSTALL DESTINATION "${{CMAKE_INSTALL_PREFIX}}/include/mylib" TYPE FILE FILES
    "{root}/include/mylib/api.h"
    )
endif()
if(NOT CMAKE_INSTALL_LOCAL_ONLY)
  # Include the install script for the subdirectory.
  include("{build}/sub/cmake_install.cmake")
endif()
""".format(root=root, build=build))
    write(os.path.join(build, "sub", "cmake_install.cmake"), """\
if(CMAKE_INSTALL_COMPONENT STREQUAL "Unspecified" OR NOT CMAKE_INSTALL_COMPONENT)
  file(INSTALL DESTINATION "${{CMAKE_INSTALL_PREFIX}}/include" TYPE DIRECTORY FILES "{root}/extra/mylib" FILES_MATCHING REGEX "/[^/]*\\.h$")
endif()
""".format(root=root))


if __name__ == "__main__":
    main()
