// Options are read and written back: --dump-config shows CheckFields as
// parsed (default false; `true` and `1` turn it on), through the plugin and
// through memlint-tidy. Their effect is tested in fields.cpp.
// RUN: %clang_tidy_plugin --checks=-*,memlint-compact-string --config="{}" \
// RUN:   --dump-config | FileCheck %s -check-prefix=DEFAULT
// RUN: %clang_tidy_plugin --checks=-*,memlint-compact-string \
// RUN:   --config="{CheckOptions: {memlint-compact-string.CheckFields: true}}" \
// RUN:   --dump-config | FileCheck %s -check-prefix=ON
// RUN: %memlint_tidy --checks=-*,memlint-compact-string \
// RUN:   --config="{CheckOptions: {memlint-compact-string.CheckFields: 1}}" \
// RUN:   --dump-config | FileCheck %s -check-prefix=ON
// RUN: %memlint_tidy --checks=-*,memlint-compact-string \
// RUN:   --config="{CheckOptions: {memlint-compact-string.CheckFields: false}}" \
// RUN:   --dump-config | FileCheck %s -check-prefix=DEFAULT

// DEFAULT: memlint-compact-string.CheckFields: 'false'
// DEFAULT: memlint-compact-string.CompactStringHeader: '<memlint/compact_string.hpp>'
// ON: memlint-compact-string.CheckFields: 'true'
