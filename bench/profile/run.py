#!/usr/bin/env python3
"""Cost of recording allocation sites (`memlint measure --sites`) on an
allocation-heavy program, beside plain `memlint measure` and heaptrack.

Builds bench/logproc/logproc.cpp (-O2 -g), generates its input, and runs it,
interleaved, under each configuration (CPU time of the whole command, its
children included: the counter, the driver's symbolization, heaptrack's
interpreter process). Medians; ratios against the program alone and against
plain `memlint measure`. Writes the table to docs/benchmarks.md (section
"profile").

Usage: bench/profile/run.py [--build build] [--runs 7] [--lines 20000] [--rounds 5] [--no-write]
"""

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "bench", "common"))
import benchdoc  # noqa: E402


def cpu_time(cmd, env=None):
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execve(cmd[0], cmd, env if env is not None else os.environ)
    _, status, usage = os.wait4(pid, 0)
    if status:
        sys.exit("profile bench: %s exited with %d" % (" ".join(cmd), status))
    return usage.ru_utime + usage.ru_stime


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.environ.get("MEMLINT_BUILD_DIR", "build"))
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--lines", type=int, default=20000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--no-write", action="store_true")
    opts = ap.parse_args()
    build = opts.build if os.path.isabs(opts.build) else os.path.join(ROOT, opts.build)
    memlint = os.path.join(build, "bin", "memlint")
    counter = os.path.join(build, "lib", "libmemlint_alloc_count.so")
    cache = open(os.path.join(build, "CMakeCache.txt")).read()
    llvm = [l.split("=", 1)[1] for l in cache.splitlines()
            if l.startswith("MEMLINT_LLVM_VERSION:")][0]
    cxx = "/usr/lib/llvm-%s/bin/clang++" % llvm
    heaptrack = shutil.which("heaptrack")

    work = tempfile.mkdtemp(prefix="memlint-profile-bench-")
    exe = os.path.join(work, "logproc")
    subprocess.run([cxx, "-std=c++17", "-O2", "-g", "-I", os.path.join(ROOT, "runtime", "include"),
                    "-o", exe, os.path.join(ROOT, "bench", "logproc", "logproc.cpp")], check=True)
    rng = random.Random(3)
    log = os.path.join(work, "app.log")
    levels = ["INFO", "INFO", "INFO", "WARN", "ERROR", "DEBUG"]
    comps = ["storage.compaction", "net.http.server", "auth", "scheduler.worker",
             "cache.eviction", "db.write-ahead-log"]
    with open(log, "w") as f:
        for i in range(opts.lines):
            f.write("%d,%s,%s,%s\n" % (1700000000 + i, rng.choice(levels), rng.choice(comps),
                                       "x" * rng.randint(8, 120)))
    args = [log, str(opts.rounds)]
    prof = os.path.join(work, "prof.json")
    sites_env = dict(os.environ, LD_PRELOAD=counter, MEMLINT_ALLOC_QUIET="1",
                     MEMLINT_ALLOC_SITES=os.path.join(work, "raw"))
    counter_env = dict(os.environ, LD_PRELOAD=counter, MEMLINT_ALLOC_QUIET="1")
    configs = [
        ("program alone", [exe] + args, None),
        ("counter alone (`LD_PRELOAD`, no driver)", [exe] + args, counter_env),
        ("`memlint measure` (driver start-up included)",
         [memlint, "measure", "--", exe] + args, None),
        ("counter with sites, no symbolization (`MEMLINT_ALLOC_SITES`)", [exe] + args, sites_env),
        ("`memlint measure --sites` (recording and symbolization)",
         [memlint, "measure", "--sites", "-o", prof, "--", exe] + args, None),
    ]
    if heaptrack:
        configs.append(("heaptrack (recording only)",
                        [heaptrack, "-o", os.path.join(work, "ht")] + [exe] + args, None))

    # One checked run: the profile's totals equal the plain counter's.
    r = subprocess.run([memlint, "measure", "--sites", "-o", prof, "--", exe] + args,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       universal_newlines=True, check=True)
    p = json.load(open(prof))
    counted = int(r.stderr.split(" allocations")[0].split()[-1])
    if p["totals"]["allocations"] != counted:
        sys.exit("profile bench: the profile counts %d allocations, the counter %d" % (
            p["totals"]["allocations"], counted))
    top = p["sites"][0]

    load_before = os.getloadavg()[0]
    times = {label: [] for label, _, _ in configs}
    order = list(range(len(configs)))
    for _ in range(opts.runs):
        rng.shuffle(order)
        for i in order:
            label, cmd, env = configs[i]
            times[label].append(cpu_time(cmd, env))
    med = {label: statistics.median(t) for label, t in times.items()}
    base = med["program alone"]
    measure = med["`memlint measure` (driver start-up included)"]

    lines = [
        "### Allocation sites: `memlint measure --sites` vs `memlint measure` and heaptrack "
        "(`bench/profile/run.py`)",
        "",
        "`bench/logproc/logproc.cpp` (clang++ %s -O2 -g) over %d log lines, %d passes: "
        "%d allocations at %d distinct stacks (hottest: %d at %s:%d). CPU time (user + sys, "
        "children included) of the whole command, median of %d interleaved runs in one run." % (
            llvm, opts.lines, opts.rounds, counted, p["totals"]["sites"], top["allocations"],
            os.path.basename(top["site"]["file"]) if top["site"] else "?",
            top["site"]["line"] if top["site"] else 0, opts.runs),
        "",
        "| configuration | CPU time | / program alone | / `memlint measure` |",
        "| --- | ---: | ---: | ---: |",
    ]
    for label, _, _ in configs:
        lines.append("| %s | %.1f ms | %.2fx | %.2fx |" % (
            label, med[label] * 1000, med[label] / base, med[label] / measure))
    load_after = os.getloadavg()[0]
    spread = max(max(t) / min(t) - 1 for t in times.values())
    per_alloc = (med["counter with sites, no symbolization (`MEMLINT_ALLOC_SITES`)"]
                 - med["counter alone (`LD_PRELOAD`, no driver)"]) / counted
    lines += [
        "",
        "Recording a stack costs %.2f µs per allocation here (sites minus counter alone, over "
        "the allocations): the unwinding, hashing and table update together." % (per_alloc * 1e6),
        "",
        "Largest spread of one configuration (max/min − 1): %.0f%%; 1-minute load average "
        "%.1f before, %.1f after. heaptrack: %s (its `heaptrack_print` analysis is not "
        "included; memlint's symbolization is)." % (
            100 * spread, load_before, load_after,
            benchdoc.tool_version([heaptrack]) if heaptrack else "not installed"),
        "",
        "Machine: %s." % benchdoc.machine(),
    ]
    text = "\n".join(lines)
    print(text)
    if not opts.no_write:
        benchdoc.update_section("profile", text)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
