//===--- RecordLayout.cpp - memlint record-layout model -------------------===//
//
// Follows the Itanium C++ ABI as clang implements it for x86-64 Linux (see
// clang/lib/AST/RecordLayoutBuilder.cpp, ItaniumRecordLayoutBuilder). Sizes are
// kept in bits while laying out because bit-fields need it.
//
//===----------------------------------------------------------------------===//

#include "RecordLayout.h"
#include "clang/AST/Attr.h"
#include "clang/AST/RecordLayout.h"
#include "clang/Basic/TargetInfo.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/MathExtras.h"
#include <algorithm>

namespace clang::tidy::memlint::utils {

std::optional<uint64_t>
RecordLayoutInfo::fieldOffsetBits(const FieldDecl *FD) const {
  for (const FieldLayout &F : Fields)
    if (F.Field == FD)
      return F.OffsetBits;
  return std::nullopt;
}

uint64_t RecordLayoutInfo::paddingBytes() const {
  // Mark every byte some field or base covers; the rest is padding.
  std::vector<bool> Used(Size, false);
  auto Mark = [&](uint64_t BeginBit, uint64_t EndBit) {
    for (uint64_t B = BeginBit / 8; B < (EndBit + 7) / 8 && B < Size; ++B)
      Used[B] = true;
  };
  if (HasOwnVPtr)
    Mark(0, 64);
  // Bases count as opaque: their own padding is not looked into.
  for (const BaseLayout &B : Bases)
    if (!B.Base->isEmpty())
      Mark(B.Offset * 8, (B.Offset + B.DataSize) * 8);
  for (const FieldLayout &F : Fields)
    Mark(F.OffsetBits, F.OffsetBits + F.SizeBits);
  return static_cast<uint64_t>(std::count(Used.begin(), Used.end(), false));
}

RecordLayoutModel::RecordLayoutModel(const ASTContext &Ctx,
                                     LayoutOverrides Overrides)
    : Ctx(Ctx), Overrides(std::move(Overrides)) {}

const RecordLayoutInfo &RecordLayoutModel::layout(const RecordDecl *RD) {
  const RecordDecl *Def = RD->getDefinition();
  const RecordDecl *Key = Def ? Def : RD;
  auto It = Cache.find(Key);
  if (It != Cache.end())
    return *It->second;
  RecordLayoutInfo L;
  if (!Def) {
    L.NotModeledReason = "incomplete type";
  } else if (InProgress.lookup(Def)) {
    L.NotModeledReason = "recursive record";
  } else {
    InProgress[Def] = true;
    std::vector<const FieldDecl *> Order(Def->field_begin(), Def->field_end());
    L = compute(Def, Order);
    InProgress.erase(Def);
  }
  auto &Slot = Cache[Key];
  Slot = std::make_unique<RecordLayoutInfo>(std::move(L));
  return *Slot;
}

RecordLayoutInfo
RecordLayoutModel::layoutWithOrder(const RecordDecl *RD,
                                   llvm::ArrayRef<const FieldDecl *> Order) {
  const RecordDecl *Def = RD->getDefinition();
  RecordLayoutInfo L;
  if (!Def) {
    L.NotModeledReason = "incomplete type";
    return L;
  }
  llvm::SmallPtrSet<const FieldDecl *, 16> Seen;
  size_t NumFields = 0;
  for (const FieldDecl *FD : Def->fields()) {
    (void)FD;
    ++NumFields;
  }
  for (const FieldDecl *FD : Order)
    if (FD->getParent() != Def || !Seen.insert(FD).second) {
      L.NotModeledReason = "order is not a permutation of the fields";
      return L;
    }
  if (Seen.size() != NumFields) {
    L.NotModeledReason = "order is not a permutation of the fields";
    return L;
  }
  return compute(Def, Order);
}

/// The alignment, in bits, a typedef in T's sugar forces (aligned attribute),
/// or 0. The model cannot recompute such alignments for changed contents.
static bool hasAlignedTypedef(QualType T) {
  while (true) {
    if (const auto *TT = T->getAs<TypedefType>()) {
      if (TT->getDecl()->getMaxAlignment())
        return true;
      T = TT->getDecl()->getUnderlyingType();
      continue;
    }
    return false;
  }
}

std::optional<SizeAlign> RecordLayoutModel::typeSizeAlign(QualType T,
                                                          std::string *Why) {
  auto NotModeled = [&](const char *Reason) -> std::optional<SizeAlign> {
    if (Why)
      *Why = Reason;
    return std::nullopt;
  };
  if (T.isNull() || T->isDependentType())
    return NotModeled("dependent type");
  if (T->isIncompleteType())
    return NotModeled("incomplete type");
  QualType Canon = T.getCanonicalType().getUnqualifiedType();
  const Type *CT = Canon.getTypePtr();
  if (auto It = Overrides.Types.find(CT); It != Overrides.Types.end()) {
    if (hasAlignedTypedef(T))
      return NotModeled("aligned typedef of an overridden type");
    return It->second;
  }
  if (const auto *AT = dyn_cast<ConstantArrayType>(CT)) {
    std::optional<SizeAlign> Elem = typeSizeAlign(AT->getElementType(), Why);
    if (!Elem)
      return std::nullopt;
    SizeAlign R{Elem->Size * AT->getSize().getZExtValue(), Elem->Align};
    if (hasAlignedTypedef(T)) {
      TypeInfo TI = Ctx.getTypeInfo(T);
      if (TI.Align / 8 != Elem->Align || TI.Width / 8 != R.Size)
        return NotModeled("aligned typedef of an array");
    }
    return R;
  }
  if (const auto *RT = dyn_cast<RecordType>(CT)) {
    const RecordLayoutInfo &L = layout(RT->getDecl());
    if (!L.Modeled) {
      if (Why)
        *Why = L.NotModeledReason;
      return std::nullopt;
    }
    if (hasAlignedTypedef(T)) {
      // The typedef fixes the alignment; it is only safe when the contents
      // did not change it.
      TypeInfo TI = Ctx.getTypeInfo(T);
      if (TI.Align / 8 < L.Align)
        return NotModeled("aligned typedef of a record");
      return SizeAlign{llvm::alignTo(L.Size, TI.Align / 8), TI.Align / 8};
    }
    return SizeAlign{L.Size, L.Align};
  }
  if (isa<VectorType, ExtVectorType, ComplexType, AtomicType>(CT)) {
    // Atomic<record> may depend on the record's size; keep it exact only for
    // non-record payloads.
    if (const auto *AtT = dyn_cast<AtomicType>(CT))
      if (AtT->getValueType()->isRecordType() ||
          Overrides.Types.count(
              AtT->getValueType().getCanonicalType().getTypePtr()))
        return NotModeled("_Atomic of a record or overridden type");
  }
  // Scalars, pointers, member pointers, enums without override: the target's
  // own answer is exact and does not depend on the overrides.
  TypeInfo TI = Ctx.getTypeInfo(T);
  return SizeAlign{TI.Width / 8, TI.Align / 8};
}

std::optional<SizeAlign>
RecordLayoutModel::fieldTypeSizeAlign(const FieldDecl *FD, std::string *Why) {
  if (auto It = Overrides.Fields.find(FD); It != Overrides.Fields.end())
    return It->second;
  QualType T = FD->getType();
  if (const auto *IA = Ctx.getAsIncompleteArrayType(T)) {
    // A flexible array member has no size but its element's alignment.
    std::optional<SizeAlign> Elem = typeSizeAlign(IA->getElementType(), Why);
    if (!Elem)
      return std::nullopt;
    return SizeAlign{0, Elem->Align};
  }
  return typeSizeAlign(T, Why);
}

namespace {
/// The subobject bookkeeping of one record being laid out.
struct EmptyMap {
  std::vector<EmptySubobject> Placed;

