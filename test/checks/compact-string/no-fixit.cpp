// RUN: %check_clang_tidy %s memlint-compact-string %t

// A declaration spelled through a macro keeps its warning, without a fixit.

#include <string>

#define DECLARE_STRING(name) std::string name = "0123456789abcdefg"
#define STRING_TYPE std::string

std::size_t macros() {
  STRING_TYPE S = "0123456789abcdefg";
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'S' is a constant of up to 17 characters that allocates as std::string; use 'constexpr std::string_view' [memlint-compact-string]
  DECLARE_STRING(T); // the name itself is in the macro: not reported
  return S.size() + T.size();
}
