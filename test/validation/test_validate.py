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

    def test_saves_nothing_is_right_but_not_worth(self):
        path = os.path.join(self.dir, "p.triage")
        x = dict(check="memlint-x", file="src/a.h", text="t", occ=0)
        with open(path, "w") as f:
            f.write(V.triage_line(x, "nothing", "5 iterations, perf test") + "\n")
        self.assertEqual(V.read_triage(path)[V.fkey(x)]["verdict"], "nothing")
        row = dict(true=1, nothing=2, false=1)
        self.assertEqual(V.precision(row), "75%")
        self.assertEqual(V.worth(row), "25%")
        self.assertEqual(V.worth(dict()), "—")

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
        self.assertIn("| `memlint-x` | 1 | 1 | 0 | 0 | 0 | 100% | 100% | 1 | yes | yes | 0.10 |", report)
        self.assertIn('gone: `memlint-x src/b.h "gone" #0`', report)
        self.assertIn("verdicts from the triage files as of", report)


class PeerFindings(Base):
    """Peer tools' findings kept one by one (file, line, check, source text)."""

    def peer_dir(self, key):
        d = os.path.join(self.dir, key)
        os.makedirs(d)
        return d

    def test_tidy_log_lines(self):
        text = ("$ clang-tidy-19 ...\n2 warnings generated.\n"
                "/t/src/a.h:3:5: warning: 'find' called with a string "
                "literal [x]; use a char [performance-faster-string-find]\n"
                "    3 | int x = 0;\n"
                "/t/src/a.h:3:5: note: here [performance-faster-string-find]\n"
                "/t/a.cc:1:1: error: unknown type 'x' [clang-diagnostic-error]\n"
                "/t/b.h:9:8: warning: Excessive padding in 'struct S' (10 "
                "padding bytes, where 2 is optimal). Optimal fields order: b, a, "
                "consider reordering [clang-analyzer-optin.performance.Padding]\n")
        self.assertEqual(V.parse_tidy_log(text), [
            ("/t/src/a.h", 3, "'find' called with a string literal [x]; use a char",
             "performance-faster-string-find"),
            ("/t/b.h", 9, "Excessive padding in 'struct S' (10 padding bytes, "
             "where 2 is optimal). Optimal fields order: b, a, consider reordering",
             "clang-analyzer-optin.performance.Padding")])

    def test_exports_and_logs_header_once_outside_dropped(self):
        d = self.peer_dir("clang-tidy-performance")
        # TU 0 exported its diagnostics; TU 1 only has a log (a TU whose
        # export is missing); both report the same header line, which counts
        # once; TU 2 reports a system header only.
        V.dump_yaml({"MainSourceFile": "/m.cc", "Diagnostics": [
            diag("performance-enum-size", self.h, 2, "enum 'E' uses a larger base"),
            diag("clang-diagnostic-warning", self.h, 2, "unused")]},
            os.path.join(d, "000.yaml"))
        for i, body in enumerate([
                "", "%s:1:7: warning: enum 'E' uses a larger base "
                "[performance-enum-size]\n%s:4:5: warning: int [performance-x]\n"
                % (self.h, self.h),
                "/usr/include/stdio.h:1:1: warning: w [performance-x]\n"]):
            with open(os.path.join(d, "%03d.log" % i), "w") as f:
                f.write("$ clang-tidy-19\n" + body)
        fs = V.tidy_peer_findings("clang-tidy-performance", d, [self.tree],
                                  V.SourceCache(self.tree))
        self.assertEqual(fs, [
            dict(tool="clang-tidy-performance", check="performance-enum-size",
                 file="src/a.h", line=1, text="enum E {",
                 message="enum 'E' uses a larger base"),
            dict(tool="clang-tidy-performance", check="performance-x",
                 file="src/a.h", line=4, text="int x = 0;", message="int")])

    def test_missing_dir_is_no_findings(self):
        self.assertEqual(V.tidy_peer_findings("k", os.path.join(self.dir, "no"),
                                              [self.tree], V.SourceCache(self.tree)),
                         [])

    def test_cppcheck_performance_only_once_per_place(self):
        other = os.path.join(self.dir, "src")  # a second root: pristine copy
        os.makedirs(os.path.join(other, "src"))
        shutil.copy(self.h, os.path.join(other, "src", "a.h"))
        text = ("$ cppcheck ...\n"
                "%s@@3@@5@@performance@@passedByValue@@Function parameter 'x' "
                "should be passed by const reference.\n"
                "%s@@3@@5@@performance@@passedByValue@@Function parameter 'x' "
                "should be passed by const reference.\n"
                "%s@@4@@1@@error@@syntaxError@@syntax error\n"
                "%s@@4@@1@@performance@@uselessCallsSubstr@@a@@b\n"
                "/usr/include/x.h@@1@@1@@performance@@passedByValue@@m\n"
                % (self.h, self.h, self.h, os.path.join(other, "src", "a.h")))
        fs = V.parse_cppcheck(text, [self.tree, other], V.SourceCache(self.tree))
        self.assertEqual(fs, [
            dict(tool="cppcheck", check="passedByValue", file="src/a.h", line=3,
                 text="int x = 0;", message="Function parameter 'x' should be "
                 "passed by const reference."),
            dict(tool="cppcheck", check="uselessCallsSubstr", file="src/a.h",
                 line=4, text="int x = 0;", message="a@@b")])

    def test_fix_flag_from_any_tu(self):
        # A header finding whose fix only one TU could make (it sees the
        # out-of-line constructor) counts as fixed.
        a = diag("memlint-x", self.h, 0, "m")
        b = diag("memlint-x", self.h, 0, "m", reps=[(0, 4, "enum")])
        fs, _ = V.collect([self.yaml("1.yaml", [a]), self.yaml("2.yaml", [b])],
                          self.tree, self.tree, lambda n: True)
        self.assertEqual([f["fix"] for f in fs], [True])


