//===--- MemlintModule.cpp - memlint clang-tidy module --------------------===//
//
// Registers every memlint check. Linked into the plugin (libmemlint.so),
// memlint-tidy and memlint-clangd, so all three carry the same checks.
//
//===----------------------------------------------------------------------===//

#include "AllocationInLoopCheck.h"
#include "ArenaCandidateCheck.h"
#include "CompactStringCheck.h"
#include "CopyAtLastUseCheck.h"
#include "HeapFixedBufferCheck.h"
#include "MissingReserveCheck.h"
#include "OversizedEnumCheck.h"
#include "PaddingWasteCheck.h"
#include "SmallVectorCheck.h"
#include "StringConcatCheck.h"
#include "StringTemporaryCheck.h"
#include "SubstrCopyCheck.h"
#include "UnneededCopyCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "llvm/Config/llvm-config.h"
// LLVM 22 moved the registry into ClangTidyModule.h and turned this header
// into a #warning stub.
#if LLVM_VERSION_MAJOR < 22
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

namespace clang::tidy::memlint {

class MemlintModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &CheckFactories) override {
    // Keep sorted by check name.
    CheckFactories.registerCheck<AllocationInLoopCheck>(
        "memlint-allocation-in-loop");
    CheckFactories.registerCheck<ArenaCandidateCheck>(
        "memlint-arena-candidate");
    CheckFactories.registerCheck<CompactStringCheck>("memlint-compact-string");
    CheckFactories.registerCheck<CopyAtLastUseCheck>(
        "memlint-copy-at-last-use");
    CheckFactories.registerCheck<HeapFixedBufferCheck>(
        "memlint-heap-fixed-buffer");
    CheckFactories.registerCheck<MissingReserveCheck>(
        "memlint-missing-reserve");
    CheckFactories.registerCheck<OversizedEnumCheck>("memlint-oversized-enum");
    CheckFactories.registerCheck<PaddingWasteCheck>("memlint-padding-waste");
    CheckFactories.registerCheck<SmallVectorCheck>("memlint-small-vector");
    CheckFactories.registerCheck<StringConcatCheck>("memlint-string-concat");
    CheckFactories.registerCheck<StringTemporaryCheck>(
        "memlint-string-temporary");
    CheckFactories.registerCheck<SubstrCopyCheck>("memlint-substr-copy");
    CheckFactories.registerCheck<UnneededCopyCheck>("memlint-unneeded-copy");
  }
};

} // namespace clang::tidy::memlint

namespace clang::tidy {

static ClangTidyModuleRegistry::Add<memlint::MemlintModule>
    X("memlint", "Allocation and memory-layout checks.");

// Referenced by memlint-tidy and memlint-clangd so that a static link keeps
// this translation unit (and with it the registration above).
volatile int MemlintModuleAnchorSource = 0;

} // namespace clang::tidy
