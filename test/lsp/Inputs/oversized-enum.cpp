#include <vector>

// Enumerators fit in a byte, but the enum is int-sized.
enum class Cell { Empty, Wall, Door };

// Only reached through the std::vector<Cell> specialization (in namespace std).
std::vector<Cell> Grid;

enum Suit { Hearts, Diamonds, Clubs, Spades };

struct Card {
  Suit Kind;
  char Rank;
};

Card Deck[52];
