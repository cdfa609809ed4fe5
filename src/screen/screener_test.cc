#include "conform/screen/screener.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include "conform/screen/listing_reader.h"
#include "test_data.h"

namespace conform {
namespace {

class ScreenerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    kb_ = &ShippedKnowledgeBase();
    classifier_ = &ShippedClassifier();
  }

  static ListingResult Screen(const std::string& json, const char* on = "2026-01-15") {
    auto l = ParseListingJson(json);
    EXPECT_TRUE(l.ok()) << (l.ok() ? "" : l.error().ToString());
    listing_ = l.value();
    return Screener(*kb_, *classifier_, Date::Parse(on).value()).Screen(listing_);
  }

  static const Finding* Find(const MarketVerdict& mv, const std::string& code, const std::string& requirement = "") {
    for (const Finding& f : mv.findings)
      if (f.code == code && (requirement.empty() || (f.requirement && f.requirement->id == requirement))) return &f;
    return nullptr;
  }

  static const KnowledgeBase* kb_;
  static const Classifier* classifier_;
  static Listing listing_;
};
const KnowledgeBase* ScreenerTest::kb_ = nullptr;
const Classifier* ScreenerTest::classifier_ = nullptr;
Listing ScreenerTest::listing_;

// A power bank made in China with complete EU listing information.
const std::string kPowerBank =
    R"({"listing_id":"L1","seller_id":"S1","title":"20000mAh power bank","category":"power_bank","model":"PB-20",)"
    R"("attributes":{"radio":false,"connectable":false,"input_voltage_dc":5},"image_count":2,"warnings_languages":["de","fr"],)"
    R"("manufacturer":{"name":"X Co.","address":"1 Road, Shenzhen","country":"CN","email":"a@x.cn"},)"
    R"("eu_responsible_person":{"name":"X GmbH","address":"Hauptstr. 1, Berlin","email":"rp@x.de"},)";

TEST_F(ScreenerTest, EveryCheckedListingDutyExistsInThePacks) {
  for (const auto& id : Screener::CheckedListingDuties()) EXPECT_NE(kb_->FindRequirement(id), nullptr) << id;
}

TEST_F(ScreenerTest, CompleteEvidencePasses) {
  const auto r = Screen(kPowerBank + R"("target_markets":["EU"],"evidence":[)"
                                     R"({"kind":"eu_declaration_of_conformity","models":["PB-20"],"legal_acts":["Directive 2014/30/EU","Directive 2011/65/EU","Regulation (EU) 2023/1542"]}]})");
  ASSERT_EQ(r.markets.size(), 1u);
  const MarketVerdict& eu = r.markets[0];
  for (const Finding& f : eu.findings) EXPECT_LE(f.severity, Severity::kInfo) << f.code << " " << f.reason;
  EXPECT_EQ(eu.verdict, Verdict::kPass);
  EXPECT_NE(Find(eu, "EVIDENCE_OK", "EU-EMC"), nullptr);
  EXPECT_NE(Find(eu, "EVIDENCE_OK", "EU-ROHS-PHTHALATES"), nullptr);  // covered through the act it amends
}

TEST_F(ScreenerTest, MissingExpiredAndMismatchedEvidenceBlock) {
  const auto r = Screen(kPowerBank + R"("target_markets":["EU","CN"],"evidence":[)"
                                     R"({"kind":"eu_declaration_of_conformity","models":["PB-10"]},)"
                                     R"({"kind":"ccc_certificate","standards":["GB 4943.1-2011","GB 31241-2022"]}]})");
  const MarketVerdict& eu = r.markets[0];
  EXPECT_EQ(eu.verdict, Verdict::kBlock);
  const Finding* emc = Find(eu, "EVIDENCE_SCOPE_MISMATCH", "EU-EMC");
  ASSERT_NE(emc, nullptr);
  EXPECT_NE(emc->reason.find("not the listed model PB-20"), std::string::npos) << emc->reason;
  const MarketVerdict& cn = r.markets[1];
  const Finding* ccc = Find(cn, "EVIDENCE_SCOPE_MISMATCH", "CN-CCC-POWER-BANK");
  ASSERT_NE(ccc, nullptr);
  EXPECT_NE(ccc->reason.find("GB 4943.1-2011"), std::string::npos) << ccc->reason;
  EXPECT_EQ(cn.verdict, Verdict::kBlock);

  const auto expired = Screen(kPowerBank + R"("target_markets":["CN"],"evidence":[{"kind":"ccc_certificate","expires":"2025-12-31"}]})");
  EXPECT_NE(Find(expired.markets[0], "EVIDENCE_EXPIRED", "CN-CCC-POWER-BANK"), nullptr);
  const auto early = Screen(kPowerBank + R"("target_markets":["CN"],"evidence":[{"kind":"ccc_certificate","issued":"2026-02-01"}]})");
  EXPECT_NE(Find(early.markets[0], "EVIDENCE_NOT_YET_VALID", "CN-CCC-POWER-BANK"), nullptr);
  const auto ok = Screen(kPowerBank + R"("target_markets":["CN"],"evidence":[{"kind":"ccc_certificate","number":"2024010907000001","expires":"2027-12-31"}]})");
  EXPECT_NE(Find(ok.markets[0], "EVIDENCE_OK", "CN-CCC-POWER-BANK"), nullptr);
  EXPECT_EQ(ok.markets[0].verdict, Verdict::kPass);
  // A kind alone, with no number, act or standard, is not a document.
  const auto bare = Screen(kPowerBank + R"("target_markets":["CN"],"evidence":[{"kind":"ccc_certificate","expires":"2027-12-31"}]})");
  const Finding* claim = Find(bare.markets[0], "EVIDENCE_UNVERIFIABLE", "CN-CCC-POWER-BANK");
  ASSERT_NE(claim, nullptr);
  EXPECT_EQ(claim->severity, Severity::kReview);
  EXPECT_NE(claim->reason.find("gives no number, legal act or standard"), std::string::npos) << claim->reason;
}

