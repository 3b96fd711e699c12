// RUN: %check_clang_tidy %s memlint-unneeded-copy %t
// RUN: %check_clang_tidy -check-suffix=FIX %s memlint-unneeded-copy %t \
// RUN:   -- -config="{CheckOptions: {memlint-unneeded-copy.FixGetters: true}}"

#include <string>
#include <vector>

class Person {
public:
  std::string name() const { return Name; }
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: getter 'name' copies a std::string (heap allocation when longer than the small-string buffer) on every call; return 'const std::string&' [memlint-unneeded-copy]
  // CHECK-NOTES: :[[@LINE-2]]:15: note: a reference changes lifetimes: callers that bind the result of a temporary object's 'name()' to a reference, or keep it across a change of 'Name', would dangle; set FixGetters to get a fix
  // CHECK-NOTES-FIX: :[[@LINE-3]]:15: warning: getter 'name' {{.*}} return 'const std::string&'
  // CHECK-NOTES-FIX: :[[@LINE-4]]:15: note: a reference changes lifetimes: {{.*}} would dangle{{$}}
  // CHECK-FIXES-FIX: const std::string& name() const { return Name; }
  std::vector<int> ids() const;
  // CHECK-FIXES-FIX: const std::vector<int>& ids() const;

  // Not getters of an expensive member by value:
  int age() const { return Age; }
  const std::string &nameRef() const { return Name; }
  std::string upper() const { return Name + "!"; }
  std::string fixed() const { return "x"; }
  virtual std::string label() const { return Name; }
  static std::string global() { return Global; }
  auto deduced() const { return Name; }
  virtual ~Person() = default;

private:
  std::string Name;
  std::vector<int> Ids;
  int Age = 0;
  static std::string Global;
};

std::vector<int> Person::ids() const { return Ids; }
// CHECK-NOTES: :[[@LINE-1]]:26: warning: getter 'ids' copies a 'std::vector<int>' {{.*}} return 'const std::vector<int>&'
// CHECK-NOTES: :[[@LINE-2]]:26: note: a reference changes lifetimes
// CHECK-NOTES-FIX: :[[@LINE-3]]:26: warning: getter 'ids'
// CHECK-NOTES-FIX: :[[@LINE-4]]:26: note: a reference changes lifetimes
// CHECK-FIXES-FIX: const std::vector<int>& Person::ids() const { return Ids; }

template <typename T> struct Box {
  T get() const { return Value; } // dependent: not flagged
  T Value;
};
Box<std::string> B;
std::string useBox() { return B.get(); }
