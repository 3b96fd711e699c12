#include <string>
#include <vector>

std::string joinPath(const std::string &Dir, const std::string &File) {
  std::vector<std::string> Parts;
  Parts.push_back(Dir);
  Parts.push_back("/");
  Parts.push_back(File);
  std::string Out;
  for (const std::string &P : Parts)
    Out += P;
  return Out;
}
