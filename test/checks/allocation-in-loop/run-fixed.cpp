// RUN: %check_clang_tidy -run-fixed %s memlint-allocation-in-loop %t

// The fixed program must print exactly what the original prints: every
// iteration starts from the same state (empty, or freshly assigned) although
// the object now lives across iterations.

#include <cstdio>
#include <unordered_map>
#include <sstream>
#include <string>
#include <vector>

static void print(const std::vector<int> &V) {
  for (int X : V)
    std::printf("%d ", X);
  std::printf("| ");
}

int main() {
  const char *Words[] = {"alpha", "be", "a considerably longer word", "d"};
  for (int Row = 0; Row < 4; ++Row) {
    std::vector<int> Fields;
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'Fields' is allocated
    for (int C = 0; C <= Row; ++C)
      Fields.push_back(Row * 10 + C);
    if (Row == 1)
      continue; // skips the print, the next iteration still starts empty
    print(Fields);

    std::vector<int> Filled(Row, 7);
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'Filled' is allocated
    Filled.push_back(Row);
    print(Filled);

    std::vector<int> Sized(Row + 1);
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'Sized' is allocated
    Sized[0] += Row;
    print(Sized);

    std::vector<int> Listed{1, 2, 3};
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'Listed' is allocated
    Listed.push_back(Row);
    print(Listed);

    std::vector<std::string> Names(2);
    // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'Names' is allocated
    Names[1] += Words[Row];
    std::printf("%s/%s ", Names[0].c_str(), Names[1].c_str());

    std::string Padded(5, 'x');
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'Padded' is allocated
    Padded += Words[Row];
    std::string Label = Words[Row];
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'Label' is allocated
    Label += "!";
    std::string Long = "a literal that does not fit inline";
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'Long' is allocated
    Long.append(Row, '+');
    std::printf("%s %s %s ", Padded.c_str(), Label.c_str(), Long.c_str());

    std::unordered_map<std::string, int> Counts;
    // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: 'Counts' is allocated
    for (const char *W : Words)
      if (std::string(W).size() > static_cast<std::size_t>(Row))
        ++Counts[W];
    std::printf("%zu ", Counts.size());

    std::ostringstream Out;
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'Out' is allocated
    Out << Row << ':' << Words[Row] << ' ' << 2.5 * Row;
    if (Row == 2)
      Out.setstate(std::ios::failbit); // cleared by the reset
    Out << "tail";
    std::printf("[%s]\n", Out.str().c_str());

    if (Row == 3) {
      std::stringstream Parse;
      // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'Parse' is allocated
      Parse << "12 34";
      int A = 0, B = 0;
      Parse >> A >> B;
      std::printf("%d\n", A + B);
    }
  }
  // CHECK-FIXES: {{^}}  std::vector<int> Fields;{{$}}
  // CHECK-FIXES: {{^}}    Fields.clear();{{$}}
  // CHECK-FIXES: {{^}}    Filled.assign(Row, 7);{{$}}
  // CHECK-FIXES: {{^}}    Sized.assign(Row + 1, {});{{$}}
  // CHECK-FIXES: {{^}}    Listed = {1, 2, 3};{{$}}
  // CHECK-FIXES: {{^}}    Names.clear();{{$}}
  // CHECK-FIXES: {{^}}    Names.resize(2);{{$}}
  // CHECK-FIXES: {{^}}    Padded.assign(5, 'x');{{$}}
  // CHECK-FIXES: {{^}}    Label = Words[Row];{{$}}
  // CHECK-FIXES: {{^}}    Long = "a literal that does not fit inline";{{$}}
  // CHECK-FIXES: {{^}}    Counts.clear();{{$}}
  // CHECK-FIXES: {{^}}    Out.str({});{{$}}
  // CHECK-FIXES: {{^}}    Out.clear();{{$}}
  // CHECK-FIXES: {{^}}      Parse.str({});{{$}}
  // CHECK-FIXES: {{^}}      Parse.clear();{{$}}
  return 0;
}
