#!/usr/bin/env python3
"""Before and after memlint's allocation fixes on a small log-processing
program (bench/logproc/logproc.cpp).

Applies memlint-allocation-in-loop's and memlint-arena-candidate's fixes to a
copy with memlint-tidy, builds both versions (-O2, against runtime/include),
requires them to print the same result, counts their allocations with the
runtime's allocation counter (LD_PRELOAD libmemlint_alloc_count.so) and
times them (CPU time, medians of interleaved runs). Writes the table to
docs/benchmarks.md.

Usage: bench/logproc/run.py [--build build] [--runs 11] [--lines 20000] [--no-write]
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "bench", "common"))
import benchdoc  # noqa: E402

CHECKS = "-*,memlint-allocation-in-loop,memlint-arena-candidate"


def sh(cmd, **kw):
    return benchdoc.sh("logproc", cmd, **kw)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.environ.get("MEMLINT_BUILD_DIR", "build"))
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--lines", type=int, default=20000)
    ap.add_argument("--rounds", type=int, default=5, help="passes over the log per run")
    ap.add_argument("--no-write", action="store_true")
    opts = ap.parse_args()
    build, llvm, cxx = benchdoc.build_tools(opts.build)
    tidy = os.path.join(build, "bin", "memlint-tidy")
    counter = os.path.join(build, "lib", "libmemlint_alloc_count.so")
    runtime = os.path.join(ROOT, "runtime", "include")

    work = tempfile.mkdtemp(prefix="memlint-logproc-")
    before_src = os.path.join(HERE, "logproc.cpp")
    after_src = os.path.join(work, "logproc_fixed.cpp")
    with open(before_src) as f, open(after_src, "w") as g:
        g.write(f.read())
    out = sh([tidy, "--checks=" + CHECKS, "--config={}", "-fix", after_src, "--",
              "-std=c++17", "-I", runtime])
    fixed_checks = sorted({c for c in ("memlint-allocation-in-loop", "memlint-arena-candidate")
                           if c in out})
    if open(after_src).read() == open(before_src).read():
        sys.exit("logproc: the checks changed nothing:\n" + out)

    rng = random.Random(3)
    log = os.path.join(work, "app.log")
    levels = ["INFO", "INFO", "INFO", "WARN", "ERROR", "DEBUG"]
    comps = ["storage.compaction", "net.http.server", "auth", "scheduler.worker",
             "cache.eviction", "db.write-ahead-log"]
    with open(log, "w") as f:
        for i in range(opts.lines):
            f.write("%d,%s,%s,%s\n" % (1700000000 + i, rng.choice(levels), rng.choice(comps),
                                       "x" * rng.randint(8, 120)))

    exes = benchdoc.compile_versions("logproc", cxx, runtime, work,
                                     (("before", before_src), ("after", after_src)))

    results = {}
    for label, exe in exes.items():
        report = os.path.join(work, label + ".json")
        env = dict(os.environ, LD_PRELOAD=counter, MEMLINT_ALLOC_REPORT=report)
        r = subprocess.run([exe, log, str(opts.rounds)], stdout=subprocess.PIPE,
                           universal_newlines=True, env=env, check=True)
        results[label] = {"output": r.stdout.strip(), "counts": json.load(open(report))}
    if results["before"]["output"] != results["after"]["output"]:
        sys.exit("logproc: the fixed program prints something else: %r vs %r" % (
            results["before"]["output"], results["after"]["output"]))

    # rng goes on from the log's generation: the same shuffles as before.
    med = benchdoc.interleaved_medians("logproc", exes, [log, str(opts.rounds)], opts.runs, rng)

    def count(label, key):
        return results[label]["counts"].get(key, 0)

    lines = [
        "### Allocation fixes on a log processor (`bench/logproc/run.py`)",
        "",
        "`bench/logproc/logproc.cpp` parses %d log lines %d times (a fields vector built per "
        "line, one heap `Event` per line owned by a `vector<unique_ptr<Event>>`). *after* is the "
        "same file with the fixes of %s applied by memlint-tidy; both print the same result. "
        "Allocations counted with `libmemlint_alloc_count.so`; time is CPU time, median of %d "
        "interleaved runs; clang++ %s -O2." % (
            opts.lines, opts.rounds, ", ".join("`%s`" % c for c in fixed_checks),
            opts.runs, llvm),
        "",
        "| version | allocations | bytes allocated | peak live bytes | CPU time |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for label in ("before", "after"):
        lines.append("| %s | %d | %d | %d | %.1f ms |" % (
            label, count(label, "allocations"), count(label, "bytes_allocated"),
            count(label, "peak_bytes"), med[label] * 1000))
    lines += [
        "",
        "Allocations: %.1f%% fewer; time: %.2fx faster." % (
            100.0 * (1 - count("after", "allocations") / max(1, count("before", "allocations"))),
            med["before"] / med["after"]),
        "",
        "Machine: %s." % benchdoc.machine(),
    ]
    text = "\n".join(lines)
    print(text)
    if not opts.no_write:
        benchdoc.update_section("logproc", text)


if __name__ == "__main__":
    main()
