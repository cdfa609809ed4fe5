#include "conform/recalls/recall_screen.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace conform::recalls
