// A profile that cannot be used is one clear error, once per file (not once
// per check), and a non-zero exit; the warnings come without counts.
// RUN: printf '{"dhatFileVersion": 2}' > %t.dhat.json
// RUN: printf '{"format": "memlint-profile", "version": 1, "totals": ' > %t.cut.json
// RUN: %not %memlint_tidy --checks='-*,memlint-missing-reserve,memlint-allocation-in-loop' \
// RUN:   --config="{CheckOptions: {ProfileFile: '%t.none.json'}}" %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefix=MISSING --implicit-check-not="warning:" --implicit-check-not="error:"
// RUN: %not %clang_tidy_plugin --checks='-*,memlint-missing-reserve,memlint-allocation-in-loop' \
// RUN:   --config="{CheckOptions: {ProfileFile: '%t.dhat.json'}}" %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefix=DHAT --implicit-check-not="warning:" --implicit-check-not="error:"
// RUN: %not %memlint_tidy --checks='-*,memlint-missing-reserve,memlint-allocation-in-loop' \
// RUN:   --config="{CheckOptions: {ProfileFile: '%t.cut.json'}}" %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefix=CUT --implicit-check-not="warning:" --implicit-check-not="error:"
// MISSING: error: ProfileFile: {{.*}}none.json: cannot be read: No such file or directory [clang-tidy-config]
// DHAT: error: ProfileFile: {{.*}}dhat.json: not a memlint profile (a DHAT file? convert it with 'memlint profile FILE -o PROFILE') [clang-tidy-config]
// CUT: error: ProfileFile: {{.*}}cut.json: not JSON: {{.*}} [clang-tidy-config]

// The warning is still given, without counts.
// MISSING: :[[@LINE+7]]:5: warning: 'Out' grows by 'push_back' {{.*}} before the loop [memlint-missing-reserve]
// DHAT: :[[@LINE+6]]:5: warning: 'Out' grows by 'push_back' {{.*}} before the loop [memlint-missing-reserve]
// CUT: :[[@LINE+5]]:5: warning: 'Out' grows by 'push_back' {{.*}} before the loop [memlint-missing-reserve]
#include <vector>
std::vector<int> doubles(const std::vector<int> &In) {
  std::vector<int> Out;
  for (int I : In)
    Out.push_back(2 * I);
  return Out;
}
