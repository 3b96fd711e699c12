//===--- OverloadRisk.h - would a new parameter type change a call? -*- C++
//-*-//
//
// Changing a parameter's type (`T` -> `const T&`, `const std::string&` ->
// `std::string_view`) changes how calls rank it against other candidates:
// overloads of the same name, and functions that argument-dependent lookup
// finds in the namespaces of the argument types.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_UTILS_OVERLOADRISK_H
#define MEMLINT_CHECKS_UTILS_OVERLOADRISK_H

#include "clang/AST/Decl.h"

namespace clang::tidy::memlint::utils {

/// A namespace associated with a parameter type of \p FD (the type's own,
/// or one of its template arguments'), other than \p FD's, that declares a
/// function of \p FD's name (std::data, std::size, std::begin for a
/// std::string parameter): argument-dependent lookup finds it, and it may
/// beat \p FD once \p FD's parameter binds worse. Null for methods and
/// when there is none.
const NamespaceDecl *adlRivalNamespace(const FunctionDecl &FD);

/// Another function or function template of \p FD's name in \p FD's scope
/// (the class for a method), any arity: one that a changed parameter type
/// could make ambiguous or preferred. Null when \p FD is alone.
const FunctionDecl *otherOverload(const FunctionDecl &FD);

} // namespace clang::tidy::memlint::utils

#endif // MEMLINT_CHECKS_UTILS_OVERLOADRISK_H
