//===--- UserCodeParents.cpp - parent map over non-system code ------------===//

#include "UserCodeParents.h"

#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>
#include <mutex>
#include <vector>

namespace clang::tidy::memlint::utils {

namespace {
struct Entry {
  /// Null when the context's traversal scope was already limited (clangd:
  /// the main file's top-level declarations): ASTContext's own map is no
  /// bigger then.
  std::unique_ptr<ParentMapContext> Map;
  std::vector<Decl *> UserDecls;
};

// One entry per ASTContext, shared by every check; dropped with the context
// (clang-tidy runs files one after another, clangd builds ASTs on several
// threads, hence the lock around the registry).
std::mutex RegistryMutex;
llvm::DenseMap<const ASTContext *, std::unique_ptr<Entry>> &registry() {
  static llvm::DenseMap<const ASTContext *, std::unique_ptr<Entry>> R;
  return R;
}

void forget(void *Ctx) {
  std::lock_guard<std::mutex> Lock(RegistryMutex);
  registry().erase(static_cast<const ASTContext *>(Ctx));
}

bool wholeTU(ASTContext &Ctx) {
  auto Scope = Ctx.getTraversalScope();
  return Scope.size() == 1 && Scope.front() == Ctx.getTranslationUnitDecl();
}

std::vector<Decl *> userTopLevelDecls(ASTContext &Ctx) {
  std::vector<Decl *> Decls;
  const SourceManager &SM = Ctx.getSourceManager();
  for (Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
    SourceLocation Loc = D->getBeginLoc();
    if (Loc.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(Loc)))
      continue;
    Decls.push_back(D);
  }
  return Decls;
}

Entry &entryFor(ASTContext &Ctx) {
  {
    std::lock_guard<std::mutex> Lock(RegistryMutex);
    auto It = registry().find(&Ctx);
    if (It != registry().end())
      return *It->second;
  }
  auto E = std::make_unique<Entry>();
  if (wholeTU(Ctx)) {
    E->UserDecls = userTopLevelDecls(Ctx);
    // ParentMapContext builds over the context's traversal scope: narrow it
    // while our map is built, then restore it. The ongoing match traversal
    // walks the TU's DeclContext when the scope is the whole TU, so it is
    // not affected; setTraversalScope drops ASTContext's own parent map,
    // which is rebuilt on its next use.
    std::vector<Decl *> Saved{Ctx.getTranslationUnitDecl()};
    Ctx.setTraversalScope(E->UserDecls);
    E->Map = std::make_unique<ParentMapContext>(Ctx);
    E->Map->getParents(DynTypedNode::create(*Ctx.getTranslationUnitDecl()));
    Ctx.setTraversalScope(Saved);
  }
  std::lock_guard<std::mutex> Lock(RegistryMutex);
  auto &Slot = registry()[&Ctx];
  if (!Slot) {
    Slot = std::move(E);
    Ctx.AddDeallocation(forget, &Ctx);
  }
  return *Slot;
}
} // namespace

UserCodeTraversalScope::UserCodeTraversalScope(ASTContext &Ctx) : Ctx(Ctx) {
  if (!wholeTU(Ctx))
    return;
  Entry &E = entryFor(Ctx);
  Active = true;
  Ctx.setTraversalScope(E.UserDecls);
}

UserCodeTraversalScope::~UserCodeTraversalScope() {
  if (Active)
    Ctx.setTraversalScope({Ctx.getTranslationUnitDecl()});
}

UserCodeScope::UserCodeScope(ClangTidyContext *Context)
    : Enabled(!Context->getOptions().SystemHeaders.value_or(false)) {}

void UserCodeScope::registerMatchers(ast_matchers::MatchFinder *Finder) {
  // The TU declaration is matched before the traversal reads the scope
  // (RecursiveASTVisitor's TraverseTranslationUnitDecl).
  if (Enabled)
    Finder->addMatcher(ast_matchers::translationUnitDecl(), &CB);
}

void UserCodeScope::Callback::run(
    const ast_matchers::MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  if (!wholeTU(Ctx))
    return;
  // From now on ASTContext's own parent map covers these declarations only,
  // so parentsOf needs no map of its own (entryFor sees a limited scope).
  // The scope stays narrowed for the rest of the TU: the consumers after the
  // match finder (the static analyzer) collect their declarations while
  // parsing, not through it.
  Ctx.setTraversalScope(userTopLevelDecls(Ctx));
}

DynTypedNodeList parentsOf(ASTContext &Ctx, const DynTypedNode &N) {
  if (const auto *D = N.get<Decl>(); D && isa<TranslationUnitDecl>(D))
    return llvm::ArrayRef<DynTypedNode>();
  if (ParentMapContext *Map = entryFor(Ctx).Map.get()) {
    DynTypedNodeList L = Map->getParents(N);
    if (!L.empty())
      return L;
  }
  return Ctx.getParents(N);
}

bool hasAncestorWhere(ASTContext &Ctx, const DynTypedNode &N,
                      llvm::function_ref<bool(const DynTypedNode &)> Pred) {
  // Breadth first over every parent, like the hasAncestor matcher.
  std::vector<DynTypedNode> Queue;
  llvm::DenseSet<const void *> Visited;
  for (const DynTypedNode &P : parentsOf(Ctx, N))
    Queue.push_back(P);
  for (size_t I = 0; I < Queue.size(); ++I) {
    DynTypedNode Cur = Queue[I];
    if (Pred(Cur))
      return true;
    if (const void *Key = Cur.getMemoizationData())
      if (!Visited.insert(Key).second)
        continue;
    for (const DynTypedNode &P : parentsOf(Ctx, Cur))
      Queue.push_back(P);
  }
  return false;
}

bool isTemplateInstantiationOrIn(ASTContext &Ctx, const DynTypedNode &N,
                                 bool IncludeSelf) {
  auto IsInstantiation = [](const DynTypedNode &Node) {
    TemplateSpecializationKind K;
    if (const auto *RD = Node.get<CXXRecordDecl>())
      K = RD->getTemplateSpecializationKind();
    else if (const auto *FD = Node.get<FunctionDecl>())
      K = FD->getTemplateSpecializationKind();
    else
      return false;
    return K == TSK_ImplicitInstantiation ||
           K == TSK_ExplicitInstantiationDefinition ||
           K == TSK_ExplicitInstantiationDeclaration;
  };
  return (IncludeSelf && IsInstantiation(N)) ||
         hasAncestorWhere(Ctx, N, IsInstantiation);
}

} // namespace clang::tidy::memlint::utils
