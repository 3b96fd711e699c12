// RUN: %check_clang_tidy %s memlint-padding-waste %t -- -- -Werror=reorder-ctor

#include <cstdint>

// Comments and default member initializers move with their field.
struct Event {
  char Kind;        // what happened
  double Timestamp = 0;
  // where it came from
  short Source;
  void *Payload;
  bool Priority;
};
// CHECK-MESSAGES: :[[@LINE-8]]:8: warning: 'Event' is 40 bytes with 20 bytes of padding; ordering its fields as (Timestamp, Payload, Source, Kind, Priority) makes it 24 bytes [memlint-padding-waste]
// CHECK-FIXES:      struct Event {
// CHECK-FIXES-NEXT:   double Timestamp = 0;
// CHECK-FIXES-NEXT:   void *Payload;
// CHECK-FIXES-NEXT:   // where it came from
// CHECK-FIXES-NEXT:   short Source;
// CHECK-FIXES-NEXT:   char Kind;        // what happened
// CHECK-FIXES-NEXT:   bool Priority;
// CHECK-FIXES-NEXT: };

// Fields on one line, and a declaration of several fields split apart.
struct Pair { char A, B; int C; char D; };
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'Pair' is 12 bytes with 5 bytes of padding; ordering its fields as (C, A, B, D) makes it 8 bytes [memlint-padding-waste]
// CHECK-FIXES: struct Pair { int C; char A; char B; char D; };

/// Doc comments and multi-line block comments too.
struct Doc {
  /// A flag.
  bool Flag;
  /* The key,
     64 bits wide. */
  std::int64_t Key;
  bool Other;
};
// CHECK-MESSAGES: :[[@LINE-8]]:8: warning: 'Doc' is 24 bytes with 14 bytes of padding; ordering its fields as (Key, Flag, Other) makes it 16 bytes [memlint-padding-waste]
// CHECK-FIXES:      struct Doc {
// CHECK-FIXES-NEXT:   /* The key,
// CHECK-FIXES-NEXT:      64 bits wide. */
// CHECK-FIXES-NEXT:   std::int64_t Key;
// CHECK-FIXES-NEXT:   /// A flag.
// CHECK-FIXES-NEXT:   bool Flag;
// CHECK-FIXES-NEXT:   bool Other;
// CHECK-FIXES-NEXT: };

// Methods, types and static members stay where they are.
class Widget {
public:
  int size() const { return Size; }
  char Tag;
  static int Count;
  double Weight;
  using Id = int;
  int Size;
};
// CHECK-MESSAGES: :[[@LINE-9]]:7: warning: 'Widget' is 24 bytes with 11 bytes of padding; ordering its fields as (Weight, Size, Tag) makes it 16 bytes [memlint-padding-waste]
// Only Tag moves: the fields already in order stay where they are.
// CHECK-FIXES:      int size() const { return Size; }
// CHECK-FIXES-NEXT:   static int Count;
// CHECK-FIXES-NEXT:   double Weight;
// CHECK-FIXES-NEXT:   using Id = int;
// CHECK-FIXES-NEXT:   int Size;
// CHECK-FIXES-NEXT:   char Tag;
// CHECK-FIXES-NEXT: };

// A typedef'd anonymous struct (C style) is named by its typedef.
typedef struct {
  char C;
  long L;
  char D;
} CStyle;
// CHECK-MESSAGES: :[[@LINE-5]]:9: warning: 'CStyle' is 24 bytes with 14 bytes of padding; ordering its fields as (L, C, D) makes it 16 bytes [memlint-padding-waste]
// CHECK-FIXES:      typedef struct {
// CHECK-FIXES-NEXT:   long L;
// CHECK-FIXES-NEXT:   char C;
// CHECK-FIXES-NEXT:   char D;
// CHECK-FIXES-NEXT: } CStyle;

// The sizes the messages promise are the compiler's after the fix.
#ifdef MEMLINT_FIXED
static_assert(sizeof(Event) == 24, "");
static_assert(sizeof(Pair) == 8, "");
static_assert(sizeof(Doc) == 16, "");
static_assert(sizeof(Widget) == 16, "");
static_assert(sizeof(CStyle) == 16, "");
#else
static_assert(sizeof(Event) == 40, "");
static_assert(sizeof(Pair) == 12, "");
static_assert(sizeof(Doc) == 24, "");
static_assert(sizeof(Widget) == 24, "");
static_assert(sizeof(CStyle) == 24, "");
#endif

// Member initializer lists follow the new order (no -Wreorder).
struct Config {
  Config() : Verbose(false), Jobs(1), Load(-1.0), DryRun(false) {}
  Config(int J) : Jobs(J), Load(0) {}
  bool Verbose;
  int Jobs;
  double Load;
  bool DryRun;
};
// CHECK-MESSAGES: :[[@LINE-8]]:8: warning: 'Config' is 24 bytes with 10 bytes of padding; ordering its fields as (Load, Jobs, Verbose, DryRun) makes it 16 bytes [memlint-padding-waste]
// CHECK-FIXES:      Config() : Load(-1.0), Jobs(1), Verbose(false), DryRun(false) {}
// CHECK-FIXES-NEXT:   Config(int J) : Load(0), Jobs(J) {}
// CHECK-FIXES-NEXT:   double Load;
// CHECK-FIXES-NEXT:   int Jobs;
// CHECK-FIXES-NEXT:   bool Verbose;
// CHECK-FIXES-NEXT:   bool DryRun;
#ifdef MEMLINT_FIXED
static_assert(sizeof(Config) == 16, "");
#endif
