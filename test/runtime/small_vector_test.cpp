#include <memlint/small_vector.hpp>

#if defined(__GNUC__) && !defined(__clang__)
// GCC 12 false positive: element accessors inlined on paths it believes use
// the inline buffer of a vector that is on the heap.
#pragma GCC diagnostic ignored "-Warray-bounds"
#endif

#include "test_types.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <list>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using memlint::small_vector;
using memlint::small_vector_base;
using namespace memlint_test;

// The layout promise of the spec (LLVM's SmallVector<int, 8> is 48 bytes).
static_assert(sizeof(small_vector<int, 8>) <= 40);
static_assert(sizeof(small_vector<int, 8>) == 40);
static_assert(sizeof(small_vector<void *, 4>) == 40);
static_assert(std::is_nothrow_move_constructible_v<small_vector<int, 4>>);
static_assert(std::is_nothrow_move_assignable_v<small_vector<int, 4>>);
static_assert(!std::is_nothrow_move_constructible_v<
              small_vector<thrower<true>, 4>>);
static_assert(std::is_same_v<small_vector<int, 4>::iterator, int *>);
static_assert(sizeof(small_vector<int>) <= 64);

namespace {

template <class T> std::vector<int> values(const small_vector_base<T> &v) {
  std::vector<int> out;
  for (const auto &x : v)
    out.push_back(value_of(x));
  return out;
}
template <class T> std::vector<int> values(const std::vector<T> &v) {
  std::vector<int> out;
  for (const auto &x : v)
    out.push_back(value_of(x));
  return out;
}

class SmallVector : public ::testing::Test {
protected:
  void SetUp() override {
    lifetime::reset();
    fault::disarm();
  }
  void TearDown() override {
    fault::disarm();
    EXPECT_EQ(lifetime::live, 0) << "leaked or over-destroyed elements";
    EXPECT_EQ(lifetime::errors, 0) << "use of a destroyed element";
  }
};

TEST_F(SmallVector, LayoutInlineBufferFollowsHeader) {
  small_vector<int, 8> v;
  // data() of an inline vector points inside the object, 8 bytes in.
  EXPECT_EQ(reinterpret_cast<char *>(v.data()),
            reinterpret_cast<char *>(&v) + 8);
  small_vector<long double, 2> w;
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(w.data()) % alignof(long double),
            0u);
  struct alignas(64) big {
    char c[64];
  };
  small_vector<big, 2> b(3);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(b.data()) % 64, 0u);
  EXPECT_FALSE(b.is_inline());
}

TEST_F(SmallVector, Constructors) {
  small_vector<int, 4> a;
  EXPECT_TRUE(a.empty());
  EXPECT_EQ(a.capacity(), 4u);
  EXPECT_TRUE(a.is_inline());
  small_vector<int, 4> b(3);
  EXPECT_EQ(values(b), (std::vector<int>{0, 0, 0}));
  small_vector<int, 4> c(6, 7);
  EXPECT_EQ(values(c), std::vector<int>(6, 7));
  EXPECT_FALSE(c.is_inline());
  std::list<int> l{1, 2, 3, 4, 5};
  small_vector<int, 2> d(l.begin(), l.end());
  EXPECT_EQ(values(d), (std::vector<int>{1, 2, 3, 4, 5}));
  std::istringstream in("9 8 7");
  small_vector<int, 2> e{std::istream_iterator<int>(in),
                         std::istream_iterator<int>()};
  EXPECT_EQ(values(e), (std::vector<int>{9, 8, 7}));
  small_vector<counted, 2> f{1, 2, 3};
  small_vector<counted, 2> g(f);
  EXPECT_EQ(values(g), (std::vector<int>{1, 2, 3}));
  small_vector<counted, 8> h(f); // from a different N via the base
  EXPECT_EQ(values(h), (std::vector<int>{1, 2, 3}));
  EXPECT_TRUE(h.is_inline());
  small_vector<int, 3> two_ints(std::size_t{2}, 5); // count overload
  EXPECT_EQ(values(two_ints), (std::vector<int>{5, 5}));
}

