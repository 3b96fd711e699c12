"""rules_cc's CcInfo: the built-in one."""
load(":builtins.bzl", "CC_INFO")

CcInfo = CC_INFO
