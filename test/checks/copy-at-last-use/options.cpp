// RUN: %check_clang_tidy %s memlint-copy-at-last-use %t
// RUN: %check_clang_tidy -check-suffix=ADD %s memlint-copy-at-last-use %t -- \
// RUN:   -config='{CheckOptions: {memlint-copy-at-last-use.SinkMethods: "push_back;add"}}'

#include <string>
#include <vector>
// CHECK-FIXES: #include <utility>
// CHECK-FIXES-ADD: #include <utility>

struct Bag {
  std::vector<std::string> Items;
  void add(const std::string &S) { Items.push_back(S); }
  void add(std::string &&S) { Items.push_back(static_cast<std::string &&>(S)); }
};

void fill(Bag &B, std::vector<std::string> &Out, std::string A,
          std::string C, std::string D) {
  // `add` is a sink only when SinkMethods names it.
  B.add(A);
  // CHECK-MESSAGES-ADD: :[[@LINE-1]]:9: warning: 'A' is copied into 'add' at its last use
  // CHECK-FIXES-ADD: B.add(std::move(A));
  // CHECK-FIXES: B.add(A);
  Out.push_back(C);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'C' is copied into 'push_back' at its last use
  // CHECK-MESSAGES-ADD: :[[@LINE-2]]:17: warning: 'C' is copied into 'push_back' at its last use
  // CHECK-FIXES: Out.push_back(std::move(C));
  // CHECK-FIXES-ADD: Out.push_back(std::move(C));
  // NOLINT silences one finding.
  Out.emplace_back(D); // NOLINT(memlint-copy-at-last-use)
}
