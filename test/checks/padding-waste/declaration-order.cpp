// RUN: %check_clang_tidy %s memlint-padding-waste %t
// A field's type and array bounds only see the names declared before it: a
// fix never moves a field above a member type, constant or field its
// declaration uses.

// Moving Values up would put it above kSize.
struct Bound {
  char A;
  char B;
  char C;
  static const int kSize = 1;
  double Values[kSize];
  char E;
};
// CHECK-NOTES: :[[@LINE-8]]:8: warning: 'Bound' is 24 bytes with 12 bytes of padding; ordering its fields as (Values, A, B, C, E) makes it 16 bytes [memlint-padding-waste]
// CHECK-NOTES: :[[@LINE-9]]:8: note: no fixit: 'Values' would move above 'kSize', which its declaration uses

// Above Item.
struct Nested {
  char A;
  char B;
  char C;
  struct Item { double X; };
  Item It;
  char E;
};
// CHECK-NOTES: :[[@LINE-8]]:8: warning: 'Nested' is 24 bytes
// CHECK-NOTES: :[[@LINE-9]]:8: note: no fixit: 'It' would move above 'Item', which its declaration uses

// Above an enumerator of an unscoped member enum.
struct Enumerated {
  char A;
  char B;
  char C;
  enum { kCount = 1 };
  double Values[kCount];
  char E;
};
// CHECK-NOTES: :[[@LINE-8]]:8: warning: 'Enumerated' is 24 bytes
// CHECK-NOTES: :[[@LINE-9]]:8: note: no fixit: 'Values' would move above 'kCount', which its declaration uses

// The same when the fields share a line.
struct OneLine { char A, B, C; static const int kN = 1; double V[kN]; char E; };
// CHECK-NOTES: :[[@LINE-1]]:8: warning: 'OneLine' is 24 bytes
// CHECK-NOTES: :[[@LINE-2]]:8: note: no fixit: 'V' would move above 'kN', which its declaration uses

// Above the field it measures.
struct UsesField {
  char Tag;
  double Values[sizeof(Tag)];
  char Other;
};
// CHECK-NOTES: :[[@LINE-5]]:8: warning: 'UsesField' is 24 bytes
// CHECK-NOTES: :[[@LINE-6]]:8: note: no fixit: 'Values' would move above 'Tag', which its declaration uses

// When either field could move, the one that moves goes down, past the
// alias it does not use; a comment naming the alias does not count.
struct MovesDown {
  char A;  // not a Real
  using Real = double;
  Real R;
  char C;
};
// CHECK-NOTES: :[[@LINE-6]]:8: warning: 'MovesDown' is 24 bytes with 14 bytes of padding; ordering its fields as (R, A, C) makes it 16 bytes [memlint-padding-waste]
// CHECK-FIXES:      {{^}}struct MovesDown {
// CHECK-FIXES-NEXT: {{^}}  using Real = double;
// CHECK-FIXES-NEXT: {{^}}  Real R;
// CHECK-FIXES-NEXT: {{^}}  char A;  // not a Real
// CHECK-FIXES-NEXT: {{^}}  char C;
// CHECK-FIXES-NEXT: {{^}}};

#ifdef MEMLINT_FIXED
static_assert(sizeof(MovesDown) == 16, "");
#endif
