//===--- ProfileCountsTest.cpp - tests of utils/ProfileCounts -------------===//
//
// What the checks' ProfileFile option reads from a memlint profile: counts by
// line and family, files named absolutely or (converted DHAT files)
// relatively, lines changed since, and the errors of a file that is no
// memlint profile.
//
//===----------------------------------------------------------------------===//

#include "checks/utils/ProfileCounts.h"
#include "checks/utils/ProfiledDiagnostics.h"
#include "gtest/gtest.h"

using namespace clang::tidy::memlint::utils;

namespace {

std::string site(const char *File, unsigned Line, const char *Family,
                 unsigned N, const char *Source) {
  return std::string(R"({"allocations": )") + std::to_string(N) +
         R"(, "bytes": 8, "site": {"file": ")" + File + R"(", "line": )" +
         std::to_string(Line) + R"(}, "family": ")" + Family +
         R"(", "stack": [{"file": "", "system": true}, {"file": ")" + File +
         R"(", "line": )" + std::to_string(Line) +
         R"(, "system": false, "source": ")" + Source + R"("}]})";
}

std::string profile(const std::string &Sites, unsigned Total) {
  return R"({"format": "memlint-profile", "version": 1, "totals": )"
         R"({"allocations": )" +
         std::to_string(Total) + R"(}, "sites": [)" + Sites + "]}";
}

std::shared_ptr<const ProfileCounts> parsed(const std::string &Text) {
  auto P = ProfileCounts::parse(Text, "p.json");
  if (!P) {
    ADD_FAILURE() << llvm::toString(P.takeError());
    return nullptr;
  }
  return *P;
}

std::string error(const std::string &Text) {
  auto P = ProfileCounts::parse(Text, "p.json");
  if (P)
    return "";
  return llvm::toString(P.takeError());
}

TEST(ProfileCountsTest, CountsByLineAndFamily) {
  auto P = parsed(profile(
      site("/nonexistent/a.cpp", 7, "vector", 10, "  V.push_back(S);") + "," +
          site("/nonexistent/a.cpp", 7, "string", 40, "  V.push_back(S);") +
          "," + R"({"allocations": 50, "site": null, "stack": []})",
      200));
  ASSERT_TRUE(P);
  EXPECT_EQ(P->totalAllocations(), 200u);
  EXPECT_EQ(
      P->allocationsAt("/nonexistent/a.cpp", 7, "vector", "  V.push_back(S);"),
      10u);
  EXPECT_EQ(P->allocationsAt("/nonexistent/a.cpp", 7, "", "V.push_back(S);"),
            50u); // whitespace aside, the same line
  EXPECT_EQ(P->allocationsAt("/nonexistent/a.cpp", 8, "", ""), 0u);
  EXPECT_EQ(P->allocationsAt("/nonexistent/b.cpp", 7, "", "V.push_back(S);"),
            0u);
  // The line reads differently now: profiled before the change.
  EXPECT_EQ(
      P->allocationsAt("/nonexistent/a.cpp", 7, "", "  V.push_back(S + S);"),
      0u);
}

TEST(ProfileCountsTest, RelativeNamesMatchAtADirectoryBoundary) {
  auto P = parsed(profile(site("src/a.cpp", 3, "string", 5, "x();"), 5));
  ASSERT_TRUE(P);
  EXPECT_EQ(P->allocationsAt("/w/src/a.cpp", 3, "string", "x();"), 5u);
  EXPECT_EQ(P->allocationsAt("/w/xsrc/a.cpp", 3, "string", "x();"), 0u);
  EXPECT_EQ(P->allocationsAt("/w/src/a.cpp", 3, "vector", "x();"), 0u);
}

TEST(ProfileCountsTest, RejectsWhatIsNoMemlintProfile) {
  EXPECT_NE(error("{oops").find("p.json: not JSON"), std::string::npos);
  EXPECT_NE(error(R"({"dhatFileVersion": 2})").find("a DHAT file?"),
            std::string::npos);
  EXPECT_NE(error(R"({"format": "memlint-profile", "version": 2})")
                .find("unsupported memlint profile version"),
            std::string::npos);
  EXPECT_NE(error(R"({"format": "memlint-profile", "version": 1})")
                .find("no 'totals.allocations'"),
            std::string::npos);
  EXPECT_EQ(error(profile("", 0)), "");
}

TEST(ProfileCountsTest, LoadReportsAMissingFile) {
  auto P = ProfileCounts::load("/nonexistent/profile.json");
  ASSERT_FALSE(P);
  EXPECT_NE(llvm::toString(P.takeError()).find("cannot be read"),
            std::string::npos);
}

TEST(ProfileCountsTest, Suffix) {
  EXPECT_EQ(ProfiledCheck::countsSuffix(9, 400),
            " (9 allocations, 2.2% of the profiled run)");
  EXPECT_EQ(ProfiledCheck::countsSuffix(1, 3),
            " (1 allocation, 33.3% of the profiled run)");
}

} // namespace
