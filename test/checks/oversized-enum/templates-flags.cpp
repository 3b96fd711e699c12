// RUN: %check_clang_tidy -run-fixed %s memlint-oversized-enum %t
#include <cstdio>

// A record template instantiated with the enum shrinks.
template <class T> struct Box { T value; char tag; };
enum Fruit { Apple, Pear };
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: enum 'Fruit' can be std::uint8_t; that makes 'Box<Fruit>' 2 bytes instead of 8 [memlint-oversized-enum]
// CHECK-FIXES: enum Fruit : std::uint8_t { Apple, Pear };
Box<Fruit> box;

// A member enum of a class template: the pattern is fixed once.
template <class T> struct Widget {
  enum class Kind { Small, Large };
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: enum 'Widget::Kind' can be std::uint8_t; that makes 'Widget<int>' 8 bytes instead of 12 [memlint-oversized-enum]
  // CHECK-FIXES: enum class Kind : std::uint8_t { Small, Large };
  T payload;
  Kind kind;
  char c;
};
Widget<int> w;

// Enumerator values that depend on the template argument: left alone.
template <int N> struct Dep {
  enum { Value = N };
  int x[Value];
  char c;
};
Dep<3> d;

// Flag enums combined with `|`: every combination must fit.
enum Perm { Read = 1, Write = 2, Exec = 128 };
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: enum 'Perm' can be std::uint8_t; that makes 'File' 2 bytes instead of 8 [memlint-oversized-enum]
// CHECK-FIXES: enum Perm : std::uint8_t { Read = 1, Write = 2, Exec = 128 };
struct File { Perm p; char c; };
enum Wide { W1 = 1, W2 = 0x100 };
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: enum 'Wide' can be std::uint16_t; that makes 'HoldsWide' 4 bytes instead of 8 [memlint-oversized-enum]
// CHECK-FIXES: enum Wide : std::uint16_t { W1 = 1, W2 = 0x100 };
struct HoldsWide { Wide w; char c; };

int main() {
  int all = Read | Write | Exec;
  int wide = W1 | W2;
  File f{Perm(Read | Exec), 'x'};
  Box<Fruit> b{Pear, 'y'};
  Widget<int> wi{7, Widget<int>::Kind::Large, 'z'};
  // Values and arithmetic are unchanged by the narrower type.
  std::printf("%d %d %d %d %d %d\n", all, wide, static_cast<int>(f.p),
              b.value - 1, static_cast<int>(wi.kind), Pear + Exec);
#ifdef MEMLINT_FIXED
  static_assert(sizeof(File) == 2 && sizeof(Box<Fruit>) == 2, "");
  static_assert(sizeof(Widget<int>) == 8 && sizeof(HoldsWide) == 4, "");
#endif
}
