// RUN: %check_clang_tidy %s memlint-arena-candidate %t

// Flagged, with the note on the owner, but without a fixit: only the
// std::vector<std::unique_ptr<T>> local whose elements compile unchanged as T*
// is rewritten. The file must stay unchanged.

#include <cstdio>
#include <map>
#include <memory>
#include <vector>

struct Node {
  explicit Node(int V) : V(V) {}
  int V;
};
struct Link {
  int V;
  Link *Next;
};
void show(const Node *);
void showAll(const std::vector<std::unique_ptr<Node>> &);
int next();

int linkedList(int N) {
  Link *head = nullptr;
  for (int I = 0; I < N; ++I)
    head = new Link{I, head};
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: each 'Link' is a separate heap allocation, yet all of them are owned by 'head' and freed together; allocate them from a 'memlint::arena' [memlint-arena-candidate]
  // CHECK-NOTES: :[[@LINE-4]]:9: note: declare 'memlint::arena headArena;' before 'head', allocate the nodes with 'headArena.make<Link>(...)' and remove the loop that deletes them; the arena runs their destructors, in reverse order, when it goes out of scope
  // CHECK-NOTES: :[[@LINE-5]]:9: note: no fixit: only a 'std::vector<std::unique_ptr<T>>' local is rewritten
  int Sum = 0;
  for (Link *P = head; P; P = P->Next)
    Sum += P->V;
  while (head) {
    Link *Next = head->Next;
    delete head;
    head = Next;
  }
  return Sum;
}

int linkedThroughLocal(int N) {
  Link *first = nullptr;
  for (int I = 0; I < N; ++I) {
    Link *L = new Link{I, nullptr};
    // CHECK-NOTES: :[[@LINE-1]]:15: warning: each 'Link' is a separate heap allocation, yet all of them are owned by 'first'
    // CHECK-NOTES: :[[@LINE-4]]:9: note: declare 'memlint::arena firstArena;'
    // CHECK-NOTES: :[[@LINE-5]]:9: note: no fixit
    L->Next = first;
    first = L;
  }
  int Count = 0;
  while (first) {
    Link *Next = first->Next;
    delete first;
    first = Next;
    ++Count;
  }
  return Count;
}

int rawPointers(int N) {
  std::vector<Node *> nodes;
  for (int I = 0; I < N; ++I)
    nodes.push_back(new Node(I));
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: each 'Node' is a separate heap allocation, yet all of them are owned by 'nodes'
  // CHECK-NOTES: :[[@LINE-4]]:23: note: declare 'memlint::arena nodesArena;' before 'nodes', make it hold 'Node *' and allocate with 'nodesArena.make<Node>(...)'
  // CHECK-NOTES: :[[@LINE-5]]:23: note: no fixit: only a 'std::vector<std::unique_ptr<T>>' local is rewritten
  int Sum = 0;
  for (Node *P : nodes)
    Sum += P->V;
  for (Node *P : nodes)
    delete P;
  return Sum;
}

int shared(int N) {
  std::vector<std::shared_ptr<Node>> sharedNodes;
  for (int I = 0; I < N; ++I)
    sharedNodes.push_back(std::make_shared<Node>(I));
  // CHECK-NOTES: :[[@LINE-1]]:27: warning: each 'Node' is a separate heap allocation, yet all of them are owned by 'sharedNodes'
  // CHECK-NOTES: :[[@LINE-4]]:38: note: declare 'memlint::arena sharedNodesArena;'
  // CHECK-NOTES: :[[@LINE-5]]:38: note: no fixit: only a 'std::vector<std::unique_ptr<T>>' local is rewritten
  return sharedNodes[0]->V;
}

