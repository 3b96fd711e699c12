// memlint::compact_string: a 24-byte string with 23 characters inline.
// See docs/runtime.md for the layout, guarantees and deviations.
#ifndef MEMLINT_COMPACT_STRING_HPP
#define MEMLINT_COMPACT_STRING_HPP

#include <memlint/config.hpp>

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <initializer_list>
#include <iterator>
#include <new>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace memlint {

// Layout (fbstring's trick): 3 words of raw bytes.
//   inline: bytes [0, size) characters, byte size = NUL, last byte =
//           23 - size. A 23-character string's last byte is 0: its NUL.
//   heap:   word 0 = pointer, word 1 = size, word 2 = capacity with the last
//           byte's top bit set (the heap marker; inline values are <= 23).
// All accesses go through memcpy on the byte array: no union punning.
class compact_string {
public:
  using traits_type = std::char_traits<char>;
  using value_type = char;
  using size_type = std::size_t;
  using difference_type = std::ptrdiff_t;
  using reference = char &;
  using const_reference = const char &;
  using pointer = char *;
  using const_pointer = const char *;
  using iterator = char *;
  using const_iterator = const char *;
  using reverse_iterator = std::reverse_iterator<iterator>;
  using const_reverse_iterator = std::reverse_iterator<const_iterator>;

  static constexpr size_type npos = static_cast<size_type>(-1);
  static constexpr size_type rep_size = 3 * sizeof(void *);
  static constexpr size_type max_inline = rep_size - 1;

  // --- construction -------------------------------------------------------
  // All bytes defined, so data()'s unconditional pointer load is never of
  // indeterminate bytes.
  compact_string() noexcept : rep_{} { rep_[last] = max_inline; }
  compact_string(const char *s) { init(s, traits_type::length(s)); } // NOLINT
  compact_string(const char *s, size_type n) { init(s, n); }
  explicit compact_string(std::string_view sv) { init(sv.data(), sv.size()); }
  compact_string(const std::string &s) { init(s.data(), s.size()); } // NOLINT
  compact_string(size_type n, char c) {
    char *d = init_uninit(n);
    std::memset(d, c, n);
  }
  template <class It, class = std::enable_if_t<std::is_convertible_v<
                          typename std::iterator_traits<It>::iterator_category,
                          std::input_iterator_tag>>>
  compact_string(It first, It last) : compact_string() {
    for (; first != last; ++first)
      push_back(*first);
  }
  compact_string(std::initializer_list<char> il) { init(il.begin(), il.size()); }
  compact_string(const compact_string &o) { init(o.data(), o.size()); }
  compact_string(compact_string &&o) noexcept {
    std::memcpy(rep_, o.rep_, rep_size);
    o.set_inline_size(0);
  }
  compact_string(std::nullptr_t) = delete;
  ~compact_string() { free_heap(); }

  compact_string &operator=(const compact_string &o) {
    if (this != &o)
      assign(o.data(), o.size());
    return *this;
  }
  compact_string &operator=(compact_string &&o) noexcept {
    if (this != &o) {
      free_heap();
      std::memcpy(rep_, o.rep_, rep_size);
      o.set_inline_size(0);
    }
    return *this;
  }
  compact_string &operator=(std::string_view sv) { return assign(sv); }
  compact_string &operator=(const char *s) { return assign(s); }
  compact_string &operator=(const std::string &s) { return assign(s); }
  compact_string &operator=(char c) { return assign(1, c); }

  compact_string &assign(const char *s, size_type n) {
    return replace(0, size(), s, n);
  }
  compact_string &assign(std::string_view sv) { return assign(sv.data(), sv.size()); }
  compact_string &assign(const char *s) { return assign(s, traits_type::length(s)); }
  compact_string &assign(const std::string &s) { return assign(s.data(), s.size()); }
  compact_string &assign(size_type n, char c) { return replace(0, size(), n, c); }

  // --- conversions --------------------------------------------------------
  operator std::string_view() const noexcept { return {data(), size()}; }
  explicit operator std::string() const { return std::string(data(), size()); }

