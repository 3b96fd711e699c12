#include <cstdio>
#include <string>
#include <vector>

// memlint check --fix applies the fixes below in two passes (fixpoint.test).
static unsigned total(const std::vector<std::string> &Names) {
  unsigned N = 0;
  for (std::string Name : Names)
    N += Name.size();
  return N;
}

// Both hoists insert before the loop, in one pass.
unsigned run(const std::vector<std::string> &Rows, int Count) {
  unsigned Sum = 0;
  for (int I = 0; I < Count; ++I) {
    std::vector<std::string> Parts;
    for (const std::string &R : Rows)
      Parts.push_back(R);
    std::string Line = Rows[0];
    Line.append(50, 'x');
    Sum += total(Parts) + Line.size();
  }
  return Sum;
}

// Reported without a fixit: hoisting 'Buf' would clash with the later one.
unsigned clash(int Count) {
  unsigned Sum = 0;
  for (int I = 0; I < Count; ++I) {
    std::string Buf(40, 'y');
    Sum += Buf.size();
  }
  std::string Buf = "done";
  return Sum + Buf.size();
}

int main() {
  std::vector<std::string> Rows = {"alpha", "beta", "gamma"};
  std::printf("%u %u\n", run(Rows, 3), clash(2));
}
