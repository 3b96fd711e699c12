#include <string>
#include <vector>
int deref(int *P) { return *P; }
int nullDeref() {
  int *P = nullptr;
  return deref(P);
}
struct Padded {
  char A;
  double B;
  char C;
};
std::vector<Padded> Table;
