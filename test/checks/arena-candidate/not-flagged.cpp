// RUN: %check_clang_tidy %s memlint-arena-candidate %t

// The objects do not all die together at the end of the function, or there
// are too few of them: nothing may be reported.

#include <memory>
#include <utility>
#include <vector>

struct Node {
  explicit Node(int V) : V(V) {}
  int V;
};
struct Link {
  int V;
  Link *Next;
};
void consume(std::vector<std::unique_ptr<Node>> &);
void take(std::vector<std::unique_ptr<Node>>);
std::vector<std::unique_ptr<Node>> Global;

std::vector<std::unique_ptr<Node>> returned(int N) {
  std::vector<std::unique_ptr<Node>> out;
  for (int I = 0; I < N; ++I)
    out.push_back(std::make_unique<Node>(I));
  return out;
}

struct Holder {
  std::vector<std::unique_ptr<Node>> Member;
  void fill(int N) {
    std::vector<std::unique_ptr<Node>> local;
    for (int I = 0; I < N; ++I)
      local.push_back(std::make_unique<Node>(I));
    Member = std::move(local);
  }
  void direct(int N) {
    for (int I = 0; I < N; ++I)
      Member.push_back(std::make_unique<Node>(I));
  }
};

void global(int N) {
  for (int I = 0; I < N; ++I)
    Global.push_back(std::make_unique<Node>(I));
  std::vector<std::unique_ptr<Node>> toGlobal;
  for (int I = 0; I < N; ++I)
    toGlobal.push_back(std::make_unique<Node>(I));
  Global.swap(toGlobal);
}

void passedOn(int N) {
  std::vector<std::unique_ptr<Node>> byRef;
  for (int I = 0; I < N; ++I)
    byRef.push_back(std::make_unique<Node>(I));
  consume(byRef); // may keep or move the elements
  std::vector<std::unique_ptr<Node>> byValue;
  for (int I = 0; I < N; ++I)
    byValue.push_back(std::make_unique<Node>(I));
  take(std::move(byValue));
}

// Elements leave, or die, before the end of the function.
void elementsLeave(int N, std::unique_ptr<Node> &Out) {
  std::vector<std::unique_ptr<Node>> popped;
  for (int I = 0; I < N; ++I)
    popped.push_back(std::make_unique<Node>(I));
  popped.pop_back();
  std::vector<std::unique_ptr<Node>> erased;
  for (int I = 0; I < N; ++I)
    erased.push_back(std::make_unique<Node>(I));
  erased.erase(erased.begin());
  std::vector<std::unique_ptr<Node>> movedOut;
  for (int I = 0; I < N; ++I)
    movedOut.push_back(std::make_unique<Node>(I));
  Out = std::move(movedOut.back());
  std::vector<std::unique_ptr<Node>> released;
  for (int I = 0; I < N; ++I)
    released.push_back(std::make_unique<Node>(I));
  Node *Raw = released[0].release();
  delete Raw;
  std::vector<std::unique_ptr<Node>> cleared;
  for (int I = 0; I < N; ++I)
    cleared.push_back(std::make_unique<Node>(I));
  cleared.clear();
}

std::shared_ptr<Node> sharedOut(int N) {
  std::vector<std::shared_ptr<Node>> all;
  for (int I = 0; I < N; ++I)
    all.push_back(std::make_shared<Node>(I));
  std::shared_ptr<Node> Kept = all[0];
  return Kept;
}

// Raw pointers and lists nobody deletes here are owned elsewhere.
std::vector<Node *> rawNotFreed(int N) {
  std::vector<Node *> handedOut;
  for (int I = 0; I < N; ++I)
    handedOut.push_back(new Node(I));
  return handedOut;
}
Link *listReturned(int N) {
  Link *head = nullptr;
  for (int I = 0; I < N; ++I)
    head = new Link{I, head};
  return head;
}
void listNotFreed(int N, Link *&Out) {
  Link *head = nullptr;
  for (int I = 0; I < N; ++I)
    head = new Link{I, head};
  Out = head;
}

// Fewer than MinAllocations (2) allocations: a constant trip count below it.
void tooFew() {
  std::vector<std::unique_ptr<Node>> one;
  for (int I = 0; I < 1; ++I)
    one.push_back(std::make_unique<Node>(I));
  std::vector<std::unique_ptr<Node>> once;
  do {
    once.push_back(std::make_unique<Node>(0));
  } while (false);
  std::vector<std::unique_ptr<Node>> single;
  for (int V : {7})
    single.push_back(std::make_unique<Node>(V));
}

// Not in a loop, or the owner lives only for one iteration.
void notALoop() {
  std::vector<std::unique_ptr<Node>> plain;
  plain.push_back(std::make_unique<Node>(1));
  plain.push_back(std::make_unique<Node>(2));
  for (int I = 0; I < 4; ++I) {
    std::vector<std::unique_ptr<Node>> perIteration;
    perIteration.push_back(std::make_unique<Node>(I));
  }
  for (int I = 0; I < 4; ++I) {
    auto Lambda = [](std::vector<std::unique_ptr<Node>> &V) {
      V.push_back(std::make_unique<Node>(0));
    };
    (void)Lambda;
  }
}

// Owned by nobody in this function.
void unowned(int N) {
  for (int I = 0; I < N; ++I) {
    auto P = std::make_unique<Node>(I);
    (void)P;
    Node *Temp = new Node(I);
    delete Temp;
  }
}
