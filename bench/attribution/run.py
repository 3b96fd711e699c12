#!/usr/bin/env python3
"""Validates `memlint check --profile`'s attribution (issue 19 item 5):
does the number of allocations the ranking gives a finding agree with what
applying that finding's fix actually saves?

For each workload (bench/logproc, bench/service, or one given with
--source): copies the source into a temporary directory with a compile
database, builds it with clang++ -O2 -g against runtime/include, records a
profile (`memlint measure --sites`), ranks the findings of every memlint
check (`memlint check --profile --format json`), and for every finding whose
attributed allocations are at least --min-share percent of the run applies
that finding's fix ALONE (the json report's `fixes`, byte offsets into the
original source), rebuilds, requires the same output, and counts the
allocations with the runtime's counter (LD_PRELOAD libmemlint_alloc_count.so).
Counts are deterministic: one run per version.

Criteria: |attributed - measured| <= --tolerance percent of measured for
every such finding, and the ranking's top finding is the largest measured
saver. Writes the table to the "attribution" section of docs/benchmarks.md;
with --strict exits 1 when a criterion fails (scripts/test's lit test,
test/driver/attribution.test, runs it so on a tiny program).

Usage: bench/attribution/run.py [--build build] [--lines 2000] [--requests 400]
           [--rounds 2] [--workload logproc|service]... [--no-write] [--keep]
       bench/attribution/run.py --source F.cpp [--arg A]... --strict --no-write
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "bench", "common"))
sys.path.insert(0, os.path.join(ROOT, "bench", "service"))
import benchdoc  # noqa: E402


def sh(cmd, ok=(0,), **kw):
    return benchdoc.sh("attribution", cmd, ok, **kw)


def write_log(path, lines):
    """The log bench/logproc/run.py generates (same seed and shape)."""
    import random
    rng = random.Random(3)
    levels = ["INFO", "INFO", "INFO", "WARN", "ERROR", "DEBUG"]
    comps = ["storage.compaction", "net.http.server", "auth", "scheduler.worker",
             "cache.eviction", "db.write-ahead-log"]
    with open(path, "w") as f:
        for i in range(lines):
            f.write("%d,%s,%s,%s\n" % (1700000000 + i, rng.choice(levels), rng.choice(comps),
                                       "x" * rng.randint(8, 120)))


class Tools:
    def __init__(self, build):
        self.build, self.llvm, self.cxx = benchdoc.build_tools(build)
        self.memlint = os.path.join(self.build, "bin", "memlint")
        self.counter = os.path.join(self.build, "lib", "libmemlint_alloc_count.so")
        self.runtime = os.path.join(ROOT, "runtime", "include")

    def compile(self, src, exe):
        """Builds src; returns None or the compiler's complaint."""
        r = subprocess.run([self.cxx, "-std=c++17", "-O2", "-g", "-I", self.runtime,
                            "-o", exe, src], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, universal_newlines=True)
        return None if r.returncode == 0 else r.stdout

    def count(self, exe, args, report):
        """(stdout, allocations) of one run under the counter."""
        env = dict(os.environ, LD_PRELOAD=self.counter, MEMLINT_ALLOC_REPORT=report)
        r = subprocess.run([exe] + args, stdout=subprocess.PIPE, universal_newlines=True,
                           env=env)
        if r.returncode != 0:
            return None, None
        return r.stdout, json.load(open(report))["allocations"]


def apply_edits(text, edits):
    """The source with one finding's replacements applied (byte offsets)."""
    data = text.encode()
    for e in sorted(edits, key=lambda e: (e["offset"], e["length"]), reverse=True):
        data = data[:e["offset"]] + e["replacement"].encode() + data[e["offset"] + e["length"]:]
    return data.decode()


def alone_fixes(tools, work, finding, cache):
    """The fixes of \p finding with its check run alone (once per check,
    cached). Run with every check, clang-tidy drops a fix that overlaps
    another check's ("this fix will not be applied because it overlaps with
    another fix") and the finding's `fixes` is then empty. A check adds its
    `#include` to the first of its findings in a file only: the others get
    it from that one, so they would not build alone."""
    check = finding["check"]
    if check not in cache:
        report = os.path.join(work, "alone-%s.json" % check)
        sh([tools.memlint, "check", "-p", work, "--checks=" + check, "--format=json",
            "-o", report], ok=(0, 1), cwd=work)
        cache[check] = json.load(open(report))["findings"]
    found = cache[check]
    includes = [e for f in found for e in f["fixes"]
                if e["length"] == 0 and e["replacement"].startswith("#include")]
    for f in found:
        if (f["file"], f["line"], f["column"], f["message"]) == (
                finding["file"], finding["line"], finding["column"], finding["message"]):
            edits = list(f["fixes"])
            if edits:
                have = {(e["offset"], e["replacement"]) for e in edits}
                edits += [e for e in includes if (e["offset"], e["replacement"]) not in have]
                # One copy of each include, whichever findings carried it.
                seen, unique = set(), []
                for e in edits:
                    key = (e["file"], e["offset"], e["length"], e["replacement"])
                    if key not in seen:
                        seen.add(key)
                        unique.append(e)
                edits = unique
            return edits
    return finding["fixes"]


