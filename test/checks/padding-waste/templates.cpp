// RUN: %check_clang_tidy -run-fixed %s memlint-padding-waste %t
// A class template is one place in the source: its instantiations are judged
// together and reported once, at the template's definition.

#include <cstdio>

// One order is the smallest for every instantiation: one finding, one fixit.
template <typename T> struct Box {
  char Tag;
  T Value;
  char Flag;
};
// CHECK-NOTES: :[[@LINE-5]]:30: warning: class template 'Box' wastes padding in 2 of its 3 instantiations in this translation unit (Box<double>: 24 bytes, 16 reordered, Box<int>: 12 bytes, 8 reordered); ordering its fields as (Value, Tag, Flag) saves 4 to 8 bytes per object [memlint-padding-waste]
// CHECK-FIXES: template <typename T> struct Box {
// CHECK-FIXES-NEXT:   T Value;
// CHECK-FIXES-NEXT:   char Tag;
// CHECK-FIXES-NEXT:   char Flag;
// CHECK-FIXES-NEXT: };

Box<double> BD;
Box<int> BI;
Box<char> BC; // Already smallest: not flagged, and the new order keeps it so.

// The pattern's own initializers count, whichever instantiation uses them.
template <typename T> struct Mixed {
  char Small = 's';
  long Big = 0;
  T First = Small;
};
// CHECK-NOTES: :[[@LINE-5]]:30: warning: class template 'Mixed' wastes padding in all 2 instantiations in this translation unit (Mixed<char>: 24 bytes, 16 reordered, Mixed<short>: 24 bytes, 16 reordered); ordering its fields as (Big, Small, First) saves 8 bytes per object [memlint-padding-waste]
// CHECK-NOTES: :[[@LINE-6]]:30: note: no fixit: a default member initializer reads another member (initialization order would change)

Mixed<char> MC;
Mixed<short> MS;

// A template never instantiated is not judged (its layout is unknown).
template <typename T> struct Unused {
  char A;
  T B;
  char C;
};

// An explicit specialization is its own place in the source.
template <typename T> struct Spec {
  T Only;
};
template <> struct Spec<int> {
  char A;
  double B;
  char C;
};
// CHECK-NOTES: :[[@LINE-5]]:20: warning: 'Spec<int>' is 24 bytes with 14 bytes of padding; ordering its fields as (B, A, C) makes it 16 bytes [memlint-padding-waste]
Spec<int> SI;

// Positional braces in any instantiation tie the pattern's order.
template <typename T> struct Pair {
  char Key;
  T Value;
  char End;
};
// CHECK-NOTES: :[[@LINE-5]]:30: warning: class template 'Pair' wastes padding in its instantiation in this translation unit (Pair<double>: 24 bytes, 16 reordered); ordering its fields as (Value, Key, End) saves 8 bytes per object [memlint-padding-waste]
// CHECK-NOTES: :[[@LINE-6]]:30: note: no fixit: it is initialized with positional braces
Pair<double> PD{'k', 0.5, 'e'};

int main() {
  BD.Tag = 'd', BD.Value = 1.5, BD.Flag = 'f';
  BI.Tag = 'i', BI.Value = 7, BI.Flag = 'g';
  BC.Tag = 'c', BC.Value = 'x', BC.Flag = 'h';
  SI.A = 'a', SI.B = 2.5, SI.C = 'c';
  std::printf("%c %.1f %c %c %d %c %c %c %c %c %.1f %c\n", BD.Tag, BD.Value,
              BD.Flag, BI.Tag, BI.Value, BI.Flag, BC.Tag, BC.Value, BC.Flag,
              SI.A, SI.B, SI.C);
  return MC.Small + MS.Small == 2 * 's' && PD.Key == 'k' ? 0 : 1;
}
