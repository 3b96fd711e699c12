// RUN: %check_clang_tidy %s memlint-allocation-in-loop %t
// RUN: %check_clang_tidy -std=c++20 %s memlint-allocation-in-loop %t

// Every flagged type and every reset the fixit writes.

#include <deque>
#include <list>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

void sink(const std::string &);
void fillv(std::vector<int> &);
int next();

void containers(int n) {
  for (int i = 0; i < n; ++i) {
    std::vector<std::string> fields;
    // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'fields' is allocated on every iteration; declare it before the loop and clear() it to reuse its capacity [memlint-allocation-in-loop]
    fields.push_back("x");
    std::deque<int> dq;
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'dq' is allocated on every iteration
    dq.push_back(i);
    // Node-based: clear() frees every node, reuse saves nothing.
    std::list<int> li;
    li.push_back(i);
    std::map<int, int> m;
    m[i] = i;
    std::set<int> s;
    s.insert(i);
    std::multimap<int, int> mm;
    std::unordered_map<int, int> um;
    // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: 'um' is allocated on every iteration
    std::unordered_set<int> us;
    // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'us' is allocated on every iteration
    mm.emplace(1, 2);
    um[i] = i;
    us.insert(i);
    sink(fields[0]);
  }
  // CHECK-FIXES:      {{^}}  std::vector<std::string> fields;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  std::deque<int> dq;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  std::unordered_map<int, int> um;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  std::unordered_set<int> us;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (int i = 0; i < n; ++i) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    fields.clear();{{$}}
  // CHECK-FIXES:      {{^}}    dq.clear();{{$}}
  // CHECK-FIXES:      {{^}}    std::list<int> li;{{$}}
  // CHECK-FIXES:      {{^}}    std::map<int, int> m;{{$}}
  // CHECK-FIXES:      {{^}}    std::set<int> s;{{$}}
  // CHECK-FIXES:      {{^}}    std::multimap<int, int> mm;{{$}}
  // CHECK-FIXES:      {{^}}    um.clear();{{$}}
  // CHECK-FIXES:      {{^}}    us.clear();{{$}}
}

// Constructor arguments become the matching assign() / assignment, at the
// point of the declaration, so every iteration starts in the same state.
void resets(int n, const std::string &prefix, const char *cstr,
            const std::vector<int> &src) {
  while (n-- > 0) {
    std::vector<int> filled(n, 7);
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'filled' is allocated on every iteration; declare it before the loop and reassign it to reuse its capacity
    std::vector<int> sized(n);
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'sized' is allocated
    std::vector<std::string> names(n);
    // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'names' is allocated
    auto spelled = std::vector<int>(n);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'spelled' is allocated
    std::vector<int> listed{1, 2, 3};
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'listed' is allocated
    std::vector<int> copied = src;
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'copied' is allocated
    std::vector<int> ranged(src.begin(), src.end());
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'ranged' is allocated
    std::string repeated(5, 'x');
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'repeated' is allocated
    std::string fromExpr = prefix;
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'fromExpr' is allocated
    std::string fromPtr = cstr;
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'fromPtr' is allocated
    std::string direct(cstr, 3);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'direct' is allocated
    std::string longLiteral = "a literal longer than fifteen chars";
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'longLiteral' is allocated
    std::unordered_map<int, int> initMap{{1, 2}};
    // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: 'initMap' is allocated
    fillv(filled);
    fillv(sized);
    fillv(spelled);
    fillv(copied);
    fillv(ranged);
    fillv(listed);
    names.back() += "y";
    sink(repeated + fromExpr + fromPtr + direct + longLiteral + names[0]);
    (void)initMap.size();
  }
  // CHECK-FIXES:      {{^}}  std::vector<int> filled;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  std::vector<int> sized;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  std::vector<std::string> names;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  std::vector<int> spelled;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  std::vector<int> listed;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  std::vector<int> copied;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  std::vector<int> ranged;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  std::string repeated;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  std::string fromExpr;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  std::string fromPtr;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  std::string direct;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  std::string longLiteral;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  std::unordered_map<int, int> initMap;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  while (n-- > 0) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    filled.assign(n, 7);{{$}}
  // CHECK-FIXES:      {{^}}    sized.assign(n, {});{{$}}
  // CHECK-FIXES:      {{^}}    names.clear();{{$}}
  // CHECK-FIXES-NEXT: {{^}}    names.resize(n);{{$}}
  // CHECK-FIXES:      {{^}}    spelled.assign(n, {});{{$}}
  // CHECK-FIXES:      {{^}}    listed = {1, 2, 3};{{$}}
  // CHECK-FIXES:      {{^}}    copied = src;{{$}}
  // CHECK-FIXES:      {{^}}    ranged.assign(src.begin(), src.end());{{$}}
  // CHECK-FIXES:      {{^}}    repeated.assign(5, 'x');{{$}}
  // CHECK-FIXES:      {{^}}    fromExpr = prefix;{{$}}
  // CHECK-FIXES:      {{^}}    fromPtr = cstr;{{$}}
  // CHECK-FIXES:      {{^}}    direct.assign(cstr, 3);{{$}}
  // CHECK-FIXES:      {{^}}    longLiteral = "a literal longer than fifteen chars";{{$}}
  // CHECK-FIXES:      {{^}}    initMap = {{[{][{]}}1, 2{{[}][}]}};{{$}}
}

