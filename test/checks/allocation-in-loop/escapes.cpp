// RUN: %check_clang_tidy %s memlint-allocation-in-loop %t

// Objects that outlive the iteration, and declarations that are not locals of
// a loop body: none of these may be flagged.

#include <functional>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

struct Row {
  explicit Row(const std::vector<int> &Cells);
  std::vector<int> Cells;
};
void byValue(std::vector<int> V);
void byRvalue(std::vector<int> &&V);
void keepPointer(std::vector<int> *V);
int next();

std::vector<std::vector<int>> moves(int n) {
  std::vector<std::vector<int>> all;
  for (int i = 0; i < n; ++i) {
    std::vector<int> moved;
    moved.push_back(i);
    all.push_back(std::move(moved));
  }
  for (int i = 0; i < n; ++i) {
    std::vector<int> usedAfterMove;
    all.emplace_back(std::move(usedAfterMove));
    usedAfterMove.push_back(1);
  }
  for (int i = 0; i < n; ++i) {
    std::vector<int> forwarded;
    byRvalue(std::forward<std::vector<int>>(forwarded));
  }
  for (int i = 0; i < n; ++i) {
    std::vector<int> rvalueParam;
    byRvalue(static_cast<std::vector<int> &&>(rvalueParam));
  }
  return all;
}

std::vector<int> returned() {
  while (next()) {
    std::vector<int> result;
    result.push_back(1);
    if (result.size() > 1)
      return result;
  }
  return {};
}

void copiesAndStores(int n) {
  std::vector<std::vector<int>> rows;
  std::map<int, std::vector<int>> byKey;
  std::vector<int> last;
  std::vector<Row> objects;
  for (int i = 0; i < n; ++i) {
    std::vector<int> pushed;
    rows.push_back(pushed);
  }
  for (int i = 0; i < n; ++i) {
    std::vector<int> inserted;
    byKey.insert({i, inserted});
  }
  for (int i = 0; i < n; ++i) {
    std::vector<int> emplaced;
    byKey.emplace(i, emplaced);
  }
  for (int i = 0; i < n; ++i) {
    std::vector<int> assigned;
    last = assigned;
  }
  for (int i = 0; i < n; ++i) {
    std::vector<int> passedByValue;
    byValue(passedByValue);
  }
  for (int i = 0; i < n; ++i) {
    std::vector<int> constructedFrom;
    objects.emplace_back(constructedFrom);
  }
  for (int i = 0; i < n; ++i) {
    std::vector<int> toCtor;
    Row r(toCtor);
  }
  for (int i = 0; i < n; ++i) {
    std::vector<int> inPair;
    auto p = std::make_pair(inPair, i);
  }
}

void addresses(int n) {
  std::vector<std::vector<int> *> ptrs;
  std::vector<std::reference_wrapper<std::vector<int>>> refs;
  for (int i = 0; i < n; ++i) {
    std::vector<int> pointedTo;
    ptrs.push_back(&pointedTo);
  }
  for (int i = 0; i < n; ++i) {
    std::vector<int> addressOf;
    keepPointer(std::addressof(addressOf));
  }
  for (int i = 0; i < n; ++i) {
    std::vector<int> wrapped;
    refs.push_back(std::ref(wrapped));
  }
  std::vector<int> *outer = nullptr;
  for (int i = 0; i < n; ++i) {
    std::vector<int> aliased;
    std::vector<int> &alias = aliased;
    outer = &alias;
  }
  (void)outer;
}

void swaps(int n) {
  std::vector<int> keep;
  std::string text;
  for (int i = 0; i < n; ++i) {
    std::vector<int> swappedAway;
    swappedAway.swap(keep);
  }
  for (int i = 0; i < n; ++i) {
    std::vector<int> swappedIn;
    keep.swap(swappedIn);
  }
  for (int i = 0; i < n; ++i) {
    std::string stdSwapped;
    std::swap(stdSwapped, text);
  }
  for (int i = 0; i < n; ++i) {
    std::vector<int> exchanged;
    keep = std::exchange(exchanged, {});
  }
}

void lambdas(int n) {
  std::vector<std::function<void()>> callbacks;
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i) {
    std::vector<int> capturedByRef;
    callbacks.push_back([&capturedByRef] { capturedByRef.push_back(1); });
  }
  for (int i = 0; i < n; ++i) {
    std::vector<int> capturedByCopy;
    callbacks.push_back([capturedByCopy] { (void)capturedByCopy.size(); });
  }
  for (int i = 0; i < n; ++i) {
    std::vector<int> inStdFunction;
    std::function<void()> f = [&] { inStdFunction.push_back(1); };
    f();
  }
  for (int i = 0; i < n; ++i) {
    std::vector<int> namedLambdaStored;
    auto f = [&] { namedLambdaStored.push_back(1); };
    callbacks.push_back(f);
  }
}

void notLocalsOfABody(std::vector<std::string> &names) {
  for (int i = 0; i < 3; ++i) {
    static std::vector<int> persistent;
    persistent.push_back(i);
    thread_local std::string perThread;
    perThread += "x";
  }
  // Loop variables and conditions.
  for (std::string name : names)
    name += "x";
  for (std::vector<int> v; v.size() < 3;)
    v.push_back(1);
  int rounds = 0;
  while (std::ostringstream os = std::ostringstream()) {
    os << "x";
    if (++rounds > 2)
      break;
  }
  int k = 0;
  while (k++ < 3) {
    // Structured bindings, references, pointers.
    auto [first, second] = std::pair<std::vector<int>, std::string>();
    first.push_back(1);
    second += "x";
    std::vector<int> &ref = names.empty() ? first : first;
    ref.push_back(2);
    if (std::string s = names.front(); !s.empty())
      (void)s;
  }
  // Not in a loop.
  std::vector<int> once;
  once.push_back(1);
}

void noAllocationHere(std::vector<std::string> &names) {
  for (int i = 0; i < 3; ++i) {
    // A literal that fits the small-string buffer never allocates.
    std::string shortLiteral = "ab";
    std::string shortDirect("fifteen chars!!");
    std::string shortBraced{"abc"};
    // The allocation happens in the callee: reusing would not save it.
    std::string fromCall = std::to_string(i);
    auto copyReturned = std::string(names.front()) + "x";
    std::vector<std::string> movedIn = std::move(names);
    names.push_back(shortLiteral + shortDirect + shortBraced + fromCall +
                    copyReturned);
    (void)movedIn;
  }
}

void catchVariables() {
  for (int i = 0; i < 3; ++i) {
    try {
      throw std::string("x");
    } catch (std::string caught) {
      caught += "y";
    }
  }
}

void thrown() {
  for (int i = 0; i < 3; ++i) {
    std::string message;
    message += "bad";
    if (i == 2)
      throw message;
  }
}

// Found on ninja-build: none of these allocates on every iteration.
void onceOnly(int N) {
  do {
    std::vector<const char *> Command; // runs once: not a loop
    Command.push_back("ninja");
    (void)N;
  } while (false);
}
void shortChoices(int N) {
  for (int I = 0; I < N; ++I) {
    std::string Base(I < 2 ? "out" : "outb"); // both fit the inline buffer
    (void)Base.size();
  }
}
void unused(int N) {
  for (int I = 0; I < N; ++I) {
    std::string Err; // never used: default construction allocates nothing
  }
}
