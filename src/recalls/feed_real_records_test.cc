// Real recall records, imported as the regulators published them
// (tests/data/recalls/README.md says where each was taken from). What a
// notice must hold is read from its record: these records, not the
// importers, are the authority.
#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "conform/recalls/feed_import.h"
#include "test_feeds.h"

namespace conform {
namespace {

using Json = nlohmann::json;
using Strings = std::vector<std::string>;

std::string Day(const std::optional<Date>& d) { return d ? d->ToString() : "none"; }

// A fixture's records, parsed here independently of the importers.
Json FixtureRecords(const std::string& name) { return Json::parse(RecallFixture(name)); }

std::string TextOf(const Json& object, const char* key) {
  const auto it = object.find(key);
  return it == object.end() || it->is_null() ? "" : it->get<std::string>();
}

// `key` of each object of array `array` of a CPSC record, repeats and
// empty values left out.
Strings ValuesOf(const Json& record, const char* array, const char* key, Strings out = {}) {
  const auto a = record.find(array);
  if (a == record.end() || a->is_null()) return out;
  for (const Json& e : *a) {
    const std::string v = TextOf(e, key);
    if (!v.empty() && std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  }
  return out;
}

// The fields every CPSC record gives the same way, each read from the
// record: its recalls have one product and one hazard, and an empty
// HazardType.
void ExpectCpscFieldsOfRecord(const Json& r, const Notice& n) {
  SCOPED_TRACE("RecallNumber " + TextOf(r, "RecallNumber"));
  EXPECT_EQ(n.source, NoticeSource::kUsCpsc);
  EXPECT_EQ(n.title, TextOf(r, "Title"));
  EXPECT_EQ(n.url, TextOf(r, "URL"));
  EXPECT_EQ(n.description, TextOf(r, "Description"));  // Products[].Description is empty
  EXPECT_EQ(Day(n.published), TextOf(r, "RecallDate").substr(0, 10));
  EXPECT_EQ(Day(n.updated), TextOf(r, "LastPublishDate").substr(0, 10));
  ASSERT_EQ(r["Products"].size(), 1u);
  EXPECT_EQ(n.product_name, TextOf(r["Products"][0], "Name"));
  EXPECT_EQ(n.units, TextOf(r["Products"][0], "NumberOfUnits"));
  EXPECT_TRUE(n.category.empty());
  EXPECT_EQ(n.sold_at, ValuesOf(r, "Retailers", "Name"));
  EXPECT_EQ(n.origin_countries, ValuesOf(r, "ManufacturerCountries", "Country"));
  ASSERT_EQ(r["Hazards"].size(), 1u);
  EXPECT_EQ(n.hazard_description, TextOf(r["Hazards"][0], "Name"));
  EXPECT_TRUE(n.hazard_types.empty());
  EXPECT_EQ(n.measures, ValuesOf(r, "RemedyOptions", "Option", ValuesOf(r, "Remedies", "Name")));
  EXPECT_EQ(n.related_urls, ValuesOf(r, "Inconjunctions", "URL"));
  EXPECT_EQ(n.companies,
            ValuesOf(r, "Distributors", "Name", ValuesOf(r, "Importers", "Name", ValuesOf(r, "Manufacturers", "Name"))));
  EXPECT_TRUE(n.market_countries.empty());
  EXPECT_EQ(Json::parse(n.raw), r);
}

void ExpectEveryCpscRecordImported(const std::string& fixture, const FeedImport& f) {
  const Json records = FixtureRecords(fixture);
  EXPECT_EQ(f.records, records.size());
  for (const Json& r : records) {
    const Notice* n = FindNotice(f, TextOf(r, "RecallNumber"));
    ASSERT_NE(n, nullptr) << TextOf(r, "RecallNumber");
    ExpectCpscFieldsOfRecord(r, *n);
  }
}

// --- US CPSC: six answers of the Recall service, one recall each --------

TEST(CpscRealRecordsTest, ImportsTheRecordedAnswersFieldForField) {
  const FeedImport f = MustImport(NoticeSource::kUsCpsc, RecallFixture("cpsc_recorded_answers.json"));
  ASSERT_EQ(f.notices.size(), 6u);
  ExpectEveryCpscRecordImported("cpsc_recorded_answers.json", f);
  // 24281 lists 035051591768 (item 593768 in its description too), whose
  // check digit should be 4: a misprint in the notice, reported, not used.
  EXPECT_EQ(ProblemLines(f), Strings{"record 1 (24281): warning: barcode '035051591768' is not a GTIN: wrong check digit (expected 4)"});
}

TEST(CpscRealRecordsTest, MiniverseSetsThirtySevenUpcsOneListedTwiceOneMisprinted) {
  const FeedImport f = MustImport(NoticeSource::kUsCpsc, RecallFixture("cpsc_recorded_answers.json"));
  const Notice* n = FindNotice(f, "24281");
  ASSERT_NE(n, nullptr);
  // 39 UPCs: 035051504153 twice, 035051591768 with a wrong check digit;
  // 053505505648 breaks the 035051 pattern but is a valid number.
  const Strings gtins = {
      "00035051120339", "00035051426011", "00035051426028", "00035051504153", "00035051504221", "00035051505372", "00035051505396",
      "00035051505419", "00035051505457", "00035051505471", "00035051505600", "00035051505631", "00035051505655", "00035051505662",
      "00035051505686", "00035051505693", "00035051516507", "00035051587200", "00035051589938", "00035051591818", "00035051591825",
      "00035051591832", "00035051591849", "00035051591856", "00035051593720", "00035051593782", "00035051593904", "00035051594918",
      "00035051923428", "00035051923435", "00035051923442", "00035051923459", "00035051923503", "00035051923510", "00035051923527",
      "00035051923749", "00053505505648"};
  EXPECT_EQ(n->gtins, gtins);
  EXPECT_EQ(n->invalid_barcodes, Strings{"035051591768: wrong check digit (expected 4)"});
  EXPECT_EQ(n->published->ToString(), "2024-06-25");
  EXPECT_EQ(n->updated->ToString(), "2024-06-27");
  EXPECT_EQ(n->units, "About 21 million (In addition, about 1 million in Canada)");
  // A joint recall with Health Canada, on its current site.
  EXPECT_EQ(n->related_urls, Strings{"https://recalls-rappels.canada.ca/en/alert-recall/"
                                     "mga-s-miniverse-make-it-mini-products-recalled-due-potential-skin-eye-and-respiratory"});
  EXPECT_EQ(n->measures.back(), "Replace");
  EXPECT_EQ(n->measures.size(), 3u);  // the remedy, "Refund" and "Replace"
  EXPECT_EQ(n->companies, Strings{"MGA Entertainment, of Chatsworth, California"});
  EXPECT_TRUE(n->brands.empty());  // no firm trades under another name
}

TEST(CpscRealRecordsTest, AutoWorldSlotCarsTwentyOneUpcsTheirItemNumbersInTheProse) {
  const FeedImport f = MustImport(NoticeSource::kUsCpsc, RecallFixture("cpsc_recorded_answers.json"));
  const Notice* n = FindNotice(f, "25170");
  ASSERT_NE(n, nullptr);
  const Strings gtins = {"00849398065631", "00849398065648", "00849398065655", "00849398065662", "00849398067079", "00849398067086",
                         "00849398067093", "00849398067109", "00849398070567", "00849398070574", "00849398070581", "00849398070598",
                         "00849398059159", "00849398059326", "00849398059333", "00849398059340", "00849398066232", "00849398066249",
                         "00849398069462", "00849398069479", "00849398069486"};
  EXPECT_EQ(n->gtins, gtins);
  EXPECT_TRUE(n->invalid_barcodes.empty());
  // Item numbers and the hyphenated UPCs stay in the description, for the
  // matcher's code extraction.
  EXPECT_NE(n->description.find("TRX113 8-49398-06563-1 XTraction Deluxe Pit Kit"), std::string::npos);
  EXPECT_NE(n->description.find("CP8119 8-49398-06948-6"), std::string::npos);
  // "Saucier Enterprises d/b/a/ Hobbies Unlimited" is one of the retailers,
  // not a recalling firm: no brand.
  EXPECT_TRUE(n->brands.empty());
  EXPECT_EQ(n->companies, Strings{"Round 2 LLC, of South Bend, Indiana"});
  ASSERT_EQ(n->sold_at.size(), 1u);
  EXPECT_NE(n->sold_at[0].find("July 2023through February 2024"), std::string::npos);  // as published
}

TEST(CpscRealRecordsTest, BrookstoneFirePitsUpcsAndModelsAndARecordWithoutItsEmptyArrays) {
  const FeedImport f = MustImport(NoticeSource::kUsCpsc, RecallFixture("cpsc_recorded_answers.json"));
  const Notice* n = FindNotice(f, "26687");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->gtins, (Strings{"00680079015930", "00680079015947", "00680079015954"}));
  EXPECT_NE(n->description.find("model number BSFIREPIT01 (UPC code 680079015930); BSFIREPIT02"), std::string::npos);
  // No Manufacturers, Retailers, Distributors or Inconjunctions keys at all.
  EXPECT_EQ(n->companies, Strings{"Southern Telecom Inc., of Brooklyn, New York"});
  EXPECT_TRUE(n->sold_at.empty());
  EXPECT_TRUE(n->related_urls.empty());
  EXPECT_EQ(n->updated->ToString(), "2026-08-14");
}

TEST(CpscRealRecordsTest, GranitestonePansTheUpcInBothPlaces) {
  const FeedImport f = MustImport(NoticeSource::kUsCpsc, RecallFixture("cpsc_recorded_answers.json"));
  const Notice* n = FindNotice(f, "26377");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->gtins, Strings{"00080313081316"});  // "0-80313-08131-6" in the description
  EXPECT_EQ(n->title, "E Mishan Recalls Granitestone Diamond Pro Blue Stainless Sauté Pans Due to Impact and Burn Hazards");
  EXPECT_EQ(n->companies, Strings{"E Mishan & Sons, Inc., of New York, New York"});
}

TEST(CpscRealRecordsTest, PredatorPowerStationsOneFirmAsImporterAndDistributor) {
  const FeedImport f = MustImport(NoticeSource::kUsCpsc, RecallFixture("cpsc_recorded_answers.json"));
  const Notice* n = FindNotice(f, "25366");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->companies, Strings{"Harbor Freight Tools, of Calabasas, California"});
  EXPECT_EQ(n->measures, (Strings{"Consumers should immediately stop using the recalled power stations and return them to their local "
                                  "Harbor Freight Tools store for a free replacement unit.",
                                  "Replace"}));
  EXPECT_NE(n->description.find("(SKU #70084, UPC 193175488718)"), std::string::npos);
  // The record's only UPC is in its description ("UPC 193175488718"),
  // labelled as one; ProductUPCs is empty. A valid GTIN named as a UPC
  // by the regulator is the notice's GTIN.
  EXPECT_EQ(n->gtins, Strings{"00193175488718"});
}