TEST_F(SmallVector, MoveConstructStealsHeapAndLeavesEmpty) {
  small_vector<counted, 2> a{1, 2, 3, 4};
  const counted *buf = a.data();
  small_vector<counted, 2> b(std::move(a));
  EXPECT_EQ(b.data(), buf); // O(1): pointer stolen
  EXPECT_TRUE(a.empty());
  EXPECT_TRUE(a.is_inline());
  EXPECT_EQ(values(b), (std::vector<int>{1, 2, 3, 4}));

  small_vector<counted, 4> c{5, 6};
  small_vector<counted, 4> d(std::move(c)); // inline: element-wise
  EXPECT_TRUE(c.empty());
  EXPECT_EQ(values(d), (std::vector<int>{5, 6}));

  small_vector<counted, 8> e(std::move(b)); // heap cap 4 <= 8: goes inline
  EXPECT_TRUE(e.is_inline());
  EXPECT_TRUE(b.empty());
  EXPECT_EQ(values(e), (std::vector<int>{1, 2, 3, 4}));
}

TEST_F(SmallVector, AssignmentOperators) {
  small_vector<counted, 2> a{1, 2, 3};
  small_vector<counted, 2> b{9};
  b = a;
  EXPECT_EQ(values(b), values(a));
  const auto &alias = b;
  b = alias; // self-assignment
  EXPECT_EQ(values(b), (std::vector<int>{1, 2, 3}));
  small_vector<counted, 2> c;
  c = std::move(a);
  EXPECT_TRUE(a.empty());
  EXPECT_EQ(values(c), (std::vector<int>{1, 2, 3}));
  c = {4, 5};
  EXPECT_EQ(values(c), (std::vector<int>{4, 5}));
  small_vector<counted, 6> d{7, 7, 7, 7};
  c = d; // across N
  EXPECT_EQ(values(c), (std::vector<int>(4, 7)));
  small_vector_base<counted> &cb = c;
  cb = std::move(d);
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(values(c), (std::vector<int>(4, 7)));
}

TEST_F(SmallVector, Assign) {
  small_vector<counted, 3> v{1, 2};
  v.assign(5, counted(4));
  EXPECT_EQ(values(v), std::vector<int>(5, 4));
  v.assign(2, v[1]); // aliasing value
  EXPECT_EQ(values(v), std::vector<int>(2, 4));
  v.assign(6, v[0]); // aliasing value + reallocation
  EXPECT_EQ(values(v), std::vector<int>(6, 4));
  std::vector<int> src{1, 2, 3, 4, 5, 6, 7, 8};
  v.assign(src.begin(), src.end());
  EXPECT_EQ(values(v), src);
  v.assign({3, 2, 1});
  EXPECT_EQ(values(v), (std::vector<int>{3, 2, 1}));
  std::istringstream in("4 5");
  v.assign(std::istream_iterator<int>(in), std::istream_iterator<int>());
  EXPECT_EQ(values(v), (std::vector<int>{4, 5}));
}

TEST_F(SmallVector, ElementAccess) {
  small_vector<int, 4> v{1, 2, 3};
  const auto &cv = v;
  EXPECT_EQ(v.at(1), 2);
  EXPECT_EQ(cv.at(2), 3);
  EXPECT_THROW(v.at(3), std::out_of_range);
  EXPECT_THROW(cv.at(3), std::out_of_range);
  EXPECT_EQ(v[0], 1);
  EXPECT_EQ(cv[0], 1);
  EXPECT_EQ(v.front(), 1);
  EXPECT_EQ(cv.front(), 1);
  EXPECT_EQ(v.back(), 3);
  EXPECT_EQ(cv.back(), 3);
  EXPECT_EQ(v.data(), &v[0]);
  EXPECT_EQ(cv.data(), &v[0]);
  v.front() = 10;
  v.back() = 30;
  EXPECT_EQ(values(v), (std::vector<int>{10, 2, 30}));
}

