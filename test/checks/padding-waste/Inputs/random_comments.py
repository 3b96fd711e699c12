#!/usr/bin/env python3
"""Randomized test of how memlint-padding-waste's fix moves fields among
comments and blank lines: generates records with leading comment blocks,
trailing comments continued on the next lines, section comments, blank lines,
methods and access specifiers, applies the fixes and requires that the fixed
file compiles, that every non-blank line survives exactly once, that each
record's fields come out in the promised order, that comments stay attached
to their field, that section comments, methods and access specifiers keep
their order, and that no run of blank lines grows. Run by
random-comments.test."""

import argparse
import collections
import os
import random
import re
import subprocess
import sys

TYPES = ["char", "short", "int", "long long", "double", "bool", "void *", "float"]


def gen(rng, count):
    out = ["#include <cstddef>", ""]
    names = []
    for r in range(count):
        name = "R%d" % r
        names.append(name)
        ind = rng.choice(["  ", "    ", "\t"])
        out.append("struct %s {" % name)
        nf = rng.randint(2, 8)
        sections = rng.random() < 0.3
        for j in range(nf):
            if sections and j == nf // 2:
                out.append(" private:" if rng.random() < 0.5 else "public:")
            k = rng.random()
            if k < 0.15:
                out.append("")
            elif k < 0.25:
                out += ["", ind + "// section %d_%d" % (r, j), ""]
            if rng.random() < 0.3:
                for c in range(rng.randint(1, 2)):
                    out.append(ind + "// doc %d_%d_%d" % (r, j, c))
            if rng.random() < 0.1:
                out.append(ind + "int method%d() const { return 0; }  // m%d" % (j, j))
            decl = "%s F%d;" % (rng.choice(TYPES), j)
            line = ind + decl
            if rng.random() < 0.4:
                pad = " " * rng.randint(1, 6)
                line += pad + "// trailing %d_%d" % (r, j)
                if rng.random() < 0.5 and ind != "\t":
                    out.append(line)
                    line = " " * (len(ind) + len(decl) + len(pad)) + "// cont %d_%d" % (r, j)
            out.append(line)
        out.append("};")
        out.append("")
    return "\n".join(out) + "\n", names


def body(text, name):
    m = re.search(r"struct %s \{(.*?)\n\};" % name, text, re.S)
    return m.group(1).split("\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tidy", required=True)
    ap.add_argument("--clangxx", required=True)
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=60)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    bad = []
    flagged = 0
    for round_ in range(args.rounds):
        seed = args.seed + round_
        rng = random.Random(seed)
        src, names = gen(rng, args.count)
        path = os.path.join(args.workdir, "records%d.cpp" % seed)
        with open(path, "w") as f:
            f.write(src)
        p = subprocess.run([args.tidy, "--checks=-*,memlint-padding-waste", "-fix", path,
                            "--", "-std=c++17"], capture_output=True, text=True)
        with open(path) as f:
            fixed = f.read()
        msgs = re.findall(r"'(R\d+)' is \d+ bytes .*?ordering its fields as \(([^)]*)\)", p.stdout)
        flagged += len(msgs)
        c = subprocess.run([args.clangxx, "-fsyntax-only", "-std=c++17", path],
                           capture_output=True, text=True)
        if c.returncode:
            bad.append("seed %d: the fixed file does not compile:\n%s" % (seed, c.stderr[:2000]))

        def nonblank(t):
            return collections.Counter(l for l in t.split("\n") if l.strip())
        if nonblank(src) != nonblank(fixed):
            bad.append("seed %d: lines lost %s, added %s" % (
                seed, dict(nonblank(src) - nonblank(fixed)), dict(nonblank(fixed) - nonblank(src))))
        for name, order in msgs:
            got = [f for l in body(fixed, name) for f in re.findall(r"\bF\d+(?=;)", l)]
            old = [f for l in body(src, name) for f in re.findall(r"\bF\d+(?=;)", l)]
            want = [x.strip() for x in order.split(",")]
            if got != want and got != old:
                bad.append("seed %d: %s has fields %s, promised %s" % (seed, name, got, want))
        for name in names:
            lines = body(fixed, name)
            for i, l in enumerate(lines):
                m = re.search(r"// cont (\d+)_(\d+)", l)
                if m and not re.search(r"F%s;.*// trailing %s_%s" % (m.group(2), m.group(1), m.group(2)),
                                       lines[i - 1]):
                    bad.append("seed %d: %s: continuation detached: %r" % (seed, name, l))
                m = re.search(r"// doc (\d+)_(\d+)_", l)
                if m:
                    j = i + 1
                    while "// doc" in lines[j]:
                        j += 1
                    if not re.search(r"\bF%s;" % m.group(2), lines[j]) and "method" not in lines[j]:
                        bad.append("seed %d: %s: comment detached: %r above %r" % (seed, name, l, lines[j]))
                if "// section" in l and i + 1 < len(lines) and lines[i + 1].strip():
                    bad.append("seed %d: %s: section comment lost its blank line" % (seed, name))
            pattern = r"section|method|public:|private:"
            if [l for l in lines if re.search(pattern, l)] != \
                    [l for l in body(src, name) if re.search(pattern, l)]:
                bad.append("seed %d: %s: other members or section comments moved" % (seed, name))
            if "\n\n\n" in "\n".join(lines):
                bad.append("seed %d: %s: two blank lines in a row" % (seed, name))
    print("records: %d, flagged: %d" % (args.rounds * args.count, flagged))
    for b in bad:
        print(b)
    if not bad:
        print("all comments held")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
