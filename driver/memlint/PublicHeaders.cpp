//===--- PublicHeaders.cpp - which headers a build installs ---------------===//
//
// The checks hold back ABI-changing fixes in public headers (see
// checks/utils/PublicApi.h). A CMake build tree says which headers are
// public: its cmake_install.cmake scripts list every file and directory
// `install(FILES ...)` / `install(DIRECTORY ...)` copies, as absolute source
// paths. They are read here and handed to memlint-tidy as the
// InstalledHeaders option.
//
//===----------------------------------------------------------------------===//

#include "Driver.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"

#include <set>

namespace memlint {
namespace {

struct Token {
  std::string Text;
  bool Quoted = false;
};

/// The arguments of the command whose '(' is at \p Open, up to its ')'.
std::vector<Token> commandArgs(llvm::StringRef Text, size_t Open) {
  std::vector<Token> Args;
  size_t I = Open + 1;
  while (I < Text.size() && Text[I] != ')') {
    char C = Text[I];
    if (llvm::isSpace(C)) {
      ++I;
      continue;
    }
    Token T;
    if (C == '"') {
      T.Quoted = true;
      for (++I; I < Text.size() && Text[I] != '"'; ++I) {
        if (Text[I] == '\\' && I + 1 < Text.size())
          ++I;
        T.Text += Text[I];
      }
      ++I;
    } else {
      while (I < Text.size() && !llvm::isSpace(Text[I]) && Text[I] != ')')
        T.Text += Text[I++];
    }
    Args.push_back(std::move(T));
  }
  return Args;
}

/// The files (`FILE`) and directories (`DIRECTORY`) one script installs, and
/// the scripts it includes.
void readInstallScript(const std::string &Path, std::set<std::string> &Seen,
                       std::vector<std::string> &Files,
                       std::vector<std::string> &Dirs) {
  if (!Seen.insert(Path).second)
    return;
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf)
    return;
  llvm::StringRef Text = (*Buf)->getBuffer();
  std::string Dir = llvm::sys::path::parent_path(Path).str();
  for (size_t At = 0; (At = Text.find('(', At)) != llvm::StringRef::npos;
       ++At) {
    llvm::StringRef Before = Text.substr(0, At).rtrim();
    llvm::StringRef Cmd = Before.substr(Before.find_last_of(" \t\n(") + 1);
    std::vector<Token> Args = commandArgs(Text, At);
    if (Cmd == "include" && !Args.empty() &&
        llvm::StringRef(Args[0].Text).ends_with("cmake_install.cmake")) {
      std::string Inc = Args[0].Text;
      for (llvm::StringRef Var :
           {"${CMAKE_CURRENT_BINARY_DIR}", "${CMAKE_CURRENT_LIST_DIR}"})
        if (llvm::StringRef(Inc).starts_with(Var))
          Inc = Dir + Inc.substr(Var.size());
      readInstallScript(canonicalPath(Inc, Dir), Seen, Files, Dirs);
      continue;
    }
    if (Cmd != "file" || Args.empty() || Args[0].Text != "INSTALL")
      continue;
    std::string Type;
    bool InFiles = false;
    for (size_t I = 1; I < Args.size(); ++I) {
      const Token &T = Args[I];
      if (!T.Quoted) {
        InFiles = T.Text == "FILES";
        if (T.Text == "TYPE" && I + 1 < Args.size())
          Type = Args[++I].Text;
        continue;
      }
      // Anything CMake did not resolve (or a relative path) is not a file.
      if (!InFiles || T.Text.find("${") != std::string::npos ||
          !llvm::sys::path::is_absolute(T.Text))
        continue;
      if (Type == "FILE")
        Files.push_back(canonicalPath(T.Text));
      else if (Type == "DIRECTORY")
        Dirs.push_back(canonicalPath(llvm::StringRef(T.Text).rtrim('/')));
    }
  }
}

} // namespace

std::string installedHeadersRegex(llvm::StringRef BuildDir) {
  std::set<std::string> Seen;
  std::vector<std::string> Files, Dirs;
  llvm::SmallString<256> Top(BuildDir);
  llvm::sys::path::append(Top, "cmake_install.cmake");
  readInstallScript(canonicalPath(Top), Seen, Files, Dirs);
  std::set<std::string> Alternatives;
  for (const std::string &F : Files)
    Alternatives.insert(llvm::Regex::escape(F) + "$");
  for (const std::string &D : Dirs)
    Alternatives.insert(llvm::Regex::escape(D) + "/");
  if (Alternatives.empty())
    return "";
  return "^(" + llvm::join(Alternatives, "|") + ")";
}

std::string publicApiConfig(llvm::StringRef Installed,
                            const std::optional<std::string> &PublicHeaders) {
  // YAML single quotes: a quote is doubled, nothing else is special.
  auto Quote = [](llvm::StringRef S) {
    std::string Out = "'";
    for (char C : S) {
      Out += C;
      if (C == '\'')
        Out += '\'';
    }
    return Out + "'";
  };
  std::string Options;
  if (PublicHeaders)
    Options += "PublicHeaders: " + Quote(*PublicHeaders);
  if (!Installed.empty())
    Options += (Options.empty() ? "" : ", ") +
               ("InstalledHeaders: " + Quote(Installed));
  if (Options.empty())
    return "";
  // The .clang-tidy files still apply: these options are added to them.
  return "{InheritParentConfig: true, CheckOptions: {" + Options + "}}";
}

} // namespace memlint
