//===--- TypeSpelling.h - spell a type in a fix -----------------*- C++ -*-===//
//
// The one way memlint writes a type into a fix. A type is copied from the
// code when it is written there (aliases, typedefs and the user's own
// qualification kept), with the cv-qualifiers that clang's TypeLoc ranges
// leave out (`const` of `const T *`, of `T *const`, of `T const`); a deduced
// type is printed from the sugar clang kept. Anything that cannot be spelled
// exactly gives std::nullopt: the caller then emits its diagnostic with a note
// and no fixit.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_FIXITS_TYPESPELLING_H
#define MEMLINT_FIXITS_TYPESPELLING_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceManager.h"
#include <optional>
#include <string>

namespace clang::tidy::memlint::fixits {

/// The file range of the whole written type \p TL: its token range widened
/// over the `const`/`volatile` that TypeLoc ranges leave out at either end.
/// Invalid when the type is not plain file text (starts or ends inside a
/// macro expansion; a range covering whole expansions is accepted).
CharSourceRange typeRange(TypeLoc TL, const SourceManager &SM,
                          const LangOptions &LO);

/// The exact source spelling of the written type \p TL (see typeRange), or
/// std::nullopt when it cannot be copied exactly: written by a macro, a
/// placeholder (`auto`, `decltype(auto)`, a deduced template name), a
/// function type with a ref-qualifier, or when its text does not carry every
/// qualifier its TypeLoc has.
std::optional<std::string> spellTypeLoc(TypeLoc TL, const SourceManager &SM,
                                        const LangOptions &LO);

/// Template argument \p I of the written specialization \p TST when it is a
/// type, spelled as in spellTypeLoc.
std::optional<std::string> spellTemplateArg(TemplateSpecializationTypeLoc TST,
                                            unsigned I, const SourceManager &SM,
                                            const LangOptions &LO);

/// The type \p D declares, as written, without its name: `int a[3]` gives
/// `int[3]`, `void (*fp)(int)` gives `void (*)(int)`. std::nullopt as in
/// spellTypeLoc.
std::optional<std::string> spellDeclaredType(const DeclaratorDecl &D,
                                             const SourceManager &SM,
                                             const LangOptions &LO);

/// \p T printed for code in another scope of the same translation unit:
/// aliases and typedefs that the type's sugar kept are kept, names are fully
/// qualified, `std::basic_string<char>` is `std::string`. For deduced types,
/// which have no spelling of their own. std::nullopt when the printed name
/// would not name the type there: unnamed, local or lambda types, private or
/// protected member types, dependent types.
std::optional<std::string> spellType(QualType T, const ASTContext &Ctx);

/// The const version of the type spelled \p Spelled whose type is \p T:
/// `const std::string`, `int *const` for a pointer, \p Spelled itself when
/// \p T is already const. std::nullopt for array, function and reference
/// types, and pointers to arrays and functions.
std::optional<std::string> constOf(llvm::StringRef Spelled, QualType T);

/// `const T &` for a type spelled \p Spelled whose type is \p T: `const
/// std::string &`, `int *const &` for a pointer, `T &` when \p T is already
/// const. std::nullopt for array and function types, whose declarator would
/// need the `&` inside.
std::optional<std::string> constRefTo(llvm::StringRef Spelled, QualType T);

/// `T *` (`T *` for a record, `int (*)[3]` is refused): std::nullopt for
/// array and function types.
std::optional<std::string> pointerTo(llvm::StringRef Spelled, QualType T);

/// A declaration of \p Name with the type written \p TL (whose spelling is
/// \p Spelled, from spellTypeLoc): the name goes where the declarator puts it,
/// `int (*Name)(int)`, `int Name[3]`, `const char *const Name`. std::nullopt
/// when the place cannot be found (parenthesized names, macros).
std::optional<std::string> declarationOf(TypeLoc TL, llvm::StringRef Name,
                                         const SourceManager &SM,
                                         const LangOptions &LO);

} // namespace clang::tidy::memlint::fixits

#endif // MEMLINT_FIXITS_TYPESPELLING_H
