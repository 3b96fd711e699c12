// The global ProfileFile option: each warning states the allocations its fix
// removes in the profiled run, as `memlint check --profile` counts them (the
// warning's line and the lines its notes mark, of the family they name), so
// the plugin, memlint-tidy and memlint-clangd show the driver's numbers.
//
// RUN: sed 's|@FILE@|%s|g' %S/Inputs/profile.json.in > %t.json
// RUN: %clang_tidy_plugin --checks='-*,memlint-missing-reserve,memlint-allocation-in-loop,memlint-copy-at-last-use' \
// RUN:   --config="{CheckOptions: {ProfileFile: '%t.json'}}" %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=CHECK,PROFILE --implicit-check-not="warning:"
// RUN: %memlint_tidy --checks='-*,memlint-missing-reserve,memlint-allocation-in-loop,memlint-copy-at-last-use' \
// RUN:   --config="{CheckOptions: {ProfileFile: '%t.json'}}" %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=CHECK,PROFILE --implicit-check-not="warning:"
//
// Without the option, no counts.
// RUN: %clang_tidy_plugin --checks='-*,memlint-missing-reserve,memlint-allocation-in-loop,memlint-copy-at-last-use' \
// RUN:   %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=CHECK,PLAIN --implicit-check-not="warning:"
//
// A relative ProfileFile is found from the main file's directory upwards,
// as clang-tidy finds .clang-tidy.
// RUN: rm -rf %t.dir && mkdir -p %t.dir/src/deep
// RUN: cp %s %t.dir/src/deep/app.cpp
// RUN: sed 's|@FILE@|%t.dir/src/deep/app.cpp|g' %S/Inputs/profile.json.in > %t.dir/prof.json
// RUN: cd %t.dir/src && %memlint_tidy --checks='-*,memlint-missing-reserve,memlint-allocation-in-loop,memlint-copy-at-last-use' \
// RUN:   --config="{CheckOptions: {ProfileFile: prof.json}}" deep/app.cpp -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=CHECK,PROFILE --implicit-check-not="warning:"

#include <string>
#include <utility>
#include <vector>

// The push_back line allocates the vector's regrowths (family vector, 10 in
// the profile) and the string copies (family string, 40): a reserve removes
// only the first.
std::vector<std::string> copyAll(const std::vector<std::string> &In) {
  std::vector<std::string> Out;
  for (const std::string &S : In)
    Out.push_back(S);
  // CHECK: :[[@LINE-1]]:5: warning: 'Out' grows by 'push_back' on every iteration of a loop with a known trip count, reallocating and moving its elements repeatedly; reserve its capacity before the
  // PROFILE-SAME: loop (10 allocations, 5.0% of the profiled run) [memlint-missing-reserve]
  // PLAIN-SAME: loop [memlint-missing-reserve]
  return Out;
}

// The declaration's line is claimed whole (3 in the profile), the growth line
// for the string's family (30; its 5 'object' allocations are not the
// string's): 33 in all.
unsigned lengths(const std::vector<int> &In) {
  unsigned N = 0;
  for (int I : In) {
    std::string Buf;
    // CHECK: :[[@LINE-1]]:17: warning: 'Buf' is allocated on every iteration; declare it before the loop and clear() it to reuse its
    // PROFILE-SAME: capacity (33 allocations, 16.5% of the profiled run) [memlint-allocation-in-loop]
    // PLAIN-SAME: capacity [memlint-allocation-in-loop]
    Buf.append(std::to_string(I));
    N += Buf.size();
  }
  return N;
}

// Profiled with another text at this line (the source changed since): its
// allocations are not counted, and the warning says nothing of them.
std::vector<int> squares(const std::vector<int> &In) {
  std::vector<int> Out;
  for (int I : In)
    Out.push_back(I * I);
  // CHECK: :[[@LINE-1]]:5: warning: 'Out' grows by 'push_back' {{.*}} before the loop [memlint-missing-reserve]
  return Out;
}

// Nothing profiled at its lines: no counts.
std::vector<int> doubles(const std::vector<int> &In) {
  std::vector<int> Out;
  for (int I : In)
    Out.push_back(2 * I);
  // CHECK: :[[@LINE-1]]:5: warning: 'Out' grows by 'push_back' {{.*}} before the loop [memlint-missing-reserve]
  return Out;
}

int main() {
  std::vector<std::string> S = copyAll({"a", "b"});
  return static_cast<int>(lengths({1, 2}) + squares({3}).size() +
                          doubles({4}).size() + S.size());
}
