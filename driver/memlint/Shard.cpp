//===--- Shard.cpp - split a run over a CI matrix, read the shards back ---===//
//
// `memlint check --shard K/N` analyses one Nth of the TUs and writes, beside
// its findings, every TU's own unmerged result; `memlint merge` reads those
// back and merges them exactly as one run over all TUs would have (the
// header-finding rule of mergeFindings needs every TU's edits, which merged
// findings no longer carry).
//
//===----------------------------------------------------------------------===//

#include "Driver.h"

#ifndef MEMLINT_VERSION
#define MEMLINT_VERSION "0.0.0"
#endif

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <numeric>

namespace memlint {

namespace json = llvm::json;

std::pair<unsigned, unsigned> parseShard(llvm::StringRef Spec) {
  auto [KText, NText] = Spec.split('/');
  unsigned K = 0, N = 0;
  if (KText.getAsInteger(10, K) || NText.getAsInteger(10, N) || N == 0 ||
      K == 0 || K > N)
    throw UsageError{"--shard needs K/N with 1 <= K <= N, not '" + Spec.str() +
                     "'"};
  return {K, N};
}

std::vector<std::string> shardFiles(const std::vector<std::string> &Files,
                                    unsigned K, unsigned N,
                                    llvm::StringRef Root) {
  struct Item {
    uint64_t Size;
    std::string Rel;
    size_t Index;
  };
  std::vector<Item> Items;
  for (size_t I = 0; I < Files.size(); ++I) {
    uint64_t Size = 0;
    if (llvm::sys::fs::file_size(Files[I], Size))
      Size = 0; // a missing file still belongs to one shard, which reports it
    Items.push_back({Size, relativeTo(Files[I], Root), I});
  }
  llvm::sort(Items, [](const Item &A, const Item &B) {
    return A.Size != B.Size ? A.Size > B.Size : A.Rel < B.Rel;
  });
  // Greedy longest-first: each file to the lightest shard (lowest index on
  // ties), within a file's size of the best split.
  std::vector<uint64_t> Load(N, 0);
  std::vector<std::string> Mine;
  for (const Item &It : Items) {
    unsigned Lightest =
        std::min_element(Load.begin(), Load.end()) - Load.begin();
    Load[Lightest] += std::max<uint64_t>(It.Size, 1);
    if (Lightest == K - 1)
      Mine.push_back(Files[It.Index]);
  }
  return Mine;
}

namespace {

[[noreturn]] void bad(llvm::StringRef Path, const std::string &Why) {
  throw UsageError{"'" + Path.str() + "': " + Why};
}

std::string absolute(llvm::StringRef File, llvm::StringRef Root) {
  if (File.empty() || llvm::sys::path::is_absolute(File))
    return File.str();
  llvm::SmallString<256> P(Root);
  llvm::sys::path::append(P, File);
  return std::string(P);
}

// The fields writeJson's findingJson wrote; what is derived from the source
// (line text, fingerprints) is computed again after the merge.
struct FindingReader {
  llvm::StringRef Path, Root;

  Position position(const json::Object &O) const {
    Position P;
    P.File = absolute(O.getString("file").value_or(""), Root);
    P.Offset = O.getInteger("offset").value_or(0);
    P.Line = O.getInteger("line").value_or(0);
    P.Column = O.getInteger("column").value_or(0);
    return P;
  }

