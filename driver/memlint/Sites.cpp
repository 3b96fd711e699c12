//===--- Sites.cpp - symbolize the counter's raw allocation sites ---------===//
//
// libmemlint_alloc_count.so writes, per process, return addresses and the
// module map (docs/profiles.md, "Raw site files"); this file maps each
// address to its module and symbolizes it with LLVM's symbolizer (DWARF,
// inlined frames included).
//
//===----------------------------------------------------------------------===//

#include "Profile.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/DebugInfo/Symbolize/Symbolize.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <set>

namespace memlint {
namespace {

struct RawModule {
  uint64_t Base = 0;
  std::string Path;
  std::vector<std::pair<uint64_t, uint64_t>> Text; // executable segments
};

struct RawSite {
  uint64_t Allocations = 0, Bytes = 0, Peak = 0;
  std::vector<uint64_t> Frames; // return addresses, innermost first
};

struct RawProcess {
  uint64_t Peak = 0, UnattributedAllocations = 0, UnattributedBytes = 0;
  std::vector<RawModule> Modules;
  std::vector<RawSite> Sites;
  bool Complete = false; // ends with "end"
};

bool hex(llvm::StringRef S, uint64_t &V) { return !S.getAsInteger(16, V); }
bool dec(llvm::StringRef S, uint64_t &V) { return !S.getAsInteger(10, V); }

// One "site ALLOCS BYTES PEAK DEPTH ADDR..." line.
bool parseSite(llvm::ArrayRef<llvm::StringRef> W, RawSite &S) {
  uint64_t Depth;
  if (W.size() < 5 || !dec(W[1], S.Allocations) || !dec(W[2], S.Bytes) ||
      !dec(W[3], S.Peak) || !dec(W[4], Depth) || W.size() != 5 + Depth)
    return false;
  for (llvm::StringRef A : W.drop_front(5)) {
    uint64_t Addr;
    if (!hex(A, Addr))
      return false;
    S.Frames.push_back(Addr);
  }
  return true;
}

bool parseLine(llvm::StringRef Line, RawProcess &P) {
  llvm::SmallVector<llvm::StringRef, 16> W;
  Line.split(W, ' ', -1, false);
  if (W.empty())
    return true;
  if (W[0] == "module" && W.size() >= 3) {
    RawModule M;
    // The path is the rest of the line: it may contain spaces.
    M.Path = Line.drop_front(W[0].size() + 1 + W[1].size() + 1).str();
    P.Modules.push_back(std::move(M));
    return hex(W[1], P.Modules.back().Base);
  }
  if (W[0] == "text" && W.size() == 3 && !P.Modules.empty()) {
    uint64_t Lo, Hi;
    if (!hex(W[1], Lo) || !hex(W[2], Hi))
      return false;
    P.Modules.back().Text.push_back({Lo, Hi});
    return true;
  }
  if (W[0] == "site") {
    RawSite S;
    if (!parseSite(W, S))
      return false;
    P.Sites.push_back(std::move(S));
    return true;
  }
  if (W[0] == "peak" && W.size() == 2)
    return dec(W[1], P.Peak);
  if (W[0] == "unattributed" && W.size() == 3)
    return dec(W[1], P.UnattributedAllocations) &&
           dec(W[2], P.UnattributedBytes);
  if (W[0] == "end")
    P.Complete = true;
  return true; // "memlint-sites", "pid", and keys of later versions
}

std::optional<RawProcess> parseRawFile(const std::string &Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf || !(*Buf)->getBuffer().starts_with("memlint-sites 1\n"))
    return std::nullopt;
  RawProcess P;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  (*Buf)->getBuffer().split(Lines, '\n', -1, false);
  for (llvm::StringRef L : Lines)
    if (!parseLine(L, P))
      return std::nullopt;
  if (!P.Complete)
    return std::nullopt;
  return P;
}

class Symbolizer {
public:
  Symbolizer() : Sym(options()) {}

  /// The frames (inlined ones first) of the return address \p Addr.
  std::vector<ProfileFrame> frames(const RawProcess &P, uint64_t Addr) {
    const RawModule *M = moduleOf(P, Addr);
    if (!M) {
      ProfileFrame F;
      F.Offset = Addr;
      return {F};
    }
    // The call instruction ends just before the return address.
    const uint64_t Offset = Addr - 1 - M->Base;
    auto Key = std::make_pair(M->Path, Offset);
    auto It = Cache.find(Key);
    if (It == Cache.end())
      It = Cache.emplace(Key, lookUp(M->Path, Offset)).first;
    return It->second;
  }