  bool canPlace(llvm::ArrayRef<EmptySubobject> Candidate,
                uint64_t Offset) const {
    for (const EmptySubobject &C : Candidate)
      for (const EmptySubobject &P : Placed)
        if (P.Class == C.Class && P.Offset == C.Offset + Offset)
          return false;
    return true;
  }
  void add(llvm::ArrayRef<EmptySubobject> Sub, uint64_t Offset) {
    for (const EmptySubobject &S : Sub)
      Placed.push_back({S.Class, S.Offset + Offset});
  }
};
} // namespace

/// Lays out one record, Itanium style, in phases: what the model refuses,
/// the bases (primary first, then the vptr, then the others), each field or
/// bit-field in the given order, and the final size. A phase that cannot be
/// modeled returns the reason.
class RecordLayoutModel::Builder {
public:
  Builder(RecordLayoutModel &Model, const RecordDecl *RD)
      : Model(Model), Ctx(Model.Ctx), RD(RD), CXX(dyn_cast<CXXRecordDecl>(RD)),
        IsUnion(RD->isUnion()), Packed(RD->hasAttr<PackedAttr>()),
        IsCXX(Ctx.getLangOpts().CPlusPlus) {
    if (const auto *MFAA = RD->getAttr<MaxFieldAlignmentAttr>())
      MaxFieldAlign = MFAA->getAlignment() / 8;
    if (unsigned MaxAlign = RD->getMaxAlignment())
      Align = std::max<uint64_t>(Align, MaxAlign / 8);
  }

