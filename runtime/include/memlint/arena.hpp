// memlint::arena: a bump allocator that runs destructors, keeps its chunks
// across reset(), and exposes a std::pmr::memory_resource view.
// Not thread-safe. See docs/runtime.md.
#ifndef MEMLINT_ARENA_HPP
#define MEMLINT_ARENA_HPP

#include <memlint/config.hpp>

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory_resource>
#include <new>
#include <type_traits>
#include <utility>

namespace memlint {

class arena;

// The pmr view of an arena (arena::resource()). deallocate only reclaims the
// most recent allocation; everything else is reclaimed by reset().
class arena_resource final : public std::pmr::memory_resource {
public:
  explicit arena_resource(arena &a) noexcept : arena_(&a) {}
  arena &owner() const noexcept { return *arena_; }

private:
  void *do_allocate(std::size_t bytes, std::size_t alignment) override;
  void do_deallocate(void *p, std::size_t bytes, std::size_t) override;
  bool do_is_equal(const std::pmr::memory_resource &other) const
      noexcept override {
    return this == &other;
  }
  arena *arena_;
};

class arena {
public:
  static constexpr std::size_t default_first_chunk = 4096;
  static constexpr std::size_t max_chunk = std::size_t{1} << 20;
  // Requests above this get a block of their own (reused after reset()).
  static constexpr std::size_t large_threshold = max_chunk / 4;

  arena() noexcept : arena(nullptr, 0) {}
  explicit arena(std::pmr::memory_resource *upstream) noexcept
      : arena(nullptr, 0, upstream) {}
  // first_chunk: size of the first upstream chunk (later ones double).
  explicit arena(std::size_t first_chunk,
                 std::pmr::memory_resource *upstream =
                     std::pmr::new_delete_resource()) noexcept
      : arena(nullptr, 0, upstream) {
    first_chunk_ = next_chunk_ = first_chunk < min_chunk ? min_chunk : first_chunk;
  }
  // Allocations are served from [buffer, buffer + size) first (e.g. a stack
  // buffer); the arena never frees it. It must outlive the arena.
  arena(void *buffer, std::size_t size,
        std::pmr::memory_resource *upstream =
            std::pmr::new_delete_resource()) noexcept
      : upstream_(upstream), initial_(buffer), initial_size_(buffer ? size : 0) {
    rewind();
  }

  arena(const arena &) = delete;
  arena &operator=(const arena &) = delete;
  // Moving transfers every allocation (pointers stay valid) and the
  // destructor list; the source becomes an empty arena with no initial
  // buffer. resource()/arena_allocator refer to the arena *object*: after a
  // move use the destination's.
  arena(arena &&other) noexcept : resource_(*this) { steal(other); }
  arena &operator=(arena &&other) noexcept {
    if (this != &other) {
      release();
      steal(other);
    }
    return *this;
  }
  ~arena() { release(); }

  // Returns `bytes` bytes aligned to `alignment` (a power of two). Throws
  // what the upstream resource throws (std::bad_alloc) when a new chunk is
  // needed and cannot be had; the arena is unchanged then.
  void *allocate(std::size_t bytes,
                 std::size_t alignment = alignof(std::max_align_t)) {
    assert(alignment != 0 && (alignment & (alignment - 1)) == 0);
    const std::uintptr_t p = (cur_ + alignment - 1) & ~(alignment - 1);
    // Two compares: p may lie past end_ for large alignments.
    if (MEMLINT_LIKELY(p <= end_ && bytes <= end_ - p)) {
      cur_ = p + bytes;
      return reinterpret_cast<void *>(p);
    }
    return allocate_slow(bytes, alignment);
  }

  // Gives back the most recent allocation (stack-like use, e.g. a growing
  // vector); any other pointer is left alone until reset().
  void deallocate(void *ptr, std::size_t bytes) noexcept {
    const std::uintptr_t p = reinterpret_cast<std::uintptr_t>(ptr);
    if (p >= begin_ && p + bytes == cur_)
      cur_ = p;
  }

  // Constructs a T in the arena. Unlike pmr and bumpalo, if T is not
  // trivially destructible its destructor runs on reset()/destruction, in
  // reverse order of construction. If the constructor throws, the memory is
  // reclaimed at the next reset().
  template <class T, class... Args> T *make(Args &&...args) {
    if constexpr (std::is_trivially_destructible_v<T>) {
      return ::new (allocate(sizeof(T), alignof(T)))
          T(std::forward<Args>(args)...);
    } else {
      // The record is allocated first so registering cannot fail after T
      // exists (which would leak its destructor call).
      void *rec = allocate(sizeof(dtor_record), alignof(dtor_record));
      T *obj = ::new (allocate(sizeof(T), alignof(T)))
          T(std::forward<Args>(args)...);
      dtors_ = ::new (rec) dtor_record{&destroy<T>, obj, dtors_};
      return obj;
    }
  }

