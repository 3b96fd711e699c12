// RUN: %check_clang_tidy %s memlint-missing-reserve %t

// Every "not flagged" rule of the check: this file must produce no warning
// and stay unchanged.

#include <cstdlib>
#include <deque>
#include <list>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

void use(const std::vector<int> &);
bool keep(int);
[[noreturn]] void fail();
std::vector<int> &global();

// Conditional growth (FlagConditionalGrowth is off by default).
void conditional(const std::vector<int> &in) {
  std::vector<int> out;
  for (int x : in)
    if (keep(x))
      out.push_back(x);
  std::vector<int> out2;
  for (int x : in) {
    if (x < 0)
      continue;
    out2.push_back(x);
  }
  std::vector<int> out3;
  for (int x : in)
    x > 0 ? out3.push_back(x) : void();
  use(out);
  use(out2);
  use(out3);
}

// Loops that can exit early.
int early(const std::vector<int> &in) {
  std::vector<int> a, b, c, d, e;
  for (int x : in) {
    a.push_back(x);
    if (x == 0)
      break;
  }
  for (int x : in) {
    b.push_back(x);
    if (x == 1)
      return 1;
  }
  for (int x : in) {
    if (x == 2)
      throw std::runtime_error("two");
    c.push_back(x);
  }
  for (int x : in) {
    if (x == 3)
      fail();
    d.push_back(x);
  }
  for (int x : in) {
    if (x == 4)
      std::exit(4);
    e.push_back(x);
  }
  for (int x : in) {
    if (x == 5)
      goto done;
    e.push_back(x);
  }
done:
  use(a), use(b), use(c), use(d), use(e);
  return 0;
}

// A break of an inner loop or switch does not end the outer loop early, but
// a while loop inside makes the count unknown.
void innerBreak(const std::vector<int> &in) {
  std::vector<int> out;
  for (int x : in) {
    while (x > 10) {
      out.push_back(x);
      x /= 2;
    }
  }
  use(out);
}

// Bounds that change inside the loop.
void changingBound(int n) {
  std::vector<int> a, b;
  for (int i = 0; i < n; ++i) {
    a.push_back(i);
    if (i == 3)
      --n;
  }
  for (int i = 0; i < n; ++i) {
    b.push_back(i);
    ++i;
  }
  use(a), use(b);
}

// The grown container is resized, reserved, cleared, swapped, erased from or
// moved in the loop.
void mutated(const std::vector<int> &in) {
  std::vector<int> a, b, c, d, e, f, g;
  std::vector<int> other;
  for (int x : in) { a.push_back(x); if (a.size() > 8) a.clear(); }
  for (int x : in) { b.push_back(x); b.resize(b.size()); }
  for (int x : in) { c.push_back(x); c.swap(other); }
  for (int x : in) { d.push_back(x); d.erase(d.begin()); }
  for (int x : in) { e.push_back(x); other = std::move(e); }
  for (int x : in) { f.push_back(x); f.pop_back(); }
  for (int x : in) { g.push_back(x); std::swap(g, other); }
  use(a), use(b), use(c), use(d), use(e), use(f), use(g);
}

// Reserved or resized before the loop.
void sized(const std::vector<int> &in) {
  std::vector<int> a, b;
  a.reserve(in.size());
  for (int x : in)
    a.push_back(x);
  b.resize(2);
  for (int x : in)
    b.push_back(x);
  use(a), use(b);
}

// Containers without reserve.
void noReserve(const std::vector<int> &in) {
  std::map<int, int> m;
  std::set<int> s;
  std::list<int> l;
  std::deque<int> d;
  for (int x : in) {
    m[x] = x;
    s.insert(x);
    l.push_back(x);
    d.push_back(x);
  }
}

// While and do loops whose count is unknown.
void whileLoops(int n) {
  std::vector<int> a, b;
  int i = 0;
  while (i < n)
    a.push_back(i++);
  do
    b.push_back(n);
  while (--n > 0);
  use(a), use(b);
}

// Fewer than MinIterations (2) known iterations.
void tiny() {
  std::vector<int> a;
  for (int i = 0; i < 1; ++i)
    a.push_back(i);
  for (int x : {7})
    a.push_back(x);
  use(a);
}

// Iterating over the container being grown.
void selfGrow(std::vector<int> &v) {
  for (std::size_t i = 0; i < v.size(); ++i)
    if (v[i] > 100)
      v.push_back(v[i] / 2);
}

// Range-for over the container being grown.
void selfRange(std::vector<int> &v) {
  for (int x : v)
    v.push_back(x);
}

// The container declared inside the loop: allocation-in-loop's domain.
void declaredInside(int n) {
  for (int k = 0; k < n; ++k) {
    std::vector<int> tmp;
    tmp.push_back(k);
    use(tmp);
  }
}

// Growth inside a lambda inside the loop.
void inLambda(const std::vector<int> &in) {
  std::vector<int> out;
  for (int x : in) {
    auto add = [&out](int y) { out.push_back(y); };
    add(x);
  }
  use(out);
}

// unordered_map::operator[] with the same key every iteration is not growth.
void sameKey(const std::vector<int> &in) {
  std::unordered_map<int, int> counts;
  for (int x : in)
    counts[0] += x;
  std::unordered_map<std::string, int> m;
  for (int i = 0; i < 10; ++i)
    m.insert({"same", i});
}

// Range insertions, unknown element counts.
void rangeInsert(const std::vector<std::vector<int>> &rows) {
  std::vector<int> flat;
  for (const auto &r : rows)
    flat.insert(flat.end(), r.begin(), r.end());
  use(flat);
  std::string s;
  for (int i = 0; i < 4; ++i)
    s += "ab";
}

// Triangular nested loops: the inner bound depends on the outer variable.
void triangle(int n) {
  std::vector<int> out;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < i; ++j)
      out.push_back(i * j);
  use(out);
}

// The vector reaches the loop through a function call, a global, a pointer.
void indirect(std::vector<int> *p, int n) {
  for (int i = 0; i < n; ++i)
    global().push_back(i);
  for (int i = 0; i < n; ++i)
    p->push_back(i);
}

// Passed by non-const reference inside the loop: anything may happen to it.
void fill(std::vector<int> &);
void escapes(int n) {
  std::vector<int> out;
  for (int i = 0; i < n; ++i) {
    out.push_back(i);
    fill(out);
  }
  use(out);
}

// A loop inside an unknown outer loop: a reserve there would be the problem
// the check also reports (a reserve per iteration).
void unknownOuter(int n, int m) {
  std::vector<int> out;
  while (m-- > 0)
    for (int i = 0; i < n; ++i)
      out.push_back(i);
  use(out);
}

// Floating-point counters.
void floating() {
  std::vector<double> out;
  for (double d = 0; d < 10; d += 1)
    out.push_back(d);
}

// Bounds read through a pointer or an array element may change in the loop.
void throughPointer(int *count, int sizes[], std::vector<int> &out) {
  std::vector<int> a, b;
  for (int i = 0; i < *count; ++i) {
    a.push_back(i);
    if (i == 2)
      --*count;
  }
  for (int i = 0; i < sizes[0]; ++i) {
    b.push_back(i);
    sizes[0] = 1;
  }
  use(a), use(b);
}

// Bounds in fields, modified by a member function called in the loop.
struct Counter {
  int N = 3;
  std::vector<int> Out;
  void shrink() { --N; }
  void run() {
    std::vector<int> local;
    for (int i = 0; i < N; ++i) {
      local.push_back(i);
      shrink();
    }
    use(local);
  }
};
