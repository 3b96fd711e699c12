// A small program with the patterns memlint looks for. `scripts/setup` runs
// memlint on it; `scripts/example` does so again at any time.
#include <cstdint>
#include <string>
#include <vector>

enum Category { Tools, Garden, Kitchen, Toys };

struct Item {
  bool InStock;
  double Price;
  Category Kind;
  std::int32_t Id;
  bool OnSale;
};

struct Inventory {
  std::vector<Item> Items;
  std::string Owner;

  std::string owner() const { return Owner; }
};

static double totalPrice(std::vector<Item> Items) {
  double Total = 0;
  for (Item I : Items)
    Total += I.Price;
  return Total;
}

std::vector<std::string> labels(const Inventory &Inv) {
  std::vector<std::string> Labels;
  for (const Item &I : Inv.Items) {
    std::string Label = "item-" + std::to_string(I.Id);
    Labels.push_back(Label);
  }
  return Labels;
}

int main() {
  Inventory Inv;
  for (int I = 0; I < 100; ++I)
    Inv.Items.push_back(Item{true, 1.5 * I, Tools, I, false});
  return totalPrice(Inv.Items) > 0 && !labels(Inv).empty() ? 0 : 1;
}
