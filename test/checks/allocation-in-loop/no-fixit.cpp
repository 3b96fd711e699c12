// RUN: %check_clang_tidy %s memlint-allocation-in-loop %t

// Flagged, but the fixit is withheld; the note says why. The file must come
// out unchanged.

#include <cstdio>
#include <fstream>
#include <iomanip>
#include <memory>
#include <set>
#include <unordered_set>
#include <sstream>
#include <string>
#include <vector>

void sink(const std::string &);
void fillv(std::vector<int> &);
void report(std::ostream &);

void constDecl(int n) {
  for (int i = 0; i < n; ++i) {
    const std::vector<int> table{1, 2, 3};
    // CHECK-NOTES: :[[@LINE-1]]:28: warning: 'table' is allocated on every iteration
    // CHECK-NOTES: :[[@LINE-2]]:28: note: no fixit: it is const
    (void)table.size();
  }
}

int v;
void nameClash(int n, std::vector<int> &items) {
  for (int i = 0; i < n; ++i) {
    std::vector<int> v;
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: 'v' is allocated
    // CHECK-NOTES: :[[@LINE-2]]:22: note: no fixit: the name 'v' is also used in the enclosing block
    fillv(v);
  }
  ::v = 1;
  v = 2; // the global: a hoisted 'v' would capture this use
  {
    std::vector<int> later;
    fillv(later);
  }
  for (int i = 0; i < n; ++i) {
    std::vector<int> later;
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: 'later' is allocated
    // CHECK-NOTES: :[[@LINE-2]]:22: note: no fixit: the name 'later' is also used in the enclosing block
    fillv(later);
  }
  for (int cond = 0; cond < n; ++cond) {
  }
  int items2 = 0;
  for (int i : items) {
    std::vector<int> items2;
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: 'items2' is allocated
    // CHECK-NOTES: :[[@LINE-2]]:22: note: no fixit: the name 'items2' is also used in the enclosing block
    fillv(items2);
    (void)i;
  }
  (void)items2;
}

void declaredAfter(int n) {
  for (int i = 0; i < n; ++i) {
    std::string after;
    // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'after' is allocated
    // CHECK-NOTES: :[[@LINE-2]]:17: note: no fixit: the name 'after' is also used in the enclosing block
    after += "x";
    sink(after);
  }
  int after = 0; // would be a redefinition next to a hoisted 'after'
  (void)after;
}

void condName(const std::string &text) {
  {
    for (std::size_t i = 0; i < text.size(); ++i) {
      std::string text;
      // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'text' is allocated
      // CHECK-NOTES: :[[@LINE-2]]:19: note: no fixit: the name 'text' is also used in the enclosing block
      text += "x";
      sink(text);
    }
  }
}

void streamState(int n) {
  for (int i = 0; i < n; ++i) {
    std::ostringstream hexed;
    // CHECK-NOTES: :[[@LINE-1]]:24: warning: 'hexed' is allocated
    // CHECK-NOTES: :[[@LINE-2]]:24: note: no fixit: the loop changes the stream's formatting state, which reuse would carry over to the next iteration
    hexed << std::hex << i;
    sink(hexed.str());
  }
  for (int i = 0; i < n; ++i) {
    std::ostringstream precise;
    // CHECK-NOTES: :[[@LINE-1]]:24: warning: 'precise' is allocated
    // CHECK-NOTES: :[[@LINE-2]]:24: note: no fixit: the loop changes the stream's formatting state
    precise.precision(3);
    precise << 1.0 / 3;
    sink(precise.str());
  }
  for (int i = 0; i < n; ++i) {
    std::ostringstream filled;
    // CHECK-NOTES: :[[@LINE-1]]:24: warning: 'filled' is allocated
    // CHECK-NOTES: :[[@LINE-2]]:24: note: no fixit: the loop changes the stream's formatting state
    filled << std::setfill('0') << std::setw(4) << i;
    sink(filled.str());
  }
  for (int i = 0; i < n; ++i) {
    std::ostringstream thrower;
    // CHECK-NOTES: :[[@LINE-1]]:24: warning: 'thrower' is allocated
    // CHECK-NOTES: :[[@LINE-2]]:24: note: no fixit: the loop changes the stream's formatting state
    thrower.exceptions(std::ios::failbit);
    thrower.imbue(std::locale::classic());
    sink(thrower.str());
  }
  for (int i = 0; i < n; ++i) {
    std::ostringstream handedOver;
    // CHECK-NOTES: :[[@LINE-1]]:24: warning: 'handedOver' is allocated
    // CHECK-NOTES: :[[@LINE-2]]:24: note: no fixit: the loop changes the stream's formatting state
    report(handedOver); // may set flags: its body is not visible
    sink(handedOver.str());
  }
  for (int i = 0; i < n; ++i) {
    std::ostringstream withText("prefix");
    // CHECK-NOTES: :[[@LINE-1]]:24: warning: 'withText' is allocated
    // CHECK-NOTES: :[[@LINE-2]]:24: note: no fixit: it is constructed with arguments that a reset would not reproduce
    withText << i;
    sink(withText.str());
  }
}

