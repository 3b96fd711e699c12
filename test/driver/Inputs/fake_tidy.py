#!/usr/bin/env python3
"""Stands in for memlint-tidy (through MEMLINT_TIDY) where the real one
cannot produce the situation under test: it crashes on files named
crash*.cpp and, for other files, exports the fixes YAML in $FAKE_TIDY_YAML
with @FILE@ replaced by the analyzed file's path. --list-checks lists
memlint-fake; --verify-config succeeds. With FAKE_TIDY_WHEN=TEXT=YAML, a
file that contains TEXT gets the YAML file YAML instead."""
import os
import signal
import sys

args = sys.argv[1:]
if "--list-checks" in args:
    print("Enabled checks:\n    memlint-fake\n")
    sys.exit(0)
if "--verify-config" in args:
    print("No config errors detected.")
    sys.exit(0)
export = next(a.split("=", 1)[1] for a in args if a.startswith("--export-fixes="))
source = args[-1]
if os.path.basename(source).startswith("crash"):
    os.kill(os.getpid(), signal.SIGSEGV)
yaml = os.environ["FAKE_TIDY_YAML"]
if "FAKE_TIDY_WHEN" in os.environ:
    text, other = os.environ["FAKE_TIDY_WHEN"].split("=", 1)
    with open(source) as f:
        if text in f.read():
            yaml = other
with open(yaml) as f:
    text = f.read().replace("@FILE@", source)
with open(export, "w") as f:
    f.write(text)
