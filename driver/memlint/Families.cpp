//===--- Families.cpp - which standard container allocated a stack --------===//
//
// A line can allocate in several ways at once: `V.push_back(S)` grows V's
// buffer and copies S's characters; `V.push_back(std::make_unique<T>())`
// grows V and allocates a T. A fix removes one of them, and a check says
// which by the family in its note (checks/utils/FixSaving.h). Here a stack
// is given its family: that of the innermost frame, past the allocator's own
// plumbing, that belongs to a standard container, or "object" when user code
// (or make_unique/make_shared) called operator new itself.
//
//===----------------------------------------------------------------------===//

#include "Profile.h"

#include "llvm/ADT/STLExtras.h"

namespace memlint {

namespace {

// The components of a demangled function's qualified name, without template
// arguments, ABI tags, the return type and the parameter list:
// "void std::vector<int>::_M_realloc_insert<int>(...)" is {"std", "vector",
// "_M_realloc_insert"}.
std::vector<std::string> nameComponents(llvm::StringRef Name) {
  std::vector<std::string> Out(1);
  int Depth = 0;
  for (size_t I = 0; I < Name.size(); ++I) {
    char C = Name[I];
    if (C == '<' || C == '[' || C == '{') {
      ++Depth;
    } else if (C == '>' || C == ']' || C == '}') {
      Depth = std::max(0, Depth - 1);
    } else if (Depth > 0) {
    } else if (C == '(') {
      if (!Name.substr(I).starts_with("(anonymous namespace)"))
        break;
      Out.back() += "(anonymous namespace)";
      I += llvm::StringRef("(anonymous namespace)").size() - 1;
    } else if (C == ' ' && !llvm::StringRef(Out.back()).ends_with("operator")) {
      Out.assign(1, ""); // what came before was the return type
    } else if (C == ':' && I + 1 < Name.size() && Name[I + 1] == ':') {
      Out.emplace_back();
      ++I;
    } else {
      Out.back() += C;
    }
  }
  return Out;
}

// The allocator's own frames, between a container and operator new.
bool isAllocatorPlumbing(const std::vector<std::string> &Parts) {
  for (const std::string &P : Parts) {
    llvm::StringRef S = P;
    if (S.starts_with("operator new") || S.contains("allocator") ||
        S == "__libcpp_allocate" || S == "__allocate_at_least" ||
        S == "__libcpp_operator_new" || S == "malloc" || S == "calloc" ||
        S == "realloc" || S == "aligned_alloc" || S == "posix_memalign")
      return true;
  }
  return false;
}

// The family a frame's class or function names, or "" for none.
std::string familyOf(const std::vector<std::string> &Parts) {
  static const std::pair<const char *, const char *> Classes[] = {
      {"vector", "vector"},
      {"_Vector_base", "vector"},
      {"__split_buffer", "vector"},
      {"__vector_base", "vector"},
      {"basic_string", "string"},
      {"deque", "deque"},
      {"_Deque_base", "deque"},
      {"_Rb_tree", "tree"},
      {"__tree", "tree"},
      {"map", "tree"},
      {"multimap", "tree"},
      {"set", "tree"},
      {"multiset", "tree"},
      {"list", "list"},
      {"_List_base", "list"},
      {"__list_imp", "list"},
      {"forward_list", "list"},
      {"_Fwd_list_base", "list"},
      {"__forward_list_base", "list"}};
  static const char *const ObjectMakers[] = {"make_unique",
                                             "make_shared",
                                             "allocate_shared",
                                             "__allocate_shared",
                                             "_Sp_counted_ptr_inplace",
                                             "__shared_count",
                                             "__make_unique"};
  for (size_t I = Parts.size(); I-- > 0;) {
    llvm::StringRef P = Parts[I];
    if (P.starts_with("_Hashtable") || P == "__hash_table" ||
        P.starts_with("unordered_")) {
      llvm::StringRef Fn = Parts.back();
      return Fn.contains("bucket") || Fn.contains("rehash") ? "hash"
                                                            : "hash-node";
    }
    for (const auto &[Class, Family] : Classes)
      if (P == Class)
        return Family;
    for (const char *Maker : ObjectMakers)
      if (P == Maker)
        return "object";
  }
  return "";
}

} // namespace

std::string allocatingFamily(const ProfileSite &S) {
  int U = S.userFrame();
  size_t End = U < 0 ? S.Stack.size() : static_cast<size_t>(U);
  for (size_t I = 0; I < End; ++I) {
    std::vector<std::string> Parts = nameComponents(S.Stack[I].Function);
    if (S.Stack[I].Function.empty() || isAllocatorPlumbing(Parts))
      continue;
    std::string Family = familyOf(Parts);
    return Family.empty() ? "other" : Family;
  }
  // User code called operator new (a new-expression) itself.
  return U < 0 ? "other" : "object";
}

} // namespace memlint
