"""memlint as a Bazel aspect: one cacheable action per C/C++ source.

    bazel build --config=memlint //...      # per-TU findings (output group "memlint")
    bazel run //:memlint                     # memlint_report: one report, the gate's exit code

See docs/scale.md, section "Bazel".
"""

load("@rules_cc//cc/common:cc_common.bzl", "cc_common")
load("@rules_cc//cc/common:cc_info.bzl", "CcInfo")

MemlintInfo = provider(
    doc = "The per-TU result files of a target and of its dependencies.",
    fields = {"results": "depset of File: <src>.memlint.json and <src>.memlint.status pairs"},
)

_C_EXTENSIONS = ["c"]
_CXX_EXTENSIONS = ["cc", "cpp", "cxx", "c++", "C"]

# Flags GCC's toolchain configuration passes that clang rejects outright
# (unknown -W options are only warnings, silenced by -Wno-unknown-warning-option).
_GCC_ONLY_FLAGS = ["-fno-canonical-system-headers"]

# Rule kinds whose srcs are compiled as C/C++ (cc_proto_library and the like
# are reached through their generated cc_library).
_CC_RULES = ["cc_library", "cc_binary", "cc_test"]

def _compile_args(ctx, target, src, is_cxx, output_file):
    """The target's own compile command for src, from the C++ toolchain."""
    cc_toolchain = ctx.attr._cc_toolchain[cc_common.CcToolchainInfo]
    features = cc_common.configure_features(
        ctx = ctx,
        cc_toolchain = cc_toolchain,
        requested_features = ctx.features,
        unsupported_features = ctx.disabled_features,
    )
    cc = target[CcInfo].compilation_context
    cpp = ctx.fragments.cpp
    user_flags = list(cpp.copts) + list(cpp.cxxopts if is_cxx else cpp.conlyopts)
    user_flags += getattr(ctx.rule.attr, "copts", [])
    defines = [cc.defines]
    if hasattr(cc, "local_defines"):
        defines.append(cc.local_defines)
    variables = cc_common.create_compile_variables(
        feature_configuration = features,
        cc_toolchain = cc_toolchain,
        user_compile_flags = user_flags,
        source_file = src.path,
        output_file = output_file,
        include_directories = cc.includes,
        quote_include_directories = cc.quote_includes,
        system_include_directories = cc.system_includes,
        framework_include_directories = cc.framework_includes,
        preprocessor_defines = depset(transitive = defines),
    )
    action = "c++-compile" if is_cxx else "c-compile"
    compiler = cc_common.get_tool_for_action(feature_configuration = features, action_name = action)
    flags = cc_common.get_memory_inefficient_command_line(
        feature_configuration = features,
        action_name = action,
        variables = variables,
    )
    return [compiler] + [f for f in flags if f not in _GCC_ONLY_FLAGS]

def _analyze_source(ctx, target, src, headers, header_list):
    """Declares the action analysing one TU; returns its two result files."""
    stem = "_memlint/%s/%s" % (ctx.label.name, src.short_path.replace("../", "external/"))
    report = ctx.actions.declare_file(stem + ".memlint.json")
    status = ctx.actions.declare_file(stem + ".memlint.status")
    unused = ctx.actions.declare_file(stem + ".unused_inputs")
    database = ctx.actions.declare_file(stem + ".compile_commands.in")
    is_cxx = src.extension in _CXX_EXTENSIONS

    # The directory is the execution root, known only when the action runs:
    # run_tu.sh substitutes it for @EXECROOT@.
    ctx.actions.write(database, json.encode([{
        "directory": "@EXECROOT@",
        "file": src.path,
        "arguments": _compile_args(ctx, target, src, is_cxx, src.path + ".memlint.o"),
    }]))

    # The same command without an output, one argument a line: run_tu.sh asks
    # the compiler which headers the TU includes (-M).
    deps_command = ctx.actions.declare_file(stem + ".deps_command")
    lines = ctx.actions.args()
    lines.set_param_file_format("multiline")
    lines.add_all(_compile_args(ctx, target, src, is_cxx, None))
    ctx.actions.write(deps_command, lines)
    cc_toolchain = ctx.attr._cc_toolchain[cc_common.CcToolchainInfo]
    tools = ctx.attr._tools[DefaultInfo].files
    args = ctx.actions.args()
    args.add(ctx.file._memlint)
    args.add(database)
    args.add(report)
    args.add(status)
    args.add(src)
    args.add(header_list)
    args.add(unused)
    args.add(deps_command)
    ctx.actions.run(
        executable = ctx.file._run_tu,
        arguments = [args],
        inputs = depset(
            [src, database, deps_command, header_list, ctx.file._stamp],
            transitive = [
                headers,
                tools,
                ctx.attr._config[DefaultInfo].files,
                cc_toolchain.all_files,
            ],
        ),
        outputs = [report, status, unused],
        # Every header of the target and its deps is an input, but a TU reads
        # few: run_tu.sh lists the ones it did not read, and Bazel's action
        # cache ignores their edits (like its own include scanning). Remote
        # and disk caches key on all inputs.
        unused_inputs_list = unused,
        mnemonic = "Memlint",
        progress_message = "memlint %s" % src.short_path,
        # The report never depends on the machine's environment beyond the
        # declared inputs; git must not move the project root (run_tu.sh).
        env = {"GIT_DIR": "/nonexistent-memlint", "LC_ALL": "C"},
    )
    return [report, status]

