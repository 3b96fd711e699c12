#!/usr/bin/env python3
"""Runs one memlint check on one test file and verifies, with FileCheck, the
diagnostics and the fixed code the file states in its comments.

Written for memlint in the spirit of clang-tidy's check_clang_tidy.py (which
Debian does not ship), with what memlint's conventions add:

  * the fixed file must compile (clang++ -fsyntax-only, with MEMLINT_FIXED
    defined so a test can static_assert what the fix promises), without a
    warning under -Wall -Wextra that the original does not have;
  * a file (or suffix) without CHECK-FIXES lines must be left unchanged: "no
    fixit" is asserted, not assumed;
  * -run-fixed builds and runs the original and the fixed program and
    requires the same output and exit status (behaviour is kept);
  * with --also-memlint-tidy the same run is repeated through memlint-tidy and
    both must agree on every diagnostic and every edit.

Usage (the lit substitution %check_clang_tidy supplies the harness options):

  %check_clang_tidy [-check-suffix=S | -check-suffixes=S1,S2] [-std=c++20]
                    [-run-fixed] [-expect-clang-tidy-error]
                    [-no-runtime-include]
                    INPUT CHECK TEMP [-- CLANG_TIDY_ARGS [-- COMPILER_ARGS]]

Prefixes: CHECK-MESSAGES (warnings, errors), CHECK-NOTES (warnings and
notes), CHECK-FIXES (the fixed main file), CHECK-HEADER-FIXES (the fixed
copy of the header named by -check-header=Inputs/NAME.h); each with -S when a
suffix is selected. -no-runtime-include leaves memlint's runtime headers off
the include path (as in a project that does not use them). A sibling Inputs/ directory is copied next to the
temporary file (and put on the include path), so header fixes never touch
the source tree.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys


def fail(message):
    sys.stderr.write("check_clang_tidy: error: " + message + "\n")
    sys.exit(1)


def run(args, **kwargs):
    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, **kwargs)


def filecheck(filecheck_bin, check_file, input_text, prefixes, extra=()):
    proc = subprocess.run(
        [filecheck_bin, check_file, "-check-prefixes=" + ",".join(prefixes),
         "-strict-whitespace", "-dump-input=fail"] + list(extra),
        input=input_text, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        universal_newlines=True)
    return proc.returncode, proc.stdout


WARNING_RE = re.compile(r"^.*?:\d+:\d+: warning: (.*)$")


def warning_set(output):
    """The compiler's warnings as (message, [-Wflag]) texts: without file and
    line, which a fix may shift."""
    return {m.group(1) for m in map(WARNING_RE.match, output.splitlines()) if m}


DIAG_RE = re.compile(r"^(.*?):(\d+):(\d+): (warning|error|note): ")


def diagnostics(output, keep_notes):
    """The diagnostic lines of clang-tidy's output (with the source snippets
    that follow them dropped), warnings and errors, plus notes if asked."""
    lines = []
    for line in output.splitlines():
        m = DIAG_RE.match(line)
        if not m:
            continue
        if m.group(4) == "note" and not keep_notes:
            continue
        # Bookkeeping of the -fix run, not something the check said.
        if line.endswith("note: FIX-IT applied suggested code changes"):
            continue
        lines.append(line)
    return "\n".join(lines) + "\n"


class Run:
    """One clang-tidy invocation on a fresh copy of the test."""

    def __init__(self, tool, temp_dir, source_name, cleaned, inputs_dir):
        self.tool = tool
        self.temp_dir = temp_dir
        self.path = os.path.join(temp_dir, source_name)
        self.cleaned = cleaned
        self.inputs_dir = inputs_dir

    def prepare(self):
        if os.path.isdir(self.temp_dir):
            shutil.rmtree(self.temp_dir)
        os.makedirs(self.temp_dir)
        if self.inputs_dir:
            shutil.copytree(self.inputs_dir, os.path.join(self.temp_dir, "Inputs"))
        with open(self.path, "w") as f:
            f.write(self.cleaned)

    def execute(self, tidy_args, compiler_args):
        self.prepare()
        args = self.tool + [self.path, "-fix", "--quiet"] + tidy_args + ["--"] + compiler_args
        proc = run(args, cwd=self.temp_dir)
        with open(self.path) as f:
            fixed = f.read()
        headers = {}
        inputs = os.path.join(self.temp_dir, "Inputs")
        for root, _, files in os.walk(inputs):
            for name in files:
                full = os.path.join(root, name)
                with open(full, errors="replace") as f:
                    headers[os.path.relpath(full, self.temp_dir)] = f.read()
        return proc, fixed, headers


def main():
    parser = argparse.ArgumentParser(add_help=True)
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--load", default=None)
    parser.add_argument("--also-memlint-tidy", default=None)
    parser.add_argument("--clangxx", required=True)
    parser.add_argument("--filecheck", required=True)
    parser.add_argument("--runtime-include", required=True)
    parser.add_argument("-check-suffix", "-check-suffixes", default="")
    parser.add_argument("-std", default="c++17")
    parser.add_argument("-run-fixed", action="store_true")
    parser.add_argument("-expect-clang-tidy-error", action="store_true")
    parser.add_argument("-check-header", action="append", default=[])
    parser.add_argument("-no-runtime-include", action="store_true")
    parser.add_argument("input")
    parser.add_argument("check")
    parser.add_argument("temp")
    argv = sys.argv[1:]
    rest = []
    if "--" in argv:
        i = argv.index("--")
        argv, rest = argv[:i], argv[i + 1:]
    opts = parser.parse_args(argv)
    if "--" in rest:
        i = rest.index("--")
        tidy_args, compiler_args = rest[:i], rest[i + 1:]
    else:
        tidy_args, compiler_args = rest, []

    with open(opts.input) as f:
        original = f.read()

    suffixes = [s for s in opts.check_suffix.split(",") if s] or [""]

    def prefix(base, s):
        return base + ("-" + s if s else "")

    def has_prefix(p):
        return re.search(r"\b" + re.escape(p) + r"(-NOT|-NEXT|-SAME|-DAG|-EMPTY)?:", original) is not None

    msg_prefixes = [prefix("CHECK-MESSAGES", s) for s in suffixes if has_prefix(prefix("CHECK-MESSAGES", s))]
    note_prefixes = [prefix("CHECK-NOTES", s) for s in suffixes if has_prefix(prefix("CHECK-NOTES", s))]
    fix_prefixes = [prefix("CHECK-FIXES", s) for s in suffixes if has_prefix(prefix("CHECK-FIXES", s))]
    header_fix_prefixes = [prefix("CHECK-HEADER-FIXES", s) for s in suffixes
                           if has_prefix(prefix("CHECK-HEADER-FIXES", s))]
    if msg_prefixes and note_prefixes:
        fail("use either CHECK-MESSAGES or CHECK-NOTES for one suffix, not both")

    # Blank out the check lines (keeping line numbers) so FileCheck's own
    # patterns cannot match themselves in the fixed file.
    cleaned = re.sub(r"//\s*CHECK-[A-Z0-9-]*:[^\r\n]*", "//", original)

    if not any(a.startswith(("-config", "--config")) for a in tidy_args):
        tidy_args = ["--config={}"] + tidy_args
    tidy_args = ["--checks=-*," + opts.check] + tidy_args
    src_dir = os.path.dirname(os.path.abspath(opts.input))
    inputs_dir = os.path.join(src_dir, "Inputs")
    if not os.path.isdir(inputs_dir):
        inputs_dir = None
    ext = os.path.splitext(opts.input)[1] or ".cpp"
    temp_dir = opts.temp + ".dir"
    def compile_args_in(directory):
        args = ["-std=" + opts.std]
        if not opts.no_runtime_include:
            args += ["-I", opts.runtime_include]
        if inputs_dir:
            args += ["-I", os.path.join(directory, "Inputs")]
        return args + compiler_args
    compile_args = compile_args_in(temp_dir)

    plugin_tool = [opts.clang_tidy] + (["--load", opts.load] if opts.load else [])
    source_name = os.path.basename(opts.input).replace(ext, "") + ext
    plugin_run = Run(plugin_tool, temp_dir, source_name, cleaned, inputs_dir)

    results = {}
    tools = [("plugin", plugin_run)]
    if opts.also_memlint_tidy:
        tools.append(("memlint-tidy", Run([opts.also_memlint_tidy], temp_dir, source_name,
                                          cleaned, inputs_dir)))
    for name, r in tools:
        proc, fixed, headers = r.execute(tidy_args, compile_args)
        output = proc.stdout
        if not opts.expect_clang_tidy_error and re.search(r"^.*: error: ", output, re.M):
            fail("%s reported errors:\n%s" % (name, output))
        if "memlint: error:" in output or proc.returncode < 0:
            fail("%s failed (exit %d):\n%s" % (name, proc.returncode, output))
        results[name] = (output, fixed, headers)

    output, fixed, headers = results["plugin"]
    if "memlint-tidy" in results:
        t_output, t_fixed, t_headers = results["memlint-tidy"]
        for keep_notes in (False, True):
            if diagnostics(output, keep_notes) != diagnostics(t_output, keep_notes):
                fail("the plugin and memlint-tidy disagree on diagnostics:\n--- plugin\n%s--- memlint-tidy\n%s"
                     % (diagnostics(output, True), diagnostics(t_output, True)))
        if fixed != t_fixed or headers != t_headers:
            fail("the plugin and memlint-tidy disagree on the fixed code")

    # The harness always sees the fixed file as the test left it; restore it
    # for the compile and run steps below.
    fixed_path = os.path.join(temp_dir, source_name)
    with open(fixed_path, "w") as f:
        f.write(fixed)
    for rel, text in headers.items():
        with open(os.path.join(temp_dir, rel), "w") as f:
            f.write(text)

    # Diagnostics.
    diag_text = diagnostics(output, keep_notes=bool(note_prefixes))
    check_prefixes = msg_prefixes or note_prefixes
    if check_prefixes:
        rc, out = filecheck(opts.filecheck, opts.input, diag_text, check_prefixes,
                            ["-implicit-check-not={{warning|error}}:"])
        if rc:
            fail("diagnostics do not match:\n%s\nclang-tidy output:\n%s" % (out, output))
    elif diagnostics(output, False).strip():
        fail("no CHECK-MESSAGES or CHECK-NOTES lines, yet clang-tidy warned:\n" + output)

    # Fixes.
    if fix_prefixes:
        rc, out = filecheck(opts.filecheck, opts.input, fixed, fix_prefixes)
        if rc:
            fail("fixed code does not match:\n%s\nfixed file:\n%s" % (out, fixed))
    elif fixed != cleaned:
        fail("no CHECK-FIXES lines, yet the file was changed:\n" + fixed)
    for header in opts.check_header:
        text = headers.get(header)
        if text is None:
            fail("no header %s under Inputs/" % header)
        if header_fix_prefixes:
            rc, out = filecheck(opts.filecheck, opts.input, text, header_fix_prefixes)
            if rc:
                fail("fixed header %s does not match:\n%s\n%s" % (header, out, text))
        elif inputs_dir and text != open(os.path.join(src_dir, header)).read():
            fail("no CHECK-HEADER-FIXES lines, yet %s was changed:\n%s" % (header, text))

    if opts.expect_clang_tidy_error:
        return

    # The fixed file must compile, and without a warning the original (with
    # its headers as they were) does not have.
    warn_flags = ["-Wall", "-Wextra", "-fdiagnostics-show-option", "-fno-color-diagnostics"]
    compile_cmd = [opts.clangxx, "-fsyntax-only", "-DMEMLINT_FIXED"] + compile_args + warn_flags + [fixed_path]
    proc = run(compile_cmd, cwd=temp_dir)
    if proc.returncode:
        fail("the fixed file does not compile:\n%s\n%s" % (" ".join(compile_cmd), proc.stdout))
    fixed_warnings = warning_set(proc.stdout)
    if fixed_warnings:
        orig_dir = opts.temp + ".orig.dir"
        Run(None, orig_dir, source_name, cleaned, inputs_dir).prepare()
        orig_cmd = ([opts.clangxx, "-fsyntax-only"] + compile_args_in(orig_dir) + warn_flags
                    + [os.path.join(orig_dir, source_name)])
        orig = run(orig_cmd, cwd=orig_dir)
        new = sorted(fixed_warnings - warning_set(orig.stdout))
        if new:
            fail("the fix brings warnings the original does not have:\n%s\n%s"
                 % ("\n".join(new), proc.stdout))

    # And, when asked, behave as the original.
    if opts.run_fixed:
        outputs = []
        orig_path = os.path.join(temp_dir, "original" + ext)
        with open(orig_path, "w") as f:
            f.write(cleaned)
        for label, src, defs in (("original", orig_path, []), ("fixed", fixed_path, ["-DMEMLINT_FIXED"])):
            exe = os.path.join(temp_dir, label + ".out")
            proc = run([opts.clangxx, "-O1", "-fsanitize=address,undefined", "-fno-sanitize-recover=all",
                        "-o", exe] + defs + compile_args + [src], cwd=temp_dir)
            if proc.returncode:
                fail("cannot build the %s program:\n%s" % (label, proc.stdout))
            res = subprocess.run([exe], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 universal_newlines=True, cwd=temp_dir, timeout=60)
            outputs.append((res.returncode, res.stdout))
        if outputs[0] != outputs[1]:
            fail("the fixed program behaves differently:\noriginal: %r\nfixed:    %r" % tuple(outputs))


if __name__ == "__main__":
    main()
