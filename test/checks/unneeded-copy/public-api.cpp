// A parameter or return type of a function with external linkage declared in
// a public header (PublicHeaders, or InstalledHeaders as `memlint check`
// computes it) is part of the library's ABI: reported, not fixed, unless
// FixPublicAPI is true.
// RUN: %check_clang_tidy -check-header=Inputs/include/mylib/public_api.h %s memlint-unneeded-copy %t -- \
// RUN:   -header-filter=.* -config="{CheckOptions: {PublicHeaders: 'include/mylib/', memlint-unneeded-copy.FixGetters: true}}"
// RUN: %check_clang_tidy -check-header=Inputs/include/mylib/public_api.h %s memlint-unneeded-copy %t -- \
// RUN:   -header-filter=.* -config="{CheckOptions: {InstalledHeaders: '/Inputs/include/mylib/public_api\.h$', memlint-unneeded-copy.FixGetters: true}}"
// RUN: %check_clang_tidy -check-suffix=FIX -check-header=Inputs/include/mylib/public_api.h %s memlint-unneeded-copy %t -- \
// RUN:   -header-filter=.* -config="{CheckOptions: {PublicHeaders: 'include/mylib/', memlint-unneeded-copy.FixGetters: true, FixPublicAPI: true}}"
#include "include/mylib/public_api.h"
#include "private_api.h"

// CHECK-HEADER-FIXES: int publicCount(std::vector<std::string> Lines);
// CHECK-HEADER-FIXES: bool has(std::string Key) const;
// CHECK-HEADER-FIXES: std::string title() const { return Title; }
// CHECK-HEADER-FIXES: static inline int helperCount(const std::vector<int>& V) { return static_cast<int>(V.size()); }
// CHECK-HEADER-FIXES-FIX: int publicCount(const std::vector<std::string>& Lines);
// CHECK-HEADER-FIXES-FIX: bool has(std::string_view Key) const;
// CHECK-HEADER-FIXES-FIX: const std::string& title() const { return Title; }
// CHECK-HEADER-FIXES-FIX: static inline int helperCount(const std::vector<int>& V) { return static_cast<int>(V.size()); }

// CHECK-NOTES: public_api.h:9:15: warning: getter 'title' copies a std::string {{.*}} return 'const std::string&' [memlint-unneeded-copy]
// CHECK-NOTES: public_api.h:9:15: note: a reference changes lifetimes: {{.*}} would dangle{{$}}
// CHECK-NOTES: public_api.h:9:15: note: no fixit: 'title' is in a public header (public_api.h); changing its return type changes the library's ABI (set FixPublicAPI to true to allow)
// CHECK-NOTES: public_api.h:13:48: warning: parameter 'V' copies a 'std::vector<int>' {{.*}} take it as 'const std::vector<int>&' [memlint-unneeded-copy]
// CHECK-MESSAGES-FIX: public_api.h:9:15: warning: getter 'title'
// CHECK-MESSAGES-FIX: public_api.h:13:48: warning: parameter 'V'

int publicCount(std::vector<std::string> Lines) {
  // CHECK-NOTES: :[[@LINE-1]]:42: warning: parameter 'Lines' copies a 'std::vector<std::string>' {{.*}} take it as 'const std::vector<std::string>&' [memlint-unneeded-copy]
  // CHECK-NOTES: :[[@LINE-2]]:42: note: no fixit: 'publicCount' is in a public header (public_api.h); changing its parameter types changes the library's ABI (set FixPublicAPI to true to allow)
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:42: warning: parameter 'Lines' {{.*}} take it as 'const std::vector<std::string>&'
  // CHECK-FIXES: int publicCount(std::vector<std::string> Lines) {
  // CHECK-FIXES-FIX: int publicCount(const std::vector<std::string>& Lines) {
  return static_cast<int>(Lines.size());
}

bool Table::has(std::string Key) const { return Key == Title; }
// CHECK-NOTES: :[[@LINE-1]]:29: warning: parameter 'Key' {{.*}} take it as 'std::string_view' [memlint-unneeded-copy]
// CHECK-NOTES: :[[@LINE-2]]:29: note: no fixit: 'has' is in a public header (public_api.h); changing its parameter types changes the library's ABI (set FixPublicAPI to true to allow)
// CHECK-MESSAGES-FIX: :[[@LINE-3]]:29: warning: parameter 'Key' {{.*}} take it as 'std::string_view'
// CHECK-FIXES: bool Table::has(std::string Key) const { return Key == Title; }
// CHECK-FIXES-FIX: bool Table::has(std::string_view Key) const { return Key == Title; }

// Declared in a private header: fixed there and here (the call below would
// be ambiguous otherwise, and the fixed file would not compile).
int privateCount(std::vector<std::string> Lines) {
  // CHECK-NOTES: :[[@LINE-1]]:43: warning: parameter 'Lines' {{.*}} take it as 'const std::vector<std::string>&' [memlint-unneeded-copy]
  // CHECK-MESSAGES-FIX: :[[@LINE-2]]:43: warning: parameter 'Lines'
  // CHECK-FIXES: int privateCount(const std::vector<std::string>& Lines) {
  // CHECK-FIXES-FIX: int privateCount(const std::vector<std::string>& Lines) {
  return static_cast<int>(Lines.size());
}

// Internal linkage in the main file: fixed.
static int localCount(std::vector<int> V) { return static_cast<int>(V.size()); }
// CHECK-NOTES: :[[@LINE-1]]:40: warning: parameter 'V' {{.*}} take it as 'const std::vector<int>&' [memlint-unneeded-copy]
// CHECK-MESSAGES-FIX: :[[@LINE-2]]:40: warning: parameter 'V'
// CHECK-FIXES: static int localCount(const std::vector<int>& V) { return static_cast<int>(V.size()); }
// CHECK-FIXES-FIX: static int localCount(const std::vector<int>& V) { return static_cast<int>(V.size()); }

int use() {
  std::vector<std::string> L;
  std::vector<int> V;
  return privateCount(L) + localCount(V) + helperCount(V);
}
