//===--- Support.cpp - processes, files and small helpers of the driver ---===//

#include "Driver.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MD5.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Regex.h"

#ifndef MEMLINT_SOURCE_DOCS_DIR
#define MEMLINT_SOURCE_DOCS_DIR ""
#endif
#ifndef MEMLINT_INSTALL_DOCS_DIR
#define MEMLINT_INSTALL_DOCS_DIR ""
#endif
#ifndef MEMLINT_DOCS_URL
#define MEMLINT_DOCS_URL ""
#endif

namespace memlint {

std::string SelfDir;

// --- SourceCache
// ---------------------------------------------------------------

SourceCache::Entry &SourceCache::entry(llvm::StringRef Path) {
  auto It = Files.find(Path.str());
  if (It != Files.end())
    return It->second;
  Entry &E = Files[Path.str()];
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  if (Buf) {
    E.Text = (*Buf)->getBuffer().str();
    E.Ok = true;
  }
  E.LineStarts.push_back(0);
  for (unsigned I = 0, N = E.Text.size(); I < N; ++I)
    if (E.Text[I] == '\n')
      E.LineStarts.push_back(I + 1);
  return E;
}

const std::string *SourceCache::get(llvm::StringRef Path) {
  Entry &E = entry(Path);
  return E.Ok ? &E.Text : nullptr;
}

std::pair<unsigned, unsigned> SourceCache::lineCol(llvm::StringRef Path,
                                                   unsigned Offset) {
  Entry &E = entry(Path);
  auto It = std::upper_bound(E.LineStarts.begin(), E.LineStarts.end(), Offset);
  unsigned Line = It - E.LineStarts.begin(); // 1-based
  return {Line, Offset - E.LineStarts[Line - 1] + 1};
}

unsigned SourceCache::lineCount(llvm::StringRef Path) {
  Entry &E = entry(Path);
  unsigned N = E.LineStarts.size();
  // A final line break does not start another line.
  if (N > 1 && E.LineStarts.back() == E.Text.size())
    --N;
  return N;
}

unsigned SourceCache::lineStart(llvm::StringRef Path, unsigned Line) {
  Entry &E = entry(Path);
  if (Line == 0)
    return 0;
  if (Line > E.LineStarts.size())
    return E.Text.size();
  return E.LineStarts[Line - 1];
}

llvm::StringRef SourceCache::line(llvm::StringRef Path, unsigned Line) {
  Entry &E = entry(Path);
  if (Line == 0 || Line > E.LineStarts.size())
    return "";
  unsigned Begin = E.LineStarts[Line - 1];
  unsigned End =
      Line < E.LineStarts.size() ? E.LineStarts[Line] - 1 : E.Text.size();
  llvm::StringRef L(E.Text.data() + Begin, End - Begin);
  return L.rtrim("\r");
}

// --- processes
// -----------------------------------------------------------------

int runProgram(llvm::StringRef Program, const std::vector<std::string> &Args,
               llvm::StringRef StdoutFile, llvm::StringRef StderrFile,
               std::string &Err, std::optional<std::vector<std::string>> Env) {
  std::vector<llvm::StringRef> Argv;
  Argv.push_back(Program);
  for (const std::string &A : Args)
    Argv.push_back(A);
  // "" is /dev/null, "-" inherits ours.
  auto Redirect = [](llvm::StringRef F) -> std::optional<llvm::StringRef> {
    if (F == "-")
      return std::nullopt;
    return F;
  };
  // A program whose output we inherit (measure) gets our stdin too.
  std::optional<llvm::StringRef> Redirects[3] = {
      Redirect(StdoutFile == "-" ? "-" : ""), Redirect(StdoutFile),
      Redirect(StderrFile)};
  std::vector<llvm::StringRef> EnvRefs;
  std::optional<llvm::ArrayRef<llvm::StringRef>> EnvArg;
  if (Env) {
    for (const std::string &E : *Env)
      EnvRefs.push_back(E);
    EnvArg = EnvRefs;
  }
  bool Failed = false;
  int RC = llvm::sys::ExecuteAndWait(Program, Argv, EnvArg, Redirects,
                                     /*SecondsToWait=*/0, /*MemoryLimit=*/0,
                                     &Err, &Failed);
  if (Failed)
    return -1;
  return RC;
}

static std::string readAndRemove(llvm::StringRef Path) {
  std::string Text;
  if (auto Buf = llvm::MemoryBuffer::getFile(Path))
    Text = (*Buf)->getBuffer().str();
  llvm::sys::fs::remove(Path);
  return Text;
}

int runCapture(llvm::StringRef Program, const std::vector<std::string> &Args,
               std::string &Out, std::string &ErrText) {
  llvm::SmallString<128> OutFile, ErrFile;
  if (llvm::sys::fs::createTemporaryFile("memlint-out", "txt", OutFile) ||
      llvm::sys::fs::createTemporaryFile("memlint-err", "txt", ErrFile)) {
    ErrText = "cannot create a temporary file";
    return -1;
  }
  std::string Err;
  int RC = runProgram(Program, Args, OutFile, ErrFile, Err);
  Out = readAndRemove(OutFile);
  ErrText = readAndRemove(ErrFile);
  if (RC < 0 && !Err.empty())
    ErrText = Err + (ErrText.empty() ? "" : "\n" + ErrText);
  return RC;
}

// --- files
// ----------------------------------------------------------------------

bool writeFileAtomically(llvm::StringRef Path, llvm::StringRef Contents,
                         std::string &Err) {
  llvm::SmallString<256> Model(Path);
  Model += ".memlint-tmp-%%%%%%";
  int FD;
  llvm::SmallString<256> Tmp;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(Model, FD, Tmp)) {
    Err = "cannot write '" + Path.str() + "': " + EC.message();
    return false;
  }
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Contents;
    OS.close();
    if (OS.has_error()) {
      Err = "cannot write '" + Path.str() + "': " + OS.error().message();
      OS.clear_error();
      llvm::sys::fs::remove(Tmp);
      return false;
    }
  }
  // Keep the permissions of a file we replace (fixes edit sources).
  if (auto Perms = llvm::sys::fs::getPermissions(Path))
    llvm::sys::fs::setPermissions(Tmp, *Perms);
  if (std::error_code EC = llvm::sys::fs::rename(Tmp, Path)) {
    Err = "cannot write '" + Path.str() + "': " + EC.message();
    llvm::sys::fs::remove(Tmp);
    return false;
  }
  return true;
}

