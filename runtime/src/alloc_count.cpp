// libmemlint_alloc_count.so: counts every allocation and free of the process
// it is LD_PRELOADed into (or linked into), and reports at exit.
//
// Forwarding: glibc's __libc_* entry points, so no dlsym bootstrap is needed.
// Sizes: every block carries a 16-byte header (requested size, offset to the
// real block) in front of the user pointer, so frees and the peak are exact
// in *requested* bytes, independent of malloc_usable_size rounding.
#define MEMLINT_ALLOC_COUNTER_BUILDING_LIBRARY 1
#include <memlint/alloc_counter.hpp>

#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <fcntl.h>
#include <new>
#include <unistd.h>

extern "C" {
void *__libc_malloc(std::size_t);
void __libc_free(void *);
void *__libc_calloc(std::size_t, std::size_t);
void *__libc_realloc(void *, std::size_t);
void *__libc_memalign(std::size_t, std::size_t);
}

#define MEMLINT_EXPORT extern "C" __attribute__((visibility("default")))

namespace {

constexpr std::size_t header_size = 16; // keeps malloc's 16-byte alignment

struct counters {
  std::atomic<std::uint64_t> allocations{0};
  std::atomic<std::uint64_t> frees{0};
  std::atomic<std::uint64_t> bytes_allocated{0};
  std::atomic<std::uint64_t> bytes_freed{0};
  std::atomic<std::uint64_t> live{0};
  std::atomic<std::uint64_t> peak{0};
  std::atomic<std::uint64_t> scope_peak{0};
  std::atomic<std::uint64_t> reallocs{0};
};
// Constant-initialized: usable before any constructor runs.
counters g;

void raise_to(std::atomic<std::uint64_t> &a, std::uint64_t v) {
  std::uint64_t cur = a.load(std::memory_order_relaxed);
  while (cur < v &&
         !a.compare_exchange_weak(cur, v, std::memory_order_relaxed)) {
  }
}

void note_live(std::uint64_t live) {
  raise_to(g.peak, live);
  raise_to(g.scope_peak, live);
}

void on_alloc(std::size_t n) {
  g.allocations.fetch_add(1, std::memory_order_relaxed);
  g.bytes_allocated.fetch_add(n, std::memory_order_relaxed);
  note_live(g.live.fetch_add(n, std::memory_order_relaxed) + n);
}

void on_free(std::size_t n) {
  g.frees.fetch_add(1, std::memory_order_relaxed);
  g.bytes_freed.fetch_add(n, std::memory_order_relaxed);
  g.live.fetch_sub(n, std::memory_order_relaxed);
}

// Header layout, just below the user pointer: [requested size][offset].
std::size_t load_word(const char *p) {
  std::size_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
void store_word(char *p, std::size_t v) { std::memcpy(p, &v, sizeof v); }

void *finish(void *raw, std::size_t offset, std::size_t n) {
  char *user = static_cast<char *>(raw) + offset;
  store_word(user - 16, n);
  store_word(user - 8, offset);
  return user;
}
std::size_t requested_size(const void *user) {
  return load_word(static_cast<const char *>(user) - 16);
}
std::size_t offset_of(const void *user) {
  return load_word(static_cast<const char *>(user) - 8);
}
void *raw_of(void *user) { return static_cast<char *>(user) - offset_of(user); }

bool is_pow2(std::size_t a) { return a != 0 && (a & (a - 1)) == 0; }

// Returns nullptr (errno = ENOMEM) on failure; alignment must be a power of
// two.
void *alloc_impl(std::size_t n, std::size_t alignment) {
  void *raw;
  std::size_t offset;
  if (alignment <= header_size) {
    offset = header_size;
    if (n > SIZE_MAX - offset) {
      errno = ENOMEM;
      return nullptr;
    }
    raw = __libc_malloc(n + offset);
  } else {
    // offset = alignment keeps the user pointer aligned and leaves room for
    // the header (alignment >= 32 here).
    offset = alignment;
    if (n > SIZE_MAX - offset) {
      errno = ENOMEM;
      return nullptr;
    }
    raw = __libc_memalign(alignment, n + offset);
  }
  if (!raw)
    return nullptr;
  on_alloc(n);
  return finish(raw, offset, n);
}

void free_impl(void *p) {
  if (!p)
    return;
  on_free(requested_size(p));
  __libc_free(raw_of(p));
}

void *realloc_impl(void *p, std::size_t n) {
  if (!p)
    return alloc_impl(n, 1);
  if (n == 0) {
    // glibc semantics: realloc(p, 0) frees p and returns NULL.
    free_impl(p);
    return nullptr;
  }
  const std::size_t old = requested_size(p);
  const std::size_t offset = offset_of(p);
  if (n > SIZE_MAX - offset) {
    errno = ENOMEM;
    return nullptr;
  }
  void *raw = __libc_realloc(raw_of(p), n + offset);
  if (!raw)
    return nullptr; // p untouched, nothing counted
  // One free of the old block and one allocation of the new one.
  g.reallocs.fetch_add(1, std::memory_order_relaxed);
  g.frees.fetch_add(1, std::memory_order_relaxed);
  g.bytes_freed.fetch_add(old, std::memory_order_relaxed);
  g.allocations.fetch_add(1, std::memory_order_relaxed);
  g.bytes_allocated.fetch_add(n, std::memory_order_relaxed);
  if (n >= old)
    note_live(g.live.fetch_add(n - old, std::memory_order_relaxed) + (n - old));
  else
    g.live.fetch_sub(old - n, std::memory_order_relaxed);
  return finish(raw, offset, n);
}

std::size_t page_size() {
  static const std::size_t ps = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  return ps;
}

void *new_impl(std::size_t n, std::size_t alignment) {
  for (;;) {
    if (void *p = alloc_impl(n, alignment))
      return p;
    std::new_handler h = std::get_new_handler();
    if (!h)
      throw std::bad_alloc();
    h();
  }
}

void *new_nothrow(std::size_t n, std::size_t alignment) noexcept {
  try {
    return new_impl(n, alignment);
  } catch (...) {
    return nullptr;
  }
}

} // namespace

// --- C allocation API ------------------------------------------------------
MEMLINT_EXPORT void *malloc(std::size_t n) { return alloc_impl(n, 1); }
MEMLINT_EXPORT void free(void *p) { free_impl(p); }
MEMLINT_EXPORT void *calloc(std::size_t count, std::size_t size) {
  std::size_t n;
  if (__builtin_mul_overflow(count, size, &n) || n > SIZE_MAX - header_size) {
    errno = ENOMEM;
    return nullptr;
  }
  void *raw = __libc_calloc(1, n + header_size);
  if (!raw)
    return nullptr;
  on_alloc(n);
  return finish(raw, header_size, n);
}
MEMLINT_EXPORT void *realloc(void *p, std::size_t n) {
  return realloc_impl(p, n);
}
MEMLINT_EXPORT void *reallocarray(void *p, std::size_t count,
                                  std::size_t size) {
  std::size_t n;
  if (__builtin_mul_overflow(count, size, &n)) {
    errno = ENOMEM;
    return nullptr;
  }
  return realloc_impl(p, n);
}
MEMLINT_EXPORT void *aligned_alloc(std::size_t alignment, std::size_t n) {
  if (!is_pow2(alignment)) {
    errno = EINVAL;
    return nullptr;
  }
  return alloc_impl(n, alignment);
}
MEMLINT_EXPORT int posix_memalign(void **out, std::size_t alignment,
                                  std::size_t n) {
  if (!is_pow2(alignment) || alignment % sizeof(void *) != 0)
    return EINVAL;
  const int saved = errno;
  void *p = alloc_impl(n, alignment);
  if (!p) {
    errno = saved;
    return ENOMEM;
  }
  *out = p;
  return 0;
}
MEMLINT_EXPORT void *memalign(std::size_t alignment, std::size_t n) {
  // glibc rounds a non-power-of-two alignment up.
  std::size_t a = 1;
  while (a < alignment)
    a <<= 1;
  return alloc_impl(n, a);
}
MEMLINT_EXPORT void *valloc(std::size_t n) {
  return alloc_impl(n, page_size());
}
MEMLINT_EXPORT void *pvalloc(std::size_t n) {
  const std::size_t ps = page_size();
  return alloc_impl(n == 0 ? ps : (n + ps - 1) / ps * ps, ps);
}
// Must be interposed too: glibc's version would misread our header.
MEMLINT_EXPORT std::size_t malloc_usable_size(void *p) {
  return p ? requested_size(p) : 0;
}

// --- C++ operator new / delete (every replaceable form) --------------------
void *operator new(std::size_t n) { return new_impl(n, 1); }
void *operator new[](std::size_t n) { return new_impl(n, 1); }
void *operator new(std::size_t n, const std::nothrow_t &) noexcept {
  return new_nothrow(n, 1);
}
void *operator new[](std::size_t n, const std::nothrow_t &) noexcept {
  return new_nothrow(n, 1);
}
void *operator new(std::size_t n, std::align_val_t a) {
  return new_impl(n, static_cast<std::size_t>(a));
}
void *operator new[](std::size_t n, std::align_val_t a) {
  return new_impl(n, static_cast<std::size_t>(a));
}
void *operator new(std::size_t n, std::align_val_t a,
                   const std::nothrow_t &) noexcept {
  return new_nothrow(n, static_cast<std::size_t>(a));
}
void *operator new[](std::size_t n, std::align_val_t a,
                     const std::nothrow_t &) noexcept {
  return new_nothrow(n, static_cast<std::size_t>(a));
}
void operator delete(void *p) noexcept { free_impl(p); }
void operator delete[](void *p) noexcept { free_impl(p); }
void operator delete(void *p, const std::nothrow_t &) noexcept { free_impl(p); }
void operator delete[](void *p, const std::nothrow_t &) noexcept {
  free_impl(p);
}
void operator delete(void *p, std::size_t) noexcept { free_impl(p); }
void operator delete[](void *p, std::size_t) noexcept { free_impl(p); }
void operator delete(void *p, std::align_val_t) noexcept { free_impl(p); }
void operator delete[](void *p, std::align_val_t) noexcept { free_impl(p); }
void operator delete(void *p, std::size_t, std::align_val_t) noexcept {
  free_impl(p);
}
void operator delete[](void *p, std::size_t, std::align_val_t) noexcept {
  free_impl(p);
}
void operator delete(void *p, std::align_val_t,
                     const std::nothrow_t &) noexcept {
  free_impl(p);
}
void operator delete[](void *p, std::align_val_t,
                       const std::nothrow_t &) noexcept {
  free_impl(p);
}

// --- in-process API (memlint/alloc_counter.hpp) ----------------------------
// Our own malloc's address, not subject to interposition.
// The alias repeats malloc's attributes; GCC warns otherwise.
extern "C" void *memlint_local_malloc(std::size_t) noexcept
    __attribute__((alias("malloc"), visibility("hidden"), malloc,
                   alloc_size(1), leaf));

MEMLINT_EXPORT int memlint_alloc_counter_probe(void) {
  // Active means: the malloc every library binds to is ours, and calling it
  // moves our counter.
  void *sym = dlsym(RTLD_DEFAULT, "malloc");
  if (sym != reinterpret_cast<void *>(&memlint_local_malloc))
    return 0;
  auto *fn = reinterpret_cast<void *(*)(std::size_t)>(sym);
  const std::uint64_t before = g.allocations.load();
  void *p = fn(1);
  const std::uint64_t after = g.allocations.load();
  free_impl(p);
  return p != nullptr && after > before ? 1 : 0;
}

MEMLINT_EXPORT void memlint_alloc_counter_snapshot(memlint_alloc_stats *s) {
  s->allocations = g.allocations.load();
  s->frees = g.frees.load();
  s->bytes_allocated = g.bytes_allocated.load();
  s->bytes_freed = g.bytes_freed.load();
  s->live_bytes = g.live.load();
  s->peak_bytes = g.peak.load();
  s->scope_peak = g.scope_peak.load();
  s->reallocs = g.reallocs.load();
}

MEMLINT_EXPORT std::uint64_t memlint_alloc_counter_scope_begin(void) {
  return g.scope_peak.exchange(g.live.load());
}

MEMLINT_EXPORT void memlint_alloc_counter_scope_end(std::uint64_t outer) {
  // The outer window's peak is the max of its own and the inner one's.
  raise_to(g.scope_peak, outer);
}

// --- report at exit ---------------------------------------------------------
namespace {
void write_all(int fd, const char *buf, std::size_t len) {
  while (len > 0) {
    const ssize_t w = ::write(fd, buf, len);
    if (w <= 0)
      return;
    buf += w;
    len -= static_cast<std::size_t>(w);
  }
}

// Runs when the library is unloaded at exit (late: preloaded libraries are
// finalized after the program). No allocation here: snprintf + write only.
__attribute__((destructor)) void memlint_alloc_report() {
  memlint_alloc_stats s;
  memlint_alloc_counter_snapshot(&s);
  char buf[512];
  const char *path = std::getenv("MEMLINT_ALLOC_REPORT");
  if (path && *path) {
    const int n = std::snprintf(
        buf, sizeof buf,
        "{\"allocations\": %llu, \"frees\": %llu, \"bytes_allocated\": %llu, "
        "\"bytes_freed\": %llu, \"live_bytes\": %llu, \"peak_bytes\": %llu, "
        "\"reallocs\": %llu}\n",
        static_cast<unsigned long long>(s.allocations),
        static_cast<unsigned long long>(s.frees),
        static_cast<unsigned long long>(s.bytes_allocated),
        static_cast<unsigned long long>(s.bytes_freed),
        static_cast<unsigned long long>(s.live_bytes),
        static_cast<unsigned long long>(s.peak_bytes),
        static_cast<unsigned long long>(s.reallocs));
    const int fd = ::open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd >= 0) {
      if (n > 0)
        write_all(fd, buf, static_cast<std::size_t>(n));
      ::close(fd);
    }
    return;
  }
  const char *quiet = std::getenv("MEMLINT_ALLOC_QUIET");
  if (quiet && *quiet && *quiet != '0')
    return;
  const int n = std::snprintf(
      buf, sizeof buf,
      "memlint: %llu allocations, %llu frees, %llu bytes allocated, peak %llu "
      "bytes live\n",
      static_cast<unsigned long long>(s.allocations),
      static_cast<unsigned long long>(s.frees),
      static_cast<unsigned long long>(s.bytes_allocated),
      static_cast<unsigned long long>(s.peak_bytes));
  if (n > 0)
    write_all(2, buf, static_cast<std::size_t>(n));
}
} // namespace
