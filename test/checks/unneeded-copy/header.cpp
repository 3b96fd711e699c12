// RUN: %check_clang_tidy -check-header=Inputs/unneeded_copy_api.h %s memlint-unneeded-copy %t -- -header-filter=.*

#include "unneeded_copy_api.h"

// The header declaration changes with the definition, so other translation
// units that include the header keep compiling and linking.
int countLines(std::vector<std::string> Lines) {
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: parameter 'Lines' copies a 'std::vector<std::string>' {{.*}} take it as 'const std::vector<std::string>&'
  // CHECK-FIXES: int countLines(const std::vector<std::string>& Lines) {
  return static_cast<int>(Lines.size());
}
// CHECK-HEADER-FIXES: int countLines(const std::vector<std::string>& Lines);

bool Parser::accepts(std::string Token) const { return Token == "x"; }
// CHECK-MESSAGES: :[[@LINE-1]]:34: warning: parameter 'Token' {{.*}} take it as 'std::string_view'
// CHECK-FIXES: bool Parser::accepts(std::string_view Token) const { return Token == "x"; }
// CHECK-HEADER-FIXES: bool accepts(std::string_view Token) const;

// The header declares it through a macro: no fixit anywhere, and a note
// says why.
int lookupAll(std::vector<int> Keys) { return static_cast<int>(Keys.size()); }
// CHECK-MESSAGES: :[[@LINE-1]]:32: warning: parameter 'Keys' {{.*}} take it as 'const std::vector<int>&'
// CHECK-FIXES: int lookupAll(std::vector<int> Keys) { return static_cast<int>(Keys.size()); }
// CHECK-HEADER-FIXES: DECLARE_LOOKUP(lookupAll);
