// RUN: %check_clang_tidy -run-fixed %s memlint-padding-waste %t -- -- -Werror=reorder-ctor
// Initializing a member with bare `this` (its value, an address) reads no
// member, so the order of initialization does not matter to it; `this->x`,
// member calls and `this` handed to a function may read members.

#include <cstdio>

// leveldb's Version: a list node pointing at itself.
class VersionSet;
class Version {
 public:
  explicit Version(VersionSet* vset)
      : vset_(vset), next_(this), prev_(this), refs_(0), file_to_compact_(nullptr), file_to_compact_level_(-1), compaction_score_(-1), compaction_level_(-1) {}
  bool linked() const { return next_ == this && prev_ == this && refs_ == 0; }

 private:
  VersionSet* vset_;
  Version* next_;
  Version* prev_;
  int refs_;
  void* file_to_compact_;
  int file_to_compact_level_;
  double compaction_score_;
  int compaction_level_;
};
// CHECK-MESSAGES: :[[@LINE-16]]:7: warning: 'Version' is 64 bytes with 12 bytes of padding; ordering its fields as (vset_, next_, prev_, file_to_compact_, compaction_score_, refs_, file_to_compact_level_, compaction_level_) makes it 56 bytes [memlint-padding-waste]
// CHECK-FIXES:      : vset_(vset), next_(this), prev_(this), file_to_compact_(nullptr), compaction_score_(-1), refs_(0), file_to_compact_level_(-1), compaction_level_(-1) {}
// CHECK-FIXES:      {{^}}  VersionSet* vset_;
// CHECK-FIXES-NEXT: {{^}}  Version* next_;
// CHECK-FIXES-NEXT: {{^}}  Version* prev_;
// CHECK-FIXES-NEXT: {{^}}  void* file_to_compact_;
// CHECK-FIXES-NEXT: {{^}}  double compaction_score_;
// CHECK-FIXES-NEXT: {{^}}  int refs_;
// CHECK-FIXES-NEXT: {{^}}  int file_to_compact_level_;
// CHECK-FIXES-NEXT: {{^}}  int compaction_level_;
// CHECK-FIXES-NEXT: {{^}}};

// Braces, a conversion, and default member initializers alike.
struct Base {
  virtual ~Base() = default;
};
struct Node : Base {
  Node() : Tag(1), Self{this}, AsBase(this) {}
  char Tag;
  Node *Self;
  Base *AsBase;
  char Mark;
  Node *Next = this;
  const void *Id = (this);
};
// CHECK-MESSAGES: :[[@LINE-9]]:8: warning: 'Node' is 56 bytes with 14 bytes of padding; ordering its fields as (Self, AsBase, Next, Id, Tag, Mark) makes it 48 bytes [memlint-padding-waste]
// CHECK-FIXES:      {{^}}  Node() : Self{this}, AsBase(this), Tag(1) {}
// CHECK-FIXES-NEXT: {{^}}  Node *Self;
// CHECK-FIXES-NEXT: {{^}}  Base *AsBase;
// CHECK-FIXES-NEXT: {{^}}  Node *Next = this;
// CHECK-FIXES-NEXT: {{^}}  const void *Id = (this);
// CHECK-FIXES-NEXT: {{^}}  char Tag;
// CHECK-FIXES-NEXT: {{^}}  char Mark;
// CHECK-FIXES-NEXT: {{^}}};

#ifdef MEMLINT_FIXED
static_assert(sizeof(Version) == 56 && sizeof(Node) == 48, "");
#endif

int main() {
  Version V(nullptr);
  Node N;
  std::printf("%d %d %d %d %d\n", V.linked(), N.Self == &N,
              N.AsBase == static_cast<Base *>(&N), N.Next == &N, N.Id == &N);
  return 0;
}
