// RUN: %check_clang_tidy %s memlint-allocation-in-loop %t
// RUN: %check_clang_tidy -std=c++11 %s memlint-allocation-in-loop %t

// Strings whose reuse would save nothing, found in leveldb's tests, next to
// the shapes that still pay.

#include <cstdio>
#include <string>

void use(const std::string &S) { std::puts(S.c_str()); }
template <class T, class U> void check(const T &, const U &) {}

// Both branches build a std::string temporary: after hoisting,
// `Key = ... ? std::string(...) : std::string(...)` would move from it.
void conditionalTemporaries() {
  for (int I = 0; I < 2; I++) {
    std::string Key = (I == 0) ? std::string("foo") : std::string(200, 'x');
    // CHECK-FIXES: {{^}}    std::string Key = (I == 0) ? std::string("foo") : std::string(200, 'x');{{$}}
    use(Key);
  }
}

// A conditional choosing between literals is reassigned into the reused
// buffer: flagged.
void conditionalLiterals(int N) {
  for (int I = 0; I < N; I++) {
    std::string Name(I < 2 ? "a fairly long name, past 15" : "another long one, past 15");
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'Name' is allocated on every iteration; declare it before the loop and reassign it to reuse its capacity [memlint-allocation-in-loop]
    // CHECK-FIXES: {{^}}  std::string Name;{{$}}
    // CHECK-FIXES-NEXT: {{^}}  for (int I = 0; I < N; I++) {{{$}}
    // CHECK-FIXES-NEXT: {{^}}    Name.assign(I < 2 ? "a fairly long name, past 15" : "another long one, past 15");{{$}}
    use(Name);
  }
}

// Tables of literals most of which fit the small-string buffer: few
// iterations allocate (leveldb's filename_test.cc).
void mostlyShortTable() {
  static struct {
    const char *Name;
    int Number;
  } Cases[] = {
      {"100.log", 100},
      {"0.log", 0},
      {"CURRENT", 0},
      {"18446744073709551615.log", 1},
  };
  for (unsigned I = 0; I < sizeof(Cases) / sizeof(Cases[0]); I++) {
    // Other reads of the table (gtest's ASSERT_EQ binds them to const&).
    check(Cases[I].Number, Cases[I].Name);
    std::string F = Cases[I].Name;
    // CHECK-FIXES: {{^}}    std::string F = Cases[I].Name;{{$}}
    use(F);
  }
  static const char *Errors[] = {"", "foo", "foo-dx-100.log", "18446744073709551616.log"};
  for (unsigned I = 0; I < sizeof(Errors) / sizeof(Errors[0]); I++) {
    std::string F = Errors[I];
    // CHECK-FIXES: {{^}}    std::string F = Errors[I];{{$}}
    use(F);
  }
}

// A short table, but the copy grows afterwards: flagged.
void growsAfterwards() {
  static const char *Names[] = {"a", "b", "c"};
  for (unsigned I = 0; I < 3; I++) {
    std::string N = Names[I];
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'N' is allocated on every iteration; declare it before the loop and reassign it to reuse its capacity [memlint-allocation-in-loop]
    N += " and a suffix that outgrows the buffer";
    use(N);
  }
}

// Most entries outgrow the buffer: flagged.
void mostlyLongTable() {
  static const char *Paths[] = {"/usr/lib/x86_64-linux-gnu", "/usr/local/lib/x86_64",
                                "lib"};
  for (unsigned I = 0; I < 3; I++) {
    std::string P = Paths[I];
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'P' is allocated on every iteration; declare it before the loop and reassign it to reuse its capacity [memlint-allocation-in-loop]
    // CHECK-FIXES: {{^}}  std::string P;{{$}}
    // CHECK-FIXES-NEXT: {{^}}  for (unsigned I = 0; I < 3; I++) {{{$}}
    // CHECK-FIXES-NEXT: {{^}}    P = Paths[I];{{$}}
    use(P);
  }
}

// A table the function may modify is not read as constant: flagged.
void modifiedTable(const char *Extra) {
  static const char *Names[] = {"a", "b", "c"};
  Names[0] = Extra;
  for (unsigned I = 0; I < 3; I++) {
    std::string N = Names[I];
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'N' is allocated on every iteration; declare it before the loop and reassign it to reuse its capacity [memlint-allocation-in-loop]
    use(N);
  }
}

// A table whose address escapes may be changed elsewhere: flagged.
void fill(const char **Table);
void escapingTable() {
  static const char *Names[] = {"a", "b", "c"};
  fill(Names);
  for (unsigned I = 0; I < 3; I++) {
    std::string N = Names[I];
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'N' is allocated on every iteration; declare it before the loop and reassign it to reuse its capacity [memlint-allocation-in-loop]
    use(N);
  }
}

int main() {
  conditionalTemporaries();
  conditionalLiterals(3);
  mostlyShortTable();
  mostlyLongTable();
  growsAfterwards();
  modifiedTable("x");
}
void fill(const char **) {}
