// Runs alloc_probe under LD_PRELOAD and checks the JSON report: the counts
// must differ from a zero-round baseline by exactly what the probe does.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>

namespace {

std::map<std::string, long long> run_probe(int rounds, const std::string &tag) {
  const std::string report =
      std::string(MEMLINT_WORK_DIR) + "/alloc_report_" + tag + ".json";
  std::remove(report.c_str());
  const std::string cmd = "env LD_PRELOAD=" + std::string(MEMLINT_COUNTER_LIB) +
                          " MEMLINT_ALLOC_REPORT=" + report + " " +
                          MEMLINT_PROBE_EXE + " " + std::to_string(rounds);
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
  std::ifstream in(report);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string json = ss.str();
  std::map<std::string, long long> out;
  std::regex kv("\"([a-z_]+)\": ([0-9]+)");
  for (auto it = std::sregex_iterator(json.begin(), json.end(), kv);
       it != std::sregex_iterator(); ++it)
    out[(*it)[1]] = std::stoll((*it)[2]);
  return out;
}

TEST(AllocPreload, JsonReportCountsExactly) {
  auto base = run_probe(0, "base");
  auto ten = run_probe(10, "ten");
  ASSERT_EQ(base.size(), 7u) << "report missing or malformed";
  ASSERT_EQ(ten.size(), 7u);
  EXPECT_EQ(ten["allocations"] - base["allocations"], 30);
  EXPECT_EQ(ten["frees"] - base["frees"], 30);
  EXPECT_EQ(ten["bytes_allocated"] - base["bytes_allocated"], 3000);
  EXPECT_EQ(ten["bytes_freed"] - base["bytes_freed"], 3000);
  // Peak: the baseline's peak is start-up memory, and the probe's three
  // 100-byte blocks are live together on top of what is live at that point.
  EXPECT_GE(ten["peak_bytes"], base["peak_bytes"]);
  EXPECT_EQ(ten["live_bytes"], base["live_bytes"]);
  EXPECT_GT(base["allocations"], 0); // libstdc++'s start-up pool, at least
}

TEST(AllocPreload, SummaryLineOnStderr) {
  const std::string out = std::string(MEMLINT_WORK_DIR) + "/alloc_stderr.txt";
  const std::string cmd = "env LD_PRELOAD=" + std::string(MEMLINT_COUNTER_LIB) +
                          " " + MEMLINT_PROBE_EXE + " 1 2> " + out;
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::ifstream in(out);
  std::string line;
  std::getline(in, line);
  EXPECT_TRUE(std::regex_match(
      line, std::regex("memlint: [0-9]+ allocations, [0-9]+ frees, [0-9]+ "
                       "bytes allocated, peak [0-9]+ bytes live")))
      << line;
}

} // namespace
