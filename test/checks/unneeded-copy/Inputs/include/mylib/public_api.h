#pragma once
#include <string>
#include <vector>

// Installed with the library: programs built against it call these.
int publicCount(std::vector<std::string> Lines);
struct Table {
  bool has(std::string Key) const;
  std::string title() const { return Title; }
  std::string Title;
};
// Internal linkage: every includer has its own copy, no ABI to keep.
static inline int helperCount(std::vector<int> V) { return static_cast<int>(V.size()); }
