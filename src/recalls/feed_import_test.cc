#include "conform/recalls/feed_import.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "conform/core/gtin.h"
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

// An array of records wrapped as Health Canada's lists by category: the
// same records, which ImportFeed reads from the whole document.
std::string AsListsByCategory(const std::string& array_text) {
  std::string wrapped = R"({"results": {"ALL": )";
  wrapped += array_text;
  wrapped += "}}";
  return wrapped;
}

// ImportFeed reads an array of records one at a time, and the same array
// AsListsByCategory from the whole document. Both ways must read alike: notices,
// problems and refusals.
void ExpectBothWaysAlike(NoticeSource source, const std::string& array_text, const std::string& what) {
  SCOPED_TRACE(what);
  ASSERT_TRUE(feed::FindRecordTexts(array_text).has_value()) << "the feed must be one that is read a record at a time";
  const std::string wrapped = AsListsByCategory(array_text);
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

// Edits a feed's JSON in place: a field dropped, retyped, nested or
// repeated from elsewhere, a record dropped or given twice, a text
// lengthened with what feeds hold (entities, zero-width spaces, Chinese,
// placeholders). Deterministic: the generator's raw output only.
class FeedMutator {
 public:
  using Doc = nlohmann::ordered_json;

  explicit FeedMutator(uint64_t seed) : random_(seed) {}

  void Learn(const Doc& doc) {
    if (doc.is_object()) {
      for (const auto& [key, value] : doc.items()) {
        keys_.push_back(key);
        Learn(value);
      }
    } else if (doc.is_array()) {
      for (const auto& value : doc) Learn(value);
    }
  }

  void Mutate(Doc& doc) {
    if (doc.is_object() && !doc.empty() && Below(4) != 0) {
      auto it = doc.begin();
      std::advance(it, static_cast<std::ptrdiff_t>(Below(doc.size())));
      switch (Below(6)) {
        case 0: doc.erase(it.key()); return;
        case 1: it.value() = Scalar(); return;
        case 2: doc[Key()] = Scalar(); return;
        case 3: it.value() = Doc::array({Scalar(), Scalar()}); return;
        case 4: it.value() = Doc::object({{Key(), Scalar()}}); return;
        default: Mutate(it.value()); return;
      }
    }
    if (doc.is_array() && !doc.empty() && Below(4) != 0) {
      const size_t i = Below(doc.size());
      switch (Below(4)) {
        case 0: doc.erase(doc.begin() + static_cast<std::ptrdiff_t>(i)); return;
        case 1: doc.push_back(doc[i]); return;
        case 2: doc[i] = Scalar(); return;
        default: Mutate(doc[i]); return;
      }
    }
    if (doc.is_string() && Below(2) == 0) {
      doc = doc.get<std::string>() + Text();
      return;
    }
    doc = Scalar();
  }

 private:
  size_t Below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(random_() % n); }
  std::string Key() { return keys_.empty() ? "x" : keys_[Below(keys_.size())]; }
  std::string Text() {
    static const char* const kTexts[] = {"", " ", "0", "A12/00017/20", "-62169984000", "Lamp", "\u00e9t\u00e9", "&nbsp;x",
                                         "\u200b", "2024-13-45", "Various", "USB-C", "4006381333931", "model E33A",
                                         "<p>Model: GV31</p>", "\u4e2d\u6587", "null", "[]", "\\", "\"", "1e999", "https://x/y",
                                         "/en/recall/1"};
    return kTexts[Below(std::size(kTexts))];
  }
  Doc Scalar() {
    switch (Below(6)) {
      case 0: return nullptr;
      case 1: return Below(2) == 0;
      case 2: return static_cast<int64_t>(Below(2000000)) - 1000000;
      case 3: return static_cast<double>(Below(100000)) / 7;
      case 4: return static_cast<uint64_t>(random_());
      default: return Text();
    }
  }

  std::mt19937_64 random_;
  std::vector<std::string> keys_;
};

// Whether two imports read alike: the same notices, problems and record
// count, or the same refusal.
std::string Difference(const Result<FeedImport>& a, const Result<FeedImport>& b) {
  if (a.ok() != b.ok()) return "one refused, the other read";
  if (!a.ok()) return a.error().ToString() == b.error().ToString() ? "" : "refused for other reasons";
  if (a.value().records != b.value().records) return "other record counts";
  if (NoticeJsons(a.value()) != NoticeJsons(b.value())) return "other notices";
  if (ProblemLines(a.value()) != ProblemLines(b.value())) return "other problems";
  return "";
}

