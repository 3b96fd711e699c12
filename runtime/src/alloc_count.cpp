// libmemlint_alloc_count.so: counts every allocation and free of the process
// it is LD_PRELOADed into (or linked into), and reports at exit.
//
// Forwarding: glibc's __libc_* entry points, so no dlsym bootstrap is needed.
// Sizes: every block carries a 16-byte header (requested size; log2 of the
// offset to the real block and the block's allocation site) in front of the
// user pointer, so frees and the peak are exact in *requested* bytes,
// independent of malloc_usable_size rounding, and per site.
//
// Sites (MEMLINT_ALLOC_SITES=PREFIX, set by `memlint measure --sites`): every
// allocation's call stack is unwound (_Unwind_Backtrace: DWARF CFI, no frame
// pointers needed) and counted in a fixed-size hash table mapped with mmap,
// so the hot path never calls malloc. At exit each process writes
// PREFIX.<pid>: raw return addresses and the module map; the driver
// symbolizes them (docs/profiles.md).
#define MEMLINT_ALLOC_COUNTER_BUILDING_LIBRARY 1
#include <memlint/alloc_counter.hpp>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <fcntl.h>
#include <link.h>
#include <new>
#include <pthread.h>
#include <sched.h>
#include <sys/mman.h>
#include <unistd.h>
#include <unwind.h>

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

// Header layout, just below the user pointer: [requested size][tag], tag =
// log2(offset) | site << 8. The offset is 16 or the (power of two)
// alignment, so its log2 fits in the low byte.
std::size_t load_word(const char *p) {
  std::size_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
void store_word(char *p, std::size_t v) { std::memcpy(p, &v, sizeof v); }

std::size_t tag_of(const void *user) {
  return load_word(static_cast<const char *>(user) - 8);
}
std::size_t requested_size(const void *user) {
  return load_word(static_cast<const char *>(user) - 16);
}
std::size_t offset_of(const void *user) {
  return std::size_t{1} << (tag_of(user) & 0xff);
}
std::uint32_t site_of(const void *user) {
  return static_cast<std::uint32_t>(tag_of(user) >> 8);
}

// --- allocation sites ------------------------------------------------------
constexpr unsigned max_frames = 64;
constexpr unsigned skip_slack = 8; // room for our own frames, skipped
constexpr std::size_t site_capacity = std::size_t{1} << 16; // power of two
constexpr unsigned max_probes = 4096;

// Plain integers accessed with __atomic builtins: the table lives in
// zero-filled mmap memory, never constructed.
struct site {
  std::uint32_t state; // 0 empty, 1 being filled, 2 ready
  std::uint32_t depth;
  std::uint64_t hash;
  std::uint64_t allocations;
  std::uint64_t bytes;
  std::int64_t live;
  std::uint64_t peak;
  std::uintptr_t frames[max_frames];
};

enum : int { sites_undecided, sites_off, sites_initializing, sites_on };
std::atomic<int> sites_mode{sites_undecided};
site *sites_table = nullptr;
char sites_prefix[4096];
std::uintptr_t self_lo = 0, self_hi = 0; // this library's text, skipped
std::atomic<std::uint64_t> unattributed_allocations{0};
std::atomic<std::uint64_t> unattributed_bytes{0};
// Set while this thread unwinds or fills the table: an allocation made from
// in there (the unwinder's, or a signal handler's) is counted unattributed
// instead of recursing. initial-exec: no __tls_get_addr, hence no malloc.
thread_local bool in_site_hook __attribute__((tls_model("initial-exec"))) =
    false;

int find_self(dl_phdr_info *info, std::size_t, void *) {
  const auto here = reinterpret_cast<std::uintptr_t>(&find_self);
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr) &ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_LOAD || !(ph.p_flags & PF_X))
      continue;
    const std::uintptr_t lo = info->dlpi_addr + ph.p_vaddr;
    if (here >= lo && here < lo + ph.p_memsz) {
      self_lo = lo;
      self_hi = lo + ph.p_memsz;
      return 1;
    }
  }
  return 0;
}