// --- US CPSC: recalls of July 2026, from one answer of the service ------

TEST(CpscRealRecordsTest, ImportsTheJuly2026RecallsFieldForField) {
  const FeedImport f = MustImport(NoticeSource::kUsCpsc, RecallFixture("cpsc_recalls_2026_07.json"));
  // 26651 is also in cpsc_recorded_answers.json; here it is alone.
  ASSERT_EQ(f.notices.size(), 15u);
  EXPECT_TRUE(f.problems.empty()) << ProblemLines(f).front();
  ExpectEveryCpscRecordImported("cpsc_recalls_2026_07.json", f);
}

TEST(CpscRealRecordsTest, TradingNamesOfTheRecallingFirmsAreTheBrands) {
  const FeedImport f = MustImport(NoticeSource::kUsCpsc, RecallFixture("cpsc_recalls_2026_07.json"));
  auto brands = [&f](const std::string& id) {
    const Notice* n = FindNotice(f, id);
    EXPECT_NE(n, nullptr) << id;
    return n ? n->brands : Strings{"no notice " + id};
  };
  // ", doing business as TOYHW, of China"
  EXPECT_EQ(brands("26656"), Strings{"TOYHW"});
  // "Co., Ltd. dba CetoPMax, of China": no comma before "dba".
  // The product's own brand first ("an additional 195 Cpzzkq baby
  // loungers").
  EXPECT_EQ(brands("26657"), (Strings{"Cpzzkq", "CetoPMax"}));
  // "Changsha Yiman Keji Youxian Gongsi, dba Raybee-Direct": nothing after.
  EXPECT_EQ(brands("26633"), (Strings{"EnHomee", "Raybee-Direct"}));
  // "Madewell Inc., of Wenzhou Zhongbang Smoking Set Manufacturing Co.,
  // Ltd., doing business as Jobon Official Store, of China": an " of "
  // before the trading name.
  EXPECT_EQ(brands("26626"), (Strings{"Jobon", "Jobon Official Store"}));
  // "Conair LLC, of Stamford, Connecticut, dba Cuisinart": the trading name
  // last.
  EXPECT_EQ(brands("26605"), Strings{"Cuisinart"});
  // Two importers, one with a trading name.
  EXPECT_EQ(brands("26610"), Strings{"Flaunt"});
  // "shenzhenshiyuezhangwangluokejiyouxiangongsi (Shenzhen Yuezhang Network
  // Technology Co., Ltd.), doing business as YUEZHANG, of China"
  // The prose names the product's brand ("Moodooy-branded", 'The brand
  // name "Moodooy"'): first, before the firm's trading name.
  EXPECT_EQ(brands("26608"), (Strings{"Moodooy", "YUEZHANG"}));
  EXPECT_EQ(brands("26595"), Strings{"Rowenta USA"});
  // No trading name among the firms; "BenQ-branded portable projectors".
  EXPECT_EQ(brands("26647"), Strings{"BenQ"});
}

