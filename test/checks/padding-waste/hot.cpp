// RUN: %check_clang_tidy %s memlint-padding-waste %t

#include <map>
#include <vector>

// Stored in a constant-size array: the total is in the message.
struct Cell { char Tag; double Value; char Flag; };
Cell Grid[4096];
// CHECK-MESSAGES: :[[@LINE-2]]:8: warning: 'Cell' is 24 bytes with 14 bytes of padding; ordering its fields as (Value, Tag, Flag) makes it 16 bytes; it is stored in arrays (4096 elements: 32 KiB saved) [memlint-padding-waste]
// CHECK-FIXES: struct Cell { double Value; char Tag; char Flag; };

// Stored in a standard container.
struct Row { bool Live; long Id; bool Dirty; };
std::vector<Row> Rows;
// CHECK-MESSAGES: :[[@LINE-2]]:8: warning: 'Row' is 24 bytes with 14 bytes of padding; ordering its fields as (Id, Live, Dirty) makes it 16 bytes; it is stored in arrays or containers, so every element pays it [memlint-padding-waste]
// CHECK-FIXES: struct Row { long Id; bool Live; bool Dirty; };

// As a map's value, and in a member array of another record.
struct Value { char K; int V; char W; };
std::map<int, Value> ByKey;
// CHECK-MESSAGES: :[[@LINE-2]]:8: warning: 'Value' is 12 bytes with 6 bytes of padding; ordering its fields as (V, K, W) makes it 8 bytes; it is stored in arrays or containers, so every element pays it [memlint-padding-waste]
// CHECK-FIXES: struct Value { int V; char K; char W; };
struct Slot { char K; int V; char W; };
struct Table { Slot Slots[64]; };
// CHECK-MESSAGES: :[[@LINE-2]]:8: warning: 'Slot' is 12 bytes with 6 bytes of padding; ordering its fields as (V, K, W) makes it 8 bytes; it is stored in arrays (64 elements: 256 bytes saved) [memlint-padding-waste]
// CHECK-FIXES: struct Slot { int V; char K; char W; };

#ifdef MEMLINT_FIXED
static_assert(sizeof(Cell) == 16 && sizeof(Row) == 16 && sizeof(Value) == 8 &&
              sizeof(Slot) == 8 && sizeof(Table) == 512, "");
#else
static_assert(sizeof(Cell) == 24 && sizeof(Row) == 24 && sizeof(Value) == 12 &&
              sizeof(Slot) == 12 && sizeof(Table) == 768, "");
#endif
