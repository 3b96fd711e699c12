#!/usr/bin/env python3
"""Cold vs warm `memlint check --cache` on a validation project.

Runs, interleaved, --reps times over the project's compile database (as
scripts/validate prepares it under test/validation/work/PROJECT/db):
  A. `memlint check` without a cache,
  B. `memlint check --cache DIR` with DIR empty (cold: every TU misses and
     is stored),
  C. the same again (warm: every TU hits),
checks that the three reports agree (less timing and cache counts) and that
C hit every TU B stored, and prints medians of wall and CPU time (own plus
children's). With --write it puts the table in docs/scale.md between
<!-- cache:begin --> and <!-- cache:end -->.

  bench/cache/run.py [--build build] [--work test/validation/work]
                     [--project ninja-build] [--reps 3] [-j 2] [--write]

A project not yet prepared is prepared with `scripts/validate
--prepare-only PROJECT` (which fetches its Debian source package).
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


def run(cmd, cwd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       universal_newlines=True)
    wall = time.monotonic() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if p.returncode not in (0, 1, 3):
        sys.exit("bench: %s failed (%d):\n%s" % (" ".join(cmd), p.returncode, p.stderr))
    return wall, cpu, json.loads(p.stdout)


def comparable(report):
    r = dict(report)
    r["summary"] = {k: v for k, v in r["summary"].items()
                    if k != "seconds" and not k.startswith("cache")}
    return r


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--work", default=os.path.join(ROOT, "test", "validation", "work"))
    ap.add_argument("--project", default="ninja-build")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()
    memlint = os.path.join(os.path.abspath(a.build), "bin", "memlint")
    db = os.path.join(os.path.abspath(a.work), a.project, "db")
    if not os.path.exists(os.path.join(db, "compile_commands.json")):
        subprocess.run([os.path.join(ROOT, "scripts", "validate"), "--prepare-only",
                        a.project], check=True)
    tus = len(json.load(open(os.path.join(db, "compile_commands.json"))))
    cwd = os.path.join(os.path.abspath(a.work), a.project)
    base = [memlint, "check", "-p", db, "-j", str(a.j), "--checks", "memlint-*",
            "--format", "json"]
    times = {"none": [], "cold": [], "warm": []}
    hits = []
    for rep in range(a.reps):
        cache = tempfile.mkdtemp(prefix="memlint-bench-cache-")
        try:
            none = run(base, cwd)
            cold = run(base + ["--cache", cache], cwd)
            warm = run(base + ["--cache", cache], cwd)
        finally:
            shutil.rmtree(cache)
        if not (comparable(none[2]) == comparable(cold[2]) == comparable(warm[2])):
            sys.exit("bench: the reports with and without the cache differ")
        s = warm[2]["summary"]
        if s["cacheMisses"] or s["cacheHits"] != cold[2]["summary"]["cacheMisses"]:
            sys.exit("bench: the warm run missed %d TUs" % s["cacheMisses"])
        hits.append((cold[2]["summary"]["cacheMisses"], s["cacheHits"], s["cacheMisses"]))
        for name, r in (("none", none), ("cold", cold), ("warm", warm)):
            times[name].append(r[:2])
        print("rep %d: none %.1f s, cold %.1f s, warm %.1f s; warm hits %d/%d" % (
            rep + 1, none[0], cold[0], warm[0], s["cacheHits"], tus), flush=True)
    med = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v))
           for k, v in times.items()}
    load = os.getloadavg()[0]
    table = [
        "Measured by `bench/cache/run.py --project %s --reps %d -j %d` (%s TUs, "
        "`--checks memlint-*`): medians of %d interleaved repetitions; CPU "
        "is user+system of memlint and its children. Machine: %s, %d cores, "
        "load average %.1f at the end (other jobs shared the machine)." % (
            a.project, a.reps, a.j, tus, a.reps, cpu_model(), os.cpu_count(), load),
        "",
        "| run | wall s | CPU s | vs no cache (wall) | vs no cache (CPU) |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, label in (("none", "no cache"), ("cold", "cold cache (all misses, stored)"),
                        ("warm", "warm cache (all hits)")):
        w, c = med[name]
        table.append("| %s | %.1f | %.1f | %.2fx | %.2fx |" % (
            label, w, c, w / med["none"][0], c / med["none"][1]))
    cold_miss, warm_hit, warm_miss = hits[-1]
    table += ["", "Warm run: %d of %d TUs hit (%d missed); the reports of all three runs "
              "are equal (less timing and cache counts)." % (warm_hit, tus, warm_miss)]
    text = "\n".join(table) + "\n"
    print(text)
    if a.write:
        path = os.path.join(ROOT, "docs", "scale.md")
        doc = open(path).read()
        new = re.sub(r"(<!-- cache:begin -->\n).*?(<!-- cache:end -->)",
                     lambda m: m.group(1) + text + m.group(2), doc, flags=re.S)
        if new == doc and "<!-- cache:begin -->" not in doc:
            sys.exit("bench: no <!-- cache:begin --> marker in docs/scale.md")
        open(path, "w").write(new)


if __name__ == "__main__":
    main()