TEST(CpscRealRecordsTest, TheBrandAProductNameOpensWithWhenTheProseWritesTheKindInLowerCase) {
  const FeedImport july = MustImport(NoticeSource::kUsCpsc, RecallFixture("cpsc_recalls_2026_07.json"));
  const FeedImport recorded = MustImport(NoticeSource::kUsCpsc, RecallFixture("cpsc_recorded_answers.json"));
  auto brands = [&](const std::string& id) {
    const Notice* n = FindNotice(july, id);
    if (n == nullptr) n = FindNotice(recorded, id);
    EXPECT_NE(n, nullptr) << id;
    return n ? n->brands : Strings{"no notice " + id};
  };
  // "The Galanz retro-style refrigerators", "HARPPA's Nordi foldable
  // toddler towers", "Sloosh dive sticks", "the Predator 2000-Watt Power
  // Station".
  EXPECT_EQ(brands("26649"), Strings{"Galanz"});
  EXPECT_EQ(brands("26651"), Strings{"Nordi"});
  EXPECT_EQ(brands("26654"), Strings{"Sloosh"});
  EXPECT_EQ(brands("25366"), Strings{"Predator"});
  // "World Class Fireworks \"Skull Strobe\" rockets", "Granitestone Diamond
  // Pro Blue stainless steel sauté pans", "Auto World Deluxe Pit Kit slot
  // cars": where the brand ends is not told; no brand rather than a wrong one.
  EXPECT_TRUE(brands("26653").empty());
  EXPECT_TRUE(brands("26377").empty());
  EXPECT_TRUE(brands("25170").empty());
}