TEST_F(ScreenerTest, AStandardsEditionIsCheckedHoweverItsDesignationIsWritten) {
  // A CCC certificate for a kettle, on either side of the day GB/T
  // 4706.1-2024 replaced GB 4706.1-2005; until then either edition served.
  const auto kettle = [](const char* standard, const char* on) {
    return Screen(std::string(R"({"listing_id":"K1","seller_id":"S1","title":"Electric kettle 1.8 L","category":"household_appliance",)") +
                      R"("model":"K1","attributes":{"input_voltage_ac":220,"radio":false},"target_markets":["CN"],)" +
                      R"("evidence":[{"kind":"ccc_certificate","models":["K1"],"issued":"2025-01-01","standards":[")" + standard + R"("]}]})",
                  on);
  };
  for (const char* old_edition : {"GB 4706.1-2005", "GB/T 4706.1-2005"}) {
    const auto after = kettle(old_edition, "2026-08-01");
    const Finding* f = Find(after.markets[0], "EVIDENCE_SCOPE_MISMATCH", "CN-CCC-APPLIANCE");
    ASSERT_NE(f, nullptr) << old_edition;
    EXPECT_NE(f->reason.find("the requirement names edition GB/T 4706.1:2024"), std::string::npos) << f->reason;
    EXPECT_NE(Find(kettle(old_edition, "2026-07-31").markets[0], "EVIDENCE_OK", "CN-CCC-APPLIANCE-2009"), nullptr) << old_edition;
  }
  for (const char* new_edition : {"GB/T 4706.1-2024", "GB 4706.1-2024"}) {
    EXPECT_NE(Find(kettle(new_edition, "2026-07-31").markets[0], "EVIDENCE_OK", "CN-CCC-APPLIANCE-2009"), nullptr) << new_edition;
    EXPECT_NE(Find(kettle(new_edition, "2026-08-01").markets[0], "EVIDENCE_OK", "CN-CCC-APPLIANCE"), nullptr) << new_edition;
  }
  // A national adoption of an EN is the EN.
  const auto toy = [](const char* standard) {
    return Screen(std::string(R"({"listing_id":"T1","seller_id":"S1","title":"Wooden toy train","category":"toy","model":"T1",)") +
                  R"("attributes":{"intended_age_max":8},"target_markets":["EU"],)" +
                  R"("evidence":[{"kind":"eu_declaration_of_conformity","models":["T1"],"legal_acts":["Directive 2009/48/EC"],"standards":[")" +
                  standard + R"("]}]})");
  };
  for (const char* adoption : {"EN 71-3:2013", "DIN EN 71-3:2013", "BS EN 71-3:2013", "UNE-EN 71-3:2013"}) {
    bool mismatch = false;
    const auto result = toy(adoption);
    for (const Finding& f : result.markets[0].findings)
      mismatch = mismatch || (std::string_view(f.code) == "EVIDENCE_SCOPE_MISMATCH" && f.reason.find("names edition") != std::string::npos);
    EXPECT_TRUE(mismatch) << adoption;
  }
}

TEST_F(ScreenerTest, AMarketNamedTwiceIsScreenedOnce) {
  const auto r = Screen(kPowerBank + R"("target_markets":["EU","eu","GB","UK"]})");
  ASSERT_EQ(r.markets.size(), 2u);
  EXPECT_EQ(r.markets[0].market, "EU");
  EXPECT_EQ(r.markets[1].market, "UK");
}

// A listing for a member state is screened against the EU pack, once
// however many member states it names; a neighbour outside the EU is not.
TEST_F(ScreenerTest, AMemberStateIsScreenedAsTheEu) {
  const auto r = Screen(kPowerBank + R"("target_markets":["DE","fr","EL","NO"]})");
  ASSERT_EQ(r.markets.size(), 2u);
  EXPECT_EQ(r.markets[0].market, "EU");
  EXPECT_EQ(Find(r.markets[0], "MARKET_UNKNOWN", ""), nullptr);
  EXPECT_EQ(r.markets[1].market, "NO");
  EXPECT_NE(Find(r.markets[1], "MARKET_UNKNOWN", ""), nullptr);
}