  Finding finding(const json::Value &V) const {
    const json::Object *O = V.getAsObject();
    if (!O || !O->getString("check") || !O->getString("message"))
      bad(Path, "a unit's finding has no check or message");
    Finding F;
    F.Check = O->getString("check")->str();
    F.Message = O->getString("message")->str();
    F.Level = O->getString("level").value_or("warning").str();
    F.Pos = position(*O);
    if (const json::Array *Notes = O->getArray("notes"))
      for (const json::Value &N : *Notes)
        if (const json::Object *NO = N.getAsObject())
          F.Notes.push_back(
              {NO->getString("message").value_or("").str(), position(*NO)});
    if (const json::Array *Fixes = O->getArray("fixes"))
      for (const json::Value &E : *Fixes) {
        const json::Object *EO = E.getAsObject();
        if (!EO || !EO->getString("file") || !EO->getInteger("offset") ||
            !EO->getInteger("length") || !EO->getString("replacement"))
          bad(Path, "a fix lacks file, offset, length or replacement");
        F.Edits.push_back({absolute(*EO->getString("file"), Root),
                           unsigned(*EO->getInteger("offset")),
                           unsigned(*EO->getInteger("length")),
                           EO->getString("replacement")->str()});
      }
    return F;
  }
};

// The shard object of a memlint JSON report, or of a SARIF run's properties.
const json::Object *shardObject(const json::Object &Top) {
  if (const json::Object *S = Top.getObject("shard"))
    return S;
  if (const json::Array *Runs = Top.getArray("runs"))
    if (Runs->size() == 1)
      if (const json::Object *Run = (*Runs)[0].getAsObject())
        if (const json::Object *Props = Run->getObject("properties"))
          return Props->getObject("memlintShard");
  return nullptr;
}

ShardInfo readShard(llvm::StringRef Path, llvm::StringRef Root) {
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf)
    bad(Path, "cannot read it: " + Buf.getError().message());
  llvm::Expected<json::Value> V = json::parse((*Buf)->getBuffer());
  if (!V)
    bad(Path, "not JSON: " + llvm::toString(V.takeError()));
  const json::Object *Top = V->getAsObject();
  const json::Object *S = Top ? shardObject(*Top) : nullptr;
  if (!S)
    bad(Path, "not the report of a shard (write it with 'memlint check "
              "--shard K/N --format json' or '--format sarif')");
  ShardInfo Info;
  Info.Index = S->getInteger("index").value_or(0);
  Info.Count = S->getInteger("count").value_or(0);
  Info.Checks = S->getString("checks").value_or("").str();
  if (S->getString("version").value_or("") != MEMLINT_VERSION)
    bad(Path, "written by memlint " +
                  S->getString("version").value_or("?").str() +
                  ", not this memlint " MEMLINT_VERSION);
  const json::Array *Units = S->getArray("units");
  if (!Units || Info.Count == 0 || Info.Index == 0 || Info.Index > Info.Count)
    bad(Path, "its shard has no index, count or units");
  FindingReader Reader{Path, Root};
  for (const json::Value &UV : *Units) {
    const json::Object *U = UV.getAsObject();
    if (!U || !U->getString("file"))
      bad(Path, "a unit has no file");
    UnitResult R;
    R.File = absolute(*U->getString("file"), Root);
    R.Failure = U->getString("failure").value_or("").str();
    if (const json::Array *Fs = U->getArray("findings"))
      for (const json::Value &F : *Fs)
        R.Findings.push_back(Reader.finding(F));
    Info.Units.push_back(std::move(R));
  }
  return Info;
}

} // namespace

std::vector<ShardInfo> readShardReports(const std::vector<std::string> &Paths,
                                        llvm::StringRef Root) {
  if (Paths.empty())
    throw UsageError{"usage: memlint merge [options] REPORT..."};
  std::vector<ShardInfo> Shards;
  for (const std::string &P : Paths)
    Shards.push_back(readShard(P, Root));
  // A merge of an incomplete or mixed set would pass the gate silently.
  unsigned N = Shards.front().Count;
  std::vector<std::string> Seen(N + 1);
  for (size_t I = 0; I < Shards.size(); ++I) {
    const ShardInfo &S = Shards[I];
    if (S.Count != N)
      bad(Paths[I], "shard " + std::to_string(S.Index) + "/" +
                        std::to_string(S.Count) + " is not of the " +
                        std::to_string(N) + " shards of '" + Paths[0] + "'");
    if (S.Checks != Shards.front().Checks)
      bad(Paths[I], "ran other checks than '" + Paths[0] + "'");
    if (!Seen[S.Index].empty())
      bad(Paths[I], "shard " + std::to_string(S.Index) + "/" +
                        std::to_string(N) + " is also in '" + Seen[S.Index] +
                        "'");
    Seen[S.Index] = Paths[I];
  }
  for (unsigned K = 1; K <= N; ++K)
    if (Seen[K].empty())
      throw UsageError{"shard " + std::to_string(K) + "/" + std::to_string(N) +
                       " is missing"};
  return Shards;
}

} // namespace memlint
