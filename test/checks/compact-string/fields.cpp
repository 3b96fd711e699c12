// RUN: %check_clang_tidy %s memlint-compact-string %t \
// RUN:   -- -config="{CheckOptions: {memlint-compact-string.CheckFields: true}}" \
// RUN:   -- -isystem %S/Inputs/system
// RUN: %check_clang_tidy -check-suffix=OFF %s memlint-compact-string %t \
// RUN:   -- -- -isystem %S/Inputs/system

// CheckFields: std::string members of records stored in containers and
// arrays, whose every value is known and at most 23 characters (more than
// 15 for some). A note, no fixit. Without the option (OFF), no warning at
// all. No CHECK-FIXES: the file must stay unchanged.

#include <array>
#include <deque>
#include <iostream>
#include <list>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>
#include <sys_fields.h>

void byConstRef(const std::string &);
void byValue(std::string);
void byView(std::string_view);

// A default member initializer of 20 characters; the record is stored in a
// std::vector (and a std::array: still one warning).
struct Event {
  std::string name = "process-started-ok!!";
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: field 'name' of 'Event' holds at most 20 characters but std::string allocates past 15; 'memlint::compact_string' keeps it inline in every element of 'std::vector<Event>' [memlint-compact-string]
  // CHECK-NOTES: :[[@LINE-2]]:15: note: no fixit: changing the type of a member changes the interface of 'Event' for every user of it
  int id = 0;
};
std::vector<Event> Events;
std::array<Event, 2> TwoEvents;

// Reads, copies, moves between elements, in-place character changes and
// aggregate initialization with literals keep the values known.
void useEvents(Event &E, const Event &Other) {
  std::cout << E.name << E.name.size() << (E.name == "x") << E.name[0] << '\n';
  byConstRef(E.name);
  byValue(E.name);
  byView(E.name);
  std::string Copy = E.name;
  const std::string &Ref = E.name;
  E.name[0] = 'P';
  for (char &C : E.name)
    C = static_cast<char>(C + 1);
  E.name = Other.name;
  E.name = "short";
  Events.push_back(Event{"event-name-twenty-ch", 3});
  Events.push_back(E);
  Event Moved = std::move(E);
  E = Moved;
  E.name.clear();
  std::vector<std::string> Names;
  Names.push_back(std::move(Moved.name));
  std::puts(Copy.c_str());
  std::puts(Ref.c_str());
}

// The mapped type of a std::map, assigned a longer literal somewhere.
struct Setting {
  std::string key = "short";
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: field 'key' of 'Setting' holds at most 22 characters but std::string allocates past 15; 'memlint::compact_string' keeps it inline in every element of 'std::map<int, Setting>' [memlint-compact-string]
  // CHECK-NOTES: :[[@LINE-2]]:15: note: no fixit: changing the type of a member changes the interface of 'Setting'
};
std::map<int, Setting> Settings;
void lengthen(Setting &S) { S.key = "a-much-longer-key-name"; }

// An array of records, initialized with braces.
struct Slot {
  std::string label;
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: field 'label' of 'Slot' holds at most 19 characters but std::string allocates past 15; 'memlint::compact_string' keeps it inline in every element of 'Slot[4]' [memlint-compact-string]
  // CHECK-NOTES: :[[@LINE-2]]:15: note: no fixit: changing the type of a member changes the interface of 'Slot'
};
Slot Slots[4] = {{"slot-label-number-1"}, {"slot-label-2"}};

// Constructor mem-initializers with literals and std::to_string of an int
// ("node-" and at most 11 digits and sign: 16).
struct Node {
  Node() : tag("node-tag-default-value") {}
  explicit Node(int N) : tag("node-" + std::to_string(N)) {}
  std::string tag;
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: field 'tag' of 'Node' holds at most 22 characters but std::string allocates past 15; 'memlint::compact_string' keeps it inline in every element of 'std::deque<Node>' [memlint-compact-string]
  // CHECK-NOTES: :[[@LINE-2]]:15: note: no fixit: changing the type of a member changes the interface of 'Node'
  const std::string &get() const { return tag; }
};
std::deque<Node> Nodes;

// A record held by value in a stored record is stored too.
struct Inner {
  std::string code = "inner-code-value-17";
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: field 'code' of 'Inner' holds at most 19 characters but std::string allocates past 15; 'memlint::compact_string' keeps it inline in every element of 'std::unordered_map<int, Outer>' [memlint-compact-string]
  // CHECK-NOTES: :[[@LINE-2]]:15: note: no fixit: changing the type of a member changes the interface of 'Inner'
};
struct Outer {
  Inner In;
  int X = 0;
};
void storeOuter(std::unordered_map<int, Outer> &M) { M[1] = Outer{}; }