int mapOfOwners() {
  std::map<int, std::unique_ptr<Node>> byKey;
  while (int K = next())
    byKey[K] = std::make_unique<Node>(K);
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: each 'Node' is a separate heap allocation, yet all of them are owned by 'byKey'
  // CHECK-NOTES: :[[@LINE-4]]:40: note: declare 'memlint::arena byKeyArena;'
  // CHECK-NOTES: :[[@LINE-5]]:40: note: no fixit: only a 'std::vector<std::unique_ptr<T>>' local is rewritten
  return int(byKey.size());
}

void usesGet(int N) {
  std::vector<std::unique_ptr<Node>> viaGet;
  for (int I = 0; I < N; ++I)
    viaGet.push_back(std::make_unique<Node>(I));
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: each 'Node' is a separate heap allocation
  // CHECK-NOTES: :[[@LINE-4]]:38: note: declare 'memlint::arena viaGetArena;'
  // CHECK-NOTES: :[[@LINE-5]]:38: note: no fixit: an element is used through get()
  show(viaGet[0].get());
}

void passedAsIs(int N) {
  std::vector<std::unique_ptr<Node>> shown;
  for (int I = 0; I < N; ++I)
    shown.push_back(std::make_unique<Node>(I));
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: each 'Node' is a separate heap allocation
  // CHECK-NOTES: :[[@LINE-4]]:38: note: declare 'memlint::arena shownArena;'
  // CHECK-NOTES: :[[@LINE-5]]:38: note: no fixit: it is passed to something that expects its type
  showAll(shown);
}

void heldFirst(int N) {
  std::vector<std::unique_ptr<Node>> held;
  for (int I = 0; I < N; ++I) {
    auto P = std::make_unique<Node>(I);
    // CHECK-NOTES: :[[@LINE-1]]:14: warning: each 'Node' is a separate heap allocation, yet all of them are owned by 'held'
    // CHECK-NOTES: :[[@LINE-4]]:38: note: declare 'memlint::arena heldArena;'
    // CHECK-NOTES: :[[@LINE-5]]:38: note: no fixit: the object is held by 'P' before it is stored
    P->V += 1;
    held.push_back(std::move(P));
  }
}

struct Loud {
  explicit Loud(int V) : V(V) {}
  ~Loud() { std::printf("%d\n", V); }
  int V;
};
void observableOrder(int N) {
  std::vector<std::unique_ptr<Loud>> loud;
  for (int I = 0; I < N; ++I)
    loud.push_back(std::make_unique<Loud>(I));
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: each 'Loud' is a separate heap allocation
  // CHECK-NOTES: :[[@LINE-4]]:38: note: declare 'memlint::arena loudArena;'
  // CHECK-NOTES: :[[@LINE-5]]:38: note: no fixit: the arena would run the destructors in reverse order
}

void braced(int N) {
  std::vector<std::unique_ptr<Link>> links;
  for (int I = 0; I < N; ++I)
    links.emplace_back(new Link{I, nullptr});
  // CHECK-NOTES: :[[@LINE-1]]:24: warning: each 'Link' is a separate heap allocation
  // CHECK-NOTES: :[[@LINE-4]]:38: note: declare 'memlint::arena linksArena;'
  // CHECK-NOTES: :[[@LINE-5]]:38: note: no fixit: an allocation uses a braced initializer or a macro
}

// Two allocation sites: the first report carries the note (and would carry
// the fixit), the second only the warning.
void twoSites(int N) {
  std::vector<Node *> twice;
  for (int I = 0; I < N; ++I) {
    twice.push_back(new Node(I));
    // CHECK-NOTES: :[[@LINE-1]]:21: warning: each 'Node' is a separate heap allocation
    // CHECK-NOTES: :[[@LINE-4]]:23: note: declare 'memlint::arena twiceArena;'
    // CHECK-NOTES: :[[@LINE-5]]:23: note: no fixit
    twice.push_back(new Node(-I));
    // CHECK-NOTES: :[[@LINE-1]]:21: warning: each 'Node' is a separate heap allocation
  }
  for (Node *P : twice)
    delete P;
}
