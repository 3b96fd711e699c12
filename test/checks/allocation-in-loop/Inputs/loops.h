#include <string>
#include <vector>

inline std::size_t total(const std::vector<std::string> &lines) {
  std::size_t n = 0;
  for (const std::string &line : lines) {
    std::vector<char> chars;
    for (char c : line)
      chars.push_back(c);
    n += chars.size();
  }
  return n;
}
