// RUN: %check_clang_tidy %s memlint-unneeded-copy %t
// RUN: %check_clang_tidy -run-fixed %s memlint-unneeded-copy %t

#include <cstdio>
#include <map>
#include <string>
#include <vector>

void keep(const std::string &S) { std::puts(S.c_str()); }

struct Config {
  std::string Path;
  std::vector<std::string> Args;
  const std::string &path() const { return Path; }
};

Config makeConfig() { return {"/etc/x", {"-v", "-q"}}; }

void positives() {
  Config C = makeConfig();
  std::string Path = C.Path;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: local 'Path' copies a std::string (heap allocation when longer than the small-string buffer) but is only read while its source stays unchanged; bind it as 'const std::string&' [memlint-unneeded-copy]
  // CHECK-FIXES: const std::string& Path = C.Path;
  auto First = C.Args[0];
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: local 'First' {{.*}} bind it as 'const auto&'
  // CHECK-FIXES: const auto& First = C.Args[0];
  const std::string Second = C.Args.at(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: local 'Second' {{.*}} bind it as 'const std::string&'
  // CHECK-FIXES: const std::string& Second = C.Args.at(1);
  std::vector<std::string> All(C.Args);
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: local 'All' copies a 'std::vector<std::string>' {{.*}} bind it as 'const std::vector<std::string>&'
  // CHECK-FIXES: const std::vector<std::string>& All(C.Args);
  keep(Path);
  keep(First);
  keep(Second);
  std::printf("%zu\n", All.size());
}

// ---- Not flagged ----------------------------------------------------------

void negatives(std::map<int, std::string> &Shared) {
  Config C = makeConfig();
  // The source is modified while the copy lives (llvm-project #150189).
  std::string Before = C.Path;
  C.Path += "/sub";
  keep(Before);
  // A container element, and the container grows later.
  std::string Elem = C.Args[0];
  C.Args.push_back("more");
  keep(Elem);
  // The source variable is reassigned later.
  Config D = makeConfig();
  std::string FromD = D.Path;
  D = makeConfig();
  keep(FromD);
  // The source is a temporary's member / a prvalue: no copy to avoid or a
  // dangling reference.
  std::string Temp = makeConfig().Path;
  keep(Temp);
  std::string Made = std::string("x");
  keep(Made);
  // Through a reference (a parameter): lifetime cannot be proved.
  std::string FromRef = Shared[1];
  keep(FromRef);
  // A const reference returned by a call on a local: not an owning
  // container, so what the reference points to is unknown.
  std::string ViaGetter = C.path();
  keep(ViaGetter);
  // The copy is modified.
  std::string Mod = C.Path;
  Mod += "!";
  keep(Mod);
  // The copy is moved from.
  std::string Moved = C.Path;
  Shared[2] = std::move(Moved);
  // The source's address escapes earlier: any call could write through it.
  Config E = makeConfig();
  Config *Alias = &E;
  std::string FromE = E.Path;
  Alias->Path = "x";
  keep(FromE);
  // Several declarators in one statement.
  std::string A = C.Path, B = C.Path;
  keep(A);
  keep(B);
  // Static locals outlive their source.
  static std::string Kept = C.Path;
  keep(Kept);
}

int main() {
  positives();
  std::map<int, std::string> M = {{1, "one"}};
  negatives(M);
  std::printf("%zu\n", M.size());
}