def validate(tools, name, src, args, work, min_share):
    """Rows of one workload: each ranked finding at or above min_share."""
    base = os.path.basename(src)
    copy = os.path.join(work, base)
    shutil.copy(src, copy)
    flags = ["c++", "-std=c++17", "-O2", "-g", "-I" + tools.runtime, "-c", base]
    with open(os.path.join(work, "compile_commands.json"), "w") as f:
        json.dump([{"directory": work, "file": base, "arguments": flags}], f)
    orig = os.path.join(work, "orig")
    err = tools.compile(copy, orig)
    if err:
        sys.exit("attribution: %s does not build:\n%s" % (src, err))
    output, total = tools.count(orig, args, os.path.join(work, "orig.json"))
    if output is None:
        sys.exit("attribution: %s %s failed" % (orig, " ".join(args)))
    prof = os.path.join(work, "prof.json")
    sh([tools.memlint, "measure", "--sites", "-o", prof, "--", orig] + args)
    report = os.path.join(work, "rank.json")
    sh([tools.memlint, "check", "-p", work, "--checks=memlint-*", "--profile", prof,
        "--format=json", "-o", report], ok=(0, 1), cwd=work)
    ranked = json.load(open(report))
    run_total = ranked["profile"]["allocations"]
    text = open(src).read()
    rows = []
    alone = {}
    for rank, f in enumerate(ranked["findings"], 1):
        attributed = f.get("profile", {}).get("allocations", 0)
        if attributed < min_share / 100.0 * run_total:
            continue
        row = {"workload": name, "rank": rank, "check": f["check"][len("memlint-"):],
               "where": "%s:%d" % (os.path.basename(f["file"]), f["line"]),
               "message": f["message"], "attributed": attributed, "measured": None,
               "problem": None}
        edits = alone_fixes(tools, work, f, alone)
        if not edits:
            row["problem"] = "no fix"
        elif any(os.path.basename(e["file"]) != base for e in edits):
            row["problem"] = "fix edits another file"
        else:
            fixed = os.path.join(work, "fix%d.cpp" % rank)
            with open(fixed, "w") as g:
                g.write(apply_edits(text, edits))
            exe = os.path.join(work, "fix%d" % rank)
            if tools.compile(fixed, exe):
                row["problem"] = "fixed source does not build"
            else:
                out, n = tools.count(exe, args, os.path.join(work, "fix%d.json" % rank))
                if out is None:
                    row["problem"] = "fixed program fails"
                elif out != output:
                    row["problem"] = "fixed program prints something else"
                else:
                    row["measured"] = total - n
        rows.append(row)
    return {"name": name, "total": total, "profiled": run_total, "rows": rows,
            "findings": len(ranked["findings"])}


def error_pct(row):
    if row["measured"] is None:
        return None
    if row["measured"] == 0:
        return 0.0 if row["attributed"] == 0 else float("inf")
    return 100.0 * (row["attributed"] - row["measured"]) / row["measured"]


def verdicts(result, tolerance):
    """(list of failed criteria) for one workload."""
    bad = []
    rows = result["rows"]
    for r in rows:
        e = error_pct(r)
        if e is None:
            bad.append("%s %s: %s" % (r["check"], r["where"], r["problem"]))
        elif abs(e) > tolerance:
            bad.append("%s %s: attributed %d, measured %d (%+.1f%%)" % (
                r["check"], r["where"], r["attributed"], r["measured"], e))
    # Findings tied for the most attributed allocations are all first (the
    # ranking keeps file order between them): one of them must be the
    # largest measured saver.
    measured = [r for r in rows if r["measured"] is not None]
    if rows and measured:
        best = max(measured, key=lambda r: r["measured"])
        first = [r for r in rows if r["attributed"] == rows[0]["attributed"]]
        if all(r["measured"] is None or r["measured"] < best["measured"] for r in first):
            bad.append("the top finding (%s %s) is not the largest measured saver (%s %s, %d)" % (
                rows[0]["check"], rows[0]["where"], best["check"], best["where"],
                best["measured"]))
    return bad