  // --- access -------------------------------------------------------------
  size_type size() const noexcept {
    return is_heap() ? load_word(1) : max_inline - last_byte();
  }
  size_type length() const noexcept { return size(); }
  [[nodiscard]] bool empty() const noexcept { return size() == 0; }
  size_type capacity() const noexcept {
    return is_heap() ? heap_capacity() : max_inline;
  }
  static constexpr size_type max_size() noexcept {
    return (size_type{1} << 56) - 2; // capacity field is 56 bits wide
  }
  const char *data() const noexcept { return is_heap() ? heap_ptr() : rep_; }
  char *data() noexcept { return is_heap() ? heap_ptr() : rep_; }
  // O(1), never allocates: the string is always NUL-terminated.
  const char *c_str() const noexcept { return data(); }

  char &operator[](size_type i) noexcept {
    assert(i <= size());
    return data()[i];
  }
  const char &operator[](size_type i) const noexcept {
    assert(i <= size());
    return data()[i];
  }
  char &at(size_type i) {
    check_index(i);
    return data()[i];
  }
  const char &at(size_type i) const {
    check_index(i);
    return data()[i];
  }
  char &front() noexcept { return (*this)[0]; }
  const char &front() const noexcept { return (*this)[0]; }
  char &back() noexcept { return (*this)[size() - 1]; }
  const char &back() const noexcept { return (*this)[size() - 1]; }

  iterator begin() noexcept { return data(); }
  const_iterator begin() const noexcept { return data(); }
  const_iterator cbegin() const noexcept { return data(); }
  iterator end() noexcept { return data() + size(); }
  const_iterator end() const noexcept { return data() + size(); }
  const_iterator cend() const noexcept { return end(); }
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
  void reserve(size_type n) {
    if (n > capacity())
      reallocate(n);
  }
  void shrink_to_fit() {
    if (!is_heap())
      return;
    const size_type n = size();
    if (n <= max_inline) {
      char *old = heap_ptr();
      const size_type cap = heap_capacity();
      std::memcpy(rep_, old, n);
      set_inline_size(n);
      deallocate(old, cap);
    } else if (n < heap_capacity()) {
      reallocate(n);
    }
  }
  void clear() noexcept { set_size(0); }

  // --- modification -------------------------------------------------------
  void push_back(char c) {
    const size_type n = size();
    if (MEMLINT_UNLIKELY(n == capacity()))
      reallocate(grown_capacity(n + 1));
    data()[n] = c;
    set_size(n + 1);
  }
  void pop_back() noexcept {
    assert(!empty());
    set_size(size() - 1);
  }

  compact_string &append(const char *s, size_type n) {
    const size_type sz = size();
    if (n <= capacity() - sz) {
      char *d = data();
      std::memmove(d + sz, s, n); // s may point into *this
      set_size(sz + n);
      return *this;
    }
    return replace(sz, 0, s, n);
  }
  compact_string &append(std::string_view sv) { return append(sv.data(), sv.size()); }
  compact_string &append(const char *s) { return append(s, traits_type::length(s)); }
  compact_string &append(const std::string &s) { return append(s.data(), s.size()); }
  compact_string &append(const compact_string &s) { return append(s.data(), s.size()); }
  compact_string &append(size_type n, char c) { return replace(size(), 0, n, c); }
  compact_string &append(std::string_view sv, size_type pos, size_type n = npos) {
    return append(sv.substr(check_pos(pos, sv.size()), n));
  }
  compact_string &operator+=(std::string_view sv) { return append(sv); }
  compact_string &operator+=(const char *s) { return append(s); }
  compact_string &operator+=(const std::string &s) { return append(s); }
  compact_string &operator+=(const compact_string &s) { return append(s); }
  compact_string &operator+=(char c) {
    push_back(c);
    return *this;
  }

