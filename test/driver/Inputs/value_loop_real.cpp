#include <string>
#include <vector>
void use(const std::vector<int> &, const std::string &, int);
void f() {
  for (int I = 0; I < 64; ++I) {
    std::vector<int> buf(4);
    buf[I % 4] = I;
    std::vector<int> fields;
    fields.push_back(I);
    std::string line;
    line.append(100, 'x');
    use(fields, line, buf[0]);
  }
}
