// RUN: %check_clang_tidy %s memlint-unneeded-copy %t -- -header-filter=.*

#include "unneeded_copy_api.h"

int lookupAll(std::vector<int> Keys) { return static_cast<int>(Keys.size()); }
// CHECK-NOTES: :[[@LINE-1]]:32: warning: parameter 'Keys' {{.*}} take it as 'const std::vector<int>&'
// CHECK-NOTES: unneeded_copy_api.h:9:16: note: no fix: this declaration of 'lookupAll' is written by a macro and must change with the definition
