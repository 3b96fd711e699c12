#include <string>

bool startsWithSlash(const std::string &Path);
struct Parser {
  bool accepts(const std::string& Token) const;
};
#define DECLARE_LOOKUP(Name) int Name(const std::string &Key)
DECLARE_LOOKUP(lookup);
