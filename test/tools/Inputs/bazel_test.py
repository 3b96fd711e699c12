#!/usr/bin/env python3
"""Drives the Bazel aspect (driver/bazel) on the fixture workspace Inputs/bazel-ws.

Prints one line per step for FileCheck (test/tools/bazel.test) and fails
itself on anything unexpected. One Bazel server (fixed --output_user_root
under the test's directory) serves every step; it is shut down at the end.
"""
import argparse
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading

HERE = os.path.dirname(os.path.abspath(__file__))


def fail(msg):
    print("bazel_test: FAIL: " + msg)
    sys.exit(1)


class Bazel:
    def __init__(self, tmp, ws):
        self.root = os.path.join(tmp, "root")
        self.ws = ws
        self.log = os.path.join(tmp, "exec.json")

    def __call__(self, *args, check=True):
        cmd = ["bazel", "--output_user_root=" + self.root, "--max_idle_secs=120"] + list(args)
        p = subprocess.run(cmd, cwd=self.ws, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True)
        if check and p.returncode != 0:
            print(p.stdout[-4000:])
            fail("'%s' exited %d" % (" ".join(args), p.returncode))
        return p

    def build(self, *flags):
        """Builds the memlint output group of //...; returns (summary, TUs run, spawns)."""
        if os.path.exists(self.log):
            os.remove(self.log)
        p = self("build", "--config=memlint", "--execution_log_json_file=" + self.log,
                 *flags, "//...")
        # Bazel 4 calls a disk cache hit a "remote cache hit", later ones "disk cache hit".
        m = re.search(r"INFO: (\d+) process(?:es)?: ([^\n]*?)\.?$", p.stdout, re.M)
        if not m:
            print(p.stdout[-4000:])
            fail("no 'processes' line")
        spawns = [s for s in read_log(self.log) if s.get("mnemonic") == "Memlint"]
        ran = sorted(s["progressMessage"].split()[-1] for s in spawns
                     if not s.get("remoteCacheHit"))
        return m.group(2), ran, spawns


def read_log(path):
    text = open(path, encoding="utf-8").read()
    dec, i, out = json.JSONDecoder(), 0, []
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            return out
        obj, i = dec.raw_decode(text, i)
        out.append(obj)


def prepare(args, tmp):
    tools = os.path.join(tmp, "tools")
    os.makedirs(os.path.join(tools, "bin"))
    os.makedirs(os.path.join(tools, "lib"))
    for name in ("memlint", "memlint-tidy"):
        shutil.copy2(os.path.join(args.bindir, name), os.path.join(tools, "bin"))
    libdir = os.path.join(os.path.dirname(args.bindir), "lib")
    for name in os.listdir(libdir):
        if name.startswith("libmemlint") and name.endswith(".so") and "alloc_count" not in name:
            shutil.copy2(os.path.join(libdir, name), os.path.join(tools, "lib"))
    return tools


def checkout(tmp, name, tools, src_root):
    ws = os.path.join(tmp, name)
    shutil.copytree(os.path.join(HERE, "bazel-ws"), ws)
    path = os.path.join(ws, "WORKSPACE")
    text = open(path).read()
    text = text.replace("@MEMLINT_BAZEL@", os.path.join(src_root, "driver", "bazel"))
    text = text.replace("@MEMLINT_TOOLS@", tools)
    open(path, "w").write(text)
    return ws


def append(path, text):
    with open(path, "a") as f:
        f.write(text)


class CacheHandler(http.server.BaseHTTPRequestHandler):
    """A Bazel HTTP cache: GET and PUT of /ac/<hash> and /cas/<hash>."""
    protocol_version = "HTTP/1.1"
    store = {}

    def do_GET(self):
        body = self.store.get(self.path)
        self.send_response(200 if body is not None else 404)
        self.send_header("Content-Length", str(len(body or b"")))
        self.end_headers()
        self.wfile.write(body or b"")

    def do_PUT(self):
        self.store[self.path] = self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def check_all_hits(what, summary, spawns):
    hits = re.search(r"(\d+) (?:remote|disk) cache hit", summary)
    executed = [s for s in spawns if not s.get("remoteCacheHit")]
    if not hits or executed or int(hits.group(1)) != len(spawns):
        fail("%s: expected all %d memlint actions from the cache, got '%s'" % (
            what, len(spawns), summary))
    others = [p.strip() for p in summary.split(",") if "cache hit" not in p and "internal" not in p]
    if others:
        fail("%s: processes other than cache hits: %s" % (what, others))
    print("%s: %d of %d memlint actions are cache hits (%s)" % (what, len(spawns), len(spawns),
                                                             summary))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--src-root", required=True)
    ap.add_argument("--bindir", required=True)
    ap.add_argument("--tmp", required=True)
    ap.add_argument("--no-http", action="store_true")
    args = ap.parse_args()
    tmp = os.path.abspath(args.tmp)
    if os.path.exists(tmp):
        subprocess.run(["chmod", "-R", "u+w", tmp])
        shutil.rmtree(tmp)
    os.makedirs(tmp)
    tools = prepare(args, tmp)
    ws = checkout(tmp, "ws", tools, args.src_root)
    disk = "--disk_cache=" + os.path.join(tmp, "disk-cache")
    bazel = Bazel(tmp, ws)
    try:
        run_steps(bazel, ws, tmp, tools, disk, args)
    finally:
        bazel("shutdown", check=False)
    print("bazel_test: OK")