  compact_string &insert(size_type pos, const char *s, size_type n) {
    return replace(pos, 0, s, n);
  }
  compact_string &insert(size_type pos, std::string_view sv) {
    return replace(pos, 0, sv.data(), sv.size());
  }
  compact_string &insert(size_type pos, const char *s) {
    return insert(pos, s, traits_type::length(s));
  }
  compact_string &insert(size_type pos, size_type n, char c) {
    return replace(pos, 0, n, c);
  }
  iterator insert(const_iterator it, char c) {
    const size_type pos = static_cast<size_type>(it - begin());
    replace(pos, 0, 1, c);
    return begin() + pos;
  }
  iterator insert(const_iterator it, size_type n, char c) {
    const size_type pos = static_cast<size_type>(it - begin());
    replace(pos, 0, n, c);
    return begin() + pos;
  }

  compact_string &erase(size_type pos = 0, size_type n = npos) {
    return replace(pos, n, "", 0);
  }
  iterator erase(const_iterator it) noexcept {
    const size_type pos = static_cast<size_type>(it - begin());
    replace(pos, 1, "", 0);
    return begin() + pos;
  }
  iterator erase(const_iterator first, const_iterator last) noexcept {
    const size_type pos = static_cast<size_type>(first - begin());
    replace(pos, static_cast<size_type>(last - first), "", 0);
    return begin() + pos;
  }

  // The primitive every edit goes through. Strong guarantee.
  compact_string &replace(size_type pos, size_type n1, const char *s,
                          size_type n2) {
    const size_type sz = size();
    check_pos(pos, sz);
    if (n1 > sz - pos)
      n1 = sz - pos;
    const char *d = data();
    if (n2 != 0 && s >= d && s < d + sz && sz - n1 + n2 <= capacity()) {
      // In place with a source inside *this: copy it out first.
      const compact_string tmp(s, n2);
      return replace(pos, n1, tmp.data(), n2);
    }
    edit(pos, n1, n2, [&](char *dst) { std::memcpy(dst, s, n2); });
    return *this;
  }
  compact_string &replace(size_type pos, size_type n1, std::string_view sv) {
    return replace(pos, n1, sv.data(), sv.size());
  }
  compact_string &replace(size_type pos, size_type n1, const char *s) {
    return replace(pos, n1, s, traits_type::length(s));
  }
  compact_string &replace(size_type pos, size_type n1, size_type n2, char c) {
    const size_type sz = size();
    check_pos(pos, sz);
    if (n1 > sz - pos)
      n1 = sz - pos;
    edit(pos, n1, n2, [&](char *dst) { std::memset(dst, c, n2); });
    return *this;
  }
  compact_string &replace(const_iterator first, const_iterator last,
                          std::string_view sv) {
    return replace(static_cast<size_type>(first - begin()),
                   static_cast<size_type>(last - first), sv);
  }

  void resize(size_type n, char c = '\0') {
    const size_type sz = size();
    if (n <= sz)
      set_size(n);
    else
      append(n - sz, c);
  }

  void swap(compact_string &o) noexcept {
    // Both representations are trivially relocatable: swap the bytes.
    char tmp[rep_size];
    std::memcpy(tmp, rep_, rep_size);
    std::memcpy(rep_, o.rep_, rep_size);
    std::memcpy(o.rep_, tmp, rep_size);
  }

  size_type copy(char *dest, size_type n, size_type pos = 0) const {
    return std::string_view(*this).copy(dest, n, pos);
  }