  // Runs pending destructors and makes all memory reusable. Keeps every
  // chunk (and large block): repeating the same work after reset() makes no
  // upstream allocation.
  void reset() noexcept {
    run_destructors();
    // Large blocks become reusable.
    while (large_) {
      large_block *b = large_;
      large_ = b->next;
      b->next = free_large_;
      free_large_ = b;
    }
    large_used_ = 0;
    rewind();
  }

  // Like reset(), and also returns every chunk to the upstream resource.
  void release() noexcept {
    run_destructors();
    free_chunks(chunks_);
    chunks_ = nullptr;
    free_large(large_);
    free_large(free_large_);
    large_ = free_large_ = nullptr;
    large_used_ = 0;
    reserved_ = 0;
    next_chunk_ = first_chunk_size();
    rewind();
  }

  // Bytes handed out since the last reset(), including alignment padding
  // and destructor records.
  std::size_t bytes_used() const noexcept {
    return retired_used_ + static_cast<std::size_t>(cur_ - begin_) +
           large_used_;
  }
  // Bytes held: the initial buffer plus every chunk and large block.
  std::size_t bytes_reserved() const noexcept {
    return initial_size_ + reserved_;
  }

  std::pmr::memory_resource *resource() noexcept { return &resource_; }
  std::pmr::memory_resource *upstream() const noexcept { return upstream_; }

private:
  struct chunk {
    chunk *next;
    std::size_t size; // total, header included
  };
  struct large_block {
    large_block *next;
    std::size_t size; // total, header included
  };
  struct dtor_record {
    void (*fn)(void *);
    void *obj;
    dtor_record *prev;
  };
  static constexpr std::size_t header = 2 * sizeof(void *);
  static constexpr std::size_t min_chunk = 256;
  static constexpr std::size_t chunk_align = alignof(std::max_align_t);

  template <class T> static void destroy(void *p) noexcept {
    static_cast<T *>(p)->~T();
  }

  std::size_t first_chunk_size() const noexcept { return first_chunk_; }

  void set_region(std::uintptr_t b, std::uintptr_t e) noexcept {
    begin_ = cur_ = b;
    end_ = e;
  }
  static std::uintptr_t chunk_data(chunk *c) noexcept {
    return reinterpret_cast<std::uintptr_t>(c) + header;
  }
  static std::uintptr_t chunk_end(chunk *c) noexcept {
    return reinterpret_cast<std::uintptr_t>(c) + c->size;
  }

  // Back to the first region: the initial buffer, else the first chunk.
  void rewind() noexcept {
    retired_used_ = 0;
    if (initial_size_) {
      current_ = nullptr;
      const auto b = reinterpret_cast<std::uintptr_t>(initial_);
      set_region(b, b + initial_size_);
    } else if (chunks_) {
      current_ = chunks_;
      set_region(chunk_data(chunks_), chunk_end(chunks_));
    } else {
      current_ = nullptr;
      // Empty arena: a zero-size region at a valid address, so allocate(0)
      // never returns null and anything bigger takes the slow path.
      const auto b = reinterpret_cast<std::uintptr_t>(&empty_region_);
      set_region(b, b);
    }
  }

  static bool fits(std::uintptr_t cur, std::uintptr_t end, std::size_t bytes,
                   std::size_t alignment) noexcept {
    const std::uintptr_t p = (cur + alignment - 1) & ~(alignment - 1);
    return p <= end && bytes <= end - p;
  }

  MEMLINT_NOINLINE void *allocate_slow(std::size_t bytes,
                                       std::size_t alignment) {
    if (bytes > large_threshold)
      return allocate_large(bytes, alignment);
    // Walk on through the chunks kept by reset().
    chunk *next = current_ ? current_->next : chunks_;
    for (; next; next = next->next) {
      retired_used_ += static_cast<std::size_t>(cur_ - begin_);
      current_ = next;
      set_region(chunk_data(next), chunk_end(next));
      if (fits(cur_, end_, bytes, alignment))
        return allocate(bytes, alignment);
    }
    // Need a new chunk: big enough for this request even when misaligned.
    std::size_t size = next_chunk_;
    const std::size_t need = header + bytes + alignment;
    if (size < need)
      size = need;
    void *mem = upstream_->allocate(size, chunk_align); // may throw: no change
    chunk *c = ::new (mem) chunk{nullptr, size};
    reserved_ += size;
    if (next_chunk_ < max_chunk)
      next_chunk_ *= 2;
    // Append after the last chunk (the walk above reached the tail).
    if (!chunks_) {
      chunks_ = c;
    } else {
      chunk *tail = current_ ? current_ : chunks_;
      while (tail->next)
        tail = tail->next;
      tail->next = c;
    }
    retired_used_ += static_cast<std::size_t>(cur_ - begin_);
    current_ = c;
    set_region(chunk_data(c), chunk_end(c));
    return allocate(bytes, alignment);
  }

