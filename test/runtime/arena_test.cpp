#include <memlint/arena.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <map>
#include <memory_resource>
#include <random>
#include <string>
#include <vector>

using memlint::arena;
using memlint::arena_allocator;

namespace {

// Upstream that counts what the arena asks for.
class counting_resource final : public std::pmr::memory_resource {
public:
  int allocations = 0;
  int frees = 0;
  std::size_t live = 0;

private:
  void *do_allocate(std::size_t b, std::size_t a) override {
    ++allocations;
    live += b;
    return std::pmr::new_delete_resource()->allocate(b, a);
  }
  void do_deallocate(void *p, std::size_t b, std::size_t a) override {
    ++frees;
    live -= b;
    std::pmr::new_delete_resource()->deallocate(p, b, a);
  }
  bool do_is_equal(const memory_resource &o) const noexcept override {
    return this == &o;
  }
};

bool aligned(const void *p, std::size_t a) {
  return reinterpret_cast<std::uintptr_t>(p) % a == 0;
}

TEST(Arena, AlignmentEveryPowerOfTwoUpTo4096) {
  counting_resource up;
  {
    arena a(&up);
    for (std::size_t al = 1; al <= 4096; al *= 2) {
      for (std::size_t size : {1u, 3u, 24u, 100u, 5000u}) {
        void *p = a.allocate(size, al);
        ASSERT_NE(p, nullptr);
        EXPECT_TRUE(aligned(p, al)) << "alignment " << al << " size " << size;
        std::memset(p, 0xAB, size); // ASan: writable
      }
    }
    // Same through make<T> with over-aligned types.
    struct alignas(256) a256 {
      char c;
    };
    struct alignas(4096) a4096 {
      char c;
    };
    EXPECT_TRUE(aligned(a.make<a256>(), 256));
    EXPECT_TRUE(aligned(a.make<a4096>(), 4096));
  }
  EXPECT_EQ(up.live, 0u);
}

TEST(Arena, ZeroSizeAndDefaultAlignment) {
  arena a;
  void *z = a.allocate(0);
  EXPECT_NE(z, nullptr);
  void *p = a.allocate(10);
  EXPECT_TRUE(aligned(p, alignof(std::max_align_t)));
  EXPECT_NE(a.allocate(0), nullptr);
}

TEST(Arena, AllocationsDoNotOverlapRandomized) {
  counting_resource up;
  arena a(512, &up);
  std::mt19937 rng(11);
  struct rec {
    unsigned char *p;
    std::size_t n;
    unsigned char tag;
  };
  for (int round = 0; round < 20; ++round) {
    std::vector<rec> recs;
    for (int i = 0; i < 500; ++i) {
      std::size_t n = std::uniform_int_distribution<std::size_t>(0, 700)(rng);
      if (i % 97 == 0)
        n = arena::large_threshold + 10; // occasional oversized block
      std::size_t al = std::size_t{1}
                       << std::uniform_int_distribution<int>(0, 7)(rng);
      auto *p = static_cast<unsigned char *>(a.allocate(n, al));
      ASSERT_TRUE(aligned(p, al));
      unsigned char tag = static_cast<unsigned char>(i);
      std::memset(p, tag, n);
      recs.push_back({p, n, tag});
    }
    for (const rec &r : recs)
      for (std::size_t k = 0; k < r.n; ++k)
        ASSERT_EQ(r.p[k], r.tag);
    a.reset();
  }
}

struct order_log {
  std::vector<int> *log;
  int id;
  ~order_log() { log->push_back(id); }
};

TEST(Arena, MakeRunsDestructorsInReverseOrder) {
  std::vector<int> log;
  {
    arena a;
    for (int i = 0; i < 5; ++i)
      a.make<order_log>(order_log{&log, i});
    // order_log's temporaries above logged already; start fresh.
    log.clear();
    a.reset();
    EXPECT_EQ(log, (std::vector<int>{4, 3, 2, 1, 0}));
    log.clear();
    a.make<order_log>(order_log{&log, 7});
    a.make<order_log>(order_log{&log, 8});
    log.clear();
  } // destructor runs them too
  EXPECT_EQ(log, (std::vector<int>{8, 7}));
}

TEST(Arena, MakeNonTrivialTypes) {
  arena a;
  auto *s = a.make<std::string>(100, 'x'); // owns heap memory: must be freed
  auto *v = a.make<std::vector<int>>(1000, 1);
  EXPECT_EQ(s->size(), 100u);
  EXPECT_EQ(v->size(), 1000u);
  int *i = a.make<int>(5);
  EXPECT_EQ(*i, 5);
  // ASan's leak checker verifies the string and vector are destroyed.
}

struct throws_in_ctor {
  static inline int destroyed = 0;
  explicit throws_in_ctor(bool t) {
    if (t)
      throw std::runtime_error("ctor");
  }
  ~throws_in_ctor() { ++destroyed; }
};

TEST(Arena, ThrowingConstructorRegistersNoDestructor) {
  throws_in_ctor::destroyed = 0;
  {
    arena a;
    a.make<throws_in_ctor>(false);
    EXPECT_THROW(a.make<throws_in_ctor>(true), std::runtime_error);
    a.make<throws_in_ctor>(false);
  }
  EXPECT_EQ(throws_in_ctor::destroyed, 2);
}

TEST(Arena, ResetLoopMakesNoUpstreamAllocationAfterFirstIteration) {
  counting_resource up;
  arena a(1024, &up);
  int after_first = -1;
  for (int iter = 0; iter < 10; ++iter) {
    for (int i = 0; i < 1000; ++i)
      a.allocate(24, 8);
    a.make<std::string>("not trivially destructible");
    a.allocate(arena::large_threshold * 2); // oversized: own block
    a.allocate(3000, 64);
    a.reset();
    if (iter == 0)
      after_first = up.allocations;
  }
  EXPECT_GT(after_first, 0);
  EXPECT_EQ(up.allocations, after_first);
  EXPECT_EQ(up.frees, 0);
  EXPECT_EQ(a.bytes_used(), 0u);
}

TEST(Arena, OversizedRequestsGetTheirOwnBlock) {
  counting_resource up;
  arena a(&up);
  a.allocate(16);
  const std::size_t reserved = a.bytes_reserved();
  const std::size_t big = arena::large_threshold + 1;
  void *p = a.allocate(big, 128);
  EXPECT_TRUE(aligned(p, 128));
  EXPECT_GE(a.bytes_reserved(), reserved + big);
  // The small-object chunk is still the current one.
  void *q = a.allocate(16);
  EXPECT_EQ(up.allocations, 2);
  (void)q;
  a.reset();
  a.allocate(big, 64); // reuses the kept block
  EXPECT_EQ(up.allocations, 2);
  a.release();
  EXPECT_EQ(up.live, 0u);
  EXPECT_EQ(a.bytes_reserved(), 0u);
}

TEST(Arena, InitialBufferIsUsedFirst) {
  counting_resource up;
  alignas(std::max_align_t) unsigned char buf[1024];
  {
    arena a(buf, sizeof buf, &up);
    EXPECT_EQ(a.bytes_reserved(), sizeof buf);
    for (int i = 0; i < 10; ++i) {
      auto *p = static_cast<unsigned char *>(a.allocate(64));
      EXPECT_GE(p, buf);
      EXPECT_LT(p, buf + sizeof buf);
    }
    EXPECT_EQ(up.allocations, 0);
    a.allocate(900); // does not fit: first upstream chunk
    EXPECT_EQ(up.allocations, 1);
    a.reset();
    auto *p = static_cast<unsigned char *>(a.allocate(64));
    EXPECT_EQ(p, buf); // back to the buffer after reset
    a.allocate(960);   // moves on to the kept chunk
    EXPECT_EQ(up.allocations, 1);
  }
  EXPECT_EQ(up.live, 0u);
}

TEST(Arena, BytesUsedAndReserved) {
  counting_resource up;
  arena a(&up);
  EXPECT_EQ(a.bytes_used(), 0u);
  EXPECT_EQ(a.bytes_reserved(), 0u);
  a.allocate(100, 1);
  EXPECT_EQ(a.bytes_used(), 100u);
  a.allocate(28, 1);
  EXPECT_EQ(a.bytes_used(), 128u);
  EXPECT_EQ(a.bytes_reserved(), up.live);
  for (int i = 0; i < 100; ++i)
    a.allocate(100, 1);
  EXPECT_GE(a.bytes_used(), 10128u);
  EXPECT_LE(a.bytes_used(), a.bytes_reserved());
  a.reset();
  EXPECT_EQ(a.bytes_used(), 0u);
  EXPECT_EQ(a.bytes_reserved(), up.live);
}

TEST(Arena, DeallocateReclaimsOnlyTheLastAllocation) {
  arena a;
  void *p = a.allocate(32, 8);
  void *q = a.allocate(32, 8);
  const std::size_t used = a.bytes_used();
  a.deallocate(p, 32); // not the last: ignored
  EXPECT_EQ(a.bytes_used(), used);
  a.deallocate(q, 32);
  EXPECT_EQ(a.bytes_used(), used - 32);
  EXPECT_EQ(a.allocate(32, 8), q);
}

TEST(Arena, MoveTransfersOwnership) {
  counting_resource up;
  std::vector<int> log;
  {
    arena a(&up);
    int *x = a.make<int>(42);
    a.make<order_log>(order_log{&log, 1});
    log.clear();
    arena b(std::move(a));
    EXPECT_EQ(*x, 42);
    EXPECT_EQ(a.bytes_used(), 0u);
    EXPECT_EQ(a.bytes_reserved(), 0u);
    EXPECT_TRUE(log.empty());
    arena c(&up);
    c.allocate(10);
    c = std::move(b);
    EXPECT_EQ(*x, 42);
    EXPECT_TRUE(log.empty());
    // The moved-from arena is usable.
    a.allocate(100);
    b.allocate(100);
  }
  EXPECT_EQ(log, (std::vector<int>{1})); // destroyed exactly once
  EXPECT_EQ(up.live, 0u);
}

TEST(Arena, PmrResourceView) {
  counting_resource up;
  arena a(&up);
  std::pmr::memory_resource *r = a.resource();
  EXPECT_TRUE(r->is_equal(*r));
  arena other;
  EXPECT_FALSE(r->is_equal(*other.resource()));
  {
    std::pmr::vector<std::pmr::string> v(r);
    for (int i = 0; i < 100; ++i)
      v.emplace_back(std::string(40, 'a' + i % 26));
    EXPECT_EQ(std::string_view(v[99]), std::string(40, 'a' + 99 % 26));
  }
  EXPECT_GT(a.bytes_used(), 4000u);
  static_assert(std::is_final_v<memlint::arena_resource>);
}

TEST(Arena, ArenaAllocatorWithStandardContainers) {
  arena a;
  std::vector<int, arena_allocator<int>> v(a);
  for (int i = 0; i < 1000; ++i)
    v.push_back(i);
  EXPECT_EQ(v[999], 999);
  std::map<int, std::string, std::less<>,
           arena_allocator<std::pair<const int, std::string>>>
      m{arena_allocator<std::pair<const int, std::string>>(a)};
  for (int i = 0; i < 100; ++i)
    m.emplace(i, std::to_string(i));
  EXPECT_EQ(m.at(42), "42");
  arena_allocator<int> ai(a);
  arena_allocator<double> ad(ai);
  EXPECT_TRUE(ai == ad);
  arena b;
  EXPECT_TRUE(ai != arena_allocator<int>(b));
  EXPECT_THROW((void)ai.allocate(std::size_t(-1) / 2), std::bad_array_new_length);
}

TEST(Arena, UpstreamFailureLeavesArenaUsable) {
  struct failing final : std::pmr::memory_resource {
    bool fail = false;
    void *do_allocate(std::size_t b, std::size_t al) override {
      if (fail)
        throw std::bad_alloc();
      return std::pmr::new_delete_resource()->allocate(b, al);
    }
    void do_deallocate(void *p, std::size_t b, std::size_t al) override {
      std::pmr::new_delete_resource()->deallocate(p, b, al);
    }
    bool do_is_equal(const memory_resource &o) const noexcept override {
      return this == &o;
    }
  } up;
  arena a(&up);
  a.allocate(100);
  const std::size_t used = a.bytes_used();
  up.fail = true;
  EXPECT_THROW(a.allocate(100000), std::bad_alloc);
  EXPECT_EQ(a.bytes_used(), used);
  up.fail = false;
  EXPECT_NE(a.allocate(100000), nullptr);
}

} // namespace