  // --- search (std::string_view's algorithms) ------------------------------
  size_type find(std::string_view sv, size_type pos = 0) const noexcept {
    return view().find(sv, pos);
  }
  size_type find(const char *s, size_type pos, size_type n) const noexcept {
    return view().find(s, pos, n);
  }
  size_type find(char c, size_type pos = 0) const noexcept {
    return view().find(c, pos);
  }
  size_type rfind(std::string_view sv, size_type pos = npos) const noexcept {
    return view().rfind(sv, pos);
  }
  size_type rfind(const char *s, size_type pos, size_type n) const noexcept {
    return view().rfind(s, pos, n);
  }
  size_type rfind(char c, size_type pos = npos) const noexcept {
    return view().rfind(c, pos);
  }
  size_type find_first_of(std::string_view sv, size_type pos = 0) const noexcept {
    return view().find_first_of(sv, pos);
  }
  size_type find_first_of(const char *s, size_type pos,
                          size_type n) const noexcept {
    return view().find_first_of(s, pos, n);
  }
  size_type find_first_of(char c, size_type pos = 0) const noexcept {
    return view().find_first_of(c, pos);
  }
  size_type find_last_of(std::string_view sv,
                         size_type pos = npos) const noexcept {
    return view().find_last_of(sv, pos);
  }
  size_type find_last_of(const char *s, size_type pos,
                         size_type n) const noexcept {
    return view().find_last_of(s, pos, n);
  }
  size_type find_last_of(char c, size_type pos = npos) const noexcept {
    return view().find_last_of(c, pos);
  }
  size_type find_first_not_of(std::string_view sv,
                              size_type pos = 0) const noexcept {
    return view().find_first_not_of(sv, pos);
  }
  size_type find_first_not_of(const char *s, size_type pos,
                              size_type n) const noexcept {
    return view().find_first_not_of(s, pos, n);
  }
  size_type find_first_not_of(char c, size_type pos = 0) const noexcept {
    return view().find_first_not_of(c, pos);
  }
  size_type find_last_not_of(std::string_view sv,
                             size_type pos = npos) const noexcept {
    return view().find_last_not_of(sv, pos);
  }
  size_type find_last_not_of(const char *s, size_type pos,
                             size_type n) const noexcept {
    return view().find_last_not_of(s, pos, n);
  }
  size_type find_last_not_of(char c, size_type pos = npos) const noexcept {
    return view().find_last_not_of(c, pos);
  }

  compact_string substr(size_type pos = 0, size_type n = npos) const {
    return compact_string(view().substr(check_pos(pos, size()), n));
  }

  int compare(std::string_view sv) const noexcept { return view().compare(sv); }
  int compare(const char *s) const noexcept { return view().compare(s); }
  int compare(size_type pos, size_type n, std::string_view sv) const {
    return view().substr(check_pos(pos, size()), n).compare(sv);
  }
  int compare(size_type pos1, size_type n1, std::string_view sv,
              size_type pos2, size_type n2 = npos) const {
    return view()
        .substr(check_pos(pos1, size()), n1)
        .compare(sv.substr(check_pos(pos2, sv.size()), n2));
  }

  bool starts_with(std::string_view sv) const noexcept {
    const std::string_view v = view();
    return v.size() >= sv.size() && v.compare(0, sv.size(), sv) == 0;
  }
  bool starts_with(char c) const noexcept { return !empty() && front() == c; }
  bool starts_with(const char *s) const noexcept {
    return starts_with(std::string_view(s));
  }
  bool ends_with(std::string_view sv) const noexcept {
    const std::string_view v = view();
    return v.size() >= sv.size() &&
           v.compare(v.size() - sv.size(), sv.size(), sv) == 0;
  }
  bool ends_with(char c) const noexcept { return !empty() && back() == c; }
  bool ends_with(const char *s) const noexcept {
    return ends_with(std::string_view(s));
  }

  // True while the characters live inside the object.
  bool is_inline() const noexcept { return !is_heap(); }

private:
  static constexpr unsigned char heap_marker = 0x80;
  static constexpr size_type last = rep_size - 1;
  static constexpr size_type word = sizeof(void *);

  std::string_view view() const noexcept { return {data(), size()}; }

  unsigned char last_byte() const noexcept {
    return static_cast<unsigned char>(rep_[last]);
  }
  bool is_heap() const noexcept { return (last_byte() & heap_marker) != 0; }

