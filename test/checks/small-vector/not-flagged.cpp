// RUN: %check_clang_tidy %s memlint-small-vector %t

// Every use that needs std::vector itself, and every growth that is not
// bounded by a constant: no warning anywhere in this file.

#include <utility>
#include <vector>

void takeRef(std::vector<int> &);
void takeConstRef(const std::vector<int> &);
void takeValue(std::vector<int>);
template <class T> void deduce(const std::vector<T> &);
template <class C> void anything(const C &);
void takeIterator(std::vector<int>::const_iterator);
std::vector<int> Global;

void escapes(std::vector<int> &Out) {
  std::vector<int> a;
  a.push_back(1);
  takeRef(a);
  std::vector<int> b;
  b.push_back(1);
  takeConstRef(b);
  std::vector<int> c;
  c.push_back(1);
  takeValue(c);
  std::vector<int> d;
  d.push_back(1);
  deduce(d);
  std::vector<int> e;
  e.push_back(1);
  anything(e);
  std::vector<int> f;
  f.push_back(1);
  Out = f;
  std::vector<int> g;
  g.push_back(1);
  g = Out;
  std::vector<int> h;
  h.push_back(1);
  std::vector<int> &Ref = h;
  std::vector<int> i;
  i.push_back(1);
  bool Same = i == Out;
  std::vector<int> j;
  j.push_back(1);
  Out.swap(j);
  std::vector<int> k;
  k.push_back(1);
  std::swap(k, Global);
  std::vector<int> l;
  l.push_back(1);
  Global = std::move(l);
  std::vector<int> m;
  m.push_back(1);
  std::vector<int> *Addr = &m;
  std::vector<int> n;
  n.push_back(1);
  auto Copy = n; // would become a small_vector too: not followed
  std::vector<int> o;
  o.push_back(1);
  takeIterator(o.begin());
  std::vector<int> p;
  p.push_back(1);
  std::vector<int>::iterator It = p.begin();
  std::vector<int> q;
  q.push_back(1);
  auto Lambda = [q] { return q.size(); };
  std::vector<int> r;
  r.push_back(1);
  std::size_t Cap = r.capacity();
  (void)Ref; (void)Same; (void)Addr; (void)Copy; (void)It; (void)Lambda;
  (void)Cap;
}

std::vector<int> returned() {
  std::vector<int> a;
  a.push_back(1);
  return a;
}

void unboundedGrowth(int N, const std::vector<int> &In) {
  std::vector<int> a;
  for (int i = 0; i < N; ++i)
    a.push_back(i);
  std::vector<int> b;
  while (b.size() < 3)
    b.push_back(1);
  std::vector<int> c;
  for (int x : In)
    c.push_back(x);
  std::vector<int> d;
  d.insert(d.end(), 1);
  std::vector<int> e;
  e.resize(2);
  std::vector<int> f;
  f.assign(2, 1);
  std::vector<int> g;
  g = {1, 2};
  std::vector<int> h;
  h.emplace(h.end(), 1);
  std::vector<int> i;
  auto Add = [&] { i.push_back(1); };
  Add();
  std::vector<int> j;
  for (int k = 0; k < 3; ++k) {
    j.push_back(k);
    k += 0;
  }
  std::vector<int> k;
  do {
    k.push_back(1);
  } while (false);
  std::vector<int> l(In.begin(), In.end());
  l.push_back(1);
  std::vector<int> m(3);
  m.push_back(1);
  std::vector<int> n;
  for (std::vector<int> o; o.size() < 2;) // for-init: survives iterations
    o.push_back(1);
}

void withGoto() {
  std::vector<int> a;
again:
  a.push_back(1);
  if (a.size() < 10)
    goto again;
}

void limits() {
  std::vector<int> TooMany;
  for (int i = 0; i < 17; ++i)
    TooMany.push_back(i);
  struct Big {
    char Bytes[100];
  };
  std::vector<Big> TooBig;
  TooBig.push_back({});
  TooBig.push_back({});
  TooBig.push_back({});
  std::vector<bool> Bits;
  Bits.push_back(true);
  std::vector<int> Empty;
  (void)Empty.size();
}

using IntVec = std::vector<int>;
IntVec alias(IntVec In) {
  IntVec a;
  a.push_back(1);
  In.push_back(a[0]);
  return In;
}

template <class T> T inTemplate() {
  std::vector<T> a;
  a.push_back(T());
  std::vector<int> b;
  b.push_back(1);
  return a[0] + b[0];
}
int useTemplate() { return inTemplate<int>(); }

void nolint() {
  std::vector<int> a; // NOLINT(memlint-small-vector)
  a.push_back(1);
}
