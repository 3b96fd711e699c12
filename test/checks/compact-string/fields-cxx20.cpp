// RUN: %check_clang_tidy -std=c++20 %s memlint-compact-string %t \
// RUN:   -- -config="{CheckOptions: {memlint-compact-string.CheckFields: true}}"

// CheckFields in C++20: designated initializers and parenthesized aggregate
// initialization give members values too.

#include <memory>
#include <string>
#include <vector>

struct Designated {
  int id = 0;
  std::string name;
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: field 'name' of 'Designated' holds at most 18 characters but std::string allocates past 15; 'memlint::compact_string' keeps it inline in every element of 'std::vector<Designated>' [memlint-compact-string]
  // CHECK-NOTES: :[[@LINE-2]]:15: note: no fixit: changing the type of a member changes the interface of 'Designated' for every user of it
};
std::vector<Designated> Ds{Designated{.id = 1, .name = "designated-init-18"},
                           Designated{.name = "short"}};

struct Paren {
  std::string name = "short";
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: field 'name' of 'Paren' holds at most 17 characters but std::string allocates past 15; 'memlint::compact_string' keeps it inline in every element of 'std::vector<Paren>'
  // CHECK-NOTES: :[[@LINE-2]]:15: note: no fixit
};
std::vector<Paren> Ps{Paren("paren-init-of-17!")};

// Not flagged: a designated initializer from a parameter; aggregates that
// a variadic function template (emplace_back, make_unique) builds from
// forwarded arguments: the standard library initializes them in system
// headers, whose values are not followed, even for literal arguments.
struct FromParam {
  std::string name = "twenty-characters-xx";
};
std::vector<FromParam> FromParams;
void add(const std::string &P) { FromParams.push_back(FromParam{.name = P}); }
struct Emplaced {
  std::string name = "twenty-characters-xx";
  int id = 0;
};
std::vector<Emplaced> EmplacedOnes;
void emplace(const std::string &P) { EmplacedOnes.emplace_back(P, 1); }
struct Made {
  std::string name = "twenty-characters-xx";
};
std::vector<Made> MadeOnes;
std::unique_ptr<Made> make() { return std::make_unique<Made>("literal"); }
