#!/usr/bin/env python3
"""Writes a project where a header record is reported by two TUs that
disagree on its fix: only tu1.cpp defines Rec's constructor, so only it can
reorder the member initializers with the fields (memlint-padding-waste
offers a fixit there and "no fixit" in tu0.cpp). Also plain.cpp, with a fix
every TU agrees on. Writes DIR/db-a and DIR/db-b: the same compile database
in two orders. Usage: gen_disagree.py DIR"""
import json
import os
import sys

root = sys.argv[1]
files = {
    "include/rec.h": "#pragma once\nstruct Rec {\n  char A;\n  double B;\n"
                     "  char C;\n  double D;\n  Rec();\n};\n",
    "src/tu0.cpp": '#include "rec.h"\nint size0() { return sizeof(Rec); }\n',
    "src/tu1.cpp": '#include "rec.h"\nstatic int g() { return 3; }\n'
                   "Rec::Rec() : A('a'), B(g()), C('c'), D(B * 2) {}\n",
    "src/plain.cpp": "struct P {\n  char A;\n  double B;\n  char C;\n};\n"
                     "int sizeP() { return sizeof(P); }\n",
}
for rel, text in files.items():
    os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
    with open(os.path.join(root, rel), "w") as f:
        f.write(text)
tus = ["src/tu0.cpp", "src/tu1.cpp", "src/plain.cpp"]
for name, order in (("db-a", tus), ("db-b", list(reversed(tus)))):
    os.makedirs(os.path.join(root, name), exist_ok=True)
    db = [{"directory": root, "file": t,
           "arguments": ["c++", "-std=c++17", "-Iinclude", "-c", t]}
          for t in order]
    with open(os.path.join(root, name, "compile_commands.json"), "w") as f:
        json.dump(db, f, indent=1)
