#!/usr/bin/env python3
"""Generated corpus of loop and statement shapes, run through every memlint
check, to show that no loop shape crashes or hangs the analysis.

  gen_loops.py generate OUTDIR       writes one file per loop shape
  gen_loops.py run OUTDIR --clang-tidy CT --load PLUGIN --memlint-tidy MT
               --clangxx CXX --runtime-include DIR
                                     generates; for each file: compiles it,
                                     fixes one copy with the plugin and one
                                     with memlint-tidy (all memlint checks),
                                     compiles the fixed copy
  gen_loops.py run OUTDIR --memlint-tidy MT --clangxx CXX --runtime-include DIR
                                     the same with memlint-tidy alone (the
                                     sanitized build, scripts/test)

Each file holds one loop shape (for without init/condition/increment,
`for (;;)`, range-for with an init-statement or over a braced list, comma
expressions, declarations and lambdas in conditions, goto loops, do/while,
loops in templates, lambdas, coroutines and macros, structured bindings,
`[[likely]]`, strides, wrap-around, extreme bounds...) around every container
use some check looks at (push_back, string append, a local container per
iteration, unique_ptr elements, fixed-size buffers, copies). A case fails when
the original does not compile (a generator bug), when a tool exits with a
signal or prints a crash report, hangs (timeout), reports a compile error,
when the two tools fix differently, or when the fixed copy does not compile
or warns (-Wall -Wextra) where the original did not.

MEMLINT_CORPUS_TIMEOUT (seconds, default 300) bounds each tool run; a
sanitizer build is slower.
"""

import argparse
import os
import re
import shutil
import string
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

PRELUDE = r"""#include <array>
#include <climits>
#include <coroutine>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>
struct Node { int V = 0; };
struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
struct Holder { std::vector<int> Items; int Count = 3; };
int sink;
std::string gname = "a name longer than any small string buffer";
#define REPEAT(N) for (int i = 0; i < (N); ++i)
#define LOOP_BODY(S) do { S } while (false)
"""

# What the loop repeats: (name, declarations before the loop, loop body,
# result). The body must not use the loop's variables; its names start
# with u so that no shape's names clash with them.
USES = [
    ("push", "std::vector<int> uv;", "uv.push_back(1);", "uv.size()"),
    ("append", "std::string us;", "us += 'x';", "us.size()"),
    ("local-vector", "", "std::vector<int> ut; ut.push_back(2); sink += int(ut.size());", "0"),
    ("unique", "std::vector<std::unique_ptr<Node>> ups;",
     "ups.push_back(std::make_unique<Node>());", "ups.size()"),
    ("fixed-buffer", "", "std::vector<int> ub(4); ub[1] = 1; sink += ub[1];", "0"),
    ("copy", "", "std::string uc = gname; sink += int(uc.size());", "0"),
    ("from-input", "std::vector<int> uout;", "uout.push_back(in.empty() ? 0 : in[0]);",
     "uout.size()"),
]

