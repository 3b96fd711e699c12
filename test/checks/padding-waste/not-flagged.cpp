// RUN: %check_clang_tidy %s memlint-padding-waste %t -- -- -isystem %S/Inputs/system
// Records no reordering helps, or whose layout is deliberate, stay silent.

#include <sys_record.h>
#include <cstddef>

// Already optimal.
struct Optimal { double D; int I; char C; };

// Only tail padding, which no order removes.
struct TailOnly { double D; char C; };

// A single field.
struct One { char C; };

// Unions overlap their members.
union U { char C; double D; int I; };

// Packed records and #pragma pack are someone's choice.
struct __attribute__((packed)) Packed { char A; double B; char C; };
#pragma pack(push, 2)
struct PragmaPacked { char A; double B; char C; };
#pragma pack(pop)

// An alignas member separates fields on purpose (cache-line isolation).
struct Isolated { char A; alignas(64) int Counter; char B; };

// extern "C" records follow a C ABI shared with other code.
extern "C" {
struct CAbi { char A; double B; char C; };
}

// Templates are checked per instantiation, never as patterns; this one is
// never instantiated.
template <typename T> struct Pattern { char A; T B; char C; };

// Lambdas' closure types.
auto L = [a = 'a', b = 1.0, c = 'c'] { return a + b + c; };

// A record whose layout the model does not cover exactly is left alone
// rather than guessed at (virtual bases).
struct VBase { virtual ~VBase(); char X; };
struct VirtualDerived : virtual VBase { char A; double B; char C; };

// [[no_unique_address]] members are not modeled (their overlap rules are
// subtle), so the record is not judged.
struct Empty {};
struct Tagged { char A; [[no_unique_address]] Empty E; long B; char C; };

// Suppressed with NOLINT.
struct Suppressed { char A; double B; char C; }; // NOLINT(memlint-padding-waste)

// SysRecord in a system header is not flagged either.
int use() { return sizeof(SysRecord) + sizeof(Pattern<int> *); }
