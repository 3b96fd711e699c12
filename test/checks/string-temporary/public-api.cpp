// A parameter of a function with external linkage declared in a public
// header is part of the library's ABI: reported, not fixed, unless
// FixPublicAPI is true.
// RUN: %check_clang_tidy -check-header=Inputs/include/mylib/public_strings.h %s memlint-string-temporary %t -- \
// RUN:   -header-filter=.* -config="{CheckOptions: {PublicHeaders: 'include/mylib/'}}"
// RUN: %check_clang_tidy -check-suffix=FIX -check-header=Inputs/include/mylib/public_strings.h %s memlint-string-temporary %t -- \
// RUN:   -header-filter=.* -config="{CheckOptions: {PublicHeaders: 'include/mylib/', FixPublicAPI: true}}"
#include "include/mylib/public_strings.h"
#include "private_strings.h"

// CHECK-HEADER-FIXES: bool isReserved(const std::string &Word);
// CHECK-HEADER-FIXES-FIX: bool isReserved(std::string_view Word);

bool isReserved(const std::string &Word) { return Word == "if" || Word == "for"; }
// CHECK-NOTES: :[[@LINE-1]]:36: warning: parameter 'Word' makes 1 call in this translation unit build a std::string temporary
// CHECK-NOTES: :[[@LINE+14]]:32: note: a std::string temporary is built here from a string literal
// CHECK-NOTES: :[[@LINE-3]]:36: note: no fixit: 'isReserved' is in a public header (public_strings.h); changing its parameter types changes the library's ABI (set FixPublicAPI to true to allow)
// CHECK-FIXES: bool isReserved(const std::string &Word) { return Word == "if" || Word == "for"; }
// CHECK-MESSAGES-FIX: :[[@LINE-5]]:36: warning: parameter 'Word' makes 1 call
// CHECK-FIXES-FIX: bool isReserved(std::string_view Word) { return Word == "if" || Word == "for"; }

// A header that is not public: fixed.
bool isKeyword(const std::string &Word) { return Word == "while"; }
// CHECK-NOTES: :[[@LINE-1]]:35: warning: parameter 'Word' makes 1 call
// CHECK-NOTES: :[[@LINE+5]]:68: note: a std::string temporary is built here from a string literal
// CHECK-FIXES: bool isKeyword(std::string_view Word) { return Word == "while"; }
// CHECK-MESSAGES-FIX: :[[@LINE-4]]:35: warning: parameter 'Word' makes 1 call
// CHECK-FIXES-FIX: bool isKeyword(std::string_view Word) { return Word == "while"; }

int main() { return isReserved("return-value-keyword") + isKeyword("while-loop-keyword"); }