void sites_after_fork_in_child() {
  // The child counts its own allocations only; blocks it inherited stay
  // live (it may free them).
  for (std::size_t i = 0; i < site_capacity; ++i) {
    site &s = sites_table[i];
    const std::uint32_t st = __atomic_load_n(&s.state, __ATOMIC_ACQUIRE);
    if (st == 1) {
      // Being filled by a thread that does not exist in the child: it would
      // never become ready. Its counts are zero, so it is never written.
      __atomic_store_n(&s.state, 2, __ATOMIC_RELEASE);
      continue;
    }
    if (st != 2)
      continue;
    __atomic_store_n(&s.allocations, 0, __ATOMIC_RELAXED);
    __atomic_store_n(&s.bytes, 0, __ATOMIC_RELAXED);
    const std::int64_t live = __atomic_load_n(&s.live, __ATOMIC_RELAXED);
    __atomic_store_n(&s.peak, live > 0 ? static_cast<std::uint64_t>(live) : 0,
                     __ATOMIC_RELAXED);
  }
  unattributed_allocations.store(0, std::memory_order_relaxed);
  unattributed_bytes.store(0, std::memory_order_relaxed);
}

extern "C" char **environ;

// Decides once whether sites are recorded; true when the table is usable.
bool sites_ready() {
  int mode = sites_mode.load(std::memory_order_acquire);
  if (mode == sites_on)
    return true;
  if (mode != sites_undecided || !environ)
    return false; // off, or being set up (by us or another thread)
  if (!sites_mode.compare_exchange_strong(mode, sites_initializing))
    return false;
  const char *prefix = std::getenv("MEMLINT_ALLOC_SITES");
  const std::size_t len = prefix ? std::strlen(prefix) : 0;
  void *mem = MAP_FAILED;
  if (len > 0 && len < sizeof sites_prefix - 32)
    mem = ::mmap(nullptr, site_capacity * sizeof(site),
                 PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mem == MAP_FAILED) {
    sites_mode.store(sites_off, std::memory_order_release);
    return false;
  }
  std::memcpy(sites_prefix, prefix, len + 1);
  sites_table = static_cast<site *>(mem);
  dl_iterate_phdr(find_self, nullptr);
  pthread_atfork(nullptr, nullptr, sites_after_fork_in_child);
  sites_mode.store(sites_on, std::memory_order_release);
  return true;
}

struct unwind_buffer {
  std::uintptr_t frames[max_frames + skip_slack];
  unsigned depth = 0;
};

_Unwind_Reason_Code collect_frame(_Unwind_Context *ctx, void *arg) {
  auto *b = static_cast<unwind_buffer *>(arg);
  const std::uintptr_t ip = _Unwind_GetIP(ctx);
  if (ip == 0)
    return _URC_END_OF_STACK;
  // Our own frames (the hook, malloc, operator new) lead the stack.
  if (b->depth == 0 && ip >= self_lo && ip < self_hi)
    return _URC_NO_REASON;
  b->frames[b->depth++] = ip;
  return b->depth == max_frames ? _URC_END_OF_STACK : _URC_NO_REASON;
}

std::uint64_t hash_frames(const std::uintptr_t *f, unsigned n) {
  std::uint64_t h = 0xcbf29ce484222325ULL ^ n;
  for (unsigned i = 0; i < n; ++i) {
    h ^= f[i];
    h *= 0x100000001b3ULL;
    h ^= h >> 29;
  }
  return h;
}

bool same_stack(const site &s, std::uint64_t h, const std::uintptr_t *f,
                unsigned n) {
  return s.hash == h && s.depth == n &&
         std::memcmp(s.frames, f, n * sizeof *f) == 0;
}

