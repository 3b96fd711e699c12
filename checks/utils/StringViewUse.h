//===--- StringViewUse.h - could this std::string be a view? ---*- C++ -*-===//
//
// Questions asked by checks that turn std::string parameters into
// std::string_view (unneeded-copy for by-value strings, string-temporary for
// `const std::string&`): is a type std::string, is one use of the variable
// valid on a view with the same meaning, does a call argument convert to a
// view as it did to the string, does it build a std::string temporary.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_UTILS_STRINGVIEWUSE_H
#define MEMLINT_CHECKS_UTILS_STRINGVIEWUSE_H

#include "ReadOnlyUse.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"

namespace clang::tidy::memlint::utils {

/// The std class template specialisation \p T names, if its name is \p Name.
const ClassTemplateSpecializationDecl *stdSpecialization(QualType T,
                                                         llvm::StringRef Name);

/// Exactly std::string (basic_string<char> with the standard traits and
/// allocator), under any cv-qualification and sugar.
bool isStdString(QualType T);

/// Exactly std::string_view (standard traits).
bool isStdStringView(QualType T);

/// A pointer to or array of (narrow) characters.
bool isCString(QualType T);

/// The argument as the caller wrote it, below the temporaries and the copy
/// or move that initialise a parameter (not below user conversions).
const Expr *writtenArgument(const Expr *E);

/// A call argument a std::string_view parameter accepts exactly as the
/// std::string (or `const std::string&`) one did: a std::string or a C
/// string, not a braced list or a user-defined conversion.
bool stringViewAcceptsArgument(const Expr *Arg);

/// What a `const std::string&` argument builds its temporary from.
enum class StringTemporary { None, Literal, CString, StringView };

/// Does \p Arg, bound to a `const std::string&` parameter, build a
/// std::string temporary from a string literal, a C string or (explicitly,
/// `std::string(sv)`) a std::string_view?
StringTemporary stringTemporaryOf(const Expr *Arg);

/// The const std::string members std::string_view has with the same
/// parameters (as far as a call that compiled on the string can tell), the
/// same result and the same meaning: size, find, compare, at, copy... Not
/// data()/c_str() (a view is not null-terminated), substr() (returns a
/// view), iterators (another type), capacity(); max_size() and contains()
/// are left to each view below. The one list both isStringViewCompatibleMethod
/// (unneeded-copy, string-temporary) and viewReadOf (StringViewRead.h:
/// substr-copy, string-concat) use.
bool isSameOnStringView(llvm::StringRef Member);

/// The std::string methods a std::string_view has with the same meaning
/// and result types usable the same way. data() is missing on purpose (a
/// string's is NUL-terminated, a view's need not be), as are c_str(),
/// max_size() (another value), substr() (another result type) and
/// begin()/end() (other iterator types).
bool isStringViewCompatibleMethod(const CXXMethodDecl *MD);

/// Is the use valid on a std::string_view with the same meaning: a
/// compatible method, range-for, the standard comparison operators, `<<` to
/// a stream, conversion to std::string_view?
bool isStringViewCompatibleUse(const VarUse &U);

/// isStringViewCompatibleUse, plus the uses whose result changes type on a
/// view but is consumed in a way both types support: `s.substr(...)` whose
/// result is only read (compared, measured, searched, streamed, passed as a
/// std::string_view), `s.begin()`/`s.end()` passed straight to a standard
/// algorithm that returns a number or a bool (`std::count`, `std::equal`).
bool isStringViewCompatibleUseOrResult(const VarUse &U, ASTContext &Ctx);

} // namespace clang::tidy::memlint::utils

#endif // MEMLINT_CHECKS_UTILS_STRINGVIEWUSE_H
