// RUN: %check_clang_tidy -run-fixed %s memlint-substr-copy %t

#include <cstdio>
#include <string>
#include <vector>
// CHECK-FIXES: #include <string>
// CHECK-FIXES-NEXT: #include <string_view>
// CHECK-FIXES-NEXT: #include <vector>

// Longer than any small-string buffer: every substr below allocates.
std::string line() {
  return "GET /index.html HTTP/1.1 with a tail long enough for the heap";
}

void measure(std::string_view V) { std::printf("view %zu\n", V.size()); }

// The result is compared, searched, measured, indexed and streamed by the
// standard library only: the string cannot change meanwhile, whatever it is.
int readers(const std::string &S) {
  int N = 0;
  if (S.substr(0, S.find(' ')) == "GET")
    ++N;
  // CHECK-MESSAGES: :[[@LINE-2]]:9: warning: 'substr' copies part of the string into a temporary that is only read (allocating past 15 characters); take the substring of a std::string_view instead [memlint-substr-copy]
  // CHECK-FIXES: if (std::string_view(S).substr(0, S.find(' ')) == "GET")
  N += S.substr(4).find("index") != std::string::npos;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'substr' copies part of the string
  // CHECK-FIXES: N += std::string_view(S).substr(4).find("index") != std::string::npos;
  N += static_cast<int>(S.substr(4, 16).size());
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'substr' copies part of the string
  // CHECK-FIXES: N += static_cast<int>(std::string_view(S).substr(4, 16).size());
  N += S.substr(16)[0] == 'H';
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'substr' copies part of the string
  // CHECK-FIXES: N += std::string_view(S).substr(16)[0] == 'H';
  N += S.substr(1).empty() ? 0 : 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'substr' copies part of the string
  // CHECK-FIXES: N += std::string_view(S).substr(1).empty() ? 0 : 1;
  N += S.substr(0, S.find(' ')).compare("GET") == 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'substr' copies part of the string
  // CHECK-FIXES: N += std::string_view(S).substr(0, S.find(' ')).compare("GET") == 0;
  return N;
}

// A local that nothing else can reach: iterating the view, or handing it to
// a std::string_view parameter, cannot see the string change.
int locals(int Rounds) {
  std::string L = line();
  int Spaces = 0;
  for (char C : L.substr(4, 16))
    Spaces += C == '/';
  // CHECK-MESSAGES: :[[@LINE-2]]:19: warning: 'substr' copies part of the string
  // CHECK-FIXES: for (char C : std::string_view(L).substr(4, 16))
  measure(L.substr(4));
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'substr' copies part of the string
  // CHECK-FIXES: measure(std::string_view(L).substr(4));
  for (int I = 0; I < Rounds; ++I)
    Spaces += L.substr(I).size() > 20;
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'substr' copies part of the string into a temporary that is only read (allocating past 15 characters per iteration); take the substring of a std::string_view instead
  // CHECK-FIXES: Spaces += std::string_view(L).substr(I).size() > 20;
  return Spaces;
}

// A local string initialized by substr and only read becomes a view of the
// (unchanged) string it was taken from.
int localCopy() {
  std::string Request = line();
  std::string Method = Request.substr(0, Request.find(' '));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'Method' copies part of 'Request' (allocating past 15 characters) and is only read; make it a std::string_view of 'Request' [memlint-substr-copy]
  // CHECK-FIXES: std::string_view Method = std::string_view(Request).substr(0, Request.find(' '));
  const auto Path = Request.substr(4, 16);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'Path' copies part of 'Request'
  // CHECK-FIXES: const auto Path = std::string_view(Request).substr(4, 16);
  int N = Method == "GET";
  N += static_cast<int>(Path.size() + Path.find('.'));
  for (char C : Path)
    N += C == 'i';
  return N;
}

struct Parser {
  std::string Buffer = line();
  // A member read by the standard library only.
  bool isGet() const { return Buffer.substr(0, Buffer.find(' ')) == "GET"; }
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: 'substr' copies part of the string
  // CHECK-FIXES: bool isGet() const { return std::string_view(Buffer).substr(0, Buffer.find(' ')) == "GET"; }
};

// A constant count that fits the small-string buffer: the substring never
// allocates, so there is nothing to save.
bool small(const std::string &S) { return S.substr(0, 3) == "GET"; }

int main() {
  std::string S = line();
  std::printf("%d %d %d\n", readers(S), locals(3), localCopy());
  std::printf("%d %d\n", Parser().isGet(), small(S));
  std::vector<std::string> Lines = {S, S + "!"};
  for (const std::string &E : Lines)
    std::printf("%d\n", E.substr(E.size() - 1) == "!");
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'substr' copies part of the string
  // CHECK-FIXES: std::printf("%d\n", std::string_view(E).substr(E.size() - 1) == "!");
}
