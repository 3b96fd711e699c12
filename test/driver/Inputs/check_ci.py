#!/usr/bin/env python3
"""Exercises docs/ci.md and .pre-commit-hooks.yaml offline, on a generated
project in the current directory (a git repository with a commit):

- each `<!-- file: NAME -->` block of docs/ci.md parses as YAML;
- GitHub workflow: the steps that run memlint are run with bash (memlint on
  PATH, BASE=main and origin/main pointing at the base commit); the file the
  upload step names must be the SARIF memlint wrote; the annotations step
  must print ::warning commands for the changed lines only;
- GitLab job: its script lines that run memlint; the codequality report it
  names must exist and be a valid report;
- pre-commit: the hooks' fields, and each hook's entry run the way pre-commit
  runs it (entry + args + the staged files matching `files`).

Usage: check_ci.py SRC_ROOT BINDIR"""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys

import yaml

sys.stdout.reconfigure(line_buffering=True)

src, bindir = sys.argv[1], sys.argv[2]
# The commands run `memlint` from PATH. A wrapper adds a stock check with
# findings and fixits to `memlint check`, since the generated project is
# written for it (the default, memlint-*, may have nothing to say about it).
wrapdir = os.path.abspath("wrapper-bin")
os.makedirs(wrapdir, exist_ok=True)
with open(os.path.join(wrapdir, "memlint"), "w") as f:
    f.write('#!/bin/sh\nif [ "$1" = check ]; then shift; set -- check '
            '--checks=performance-for-range-copy "$@"; fi\n'
            'exec %s "$@"\n' % shlex.quote(os.path.join(bindir, "memlint")))
os.chmod(os.path.join(wrapdir, "memlint"), 0o755)
env = dict(os.environ, PATH=wrapdir + os.pathsep + os.environ["PATH"])
text = open(os.path.join(src, "docs", "ci.md")).read()
blocks = dict(re.findall(r"<!-- file: (\S+) -->\n```yaml\n(.*?)```", text, re.S))
assert set(blocks) == {".github/workflows/memlint.yml", ".gitlab-ci.yml",
                       ".pre-commit-config.yaml"}, blocks.keys()
docs = {name: yaml.safe_load(body) for name, body in blocks.items()}


def bash(script, extra_env=None):
    e = dict(env, **(extra_env or {}))
    return subprocess.run(["bash", "-eo", "pipefail", "-c", script], env=e,
                          capture_output=True, text=True)


# --- GitHub Actions ---
wf = docs[".github/workflows/memlint.yml"]
assert wf["permissions"]["security-events"] == "write"
steps = wf["jobs"]["memlint"]["steps"]
sarif_step = next(s for s in steps if "--format sarif" in s.get("run", ""))
upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
annot = next(s for s in steps if "--format github" in s.get("run", ""))
assert steps.index(sarif_step) < steps.index(upload)
r = bash(sarif_step["run"])
assert r.returncode == 0, ("sarif step failed", r.stdout, r.stderr)
sarif = json.load(open(upload["with"]["sarif_file"]))
assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"], "no results uploaded"
step_env = {k: v for k, v in annot.get("env", {}).items()}
assert step_env == {"BASE": "${{ github.base_ref }}"}, step_env
r = bash(annot["run"], {"BASE": "main"})
# The change since main adds one finding; the step fails (exit 1) like a
# linter step should, and prints the annotation.
assert r.returncode == 1, (r.returncode, r.stdout, r.stderr)
lines = r.stdout.strip().splitlines()
assert len(lines) == 1 and lines[0].startswith("::warning file=src/tu1.cpp,line=8,"), lines
print("github workflow ok")

# --- GitLab CI ---
job = docs[".gitlab-ci.yml"]["memlint"]
report = job["artifacts"]["reports"]["codequality"]
assert job["artifacts"]["when"] == "always"
for line in job["script"]:
    r = bash(line)
    assert r.returncode == 0, ("gitlab script failed", line, r.stderr)
subprocess.run([sys.executable, os.path.join(src, "test", "driver", "Inputs", "check_codeclimate.py"),
                report, "5"], check=True)
print("gitlab job ok")

