// RUN: %check_clang_tidy %s memlint-heap-fixed-buffer %t -- -- -std=c++20

// Every use that needs the heap type, or a size that changes, keeps the
// buffer on the heap: no warning anywhere in this file.

#include <coroutine>
#include <memory>
#include <utility>
#include <vector>

void takeVector(const std::vector<int> &);
void takeVectorByValue(std::vector<int>);
template <class T> void takeVectorOf(std::vector<T> &);
template <class C> void takeAnything(C &);
void takeIterator(std::vector<int>::iterator);
void takePtr(std::unique_ptr<int[]>);
int consume(int *);

void growth() {
  std::vector<int> a(4);
  a.push_back(1);
  std::vector<int> b(4);
  b.resize(8);
  std::vector<int> c(4);
  c.clear();
  std::vector<int> d(4);
  d.reserve(16);
  std::vector<int> e(4);
  e.shrink_to_fit();
  std::vector<int> f(4);
  f.insert(f.begin(), 1);
  std::vector<int> g(4);
  g.erase(g.begin());
  std::vector<int> h(4);
  h.assign(3, 1);
  std::vector<int> i(4);
  i = std::vector<int>(2);
  std::vector<int> j(4);
  j.emplace_back(2);
  std::vector<int> k(4);
  k.pop_back();
}

int observersThatDiffer() {
  std::vector<int> a(4);
  std::vector<int> b(4);
  return static_cast<int>(a.capacity() + b.max_size());
}

std::vector<int> escapes(std::vector<int> &Out) {
  std::vector<int> a(4);
  takeVector(a);
  std::vector<int> b(4);
  takeVectorByValue(b);
  std::vector<int> c(4);
  takeVectorOf(c);
  std::vector<int> d(4);
  takeAnything(d);
  std::vector<int> e(4);
  Out.swap(e);
  std::vector<int> f(4);
  std::swap(f, Out);
  std::vector<int> g(4);
  Out = std::move(g);
  std::vector<int> h(4);
  std::vector<int> Copy = h;
  std::vector<int> i(4);
  std::vector<int> *Addr = &i;
  std::vector<int> j(4);
  std::vector<int> &Ref = j;
  std::vector<int> k(4);
  bool Same = k == Out;
  std::vector<int> l(4);
  auto Lambda = [l] { return l.size(); };
  std::vector<int> m(4);
  std::vector<int>::iterator It = m.begin();
  std::vector<int> n(4);
  takeIterator(n.begin());
  std::vector<int> o(4);
  auto AutoIt = o.begin(); // the iterator's uses are not followed
  std::vector<int> p(4);
  decltype(p) Same2(3);
  (void)Copy; (void)Addr; (void)Ref; (void)Same; (void)Lambda; (void)It;
  (void)AutoIt; (void)Same2;
  std::vector<int> r(4);
  return r;
}

int uniquePtrUses(std::unique_ptr<int[]> &Out) {
  auto a = std::make_unique<int[]>(4);
  a.reset();
  auto b = std::make_unique<int[]>(4);
  int *Leak = b.release();
  auto c = std::make_unique<int[]>(4);
  Out = std::move(c);
  auto d = std::make_unique<int[]>(4);
  takePtr(std::move(d));
  auto e = std::make_unique<int[]>(4);
  int R = e ? 1 : 0;
  auto f = std::make_unique<int[]>(4);
  R += f == nullptr;
  std::unique_ptr<int[]> g(new int[4]);
  g.swap(Out);
  delete[] Leak;
  return R;
}

std::unique_ptr<int[]> returned() {
  auto a = std::make_unique<int[]>(4);
  return a;
}

void sizes(int Runtime) {
  std::vector<int> TooBig(2000);
  std::vector<int> NotConstant(Runtime);
  std::vector<int> Zero(0);
  std::vector<bool> Bits(64);
  std::vector<int> InitList{4};
  std::vector<int> Temporary = std::vector<int>(4);
  auto NotFixed = std::make_unique<int[]>(Runtime);
  std::unique_ptr<int[]> ListNew(new int[3]{1, 2, 3});
  std::vector<int> Two(2), Declarators(3);
  (void)TooBig; (void)NotConstant; (void)Zero; (void)Bits; (void)InitList;
  (void)Temporary; (void)NotFixed; (void)ListNew; (void)Two; (void)Declarators;
}

using Buffer = std::vector<int>;
int typedefSpelled() {
  Buffer b(4);
  return b[0];
}

struct Explicit {
  explicit Explicit() = default;
};
struct NoDefault {
  NoDefault(int) {}
};
void elementTypes() {
  std::vector<Explicit> a(2);
  std::vector<NoDefault> b(2, NoDefault(1));
  (void)a[0]; (void)b[0];
}

template <class T> int inTemplate() {
  std::vector<T> a(4);
  std::vector<int> b(4);
  return a[0] + b[0];
}
int useTemplate() { return inTemplate<int>(); }

struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
Task coroutine() {
  std::vector<int> a(4);
  a[0] = 1;
  co_return;
}

void nolint() {
  std::vector<int> a(4); // NOLINT(memlint-heap-fixed-buffer)
  (void)a[0];
}