#define DECLARE_BUFFER(name) std::vector<int> name
void macros(int n) {
  for (int i = 0; i < n; ++i) {
    DECLARE_BUFFER(buffer);
    // CHECK-NOTES: :[[@LINE-1]]:20: warning: 'buffer' is allocated
    // CHECK-NOTES: :[[@LINE-2]]:20: note: no fixit: it is in a macro
    fillv(buffer);
  }
}

void lambdaBody(int n) {
  for (int i = 0; i < n; ++i) {
    auto work = [] {
      std::vector<int> inLambda;
      // CHECK-NOTES: :[[@LINE-1]]:24: warning: 'inLambda' is allocated
      // CHECK-NOTES: :[[@LINE-2]]:24: note: no fixit: the loop body is in a different function (a lambda)
      fillv(inLambda);
    };
    work();
  }
}

template <class T> struct NoDefaultAlloc : std::allocator<T> {
  using value_type = T;
  explicit NoDefaultAlloc(int) {}
  template <class U> NoDefaultAlloc(const NoDefaultAlloc<U> &) {}
  template <class U> struct rebind { using other = NoDefaultAlloc<U>; };
};
struct ByLength {
  explicit ByLength(int) {}
  bool operator()(const std::string &A, const std::string &B) const {
    return A.size() < B.size();
  }
};
void notDefaultConstructible(int n) {
  for (int i = 0; i < n; ++i) {
    std::vector<int, NoDefaultAlloc<int>> custom(NoDefaultAlloc<int>(1));
    // CHECK-NOTES: :[[@LINE-1]]:43: warning: 'custom' is allocated
    // CHECK-NOTES: :[[@LINE-2]]:43: note: no fixit: it is constructed with an allocator
    custom.push_back(i);
  }
  for (int i = 0; i < n; ++i) {
    // Node-based: not flagged at all (reuse would save nothing).
    std::set<std::string, ByLength> ordered(ByLength(1));
    ordered.insert("x");
  }
  for (int i = 0; i < n; ++i) {
    std::unordered_set<int> buckets(64);
    // CHECK-NOTES: :[[@LINE-1]]:29: warning: 'buckets' is allocated
    // CHECK-NOTES: :[[@LINE-2]]:29: note: no fixit: a map or set has no assign() matching this constructor
    buckets.insert(i);
  }
}

struct Noisy {
  ~Noisy() { std::puts("destroyed"); }
};
struct HoldsNoisy {
  Noisy N;
};
void observableDestructors(int n) {
  for (int i = 0; i < n; ++i) {
    std::vector<Noisy> noisy(2);
    // CHECK-NOTES: :[[@LINE-1]]:24: warning: 'noisy' is allocated
    // CHECK-NOTES: :[[@LINE-2]]:24: note: no fixit: its elements' destructors would run at the next iteration instead of at the end of this one
    (void)noisy.size();
  }
  for (int i = 0; i < n; ++i) {
    std::vector<HoldsNoisy> indirect;
    // CHECK-NOTES: :[[@LINE-1]]:29: warning: 'indirect' is allocated
    // CHECK-NOTES: :[[@LINE-2]]:29: note: no fixit: its elements' destructors
    indirect.emplace_back();
  }
  for (int i = 0; i < n; ++i) {
    std::vector<std::ofstream> files;
    // CHECK-NOTES: :[[@LINE-1]]:32: warning: 'files' is allocated
    // CHECK-NOTES: :[[@LINE-2]]:32: note: no fixit: its elements' destructors
    files.emplace_back();
  }
}

void shapeOfTheCode(int n, bool flag) {
  for (int i = 0; i < n; ++i) {
    std::vector<int> a, b;
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: 'a' is allocated
    // CHECK-NOTES: :[[@LINE-2]]:22: note: no fixit: its declaration declares other variables
    // CHECK-NOTES: :[[@LINE-3]]:25: warning: 'b' is allocated
    // CHECK-NOTES: :[[@LINE-4]]:25: note: no fixit: its declaration declares other variables
    fillv(a);
    fillv(b);
  }
  if (flag)
    for (int i = 0; i < n; ++i) {
      std::vector<int> unbraced;
      // CHECK-NOTES: :[[@LINE-1]]:24: warning: 'unbraced' is allocated
      // CHECK-NOTES: :[[@LINE-2]]:24: note: no fixit: the loop is not a statement of a block
      fillv(unbraced);
    }
  for (int i = 0; i < n; ++i) {
    struct Local {
      int X;
    };
    std::vector<Local> locals;
    // CHECK-NOTES: :[[@LINE-1]]:24: warning: 'locals' is allocated
    // CHECK-NOTES: :[[@LINE-2]]:24: note: no fixit: its type is declared inside the loop
    locals.push_back({i});
  }
  for (int i = 0; i < n; ++i) {
    using Row = std::vector<int>;
    Row row;
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'row' is allocated
    // CHECK-NOTES: :[[@LINE-2]]:9: note: no fixit: its type is declared inside the loop
    fillv(row);
  }
}
