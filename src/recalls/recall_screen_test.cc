#include "conform/recalls/recall_screen.h"

#include <gtest/gtest.h>

#include "conform/core/listing.h"

namespace conform::recalls {
namespace {

using Markets = std::vector<std::string>;

Notice Of(NoticeSource source, std::vector<std::string> urls, std::vector<std::string> countries = {}) {
  Notice n;
  n.source = source;
  n.related_urls = std::move(urls);
  n.market_countries = std::move(countries);
  return n;
}

// A joint recall has force where each regulator's notice does.
TEST(NoticeMarketsTest, TheIssuingRegulatorsAndAJointRecalls) {
  EXPECT_EQ(NoticeMarkets(Of(NoticeSource::kUsCpsc, {})), Markets{"US"});
  // Health Canada's current and former sites, as CPSC links them.
  EXPECT_EQ(NoticeMarkets(Of(NoticeSource::kUsCpsc, {"https://recalls-rappels.canada.ca/en/alert-recall/mga-s-miniverse"})),
            (Markets{"US", "CA"}));
  EXPECT_EQ(NoticeMarkets(Of(NoticeSource::kUsCpsc, {"http://healthycanadians.gc.ca/recall-alert-rappel-avis/hc-sc/2018/66524r-eng.php"})),
            (Markets{"US", "CA"}));
  EXPECT_EQ(NoticeMarkets(Of(NoticeSource::kCaHealthCanada, {"https://www.cpsc.gov/Recalls/2024/x", "https://www.cpsc.gov/Recalls/2024/y"})),
            (Markets{"CA", "US"}));
  // Old CPSC records name the country.
  EXPECT_EQ(NoticeMarkets(Of(NoticeSource::kUsCpsc, {}, {"Canada"})), (Markets{"US", "CA"}));
  // Health Canada's text names the CPSC (its importer's country).
  EXPECT_EQ(NoticeMarkets(Of(NoticeSource::kCaHealthCanada, {}, {"United States"})), (Markets{"CA", "US"}));
  // A company's page, or a look-alike host, is no regulator's notice.
  EXPECT_EQ(NoticeMarkets(Of(NoticeSource::kUsCpsc, {"https://www.acme.com/recall", "https://canada.ca.example.com/x"})), Markets{"US"});
  // Safety Gate's countries are member states: the EU already.
  EXPECT_EQ(NoticeMarkets(Of(NoticeSource::kEuSafetyGate, {}, {"Germany", "France"})), Markets{"EU"});
}

// A CPSC recall that links to Health Canada's notice of the same recall
// gives that notice force in the US too; the finding names the notice's
// date, measures and batches, and links to it. (Made-up notices, on the
// regulators' real hosts.)
TEST(RecallScreenTest, AJointRecallLinkedFromTheOtherRegulator) {
  Notice canada;
  canada.source = NoticeSource::kCaHealthCanada;
  canada.id = "RA-90001";
  canada.product_name = "Lumikid wooden xylophones";
  canada.brands = {"Lumikid"};
  canada.gtins = {"04006381333931"};
  canada.url = "http://healthycanadians.gc.ca/recall-alert-rappel-avis/hc-sc/2018/90001r-eng.php";
  canada.published = Date::Parse("2018-04-19").value();
  canada.measures = {"Recall"};
  canada.batch_numbers = {"2017-08"};
  canada.hazard_description = "The beater stick's ball can detach, posing a choking hazard to young children.";
  Notice us;
  us.source = NoticeSource::kUsCpsc;
  us.id = "90001";
  us.product_name = "Toy xylophones";
  us.url = "https://www.cpsc.gov/Recalls/2018/lumikid-xylophones";
  us.related_urls = {"HTTP://www.HealthyCanadians.gc.ca/recall-alert-rappel-avis/hc-sc/2018/90001r-eng.php/"};
  const RecallScreen screen({canada, us}, std::nullopt, BrandAliases());
  Listing l;
  l.listing_id = "L";
  l.title = "Lumikid wooden xylophone";
  l.brand = "Lumikid";
  l.gtin = "4006381333931";
  const auto hits = screen.Find(l);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].markets, (Markets{"CA", "US"}));
  EXPECT_TRUE(hits[0].takedown);
  EXPECT_EQ(hits[0].published, canada.published);
  EXPECT_EQ(hits[0].source_url, canada.url);
  EXPECT_TRUE(hits[0].reason.ends_with(" A joint recall, in force in CA and US.")) << hits[0].reason;
  EXPECT_EQ(hits[0].reason.rfind("Matches ca-health-canada notice RA-90001 of 2018-04-19 (Lumikid wooden xylophones, risk: "
                                 "The beater stick's ball can detach, posing a choking hazard to young children; measures: Recall; the notice "
                                 "covers batch 2017-08 only): same GTIN",
                                 0),
            0u)
      << hits[0].reason;
}

}  // namespace
}  // namespace conform::recalls
