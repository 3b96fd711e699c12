#!/usr/bin/env python3
"""Generated corpus of element and parameter type shapes for the checks that
write a type into a fix (memlint-small-vector, memlint-heap-fixed-buffer,
memlint-unneeded-copy with SpanParams).

  gen_types.py generate OUTDIR       writes one file per (check, shape)
  gen_types.py run OUTDIR --clang-tidy CT --load PLUGIN --clangxx CXX
               --runtime-include DIR  generates, fixes a copy of each file,
                                      compiles every fixed file

Each shape states whether its fix must be applied ("fix": the type can be
spelled exactly) or withheld ("keep": the spelling cannot be copied exactly,
or the local is in a template); either way the fixed file must compile with
-Werror. Exit status 1 lists every shape that failed.
"""

import argparse
import os
import shutil
import subprocess
import sys

PRELUDE = r"""#include <map>
#include <string>
#include <utility>
#include <vector>
namespace ns {
struct Inner { int X = 0; };
template <class T> struct Box { T Value{}; };
namespace deeper { using Id = long; }
} // namespace ns
struct Item { int X = 0; };
typedef const int *CIP;
using Name = std::string;
#define ELEM const int *
#define WHOLE_ELEM int
int gi = 1;
extern const int garr[3];
std::string gs;
const char *gp = "x";
Item gitem;
void callee(int);
int callee2(const char *);
"""

# (shape, element type, value to push, expectation)
ELEMENTS = [
    ("const-pointee", "const std::string *", "&gs", "fix"),
    ("east-const-pointee", "std::string const *", "&gs", "fix"),
    ("const-pointer-to-const", "const char *const *", "&gp", "fix"),
    ("volatile-pointee", "volatile int *", "nullptr", "fix"),
    ("typedef", "CIP", "&gi", "fix"),
    ("alias", "Name", "gs", "fix"),
    ("pointer-to-const-alias", "const Name *", "&gs", "fix"),
    ("nested-templates", "std::pair<std::vector<const int *>, std::map<int, std::string>>", "{}", "fix"),
    ("namespace", "ns::Inner", "ns::Inner{}", "fix"),
    ("namespace-alias-member", "ns::deeper::Id", "1", "fix"),
    ("namespace-template", "ns::Box<const ns::Inner *>", "{}", "fix"),
    ("elaborated", "struct Item", "Item{}", "fix"),
    ("elaborated-pointer-to-const", "const struct Item *", "&gitem", "fix"),
    ("function-pointer", "void (*)(int)", "&callee", "fix"),
    ("function-pointer-const-param", "int (*)(const char *)", "&callee2", "fix"),
    ("member-pointer", "int Item::*", "&Item::X", "fix"),
    ("pointer-to-const-array", "const int (*)[3]", "&garr", "fix"),
    ("decltype", "decltype(gi)", "1", "fix"),
    ("pointer-to-const-decltype", "const decltype(gi) *", "&gi", "fix"),
    ("global-qualifier", "const ::Item *", "&gitem", "fix"),
    ("whole-macro", "WHOLE_ELEM", "1", "fix"),
    ("macro-hides-const", "ELEM", "&gi", "keep"),
    ("comment-hides-const", "const /*c*/ int *", "&gi", "keep"),
]


def small_vector(elem, value, in_template):
    body = ("  std::vector<%s> v;\n  v.push_back(%s);\n"
            "  return static_cast<int>(v.size());\n" % (elem, value))
    if in_template:
        return "template <class T> int f() {\n%s}\nint g() { return f<int>(); }\n" % body
    return "int f() {\n%s}\n" % body


def heap_fixed_buffer(elem, value, in_template):
    body = ("  std::vector<%s> v(3);\n  v[0] = %s;\n"
            "  return static_cast<int>(v.size());\n" % (elem, value))
    if in_template:
        return "template <class T> int f() {\n%s}\nint g() { return f<int>(); }\n" % body
    return "int f() {\n%s}\n" % body


def span_param(elem, value, in_template):
    del value
    if in_template:
        return ("template <class T> int f(std::vector<%s> p) {\n"
                "  return static_cast<int>(p.size());\n}\n"
                "int g() { return f<int>({}); }\n" % elem)
    return ("int f(std::vector<%s> p) {\n"
            "  return static_cast<int>(p.size());\n}\n"
            "int g(const std::vector<%s> &a) { return f(a); }\n" % (elem, elem))


