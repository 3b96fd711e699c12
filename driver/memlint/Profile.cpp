//===--- Profile.cpp - the memlint profile format and DHAT import ---------===//

#include "Profile.h"
#include "Driver.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace memlint {

int ProfileSite::userFrame() const {
  for (size_t I = 0; I < Stack.size(); ++I)
    if (!Stack[I].System)
      return static_cast<int>(I);
  return -1;
}

uint64_t Profile::allocations() const {
  uint64_t N = UnattributedAllocations;
  for (const ProfileSite &S : Sites)
    N += S.Allocations;
  return N;
}

uint64_t Profile::bytes() const {
  uint64_t N = UnattributedBytes;
  for (const ProfileSite &S : Sites)
    N += S.Bytes;
  return N;
}

namespace {

bool isSystemPath(llvm::StringRef Path) {
  static const char *const Prefixes[] = {
      "/usr/include/", "/usr/lib/",   "/lib/",
      "/lib64/",       "/usr/lib64/", "/usr/libexec/valgrind/"};
  for (const char *P : Prefixes)
    if (Path.starts_with(P))
      return true;
  return Path.starts_with("linux-vdso") || Path.starts_with("linux-gate");
}

// The qualified name of a demangled function: without the return type of a
// template ("int& std::vector<int>::emplace_back<int>(int&&)") and without
// the parameters.
llvm::StringRef qualifiedName(llvm::StringRef Fn) {
  if (Fn.starts_with("operator "))
    return Fn;
  int Depth = 0;
  size_t Start = 0;
  for (size_t I = 0; I < Fn.size(); ++I) {
    const char C = Fn[I];
    if (C == '<')
      ++Depth;
    else if (C == '>')
      --Depth;
    else if (Depth == 0 && C == ' ' && !Fn.substr(I + 1).starts_with("("))
      Start = I + 1;
    else if (Depth == 0 && C == '(' && I > 0 && Fn[I - 1] != ' ')
      return Fn.slice(Start, I);
  }
  return Fn.drop_front(Start);
}

// Names only the implementation may declare: namespace std and the
// runtime's own, reserved identifiers, the allocation functions.
bool isSystemFunction(llvm::StringRef Full) {
  static const char *const Prefixes[] = {"std::",           "__gnu_cxx::",
                                         "__cxxabiv1::",    "operator new",
                                         "operator delete", "__"};
  llvm::StringRef Fn = qualifiedName(Full);
  for (const char *P : Prefixes)
    if (Fn.starts_with(P) || Full.starts_with(P))
      return true;
  if (Fn.size() > 1 && Fn[0] == '_' && llvm::isUpper(Fn[1]))
    return true;
  return llvm::is_contained({"malloc", "calloc", "realloc", "free",
                             "aligned_alloc", "posix_memalign", "memalign",
                             "valloc", "pvalloc", "reallocarray", "_start"},
                            Fn);
}

} // namespace

void classifyFrame(ProfileFrame &F) {
  if (!F.File.empty() && llvm::StringRef(F.File).starts_with("/")) {
    F.System = isSystemPath(F.File);
    return;
  }
  if (F.File.empty()) {
    // No line information: a system library's frame, or a user binary
    // built without -g (user code, if nothing else says otherwise).
    F.System = isSystemPath(F.Module) || isSystemFunction(F.Function);
    return;
  }
  // A relative file name: with a directory, the debug info of a library
  // built elsewhere with its paths remapped (Debian's packages: "./elf/...");
  // a bare name (DHAT without --fullpath-after=): only the function's name
  // tells.
  F.System = llvm::StringRef(F.File).contains('/') ||
             isSystemFunction(F.Function) ||
             (!F.Module.empty() && isSystemPath(F.Module));
}

namespace {

using FrameKey = std::tuple<std::string, std::string, std::string, unsigned,
                            unsigned, uint64_t, bool>;

FrameKey frameKey(const ProfileFrame &F) {
  // Frames with a line are identified by their source position; others by
  // their address (two call sites of a function without -g stay apart).
  return {F.Module, F.Function, F.File,
          F.Line,   F.Column,   F.Line ? 0 : F.Offset.value_or(0),
          F.Inlined};
}

std::vector<FrameKey> stackKey(const ProfileSite &S) {
  std::vector<FrameKey> K;
  K.reserve(S.Stack.size());
  for (const ProfileFrame &F : S.Stack)
    K.push_back(frameKey(F));
  return K;
}

} // namespace

