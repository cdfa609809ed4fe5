#include <gtest/gtest.h>

#include "conform/recalls/feed_import.h"
#include "test_feeds.h"

namespace conform {
namespace {

using Strings = std::vector<std::string>;

TEST(HealthCanadaImportTest, ReadsRecallDetailsPanels) {
  const FeedImport f = MustImport(NoticeSource::kCaHealthCanada, RecallFixture("health_canada_details.json"));
  ASSERT_EQ(f.notices.size(), 2u);
  const Notice& x = f.notices[0];
  EXPECT_EQ(x.source, NoticeSource::kCaHealthCanada);
  EXPECT_EQ(x.id, "RA-66524");
  EXPECT_EQ(x.title, "Petit Collage musical jumbo wooden xylophones recalled due to choking hazard");
  EXPECT_EQ(x.published->ToString(), "2018-04-19");  // Unix seconds, as a number
  EXPECT_EQ(x.started->ToString(), "2018-04-19");
  EXPECT_EQ(x.category, "Consumer products");
  // basic_details: "Label: value" lines.
  EXPECT_EQ(x.product_name, "Petit Collage musical jumbo wooden xylophones; Musical jumbo wooden xylophone; Musical jumbo wooden xylophone (gift box)");
  EXPECT_EQ(x.hazard_types, Strings{"Consumer products - Choking hazard"});
  // The product panel's table, by its headers, and its "Lot:" line.
  EXPECT_EQ(x.model_numbers, (Strings{"TT.1902.0617", "TT.1902.0617G"}));
  EXPECT_EQ(x.gtins, Strings{"00036000291452"});
  EXPECT_EQ(x.invalid_barcodes, Strings{"036000291453: wrong check digit (expected 2)"});
  EXPECT_EQ(x.batch_numbers, Strings{"2017-08"});
  EXPECT_NE(x.description.find("“TT.1902.0617” printed on the bottom back"), std::string::npos) << x.description;
  EXPECT_EQ(x.hazard_description, "The ball on the end of the toy xylophone beater stick can separate, posing a choking hazard to young children.");
  ASSERT_EQ(x.measures.size(), 2u);
  EXPECT_EQ(x.measures[0], "Stop using the recalled product and contact Wild & Wolf for a free replacement beater stick.");
  EXPECT_EQ(x.url, "http://healthycanadians.gc.ca/recall-alert-rappel-avis/hc-sc/2018/66524r-eng.php");

  // An impossible date is a warning, not a reason to lose the notice; a
  // relative URL is made absolute; text categories are read.
  const Notice& drug = f.notices[1];
  EXPECT_EQ(drug.id, "RA-76611");
  EXPECT_FALSE(drug.published);
  EXPECT_EQ(drug.category, "Health products");
  EXPECT_EQ(drug.product_name, "Novo-Gesic Forte");
  EXPECT_EQ(drug.url, "https://healthycanadians.gc.ca/recall-alert-rappel-avis/hc-sc/2021/76611r-eng.php");

  Strings seen;
  for (const auto& p : f.problems) seen.push_back(p.ToString());
  EXPECT_EQ(seen, (Strings{
                      "record 0 (RA-66524): warning: barcode '036000291453' is not a GTIN: wrong check digit (expected 2)",
                      "record 1 (RA-76611): warning: 'date_published' \"-62169984000\" is not a plausible date; the date is left unknown",
                  }));
}

TEST(HealthCanadaImportTest, ReadsSearchAnswers) {
  const FeedImport f = MustImport(NoticeSource::kCaHealthCanada, RecallFixture("health_canada_search.json"));
  EXPECT_EQ(f.records, 3u);
  ASSERT_EQ(f.notices.size(), 2u);
  EXPECT_EQ(f.notices[0].product_name, f.notices[0].title);  // a list item names its product only in the title
  EXPECT_EQ(f.notices[1].id, "RA-70001");
  EXPECT_EQ(f.notices[1].published->ToString(), "2019-07-01");  // Unix seconds, as text
  ASSERT_EQ(f.skipped(), 1u);
  EXPECT_EQ(f.problems[0].ToString(), "record 2 (RA-70002): skipped: 'date_published' is not a date: 'yesterday'");
}

TEST(HealthCanadaImportTest, ReadsRecentAnswersListingARecallTwice) {
  const FeedImport f = MustImport(NoticeSource::kCaHealthCanada, RecallFixture("health_canada_recent.json"));
  EXPECT_EQ(f.records, 4u);
  ASSERT_EQ(f.notices.size(), 2u);  // the same recall under ALL and under CPS or VEHICLE
  EXPECT_TRUE(f.problems.empty());
  EXPECT_EQ(f.notices[1].category, "Vehicles");
}

TEST(HealthCanadaImportTest, RefusesOtherFeedsAndSkipsBadRecords) {
  auto r = ImportFeed(NoticeSource::kCaHealthCanada, RecallFixture("cpsc_recalls.json"));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().ToString().find("look like us-cpsc records"), std::string::npos);
  const FeedImport f = MustImport(NoticeSource::kCaHealthCanada, R"([
      {"recallId": "RA-1", "title": "Kettle", "category": [4], "date_published": 1561939200, "panels": {"basic_details": "x"}},
      {"recallId": "RA-2", "title": "Lamp", "category": [4], "date_published": 1561939200, "panels": [{"panelName": "product", "text": ["x"]}]},
      {"title": "No id", "category": [4], "date_published": 1561939200},
      {"recallId": "RA-3", "title": "Heater", "category": [4]}])");
  ASSERT_EQ(f.notices.size(), 1u);
  EXPECT_EQ(f.notices[0].id, "RA-3");
  Strings seen;
  for (const auto& p : f.problems) seen.push_back(p.ToString());
  EXPECT_EQ(seen, (Strings{
                      "record 0 (RA-1): skipped: 'panels' should be an array, found an object",
                      "record 1 (RA-2): skipped: panels[0]: 'text' should be text, found an array",
                      "record 2: skipped: no recallId",
                      "record 3 (RA-3): warning: no date_published: the notice has no date",
                  }));
}

}  // namespace
}  // namespace conform
