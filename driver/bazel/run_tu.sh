#!/bin/sh
# One memlint action of the Bazel aspect (memlint.bzl): analyses one TU with
# `memlint check` and records its report and exit status. Always exits 0, so
# Bazel caches the result whatever memlint found (a failing action is never
# cached); memlint_report turns the statuses into the gate's exit code.
#
#   run_tu.sh MEMLINT DATABASE.in REPORT.json STATUS SOURCE
memlint=$1 database=$2 report=$3 status=$4 src=$5
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
# Exit status 2 writes no report; keep the declared output anyway.
[ -f "$report" ] || printf '{"findings": []}\n' >"$report"
{ echo "$rc"; echo "$src"; cat "$tmp/stderr"; } >"$status"
exit 0
