// memlint::small_vector<T, N>: a std::vector with inline storage for N
// elements. See docs/runtime.md for layout, guarantees and deviations.
#ifndef MEMLINT_SMALL_VECTOR_HPP
#define MEMLINT_SMALL_VECTOR_HPP

#include <memlint/config.hpp>

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <new>
#include <stdexcept>
#include <type_traits>
#include <utility>

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
// GCC 12 follows the inline-buffer arm of data() on paths where the vector is
// on the heap (it cannot see the heap bit's invariant) and reports indexes
// beyond the inline buffer. Same class of false positive as std::string's.
#pragma GCC diagnostic ignored "-Warray-bounds"
#endif

namespace memlint {

template <class T> class small_vector_base;
template <class T, std::size_t N> class small_vector;

namespace detail {

template <class It, class Tag, class = void>
struct iterator_is : std::false_type {};
template <class It, class Tag>
struct iterator_is<
    It, Tag, std::void_t<typename std::iterator_traits<It>::iterator_category>>
    : std::is_convertible<typename std::iterator_traits<It>::iterator_category,
                          Tag> {};
template <class It, class Tag>
inline constexpr bool iterator_is_v = iterator_is<It, Tag>::value;

// Constrains the iterator-pair overloads so (size, value) calls with two
// integers pick the count overloads, as in std::vector.
template <class It>
using enable_if_input_iterator_t =
    std::enable_if_t<iterator_is_v<It, std::input_iterator_tag>, int>;

template <class T> struct sv_layout {
  // The heap representation (pointer + saved inline capacity) lives in the
  // inline buffer, so the buffer is at least that big and pointer-aligned.
  static constexpr std::size_t align =
      alignof(T) > alignof(void *) ? alignof(T) : alignof(void *);
  static constexpr std::size_t header = 2 * sizeof(std::uint32_t);
  static constexpr std::size_t offset = (header + align - 1) / align * align;
  static constexpr std::size_t heap_rep = sizeof(void *) + sizeof(std::uint32_t);
  // memcpy/realloc relocation is only valid for trivially copyable types.
  static constexpr bool trivial = std::is_trivially_copyable_v<T>;
  // malloc/realloc only guarantee fundamental alignment.
  static constexpr bool over_aligned =
      alignof(T) > alignof(std::max_align_t);
};

// Default N: keep sizeof(small_vector<T>) at or below 64 bytes like LLVM.
template <class T> constexpr std::size_t default_inline_count() {
  constexpr std::size_t budget = 64 - sv_layout<T>::offset;
  return sizeof(T) <= budget ? budget / sizeof(T) : 1;
}

} // namespace detail

// small_vector_base<T> is everything except the inline buffer, so functions
// can take any small_vector<T, N> as small_vector_base<T>& (like LLVM's
// SmallVectorImpl). It cannot be constructed or destroyed on its own.
//
// Layout: [uint32 size][uint32 capacity<<1 | heap][buffer]. In heap mode the
// first bytes of the buffer hold the heap pointer and the inline capacity N
// (so the base can return to inline storage without knowing N statically).
// Invariant: heap mode implies capacity > N, so capacity() >= N always.
template <class T> class small_vector_base {
  using layout = detail::sv_layout<T>;

public:
  using value_type = T;
  using size_type = std::size_t;
  using difference_type = std::ptrdiff_t;
  using reference = T &;
  using const_reference = const T &;
  using pointer = T *;
  using const_pointer = const T *;
  using iterator = T *;
  using const_iterator = const T *;
  using reverse_iterator = std::reverse_iterator<iterator>;
  using const_reverse_iterator = std::reverse_iterator<const_iterator>;

  small_vector_base(const small_vector_base &) = delete;

  small_vector_base &operator=(const small_vector_base &other) {
    if (this != &other)
      assign_forward(other.begin(), other.size());
    return *this;
  }
  // May allocate when the inline capacities differ, hence not noexcept.
  small_vector_base &operator=(small_vector_base &&other) {
    if (this != &other)
      move_assign_from(other);
    return *this;
  }
  small_vector_base &operator=(std::initializer_list<T> il) {
    assign(il);
    return *this;
  }

  // --- assign -------------------------------------------------------------
  void assign(size_type n, const T &value) {
    if (n > capacity()) {
      // Build the new buffer first: strong guarantee, and `value` may alias
      // an element of *this, which stays alive until the new buffer is full.
      check_length(n);
      T *nb = allocate(n);
      try {
        std::uninitialized_fill_n(nb, n, value);
      } catch (...) {
        deallocate(nb);
        throw;
      }
      destroy_range(begin(), end());
      adopt_heap(nb, n);
      set_sz(n);
      return;
    }
    const size_type common = n < size() ? n : size();
    std::fill_n(begin(), common, value);
    if (n > size())
      std::uninitialized_fill_n(end(), n - size(), value);
    else
      destroy_range(begin() + n, end());
    set_sz(n);
  }

  template <class It, detail::enable_if_input_iterator_t<It> = 0>
  void assign(It first, It last) {
    if constexpr (detail::iterator_is_v<It, std::forward_iterator_tag>) {
      assign_forward(first, static_cast<size_type>(std::distance(first, last)));
    } else {
      clear();
      for (; first != last; ++first)
        emplace_back(*first);
    }
  }
  void assign(std::initializer_list<T> il) { assign_forward(il.begin(), il.size()); }

  // --- element access -----------------------------------------------------
  reference at(size_type i) {
    if (i >= size())
      throw std::out_of_range("memlint::small_vector::at");
    return data()[i];
  }
  const_reference at(size_type i) const {
    if (i >= size())
      throw std::out_of_range("memlint::small_vector::at");
    return data()[i];
  }
  reference operator[](size_type i) noexcept {
    assert(i < size());
    return data()[i];
  }
  const_reference operator[](size_type i) const noexcept {
    assert(i < size());
    return data()[i];
  }
  reference front() noexcept { return (*this)[0]; }
  const_reference front() const noexcept { return (*this)[0]; }
  reference back() noexcept { return (*this)[size() - 1]; }
  const_reference back() const noexcept { return (*this)[size() - 1]; }

  T *data() noexcept { return is_heap() ? heap_ptr() : inline_ptr(); }
  const T *data() const noexcept {
    return is_heap() ? heap_ptr() : inline_ptr();
  }

  // --- iterators ----------------------------------------------------------
  iterator begin() noexcept { return data(); }
  const_iterator begin() const noexcept { return data(); }
  const_iterator cbegin() const noexcept { return data(); }
  iterator end() noexcept { return data() + sz(); }
  const_iterator end() const noexcept { return data() + sz(); }
  const_iterator cend() const noexcept { return data() + sz(); }
  reverse_iterator rbegin() noexcept { return reverse_iterator(end()); }
  const_reverse_iterator rbegin() const noexcept {
    return const_reverse_iterator(end());
  }
  const_reverse_iterator crbegin() const noexcept { return rbegin(); }
  reverse_iterator rend() noexcept { return reverse_iterator(begin()); }
  const_reverse_iterator rend() const noexcept {
    return const_reverse_iterator(begin());
  }
  const_reverse_iterator crend() const noexcept { return rend(); }

  // --- capacity -----------------------------------------------------------
  [[nodiscard]] bool empty() const noexcept { return sz() == 0; }
  size_type size() const noexcept { return sz(); }
  static constexpr size_type max_size() noexcept {
    // capacity is stored in 31 bits; bytes must fit in ptrdiff_t.
    constexpr size_type by_field = (size_type{1} << 31) - 1;
    constexpr size_type by_bytes = PTRDIFF_MAX / sizeof(T);
    return by_field < by_bytes ? by_field : by_bytes;
  }
  size_type capacity() const noexcept { return capf() >> 1; }
  // True while the elements live in the inline buffer.
  bool is_inline() const noexcept { return !is_heap(); }
  // N of the small_vector<T, N> this base belongs to.
  size_type inline_capacity() const noexcept {
    return is_heap() ? saved_inline_cap() : capacity();
  }

  void reserve(size_type n) {
    if (n > capacity()) {
      check_length(n);
      reallocate(n);
    }
  }

  void shrink_to_fit() {
    if (!is_heap() || size() == capacity())
      return;
    if (size() <= saved_inline_cap()) {
      move_to_inline();
      return;
    }
    if constexpr (layout::trivial && !layout::over_aligned) {
      void *p = std::realloc(heap_ptr(), size() * sizeof(T));
      if (!p)
        throw std::bad_alloc();
      set_heap_ptr(static_cast<T *>(p));
      set_capacity(size(), true);
    } else {
      reallocate(size());
    }
  }

  // --- modifiers ----------------------------------------------------------
  void clear() noexcept {
    destroy_range(begin(), end());
    set_sz(0);
  }

  template <class... Args> reference emplace_back(Args &&...args) {
    // Fast path: one compare, one store, one increment.
    if (MEMLINT_LIKELY(static_cast<std::uint32_t>(meta_) < (meta_ >> 33))) {
      T *p = data() + static_cast<std::uint32_t>(meta_);
      ::new (static_cast<void *>(p)) T(std::forward<Args>(args)...);
      meta_ += 1; // size < capacity < 2^31: no carry
      return *p;
    }
    return grow_emplace_back(std::forward<Args>(args)...);
  }
  void push_back(const T &value) {
    if constexpr (pass_by_value) {
      // Small trivially copyable T travels in a register (as in LLVM): the
      // slow path gets a copy, so `value` need not live in memory.
      const T copy = value;
      if (MEMLINT_LIKELY(static_cast<std::uint32_t>(meta_) < (meta_ >> 33))) {
        // A typed store (not memcpy): it cannot alias meta_, so the size
        // stays in a register across a push_back loop.
        ::new (static_cast<void *>(data() + static_cast<std::uint32_t>(meta_)))
            T(copy);
        meta_ += 1;
        return;
      }
      grow_push_value(copy);
    } else {
      emplace_back(value);
    }
  }
  void push_back(T &&value) {
    if constexpr (pass_by_value)
      push_back(static_cast<const T &>(value));
    else
      emplace_back(std::move(value));
  }

  void pop_back() noexcept {
    assert(!empty());
    meta_ -= 1;
    data()[sz()].~T();
  }

  template <class... Args>
  iterator emplace(const_iterator pos, Args &&...args) {
    const size_type idx = index_of(pos);
    if (idx == size()) {
      emplace_back(std::forward<Args>(args)...);
      return begin() + idx;
    }
    if (size() < capacity()) {
      // Construct first: args may alias an element we are about to move.
      T tmp(std::forward<Args>(args)...);
      T *b = begin();
      T *e = end();
      ::new (static_cast<void *>(e)) T(std::move(e[-1]));
      meta_ += 1; // size < capacity < 2^31: no carry
      std::move_backward(b + idx, e - 1, e);
      b[idx] = std::move(tmp);
      return b + idx;
    }
    realloc_insert(idx, 1, [&](T *dst) {
      ::new (static_cast<void *>(dst)) T(std::forward<Args>(args)...);
    });
    return begin() + idx;
  }

  iterator insert(const_iterator pos, const T &value) {
    return emplace(pos, value);
  }
  iterator insert(const_iterator pos, T &&value) {
    return emplace(pos, std::move(value));
  }
  iterator insert(const_iterator pos, size_type n, const T &value) {
    const size_type idx = index_of(pos);
    if (n == 0)
      return begin() + idx;
    if (n > capacity() - size()) {
      check_length(size() + n);
      realloc_insert(idx, n,
                     [&](T *dst) { std::uninitialized_fill_n(dst, n, value); });
      return begin() + idx;
    }
    if constexpr (layout::trivial) {
      const T copy = value; // value may alias an element we shift
      insert_gap_trivial(idx, n,
                         [&](T *dst) { std::uninitialized_fill_n(dst, n, copy); });
    } else {
      append_then_rotate(idx, n, [&](T *dst) {
        std::uninitialized_fill_n(dst, n, value);
      });
    }
    return begin() + idx;
  }

  template <class It, detail::enable_if_input_iterator_t<It> = 0>
  iterator insert(const_iterator pos, It first, It last) {
    const size_type idx = index_of(pos);
    if constexpr (detail::iterator_is_v<It, std::forward_iterator_tag>) {
      const size_type n = static_cast<size_type>(std::distance(first, last));
      if (n == 0)
        return begin() + idx;
      auto fill = [&](T *dst) { std::uninitialized_copy(first, last, dst); };
      if (n > capacity() - size()) {
        check_length(size() + n);
        realloc_insert(idx, n, fill);
      } else if constexpr (layout::trivial) {
        insert_gap_trivial(idx, n, fill);
      } else {
        append_then_rotate(idx, n, fill);
      }
    } else {
      // Single pass: append, then rotate into place. On a throw the appended
      // tail is removed again.
      const size_type old = size();
      try {
        for (; first != last; ++first)
          emplace_back(*first);
      } catch (...) {
        destroy_range(begin() + old, end());
        set_sz(old);
        throw;
      }
      std::rotate(begin() + idx, begin() + old, end());
    }
    return begin() + idx;
  }
  iterator insert(const_iterator pos, std::initializer_list<T> il) {
    return insert(pos, il.begin(), il.end());
  }

  iterator erase(const_iterator pos) {
    assert(pos >= begin() && pos < end());
    T *p = begin() + (pos - begin());
    std::move(p + 1, end(), p);
    pop_back();
    return p;
  }
  iterator erase(const_iterator first, const_iterator last) {
    T *f = begin() + (first - begin());
    if (first != last) {
      T *l = begin() + (last - begin());
      T *new_end = std::move(l, end(), f);
      destroy_range(new_end, end());
      set_sz(new_end - begin());
    }
    return f;
  }

  void resize(size_type n) {
    if (n <= size()) {
      truncate(n);
      return;
    }
    reserve(n);
    std::uninitialized_value_construct(end(), begin() + n);
    set_sz(n);
  }
  void resize(size_type n, const T &value) {
    if (n <= size()) {
      truncate(n);
      return;
    }
    const size_type extra = n - size();
    if (n > capacity()) {
      check_length(n);
      // Fills the new buffer before the old one dies: value may alias.
      realloc_insert(size(), extra, [&](T *dst) {
        std::uninitialized_fill_n(dst, extra, value);
      });
      return;
    }
    std::uninitialized_fill_n(end(), extra, value);
    set_sz(n);
  }

  // Same N: never allocates; basic guarantee (elements are swapped/moved).
  // Different N: goes through a temporary and may allocate.
  void swap(small_vector_base &other) {
    if (this == &other)
      return;
    if (is_heap() && other.is_heap() &&
        capacity() > other.inline_capacity() &&
        other.capacity() > inline_capacity()) {
      swap_heap_reps(other);
      return;
    }
    if (inline_capacity() != other.inline_capacity()) {
      small_vector<T, 0> tmp(std::move(*this));
      *this = std::move(other);
      other = std::move(tmp);
      return;
    }
    if (is_heap()) {
      give_heap_to_inline(*this, other);
    } else if (other.is_heap()) {
      give_heap_to_inline(other, *this);
    } else {
      small_vector_base &longer = size() >= other.size() ? *this : other;
      small_vector_base &shorter = size() >= other.size() ? other : *this;
      const size_type common = shorter.size();
      std::swap_ranges(longer.begin(), longer.begin() + common, shorter.begin());
      std::uninitialized_move(longer.begin() + common, longer.end(),
                              shorter.end());
      destroy_range(longer.begin() + common, longer.end());
      const std::uint32_t ls = longer.sz();
      longer.set_sz(shorter.sz());
      shorter.set_sz(ls);
    }
  }

protected:
  explicit small_vector_base(std::size_t inline_cap) noexcept
      : meta_(static_cast<std::uint64_t>(inline_cap << 1) << 32) {}
  // Called first by every constructor of the derived class: the pointer
  // bytes are then never uninitialized, so data() may load them
  // unconditionally (a cmov instead of a branch).
  void init_storage() noexcept {
    set_heap_ptr(nullptr);
    set_saved_inline_cap(static_cast<std::uint32_t>(capacity()));
  }
  ~small_vector_base() = default;

  // Destroys all elements and frees the heap buffer. Used by the derived
  // destructor and by constructors that fail halfway.
  void release_all() noexcept {
    destroy_range(begin(), end());
    set_sz(0);
    if (is_heap()) {
      const std::uint32_t n = saved_inline_cap();
      deallocate(heap_ptr());
      set_capf(n << 1);
    }
  }

  void init_move(small_vector_base &other) { move_assign_from(other); }

  template <class It> void assign_forward(It first, size_type n) {
    if (n > capacity()) {
      check_length(n);
      T *nb = allocate(n);
      try {
        copy_n_uninit(first, n, nb);
      } catch (...) {
        deallocate(nb);
        throw;
      }
      destroy_range(begin(), end());
      adopt_heap(nb, n);
      set_sz(n);
      return;
    }
    T *b = begin();
    if (n <= size()) {
      T *new_end = std::copy_n(first, n, b);
      destroy_range(new_end, end());
    } else {
      It mid = first;
      std::advance(mid, static_cast<difference_type>(size()));
      std::copy(first, mid, b);
      copy_n_uninit(mid, n - size(), end());
    }
    set_sz(n);
  }

private:
  template <class, std::size_t> friend class small_vector;

  std::uint32_t sz() const noexcept { return static_cast<std::uint32_t>(meta_); }
  std::uint32_t capf() const noexcept {
    return static_cast<std::uint32_t>(meta_ >> 32);
  }
  void set_sz(size_type n) noexcept {
    meta_ = (meta_ & ~std::uint64_t{0xffffffffu}) | n;
  }
  void set_capf(std::uint32_t c) noexcept {
    meta_ = (meta_ & std::uint64_t{0xffffffffu}) | (std::uint64_t{c} << 32);
  }
  bool is_heap() const noexcept { return ((meta_ >> 32) & 1u) != 0; }
  unsigned char *storage() noexcept {
    // The derived class puts its buffer right after this header; layout
    // offset checked in small_vector's constructor and in the tests.
    return reinterpret_cast<unsigned char *>(this) + layout::offset;
  }
  const unsigned char *storage() const noexcept {
    return reinterpret_cast<const unsigned char *>(this) + layout::offset;
  }
  T *inline_ptr() noexcept { return reinterpret_cast<T *>(storage()); }
  const T *inline_ptr() const noexcept {
    return reinterpret_cast<const T *>(storage());
  }
  // memcpy instead of a union member: no reads of an inactive member.
  T *heap_ptr() const noexcept {
    T *p;
    std::memcpy(&p, storage(), sizeof p);
    return p;
  }
  void set_heap_ptr(T *p) noexcept { std::memcpy(storage(), &p, sizeof p); }
  std::uint32_t saved_inline_cap() const noexcept {
    std::uint32_t n;
    std::memcpy(&n, storage() + sizeof(T *), sizeof n);
    return n;
  }
  void set_saved_inline_cap(std::uint32_t n) noexcept {
    std::memcpy(storage() + sizeof(T *), &n, sizeof n);
  }
  void set_capacity(size_type cap, bool heap) noexcept {
    set_capf(static_cast<std::uint32_t>(cap << 1) | (heap ? 1u : 0u));
  }

  static T *allocate(size_type n) {
    if constexpr (layout::over_aligned) {
      return static_cast<T *>(
          ::operator new(n * sizeof(T), std::align_val_t(alignof(T))));
    } else {
      void *p = std::malloc(n * sizeof(T));
      if (!p)
        throw std::bad_alloc();
      return static_cast<T *>(p);
    }
  }
  static void deallocate(T *p) noexcept {
    if constexpr (layout::over_aligned)
      ::operator delete(p, std::align_val_t(alignof(T)));
    else
      std::free(p);
  }
  static void destroy_range(T *first, T *last) noexcept {
    if constexpr (!std::is_trivially_destructible_v<T>)
      for (; first != last; ++first)
        first->~T();
  }
  // Moves when that cannot throw, copies otherwise: keeps the strong
  // guarantee of reallocation (what std::vector does).
  static void relocate_uninit(T *first, T *last, T *dst) {
    if constexpr (layout::trivial) {
      if (first != last)
        std::memcpy(static_cast<void *>(dst), static_cast<const void *>(first),
                    static_cast<size_type>(last - first) * sizeof(T));
    } else if constexpr (std::is_nothrow_move_constructible_v<T> ||
                         !std::is_copy_constructible_v<T>) {
      std::uninitialized_move(first, last, dst);
    } else {
      std::uninitialized_copy(first, last, dst);
    }
  }
  template <class It> static void copy_n_uninit(It first, size_type n, T *dst) {
    std::uninitialized_copy_n(first, n, dst);
  }

  size_type index_of(const_iterator pos) const noexcept {
    assert(pos >= begin() && pos <= end());
    return static_cast<size_type>(pos - begin());
  }
  static void check_length(size_type n) {
    if (n > max_size())
      throw std::length_error("memlint::small_vector: too many elements");
  }
  size_type next_capacity(size_type needed) const {
    check_length(needed);
    const size_type cap = capacity();
    size_type grown = cap > max_size() - cap ? max_size() : 2 * cap;
    return grown < needed ? needed : grown;
  }

  void truncate(size_type n) noexcept {
    destroy_range(begin() + n, end());
    set_sz(n);
  }

  // Takes ownership of heap buffer nb (capacity cap > N); the old heap
  // buffer, if any, is freed. Elements must already have been moved out.
  void adopt_heap(T *nb, size_type cap) noexcept {
    std::uint32_t n;
    if (is_heap()) {
      n = saved_inline_cap();
      deallocate(heap_ptr());
    } else {
      n = static_cast<std::uint32_t>(capacity());
    }
    set_heap_ptr(nb);
    set_saved_inline_cap(n);
    set_capacity(cap, true);
  }

  // Moves the elements into a fresh buffer of capacity new_cap (> N).
  // Strong guarantee.
  void reallocate(size_type new_cap) {
    assert(new_cap >= size());
    if (new_cap <= inline_capacity()) {
      // Can only happen from swap()/shrink paths: stay/go inline instead.
      if (is_heap())
        move_to_inline();
      return;
    }
    if constexpr (layout::trivial && !layout::over_aligned) {
      if (is_heap()) {
        void *p = std::realloc(heap_ptr(), new_cap * sizeof(T));
        if (!p)
          throw std::bad_alloc();
        set_heap_ptr(static_cast<T *>(p));
        set_capacity(new_cap, true);
        return;
      }
    }
    T *nb = allocate(new_cap);
    try {
      relocate_uninit(begin(), end(), nb);
    } catch (...) {
      deallocate(nb);
      throw;
    }
    destroy_range(begin(), end());
    adopt_heap(nb, new_cap);
  }

  // Heap -> inline; requires size() <= N. Strong guarantee.
  void move_to_inline() {
    T *const old = heap_ptr();
    const std::uint32_t n = saved_inline_cap();
    const std::uint32_t cap = capf();
    try {
      // Overwrites the bytes that held the heap representation.
      relocate_uninit(old, old + sz(), inline_ptr());
    } catch (...) {
      set_heap_ptr(old);
      set_saved_inline_cap(n);
      set_capf(cap);
      throw;
    }
    set_capf(n << 1);
    destroy_range(old, old + sz());
    deallocate(old);
  }

  static constexpr bool pass_by_value =
      layout::trivial && !layout::over_aligned &&
      sizeof(T) <= 2 * sizeof(void *) && std::is_copy_constructible_v<T>;

  MEMLINT_NOINLINE void grow_push_value(T value) {
    const size_type n = size();
    reallocate(next_capacity(n + 1));
    std::memcpy(static_cast<void *>(data() + n),
                static_cast<const void *>(&value), sizeof(T));
    meta_ += 1;
  }

  template <class... Args>
  MEMLINT_NOINLINE reference grow_emplace_back(Args &&...args) {
    const size_type n = size();
    const size_type new_cap = next_capacity(n + 1);
    if constexpr (layout::trivial && !layout::over_aligned) {
      // args may alias an element; build the value before realloc moves it.
      alignas(T) unsigned char tmp[sizeof(T)];
      ::new (static_cast<void *>(tmp)) T(std::forward<Args>(args)...);
      reallocate(new_cap);
      T *p = data() + n;
      std::memcpy(static_cast<void *>(p), tmp, sizeof(T));
      meta_ += 1; // size < capacity < 2^31: no carry
      return *p;
    } else {
      realloc_insert(n, 1, [&](T *dst) {
        ::new (static_cast<void *>(dst)) T(std::forward<Args>(args)...);
      });
      return data()[n];
    }
  }

  // Inserts `count` elements at idx into a new, bigger buffer. fill(dst)
  // constructs all of them at dst or throws having constructed none.
  // The old elements are relocated afterwards, so fill may read them.
  // Strong guarantee.
  template <class Fill>
  void realloc_insert(size_type idx, size_type count, Fill &&fill) {
    const size_type n = size();
    const size_type new_cap = next_capacity(n + count);
    T *nb = allocate(new_cap);
    try {
      fill(nb + idx);
    } catch (...) {
      deallocate(nb);
      throw;
    }
    T *const old = begin();
    try {
      relocate_uninit(old, old + idx, nb);
    } catch (...) {
      destroy_range(nb + idx, nb + idx + count);
      deallocate(nb);
      throw;
    }
    try {
      relocate_uninit(old + idx, old + n, nb + idx + count);
    } catch (...) {
      destroy_range(nb, nb + idx + count);
      deallocate(nb);
      throw;
    }
    destroy_range(old, old + n);
    adopt_heap(nb, new_cap);
    set_sz(n + count);
  }

  // Trivially copyable T with enough capacity: open a gap with memmove.
  template <class Fill>
  void insert_gap_trivial(size_type idx, size_type count, Fill &&fill) {
    T *b = begin();
    const size_type tail = size() - idx;
    std::memmove(static_cast<void *>(b + idx + count),
                 static_cast<const void *>(b + idx), tail * sizeof(T));
    try {
      fill(b + idx);
    } catch (...) {
      // Close the gap again: strong guarantee.
      std::memmove(static_cast<void *>(b + idx),
                   static_cast<const void *>(b + idx + count), tail * sizeof(T));
      throw;
    }
    meta_ += count; // stays below capacity: no carry
  }

  // Enough capacity, non-trivial T: construct at the end (may throw without
  // effect), then rotate into place (only T's move can throw there).
  template <class Fill>
  void append_then_rotate(size_type idx, size_type count, Fill &&fill) {
    const size_type old = size();
    fill(end());
    meta_ += count; // stays below capacity: no carry
    std::rotate(begin() + idx, begin() + old, end());
  }

  void move_assign_from(small_vector_base &other) {
    if (other.is_heap() && other.capacity() > inline_capacity()) {
      // O(1): steal the buffer.
      release_all();
      T *p = other.heap_ptr();
      const size_type cap = other.capacity();
      const std::uint32_t n = static_cast<std::uint32_t>(capacity());
      set_heap_ptr(p);
      set_saved_inline_cap(n);
      set_capacity(cap, true);
      set_sz(other.sz());
      other.meta_ = static_cast<std::uint64_t>(other.saved_inline_cap() << 1)
                    << 32;
      return;
    }
    // Element-wise (other is inline, or its buffer is smaller than our N).
    const size_type n = other.size();
    if (n > capacity()) {
      T *nb = allocate(n);
      try {
        std::uninitialized_move(other.begin(), other.end(), nb);
      } catch (...) {
        deallocate(nb);
        throw;
      }
      destroy_range(begin(), end());
      adopt_heap(nb, n);
    } else if (n <= size()) {
      T *new_end = std::move(other.begin(), other.end(), begin());
      destroy_range(new_end, end());
    } else {
      std::move(other.begin(), other.begin() + size(), begin());
      std::uninitialized_move(other.begin() + size(), other.end(), end());
    }
    set_sz(n);
    other.release_all(); // moved-from is empty and inline
  }

  void swap_heap_reps(small_vector_base &other) noexcept {
    T *p = heap_ptr();
    set_heap_ptr(other.heap_ptr());
    other.set_heap_ptr(p);
    std::swap(meta_, other.meta_);
    // Each side keeps its own saved N; the caller checked that each
    // capacity exceeds the other side's N.
  }

  // h is in heap mode, i inline with i.size() <= h's N: h takes i's
  // elements into its inline buffer, i takes h's heap buffer.
  static void give_heap_to_inline(small_vector_base &h, small_vector_base &i) {
    T *const p = h.heap_ptr();
    const std::uint32_t hn = h.saved_inline_cap();
    const std::uint32_t hcapf = h.capf();
    const std::uint32_t i_n = static_cast<std::uint32_t>(i.capacity());
    try {
      relocate_uninit(i.begin(), i.end(), h.inline_ptr());
    } catch (...) {
      h.set_heap_ptr(p);
      h.set_saved_inline_cap(hn);
      throw;
    }
    destroy_range(i.begin(), i.end());
    const std::uint32_t hs = h.sz();
    h.set_sz(i.sz());
    i.set_sz(hs);
    h.set_capf(hn << 1);
    i.set_heap_ptr(p);
    i.set_saved_inline_cap(i_n);
    i.set_capf(hcapf); // same N on both sides: capacity > N still holds
  }

  // One word: size in the low half, (capacity << 1 | heap bit) in the high
  // half. A uint64_t cannot alias an int element, so stores of elements do
  // not force the compiler to reload size and capacity.
  std::uint64_t meta_;
};

template <class T, std::size_t N = detail::default_inline_count<T>()>
class small_vector : public small_vector_base<T> {
  using base = small_vector_base<T>;
  using layout = detail::sv_layout<T>;
  static_assert(N < (std::size_t{1} << 30), "inline capacity too large");
  static constexpr std::size_t buffer_bytes =
      N * sizeof(T) > layout::heap_rep ? N * sizeof(T) : layout::heap_rep;

public:
  using typename base::size_type;
  using typename base::value_type;
  static constexpr std::size_t inline_size = N;

