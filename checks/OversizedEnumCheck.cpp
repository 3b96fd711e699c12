//===--- OversizedEnumCheck.cpp - memlint-oversized-enum ------------------===//
//
// Uses are collected while matching and judged at the end of the translation
// unit, when every record holding an enum, every `|` on it and every use that
// makes a fixit unsafe is known.
//
//===----------------------------------------------------------------------===//

#include "OversizedEnumCheck.h"
#include "checks/utils/BoolOption.h"
#include "checks/utils/RecordLayout.h"
#include "checks/utils/UserCodeParents.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "fixits/Includes.h"
#include "fixits/TypeRewrite.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecordLayout.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include <deque>

using namespace clang::ast_matchers;

namespace clang::tidy::memlint {

OversizedEnumCheck::OversizedEnumCheck(StringRef Name,
                                       ClangTidyContext *Context)
    : ProfiledCheck(Name, Context), UserScope(Context),
      OnlyWhenItSaves(
          utils::parseBoolOption(Options.get("OnlyWhenItSaves", "true"), true)),
      IgnoredEnumsOption(Options.get("IgnoredEnums", "")),
      Inserter(Options.getLocalOrGlobal("IncludeStyle",
                                        tidy::utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()),
      PublicAPI(Options) {
  for (StringRef Re : tidy::utils::options::parseStringList(IgnoredEnumsOption))
    if (!Re.empty())
      IgnoredEnums.emplace_back(("^(" + Re + ")$").str());
}

void OversizedEnumCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "OnlyWhenItSaves",
                utils::boolOptionText(OnlyWhenItSaves));
  Options.store(Opts, "IgnoredEnums", IgnoredEnumsOption);
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
  PublicAPI.storeOptions(Options, Opts);
}

void OversizedEnumCheck::registerPPCallbacks(const SourceManager &,
                                             Preprocessor *PP, Preprocessor *) {
  fixits::registerInserter(Inserter, PP);
}

void OversizedEnumCheck::registerMatchers(MatchFinder *Finder) {
  UserScope.registerMatchers(Finder);
  auto EnumTy = hasCanonicalType(enumType());
  Finder->addMatcher(
      enumDecl(isDefinition(), unless(isExpansionInSystemHeader()))
          .bind("enum"),
      this);
  // Records holding enums (directly, in arrays, in nested records or bases).
  // Only user code: clangd traverses only the main file and clang-tidy 22
  // skips system headers, so std records (std::pair<E, char>) are reached
  // through the user's variables, fields and bases of their type instead,
  // which gives the same answer everywhere.
  Finder->addMatcher(
      fieldDecl(unless(isExpansionInSystemHeader())).bind("field"), this);
  Finder->addMatcher(cxxRecordDecl(isDefinition(), hasAnyBase(anything()),
                                   unless(isExpansionInSystemHeader()))
                         .bind("derived"),
                     this);
  Finder->addMatcher(
      varDecl(unless(parmVarDecl()), unless(isExpansionInSystemHeader()))
          .bind("var"),
      this);
  Finder->addMatcher(cxxNewExpr(isArray(), unless(isExpansionInSystemHeader()))
                         .bind("newArray"),
                     this);
  // `new E[n]` inside the library, seen from the user's call.
  Finder->addMatcher(
      callExpr(callee(functionDecl(hasAnyName(
                   "::std::make_unique", "::std::make_unique_for_overwrite"))),
               unless(isExpansionInSystemHeader()))
          .bind("makeArray"),
      this);
  // std containers and traits are looked up at the end of the TU instead:
  // clang-tidy 22 does not match declarations in system headers.
  Finder->addMatcher(
      binaryOperator(hasAnyOperatorName("|", "|=", "^", "^="),
                     hasEitherOperand(ignoringParenImpCasts(hasType(EnumTy))))
          .bind("flagOp"),
      this);
  Finder->addMatcher(cxxOperatorCallExpr(
                         hasAnyOverloadedOperatorName("|", "|=", "^", "^="),
                         hasAnyArgument(ignoringParenImpCasts(hasType(EnumTy))))
                         .bind("flagCall"),
                     this);
  // The system-header filters below repeat what check() tests first; as
  // matchers they keep the library's expressions away from check(). The
  // enclosing static_assert and the calling expression are looked up in
  // check() through utils::parentsOf: hasAncestor/hasParent here would build
  // clang's parent map over the whole TU, library included.
  Finder->addMatcher(
      unaryExprOrTypeTraitExpr(unless(isExpansionInSystemHeader()),
                               anyOf(ofKind(UETT_SizeOf), ofKind(UETT_AlignOf)))
          .bind("sizeof"),
      this);
  Finder->addMatcher(implicitCastExpr(unless(isExpansionInSystemHeader()),
                                      hasSourceExpression(hasType(EnumTy)))
                         .bind("enumArg"),
                     this);
}

