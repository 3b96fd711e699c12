//===--- AllocationBehaviourTest.cpp - tests of utils/AllocationBehaviour -===//
//
// The small-string capacity read from each standard library's own layout
// (mock declarations shaped like libstdc++'s and libc++'s basic_string), and
// the allocation kind of the standard containers.
//
//===----------------------------------------------------------------------===//

#include "checks/utils/AllocationBehaviour.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::memlint::utils;

namespace {

// libstdc++ (C++11 ABI): `enum { _S_local_capacity = 15 / sizeof(_CharT) };`
const char *LibStdCxx = R"cc(
namespace std {
inline namespace __cxx11 {
template <class C> class basic_string {
  enum { _S_local_capacity = 15 / sizeof(C) };
  union {
    C _M_local_buf[_S_local_capacity + 1];
    unsigned long _M_allocated_capacity;
  };
};
} // namespace __cxx11
} // namespace std
)cc";

// libc++: `__min_cap` counts the terminator.
const char *LibCxx = R"cc(
namespace std {
inline namespace __1 {
template <class C> class basic_string {
  struct __long {
    unsigned long __cap_, __size_;
    C *__data_;
  };
  enum {
    __min_cap = (sizeof(__long) - 1) / sizeof(C) > 2
                    ? (sizeof(__long) - 1) / sizeof(C)
                    : 2
  };
  C __data_[__min_cap];
};
} // namespace __1
} // namespace std
)cc";

// libstdc++'s old, reference-counted string: no inline buffer.
const char *Cow = R"cc(
namespace std {
template <class C> class basic_string {
  struct _Rep {
    unsigned long _M_length;
  };
  C *_M_p;
};
} // namespace std
)cc";

const char *Other = R"cc(
namespace std {
template <class C> class basic_string {
  C *p;
};
} // namespace std
)cc";

struct Capacities {
  bool Parsed = false;
  StandardLibrary Lib = StandardLibrary::Unknown;
  uint64_t Narrow = 0, Wide = 0;
};

Capacities capacitiesOf(const std::string &Library) {
  std::string Code =
      Library + "std::basic_string<char> s;\nstd::basic_string<wchar_t> w;\n";
  std::unique_ptr<ASTUnit> AST = tooling::buildASTFromCodeWithArgs(
      Code, {"-std=c++17", "-Wno-everything", "--target=x86_64-linux-gnu"},
      "input.cc");
  Capacities R;
  if (!AST || AST->getDiagnostics().hasErrorOccurred())
    return R;
  ASTContext &Ctx = AST->getASTContext();
  auto S = match(varDecl(hasName("s")).bind("v"), Ctx);
  auto W = match(varDecl(hasName("w")).bind("v"), Ctx);
  if (S.empty() || W.empty())
    return R;
  const CXXRecordDecl *SR =
      S[0].getNodeAs<VarDecl>("v")->getType()->getAsCXXRecordDecl();
  const CXXRecordDecl *WR =
      W[0].getNodeAs<VarDecl>("v")->getType()->getAsCXXRecordDecl();
  if (!SR || !WR)
    return R;
  R.Parsed = true;
  R.Lib = standardLibraryOf(*SR);
  R.Narrow = smallStringCapacity(*SR);
  R.Wide = smallStringCapacity(*WR);
  return R;
}

TEST(AllocationBehaviour, LibStdCxxString) {
  Capacities C = capacitiesOf(LibStdCxx);
  ASSERT_TRUE(C.Parsed);
  EXPECT_EQ(int(C.Lib), int(StandardLibrary::LibStdCxx));
  EXPECT_EQ(C.Narrow, 15u);
  EXPECT_EQ(C.Wide, 3u);
}

TEST(AllocationBehaviour, LibCxxString) {
  Capacities C = capacitiesOf(LibCxx);
  ASSERT_TRUE(C.Parsed);
  EXPECT_EQ(int(C.Lib), int(StandardLibrary::LibCxx));
  EXPECT_EQ(C.Narrow, 22u);
  EXPECT_EQ(C.Wide, 4u);
}

TEST(AllocationBehaviour, CopyOnWriteString) {
  Capacities C = capacitiesOf(Cow);
  ASSERT_TRUE(C.Parsed);
  EXPECT_EQ(int(C.Lib), int(StandardLibrary::LibStdCxxCow));
  EXPECT_EQ(C.Narrow, 0u);
}

