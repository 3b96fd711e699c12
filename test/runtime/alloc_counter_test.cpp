// Linked against libmemlint_alloc_count.so: exact in-process counts.
#include <memlint/alloc_counter.hpp>
#include <memlint/arena.hpp>
#include <memlint/compact_string.hpp>
#include <memlint/small_vector.hpp>

#include <gtest/gtest.h>

#include <cstdlib>
#include <malloc.h>
#include <memory>
#include <new>
#include <string>
#include <thread>
#include <vector>

using memlint::alloc_scope;

namespace {

// Keeps the optimizer from eliding new/delete pairs.
template <class T> void escape(T *p) { asm volatile("" : : "g"(p) : "memory"); }

TEST(AllocCounter, IsActiveWhenLinked) {
  ASSERT_TRUE(alloc_scope::active());
  ASSERT_TRUE(memlint::alloc_counter_active());
}

TEST(AllocCounter, EightPushBacksIntoStdVectorMakeFourAllocations) {
  ASSERT_TRUE(alloc_scope::active());
  alloc_scope scope;
  {
    std::vector<int> v;
    for (int i = 0; i < 8; ++i)
      v.push_back(i);
    escape(v.data());
  }
  EXPECT_EQ(scope.allocations(), 4u); // capacities 1, 2, 4, 8
  EXPECT_EQ(scope.frees(), 4u);
  EXPECT_EQ(scope.bytes(), (1u + 2u + 4u + 8u) * sizeof(int));
  EXPECT_EQ(scope.peak_bytes(), (4u + 8u) * sizeof(int)); // old + new buffer
}

TEST(AllocCounter, SmallVectorWithinNMakesNoAllocation) {
  ASSERT_TRUE(alloc_scope::active());
  alloc_scope scope;
  {
    memlint::small_vector<int, 8> v;
    for (int i = 0; i < 8; ++i)
      v.push_back(i);
    escape(v.data());
  }
  EXPECT_EQ(scope.allocations(), 0u);
  {
    memlint::small_vector<int, 8> v;
    for (int i = 0; i < 9; ++i)
      v.push_back(i);
    escape(v.data());
  }
  EXPECT_EQ(scope.allocations(), 1u);
  EXPECT_EQ(scope.frees(), 1u);
}

TEST(AllocCounter, CompactStringUpTo23CharsMakesNoAllocation) {
  ASSERT_TRUE(alloc_scope::active());
  alloc_scope scope;
  {
    memlint::compact_string s("exactly 23 characters!!");
    s.pop_back();
    s += "!";
    memlint::compact_string t(s);
    escape(&t);
    EXPECT_EQ(s.size(), 24u - 1);
  }
  EXPECT_EQ(scope.allocations(), 0u);
  {
    memlint::compact_string s(24, 'x');
    escape(&s);
  }
  EXPECT_EQ(scope.allocations(), 1u);
  EXPECT_EQ(scope.bytes(), 25u); // 24 characters + NUL
}

TEST(AllocCounter, ArenaResetLoopAllocatesOnlyInFirstIteration) {
  ASSERT_TRUE(alloc_scope::active());
  memlint::arena a;
  std::uint64_t first = 0;
  alloc_scope scope;
  for (int iter = 0; iter < 20; ++iter) {
    for (int i = 0; i < 1000; ++i)
      escape(a.allocate(24, 8));
    a.make<std::string>(5, 'x');
    a.allocate(memlint::arena::large_threshold + 1);
    a.reset();
    if (iter == 0)
      first = scope.allocations();
  }
  EXPECT_GT(first, 0u);
  EXPECT_EQ(scope.allocations(), first);
  EXPECT_EQ(scope.frees(), 0u);
}

TEST(AllocCounter, EveryCAllocationFunctionIsCounted) {
  ASSERT_TRUE(alloc_scope::active());
  alloc_scope scope;
  void *p = std::malloc(10);
  void *c = std::calloc(3, 4);
  p = std::realloc(p, 100); // counts as one free + one allocation
  void *al = aligned_alloc(64, 128);
  void *pm = nullptr;
  ASSERT_EQ(posix_memalign(&pm, 256, 32), 0);
  void *m = memalign(32, 16);
  void *v = valloc(10);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(al) % 64, 0u);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(pm) % 256, 0u);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(m) % 32, 0u);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(v) % 4096, 0u);
  EXPECT_EQ(malloc_usable_size(p), 100u);
  EXPECT_EQ(scope.allocations(), 7u);
  EXPECT_EQ(scope.frees(), 1u);
  EXPECT_EQ(scope.bytes(), 10u + 12u + 100u + 128u + 32u + 16u + 10u);
  for (void *q : {p, c, al, pm, m, v})
    std::free(q);
  std::free(nullptr); // not counted
  EXPECT_EQ(scope.frees(), 7u);
  EXPECT_EQ(scope.peak_bytes(), 12u + 100u + 128u + 32u + 16u + 10u);
}

