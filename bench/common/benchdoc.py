"""Shared helpers for memlint's benchmark scripts: the machine description
written next to every table, and replacing one section of docs/benchmarks.md
between `<!-- NAME:begin -->` and `<!-- NAME:end -->` markers, and the
measuring helpers of the before/after benchmarks."""

import os
import platform
import re
import statistics
import subprocess
import sys

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


# Measuring before/after pairs (bench/logproc, bench/service): one copy of
# the command runner, the CPU-time probe and the interleaved timing loop.

def sh(prog, cmd, ok=(0,), **kw):
    """Runs cmd, returns its output; exits with `prog: ...` on another code."""
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       universal_newlines=True, **kw)
    if r.returncode not in ok:
        sys.exit("%s: %s failed (exit %d):\n%s" % (prog, " ".join(cmd), r.returncode, r.stdout))
    return r.stdout


def cpu_time(prog, cmd):
    """User + system CPU seconds of one run of cmd (its stdout discarded)."""
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.execv(cmd[0], cmd)
    _, status, usage = os.wait4(pid, 0)
    if status:
        sys.exit("%s: %s exited with %d" % (prog, cmd[0], status))
    return usage.ru_utime + usage.ru_stime


def build_tools(build):
    """(absolute build dir, its LLVM version, that version's clang++)."""
    build = build if os.path.isabs(build) else os.path.join(ROOT, build)
    cache = open(os.path.join(build, "CMakeCache.txt")).read()
    llvm = [l.split("=", 1)[1] for l in cache.splitlines()
            if l.startswith("MEMLINT_LLVM_VERSION:")][0]
    return build, llvm, "/usr/lib/llvm-%s/bin/clang++" % llvm


def compile_versions(prog, cxx, runtime, work, sources):
    """Builds each (label, source) at -O2 against runtime/include into work;
    returns {label: executable}."""
    exes = {}
    for label, src in sources:
        exes[label] = os.path.join(work, label)
        sh(prog, [cxx, "-std=c++17", "-O2", "-I", runtime, "-o", exes[label], src])
    return exes


def interleaved_medians(prog, exes, args, runs, rng):
    """Median CPU time of each executable over `runs` rounds, the order
    shuffled by rng in every round so drift hits all versions alike."""
    times = {label: [] for label in exes}
    order = list(exes)
    for _ in range(runs):
        rng.shuffle(order)
        for label in order:
            times[label].append(cpu_time(prog, [exes[label]] + args))
    return {label: statistics.median(t) for label, t in times.items()}