# Loop shapes: the code between `$DECL` (the use's declarations) and the
# result, with `$BODY` where the use's statement goes. `kind` says how the
# function around it is written.
SHAPES = [
    ("for-counted", "plain", "for (int i = 0; i < 4; ++i) { $BODY }"),
    ("for-no-cond", "plain", "for (int i = 0;; ++i) { $BODY if (i > 3) break; }"),
    ("for-no-init", "plain", "int i = 0; for (; i < 4; ++i) { $BODY }"),
    ("for-no-inc", "plain", "for (int i = 0; i < 4;) { $BODY ++i; }"),
    ("for-ever", "plain", "int k = 0; for (;;) { $BODY if (++k > 3) break; }"),
    ("for-only-cond", "plain", "int k = 0; for (; k < 3;) { $BODY ++k; }"),
    ("for-comma", "plain", "for (int i = 0, j = 8; i < j; ++i, --j) { $BODY }"),
    ("for-comma-cond", "plain", "for (int i = 0; sink++, i < 3; ++i) { $BODY }"),
    ("for-decl-cond", "plain", "int k = 3; for (; int m = k; --k) { $BODY sink += m; }"),
    ("for-lambda-cond", "plain",
     "for (int i = 0; [&] { return i < 3; }(); ++i) { $BODY }"),
    ("for-lambda-bound", "plain", "for (int i = 0; i < [] { return 3; }(); ++i) { $BODY }"),
    ("for-assign-init", "plain", "int i; for (i = 0; i < 3; i++) { $BODY }"),
    ("for-stride", "plain", "for (int i = 0; i < 10; i += 3) { $BODY }"),
    ("for-stride-assign", "plain", "for (int i = 0; i <= 10; i = i + 4) { $BODY }"),
    ("for-stride-ne", "plain", "for (int i = 0; i != 10; i += 2) { $BODY }"),
    ("for-huge-stride", "plain", "for (long long i = 0; i < LLONG_MAX; i += 1LL << 62) { $BODY }"),
    ("for-down", "plain", "for (int i = 5; i > 0; --i) { $BODY }"),
    ("for-down-incl", "plain", "for (int i = 5; i >= 0; i -= 1) { $BODY }"),
    ("for-down-stride", "plain", "for (int i = 9; i > 0; i -= 4) { $BODY }"),
    ("unsigned-down-wrap", "plain",
     "for (unsigned i = 3; i >= 0; --i) { $BODY if (++sink > 5) break; }"),
    ("uchar-wrap", "plain",
     "for (unsigned char c = 0; c <= 255; ++c) { $BODY if (++sink > 300) break; }"),
    ("uchar-out-of-range", "plain",
     "for (unsigned char c = 0; c < 300; ++c) { $BODY if (++sink > 300) break; }"),
    ("unsigned-negative-bound", "plain",
     "for (unsigned i = 0; i < -1; ++i) { $BODY if (i > 3) break; }"),
    ("int-extremes", "plain",
     "for (int i = INT_MIN; i < INT_MAX; ++i) { $BODY if (++sink > 3) break; }"),
    ("llong-extremes", "plain",
     "for (long long i = LLONG_MIN; i < LLONG_MAX; ++i) { $BODY if (++sink > 3) break; }"),
    ("ullong-max", "plain",
     "for (unsigned long long i = 0; i < ULLONG_MAX; ++i) { $BODY if (i > 3) break; }"),
    ("llong-incl-max", "plain",
     "for (long long i = LLONG_MAX - 2; i <= LLONG_MAX - 1; ++i) { $BODY }"),
    ("char-counter", "plain", "for (char c = 'a'; c <= 'e'; ++c) { $BODY }"),
    ("bool-cond", "plain", "bool go = true; for (int i = 0; go; ++i) { $BODY go = i < 3; }"),
    ("volatile-counter", "plain", "for (volatile int i = 0; i < 3; ++i) { $BODY }"),
    ("counter-written", "plain", "for (int i = 0; i < 4; ++i) { $BODY i += 0; }"),
    ("counter-by-ref", "plain",
     "for (int i = 0; i < 4; ++i) { $BODY int &r = i; sink += r; }"),
    ("non-constant-bound", "plain", "for (int i = 0; i < n; ++i) { $BODY }"),
    ("member-bound", "plain", "Holder h; for (int i = 0; i < h.Count; ++i) { $BODY }"),
    ("size-bound", "plain", "for (std::size_t i = 0; i < in.size(); ++i) { $BODY }"),
    ("pointer-loop", "plain",
     "int a[4] = {}; for (int *p = a; p != a + 4; ++p) { $BODY }"),
    ("iterator-loop", "plain", "for (auto it = in.begin(); it != in.end(); ++it) { $BODY }"),
    ("reverse-iterator", "plain", "for (auto it = in.rbegin(); it != in.rend(); ++it) { $BODY }"),
    ("nested", "plain", "for (int i = 0; i < 3; ++i) for (int j = 0; j < 2; ++j) { $BODY }"),
    ("nested-dependent", "plain", "for (int i = 0; i < 3; ++i) for (int j = 0; j < i; ++j) { $BODY }"),
    ("inner-of-unbounded", "plain",
     "for (int j = 0;; ++j) { for (int i = 0; i < 2; ++i) { $BODY } if (j > 1) break; }"),
    ("while-true", "plain", "int k = 0; while (true) { $BODY if (++k > 3) break; }"),
    ("while-false", "plain", "while (false) { $BODY }"),
    ("while-decl", "plain", "int k = 3; while (int m = k--) { $BODY sink += m; }"),
    ("while-lambda", "plain", "int k = 0; while ([&] { return k++ < 3; }()) { $BODY }"),
    ("do-while", "plain", "int k = 0; do { $BODY } while (++k < 3);"),
    ("do-once", "plain", "do { $BODY } while (false);"),
    ("do-while-no-body-braces", "plain", "int k = 0; do { $BODY } while (k++ < 2);"),
    ("goto-loop", "plain", "int k = 0; again: { $BODY } if (++k < 3) goto again;"),
    ("goto-out", "plain",
     "for (int i = 0; i < 4; ++i) { $BODY if (i == 2) goto done; } done: sink += 1;"),
    ("continue", "plain", "for (int i = 0; i < 5; ++i) { if (i % 2) continue; $BODY }"),
    ("return", "plain", "for (int i = 0; i < 5; ++i) { if (i == n) return; $BODY }"),
    ("throw", "plain",
     "for (int i = 0; i < 5; ++i) { if (i == n) throw 1; $BODY }"),
    ("switch-break", "plain",
     "for (int i = 0; i < 4; ++i) { switch (i) { case 1: break; default: { $BODY } } }"),
    ("range-array", "plain", "int a[3] = {1, 2, 3}; for (int x : a) { $BODY sink += x; }"),
    ("range-std-array", "plain",
     "std::array<int, 3> a{}; for (int x : a) { $BODY sink += x; }"),
    ("range-braced", "plain", "for (int x : {1, 2, 3}) { $BODY sink += x; }"),
    ("range-empty-braced", "plain", "for (int x : std::initializer_list<int>{}) { $BODY sink += x; }"),
    ("range-init-stmt", "plain",
     "for (int a[] = {4, 5}; int x : a) { $BODY sink += x; }"),
    ("range-init-stmt-vector", "plain",
     "for (std::vector<int> w{1, 2}; int x : w) { $BODY sink += x; }"),
    ("range-input", "plain", "for (int x : in) { $BODY sink += x; }"),
    ("range-structured", "plain",
     "std::map<int, int> m{{1, 2}}; for (auto &[k, val] : m) { $BODY sink += k + val; }"),
    ("range-structured-array", "plain",
     "std::pair<int, int> ps[2] = {}; for (auto [a, b] : ps) { $BODY sink += a + b; }"),
    ("range-temporary", "plain",
     "for (int x : std::vector<int>{1, 2}) { $BODY sink += x; }"),
    ("range-string", "plain", "for (char ch : gname) { $BODY sink += ch; }"),
    ("likely", "plain",
     "for (int i = 0; i < 4; ++i) { if (i > 1) [[likely]] { $BODY } else [[unlikely]] { sink++; } }"),
    ("likely-loop-body", "plain", "for (int i = 0; i < 4; ++i) [[likely]] { $BODY }"),
    ("macro-loop", "plain", "REPEAT(3) { $BODY }"),
    ("macro-body", "plain", "for (int i = 0; i < 3; ++i) LOOP_BODY($BODY);"),
    ("label-in-loop", "plain", "for (int i = 0; i < 3; ++i) { here:; $BODY }"),
    ("empty-body", "plain", "for (int i = 0; i < 3; ++i); $BODY"),
    ("template", "template", "for (T i = 0; i < T(3); ++i) { $BODY }"),
    ("template-bound", "template", "for (int i = 0; i < int(sizeof(T)); ++i) { $BODY }"),
    ("template-range", "template", "T a[2] = {}; for (T x : a) { $BODY sink += int(x); }"),
    ("lambda", "lambda", "for (int i = 0; i < 3; ++i) { $BODY }"),
    ("lambda-no-cond", "lambda", "for (int i = 0;; ++i) { $BODY if (i > 1) break; }"),
    ("in-lambda-body", "plain",
     "for (int i = 0; i < 3; ++i) [&] { $BODY }();"),
    ("coroutine", "coroutine", "for (int i = 0; i < 3; ++i) { $BODY }"),
    ("coroutine-no-cond", "coroutine", "for (int i = 0;; ++i) { $BODY if (i > 1) break; }"),
]