  size_type load_word(size_type i) const noexcept {
    size_type v;
    std::memcpy(&v, rep_ + i * word, word);
    return v;
  }
  void store_word(size_type i, size_type v) noexcept {
    std::memcpy(rep_ + i * word, &v, word);
  }
  char *heap_ptr() const noexcept {
    char *p;
    std::memcpy(&p, rep_, word);
    return p;
  }
  // The capacity word's last byte (in memory) is the marker byte.
  size_type heap_capacity() const noexcept {
    const size_type w = load_word(2);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return w >> 8;
#else
    return w & ((size_type{1} << (8 * (word - 1))) - 1);
#endif
  }
  void set_heap(char *p, size_type sz, size_type cap) noexcept {
    std::memcpy(rep_, &p, word);
    store_word(1, sz);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    store_word(2, (cap << 8) | heap_marker);
#else
    store_word(2, cap | (size_type{heap_marker} << (8 * (word - 1))));
#endif
  }
  void set_inline_size(size_type n) noexcept {
    assert(n <= max_inline);
    // The clamp is a no-op for valid n; it lets GCC see the store is in
    // bounds (it cannot prove n <= capacity() on the in-place edit paths).
    n = n < max_inline ? n : max_inline;
    rep_[n] = '\0';
    rep_[last] = static_cast<char>(max_inline - n); // 0 when n == 23: the NUL
  }
  void set_size(size_type n) noexcept {
    if (is_heap()) {
      store_word(1, n);
      heap_ptr()[n] = '\0';
    } else {
      set_inline_size(n);
    }
  }

  static char *allocate(size_type cap) {
    return static_cast<char *>(::operator new(cap + 1));
  }
  static void deallocate(char *p, size_type cap) noexcept {
    ::operator delete(p, cap + 1);
  }
  void free_heap() noexcept {
    if (is_heap())
      deallocate(heap_ptr(), heap_capacity());
  }

  void init(const char *s, size_type n) {
    char *d = init_uninit(n);
    std::memcpy(d, s, n);
  }
  // Sets size n (NUL written) and returns where the characters go.
  char *init_uninit(size_type n) {
    if (n <= max_inline) {
      // Zeroing first keeps every byte defined (data()'s branch-free load).
      std::memset(rep_, 0, rep_size);
      rep_[last] = static_cast<char>(max_inline - n);
      return rep_;
    }
    check_length(n);
    char *p = allocate(n);
    p[n] = '\0';
    set_heap(p, n, n);
    return p;
  }

  static void check_length(size_type n) {
    if (n > max_size())
      throw std::length_error("memlint::compact_string: too long");
  }
  static size_type check_pos(size_type pos, size_type sz) {
    if (pos > sz)
      throw std::out_of_range("memlint::compact_string: position past end");
    return pos;
  }
  void check_index(size_type i) const {
    if (i >= size())
      throw std::out_of_range("memlint::compact_string::at");
  }
  size_type grown_capacity(size_type needed) const {
    check_length(needed);
    const size_type cap = capacity();
    const size_type grown = cap + cap / 2; // 1.5x growth
    return grown > needed && grown <= max_size() ? grown : needed;
  }

  // Moves the characters into a heap buffer of capacity cap (>= size()).
  void reallocate(size_type cap) {
    check_length(cap);
    const size_type sz = size();
    char *p = allocate(cap);
    std::memcpy(p, data(), sz + 1);
    free_heap();
    set_heap(p, sz, cap);
  }

  // Replaces [pos, pos + n1) by n2 characters written by put(dst).
  // Preconditions checked by the callers; put must not throw.
  template <class Put>
  void edit(size_type pos, size_type n1, size_type n2, Put &&put) {
    const size_type sz = size();
    if (n2 > n1 && n2 - n1 > max_size() - sz)
      throw std::length_error("memlint::compact_string: too long");
    const size_type new_size = sz - n1 + n2;
    const size_type tail = sz - pos - n1;
    if (new_size <= capacity()) {
      char *d = data();
      std::memmove(d + pos + n2, d + pos + n1, tail);
      put(d + pos);
      set_size(new_size);
      return;
    }
    // New buffer: the old one stays valid while put() reads from it.
    const size_type cap = grown_capacity(new_size);
    char *p = allocate(cap);
    const char *d = data();
    std::memcpy(p, d, pos);
    put(p + pos);
    std::memcpy(p + pos + n2, d + pos + n1, tail);
    p[new_size] = '\0';
    free_heap();
    set_heap(p, new_size, cap);
  }