// Named as the standard library spells the container: no alias, no const.
struct Aliased {
  std::string s = "aliased-container-19";
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: field 's' of 'Aliased' holds at most 20 characters but std::string allocates past 15; 'memlint::compact_string' keeps it inline in every element of 'std::vector<Aliased>' [memlint-compact-string]
  // CHECK-NOTES: :[[@LINE-2]]:15: note: no fixit
};
using AliasedList = std::vector<Aliased>;
std::size_t count(const AliasedList &L) { return L.size(); }

// Stored where only a call's result has the container type; the member's
// type spelled through an alias.
using Text = std::string;
struct Returned {
  Text s = "returned-by-call-18";
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: field 's' of 'Returned' holds at most 19 characters but std::string allocates past 15; 'memlint::compact_string' keeps it inline in every element of 'std::list<Returned>' [memlint-compact-string]
  // CHECK-NOTES: :[[@LINE-2]]:8: note: no fixit
};
std::list<Returned> loadReturned();
std::size_t countReturned() { return loadReturned().size(); }

// ---------------------------------------------------------------------------
// Not flagged.

// Not stored in any container or array.
struct Lonely {
  std::string name = "twenty-characters-xx";
};
Lonely TheLonely;

// Assigned a parameter, a function result.
struct FromParam {
  std::string s = "twenty-characters-xx";
};
struct FromCall {
  std::string s = "twenty-characters-xx";
};
std::vector<FromParam> FromParams;
std::vector<FromCall> FromCalls;
std::string compute();
void assign(FromParam &P, FromCall &C, const std::string &V) {
  P.s = V;
  C.s = compute();
}

// Mem-initializer from a parameter.
struct Named {
  explicit Named(std::string N) : name(std::move(N)) {}
  std::string name = "twenty-characters-xx";
};
std::vector<Named> NamedOnes;

// Aggregate initialization with a runtime value.
struct Agg {
  std::string s = "twenty-characters-xx";
};
std::vector<Agg> makeAggs(const char *Runtime) { return {Agg{Runtime}}; }

// All values fit in 15 characters.
struct Short {
  std::string s = "fifteen-chars!!";
};
std::vector<Short> Shorts;

// Some value exceeds 23 characters.
struct TooLong {
  std::string s = "twenty-characters-xx";
};
std::vector<TooLong> TooLongs;
void grow(TooLong &T) { T.s = "twenty-four-characters!!"; }

// Passed by non-const reference, address taken, read from a stream,
// appended to, modified by a member, pointer to member, returned by
// non-const reference.
void fill(std::string &);
struct ByRef { std::string s = "twenty-characters-xx"; };
struct AddrOf { std::string s = "twenty-characters-xx"; };
struct Streamed { std::string s = "twenty-characters-xx"; };
struct Appended { std::string s = "twenty-characters-xx"; };
struct Resized { std::string s = "twenty-characters-xx"; };
struct MemberPtr { std::string s = "twenty-characters-xx"; };
struct RefGetter {
  std::string &get() { return s; }
  std::string s = "twenty-characters-xx";
};
std::vector<ByRef> V1;
std::vector<AddrOf> V2;
std::vector<Streamed> V3;
std::vector<Appended> V4;
std::vector<Resized> V5;
std::vector<MemberPtr> V6;
std::vector<RefGetter> V7;
void modify(ByRef &A, AddrOf &B, Streamed &C, Appended &D, Resized &E) {
  fill(A.s);
  std::string *P = &B.s;
  std::cin >> C.s;
  D.s += "!";
  E.s.resize(3);
  (void)P;
}
std::string MemberPtr::*PM = &MemberPtr::s;

// Moved into user code or through a forwarding reference.
void sink(std::string &&);
struct SunkUser { std::string s = "twenty-characters-xx"; };
struct SunkFwd { std::string s = "twenty-characters-xx"; };
std::vector<SunkUser> V8;
std::vector<SunkFwd> V9;
void sinkAll(SunkUser &A, SunkFwd &B, std::vector<std::string> &Out) {
  sink(std::move(A.s));
  Out.emplace_back(std::move(B.s));
}

// A member function defined in another translation unit may store anything.
struct Loaded {
  std::string s = "twenty-characters-xx";
  void load(std::istream &In);
};
std::vector<Loaded> LoadedOnes;

// A record in a system header.
std::vector<SysEvent> SysEvents;

// Members of class templates, static members, other string types.
template <class T> struct Box {
  std::string s = "twenty-characters-xx";
};
std::vector<Box<int>> Boxes;
struct Others {
  static const std::string Static;
  std::wstring w = L"twenty-characters-xx";
  std::string Arr[2];
};
std::vector<Others> OtherOnes;

// NOLINT.
struct Silenced {
  std::string s = "twenty-characters-xx"; // NOLINT(memlint-compact-string)
};
std::vector<Silenced> SilencedOnes;
