#include <cstdio>
#include <string>
#include <vector>

struct Config {
  std::string Path;
  std::vector<std::string> Args;
};

void printConfig(const Config &C) {
  std::printf("%s\n", C.Path.c_str());
  for (const std::string& Arg : C.Args)
    std::printf("  %s\n", Arg.c_str());
}
