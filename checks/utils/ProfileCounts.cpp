//===--- ProfileCounts.cpp - allocations a profile saw at a line ----------===//

#include "ProfileCounts.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <mutex>

namespace clang::tidy::memlint::utils {

namespace {

llvm::Error malformed(llvm::StringRef Name, const llvm::Twine &What) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 Name + ": " + What);
}

// The profiled text of a site's own line: that of its innermost user frame.
std::optional<std::string> siteSource(const llvm::json::Object &Site) {
  const llvm::json::Array *Stack = Site.getArray("stack");
  if (!Stack)
    return std::nullopt;
  for (const llvm::json::Value &V : *Stack) {
    const llvm::json::Object *F = V.getAsObject();
    if (!F || F->getBoolean("system").value_or(false))
      continue;
    if (auto Src = F->getString("source"))
      return Src->str();
    return std::nullopt;
  }
  return std::nullopt;
}

std::string squeeze(llvm::StringRef S) {
  std::string Out;
  for (char C : S)
    if (!llvm::isSpace(C))
      Out += C;
  return Out;
}

} // namespace

bool sameProfiledLine(llvm::StringRef Profiled, llvm::StringRef Now) {
  return squeeze(Profiled) == squeeze(Now);
}

bool sameProfiledFile(llvm::StringRef ProfileName,
                      llvm::StringRef CanonicalName, llvm::StringRef File) {
  if (!CanonicalName.empty())
    return CanonicalName == File;
  while (ProfileName.consume_front("./"))
    ;
  return File.size() > ProfileName.size() && File.ends_with(ProfileName) &&
         File[File.size() - ProfileName.size() - 1] == '/';
}

llvm::Expected<std::shared_ptr<const ProfileCounts>>
ProfileCounts::parse(llvm::StringRef Text, llvm::StringRef Name) {
  llvm::Expected<llvm::json::Value> Root = llvm::json::parse(Text);
  if (!Root)
    return malformed(Name, "not JSON: " + llvm::toString(Root.takeError()));
  const llvm::json::Object *O = Root->getAsObject();
  if (!O || O->getString("format") != "memlint-profile")
    return malformed(Name, "not a memlint profile (a DHAT file? convert it "
                           "with 'memlint profile FILE -o PROFILE')");
  if (O->getInteger("version") != 1)
    return malformed(Name, "unsupported memlint profile version (expected 1)");
  const llvm::json::Object *Totals = O->getObject("totals");
  const llvm::json::Array *Sites = O->getArray("sites");
  if (!Totals || !Sites || !Totals->getInteger("allocations"))
    return malformed(Name, "no 'totals.allocations' or 'sites'");
  auto P = std::make_shared<ProfileCounts>();
  P->Total = static_cast<uint64_t>(*Totals->getInteger("allocations"));
  for (const llvm::json::Value &V : *Sites) {
    const llvm::json::Object *S = V.getAsObject();
    const llvm::json::Object *At = S ? S->getObject("site") : nullptr;
    if (!At) // A site of system code only, or not a site.
      continue;
    Site Entry;
    Entry.File = At->getString("file").value_or("").str();
    auto Line = At->getInteger("line");
    auto Count = S->getInteger("allocations");
    if (Entry.File.empty() || !Line || *Line <= 0 || !Count || *Count < 0)
      continue;
    Entry.Family = S->getString("family").value_or("").str();
    Entry.Source = siteSource(*S);
    Entry.Allocations = static_cast<uint64_t>(*Count);
    if (llvm::sys::path::is_absolute(Entry.File) &&
        !P->Canonical.count(Entry.File)) {
      llvm::SmallString<256> Real;
      P->Canonical[Entry.File] = llvm::sys::fs::real_path(Entry.File, Real)
                                     ? Entry.File
                                     : std::string(Real);
    }
    P->ByLine[static_cast<unsigned>(*Line)].push_back(std::move(Entry));
  }
  return P;
}

llvm::Expected<std::shared_ptr<const ProfileCounts>>
ProfileCounts::load(llvm::StringRef Path) {
  // Keyed by path and modification time: a profile measured again is read
  // again (an editor session outlives many profiles).
  static std::mutex Lock;
  static llvm::StringMap<
      std::pair<llvm::sys::TimePoint<>, std::shared_ptr<const ProfileCounts>>>
      Cache;
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(Path, Status))
    return malformed(Path, "cannot be read: " + EC.message());
  std::lock_guard<std::mutex> Guard(Lock);
  auto It = Cache.find(Path);
  if (It != Cache.end() && It->second.first == Status.getLastModificationTime())
    return It->second.second;
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return malformed(Path, "cannot be read: " + Buffer.getError().message());
  auto P = parse((*Buffer)->getBuffer(), Path);
  if (!P)
    return P.takeError();
  Cache[Path] = {Status.getLastModificationTime(), *P};
  return *P;
}

uint64_t ProfileCounts::allocationsAt(llvm::StringRef File, unsigned Line,
                                      llvm::StringRef Family,
                                      llvm::StringRef LineText) const {
  auto It = ByLine.find(Line);
  if (It == ByLine.end())
    return 0;
  uint64_t N = 0;
  for (const Site &S : It->second) {
    auto C = Canonical.find(S.File);
    if (!sameProfiledFile(S.File, C == Canonical.end() ? "" : C->second, File))
      continue;
    if (!Family.empty() && S.Family != Family)
      continue;
    if (S.Source && !sameProfiledLine(*S.Source, LineText))
      continue;
    N += S.Allocations;
  }
  return N;
}

} // namespace clang::tidy::memlint::utils
