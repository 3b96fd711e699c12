// RUN: %check_clang_tidy -std=c++14 %s memlint-string-temporary %t

#include <string>

// Before C++17 there is no std::string_view: nothing is flagged.
bool isHeader(const std::string &Path) { return Path.size() > 2 && Path[0] == 'a'; }
bool useIt() { return isHeader("a.h"); }