  void *allocate_large(std::size_t bytes, std::size_t alignment) {
    if (bytes > std::numeric_limits<std::size_t>::max() - header - alignment)
      throw std::bad_alloc();
    const std::size_t need = header + bytes + alignment;
    // Reuse a block kept by reset() (first fit).
    large_block **link = &free_large_;
    large_block *b = nullptr;
    for (; *link; link = &(*link)->next) {
      if ((*link)->size >= need) {
        b = *link;
        *link = b->next;
        break;
      }
    }
    if (!b) {
      void *mem = upstream_->allocate(need, chunk_align);
      b = ::new (mem) large_block{nullptr, need};
      reserved_ += need;
    }
    b->next = large_;
    large_ = b;
    large_used_ += b->size;
    const std::uintptr_t data = reinterpret_cast<std::uintptr_t>(b) + header;
    return reinterpret_cast<void *>((data + alignment - 1) & ~(alignment - 1));
  }

  void run_destructors() noexcept {
    while (dtors_) {
      dtor_record *r = dtors_;
      dtors_ = r->prev;
      r->fn(r->obj);
    }
  }
  void free_chunks(chunk *c) noexcept {
    while (c) {
      chunk *n = c->next;
      upstream_->deallocate(c, c->size, chunk_align);
      c = n;
    }
  }
  void free_large(large_block *b) noexcept {
    while (b) {
      large_block *n = b->next;
      upstream_->deallocate(b, b->size, chunk_align);
      b = n;
    }
  }

  void steal(arena &o) noexcept {
    upstream_ = o.upstream_;
    initial_ = o.initial_;
    initial_size_ = o.initial_size_;
    chunks_ = o.chunks_;
    current_ = o.current_;
    large_ = o.large_;
    free_large_ = o.free_large_;
    dtors_ = o.dtors_;
    reserved_ = o.reserved_;
    retired_used_ = o.retired_used_;
    large_used_ = o.large_used_;
    first_chunk_ = o.first_chunk_;
    next_chunk_ = o.next_chunk_;
    begin_ = o.begin_;
    cur_ = o.cur_;
    end_ = o.end_;
    // Leave the source empty, without the initial buffer (now ours).
    o.initial_ = nullptr;
    o.initial_size_ = 0;
    o.chunks_ = o.current_ = nullptr;
    o.large_ = o.free_large_ = nullptr;
    o.dtors_ = nullptr;
    o.reserved_ = o.large_used_ = 0;
    o.next_chunk_ = o.first_chunk_;
    o.rewind();
  }

  // Hot fields first: the fast path touches only cur_ and end_.
  std::uintptr_t cur_ = 0;
  std::uintptr_t end_ = 0;
  std::uintptr_t begin_ = 0; // start of the current region (for bytes_used)
  std::pmr::memory_resource *upstream_ = std::pmr::new_delete_resource();
  void *initial_ = nullptr;
  std::size_t initial_size_ = 0;
  chunk *chunks_ = nullptr;  // every chunk, in allocation order
  chunk *current_ = nullptr; // chunk in use; null: initial buffer / none
  large_block *large_ = nullptr;      // large blocks in use
  large_block *free_large_ = nullptr; // large blocks kept by reset()
  dtor_record *dtors_ = nullptr;      // most recent first
  std::size_t reserved_ = 0;
  std::size_t retired_used_ = 0;
  std::size_t large_used_ = 0;
  std::size_t first_chunk_ = default_first_chunk;
  std::size_t next_chunk_ = default_first_chunk;
  arena_resource resource_{*this};
  static inline const unsigned char empty_region_ = 0;
};

inline void *arena_resource::do_allocate(std::size_t bytes,
                                         std::size_t alignment) {
  return arena_->allocate(bytes, alignment);
}
inline void arena_resource::do_deallocate(void *p, std::size_t bytes,
                                          std::size_t) {
  arena_->deallocate(p, bytes);
}

// Standard-library allocator on top of an arena (for std::vector, std::map,
// ...). Stateful: containers compare allocators; move-assignment and swap
// propagate the allocator, copy-assignment keeps the target's.
template <class T> class arena_allocator {
public:
  using value_type = T;
  using propagate_on_container_move_assignment = std::true_type;
  using propagate_on_container_swap = std::true_type;
  using propagate_on_container_copy_assignment = std::false_type;
  using is_always_equal = std::false_type;

  arena_allocator(arena &a) noexcept : arena_(&a) {} // NOLINT: implicit
  template <class U>
  arena_allocator(const arena_allocator<U> &other) noexcept
      : arena_(other.arena_) {}

  T *allocate(std::size_t n) {
    if (n > std::numeric_limits<std::size_t>::max() / sizeof(T))
      throw std::bad_array_new_length();
    return static_cast<T *>(arena_->allocate(n * sizeof(T), alignof(T)));
  }
  void deallocate(T *p, std::size_t n) noexcept {
    arena_->deallocate(p, n * sizeof(T));
  }
  arena &get_arena() const noexcept { return *arena_; }

  template <class U>
  friend bool operator==(const arena_allocator &a,
                         const arena_allocator<U> &b) noexcept {
    return a.arena_ == &b.get_arena();
  }
  template <class U>
  friend bool operator!=(const arena_allocator &a,
                         const arena_allocator<U> &b) noexcept {
    return !(a == b);
  }

private:
  template <class> friend class arena_allocator;
  arena *arena_;
};

} // namespace memlint

#endif // MEMLINT_ARENA_HPP
