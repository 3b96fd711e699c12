// RUN: %check_clang_tidy %s memlint-missing-reserve %t

#include <list>
#include <string>
#include <vector>

// A non-dependent container in a template: fixed once, in the template.
template <typename T> std::vector<int> lengths(const std::vector<T> &in, int n) {
  std::vector<int> out;
  for (int i = 0; i < n; ++i)
    out.push_back(static_cast<int>(in.size()) + i);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'out' grows by 'push_back'
  // CHECK-FIXES: {{^}}  if (n > 0) out.reserve(n);{{$}}
  return out;
}

// A dependent container: reported once (not once per instantiation), and not
// fixed, since another instantiation could be a container without reserve.
template <typename C, typename R> C copyAll(const R &range) {
  C out;
  for (const auto &x : range)
    out.push_back(x);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'out' grows by 'push_back'
  // CHECK-NOTES: :[[@LINE-3]]:3: note: reserve 'range.size()' before this loop; not fixed automatically because the spelled types may differ between template instantiations
  return out;
}

// Instantiated only with a container without reserve: not reported.
template <typename C> void onlyList(C &c, int n) {
  for (int i = 0; i < n; ++i)
    c.push_back(i);
}

// A member of a class template whose type depends on the parameter:
// reported once, with a note.
template <typename T> struct Table {
  std::vector<T> Rows;
  int Width = 4;
  void fill(const T &v) {
    for (int i = 0; i < Width; ++i)
      Rows.push_back(v);
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'Rows' grows by 'push_back'
    // CHECK-NOTES: :[[@LINE-3]]:5: note: reserve 'Rows.size() + Width' before this loop; not fixed automatically because the spelled types may differ between template instantiations
  }
};

void instantiate() {
  Table<int> ti;
  ti.fill(1);
  Table<std::string> ts;
  ts.fill("x");
  std::vector<std::string> words = {"a", "b"};
  lengths(words, 3);
  lengths(std::vector<int>{1}, 2);
  copyAll<std::vector<int>>(std::vector<int>{1, 2});
  copyAll<std::vector<char>>(std::string("xy"));
  copyAll<std::list<int>>(std::vector<int>{3});
  std::list<int> l;
  onlyList(l, 4);
}