TEST_F(ScreenerTest, EvidenceFiledForAnotherMarketIsSaidSo) {
  const auto r = Screen(kPowerBank + R"("target_markets":["CN"],"evidence":[{"kind":"ccc_certificate","number":"2024011","markets":["EU"]}]})");
  const Finding* f = Find(r.markets[0], "EVIDENCE_MISSING", "CN-CCC-POWER-BANK");
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->reason.find("The ccc_certificate 2024011 supplied is filed for EU only, not CN."), std::string::npos) << f->reason;
}

TEST_F(ScreenerTest, ACountryOrLanguageThatIsNotACodeIsAskedAboutNotJudged) {
  const auto screen = [](const char* country, const char* languages) {
    return Screen(fmt::format(R"({{"listing_id":"L1","seller_id":"S1","title":"Wooden toy train","category":"toy","model":"T1","image_count":2,)"
                              R"("attributes":{{"intended_age_max":8}},"warnings_languages":{},)"
                              R"("manufacturer":{{"name":"X","address":"1 Road","country":"{}","email":"a@x.example"}},"target_markets":["EU"]}})",
                              languages, country));
  };
  const auto germany = screen("Germany", R"(["German"])");
  EXPECT_EQ(Find(germany.markets[0], "GPSR_RESPONSIBLE_PERSON_MISSING"), nullptr);
  EXPECT_NE(Find(germany.markets[0], "GPSR_MANUFACTURER_COUNTRY_INVALID"), nullptr);
  EXPECT_EQ(Find(germany.markets[0], "GPSR_WARNINGS_LANGUAGE_MISSING"), nullptr);
  EXPECT_NE(Find(germany.markets[0], "GPSR_WARNINGS_LANGUAGE_INVALID"), nullptr);
  // Codes as written: trimmed, any case; Greece as the EU writes it.
  for (const char* member : {"DE", "de", " FR ", "EL", "GR"}) {
    const auto r = screen(member, R"(["de"])");
    EXPECT_EQ(Find(r.markets[0], "GPSR_RESPONSIBLE_PERSON_MISSING"), nullptr) << member;
    EXPECT_EQ(Find(r.markets[0], "GPSR_MANUFACTURER_COUNTRY_INVALID"), nullptr) << member;
  }
  EXPECT_NE(Find(screen("CN", R"(["de"])").markets[0], "GPSR_RESPONSIBLE_PERSON_MISSING"), nullptr);
}

TEST_F(ScreenerTest, VerdictFollowsTheLawsDate) {
  const std::string l = kPowerBank + R"("target_markets":["CN"]})";
  EXPECT_EQ(Find(Screen(l, "2024-07-31").markets[0], "EVIDENCE_MISSING", "CN-CCC-POWER-BANK"), nullptr);
  EXPECT_NE(Find(Screen(l, "2024-08-01").markets[0], "EVIDENCE_MISSING", "CN-CCC-POWER-BANK"), nullptr);
}

TEST_F(ScreenerTest, UnverifiedCredentialsNeedReview) {
  const auto r = Screen(kPowerBank + R"("target_markets":["CN"],"evidence":[{"kind":"ccc_certificate","credential":"vc/ccc.json"}]})");
  const Finding* f = Find(r.markets[0], "EVIDENCE_UNVERIFIABLE", "CN-CCC-POWER-BANK");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(r.markets[0].verdict, Verdict::kNeedsReview);
}

TEST_F(ScreenerTest, GpsrListingInformation) {
  const auto r = Screen(R"({"listing_id":"L","seller_id":"S","title":"USB charger 5V 2A","category":"charger","image_count":0,)"
                        R"("attributes":{"input_voltage_ac":230,"radio":false},"manufacturer":{"name":"X","country":"CN"},"target_markets":["EU"]})");
  const MarketVerdict& eu = r.markets[0];
  EXPECT_EQ(eu.verdict, Verdict::kBlock);
  for (const char* code : {"GPSR_MANUFACTURER_MISSING", "GPSR_RESPONSIBLE_PERSON_MISSING", "GPSR_IDENTIFIER_MISSING",
                           "GPSR_PICTURE_MISSING", "GPSR_WARNINGS_LANGUAGE_UNKNOWN"})
    EXPECT_NE(Find(eu, code, "EU-GPSR-DISTANCE-SALES"), nullptr) << code;
  // Before the GPSR applied there was no such duty.
  EXPECT_EQ(Find(Screen(R"({"listing_id":"L","seller_id":"S","title":"USB charger","category":"charger","target_markets":["EU"]})",
                        "2024-12-12").markets[0], "GPSR_IDENTIFIER_MISSING"), nullptr);
  // A manufacturer in the Union needs no responsible person.
  const auto de = Screen(R"({"listing_id":"L","seller_id":"S","title":"USB charger","category":"charger","model":"C1",)"
                         R"("manufacturer":{"name":"X","address":"Berlin","email":"x@x.de","country":"DE"},"target_markets":["EU"]})");
  EXPECT_EQ(Find(de.markets[0], "GPSR_RESPONSIBLE_PERSON_MISSING"), nullptr);
  EXPECT_EQ(Find(de.markets[0], "GPSR_MANUFACTURER_MISSING"), nullptr);
}