void streams(int n) {
  for (int i = 0; i < n; ++i) {
    std::ostringstream out;
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'out' is allocated on every iteration; declare it before the loop and reset it with str({}) and clear() to reuse its capacity
    std::stringstream io;
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'io' is allocated on every iteration
    out << i << ' ' << 1.5;
    io << i;
    int back = 0;
    io >> back;
    sink(out.str());
  }
  // CHECK-FIXES:      {{^}}  std::ostringstream out;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  std::stringstream io;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (int i = 0; i < n; ++i) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    out.str({});{{$}}
  // CHECK-FIXES-NEXT: {{^}}    out.clear();{{$}}
  // CHECK-FIXES:      {{^}}    io.str({});{{$}}
  // CHECK-FIXES-NEXT: {{^}}    io.clear();{{$}}
}

// Every kind of loop; the reset stays at the declaration, so `continue`
// before or after it and a declaration in a conditional block are fine.
void loops(std::vector<int> &items) {
  int k = 0;
  do {
    std::string line;
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'line' is allocated
    line += "x";
    sink(line);
  } while (++k < 3);
  // CHECK-FIXES:      {{^}}  std::string line;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  do {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    line.clear();{{$}}
  for (int item : items) {
    if (item == 0)
      continue;
    if (item > 2) {
      std::vector<int> digits;
      // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'digits' is allocated
      digits.push_back(item);
      if (digits.size() > 1)
        continue;
      fillv(digits);
    }
  }
  // CHECK-FIXES:      {{^}}  std::vector<int> digits;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  for (int item : items) {{{$}}
  // CHECK-FIXES:      {{^}}      digits.clear();{{$}}
}

// Nested loops: the declaration moves before the innermost loop.
void nested(int rows, int cols) {
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      std::vector<int> cell;
      // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'cell' is allocated
      fillv(cell);
    }
  }
  // CHECK-FIXES:      {{^}}  for (int r = 0; r < rows; ++r) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    std::vector<int> cell;{{$}}
  // CHECK-FIXES-NEXT: {{^}}    for (int c = 0; c < cols; ++c) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}      cell.clear();{{$}}
}

// Passing by reference to a function that fills it, reading it, iterating it,
// sizeof and member calls do not let it escape.
void localUses() {
  while (next()) {
    std::vector<int> buf;
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'buf' is allocated
    fillv(buf);
    for (int &x : buf)
      x += 1;
    int total = 0;
    for (const int x : buf)
      total += x;
    (void)sizeof(buf);
    auto it = buf.begin();
    (void)it;
    const std::vector<int> &view = buf;
    (void)view;
  }
}

// Spellings of the type: written, auto with a temporary, deduced (CTAD).
void spellings(std::vector<std::string> &names) {
  for (int i = 0; i < 3; ++i) {
    std::vector<std::string> copy = std::vector<std::string>(names);
    // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'copy' is allocated
    auto range = std::vector<std::string>(names.begin(), names.end());
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'range' is allocated
    std::vector deduced{1, 2, 3};
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'deduced' is allocated
    deduced.push_back(1);
    copy.push_back(range[0]);
  }
  // CHECK-FIXES:      {{^}}  std::vector<std::string> copy;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  std::vector<std::string> range;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  std::vector<int> deduced;{{$}}
  // CHECK-FIXES:      {{^}}    copy = names;{{$}}
  // CHECK-FIXES:      {{^}}    range.assign(names.begin(), names.end());{{$}}
  // CHECK-FIXES:      {{^}}    deduced = {1, 2, 3};{{$}}
}

// The same name in a different block is no clash.
void otherBlock(int n) {
  for (int r = 0; r < n; ++r) {
    for (int k = 0; k < 2; ++k) {
      std::string cell;
      // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'cell' is allocated
      cell += "x";
      sink(cell);
    }
  }
  std::string cell;
  (void)cell;
  // CHECK-FIXES:      {{^}}    std::string cell;{{$}}
  // CHECK-FIXES-NEXT: {{^}}    for (int k = 0; k < 2; ++k) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}      cell.clear();{{$}}
}

