// RUN: %check_clang_tidy -run-fixed %s memlint-copy-at-last-use %t
// RUN: %check_clang_tidy -run-fixed -check-suffix=OPT %s memlint-copy-at-last-use %t -- \
// RUN:   -config='{CheckOptions: {memlint-copy-at-last-use.SinkFunctions: ""}}'

// Members and elements of a local copied at the local's last use, and
// arguments of the forwarding free functions that store a copy
// (std::make_pair, std::make_tuple, std::make_optional).

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

std::string longText(const char *Tag) {
  return std::string(Tag) + " is longer than the small-string buffer";
}

struct Request {
  std::string Method;
  std::string Path;
};

std::vector<std::string> split() {
  return {longText("a"), longText("b"), longText("c")};
}

std::vector<std::string> logOf(Request R) {
  std::vector<std::string> Log;
  Log.push_back(R.Method);
  Log.push_back(R.Path);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'R.Path' is copied into 'push_back' at the last use of 'R' (copying a std::string allocates past the small-string buffer); move it instead [memlint-copy-at-last-use]
  // CHECK-FIXES: Log.push_back(R.Method);
  // CHECK-FIXES-NEXT: Log.push_back(std::move(R.Path));
  return Log;
}

std::string elements() {
  std::vector<std::string> Parts = split();
  std::string First = Parts[0];
  std::string Last = Parts.back();
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'Parts.back()' is copied into 'Last' at the last use of 'Parts'
  // CHECK-FIXES: std::string First = Parts[0];
  // CHECK-FIXES-NEXT: std::string Last = std::move(Parts.back());
  First += Last;
  Last += First;
  return Last;
}

std::string subscriptAssign() {
  std::vector<std::string> Parts = split();
  std::string Out;
  Out = Parts[1];
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'Parts[1]' is copied into 'Out' at the last use of 'Parts'
  // CHECK-FIXES: Out = std::move(Parts[1]);
  return Out;
}

std::vector<std::pair<std::string, std::string>> pairs() {
  std::vector<std::pair<std::string, std::string>> Out;
  for (int I = 0; I < 2; ++I) {
    std::string Name = longText("name");
    std::string Value = longText("value");
    Out.push_back(std::make_pair(Name, Value));
    // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: 'Name' is copied into 'make_pair' at its last use
    // CHECK-MESSAGES: :[[@LINE-2]]:40: warning: 'Value' is copied into 'make_pair' at its last use
    // CHECK-FIXES: Out.push_back(std::make_pair(std::move(Name), std::move(Value)));
  }
  return Out;
}

std::tuple<std::string, int> tupled() {
  std::string S = longText("t");
  return std::make_tuple(S, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'S' is copied into 'make_tuple' at its last use
  // CHECK-FIXES: return std::make_tuple(std::move(S), 1);
}

std::optional<std::string> optional() {
  std::string S = longText("o");
  return std::make_optional(S);
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'S' is copied into 'make_optional' at its last use
  // CHECK-FIXES: return std::make_optional(std::move(S));
}

// --- Not flagged ---

// The local is used after the copy of its part.
std::string usedAfter() {
  Request R{longText("m"), longText("p")};
  std::string P = R.Path;
  P += R.Method;
  return P;
}

// Another part is read later: the object is still in use.
std::size_t laterPart() {
  std::vector<std::string> Parts = split();
  std::vector<std::string> Kept;
  Kept.push_back(Parts[0]);
  return Kept.size() + Parts[1].size();
}

// A user-declared destructor may read the member after the move.
struct Logged {
  std::string Name;
  ~Logged() { std::printf("%zu\n", Name.size()); }
};
std::vector<std::string> destructorReads() {
  Logged L{longText("l")};
  std::vector<std::string> Out;
  Out.push_back(L.Name);
  return Out;
}

// A reference into the container outlives the copy.
std::string aliased() {
  std::vector<std::string> Parts = split();
  const std::string &Ref = Parts[1];
  std::string Copy = Parts[2];
  Copy += Ref;
  return Copy;
}

// The container is the sink's object: push_back may move its elements first.
void selfInsert() {
  std::vector<std::string> V = split();
  V.push_back(V[0]);
}

// An element of a container declared outside the loop the copy is in.
std::size_t loopKeeps() {
  std::vector<std::string> Parts = split();
  std::vector<std::string> Out;
  for (int I = 0; I < 2; ++I)
    Out.push_back(Parts[0]);
  return Out.size();
}

// Both arguments name one variable: the second would read a moved-from one.
std::pair<std::string, std::string> twice() {
  std::string S = longText("s");
  return std::make_pair(S, S);
}

// A const member is copied by std::move too.
struct Fixed {
  const std::string Name;
};
std::vector<std::string> constMember() {
  Fixed F{longText("f")};
  std::vector<std::string> Out;
  Out.push_back(F.Name);
  return Out;
}

int main() {
  std::vector<std::string> L = logOf({"GET", longText("/api")});
  std::printf("%s %s\n", L[0].c_str(), L[1].c_str());
  std::printf("%s\n", elements().c_str());
  std::printf("%s\n", subscriptAssign().c_str());
  for (const auto &P : pairs())
    std::printf("%s=%s\n", P.first.c_str(), P.second.c_str());
  std::printf("%s %d\n", std::get<0>(tupled()).c_str(), std::get<1>(tupled()));
  std::printf("%s\n", optional()->c_str());
  std::printf("%s\n", usedAfter().c_str());
  std::printf("%zu\n", laterPart());
  std::printf("%zu\n", destructorReads().size());
  std::printf("%s\n", aliased().c_str());
  selfInsert();
  std::printf("%zu\n", loopKeeps());
  std::printf("%s\n", twice().second.c_str());
  std::printf("%zu\n", constMember().size());
}

// With SinkFunctions empty the free functions are not sinks; members and
// elements still are.
// CHECK-MESSAGES-OPT: :{{[0-9]+}}:17: warning: 'R.Path' is copied into 'push_back' at the last use of 'R'
// CHECK-MESSAGES-OPT: :{{[0-9]+}}:22: warning: 'Parts.back()' is copied into 'Last'
// CHECK-MESSAGES-OPT: :{{[0-9]+}}:9: warning: 'Parts[1]' is copied into 'Out'
// CHECK-FIXES-OPT: Out.push_back(std::make_pair(Name, Value));
// CHECK-FIXES-OPT: return std::make_tuple(S, 1);
