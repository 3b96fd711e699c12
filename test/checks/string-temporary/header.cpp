// RUN: %check_clang_tidy -check-header=Inputs/string_temporary_api.h %s memlint-string-temporary %t -- -header-filter=.*

#include "string_temporary_api.h"

// The header declaration changes with the definition, so other translation
// units that include the header keep compiling and linking.
bool startsWithSlash(const std::string &Path) { return !Path.empty() && Path[0] == '/'; }
// CHECK-MESSAGES: :[[@LINE-1]]:41: warning: parameter 'Path' makes 1 call in this translation unit build a std::string temporary
// CHECK-FIXES: bool startsWithSlash(std::string_view Path) { return !Path.empty() && Path[0] == '/'; }
// CHECK-HEADER-FIXES: bool startsWithSlash(std::string_view Path);

bool Parser::accepts(const std::string &Token) const { return Token == "x"; }
// CHECK-MESSAGES: :[[@LINE-1]]:41: warning: parameter 'Token' makes 1 call
// CHECK-FIXES: bool Parser::accepts(std::string_view Token) const { return Token == "x"; }
// CHECK-HEADER-FIXES: bool accepts(std::string_view Token) const;

// The header declares it through a macro: no fixit anywhere.
int lookup(const std::string &Key) { return static_cast<int>(Key.size()); }
// CHECK-MESSAGES: :[[@LINE-1]]:31: warning: parameter 'Key' makes 1 call
// CHECK-FIXES: int lookup(const std::string &Key) { return static_cast<int>(Key.size()); }
// CHECK-HEADER-FIXES: DECLARE_LOOKUP(lookup);

int use() {
  Parser P;
  return startsWithSlash("/a/long/enough/for/heap") + P.accepts("x-token-longer-than-sso") + lookup("k-key-longer-than-sso");
}