  small_vector() noexcept : base(N) {
    this->init_storage();
    check_layout();
  }
  explicit small_vector(size_type n) : base(N) {
    this->init_storage();
    guarded([&] { this->resize(n); });
  }
  small_vector(size_type n, const T &value) : base(N) {
    this->init_storage();
    guarded([&] { this->assign(n, value); });
  }
  template <class It, detail::enable_if_input_iterator_t<It> = 0>
  small_vector(It first, It last) : base(N) {
    this->init_storage();
    guarded([&] { this->assign(first, last); });
  }
  small_vector(std::initializer_list<T> il) : base(N) {
    this->init_storage();
    guarded([&] { this->assign(il); });
  }
  small_vector(const small_vector &other) : base(N) {
    this->init_storage();
    guarded([&] { this->assign_forward(other.begin(), other.size()); });
  }
  small_vector(const base &other) : base(N) {
    this->init_storage();
    guarded([&] { this->assign_forward(other.begin(), other.size()); });
  }
  small_vector(small_vector &&other) noexcept(
      std::is_nothrow_move_constructible_v<T>)
      : base(N) {
    this->init_storage();
    this->init_move(other);
  }
  small_vector(base &&other) : base(N) {
    this->init_storage();
    guarded([&] { this->init_move(other); });
  }
  ~small_vector() { this->release_all(); }

