"""The built-in C++ Starlark API, bound to names other files re-export."""
CC_COMMON = cc_common
CC_INFO = CcInfo
