//===--- Cache.cpp - the keys and entries of the result cache -------------===//
//
// The key is computed by running the TU's own compiler with its own flags
// and -E (as ctcache does): the driver links no Clang library, and the
// compiler's preprocessor resolves the TU's includes as its build does. The
// preprocessed text alone misses comments and spacing, which move the
// offsets findings and fixes point at, so the key also hashes the bytes of
// every file its line markers name.
//
//===----------------------------------------------------------------------===//

#include "Cache.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/StringSaver.h"

#ifndef MEMLINT_VERSION
#define MEMLINT_VERSION "0.0.0"
#endif

namespace memlint {

namespace json = llvm::json;

namespace {

// Bump when the key's parts or the entry's format change.
constexpr const char *CacheFormat = "memlint-cache-1";

std::string sha256Hex(llvm::StringRef Data) {
  std::array<uint8_t, 32> R = llvm::SHA256::hash(
      llvm::ArrayRef<uint8_t>(Data.bytes_begin(), Data.bytes_end()));
  return llvm::toHex(R, /*LowerCase=*/true);
}

std::optional<std::string> readFile(llvm::StringRef Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  if (!Buf)
    return std::nullopt;
  return (*Buf)->getBuffer().str();
}

std::vector<std::string> commandArgs(const json::Object &O) {
  std::vector<std::string> Args;
  if (const json::Array *A = O.getArray("arguments")) {
    for (const json::Value &V : *A)
      if (auto S = V.getAsString())
        Args.push_back(S->str());
    return Args;
  }
  // The same splitting clang's JSON compilation database uses.
  llvm::BumpPtrAllocator Alloc;
  llvm::StringSaver Saver(Alloc);
  llvm::SmallVector<const char *, 32> Argv;
  llvm::cl::TokenizeGNUCommandLine(O.getString("command").value_or(""), Saver,
                                   Argv);
  for (const char *A : Argv)
    Args.push_back(A);
  return Args;
}

// The compile command less what writes outputs (objects, dependency files),
// plus -E: the preprocessed TU on stdout.
std::vector<std::string> preprocessorArgs(llvm::ArrayRef<std::string> Args,
                                          llvm::ArrayRef<std::string> Extra) {
  std::vector<std::string> Out;
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef A = Args[I];
    if (I && (A == "-o" || A == "-MF" || A == "-MT" || A == "-MQ" ||
              A == "--serialize-diagnostics")) {
      ++I;
      continue;
    }
    if (I &&
        (A == "-c" || A == "-M" || A == "-MM" || A == "-MD" || A == "-MMD" ||
         A == "-MP" || A == "-MG" || (A.starts_with("-o") && A.size() > 2) ||
         ((A.starts_with("-MF") || A.starts_with("-MT") ||
           A.starts_with("-MQ")) &&
          A.size() > 3)))
      continue;
    Out.push_back(A.str());
  }
  Out.insert(Out.end(), Extra.begin(), Extra.end());
  Out.push_back("-E");
  return Out;
}

// The files a preprocessed TU's line markers (`# 12 "path" 1 3`) name, in
// order of first appearance, without <built-in> and <command-line>.
std::vector<std::string> markedFiles(llvm::StringRef Text) {
  std::vector<std::string> Files;
  std::set<std::string> Seen;
  while (!Text.empty()) {
    llvm::StringRef Line;
    std::tie(Line, Text) = Text.split('\n');
    if (!Line.consume_front("# ") || Line.empty() || !llvm::isDigit(Line[0]))
      continue;
    size_t Q = Line.find('"');
    if (Q == llvm::StringRef::npos)
      continue;
    std::string Name;
    for (size_t I = Q + 1; I < Line.size() && Line[I] != '"'; ++I) {
      if (Line[I] == '\\' && I + 1 < Line.size())
        ++I;
      Name += Line[I];
    }
    if (!Name.empty() && Name[0] != '<' && Seen.insert(Name).second)
      Files.push_back(Name);
  }
  return Files;
}

// Hashes the parts of a key with separators, so "ab"+"c" != "a"+"bc".
struct KeyBuilder {
  llvm::SHA256 H;
  void add(llvm::StringRef Part) {
    std::string Len = std::to_string(Part.size()) + ":";
    H.update(Len);
    H.update(Part);
  }
  std::string finish() {
    std::array<uint8_t, 32> R = H.final();
    return llvm::toHex(R, /*LowerCase=*/true);
  }
};

} // namespace

ResultCache::ResultCache(llvm::StringRef Spec, CacheSetup S)
    : Setup(std::move(S)), Store(openCacheStore(Spec)) {
  EscapedRoot = llvm::Regex::escape(Setup.Root);
  auto Db = readFile(Setup.Database);
  auto Parsed = json::parse(Db.value_or(""));
  const json::Array *Entries = Parsed ? Parsed->getAsArray() : nullptr;
  if (!Parsed)
    llvm::consumeError(Parsed.takeError());
  if (!Entries)
    throw UsageError{"--cache: cannot read the compile database '" +
                     Setup.Database + "'"};
  for (const json::Value &V : *Entries) {
    const json::Object *O = V.getAsObject();
    auto Dir = O ? O->getString("directory") : std::nullopt;
    auto File = O ? O->getString("file") : std::nullopt;
    if (Dir && File)
      Commands[canonicalPath(*File, *Dir)].push_back(
          {Dir->str(), commandArgs(*O)});
  }
  // memlint-tidy's own bytes: a development build whose checks changed
  // without a version bump must not reuse old results.
  std::string Out, Err;
  runCapture(Setup.Tidy, {"--version"}, Out, Err);
  Identity = std::string(CacheFormat) + "\n" MEMLINT_VERSION "\n" + Out + "\n" +
             sha256Hex(readFile(Setup.Tidy).value_or(""));
}