def finding(check, file, line, text, message, occ=0, verdict="true", reason="r"):
    return dict(check=check, file=file, line=line, text=text, message=message,
                occ=occ, offset=0, fix=True, verdict=verdict, reason=reason)


def peer(tool, check, file, line, text, message):
    return dict(tool=tool, check=check, file=file, line=line, text=text,
                message=message)


class SideBySide(unittest.TestCase):
    def test_names(self):
        self.assertEqual(V.name_in("Excessive padding in 'class leveldb::DBImpl' "
                                   "(31 padding bytes"), "DBImpl")
        self.assertEqual(V.name_in("enum 'a::(anonymous namespace)::I::Dir' can be"),
                         "Dir")
        self.assertEqual(V.name_in("the loop variable's type is not a reference "
                                   "type; this creates a copy"), None)
        self.assertEqual(V.name_in("parameter 'smallest' is passed by value"),
                         "smallest")

    def test_match_kinds(self):
        m = finding("memlint-unneeded-copy", "a.cc", 10, "f(T s,",
                    "parameter 's' copies a 'T'")
        use = peer("t", "performance-unnecessary-value-param", "a.cc", 14,
                   "x = s;", "parameter 's' is passed by value and only copied once")
        self.assertTrue(V.peer_matches("function", m, use))
        self.assertFalse(V.peer_matches("line", m, use))
        self.assertFalse(V.peer_matches("function", m, dict(use, line=9)))
        self.assertFalse(V.peer_matches("function", m, dict(use, line=10 + 61)))
        self.assertFalse(V.peer_matches("function", m, dict(use, file="b.cc")))
        self.assertTrue(V.peer_matches("line", m, dict(use, line=10,
                                                       message="no name")))
        r = finding("memlint-padding-waste", "a.h", 20, "class R {",
                    "'R' is 88 bytes")
        csa = peer("csa-padding-1", V.PADDING, "a.h", 21, "",
                   "Excessive padding in 'class ns::R' (21 padding bytes")
        self.assertTrue(V.peer_matches("record", r, csa))
        self.assertFalse(V.peer_matches("record", r, dict(
            csa, message="Excessive padding in 'class ns::Q' (2")))

    def res(self):
        ms = [finding("memlint-missing-reserve", "a.cc", 5, "v.push_back(i);", "m"),
              finding("memlint-missing-reserve", "b.cc", 7, "w.push_back(i);", "m",
                      verdict="false", reason="why"),
              finding("memlint-unneeded-copy", "a.cc", 1, "x", "m")]
        ps = [peer("clang-tidy-performance",
                   "performance-inefficient-vector-operation", "a.cc", 5,
                   "v.push_back(i);", "'push_back' is called inside a loop"),
              peer("clang-tidy-performance",
                   "performance-inefficient-vector-operation", "c.cc", 3,
                   "u.push_back(i);", "'push_back' is called inside a loop"),
              peer("clang-tidy-performance", "performance-enum-size", "a.cc", 5,
                   "v.push_back(i);", "other check, not compared")]
        return dict(name="p", version="1", tus=3, peer_tus=3, findings=ms,
                    peer_findings=ps,
                    peers=[dict(key="clang-tidy-performance", label="ct")],
                    per_check={"memlint-missing-reserve": dict(
                        findings=2, true=1, false=1, untriaged=0, fixes=2,
                        build_ok=True, tests_ok=True)})

    def test_rows_and_notes(self):
        cfg = V.CHECK_PAGES["memlint-missing-reserve"]
        notes = {("memlint", "memlint-missing-reserve", "b.cc", "w.push_back(i);", 0):
                 "the peer needs the loop alone in its block"}
        rows = V.side_by_side("memlint-missing-reserve", cfg, self.res(), notes)
        self.assertEqual([(r["m"] and r["m"]["file"], [p["file"] for p in r["peers"]],
                           r["note"]) for r in rows],
                         [("a.cc", ["a.cc"], None),
                          ("b.cc", [], "the peer needs the loop alone in its block"),
                          (None, ["c.cc"], None)])
        self.assertEqual(rows[2]["key"], ("clang-tidy-performance",
                                          "performance-inefficient-vector-operation",
                                          "c.cc", "u.push_back(i);", 0))

    def test_notes_file(self):
        d = tempfile.mkdtemp()
        try:
            path = os.path.join(d, "peers.notes")
            x = peer("cppcheck", "passedByValue", "a.cc", 3, 'f("a" | b)', "m")
            with open(path, "w") as f:
                f.write("# comment\n" + V.notes_line("cppcheck", x, 1,
                                                     "a sink: #2 \"moved\"") + "\n")
            self.assertEqual(V.read_notes(path), {
                ("cppcheck", "passedByValue", "a.cc", 'f("a" | b)', 1):
                    'a sink: #2 "moved"'})
            with open(path, "w") as f:
                f.write("cppcheck passedByValue a.cc no-json #0 x\n")
            with self.assertRaises(SystemExit):
                V.read_notes(path)
        finally:
            shutil.rmtree(d)

    def test_page_keeps_prose_and_renders_tables(self):
        d = tempfile.mkdtemp()
        saved = (V.PAGES_DIR, V.NOTES, V.CHECK_PAGES)
        try:
            V.PAGES_DIR, V.NOTES = d, os.path.join(d, "peers.notes")
            V.CHECK_PAGES = V.collections.OrderedDict(
                (k, v) for k, v in saved[2].items()
                if k in ("memlint-missing-reserve", "memlint-arena-candidate"))
            page = os.path.join(d, "missing-reserve.md")
            with open(page, "w") as f:
                f.write("# title\n\nprose before\n\n%s\nold\n%s\n\nprose after\n"
                        % (V.PAGE_BEGIN, V.PAGE_END))
            paths = V.write_check_pages([self.res()], dict(when="then"), "now")
            text = V.read(page)
            arena = V.read(os.path.join(d, "arena-candidate.md"))
        finally:
            V.PAGES_DIR, V.NOTES, V.CHECK_PAGES = saved
            shutil.rmtree(d)
        self.assertEqual(len(paths), 2)
        self.assertTrue(text.startswith("# title\n\nprose before\n\n"))
        self.assertTrue(text.endswith("%s\n\nprose after\n" % V.PAGE_END))
        self.assertNotIn("\nold\n", text)
        self.assertIn("| p | 2 | 1 | 0 | 1 | 0 | 50% | 50% | 2 | yes | yes |", text)
        self.assertIn("target ≥ 90%: **not met**", text)
        self.assertIn("| p | b.cc:7 | `w.push_back(i);` | false | why |", text)
        self.assertIn("| a.cc:5 | `v.push_back(i);` | yes (true) | clang-tidy "
                      "`performance-inefficient-vector-operation` |  |", text)
        self.assertIn("| c.cc:3 | `u.push_back(i);` | no | clang-tidy "
                      "`performance-inefficient-vector-operation` |  |", text)
        self.assertNotIn("other check", text)
        self.assertIn("No peer check runs here. Closest:", arena)