TEST(ImportFeedTest, EditedFeedsReadAlikeARecordAtATimeAndWhole) {
  // Each fixture of records, edited at random a few times over, read one
  // record at a time (as an array, in an OpenDataSoft "results" envelope
  // and as "records" of "fields") and as a whole document (wrapped as
  // Health Canada's lists by category).
  const std::pair<NoticeSource, const char*> fixtures[] = {
      {NoticeSource::kEuSafetyGate, "safetygate_sample.json"},
      {NoticeSource::kUsCpsc, "cpsc_recalls.json"},
      {NoticeSource::kUsCpsc, "cpsc_synthetic.json"},
      {NoticeSource::kCaHealthCanada, "health_canada_open_data.json"},
      {NoticeSource::kCaHealthCanada, "health_canada_open_data_fr.json"},
  };
  const NoticeSource sources[] = {NoticeSource::kEuSafetyGate, NoticeSource::kUsCpsc, NoticeSource::kCaHealthCanada};
  FeedMutator mutator(20261203);
  std::vector<std::pair<NoticeSource, FeedMutator::Doc>> feeds;
  for (const auto& [source, name] : fixtures) {
    feeds.emplace_back(source, FeedMutator::Doc::parse(RecallFixture(name)));
    ASSERT_TRUE(feeds.back().second.is_array()) << name;
    mutator.Learn(feeds.back().second);
  }
  std::mt19937_64 choose(7);
  size_t read_by_record = 0;
  for (int round = 0; round < 300; ++round) {
    auto [source, doc] = feeds[choose() % feeds.size()];
    if (choose() % 5 == 0) source = sources[choose() % std::size(sources)];  // another source's feed
    for (int edits = 1 + static_cast<int>(choose() % 6); edits > 0; --edits) mutator.Mutate(doc);
    if (!doc.is_array()) continue;
    const std::string array = doc.dump();
    const auto whole = ImportFeed(source, AsListsByCategory(array));
    FeedMutator::Doc results = {{"total_count", doc.size()}, {"results", doc}};
    FeedMutator::Doc records = {{"records", FeedMutator::Doc::array()}};
    for (const auto& record : doc) records["records"].push_back({{"fields", record}});
    for (const std::string& text : {array, results.dump(), records.dump()}) {
      ASSERT_TRUE(feed::FindRecordTexts(text).has_value()) << text;
      ++read_by_record;
      const std::string difference = Difference(ImportFeed(source, text), whole);
      ASSERT_EQ(difference, "") << "read as " << NoticeSourceName(source) << ": " << text;
    }
  }
  EXPECT_GT(read_by_record, 300u);  // most edits keep an array of records
}

TEST(ImportFeedTest, TheSharedSafetyGateSampleReadsAlikeBothWays) {
  const std::string shared = SharedSafetyGateSamplePath();
  if (!std::filesystem::exists(shared)) GTEST_SKIP() << "the shared Safety Gate sample is not at " << shared;
  ExpectBothWaysAlike(NoticeSource::kEuSafetyGate, ReadTestFile(shared), "the shared 353 alerts");
}