  /// Non-system binaries whose frames carry no line information.
  std::vector<std::string> missingDebugInfo() const {
    std::vector<std::string> Out;
    for (const auto &[Path, HasLines] : ModuleHasLines)
      if (!HasLines)
        Out.push_back(Path);
    return Out;
  }

private:
  static llvm::symbolize::LLVMSymbolizer::Options options() {
    llvm::symbolize::LLVMSymbolizer::Options O;
    O.Demangle = true;
    O.UseSymbolTable = true;
    O.RelativeAddresses = false;
    O.PathStyle = llvm::DILineInfoSpecifier::FileLineInfoKind::AbsoluteFilePath;
    return O;
  }

  static const RawModule *moduleOf(const RawProcess &P, uint64_t Addr) {
    for (const RawModule &M : P.Modules)
      for (auto [Lo, Hi] : M.Text)
        if (Addr > Lo && Addr <= Hi)
          return &M;
    return nullptr;
  }

  std::vector<ProfileFrame> lookUp(const std::string &Module, uint64_t Offset) {
    std::vector<ProfileFrame> Out;
    auto Info = Sym.symbolizeInlinedCode(
        Module, {Offset, llvm::object::SectionedAddress::UndefSection});
    if (!Info)
      llvm::consumeError(Info.takeError());
    const uint32_t N = Info ? Info->getNumberOfFrames() : 0;
    for (uint32_t I = 0; I < N; ++I) {
      const llvm::DILineInfo &L = Info->getFrame(I);
      ProfileFrame F;
      if (L.FunctionName != llvm::DILineInfo::BadString)
        F.Function = L.FunctionName;
      if (L.FileName != llvm::DILineInfo::BadString && L.Line) {
        llvm::SmallString<256> File(L.FileName);
        llvm::sys::path::remove_dots(File, /*remove_dot_dot=*/true);
        F.File = std::string(File);
        F.Line = L.Line;
        F.Column = L.Column;
      }
      F.Inlined = I + 1 < N;
      Out.push_back(std::move(F));
    }
    if (Out.empty())
      Out.emplace_back();
    bool HasLines = false;
    for (ProfileFrame &F : Out) {
      F.Module = Module;
      F.Offset = Offset;
      classifyFrame(F);
      HasLines |= F.Line != 0;
      if (!F.System && F.Line)
        F.Source = sourceLine(F.File, F.Line);
    }
    if (!Out.front().System || HasLines)
      ModuleHasLines[Module] |= HasLines;
    return Out;
  }

  // The text of a user-code line as it is now, so that `check --profile` can
  // tell when it changed (docs/profiles.md).
  std::optional<std::string> sourceLine(const std::string &File,
                                        unsigned Line) {
    auto It = SourceLines.find(File);
    if (It == SourceLines.end()) {
      std::vector<std::string> Lines;
      if (auto Buf = llvm::MemoryBuffer::getFile(File, /*IsText=*/true)) {
        llvm::SmallVector<llvm::StringRef, 0> Parts;
        (*Buf)->getBuffer().split(Parts, '\n');
        for (llvm::StringRef P : Parts)
          Lines.push_back(P.rtrim('\r').str());
      }
      It = SourceLines.emplace(File, std::move(Lines)).first;
    }
    if (Line == 0 || Line > It->second.size())
      return std::nullopt;
    return It->second[Line - 1];
  }

  llvm::symbolize::LLVMSymbolizer Sym;
  std::map<std::pair<std::string, uint64_t>, std::vector<ProfileFrame>> Cache;
  std::map<std::string, std::vector<std::string>> SourceLines;
  std::map<std::string, bool> ModuleHasLines;
};

Profile symbolizeProcess(const RawProcess &Raw, Symbolizer &Sym) {
  Profile P;
  P.PeakLiveBytes = Raw.Peak;
  P.UnattributedAllocations = Raw.UnattributedAllocations;
  P.UnattributedBytes = Raw.UnattributedBytes;
  for (const RawSite &R : Raw.Sites) {
    ProfileSite S;
    S.Allocations = R.Allocations;
    S.Bytes = R.Bytes;
    S.PeakLiveBytes = R.Peak;
    for (uint64_t Addr : R.Frames)
      for (ProfileFrame &F : Sym.frames(Raw, Addr))
        S.Stack.push_back(std::move(F));
    P.Sites.push_back(std::move(S));
  }
  return P;
}

} // namespace

Profile symbolizeRawSites(const std::vector<std::string> &Files,
                          std::vector<std::string> &MissingDebugInfo) {
  Symbolizer Sym;
  Profile Out;
  for (const std::string &File : Files) {
    std::optional<RawProcess> Raw = parseRawFile(File);
    if (!Raw) {
      llvm::errs() << "memlint: warning: skipping the incomplete site file of "
                      "process "
                   << llvm::sys::path::extension(File).drop_front() << "\n";
      continue;
    }
    // Stacks that symbolize the same (two calls on one line) merge, within
    // a process as across processes.
    mergeProfile(Out, symbolizeProcess(*Raw, Sym));
  }
  MissingDebugInfo = Sym.missingDebugInfo();
  sortSites(Out);
  return Out;
}

} // namespace memlint