// Index + 1 of the stack's entry, inserting it; 0 when the table is full.
std::uint32_t find_or_insert(const std::uintptr_t *f, unsigned n) {
  const std::uint64_t h = hash_frames(f, n);
  std::size_t i = h & (site_capacity - 1);
  for (unsigned probe = 0; probe < max_probes;
       ++probe, i = (i + 1) & (site_capacity - 1)) {
    site &s = sites_table[i];
    std::uint32_t st = __atomic_load_n(&s.state, __ATOMIC_ACQUIRE);
    if (st == 0) {
      if (__atomic_compare_exchange_n(&s.state, &st, 1, false,
                                      __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        s.hash = h;
        s.depth = n;
        std::memcpy(s.frames, f, n * sizeof *f);
        __atomic_store_n(&s.state, 2, __ATOMIC_RELEASE);
        return static_cast<std::uint32_t>(i + 1);
      }
    }
    // Another thread is filling this slot (a few stores). Should it stall,
    // probe on: a second entry of the same stack is merged by the driver.
    for (int spins = 0; st == 1 && spins < 64; ++spins) {
      sched_yield();
      st = __atomic_load_n(&s.state, __ATOMIC_ACQUIRE);
    }
    if (st == 2 && same_stack(s, h, f, n))
      return static_cast<std::uint32_t>(i + 1);
  }
  return 0;
}

void site_add_live(std::uint32_t id, std::int64_t delta) {
  site &s = sites_table[id - 1];
  const std::int64_t live =
      __atomic_add_fetch(&s.live, delta, __ATOMIC_RELAXED);
  if (delta <= 0 || live <= 0)
    return;
  std::uint64_t cur = __atomic_load_n(&s.peak, __ATOMIC_RELAXED);
  const auto v = static_cast<std::uint64_t>(live);
  while (cur < v && !__atomic_compare_exchange_n(&s.peak, &cur, v, true,
                                                 __ATOMIC_RELAXED,
                                                 __ATOMIC_RELAXED)) {
  }
}

// Records one allocation of n bytes at the caller's stack; returns its site
// (0: not recorded, or unattributed).
__attribute__((noinline)) std::uint32_t record_site(std::size_t n) {
  if (sites_mode.load(std::memory_order_relaxed) == sites_off)
    return 0;
  if (in_site_hook) {
    if (sites_mode.load(std::memory_order_relaxed) == sites_on) {
      unattributed_allocations.fetch_add(1, std::memory_order_relaxed);
      unattributed_bytes.fetch_add(n, std::memory_order_relaxed);
    }
    return 0;
  }
  in_site_hook = true;
  std::uint32_t id = 0;
  if (!sites_ready()) {
    // Before the environment can be read, or while another thread maps
    // the table: unattributed if sites turn out to be on.
    unattributed_allocations.fetch_add(1, std::memory_order_relaxed);
    unattributed_bytes.fetch_add(n, std::memory_order_relaxed);
  } else {
    unwind_buffer b;
    _Unwind_Backtrace(collect_frame, &b);
    id = b.depth ? find_or_insert(b.frames, b.depth) : 0;
    if (id) {
      site &s = sites_table[id - 1];
      __atomic_add_fetch(&s.allocations, 1, __ATOMIC_RELAXED);
      __atomic_add_fetch(&s.bytes, n, __ATOMIC_RELAXED);
      site_add_live(id, static_cast<std::int64_t>(n));
    } else {
      unattributed_allocations.fetch_add(1, std::memory_order_relaxed);
      unattributed_bytes.fetch_add(n, std::memory_order_relaxed);
    }
  }
  in_site_hook = false;
  return id;
}

void release_site(const void *user) {
  if (const std::uint32_t id = site_of(user))
    site_add_live(id, -static_cast<std::int64_t>(requested_size(user)));
}

void *finish(void *raw, std::size_t offset, std::size_t n) {
  char *user = static_cast<char *>(raw) + offset;
  const std::size_t tag =
      static_cast<std::size_t>(__builtin_ctzll(offset)) |
      (static_cast<std::size_t>(record_site(n)) << 8);
  store_word(user - 16, n);
  store_word(user - 8, tag);
  return user;
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
  release_site(p);
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
  const std::uint32_t old_site = site_of(p);
  void *raw = __libc_realloc(raw_of(p), n + offset);
  if (!raw)
    return nullptr; // p untouched, nothing counted
  if (old_site) // the new block is attributed to the realloc's stack
    site_add_live(old_site, -static_cast<std::int64_t>(old));
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

// Buffered writes to a file descriptor from a fixed buffer (no malloc).
struct out_file {
  int fd = -1;
  char buf[8192];
  std::size_t used = 0;
  void flush() {
    write_all(fd, buf, used);
    used = 0;
  }
  template <class... A> void printf(const char *fmt, A... args) {
    if (used + 1024 > sizeof buf)
      flush();
    const int n = std::snprintf(buf + used, sizeof buf - used, fmt, args...);
    if (n > 0)
      used += std::min(static_cast<std::size_t>(n), sizeof buf - used - 1);
  }
};

int write_module(dl_phdr_info *info, std::size_t, void *arg) {
  auto *out = static_cast<out_file *>(arg);
  const char *name = info->dlpi_name;
  char exe[4096];
  if (!name || !*name) { // the main program
    const ssize_t n = ::readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n > 0 ? n : 0] = '\0';
    name = exe;
  }
  out->printf("module %llx %s\n",
              static_cast<unsigned long long>(info->dlpi_addr), name);
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr) &ph = info->dlpi_phdr[i];
    if (ph.p_type == PT_LOAD && (ph.p_flags & PF_X))
      out->printf("text %llx %llx\n",
                  static_cast<unsigned long long>(info->dlpi_addr + ph.p_vaddr),
                  static_cast<unsigned long long>(info->dlpi_addr + ph.p_vaddr +
                                                  ph.p_memsz));
  }
  return 0;
}