TEST_F(ScreenerTest, ClaimsAreChecked) {
  const auto r = Screen(R"({"listing_id":"L","seller_id":"S","title":"USB charger","category":"charger","target_markets":["EU","US"],)"
                        R"("claims":["UKCA","FDA approved","FCC"]})");
  EXPECT_NE(Find(r.markets[0], "MARK_NOT_RECOGNISED"), nullptr);
  EXPECT_NE(Find(r.markets[0], "MISLEADING_CLAIM"), nullptr);
  EXPECT_NE(Find(r.markets[0], "CLAIM_UNSUPPORTED"), nullptr);
  EXPECT_EQ(Find(r.markets[1], "MARK_NOT_RECOGNISED"), nullptr);
}

TEST_F(ScreenerTest, BadListingDetailsBecomeReviewFindings) {
  const auto r = Screen(R"({"listing_id":"L","seller_id":"S","title":"thing","category":"gadget","attributes":{"voltage":230,"radio":"maybe"},)"
                        R"("target_markets":["EU","XX"]})");
  const MarketVerdict& eu = r.markets[0];
  EXPECT_NE(Find(eu, "UNKNOWN_CATEGORY"), nullptr);
  EXPECT_NE(Find(eu, "UNKNOWN_ATTRIBUTE"), nullptr);
  EXPECT_NE(Find(eu, "INVALID_ATTRIBUTE"), nullptr);
  EXPECT_NE(Find(eu, "CATEGORY_UNKNOWN"), nullptr);
  EXPECT_EQ(eu.verdict, Verdict::kNeedsReview);
  EXPECT_NE(Find(r.markets[1], "MARKET_UNKNOWN"), nullptr);
}

TEST_F(ScreenerTest, ConditionalRequirementsNeedReviewNotBlock) {
  // Radio unstated: RED may apply; the text says nothing about radio.
  const auto r = Screen(R"({"listing_id":"L","seller_id":"S","title":"desk fan","category":"household_appliance","model":"F1",)"
                        R"("attributes":{"input_voltage_ac":230},"target_markets":["CN"]})");
  const Finding* f = Find(r.markets[0], "EVIDENCE_MISSING", "CN-SRRC");
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(f->conditional);
  EXPECT_EQ(f->severity, Severity::kReview);
}

// A product its category's implied values do not fit (a lunch box for
// 110 V, gloves with a battery) may need another category's rules: it is
// asked about, not passed on the category's rules alone.
TEST_F(ScreenerTest, AProductUnlikeItsCategoryIsAskedAbout) {
  const auto lunch = Screen(R"({"listing_id":"L","seller_id":"S","title":"Electric Lunch Box 12V/24V/110V Heated Food Warmer","model":"F1",)"
                            R"("target_markets":["US"]})");
  ASSERT_EQ(kb_->vocabulary().category(lunch.classification.category).name, "food_contact");
  const Finding* f = Find(lunch.markets[0], "CATEGORY_UNLIKE_PRODUCT", "");
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->reason.find("input_voltage_ac=110 where food_contact means 0"), std::string::npos) << f->reason;
  EXPECT_GE(lunch.markets[0].verdict, Verdict::kNeedsReview);
  const auto gloves = Screen(R"({"listing_id":"L","seller_id":"S","title":"Women's Heated Gloves","category":"textile",)"
                             R"("attributes":{"battery":"li_ion"},"model":"G1","target_markets":["US"]})");
  EXPECT_NE(Find(gloves.markets[0], "CATEGORY_UNLIKE_PRODUCT", ""), nullptr);
  const auto mug = Screen(R"({"listing_id":"L","seller_id":"S","title":"Ceramic Coffee Mug 350ml","model":"M1","target_markets":["US"]})");
  EXPECT_EQ(Find(mug.markets[0], "CATEGORY_UNLIKE_PRODUCT", ""), nullptr);
  // Electrical, the supply unnamed: a mug warmer is not passed as a mug.
  const auto warmer = Screen(R"({"listing_id":"L","seller_id":"S","title":"Coffee Mug Warmer Electric 20W","model":"W1",)"
                             R"("target_markets":["EU"]})");
  ASSERT_EQ(kb_->vocabulary().category(warmer.classification.category).name, "food_contact");
  f = Find(warmer.markets[0], "CATEGORY_UNLIKE_PRODUCT", "");
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->reason.find("electrical=true where food_contact means false"), std::string::npos) << f->reason;
  EXPECT_GE(warmer.markets[0].verdict, Verdict::kNeedsReview);
}

