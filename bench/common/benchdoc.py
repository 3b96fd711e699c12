"""Shared helpers for memlint's benchmark scripts: the machine description
written next to every table, and replacing one section of docs/benchmarks.md
between `<!-- NAME:begin -->` and `<!-- NAME:end -->` markers."""

import os
import platform
import re
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BENCHMARKS_MD = os.path.join(ROOT, "docs", "benchmarks.md")


def machine():
    model = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    # Shared machines skew CPU times; the load when measuring says how much.
    load = " (load average %.1f when measured)" % os.getloadavg()[0] if hasattr(os, "getloadavg") else ""
    return "%s, %d cores, %s%s" % (model, os.cpu_count() or 0, platform.platform(), load)


def tool_version(cmd):
    try:
        out = subprocess.run(cmd + ["--version"], stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, universal_newlines=True).stdout
    except OSError:
        return "not found"
    for line in out.splitlines():
        if "version" in line:
            return line.strip()
    return out.strip().splitlines()[0] if out.strip() else "unknown"


def update_section(name, text, path=BENCHMARKS_MD):
    begin, end = "<!-- %s:begin -->" % name, "<!-- %s:end -->" % name
    block = "%s\n%s\n%s" % (begin, text.rstrip("\n"), end)
    content = open(path).read() if os.path.exists(path) else "# memlint benchmarks\n"
    pattern = re.compile(re.escape(begin) + ".*?" + re.escape(end), re.S)
    if pattern.search(content):
        content = pattern.sub(lambda _: block, content)
    else:
        content = content.rstrip("\n") + "\n\n" + block + "\n"
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(content)
    os.replace(tmp, path)