// PREFIX.<pid>: the raw sites of this process (format: docs/profiles.md).
void write_sites(const memlint_alloc_stats &st) {
  char path[sizeof sites_prefix + 32];
  std::snprintf(path, sizeof path, "%s.%d", sites_prefix,
                static_cast<int>(::getpid()));
  out_file out;
  out.fd = ::open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (out.fd < 0)
    return;
  out.printf("memlint-sites 1\npid %d\npeak %llu\nunattributed %llu %llu\n",
             static_cast<int>(::getpid()),
             static_cast<unsigned long long>(st.peak_bytes),
             static_cast<unsigned long long>(unattributed_allocations.load()),
             static_cast<unsigned long long>(unattributed_bytes.load()));
  dl_iterate_phdr(write_module, &out);
  for (std::size_t i = 0; i < site_capacity; ++i) {
    const site &s = sites_table[i];
    if (__atomic_load_n(&s.state, __ATOMIC_ACQUIRE) != 2 ||
        __atomic_load_n(&s.allocations, __ATOMIC_RELAXED) == 0)
      continue;
    out.printf("site %llu %llu %llu %u",
               static_cast<unsigned long long>(s.allocations),
               static_cast<unsigned long long>(s.bytes),
               static_cast<unsigned long long>(s.peak), s.depth);
    for (unsigned f = 0; f < s.depth; ++f)
      out.printf(" %llx", static_cast<unsigned long long>(s.frames[f]));
    out.printf("\n");
  }
  out.printf("end\n");
  out.flush();
  ::close(out.fd);
}

// Runs when the library is unloaded at exit (late: preloaded libraries are
// finalized after the program). No allocation here: snprintf + write only.
__attribute__((destructor)) void memlint_alloc_report() {
  memlint_alloc_stats s;
  memlint_alloc_counter_snapshot(&s);
  if (sites_mode.load() == sites_on) {
    in_site_hook = true; // what is allocated from here on is not a site
    write_sites(s);
  }
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
