#!/usr/bin/env python3
"""Writes fixes YAML with two findings whose edits replace the same bytes
('1' in `int x = 1;`) differently. Usage: conflict_yaml.py OUT BUILD_DIR"""
import sys

out, build = sys.argv[1], sys.argv[2]
diag = """  - DiagnosticName: memlint-fake
    DiagnosticMessage:
      Message: '{msg}'
      FilePath: '@FILE@'
      FileOffset: 8
      Replacements:
        - FilePath: '@FILE@'
          Offset: 8
          Length: 1
          ReplacementText: '{text}'
    Level: Warning
    BuildDirectory: '{build}'
"""
with open(out, "w") as f:
    f.write("---\nMainSourceFile: '@FILE@'\nDiagnostics:\n")
    f.write(diag.format(msg="make it two", text="2", build=build))
    f.write(diag.format(msg="make it three", text="3", build=build))
    f.write("...\n")
