//===--- AllocationBehaviour.cpp - can a fix save an allocation? ----------===//

#include "AllocationBehaviour.h"
#include "LocalUses.h"
#include "ReadOnlyUse.h"
#include "ValueWrappers.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include <utility>

namespace clang::tidy::memlint::utils {

namespace {

unsigned explicitArgCount(const CXXConstructExpr &CE) {
  unsigned N = 0;
  while (N < CE.getNumArgs() && !isa<CXXDefaultArgExpr>(CE.getArg(N)))
    ++N;
  return N;
}

// The value of an enumerator or static constant named \p Name in \p RD.
std::optional<uint64_t> classConstant(const CXXRecordDecl &RD,
                                      llvm::StringRef Name) {
  IdentifierInfo &II = RD.getASTContext().Idents.get(Name);
  for (const NamedDecl *ND : RD.lookup(&II)) {
    if (const auto *EC = dyn_cast<EnumConstantDecl>(ND))
      return EC->getInitVal().getLimitedValue();
    if (const auto *VD = dyn_cast<VarDecl>(ND))
      if (const APValue *V = VD->evaluateValue(); V && V->isInt())
        return V->getInt().getLimitedValue();
  }
  // Members of an anonymous enum are found by lookup too; nothing else.
  return std::nullopt;
}

uint64_t charBytes(const CXXRecordDecl &BasicString) {
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(&BasicString);
  if (!Spec || Spec->getTemplateArgs().size() == 0 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return 1;
  QualType CharT = Spec->getTemplateArgs()[0].getAsType();
  if (CharT->isDependentType() || CharT->isIncompleteType())
    return 1;
  uint64_t N =
      BasicString.getASTContext().getTypeSizeInChars(CharT).getQuantity();
  return N == 0 ? 1 : N;
}

bool isStdNamed(const CXXRecordDecl &RD, llvm::StringRef Name) {
  return RD.isInStdNamespace() && RD.getIdentifier() && RD.getName() == Name;
}

// How one use treats the buffer.
enum class UseEffect { None, Replaces, SmallValue, Grows };

std::optional<uint64_t> constantArg(const Expr *E, ASTContext &Ctx) {
  Expr::EvalResult R;
  if (!E || E->isValueDependent() || !E->EvaluateAsInt(R, Ctx) ||
      R.Val.getInt().isNegative())
    return std::nullopt;
  return R.Val.getInt().getLimitedValue();
}

// `v = rhs`: a move from a temporary or an xvalue replaces the buffer; a
// string assigned a short literal keeps the inline one.
UseEffect assignmentEffect(const CXXOperatorCallExpr &Op, uint64_t SmallCap) {
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Op.getCalleeDecl());
  if (!MD || Op.getNumArgs() != 2)
    return UseEffect::Grows;
  const Expr *RHS = Op.getArg(1);
  if (MD->isMoveAssignmentOperator() && !RHS->isLValue())
    return UseEffect::Replaces;
  if (std::optional<uint64_t> Len = maxLiteralLength(RHS);
      Len && *Len <= SmallCap)
    return UseEffect::SmallValue;
  return UseEffect::Grows;
}

UseEffect memberCallEffect(const CXXMemberCallExpr &MC, bool IsString,
                           uint64_t SmallCap, ASTContext &Ctx) {
  const CXXMethodDecl *MD = MC.getMethodDecl();
  if (!MD || !MD->getIdentifier())
    return UseEffect::Grows;
  llvm::StringRef Name = MD->getName();
  if (Name == "clear" && MC.getNumArgs() == 0)
    return UseEffect::None;
  if (!IsString || MC.getNumArgs() != 1)
    return UseEffect::Grows;
  if (Name == "reserve") {
    std::optional<uint64_t> N = constantArg(MC.getArg(0), Ctx);
    return N && *N <= SmallCap ? UseEffect::SmallValue : UseEffect::Grows;
  }
  if (Name == "assign") {
    std::optional<uint64_t> Len = maxLiteralLength(MC.getArg(0));
    return Len && *Len <= SmallCap ? UseEffect::SmallValue : UseEffect::Grows;
  }
  return UseEffect::Grows;
}

UseEffect effectOf(const VarUse &U, bool IsString, uint64_t SmallCap,
                   ASTContext &Ctx) {
  if (U.Kind == UseKind::Read || U.Kind == UseKind::Iterated ||
      U.Kind == UseKind::Copied)
    return UseEffect::None;
  if (U.Kind != UseKind::Modified || !U.Ref)
    return UseEffect::Grows;
  const Expr *E = climbTransparent(U.Ref, Ctx);
  unsigned Index = 0;
  if (const CXXOperatorCallExpr *Op = operatorCallOn(E, Ctx, Index))
    return Op->getOperator() == OO_Equal && Index == 0
               ? assignmentEffect(*Op, SmallCap)
               : UseEffect::Grows;
  if (const CXXMemberCallExpr *MC = memberCallOn(E, Ctx))
    return memberCallEffect(*MC, IsString, SmallCap, Ctx);
  return UseEffect::Grows;
}

} // namespace

AllocationKind allocationKindOf(const CXXRecordDecl &RD) {
  if (!RD.isInStdNamespace() || !RD.getIdentifier())
    return AllocationKind::Unknown;
  // Not llvm::StringSwitch: its Cases() changed between LLVM 19 and 22.
  static const std::pair<llvm::StringRef, AllocationKind> Kinds[] = {
      {"vector", AllocationKind::Contiguous},
      {"deque", AllocationKind::Contiguous},
      {"basic_string", AllocationKind::SmallBuffer},
      {"map", AllocationKind::NodeBased},
      {"multimap", AllocationKind::NodeBased},
      {"set", AllocationKind::NodeBased},
      {"multiset", AllocationKind::NodeBased},
      {"list", AllocationKind::NodeBased},
      {"forward_list", AllocationKind::NodeBased},
      {"unordered_map", AllocationKind::HashTable},
      {"unordered_multimap", AllocationKind::HashTable},
      {"unordered_set", AllocationKind::HashTable},
      {"unordered_multiset", AllocationKind::HashTable},
      {"basic_ostringstream", AllocationKind::Stream},
      {"basic_stringstream", AllocationKind::Stream},
  };
  for (const auto &[Name, Kind] : Kinds)
    if (RD.getName() == Name)
      return Kind;
  return AllocationKind::Unknown;
}

bool isOwningStdContainer(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD)
    return false;
  AllocationKind Kind = allocationKindOf(*RD);
  return Kind != AllocationKind::Unknown && Kind != AllocationKind::Stream;
}

