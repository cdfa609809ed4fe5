// The shipped examples (examples/listings.jsonl) screened on their date,
// against the verdicts their author expected from the law
// (examples/expected.tsv). Where the tool is known to differ, the case is
// listed in examples/known-differences.tsv with the reason; such a case that
// starts to agree must be taken off that list.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "conform/screen/screen_run.h"
#include "test_data.h"

namespace conform {
namespace {

using Key = std::pair<std::string, std::string>;  // listing_id, market

std::vector<std::vector<std::string>> ReadTsv(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in) << path;
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::stringstream ss(line);
    std::string f;
    while (std::getline(ss, f, '\t')) fields.push_back(f);
    if (!fields.empty()) rows.push_back(fields);
  }
  return rows;
}

class Collect : public ScreenObserver {
 public:
  void OnRows(std::string_view) override {}
  void OnBadRecord(const Diagnostic& d) override { ADD_FAILURE() << d.ToString(); }
  void OnScreened(const Listing& l, const ListingResult& r) override {
    for (const auto& mv : r.markets) verdicts[{l.listing_id, mv.market}] = VerdictName(mv.verdict);
  }
  std::map<Key, std::string> verdicts;
};

std::map<Key, std::string> ScreenExamples(const std::string& file) {
  const KnowledgeBase& kb = ShippedKnowledgeBase();
  const Screener screener(kb, ShippedClassifier(), Date::Parse("2026-06-01").value());
  ScreenRunOptions options;
  options.input = file;
  options.input_format = file.size() > 4 && file.substr(file.size() - 4) == ".csv" ? ListingFormat::kCsv : ListingFormat::kJsonLines;
  options.threads = 2;
  Collect collect;
  auto stats = RunScreen(kb, screener, options, &collect);
  EXPECT_TRUE(stats.ok());
  return collect.verdicts;
}

TEST(ExamplesTest, VerdictsMatchWhatTheLawExpects) {
  const auto got = ScreenExamples(CONFORM_EXAMPLES_DIR "/listings.jsonl");
  std::map<Key, std::pair<std::string, std::string>> known;  // expected, actual
  for (const auto& row : ReadTsv(CONFORM_EXAMPLES_DIR "/known-differences.tsv"))
    known[{row.at(0), row.at(1)}] = {row.at(2), row.at(3)};
  size_t rows = 0;
  for (const auto& row : ReadTsv(CONFORM_EXAMPLES_DIR "/expected.tsv")) {
    const Key key{row.at(0), row.at(1)};
    ++rows;
    auto it = got.find(key);
    ASSERT_NE(it, got.end()) << key.first << " " << key.second << " was not screened";
    const auto k = known.find(key);
    if (k != known.end()) {
      EXPECT_EQ(k->second.first, row.at(2)) << key.first << " " << key.second << ": known-differences.tsv disagrees with expected.tsv";
      EXPECT_EQ(it->second, k->second.second) << key.first << " " << key.second
                                               << ": no longer differs as listed; update known-differences.tsv";
      continue;
    }
    EXPECT_EQ(it->second, row.at(2)) << key.first << " " << key.second << ": " << (row.size() > 3 ? row[3] : "");
  }
  EXPECT_EQ(rows, got.size()) << "expected.tsv must list every listing x market";
  EXPECT_GE(rows, 80u);
}

TEST(ExamplesTest, CsvFormGivesTheSameVerdicts) {
  const auto jsonl = ScreenExamples(CONFORM_EXAMPLES_DIR "/listings.jsonl");
  const auto csv = ScreenExamples(CONFORM_EXAMPLES_DIR "/listings.csv");
  ASSERT_GE(csv.size(), 10u);
  for (const auto& [key, verdict] : csv) EXPECT_EQ(verdict, jsonl.at(key)) << key.first << " " << key.second;
}

}  // namespace
}  // namespace conform
