// RUN: %check_clang_tidy -check-header=Inputs/fields_record.h %s memlint-compact-string %t \
// RUN:   -- -config="{CheckOptions: {memlint-compact-string.CheckFields: true}}" -header-filter=.*

// A record defined in a user header and stored in a container here: the
// warning is at the member in the header, which stays unchanged (no
// CHECK-HEADER-FIXES). Structured bindings are not followed.

#include "fields_record.h"
#include <vector>

// CHECK-NOTES: fields_record.h:4:15: warning: field 'name' of 'HeaderEvent' holds at most 20 characters but std::string allocates past 15; 'memlint::compact_string' keeps it inline in every element of 'std::vector<HeaderEvent>' [memlint-compact-string]
// CHECK-NOTES: fields_record.h:4:15: note: no fixit: changing the type of a member changes the interface of 'HeaderEvent' for every user of it
std::vector<HeaderEvent> Events(4);

struct Bound {
  std::string name = "twenty-characters-xx";
};
std::vector<Bound> Bounds;
void bind(Bound &B) {
  auto &[Name] = B;
  Name.clear();
}
