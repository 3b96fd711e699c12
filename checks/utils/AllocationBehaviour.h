//===--- AllocationBehaviour.h - can a fix save an allocation? --*- C++ -*-===//
//
// The "saves nothing" model the allocation checks share: how a type
// allocates (a buffer with a capacity, one node per element, a small inline
// buffer of a size that depends on the standard library), whether a string's
// values can outgrow that inline buffer, and whether a variable's buffer
// survives what is done to it. A check asks before it reports, and stays
// silent where its fix provably removes no allocation: hoisting a std::map
// (clear() frees every node), a vector only ever move-assigned from
// temporaries (`out = split(s)` throws the kept buffer away), a vector that
// nothing grows, a string whose every value fits its inline buffer.
//
// Answers are conservative towards reporting: what the model does not
// recognise "may be reused" / "may outgrow".
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_UTILS_ALLOCATIONBEHAVIOUR_H
#define MEMLINT_CHECKS_UTILS_ALLOCATIONBEHAVIOUR_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include <cstdint>
#include <optional>

namespace clang::tidy::memlint::utils {

/// How objects of a type hold their elements, as far as reuse is concerned.
enum class AllocationKind {
  /// One buffer with a capacity that clear() keeps: std::vector, std::deque
  /// (clear() keeps its map and one block).
  Contiguous,
  /// A std::basic_string: a buffer with a capacity, after a small inline one
  /// (see smallStringCapacity).
  SmallBuffer,
  /// One allocation per element, all freed by clear(), and nothing allocated
  /// by the default constructor: std::map, std::multimap, std::set,
  /// std::multiset, std::list, std::forward_list. Reusing the object saves
  /// nothing.
  NodeBased,
  /// Nodes freed by clear(), but a bucket array that clear() keeps:
  /// std::unordered_map/_set/_multimap/_multiset. Reuse saves the bucket
  /// array and its rehashes, not the nodes.
  HashTable,
  /// std::basic_ostringstream / std::basic_stringstream: a string buffer
  /// (and a locale) that str({}) keeps.
  Stream,
  /// Anything else (user classes): unknown, treated as reusable.
  Unknown,
};

/// The allocation kind of the class \p RD (a specialization of a standard
/// template, or anything else).
AllocationKind allocationKindOf(const CXXRecordDecl &RD);

/// Whether \p T (references and cv-qualifiers ignored) is a standard string
/// or container: a copy allocates a buffer or nodes of its own and never
/// refers to the object it was copied from.
bool isOwningStdContainer(QualType T);

/// The standard library a std::basic_string specialization comes from.
enum class StandardLibrary { LibStdCxx, LibStdCxxCow, LibCxx, Unknown };

/// Which standard library declares \p BasicString, read from the class
/// itself: libstdc++'s `_S_local_capacity` enumerator (C++11 ABI) or its
/// reference-counted `_Rep` (old ABI), libc++'s `__min_cap`.
StandardLibrary standardLibraryOf(const CXXRecordDecl &BasicString);

/// How many characters of its type a std::basic_string specialization keeps
/// inline without allocating, read from the library's own constant:
/// libstdc++ 15 / sizeof(CharT) (15 chars), libc++ `__min_cap - 1` (22 chars
/// on 64-bit targets), libstdc++'s old copy-on-write ABI 0. For an unknown
/// library, the smallest of the common ones: 15 / sizeof(CharT).
uint64_t smallStringCapacity(const CXXRecordDecl &BasicString);

/// The length (in code units) of the longest value \p E can have when it is
/// built from string literals only: a literal, `c ? "a" : "b"`,
/// `std::string("a")`, copies and conversions of those. nullopt for anything
/// else.
std::optional<uint64_t> maxLiteralLength(const Expr *E);

/// What happens to the buffer of the local \p V over its uses in \p Scope.
enum class BufferFate {
  /// Some use can grow it and the capacity it grew to would be kept: a fix
  /// that reuses the object saves allocations.
  MayBeReused,
  /// Default-constructed (or built from a small literal) and nothing grows
  /// it: it never allocates.
  NeverGrown,
  /// Every growth is a move-assignment from a temporary or an xvalue
  /// (`out = split(s)`, `out = std::move(w)`): each one replaces the buffer,
  /// so the one a reused object kept is thrown away.
  ReplacedEachTime,
  /// A std::basic_string whose every value (initializer, assignments,
  /// `assign`, `reserve` of a constant) fits its inline buffer.
  FitsSmallBuffer,
};

/// The fate of the buffer of the local \p V (a container or string) in
/// \p Scope, the statement holding its whole lifetime.
BufferFate bufferFate(const VarDecl &V, const Stmt &Scope, ASTContext &Ctx);

/// Whether hoisting and reusing the local \p V of class \p RD saves no
/// allocation: a node-based container, or a buffer that is never grown,
/// replaced on every growth, or always fits the small-string buffer.
bool reuseSavesNothing(const VarDecl &V, const CXXRecordDecl &RD,
                       const Stmt &Scope, ASTContext &Ctx);

} // namespace clang::tidy::memlint::utils

#endif // MEMLINT_CHECKS_UTILS_ALLOCATIONBEHAVIOUR_H
