// RUN: %check_clang_tidy %s memlint-padding-waste %t

// Bit-field runs move as a unit.
struct Bits {
  char Tag;
  unsigned Kind : 3;
  unsigned Size : 5;
  double Value;
  char Flag;
};
// CHECK-MESSAGES: :[[@LINE-7]]:8: warning: 'Bits' is 24 bytes with 13 bytes of padding; ordering its fields as (Value, Kind, Size, Tag, Flag) makes it 16 bytes [memlint-padding-waste]
// CHECK-FIXES:      struct Bits {
// CHECK-FIXES-NEXT:   double Value;
// CHECK-FIXES-NEXT:   unsigned Kind : 3;
// CHECK-FIXES-NEXT:   unsigned Size : 5;
// CHECK-FIXES-NEXT:   char Tag;
// CHECK-FIXES-NEXT:   char Flag;
// CHECK-FIXES-NEXT: };

// A base class: the derived fields start after it.
struct Base { double X; char Id; };
struct Derived : Base {
  char A;
  double B;
  char C;
};
// CHECK-MESSAGES: :[[@LINE-5]]:8: warning: 'Derived' is 40 bytes with 14 bytes of padding; ordering its fields as (B, A, C) makes it 32 bytes [memlint-padding-waste]
// CHECK-FIXES:      struct Derived : Base {
// CHECK-FIXES-NEXT:   double B;
// CHECK-FIXES-NEXT:   char A;
// CHECK-FIXES-NEXT:   char C;
// CHECK-FIXES-NEXT: };

// A polymorphic class: the vptr comes first whatever the order.
struct Shape {
  virtual ~Shape() = default;
  char Kind;
  double Area;
  char Color;
};
// CHECK-MESSAGES: :[[@LINE-6]]:8: warning: 'Shape' is 32 bytes with 14 bytes of padding; ordering its fields as (Area, Kind, Color) makes it 24 bytes [memlint-padding-waste]
// CHECK-FIXES:      virtual ~Shape() = default;
// CHECK-FIXES-NEXT:   double Area;
// CHECK-FIXES-NEXT:   char Kind;
// CHECK-FIXES-NEXT:   char Color;

// A non-POD base leaves tail padding that small fields can fill.
struct NonPodBase {
  NonPodBase() {}
  double X;
  char Id;
};
struct FillsTail : NonPodBase {
  char A;
  double B;
  char C;
};
// CHECK-MESSAGES: :[[@LINE-5]]:8: warning: 'FillsTail' is 32 bytes with 13 bytes of padding; ordering its fields as (A, C, B) makes it 24 bytes [memlint-padding-waste]
// CHECK-FIXES:      struct FillsTail : NonPodBase {
// CHECK-FIXES-NEXT:   char A;
// CHECK-FIXES-NEXT:   char C;
// CHECK-FIXES-NEXT:   double B;
// CHECK-FIXES-NEXT: };

#ifdef MEMLINT_FIXED
static_assert(sizeof(Bits) == 16 && sizeof(Derived) == 32 && sizeof(Shape) == 24 &&
              sizeof(FillsTail) == 24, "");
#else
static_assert(sizeof(Bits) == 24 && sizeof(Derived) == 40 && sizeof(Shape) == 32 &&
              sizeof(FillsTail) == 32, "");
#endif