TEST(ImportFeedTest, ADayStillToComeIsLeftUnknownWithAWarningInEveryFeed) {
  // "9999-12-31" as `updated` would keep every correction of the notice
  // out of the store; a far-future date is a placeholder or a slip.
  const FeedImport sg = MustImport(NoticeSource::kEuSafetyGate, R"([
      {"alert_number": "A12/00001/26", "product_name": "Toy", "alert_date": "2026-01-05", "modification_date": "9999-12-31"}])");
  ASSERT_EQ(sg.notices.size(), 1u);
  EXPECT_EQ(sg.notices[0].published->ToString(), "2026-01-05");
  EXPECT_FALSE(sg.notices[0].updated);
  EXPECT_EQ(ProblemLines(sg), (std::vector<std::string>{"record 1 (A12/00001/26): warning: 'modification_date' is 9999-12-31, a day still to "
                                                        "come, which no notice can be dated; the date is left unknown"}));
  const FeedImport cpsc = MustImport(NoticeSource::kUsCpsc, R"([{"RecallNumber": "26001", "RecallDate": "9999-12-31", "Products": [{"Name": "Lamp"}]}])");
  ASSERT_EQ(cpsc.notices.size(), 1u);
  EXPECT_FALSE(cpsc.notices[0].published);
  EXPECT_EQ(cpsc.warnings(), 1u);
  // Health Canada: as text or as seconds in the API, and the open data's stamp.
  const FeedImport api = MustImport(NoticeSource::kCaHealthCanada, R"([
      {"recallId": "RA-1", "title": "t", "category": [4], "date_published": "2200-01-01"},
      {"recallId": "RA-2", "title": "t", "category": [4], "date_published": 4070908800}])");
  ASSERT_EQ(api.notices.size(), 2u);
  EXPECT_FALSE(api.notices[0].published);
  EXPECT_FALSE(api.notices[1].published);
  EXPECT_EQ(api.warnings(), 2u);
  const FeedImport open_data = MustImport(NoticeSource::kCaHealthCanada, R"([
      {"NID": "1", "Title": "Kettles recalled", "Organization": "Consumer product safety", "Last updated": "9999-12-31"},
      {"NID": "2", "Title": "Lamps recalled", "Organization": "Consumer product safety", "Last updated": "2024-05-02"}])");
  ASSERT_EQ(open_data.notices.size(), 2u);
  EXPECT_FALSE(open_data.notices[0].updated);
  EXPECT_EQ(open_data.notices[1].updated->ToString(), "2024-05-02");
  EXPECT_EQ(ProblemLines(open_data), (std::vector<std::string>{"record 1 (1): warning: 'Last updated' is 9999-12-31, a day still to come, which "
                                                               "no notice can be dated; the date is left unknown"}));
  // Tomorrow is a time zone away, not a slip.
  const std::string tomorrow = Date::FromDays(Date::Today().days_since_epoch() + 1).ToString();
  const FeedImport near = MustImport(NoticeSource::kUsCpsc, R"([{"RecallNumber": "26002", "RecallDate": ")" + tomorrow + R"(", "Products": [{"Name": "Lamp"}]}])");
  ASSERT_EQ(near.notices.size(), 1u);
  EXPECT_EQ(near.notices[0].published->ToString(), tomorrow);
}


// Two versions of one day are put in order by their time of day, in UTC.
TEST(ImportFeedTest, TheTimeOfDayOrdersTwoVersionsOfOneDay) {
  EXPECT_EQ(feed::UtcInstantOfText("2024-05-02T14:01:12+00:00"), "2024-05-02T14:01:12Z");
  EXPECT_EQ(feed::UtcInstantOfText("2026-07-31T09:00:00"), "2026-07-31T09:00:00Z");
  EXPECT_EQ(feed::UtcInstantOfText("2026-07-31 22:30-04:00"), "2026-08-01T02:30:00Z");
  EXPECT_EQ(feed::UtcInstantOfText("2026-01-01T00:15:00.250+0100"), "2025-12-31T23:15:00Z");
  EXPECT_EQ(feed::UtcInstantOfText("2026-07-31"), "");
  EXPECT_EQ(feed::UtcInstantOfText("2026-07-31T25:00"), "");
  // In one CPSC answer, the version published later in the day is kept,
  // whichever record comes first.
  const auto recall = [](const char* when, const char* upc) {
    return fmt::format(R"({{"RecallID": 9101, "RecallNumber": "26900", "RecallDate": "2026-07-30T00:00:00", "LastPublishDate": "{}",
                          "Title": "Lumora Recalls Projectors", "Products": [{{"Name": "Projector"}}], "ProductUPCs": [{{"UPC": "{}"}}]}})",
                       when, upc);
  };
  for (const bool late_first : {true, false}) {
    const std::string late = recall("2026-07-31T15:00:00", "036000291452"), early = recall("2026-07-31T09:00:00", "012345678905");
    const FeedImport f = MustImport(NoticeSource::kUsCpsc, fmt::format("[{},{}]", late_first ? late : early, late_first ? early : late));
    ASSERT_EQ(f.notices.size(), 1u);
    EXPECT_EQ(f.notices[0].gtins, std::vector<std::string>{"00036000291452"}) << late_first;
    EXPECT_EQ(f.notices[0].updated_at, "2026-07-31T15:00:00Z");
  }
}


