#!/usr/bin/env python3
"""Measures the memlint driver's own overhead.

Generates a project of many translation units, then, in one run, alternates
(interleaved, --reps times):
  A. `memlint check -j J` over the whole compile database,
  B. `memlint-tidy` run once per file, serially, with the same arguments the
     driver passes (so both do the same analysis work), and
  C. `memlint check -j 1`,
and compares A's wall time with B's divided by J (the target; meaningful only
when J cores are free), C's wall time with B's (the driver's own overhead,
independent of free cores), and CPU times (own plus children's). Medians over the repetitions. Writes the
figures to docs/benchmarks.md between <!-- driver:begin --> and
<!-- driver:end --> (with --write), and prints them.

  bench/driver/run.py [--build build] [--tus 48] [--reps 5] [-j N] [--write]
"""
import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

TU = """#include <map>
#include <string>
#include <vector>
#include <algorithm>
struct Rec{k} {{ std::string Name; std::vector<int> Values; }};
unsigned total{k}(const std::vector<Rec{k}> &Rs) {{
  unsigned N = 0;
  for (auto R : Rs) N += R.Name.size() + R.Values.size();
  std::map<std::string, int> M;
  for (const auto &R : Rs) M[R.Name] += 1;
  return N + M.size();
}}
"""


def generate(root, tus):
    os.makedirs(os.path.join(root, "src"))
    db = []
    for k in range(tus):
        name = "src/tu%03d.cpp" % k
        with open(os.path.join(root, name), "w") as f:
            f.write(TU.format(k=k))
        db.append({"directory": root, "file": name,
                   "arguments": ["c++", "-std=c++17", "-c", name]})
    with open(os.path.join(root, "compile_commands.json"), "w") as f:
        json.dump(db, f)
    return [os.path.join(root, d["file"]) for d in db]


