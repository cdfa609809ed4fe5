#include "conform/recalls/er_benchmark.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace conform::recalls {
namespace {

TEST(ErBenchmarkTest, ParsesRecordsWithEmptyValues) {
  auto r = ParseDittoRecord(
      "COL title VAL sumdex slr camera sling pack COL category VAL  COL brand VAL sumdex COL modelno VAL 144952 "
      "COL price VAL 39.99 ");
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  const auto& f = r.value().fields;
  ASSERT_EQ(f.size(), 5u);
  EXPECT_EQ(f[0].first, "title");
  EXPECT_EQ(f[0].second, "sumdex slr camera sling pack");
  EXPECT_EQ(f[1].first, "category");
  EXPECT_EQ(f[1].second, "");
  EXPECT_EQ(r.value().Get("modelno"), "144952");
  EXPECT_EQ(r.value().Get("price"), "39.99");
}

TEST(ErBenchmarkTest, KeepsQuotesAndLanguageTagsOfWebOffers) {
  auto r = ParseDittoRecord(R"x(COL title VAL  "Veho VCC-003 Muvi Pro Micro (Black)"@en, " Veho (Black) "@en)x");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().Get("title"), R"x("Veho VCC-003 Muvi Pro Micro (Black)"@en, " Veho (Black) "@en)x");
}

TEST(ErBenchmarkTest, RejectsMalformedRecords) {
  EXPECT_FALSE(ParseDittoRecord("title VAL x").ok());
  EXPECT_FALSE(ParseDittoRecord("COL title x y").ok());
  EXPECT_FALSE(ParseDittoRecord("COL VAL x").ok());
  EXPECT_FALSE(ParseDittoRecord("").ok());
}

TEST(ErBenchmarkTest, ParsesPairsAndSkipsBlankLines) {
  auto pairs = ParseDittoPairs(
      "COL name VAL a1 COL price VAL 1\tCOL name VAL b1 COL price VAL \t1\n"
      "\n"
      "COL name VAL a2\tCOL name VAL b2\t0\r\n",
      "pairs.txt");
  ASSERT_TRUE(pairs.ok()) << pairs.error().ToString();
  ASSERT_EQ(pairs.value().size(), 2u);
  EXPECT_EQ(pairs.value()[0].label, 1);
  EXPECT_EQ(pairs.value()[0].right.Get("name"), "b1");
  EXPECT_EQ(pairs.value()[1].label, 0);
  EXPECT_EQ(pairs.value()[1].line, 3);
}

TEST(ErBenchmarkTest, ErrorsNameFileLineAndColumn) {
  auto pairs = ParseDittoPairs(
      "COL name VAL a\tCOL name VAL b\t1\n"
      "COL name VAL a\tCOL name VAL b\n"
      "COL name VAL a\tCOL name VAL b\tyes\n"
      "COL name VAL a\tname VAL b\t0\n",
      "train.txt");
  ASSERT_FALSE(pairs.ok());
  const auto& d = pairs.error().diagnostics();
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].file, "train.txt");
  EXPECT_EQ(d[0].line, 2);
  EXPECT_NE(d[0].message.find("1 tab(s)"), std::string::npos);
  EXPECT_EQ(d[1].line, 3);
  EXPECT_EQ(d[1].column, 31);
  EXPECT_NE(d[1].message.find("'yes'"), std::string::npos);
  EXPECT_EQ(d[2].line, 4);
  EXPECT_EQ(d[2].column, 16);
  EXPECT_NE(d[2].message.find("right record"), std::string::npos);
  EXPECT_NE(pairs.error().ToString().find("train.txt:4:16"), std::string::npos);
}

TEST(ErBenchmarkTest, ReadsFiles) {
  const auto path = std::filesystem::temp_directory_path() / ("conform_er_benchmark_test_" + std::to_string(::getpid()) + ".txt");
  {
    std::ofstream out(path);
    out << "COL title VAL x\tCOL title VAL y\t0\n";
  }
  auto pairs = ReadDittoPairs(path.string());
  std::filesystem::remove(path);
  ASSERT_TRUE(pairs.ok());
  EXPECT_EQ(pairs.value().size(), 1u);
  auto missing = ReadDittoPairs("/nonexistent/train.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace conform::recalls