TEST(CpscRealRecordsTest, TrsmimaZiplinesATradingNameFollowedByAnotherCompanyName) {
  const FeedImport f = MustImport(NoticeSource::kUsCpsc, RecallFixture("cpsc_recalls_2026_07.json"));
  const Notice* n = FindNotice(f, "26632");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->companies,
            Strings{"HuNanBoLuoDianZiShangWuYouXianGongSi D/B/A Trsmima or Hunan Pineapple Electronic Commerce Co., Ltd., of China"});
  EXPECT_EQ(n->units, "About 60,720 zipline kits and about 19,120 sold-separately spring brakes");
  // "HuNanBoLuoDianZiShangWuYouXianGongSi D/B/A Trsmima or Hunan Pineapple
  // Electronic Commerce Co., Ltd.": the firm trades as Trsmima (the title
  // says "Manufactured by Trsmima"); "or ..." names the firm again, in
  // English.
  EXPECT_EQ(n->brands, Strings{"Trsmima"});
}

TEST(CpscRealRecordsTest, JulyRecordsWithSeveralFirmsCountriesAndJointRecalls) {
  const FeedImport f = MustImport(NoticeSource::kUsCpsc, RecallFixture("cpsc_recalls_2026_07.json"));
  const Notice* galanz = FindNotice(f, "26649");
  ASSERT_NE(galanz, nullptr);
  EXPECT_EQ(galanz->companies, (Strings{"Zhongshan Galanz, of China", "Home Depot, of Georgia", "Galanz Americas Limited Company, of New Jersey"}));
  EXPECT_NE(galanz->description.find("BCD-215V-62H, GLR76TRDER, GLR76TBKER, GLR76TBEER or GLR76TWEER"), std::string::npos);

  const Notice* rowenta = FindNotice(f, "26595");
  ASSERT_NE(rowenta, nullptr);
  EXPECT_EQ(rowenta->origin_countries, (Strings{"France", "China"}));

  const Notice* flaunt = FindNotice(f, "26610");
  ASSERT_NE(flaunt, nullptr);
  EXPECT_EQ(flaunt->companies, (Strings{"iDecoz Inc. dba Flaunt, of Brooklyn, New York", "Case-Mate, of Atlanta, Georgia"}));

  const Notice* benq = FindNotice(f, "26647");
  ASSERT_NE(benq, nullptr);
  EXPECT_EQ(benq->related_urls,
            Strings{"https://recalls-rappels.canada.ca/en/alert-recall/benq-gv31-portable-projector-recalled-due-burn-and-fire-hazard"});
  EXPECT_EQ(benq->measures.size(), 3u);  // the remedy, "Repair" and "Replace"
  EXPECT_EQ(benq->units, "About 1,249 (In addition, about 240 were sold in Canada)");

  const Notice* grill = FindNotice(f, "26605");
  ASSERT_NE(grill, nullptr);
  EXPECT_EQ(grill->related_urls, Strings{"https://recalls-rappels.canada.ca/en/alert-recall/"
                                         "cuisinart-propel-four-burner-3-1-gas-grill-s-recalled-due-laceration-hazard"});
}

TEST(CpscRealRecordsTest, JulyRecordsWithUpcsSkusAndSeveralModels) {
  const FeedImport f = MustImport(NoticeSource::kUsCpsc, RecallFixture("cpsc_recalls_2026_07.json"));
  // A UPC field and a SKU in the prose.
  const Notice* rockets = FindNotice(f, "26653");
  ASSERT_NE(rockets, nullptr);
  EXPECT_EQ(rockets->gtins, Strings{"00805253435117"});
  EXPECT_EQ(rockets->product_name, "World Class Fireworks \"Skull Strobe\" Rockets");
  EXPECT_NE(rockets->description.find("The SKU code 1004351"), std::string::npos);
  // Three models, one UPC; the product name lists the models.
  const Notice* sticks = FindNotice(f, "26654");
  ASSERT_NE(sticks, nullptr);
  EXPECT_EQ(sticks->gtins, Strings{"00812355036227"});
  EXPECT_EQ(sticks->product_name, "Sloosh Dive Sticks, models 40041, 40003 and 16154");
  // No UPC field values: no GTINs, nothing reported.
  const Notice* toy = FindNotice(f, "26598");
  ASSERT_NE(toy, nullptr);
  EXPECT_TRUE(toy->gtins.empty());
  EXPECT_TRUE(toy->invalid_barcodes.empty());
  EXPECT_EQ(toy->product_name, "Gigglescape™ Under the Sea Popping Toy");
}

