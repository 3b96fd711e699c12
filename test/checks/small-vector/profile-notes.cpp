// RUN: %check_clang_tidy %s memlint-small-vector %t

// The lines whose allocations the fix removes, for `memlint check --profile`
// (docs/checks/small-vector.md, "How this check counts"): the pushes, each
// line once, not the declaration's own line, not reads.

#include <vector>


int pushes(bool B) {
  std::vector<int> v;
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: 'v' never holds more than 3 elements
  // CHECK-FIXES: {{^}}  memlint::small_vector<int, 3> v;{{$}}
  v.push_back(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: allocations removed here (kind: vector)
  if (B) {
    v.push_back(2); v.emplace_back(3);
    // CHECK-NOTES: :[[@LINE-1]]:5: note: allocations removed here (kind: vector)
  }
  return v[0] + static_cast<int>(v.size());
}
