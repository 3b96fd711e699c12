#!/usr/bin/env python3
"""Writes the fixes YAML of a fix that breaks the build (`int x = 1;` becomes
`int x = oops;`) and the YAML of the compile error the broken file then gets.
Usage: break_yaml.py FIX_OUT ERROR_OUT BUILD_DIR"""
import sys

fix_out, error_out, build = sys.argv[1:4]
head = "---\nMainSourceFile: '@FILE@'\nDiagnostics:\n"
with open(fix_out, "w") as f:
    f.write(head + """  - DiagnosticName: memlint-fake
    DiagnosticMessage:
      Message: 'make it oops'
      FilePath: '@FILE@'
      FileOffset: 8
      Replacements:
        - FilePath: '@FILE@'
          Offset: 8
          Length: 1
          ReplacementText: 'oops'
    Level: Warning
    BuildDirectory: '%s'
...
""" % build)
with open(error_out, "w") as f:
    f.write(head + """  - DiagnosticName: clang-diagnostic-error
    DiagnosticMessage:
      Message: "use of undeclared identifier 'oops'"
      FilePath: '@FILE@'
      FileOffset: 8
      Replacements: []
    Level: Error
    BuildDirectory: '%s'
...
""" % build)
