// RUN: %check_clang_tidy -run-fixed %s memlint-missing-reserve %t \
// RUN:   -- -config="{CheckOptions: {memlint-missing-reserve.MinIterations: 2}}"
// Small constant trip counts keep their spelling under test: MinIterations 2
// (the default before 16).

#include <cstdio>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

// Vector-like classes of the default VectorLikeClasses: growth functions
// may be inherited, as in LLVM's SmallVector.
namespace llvm {
template <typename T> class SmallVectorImpl {
public:
  void push_back(const T &X) { V.push_back(X); }
  void reserve(std::size_t N) { V.reserve(N); }
  std::size_t size() const { return V.size(); }
  const T *begin() const { return V.data(); }
  const T *end() const { return V.data() + V.size(); }
private:
  std::vector<T> V;
};
template <typename T, unsigned N> class SmallVector : public SmallVectorImpl<T> {};
} // namespace llvm

// Single-char appends to a string.
std::string hex(const std::vector<unsigned char> &bytes) {
  static const char Digits[] = "0123456789abcdef";
  std::string s;
  for (unsigned char b : bytes)
    s.push_back(Digits[b & 15]);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 's' grows by 'push_back' on every iteration of a loop with a known trip count, reallocating and copying its characters repeatedly; reserve its capacity before the loop [memlint-missing-reserve]
  // CHECK-FIXES: {{^}}  s.reserve(bytes.size());{{$}}
  std::string t;
  for (unsigned char b : bytes)
    t += Digits[b >> 4];
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 't' grows by 'operator+='
  // CHECK-FIXES: {{^}}  t.reserve(bytes.size());{{$}}
  std::string u;
  for (std::size_t i = 0; i < bytes.size(); ++i)
    u.append(1, 'x');
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'u' grows by 'append'
  // CHECK-FIXES: {{^}}  u.reserve(bytes.size());{{$}}
  return s + t + u;
}

// Hash containers: insert, emplace, try_emplace, operator[] with a key that
// changes every iteration.
int hashes(const std::vector<std::string> &names) {
  std::unordered_map<std::string, int> index;
  for (std::size_t i = 0; i < names.size(); ++i)
    index[names[i]] = static_cast<int>(i);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'index' grows by 'operator[]' on every iteration of a loop with a known trip count, rehashing it repeatedly; reserve its capacity before the loop [memlint-missing-reserve]
  // CHECK-FIXES: {{^}}  index.reserve(names.size());{{$}}
  std::unordered_set<std::string> seen;
  for (const std::string &n : names)
    seen.insert(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'seen' grows by 'insert'
  // CHECK-FIXES: {{^}}  seen.reserve(names.size());{{$}}
  std::unordered_map<std::string, std::size_t> lengths;
  for (const std::string &n : names)
    lengths.try_emplace(n, n.size());
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'lengths' grows by 'try_emplace'
  // CHECK-FIXES: {{^}}  lengths.reserve(names.size());{{$}}
  std::unordered_multimap<int, int> multi;
  for (int i = 0; i < 6; ++i)
    multi.emplace(i % 3, i);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'multi' grows by 'emplace'
  // CHECK-FIXES: {{^}}  multi.reserve(6);{{$}}
  return static_cast<int>(index.size() + seen.size() + lengths.size() + multi.size());
}

// Single-element insert and emplace on a vector.
std::vector<int> fronts(const std::vector<int> &in) {
  std::vector<int> out;
  for (int x : in)
    out.insert(out.begin(), x);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'out' grows by 'insert'
  // CHECK-FIXES: {{^}}  out.reserve(in.size());{{$}}
  std::vector<int> out2;
  for (int x : in)
    out2.emplace(out2.end(), x);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'out2' grows by 'emplace'
  // CHECK-FIXES: {{^}}  out2.reserve(in.size());{{$}}
  out.insert(out.end(), out2.begin(), out2.end());
  return out;
}

// A parameter and a member may already hold elements: reserve on top.
void appendTo(std::vector<int> &dst, const std::vector<int> &src) {
  for (int x : src)
    dst.push_back(x + 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'dst' grows by 'push_back'
  // CHECK-FIXES: {{^}}  dst.reserve(dst.size() + src.size());{{$}}
}

struct Log {
  std::vector<std::string> Lines;
  void addAll(const std::vector<std::string> &more) {
    for (const auto &l : more)
      Lines.push_back(l);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'Lines' grows by 'push_back'
    // CHECK-FIXES: {{^}}    Lines.reserve(Lines.size() + more.size());{{$}}
  }
  void addNumbered(int n) {
    for (int i = 0; i < n; ++i)
      this->Lines.push_back(std::to_string(i));
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'Lines' grows by 'push_back'
    // CHECK-FIXES: {{^}}    if (n > 0) this->Lines.reserve(this->Lines.size() + n);{{$}}
  }
};

// Already holds elements: earlier growth before the loop.
std::vector<int> withHeader(const std::vector<int> &in) {
  std::vector<int> out;
  out.push_back(-1);
  for (int x : in)
    out.push_back(x);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'out' grows by 'push_back'
  // CHECK-FIXES: {{^}}  out.reserve(out.size() + in.size());{{$}}
  return out;
}

// Several containers grown in one loop: one reserve each, all before it.
void split(const std::vector<int> &in, std::vector<int> &evens) {
  std::vector<int> halves;
  std::vector<int> squares;
  for (int x : in) {
    halves.push_back(x / 2);
    squares.push_back(x * x);
  }
  // CHECK-MESSAGES: :[[@LINE-3]]:5: warning: 'halves' grows by 'push_back'
  // CHECK-MESSAGES: :[[@LINE-3]]:5: warning: 'squares' grows by 'push_back'
  // CHECK-FIXES: {{^}}  halves.reserve(in.size());{{$}}
  // CHECK-FIXES-NEXT: {{^}}  squares.reserve(in.size());{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (int x : in) {{{$}}
  for (int h : halves)
    evens.push_back(h * 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'evens' grows by 'push_back'
  // CHECK-FIXES: {{^}}  evens.reserve(evens.size() + halves.size());{{$}}
  evens.push_back(static_cast<int>(squares.size()));
}

// A vector-like class from VectorLikeClasses, growth inherited from a base.
int small(const std::vector<int> &in) {
  llvm::SmallVector<int, 4> sv;
  for (int x : in)
    sv.push_back(x);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'sv' grows by 'push_back'
  // CHECK-FIXES: {{^}}  sv.reserve(in.size());{{$}}
  int sum = 0;
  for (int x : sv)
    sum += x;
  return sum;
}

int main() {
  std::vector<unsigned char> bytes = {0x12, 0xab, 0xff};
  std::printf("%s\n", hex(bytes).c_str());
  std::printf("%d\n", hashes({"a", "bb", "a", "ccc"}));
  for (int x : fronts({1, 2, 3}))
    std::printf("%d ", x);
  std::vector<int> dst = {9};
  appendTo(dst, {1, 2});
  Log log;
  log.addAll({"x", "y"});
  log.addNumbered(3);
  log.addNumbered(-2);
  std::printf("%zu %zu\n", dst.size(), log.Lines.size());
  for (int x : withHeader({4, 5}))
    std::printf("%d ", x);
  std::vector<int> evens;
  split({1, 2, 3, 4}, evens);
  for (int x : evens)
    std::printf("%d ", x);
  std::printf("%d\n", small({5, 6, 7}));
}
