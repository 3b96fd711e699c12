//===--- StringViewRead.h - would a std::string_view do here? ---*- C++ -*-===//
//
// Questions a check asks before it replaces a std::string that is only read
// (a substr() result, a local copy) by a std::string_view of the string it
// came from: does every use compile and mean the same on a string_view, and
// can the viewed string change while the view is in use.
//
// Split from StringViewUse.h (parameters that could become views) because
// the two ask about different variables: there a parameter whose every use
// must compile on a view (isStringViewCompatibleUse*), here a local or a
// temporary whose uses must also not outlive, or see changes to, the string
// it would view (ViewRead says who reads it: the library, a callee, a loop).
// Both classify uses with ReadOnlyUse's classifyUse and share the member list
// (isSameOnStringView); they still differ on purpose in which std functions
// count (isStdLibraryDecl here: members of std classes too; <=> counts here)
// and in max_size()/contains(), so merging them would change findings.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_UTILS_STRINGVIEWREAD_H
#define MEMLINT_CHECKS_UTILS_STRINGVIEWREAD_H

#include "StringViewUse.h"

#include "ReadOnlyUse.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include <string>

namespace clang::tidy::memlint::utils {

/// How a std::string use carries over to a std::string_view.
enum class ViewRead {
  /// Not a use a string_view supports with the same meaning (c_str(),
  /// data(), a `const std::string&` parameter, a copy, a modification...).
  No,
  /// Read by the standard library only: a const member that string_view
  /// has with the same meaning (size, find, compare, operator[]...), a
  /// comparison operator or `operator<<`.
  ByStd,
  /// Converted to std::string_view for a parameter of type
  /// `std::string_view` or `const std::string_view &`: the callee runs
  /// while the view is in use and might change the viewed string.
  ByCallee,
  /// Iterated by a range-for whose loop variable is a value or a const
  /// reference: the body runs while the view is in use.
  ByLoop,
};

/// Whether \p D is declared in namespace std (or an inline namespace of it),
/// directly or as a member of a class there: `std::basic_string::size`.
bool isStdLibraryDecl(const Decl *D);

// isStdString / isStdStringView: checks/utils/StringViewUse.h.

/// How the temporary std::string of type \p StringType allocates, for a
/// diagnostic: "allocating past N characters", N the small-string capacity
/// of its standard library (15 for libstdc++, 22 for libc++), or
/// "allocating" when every non-empty string allocates (libstdc++'s old
/// copy-on-write ABI).
std::string allocationClause(QualType StringType);

/// How the std::string use \p U (from classifyUse or classifyObjectUse)
/// carries over to a std::string_view viewing the same characters.
ViewRead viewReadOf(const VarUse &U, ASTContext &Ctx);

/// The outermost expression that still denotes the value of the std::string
/// prvalue \p E (a call returning std::string): climbs parentheses,
/// temporaries, cleanups and elidable copies. Its parent consumes the value.
const Expr *climbStringTemporary(const Expr *E, ASTContext &Ctx);

/// How the std::string prvalue \p E is used by its consumer (see ViewRead);
/// \p LoopOut receives the range-for for ByLoop.
ViewRead viewReadOfTemporary(const Expr &E, ASTContext &Ctx,
                             const Stmt **LoopOut = nullptr);

/// Whether nothing but the code naming \p VD can change its object: a local
/// (or by-value parameter), not a reference, never bound to a non-const
/// reference, moved from, captured, aliased through its address or used in a
/// way the analysis does not follow anywhere in its function.
bool isUnaliasedLocal(const VarDecl &VD, ASTContext &Ctx);

/// Whether every use of \p VD inside \p Scope that starts at or after
/// \p From only reads it (read, iterated, copied).
bool onlyReadFrom(const VarDecl &VD, const Stmt &Scope, SourceLocation From,
                  ASTContext &Ctx);

} // namespace clang::tidy::memlint::utils

#endif // MEMLINT_CHECKS_UTILS_STRINGVIEWREAD_H
