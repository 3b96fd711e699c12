//===--- Compat.h - what differs between the LLVM versions we build with --===//
//
// memlint builds against LLVM 19 (the default) and 22. Every API difference
// between them that code outside the module registration needs is answered
// here, so an LLVM upgrade is one file to read. (The one exception is a
// RecursiveASTVisitor override whose signature changed: an override cannot
// live elsewhere; it is in fixits/TypeSpelling.cpp, marked.)
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_UTILS_COMPAT_H
#define MEMLINT_CHECKS_UTILS_COMPAT_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/NestedNameSpecifier.h"
#include "clang/AST/PrettyPrinter.h"
#include "clang/AST/TypeLoc.h"
#include "llvm/Config/llvm-config.h"

namespace clang::tidy::memlint::utils {

/// \p TL without the ElaboratedTypeLoc that LLVM < 22 wraps around qualified
/// or keyword-introduced names (`std::vector<int>`, `struct S`); LLVM 22
/// folded the qualifier into the named TypeLoc.
inline TypeLoc stripElaborated(TypeLoc TL) {
#if LLVM_VERSION_MAJOR < 22
  while (auto E = TL.getAs<ElaboratedTypeLoc>())
    TL = E.getNamedTypeLoc();
#endif
  return TL;
}

/// Whether \p T is the ElaboratedType sugar of LLVM < 22 (never on 22).
inline bool isElaboratedSugar(const Type *T) {
#if LLVM_VERSION_MAJOR < 22
  return isa<ElaboratedType>(T);
#else
  (void)T;
  return false;
#endif
}

/// Makes \p Policy print names with their full scope, not the qualifier as
/// written (which is relative to where it was written).
inline void qualifyFully(PrintingPolicy &Policy) {
#if LLVM_VERSION_MAJOR < 22
  Policy.SuppressElaboration = true;
#endif
  Policy.FullyQualifiedName = true;
}

/// The canonical type of a record or enum.
inline QualType canonicalTagType(const ASTContext &Ctx, const TagDecl *TD) {
#if LLVM_VERSION_MAJOR >= 22
  return Ctx.getCanonicalTagType(TD);
#else
  return Ctx.getTypeDeclType(TD).getCanonicalType();
#endif
}

/// The bit-width of a bit-field (LLVM 20 dropped the context argument).
inline unsigned bitWidth(const FieldDecl *FD, const ASTContext &Ctx) {
#if LLVM_VERSION_MAJOR >= 20
  (void)Ctx;
  return FD->getBitWidthValue();
#else
  return FD->getBitWidthValue(Ctx);
#endif
}

/// Whether \p New initializes with parentheses: `new T(args)`.
inline bool hasParenInit(const CXXNewExpr &New) {
#if LLVM_VERSION_MAJOR >= 18
  return New.getInitializationStyle() == CXXNewInitializationStyle::Parens;
#else
  return New.getInitializationStyle() == CXXNewExpr::CallInit;
#endif
}

/// The type a nested-name-specifier names (`std::map<K, V>::`), or null
/// (LLVM 22 made NestedNameSpecifier a value type).
inline const Type *scopeType(const NestedNameSpecifierLoc &L) {
#if LLVM_VERSION_MAJOR >= 22
  return L.getNestedNameSpecifier().getAsType();
#else
  const NestedNameSpecifier *NNS = L.getNestedNameSpecifier();
  return NNS ? NNS->getAsType() : nullptr;
#endif
}

} // namespace clang::tidy::memlint::utils

#endif // MEMLINT_CHECKS_UTILS_COMPAT_H