def function(kind, ident, shape, decl, body, result):
    code = string.Template(shape).substitute(BODY=body)
    inner = "  %s\n  %s\n" % (decl, code)
    if kind == "template":
        return ("template <class T> void %s(int n, const std::vector<int> &in) {\n%s"
                "  sink += int(%s);\n}\n"
                "template void %s<int>(int, const std::vector<int> &);\n"
                "template void %s<long>(int, const std::vector<int> &);\n"
                "template void %s<unsigned char>(int, const std::vector<int> &);\n"
                % (ident, inner, result, ident, ident, ident))
    if kind == "lambda":
        return ("void %s(int n, const std::vector<int> &in) {\n"
                "  auto l = [&] {\n%s  sink += int(%s);\n  };\n  l();\n}\n"
                % (ident, inner, result))
    if kind == "coroutine":
        return ("Task %s(int n, const std::vector<int> &in) {\n%s"
                "  sink += int(%s) + n + int(in.size());\n  co_return;\n}\n"
                % (ident, inner, result))
    return ("void %s(int n, const std::vector<int> &in) {\n%s  sink += int(%s);\n}\n"
            % (ident, inner, result))


def source(shape_name):
    kind, shape = next((k, s) for n, k, s in SHAPES if n == shape_name)
    parts = [PRELUDE]
    for use, decl, body, result in USES:
        ident = "f_" + re.sub(r"\W", "_", use)
        parts.append(function(kind, ident, shape, decl, body, result))
    # Silence unused-parameter warnings the shapes do not all avoid.
    return "\n".join(parts).replace("(int n, const std::vector<int> &in)",
                                    "([[maybe_unused]] int n, "
                                    "[[maybe_unused]] const std::vector<int> &in)")


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    written = []
    for name, _, _ in SHAPES:
        path = os.path.join(outdir, name + ".cpp")
        with open(path, "w") as f:
            f.write(source(name))
        written.append(path)
    return written