TEST(CpscRealRecordsTest, TextAsPublishedQuestionMarksForLostSpacesIncluded) {
  // The service gives "?" where its source had a non-breaking space:
  // which character was lost cannot be told, so the text stays as given.
  const FeedImport f = MustImport(NoticeSource::kUsCpsc, RecallFixture("cpsc_recalls_2026_07.json"));
  const Notice* n = FindNotice(f, "26657");
  ASSERT_NE(n, nullptr);
  EXPECT_NE(n->hazard_description.find("standard for?infant support cushions?because"), std::string::npos);
  EXPECT_EQ(n->units, "About 2,195 (CetoPMax previously recalled 2,100 baby loungers in April 2026)");
}

TEST(CpscRealRecordsTest, ARecallEditedWithoutANewLastPublishDateKeepsTheLaterCapture) {
  // 26651 as captured on 2026-08-02 (July's answer) and on 2026-09-04 (the
  // recorded answer): the Injuries text gained a comma, LastPublishDate
  // stayed 2026-07-31. Given in that order, the later capture is kept.
  auto find26651 = [](const std::string& fixture) {
    for (const Json& r : FixtureRecords(fixture))
      if (TextOf(r, "RecallNumber") == "26651") return r;
    return Json();
  };
  const Json july = find26651("cpsc_recalls_2026_07.json"), september = find26651("cpsc_recorded_answers.json");
  ASSERT_FALSE(july.is_null());
  ASSERT_FALSE(september.is_null());
  ASSERT_NE(july, september);
  const FeedImport f = MustImport(NoticeSource::kUsCpsc, Json::array({july, september}).dump());
  ASSERT_EQ(f.notices.size(), 1u);
  EXPECT_EQ(Json::parse(f.notices[0].raw), september);
  EXPECT_EQ(ProblemLines(f), Strings{"record 1 (26651): warning: notice 26651 is also in record 2, with different content; record 2 is kept"});
}

// --- Health Canada: the open data file ---------------------------------

TEST(HealthCanadaRealRecordsTest, ReadsTenRecordsOfJuly2026) {
  const FeedImport f = MustImport(NoticeSource::kCaHealthCanada, RecallFixture("health_canada_open_data_2026_07.json"));
  ASSERT_EQ(f.notices.size(), 10u);
  EXPECT_TRUE(f.problems.empty()) << ProblemLines(f).front();
  for (const Notice& n : f.notices) {
    EXPECT_EQ(n.source, NoticeSource::kCaHealthCanada);
    EXPECT_FALSE(n.published) << n.id;  // the file gives only the last update
    EXPECT_TRUE(n.gtins.empty()) << n.id;  // and no barcodes
    EXPECT_EQ(n.url.rfind("https://recalls-rappels.canada.ca/en/alert-recall/", 0), 0u) << n.id;
  }

  // A title and a product with a trailing space; no recall class.
  const Notice* assay = FindNotice(f, "82220");
  ASSERT_NE(assay, nullptr);
  EXPECT_EQ(assay->title, "Atellica CH Enzymatic Hemoglobin A1c (A1c_E) assay");
  EXPECT_EQ(assay->product_name, "Atellica CH Enzymatic Hemoglobin A1c (A1c_E) assay");
  EXPECT_EQ(assay->category, "Medical devices; Chemistry");
  EXPECT_EQ(assay->hazard_types, Strings{"Performance"});
  EXPECT_EQ(assay->risk_level, "Type II");
  EXPECT_TRUE(assay->measures.empty());  // "What you should do" is empty
  EXPECT_EQ(Day(assay->updated), "2026-06-18");

  const Notice* catheter = FindNotice(f, "82281");
  ASSERT_NE(catheter, nullptr);
  EXPECT_EQ(catheter->product_name, "Urinary Catheter Trays containing Cliniclean Pericare Wipes");
  EXPECT_EQ(catheter->category, "Medical devices; Gastroenterology and urology");
  EXPECT_EQ(Day(catheter->updated), "2026-07-03");

  const Notice* sheath = FindNotice(f, "82228");
  ASSERT_NE(sheath, nullptr);
  EXPECT_EQ(sheath->title, "BD MaxPlus ™ Connector Minibore Extension Set");
  EXPECT_EQ(sheath->hazard_types, Strings{"Sterility"});
  EXPECT_EQ(sheath->risk_level, "Type I");
  EXPECT_EQ(sheath->category, "Medical devices; Dental");

  const Notice* vial = FindNotice(f, "82272");
  ASSERT_NE(vial, nullptr);
  EXPECT_EQ(vial->title, "Fludeoxyglucose (18F) Injection; Cracket vial");
  EXPECT_EQ(vial->product_name, "Fludeoxyglucose (18F) Injection");
  EXPECT_EQ(vial->category, "Health products; Radiopharmaceuticals");
  EXPECT_EQ(vial->hazard_types, Strings{"Product quality"});
  EXPECT_EQ(vial->risk_level, "Type III");
  // The file runs the page's paragraphs together; entities are decoded.
  EXPECT_EQ(vial->measures,
            Strings{"Verify if your product is affected.Consult your healthcare provider prior to discontinuing use of the affected "
                    "product(s), or for any health concerns.Contact the recalling firm if you have any questions about the recall.Report "
                    "any health product related side effects to Health Canada.Report any other health product safety complaints to "
                    "Health Canada."});
}

