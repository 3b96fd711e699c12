// RUN: %check_clang_tidy -run-fixed %s memlint-compact-string %t

// Strings whose every value is known, at most 23 characters and possibly
// more than 15: compact_string (or, for constants read only as views,
// constexpr std::string_view).

#include <cstdio>
#include <iostream>
#include <string>
#include <string_view>
// CHECK-FIXES: #include <memlint/compact_string.hpp>
// CHECK-FIXES-NEXT: #include <string>

void show(std::string_view V) { std::cout << V.size() << ':' << V << '\n'; }

static const std::string kConfig = "configuration.yaml";
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'kConfig' is a constant of up to 18 characters that allocates as std::string; use 'constexpr std::string_view' [memlint-compact-string]
// CHECK-FIXES: static constexpr std::string_view kConfig = "configuration.yaml";
namespace {
const std::string kJoined = std::string("abcdefgh") + "ijklmnopq";
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'kJoined' is a constant of up to 17 characters that allocates as std::string; use 'constexpr std::string_view'
// CHECK-FIXES: constexpr std::string_view kJoined = "abcdefgh" "ijklmnopq";
} // namespace

void constants() {
  std::cout << kConfig << ' ' << (kConfig == "configuration.yaml") << ' '
            << kJoined.find("jk") << ' ' << kJoined[3] << '\n';
  show(kJoined);
  const std::string Local = "a local constant!";
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'Local' is a constant of up to 17 characters that allocates as std::string; use 'constexpr std::string_view'
  // CHECK-FIXES: constexpr std::string_view Local = "a local constant!";
  for (char C : Local)
    std::cout << static_cast<int>(C) % 10;
  std::cout << Local.length() << Local.front() << Local.back() << '\n';
}

void compact(int N, long long Big) {
  std::string Label = "counter_value=" + std::to_string(N); // up to 25: too long
  std::string Id = "id:" + std::to_string(N); // up to 14: std::string's own buffer
  std::cout << Label << Id << '\n';
  std::string Tag = "tag_" + std::to_string(N) + "_x";
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'Tag' holds up to 17 characters, more than std::string keeps inline; use 'memlint::compact_string' (23 inline) to avoid the allocation [memlint-compact-string]
  // CHECK-FIXES: memlint::compact_string Tag = memlint::compact_string("tag_") + std::to_string(N) + "_x";
  std::puts(Tag.c_str());
  std::string Direct("0123456789abcdef");
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'Direct' holds up to 16 characters, more than std::string keeps inline
  // CHECK-FIXES: memlint::compact_string Direct("0123456789abcdef");
  show(Direct);
  std::puts(Direct.c_str());
  std::string Grows = "short";
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'Grows' holds up to 21 characters, more than std::string keeps inline
  // CHECK-FIXES: memlint::compact_string Grows = "short";
  Grows = "0123456789abcdefghij";
  Grows += "x";
  std::cout << Grows << ' ' << Grows.size() << '\n';
  std::string Wide = "n=" + std::to_string(Big);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'Wide' holds up to 22 characters, more than std::string keeps inline
  // CHECK-FIXES: memlint::compact_string Wide = memlint::compact_string("n=") + std::to_string(Big);
  std::cout << Wide << (Wide != "n=0") << '\n';
  std::string Concat = std::string("0123456789") + "abcdefghij";
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'Concat' holds up to 21 characters, more than std::string keeps inline
  // CHECK-FIXES: memlint::compact_string Concat = "0123456789" "abcdefghij";
  Concat += "!";
  std::cout << Concat << '\n';
}

int main() {
  constants();
  compact(-2147483647 - 1, -9223372036854775807LL - 1);
  compact(7, 12);
}
