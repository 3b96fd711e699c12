"""Prints a memlint profile (or checks it) in a form FileCheck can match.

  profile_query.py PROFILE          one line per site, then the totals
Each site line: `site ALLOCS BYTES file:line function system=N peak=P
inlined=I via=F:L,...`: the basename of the site's file (`?` without line
information, `-` when no frame is user code), N the frames inside the site
(before the user frame) marked system, P its peak live bytes, I the inlined
frames of its stack, then the next two user-code callers with a line. Exits 1
when the profile breaks the format's invariants (`site` is not the innermost
non-system frame, totals are not the sums).
"""
import json
import os
import sys


def fail(msg):
    print("profile_query: " + msg)
    sys.exit(1)


def main():
    with open(sys.argv[1]) as f:
        p = json.load(f)
    if p.get("format") != "memlint-profile" or p.get("version") != 1:
        fail("not a memlint profile v1")
    total_allocs = p["totals"]["unattributedAllocations"]
    total_bytes = p["totals"]["unattributedBytes"]
    for s in p["sites"]:
        total_allocs += s["allocations"]
        total_bytes += s["bytes"]
        stack = s["stack"]
        user = next((i for i, fr in enumerate(stack) if not fr["system"]), None)
        site = s["site"]
        if user is None:
            if site is not None:
                fail("a site without user frame names one")
            where, fn, inner = "-", "-", stack
        else:
            fr = stack[user]
            if {k: fr[k] for k in ("function", "file", "line", "column")} != site:
                fail("'site' is not the innermost non-system frame")
            where = "%s:%d" % (os.path.basename(fr["file"]), fr["line"]) if fr["file"] else "?"
            fn, inner = fr["function"], stack[:user]
        via = ["%s:%d" % (fr["function"], fr["line"]) for fr in stack[(user or 0) + 1:]
               if not fr["system"] and fr["line"]][:2]
        print("site %d %d %s %s system=%d peak=%d inlined=%d via=%s" % (
            s["allocations"], s["bytes"], where, fn,
            sum(1 for fr in inner if fr["system"]), s["peakLiveBytes"],
            sum(1 for fr in stack if fr["inlined"]), ",".join(via) or "-"))
    t = p["totals"]
    if t["allocations"] != total_allocs or t["bytes"] != total_bytes:
        fail("totals are not the sum of the sites")
    if t["sites"] != len(p["sites"]):
        fail("totals.sites is not the number of sites")
    print("totals %d %d sites=%d" % (t["allocations"], t["bytes"], t["sites"]))


main()