// A toy whose text says it is electric, its supply not given, needs the
// electrical rules outright, not "if it has a battery".
TEST_F(ScreenerTest, AnElectricToyNeedsTheElectricalRules) {
  const auto train = Screen(R"({"listing_id":"L","seller_id":"S","title":"Electric Train Set for Kids 3+","model":"T1",)"
                            R"("target_markets":["EU"]})", "2026-06-01");
  ASSERT_EQ(kb_->vocabulary().category(train.classification.category).name, "toy");
  const Finding* f = Find(train.markets[0], "EVIDENCE_MISSING", "EU-ROHS");
  ASSERT_NE(f, nullptr);
  EXPECT_FALSE(f->conditional);
  EXPECT_EQ(f->severity, Severity::kBlock);
}

// A mistyped barcode identifies nothing: when it is the offer's only
// identifier, GPSR Art. 19(c) is not met.
TEST_F(ScreenerTest, AMistypedGtinAloneIsNoGpsrIdentifier) {
  const auto alone = Screen(R"({"listing_id":"L","seller_id":"S","title":"Ceramic Coffee Mug 350ml","gtin":"4006381333932",)"
                            R"("target_markets":["EU"]})");
  const Finding* f = Find(alone.markets[0], "GPSR_IDENTIFIER_INVALID", "");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::kBlock);
  // Nor does a cut-off barcode.
  const auto short_code = Screen(R"({"listing_id":"L","seller_id":"S","title":"Ceramic Coffee Mug 350ml","gtin":"4006381",)"
                                 R"("target_markets":["EU"]})");
  const Finding* c = Find(short_code.markets[0], "GPSR_IDENTIFIER_INVALID", "");
  ASSERT_NE(c, nullptr);
  EXPECT_NE(c->reason.find("'4006381' in its gtin field, is no GTIN"), std::string::npos) << c->reason;
  // A marketplace's own number in the gtin field is a valid number, but
  // of a page, not of the product in hand: no identifier is shown.
  for (const char* gtin : {"B0CHYPVWHV", "B0 CHY PVW HV"}) {
    const auto asin = Screen(fmt::format(R"({{"listing_id":"L","seller_id":"S","title":"Ceramic Coffee Mug 350ml","gtin":"{}",)"
                                         R"("target_markets":["EU"]}})", gtin));
    const Finding* a = Find(asin.markets[0], "GPSR_IDENTIFIER_MISSING", "");
    ASSERT_NE(a, nullptr) << gtin;
    EXPECT_EQ(a->severity, Severity::kBlock);
    EXPECT_NE(a->reason.find("Amazon's catalogue number (ASIN B0CHYPVWHV)"), std::string::npos) << a->reason;
    EXPECT_EQ(Find(asin.markets[0], "GPSR_IDENTIFIER_INVALID", ""), nullptr);
    EXPECT_NE(Find(asin.markets[0], "GTIN_INVALID", ""), nullptr);
  }
  const auto valid = Screen(R"({"listing_id":"L","seller_id":"S","title":"Ceramic Coffee Mug 350ml","gtin":"4006381333931",)"
                            R"("target_markets":["EU"]})");
  EXPECT_EQ(Find(valid.markets[0], "GPSR_IDENTIFIER_INVALID", ""), nullptr);
  EXPECT_EQ(Find(valid.markets[0], "GPSR_IDENTIFIER_MISSING", ""), nullptr);
  const auto with_model = Screen(R"({"listing_id":"L","seller_id":"S","title":"Ceramic Coffee Mug 350ml","gtin":"4006381333932",)"
                                 R"("model":"M1","target_markets":["EU"]})");
  EXPECT_EQ(Find(with_model.markets[0], "GPSR_IDENTIFIER_INVALID", ""), nullptr);
}

// A date before a pack answers in full is said, not passed over: acts
// replaced since may be missing.
TEST_F(ScreenerTest, ADateBeforeThePackAnswersInFullIsPointedOut) {
  const std::string mug = R"({"listing_id":"L","seller_id":"S","title":"Ceramic Coffee Mug 350ml","model":"M1","target_markets":["EU"]})";
  const auto old = Screen(mug, "2015-06-01");
  const Finding* f = Find(old.markets[0], "DATE_NOT_COVERED", "");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::kWarn);
  EXPECT_NE(f->reason.find("from 2021-09-01"), std::string::npos) << f->reason;
  EXPECT_EQ(Find(Screen(mug, "2026-06-01").markets[0], "DATE_NOT_COVERED", ""), nullptr);
}

