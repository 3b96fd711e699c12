// RUN: %check_clang_tidy -run-fixed %s memlint-missing-reserve %t

// A size() bound is trusted when nothing in the loop can change the size of
// its container: reading or writing elements through size-preserving members
// (operator[], at, front, back, begin, end, data, ...) is fine; growing it,
// passing it by non-const reference, calling a non-const member function of
// the class, or handing `this` to code that may modify it is not.

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

struct Slice {
  Slice(const std::string &S) : Size(S.size()) {}
  std::size_t Size;
};

class Bloom;
std::size_t describe(const Bloom &B);
void reset(Bloom *B);
void visit(Bloom &B);
void normalize(std::vector<std::string> &Keys) {
  if (!Keys.empty() && Keys.back().empty())
    Keys.pop_back();
}

class Bloom {
  std::vector<std::string> keys_;
  std::vector<int> counts_ = {3, 1};

public:
  Bloom() : keys_{"a", "bb", "ccc", ""} {}
  void Add(const std::string &K) { keys_.push_back(K); }
  void Prune() {
    if (keys_.size() > 3)
      keys_.pop_back();
  }
  std::size_t Total() const { return keys_.size(); }

  // leveldb's util/bloom_test.cc: keys_ is a non-const member read through
  // its non-const operator[] in a non-const member function.
  std::size_t Build() {
    std::vector<Slice> key_slices;
    for (size_t i = 0; i < keys_.size(); i++) {
      key_slices.push_back(Slice(keys_[i]));
    }
    // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'key_slices' grows by 'push_back' on every iteration of a loop with a known trip count, reallocating and moving its elements repeatedly; reserve its capacity before the loop [memlint-missing-reserve]
    // CHECK-FIXES: {{^}}    key_slices.reserve(keys_.size());{{$}}
    // CHECK-FIXES-NEXT: {{^}}    for (size_t i = 0; i < keys_.size(); i++) {{{$}}
    std::size_t Sum = 0;
    for (const Slice &S : key_slices)
      Sum += S.Size;
    return Sum;
  }

  // Elements written through at(), iterators, front/back/data, a const
  // member of the class, *this by const reference, this->keys_.
  std::vector<std::size_t> Reads() {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < this->keys_.size(); ++i) {
      keys_.at(i) += "!";
      std::size_t Ones = std::count(keys_.begin(), keys_.end(), "a!");
      out.push_back(keys_[i].size() + keys_.front().size() +
                    keys_.back().size() + (keys_.data() != nullptr) + Ones +
                    Total() + describe(*this));
    }
    // CHECK-MESSAGES: :[[@LINE-4]]:7: warning: 'out' grows by 'push_back'
    // CHECK-FIXES: {{^}}    out.reserve(this->keys_.size());{{$}}
    return out;
  }

  // Must stay silent: the bound's container may change size in the loop.
  std::size_t Changes() {
    std::vector<int> a, b, c, d, e, f, g, h;
    for (std::size_t i = 0; i < keys_.size(); ++i) {
      a.push_back(1);
      Prune(); // a non-const member function of the class
    }
    for (std::size_t i = 0; i < keys_.size(); ++i) {
      b.push_back(2);
      if (i == 0 && keys_.size() < 6)
        keys_.push_back("grown");
    }
    for (std::size_t i = 0; i < keys_.size(); ++i) {
      c.push_back(3);
      normalize(keys_); // by non-const reference
    }
    for (std::size_t i = 0; i < keys_.size(); ++i) {
      d.push_back(4);
      reset(this); // `this` to a pointer to non-const
    }
    for (std::size_t i = 0; i < keys_.size(); ++i) {
      e.push_back(5);
      visit(*this); // `*this` to a non-const reference
    }
    for (std::size_t i = 0; i < keys_.size(); ++i) {
      f.push_back(6);
      std::vector<std::string> &alias = keys_;
      if (i == 0)
        alias.push_back("aliased");
    }
    // Not a size: front() changes with the element it reads.
    for (int i = 0; i < counts_.front(); ++i) {
      g.push_back(7);
      counts_[0] = 1;
    }
    for (std::size_t i = 0; i < keys_.size(); ++i) {
      h.push_back(8);
      auto More = [this] { Add("lambda"); };
      if (i == 0 && keys_.size() < 8)
        More();
    }
    return a.size() + b.size() + c.size() + d.size() + e.size() + f.size() +
           g.size() + h.size();
  }
};

std::size_t describe(const Bloom &B) { return B.Total(); }
void reset(Bloom *B) { B->Prune(); }
void visit(Bloom &B) { B.Prune(); }

// A local (by-value parameter) read through non-const operator[]: reported.
std::vector<Slice> byValue(std::vector<std::string> keys) {
  std::vector<Slice> key_slices;
  for (size_t i = 0; i < keys.size(); i++) {
    keys[i] += "?";
    key_slices.push_back(Slice(keys[i]));
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'key_slices' grows by 'push_back'
  // CHECK-FIXES: {{^}}  key_slices.reserve(keys.size());{{$}}
  return key_slices;
}

// Must stay silent: the local bound's container is passed by non-const
// reference.
std::vector<int> byReference(std::vector<std::string> keys) {
  std::vector<int> out;
  for (size_t i = 0; i < keys.size(); i++) {
    out.push_back(static_cast<int>(keys[i].size()));
    normalize(keys);
  }
  return out;
}

// Must stay silent: only size-like calls (size, length, empty) read just
// the size; first() reads an element that operator[] changes.
struct Pair {
  int Items[2] = {4, 0};
  int first() const { return Items[0]; }
  int &operator[](std::size_t I) { return Items[I]; }
};
std::vector<int> byElement(Pair p) {
  std::vector<int> out;
  for (int i = 0; i < p.first(); ++i) {
    out.push_back(i);
    p[0] = 2;
  }
  return out;
}

int main() {
  Bloom B;
  std::size_t Sum = B.Build();
  for (std::size_t X : B.Reads())
    Sum += X;
  Sum += B.Changes();
  for (const Slice &S : byValue({"x", "yy"}))
    Sum += S.Size;
  for (int X : byReference({"p", "q", ""}))
    Sum += static_cast<std::size_t>(X);
  for (int X : byElement(Pair()))
    Sum += static_cast<std::size_t>(X);
  std::printf("%zu\n", Sum);
}
