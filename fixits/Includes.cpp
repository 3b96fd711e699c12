//===--- Includes.cpp - add an #include where an edit needs it ------------===//

#include "Includes.h"

namespace clang::tidy::memlint::fixits {

std::vector<FixItHint> includeInFiles(tidy::utils::IncludeInserter &Inserter,
                                      llvm::ArrayRef<FileID> Files,
                                      llvm::StringRef Header) {
  std::vector<FixItHint> Out;
  for (FileID FID : Files)
    if (std::optional<FixItHint> H =
            Inserter.createIncludeInsertion(FID, Header))
      Out.push_back(std::move(*H));
  return Out;
}

} // namespace clang::tidy::memlint::fixits