const EnumDecl *OversizedEnumCheck::patternOf(const EnumDecl *ED) const {
  if (const EnumDecl *P = ED->getTemplateInstantiationPattern())
    ED = P;
  else if (const EnumDecl *P = ED->getInstantiatedFromMemberEnum())
    ED = P;
  if (const EnumDecl *Def = ED->getDefinition())
    return Def;
  return ED;
}

const EnumDecl *OversizedEnumCheck::enumOf(QualType T) const {
  if (T.isNull() || !Ctx)
    return nullptr;
  T = Ctx->getBaseElementType(T);
  if (const auto *ET = dyn_cast<EnumType>(T.getCanonicalType()))
    return patternOf(ET->getDecl());
  return nullptr;
}

bool OversizedEnumCheck::isIgnored(const EnumDecl *ED) const {
  std::string Name = ED->getQualifiedNameAsString();
  for (const llvm::Regex &Re : IgnoredEnums)
    if (Re.match(Name))
      return true;
  return false;
}

/// True if another function (or template) shares \p FD's name in its scope,
/// so that the argument's type takes part in overload resolution.
static bool isOverloaded(const FunctionDecl *FD) {
  if (FD->isOverloadedOperator())
    return true;
  const DeclContext *DC = FD->getDeclContext()->getRedeclContext();
  for (const NamedDecl *ND : DC->lookup(FD->getDeclName())) {
    const Decl *D = ND->getUnderlyingDecl();
    if (const auto *FTD = dyn_cast<FunctionTemplateDecl>(D))
      D = FTD->getTemplatedDecl();
    if (isa<FunctionDecl>(D) && D->getCanonicalDecl() != FD->getCanonicalDecl())
      return true;
  }
  return false;
}

void OversizedEnumCheck::addSpecializationUse(QualType T) {
  llvm::SmallPtrSet<const EnumDecl *, 2> Found;
  addSpecializationUse(T, Found, 0);
}

/// Records \p T (if a class template specialization) and the specializations
/// among its template arguments as holders of every enum named in their
/// arguments, so that decide() can lay them out with the narrower enum.
void OversizedEnumCheck::addSpecializationUse(
    QualType T, llvm::SmallPtrSetImpl<const EnumDecl *> &Found,
    unsigned Depth) {
  if (T.isNull() || T->isDependentType() || Depth > 4)
    return;
  T = Ctx->getBaseElementType(T);
  if (const EnumDecl *ED = enumOf(T)) {
    Found.insert(ED);
    return;
  }
  const auto *Spec =
      dyn_cast_or_null<ClassTemplateSpecializationDecl>(T->getAsRecordDecl());
  if (!Spec)
    return;
  llvm::SmallPtrSet<const EnumDecl *, 2> Inner;
  auto Visit = [&](const TemplateArgument &A) {
    if (A.getKind() == TemplateArgument::Type)
      addSpecializationUse(A.getAsType(), Inner, Depth + 1);
  };
  for (const TemplateArgument &A : Spec->getTemplateArgs().asArray()) {
    if (A.getKind() == TemplateArgument::Pack)
      for (const TemplateArgument &P : A.pack_elements())
        Visit(P);
    else
      Visit(A);
  }
  for (const EnumDecl *ED : Inner) {
    SpecializationUses[ED].insert(Spec);
    Found.insert(ED);
  }
}

