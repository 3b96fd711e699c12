// RUN: %check_clang_tidy %s memlint-heap-fixed-buffer %t
// RUN: %check_clang_tidy -check-suffix=SMALL %s memlint-heap-fixed-buffer %t \
// RUN:   -- -config="{CheckOptions: {memlint-heap-fixed-buffer.MaxStackBytes: 64}}"

// MaxStackBytes (default 4096) bounds K * sizeof(T), with the real sizeof.

#include <vector>
// CHECK-FIXES: #include <array>
// CHECK-FIXES-SMALL: #include <array>

struct Big {
  char Bytes[40];
};

int limits() {
  std::vector<char> AtLimit(4096);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'AtLimit' allocates a fixed-size buffer of 4096 bytes on the heap; use 'std::array<char, 4096>' to keep it on the stack
  // CHECK-FIXES: std::array<char, 4096> AtLimit{};
  // CHECK-FIXES-SMALL: std::vector<char> AtLimit(4096);
  std::vector<char> OverLimit(4097);
  std::vector<Big> Structs(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'Structs' allocates a fixed-size buffer of 80 bytes on the heap; use 'std::array<Big, 2>' to keep it on the stack
  // CHECK-FIXES: std::array<Big, 2> Structs{};
  // CHECK-FIXES-SMALL: std::vector<Big> Structs(2);
  std::vector<long> Small(8);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'Small' allocates a fixed-size buffer of 64 bytes on the heap; use 'std::array<long, 8>' to keep it on the stack
  // CHECK-MESSAGES-SMALL: :[[@LINE-2]]:21: warning: 'Small' allocates a fixed-size buffer of 64 bytes on the heap; use 'std::array<long, 8>' to keep it on the stack
  // CHECK-FIXES: std::array<long, 8> Small{};
  // CHECK-FIXES-SMALL: std::array<long, 8> Small{};
  return AtLimit[0] + OverLimit[0] + Structs[1].Bytes[0] + static_cast<int>(Small[7]);
}