TEST(AllocationBehaviour, UnknownLibraryAssumesTheSmallestBuffer) {
  Capacities C = capacitiesOf(Other);
  ASSERT_TRUE(C.Parsed);
  EXPECT_EQ(int(C.Lib), int(StandardLibrary::Unknown));
  EXPECT_EQ(C.Narrow, 15u);
  EXPECT_EQ(C.Wide, 3u);
}

TEST(AllocationBehaviour, Kinds) {
  std::string Code = R"cc(
namespace std {
template <class T> struct vector {};
template <class T> struct deque {};
template <class K, class V> struct map {};
template <class T> struct list {};
template <class K, class V> struct unordered_map {};
} // namespace std
struct Mine {};
std::vector<int> a; std::deque<int> b; std::map<int, int> c;
std::list<int> d; std::unordered_map<int, int> e; Mine f;
)cc";
  std::unique_ptr<ASTUnit> AST = tooling::buildASTFromCodeWithArgs(
      Code, {"-std=c++17", "-Wno-everything"}, "input.cc");
  ASSERT_TRUE(AST && !AST->getDiagnostics().hasErrorOccurred());
  auto KindOf = [&](const char *Name) {
    auto M = match(varDecl(hasName(Name)).bind("v"), AST->getASTContext());
    const CXXRecordDecl *RD =
        M[0].getNodeAs<VarDecl>("v")->getType()->getAsCXXRecordDecl();
    return int(allocationKindOf(*RD));
  };
  EXPECT_EQ(KindOf("a"), int(AllocationKind::Contiguous));
  EXPECT_EQ(KindOf("b"), int(AllocationKind::Contiguous));
  EXPECT_EQ(KindOf("c"), int(AllocationKind::NodeBased));
  EXPECT_EQ(KindOf("d"), int(AllocationKind::NodeBased));
  EXPECT_EQ(KindOf("e"), int(AllocationKind::HashTable));
  EXPECT_EQ(KindOf("f"), int(AllocationKind::Unknown));
}

// bufferFate of a default-constructed local `v` over one body at a time.
const char *FatePrelude = R"cc(
namespace std {
template <class T> struct remove_reference { using type = T; };
template <class T> struct remove_reference<T &> { using type = T; };
template <class T> typename remove_reference<T>::type &&move(T &&t);
template <class T> struct vector {
  vector();
  vector(const vector &);
  vector(vector &&);
  vector &operator=(const vector &);
  vector &operator=(vector &&);
  void push_back(const T &);
  void clear();
  unsigned long size() const;
};
} // namespace std
std::vector<int> make();
void read(const std::vector<int> &);
void fill(std::vector<int> &);
)cc";

std::optional<BufferFate> fateOf(const std::string &Body) {
  std::string Code = std::string(FatePrelude) +
                     "void f(const std::vector<int> &other, "
                     "std::vector<int> w) {\n  std::vector<int> v;\n" +
                     Body + "\n}\n";
  std::unique_ptr<ASTUnit> AST = tooling::buildASTFromCodeWithArgs(
      Code, {"-std=c++17", "-Wno-everything"}, "input.cc");
  if (!AST || AST->getDiagnostics().hasErrorOccurred())
    return std::nullopt;
  ASTContext &Ctx = AST->getASTContext();
  auto M = match(functionDecl(hasName("f"), isDefinition(),
                              hasDescendant(varDecl(hasName("v")).bind("v")))
                     .bind("f"),
                 Ctx);
  if (M.empty())
    return std::nullopt;
  return bufferFate(*M[0].getNodeAs<VarDecl>("v"),
                    *M[0].getNodeAs<FunctionDecl>("f")->getBody(), Ctx);
}

void expectFate(const std::string &Body, BufferFate Expected) {
  std::optional<BufferFate> F = fateOf(Body);
  ASSERT_TRUE(F.has_value()) << Body;
  EXPECT_EQ(int(*F), int(Expected)) << Body;
}

TEST(AllocationBehaviour, BufferFate) {
  expectFate("read(v); (void)v.size();", BufferFate::NeverGrown);
  expectFate("v.clear(); read(v);", BufferFate::NeverGrown);
  expectFate("v = make(); read(v);", BufferFate::ReplacedEachTime);
  expectFate("v.clear(); v = make();", BufferFate::ReplacedEachTime);
  expectFate("v = std::move(w);", BufferFate::ReplacedEachTime);
  expectFate("v = other;", BufferFate::MayBeReused);
  expectFate("fill(v);", BufferFate::MayBeReused);
  expectFate("v = make(); v.push_back(1);", BufferFate::MayBeReused);
}

} // namespace
