// RUN: %check_clang_tidy %s memlint-padding-waste %t
// Initializers that may read a member through `this`: the order of
// initialization matters, so there is no fixit. (A bare `this` is fine: see
// this-init.cpp.)

struct ThisArrow {
  ThisArrow() : A(1), B(2.0), C(this->A) {}
  char A;
  double B;
  char C;
};
// CHECK-NOTES: :[[@LINE-6]]:8: warning: 'ThisArrow' is 24 bytes with 14 bytes of padding; ordering its fields as (B, A, C) makes it 16 bytes [memlint-padding-waste]
// CHECK-NOTES: :[[@LINE-7]]:8: note: no fixit: a constructor initializes a member from another member (initialization order would change)

struct MemberCall {
  char first() const { return A; }
  MemberCall() : A(1), B(2.0), C(first()) {}
  char A;
  double B;
  char C;
};
// CHECK-NOTES: :[[@LINE-7]]:8: warning: 'MemberCall' is 24 bytes
// CHECK-NOTES: :[[@LINE-8]]:8: note: no fixit: a constructor initializes a member from another member (initialization order would change)

char peek(const void *Object);
struct PassesThis {
  PassesThis() : A(1), B(2.0), C(peek(this)) {}
  char A;
  double B;
  char C;
};
// CHECK-NOTES: :[[@LINE-6]]:8: warning: 'PassesThis' is 24 bytes
// CHECK-NOTES: :[[@LINE-7]]:8: note: no fixit: a constructor initializes a member from another member (initialization order would change)

// A constructor that takes `this` could read members too.
struct Handle {
  Handle(const void *Owner);
  const void *Owner;
};
struct HoldsHandle {
  HoldsHandle() : A(1), H(this), C(2) {}
  char A;
  Handle H;
  char C;
};
// CHECK-NOTES: :[[@LINE-6]]:8: warning: 'HoldsHandle' is 24 bytes
// CHECK-NOTES: :[[@LINE-7]]:8: note: no fixit: a constructor initializes a member from another member (initialization order would change)

// An explicit cast is not looked through.
struct Cast {
  Cast() : A(1), B(2.0), C(static_cast<const void *>(this)) {}
  char A;
  double B;
  const void *C;
  char D;
};
// CHECK-NOTES: :[[@LINE-7]]:8: warning: 'Cast' is 32 bytes
// CHECK-NOTES: :[[@LINE-8]]:8: note: no fixit: a constructor initializes a member from another member (initialization order would change)

// A default member initializer reading through `this`.
struct DefaultReads {
  char A = 1;
  double B = 2;
  char C = this->A;
};
// CHECK-NOTES: :[[@LINE-5]]:8: warning: 'DefaultReads' is 24 bytes
// CHECK-NOTES: :[[@LINE-6]]:8: note: no fixit: a default member initializer reads another member (initialization order would change)
