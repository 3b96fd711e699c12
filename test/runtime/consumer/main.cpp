#include <memlint/alloc_counter.hpp>
#include <memlint/arena.hpp>
#include <memlint/compact_string.hpp>
#include <memlint/small_vector.hpp>

#include <cstdio>

int main() {
  memlint::small_vector<int, 4> v{1, 2, 3};
  memlint::arena a;
  int *x = a.make<int>(4);
  memlint::compact_string s("installed");
  const bool ok = v.size() == 3 && *x == 4 && s == "installed" &&
                  !memlint::alloc_scope::active(); // library not linked
  std::puts(ok ? "consumer ok" : "consumer FAILED");
  return ok ? 0 : 1;
}