void mergeProfile(Profile &Into, Profile From) {
  std::map<std::vector<FrameKey>, size_t> Index;
  for (size_t I = 0; I < Into.Sites.size(); ++I)
    Index.emplace(stackKey(Into.Sites[I]), I);
  for (ProfileSite &S : From.Sites) {
    auto [It, New] = Index.emplace(stackKey(S), Into.Sites.size());
    if (New) {
      Into.Sites.push_back(std::move(S));
      continue;
    }
    ProfileSite &T = Into.Sites[It->second];
    T.Allocations += S.Allocations;
    T.Bytes += S.Bytes;
    T.PeakLiveBytes = std::max(T.PeakLiveBytes, S.PeakLiveBytes);
  }
  Into.Commands.insert(Into.Commands.end(), From.Commands.begin(),
                       From.Commands.end());
  Into.PeakLiveBytes = std::max(Into.PeakLiveBytes, From.PeakLiveBytes);
  Into.UnattributedAllocations += From.UnattributedAllocations;
  Into.UnattributedBytes += From.UnattributedBytes;
}

void sortSites(Profile &P) {
  std::stable_sort(P.Sites.begin(), P.Sites.end(),
                   [](const ProfileSite &A, const ProfileSite &B) {
                     if (A.Allocations != B.Allocations)
                       return A.Allocations > B.Allocations;
                     if (A.Bytes != B.Bytes)
                       return A.Bytes > B.Bytes;
                     return stackKey(A) < stackKey(B);
                   });
}

// --- writing -----------------------------------------------------------------

namespace {

void writeFrame(llvm::json::OStream &J, const ProfileFrame &F, bool Full) {
  J.object([&] {
    J.attribute("function", F.Function);
    J.attribute("file", F.File);
    J.attribute("line", F.Line);
    J.attribute("column", F.Column);
    if (!Full)
      return;
    J.attribute("module", F.Module);
    if (F.Offset)
      J.attribute("offset", "0x" + llvm::utohexstr(*F.Offset, true));
    J.attribute("inlined", F.Inlined);
    J.attribute("system", F.System);
    if (F.Source)
      J.attribute("source", *F.Source);
  });
}

void writeSite(llvm::json::OStream &J, const ProfileSite &S) {
  J.object([&] {
    J.attribute("allocations", S.Allocations);
    J.attribute("bytes", S.Bytes);
    J.attribute("peakLiveBytes", S.PeakLiveBytes);
    int U = S.userFrame();
    J.attributeBegin("site");
    if (U < 0)
      J.value(nullptr);
    else
      writeFrame(J, S.Stack[U], false);
    J.attributeEnd();
    // So that readers without the stack rules (the checks' ProfileFile)
    // need not classify frames.
    J.attribute("family", allocatingFamily(S));
    J.attributeArray("stack", [&] {
      for (const ProfileFrame &F : S.Stack)
        writeFrame(J, F, true);
    });
  });
}

} // namespace

std::string profileJson(const Profile &P) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  llvm::json::OStream J(OS, 2);
  J.object([&] {
    J.attribute("format", "memlint-profile");
    J.attribute("version", 1);
    J.attributeArray("commands", [&] {
      for (const std::string &C : P.Commands)
        J.value(C);
    });
    J.attributeObject("totals", [&] {
      J.attribute("allocations", P.allocations());
      J.attribute("bytes", P.bytes());
      J.attribute("peakLiveBytes", P.PeakLiveBytes);
      J.attribute("sites", static_cast<uint64_t>(P.Sites.size()));
      J.attribute("unattributedAllocations", P.UnattributedAllocations);
      J.attribute("unattributedBytes", P.UnattributedBytes);
    });
    J.attributeArray("sites", [&] {
      for (const ProfileSite &S : P.Sites)
        writeSite(J, S);
    });
  });
  OS << "\n";
  return Out;
}

// --- reading -----------------------------------------------------------------

