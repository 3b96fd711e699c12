//===--- RecordLayout.h - memlint record-layout model -----------*- C++ -*-===//
//
// An independent model of the Itanium C++ ABI record layout (x86-64 and other
// LP64 targets) that answers *what-if* questions the compiler's own
// ASTRecordLayout cannot: what would sizeof(R) be if an enum were narrower,
// or if R's fields were in another order?
//
// The model is exact for the shapes it accepts and says "not modeled" (with a
// reason) for the ones it does not, instead of guessing. It is validated
// against ASTContext::getASTRecordLayout in test/unit/RecordLayoutTest.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_UTILS_RECORDLAYOUT_H
#define MEMLINT_CHECKS_UTILS_RECORDLAYOUT_H

#include "checks/utils/Compat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace clang::tidy::memlint::utils {

/// Size and alignment of a type or field, in bytes.
struct SizeAlign {
  uint64_t Size = 0;
  uint64_t Align = 1;
};

/// Changes to apply before laying out (the *what-if* part).
struct LayoutOverrides {
  /// Replaces the size and alignment of a type wherever it appears: as a field,
  /// as an array element, inside nested records or bases. Keyed by canonical
  /// type, e.g. the EnumType of an enum whose underlying type would become
  /// std::uint8_t ({1, 1}).
  llvm::DenseMap<const Type *, SizeAlign> Types;
  /// Replaces the size and alignment of one field's declared type (arrays:
  /// the whole array). Takes precedence over Types.
  llvm::DenseMap<const FieldDecl *, SizeAlign> Fields;
  /// Whether Types also applies to the declared type of bit-fields (changes
  /// their allocation unit). Off by default: for a bit-field the width, not
  /// the type, usually decides the storage.
  bool ApplyToBitFields = false;

  bool empty() const { return Types.empty() && Fields.empty(); }
};

/// Where one field lives.
struct FieldLayout {
  const FieldDecl *Field = nullptr;
  uint64_t OffsetBits = 0; ///< From the start of the record.
  uint64_t SizeBits = 0;   ///< Bit-fields: the width; otherwise sizeof * 8.
  uint64_t Align = 1;      ///< Effective alignment in bytes (after packing).
  bool IsBitField = false;
};

/// Where one direct non-virtual base lives.
struct BaseLayout {
  const CXXRecordDecl *Base = nullptr;
  uint64_t Offset = 0;   ///< Bytes.
  uint64_t DataSize = 0; ///< The base's dsize, bytes.
  bool IsPrimary = false;
};

/// An empty class subobject, used to model the rule that two distinct
/// subobjects of the same type never share an address.
struct EmptySubobject {
  const CXXRecordDecl *Class = nullptr;
  uint64_t Offset = 0; ///< Bytes, from the start of the enclosing record.
};

/// The layout of one record, or why it was not modeled.
struct RecordLayoutInfo {
  bool Modeled = false;
  std::string NotModeledReason; ///< Set when !Modeled.

  uint64_t Size = 0;     ///< sizeof, bytes.
  uint64_t Align = 1;    ///< alignof, bytes.
  uint64_t DataSize = 0; ///< dsize: where a derived class may start placing
                         ///< its members (== Size for POD-for-layout).
  uint64_t NonVirtualSize = 0; ///< Equal to DataSize for the modeled shapes
                               ///< (no virtual bases) unless POD.
  uint64_t NonVirtualAlign = 1;
  bool HasOwnVPtr = false; ///< A vptr at offset 0 not inherited from a base.

  /// Fields in the order they were laid out (declaration order unless a
  /// different order was requested).
  std::vector<FieldLayout> Fields;
  std::vector<BaseLayout> Bases;
  /// Every empty class subobject (this record itself if empty, empty bases and
  /// members, recursively) with its offset.
  std::vector<EmptySubobject> Empties;

  /// Offset of \p FD in bits, or std::nullopt if it is not a field here.
  std::optional<uint64_t> fieldOffsetBits(const FieldDecl *FD) const;
  /// Bytes of padding: Size minus the bytes covered by fields and bases.
  /// Approximate for bit-fields (counts whole bytes they touch).
  uint64_t paddingBytes() const;
};

/// A proposed field order (for memlint-padding-waste).
struct FieldOrder {
  std::vector<const FieldDecl *> Order;
  RecordLayoutInfo Layout; ///< The model's layout for Order (verified).
  bool Changed = false;    ///< Order differs from declaration order and is
                           ///< strictly smaller.
};

/// Computes record layouts, caching one result per RecordDecl. One instance
/// per set of overrides; a what-if question is a second instance. Not
/// thread-safe; cheap to construct.
class RecordLayoutModel {
public:
  explicit RecordLayoutModel(const ASTContext &Ctx,
                             LayoutOverrides Overrides = LayoutOverrides());

  /// The layout of the definition of \p RD (declaration order). Cached.
  const RecordLayoutInfo &layout(const RecordDecl *RD);

  /// The layout of \p RD with its fields in \p Order, which must be a
  /// permutation of RD's fields. Not cached.
  RecordLayoutInfo layoutWithOrder(const RecordDecl *RD,
                                   llvm::ArrayRef<const FieldDecl *> Order);

  /// Size and alignment of a type under the overrides; std::nullopt (with a
  /// reason in \p Why) if not modeled.
  std::optional<SizeAlign> typeSizeAlign(QualType T,
                                         std::string *Why = nullptr);

  /// A field order minimizing sizeof: bit-field runs are kept together as
  /// units, units are sorted by alignment then size (descending), and the
  /// candidate is verified with the model; the declaration order is
  /// returned (Changed = false) when no candidate is strictly smaller.
  /// With \p GroupOf, fields only move within their group and groups keep
  /// their relative order (e.g. access-specifier sections, which a fixit
  /// must not mix).
  FieldOrder optimalOrder(
      const RecordDecl *RD,
      llvm::function_ref<unsigned(const FieldDecl *)> GroupOf = nullptr);

  const LayoutOverrides &overrides() const { return Overrides; }

private:
  class Builder;
  friend class Builder;
  RecordLayoutInfo compute(const RecordDecl *RD,
                           llvm::ArrayRef<const FieldDecl *> Order);
  std::optional<SizeAlign> fieldTypeSizeAlign(const FieldDecl *FD,
                                              std::string *Why);

  const ASTContext &Ctx;
  LayoutOverrides Overrides;
  llvm::DenseMap<const RecordDecl *, std::unique_ptr<RecordLayoutInfo>> Cache;
  /// Records whose layout is being computed (guards against cycles).
  llvm::DenseMap<const RecordDecl *, bool> InProgress;
};

} // namespace clang::tidy::memlint::utils

#endif // MEMLINT_CHECKS_UTILS_RECORDLAYOUT_H
