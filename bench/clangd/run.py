#!/usr/bin/env python3
"""Editor latency: time from textDocument/didOpen to the first
publishDiagnostics, stock clangd (stock performance-* checks) against
memlint-clangd (the same stock checks plus memlint-*), on the same file.

Each sample starts a fresh server on a fresh copy of the project, so the
preamble is built every time, as when a file is first opened. The two
configurations alternate in random order each round; the report gives the
medians and their ratio, and writes them to docs/benchmarks.md.

Usage: bench/clangd/run.py [--build build] [--rounds 15] [--file F] [--no-write]
"""

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "test", "lsp"))
sys.path.insert(0, os.path.join(ROOT, "bench", "common"))
import benchdoc  # noqa: E402
from lsp_client import Client  # noqa: E402


def one_sample(server, checks, source, timeout=300):
    work = tempfile.mkdtemp(prefix="memlint-clangd-bench-")
    try:
        path = os.path.join(work, os.path.basename(source))
        shutil.copy(source, path)
        with open(os.path.join(work, "compile_commands.json"), "w") as f:
            json.dump([{"directory": work, "file": path,
                        "arguments": ["clang++", "-std=c++17", "-c", path]}], f)
        with open(os.path.join(work, ".clangd"), "w") as f:
            f.write("Diagnostics:\n  ClangTidy:\n    Add: [%s]\n" % ", ".join(checks))
        with open(path) as f:
            text = f.read()
        log = open(os.path.join(work, "clangd.log"), "w")
        client = Client([server, "--log=error", "--background-index=false",
                         "--compile-commands-dir=" + work, "--enable-config"], work, log)
        uri = "file://" + path
        client.request("initialize", {"processId": os.getpid(), "rootUri": "file://" + work,
                                      "capabilities": {}}, timeout)
        client.notify("initialized", {})
        start = time.perf_counter()
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "cpp", "version": 1, "text": text}})
        msg = client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                          and m["params"]["uri"] == uri, timeout)
        opened = time.perf_counter() - start
        codes = sorted({d.get("code", "") for d in msg["params"]["diagnostics"]})
        # An edit below the includes reuses the preamble: this is the
        # every-keystroke case, where the checks' share is largest.
        start = time.perf_counter()
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"text": text + "\nint memlintBenchEdit;\n"}]})
        client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                    and m["params"]["uri"] == uri and m["params"].get("version") == 2, timeout)
        edited = time.perf_counter() - start
        client.request("shutdown", None, timeout)
        client.notify("exit", None)
        client.proc.wait(timeout=timeout)
        return (opened, edited), codes
    finally:
        shutil.rmtree(work, ignore_errors=True)


def memlint_version(server):
    """clangd's version line and memlint's, from `memlint-clangd --version`."""
    import subprocess
    out = subprocess.run([server, "--version"], stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, universal_newlines=True).stdout
    lines = [l.strip() for l in out.splitlines() if "version" in l]
    return " + ".join(lines) if lines else "unknown"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.environ.get("MEMLINT_BUILD_DIR", "build"))
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--file", default=os.path.join(HERE, "Inputs", "workload.cpp"))
    ap.add_argument("--stock-clangd", default=None)
    ap.add_argument("--no-write", action="store_true")
    opts = ap.parse_args()
    build = os.path.join(ROOT, opts.build) if not os.path.isabs(opts.build) else opts.build
    cache = open(os.path.join(build, "CMakeCache.txt")).read()
    llvm = [l.split("=", 1)[1] for l in cache.splitlines()
            if l.startswith("MEMLINT_LLVM_VERSION:")][0]
    stock = opts.stock_clangd or "/usr/bin/clangd-%s" % llvm
    memlint = os.path.join(build, "bin", "memlint-clangd")
    configs = {
        "stock clangd, performance-*": (stock, ["performance-*"]),
        "memlint-clangd, performance-* + memlint-*": (memlint, ["performance-*", "memlint-*"]),
    }
    times = {name: [] for name in configs}
    edits = {name: [] for name in configs}
    found = {}
    rng = random.Random(1)
    loads = []
    one_sample(memlint, ["memlint-*"], opts.file)  # warm the file cache
    for r in range(opts.rounds):
        order = list(configs)
        rng.shuffle(order)
        for name in order:
            server, checks = configs[name]
            t, codes = one_sample(server, checks, opts.file)
            times[name].append(t[0])
            edits[name].append(t[1])
            found[name] = codes
        loads.append(os.getloadavg()[0])
        print("round %d/%d: %s" % (r + 1, opts.rounds, ", ".join(
            "%.0f/%.0f ms" % (times[n][-1] * 1000, edits[n][-1] * 1000) for n in configs)),
            file=sys.stderr)

    names = list(configs)
    med = {n: statistics.median(times[n]) for n in names}
    emed = {n: statistics.median(edits[n]) for n in names}
    ratio = med[names[1]] / med[names[0]]
    eratio = emed[names[1]] / emed[names[0]]
    memlint_codes = [c for c in found[names[1]] if c.startswith("memlint-")]
    lines = [
        "### Editor latency: didOpen to diagnostics (`bench/clangd/run.py`)",
        "",
        "File: `%s`; %d rounds, configurations alternating in random order; a fresh server"
        " per sample (preamble built each time); median wall time." %
        (os.path.relpath(opts.file, ROOT), opts.rounds),
        "",
        "| server and checks | open: median (min–max) | edit: median (min–max) |",
        "| --- | ---: | ---: |",
    ]
    for n in names:
        lines.append("| %s | %.0f ms (%.0f–%.0f) | %.0f ms (%.0f–%.0f) |" % (
            n, med[n] * 1000, min(times[n]) * 1000, max(times[n]) * 1000,
            emed[n] * 1000, min(edits[n]) * 1000, max(edits[n]) * 1000))
    lines += [
        "",
        "*open*: didOpen to the first diagnostics (preamble built); *edit*: a didChange below the"
        " includes to its diagnostics (preamble reused, the every-keystroke case).",
        "",
        "memlint's checks add **%+.1f%%** on open and **%+.1f%%** on edit (target: at most +10%%);"
        " memlint checks that reported on this file: %s." %
        ((ratio - 1) * 100, (eratio - 1) * 100,
         ", ".join("`%s`" % c for c in memlint_codes) or "none"),
        "",
        "Machine: %s; 1-minute load average %.1f–%.1f during the run (wall times grow"
        " with load; the ratio is the figure to read). Servers: %s; %s." % (
            benchdoc.machine(), min(loads), max(loads), benchdoc.tool_version([stock]),
            memlint_version(memlint)),
    ]
    text = "\n".join(lines)
    print(text)
    if not opts.no_write:
        benchdoc.update_section("clangd", text)


if __name__ == "__main__":
    main()