std::string canonicalPath(llvm::StringRef Path, llvm::StringRef Base) {
  llvm::SmallString<256> P;
  if (llvm::sys::path::is_absolute(Path) || Base.empty()) {
    P = Path;
    llvm::sys::fs::make_absolute(P);
  } else {
    P = Base;
    llvm::sys::path::append(P, Path);
  }
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(P, Real))
    return std::string(Real);
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

std::string relativeTo(llvm::StringRef Path, llvm::StringRef Root) {
  if (Root.empty())
    return Path.str();
  if (Path.starts_with(Root) && Path.size() > Root.size() &&
      Path[Root.size()] == '/')
    return Path.drop_front(Root.size() + 1).str();
  return Path.str();
}

bool globMatches(llvm::StringRef Glob, llvm::StringRef Name) {
  // Iterative wildcard match with backtracking to the last '*'.
  size_t G = 0, N = 0, Star = llvm::StringRef::npos, Mark = 0;
  while (N < Name.size()) {
    if (G < Glob.size() && Glob[G] == '*') {
      Star = G++;
      Mark = N;
    } else if (G < Glob.size() && Glob[G] == Name[N]) {
      ++G;
      ++N;
    } else if (Star != llvm::StringRef::npos) {
      G = Star + 1;
      N = ++Mark;
    } else {
      return false;
    }
  }
  while (G < Glob.size() && Glob[G] == '*')
    ++G;
  return G == Glob.size();
}

