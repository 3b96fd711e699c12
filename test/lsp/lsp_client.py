#!/usr/bin/env python3
"""Acts as an editor against memlint-clangd over stdio (LSP).

Makes a one-file project in --workdir (compile_commands.json and a .clangd
that enables the checks), opens the file, waits for clangd's diagnostics and
prints them, one per line, for FileCheck:

  diagnostic <code> <line>:<col>-<line>:<col> <severity> <message>

(1-based lines and columns). With --apply-fix CODE it asks for the code
actions of the first diagnostic with that code, applies the quick-fix's
workspace edit exactly as an editor does (edits in reverse order, positions
in UTF-16 code units), prints `applied <code>: <title>`, and requires the
result to equal --expect-fixed and to compile with --clangxx. Exits non-zero
on any mismatch, a clangd crash or a time-out.
"""

import argparse
import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time


class LspError(Exception):
    pass


class Client:
    def __init__(self, cmd, cwd, log):
        self.proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=log)
        self.next_id = 1
        self.messages = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.decode("ascii").strip()
                if not line:
                    break
                key, _, value = line.partition(":")
                headers[key.strip().lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            self.messages.put(json.loads(body.decode("utf-8")))

    def send(self, payload):
        data = json.dumps(payload).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params, timeout):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        msg = self.wait(lambda m: m.get("id") == rid and "method" not in m, timeout)
        if "error" in msg:
            raise LspError("%s failed: %s" % (method, msg["error"]))
        return msg.get("result")

    def wait(self, predicate, timeout):
        deadline = time.time() + timeout
        while True:
            left = deadline - time.time()
            if left <= 0:
                raise LspError("timed out waiting for clangd")
            try:
                msg = self.messages.get(timeout=left)
            except queue.Empty:
                raise LspError("timed out waiting for clangd")
            if msg is None:
                raise LspError("clangd exited (status %s)" % self.proc.wait())
            # Answer server-to-client requests the way a minimal editor does.
            if "method" in msg and "id" in msg:
                self.send({"jsonrpc": "2.0", "id": msg["id"], "result": None})
                continue
            if predicate(msg):
                return msg


def offset_of(text, pos):
    """LSP position (UTF-16 code units) to an index into text."""
    lines = text.split("\n")
    if pos["line"] >= len(lines):
        return len(text)
    start = sum(len(l) + 1 for l in lines[:pos["line"]])
    line = lines[pos["line"]]
    units = 0
    for i, ch in enumerate(line):
        if units >= pos["character"]:
            return start + i
        units += 2 if ord(ch) > 0xFFFF else 1
    return start + len(line)


def apply_edits(text, edits):
    spans = sorted(((offset_of(text, e["range"]["start"]), offset_of(text, e["range"]["end"]),
                     e["newText"]) for e in edits), reverse=True)
    for begin, end, new in spans:
        text = text[:begin] + new + text[end:]
    return text


def edits_for(edit, uri):
    out = list((edit.get("changes") or {}).get(uri, []))
    for change in edit.get("documentChanges") or []:
        if change.get("textDocument", {}).get("uri") == uri:
            out.extend(change.get("edits", []))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--clangd", required=True)
    ap.add_argument("--clangxx", required=True)
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--file", required=True)
    ap.add_argument("--checks", default="memlint-*")
    ap.add_argument("--clangd-config", default=None,
                    help="extra lines for .clangd (default: none beyond the checks)")
    ap.add_argument("--std", default="c++17")
    ap.add_argument("--include", action="append", default=[])
    ap.add_argument("--apply-fix", default=None)
    ap.add_argument("--expect-fixed", default=None)
    ap.add_argument("--timeout", type=float, default=120)
    opts = ap.parse_args()

    work = os.path.abspath(opts.workdir)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    name = os.path.basename(opts.file)
    path = os.path.join(work, name)
    shutil.copy(opts.file, path)
    with open(path) as f:
        text = f.read()
    args = ["clang++", "-std=" + opts.std, "-c", path] + ["-I" + i for i in opts.include]
    with open(os.path.join(work, "compile_commands.json"), "w") as f:
        json.dump([{"directory": work, "file": path, "arguments": args}], f)
    checks = [c.strip() for c in opts.checks.split(",") if c.strip()]
    with open(os.path.join(work, ".clangd"), "w") as f:
        f.write("Diagnostics:\n  ClangTidy:\n    Add: [%s]\n" % ", ".join(checks))
        if opts.clangd_config:
            f.write(opts.clangd_config.replace("\\n", "\n") + "\n")

    log = open(os.path.join(work, "clangd.log"), "w")
    client = Client([opts.clangd, "--log=error", "--background-index=false",
                     "--compile-commands-dir=" + work, "--enable-config"], work, log)
    uri = "file://" + path
    status = 0
    try:
        client.request("initialize", {
            "processId": os.getpid(), "rootUri": "file://" + work,
            "capabilities": {"textDocument": {
                "publishDiagnostics": {"relatedInformation": True},
                "codeAction": {"codeActionLiteralSupport": {
                    "codeActionKind": {"valueSet": ["quickfix", "refactor", "source"]}}}}},
        }, opts.timeout)
        client.notify("initialized", {})
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "cpp", "version": 1, "text": text}})
        msg = client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                          and m["params"]["uri"] == uri, opts.timeout)
        diags = msg["params"]["diagnostics"]
        severities = {1: "error", 2: "warning", 3: "info", 4: "hint"}
        for d in diags:
            r = d["range"]
            print("diagnostic %s %d:%d-%d:%d %s %s" % (
                d.get("code", "-"), r["start"]["line"] + 1, r["start"]["character"] + 1,
                r["end"]["line"] + 1, r["end"]["character"] + 1,
                severities.get(d.get("severity"), "?"), d["message"].split("\n")[0]))

        if opts.apply_fix:
            target = [d for d in diags if d.get("code") == opts.apply_fix]
            if not target:
                raise LspError("no %s diagnostic to fix" % opts.apply_fix)
            diag = target[0]
            actions = client.request("textDocument/codeAction", {
                "textDocument": {"uri": uri}, "range": diag["range"],
                "context": {"diagnostics": [diag], "only": ["quickfix"]}}, opts.timeout) or []
            fixes = [a for a in actions if a.get("kind") == "quickfix" and a.get("edit")]
            if not fixes:
                raise LspError("clangd offered no quick-fix for %s" % opts.apply_fix)
            fix = fixes[0]
            fixed = apply_edits(text, edits_for(fix["edit"], uri))
            print("applied %s: %s" % (opts.apply_fix, fix["title"]))
            if opts.expect_fixed:
                with open(opts.expect_fixed) as f:
                    expected = f.read()
                if fixed != expected:
                    sys.stderr.write("fixed text differs from %s:\n%s" % (opts.expect_fixed, fixed))
                    status = 1
            with open(path, "w") as f:
                f.write(fixed)
            proc = subprocess.run([opts.clangxx, "-fsyntax-only", "-std=" + opts.std] +
                                  ["-I" + i for i in opts.include] + [path],
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  universal_newlines=True)
            if proc.returncode:
                sys.stderr.write("the fixed file does not compile:\n" + proc.stdout)
                status = 1

        client.request("shutdown", None, opts.timeout)
        client.notify("exit", None)
        code = client.proc.wait(timeout=opts.timeout)
        if code != 0:
            raise LspError("clangd exited with status %d (log: %s)" % (code, log.name))
    except LspError as e:
        sys.stderr.write("lsp_client: error: %s\n" % e)
        client.proc.kill()
        return 1
    return status


if __name__ == "__main__":
    sys.exit(main())