def _memlint_aspect_impl(target, ctx):
    transitive = [
        dep[MemlintInfo].results
        for dep in getattr(ctx.rule.attr, "deps", [])
        if MemlintInfo in dep
    ]

    # Only the workspace's own code: external repositories are not analysed.
    own = not ctx.label.workspace_root.startswith("external")
    direct = []
    if own and ctx.rule.kind in _CC_RULES and CcInfo in target:
        headers = target[CcInfo].compilation_context.headers
        srcs = [s for s in ctx.rule.files.srcs if s.extension in _C_EXTENSIONS + _CXX_EXTENSIONS]
        if srcs:
            header_list = ctx.actions.declare_file("_memlint/%s.headers" % ctx.label.name)
            listing = ctx.actions.args()
            listing.set_param_file_format("multiline")
            listing.add_all(headers)
            ctx.actions.write(header_list, listing)
            for src in srcs:
                direct += _analyze_source(ctx, target, src, headers, header_list)
    results = depset(direct, transitive = transitive)
    return [
        MemlintInfo(results = results),
        OutputGroupInfo(memlint = depset(direct)),
    ]

_TOOL_ATTRS = {
    "_cc_toolchain": attr.label(default = Label("@bazel_tools//tools/cpp:current_cc_toolchain")),
    "_memlint": attr.label(
        default = Label("@memlint_tools//:memlint"),
        allow_single_file = True,
        cfg = "exec",
    ),
    "_tools": attr.label(default = Label("@memlint_tools//:tools"), cfg = "exec"),
    "_stamp": attr.label(default = Label("@memlint_tools//:llvm_version.txt"), allow_single_file = True),
    "_config": attr.label(default = Label("//:config")),
    "_run_tu": attr.label(default = Label("//:run_tu.sh"), allow_single_file = True),
}

memlint_aspect = aspect(
    implementation = _memlint_aspect_impl,
    attr_aspects = ["deps"],
    attrs = _TOOL_ATTRS,
    fragments = ["cpp"],
    doc = "Runs memlint on every C/C++ source of every cc_* target of the workspace.",
)

def _memlint_report_impl(ctx):
    results = depset(transitive = [dep[MemlintInfo].results for dep in ctx.attr.deps])
    text = ctx.actions.declare_file(ctx.label.name + ".txt")
    merged = ctx.actions.declare_file(ctx.label.name + ".json")
    status = ctx.actions.declare_file(ctx.label.name + ".status")
    args = ctx.actions.args()
    args.add("--json", merged)
    args.add("--text", text)
    args.add("--status", status)
    args.add_all(results)
    ctx.actions.run(
        executable = ctx.file._report,
        arguments = [args],
        inputs = results,
        outputs = [text, merged, status],
        mnemonic = "MemlintReport",
        progress_message = "memlint report %s" % ctx.label,
    )

    # `bazel run` / `bazel test` of the rule: print the report, exit as
    # `memlint check` would for the whole workspace.
    gate = ctx.actions.declare_file(ctx.label.name + ".gate.sh")
    ctx.actions.write(gate, "\n".join([
        "#!/bin/sh",
        "cat '%s'" % text.short_path,
        "exit \"$(head -n 1 '%s')\"" % status.short_path,
        "",
    ]), is_executable = True)
    return [
        DefaultInfo(
            files = depset([merged, text, status]),
            executable = gate,
            runfiles = ctx.runfiles(files = [text, status]),
        ),
    ]

_REPORT_ATTRS = {
    "deps": attr.label_list(
        aspects = [memlint_aspect],
        doc = "The targets to analyse, with everything they depend on in the workspace.",
    ),
    "_report": attr.label(default = Label("//:report.py"), allow_single_file = True),
}

memlint_report = rule(
    implementation = _memlint_report_impl,
    attrs = _REPORT_ATTRS,
    executable = True,
    doc = "One report (<name>.json, <name>.txt, <name>.status) over the per-TU results of deps.",
)

memlint_test = rule(
    implementation = _memlint_report_impl,
    attrs = _REPORT_ATTRS,
    test = True,
    doc = "memlint_report as a test: fails when memlint reports findings or cannot analyse a TU.",
)