StandardLibrary standardLibraryOf(const CXXRecordDecl &BasicString) {
  const CXXRecordDecl *Def = BasicString.getDefinition();
  if (!Def || !isStdNamed(*Def, "basic_string"))
    return StandardLibrary::Unknown;
  if (classConstant(*Def, "_S_local_capacity"))
    return StandardLibrary::LibStdCxx;
  if (classConstant(*Def, "__min_cap"))
    return StandardLibrary::LibCxx;
  IdentifierInfo &Rep = Def->getASTContext().Idents.get("_Rep");
  if (!Def->lookup(&Rep).empty())
    return StandardLibrary::LibStdCxxCow;
  return StandardLibrary::Unknown;
}

uint64_t smallStringCapacity(const CXXRecordDecl &BasicString) {
  const CXXRecordDecl *Def = BasicString.getDefinition();
  uint64_t Fallback = 15 / charBytes(BasicString);
  if (!Def)
    return Fallback;
  switch (standardLibraryOf(*Def)) {
  case StandardLibrary::LibStdCxx:
    return classConstant(*Def, "_S_local_capacity").value_or(Fallback);
  case StandardLibrary::LibCxx: {
    // __min_cap counts the terminator.
    uint64_t MinCap = classConstant(*Def, "__min_cap").value_or(0);
    return MinCap > 0 ? MinCap - 1 : Fallback;
  }
  case StandardLibrary::LibStdCxxCow:
    return 0;
  case StandardLibrary::Unknown:
    break;
  }
  return Fallback;
}

std::optional<uint64_t> maxLiteralLength(const Expr *E) {
  E = skipValueWrappers(E, CastsSkipped::ValuePreserving);
  if (!E)
    return std::nullopt;
  if (const auto *Lit = dyn_cast<StringLiteral>(E))
    return Lit->getLength();
  if (const auto *Cond = dyn_cast<ConditionalOperator>(E)) {
    std::optional<uint64_t> T = maxLiteralLength(Cond->getTrueExpr());
    std::optional<uint64_t> F = maxLiteralLength(Cond->getFalseExpr());
    if (!T || !F)
      return std::nullopt;
    return std::max(*T, *F);
  }
  // std::string("abc"), a copy or move of such a temporary.
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    const CXXRecordDecl *RD = CE->getConstructor()->getParent();
    if (!isStdNamed(*RD, "basic_string") || explicitArgCount(*CE) != 1)
      return std::nullopt;
    return maxLiteralLength(CE->getArg(0));
  }
  return std::nullopt;
}

BufferFate bufferFate(const VarDecl &V, const Stmt &Scope, ASTContext &Ctx) {
  const CXXRecordDecl *RD = V.getType()->getAsCXXRecordDecl();
  if (!RD)
    return BufferFate::MayBeReused;
  bool IsString = allocationKindOf(*RD) == AllocationKind::SmallBuffer;
  uint64_t SmallCap = IsString ? smallStringCapacity(*RD) : 0;
  // Where it starts: empty, or (a string) a short literal.
  const Expr *Init =
      skipValueWrappers(V.getInit(), CastsSkipped::ValuePreserving);
  const auto *CE = dyn_cast_or_null<CXXConstructExpr>(Init);
  bool StartsEmpty = !Init || (CE && explicitArgCount(*CE) == 0);
  if (!StartsEmpty) {
    std::optional<uint64_t> Len =
        IsString ? maxLiteralLength(Init) : std::nullopt;
    if (!Len || *Len > SmallCap)
      return BufferFate::MayBeReused;
  }
  bool Replaced = false, Small = !StartsEmpty;
  for (const VarUse &U : analyzeVarUses(V, Scope, Ctx).Uses) {
    switch (effectOf(U, IsString, SmallCap, Ctx)) {
    case UseEffect::None:
      break;
    case UseEffect::Replaces:
      Replaced = true;
      break;
    case UseEffect::SmallValue:
      Small = true;
      break;
    case UseEffect::Grows:
      return BufferFate::MayBeReused;
    }
  }
  if (Replaced && !Small)
    return BufferFate::ReplacedEachTime;
  if (Replaced)
    return BufferFate::MayBeReused; // a moved-in buffer a short value reuses
  return Small ? BufferFate::FitsSmallBuffer : BufferFate::NeverGrown;
}

bool reuseSavesNothing(const VarDecl &V, const CXXRecordDecl &RD,
                       const Stmt &Scope, ASTContext &Ctx) {
  switch (allocationKindOf(RD)) {
  case AllocationKind::NodeBased:
    return true;
  case AllocationKind::Contiguous:
  case AllocationKind::SmallBuffer:
  case AllocationKind::HashTable:
    return bufferFate(V, Scope, Ctx) != BufferFate::MayBeReused;
  case AllocationKind::Stream:
  case AllocationKind::Unknown:
    return false;
  }
  return false;
}

} // namespace clang::tidy::memlint::utils