void OversizedEnumCheck::noteField(const FieldDecl *FD) {
  const RecordDecl *Parent = FD->getParent();
  if (!Parent || Parent->isDependentType() || FD->getType()->isDependentType())
    return;
  QualType Elem = Ctx->getBaseElementType(FD->getType());
  const Type *Key = Elem.getCanonicalType().getUnqualifiedType().getTypePtr();
  if (const auto *ET = dyn_cast<EnumType>(Key)) {
    const EnumDecl *ED = ET->getDecl();
    if (patternOf(ED) != ED) {
      auto &List = Instantiations[patternOf(ED)];
      if (llvm::find(List, ED) == List.end())
        List.push_back(ED);
    }
    if (FD->isBitField()) {
      // The width, not the type, decides the storage; a narrower type
      // could even make the width invalid.
      BitFieldEnums.insert(patternOf(ED));
      return;
    }
  } else if (!isa<RecordType>(Key)) {
    return;
  } else {
    addSpecializationUse(Elem);
  }
  Holders[Key].insert(Parent);
}

void OversizedEnumCheck::noteDerived(const CXXRecordDecl *RD) {
  if (RD->isDependentType())
    return;
  for (const CXXBaseSpecifier &B : RD->bases())
    if (!B.getType()->isDependentType()) {
      addSpecializationUse(B.getType());
      Holders[B.getType().getCanonicalType().getUnqualifiedType().getTypePtr()]
          .insert(RD);
    }
}

void OversizedEnumCheck::noteVar(const VarDecl *VD) {
  if (VD->getType()->isDependentType())
    return;
  if (!VD->getType()->isArrayType()) {
    addSpecializationUse(VD->getType());
    return;
  }
  if (const EnumDecl *ED = enumOf(VD->getType())) {
    uint64_t Count = 0;
    if (const auto *CAT = Ctx->getAsConstantArrayType(VD->getType()))
      Count = Ctx->getConstantArrayElementCount(CAT);
    Arrays[ED].push_back({VD, Count});
  } else {
    addSpecializationUse(VD->getType());
  }
}

void OversizedEnumCheck::noteSizeof(const UnaryExprOrTypeTraitExpr *UE,
                                    const SourceManager &SM) {
  QualType T = UE->getTypeOfArgument();
  // Generic library code (allocators) takes sizeof of every T it is given.
  if (T.isNull() || T->isDependentType() ||
      SM.isInSystemHeader(SM.getExpansionLoc(UE->getBeginLoc())))
    return;
  const char *Op = UE->getKind() == UETT_SizeOf ? "sizeof" : "alignof";
  if (const EnumDecl *ED = enumOf(T)) {
    // The code reasons about the enum's own width (serialization, buffer
    // sizes); narrowing it changes what that code does.
    EnumBlockers.try_emplace(
        ED, Blocker{UE->getBeginLoc(), "'" + std::string(Op) +
                                           "' of the enum is used and its "
                                           "value would change"});
    return;
  }
  // Only record sizes matter here: ask for the enclosing static_assert
  // last, and only then.
  QualType Elem = Ctx->getBaseElementType(T);
  if (Elem->isRecordType() &&
      utils::hasAncestorWhere(*Ctx, DynTypedNode::create(*UE),
                              [](const DynTypedNode &N) {
                                return N.get<StaticAssertDecl>() != nullptr;
                              }))
    StaticAssertedSizes.try_emplace(
        Elem.getCanonicalType().getUnqualifiedType().getTypePtr(),
        UE->getBeginLoc());
}

void OversizedEnumCheck::noteEnumArgument(const ImplicitCastExpr *Cast,
                                          const SourceManager &SM) {
  const EnumDecl *ED = enumOf(Cast->getSubExpr()->getType());
  if (!ED || ED->isScoped() || Cast->getBeginLoc().isInvalid() ||
      SM.isInSystemHeader(SM.getExpansionLoc(Cast->getBeginLoc())))
    return;
  // With a fixed underlying type, the promotion to that type ranks better
  // than the promotion to int ([over.ics.rank]), so f(unsigned char) would
  // beat f(int) (e.g. `std::cout << E` would print a character).
  const Expr *CallE = nullptr;
  for (const DynTypedNode &P : utils::parentsOf(*Ctx, *Cast))
    if (const auto *E = P.get<Expr>();
        E && (isa<CallExpr>(E) || isa<CXXConstructExpr>(E))) {
      CallE = E;
      break;
    }
  if (!CallE)
    return;
  bool Overloaded = false;
  std::string Callee;
  if (const auto *CE = dyn_cast<CallExpr>(CallE)) {
    if (const FunctionDecl *FD = CE->getDirectCallee()) {
      Overloaded = isOverloaded(FD);
      Callee = FD->getQualifiedNameAsString();
    } else {
      Overloaded = false;
    }
  } else if (const auto *CC = dyn_cast<CXXConstructExpr>(CallE)) {
    const CXXRecordDecl *Class = CC->getConstructor()->getParent();
    unsigned N = 0;
    for (const CXXConstructorDecl *C : Class->ctors())
      N += !C->isCopyOrMoveConstructor();
    Overloaded = N > 1;
    Callee = Class->getQualifiedNameAsString();
  }
  if (Overloaded)
    EnumBlockers.try_emplace(
        ED, Blocker{Cast->getBeginLoc(),
                    "the enum is passed to overloaded '" + Callee +
                        "'; with a fixed underlying type another overload "
                        "may be chosen"});
}

