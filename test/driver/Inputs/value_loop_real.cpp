#include <string>
#include <vector>
void use(const std::vector<int> &, const std::string &, const std::string &);
void f() {
  for (int I = 0; I < 64; ++I) {
    std::string empty;
    std::vector<int> fields;
    fields.push_back(I);
    std::string line;
    line.append(100, 'x');
    use(fields, line, empty);
  }
}