  small_vector &operator=(const small_vector &other) {
    base::operator=(other);
    return *this;
  }
  small_vector &operator=(const base &other) {
    base::operator=(other);
    return *this;
  }
  small_vector &operator=(small_vector &&other) noexcept(
      std::is_nothrow_move_constructible_v<T> &&
      std::is_nothrow_move_assignable_v<T>) {
    base::operator=(std::move(other));
    return *this;
  }
  small_vector &operator=(base &&other) {
    base::operator=(std::move(other));
    return *this;
  }
  small_vector &operator=(std::initializer_list<T> il) {
    this->assign(il);
    return *this;
  }

  // Same N: never allocates.
  void swap(small_vector &other) noexcept(
      std::is_nothrow_move_constructible_v<T> &&
      std::is_nothrow_swappable_v<T>) {
    base::swap(other);
  }
  using base::swap;

private:
  template <class F> void guarded(F &&f) {
    try {
      f();
    } catch (...) {
      this->release_all();
      throw;
    }
  }
  void check_layout() noexcept {
    assert(static_cast<void *>(buffer_) ==
           static_cast<void *>(reinterpret_cast<unsigned char *>(this) +
                               layout::offset));
  }

  alignas(layout::align) unsigned char buffer_[buffer_bytes];
};

// --- comparisons (any N against any N) --------------------------------------
template <class T>
bool operator==(const small_vector_base<T> &a, const small_vector_base<T> &b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
}
template <class T>
bool operator!=(const small_vector_base<T> &a, const small_vector_base<T> &b) {
  return !(a == b);
}
template <class T>
bool operator<(const small_vector_base<T> &a, const small_vector_base<T> &b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end());
}
template <class T>
bool operator>(const small_vector_base<T> &a, const small_vector_base<T> &b) {
  return b < a;
}
template <class T>
bool operator<=(const small_vector_base<T> &a, const small_vector_base<T> &b) {
  return !(b < a);
}
template <class T>
bool operator>=(const small_vector_base<T> &a, const small_vector_base<T> &b) {
  return !(a < b);
}

template <class T>
void swap(small_vector_base<T> &a, small_vector_base<T> &b) {
  a.swap(b);
}
template <class T, std::size_t N>
void swap(small_vector<T, N> &a,
          small_vector<T, N> &b) noexcept(noexcept(a.swap(b))) {
  a.swap(b);
}

} // namespace memlint

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

#endif // MEMLINT_SMALL_VECTOR_HPP