def run_steps(bazel, ws, tmp, tools, disk, args):
    _, ran, spawns = bazel.build(disk)
    print("first build: ran " + " ".join(ran))
    for s in spawns:
        inputs = {i["path"] for i in s["inputs"]}
        for need in (".clang-tidy", "external/memlint_tools/llvm_version.txt",
                     "external/memlint_tools/bin/memlint-tidy",
                     "external/memlint_tools/lib/libmemlint.so"):
            if need not in inputs:
                fail("%s is not an input of '%s'" % (need, s["progressMessage"]))
    print("every memlint action declares .clang-tidy, the tools, the plugin and the LLVM stamp")

    p = bazel("run", "//:memlint", check=False)
    print("report: exit %d" % p.returncode)
    for line in p.stdout.splitlines():
        if re.match(r"(\S+:\d+:\d+: |memlint: )", line):
            print("report: " + line)
    merged = json.load(open(os.path.join(ws, "bazel-bin", "memlint.json")))
    print("report.json: " + ", ".join("%s:%d %s" % (f["file"], f["line"], f["check"])
                                      for f in merged["findings"]))
    p = bazel("test", "//:memlint_test", check=False)
    print("memlint_test: exit %d (%s)" % (p.returncode, "FAILED" if "FAILED" in p.stdout else "passed"))

    bazel("clean")
    summary, _, spawns = bazel.build(disk)
    check_all_hits("after bazel clean, --disk_cache", summary, spawns)

    edits = [
        ("header include/fixture/grow.h", lambda: append(os.path.join(ws, "include/fixture/grow.h"), "// edit\n")),
        ("source main.cc", lambda: append(os.path.join(ws, "main.cc"), "// edit\n")),
        ("source other.cc", lambda: append(os.path.join(ws, "other.cc"), "// edit\n")),
        (".clang-tidy", lambda: append(os.path.join(ws, ".clang-tidy"), "# edit\n")),
        ("the plugin lib/libmemlint.so", lambda: append(os.path.join(tools, "lib/libmemlint.so"), "\0")),
        ("bin/memlint-tidy", lambda: append(os.path.join(tools, "bin/memlint-tidy"), "\0")),
    ]
    for what, edit in edits:
        edit()
        _, ran, _ = bazel.build()
        print("edit %s: ran %s" % (what, " ".join(ran) or "nothing"))
    _, ran, _ = bazel.build()
    print("no edit: ran %s" % (" ".join(ran) or "nothing"))

    if args.no_http:
        return
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), CacheHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    remote = "--remote_cache=http://127.0.0.1:%d/memlint" % server.server_address[1]
    try:
        # After a clean the actions run again (no --disk_cache here), and upload.
        bazel("clean")
        _, ran, _ = bazel.build(remote)
        print("first checkout, HTTP cache: ran " + " ".join(ran))
        other = checkout(tmp, "ws-second-checkout", tools, args.src_root)
        # The first checkout's edits, made again: the same sources at another path.
        for name in ("include/fixture/grow.h", "main.cc", "other.cc"):
            append(os.path.join(other, name), "// edit\n")
        append(os.path.join(other, ".clang-tidy"), "# edit\n")
        second = Bazel(tmp, other)
        try:
            summary, _, spawns = second.build(remote)
            check_all_hits("second checkout at another path, HTTP cache", summary, spawns)
            a = open(os.path.join(ws, "bazel-bin/_memlint/grow/grow.cc.memlint.json")).read()
            b = open(os.path.join(other, "bazel-bin/_memlint/grow/grow.cc.memlint.json")).read()
            print("second checkout's grow.cc result is %s" % ("identical" if a == b else "DIFFERENT"))
        finally:
            second("shutdown", check=False)
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
