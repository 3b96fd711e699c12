// A realistic translation unit for the editor-latency benchmark: standard
// containers, strings, streams and algorithms, with the kinds of code memlint
// looks at. Measured: didOpen to the first diagnostics.
#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

namespace shop {

enum class Status { Open, Shipped, Delivered, Returned };

struct Order {
  bool Paid;
  double Amount;
  Status State;
  std::int64_t Id;
  bool Gift;
  std::string Customer;
  std::vector<std::string> Items;
};

class Ledger {
public:
  void add(Order O) { Orders.push_back(O); }
  std::vector<Order> orders() const { return Orders; }
  std::string name() const { return Name; }

  double total() const {
    double Sum = 0;
    for (Order O : Orders)
      Sum += O.Amount;
    return Sum;
  }

  std::map<std::string, double> byCustomer() const {
    std::map<std::string, double> Result;
    for (const Order &O : Orders)
      Result[O.Customer] += O.Amount;
    return Result;
  }

  std::vector<std::int64_t> ids() const {
    std::vector<std::int64_t> Ids;
    for (const Order &O : Orders)
      Ids.push_back(O.Id);
    return Ids;
  }

  std::string report() const {
    std::string Out;
    for (const Order &O : Orders) {
      std::ostringstream Line;
      Line << O.Id << ' ' << O.Customer << ' ' << O.Amount << '\n';
      Out += Line.str();
    }
    return Out;
  }

private:
  std::vector<Order> Orders;
  std::string Name = "main ledger";
};

struct Node {
  int Value;
  std::vector<Node *> Children;
};

int treeSum(int N) {
  std::vector<std::unique_ptr<Node>> Nodes;
  for (int I = 0; I < N; ++I)
    Nodes.push_back(std::make_unique<Node>(Node{I, {}}));
  int Sum = 0;
  for (const auto &P : Nodes)
    Sum += P->Value;
  return Sum;
}

std::unordered_map<std::string, int> countWords(const std::vector<std::string> &Words) {
  std::unordered_map<std::string, int> Counts;
  for (const std::string &W : Words) {
    std::string Lower;
    for (char C : W)
      Lower.push_back(static_cast<char>(C | 0x20));
    ++Counts[Lower];
  }
  return Counts;
}

int checksum(const std::string &Text) {
  std::vector<unsigned char> Buffer(64);
  int Sum = 0;
  for (std::size_t I = 0; I < Text.size(); ++I) {
    Buffer[I % Buffer.size()] ^= static_cast<unsigned char>(Text[I]);
    Sum += Buffer[I % Buffer.size()];
  }
  return Sum;
}

std::vector<int> firstThree() {
  std::vector<int> Small;
  Small.push_back(1);
  Small.push_back(2);
  Small.push_back(3);
  int S = 0;
  for (int V : Small)
    S += V;
  return {S};
}

std::string greeting() {
  std::string Text = "hello from the memlint shop";
  return Text.substr(0, 5);
}

} // namespace shop

int main() {
  shop::Ledger L;
  for (int I = 0; I < 10; ++I)
    L.add(shop::Order{true, I * 1.5, shop::Status::Open, I, false, "c" + std::to_string(I % 3), {}});
  auto Sorted = L.orders();
  std::sort(Sorted.begin(), Sorted.end(),
            [](const shop::Order &A, const shop::Order &B) { return A.Amount > B.Amount; });
  return static_cast<int>(L.total() + L.byCustomer().size() + L.ids().size() + L.report().size() +
                          shop::treeSum(5) + shop::countWords({"a", "B"}).size() +
                          shop::checksum("abc") + shop::firstThree().size() +
                          shop::greeting().size()) > 0 ? 0 : 1;
}
