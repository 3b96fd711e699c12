// memlint::alloc_scope: exact allocation counts for tests, backed by the
// libmemlint_alloc_count.so counter library (linked in or LD_PRELOADed).
//
// The header compiles and links without the library: the entry points are
// weak, so when the library is absent they are null and active() is false.
// Tests should ASSERT_TRUE(memlint::alloc_scope::active()) before asserting
// zero allocations, so the assertion cannot pass vacuously.
#ifndef MEMLINT_ALLOC_COUNTER_HPP
#define MEMLINT_ALLOC_COUNTER_HPP

#include <cstdint>

extern "C" {
// Process-wide totals since start-up (all threads).
struct memlint_alloc_stats {
  std::uint64_t allocations;     // successful allocations (realloc counts 1)
  std::uint64_t frees;           // frees of non-null blocks (realloc counts 1)
  std::uint64_t bytes_allocated; // requested bytes, summed
  std::uint64_t bytes_freed;     // requested bytes of the freed blocks
  std::uint64_t live_bytes;      // requested bytes currently allocated
  std::uint64_t peak_bytes;      // maximum of live_bytes so far
  std::uint64_t scope_peak;      // maximum of live_bytes since scope_begin
  std::uint64_t reallocs;        // realloc calls that moved or resized
};
}

#if defined(MEMLINT_ALLOC_COUNTER_BUILDING_LIBRARY)
#define MEMLINT_ALLOC_WEAK __attribute__((visibility("default")))
#elif defined(__GNUC__) || defined(__clang__)
#define MEMLINT_ALLOC_WEAK __attribute__((weak))
#else
#error "memlint/alloc_counter.hpp needs weak symbol support (GCC or Clang)"
#endif

extern "C" {
// 1 when this library's malloc is the process's malloc and it counted a test
// allocation just now.
MEMLINT_ALLOC_WEAK int memlint_alloc_counter_probe(void);
MEMLINT_ALLOC_WEAK void memlint_alloc_counter_snapshot(memlint_alloc_stats *);
// Starts a peak window: returns the previous window's peak and sets the
// window peak to the current live bytes. scope_end restores the outer window.
MEMLINT_ALLOC_WEAK std::uint64_t memlint_alloc_counter_scope_begin(void);
MEMLINT_ALLOC_WEAK void memlint_alloc_counter_scope_end(std::uint64_t outer);
}

#undef MEMLINT_ALLOC_WEAK

#if !defined(MEMLINT_ALLOC_COUNTER_BUILDING_LIBRARY)
namespace memlint {

// Counts allocations made in this process (by any thread) between
// construction and the call. Scopes nest (LIFO) on one thread; peak_bytes()
// is the highest live-byte level reached during the scope minus the level at
// its start.
class alloc_scope {
public:
  alloc_scope() noexcept : active_(active()) {
    if (active_) {
      outer_peak_ = memlint_alloc_counter_scope_begin();
      memlint_alloc_counter_snapshot(&start_);
    }
  }
  ~alloc_scope() {
    if (active_)
      memlint_alloc_counter_scope_end(outer_peak_);
  }
  alloc_scope(const alloc_scope &) = delete;
  alloc_scope &operator=(const alloc_scope &) = delete;

  // True only if the counter library is interposed in this process.
  static bool active() noexcept {
    static const bool on =
        memlint_alloc_counter_probe != nullptr &&
        memlint_alloc_counter_snapshot != nullptr &&
        memlint_alloc_counter_scope_begin != nullptr &&
        memlint_alloc_counter_scope_end != nullptr &&
        memlint_alloc_counter_probe() == 1;
    return on;
  }

  std::uint64_t allocations() const noexcept {
    return now().allocations - start_.allocations;
  }
  std::uint64_t frees() const noexcept { return now().frees - start_.frees; }
  std::uint64_t bytes() const noexcept {
    return now().bytes_allocated - start_.bytes_allocated;
  }
  std::uint64_t peak_bytes() const noexcept {
    const memlint_alloc_stats s = now();
    return s.scope_peak > start_.live_bytes ? s.scope_peak - start_.live_bytes
                                            : 0;
  }

private:
  memlint_alloc_stats now() const noexcept {
    memlint_alloc_stats s{};
    if (active_)
      memlint_alloc_counter_snapshot(&s);
    return s;
  }
  bool active_;
  std::uint64_t outer_peak_ = 0;
  memlint_alloc_stats start_{};
};

inline bool alloc_counter_active() noexcept { return alloc_scope::active(); }

} // namespace memlint
#endif

#endif // MEMLINT_ALLOC_COUNTER_HPP
