#include <memlint/alloc_counter.hpp>

#include <cstdio>
#include <vector>

int main() {
  if (!memlint::alloc_scope::active()) {
    std::puts("counter not active");
    return 1;
  }
  memlint::alloc_scope scope;
  {
    std::vector<int> v;
    for (int i = 0; i < 8; ++i)
      v.push_back(i);
    asm volatile("" : : "g"(v.data()) : "memory");
  }
  const bool ok = scope.allocations() == 4;
  std::puts(ok ? "counted consumer ok" : "counted consumer FAILED");
  return ok ? 0 : 1;
}