TEST(HealthCanadaRealRecordsTest, ConsumerProductsOfJuly2026) {
  const FeedImport f = MustImport(NoticeSource::kCaHealthCanada, RecallFixture("health_canada_open_data_2026_07.json"));
  // "Joint recall with Health Canada, the United States Consumer Product
  // Safety Commission (US CPSC) and 7111495 Canada Inc.", run into the
  // sentences around it: the United States too. No other record says so.
  for (const Notice& n : f.notices)
    EXPECT_EQ(n.market_countries, n.id == "82210" ? Strings{"United States"} : Strings{}) << n.id;
  const Notice* alarm = FindNotice(f, "82265");
  ASSERT_NE(alarm, nullptr);
  EXPECT_EQ(alarm->title, "Combined Smoke, Combustible Gas & Carbon Monoxide Alarm recalled due to potential failure to operate");
  EXPECT_EQ(alarm->product_name, "Combined Smoke, Combustible Gas & Carbon Monoxide Alarm");
  EXPECT_EQ(alarm->category, "Consumer products; Household items");
  EXPECT_EQ(alarm->hazard_types, Strings{"Unauthorized products"});
  EXPECT_TRUE(alarm->risk_level.empty());
  ASSERT_EQ(alarm->measures.size(), 1u);
  EXPECT_EQ(alarm->measures[0].rfind("Consumers should immediately stop using the recalled product and dispose of it according to municipal "
                                     "hazardous waste guidelines. Consumers should replace the recalled product with one that bears a "
                                     "Canadian certification mark. For more information, consumers can contact Shenzhen Yundou Network "
                                     "Technology Co., Ltd by email at yundou2024@163.com.Please note that",
                                     0),
            0u)
      << alarm->measures[0];
  EXPECT_EQ(alarm->measures[0].find("&nbsp;"), std::string::npos);

  const Notice* helmet = FindNotice(f, "82259");
  ASSERT_NE(helmet, nullptr);
  EXPECT_EQ(helmet->title, "New Horse Riding Helmet 100 Fouganza recalled due to injury hazard");
  EXPECT_EQ(helmet->category, "Consumer products; Sports and fitness");
  EXPECT_EQ(helmet->hazard_types, Strings{"Injury hazard"});
  ASSERT_EQ(helmet->measures.size(), 1u);
  EXPECT_NE(helmet->measures[0].find("by telephone at 1-844-533-3322, between 10:00 am and 6:00 pm Monday to Friday, by email at "
                                     "onlineservice@decathlon.ca"),
            std::string::npos)
      << helmet->measures[0];

  // A joint recall with the CPSC, said only in the prose.
  const Notice* vaporizer = FindNotice(f, "82210");
  ASSERT_NE(vaporizer, nullptr);
  EXPECT_EQ(vaporizer->title, "Arizer Solo III Intergalactic (Black) Portable Vaporizers recalled due to fire and burn hazards");
  EXPECT_EQ(vaporizer->hazard_types, (Strings{"Fire hazard", "Burn hazard"}));
  EXPECT_EQ(vaporizer->category, "Consumer products; Electronics");
  ASSERT_EQ(vaporizer->measures.size(), 1u);
  EXPECT_NE(vaporizer->measures[0].find("Joint recall with Health Canada, the United States Consumer Product Safety Commission (US CPSC)"),
            std::string::npos);
}

TEST(HealthCanadaRealRecordsTest, FoodRecallsOfJune2026) {
  const FeedImport f = MustImport(NoticeSource::kCaHealthCanada, RecallFixture("health_canada_open_data_2026_07.json"));
  // Four allergens in one Issue.
  const Notice* spices = FindNotice(f, "82253");
  ASSERT_NE(spices, nullptr);
  EXPECT_EQ(spices->hazard_types, (Strings{"Wheat", "Sesame seeds", "Mustard", "Gluten"}));
  EXPECT_EQ(spices->category, "Food; Herbs and spices");
  EXPECT_EQ(spices->risk_level, "Class 1");
  EXPECT_EQ(spices->product_name, "Ground Spices and Spice Blends");
  EXPECT_EQ(Day(spices->updated), "2026-06-26");
  ASSERT_EQ(spices->measures.size(), 1u);
  EXPECT_NE(spices->measures[0].find("do not consume the recalled products as they may cause a serious"), std::string::npos)
      << spices->measures[0];

  const Notice* yam = FindNotice(f, "81988");
  ASSERT_NE(yam, nullptr);
  EXPECT_EQ(yam->hazard_types, Strings{"Milk"});
  EXPECT_EQ(yam->category, "Food; Other");
  EXPECT_EQ(yam->product_name, "Authentic Pounded Yam (Iyan) IYANINSTANT");
}

