#!/usr/bin/env python3
"""Writes a small C++ project with a compile database for the driver tests.

gen_project.py DIR [--tus N] [--broken] [--missing] [--db-in-root]

- include/shared.h: an inline function every TU includes, with one
  performance-for-range-copy finding (line 6) and its fixit.
- src/tuK.cpp: one finding each (line 5); tu0 also has a clean function.
- build/compile_commands.json (or DIR/compile_commands.json with --db-in-root).
- --broken: src/broken.cpp, which does not compile.
- --missing: a database entry for src/missing.cpp, which does not exist.
"""
import argparse
import json
import os

SHARED = """#pragma once
#include <string>
#include <vector>
inline unsigned sharedTotal(const std::vector<std::string> &Names) {
  unsigned N = 0;
  for (auto Name : Names) N += Name.size();
  return N;
}
"""

TU = """#include "shared.h"
#include <string>
#include <vector>
unsigned tu{k}(const std::vector<std::string> &Items) {{
  unsigned N = 0; for (auto Item : Items) N += Item.size();
  return N + sharedTotal(Items);
}}
"""

CLEAN = """
unsigned clean{k}(const std::vector<std::string> &Items) {{
  unsigned N = 0; for (const auto &Item : Items) N += Item.size();
  return N;
}}
"""

def main():
    p = argparse.ArgumentParser()
    p.add_argument("dir")
    p.add_argument("--tus", type=int, default=3)
    p.add_argument("--broken", action="store_true")
    p.add_argument("--missing", action="store_true")
    p.add_argument("--db-in-root", action="store_true")
    a = p.parse_args()
    root = os.path.abspath(a.dir)
    os.makedirs(os.path.join(root, "include"), exist_ok=True)
    os.makedirs(os.path.join(root, "src"), exist_ok=True)
    with open(os.path.join(root, "include", "shared.h"), "w") as f:
        f.write(SHARED)
    files = []
    for k in range(a.tus):
        name = "src/tu%d.cpp" % k
        with open(os.path.join(root, name), "w") as f:
            f.write(TU.format(k=k) + (CLEAN.format(k=k) if k == 0 else ""))
        files.append(name)
    if a.broken:
        with open(os.path.join(root, "src", "broken.cpp"), "w") as f:
            f.write("int broken() { return undeclared_name; }\n")
        files.append("src/broken.cpp")
    if a.missing:
        files.append("src/missing.cpp")
    db = [{"directory": root, "file": name,
           "arguments": ["c++", "-std=c++17", "-I", os.path.join(root, "include"),
                         "-c", name]} for name in files]
    dbdir = root if a.db_in_root else os.path.join(root, "build")
    os.makedirs(dbdir, exist_ok=True)
    with open(os.path.join(dbdir, "compile_commands.json"), "w") as f:
        json.dump(db, f, indent=1)

if __name__ == "__main__":
    main()
