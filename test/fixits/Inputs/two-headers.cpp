#include <cstdio>
#include <string>
#include <vector>

// Long enough for the heap: the copy and the substr each allocate.
static std::string line() {
  return "GET /index.html HTTP/1.1 with a tail long enough for the heap";
}

static int keep(std::vector<std::string> &Out, std::string S) {
  int N = S.substr(0, S.find(' ')) == "GET";
  Out.push_back(S);
  return N;
}

int main() {
  std::vector<std::string> Out;
  int N = keep(Out, line());
  std::printf("%d %zu\n", N, Out.front().size());
  return N == 1 && Out.size() == 1 ? 0 : 1;
}