void OversizedEnumCheck::check(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context;
  const SourceManager &SM = *Result.SourceManager;

  if (const auto *ED = Result.Nodes.getNodeAs<EnumDecl>("enum")) {
    if (patternOf(ED) != ED) {
      Instantiations[patternOf(ED)].push_back(ED);
      return;
    }
    Candidates.insert(ED);
    return;
  }

  if (const auto *FD = Result.Nodes.getNodeAs<FieldDecl>("field"))
    return noteField(FD);

  if (const auto *RD = Result.Nodes.getNodeAs<CXXRecordDecl>("derived"))
    return noteDerived(RD);

  if (const auto *VD = Result.Nodes.getNodeAs<VarDecl>("var"))
    return noteVar(VD);

  if (const auto *NE = Result.Nodes.getNodeAs<CXXNewExpr>("newArray")) {
    if (const EnumDecl *ED = enumOf(NE->getAllocatedType()))
      Arrays[ED].push_back({nullptr, 0});
    return;
  }
  if (const auto *CE = Result.Nodes.getNodeAs<CallExpr>("makeArray")) {
    // std::make_unique<E[]>(n) allocates `new E[n]` in the library.
    const FunctionDecl *FD = CE->getDirectCallee();
    if (const TemplateArgumentList *Args =
            FD ? FD->getTemplateSpecializationArgs() : nullptr)
      if (Args->size() && Args->get(0).getKind() == TemplateArgument::Type &&
          Args->get(0).getAsType()->isArrayType())
        if (const EnumDecl *ED = enumOf(Args->get(0).getAsType()))
          Arrays[ED].push_back({nullptr, 0});
    return;
  }

  if (const auto *BO = Result.Nodes.getNodeAs<BinaryOperator>("flagOp")) {
    for (const Expr *E : {BO->getLHS(), BO->getRHS()})
      if (const EnumDecl *ED = enumOf(E->IgnoreParenImpCasts()->getType()))
        FlagEnums.insert(ED);
    return;
  }
  if (const auto *OC =
          Result.Nodes.getNodeAs<CXXOperatorCallExpr>("flagCall")) {
    for (const Expr *E : OC->arguments())
      if (const EnumDecl *ED = enumOf(E->IgnoreParenImpCasts()->getType()))
        FlagEnums.insert(ED);
    return;
  }

  if (const auto *UE =
          Result.Nodes.getNodeAs<UnaryExprOrTypeTraitExpr>("sizeof"))
    return noteSizeof(UE, SM);

  if (const auto *Cast = Result.Nodes.getNodeAs<ImplicitCastExpr>("enumArg"))
    return noteEnumArgument(Cast, SM);
}

namespace {
struct Saving {
  std::string What; ///< Quoted name of what gets smaller.
  uint64_t Old = 0, New = 0;
  bool PerElement = false;
  uint64_t bytes() const { return Old - New; }
};

/// Why the enum's underlying type is part of a library's ABI, or empty: it
/// is in a public header, or a record it shrinks is public (in a public
/// header, or exported from a shared library).
std::string publicApiBlocker(const EnumDecl *ED, const std::string &Name,
                             llvm::ArrayRef<const RecordDecl *> Shrinking,
                             const SourceManager &SM, const ASTContext &Ctx,
                             utils::PublicApi &PublicAPI) {
  std::string Why =
      PublicAPI.blocker(ED, Name, "changing its underlying type", SM);
  for (const RecordDecl *R : Shrinking) {
    if (!Why.empty())
      break;
    std::string Record =
        "'" +
        utils::canonicalTagType(Ctx, R).getAsString(Ctx.getPrintingPolicy()) +
        "'";
    Why = PublicAPI.recordBlocker(R, Record, "shrinking it with the enum", SM,
                                  Ctx.getLangOpts());
  }
  return Why;
}
} // namespace

