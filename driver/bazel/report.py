#!/usr/bin/env python3
"""Merges the per-TU results of memlint's Bazel aspect into one report.

    report.py --json OUT.json --text OUT.txt --status OUT.status RESULT...

RESULTs are the aspect's <src>.memlint.json / <src>.memlint.status pairs.
Findings that several TUs report (a shared header) appear once, by the rule
`memlint check` merges TUs with (check, place, and which of the check's
findings there it is; not the message); the output is sorted by file, offset
and check, so it does not depend on the order Bazel lists the results in. The status is that of one `memlint check` over
all the TUs: 2 if a TU hit a configuration error, else 3 if a TU could not be
analysed, else 1 if anything is reported, else 0.
"""
import argparse
import json
import os
import sys


def read_units(paths):
    reports = sorted(p for p in paths if p.endswith(".memlint.json"))
    units = []
    for report in reports:
        status_path = report[: -len(".json")] + ".status"
        with open(status_path, encoding="utf-8") as f:
            lines = f.read().splitlines()
        with open(report, encoding="utf-8") as f:
            data = json.load(f)
        units.append({
            "status": int(lines[0]) if lines and lines[0].isdigit() else 3,
            "file": lines[1] if len(lines) > 1 else report,
            "stderr": [l for l in lines[2:] if l.strip()],
            "findings": data.get("findings", []),
        })
    units.sort(key=lambda u: u["file"])
    return units


def merge(units):
    """memlint check's several-TU rule (driver/memlint/Analyze.cpp
    mergeFindings): one finding per check, place and ordinal of the check's
    distinct messages there in its TU, as the first TU in path order words
    it; TUs that word it differently (template instantiations) add a note."""
    groups = {}
    for unit in units:
        if unit["status"] not in (0, 1):
            continue  # a TU that did not compile: its findings are not trusted
        in_tu = {}
        for f in unit["findings"]:
            place = (f.get("check", ""), f.get("file", ""), f.get("offset", 0))
            seen = in_tu.setdefault(place, [])
            if f.get("message") in seen:
                continue
            seen.append(f.get("message"))
            key = (place[1], place[2], place[0], len(seen) - 1)
            group = groups.setdefault(key, {"first": f, "messages": set()})
            group["messages"].add(f.get("message"))
    out = []
    for key in sorted(groups):
        group = groups[key]
        f = dict(group["first"])
        if len(group["messages"]) > 1:
            f["notes"] = list(f.get("notes", [])) + [{
                "file": f.get("file"), "line": f.get("line"), "column": f.get("column"),
                "message": "reported %d ways at this place (template instantiations or TUs "
                           "that see different types); shown as the first TU in path order "
                           "reports it" % len(group["messages"])}]
        out.append(f)
    return out


def gate_status(units, findings):
    statuses = {u["status"] for u in units}
    if 2 in statuses:
        return 2
    if statuses - {0, 1}:
        return 3
    return 1 if findings else 0


def text_report(units, findings, status):
    out = []
    for f in findings:
        out.append("%s:%s:%s: %s: %s [%s]" % (f.get("file"), f.get("line"), f.get("column"),
                                             f.get("level", "warning"), f.get("message"),
                                             f.get("check")))
        for n in f.get("notes", []):
            out.append("%s:%s:%s: note: %s" % (n.get("file"), n.get("line"), n.get("column"),
                                              n.get("message")))
    for u in units:
        if u["status"] not in (0, 1):
            why = u["stderr"][0] if u["stderr"] else "memlint exit %d" % u["status"]
            out.append("memlint: error: '%s' was not analysed: %s" % (u["file"], why))
    files = len({f.get("file") for f in findings})
    out.append("memlint: %d finding%s in %d file%s, %d TU%s analysed (exit status %d)" % (
        len(findings), "" if len(findings) == 1 else "s", files, "" if files == 1 else "s",
        len(units), "" if len(units) == 1 else "s", status))
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", required=True)
    parser.add_argument("--text", required=True)
    parser.add_argument("--status", required=True)
    parser.add_argument("results", nargs="*")
    args = parser.parse_args()
    units = read_units(args.results)
    findings = merge(units)
    status = gate_status(units, findings)
    with open(args.json, "w", encoding="utf-8") as f:
        json.dump({
            "tool": "memlint",
            "findings": findings,
            "units": [{"file": u["file"], "status": u["status"]} for u in units],
            "summary": {"findings": len(findings), "units": len(units), "status": status},
        }, f, indent=2, sort_keys=True)
        f.write("\n")
    with open(args.text, "w", encoding="utf-8") as f:
        f.write(text_report(units, findings, status))
    with open(args.status, "w", encoding="utf-8") as f:
        f.write("%d\n" % status)
    return 0


if __name__ == "__main__":
    sys.exit(main())
