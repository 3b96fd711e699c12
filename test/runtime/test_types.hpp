// Element types for the runtime tests: instance counting (leaks, double
// destruction) and exceptions injected into copies and moves.
#ifndef MEMLINT_TEST_TYPES_HPP
#define MEMLINT_TEST_TYPES_HPP

#include <stdexcept>
#include <string>

namespace memlint_test {

struct lifetime {
  static inline long live = 0;
  static inline long errors = 0; // use of a dead object, double destroy
  static void reset() { live = errors = 0; }
};

// Counts live instances; a magic word catches double destruction and use of
// destroyed (or never constructed) objects.
class counted {
public:
  static constexpr unsigned alive = 0xA11CEu;
  static constexpr unsigned dead = 0xDEADu;

  counted(int v = 0) : v_(v) { ++lifetime::live; } // NOLINT: implicit on purpose
  counted(const counted &o) : v_(o.value()) { ++lifetime::live; }
  counted(counted &&o) noexcept : v_(o.value()) {
    o.v_ = -1;
    ++lifetime::live;
  }
  counted &operator=(const counted &o) {
    check();
    v_ = o.value();
    return *this;
  }
  counted &operator=(counted &&o) noexcept {
    check();
    v_ = o.value();
    if (&o != this)
      o.v_ = -1;
    return *this;
  }
  ~counted() {
    check();
    magic_ = dead;
    --lifetime::live;
  }
  int value() const {
    check();
    return v_;
  }
  friend bool operator==(const counted &a, const counted &b) {
    return a.value() == b.value();
  }
  friend bool operator<(const counted &a, const counted &b) {
    return a.value() < b.value();
  }

private:
  void check() const {
    if (magic_ != alive)
      ++lifetime::errors;
  }
  int v_;
  unsigned magic_ = alive;
};

struct injected_error : std::runtime_error {
  injected_error() : std::runtime_error("injected") {}
};

// Throws from the countdown-th copy (or move, if MoveThrows) after arming.
struct fault {
  static inline long countdown = 0; // 0: disarmed
  static void arm(long n) { countdown = n; }
  static void disarm() { countdown = 0; }
  static void maybe_throw() {
    if (countdown > 0 && --countdown == 0)
      throw injected_error();
  }
};

template <bool MoveThrows> class thrower {
public:
  thrower(int v = 0) : v_(v) { ++lifetime::live; } // NOLINT: implicit on purpose
  thrower(const thrower &o) : v_(o.v_) {
    fault::maybe_throw();
    ++lifetime::live;
  }
  thrower(thrower &&o) noexcept(!MoveThrows) : v_(o.v_) {
    if (MoveThrows)
      fault::maybe_throw();
    ++lifetime::live;
  }
  thrower &operator=(const thrower &o) {
    fault::maybe_throw();
    v_ = o.v_;
    return *this;
  }
  thrower &operator=(thrower &&o) noexcept(!MoveThrows) {
    if (MoveThrows)
      fault::maybe_throw();
    v_ = o.v_;
    return *this;
  }
  ~thrower() { --lifetime::live; }
  int value() const { return v_; }
  friend bool operator==(const thrower &a, const thrower &b) {
    return a.v_ == b.v_;
  }
  friend bool operator<(const thrower &a, const thrower &b) {
    return a.v_ < b.v_;
  }

private:
  int v_;
};

inline int value_of(int v) { return v; }
inline int value_of(const counted &c) { return c.value(); }
template <bool M> int value_of(const thrower<M> &t) { return t.value(); }
inline int value_of(const std::string &s) {
  return s.empty() ? -1 : std::stoi(s);
}

template <class T> T make_value(int v) {
  if constexpr (std::is_same_v<T, std::string>)
    // Long enough to defeat the SSO: real heap ownership.
    return std::to_string(v) + std::string(20, ' ');
  else
    return T(v);
}

} // namespace memlint_test

#endif // MEMLINT_TEST_TYPES_HPP
