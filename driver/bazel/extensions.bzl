"""bzlmod extension creating @memlint_tools (see repositories.bzl).

    memlint = use_extension("@memlint//:extensions.bzl", "memlint")
    memlint.tools(prefix = "/opt/memlint")

The root module's tag wins; without one the prefix is /usr.
"""

load(":repositories.bzl", "memlint_tools_repository")

_tools = tag_class(attrs = {"prefix": attr.string(mandatory = True)})

def _memlint_impl(mctx):
    prefix = "/usr"
    for mod in mctx.modules:
        if mod.tags.tools:
            prefix = mod.tags.tools[0].prefix
            if mod.is_root:
                break
    memlint_tools_repository(name = "memlint_tools", prefix = prefix)

memlint = module_extension(
    implementation = _memlint_impl,
    tag_classes = {"tools": _tools},
)
