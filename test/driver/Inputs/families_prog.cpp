// test/driver/profile-families.test: lines that allocate in two ways at once.
#include <memory>
#include <string>
#include <vector>

struct Span {
  Span(int A) : A(A) {}
  int A;
};

int main(int Argc, char **) {
  unsigned long Total = 0;
  for (int R = 0; R < 100; ++R) {
    std::vector<std::unique_ptr<Span>> Spans;
    for (int I = 0; I < 32; ++I)
      Spans.push_back(std::make_unique<Span>(I));
    std::vector<std::string> Out;
    std::string Cur(40 + Argc, 'x');
    Out.push_back(Cur);
    Total += Spans.size() + Out.size();
  }
  return Total == 0;
}
