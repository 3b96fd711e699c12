//===--- BoolOptionTest.cpp - tests of utils/BoolOption -------------------===//

#include "checks/utils/BoolOption.h"
#include "gtest/gtest.h"

using clang::tidy::memlint::utils::parseBoolOption;

namespace {

TEST(BoolOptionTest, SpellingsClangTidyAccepts) {
  for (const char *T : {"true", "True", "TRUE", "1", "on", "yes"})
    EXPECT_TRUE(parseBoolOption(T, false)) << T;
  for (const char *F : {"false", "False", "0", "off", "no"})
    EXPECT_FALSE(parseBoolOption(F, true)) << F;
}

TEST(BoolOptionTest, AnythingElseKeepsTheDefault) {
  for (const char *V : {"", "2", "maybe", "truee"}) {
    EXPECT_TRUE(parseBoolOption(V, true)) << V;
    EXPECT_FALSE(parseBoolOption(V, false)) << V;
  }
}

} // namespace
