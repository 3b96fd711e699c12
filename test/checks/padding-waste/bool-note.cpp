// RUN: %check_clang_tidy %s memlint-padding-waste %t
// The note on many bools carries the size and why it is not a fixit.
struct Flags {
  bool A;
  int X;
  bool B, C, D, E, F, G, H;
};
// CHECK-NOTES: :[[@LINE-5]]:8: warning: 'Flags' is 16 bytes with 4 bytes of padding; ordering its fields as (X, A, B, C, D, E, F, G, H) makes it 12 bytes [memlint-padding-waste]
// CHECK-NOTES: :[[@LINE-6]]:8: note: 8 bool members packed into bit-fields or a flags word would make it 8 bytes (no fixit: bit-fields cannot be addressed or bound to references)
// CHECK-FIXES: struct Flags {
// CHECK-FIXES-NEXT:   int X;
// CHECK-FIXES-NEXT:   bool A;
// CHECK-FIXES-NEXT:   bool B, C, D, E, F, G, H;
// CHECK-FIXES-NEXT: };

// Four bools and an int: packing saves nothing (tail padding), no note.
struct Few { bool A; int X; bool B, C, D; };
// CHECK-NOTES: :[[@LINE-1]]:8: warning: 'Few' is 12 bytes with 4 bytes of padding; ordering its fields as (X, A, B, C, D) makes it 8 bytes [memlint-padding-waste]
// CHECK-FIXES: struct Few { int X; bool A; bool B, C, D; };
