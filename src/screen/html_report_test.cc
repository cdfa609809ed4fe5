#include "conform/screen/html_report.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "conform/screen/classifier.h"
#include "conform/screen/listing_reader.h"
#include "test_data.h"

namespace conform {
namespace {

// The report through the shipped template, of "in.jsonl" screened for
// 2026-06-01.
Result<std::string> RenderShipped(const HtmlReport& report) {
  std::ifstream in(CONFORM_SHIPPED_DATA_DIR "/templates/report.html.mustache");
  std::stringstream ss;
  ss << in.rdbuf();
  return report.Render(ss.str(), "in.jsonl", Date::Parse("2026-06-01").value());
}

TEST(HtmlReportTest, RendersTotalsGapsAndEscapedFindings) {
  const KnowledgeBase& kb = ShippedKnowledgeBase();
  const Screener screener(kb, ShippedClassifier(), Date::Parse("2026-06-01").value());
  HtmlReport report(kb, /*max_listings=*/1);
  for (const char* json : {
           R"({"listing_id":"A<1>","seller_id":"S&1","title":"USB charger <b>bold</b>\u001b[31m\u0000","category":"charger","target_markets":["EU","GB"]})",
           R"({"listing_id":"A2","seller_id":"S2","title":"USB charger","category":"charger","target_markets":["CN"]})"}) {
    auto l = ParseListingJson(json);
    ASSERT_TRUE(l.ok());
    report.Add(l.value(), screener.Screen(l.value()));
  }
  report.AddBadRecord(Diagnostic{"in.jsonl", 7, 0, "not valid JSON", ""});
  auto html = RenderShipped(report);
  ASSERT_TRUE(html.ok()) << html.error().ToString();
  const std::string& h = html.value();
  EXPECT_NE(h.find("<td>UK</td>"), std::string::npos);  // GB counted as UK
  EXPECT_EQ(h.find("<td>GB</td>"), std::string::npos);
  EXPECT_NE(h.find("GPSR_MANUFACTURER_MISSING"), std::string::npos);
  EXPECT_NE(h.find("A&lt;1&gt;"), std::string::npos);  // escaped
  EXPECT_EQ(h.find("<b>bold</b>"), std::string::npos);
  // Control characters, which HTML does not allow, are shown as U+FFFD.
  EXPECT_EQ(h.find('\x1b'), std::string::npos);
  EXPECT_EQ(h.find('\0'), std::string::npos);
  EXPECT_NE(h.find("&lt;/b&gt;\xEF\xBF\xBD[31m\xEF\xBF\xBD"), std::string::npos);
  EXPECT_NE(h.find("1 more listings need action"), std::string::npos);
  EXPECT_NE(h.find("in.jsonl:7: not valid JSON"), std::string::npos);
  EXPECT_FALSE(report.Render("{{#unclosed}}", "x", Date()).ok());
}

// With every listing shown and no bad record, the report says nothing of
// more listings or skipped records; a law without a page is not a link.
TEST(HtmlReportTest, SaysNothingOfWhatIsNotThere) {
  const KnowledgeBase& kb = ShippedKnowledgeBase();
  const Screener screener(kb, ShippedClassifier(), Date::Parse("2026-06-01").value());
  HtmlReport report(kb, /*max_listings=*/10);
  // No category: CATEGORY_UNKNOWN, a gap tied to no law and so to no page.
  auto l = ParseListingJson(R"({"listing_id":"A2","seller_id":"S2","title":"Gift box","target_markets":["EU"]})");
  ASSERT_TRUE(l.ok());
  report.Add(l.value(), screener.Screen(l.value()));
  auto html = RenderShipped(report);
  ASSERT_TRUE(html.ok()) << html.error().ToString();
  EXPECT_EQ(html.value().find("more listings need action"), std::string::npos);
  EXPECT_EQ(html.value().find("Records skipped"), std::string::npos);
  EXPECT_EQ(html.value().find("href=\"\""), std::string::npos);
}

// A finding's source is a link only when it is a web address: a feed's
// "javascript:" URL is not made one in a page opened in a browser.
TEST(HtmlReportTest, LinksOnlyWebAddresses) {
  const KnowledgeBase& kb = ShippedKnowledgeBase();
  const Screener screener(kb, ShippedClassifier(), Date::Parse("2026-06-01").value());
  HtmlReport report(kb, /*max_listings=*/10);
  auto l = ParseListingJson(R"({"listing_id":"A1","seller_id":"S1","title":"USB charger","category":"charger","target_markets":["EU"]})");
  ASSERT_TRUE(l.ok());
  ListingResult result = screener.Screen(l.value());
  ASSERT_FALSE(result.markets.empty());
  Finding recall;
  recall.code = "RECALL_MATCH";
  recall.severity = Severity::kBlock;
  recall.reason = "recalled";
  for (const char* url : {"javascript:alert(1)", "HTTPS://ec.europa.eu/safety-gate-alerts/screen/webReport/alertDetail/900001"}) {
    recall.source_url = url;
    result.markets[0].findings.push_back(recall);
  }
  report.Add(l.value(), result);
  auto html = RenderShipped(report);
  ASSERT_TRUE(html.ok()) << html.error().ToString();
  EXPECT_EQ(html.value().find("javascript"), std::string::npos);
  EXPECT_NE(html.value().find("href=\"HTTPS://ec.europa.eu/safety-gate-alerts/"), std::string::npos);
}

}  // namespace
}  // namespace conform
