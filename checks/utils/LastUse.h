//===--- LastUse.h - is this the last use of a variable? --------*- C++ -*-===//
//
// Control-flow questions about the uses of a function's locals, answered on
// clang's CFG (with clang-tidy's ExprSequence for the order inside one
// full-expression, as bugprone-use-after-move does): may this mention run
// after that one on some path, loop back-edges included; is this mention the
// last use of its variable on every path; does another mention leave a
// pointer, reference or view into the object behind that is used later.
//
// Everything answers conservatively: a mention whose place in the CFG is not
// known may run after any other, and a use the alias walk does not
// understand may keep the object's address.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_UTILS_LASTUSE_H
#define MEMLINT_CHECKS_UTILS_LASTUSE_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>

namespace clang::tidy::utils {
class ExprSequence;
class StmtToBlockMap;
} // namespace clang::tidy::utils

namespace clang::tidy::memlint::utils {

/// One mention of a variable in a function: the reference and the statement
/// that stands for its position in the control flow (the reference itself,
/// or the outermost lambda expression it lies in).
struct Mention {
  const DeclRefExpr *Ref;
  const Stmt *Position;
};

/// The control flow and the variable mentions of one function definition
/// (body and constructor initializers), built once and asked about many
/// variables.
class FunctionFlow {
public:
  /// Null when the function has no body or its CFG cannot be built.
  static std::unique_ptr<FunctionFlow> build(const FunctionDecl &FD,
                                             ASTContext &Ctx);
  ~FunctionFlow();

  /// Every mention of \p VD in the function, in traversal order. Mentions
  /// inside a lambda are positioned at the lambda expression.
  llvm::ArrayRef<Mention> mentionsOf(const VarDecl &VD) const;
  /// Whether some lambda in the function captures \p VD by reference.
  bool capturedByReference(const VarDecl &VD) const {
    return ByRefCaptures.contains(&VD);
  }
  /// Whether \p VD is mentioned inside a catch handler.
  bool mentionedInHandler(const VarDecl &VD) const {
    return InHandlers.contains(&VD);
  }

  /// Whether \p Other may be evaluated after \p Site on some path: later in
  /// the same full-expression (unsequenced counts), in a block reachable
  /// from \p Site's block, or in \p Site's own block on the next iteration.
  /// Paths through the declaration of \p Fresh do not count: past it, a
  /// mention names a new object (the next iteration's loop-body local).
  bool mayRunAfter(const Stmt &Other, const Stmt &Site,
                   const VarDecl *Fresh = nullptr) const;

  /// Whether no mention of \p VD other than \p Site may run after \p Site:
  /// "is \p Site the last use of \p VD on every path".
  bool isLastUse(const VarDecl &VD, const DeclRefExpr &Site) const;

  /// Whether some mention of \p VD other than \p Site leaves a pointer,
  /// reference or view into the object (`&v`, `v.data()`, `auto &r = v`,
  /// `std::string_view sv = v`, an iterator, an object constructed from a
  /// reference to it) in a variable that may be used after \p Site, or in a
  /// place the analysis cannot follow (a member, a global). Passing the
  /// object to a function that returns nothing derived from it does not
  /// count: the callee is assumed not to keep its address past the call.
  bool aliasMayOutlive(const VarDecl &VD, const DeclRefExpr &Site,
                       ASTContext &Ctx) const;

private:
  FunctionFlow() = default;
  bool aliasUsedAfter(const VarDecl &VD, const Stmt &Site,
                      const VarDecl &Object, ASTContext &Ctx,
                      unsigned Depth) const;
  int initializerIndex(const Stmt &S) const;

  const FunctionDecl *FD = nullptr;
  const SourceManager *SM = nullptr;
  std::unique_ptr<CFG> TheCFG;
  std::unique_ptr<tidy::utils::ExprSequence> Sequence;
  std::unique_ptr<tidy::utils::StmtToBlockMap> Blocks;
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<Mention, 4>> Mentions;
  llvm::DenseSet<const VarDecl *> ByRefCaptures;
  llvm::DenseSet<const VarDecl *> InHandlers;
  /// The CFG block of each local's declaration.
  llvm::DenseMap<const VarDecl *, const CFGBlock *> DeclBlocks;
};

/// Where the value a mention of a variable produces ends up, as far as it may
/// still refer to the variable's object.
struct AliasTarget {
  enum Kind {
    None,  ///< nothing derived from the object outlives the full-expression
    Local, ///< a pointer, reference or view stored in the local \c Var
    Unknown,
  } K = None;
  const VarDecl *Var = nullptr;
};

/// Follows the value of \p Ref (a mention of a variable of type \p VarType)
/// up through the expressions that may still point into the object: member
/// calls, conversions, `&`, subscripts, constructors of other types. Stops
/// with None at a value that cannot (a scalar prvalue, a new object of
/// \p VarType, the right side of an assignment, a discarded result).
AliasTarget aliasTargetOf(const DeclRefExpr &Ref, QualType VarType,
                          ASTContext &Ctx);

} // namespace clang::tidy::memlint::utils

#endif // MEMLINT_CHECKS_UTILS_LASTUSE_H