  std::optional<std::string> unsupported() const;
  std::optional<std::string> layoutBases();
  std::optional<std::string> layoutField(const FieldDecl *FD);
  RecordLayoutInfo finish();

private:
  std::optional<std::string> layoutBase(const CXXRecordDecl *BD,
                                        const CXXRecordDecl *Primary);
  void layoutOwnVPtr();
  std::optional<std::string> layoutBitField(const FieldDecl *FD);
  std::optional<std::string> fieldEmpties(const FieldDecl *FD, uint64_t Size,
                                          std::vector<EmptySubobject> &Out);

  RecordLayoutModel &Model;
  const ASTContext &Ctx;
  const RecordDecl *RD;
  const CXXRecordDecl *CXX;
  const bool IsUnion, Packed, IsCXX;
  uint64_t MaxFieldAlign = 0; // Bytes; 0 means no #pragma pack.
  uint64_t Align = 1;         // Bytes.
  uint64_t SizeBits = 0, DataSizeBits = 0, UnfilledBits = 0;
  EmptyMap Empties;
  RecordLayoutInfo L;
};

std::optional<std::string> RecordLayoutModel::Builder::unsupported() const {
  if (RD->isInvalidDecl())
    return "invalid declaration";
  if (RD->isDependentType())
    return "dependent type";
  if (RD->isMsStruct(Ctx))
    return "ms_struct layout";
  if (Ctx.getLangOpts().PackStruct)
    return "-fpack-struct";
  const TargetInfo &Target = Ctx.getTargetInfo();
  if (Target.getCXXABI().getKind() != TargetCXXABI::GenericItanium ||
      !Target.useBitFieldTypeAlignment() ||
      Target.useZeroLengthBitfieldAlignment() ||
      Target.defaultsToAIXPowerAlignment())
    return "target ABI other than generic Itanium";
  if (CXX && CXX->getNumVBases())
    return "virtual base classes";
  return std::nullopt;
}

std::optional<std::string>
RecordLayoutModel::Builder::layoutBase(const CXXRecordDecl *BD,
                                       const CXXRecordDecl *Primary) {
  const RecordLayoutInfo &BL = Model.layout(BD);
  if (!BL.Modeled)
    return "base '" + BD->getNameAsString() + "': " + BL.NotModeledReason;
  uint64_t BaseAlign = BL.NonVirtualAlign;
  if (BD->isEmpty() && Empties.canPlace(BL.Empties, 0)) {
    SizeBits = std::max(SizeBits, BL.Size * 8);
    Align = std::max(Align, BaseAlign);
    L.Bases.push_back({BD, 0, BL.DataSize, BD == Primary});
    Empties.add(BL.Empties, 0);
    return std::nullopt;
  }
  if (MaxFieldAlign)
    BaseAlign = std::min(BaseAlign, MaxFieldAlign);
  uint64_t Offset = llvm::alignTo((DataSizeBits + 7) / 8, BaseAlign);
  while (!Empties.canPlace(BL.Empties, Offset))
    Offset += BaseAlign;
  if (!BD->isEmpty()) {
    DataSizeBits = (Offset + BL.NonVirtualSize) * 8;
    SizeBits = std::max(SizeBits, DataSizeBits);
  } else {
    SizeBits = std::max(SizeBits, (Offset + BL.Size) * 8);
  }
  Align = std::max(Align, BaseAlign);
  L.Bases.push_back({BD, Offset, BL.DataSize, BD == Primary});
  Empties.add(BL.Empties, Offset);
  return std::nullopt;
}

void RecordLayoutModel::Builder::layoutOwnVPtr() {
  const TargetInfo &Target = Ctx.getTargetInfo();
  uint64_t PtrWidth = Target.getPointerWidth(LangAS::Default);
  uint64_t PtrAlign = Target.getPointerAlign(LangAS::Default) / 8;
  // Like a base, the vptr's alignment yields to packed and #pragma pack.
  if (Packed)
    PtrAlign = 1;
  if (MaxFieldAlign)
    PtrAlign = std::min(PtrAlign, MaxFieldAlign);
  SizeBits = DataSizeBits = PtrWidth;
  Align = std::max(Align, PtrAlign);
  L.HasOwnVPtr = true;
}

std::optional<std::string> RecordLayoutModel::Builder::layoutBases() {
  if (!CXX)
    return std::nullopt;
  const CXXRecordDecl *Primary = nullptr;
  if (CXX->isDynamicClass())
    for (const CXXBaseSpecifier &B : CXX->bases()) {
      const CXXRecordDecl *BD = B.getType()->getAsCXXRecordDecl();
      if (BD && BD->isDynamicClass()) {
        Primary = BD;
        break;
      }
    }
  if (Primary) {
    if (auto Err = layoutBase(Primary, Primary))
      return Err;
  } else if (CXX->isDynamicClass()) {
    layoutOwnVPtr();
  }
  for (const CXXBaseSpecifier &B : CXX->bases()) {
    const CXXRecordDecl *BD = B.getType()->getAsCXXRecordDecl();
    if (!BD)
      return std::string("dependent base");
    if (BD == Primary)
      continue;
    if (auto Err = layoutBase(BD, Primary))
      return Err;
  }
  return std::nullopt;
}

// System V: a bit-field goes at the next free bit if it fits in an aligned
// storage unit of its declared type, else at the next unit.
std::optional<std::string>
RecordLayoutModel::Builder::layoutBitField(const FieldDecl *FD) {
  const bool FieldPacked = Packed || FD->hasAttr<PackedAttr>();
  const uint64_t Width = bitWidth(FD, Ctx);
  std::string Why;
  std::optional<SizeAlign> SA;
  if (Model.Overrides.ApplyToBitFields || Model.Overrides.Fields.count(FD)) {
    SA = Model.fieldTypeSizeAlign(FD, &Why);
  } else {
    TypeInfo TI = Ctx.getTypeInfo(FD->getType());
    SA = SizeAlign{TI.Width / 8, TI.Align / 8};
  }
  if (!SA)
    return Why;
  const uint64_t StorageUnitBits = SA->Size * 8;
  if (Width > StorageUnitBits)
    return std::string("bit-field wider than its type");
  uint64_t FieldAlignBits = SA->Align * 8;
  uint64_t UnpackedFieldAlignBits = FieldAlignBits;
  // Packed bit-fields are bit-aligned.
  if (FieldPacked && Width != 0)
    FieldAlignBits = 1;
  const uint64_t ExplicitAlignBits = FD->getMaxAlignment();
  if (ExplicitAlignBits) {
    FieldAlignBits = std::max(FieldAlignBits, ExplicitAlignBits);
    UnpackedFieldAlignBits =
        std::max(UnpackedFieldAlignBits, ExplicitAlignBits);
  }
  const uint64_t MaxFieldAlignBits = MaxFieldAlign * 8;
  if (MaxFieldAlign && Width) {
    UnpackedFieldAlignBits =
        std::min(UnpackedFieldAlignBits, MaxFieldAlignBits);
    FieldAlignBits = FieldPacked ? UnpackedFieldAlignBits
                                 : std::min(FieldAlignBits, MaxFieldAlignBits);
  }
  uint64_t OffsetBits = IsUnion ? 0 : DataSizeBits - UnfilledBits;
  const bool AllowPadding = MaxFieldAlign == 0;
  if (Width == 0 ||
      (AllowPadding &&
       (OffsetBits & (FieldAlignBits - 1)) + Width > StorageUnitBits)) {
    OffsetBits = llvm::alignTo(OffsetBits, FieldAlignBits);
  } else if (ExplicitAlignBits &&
             (MaxFieldAlignBits == 0 ||
              ExplicitAlignBits <= MaxFieldAlignBits) &&
             Ctx.getTargetInfo().useExplicitBitFieldAlignment()) {
    OffsetBits = llvm::alignTo(OffsetBits, ExplicitAlignBits);
  }
  L.Fields.push_back({FD, OffsetBits, Width,
                      std::max<uint64_t>(FieldAlignBits / 8, 1),
                      /*IsBitField=*/true});
  // Unnamed bit-fields do not affect the record's alignment.
  if (!FD->getIdentifier())
    FieldAlignBits = UnpackedFieldAlignBits = 8;
  if (IsUnion) {
    DataSizeBits = std::max(DataSizeBits, llvm::alignTo(Width, 8));
  } else {
    uint64_t NewSizeBits = OffsetBits + Width;
    DataSizeBits = llvm::alignTo(NewSizeBits, 8);
    UnfilledBits = DataSizeBits - NewSizeBits;
  }
  SizeBits = std::max(SizeBits, DataSizeBits);
  Align = std::max(Align, FieldAlignBits / 8);
  return std::nullopt;
}

// Empty class subobjects a member of \p Size bytes brings (itself, or the
// elements of an array of records).
std::optional<std::string>
RecordLayoutModel::Builder::fieldEmpties(const FieldDecl *FD, uint64_t Size,
                                         std::vector<EmptySubobject> &Out) {
  QualType ET = Ctx.getBaseElementType(FD->getType());
  const CXXRecordDecl *EC = ET->getAsCXXRecordDecl();
  if (!EC)
    return std::nullopt;
  const RecordLayoutInfo &EL = Model.layout(EC);
  if (!EL.Modeled)
    return "field '" + FD->getNameAsString() + "': " + EL.NotModeledReason;
  if (EL.Empties.empty())
    return std::nullopt;
  uint64_t Count = Size / std::max<uint64_t>(EL.Size, 1);
  if (Count > 4096)
    return std::string("large array of records with empty subobjects");
  for (uint64_t I = 0; I < Count; ++I)
    for (const EmptySubobject &E : EL.Empties)
      Out.push_back({E.Class, E.Offset + I * EL.Size});
  return std::nullopt;
}

std::optional<std::string>
RecordLayoutModel::Builder::layoutField(const FieldDecl *FD) {
  if (FD->isPotentiallyOverlapping())
    return std::string("[[no_unique_address]] member");
  if (FD->isBitField())
    return layoutBitField(FD);
  UnfilledBits = 0;
  std::string Why;
  std::optional<SizeAlign> SA = Model.fieldTypeSizeAlign(FD, &Why);
  if (!SA)
    return "field '" + FD->getNameAsString() + "': " + Why;
  const CXXRecordDecl *FieldClass = FD->getType()->getAsCXXRecordDecl();
  const bool FieldPacked = (Packed && (!FieldClass || FieldClass->isPOD() ||
                                       FieldClass->hasAttr<PackedAttr>())) ||
                           FD->hasAttr<PackedAttr>();
  const uint64_t AttrAlign = FD->getMaxAlignment() / 8;
  uint64_t PackedFieldAlign = std::max<uint64_t>(1, AttrAlign);
  uint64_t UnpackedFieldAlign = std::max(SA->Align, AttrAlign);
  if (MaxFieldAlign) {
    PackedFieldAlign = std::min(PackedFieldAlign, MaxFieldAlign);
    UnpackedFieldAlign = std::min(UnpackedFieldAlign, MaxFieldAlign);
  }
  const uint64_t FieldAlign =
      FieldPacked ? PackedFieldAlign : UnpackedFieldAlign;
  uint64_t Offset =
      IsUnion ? 0 : llvm::alignTo((DataSizeBits + 7) / 8, FieldAlign);
  if (IsCXX && !IsUnion) {
    std::vector<EmptySubobject> FieldEmpties;
    if (auto Err = fieldEmpties(FD, SA->Size, FieldEmpties))
      return Err;
    while (!Empties.canPlace(FieldEmpties, Offset)) {
      // Offset 0 first (empty members), then dsize onwards.
      if (Offset == 0 && DataSizeBits != 0)
        Offset = llvm::alignTo((DataSizeBits + 7) / 8, FieldAlign);
      else
        Offset += FieldAlign;
    }
    Empties.add(FieldEmpties, Offset);
  }
  L.Fields.push_back({FD, Offset * 8, SA->Size * 8, FieldAlign, false});
  if (IsUnion)
    DataSizeBits = std::max(DataSizeBits, SA->Size * 8);
  else
    DataSizeBits = (Offset + SA->Size) * 8;
  SizeBits = std::max(SizeBits, DataSizeBits);
  Align = std::max(Align, FieldAlign);
  return std::nullopt;
}

// C++ records are never empty; the size rounds up to the alignment.
RecordLayoutInfo RecordLayoutModel::Builder::finish() {
  uint64_t NonVirtualSizeBits = llvm::alignTo(SizeBits, 8);
  if (IsCXX && SizeBits == 0)
    SizeBits = 8;
  L.Size = llvm::alignTo(SizeBits, Align * 8) / 8;
  L.Align = Align;
  L.NonVirtualAlign = Align;
  // Itanium reuses the tail padding of a base unless it is POD (C++03 rules
  // as clang implements them: CXXRecordDecl::isPOD()).
  const bool SkipTailPadding = !CXX || CXX->isPOD();
  uint64_t DataSize = llvm::alignTo(DataSizeBits, 8) / 8;
  L.DataSize = SkipTailPadding ? L.Size : DataSize;
  L.NonVirtualSize = SkipTailPadding ? L.DataSize : NonVirtualSizeBits / 8;
  if (CXX && CXX->isEmpty())
    L.Empties.push_back({CXX->getCanonicalDecl(), 0});
  for (const EmptySubobject &E : Empties.Placed)
    L.Empties.push_back(E);
  L.Modeled = true;
  return std::move(L);
}

RecordLayoutInfo
RecordLayoutModel::compute(const RecordDecl *RD,
                           llvm::ArrayRef<const FieldDecl *> Order) {
  auto Fail = [](std::string Why) {
    RecordLayoutInfo F;
    F.NotModeledReason = std::move(Why);
    return F;
  };
  Builder B(*this, RD);
  if (auto Why = B.unsupported())
    return Fail(*Why);
  if (auto Why = B.layoutBases())
    return Fail(*Why);
  for (const FieldDecl *FD : Order)
    if (auto Why = B.layoutField(FD))
      return Fail(*Why);
  return B.finish();
}

FieldOrder RecordLayoutModel::optimalOrder(
    const RecordDecl *RD,
    llvm::function_ref<unsigned(const FieldDecl *)> GroupOf) {
  FieldOrder Result;
  const RecordDecl *Def = RD->getDefinition();
  if (!Def) {
    Result.Layout.NotModeledReason = "incomplete type";
    return Result;
  }
  std::vector<const FieldDecl *> Decl(Def->field_begin(), Def->field_end());
  Result.Order = Decl;
  Result.Layout = layout(Def);
  if (!Result.Layout.Modeled || Def->isUnion() || Decl.size() < 2)
    return Result;

  // Units: a single field, or a run of adjacent bit-fields (moving a
  // bit-field out of its run changes how the run packs).
  struct Unit {
    std::vector<const FieldDecl *> Fields;
    uint64_t Align = 1, Size = 0;
    size_t Index = 0;
    unsigned Group = 0;
  };
  std::vector<Unit> Units;
  for (const FieldDecl *FD : Decl) {
    bool Bit = FD->isBitField();
    if (Bit && !Units.empty() && Units.back().Fields.back()->isBitField()) {
      Units.back().Fields.push_back(FD);
      continue;
    }
    Units.push_back({{FD}, 1, 0, Units.size(), GroupOf ? GroupOf(FD) : 0});
  }
  for (Unit &U : Units) {
    for (const FieldDecl *FD : U.Fields) {
      const FieldLayout *FL = nullptr;
      for (const FieldLayout &F : Result.Layout.Fields)
        if (F.Field == FD)
          FL = &F;
      if (!FL)
        return Result;
      U.Align = std::max(U.Align, FL->Align);
      U.Size += FL->SizeBits;
    }
    U.Size = (U.Size + 7) / 8;
  }
  auto Flatten = [](const std::vector<Unit> &Us) {
    std::vector<const FieldDecl *> O;
    for (const Unit &U : Us)
      O.insert(O.end(), U.Fields.begin(), U.Fields.end());
    return O;
  };
  // Candidates: alignment then size descending (the classic greedy), and
  // alignment descending only (keeps more of the declaration order).
  std::vector<std::vector<Unit>> Candidates;
  std::vector<Unit> ByAlignSize = Units;
  std::stable_sort(ByAlignSize.begin(), ByAlignSize.end(),
                   [](const Unit &A, const Unit &B) {
                     if (A.Group != B.Group)
                       return A.Group < B.Group;
                     if (A.Align != B.Align)
                       return A.Align > B.Align;
                     return A.Size > B.Size;
                   });
  std::vector<Unit> ByAlign = Units;
  std::stable_sort(ByAlign.begin(), ByAlign.end(),
                   [](const Unit &A, const Unit &B) {
                     if (A.Group != B.Group)
                       return A.Group < B.Group;
                     return A.Align > B.Align;
                   });
  // Alignment ascending: small fields first fill the tail padding a
  // non-POD base leaves for its derived classes.
  std::vector<Unit> ByAlignAscending = Units;
  std::stable_sort(ByAlignAscending.begin(), ByAlignAscending.end(),
                   [](const Unit &A, const Unit &B) {
                     if (A.Group != B.Group)
                       return A.Group < B.Group;
                     return A.Align < B.Align;
                   });
  Candidates.push_back(std::move(ByAlign));
  Candidates.push_back(std::move(ByAlignSize));
  Candidates.push_back(std::move(ByAlignAscending));
  for (const std::vector<Unit> &C : Candidates) {
    std::vector<const FieldDecl *> O = Flatten(C);
    if (O == Decl)
      continue;
    RecordLayoutInfo CL = layoutWithOrder(Def, O);
    if (CL.Modeled && CL.Size < Result.Layout.Size) {
      Result.Order = std::move(O);
      Result.Layout = std::move(CL);
      Result.Changed = true;
    }
  }
  return Result;
}

} // namespace clang::tidy::memlint::utils