// A barcode that fails its check digit is pointed out; one that lost its
// leading zeros in a spreadsheet is still itself.
TEST_F(ScreenerTest, AMistypedGtinIsPointedOut) {
  const auto bad = Screen(R"({"listing_id":"L","seller_id":"S","title":"Scented candle","gtin":"4006381333932","target_markets":["EU"]})");
  const Finding* f = Find(bad.markets[0], "GTIN_INVALID", "");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::kWarn);
  EXPECT_NE(f->reason.find("should be 1"), std::string::npos) << f->reason;
  const auto good = Screen(R"({"listing_id":"L","seller_id":"S","title":"Scented candle","gtin":"4006381333931","target_markets":["EU"]})");
  EXPECT_EQ(Find(good.markets[0], "GTIN_INVALID", ""), nullptr);
  const auto unpadded = Screen(R"({"listing_id":"L","seller_id":"S","title":"Scented candle","gtin":"36000291452","target_markets":["EU"]})");
  EXPECT_EQ(Find(unpadded.markets[0], "GTIN_INVALID", ""), nullptr);
  // A marketplace's own number in the gtin field: the listing is screened,
  // and the field pointed out; alone, it identifies no product.
  const auto asin = Screen(R"({"listing_id":"L","seller_id":"S","title":"Scented candle","gtin":"B0CHYPVWHV","target_markets":["EU"]})");
  const Finding* g = Find(asin.markets[0], "GTIN_INVALID", "");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->severity, Severity::kWarn);
  EXPECT_EQ(g->reason, "The gtin field holds no GTIN (field 'gtin': 'B0CHYPVWHV' is not all digits).");
}

// A stated attribute stands, but a title that says otherwise is pointed out;
// a title that denies the feature is not.
TEST_F(ScreenerTest, AStatedAttributeTheTextContradictsIsAskedAbout) {
  const auto r = Screen(R"({"listing_id":"L","seller_id":"S","title":"Bluetooth 5.3 Wireless Earbuds TWS","model":"E1",)"
                        R"("category":"consumer_electronics","attributes":{"radio":false},"target_markets":["EU"]})");
  const Finding* f = Find(r.markets[0], "ATTRIBUTE_CONTRADICTED", "");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::kWarn);
  EXPECT_NE(f->reason.find("states radio=false, but its title: 'bluetooth' says true"), std::string::npos) << f->reason;
  const auto agreed = Screen(R"({"listing_id":"L","seller_id":"S","title":"Bluetooth 5.3 Wireless Earbuds TWS","model":"E1",)"
                             R"("category":"consumer_electronics","attributes":{"radio":true},"target_markets":["EU"]})");
  EXPECT_EQ(Find(agreed.markets[0], "ATTRIBUTE_CONTRADICTED", ""), nullptr);
  const auto denied = Screen(R"({"listing_id":"L","seller_id":"S","title":"Wired Headphones, No Bluetooth","model":"E1",)"
                             R"("category":"consumer_electronics","attributes":{"radio":false},"target_markets":["EU"]})");
  EXPECT_EQ(Find(denied.markets[0], "ATTRIBUTE_CONTRADICTED", ""), nullptr);
}

// A requirement of a category only guessed at may not apply at all: what it
// would block is for a person to confirm. A confident guess still blocks.
TEST_F(ScreenerTest, AGuessedCategorysRequirementsAreReviewedNotBlocked) {
  const auto guessed = Screen(R"({"listing_id":"L","seller_id":"S","title":"Smart Mirror 60cm","model":"W1",)"
                              R"("target_markets":["US"]})");
  ASSERT_EQ(guessed.classification.source, Classification::Source::kInferred);
  ASSERT_LT(guessed.classification.confidence, Classifier::kConfidentAt);
  const Finding* f = Find(guessed.markets[0], "EVIDENCE_MISSING", "US-FCC-15B-SDOC");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::kReview);
  EXPECT_NE(f->reason.find("only guessed"), std::string::npos) << f->reason;

  const auto confident = Screen(R"({"listing_id":"L","seller_id":"S","title":"Smart Watch Bluetooth Heart Rate Wi-Fi","model":"W1",)"
                                R"("target_markets":["US"]})");
  ASSERT_GE(confident.classification.confidence, Classifier::kConfidentAt);
  const Finding* g = Find(confident.markets[0], "EVIDENCE_MISSING", "US-FCC-15B-SDOC");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->severity, Severity::kBlock);
}

}  // namespace
}  // namespace conform

#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "conform/screen/credential_evidence.h"

