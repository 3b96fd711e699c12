//===--- OverloadRisk.cpp - would a new parameter type change a call? ----===//

#include "OverloadRisk.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::memlint::utils {

const NamespaceDecl *adlRivalNamespace(const FunctionDecl &FD) {
  if (isa<CXXMethodDecl>(FD) || !FD.getDeclName().isIdentifier())
    return nullptr;
  llvm::SmallVector<const CXXRecordDecl *, 4> Records;
  for (const ParmVarDecl *P : FD.parameters())
    if (const CXXRecordDecl *RD =
            P->getType().getNonReferenceType()->getAsCXXRecordDecl()) {
      Records.push_back(RD);
      if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
        for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
          if (A.getKind() == TemplateArgument::Type)
            if (const CXXRecordDecl *Arg = A.getAsType()->getAsCXXRecordDecl())
              Records.push_back(Arg);
    }
  const NamespaceDecl *Rival = nullptr;
  for (const CXXRecordDecl *RD : Records) {
    const DeclContext *NS =
        RD->getDeclContext()->getEnclosingNamespaceContext();
    while (const auto *N = dyn_cast<NamespaceDecl>(NS)) {
      if (!N->isInline())
        break;
      NS = N->getParent();
    }
    const auto *N = dyn_cast<NamespaceDecl>(NS);
    if (!N || N == FD.getDeclContext()->getEnclosingNamespaceContext())
      continue;
    for (const NamedDecl *ND : N->lookup(FD.getDeclName()))
      if (ND->getUnderlyingDecl()->getAsFunction())
        Rival = N;
  }
  return Rival;
}

const FunctionDecl *otherOverload(const FunctionDecl &FD) {
  const DeclContext *DC = FD.getDeclContext()->getRedeclContext();
  const FunctionDecl *Canon = FD.getCanonicalDecl();
  for (const NamedDecl *ND :
       DC->getPrimaryContext()->lookup(FD.getDeclName())) {
    const NamedDecl *U = ND->getUnderlyingDecl();
    const auto *Other = dyn_cast<FunctionDecl>(U);
    if (const auto *FT = dyn_cast<FunctionTemplateDecl>(U))
      Other = FT->getTemplatedDecl();
    if (Other && Other->getCanonicalDecl() != Canon)
      return Other;
  }
  return nullptr;
}

} // namespace clang::tidy::memlint::utils
