#!/usr/bin/env python3
"""Unit tests of the validation machinery (scripts/validate, bench/analyzer).
Run by `scripts/validate --ci` before the project run, or alone:
python3 test/validation/test_validate.py"""

import importlib.machinery
import importlib.util
import os
import shutil
import subprocess
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def load(name, path):
    loader = importlib.machinery.SourceFileLoader(name, path)
    spec = importlib.util.spec_from_loader(name, loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


V = load("validate", os.path.join(ROOT, "scripts", "validate"))
B = load("bench_analyzer", os.path.join(ROOT, "bench", "analyzer", "run.py"))


def diag(name, path, offset, msg, reps=(), note_reps=()):
    return {
        "DiagnosticName": name,
        "DiagnosticMessage": {
            "Message": msg, "FilePath": path, "FileOffset": offset,
            "Replacements": [dict(FilePath=path, Offset=o, Length=n, ReplacementText=t)
                             for o, n, t in reps]},
        "Notes": [{"Message": "note", "FilePath": path, "FileOffset": offset,
                   "Replacements": [dict(FilePath=path, Offset=o, Length=n,
                                         ReplacementText=t) for o, n, t in note_reps]}],
        "Level": "Warning", "BuildDirectory": "/",
    }


class Base(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.tree = os.path.join(self.dir, "tree")
        os.makedirs(os.path.join(self.tree, "src"))
        self.h = os.path.join(self.tree, "src", "a.h")
        with open(self.h, "w") as f:
            # offsets: line 1 at 0, line 2 at 12, line 3 at 24
            f.write("enum  E {\n};\nint x = 0;\nint x = 0;\n")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def yaml(self, name, diags):
        p = os.path.join(self.dir, name)
        V.dump_yaml({"MainSourceFile": "/m.cc", "Diagnostics": diags}, p)
        return p


class Findings(Base):
    def test_header_diagnostic_from_two_tus_counts_once(self):
        d = diag("memlint-x", self.h, 0, "m")
        fs, _ = V.collect([self.yaml("1.yaml", [d]), self.yaml("2.yaml", [d])],
                          self.tree, self.tree, lambda n: True)
        self.assertEqual(len(fs), 1)
        self.assertEqual((fs[0]["file"], fs[0]["line"], fs[0]["text"]),
                         (os.path.join("src", "a.h"), 1, "enum E {"))

    def test_identical_lines_get_occurrence_indices_not_line_numbers(self):
        ds = [diag("memlint-x", self.h, 27, "m"), diag("memlint-x", self.h, 16, "m")]
        fs, _ = V.collect([self.yaml("1.yaml", ds)], self.tree, self.tree, lambda n: True)
        self.assertEqual([(f["text"], f["occ"], f["line"]) for f in fs],
                         [("int x = 0;", 0, 3), ("int x = 0;", 1, 4)])
        self.assertEqual(V.fkey(fs[0]), ("memlint-x", "src/a.h", "int x = 0;", 0))

    def test_outside_tree_and_filtered_checks_are_dropped(self):
        ds = [diag("memlint-x", "/usr/include/stdio.h", 0, "m"),
              diag("clang-diagnostic-error", self.h, 0, "e")]
        keep = lambda n: not n.startswith("clang-diagnostic-")
        fs, _ = V.collect([self.yaml("1.yaml", ds)], self.tree, self.tree, keep)
        self.assertEqual(fs, [])

    def test_missing_yaml_is_no_findings(self):
        fs, docs = V.collect([os.path.join(self.dir, "none.yaml")], self.tree,
                             self.tree, lambda n: True)
        self.assertEqual((fs, docs), ([], []))


class Triage(Base):
    def test_round_trip_and_verdicts(self):
        x = dict(check="memlint-x", file="src/a.h", text='say "hi" | x', occ=2)
        path = os.path.join(self.dir, "p.triage")
        with open(path, "w") as f:
            f.write(V.TRIAGE_HEADER.format(name="p"))
            f.write(V.triage_line(x, "false", "a reason #3 with \"quotes\"") + "\n")
            f.write(V.triage_line(dict(x, occ=0)) + "\n")
        t = V.read_triage(path)
        self.assertEqual(t[V.fkey(x)], dict(verdict="false",
                                            reason='a reason #3 with "quotes"'))
        self.assertEqual(t[V.fkey(dict(x, occ=0))]["verdict"], "?")

    def test_bad_verdict_is_an_error(self):
        path = os.path.join(self.dir, "p.triage")
        with open(path, "w") as f:
            f.write('maybe memlint-x src/a.h "x" #0 why\n')
        with self.assertRaises(SystemExit):
            V.read_triage(path)


class Fixes(Base):
    def test_note_fixes_dropped_and_check_filter(self):
        ds = [diag("memlint-x", self.h, 0, "m", reps=[(0, 4, "enum")],
                   note_reps=[(24, 3, "long")]),
              diag("memlint-y", self.h, 24, "m", reps=[(24, 3, "long")])]
        _, docs = V.collect([self.yaml("1.yaml", ds)], self.tree, self.tree,
                            lambda n: True)
        out = os.path.join(self.dir, "fx")
        n = V.write_fix_dirs(docs, self.tree, lambda n: True, out, only="memlint-x")
        self.assertEqual(n, 1)
        doc = V.load_yaml(os.path.join(out, "000.yaml"))
        self.assertEqual([d["DiagnosticName"] for d in doc["Diagnostics"]], ["memlint-x"])
        self.assertEqual(doc["Diagnostics"][0]["Notes"][0]["Replacements"], [])

    @unittest.skipUnless(shutil.which(V.APPLY), V.APPLY + " not installed")
    def test_apply_and_conflict(self):
        ds = [diag("memlint-x", self.h, 0, "m", reps=[(4, 2, " ")])]
        _, docs = V.collect([self.yaml("1.yaml", ds)], self.tree, self.tree, lambda n: True)
        out = os.path.join(self.dir, "fx")
        V.write_fix_dirs(docs, self.tree, lambda n: True, out)
        self.assertTrue(V.apply_fixes(out, os.path.join(self.dir, "apply.log")))
        self.assertTrue(open(self.h).read().startswith("enum E {\n"))
        # Two different edits of the same range cannot both apply.
        ds = [diag("memlint-x", self.h, 24, "m", reps=[(24, 3, "long")]),
              diag("memlint-y", self.h, 24, "m", reps=[(24, 3, "short")])]
        _, docs = V.collect([self.yaml("2.yaml", ds)], self.tree, self.tree, lambda n: True)
        V.write_fix_dirs(docs, self.tree, lambda n: True, out)
        self.assertFalse(V.apply_fixes(out, os.path.join(self.dir, "apply.log")))


class Rereport(Base):
    def test_verdicts_from_triage_without_rerun(self):
        x = dict(check="memlint-x", file="src/a.h", text="enum E {", occ=0, line=1,
                 offset=0, message="m", fix=True)
        res = dict(name="p", version="1", failures=[], findings=[x], tus=1,
                   checks=["memlint-x"], memlint=dict(status={"ok": 1}, cpu=1.0),
                   baseline_build=dict(ok=True, seconds=1),
                   baseline_tests=dict(ok=True, total=1, retries=0, seconds=1),
                   fixed=None, peers=[], peer_tus=1,
                   per_check={"memlint-x": dict(findings=1, fixes=1, seconds=0.1,
                                                build_ok=True, tests_ok=True)})
        meta = dict(command="scripts/validate p", when="then", rev="r", tool="t",
                    memlint="memlint 0", machine="m", clang="19", tidy="19",
                    cppcheck="2", jobs=2, seconds=5, full=False)
        saved = (V.WORK, V.RESULTS, V.TRIAGE_DIR)
        try:
            V.WORK, V.RESULTS, V.TRIAGE_DIR = (self.dir, os.path.join(self.dir, "r.json"),
                                               self.dir)
            with open(V.RESULTS, "w") as f:
                V.json.dump(dict(meta=meta, results=[res]), f)
            with open(os.path.join(self.dir, "p.triage"), "w") as f:
                f.write(V.triage_line(x, "true", "real") + "\n")
                f.write('false memlint-x src/b.h "gone" #0 old\n')

            class A:
                update_triage = no_docs = False
            self.assertEqual(V.rereport(A()), 0)
            report = V.read(os.path.join(self.dir, "report.md"))
        finally:
            V.WORK, V.RESULTS, V.TRIAGE_DIR = saved
        self.assertIn("| `memlint-x` | 1 | 1 | 0 | 0 | 1 | yes | yes | 0.10 |", report)
        self.assertIn('gone: `memlint-x src/b.h "gone" #0`', report)
        self.assertIn("verdicts from the triage files as of", report)


class Classify(unittest.TestCase):
    def run_(self, rc, out, timed_out=False):
        return V.classify(V.Run(rc, out, 0, 0, 0, timed_out))

    def test_classes(self):
        self.assertEqual(self.run_(0, "1 warning generated."), "ok")
        self.assertEqual(self.run_(-11, ""), "crash")
        self.assertEqual(self.run_(0, "PLEASE submit a bug report to ..."), "crash")
        self.assertEqual(self.run_(1, "a.cc:1:1: error: unknown type name 'x' "
                                      "[clang-diagnostic-error]"), "failed")
        self.assertEqual(self.run_(3, "no output"), "crash")
        self.assertEqual(self.run_(-9, "", timed_out=True), "hang")

    def test_measured_child(self):
        r = V.run_measured(["sh", "-c", "echo hi; exit 3"])
        self.assertEqual((r.rc, r.out, r.timed_out), (3, "hi\n", False))
        r = V.run_measured(["sleep", "5"], timeout=0.2)
        self.assertTrue(r.timed_out)
        self.assertEqual(V.classify(r), "hang")


class Misc(unittest.TestCase):
    def test_spread(self):
        self.assertEqual(V.spread(list(range(10)), 3), [0, 3, 6])
        self.assertEqual(V.spread([1, 2], 5), [1, 2])
        self.assertEqual(V.spread([1, 2], None), [1, 2])

    def test_parse_args_drop_output_and_depfiles(self):
        e = {"command": "/usr/bin/clang++-19 -DX=1 -Iinc -std=c++11 -MD -MT a.o "
                        "-MF a.o.d -o a.o -c /src/a.cc"}
        self.assertEqual(B.parse_args_of(e), ["-DX=1", "-Iinc", "-std=c++11", "/src/a.cc"])

    def test_deb_src_twins(self):
        deb822 = ("Types: deb\n# snapshot\nURIs: http://deb.debian.org/debian\n"
                  "Suites: bookworm bookworm-updates\nComponents: main\n"
                  "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\n"
                  "Types: deb\nURIs: https://deb.nodesource.com/node_20.x\n"
                  "Suites: nodistro\nComponents: main\n")
        have, st = V.deb_src_entries({"/x/debian.sources": deb822})
        self.assertFalse(have)
        self.assertEqual(st, ["Types: deb-src\nURIs: http://deb.debian.org/debian\n"
                              "Suites: bookworm bookworm-updates\nComponents: main\n"
                              "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg"])
        have, st = V.deb_src_entries({"/x/sources.list":
                                      "deb http://deb.debian.org/debian bookworm main\n"})
        self.assertEqual((have, st), (False, ["deb-src http://deb.debian.org/debian "
                                              "bookworm main"]))
        have, _ = V.deb_src_entries({"/x/debian.sources": deb822,
                                     "/x/memlint-src.sources": "Types: deb-src\n"})
        self.assertTrue(have)


if __name__ == "__main__":
    unittest.main(verbosity=1)