def timed(cmd, cwd, ok=(0, 1)):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    r = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if r.returncode not in ok:
        sys.exit("bench: %s failed (%d): %s" % (cmd[0], r.returncode, r.stderr.decode()[:500]))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--tus", type=int, default=48)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("-j", type=int, default=os.cpu_count())
    ap.add_argument("--checks", default=None)
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()
    memlint = os.path.join(a.build, "bin", "memlint")
    tidy = os.path.join(a.build, "bin", "memlint-tidy")
    checks = a.checks
    if checks is None:
        listed = subprocess.run([memlint, "list"], capture_output=True, text=True).stdout
        checks = "memlint-*,performance-*" if listed.strip() else "performance-*"
    work = tempfile.mkdtemp(prefix="memlint-bench-driver-")
    try:
        files = generate(work, a.tus)
        driver_cmd = [memlint, "check", "-p", work, "--checks=" + checks, "-j", str(a.j)]
        # What the driver runs per TU (see driver/memlint/Main.cpp).
        tidy_args = ["-p", work, "--quiet", "--use-color=false", "--checks=-*," + checks,
                     "--header-filter=.*"]
        exports = os.path.join(work, "fixes.yaml")
        A_wall, A_cpu, B_wall, B_cpu, C_wall, C_cpu = [], [], [], [], [], []
        serial_cmd = driver_cmd[:-1] + ["1"]
        load_before = os.getloadavg()[0]
        timed(driver_cmd, work)  # warm the file cache
        for rep in range(a.reps):
            w, c = timed(driver_cmd, work)
            A_wall.append(w); A_cpu.append(c)
            w_total = c_total = 0.0
            for f in files:
                w, c = timed([tidy] + tidy_args + ["--export-fixes=" + exports, f], work, ok=(0,))
                w_total += w; c_total += c
            B_wall.append(w_total); B_cpu.append(c_total)
            w, c = timed(serial_cmd, work)
            C_wall.append(w); C_cpu.append(c)
            print("rep %d: driver -j%d %.2f s wall %.2f s cpu; serial tidy %.2f s wall %.2f s cpu;"
                  " driver -j1 %.2f s wall %.2f s cpu"
                  % (rep + 1, a.j, A_wall[-1], A_cpu[-1], B_wall[-1], B_cpu[-1], C_wall[-1],
                     C_cpu[-1]), file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    load_after = os.getloadavg()[0]
    aw, ac = statistics.median(A_wall), statistics.median(A_cpu)
    bw, bc = statistics.median(B_wall), statistics.median(B_cpu)
    cw, cc = statistics.median(C_wall), statistics.median(C_cpu)
    wall_overhead = aw / (bw / a.j) - 1
    serial_overhead = cw / bw - 1
    cpu_overhead = ac / bc - 1
    cxx = subprocess.run(["c++", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    tidy_version = subprocess.run([tidy, "--version"], capture_output=True, text=True).stdout.strip().splitlines()
    cpu_name = platform.processor() or platform.machine()
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu_name = line.split(":", 1)[1].strip(); break
    except OSError:
        pass
    # The parallel ratio measures the driver only when its cores are free:
    # more than a core's worth of other work before the run means they were
    # not (the load after the run includes the run itself).
    busy = load_before >= 1.0
    load_text = ("The 1-minute load average was %.1f before and %.1f after this run, on %d "
                 "cores" % (load_before, load_after, os.cpu_count() or 0))
    if busy:
        load_text += (": other work held the cores, so parallel runs found no idle core and "
                      "the last ratio mostly measures that contention.")
    else:
        load_text += ": the cores were free, so the last ratio measures the driver itself."
    section = """<!-- driver:begin -->
## Driver overhead (`bench/driver/run.py`)

A generated project of {tus} TUs (each includes `<map>`, `<string>`,
`<vector>`, `<algorithm>`; checks `{checks}`). Three configurations, run
interleaved {reps} times in one run; medians:

| configuration | wall | CPU (user + sys, with children) |
| --- | ---: | ---: |
| `memlint-tidy` per file, serially (same arguments as the driver) | {bw:.2f} s | {bc:.2f} s |
| `memlint check -j 1` | {cw:.2f} s | {cc:.2f} s |
| `memlint check -j {j}` | {aw:.2f} s | {ac:.2f} s |

| ratio | value |
| --- | ---: |
| driver `-j 1` wall / serial memlint-tidy wall − 1 (the driver's own overhead) | {sr:+.1%} |
| driver `-j {j}` CPU / serial memlint-tidy CPU − 1 | {cr:+.1%} |
| driver `-j {j}` wall / (serial wall ÷ {j}) − 1 (the target: under +10%) | {wr:+.1%} |

{load_text} Wall times of one
configuration varied by up to {spread:.0%} between repetitions (max/min − 1),
so wall ratios smaller than that are noise. The first two ratios do not
depend on free cores: they are the driver's own cost (its start-up runs of
`git rev-parse` and `memlint-tidy --list-checks`, spawning, reading the
exported YAML, merging).

Machine: {cpu}, {ncpu} cores, {os}. Compiler: {cxx}. {tidyv}.
Command: `bench/driver/run.py --tus {tus} --reps {reps} -j {j} --write`.
<!-- driver:end -->""".format(j=a.j, tus=a.tus, checks=checks, reps=a.reps, aw=aw, bw=bw,
                             cw=cw, cc=cc, sr=serial_overhead,
                             spread=max(max(x) / min(x) - 1 for x in (A_wall, B_wall, C_wall)),
                             wr=wall_overhead, ac=ac, bc=bc, cr=cpu_overhead,
                             cpu=cpu_name, ncpu=os.cpu_count(), load_text=load_text,
                             os=platform.platform(), cxx=cxx,
                             tidyv=" ".join(l.strip() for l in tidy_version[:1]) + " (memlint-tidy)")
    print(section)
    if a.write:
        path = os.path.join(ROOT, "docs", "benchmarks.md")
        text = open(path).read() if os.path.exists(path) else "# memlint benchmarks\n"
        if "<!-- driver:begin -->" in text:
            text = re.sub(r"<!-- driver:begin -->.*?<!-- driver:end -->", lambda m: section,
                          text, flags=re.S)
        else:
            text = text.rstrip("\n") + "\n\n" + section + "\n"
        with open(path, "w") as f:
            f.write(text)
        print("bench: wrote %s" % path, file=sys.stderr)


if __name__ == "__main__":
    main()