TEST(HealthCanadaRealRecordsTest, AVehicleRecallOfTransportCanada) {
  const FeedImport f = MustImport(NoticeSource::kCaHealthCanada, RecallFixture("health_canada_open_data_2026_07.json"));
  const Notice* suv = FindNotice(f, "82146");
  ASSERT_NE(suv, nullptr);
  EXPECT_EQ(suv->title, "Transport Canada Recall - 2026238 - HYUNDAI");
  EXPECT_EQ(suv->product_name, "SUV recalled by HYUNDAI");
  EXPECT_EQ(suv->hazard_types, Strings{"Other"});
  EXPECT_TRUE(suv->measures.empty());
  EXPECT_EQ(Day(suv->updated), "2026-06-19");
  // "TC" is Transport Canada, which publishes vehicle recalls only: in the
  // API's words (the importer's own rule for the open data file's
  // Organization) the category is "Vehicles", as an API notice of the same
  // recall says.
  EXPECT_EQ(suv->category, "Vehicles; Light Truck & Van; SUV");
}

// Rows quoted from the live file, padded titles, entities, nulls and all.
TEST(HealthCanadaRealRecordsTest, ReadsQuotedRowsWithNullsAndPaddedTitles) {
  const FeedImport f = MustImport(NoticeSource::kCaHealthCanada, RecallFixture("health_canada_open_data_quoted.json"));
  ASSERT_EQ(f.notices.size(), 8u);
  EXPECT_EQ(ProblemLines(f), Strings{"record 4 (67746): warning: no 'Last updated': the notice has no date"});

  const Notice* beans = FindNotice(f, "82667");
  ASSERT_NE(beans, nullptr);
  EXPECT_EQ(beans->product_name, "Roasted Broadbeans (Ketchup and Salt & Pepper flavors)");
  EXPECT_EQ(beans->category, "Food; Candy, confectionary, snacks and sweeteners");
  EXPECT_EQ(beans->hazard_types, Strings{"Milk"});
  EXPECT_EQ(beans->risk_level, "Class 3");
  EXPECT_EQ(Day(beans->updated), "2026-09-24");
  EXPECT_TRUE(beans->url.empty());  // not in the quoted row

  // Product null: the title names the product.
  const Notice* insulin = FindNotice(f, "82686");
  ASSERT_NE(insulin, nullptr);
  EXPECT_EQ(insulin->product_name, "Sanofi-Aventis Canada Inc. recalling certain insulin pens and cartridges");
  EXPECT_EQ(insulin->risk_level, "Type I - Type II");  // a range, as given
  EXPECT_EQ(insulin->hazard_types, Strings{"Product safety"});
  EXPECT_EQ(insulin->category, "Communications and Public Affairs Branch; Biologic or vaccine");

  // Transport Canada: an empty Issue, a title ending in " - ", no date.
  const Notice* old_tc = FindNotice(f, "67746");
  ASSERT_NE(old_tc, nullptr);
  EXPECT_EQ(old_tc->title, "Transport Canada Recall - 2018078 -");
  EXPECT_EQ(old_tc->product_name, "Transport Canada Recall - 2018078 -");
  EXPECT_TRUE(old_tc->hazard_types.empty());
  EXPECT_FALSE(old_tc->updated);
  const Notice* ford = FindNotice(f, "82680");
  ASSERT_NE(ford, nullptr);
  EXPECT_EQ(ford->hazard_types, Strings{"Fuel System"});
  EXPECT_EQ(ford->product_name, "Light Truck & Van recalled by FORD");

  // Titles padded with spaces on both sides; an archived notice.
  const Notice* cannabis = FindNotice(f, "62944");
  ASSERT_NE(cannabis, nullptr);
  EXPECT_EQ(cannabis->title, "Trichome JWC recalls one lot of Wagners Blue Lime Pie dried cannabis");
  EXPECT_EQ(cannabis->category, "Controlled substances and cannabis; Cannabis");
  EXPECT_EQ(Day(cannabis->updated), "2021-10-28");
  const Notice* beets = FindNotice(f, "48704");
  ASSERT_NE(beets, nullptr);
  EXPECT_EQ(beets->title, "Certain Safie's brand Sweet Pickled Beets may contain pieces of glass");
  EXPECT_EQ(beets->category, "Food");  // CFIA's "Food" once, not "Food; Food"
  EXPECT_EQ(beets->hazard_types, Strings{"Extraneous material"});
  EXPECT_EQ(beets->risk_level, "Class 2");
  EXPECT_EQ(Day(beets->updated), "2011-12-30");

  // A URL relative to the site; two issues; no Archived key.
  const Notice* teva = FindNotice(f, "82615");
  ASSERT_NE(teva, nullptr);
  EXPECT_EQ(teva->url,
            "https://recalls-rappels.canada.ca/en/alert-recall/generic-acetaminophen-teva-recalled-because-it-may-contain-foreign-material");
  EXPECT_EQ(teva->product_name, "Novo-Gesic Forte 500 mg tablets (acetaminophen)");
  EXPECT_EQ(teva->hazard_types, (Strings{"Contamination", "Product quality"}));
  EXPECT_EQ(teva->category, "Communications and Public Affairs Branch; Drugs");
  EXPECT_TRUE(teva->risk_level.empty());
  EXPECT_EQ(Day(teva->updated), "2026-09-10");
}