CHECKS = {
    "small-vector": ("memlint-small-vector", small_vector, ["-std=c++17"], ""),
    "heap-fixed-buffer": ("memlint-heap-fixed-buffer", heap_fixed_buffer, ["-std=c++17"], ""),
    "unneeded-copy-span": ("memlint-unneeded-copy", span_param, ["-std=c++20"],
                           "{CheckOptions: {memlint-unneeded-copy.SpanParams: true}}"),
}
# What shows that the type-writing fix was made (unneeded-copy falls back to
# `const T&`, which writes no type, when the span's element cannot be spelled).
MARKERS = {"unneeded-copy-span": "std::span<"}
# Shapes a check leaves alone for reasons of its own (a 3-element pair of
# containers is over heap-fixed-buffer's stack budget): only the compile counts.
NOT_APPLICABLE = {("heap-fixed-buffer", "nested-templates")}
# std::span<T const> cannot put `const` into a function pointer's or array
# pointer's declarator, and the element is not copied out of a macro: the
# parameter gets `const std::vector<T>&` instead.
WITHHELD = {("unneeded-copy-span", s) for s in (
    "function-pointer", "function-pointer-const-param", "pointer-to-const-array",
    "whole-macro")}


def cases():
    for check, (name, make, std, config) in sorted(CHECKS.items()):
        for shape, elem, value, expect in ELEMENTS:
            if (check, shape) in NOT_APPLICABLE:
                expect = "any"
            if (check, shape) in WITHHELD:
                expect = "keep"
            yield ("%s.%s" % (check, shape), name, make(elem, value, False), std, config, expect)
        # A dependent element in a template is never rewritten.
        yield ("%s.dependent-in-template" % check, name,
               make("const T *", "nullptr", True),
               std, config, "keep")


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    written = []
    for ident, _, code, _, _, _ in cases():
        path = os.path.join(outdir, ident + ".cpp")
        with open(path, "w") as f:
            f.write(PRELUDE + code)
        written.append(path)
    return written


def run(args):
    generate(args.outdir)
    failures = []
    count = 0
    for ident, check, _, std, config, expect in cases():
        count += 1
        src = os.path.join(args.outdir, ident + ".cpp")
        fixed = os.path.join(args.outdir, ident + ".fixed.cpp")
        shutil.copyfile(src, fixed)
        cmd = [args.clang_tidy, "--load", args.load, "--checks=-*," + check, "--fix",
               "--quiet", fixed]
        if config:
            cmd.insert(1, "--config=" + config)
        cmd += ["--"] + std + ["-I", args.runtime_include]
        tidy = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              universal_newlines=True)
        if tidy.returncode != 0 or "error:" in tidy.stdout:
            failures.append("%s: clang-tidy failed:\n%s" % (ident, tidy.stdout))
            continue
        with open(src) as f:
            before = f.read()
        with open(fixed) as f:
            after = f.read()
        marker = MARKERS.get(ident.split(".")[0])
        changed = (marker in after and marker not in before) if marker else before != after
        if expect == "fix" and not changed:
            failures.append("%s: expected a fix, got none:\n%s" % (ident, tidy.stdout))
        if expect == "keep" and changed:
            failures.append("%s: expected no fix, got one" % ident)
        cc = subprocess.run([args.clangxx, "-fsyntax-only", "-Werror", "-Wall"] + std +
                            ["-I", args.runtime_include, fixed],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            universal_newlines=True)
        if cc.returncode != 0:
            failures.append("%s: the fixed file does not compile:\n%s\n%s" % (ident, after, cc.stdout))
    for f in failures:
        print("FAIL " + f)
    print("type-spelling corpus: %d cases, %d failures" % (count, len(failures)))
    return 1 if failures else 0


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("mode", choices=["generate", "run"])
    p.add_argument("outdir")
    p.add_argument("--clang-tidy")
    p.add_argument("--load")
    p.add_argument("--clangxx")
    p.add_argument("--runtime-include")
    args = p.parse_args()
    if args.mode == "generate":
        for path in generate(args.outdir):
            print(path)
        return 0
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
