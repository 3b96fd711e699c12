#include <string>
#include <vector>

int countFields(const std::vector<std::string> &Lines) {
  int Total = 0;
  for (const std::string &Line : Lines) {
    std::vector<std::string> Fields;
    std::string Field;
    for (char C : Line) {
      if (C == ',') {
        Fields.push_back(Field);
        Field.clear();
      } else {
        Field += C;
      }
    }
    Fields.push_back(Field);
    Total += static_cast<int>(Fields.size());
  }
  return Total;
}
