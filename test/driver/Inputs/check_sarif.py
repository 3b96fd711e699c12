#!/usr/bin/env python3
"""Checks what GitHub code scanning needs from memlint's SARIF beyond the
schema: tool name, version and informationUri; one rule per check with help
text and a docs link; results with %SRCROOT%-relative URIs, regions,
partialFingerprints; fixes for fixits. Usage: check_sarif.py FILE RESULTS"""
import json
import sys

log = json.load(open(sys.argv[1]))
assert log["version"] == "2.1.0", log["version"]
assert "sarif-2.1.0" in log["$schema"]
run, = log["runs"]
drv = run["tool"]["driver"]
assert drv["name"] == "memlint" and drv["version"] and drv["informationUri"].startswith("https://"), drv
assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file:///")
assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")
rules = {r["id"]: i for i, r in enumerate(drv["rules"])}
for r in drv["rules"]:
    assert r["help"]["text"] and r["helpUri"].startswith("https://"), r
    assert r["shortDescription"]["text"], r
results = run["results"]
assert len(results) == int(sys.argv[2]), len(results)
fixes = 0
for res in results:
    assert rules[res["ruleId"]] == res["ruleIndex"], res
    assert res["message"]["text"]
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%", loc
    assert not loc["artifactLocation"]["uri"].startswith("/"), loc
    assert loc["region"]["startLine"] >= 1 and loc["region"]["startColumn"] >= 1, loc
    assert res["partialFingerprints"], res
    for fix in res.get("fixes", []):
        fixes += 1
        for change in fix["artifactChanges"]:
            assert change["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
            for rep in change["replacements"]:
                assert rep["deletedRegion"]["startLine"] >= 1
                assert "text" in rep["insertedContent"]
assert fixes == len(results), "every finding here has a fixit"
print("sarif ok: %d results, %d rules" % (len(results), len(rules)))
