#!/usr/bin/env python3
"""Randomized test of memlint-padding-waste: generates many record shapes,
applies the check's fixes, and requires, for every record, that the size
the message promised is the compiler's sizeof after the fix, that the size
it reported is the compiler's sizeof before, and that records it did not
flag were left alone. Run by random-records.test."""

import argparse
import os
import random
import re
import subprocess
import sys

SCALARS = ["char", "short", "int", "long long", "double", "float", "bool",
           "void *", "unsigned char", "long double", "std::int16_t"]


def gen(rng, count):
    records = []
    deps = {}
    out = ["#include <cstdint>", ""]
    for i in range(count):
        name = "R%d" % i
        deps[name] = set()
        base = ""
        if records and rng.random() < 0.15:
            b = rng.choice(records)
            base = " : %s" % b
            deps[name].add(b)
        fields = []
        for j in range(rng.randint(2, 7)):
            kind = rng.random()
            if kind < 0.6:
                fields.append("%s F%d;" % (rng.choice(SCALARS), j))
            elif kind < 0.75:
                fields.append("%s F%d[%d];" % (rng.choice(SCALARS[:6]), j, rng.randint(1, 5)))
            elif kind < 0.85 and records:
                inner = rng.choice(records)
                deps[name].add(inner)
                fields.append("%s F%d;" % (inner, j))
            elif kind < 0.93:
                # A run of bit-fields moves as a unit.
                for k in range(rng.randint(1, 3)):
                    fields.append("unsigned F%d_%d : %d;" % (j, k, rng.randint(1, 12)))
            else:
                fields.append("%s F%da, F%db;" % (rng.choice(["char", "int", "double"]), j, j))
        out.append("struct %s%s {" % (name, base))
        out += ["  " + f for f in fields]
        out.append("};")
        records.append(name)
    return "\n".join(out) + "\n", records, deps


def sizes(clangxx, path, records, workdir):
    """The compiler's sizeof of every record in path."""
    prog = os.path.join(workdir, "sizes.cpp")
    with open(prog, "w") as f:
        f.write('#include "%s"\n#include <cstdio>\nint main() {\n' % path)
        for r in records:
            f.write('  std::printf("%s %%zu\\n", sizeof(%s));\n' % (r, r))
        f.write("}\n")
    exe = os.path.join(workdir, "sizes")
    subprocess.run([clangxx, "-std=c++17", "-o", exe, prog], check=True)
    out = subprocess.run([exe], stdout=subprocess.PIPE, universal_newlines=True, check=True).stdout
    return {l.split()[0]: int(l.split()[1]) for l in out.splitlines()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tidy", required=True)
    ap.add_argument("--clangxx", required=True)
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=200)
    opts = ap.parse_args()
    os.makedirs(opts.workdir, exist_ok=True)
    rng = random.Random(opts.seed)
    text, records, deps = gen(rng, opts.count)
    path = os.path.join(opts.workdir, "records.h")
    with open(path, "w") as f:
        f.write(text)
    before = sizes(opts.clangxx, path, records, opts.workdir)

    tu = os.path.join(opts.workdir, "records.cpp")
    with open(tu, "w") as f:
        f.write('#include "records.h"\n')
    proc = subprocess.run([opts.tidy, "--checks=-*,memlint-padding-waste", "--config={}",
                           "--header-filter=.*", "-fix", tu, "--", "-std=c++17"],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True)
    promised = {}
    failures = []
    for m in re.finditer(r"warning: '(\w+)' is (\d+) bytes with .*? makes it (\d+) bytes", proc.stdout):
        promised[m.group(1)] = (int(m.group(2)), int(m.group(3)))
    for m in re.finditer(r"note: no fixit: (.*)", proc.stdout):
        failures.append("a fixit was withheld in generated code: " + m.group(1))
    after = sizes(opts.clangxx, path, records, opts.workdir)

    def changed_inside(r, seen=None):
        """Whether a record r contains (as a base or a field, transitively)
        shrank too: then r's promise, made for r alone, is an upper bound."""
        seen = seen if seen is not None else set()
        for d in deps[r]:
            if d in seen:
                continue
            seen.add(d)
            if before[d] != after[d] or changed_inside(d, seen):
                return True
        return False

    exact = 0
    for r in records:
        if r in promised:
            was, will = promised[r]
            if before[r] != was:
                failures.append("%s: reported %d bytes, the compiler says %d" % (r, was, before[r]))
            if changed_inside(r):
                if after[r] > will:
                    failures.append("%s: promised %d bytes after the fix, the compiler says %d"
                                    % (r, will, after[r]))
                continue
            exact += 1
            if after[r] != will:
                failures.append("%s: promised %d bytes after the fix, the compiler says %d"
                                % (r, will, after[r]))
        elif after[r] > before[r]:
            failures.append("%s: grew from %d to %d bytes" % (r, before[r], after[r]))
    for f in failures:
        print("FAIL: " + f)
    print("records: %d, flagged: %d (%d checked exactly), bytes saved: %d" % (
        len(records), len(promised), exact, sum(before[r] - after[r] for r in records)))
    if not promised:
        failures.append("nothing was flagged: the generator or the check is broken")
    if failures:
        sys.exit(1)
    print("all promises held")


if __name__ == "__main__":
    main()