TEST(AllocCounter, EveryOperatorNewFormIsCounted) {
  ASSERT_TRUE(alloc_scope::active());
  struct alignas(128) over {
    char c[128];
  };
  alloc_scope scope;
  int *a = new int(1);
  escape(a);
  delete a;
  int *b = new int[10];
  escape(b);
  delete[] b;
  int *c = new (std::nothrow) int(2);
  escape(c);
  delete c;
  int *d = new (std::nothrow) int[3];
  escape(d);
  delete[] d;
  over *e = new over;
  escape(e);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(e) % 128, 0u);
  delete e;
  over *f = new over[2];
  escape(f);
  delete[] f;
  void *g = ::operator new(7, std::align_val_t(64), std::nothrow);
  ::operator delete(g, std::align_val_t(64), std::nothrow);
  void *h = ::operator new[](9, std::align_val_t(32), std::nothrow);
  ::operator delete[](h, std::align_val_t(32), std::nothrow);
  void *i = ::operator new(5);
  ::operator delete(i, 5);
  void *j = ::operator new[](6);
  ::operator delete[](j, 6);
  void *k = ::operator new(11, std::align_val_t(256));
  ::operator delete(k, 11, std::align_val_t(256));
  EXPECT_EQ(scope.allocations(), 11u);
  EXPECT_EQ(scope.frees(), 11u);
  EXPECT_EQ(scope.bytes(), 4u + 40u + 4u + 12u + 128u + 256u + 7u + 9u + 5u +
                               6u + 11u);
}

TEST(AllocCounter, NestedScopesAndPeak) {
  ASSERT_TRUE(alloc_scope::active());
  alloc_scope outer;
  void *a = std::malloc(1000);
  escape(a);
  {
    alloc_scope inner;
    void *b = std::malloc(500);
    escape(b);
    std::free(b);
    EXPECT_EQ(inner.peak_bytes(), 500u);
    EXPECT_EQ(inner.allocations(), 1u);
  }
  std::free(a);
  EXPECT_EQ(outer.peak_bytes(), 1500u);
  EXPECT_EQ(outer.allocations(), 2u);
}

TEST(AllocCounter, CountsFromManyThreads) {
  ASSERT_TRUE(alloc_scope::active());
  alloc_scope scope;
  std::vector<std::thread> threads;
  const std::uint64_t before = scope.allocations();
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([] {
      for (int i = 0; i < 1000; ++i) {
        void *p = std::malloc(16);
        escape(p);
        std::free(p);
      }
    });
  for (auto &t : threads)
    t.join();
  // Thread creation allocates too (stacks are mmapped, TLS/DTV may malloc).
  EXPECT_GE(scope.allocations() - before, 4000u);
  EXPECT_EQ(scope.allocations() - scope.frees() <= 8u, true);
}

} // namespace