def table(results, opts, tools):
    lines = [
        "### Does the ranking's attribution match what each fix saves? "
        "(`bench/attribution/run.py`)",
        "",
        "Issue 19 item 5. Each workload is built with clang++ %s -O2 -g and profiled "
        "(`memlint measure --sites`); `memlint check --checks=memlint-* --profile` ranks the "
        "findings. Every finding attributed at least %g%% of the run's allocations has its fix "
        "applied alone to the original source (its fix from a run of its check alone, with the "
        "`#include` the check put on another of its findings), the copy is rebuilt, must print the same "
        "output, and its allocations are counted (`libmemlint_alloc_count.so`): *measured* is "
        "original minus fixed. *error* is (attributed - measured) / measured; the criteria "
        "are |error| <= %g%% for every row and the rank-1 finding (or one tied with it) being "
        "the largest measured saver." % (tools.llvm, opts.min_share, opts.tolerance),
        "",
    ]
    for res in results:
        lines += [
            "**%s** (%s): %d allocations in the run, %d findings, %d at or above %g%%." % (
                res["name"], res["desc"], res["total"], res["findings"], len(res["rows"]),
                opts.min_share),
            "",
            "| rank | finding | attributed | measured saving | error |",
            "| ---: | --- | ---: | ---: | ---: |",
        ]
        for r in res["rows"]:
            e = error_pct(r)
            lines.append("| %d | %s `%s` | %d | %s | %s |" % (
                r["rank"], r["check"], r["where"], r["attributed"],
                r["measured"] if r["measured"] is not None else r["problem"],
                "%+.1f%%" % e if e is not None else "—"))
        bad = res["bad"]
        lines += ["", "Criteria: %s." % ("met" if not bad else "not met: " + "; ".join(bad)), ""]
    lines += [
        "Rerun: `bench/attribution/run.py` (needs `ninja -C build memlint memlint-tidy "
        "memlint_alloc_count`).",
        "",
        "Machine: %s." % benchdoc.machine(),
    ]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.environ.get("MEMLINT_BUILD_DIR", "build"))
    ap.add_argument("--lines", type=int, default=2000, help="logproc's log lines")
    ap.add_argument("--requests", type=int, default=400, help="service's requests")
    ap.add_argument("--rounds", type=int, default=2, help="passes over the input per run")
    ap.add_argument("--workload", action="append", choices=["logproc", "service"])
    ap.add_argument("--source", help="validate this program instead of the workloads")
    ap.add_argument("--arg", action="append", default=[], help="an argument of --source's program")
    ap.add_argument("--min-share", type=float, default=1.0)
    ap.add_argument("--tolerance", type=float, default=10.0)
    ap.add_argument("--strict", action="store_true", help="exit 1 when a criterion fails")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    opts = ap.parse_args()
    tools = Tools(opts.build)
    work = tempfile.mkdtemp(prefix="memlint-attribution-")
    results = []
    if opts.source:
        d = os.path.join(work, "source")
        os.mkdir(d)
        res = validate(tools, os.path.basename(opts.source), os.path.abspath(opts.source),
                       opts.arg, d, opts.min_share)
        res["desc"] = " ".join(opts.arg)
        results.append(res)
    else:
        for name in opts.workload or ["logproc", "service"]:
            d = os.path.join(work, name)
            os.mkdir(d)
            inp = os.path.join(work, name + ".txt")
            if name == "logproc":
                write_log(inp, opts.lines)
                desc = "%d log lines, %d rounds" % (opts.lines, opts.rounds)
            else:
                import run as service_run  # bench/service/run.py's request stream
                service_run.write_requests(inp, opts.requests)
                desc = "%d requests, %d rounds" % (opts.requests, opts.rounds)
            res = validate(tools, name, os.path.join(ROOT, "bench", name, name + ".cpp"),
                           [inp, str(opts.rounds)], d, opts.min_share)
            res["desc"] = desc
            results.append(res)
    for res in results:
        res["bad"] = verdicts(res, opts.tolerance)
    text = table(results, opts, tools)
    print(text)
    if not opts.no_write:
        benchdoc.update_section("attribution", text)
    if opts.keep:
        print("kept " + work)
    else:
        shutil.rmtree(work)
    if opts.strict and any(res["bad"] for res in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
