#!/usr/bin/env python3
"""Writes fixes YAML for value_loop.cpp (test/driver/fix-value.test): three
memlint-allocation-in-loop hoists of one loop, as a stand-in memlint-tidy
reports them. The first by position ('empty') saves nothing and its edit
spans the loop; 'fields' and 'line' each reuse a real buffer (their note
says "removes 1 allocation per iteration") and their edits do not overlap
each other. Usage: conflict_value_yaml.py OUT BUILD_DIR SOURCE"""
import sys

out, build, source = sys.argv[1:]
text = open(source).read()


def at(s):
    i = text.index(s)
    return i


def diag(name, off, edits, note):
    reps = "".join(
        "        - FilePath: '@FILE@'\n"
        f"          Offset: {o}\n          Length: {n}\n"
        f"          ReplacementText: \"{t}\"\n" for o, n, t in edits)
    notes = ("    Notes:\n      - Message: '%s'\n        FilePath: '@FILE@'\n"
             "        FileOffset: %d\n" % (note, off)) if note else ""
    return ("  - DiagnosticName: memlint-allocation-in-loop\n"
            "    DiagnosticMessage:\n"
            f"      Message: \"'{name}' is allocated on every iteration\"\n"
            "      FilePath: '@FILE@'\n"
            f"      FileOffset: {off}\n      Replacements:\n{reps}{notes}"
            "    Level: Warning\n"
            f"    BuildDirectory: '{build}'\n")


loop = at("  for ")
body_end = at("  }\n") + 4
empty = at("std::string empty;")
fields = at("std::vector<int> fields;")
line = at("std::string line;")
useful = "reuse removes 1 allocation per iteration"
with open(out, "w") as f:
    f.write("---\nMainSourceFile: '@FILE@'\nDiagnostics:\n")
    # Rewrites the whole loop (declaration hoisted, body rewritten).
    f.write(diag("empty", empty + 12, [(loop, body_end - loop,
            "  std::string empty;\\n  for (int I = 0; I < N; ++I) {\\n"
            "    empty.clear();\\n    std::vector<int> fields;\\n"
            "    fields.push_back(I);\\n    std::string line;\\n"
            "    line.append(100, 'x');\\n    use(fields, line, empty);\\n  }\\n")],
            None))
    f.write(diag("fields", fields + 17, [
        (loop, 0, "  std::vector<int> fields;\\n"),
        (fields, len("std::vector<int> fields;"), "fields.clear();")], useful))
    f.write(diag("line", line + 12, [
        (loop - 1, 0, "\\n  std::string line;"),
        (line, len("std::string line;"), "line.clear();")], useful))
    f.write("...\n")