static const char *fixedWidthName(unsigned Bits, bool Signed) {
  switch (Bits) {
  case 8:
    return Signed ? "std::int8_t" : "std::uint8_t";
  case 16:
    return Signed ? "std::int16_t" : "std::uint16_t";
  case 32:
    return Signed ? "std::int32_t" : "std::uint32_t";
  default:
    return Signed ? "std::int64_t" : "std::uint64_t";
  }
}

void OversizedEnumCheck::decide(const EnumDecl *ED) {
  const SourceManager &SM = Ctx->getSourceManager();
  if (ED->isInvalidDecl() || !ED->isComplete() || ED->getMaxAlignment() ||
      isIgnored(ED) || BitFieldEnums.count(ED))
    return;
  QualType IntTy = ED->getIntegerType();
  if (IntTy.isNull() || IntTy->isDependentType())
    return;
  if (const TypeSourceInfo *TSI = ED->getIntegerTypeSourceInfo())
    if (TSI->getType()->isDependentType())
      return;

  // The range the values need: every enumerator and, for flag enums, their
  // bitwise or (the largest combination).
  bool Negative = false, Any = false;
  int64_t Min = 0;
  uint64_t Max = 0, Or = 0;
  for (const EnumConstantDecl *C : ED->enumerators()) {
    if (C->getInitExpr() && C->getInitExpr()->isValueDependent())
      return;
    const llvm::APSInt &V = C->getInitVal();
    Any = true;
    if (V.isSigned() && V.isNegative()) {
      Negative = true;
      Min = std::min(Min, V.getSExtValue());
    } else {
      Max = std::max<uint64_t>(Max, V.getZExtValue());
      Or |= V.getZExtValue();
    }
  }
  if (!Any)
    return; // No enumerators: values come from elsewhere.
  if (FlagEnums.count(ED))
    Max = std::max(Max, Or);
  unsigned Needed = 64;
  for (unsigned Bits : {8u, 16u, 32u}) {
    bool Fits = Negative ? (Min >= -(int64_t(1) << (Bits - 1)) &&
                            Max <= (uint64_t(1) << (Bits - 1)) - 1)
                         : Max <= (uint64_t(1) << Bits) - 1;
    if (Fits) {
      Needed = Bits;
      break;
    }
  }
  const uint64_t Current = Ctx->getTypeSize(IntTy);
  if (Needed >= Current)
    return;
  const char *NewType = fixedWidthName(Needed, Negative);
  const uint64_t OldBytes = Current / 8, NewBytes = Needed / 8;

  // What the narrower type saves: records holding the enum (transitively),
  // arrays of it, containers of it.
  utils::LayoutOverrides O;
  llvm::SmallVector<const Type *, 4> Starts;
  Starts.push_back(
      utils::canonicalTagType(*Ctx, ED).getCanonicalType().getTypePtr());
  for (const EnumDecl *Inst : Instantiations.lookup(ED))
    Starts.push_back(
        utils::canonicalTagType(*Ctx, Inst).getCanonicalType().getTypePtr());
  for (const Type *T : Starts)
    O.Types[T] = {NewBytes, NewBytes};
  utils::RecordLayoutModel Base(*Ctx), WhatIf(*Ctx, std::move(O));

  std::optional<Saving> Best;
  auto Consider = [&](Saving S) {
    if (S.New < S.Old && (!Best || S.bytes() > Best->bytes()))
      Best = std::move(S);
  };
  llvm::SmallPtrSet<const RecordDecl *, 16> Seen;
  llvm::SmallVector<const RecordDecl *, 8> Shrinking;
  std::deque<const Type *> Work(Starts.begin(), Starts.end());
  PrintingPolicy Policy(Ctx->getLangOpts());
  // Specializations (std::pair<E, char>, std::optional<E>) the user's
  // variables, fields and bases use: laid out directly, named as written.
  llvm::SmallVector<const RecordDecl *, 8> Roots;
  if (auto It = SpecializationUses.find(ED); It != SpecializationUses.end())
    Roots.append(It->second.begin(), It->second.end());
  // Records R that the narrower enum shrinks are collected and offered as
  // the message's example.
  auto Shrinks = [&](const RecordDecl *R) {
    if (R->isInvalidDecl() || R->isDependentType() || !R->getDefinition())
      return false;
    const utils::RecordLayoutInfo &Before = Base.layout(R);
    // Trust the model only where it reproduces the compiler.
    if (!Before.Modeled ||
        Before.Size !=
            (uint64_t)Ctx->getASTRecordLayout(R).getSize().getQuantity())
      return false;
    const utils::RecordLayoutInfo &After = WhatIf.layout(R);
    if (!After.Modeled || After.Size >= Before.Size)
      return false;
    Shrinking.push_back(R);
    Consider({"'" + utils::canonicalTagType(*Ctx, R).getAsString(Policy) + "'",
              Before.Size, After.Size});
    return true;
  };
  for (const RecordDecl *R : Roots)
    if (Seen.insert(R).second && Shrinks(R))
      Work.push_back(
          utils::canonicalTagType(*Ctx, R).getCanonicalType().getTypePtr());
  while (!Work.empty()) {
    const Type *T = Work.front();
    Work.pop_front();
    auto It = Holders.find(T);
    if (It == Holders.end())
      continue;
    for (const RecordDecl *R : It->second) {
      if (!Seen.insert(R).second)
        continue;
      Work.push_back(
          utils::canonicalTagType(*Ctx, R).getCanonicalType().getTypePtr());
      Shrinks(R);
    }
  }
  bool PerElementUse = false;
  std::string PerElementWhat;
  for (const ArrayUse &A : Arrays.lookup(ED)) {
    if (A.Var && A.Count)
      Consider({"'" + A.Var->getNameAsString() + "'", A.Count * OldBytes,
                A.Count * NewBytes});
    else if (!PerElementUse) {
      PerElementUse = true;
      PerElementWhat =
          "each element of a 'new " + ED->getNameAsString() + "[]' array";
    }
  }
  if (auto It = Containers.find(ED); It != Containers.end()) {
    PerElementUse = true;
    PerElementWhat = "each element of '" + It->second + "'";
  }
  if (OnlyWhenItSaves && !Best && !PerElementUse)
    return;

  std::string Name;
  if (ED->getIdentifier())
    Name = "enum '" + ED->getQualifiedNameAsString() + "'";
  else if (const TypedefNameDecl *TD = ED->getTypedefNameForAnonDecl())
    Name = "enum '" + TD->getQualifiedNameAsString() + "'";
  else
    Name = "anonymous enum";
  std::string Msg = Name + " can be " + NewType;
  if (Best)
    Msg += "; that makes " + Best->What + " " + std::to_string(Best->New) +
           (Best->New == 1 ? " byte" : " bytes") + " instead of " +
           std::to_string(Best->Old);
  else if (PerElementUse)
    Msg += "; that makes " + PerElementWhat + " " + std::to_string(NewBytes) +
           (NewBytes == 1 ? " byte" : " bytes") + " instead of " +
           std::to_string(OldBytes);
  else
    Msg += "; its values fit in " + std::to_string(NewBytes) +
           (NewBytes == 1 ? " byte" : " bytes") + " instead of " +
           std::to_string(OldBytes);

  // Anything that would make the fix break the build or change behaviour
  // turns the fixit into a note.
  Blocker Block;
  const DeclContext *DC = ED->getDeclContext();
  if (ED->getLocation().isMacroID())
    Block = {ED->getLocation(),
             "the enum is defined by a macro expansion; edit the macro"};
  else if (DC->isExternCContext())
    Block = {ED->getLocation(),
             "the enum is declared in an 'extern \"C\"' block; its size is "
             "part of the C interface"};
  else if (auto It = EnumBlockers.find(ED); It != EnumBlockers.end())
    Block = It->second;
  else if (!ED->isScoped() && Needed == 32 && !Negative &&
           IntTy->isSignedIntegerType())
    Block = {ED->getLocation(),
             std::string(NewType) +
                 " promotes to 'unsigned int' where the current type "
                 "promotes to a signed type, which changes arithmetic"};
  else if (std::string Why =
               publicApiBlocker(ED, Name, Shrinking, SM, *Ctx, PublicAPI);
           !Why.empty())
    Block = {ED->getLocation(), Why};
  else
    for (const RecordDecl *R : Shrinking) {
      auto It = StaticAssertedSizes.find(
          utils::canonicalTagType(*Ctx, R).getCanonicalType().getTypePtr());
      if (It != StaticAssertedSizes.end()) {
        Block = {It->second,
                 "a static_assert checks the size of '" +
                     utils::canonicalTagType(*Ctx, R).getAsString(Policy) +
                     "', which the change would break"};
        break;
      }
    }

  fixits::RewriteResult Rewrite;
  if (Block.Why.empty()) {
    Rewrite =
        fixits::changeEnumUnderlyingType(ED, NewType, SM, Ctx->getLangOpts());
    if (!Rewrite.ok())
      Block = {Rewrite.WhyNotLoc, Rewrite.WhyNot};
  }

  {
    DiagnosticBuilder D = diag(ED->getLocation(), "%0") << Msg;
    if (Block.Why.empty()) {
      for (const FixItHint &H : Rewrite.Hints)
        D << H;
      for (const FixItHint &H : fixits::includeInFiles(
               Inserter, Ctx->getSourceManager(), Rewrite.Files, "<cstdint>"))
        D << H;
    }
  }
  if (!Block.Why.empty())
    diag(Block.Loc.isValid() ? Block.Loc : ED->getLocation(), "no fixit: %0",
         DiagnosticIDs::Note)
        << Block.Why;
}

