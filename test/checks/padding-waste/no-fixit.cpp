// RUN: %check_clang_tidy -std=c++20 %s memlint-padding-waste %t
// Records that waste bytes but whose fields cannot be moved safely: the
// diagnostic says why, the file stays unchanged.

#include <compare>
#include <cstddef>
#include <cstdio>

// Positional aggregate initialization depends on the field order.
struct Positional { char A; double B; char C; };
Positional P1 = {1, 2.0, 3};
// CHECK-NOTES: :[[@LINE-2]]:8: warning: 'Positional' is 24 bytes with 14 bytes of padding; ordering its fields as (B, A, C) makes it 16 bytes [memlint-padding-waste]
// CHECK-NOTES: :[[@LINE-3]]:8: note: no fixit: it is initialized with positional braces ({...} without designators), which depend on the field order

// So does parenthesized aggregate initialization (C++20).
struct ParenInit { char A; double B; char C; };
ParenInit P2(1, 2.0, 3);
// CHECK-NOTES: :[[@LINE-2]]:8: warning: 'ParenInit' is 24 bytes
// CHECK-NOTES: :[[@LINE-3]]:8: note: no fixit: it is aggregate-initialized with parentheses, which depends on the field order

// offsetof users depend on the offsets.
struct WithOffsetof { char A; double B; char C; };
std::size_t Off = offsetof(WithOffsetof, B);
// CHECK-NOTES: :[[@LINE-2]]:8: warning: 'WithOffsetof' is 24 bytes
// CHECK-NOTES: :[[@LINE-3]]:8: note: no fixit: offsetof is applied to it

// Structured bindings name fields in declaration order.
struct Bound { char A; double B; char C; };
double sumBound(Bound X) { auto [a, b, c] = X; return a + b + c; }
// CHECK-NOTES: :[[@LINE-2]]:8: warning: 'Bound' is 24 bytes
// CHECK-NOTES: :[[@LINE-3]]:8: note: no fixit: a structured binding names its fields in declaration order

// A defaulted <=> compares fields in declaration order.
struct Ordered {
  char A;
  double B;
  char C;
  auto operator<=>(const Ordered &) const = default;
};
// CHECK-NOTES: :[[@LINE-6]]:8: warning: 'Ordered' is 24 bytes
// CHECK-NOTES: :[[@LINE-7]]:8: note: no fixit: a defaulted comparison operator compares its fields in declaration order

// A member initialized from another member.
struct InitFromOther {
  InitFromOther() : A(1), B(2.0), C(A) {}
  char A;
  double B;
  char C;
};
// CHECK-NOTES: :[[@LINE-6]]:8: warning: 'InitFromOther' is 24 bytes
// CHECK-NOTES: :[[@LINE-7]]:8: note: no fixit: a constructor initializes a member from another member (initialization order would change)

struct DefaultFromOther { char A = 1; double B = 2; char C = A; };
// CHECK-NOTES: :[[@LINE-1]]:8: warning: 'DefaultFromOther' is 24 bytes
// CHECK-NOTES: :[[@LINE-2]]:8: note: no fixit: a default member initializer reads another member (initialization order would change)

// Members whose construction prints: reordering would change the output.
struct Loud {
  Loud(const char *S) { std::puts(S); }
  char X;
};
struct Noisy {
  Loud First{"first"};
  double D = 0;
  Loud Second{"second"};
  int Pad;
  Loud Third{"third"};
};
// CHECK-NOTES: :[[@LINE-7]]:8: warning: 'Noisy' is 32 bytes with 17 bytes of padding; ordering its fields as (D, Pad, First, Second, Third) makes it 16 bytes [memlint-padding-waste]
// Loud members keep their relative order, so the fix is safe here.
// CHECK-FIXES:      struct Noisy {
// CHECK-FIXES-NEXT:   double D = 0;
// CHECK-FIXES-NEXT:   int Pad;
// CHECK-FIXES-NEXT:   Loud First{"first"};
// CHECK-FIXES-NEXT:   Loud Second{"second"};
// CHECK-FIXES-NEXT:   Loud Third{"third"};
// CHECK-FIXES-NEXT: };

// Fields across access specifiers would change sections.
class Sections {
public:
  char A;
  int B;
private:
  char C;
  long D;
};
// CHECK-NOTES: :[[@LINE-8]]:7: warning: 'Sections' is 24 bytes with 10 bytes of padding; ordering its fields as (D, B, A, C) makes it 16 bytes [memlint-padding-waste]
// CHECK-NOTES: :[[@LINE-9]]:7: note: no fixit: the smallest order moves fields across access specifiers

// Preprocessor lines between the fields.
struct Conditional {
  char A;
#ifdef SOMETHING
  int Maybe;
#endif
  double B;
  char C;
};
// CHECK-NOTES: :[[@LINE-8]]:8: warning: 'Conditional' is 24 bytes
// CHECK-NOTES: :[[@LINE-9]]:8: note: no fixit: preprocessor directives appear between the record's braces

// A record written by a macro.
#define RECORD(Name) struct Name { char A; double B; char C; }
RECORD(FromMacro);
// CHECK-NOTES: :[[@LINE-1]]:8: warning: 'FromMacro' is 24 bytes
// CHECK-NOTES: :[[@LINE-2]]:8: note: no fixit: the record is written inside a macro

// Declarators that are not a plain name cannot be split apart.
struct Pointers { char *P, C; double D; char E; };
// CHECK-NOTES: :[[@LINE-1]]:8: warning: 'Pointers' is 32 bytes
// CHECK-NOTES: :[[@LINE-2]]:8: note: no fixit: 'P' is declared with other fields in a way that cannot be split

// Class templates: test/checks/padding-waste/templates.cpp.

// A constructor defined in another file would keep the old initializer order.
struct Elsewhere {
  Elsewhere();
  char A;
  double B;
  char C;
};
// CHECK-NOTES: :[[@LINE-6]]:8: warning: 'Elsewhere' is 24 bytes
// CHECK-NOTES: :[[@LINE-7]]:8: note: no fixit: a constructor is defined in another file, where its member initializers would be left in the old order

// Fields sharing lines: a field ending in a `//` comment cannot move in front
// of code on its line (the comment would swallow it).
struct SharedLine { char A; double B; // the value
  char C; };
// CHECK-NOTES: :[[@LINE-2]]:8: warning: 'SharedLine' is 24 bytes
// CHECK-NOTES: :[[@LINE-3]]:8: note: no fixit: a field with a '//' comment would move in front of code on the same line