std::string docsDir() {
  // An installed memlint reads its own copy; a build tree reads the sources
  // (not another memlint's install).
  llvm::SmallString<256> Installed(SelfDir);
  llvm::sys::path::append(Installed, "..", "share", "memlint", "docs");
  if (llvm::sys::fs::is_directory(Installed))
    return canonicalPath(Installed);
  if (llvm::sys::fs::is_directory(MEMLINT_SOURCE_DOCS_DIR))
    return MEMLINT_SOURCE_DOCS_DIR;
  return MEMLINT_INSTALL_DOCS_DIR;
}

std::optional<std::string> docsPage(llvm::StringRef Check) {
  if (!Check.starts_with("memlint-"))
    return std::nullopt;
  llvm::SmallString<256> P(docsDir());
  llvm::sys::path::append(P, "checks", Check.drop_front(8) + ".md");
  auto Buf = llvm::MemoryBuffer::getFile(P);
  if (!Buf)
    return std::nullopt;
  return (*Buf)->getBuffer().str();
}

std::string firstParagraph(llvm::StringRef Markdown) {
  // Skip the title and any heading; join the first paragraph's lines.
  std::string Out;
  llvm::SmallVector<llvm::StringRef, 32> Lines;
  Markdown.split(Lines, '\n');
  bool InPara = false;
  for (llvm::StringRef L : Lines) {
    L = L.trim();
    if (!InPara) {
      if (L.empty() || L.starts_with("#") || L.starts_with("```") ||
          L.starts_with("|") || L.starts_with("<!--"))
        continue;
      InPara = true;
    } else if (L.empty()) {
      break;
    }
    if (!Out.empty())
      Out += ' ';
    Out += L.str();
  }
  return Out;
}

std::string docsUrl(llvm::StringRef Check) {
  if (Check.starts_with("memlint-"))
    return std::string(MEMLINT_DOCS_URL) + Check.drop_front(8).str() + ".md";
  if (Check.starts_with("clang-diagnostic-"))
    return "https://clang.llvm.org/docs/DiagnosticsReference.html";
  // Stock checks: <module>-<name> documented at checks/<module>/<name>.html.
  // Module names are one dash-free word except clang-analyzer.
  llvm::StringRef Module, Name;
  if (Check.starts_with("clang-analyzer-")) {
    Module = "clang-analyzer";
    Name = Check.drop_front(Module.size() + 1);
  } else {
    std::tie(Module, Name) = Check.split('-');
  }
  return "https://clang.llvm.org/extra/clang-tidy/checks/" + Module.str() +
         "/" + Name.str() + ".html";
}

std::string shortHash(llvm::StringRef Data) {
  llvm::MD5 H;
  H.update(Data);
  llvm::MD5::MD5Result R = H.final();
  return llvm::toHex(llvm::ArrayRef<uint8_t>(R.data(), 8), /*LowerCase=*/true);
}

std::string memlintTidyPath() {
  if (const char *Env = std::getenv("MEMLINT_TIDY"))
    if (*Env)
      return Env;
  llvm::SmallString<256> P(SelfDir);
  llvm::sys::path::append(P, "memlint-tidy");
  return std::string(P);
}

unsigned bytesSaved(const Finding &F) {
  // Layout checks state the saving in their message: "makes 'Pixel' 2 bytes
  // instead of 8" (memlint-oversized-enum) or "saves 8 bytes". Other checks
  // say nothing about bytes.
  static const llvm::Regex InsteadOf("([0-9]+) bytes? instead of ([0-9]+)");
  static const llvm::Regex Saves("sav(e|es|ing) ([0-9]+) bytes?");
  if (!llvm::StringRef(F.Check).starts_with("memlint-"))
    return 0;
  llvm::SmallVector<llvm::StringRef, 3> M;
  unsigned New = 0, Old = 0;
  if (InsteadOf.match(F.Message, &M) && !M[1].getAsInteger(10, New) &&
      !M[2].getAsInteger(10, Old))
    return Old > New ? Old - New : 0;
  if (Saves.match(F.Message, &M) && !M[2].getAsInteger(10, New))
    return New;
  return 0;
}

} // namespace memlint
