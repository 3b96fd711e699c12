#!/bin/sh
# One memlint action of the Bazel aspect (memlint.bzl): analyses one TU with
# `memlint check` and records its report and exit status. Always exits 0, so
# Bazel caches the result whatever memlint found (a failing action is never
# cached); memlint_report turns the statuses into the gate's exit code.
#
#   run_tu.sh MEMLINT DATABASE.in REPORT.json STATUS SOURCE HEADERS UNUSED COMMAND
#
# HEADERS lists the header inputs (one exec path a line); UNUSED receives
# those the TU does not include, for Bazel's unused_inputs_list, as the
# compiler's -M finds them running COMMAND (one argument a line).
memlint=$1 database=$2 report=$3 status=$4 src=$5 headers=$6 unused=$7 command=$8
execroot=$(pwd -P)
case "$memlint" in /*) ;; *) memlint="$execroot/$memlint" ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/memlint-tu.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
sed "s|@EXECROOT@|$execroot|g" "$database" >"$tmp/compile_commands.json"

# Findings name files relative to the project root, which the driver takes
# from the current directory (git is disabled through GIT_DIR). Run locally,
# the execution root's sources are symlinks into the workspace, and the driver
# resolves symlinks: there the root is the workspace directory, found from the
# source's real path. Remotely (real files) it is the execution root.
root=$execroot
real=$(readlink -f "$src")
case "$real" in
  */"$src") root=${real%/"$src"} ;;
esac

cd "$root" || exit 1
"$memlint" check -p "$tmp" --format json -o "$execroot/$report" \
  "$execroot/$src" 2>"$tmp/stderr"
rc=$?
cd "$execroot" || exit 1

set --
while IFS= read -r arg; do set -- "$@" "$arg"; done <"$command"
if "$@" -M -MF "$tmp/deps.d" >/dev/null 2>&1 && [ -s "$tmp/deps.d" ]; then
  sed 's/^[^:]*://; s/\\$//' "$tmp/deps.d" | tr ' ' '\n' | sed '/^$/d' |
    sed "s|^$execroot/||; s|^$root/||; s|^\./||" >"$tmp/used"
  grep -vxFf "$tmp/used" "$headers" >"$unused" || true
else
  : >"$unused" # not known: every header counts
fi
# Exit status 2 writes no report; keep the declared output anyway. The
# checkout's path and the time taken are blanked so that the result is the
# same file on every machine (paths in findings are already root-relative).
if [ -f "$report" ]; then
  sed -i 's|^  "root": ".*",$|  "root": ".",|; s|"seconds": [0-9.eE+-]*|"seconds": 0|' "$report"
else
  printf '{"findings": []}\n' >"$report"
fi
{ echo "$rc"; echo "$src"; cat "$tmp/stderr"; } >"$status"
exit 0