  alignas(void *) char rep_[rep_size];
};

static_assert(sizeof(void *) != 8 || sizeof(compact_string) == 24,
              "compact_string must be 24 bytes on 64-bit targets");

// --- comparisons: every combination with const char*, std::string_view,
// std::string, in both argument orders ----------------------------------------
#define MEMLINT_CS_CMP(OP)                                                     \
  inline bool operator OP(const compact_string &a,                             \
                          const compact_string &b) noexcept {                  \
    return std::string_view(a) OP std::string_view(b);                         \
  }                                                                            \
  inline bool operator OP(const compact_string &a,                             \
                          std::string_view b) noexcept {                       \
    return std::string_view(a) OP b;                                           \
  }                                                                            \
  inline bool operator OP(std::string_view a,                                  \
                          const compact_string &b) noexcept {                  \
    return a OP std::string_view(b);                                           \
  }                                                                            \
  inline bool operator OP(const compact_string &a, const char *b) noexcept {   \
    return std::string_view(a) OP std::string_view(b);                         \
  }                                                                            \
  inline bool operator OP(const char *a, const compact_string &b) noexcept {   \
    return std::string_view(a) OP std::string_view(b);                         \
  }                                                                            \
  inline bool operator OP(const compact_string &a,                             \
                          const std::string &b) noexcept {                     \
    return std::string_view(a) OP std::string_view(b);                         \
  }                                                                            \
  inline bool operator OP(const std::string &a,                                \
                          const compact_string &b) noexcept {                  \
    return std::string_view(a) OP std::string_view(b);                         \
  }
MEMLINT_CS_CMP(==)
MEMLINT_CS_CMP(!=)
MEMLINT_CS_CMP(<)
MEMLINT_CS_CMP(<=)
MEMLINT_CS_CMP(>)
MEMLINT_CS_CMP(>=)
#undef MEMLINT_CS_CMP

// --- concatenation ------------------------------------------------------------
// The left operand is taken by value: an rvalue is reused, not copied.
inline compact_string operator+(compact_string a, const compact_string &b) {
  return std::move(a.append(b));
}
inline compact_string operator+(compact_string a, std::string_view b) {
  return std::move(a.append(b));
}
inline compact_string operator+(compact_string a, const char *b) {
  return std::move(a.append(b));
}
inline compact_string operator+(compact_string a, const std::string &b) {
  return std::move(a.append(b));
}
inline compact_string operator+(compact_string a, char b) {
  a.push_back(b);
  return a;
}
inline compact_string operator+(std::string_view a, const compact_string &b) {
  compact_string r;
  r.reserve(a.size() + b.size());
  r.append(a).append(b);
  return r;
}
inline compact_string operator+(const char *a, const compact_string &b) {
  return std::string_view(a) + b;
}
inline compact_string operator+(const std::string &a, const compact_string &b) {
  return std::string_view(a) + b;
}
inline compact_string operator+(char a, const compact_string &b) {
  return std::string_view(&a, 1) + b;
}

inline void swap(compact_string &a, compact_string &b) noexcept { a.swap(b); }

inline std::ostream &operator<<(std::ostream &os, const compact_string &s) {
  return os << std::string_view(s);
}

} // namespace memlint

// Equal to std::hash<std::string_view> of the contents, so heterogeneous
// lookup with string_view keys finds the same bucket.
template <> struct std::hash<memlint::compact_string> {
  std::size_t operator()(const memlint::compact_string &s) const noexcept {
    return std::hash<std::string_view>{}(std::string_view(s));
  }
};

#endif // MEMLINT_COMPACT_STRING_HPP
