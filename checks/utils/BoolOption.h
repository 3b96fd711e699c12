//===--- BoolOption.h - boolean check options read as text ------*- C++ -*-===//
//
// Check options that are booleans are read as strings: the host clang-tidy's
// OptionsView::get<bool>/store<bool> specializations are mangled differently
// by g++ and clang, so a plugin built with the other compiler could not link
// them.
//
//===----------------------------------------------------------------------===//

#ifndef MEMLINT_CHECKS_UTILS_BOOLOPTION_H
#define MEMLINT_CHECKS_UTILS_BOOLOPTION_H

#include "llvm/ADT/StringRef.h"

namespace clang::tidy::memlint::utils {

/// \p Value as clang-tidy spells booleans (true/false, 1/0, on/off, yes/no,
/// any case); \p Default for anything else.
inline bool parseBoolOption(llvm::StringRef Value, bool Default) {
  if (Value.equals_insensitive("true") || Value == "1" ||
      Value.equals_insensitive("on") || Value.equals_insensitive("yes"))
    return true;
  if (Value.equals_insensitive("false") || Value == "0" ||
      Value.equals_insensitive("off") || Value.equals_insensitive("no"))
    return false;
  return Default;
}

/// How storeOptions writes a boolean option back.
inline llvm::StringRef boolOptionText(bool Value) {
  return Value ? "true" : "false";
}

} // namespace clang::tidy::memlint::utils

#endif // MEMLINT_CHECKS_UTILS_BOOLOPTION_H