class RereportWork(Base):
    """--rereport --work DIR: a run read from another work directory, peer
    findings rebuilt from its logs (and from this tree's for a peer run
    alone later), nothing written there."""

    def test_rebuilds_peers_and_writes_only_here(self):
        other, mine = os.path.join(self.dir, "other"), os.path.join(self.dir, "mine")
        p = os.path.join(other, "p")
        shutil.copytree(self.tree, os.path.join(p, "tree"))
        shutil.copytree(self.tree, os.path.join(p, "src"))
        h = os.path.join(p, "tree", "src", "a.h")
        os.makedirs(os.path.join(p, "memlint"))
        # The finding, without its fix from TU 0, with it from TU 1.
        for i, reps in enumerate([(), [(0, 4, "enum")]]):
            V.dump_yaml({"MainSourceFile": "/m.cc", "Diagnostics": [
                diag("memlint-x", h, 0, "m", reps=reps)]},
                os.path.join(p, "memlint", "%03d.yaml" % i))
        os.makedirs(os.path.join(p, "clang-tidy-performance"))
        with open(os.path.join(p, "clang-tidy-performance", "000.log"), "w") as f:
            f.write("%s:3:1: warning: w [performance-y]\n" % h)
        os.makedirs(os.path.join(p, "cppcheck"))
        with open(os.path.join(p, "cppcheck", "cppcheck.log"), "w") as f:
            f.write("%s@@4@@1@@performance@@passedByValue@@m\n" % h)
        # A peer run alone later, into this tree's work directory, on the
        # pristine sources of the other one.
        d1 = os.path.join(mine, "p", "csa-padding-1")
        os.makedirs(d1)
        with open(os.path.join(d1, "000.log"), "w") as f:
            f.write("%s:1:6: warning: Excessive padding in 'struct E' (8 padding "
                    "bytes, where 0 is optimal) [%s]\n"
                    % (os.path.join(p, "src", "src", "a.h"), V.PADDING))
        with open(os.path.join(d1, "summary.json"), "w") as f:
            V.json.dump(dict(status={"ok": 1}, cpu=2.5, wall=3.0), f)
        x = dict(check="memlint-x", file="src/a.h", text="enum E {", occ=0, line=1,
                 offset=0, message="m", fix=False)
        res = dict(name="p", version="1", failures=[], findings=[x], tus=1,
                   checks=["memlint-x"], memlint=dict(status={"ok": 1}, cpu=1.0),
                   baseline_build=dict(ok=True, seconds=1),
                   baseline_tests=dict(ok=True, total=1, retries=0, seconds=1),
                   fixed=None, peer_tus=1,
                   peers=[dict(key="clang-tidy-performance", label="ct", cpu=1.0,
                               wall=1.0, status={"ok": 1}, counts={}, total=0),
                          dict(key="cppcheck", label="cc", cpu=1.0, wall=1.0,
                               status={"ok": 1}, counts={}, total=0)],
                   per_check={"memlint-x": dict(findings=1, fixes=0, seconds=0.1,
                                                build_ok=None, tests_ok=None)})
        meta = dict(command="scripts/validate p", when="then", rev="r", tool="t",
                    memlint="memlint 0", machine="m", clang="19", tidy="19",
                    cppcheck="2", jobs=2, seconds=5, full=False)
        with open(os.path.join(other, "results.json"), "w") as f:
            V.json.dump(dict(meta=meta, results=[res]), f)
        before = sorted(os.path.join(r, n) for r, _, fs in os.walk(other) for n in fs)
        saved = (V.WORK, V.RESULTS, V.TRIAGE_DIR)
        try:
            V.WORK, V.RESULTS, V.TRIAGE_DIR = mine, os.path.join(mine, "results.json"), \
                self.dir

            class A:
                update_triage = no_docs = False
                work = other
            self.assertEqual(V.rereport(A()), 0)
            data = V.json.loads(V.read(V.RESULTS))
            report = V.read(os.path.join(mine, "report.md"))
        finally:
            V.WORK, V.RESULTS, V.TRIAGE_DIR = saved
        after = sorted(os.path.join(r, n) for r, _, fs in os.walk(other) for n in fs)
        self.assertEqual(before, after)
        r = data["results"][0]
        self.assertEqual([(f["tool"], f["check"], f["file"], f["line"], f["text"])
                          for f in r["peer_findings"]],
                         [("clang-tidy-performance", "performance-y", "src/a.h", 3,
                           "int x = 0;"),
                          ("cppcheck", "passedByValue", "src/a.h", 4, "int x = 0;"),
                          ("csa-padding-1", V.PADDING, "src/a.h", 1, "enum E {")])
        self.assertEqual([p["key"] for p in r["peers"]],
                         ["clang-tidy-performance", "csa-padding-1", "cppcheck"])
        self.assertEqual(r["peers"][1]["cpu"], 2.5)
        self.assertEqual((r["findings"][0]["fix"], r["per_check"]["memlint-x"]["fixes"]),
                         (True, 1))
        self.assertIn("(`AllowedPad: 1`) (run separately) | `%s` | 1 |" % V.PADDING,
                      report)


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
    def test_padding_peer_with_allowed_pad_1_in_full_runs_only(self):
        key, _, checks, config, full_only = [
            p for p in V.PEERS if p[0] == "csa-padding-1"][0]
        self.assertTrue(full_only)
        cmd = V.tidy_cmd([V.CLANG_TIDY], checks, "/db", "/t", {"file": "/t/a.cc"},
                         "/o.yaml", None, config)
        self.assertIn("--config={CheckOptions: {clang-analyzer-optin.performance."
                      "Padding:AllowedPad: 1}}", cmd)
        self.assertIn("--checks=-*,clang-analyzer-optin.performance.Padding", cmd)
        self.assertIn("--config={}", V.tidy_cmd(["m"], "c", "/db", "/t",
                                                {"file": "/t/a.cc"}, "/o", None))

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
