"""rules_cc's cc_common: the built-in one."""
load(":builtins.bzl", "CC_COMMON")

cc_common = CC_COMMON