std::string ResultCache::normalise(llvm::StringRef S) const {
  std::string Out = S.str();
  for (const std::string *From : {&Setup.Root, &EscapedRoot}) {
    if (From->empty() || From->size() < 2)
      continue;
    std::string Next;
    llvm::StringRef Rest = Out;
    for (size_t At; (At = Rest.find(*From)) != llvm::StringRef::npos;
         Rest = Rest.drop_front(At + From->size()))
      Next += Rest.take_front(At).str() + "@ROOT@";
    Out = Next + Rest.str();
  }
  return Out;
}

void ResultCache::warn(const std::string &Message) {
  std::lock_guard<std::mutex> Lock(Mu);
  if (Warned.insert(Message).second)
    llvm::errs() << "memlint: warning: cache: " << Message << "\n";
}

std::optional<std::string> ResultCache::fileDigest(const std::string &Path) {
  {
    std::lock_guard<std::mutex> Lock(Mu);
    auto It = Digests.find(Path);
    if (It != Digests.end())
      return It->second;
  }
  std::optional<std::string> D;
  if (auto Text = readFile(Path))
    D = sha256Hex(*Text);
  std::lock_guard<std::mutex> Lock(Mu);
  return Digests[Path] = D;
}

// The effective configuration (.clang-tidy files, --checks, --config), as
// memlint-tidy dumps it for a file of that directory.
std::optional<std::string> ResultCache::configOf(const std::string &File) {
  std::string Dir = llvm::sys::path::parent_path(File).str();
  {
    std::lock_guard<std::mutex> Lock(Mu);
    auto It = Configs.find(Dir);
    if (It != Configs.end())
      return It->second;
  }
  std::vector<std::string> Args = Setup.TidyArgs;
  Args.push_back("--dump-config");
  Args.push_back(File);
  std::string Out, Err;
  std::optional<std::string> C;
  if (runCapture(Setup.Tidy, Args, Out, Err) == 0)
    C = normalise(Out);
  std::lock_guard<std::mutex> Lock(Mu);
  return Configs[Dir] = C;
}

// Runs the compiler's preprocessor in the command's directory; the text is
// its output with the included files' digests appended, paths normalised.
std::optional<std::string> ResultCache::preprocess(const Command &C) {
  if (C.Args.empty())
    return std::nullopt;
  llvm::SmallString<128> OutFile;
  if (llvm::sys::fs::createTemporaryFile("memlint-pp", "i", OutFile))
    return std::nullopt;
  std::vector<std::string> ShArgs = {"-c", "cd \"$0\" && exec \"$@\"", C.Dir};
  for (std::string &A : preprocessorArgs(C.Args, Setup.ExtraArgs))
    ShArgs.push_back(std::move(A));
  std::string Err;
  int RC = runProgram("/bin/sh", ShArgs, OutFile, "", Err);
  std::optional<std::string> Text = readFile(OutFile);
  llvm::sys::fs::remove(OutFile);
  if (RC != 0 || !Text)
    return std::nullopt;
  std::string Key = normalise(*Text);
  for (const std::string &F : markedFiles(*Text)) {
    std::optional<std::string> D = fileDigest(canonicalPath(F, C.Dir));
    if (!D)
      return std::nullopt;
    Key += "\n" + normalise(F) + " " + *D;
  }
  return Key;
}

std::optional<std::string> ResultCache::keyOf(const std::string &File) {
  auto It = Commands.find(File);
  if (It == Commands.end())
    return std::nullopt; // a file named on the command line, not in the db
  std::optional<std::string> Config = configOf(File);
  if (!Config)
    return std::nullopt;
  KeyBuilder K;
  K.add(Identity);
  for (const std::string &A : Setup.TidyArgs)
    K.add(normalise(A));
  K.add(*Config);
  K.add(normalise(File));
  for (const Command &C : It->second) {
    K.add(normalise(C.Dir));
    for (const std::string &A : C.Args)
      K.add(normalise(A));
    std::optional<std::string> Pre = preprocess(C);
    if (!Pre)
      return std::nullopt;
    K.add(*Pre);
  }
  return K.finish();
}

std::optional<UnitResult> ResultCache::lookup(const std::string &Key,
                                              const std::string &File) {
  std::string Warn;
  std::optional<std::string> Data = Store->get(Key, Warn);
  if (!Warn.empty())
    warn(Warn);
  if (!Data)
    return std::nullopt;
  auto V = json::parse(*Data);
  const json::Object *O = V ? V->getAsObject() : nullptr;
  if (!V)
    llvm::consumeError(V.takeError());
  if (!O || O->getString("format") != CacheFormat || !O->get("unit")) {
    warn("entry " + Key + " is malformed; analyzing its TU again");
    return std::nullopt;
  }
  try {
    UnitResult U = readUnit(*O->get("unit"), "cache entry " + Key, Setup.Root);
    U.File = File;
    return U;
  } catch (const UsageError &E) {
    warn(E.Message + "; analyzing its TU again");
    return std::nullopt;
  }
}

void ResultCache::store(const std::string &Key, const UnitResult &U) {
  SourceCache Sources; // unitJson gives edits a line and column
  ReportContext Ctx;
  Ctx.Root = Setup.Root;
  Ctx.Sources = &Sources;
  json::Object Entry{{"format", CacheFormat}, {"unit", unitJson(U, Ctx)}};
  std::string Data;
  llvm::raw_string_ostream(Data) << json::Value(std::move(Entry));
  std::string Warn;
  if (!Store->put(Key, Data, Warn) && !Warn.empty())
    warn(Warn);
}

} // namespace memlint
