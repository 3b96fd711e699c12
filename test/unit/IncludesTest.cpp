//===--- IncludesTest.cpp - tests of fixits/Includes ----------------------===//
//
// endOfEnclosingConditional: where an #include must go so that no
// configuration skips it.
//
//===----------------------------------------------------------------------===//

#include "fixits/Includes.h"
#include "gtest/gtest.h"

using clang::tidy::memlint::fixits::endOfEnclosingConditional;

namespace {

unsigned at(llvm::StringRef Text, llvm::StringRef Line) {
  return static_cast<unsigned>(Text.find(Line));
}

TEST(IncludesTest, OutsideConditionalsStaysPut) {
  llvm::StringRef T = "#include <a>\n#ifdef X\n#include <b>\n#endif\n"
                      "#include <c>\n";
  EXPECT_FALSE(endOfEnclosingConditional(T, at(T, "#include <a>")));
  EXPECT_FALSE(endOfEnclosingConditional(T, at(T, "#include <c>")));
  // Before the #if line itself is outside.
  EXPECT_FALSE(endOfEnclosingConditional(T, at(T, "#ifdef X")));
}

TEST(IncludesTest, InsideABlockMovesBelowItsEndif) {
  llvm::StringRef T = "#include <a>\n#ifdef _WIN32\n#include <w>\n#else\n"
                      "#include <u>\n#endif\n#include <c>\n";
  unsigned Endif = at(T, "#include <c>");
  EXPECT_EQ(endOfEnclosingConditional(T, at(T, "#include <w>")), Endif);
  EXPECT_EQ(endOfEnclosingConditional(T, at(T, "#include <u>")), Endif);
}

TEST(IncludesTest, NestedBlocksMoveBelowTheOutermost) {
  llvm::StringRef T = "#if A\n#if B\n#include <x>\n#endif\n#endif\nint i;\n";
  EXPECT_EQ(endOfEnclosingConditional(T, at(T, "#include <x>")),
            at(T, "int i;"));
}

TEST(IncludesTest, IncludeGuardDoesNotCount) {
  llvm::StringRef T = "#ifndef H\n#define H\n#include <a>\n#ifdef X\n"
                      "#include <b>\n#endif\nint f();\n#endif\n";
  EXPECT_FALSE(endOfEnclosingConditional(T, at(T, "#include <a>")));
  EXPECT_EQ(endOfEnclosingConditional(T, at(T, "#include <b>")),
            at(T, "int f();"));
  // `#ifndef X` / `#define X` whose #endif is not the file's last
  // directive is an ordinary block.
  llvm::StringRef C = "#ifndef CONFIG\n#define CONFIG\n#include <v>\n#endif\n"
                      "#include <s>\n";
  EXPECT_EQ(endOfEnclosingConditional(C, at(C, "#include <v>")),
            at(C, "#include <s>"));
}

TEST(IncludesTest, CommentsAndContinuationsAreNotDirectives) {
  llvm::StringRef T = "/*\n#if X\n*/\n#include <a>\n#define M \\\n"
                      "#if Y\n#include <b>\n";
  EXPECT_FALSE(endOfEnclosingConditional(T, at(T, "#include <a>")));
  EXPECT_FALSE(endOfEnclosingConditional(T, at(T, "#include <b>")));
}

} // namespace
