//===--- Cache.h - the result cache of `memlint check --cache` --*- C++ -*-===//
//
// Each TU's unit result (what a shard report stores per TU) is kept under a
// key that hashes everything the result depends on: the TU as the compiler
// preprocesses it, the bytes of every file it includes, its compile flags,
// the effective clang-tidy configuration, and memlint-tidy itself. Paths in
// keys and values are relative to the project root, so another checkout of
// the same sources hits. See docs/driver.md, "Result cache".
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_DRIVER_MEMLINT_CACHE_H
#define MEMLINT_DRIVER_MEMLINT_CACHE_H

#include "Driver.h"

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>

namespace memlint {

/// Where entries live: a directory or a plain HTTP server, both laid out as
/// PREFIX/<first 2 hex digits>/<key>.
class CacheStore {
public:
  virtual ~CacheStore() = default;
  /// The entry, or nullopt on a miss; a problem other than a miss sets
  /// \p Warn (and is a miss).
  virtual std::optional<std::string> get(llvm::StringRef Key,
                                         std::string &Warn) = 0;
  /// False (with \p Warn) when the entry could not be stored.
  virtual bool put(llvm::StringRef Key, llvm::StringRef Data,
                   std::string &Warn) = 0;
};

/// `DIR` or `http://HOST[:PORT]/PREFIX`. Throws UsageError when the URL is
/// malformed or the directory cannot be created or written.
std::unique_ptr<CacheStore> openCacheStore(llvm::StringRef Spec);

/// What the key of a TU depends on besides the TU itself.
struct CacheSetup {
  std::string Root;                   // project root
  std::string Database;               // compile_commands.json
  std::string Tidy;                   // memlint-tidy
  std::vector<std::string> TidyArgs;  // as analyze() passes them
  std::vector<std::string> ExtraArgs; // --extra-arg values
};

class ResultCache {
public:
  /// Throws UsageError (see openCacheStore, and an unreadable database).
  ResultCache(llvm::StringRef Spec, CacheSetup Setup);

  /// The key of \p File; nullopt when it cannot be computed (the TU does not
  /// preprocess, an include cannot be read): then the TU is analyzed and not
  /// stored.
  std::optional<std::string> keyOf(const std::string &File);
  std::optional<UnitResult> lookup(const std::string &Key,
                                   const std::string &File);
  void store(const std::string &Key, const UnitResult &U);

  std::atomic<unsigned> Hits{0}, Misses{0};

private:
  struct Command {
    std::string Dir;
    std::vector<std::string> Args;
  };
  std::string normalise(llvm::StringRef S) const;
  std::optional<std::string> preprocess(const Command &C);
  std::optional<std::string> fileDigest(const std::string &Path);
  std::optional<std::string> configOf(const std::string &File);
  void warn(const std::string &Message);

  CacheSetup Setup;
  std::unique_ptr<CacheStore> Store;
  std::string EscapedRoot;
  std::string Identity; // memlint, memlint-tidy and LLVM versions, binary
  std::map<std::string, std::vector<Command>> Commands;
  std::mutex Mu; // guards the memos and the warnings below
  std::map<std::string, std::optional<std::string>> Digests, Configs;
  std::set<std::string> Warned;
};

} // namespace memlint

#endif
