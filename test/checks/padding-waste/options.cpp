// RUN: %check_clang_tidy %s memlint-padding-waste %t
// RUN: %check_clang_tidy -check-suffix=MIN %s memlint-padding-waste %t -- \
// RUN:   -config="{CheckOptions: {memlint-padding-waste.MinBytesSaved: 8, memlint-padding-waste.MinBoolsToPack: 0}}"
// RUN: %check_clang_tidy -check-suffix=IGNORED %s memlint-padding-waste %t -- \
// RUN:   -config="{CheckOptions: {memlint-padding-waste.IgnoredRecords: 'Small;ns::.*', memlint-padding-waste.MinBoolsToPack: 0}}"
// Options are written back (CheckExportedRecords is tested in exported.cpp).
// RUN: %clang_tidy_plugin --checks=-*,memlint-padding-waste --dump-config | FileCheck -check-prefix=DUMP-DEFAULT %s
// RUN: %clang_tidy_plugin --checks=-*,memlint-padding-waste --dump-config \
// RUN:   --config="{CheckOptions: {memlint-padding-waste.CheckExportedRecords: true}}" | FileCheck -check-prefix=DUMP-SET %s
// DUMP-DEFAULT: memlint-padding-waste.CheckExportedRecords: 'false'
// DUMP-SET: memlint-padding-waste.CheckExportedRecords: 'true'

// Saves 4 bytes: reported by default, not with MinBytesSaved: 8.
struct Small { char A; int B; char C; };
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'Small' is 12 bytes with 6 bytes of padding; ordering its fields as (B, A, C) makes it 8 bytes [memlint-padding-waste]
// CHECK-FIXES: struct Small { int B; char A; char C; };
// CHECK-FIXES-MIN: struct Small { char A; int B; char C; };
// CHECK-FIXES-IGNORED: struct Small { char A; int B; char C; };

// Saves 8 bytes: reported with both thresholds.
namespace ns {
struct Big { char A; double B; char C; };
}
// CHECK-MESSAGES: :[[@LINE-2]]:8: warning: 'Big' is 24 bytes
// CHECK-MESSAGES-MIN: :[[@LINE-3]]:8: warning: 'Big' is 24 bytes
// CHECK-FIXES: struct Big { double B; char A; char C; };
// CHECK-FIXES-MIN: struct Big { double B; char A; char C; };
// CHECK-FIXES-IGNORED: struct Big { char A; double B; char C; };

// Many bools: with the default MinBoolsToPack (4) a note says what packing
// them into bit-fields would give; MinBoolsToPack: 0 turns that off.
struct Settings {
  bool A;
  int Count;
  bool B;
  bool C;
  bool D;
  bool E;
  bool F;
  bool G;
  bool H;
};
// CHECK-MESSAGES: :[[@LINE-11]]:8: warning: 'Settings' is 16 bytes with 4 bytes of padding; ordering its fields as (Count, A, B, C, D, E, F, G, H) makes it 12 bytes [memlint-padding-waste]
// CHECK-FIXES: struct Settings {
// CHECK-FIXES-NEXT:   int Count;
// CHECK-FIXES-NEXT:   bool A;
// CHECK-FIXES-IGNORED: struct Settings {
// CHECK-FIXES-IGNORED-NEXT:   int Count;
// CHECK-MESSAGES-IGNORED: :[[@LINE-17]]:8: warning: 'Settings' is 16 bytes
// The order is already optimal: only the bool note can apply, as a warning
// of its own.
struct Toggles { int Count; bool A, B, C, D, E, F, G, H; };
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'Toggles' has 8 bool members; packing them into bit-fields or a flags word makes it 8 bytes instead of 12 [memlint-padding-waste]
