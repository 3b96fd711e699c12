//===--- IncludesTest.cpp - tests of fixits/Includes ----------------------===//
//
// endOfEnclosingConditional: where an #include must go so that no
// configuration skips it. endOfPreamble: where it goes in a file that has
// no include (below `#pragma once`, the include guard, a license comment).
// includeSlots: the equivalent places for an include another check's
// different header already took.
//
//===----------------------------------------------------------------------===//

#include "fixits/Includes.h"
#include "gtest/gtest.h"

using clang::tidy::memlint::fixits::endOfEnclosingConditional;
using clang::tidy::memlint::fixits::endOfPreamble;
using clang::tidy::memlint::fixits::IncludeSlot;
using clang::tidy::memlint::fixits::includeSlots;

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

TEST(IncludesTest, PreambleEndsAfterPragmaOnce) {
  llvm::StringRef T = "#pragma once\n\nenum E : int { A };\n";
  EXPECT_EQ(endOfPreamble(T), at(T, "\nenum"));
  llvm::StringRef Spaced = "  #  pragma   once // the only one\nint i;\n";
  EXPECT_EQ(endOfPreamble(Spaced), at(Spaced, "int i;"));
  // Other pragmas are code's business.
  EXPECT_EQ(endOfPreamble("#pragma pack(1)\nint i;\n"), 0u);
  EXPECT_EQ(endOfPreamble("#pragma onceish\nint i;\n"), 0u);
}

TEST(IncludesTest, PreambleEndsAfterTheGuardsDefine) {
  llvm::StringRef T = "#ifndef H_\n// why\n#define H_\nint f();\n#endif\n";
  EXPECT_EQ(endOfPreamble(T), at(T, "int f();"));
  llvm::StringRef Both = "#pragma once\n#ifndef H_\n#define H_\nint f();\n"
                         "#endif // H_\n";
  EXPECT_EQ(endOfPreamble(Both), at(Both, "int f();"));
  // A default value set at the top is no guard: an include below its
  // #define would vanish wherever CONFIG is predefined.
  llvm::StringRef Default = "#ifndef CONFIG\n#define CONFIG 1\n#endif\n"
                            "int f();\n";
  EXPECT_EQ(endOfPreamble(Default), 0u);
  // Nor is a guard whose #endif is followed by more directives.
  llvm::StringRef Early = "#ifndef H_\n#define H_\n#endif\n#if X\n#endif\n";
  EXPECT_EQ(endOfPreamble(Early), 0u);
  // Nor `#ifndef A` `#define B`.
  EXPECT_EQ(endOfPreamble("#ifndef A\n#define B\nint f();\n#endif\n"), 0u);
}

TEST(IncludesTest, PreambleTakesTheLicenseNotTheDocComment) {
  llvm::StringRef T = "// Copyright\n// License\n\n#pragma once\n"
                      "/// Doc of f.\nint f();\n";
  EXPECT_EQ(endOfPreamble(T), at(T, "/// Doc"));
  llvm::StringRef Block = "/* Copyright\n * License */\n\nint f();\n";
  EXPECT_EQ(endOfPreamble(Block), at(Block, "\nint f();"));
  // A comment right above the first declaration documents it.
  EXPECT_EQ(endOfPreamble("/// Doc of f.\nint f();\n"), 0u);
  // Code after the comment's end on the same line.
  EXPECT_EQ(endOfPreamble("/* x */ int f();\n\n"), 0u);
  EXPECT_EQ(endOfPreamble("int f();\n#pragma once\n"), 0u);
}

TEST(IncludesTest, PreambleAtTheEndOfAFile) {
  llvm::StringRef T = "#pragma once";
  EXPECT_EQ(endOfPreamble(T), T.size());
  llvm::StringRef C = "// only a comment\n";
  EXPECT_EQ(endOfPreamble(C), C.size());
}

// Applies Slot to Text.
std::string applied(llvm::StringRef Text, const IncludeSlot &Slot) {
  return (Text.take_front(Slot.Offset) + Slot.Code +
          Text.drop_front(Slot.Offset))
      .str();
}

TEST(IncludesTest, SlotsWalkUpThroughIncludesOnly) {
  llvm::StringRef T = "#ifdef X\n#define Y\n#endif\n#include <a>\n"
                      "#include <b>\n#include <d>\n";
  llvm::StringRef Code = "#include <c>\n";
  std::vector<IncludeSlot> S = includeSlots(T, at(T, "#include <d>"), Code);
  // At <d>, before <b>'s newline, at <b>, before <a>'s newline, at <a>,
  // before the `#endif`'s newline (the same place as at <a>): the `#endif`
  // ends the walk.
  ASSERT_EQ(S.size(), 6u);
  EXPECT_EQ(S[0].Offset, at(T, "#include <d>"));
  EXPECT_EQ(S[1].Offset, at(T, "#include <d>") - 1);
  EXPECT_EQ(S[1].Code, "\n#include <c>");
  EXPECT_EQ(S[4].Offset, at(T, "#include <a>"));
  // Every slot puts the same line between the same neighbours or above.
  llvm::StringRef Want = "#endif\n#include <a>\n#include <b>\n"
                         "#include <c>\n#include <d>\n";
  EXPECT_NE(applied(T, S[0]).find(Want), std::string::npos);
  EXPECT_NE(applied(T, S[1]).find(Want), std::string::npos);
  EXPECT_EQ(applied(T, S[4]).find("#endif\n#include <c>\n#include <a>\n"),
            at(T, "#endif"));
  EXPECT_EQ(applied(T, S[5]), applied(T, S[4]));
  // No two slots share an offset.
  for (size_t I = 1; I < S.size(); ++I)
    EXPECT_LT(S[I].Offset, S[I - 1].Offset);
}

TEST(IncludesTest, SlotsAtTheTopOfAFile) {
  llvm::StringRef T = "#include <a>\n";
  std::vector<IncludeSlot> S = includeSlots(T, 0, "#include <b>\n");
  ASSERT_EQ(S.size(), 1u);
  EXPECT_EQ(S[0].Offset, 0u);
  // A blank line after the include (below a preamble) is kept.
  llvm::StringRef P = "#pragma once\nint f();\n";
  std::vector<IncludeSlot> Q =
      includeSlots(P, at(P, "int f"), "#include <b>\n\n");
  ASSERT_EQ(Q.size(), 2u);
  EXPECT_EQ(applied(P, Q[1]), "#pragma once\n#include <b>\n\nint f();\n");
}

} // namespace