// A NUL byte would end the text for the parser, and what follows would be
// lost without a word; .NET's first day is CPSC's "no date".
TEST(ImportFeedTest, ANulByteIsRefusedAndTheFirstDayOfDotNetIsNoDate) {
  const std::string lamp = R"([{"RecallNumber": "1", "RecallDate": "2026-01-01", "Products": [{"Name": "Lamp"}]}])";
  auto cut = ImportFeed(NoticeSource::kUsCpsc, lamp + std::string(1, '\0') + lamp);
  ASSERT_FALSE(cut.ok());
  ASSERT_EQ(cut.error().diagnostics().size(), 1u);
  EXPECT_EQ(cut.error().diagnostics()[0].column, static_cast<int>(lamp.size()) + 1);
  EXPECT_EQ(cut.error().diagnostics()[0].message, "a NUL byte: a JSON feed is text, and holds none");
  const FeedImport f = MustImport(NoticeSource::kUsCpsc, R"([{"RecallNumber": "1", "RecallDate": "2026-01-01",
      "LastPublishDate": "0001-01-01T00:00:00", "Products": [{"Name": "Lamp"}]}])");
  ASSERT_EQ(f.notices.size(), 1u);
  EXPECT_FALSE(f.notices[0].updated);
  EXPECT_EQ(ProblemLines(f), std::vector<std::string>{"record 1 (1): warning: 'LastPublishDate' is not a date: '0001-01-01T00:00:00'; the "
                                                      "date is left unknown"});
}

// A notice's page is linked in reports: an address that is not a web
// page's ("javascript:", a file path) is left out, and said.
TEST(ImportFeedTest, AUrlThatIsNotAWebAddressIsLeftOut) {
  const FeedImport f = MustImport(NoticeSource::kUsCpsc, R"J([{"RecallNumber": "1", "RecallDate": "2026-01-01", "Products": [{"Name": "Lamp"}],
      "URL": "javascript:alert(1)", "Inconjunctions": [{"URL": "HTTPS://www.canada.ca/en/recall"}, {"URL": "C:\\recalls\\1.html"}]}])J");
  ASSERT_EQ(f.notices.size(), 1u);
  EXPECT_EQ(f.notices[0].url, "");
  EXPECT_EQ(f.notices[0].related_urls, std::vector<std::string>{"HTTPS://www.canada.ca/en/recall"});
  EXPECT_EQ(ProblemLines(f), (std::vector<std::string>{
                                 "record 1 (1): warning: the URL 'javascript:alert(1)' is not a web address (http or https); left out",
                                 "record 1 (1): warning: the related URL 'C:\\recalls\\1.html' is not a web address (http or https); left out"}));
}

// A record of many codes keeps each once, in the order first given, and
// is read in linear time (AddUnique, KeepFirstOfEach).
TEST(ImportFeedTest, ARecordOfManyCodesKeepsEachOnceInOrder) {
  std::string upcs;
  std::vector<std::string> expected;
  for (int pass = 0; pass < 2; ++pass)
    for (int k = 0; k < 150; ++k) {
      std::string digits = fmt::format("{:011d}", 36000000000LL + k);
      digits.push_back(static_cast<char>('0' + GtinCheckDigit(digits)));
      upcs += fmt::format("{}{{\"UPC\": \"{}\"}}", upcs.empty() ? "" : ",", digits);
      if (pass == 0) expected.push_back("00" + digits);
    }
  const FeedImport f = MustImport(NoticeSource::kUsCpsc, fmt::format(R"J([{{"RecallNumber": "1", "RecallDate": "2026-01-01",
      "Products": [{{"Name": "Lamp"}}], "ProductUPCs": [{}]}}])J", upcs));
  ASSERT_EQ(f.notices.size(), 1u);
  EXPECT_EQ(f.notices[0].gtins, expected);
}

// A record exported again with its accents decomposed (NFD) is the same
// record: its text is read as NFC.
TEST(ImportFeedTest, TextIsReadAsNfcWhateverTheFeedsEncoding) {
  const FeedImport f = MustImport(NoticeSource::kUsCpsc, R"J([{"RecallNumber": "1", "RecallDate": "2026-01-01",
      "Products": [{"Name": "Gro\u0308ninger Ku\u0308chenwaage", "Model": "KMU\u0308-200"}], "Description": "Cafe\u0301 scale"}])J");
  ASSERT_EQ(f.notices.size(), 1u);
  EXPECT_EQ(f.notices[0].product_name, "Gr\u00f6ninger K\u00fcchenwaage");
  EXPECT_EQ(f.notices[0].model_numbers, std::vector<std::string>{"KM\u00dc-200"});
  EXPECT_EQ(f.notices[0].description, "Caf\u00e9 scale");
}

}  // namespace
}  // namespace conform
