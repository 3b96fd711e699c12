#!/usr/bin/env python3
"""Checks a GitLab code quality report: the fields GitLab requires, and
fingerprints unique per issue. Usage: check_codeclimate.py FILE COUNT"""
import json
import sys

issues = json.load(open(sys.argv[1]))
assert isinstance(issues, list), "top level must be an array"
assert len(issues) == int(sys.argv[2]), len(issues)
for i in issues:
    for key in ("description", "check_name", "fingerprint", "severity", "location"):
        assert key in i, (key, i)
    assert i["severity"] in ("info", "minor", "major", "critical", "blocker"), i
    assert isinstance(i["location"]["path"], str) and not i["location"]["path"].startswith("/"), i
    assert isinstance(i["location"]["lines"]["begin"], int), i
assert len({i["fingerprint"] for i in issues}) == len(issues), "duplicate fingerprints"
print("codeclimate ok")
