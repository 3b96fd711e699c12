// RUN: %check_clang_tidy %s memlint-padding-waste %t -- -- --target=x86_64-w64-mingw32 -mno-ms-bitfields
// RUN: %check_clang_tidy -check-suffix=ALL %s memlint-padding-waste %t -- \
// RUN:   -config="{CheckOptions: {memlint-padding-waste.CheckExportedRecords: true}}" \
// RUN:   -- --target=x86_64-w64-mingw32 -mno-ms-bitfields
// dllexport and dllimport records (a Windows DLL's interface, here on MinGW,
// whose C++ ABI the layout model covers) are exported too.

struct __declspec(dllexport) Exported { char A; double B; char C; };
// CHECK-NOTES-ALL: :[[@LINE-1]]:30: warning: 'Exported' is 24 bytes with 14 bytes of padding; ordering its fields as (B, A, C) makes it 16 bytes [memlint-padding-waste]
// CHECK-NOTES-ALL: :[[@LINE-2]]:30: note: no fixit: it is exported from a shared library (dllexport); reordering its fields changes the library's ABI
struct __declspec(dllimport) Imported { char A; double B; char C; };
// CHECK-NOTES-ALL: :[[@LINE-1]]:30: warning: 'Imported' is 24 bytes
// CHECK-NOTES-ALL: :[[@LINE-2]]:30: note: no fixit: it is exported from a shared library (dllimport); reordering its fields changes the library's ABI

// Not exported: flagged and fixed.
struct Local { char A; double B; char C; };
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'Local' is 24 bytes
// CHECK-NOTES-ALL: :[[@LINE-2]]:8: warning: 'Local' is 24 bytes
// CHECK-FIXES: struct Local { double B; char A; char C; };
// CHECK-FIXES-ALL: struct Local { double B; char A; char C; };
