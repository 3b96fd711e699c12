# lit configuration for memlint's tests. Run through a build directory
# (`lit build/test`), whose lit.site.cfg.py names the tools of that build.
import os
import re
import shlex
import subprocess

import lit.formats

config.name = "memlint"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs", "unit", "runtime", "validation", "lit.cfg.py",
                   "lit.site.cfg.py", "check_clang_tidy.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.memlint_obj_root, "test")

bindir = os.path.join(config.memlint_obj_root, "bin")
plugin = os.path.join(config.memlint_obj_root, "lib", "libmemlint.so")
memlint_tidy = os.path.join(bindir, "memlint-tidy")
runtime_include = os.path.join(config.memlint_src_root, "runtime", "include")

# Every check test runs through the plugin loaded into the host clang-tidy
# (how users load memlint) and, unless MEMLINT_LIT_TIDY_TOO=0, again through
# memlint-tidy, asserting both give the same diagnostics and fixes.
tidy_too = lit_config.params.get("tidy_too", os.environ.get("MEMLINT_LIT_TIDY_TOO", "1"))
check_args = [
    config.python,
    os.path.join(config.test_source_root, "check_clang_tidy.py"),
    "--clang-tidy", config.host_clang_tidy,
    "--load", plugin,
    "--clangxx", config.clangxx,
    "--filecheck", config.filecheck,
    "--runtime-include", runtime_include,
]
if tidy_too != "0":
    check_args += ["--also-memlint-tidy", memlint_tidy]
config.substitutions.append(("%check_clang_tidy", " ".join(shlex.quote(a) for a in check_args)))
config.substitutions.append(("%clang_tidy_plugin", "%s --load %s" % (config.host_clang_tidy, plugin)))
config.substitutions.append(("%memlint_tidy", memlint_tidy))
config.substitutions.append(("%memlint_clangd", os.path.join(bindir, "memlint-clangd")))
config.substitutions.append(("%memlint_plugin", plugin))
config.substitutions.append(("%host_clang_tidy", config.host_clang_tidy))
config.substitutions.append(("%clangxx", config.clangxx))
config.substitutions.append(("%runtime_include", runtime_include))
config.substitutions.append(("%llvm_version", config.llvm_version_major))
config.substitutions.append(("%python", config.python))
config.substitutions.append(("%src_root", config.memlint_src_root))
config.substitutions.append(("%bindir", bindir))
config.substitutions.append(("%not", os.path.join(config.llvm_root, "bin", "not")))
config.substitutions.append(("%clang_apply_replacements",
                             os.path.join(config.llvm_root, "bin", "clang-apply-replacements")))

config.available_features.add("llvm-%s" % config.llvm_version_major)

# A clang-tidy of another LLVM major, to test the plugin's refusal to load.
import glob
import shutil
for candidate in sorted(glob.glob("/usr/bin/clang-tidy*")):
    m = re.match(r".*/clang-tidy(?:-(\d+))?$", candidate)
    if not m:
        continue
    version = m.group(1)
    if version is None:
        out = subprocess.run([candidate, "--version"], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, universal_newlines=True).stdout
        v = re.search(r"LLVM version (\d+)", out)
        version = v.group(1) if v else None
    if version and version != config.llvm_version_major:
        config.substitutions.append(("%other_clang_tidy", candidate))
        config.substitutions.append(("%other_llvm_version", version))
        config.available_features.add("other-clang-tidy")
        break
if config.has_clangd:
    config.available_features.add("clangd")
if os.path.exists(os.path.join(bindir, "memlint")):
    config.available_features.add("driver")
# Style is checked with one fixed clang-format (19: its output differs between
# majors), whichever LLVM memlint is built against.
_clang_format = shutil.which("clang-format-19")
if _clang_format:
    config.available_features.add("clang-format")
    config.substitutions.append(("%clang_format", _clang_format))

# Keep the environment the tools see small and deterministic.
config.environment["HOME"] = os.environ.get("HOME", "/tmp")
config.environment["LC_ALL"] = "C"
if "TMPDIR" in os.environ:
    config.environment["TMPDIR"] = os.environ["TMPDIR"]
# FileCheck, not and count come from the LLVM that memlint was built against.
config.environment["PATH"] = os.pathsep.join(
    [os.path.dirname(config.filecheck), os.environ.get("PATH", "")])

# Driver tests: Microsoft's SARIF Multitool (scripts/setup runs
# `npm ci --prefix test/driver`) and the runtime's allocation counter.
_sarif = os.path.join(config.test_source_root, "driver", "node_modules", "@microsoft",
                      "sarif-multitool-linux", "Sarif.Multitool")
if os.access(_sarif, os.X_OK):
    config.available_features.add("sarif-multitool")
    config.substitutions.append(("%sarif_multitool", _sarif))
# The Bazel aspect's test (test/tools/bazel.test): Debian's bazel-bootstrap and a JDK.
if shutil.which("bazel") and shutil.which("java"):
    config.available_features.add("bazel")
# The Debian package's test (test/tools/package.test): CPack's DEB generator
# and dpkg's tools.
_deb_tools = ["cpack", "dpkg", "dpkg-deb", "dpkg-shlibdeps"]
_missing_deb_tools = [t for t in _deb_tools if not shutil.which(t)]
if _missing_deb_tools:
    lit_config.note("tools/package.test is unsupported: %s not found"
                    % ", ".join(_missing_deb_tools))
else:
    config.available_features.add("deb-tools")
if os.path.exists(os.path.join(config.memlint_obj_root, "lib", "libmemlint_alloc_count.so")):
    config.available_features.add("alloc-counter")
# Profile tests compare memlint measure --sites with DHAT when valgrind is there.
if shutil.which("valgrind"):
    config.available_features.add("valgrind")