void OversizedEnumCheck::collectStdSpecializations() {
  const SourceManager &SM = Ctx->getSourceManager();
  auto Lookup = [&](const DeclContext *DC, StringRef Name) {
    return DC->lookup(&Ctx->Idents.get(Name));
  };
  const NamespaceDecl *Std = nullptr;
  for (const NamedDecl *ND : Lookup(Ctx->getTranslationUnitDecl(), "std"))
    if ((Std = dyn_cast<NamespaceDecl>(ND)))
      break;
  if (!Std)
    return;
  auto ForEach = [&](StringRef Name, auto Fn) {
    for (const NamedDecl *ND : Lookup(Std, Name))
      if (const auto *CTD = dyn_cast<ClassTemplateDecl>(ND))
        for (const ClassTemplateSpecializationDecl *Spec :
             CTD->specializations()) {
          const TemplateArgumentList &Args = Spec->getTemplateArgs();
          if (Args.size() && Args[0].getKind() == TemplateArgument::Type)
            if (const EnumDecl *ED = enumOf(Args[0].getAsType()))
              Fn(ED, Spec);
        }
  };
  for (StringRef Name : {"vector", "deque", "array", "valarray"})
    ForEach(Name, [&](const EnumDecl *ED,
                      const ClassTemplateSpecializationDecl *Spec) {
      Containers.try_emplace(
          ED, utils::canonicalTagType(*Ctx, Spec)
                  .getAsString(PrintingPolicy(Ctx->getLangOpts())));
    });
  // Traits whose result follows the underlying type.
  for (StringRef Name : {"underlying_type", "make_signed", "make_unsigned"})
    ForEach(Name, [&](const EnumDecl *ED,
                      const ClassTemplateSpecializationDecl *Spec) {
      SourceLocation POI = Spec->getPointOfInstantiation();
      EnumBlockers.try_emplace(
          ED, Blocker{POI.isInvalid() || SM.isInSystemHeader(POI)
                          ? ED->getLocation() // Reached via an alias.
                          : POI,
                      "'std::" + Name.str() +
                          "' of the enum is used in this translation unit "
                          "and its result would change"});
    });
}

void OversizedEnumCheck::onEndOfTranslationUnit() {
  if (Ctx) {
    collectStdSpecializations();
    for (const EnumDecl *ED : Candidates)
      decide(ED);
  }
  Candidates.clear();
  Holders.clear();
  Instantiations.clear();
  Arrays.clear();
  Containers.clear();
  SpecializationUses.clear();
  FlagEnums.clear();
  BitFieldEnums.clear();
  EnumBlockers.clear();
  StaticAssertedSizes.clear();
  Ctx = nullptr;
}

} // namespace clang::tidy::memlint