namespace conform {
namespace {

// A CCC certificate given as a digital credential counts once it verifies
// against a trust list; a credential from an unaccredited issuer does not.
TEST_F(ScreenerTest, VerifiedCredentialsCountAsEvidence) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("conform_vc_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const SigningKey cb = GenerateSigningKey(), anchor = GenerateSigningKey(), rogue = GenerateSigningKey();
  const int64_t now = ParseDateTime("2026-01-15T12:00:00Z").value();
  IssueOptions o;
  o.created = now - 86400;
  const auto issue = [&](const SigningKey& key, const char* file) {
    auto vc = IssueCredential(R"({"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],)"
                              R"("credentialSubject":{"scheme":"CCC","referenceStandard":"GB 31241-2022"}})",
                              key, o);
    ASSERT_TRUE(vc.ok());
    std::ofstream(dir / file) << vc.value();
  };
  issue(cb, "ccc.json");
  issue(rogue, "rogue.json");
  auto list = IssueCredential(fmt::format(R"({{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential","TrustList"],)"
                                          R"("credentialSubject":{{"type":"TrustList","accreditationBodies":[{{"id":"did:example:cnas"}}],)"
                                          R"("accreditations":[{{"certificationBody":"{}","accreditedBy":"did:example:cnas","scope":{{"schemes":["CCC"]}}}}]}}}})",
                                          cb.did()),
                              anchor, o);
  ASSERT_TRUE(list.ok());
  auto trust = LoadTrustList(list.value(), {anchor.did()});
  ASSERT_TRUE(trust.ok());
  VerifyContext ctx;
  ctx.now = now;
  const CredentialEvidence credentials(dir.string(), trust.value(), ctx);
  const Screener screener(*kb_, *classifier_, Date::Parse("2026-01-15").value(), true, &credentials);
  const auto screen = [&](const char* file) {
    auto l = ParseListingJson(kPowerBank + fmt::format(R"("target_markets":["CN"],"evidence":[{{"kind":"ccc_certificate","credential":"{}"}}]}})", file));
    EXPECT_TRUE(l.ok());
    return screener.Screen(l.value());
  };
  const auto good = screen("ccc.json");
  const Finding* ok = Find(good.markets[0], "EVIDENCE_OK", "CN-CCC-POWER-BANK");
  ASSERT_NE(ok, nullptr);
  EXPECT_NE(ok->reason.find("verified"), std::string::npos) << ok->reason;
  EXPECT_EQ(good.markets[0].verdict, Verdict::kPass);
  // Kept: the finding points into the verdict.
  const auto rogue_verdict = screen("rogue.json");
  const Finding* bad = Find(rogue_verdict.markets[0], "EVIDENCE_UNVERIFIABLE", "CN-CCC-POWER-BANK");
  ASSERT_NE(bad, nullptr);
  EXPECT_NE(bad->reason.find("trust check"), std::string::npos) << bad->reason;
  EXPECT_NE(Find(screen("missing.json").markets[0], "EVIDENCE_UNVERIFIABLE", "CN-CCC-POWER-BANK"), nullptr);
  fs::remove_all(dir);
}

// Notices as the recalls layer would give them, whatever the listing.
class FixedRecalls : public RecallLookup {
 public:
  explicit FixedRecalls(std::vector<RecallHit> hits) : hits_(std::move(hits)) {}
  std::vector<RecallHit> Find(const Listing&) const override { return hits_; }

 private:
  std::vector<RecallHit> hits_;
};

// A recall has force in its regulator's market; elsewhere an identified
// recalled product is a warning, and a possible one is not mentioned.
TEST_F(ScreenerTest, ARecallElsewhereIsAWarning) {
  const FixedRecalls recalls({{{"US"}, true, "Matches us-cpsc notice 26101 (Power banks, risk: Fire): same GTIN 04006381333931.", std::nullopt, {}},
                              {{"CA"}, false, "Matches ca-health-canada notice RA-1 (Power banks): brand and description agree.", std::nullopt, {}}});
  auto l = ParseListingJson(kPowerBank + R"("target_markets":["EU","US","CA"]})");
  ASSERT_TRUE(l.ok());
  Screener screener(*kb_, *classifier_, Date::Parse("2026-01-15").value());
  screener.set_recalls(&recalls);
  const ListingResult r = screener.Screen(l.value());
  ASSERT_EQ(r.markets.size(), 3u);
  const MarketVerdict &eu = r.markets[0], &us = r.markets[1], &ca = r.markets[2];

  const Finding* here = Find(us, "RECALLED_PRODUCT");
  ASSERT_NE(here, nullptr);
  EXPECT_EQ(here->severity, Severity::kBlock);
  EXPECT_EQ(us.verdict, Verdict::kBlock);
  EXPECT_EQ(Find(us, "RECALLED_ELSEWHERE"), nullptr);

  const Finding* elsewhere = Find(eu, "RECALLED_ELSEWHERE");
  ASSERT_NE(elsewhere, nullptr);
  EXPECT_EQ(elsewhere->severity, Severity::kWarn);
  EXPECT_EQ(elsewhere->reason.rfind("A recall in US, which has no force in EU: Matches us-cpsc notice 26101", 0), 0u) << elsewhere->reason;
  EXPECT_EQ(Find(eu, "RECALLED_PRODUCT"), nullptr);
  // The review in Canada is Canada's alone.
  const Finding* review = Find(ca, "RECALLED_PRODUCT");
  ASSERT_NE(review, nullptr);
  EXPECT_EQ(review->severity, Severity::kReview);
  EXPECT_NE(Find(ca, "RECALLED_ELSEWHERE"), nullptr);  // the US takedown
  size_t in_eu = 0;
  for (const Finding& f : eu.findings) in_eu += std::string_view(f.code) == "RECALLED_ELSEWHERE";
  EXPECT_EQ(in_eu, 1u);

  // A joint recall has force in both markets.
  const FixedRecalls joint({{{"US", "CA"}, true, "Matches us-cpsc notice 26647 (Projectors): same model code GV31.", std::nullopt, {}}});
  screener.set_recalls(&joint);
  const ListingResult both = screener.Screen(l.value());
  EXPECT_EQ(Find(both.markets[1], "RECALLED_PRODUCT")->severity, Severity::kBlock);
  EXPECT_EQ(Find(both.markets[2], "RECALLED_PRODUCT")->severity, Severity::kBlock);
  EXPECT_EQ(Find(both.markets[2], "RECALLED_ELSEWHERE"), nullptr);
  ASSERT_NE(Find(both.markets[0], "RECALLED_ELSEWHERE"), nullptr);
  EXPECT_EQ(Find(both.markets[0], "RECALLED_ELSEWHERE")->reason.rfind("A recall in US and CA, which has no force in EU", 0), 0u);
}

