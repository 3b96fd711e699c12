#include <string>
#include <vector>

int countLines(std::vector<std::string> Lines);
struct Parser {
  bool accepts(std::string Token) const;
};
#define DECLARE_LOOKUP(Name) int Name(std::vector<int> Keys)
DECLARE_LOOKUP(lookupAll);
