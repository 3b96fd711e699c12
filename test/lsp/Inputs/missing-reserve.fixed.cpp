#include <string>
#include <vector>

struct User {
  std::string Name;
  int Age;
};

std::vector<std::string> namesOf(const std::vector<User> &Users) {
  std::vector<std::string> Names;
  Names.reserve(Users.size());
  for (const User &U : Users)
    Names.push_back(U.Name);
  return Names;
}