// A notice published after the date screened for is not yet a recall; the
// findings link to the notice's page.
TEST_F(ScreenerTest, ARecallCountsFromItsDate) {
  RecallHit hit{{"US"}, true, "Matches us-cpsc notice 90002 of 2026-03-02 (Power banks): same GTIN 04006381333931.", std::nullopt, {}};
  hit.published = Date::Parse("2026-03-02").value();
  hit.source_url = "https://www.cpsc.gov/Recalls/2026/power-banks-90002";
  const FixedRecalls recalls({hit});
  auto l = ParseListingJson(kPowerBank + R"("target_markets":["US","EU"]})");
  ASSERT_TRUE(l.ok());
  for (const char* on : {"2026-03-01", "2026-03-02", "2026-06-01"}) {
    Screener screener(*kb_, *classifier_, Date::Parse(on).value());
    screener.set_recalls(&recalls);
    const ListingResult r = screener.Screen(l.value());
    const bool published = std::string_view(on) >= "2026-03-02";
    const Finding* here = Find(r.markets[0], "RECALLED_PRODUCT");
    EXPECT_EQ(here != nullptr, published) << on;
    EXPECT_EQ(Find(r.markets[1], "RECALLED_ELSEWHERE") != nullptr, published) << on;
    if (here != nullptr) { EXPECT_EQ(here->source_url, "https://www.cpsc.gov/Recalls/2026/power-banks-90002"); }
  }
}

// A market without a rule pack is not said to be one where the recall has
// no force: Safety Gate's EEA countries and Northern Ireland may be.
TEST_F(ScreenerTest, ARecallsForceInAMarketWithoutAPackIsNotAsserted) {
  const FixedRecalls recalls({{{"EU"}, true, "Matches eu-safety-gate notice A12/90001/24 (Power banks): same GTIN 04006381333931.", std::nullopt, {}}});
  auto l = ParseListingJson(kPowerBank + R"("target_markets":["NO"]})");
  ASSERT_TRUE(l.ok());
  Screener screener(*kb_, *classifier_, Date::Parse("2026-01-15").value());
  screener.set_recalls(&recalls);
  const ListingResult r = screener.Screen(l.value());
  const Finding* f = Find(r.markets[0], "RECALLED_ELSEWHERE");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->reason.rfind("A recall in EU, whose force in NO conform does not know (no rule pack): ", 0), 0u) << f->reason;
}

// Two notices of one joint recall: where one has force and takes the
// listing down, the other is not said to have no force there.
TEST_F(ScreenerTest, AJointRecallsOtherNoticeIsNoWarningWhereTheRecallHasForce) {
  const FixedRecalls recalls({{{"CA"}, true, "Matches ca-health-canada notice RA-1 (Xylophones): same GTIN 00036000291452.", std::nullopt, {}},
                              {{"US", "CA"}, true, "Matches us-cpsc notice 90001 (Xylophones): same GTIN 00036000291452.", std::nullopt, {}}});
  auto l = ParseListingJson(kPowerBank + R"("target_markets":["US","CA"]})");
  ASSERT_TRUE(l.ok());
  Screener screener(*kb_, *classifier_, Date::Parse("2026-01-15").value());
  screener.set_recalls(&recalls);
  const ListingResult r = screener.Screen(l.value());
  EXPECT_EQ(Find(r.markets[0], "RECALLED_PRODUCT")->severity, Severity::kBlock);
  EXPECT_EQ(Find(r.markets[0], "RECALLED_ELSEWHERE"), nullptr);
}

}  // namespace
}  // namespace conform
