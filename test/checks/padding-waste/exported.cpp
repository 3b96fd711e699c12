// RUN: %check_clang_tidy %s memlint-padding-waste %t
// RUN: %check_clang_tidy -check-suffix=ALL %s memlint-padding-waste %t -- \
// RUN:   -config="{CheckOptions: {memlint-padding-waste.CheckExportedRecords: true}}"
// Records exported from a shared library keep their layout: it is part of
// the library's ABI. They are not flagged unless CheckExportedRecords is
// true, and then never fixed.

// The usual export macro, as in leveldb's `struct LEVELDB_EXPORT Options`:
// empty in a static build, an attribute in a shared one. Either way it marks
// the record exported.
#define MYLIB_EXPORT
#define MYLIB_API __attribute__((visibility("default")))

struct MYLIB_EXPORT Options {
  char Create;
  double Ratio;
  char Paranoid;
};
// CHECK-NOTES-ALL: :[[@LINE-5]]:21: warning: 'Options' is 24 bytes with 14 bytes of padding; ordering its fields as (Ratio, Create, Paranoid) makes it 16 bytes [memlint-padding-waste]
// CHECK-NOTES-ALL: :[[@LINE-6]]:21: note: no fixit: it is exported from a shared library ('MYLIB_EXPORT'); reordering its fields changes the library's ABI

class MYLIB_API Api { char A; double B; char C; };
// CHECK-NOTES-ALL: :[[@LINE-1]]:17: warning: 'Api' is 24 bytes
// CHECK-NOTES-ALL: :[[@LINE-2]]:17: note: no fixit: it is exported from a shared library ('MYLIB_API'); reordering its fields changes the library's ABI

// The attribute written out.
struct __attribute__((visibility("default"))) Visible { char A; double B; char C; };
// CHECK-NOTES-ALL: :[[@LINE-1]]:47: warning: 'Visible' is 24 bytes
// CHECK-NOTES-ALL: :[[@LINE-2]]:47: note: no fixit: it is exported from a shared library (visibility("default")); reordering its fields changes the library's ABI
struct [[gnu::visibility("default")]] Visible2 { char A; double B; char C; };
// CHECK-NOTES-ALL: :[[@LINE-1]]:39: warning: 'Visible2' is 24 bytes
// CHECK-NOTES-ALL: :[[@LINE-2]]:39: note: no fixit: it is exported from a shared library (visibility("default")); reordering its fields changes the library's ABI

#pragma GCC visibility push(default)
struct Pushed { char A; double B; char C; };
#pragma GCC visibility pop
// CHECK-NOTES-ALL: :[[@LINE-2]]:8: warning: 'Pushed' is 24 bytes
// CHECK-NOTES-ALL: :[[@LINE-3]]:8: note: no fixit: it is exported from a shared library (visibility("default")); reordering its fields changes the library's ABI

// Not exported: hidden visibility, other attributes, alignas, and the
// qualifier of an out-of-line definition are no export macro.
struct __attribute__((visibility("hidden"))) Hidden { char A; double B; char C; };
// CHECK-MESSAGES: :[[@LINE-1]]:46: warning: 'Hidden' is 24 bytes with 14 bytes of padding; ordering its fields as (B, A, C) makes it 16 bytes [memlint-padding-waste]
// CHECK-NOTES-ALL: :[[@LINE-2]]:46: warning: 'Hidden' is 24 bytes
// CHECK-FIXES: struct __attribute__((visibility("hidden"))) Hidden { double B; char A; char C; };
// CHECK-FIXES-ALL: struct __attribute__((visibility("hidden"))) Hidden { double B; char A; char C; };

struct [[nodiscard]] alignas(8) Marked { char A; double B; char C; };
// CHECK-MESSAGES: :[[@LINE-1]]:33: warning: 'Marked' is 24 bytes
// CHECK-NOTES-ALL: :[[@LINE-2]]:33: warning: 'Marked' is 24 bytes
// CHECK-FIXES: struct {{\[\[}}nodiscard]] alignas(8) Marked { double B; char A; char C; };
// CHECK-FIXES-ALL: struct {{\[\[}}nodiscard]] alignas(8) Marked { double B; char A; char C; };

namespace outer {
struct Outer { struct Inner; };
}
struct outer::Outer::Inner { char A; double B; char C; };
// CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'Inner' is 24 bytes
// CHECK-NOTES-ALL: :[[@LINE-2]]:22: warning: 'Inner' is 24 bytes
// CHECK-FIXES: struct outer::Outer::Inner { double B; char A; char C; };
// CHECK-FIXES-ALL: struct outer::Outer::Inner { double B; char A; char C; };

#ifdef MEMLINT_FIXED
static_assert(sizeof(Options) == 24 && sizeof(Api) == 24 &&
              sizeof(Visible) == 24 && sizeof(Visible2) == 24 &&
              sizeof(Pushed) == 24, "");
static_assert(sizeof(Hidden) == 16 && sizeof(Marked) == 16 &&
              sizeof(outer::Outer::Inner) == 16, "");
#endif
