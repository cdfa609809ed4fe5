#include "conform/recalls/feed_import.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "conform/recalls/notice.h"
#include "feed_records.h"
#include "test_feeds.h"

namespace conform {
namespace {

std::vector<std::string> Texts(const std::optional<feed::RecordTexts>& t) {
  std::vector<std::string> out;
  if (t)
    for (std::string_view r : t->records) out.emplace_back(r);
  return out;
}

TEST(FindRecordTextsTest, TheElementsOfTheOneArrayThatHoldsTheRecords) {
  using V = std::vector<std::string>;
  const std::string array = R"([ {"a": 1, "b": [2, {"c": "]}"}]} , "text", 7, [1, 2] , null ])";
  const auto in_array = feed::FindRecordTexts(array);
  ASSERT_TRUE(in_array.has_value());
  EXPECT_FALSE(in_array->unwrap);
  EXPECT_EQ(Texts(in_array), (V{R"({"a": 1, "b": [2, {"c": "]}"}]})", R"("text")", "7", "[1, 2]", "null"}));
  // Views into the text given, not into a copy of it.
  EXPECT_GE(in_array->records.front().data(), array.data());
  EXPECT_LT(in_array->records.front().data(), array.data() + array.size());

  const auto results = feed::FindRecordTexts(R"({"total_count": 2, "meta": {"results": []}, "results": [{"x": "1"}, {"x": "2"}]})");
  ASSERT_TRUE(results.has_value());
  EXPECT_FALSE(results->unwrap);
  EXPECT_EQ(Texts(results), (V{R"({"x": "1"})", R"({"x": "2"})"}));

  const auto ods = feed::FindRecordTexts(R"({"nhits": 1, "records": [{"fields": {"x": 1}}]})");
  ASSERT_TRUE(ods.has_value());
  EXPECT_TRUE(ods->unwrap);
  EXPECT_EQ(Texts(ods), V{R"({"fields": {"x": 1}})"});

  EXPECT_EQ(Texts(feed::FindRecordTexts("[]")), V{});
  // A key with an escape in it is still that key.
  EXPECT_EQ(Texts(feed::FindRecordTexts(R"({"re\u0073ults": [1]})")), V{"1"});
}

TEST(FindRecordTextsTest, OtherShapesAreLeftToTheWholeDocument) {
  // A document that is itself a record, though it has "results".
  EXPECT_FALSE(feed::FindRecordTexts(R"({"RecallID": 1, "results": [1]})").has_value());
  // Health Canada's recent recalls: lists by category.
  EXPECT_FALSE(feed::FindRecordTexts(R"({"results": {"ALL": [{"recallId": "1"}]}})").has_value());
  // An envelope named twice (JSON keeps the last), or both.
  EXPECT_FALSE(feed::FindRecordTexts(R"({"results": [1], "results": [2]})").has_value());
  EXPECT_FALSE(feed::FindRecordTexts(R"({"results": [1], "records": [2]})").has_value());
  EXPECT_FALSE(feed::FindRecordTexts(R"({"results": "none"})").has_value());
  EXPECT_FALSE(feed::FindRecordTexts(R"({"count": 0})").has_value());
  EXPECT_FALSE(feed::FindRecordTexts(R"("text")").has_value());
}

std::vector<std::string> NoticeJsons(const FeedImport& f) {
  std::vector<std::string> out;
  for (const Notice& n : f.notices) out.push_back(NoticeToJson(n));
  return out;
}

// ImportFeed reads an array of records one at a time; wrapped as Health
// Canada's lists by category, the same records are read from the whole
// document. Both ways must read alike: notices, problems and refusals.
void ExpectBothWaysAlike(NoticeSource source, const std::string& array_text, const std::string& what) {
  SCOPED_TRACE(what);
  ASSERT_TRUE(feed::FindRecordTexts(array_text).has_value()) << "the feed must be one that is read a record at a time";
  std::string wrapped = R"({"results": {"ALL": )";
  wrapped += array_text;
  wrapped += "}}";
  ASSERT_FALSE(feed::FindRecordTexts(wrapped).has_value());
  auto by_record = ImportFeed(source, array_text);
  auto whole = ImportFeed(source, wrapped);
  ASSERT_EQ(by_record.ok(), whole.ok());
  if (!by_record.ok()) {
    EXPECT_EQ(by_record.error().ToString(), whole.error().ToString());
    return;
  }
  EXPECT_EQ(by_record.value().records, whole.value().records);
  EXPECT_EQ(NoticeJsons(by_record.value()), NoticeJsons(whole.value()));
  EXPECT_EQ(ProblemLines(by_record.value()), ProblemLines(whole.value()));
}

TEST(ImportFeedTest, ARecordAtATimeReadsAsTheWholeDocumentDoes) {
  ExpectBothWaysAlike(NoticeSource::kEuSafetyGate, RecallFixture("safetygate_sample.json"), "Safety Gate");
  ExpectBothWaysAlike(NoticeSource::kUsCpsc, RecallFixture("cpsc_recalls.json"), "CPSC");
  ExpectBothWaysAlike(NoticeSource::kUsCpsc, RecallFixture("cpsc_synthetic.json"), "CPSC, records skipped");
  ExpectBothWaysAlike(NoticeSource::kUsCpsc, RecallFixture("cpsc_error.json"), "a CPSC error answer");
  ExpectBothWaysAlike(NoticeSource::kUsCpsc, RecallFixture("safetygate_sample.json"), "another source's feed");
  ExpectBothWaysAlike(NoticeSource::kCaHealthCanada, RecallFixture("health_canada_open_data.json"), "Health Canada's open data");
  ExpectBothWaysAlike(NoticeSource::kEuSafetyGate, R"([{"alert_number": "A12/1/24", "product_name": "Lamp"}, 3, [1],
                                                       {"alert_number": "A12/1/24", "product_name": "Lamp, updated"}])",
                      "records that are not objects, and a notice given twice");
  // A number no double holds fails the record's parse: the whole document
  // then says where.
  auto out_of_range = ImportFeed(NoticeSource::kEuSafetyGate, R"([{"alert_number": "A12/1/24", "risk_level": 1e999}])");
  ASSERT_FALSE(out_of_range.ok());
  EXPECT_NE(out_of_range.error().ToString().find("not valid JSON"), std::string::npos) << out_of_range.error().ToString();
}

TEST(ImportFeedTest, TheSharedSafetyGateSampleReadsAlikeBothWays) {
  const std::string shared = SharedSafetyGateSamplePath();
  if (!std::filesystem::exists(shared)) GTEST_SKIP() << "the shared Safety Gate sample is not at " << shared;
  ExpectBothWaysAlike(NoticeSource::kEuSafetyGate, ReadTestFile(shared), "the shared 353 alerts");
}

}  // namespace
}  // namespace conform