# --- the composite action (driver/github/action.yml) ---
action = yaml.safe_load(open(os.path.join(src, "driver", "github", "action.yml")))
assert action["runs"]["using"] == "composite"
asteps = {s["name"]: s for s in action["runs"]["steps"]}
check = asteps["memlint check"]
out = os.path.abspath("action-output")
r = bash(check["run"], {"BUILD_DIR": "build", "ARGS": "", "GITHUB_OUTPUT": out})
assert r.returncode == 0, ("action check step failed", r.stdout, r.stderr)
assert open(out).read() == "sarif=memlint.sarif\n"
assert json.load(open("memlint.sarif"))["runs"][0]["results"], "the action's SARIF has no results"
assert asteps["Upload to code scanning"]["with"]["sarif_file"] == "memlint.sarif"
r = bash(check["run"], {"BUILD_DIR": "no-such-dir", "ARGS": "", "GITHUB_OUTPUT": out})
assert r.returncode != 0, "a configuration error (exit 2) must fail the action"
# The install step, with stand-ins for apt-get and curl that log their
# arguments (apt-get "installs" a memlint that prints its version).
fake = os.path.abspath("fake-bin")
os.makedirs(fake, exist_ok=True)
log = os.path.abspath("fake.log")
fake_tools = {
    "curl": 'echo "curl $*" >> "$FAKE_LOG"\n',
    "apt-get": 'echo "apt-get $*" >> "$FAKE_LOG"\n'
               'case "$*" in *.deb) printf \'#!/bin/sh\\necho "memlint 0.1.0"\\n\' > "$FAKE_BIN/memlint"\n'
               '  chmod +x "$FAKE_BIN/memlint";; esac\n',
}
for tool, body in fake_tools.items():
    with open(os.path.join(fake, tool), "w") as f:
        f.write("#!/bin/sh\n" + body)
    os.chmod(os.path.join(fake, tool), 0o755)
install = asteps["Install memlint"]
assert set(install["env"]) == {"PKG", "RELEASE_URL", "VERSION", "LLVM"}, install["env"]
tmp = os.path.abspath("runner-temp")
os.makedirs(tmp, exist_ok=True)


def run_install(pkg, release_url):
    if os.path.exists(os.path.join(fake, "memlint")):
        os.remove(os.path.join(fake, "memlint"))
    open(log, "w").close()
    e = {"PATH": fake + os.pathsep + "/usr/bin:/bin", "PKG": pkg, "RELEASE_URL": release_url,
         "VERSION": "0.1.0", "LLVM": "19", "RUNNER_TEMP": tmp, "FAKE_LOG": log, "FAKE_BIN": fake}
    r = subprocess.run(["bash", "-e", "-c", install["run"]], env=e, capture_output=True, text=True)
    return r, open(log).read().splitlines()


assert not shutil.which("memlint", path="/usr/bin:/bin"), "a memlint in /usr/bin hides the install step"
r, calls = run_install("", "")
assert r.returncode == 2 and "::error::memlint is not installed" in r.stdout, (r.returncode, r.stdout)
assert calls == [], calls
r, calls = run_install("", "http://release.invalid/memlint/")
assert r.returncode == 0 and r.stdout == "memlint 0.1.0\n", (r.returncode, r.stdout, r.stderr)
deb = tmp + "/memlint.deb"
assert calls[-2:] == ["curl -fsSLo %s http://release.invalid/memlint/memlint_0.1.0-1+llvm19_amd64.deb" % deb,
                      "apt-get install -y " + deb], calls
open("local.deb", "w").close()
r, calls = run_install("local.deb", "")
assert r.returncode == 0, (r.stdout, r.stderr)
assert calls == ["apt-get update", "apt-get install -y " + os.path.abspath("local.deb")], calls
print("github action ok")

# --- pre-commit ---
hooks = yaml.safe_load(open(os.path.join(src, ".pre-commit-hooks.yaml")))
ids = {h["id"]: h for h in hooks}
assert set(ids) == {"memlint", "memlint-fix"}, ids.keys()
for h in hooks:
    for key in ("id", "name", "entry", "language"):
        assert key in h, (h, key)
    assert h["language"] == "system"
cfg = docs[".pre-commit-config.yaml"]["repos"][0]["hooks"][0]
assert cfg["id"] in ids
staged = ["src/tu1.cpp", "include/shared.h", "README.md"]
hook = ids[cfg["id"]]
files = [f for f in staged if re.search(hook["files"], f)]
assert files == ["src/tu1.cpp"], files
cmd = shlex.split(hook["entry"]) + cfg.get("args", []) + files
r = subprocess.run(cmd, env=env, capture_output=True, text=True)
assert r.returncode == 1 and "src/tu1.cpp:8:" in r.stdout, (r.returncode, r.stdout, r.stderr)
fix = ids["memlint-fix"]
r = subprocess.run(shlex.split(fix["entry"]) + cfg.get("args", []) + files, env=env,
                   capture_output=True, text=True)
assert r.returncode == 0, (r.returncode, r.stdout, r.stderr)
r = subprocess.run(cmd, env=env, capture_output=True, text=True)
assert r.returncode == 0, ("still findings after memlint-fix", r.stdout)
print("pre-commit hooks ok")
