#include <memlint/compact_string.hpp>

#include <gtest/gtest.h>

#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_set>

using memlint::compact_string;

static_assert(sizeof(compact_string) == 24);
static_assert(compact_string::max_inline == 23);
static_assert(std::is_nothrow_move_constructible_v<compact_string>);
static_assert(std::is_nothrow_move_assignable_v<compact_string>);
static_assert(std::is_convertible_v<compact_string, std::string_view>);
static_assert(!std::is_convertible_v<compact_string, std::string>);
static_assert(std::is_constructible_v<std::string, compact_string>);
static_assert(!std::is_constructible_v<compact_string, std::nullptr_t>);

namespace {

std::string sv(const compact_string &s) { return std::string(s.data(), s.size()); }

TEST(CompactString, InlineUpTo23CharsAndNul) {
  for (std::size_t n = 0; n <= 40; ++n) {
    const std::string ref(n, 'a' + static_cast<char>(n % 26));
    compact_string s(ref);
    EXPECT_EQ(s.size(), n);
    EXPECT_EQ(s.is_inline(), n <= 23) << n;
    EXPECT_EQ(std::strlen(s.c_str()), n);
    EXPECT_EQ(s.c_str()[n], '\0');
    EXPECT_EQ(sv(s), ref);
    if (n <= 23) {
      // The characters live inside the object.
      const char *obj = reinterpret_cast<const char *>(&s);
      EXPECT_GE(s.data(), obj);
      EXPECT_LT(s.data(), obj + sizeof s);
    }
  }
}

TEST(CompactString, Constructors) {
  EXPECT_TRUE(compact_string().empty());
  EXPECT_EQ(sv(compact_string("abc")), "abc");
  EXPECT_EQ(sv(compact_string("abcdef", 3)), "abc");
  EXPECT_EQ(sv(compact_string(std::string_view("xyz"))), "xyz");
  EXPECT_EQ(sv(compact_string(std::string(30, 'q'))), std::string(30, 'q'));
  EXPECT_EQ(sv(compact_string(5, 'z')), "zzzzz");
  std::string src = "iterators";
  EXPECT_EQ(sv(compact_string(src.begin(), src.end())), src);
  EXPECT_EQ(sv(compact_string({'a', 'b'})), "ab");
  compact_string big(50, 'b');
  compact_string copy(big);
  EXPECT_EQ(sv(copy), sv(big));
  EXPECT_NE(copy.data(), big.data());
  const char *heap = big.data();
  compact_string moved(std::move(big));
  EXPECT_EQ(moved.data(), heap); // heap buffer stolen
  EXPECT_TRUE(big.empty());      // moved-from is empty
  compact_string small("small");
  compact_string moved2(std::move(small));
  EXPECT_EQ(sv(moved2), "small");
  EXPECT_TRUE(small.empty());
}

TEST(CompactString, AssignmentAndAssign) {
  compact_string s;
  s = "hello";
  EXPECT_EQ(sv(s), "hello");
  s = std::string(40, 'x');
  EXPECT_EQ(sv(s), std::string(40, 'x'));
  s = std::string_view("view");
  EXPECT_EQ(sv(s), "view");
  s = 'c';
  EXPECT_EQ(sv(s), "c");
  compact_string t(30, 't');
  s = t;
  EXPECT_EQ(sv(s), sv(t));
  const compact_string &alias = s;
  s = alias; // self-assignment
  EXPECT_EQ(sv(s), std::string(30, 't'));
  s = std::move(t);
  EXPECT_TRUE(t.empty());
  s.assign("abc", 2);
  EXPECT_EQ(sv(s), "ab");
  s.assign(3, 'k');
  EXPECT_EQ(sv(s), "kkk");
  s.assign(std::string("str"));
  EXPECT_EQ(sv(s), "str");
  s.assign(std::string_view(s).substr(1)); // aliasing
  EXPECT_EQ(sv(s), "tr");
}

TEST(CompactString, Conversions) {
  compact_string s("convert");
  std::string_view v = s;
  EXPECT_EQ(v, "convert");
  std::string str = static_cast<std::string>(s);
  EXPECT_EQ(str, "convert");
  std::ostringstream os;
  os << s << compact_string(30, '!');
  EXPECT_EQ(os.str(), "convert" + std::string(30, '!'));
}

TEST(CompactString, ElementAccessAndIterators) {
  compact_string s("abcdef");
  const compact_string &c = s;
  EXPECT_EQ(s[0], 'a');
  EXPECT_EQ(c[5], 'f');
  EXPECT_EQ(c[6], '\0');
  EXPECT_EQ(s.at(2), 'c');
  EXPECT_EQ(c.at(2), 'c');
  EXPECT_THROW(s.at(6), std::out_of_range);
  EXPECT_THROW(c.at(6), std::out_of_range);
  EXPECT_EQ(s.front(), 'a');
  EXPECT_EQ(c.back(), 'f');
  s.front() = 'A';
  s.back() = 'F';
  EXPECT_EQ(std::string(s.begin(), s.end()), "AbcdeF");
  EXPECT_EQ(std::string(c.cbegin(), c.cend()), "AbcdeF");
  EXPECT_EQ(std::string(s.rbegin(), s.rend()), "FedcbA");
  EXPECT_EQ(std::string(c.crbegin(), c.crend()), "FedcbA");
  EXPECT_EQ(s.length(), 6u);
}

TEST(CompactString, CapacityFunctions) {
  compact_string s("abc");
  EXPECT_EQ(s.capacity(), 23u);
  s.reserve(10);
  EXPECT_TRUE(s.is_inline());
  s.reserve(100);
  EXPECT_FALSE(s.is_inline());
  EXPECT_GE(s.capacity(), 100u);
  EXPECT_EQ(sv(s), "abc");
  s.shrink_to_fit();
  EXPECT_TRUE(s.is_inline());
  EXPECT_EQ(sv(s), "abc");
  s.assign(std::string(50, 'x'));
  s.reserve(200);
  s.shrink_to_fit();
  EXPECT_EQ(s.capacity(), 50u);
  EXPECT_THROW(s.reserve(s.max_size() + 1), std::length_error);
  s.clear();
  EXPECT_TRUE(s.empty());
  EXPECT_EQ(s.c_str()[0], '\0');
}

TEST(CompactString, GrowthIsOnePointFiveX) {
  compact_string s(23, 'a');
  s.push_back('b');
  EXPECT_EQ(s.capacity(), 34u); // 23 * 1.5
  while (s.size() < s.capacity())
    s.push_back('c');
  s.push_back('d');
  EXPECT_EQ(s.capacity(), 51u);
}

TEST(CompactString, AppendInsertEraseReplace) {
  compact_string s("abc");
  s.append("def").append(std::string("gh")).append(std::string_view("i"));
  s.append(2, 'j').append("klmno", 2).append(compact_string("m"));
  s.append(std::string_view("xxnyy"), 2, 1);
  EXPECT_EQ(sv(s), "abcdefghijjklmn");
  s += "o";
  s += std::string("p");
  s += std::string_view("q");
  s += 'r';
  s += compact_string("s");
  EXPECT_EQ(sv(s), "abcdefghijjklmnopqrs");
  s.insert(0, "01");
  s.insert(2, std::string_view("2"));
  s.insert(3, "345", 2);
  s.insert(5, 2, '_');
  EXPECT_EQ(sv(s), "01234__abcdefghijjklmnopqrs"); // grew to the heap
  auto it = s.insert(s.begin() + 5, '#');
  EXPECT_EQ(*it, '#');
  it = s.insert(s.cbegin(), 2, '>');
  EXPECT_EQ(it, s.begin());
  EXPECT_EQ(sv(s), ">>01234#__abcdefghijjklmnopqrs");
  s.erase(0, 2);
  it = s.erase(s.begin() + 5);
  EXPECT_EQ(*it, '_');
  it = s.erase(s.begin() + 5, s.begin() + 7);
  EXPECT_EQ(*it, 'a');
  EXPECT_EQ(sv(s), "01234abcdefghijjklmnopqrs");
  s.replace(0, 5, "X");
  s.replace(1, 3, std::string_view("YY"));
  s.replace(s.begin(), s.begin() + 1, "Z");
  s.replace(1, 0, 3, '-');
  EXPECT_EQ(sv(s), "Z---YYdefghijjklmnopqrs");
  s.erase(10);
  EXPECT_EQ(sv(s), "Z---YYdefg");
  s.erase();
  EXPECT_TRUE(s.empty());
  EXPECT_THROW(s.insert(1, "x"), std::out_of_range);
  EXPECT_THROW(s.erase(1), std::out_of_range);
  EXPECT_THROW(s.replace(2, 1, "x"), std::out_of_range);
}

TEST(CompactString, SelfReferencingEdits) {
  compact_string s("abcdef");
  std::string r("abcdef");
  s.append(s.data(), s.size()); // in place, aliasing
  r.append(r.data(), r.size());
  EXPECT_EQ(sv(s), r);
  s.append(s.data(), s.size()); // reallocating, aliasing
  r.append(r.data(), r.size());
  EXPECT_EQ(sv(s), r);
  s.insert(2, s.data() + 20, 4);
  r.insert(2, r.data() + 20, 4);
  EXPECT_EQ(sv(s), r);
  s.replace(0, 3, s.data() + 3, 5);
  r.replace(0, 3, r.data() + 3, 5);
  EXPECT_EQ(sv(s), r);
  s.insert(0, s);
  r.insert(0, r);
  EXPECT_EQ(sv(s), r);
}

TEST(CompactString, ResizePushPopSwap) {
  compact_string s("ab");
  s.resize(5, 'x');
  EXPECT_EQ(sv(s), "abxxx");
  s.resize(1);
  EXPECT_EQ(sv(s), "a");
  s.resize(3);
  EXPECT_EQ(sv(s), std::string("a\0\0", 3));
  s.push_back('z');
  s.pop_back();
  s.pop_back();
  EXPECT_EQ(sv(s), std::string("a\0", 2));
  compact_string a("inline"), b(40, 'h');
  a.swap(b);
  EXPECT_EQ(sv(a), std::string(40, 'h'));
  EXPECT_EQ(sv(b), "inline");
  swap(a, b);
  EXPECT_EQ(sv(a), "inline");
  char buf[4];
  EXPECT_EQ(a.copy(buf, 3, 1), 3u);
  EXPECT_EQ(std::string(buf, 3), "nli");
}

TEST(CompactString, FindFamilyMatchesStdString) {
  const std::string ref = "the quick brown fox jumps over the lazy dog";
  const compact_string s(ref);
  for (std::size_t pos : {std::size_t{0}, std::size_t{5}, std::size_t{40},
                          std::size_t{100}, compact_string::npos}) {
    for (const char *needle : {"the", "o", "xyz", "", "aeiou", "dog"}) {
      EXPECT_EQ(s.find(needle, pos), ref.find(needle, pos));
      EXPECT_EQ(s.rfind(needle, pos), ref.rfind(needle, pos));
      EXPECT_EQ(s.find_first_of(needle, pos), ref.find_first_of(needle, pos));
      EXPECT_EQ(s.find_last_of(needle, pos), ref.find_last_of(needle, pos));
      EXPECT_EQ(s.find_first_not_of(needle, pos),
                ref.find_first_not_of(needle, pos));
      EXPECT_EQ(s.find_last_not_of(needle, pos),
                ref.find_last_not_of(needle, pos));
      const std::size_t n = std::strlen(needle) / 2;
      EXPECT_EQ(s.find(needle, pos, n), ref.find(needle, pos, n));
      EXPECT_EQ(s.rfind(needle, pos, n), ref.rfind(needle, pos, n));
      EXPECT_EQ(s.find_first_of(needle, pos, n),
                ref.find_first_of(needle, pos, n));
      EXPECT_EQ(s.find_last_of(needle, pos, n),
                ref.find_last_of(needle, pos, n));
      EXPECT_EQ(s.find_first_not_of(needle, pos, n),
                ref.find_first_not_of(needle, pos, n));
      EXPECT_EQ(s.find_last_not_of(needle, pos, n),
                ref.find_last_not_of(needle, pos, n));
    }
    for (char c : {'t', 'g', 'Q', ' '}) {
      EXPECT_EQ(s.find(c, pos), ref.find(c, pos));
      EXPECT_EQ(s.rfind(c, pos), ref.rfind(c, pos));
      EXPECT_EQ(s.find_first_of(c, pos), ref.find_first_of(c, pos));
      EXPECT_EQ(s.find_last_of(c, pos), ref.find_last_of(c, pos));
      EXPECT_EQ(s.find_first_not_of(c, pos), ref.find_first_not_of(c, pos));
      EXPECT_EQ(s.find_last_not_of(c, pos), ref.find_last_not_of(c, pos));
    }
  }
  EXPECT_EQ(s.find(std::string("fox")), 16u);
  EXPECT_EQ(s.find(compact_string("fox")), 16u);
}

TEST(CompactString, SubstrCompareStartsEnds) {
  compact_string s("hello world");
  EXPECT_EQ(sv(s.substr(6)), "world");
  EXPECT_EQ(sv(s.substr(0, 5)), "hello");
  EXPECT_EQ(sv(s.substr(11)), "");
  EXPECT_THROW(s.substr(12), std::out_of_range);
  EXPECT_EQ(s.compare("hello world"), 0);
  EXPECT_LT(s.compare("hello worle"), 0);
  EXPECT_GT(s.compare(std::string_view("hello")), 0);
  EXPECT_EQ(s.compare(6, 5, "world"), 0);
  EXPECT_EQ(s.compare(0, 5, "xhellox", 1, 5), 0);
  EXPECT_THROW(s.compare(20, 1, "x"), std::out_of_range);
  EXPECT_TRUE(s.starts_with("hell"));
  EXPECT_TRUE(s.starts_with('h'));
  EXPECT_TRUE(s.starts_with(std::string_view("")));
  EXPECT_FALSE(s.starts_with("world"));
  EXPECT_TRUE(s.ends_with("world"));
  EXPECT_TRUE(s.ends_with('d'));
  EXPECT_FALSE(s.ends_with("hello world!"));
  EXPECT_FALSE(compact_string().starts_with('x'));
  EXPECT_FALSE(compact_string().ends_with('x'));
}

TEST(CompactString, ComparisonsEveryTypeBothOrders) {
  const compact_string a("apple"), b("banana");
  const std::string sa = "apple", sb = "banana";
  const std::string_view va = "apple", vb = "banana";
  const char *ca = "apple";
  const char *cb = "banana";
  EXPECT_TRUE(a == a);
  EXPECT_TRUE(a != b);
  EXPECT_TRUE(a < b);
  EXPECT_TRUE(a <= b);
  EXPECT_TRUE(b > a);
  EXPECT_TRUE(b >= a);
  EXPECT_TRUE(a == sa && sa == a && a != sb && sb != a);
  EXPECT_TRUE(a == va && va == a && a != vb && vb != a);
  EXPECT_TRUE(a == ca && ca == a && a != cb && cb != a);
  EXPECT_TRUE(a < sb && sa < b && a < vb && va < b && a < cb && ca < b);
  EXPECT_TRUE(b > sa && sb > a && b > va && vb > a && b > ca && cb > a);
  EXPECT_TRUE(a <= sa && sa <= a && a <= va && va <= a && a <= ca && ca <= a);
  EXPECT_TRUE(a >= sa && sa >= a && a >= va && va >= a && a >= ca && ca >= a);
  EXPECT_TRUE(compact_string(std::string("a\0b", 3)) != "a"); // embedded NUL
}

TEST(CompactString, Concatenation) {
  const compact_string a("ab");
  EXPECT_EQ(sv(a + a), "abab");
  EXPECT_EQ(sv(a + "c"), "abc");
  EXPECT_EQ(sv("c" + a), "cab");
  EXPECT_EQ(sv(a + 'd'), "abd");
  EXPECT_EQ(sv('d' + a), "dab");
  EXPECT_EQ(sv(a + std::string("e")), "abe");
  EXPECT_EQ(sv(std::string("e") + a), "eab");
  EXPECT_EQ(sv(a + std::string_view("f")), "abf");
  EXPECT_EQ(sv(std::string_view("f") + a), "fab");
  compact_string big(30, 'x');
  big.reserve(40);
  const char *p = big.data();
  compact_string r = std::move(big) + "y"; // rvalue reused
  EXPECT_EQ(r.data(), p);
  EXPECT_EQ(sv(r), std::string(30, 'x') + "y");
}

TEST(CompactString, HashEqualsStringViewHash) {
  for (const char *s : {"", "a", "exactly-23-characters!!", "a long string "
                                                            "on the heap"}) {
    EXPECT_EQ(std::hash<compact_string>{}(compact_string(s)),
              std::hash<std::string_view>{}(s));
  }
  std::unordered_set<compact_string> set{"x", "y", compact_string(40, 'z')};
  EXPECT_EQ(set.count("x"), 1u);
  EXPECT_EQ(set.count(compact_string(40, 'z')), 1u);
}

// Randomized differential test against std::string.
TEST(CompactString, DifferentialAgainstStdString) {
  std::mt19937 rng(7);
  auto rnd = [&](std::size_t lo, std::size_t hi) {
    return std::uniform_int_distribution<std::size_t>(lo, hi)(rng);
  };
  auto random_text = [&](std::size_t n) {
    std::string t;
    for (std::size_t i = 0; i < n; ++i)
      t.push_back(static_cast<char>('a' + rnd(0, 5)));
    return t;
  };
  compact_string s, other;
  std::string ref, ref_other;
  for (int step = 0; step < 40000; ++step) {
    const std::size_t sz = ref.size();
    const int op = static_cast<int>(rnd(0, 19));
    const std::string t = random_text(rnd(0, 30));
    switch (op) {
    case 0:
      s.append(t);
      ref.append(t);
      break;
    case 1: {
      std::size_t p = rnd(0, sz);
      s.insert(p, t);
      ref.insert(p, t);
      break;
    }
    case 2: {
      std::size_t p = rnd(0, sz), n = rnd(0, 10);
      s.erase(p, n);
      ref.erase(p, n);
      break;
    }
    case 3: {
      std::size_t p = rnd(0, sz), n = rnd(0, 10);
      s.replace(p, n, t);
      ref.replace(p, n, t);
      break;
    }
    case 4: {
      char c = static_cast<char>('a' + rnd(0, 5));
      s.push_back(c);
      ref.push_back(c);
      break;
    }
    case 5:
      if (sz) {
        s.pop_back();
        ref.pop_back();
      }
      break;
    case 6: {
      std::size_t n = rnd(0, 60);
      s.resize(n, 'r');
      ref.resize(n, 'r');
      break;
    }
    case 7:
      s.reserve(rnd(0, 80));
      break;
    case 8:
      s.shrink_to_fit();
      break;
    case 9:
      if (rnd(0, 9) == 0) {
        s.clear();
        ref.clear();
      }
      break;
    case 10:
      other = s;
      ref_other = ref;
      break;
    case 11:
      s.swap(other);
      ref.swap(ref_other);
      break;
    case 12:
      s = std::move(other);
      ref = std::move(ref_other);
      ref_other.clear();
      ASSERT_TRUE(other.empty());
      break;
    case 13:
      if (sz) { // self-referencing append/insert
        std::size_t p = rnd(0, sz - 1), n = rnd(0, sz - p);
        const std::string piece = ref.substr(p, n);
        s.append(s.data() + p, n);
        ref.append(piece);
        std::size_t q = rnd(0, ref.size() - n);
        s.insert(q, s.data() + p, n);
        ref.insert(q, piece);
      }
      break;
    case 14: {
      std::size_t p = rnd(0, sz);
      ASSERT_EQ(sv(s.substr(p, 7)), ref.substr(p, 7));
      break;
    }
    case 15:
      ASSERT_EQ(s.find(t.substr(0, 3)), ref.find(t.substr(0, 3)));
      ASSERT_EQ(s.rfind(t.substr(0, 2)), ref.rfind(t.substr(0, 2)));
      ASSERT_EQ(s.find_first_of(t), ref.find_first_of(t));
      ASSERT_EQ(s.find_last_not_of(t), ref.find_last_not_of(t));
      break;
    case 16: {
      std::size_t p = rnd(0, sz), n = rnd(0, 5), cnt = rnd(0, 30);
      char c = static_cast<char>('a' + rnd(0, 5));
      s.replace(p, n, cnt, c);
      ref.replace(p, n, cnt, c);
      break;
    }
    case 17:
      ASSERT_EQ(s.compare(t) < 0, ref.compare(t) < 0);
      ASSERT_EQ(s == t, ref == t);
      ASSERT_EQ(s < t, ref < t);
      break;
    case 18:
      s.assign(t);
      ref.assign(t);
      break;
    case 19: {
      compact_string c(s);
      s = std::move(c);
      break;
    }
    }
    ASSERT_EQ(sv(s), ref) << "step " << step << " op " << op;
    ASSERT_EQ(s.c_str()[s.size()], '\0');
    ASSERT_EQ(sv(other), ref_other) << "step " << step;
    ASSERT_LE(s.size(), s.capacity());
  }
}

TEST(CompactString, ReplaceFillMatchesStdString) {
  std::mt19937 rng(9);
  for (int i = 0; i < 2000; ++i) {
    std::string ref(rng() % 40, 'a');
    for (auto &ch : ref)
      ch = static_cast<char>('a' + rng() % 26);
    compact_string s(ref);
    const std::size_t p = rng() % (ref.size() + 1), n1 = rng() % 10,
                      n2 = rng() % 30;
    s.replace(p, n1, n2, '*');
    ref.replace(p, n1, n2, '*');
    ASSERT_EQ(sv(s), ref);
  }
}

} // namespace
