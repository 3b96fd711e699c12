#include <string>
#include <vector>

int count(const std::vector<std::string> &Names) {
  int N = 0;
  for (const std::string& Name : Names)
    N += Name.size();
  return N;
}
