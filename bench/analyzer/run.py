#!/usr/bin/env python3
"""Analyzer speed: memlint against the parse alone and clang-tidy's performance group.

usage: bench/analyzer/run.py [options]      (or scripts/bench-analyzer)

On C++ TUs of the real-code validation projects (their compile databases under
test/validation/work/, made by scripts/validate; missing ones are prepared
with `scripts/validate --prepare-only`), measures in one run, with repeated
interleaved runs (every round runs every tool on every TU in a new random
order):

  parse      clang++-19 -fsyntax-only with the TU's flags (the parse alone)
  floor      clang-tidy-19 with only an Objective-C check, which does nothing
             on C++: clang-tidy's own cost before any check runs
  perf       clang-tidy-19 --checks=-*,performance-*
  memlint    build/bin/memlint-tidy --checks=-*,memlint-* (every memlint check)
  plugin     clang-tidy-19 --load build/lib/libmemlint.so, same checks

All take the flags of the same compile database entry (the clang-tidy runs
read it through -p; the parse gets its arguments less -c, -o and the
dependency-file options). Each run's CPU time (user+sys of the child, from
wait4) and peak RSS are recorded; the report gives per-TU medians and, per
tool, the ratio to the parse: CPU summed over the TUs, and peak RSS as the
median and the worst TU. TUs are read from the pristine sources (the
validation tree may hold applied fixes).

options:
  --projects P,...  projects (default: ninja-build,leveldb)
  --tus N           TUs per project (default 6, spread over the sorted list;
                    0 = all)
  --rounds N        rounds (default 5)
  --tools T,...     subset of parse,floor,perf,memlint,plugin (default all)
  -j N              runs at once (default 1: timings do not compete)
  --seed N          shuffle seed (default: time)
  --write-docs      replace the analyzer section of docs/benchmarks.md
                    (scripts/bench-analyzer passes it; --no-docs undoes it)
  --json FILE       raw results (default bench/results/analyzer.json)

Targets (issue 3): memlint with every check at most 1.15x the parse's CPU
time and below clang-tidy's performance group; peak memory at most 10% above
the parse. The report says for each whether this run met it.
"""

import argparse
import concurrent.futures
import datetime
import json
import os
import platform
import random
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WORK = os.path.join(ROOT, "test", "validation", "work")
LLVM = "19"
CXX = "clang++-" + LLVM
TIDY = "clang-tidy-" + LLVM
sys.path.insert(0, os.path.join(ROOT, "bench", "common"))
import benchdoc  # noqa: E402

CPP_EXT = (".cc", ".cpp", ".cxx", ".C")
TOOLS = ["parse", "floor", "perf", "memlint", "plugin"]
LABEL = {
    "parse": "`clang++-19 -fsyntax-only` (parse alone)",
    "floor": "`clang-tidy-19` running no check on C++ (framework floor)",
    "perf": "`clang-tidy-19 --checks=-*,performance-*`",
    "memlint": "`memlint-tidy --checks=-*,memlint-*`",
    "plugin": "`clang-tidy-19 --load libmemlint.so --checks=-*,memlint-*`",
}


def measure(cmd, cwd):
    """(exit code, CPU seconds, peak RSS KiB, output) of one child."""
    with tempfile.TemporaryFile() as out:
        p = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                             stdin=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    return p.returncode, ru.ru_utime + ru.ru_stime, ru.ru_maxrss, text


def parse_args_of(entry):
    """The compile command's arguments for -fsyntax-only: no compiler, no
    -c/-o, no dependency-file options; the source file stays."""
    args = entry.get("arguments") or shlex.split(entry["command"])
    out, skip = [], False
    for a in args[1:]:
        if skip:
            skip = False
            continue
        if a in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
            continue
        if a in ("-c", "-MD", "-MMD") or \
                (a.startswith(("-MF", "-MT", "-MQ")) and len(a) > 3):
            continue
        out.append(a)
    return out


def load_tus(projects, per_project):
    tus = []
    for p in projects:
        pdir = os.path.join(WORK, p)
        db = os.path.join(pdir, "db", "compile_commands.json")
        if not os.path.exists(db):
            r = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "validate"),
                                "--prepare-only", p])
            if r.returncode != 0 or not os.path.exists(db):
                sys.exit("bench: cannot prepare %s" % p)
        tree, src = os.path.join(pdir, "tree"), os.path.join(pdir, "src")
        entries = []
        for e in json.load(open(db)):
            if not e["file"].endswith(CPP_EXT):
                continue
            # Read the pristine sources: the tree may hold applied fixes.
            s = json.dumps(e).replace(json.dumps(tree)[1:-1] + "/",
                                      json.dumps(src)[1:-1] + "/")
            entries.append(dict(json.loads(s), project=p))
        entries.sort(key=lambda e: e["file"])
        if per_project and per_project < len(entries):
            step = len(entries) / per_project
            entries = [entries[int(i * step)] for i in range(per_project)]
        tus += entries
    return tus


