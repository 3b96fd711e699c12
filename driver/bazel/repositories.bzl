"""The memlint binaries a workspace analyses with, as the repository @memlint_tools.

    memlint_tools_repository(name = "memlint_tools", prefix = "/opt/memlint")

prefix is an install prefix (`cmake --install build --prefix P`) or a build
directory: bin/memlint, bin/memlint-tidy and lib/libmemlint*.so are linked
into the repository. llvm_version.txt records `memlint-tidy --version` and
the path and size of the LLVM and clang libraries it loads (shared libraries
outside Bazel's view), so that an LLVM upgrade changes an input of every
memlint action. The repository is re-evaluated when Bazel's server starts
(`local = True`) or on `bazel sync --configure`.
"""

def _memlint_tools_impl(rctx):
    prefix = rctx.attr.prefix
    if not prefix.startswith("/"):
        prefix = str(rctx.path(Label("@//:WORKSPACE")).dirname) + "/" + prefix
    names = ["bin/memlint", "bin/memlint-tidy"]
    lib = rctx.path(prefix + "/lib")
    if lib.exists:
        names += ["lib/" + p.basename for p in lib.readdir() if p.basename.startswith("libmemlint") and
                  p.basename.endswith(".so") and p.basename != "libmemlint_alloc_count.so"]
    for name in names:
        if not rctx.path(prefix + "/" + name).exists:
            fail("memlint_tools_repository: no %s under %s" % (name, prefix))
        rctx.symlink(prefix + "/" + name, name)
    stamp = []
    for tool in ["bin/memlint-tidy", "bin/memlint"]:
        res = rctx.execute([prefix + "/" + tool, "--version"])
        if res.return_code != 0:
            fail("memlint_tools_repository: %s --version failed: %s" % (tool, res.stderr))
        stamp.append(res.stdout.strip())

    # The LLVM libraries memlint-tidy runs with, which its --version alone
    # may not tell apart (a rebuilt package of the same version).
    ldd = rctx.execute(["ldd", prefix + "/bin/memlint-tidy"])
    for line in ldd.stdout.splitlines():
        parts = line.strip().split(" ")
        if len(parts) >= 3 and parts[1] == "=>" and ("LLVM" in parts[0] or "clang" in parts[0]):
            lib = rctx.execute(["stat", "-L", "-c", "%s", parts[2]])
            real = rctx.execute(["readlink", "-f", parts[2]])
            stamp.append("%s %s bytes" % (real.stdout.strip(), lib.stdout.strip()))
    rctx.file("llvm_version.txt", "\n".join(stamp) + "\n")
    rctx.file("BUILD", "\n".join([
        'package(default_visibility = ["//visibility:public"])',
        'exports_files(["bin/memlint", "llvm_version.txt"])',
        "filegroup(name = \"memlint\", srcs = [\"bin/memlint\"])",
        "filegroup(name = \"tools\", srcs = %s)" % repr(sorted(names)),
        "",
    ]))

memlint_tools_repository = repository_rule(
    implementation = _memlint_tools_impl,
    attrs = {"prefix": attr.string(mandatory = True, doc = "install prefix or build directory")},
    local = True,
    configure = True,
)