TEST(HealthCanadaRealRecordsTest, QuotedTransportCanadaRowsAreVehicles) {
  const FeedImport f = MustImport(NoticeSource::kCaHealthCanada, RecallFixture("health_canada_open_data_quoted.json"));
  const Notice* ford = FindNotice(f, "82680");
  const Notice* old_tc = FindNotice(f, "67746");
  ASSERT_NE(ford, nullptr);
  ASSERT_NE(old_tc, nullptr);
  EXPECT_NE(ford->category.find("Light Truck & Van"), std::string::npos);
  EXPECT_EQ(ford->category, "Vehicles; Light Truck & Van");
  EXPECT_EQ(old_tc->category, "Vehicles; Light Truck & Van");
}

TEST(HealthCanadaRealRecordsTest, ZeroWidthSpacesInATitleAreNotText) {
  // "\u200b\u200bINMO AIR3 Smart Glasses \u200brecalled due to burn hazard":
  // the zero-width spaces are invisible; a reader sees the title without
  // them, and a search for "INMO" must find it.
  const FeedImport f = MustImport(NoticeSource::kCaHealthCanada, RecallFixture("health_canada_open_data_quoted.json"));
  const Notice* glasses = FindNotice(f, "82650");
  ASSERT_NE(glasses, nullptr);
  EXPECT_EQ(glasses->hazard_types, Strings{"Burn hazard"});
  EXPECT_EQ(glasses->category, "Consumer products; Electronics");
  EXPECT_EQ(glasses->title, "INMO AIR3 Smart Glasses recalled due to burn hazard");
  // No Product: the title's product, before "recalled due to".
  EXPECT_EQ(glasses->product_name, "INMO AIR3 Smart Glasses");
}

TEST(HealthCanadaRealRecordsTest, ADashForRecallClassIsNoGrade) {
  const FeedImport f = MustImport(NoticeSource::kCaHealthCanada, RecallFixture("health_canada_open_data_quoted.json"));
  const Notice* glasses = FindNotice(f, "82650");
  ASSERT_NE(glasses, nullptr);
  EXPECT_EQ(Day(glasses->updated), "2026-09-24");
  // "Recall class": "--" is the file's placeholder for no class (consumer
  // products are not graded), as "--" is no brand or model elsewhere.
  EXPECT_TRUE(glasses->risk_level.empty()) << glasses->risk_level;
}

// The French file (SCRSAMDonneesOuvertes.json) has the same NIDs under
// French keys: Titre, Produit, Problème, "Ce que vous devriez faire",
// Catégorie, "Classe de rappel", "Dernière mise à jour", Archivé.
TEST(HealthCanadaRealRecordsTest, ReadsTheFrenchOpenDataFile) {
  const FeedImport f = MustImport(NoticeSource::kCaHealthCanada, RecallFixture("health_canada_open_data_fr.json"));
  ASSERT_EQ(f.notices.size(), 2u);
  const Notice* beans = FindNotice(f, "82667");
  const Notice* beef = FindNotice(f, "44621");
  ASSERT_NE(beans, nullptr);
  ASSERT_NE(beef, nullptr);
  EXPECT_EQ(beef->url, "https://recalls-rappels.canada.ca/fr/node/44621");
  EXPECT_TRUE(beans->url.empty());
  EXPECT_TRUE(f.problems.empty()) << ProblemLines(f).front();
  EXPECT_EQ(beans->title, "Rappel de gourganes grillées de marque Go! Beanz en raison de la présence non déclarée de lait");
  EXPECT_EQ(beans->product_name, "Gourganes grillées");
  EXPECT_EQ(beans->brands, Strings{"Go! Beanz"});  // "de marque Go! Beanz en raison de ..."
  EXPECT_TRUE(beef->brands.empty());
  EXPECT_EQ(beans->language, "fr");  // one notice with the English file's 82667 in a store
  // A French record without the keys both files share but NID is still
  // known for the open data file.
  const FeedImport bare = MustImport(NoticeSource::kCaHealthCanada,
                                     R"([{"NID": "82667", "Titre": "Rappel de gourganes", "Organisation": "ACIA", "Produit": "Gourganes"}])");
  ASSERT_EQ(bare.notices.size(), 1u);
  EXPECT_EQ(bare.notices[0].language, "fr");
  EXPECT_EQ(beans->hazard_types, Strings{"Lait"});
  EXPECT_EQ(beans->risk_level, "Classe 3");
  EXPECT_EQ(Day(beans->updated), "2026-09-24");
  // ACIA is the CFIA: in the API's words Food, in French Aliments, the
  // language of the file's own categories.
  EXPECT_EQ(beans->category, "Aliments; Bonbons, confiseries, collations et édulcorants");
  EXPECT_EQ(beef->title, "Présence possible de la bactérie E. coli O157:H7 dans divers produits de BŒUF HACHÉ");
  EXPECT_EQ(beef->product_name, beef->title);  // Produit is null
  // "E.\u00a0coli": a no-break space reads as a space, as "&nbsp;" does.
  EXPECT_EQ(beef->hazard_types, Strings{"E. coli O157:H7"});
  EXPECT_EQ(beef->risk_level, "Classe 1");
  EXPECT_EQ(Day(beef->updated), "2012-09-25");
  EXPECT_EQ(beef->category, "Aliments");  // the organisation's and the file's category, once
}

}  // namespace
}  // namespace conform
