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
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "bench", "common"))
import benchdoc  # noqa: E402

CHECKS = "-*,memlint-allocation-in-loop,memlint-arena-candidate"


def sh(cmd, **kw):
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       universal_newlines=True, **kw)
    if r.returncode:
        sys.exit("logproc: %s failed:\n%s" % (" ".join(cmd), r.stdout))
    return r.stdout


def cpu_time(cmd):
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.execv(cmd[0], cmd)
    _, status, usage = os.wait4(pid, 0)
    if status:
        sys.exit("logproc: %s exited with %d" % (cmd[0], status))
    return usage.ru_utime + usage.ru_stime


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.environ.get("MEMLINT_BUILD_DIR", "build"))
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--lines", type=int, default=20000)
    ap.add_argument("--rounds", type=int, default=5, help="passes over the log per run")
    ap.add_argument("--no-write", action="store_true")
    opts = ap.parse_args()
    build = opts.build if os.path.isabs(opts.build) else os.path.join(ROOT, opts.build)
    tidy = os.path.join(build, "bin", "memlint-tidy")
    counter = os.path.join(build, "lib", "libmemlint_alloc_count.so")
    runtime = os.path.join(ROOT, "runtime", "include")
    cache = open(os.path.join(build, "CMakeCache.txt")).read()
    llvm = [l.split("=", 1)[1] for l in cache.splitlines()
            if l.startswith("MEMLINT_LLVM_VERSION:")][0]
    cxx = "/usr/lib/llvm-%s/bin/clang++" % llvm

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

    exes = {}
    for label, src in (("before", before_src), ("after", after_src)):
        exe = os.path.join(work, label)
        sh([cxx, "-std=c++17", "-O2", "-I", runtime, "-o", exe, src])
        exes[label] = exe

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

    times = {label: [] for label in exes}
    order = list(exes)
    for _ in range(opts.runs):
        rng.shuffle(order)
        for label in order:
            times[label].append(cpu_time([exes[label], log, str(opts.rounds)]))
    med = {label: statistics.median(t) for label, t in times.items()}

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