namespace {

struct Reader {
  std::string Path;
  [[noreturn]] void fail(const llvm::Twine &Why) const {
    throw UsageError{"'" + Path + "' is not a valid profile: " + Why.str()};
  }
  uint64_t count(const llvm::json::Object &O, llvm::StringRef Key,
                 llvm::StringRef Where) const {
    auto V = O.getInteger(Key);
    if (!V || *V < 0)
      fail(Where + " has no non-negative integer '" + Key + "'");
    return static_cast<uint64_t>(*V);
  }
  const llvm::json::Array &array(const llvm::json::Object &O,
                                 llvm::StringRef Key) const {
    const llvm::json::Array *A = O.getArray(Key);
    if (!A)
      fail("no '" + Key + "' array");
    return *A;
  }
};

ProfileFrame readMemlintFrame(const Reader &R, const llvm::json::Value &V) {
  const llvm::json::Object *O = V.getAsObject();
  if (!O)
    R.fail("a stack frame is not an object");
  ProfileFrame F;
  auto Str = [&](llvm::StringRef K) {
    return O->getString(K).value_or("").str();
  };
  F.Function = Str("function");
  F.File = Str("file");
  F.Module = Str("module");
  F.Line = static_cast<unsigned>(O->getInteger("line").value_or(0));
  F.Column = static_cast<unsigned>(O->getInteger("column").value_or(0));
  if (auto S = O->getString("offset")) {
    llvm::StringRef T = *S;
    uint64_t Off;
    if (!T.consume_front("0x") || T.getAsInteger(16, Off))
      R.fail("a frame's 'offset' is not a 0x-prefixed hex number");
    F.Offset = Off;
  }
  F.Inlined = O->getBoolean("inlined").value_or(false);
  F.System = O->getBoolean("system").value_or(false);
  if (auto Src = O->getString("source"))
    F.Source = Src->str();
  return F;
}

Profile readMemlint(const Reader &R, const llvm::json::Object &Root) {
  if (Root.getInteger("version").value_or(0) != 1)
    R.fail("unsupported memlint profile version (expected 1)");
  Profile P;
  if (const llvm::json::Array *C = Root.getArray("commands"))
    for (const llvm::json::Value &V : *C)
      if (auto S = V.getAsString())
        P.Commands.push_back(S->str());
  const llvm::json::Object *T = Root.getObject("totals");
  if (!T)
    R.fail("no 'totals' object");
  P.PeakLiveBytes = R.count(*T, "peakLiveBytes", "'totals'");
  P.UnattributedAllocations =
      R.count(*T, "unattributedAllocations", "'totals'");
  P.UnattributedBytes = R.count(*T, "unattributedBytes", "'totals'");
  for (const llvm::json::Value &V : R.array(Root, "sites")) {
    const llvm::json::Object *O = V.getAsObject();
    if (!O)
      R.fail("a site is not an object");
    ProfileSite S;
    S.Allocations = R.count(*O, "allocations", "a site");
    S.Bytes = R.count(*O, "bytes", "a site");
    S.PeakLiveBytes = R.count(*O, "peakLiveBytes", "a site");
    for (const llvm::json::Value &F : R.array(*O, "stack"))
      S.Stack.push_back(readMemlintFrame(R, F));
    P.Sites.push_back(std::move(S));
  }
  return P;
}

// One entry of DHAT's frame table: "0xADDR: FUNCTION (FILE:LINE[:COL])",
// "0xADDR: FUNCTION (in MODULE)", or "0xADDR: ???".
ProfileFrame parseDhatFrame(llvm::StringRef Text, uint64_t &Address) {
  ProfileFrame F;
  Address = 0;
  auto [Addr, Rest] = Text.split(": ");
  if (Addr.consume_front("0x"))
    Addr.getAsInteger(16, Address);
  llvm::StringRef Fn = Rest, Where;
  size_t Open = Rest.rfind(" (");
  if (Rest.ends_with(")") && Open != llvm::StringRef::npos) {
    Fn = Rest.take_front(Open);
    Where = Rest.slice(Open + 2, Rest.size() - 1);
  }
  if (Fn != "???")
    F.Function = Fn.str();
  if (Where.consume_front("in ")) {
    F.Module = Where.str();
  } else if (!Where.empty()) {
    // FILE:LINE or FILE:LINE:COL
    unsigned A = 0, B = 0;
    auto [Head, Last] = Where.rsplit(':');
    if (!Last.getAsInteger(10, A)) {
      auto [File, Mid] = Head.rsplit(':');
      if (!Mid.empty() && File != Head && !Mid.getAsInteger(10, B)) {
        F.File = File.str();
        F.Line = B;
        F.Column = A;
      } else {
        F.File = Head.str();
        F.Line = A;
      }
    } else {
      F.File = Where.str();
    }
  }
  classifyFrame(F);
  return F;
}

ProfileSite readDhatSite(const Reader &R, const llvm::json::Object &PP,
                         const std::vector<ProfileFrame> &Frames,
                         const std::vector<uint64_t> &Addresses) {
  ProfileSite S;
  S.Allocations = R.count(PP, "tbk", "a program point");
  S.Bytes = R.count(PP, "tb", "a program point");
  // DHAT's own maximum ("mb") can be below what was live at the global
  // peak ("gb"); both are lower bounds of the site's peak.
  S.PeakLiveBytes = std::max(R.count(PP, "mb", "a program point"),
                             R.count(PP, "gb", "a program point"));
  const llvm::json::Array &FS = R.array(PP, "fs");
  for (size_t I = 0; I < FS.size(); ++I) {
    auto Idx = FS[I].getAsInteger();
    if (!Idx || *Idx < 0 || static_cast<size_t>(*Idx) >= Frames.size())
      R.fail("a program point names a frame not in 'ftbl'");
    ProfileFrame F = Frames[*Idx];
    // An inlined frame shares its address with the next (outer) one.
    if (I + 1 < FS.size()) {
      auto Next = FS[I + 1].getAsInteger();
      F.Inlined = Next && *Next >= 0 &&
                  static_cast<size_t>(*Next) < Addresses.size() &&
                  Addresses[*Next] == Addresses[*Idx] && Addresses[*Idx];
    }
    S.Stack.push_back(std::move(F));
  }
  return S;
}

Profile readDhat(const Reader &R, const llvm::json::Object &Root) {
  if (Root.getInteger("dhatFileVersion").value_or(0) != 2)
    R.fail("unsupported DHAT file version (expected 2)");
  if (Root.getString("mode").value_or("") != "heap")
    R.fail("DHAT mode is not 'heap' (run valgrind --tool=dhat without "
           "--mode)");
  Profile P;
  if (auto Cmd = Root.getString("cmd"))
    P.Commands.push_back(Cmd->str());
  std::vector<ProfileFrame> Frames;
  std::vector<uint64_t> Addresses;
  for (const llvm::json::Value &V : R.array(Root, "ftbl")) {
    auto S = V.getAsString();
    if (!S)
      R.fail("an 'ftbl' entry is not a string");
    uint64_t A;
    Frames.push_back(parseDhatFrame(*S, A));
    Addresses.push_back(A);
  }
  uint64_t PeakAtGlobalMax = 0;
  for (const llvm::json::Value &V : R.array(Root, "pps")) {
    const llvm::json::Object *O = V.getAsObject();
    if (!O)
      R.fail("a program point is not an object");
    P.Sites.push_back(readDhatSite(R, *O, Frames, Addresses));
    PeakAtGlobalMax += O->getInteger("gb").value_or(0);
  }
  P.PeakLiveBytes = PeakAtGlobalMax;
  return P;
}

} // namespace

Profile readProfile(llvm::StringRef Path) {
  Reader R{Path.str()};
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf)
    throw UsageError{"cannot read profile '" + Path.str() +
                     "': " + Buf.getError().message()};
  auto V = llvm::json::parse((*Buf)->getBuffer());
  if (!V)
    R.fail("not JSON: " + llvm::toString(V.takeError()));
  const llvm::json::Object *Root = V->getAsObject();
  if (!Root)
    R.fail("not a JSON object");
  if (Root->get("dhatFileVersion"))
    return readDhat(R, *Root);
  if (Root->getString("format").value_or("") == "memlint-profile")
    return readMemlint(R, *Root);
  R.fail("neither a memlint profile (\"format\": \"memlint-profile\") nor a "
         "DHAT file (\"dhatFileVersion\")");
}

} // namespace memlint
