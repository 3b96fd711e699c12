// RUN: %check_clang_tidy -check-header=Inputs/string_temporary_api.h %s memlint-string-temporary %t -- -header-filter=.*

#include "string_temporary_api.h"

// The note names the declaration that blocks the fix.
int lookup(const std::string &Key) { return static_cast<int>(Key.size()); }
// CHECK-NOTES: :[[@LINE-1]]:31: warning: parameter 'Key' makes 1 call
// CHECK-NOTES: :[[@LINE+3]]:27: note: a std::string temporary is built here from a string literal
// CHECK-NOTES: string_temporary_api.h:8:16: note: no fix: this declaration of 'lookup' is written by a macro and must change with the definition
// CHECK-FIXES: int lookup(const std::string &Key) { return static_cast<int>(Key.size()); }
int use() { return lookup("k-key-longer-than-sso"); }
