// RUN: %check_clang_tidy %s memlint-copy-at-last-use %t

#include <string>
#include <utility>
#include <vector>

// Every instantiation copies an expensive type: reported once, at the
// template.
template <class T> void append(std::vector<T> &Out, T Value) {
  Out.push_back(Value);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'Value' is copied into 'push_back' at its last use (copying a std::string allocates past the small-string buffer); move it instead [memlint-copy-at-last-use]
  // CHECK-FIXES: Out.push_back(std::move(Value));
}

// One instantiation copies an int: moving it is harmless, so the template
// is still reported.
template <class T> void appendAny(std::vector<T> &Out, T Value) {
  Out.push_back(Value);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'Value' is copied into 'push_back' at its last use
  // CHECK-FIXES: Out.push_back(std::move(Value));
}

// Non-dependent code in a template: one report, not one per instantiation.
template <int N> void fixed(std::vector<std::string> &Out) {
  std::string S(N, 'x');
  Out.push_back(S);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'S' is copied into 'push_back' at its last use
  // CHECK-FIXES: Out.push_back(std::move(S));
}

// Instantiations differ: for one the argument binds to a non-const
// reference, where std::move would not compile. Not reported.
struct Sink {
  std::vector<std::string> Items;
  void push_back(std::string &S) { Items.push_back(S); }
};

template <class C> void store(C &Out, std::string Value) {
  Out.push_back(Value);
}

// Instantiations differ: one reads the value after the first copy. The
// second copy exists only where `Again` holds, and is the last use there.
template <bool Again> void maybeAgain(std::vector<std::string> &Out,
                                      std::string Value) {
  Out.push_back(Value);
  // CHECK-FIXES: Out.push_back(Value);
  if constexpr (Again)
    Out.push_back(Value);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'Value' is copied into 'push_back' at its last use
  // CHECK-FIXES: Out.push_back(std::move(Value));
}

// Never instantiated: not analysed.
template <class T> void unused(std::vector<T> &Out, T Value) {
  Out.push_back(Value);
}

void use() {
  std::vector<std::string> Strings;
  append(Strings, std::string("a"));
  std::vector<std::vector<int>> Vectors;
  append(Vectors, std::vector<int>{1, 2});
  appendAny(Strings, std::string("b"));
  std::vector<int> Ints;
  appendAny(Ints, 3);
  fixed<1>(Strings);
  fixed<2>(Strings);
  Sink S;
  store(Strings, "x");
  store(S, "y");
  maybeAgain<true>(Strings, "c");
  maybeAgain<false>(Strings, "d");
}