def version(cmd):
    out = subprocess.run(cmd + ["--version"], capture_output=True, text=True).stdout
    m = re.search(r"version (\S+)", out)
    return m.group(1) if m else "?"


def main():
    ap = argparse.ArgumentParser(add_help=False)
    ap.add_argument("--projects", default="ninja-build,leveldb")
    ap.add_argument("--tus", type=int, default=6)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--tools", default=",".join(TOOLS))
    ap.add_argument("-j", type=int, default=1)
    ap.add_argument("--seed", type=int)
    ap.add_argument("--write-docs", action="store_true")
    ap.add_argument("--no-docs", action="store_true")
    ap.add_argument("--json", default=os.path.join(ROOT, "bench", "results", "analyzer.json"))
    ap.add_argument("-h", "--help", action="store_true")
    a = ap.parse_args()
    if a.help:
        print(__doc__.strip())
        return 0
    tools = [t for t in a.tools.split(",") if t]
    for t in tools:
        if t not in TOOLS:
            sys.exit("bench: unknown tool %s" % t)
    build = os.environ.get("MEMLINT_BUILD_DIR", "build")
    build = build if os.path.isabs(build) else os.path.join(ROOT, build)
    memlint_tidy = os.path.join(build, "bin", "memlint-tidy")
    plugin = os.path.join(build, "lib", "libmemlint.so")

    notes = []
    if any(t in tools for t in ("memlint", "plugin")):
        out = subprocess.run([memlint_tidy, "--config={}", "--list-checks",
                              "--checks=-*,memlint-*"], capture_output=True, text=True).stdout
        checks = [ln.strip() for ln in out.splitlines() if ln.startswith("    ")]
        if not checks:
            notes.append("This memlint build has no checks yet: memlint not measured.")
            tools = [t for t in tools if t not in ("memlint", "plugin")]
    else:
        checks = []

    tus = load_tus(a.projects.split(","), a.tus)
    if not tus:
        sys.exit("bench: no TUs")
    benchdb = os.path.join(WORK, "bench-db")
    os.makedirs(benchdb, exist_ok=True)
    with open(os.path.join(benchdb, "compile_commands.json"), "w") as f:
        json.dump([{k: v for k, v in e.items() if k != "project"} for e in tus], f, indent=1)

    def command(tool, e):
        tidy_common = ["-p", benchdb, "--config={}", "--quiet", e["file"]]
        if tool == "parse":
            return [CXX, "-fsyntax-only"] + parse_args_of(e)
        if tool == "floor":
            # An Objective-C-only check: clang-tidy parses and builds the AST
            # as for any check but registers no matcher on C++, so this is
            # what clang-tidy costs before any check runs.
            return [TIDY, "--checks=-*,objc-forbidden-subclassing"] + tidy_common
        if tool == "perf":
            return [TIDY, "--checks=-*,performance-*"] + tidy_common
        if tool == "memlint":
            return [memlint_tidy, "--checks=-*,memlint-*"] + tidy_common
        return [TIDY, "--load=" + plugin, "--checks=-*,memlint-*"] + tidy_common

    seed = a.seed if a.seed is not None else int(time.time())
    rng = random.Random(seed)
    samples = {(t, i): [] for t in tools for i in range(len(tus))}
    failures = []
    start = time.monotonic()
    print("bench: %d TUs x %d tools x %d rounds (seed %d)" % (len(tus), len(tools), a.rounds, seed),
          flush=True)
    for rnd in range(a.rounds):
        jobs = [(t, i) for t in tools for i in range(len(tus))]
        rng.shuffle(jobs)

        def one(job):
            t, i = job
            e = tus[i]
            rc, cpu, rss, out = measure(command(t, e), e["directory"])
            return t, i, rc, cpu, rss, out

        with concurrent.futures.ThreadPoolExecutor(a.j) as ex:
            for t, i, rc, cpu, rss, out in ex.map(one, jobs):
                if rc != 0:
                    failures.append("%s on %s: exit %d\n%s" % (t, tus[i]["file"], rc, out[-2000:]))
                samples[(t, i)].append((cpu, rss))
        print("bench: round %d/%d done (%.0f s)" % (rnd + 1, a.rounds, time.monotonic() - start),
              flush=True)
    if failures:
        print("\n".join(failures[:5]), file=sys.stderr)

    med = {k: (statistics.median(c for c, _ in v), statistics.median(r for _, r in v))
           for k, v in samples.items() if v}
    n = len(tus)
    summary = {}
    for t in tools:
        cpu = sum(med[(t, i)][0] for i in range(n))
        rss_ratio = [med[(t, i)][1] / med[("parse", i)][1] for i in range(n)] \
            if "parse" in tools else []
        summary[t] = dict(
            cpu=cpu, cpu_ratio=cpu / sum(med[("parse", i)][0] for i in range(n))
            if "parse" in tools else None,
            rss_median_ratio=statistics.median(rss_ratio) if rss_ratio else None,
            rss_max_ratio=max(rss_ratio) if rss_ratio else None,
            rss_max_mib=max(med[(t, i)][1] for i in range(n)) / 1024.0)

    # Report
    L = []
    w = L.append
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    rev = subprocess.run(["git", "-C", ROOT, "describe", "--always", "--dirty"],
                         capture_output=True, text=True).stdout.strip()
    w("Measured by `scripts/bench-analyzer%s` on %s, memlint %s with %d checks%s." %
      (" " + " ".join(sys.argv[1:]) if sys.argv[1:] else "", now, rev, len(checks),
       " (%s)" % ", ".join("`%s`" % c for c in checks) if checks else ""))
    w("Machine: %s. Compiler: clang %s, clang-tidy %s. %d TUs (%s), %d rounds, runs "
      "interleaved in a random order each round, %d at a time; CPU time is user+sys "
      "of the child, figures are per-TU medians.\n" %
      (benchdoc.machine(), version([CXX]), version([TIDY]), n,
       ", ".join("%d from %s" % (sum(1 for e in tus if e["project"] == p), p)
                 for p in a.projects.split(",")), a.rounds, a.j))
    for note in notes:
        w(note + "\n")
    w("| tool | CPU s (sum over TUs) | vs parse | peak RSS vs parse (median TU) | "
      "(worst TU) | largest peak RSS |")
    w("| --- | ---: | ---: | ---: | ---: | ---: |")
    for t in tools:
        s = summary[t]
        fmt = lambda v, f="%.2fx": "—" if v is None else f % v
        w("| %s | %.2f | %s | %s | %s | %.0f MiB |" %
          (LABEL[t], s["cpu"], fmt(s["cpu_ratio"]), fmt(s["rss_median_ratio"]),
           fmt(s["rss_max_ratio"]), s["rss_max_mib"]))
    w("")
    targets = []
    if "parse" in tools and "memlint" in tools:
        m = summary["memlint"]
        targets.append("memlint CPU ≤ 1.15x the parse: %.2fx, %s" %
                       (m["cpu_ratio"], "met" if m["cpu_ratio"] <= 1.15 else "**missed**"))
        if "perf" in tools:
            ok = m["cpu"] < summary["perf"]["cpu"]
            targets.append("memlint faster than clang-tidy `performance-*`: %.2f s vs %.2f s, %s"
                           % (m["cpu"], summary["perf"]["cpu"], "met" if ok else "**missed**"))
        targets.append("memlint peak RSS ≤ 1.10x the parse on every TU: worst %.2fx, %s" %
                       (m["rss_max_ratio"], "met" if m["rss_max_ratio"] <= 1.10 else "**missed**"))
    if targets:
        w("Targets: " + "; ".join(targets) + ".\n")
    if "floor" in tools and "memlint" in tools:
        f, m = summary["floor"], summary["memlint"]
        w("clang-tidy itself, with no check running, costs %.2fx the parse's CPU and "
          "%.2fx its peak RSS (worst TU %.2fx); memlint with its checks costs %.2fx "
          "that floor's CPU.\n" % (f["cpu_ratio"], f["rss_median_ratio"], f["rss_max_ratio"],
                                  m["cpu"] / f["cpu"]))
    w("<details><summary>per TU (median CPU s / peak RSS MiB)</summary>\n")
    w("| TU | " + " | ".join(t for t in tools) + " |")
    w("| --- | " + " | ".join("---:" for _ in tools) + " |")
    for i, e in enumerate(tus):
        rel = os.path.relpath(e["file"], os.path.join(WORK, e["project"], "src"))
        w("| %s/%s | %s |" % (e["project"], rel, " | ".join(
            "%.2f / %.0f" % (med[(t, i)][0], med[(t, i)][1] / 1024.0) for t in tools)))
    w("\n</details>")
    if failures:
        w("\n%d runs exited non-zero (see the bench output)." % len(failures))
    text = "\n".join(L) + "\n"
    print(text)

    os.makedirs(os.path.dirname(a.json), exist_ok=True)
    with open(a.json, "w") as f:
        json.dump(dict(seed=seed, tools=tools, checks=checks,
                       tus=[e["file"] for e in tus],
                       samples={"%s|%d" % k: v for k, v in samples.items()},
                       summary=summary), f, indent=1)
    if a.write_docs and not a.no_docs:
        benchdoc.update_section("analyzer", text)
        print("bench: wrote %s" % os.path.relpath(benchdoc.BENCHMARKS_MD, ROOT))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