WARNING_RE = re.compile(r"^.*?:\d+:\d+: warning: (.*)$")
CRASH_MARKERS = ("Stack dump", "PLEASE submit", "Segmentation fault", "Assertion",
                 "AddressSanitizer", "UndefinedBehaviorSanitizer", "runtime error:")


def run_tool(cmd, timeout):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timed out after %ds" % timeout
    return p.returncode, p.stdout


def warnings(out):
    return {m.group(1) for m in map(WARNING_RE.match, out.splitlines()) if m}


def check_shape(name, args, timeout):
    """The failures of one shape (a list of strings)."""
    std = ["-std=c++20", "-I", args.runtime_include]
    src = os.path.join(args.outdir, name + ".cpp")
    cc = [args.clangxx, "-fsyntax-only", "-Wall", "-Wextra"] + std
    rc, out = run_tool(cc + [src], timeout)
    if rc != 0:
        return ["%s: the generated file does not compile:\n%s" % (name, out)]
    before = warnings(out)
    fixed = {}
    tools = [("memlint-tidy", [args.memlint_tidy])]
    if args.load:
        tools.insert(0, ("plugin", [args.clang_tidy, "--load", args.load]))
    for tool, cmd in tools:
        copy = os.path.join(args.outdir, "%s.%s.cpp" % (name, tool))
        shutil.copyfile(src, copy)
        rc, out = run_tool(cmd + ["--config={}", "--checks=-*,memlint-*", "--fix",
                                  "--quiet", copy, "--"] + std, timeout)
        crashed = rc is None or rc < 0 or any(m in out for m in CRASH_MARKERS)
        if crashed or rc != 0 or "error:" in out:
            return ["%s: %s %s (exit %s):\n%s" % (
                name, tool, "crashed or hung" if crashed else "failed", rc, out)]
        with open(copy) as f:
            fixed[tool] = f.read()
    if fixed.get("plugin", fixed["memlint-tidy"]) != fixed["memlint-tidy"]:
        return ["%s: the plugin and memlint-tidy fix differently" % name]
    rc, out = run_tool(cc + [os.path.join(args.outdir, name + ".memlint-tidy.cpp")], timeout)
    if rc != 0:
        return ["%s: the fixed file does not compile:\n%s\n%s" % (name, fixed["memlint-tidy"], out)]
    new = sorted(warnings(out) - before)
    if new:
        return ["%s: the fix brings new warnings:\n%s" % (name, "\n".join(new))]
    return []


def run(args):
    generate(args.outdir)
    timeout = int(os.environ.get("MEMLINT_CORPUS_TIMEOUT", "300"))
    names = [n for n, _, _ in SHAPES]
    jobs = max(1, int(args.jobs))
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(lambda n: check_shape(n, args, timeout), names))
    failures = [f for r in results for f in r]
    for f in failures:
        print("FAIL " + f)
    print("loop-shape corpus: %d shapes x %d uses, %d failures"
          % (len(names), len(USES), len(failures)))
    return 1 if failures else 0


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("mode", choices=["generate", "run"])
    p.add_argument("outdir")
    p.add_argument("--clang-tidy")
    p.add_argument("--load")
    p.add_argument("--memlint-tidy")
    p.add_argument("--clangxx")
    p.add_argument("--runtime-include")
    p.add_argument("--jobs", default="1")
    args = p.parse_args()
    if args.mode == "generate":
        for path in generate(args.outdir):
            print(path)
        return 0
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
