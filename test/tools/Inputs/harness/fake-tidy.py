#!/usr/bin/env python3
# Stands in for clang-tidy in harness-warnings.test: "fixes" the file by
# replacing /*FAKE-FIX*/ with a declaration nothing uses.
import sys

path = sys.argv[1]
with open(path) as f:
    text = f.read()
with open(path, "w") as f:
    f.write(text.replace("/*FAKE-FIX*/", "int unused = 0;"))