TEST_F(SmallVector, Iterators) {
  small_vector<int, 2> v{1, 2, 3};
  EXPECT_EQ(std::vector<int>(v.begin(), v.end()), (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(std::vector<int>(v.cbegin(), v.cend()),
            (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(std::vector<int>(v.rbegin(), v.rend()),
            (std::vector<int>{3, 2, 1}));
  EXPECT_EQ(std::vector<int>(v.crbegin(), v.crend()),
            (std::vector<int>{3, 2, 1}));
  const auto &cv = v;
  EXPECT_EQ(*cv.begin(), 1);
  EXPECT_EQ(*(cv.end() - 1), 3);
  EXPECT_EQ(*cv.rbegin(), 3);
  EXPECT_EQ(*(cv.rend() - 1), 1);
}

TEST_F(SmallVector, CapacityFunctions) {
  small_vector<int, 4> v;
  EXPECT_EQ(v.max_size(), (std::size_t{1} << 31) - 1);
  EXPECT_EQ((small_vector<char, 4>::max_size()), (std::size_t{1} << 31) - 1);
  v.reserve(3); // below N: no-op
  EXPECT_TRUE(v.is_inline());
  v.reserve(100);
  EXPECT_GE(v.capacity(), 100u);
  EXPECT_FALSE(v.is_inline());
  EXPECT_THROW(v.reserve(v.max_size() + 1), std::length_error);
  v.push_back(1);
  v.shrink_to_fit(); // fits inline again
  EXPECT_TRUE(v.is_inline());
  EXPECT_EQ(v.capacity(), 4u);
  EXPECT_EQ(values(v), (std::vector<int>{1}));
  v.assign(10, 2);
  v.reserve(50);
  v.shrink_to_fit();
  EXPECT_EQ(v.capacity(), 10u);
  EXPECT_EQ(values(v), std::vector<int>(10, 2));
  small_vector<counted, 2> c{1, 2, 3, 4, 5};
  c.reserve(20);
  c.shrink_to_fit();
  EXPECT_EQ(c.capacity(), 5u);
  c.resize(2);
  c.shrink_to_fit();
  EXPECT_TRUE(c.is_inline());
  EXPECT_EQ(values(c), (std::vector<int>{1, 2}));
  c.clear();
  EXPECT_TRUE(c.empty());
}

TEST_F(SmallVector, PushEmplacePop) {
  small_vector<counted, 2> v;
  for (int i = 0; i < 10; ++i)
    v.push_back(counted(i));
  counted c(10);
  v.push_back(c);
  EXPECT_EQ(v.emplace_back(11).value(), 11);
  EXPECT_EQ(v.size(), 12u);
  for (int i = 0; i < 12; ++i)
    EXPECT_EQ(v[i].value(), i);
  v.pop_back();
  EXPECT_EQ(v.back().value(), 10);
  // Aliasing: push_back of one of its own elements while reallocating.
  small_vector<std::string, 2> s{std::string(30, 'a'), std::string(30, 'b')};
  s.push_back(s[0]);
  s.emplace_back(s[1]);
  EXPECT_EQ(s[2], std::string(30, 'a'));
  EXPECT_EQ(s[3], std::string(30, 'b'));
  small_vector<int, 2> iv{1, 2};
  iv.push_back(iv[0]);
  iv.push_back(iv[2]);
  EXPECT_EQ(values(iv), (std::vector<int>{1, 2, 1, 1}));
}

TEST_F(SmallVector, InsertAllOverloads) {
  small_vector<counted, 3> v{1, 2, 3};
  auto it = v.insert(v.begin() + 1, counted(9)); // rvalue, grows
  EXPECT_EQ(it->value(), 9);
  EXPECT_EQ(values(v), (std::vector<int>{1, 9, 2, 3}));
  const counted c(8);
  v.insert(v.begin(), c); // lvalue
  EXPECT_EQ(values(v), (std::vector<int>{8, 1, 9, 2, 3}));
  it = v.insert(v.end(), 2, counted(7));
  EXPECT_EQ(it - v.begin(), 5);
  EXPECT_EQ(values(v), (std::vector<int>{8, 1, 9, 2, 3, 7, 7}));
  v.insert(v.begin() + 2, 0, counted(5)); // n == 0
  EXPECT_EQ(v.size(), 7u);
  std::vector<int> src{4, 5};
  v.insert(v.begin() + 1, src.begin(), src.end());
  EXPECT_EQ(values(v), (std::vector<int>{8, 4, 5, 1, 9, 2, 3, 7, 7}));
  v.insert(v.begin(), {6, 6});
  EXPECT_EQ(values(v), (std::vector<int>{6, 6, 8, 4, 5, 1, 9, 2, 3, 7, 7}));
  std::istringstream in("1 2");
  v.insert(v.begin() + 1, std::istream_iterator<int>(in),
           std::istream_iterator<int>());
  EXPECT_EQ(values(v),
            (std::vector<int>{6, 1, 2, 6, 8, 4, 5, 1, 9, 2, 3, 7, 7}));
  it = v.emplace(v.begin() + 3, 42);
  EXPECT_EQ(it->value(), 42);
  EXPECT_EQ(v[3].value(), 42);
  // Aliasing: insert copies of an element of the same vector.
  v.reserve(100);
  v.insert(v.begin(), 3, v[3]);
  EXPECT_EQ(v[0].value(), 42);
  EXPECT_EQ(v[2].value(), 42);
  const int expect = v[5].value();
  v.insert(v.begin(), v[5]);
  EXPECT_EQ(v[0].value(), expect);
  small_vector<int, 4> iv{1, 2, 3};
  iv.insert(iv.begin(), 1, iv[2]); // trivial path, in capacity, aliasing
  EXPECT_EQ(values(iv), (std::vector<int>{3, 1, 2, 3}));
  iv.insert(iv.begin() + 1, 3, iv[3]); // trivial path, growing, aliasing
  EXPECT_EQ(values(iv), (std::vector<int>{3, 3, 3, 3, 1, 2, 3}));
  iv.emplace(iv.begin() + 4, iv[5]);
  EXPECT_EQ(values(iv), (std::vector<int>{3, 3, 3, 3, 2, 1, 2, 3}));
}

TEST_F(SmallVector, Erase) {
  small_vector<counted, 2> v{0, 1, 2, 3, 4, 5};
  auto it = v.erase(v.begin() + 1);
  EXPECT_EQ(it->value(), 2);
  EXPECT_EQ(values(v), (std::vector<int>{0, 2, 3, 4, 5}));
  it = v.erase(v.begin() + 1, v.begin() + 3);
  EXPECT_EQ(it->value(), 4);
  EXPECT_EQ(values(v), (std::vector<int>{0, 4, 5}));
  it = v.erase(v.begin(), v.begin());
  EXPECT_EQ(it, v.begin());
  it = v.erase(v.begin() + 1, v.end());
  EXPECT_EQ(it, v.end());
  EXPECT_EQ(values(v), (std::vector<int>{0}));
}

TEST_F(SmallVector, Resize) {
  small_vector<counted, 2> v;
  v.resize(3);
  EXPECT_EQ(values(v), (std::vector<int>{0, 0, 0}));
  v.resize(5, counted(2));
  EXPECT_EQ(values(v), (std::vector<int>{0, 0, 0, 2, 2}));
  v.resize(1);
  EXPECT_EQ(values(v), (std::vector<int>{0}));
  v[0] = 9;
  v.resize(40, v[0]); // aliasing + reallocation
  EXPECT_EQ(values(v), std::vector<int>(40, 9));
  v.resize(40, counted(1)); // no change
  EXPECT_EQ(v.size(), 40u);
  v.resize(41, counted(1)); // within capacity
  EXPECT_EQ(v.back().value(), 1);
}

TEST_F(SmallVector, Swap) {
  // Every combination of inline/heap on both sides, same and different N.
  for (int na : {0, 1, 3, 6})
    for (int nb : {0, 2, 3, 7}) {
      small_vector<counted, 3> a, b;
      for (int i = 0; i < na; ++i)
        a.emplace_back(i);
      for (int i = 0; i < nb; ++i)
        b.emplace_back(100 + i);
      auto va = values(a), vb = values(b);
      a.swap(b);
      EXPECT_EQ(values(a), vb);
      EXPECT_EQ(values(b), va);
      swap(a, b);
      EXPECT_EQ(values(a), va);
      small_vector<counted, 5> c;
      for (int i = 0; i < nb; ++i)
        c.emplace_back(200 + i);
      auto vc = values(c);
      small_vector_base<counted> &ab = a, &cb = c;
      ab.swap(cb);
      EXPECT_EQ(values(a), vc);
      EXPECT_EQ(values(c), va);
      swap(ab, cb);
      EXPECT_EQ(values(a), va);
      EXPECT_EQ(values(c), vc);
    }
  small_vector<int, 2> x{1, 2, 3}, y{4, 5, 6, 7};
  const int *px = x.data();
  x.swap(y); // both heap: O(1)
  EXPECT_EQ(y.data(), px);
  x.swap(x);
  EXPECT_EQ(values(x), (std::vector<int>{4, 5, 6, 7}));
}

TEST_F(SmallVector, Comparisons) {
  small_vector<int, 2> a{1, 2, 3};
  small_vector<int, 8> b{1, 2, 3};
  small_vector<int, 4> c{1, 2, 4};
  small_vector<int, 4> d{1, 2};
  EXPECT_TRUE(a == b);
  EXPECT_FALSE(a != b);
  EXPECT_TRUE(a != c);
  EXPECT_TRUE(a < c);
  EXPECT_TRUE(d < a);
  EXPECT_TRUE(c > a);
  EXPECT_TRUE(a <= b);
  EXPECT_TRUE(a >= b);
  EXPECT_FALSE(c <= a);
  EXPECT_FALSE(a >= c);
}

// A function taking any small_vector<T, N>, as memlint's fixits emit.
static int sum(const small_vector_base<int> &v) {
  int s = 0;
  for (int x : v)
    s += x;
  return s;
}
static void append_three(small_vector_base<int> &v) {
  for (int i = 0; i < 3; ++i)
    v.push_back(i);
}
TEST_F(SmallVector, BaseHidesN) {
  small_vector<int, 1> a{5};
  small_vector<int, 16> b{5, 5};
  append_three(a);
  append_three(b);
  EXPECT_EQ(sum(a), 8);
  EXPECT_EQ(sum(b), 13);
  EXPECT_EQ(a.inline_capacity(), 1u);
  EXPECT_EQ(b.inline_capacity(), 16u);
}

TEST_F(SmallVector, ZeroInlineCapacity) {
  small_vector<counted, 0> v;
  EXPECT_EQ(v.capacity(), 0u);
  v.emplace_back(1);
  EXPECT_FALSE(v.is_inline());
  v.clear();
  v.shrink_to_fit();
  EXPECT_TRUE(v.is_inline());
  EXPECT_EQ(v.capacity(), 0u);
}

// --- exception guarantees ------------------------------------------------

template <class T> void expect_strong_push_back() {
  for (long k = 1; k < 20; ++k) {
    small_vector<T, 4> v;
    for (int i = 0; i < 4; ++i)
      v.emplace_back(i); // full inline buffer: next push reallocates
    for (int round = 0; round < 2; ++round) {
      auto before = values(v);
      const auto cap = v.capacity();
      T extra(99);
      fault::arm(k);
      try {
        v.push_back(extra);
        fault::disarm();
        before.push_back(99);
        EXPECT_EQ(values(v), before);
      } catch (const injected_error &) {
        fault::disarm();
        EXPECT_EQ(values(v), before) << "push_back broke strong guarantee";
        EXPECT_EQ(v.capacity(), cap);
      }
      while (v.size() < v.capacity())
        v.emplace_back(7); // next round reallocates from the heap
    }
  }
}
TEST_F(SmallVector, StrongGuaranteePushBackThrowingCopy) {
  expect_strong_push_back<thrower<false>>();
}
TEST_F(SmallVector, StrongGuaranteePushBackThrowingMoveAndCopy) {
  // Move may throw, but T is copyable: reallocation copies (like std::vector).
  expect_strong_push_back<thrower<true>>();
}

TEST_F(SmallVector, StrongGuaranteeReserveAndInsertAtEnd) {
  using T = thrower<true>;
  for (long k = 1; k < 12; ++k) {
    small_vector<T, 2> v{1, 2, 3};
    auto before = values(v);
    fault::arm(k);
    try {
      v.reserve(50);
    } catch (const injected_error &) {
      EXPECT_EQ(v.capacity(), 3u);
    }
    fault::disarm();
    EXPECT_EQ(values(v), before);
    fault::arm(k);
    try {
      v.insert(v.end(), T(4));
      before.push_back(4);
    } catch (const injected_error &) {
    }
    fault::disarm();
    EXPECT_EQ(values(v), before);
    // Insertion that reallocates: strong for any position.
    small_vector<T, 2> w{1, 2};
    auto wb = values(w);
    fault::arm(k);
    try {
      w.insert(w.begin(), 3, T(5));
      wb.insert(wb.begin(), 3, 5);
    } catch (const injected_error &) {
    }
    fault::disarm();
    EXPECT_EQ(values(w), wb);
    // resize growth.
    small_vector<T, 2> r{1, 2};
    auto rb = values(r);
    fault::arm(k);
    try {
      r.resize(6, T(3));
      rb.resize(6, 3);
    } catch (const injected_error &) {
    }
    fault::disarm();
    EXPECT_EQ(values(r), rb);
  }
}

TEST_F(SmallVector, ThrowingConstructorDoesNotLeak) {
  using T = thrower<false>;
  std::vector<T> src{1, 2, 3, 4, 5, 6};
  for (long k = 1; k < 8; ++k) {
    fault::arm(k);
    try {
      small_vector<T, 2> v(src.begin(), src.end());
    } catch (const injected_error &) {
    }
    fault::disarm();
  }
  // TearDown checks the live count.
}

// --- randomized differential test against std::vector --------------------

template <class T, std::size_t N> void differential(unsigned seed, int steps) {
  std::mt19937 rng(seed);
  auto rnd = [&](int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  };
  small_vector<T, N> v, other;
  std::vector<T> ref, ref_other;
  for (int step = 0; step < steps; ++step) {
    const int op = rnd(0, 22);
    const int sz = static_cast<int>(ref.size());
    const int x = rnd(0, 1000);
    switch (op) {
    case 0:
    case 1:
      v.push_back(make_value<T>(x));
      ref.push_back(make_value<T>(x));
      break;
    case 2:
      v.emplace_back(make_value<T>(x));
      ref.emplace_back(make_value<T>(x));
      break;
    case 3:
      if (sz) {
        v.pop_back();
        ref.pop_back();
      }
      break;
    case 4: {
      int p = rnd(0, sz);
      v.insert(v.begin() + p, make_value<T>(x));
      ref.insert(ref.begin() + p, make_value<T>(x));
      break;
    }
    case 5: {
      int p = rnd(0, sz), n = rnd(0, 9);
      v.insert(v.begin() + p, n, make_value<T>(x));
      ref.insert(ref.begin() + p, n, make_value<T>(x));
      break;
    }
    case 6: {
      int p = rnd(0, sz), n = rnd(0, 12);
      std::vector<T> src;
      for (int i = 0; i < n; ++i)
        src.push_back(make_value<T>(x + i));
      v.insert(v.begin() + p, src.begin(), src.end());
      ref.insert(ref.begin() + p, src.begin(), src.end());
      break;
    }
    case 7:
      if (sz) {
        int p = rnd(0, sz - 1);
        v.erase(v.begin() + p);
        ref.erase(ref.begin() + p);
      }
      break;
    case 8: {
      int a = rnd(0, sz), b = rnd(a, sz);
      v.erase(v.begin() + a, v.begin() + b);
      ref.erase(ref.begin() + a, ref.begin() + b);
      break;
    }
    case 9: {
      int n = rnd(0, 40);
      v.resize(n);
      ref.resize(n);
      break;
    }
    case 10: {
      int n = rnd(0, 40);
      v.resize(n, make_value<T>(x));
      ref.resize(n, make_value<T>(x));
      break;
    }
    case 11:
      v.reserve(rnd(0, 64));
      break;
    case 12:
      v.shrink_to_fit();
      break;
    case 13:
      if (rnd(0, 5) == 0) {
        v.clear();
        ref.clear();
      }
      break;
    case 14: {
      int n = rnd(0, 20);
      v.assign(n, make_value<T>(x));
      ref.assign(n, make_value<T>(x));
      break;
    }
    case 15:
      other = v;
      ref_other = ref;
      break;
    case 16:
      v = std::move(other);
      ref = std::move(ref_other);
      ref_other.clear();
      EXPECT_TRUE(other.empty());
      break;
    case 17:
      v.swap(other);
      ref.swap(ref_other);
      break;
    case 18:
      if (sz) {
        int p = rnd(0, sz - 1), q = rnd(0, sz - 1);
        T val = ref[q];
        v.emplace(v.begin() + p, v[q]); // aliasing emplace
        ref.insert(ref.begin() + p, val);
      }
      break;
    case 19:
      if (sz) {
        int p = rnd(0, sz - 1);
        v.push_back(v[p]); // aliasing push_back
        ref.push_back(T(ref[p]));
      }
      break;
    case 20: {
      small_vector<T, N> tmp(v);
      v = std::move(tmp);
      break;
    }
    case 21:
      if (sz) {
        int p = rnd(0, sz - 1);
        EXPECT_EQ(value_of(v.at(p)), value_of(ref.at(p)));
        EXPECT_EQ(value_of(v.front()), value_of(ref.front()));
        EXPECT_EQ(value_of(v.back()), value_of(ref.back()));
      }
      break;
    case 22: {
      int n = rnd(0, 12);
      std::vector<T> src;
      for (int i = 0; i < n; ++i)
        src.push_back(make_value<T>(x - i));
      v.assign(src.begin(), src.end());
      ref.assign(src.begin(), src.end());
      break;
    }
    }
    ASSERT_EQ(values(v), values(ref)) << "step " << step << " op " << op;
    ASSERT_EQ(values(other), values(ref_other)) << "step " << step;
    ASSERT_LE(v.size(), v.capacity());
    ASSERT_GE(v.capacity(), N);
    ASSERT_EQ(v.is_inline(), v.capacity() == N);
  }
}

TEST_F(SmallVector, DifferentialInt) { differential<int, 4>(1, 20000); }
TEST_F(SmallVector, DifferentialString) {
  differential<std::string, 3>(2, 8000);
}
TEST_F(SmallVector, DifferentialCounted) { differential<counted, 5>(3, 10000); }
TEST_F(SmallVector, DifferentialZeroN) { differential<counted, 0>(4, 5000); }

// Random operations on a type whose copies throw: after a throw, ops for
// which std::vector gives the strong guarantee must leave the state intact.
TEST_F(SmallVector, DifferentialWithInjectedFaults) {
  using T = thrower<false>;
  std::mt19937 rng(5);
  auto rnd = [&](int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  };
  small_vector<T, 4> v;
  int throws = 0;
  for (int step = 0; step < 20000; ++step) {
    auto before = values(v);
    const auto cap = v.capacity();
    const int op = rnd(0, 5);
    const int x = rnd(0, 1000);
    const int sz = static_cast<int>(v.size());
    T val(x);
    fault::arm(rnd(1, 12));
    bool strong = true;
    try {
      switch (op) {
      case 0:
        v.push_back(val);
        break;
      case 1:
        v.insert(v.end(), val);
        break;
      case 2:
        v.reserve(static_cast<std::size_t>(rnd(0, 40)));
        break;
      case 3:
        v.resize(static_cast<std::size_t>(rnd(0, 40)), val);
        break;
      case 4:
        strong = false; // middle insert: basic guarantee, as std::vector
        v.insert(v.begin() + rnd(0, sz), static_cast<std::size_t>(rnd(1, 3)),
                 val);
        break;
      case 5:
        if (sz > 8)
          v.erase(v.begin(), v.begin() + rnd(0, sz));
        strong = false;
        break;
      }
    } catch (const injected_error &) {
      ++throws;
      if (strong) {
        ASSERT_EQ(values(v), before) << "step " << step << " op " << op;
        if (op != 2) {
          ASSERT_EQ(v.capacity(), cap);
        }
      }
    }
    fault::disarm();
    ASSERT_LE(v.size(), v.capacity());
    ASSERT_EQ(lifetime::live, static_cast<long>(v.size()) + 1);
  }
  EXPECT_GT(throws, 100);
}

} // namespace
