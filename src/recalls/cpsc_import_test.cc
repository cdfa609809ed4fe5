#include <gtest/gtest.h>

#include "conform/recalls/feed_import.h"
#include "test_feeds.h"

namespace conform {
namespace {

using Strings = std::vector<std::string>;

TEST(CpscImportTest, ReadsRealRecalls) {
  const FeedImport f = MustImport(NoticeSource::kUsCpsc, RecallFixture("cpsc_recalls.json"));
  ASSERT_EQ(f.notices.size(), 3u);
  EXPECT_TRUE(f.problems.empty()) << f.problems[0].ToString();

  // RecallNumber given as a number; no Importers, Distributors or RemedyOptions.
  const Notice* cooker = FindNotice(f, "18110");
  ASSERT_NE(cooker, nullptr);
  EXPECT_EQ(cooker->source, NoticeSource::kUsCpsc);
  EXPECT_EQ(cooker->published->ToString(), "2018-03-01");
  EXPECT_EQ(cooker->updated->ToString(), "2018-03-01");
  EXPECT_EQ(cooker->title, "Double Insight Recalls Multicookers Due to Fire Hazard; Sold Exclusively at Walmart");
  EXPECT_EQ(cooker->product_name, "Gem 65 8-in-1 multicookers");
  EXPECT_NE(cooker->description.find("batchcode of 1728"), std::string::npos);  // identifiers stay in the prose
  EXPECT_TRUE(cooker->model_numbers.empty());
  EXPECT_EQ(cooker->companies, Strings{"Foshan Linshine Technology Co., Guangdong, China"});
  // No firm trading name; the product name opens with the brand's line,
  // which the prose writes before a number ("Gem 65"), and the prose says
  // "Instant Pot is printed on the front": both name it.
  EXPECT_EQ(cooker->brands, (Strings{"Gem", "Instant Pot"}));
  EXPECT_EQ(cooker->origin_countries, Strings{"China"});
  EXPECT_EQ(cooker->units, "About 104,000");
  EXPECT_EQ(cooker->sold_at, Strings{"Walmart stores nationwide and online at www.walmart.com from August 2017 through January 2018 for about $80."});
  EXPECT_EQ(cooker->hazard_description, "A manufacturer defect can cause the multicooker to overheat and melt on the underside, posing a fire hazard.");
  EXPECT_TRUE(cooker->hazard_types.empty());  // HazardType is empty in the feed
  ASSERT_EQ(cooker->measures.size(), 1u);

  // Date-only RecallDate; a joint recall with Health Canada.
  const Notice* xylophone = FindNotice(f, "18143");
  ASSERT_NE(xylophone, nullptr);
  EXPECT_EQ(xylophone->published->ToString(), "2018-04-19");
  EXPECT_EQ(xylophone->related_urls, Strings{"http://healthycanadians.gc.ca/recall-alert-rappel-avis/hc-sc/2018/66524r-eng.php"});
  EXPECT_EQ(xylophone->companies, (Strings{"Ningbo Tooky Toy Co. Ltd, of China", "Petit Collage, of San Francisco, Calif.", "Wild & Wolf, of U.K."}));
  EXPECT_EQ(xylophone->measures.back(), "Replace");

  // No brand field: the product name's opening word, written so in the
  // prose, and the trading name behind "dba" are the brands.
  const Notice* dresser = FindNotice(f, "26645");
  ASSERT_NE(dresser, nullptr);
  EXPECT_EQ(dresser->brands, (Strings{"EnHomee", "Enhomee-Direct"}));
  EXPECT_FALSE(dresser->updated);  // this record was quoted without LastPublishDate
  EXPECT_EQ(dresser->sold_at, Strings{"Online at Amazon.com from August 2024 through April 2026 for about $140."});
}

TEST(CpscImportTest, RefusesTheServicesErrorAnswer) {
  auto r = ImportFeed(NoticeSource::kUsCpsc, RecallFixture("cpsc_error.json"));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().ToString().find("the CPSC service answered with an error, not recalls"), std::string::npos) << r.error().ToString();
  EXPECT_NE(r.error().ToString().find("Error retrieving Recalls: The underlying provider failed on Open."), std::string::npos);
  // Even among real records.
  auto mixed = ImportFeed(NoticeSource::kUsCpsc, R"([{"RecallID": 1, "RecallNumber": "1"}, {"RecallID": "0", "Title": "x"}])");
  ASSERT_FALSE(mixed.ok());
  EXPECT_NE(mixed.error().ToString().find("record 2: RecallID 0 (the service's mark of an error), Title 'x'"), std::string::npos)
      << mixed.error().ToString();
  // An error title under another id: the id as given.
  auto titled = ImportFeed(NoticeSource::kUsCpsc, R"([{"RecallID": 123, "Title": "Error retrieving Recalls: timeout"}])");
  ASSERT_FALSE(titled.ok());
  EXPECT_NE(titled.error().ToString().find("RecallID 123, Title 'Error retrieving Recalls: timeout'"), std::string::npos)
      << titled.error().ToString();
}

TEST(CpscImportTest, UpcsModelsDuplicatesAndMalformedRecords) {
  const FeedImport f = MustImport(NoticeSource::kUsCpsc, RecallFixture("cpsc_synthetic.json"));
  EXPECT_EQ(f.records, 6u);
  // "26-901" and "26901" are one recall; the later LastPublishDate wins.
  ASSERT_EQ(f.notices.size(), 1u);
  const Notice& n = f.notices[0];
  EXPECT_EQ(n.id, "26901");
  EXPECT_EQ(n.updated->ToString(), "2026-05-20");
  EXPECT_EQ(n.model_numbers, (Strings{"PB-2000", "PB-2000S"}));
  EXPECT_EQ(n.product_name, "Voltaro 20,000 mAh portable power banks");
  EXPECT_EQ(n.gtins, Strings{"00036000291452"});

  const Strings expected = {
      "record 1 (26901): warning: barcode '036000291453' is not a GTIN: wrong check digit (expected 2)",
      "record 1 (26901): warning: notice 26901 is also in record 2, with different content; record 2 is kept",
      "record 3 (26902): skipped: 'RecallDate' is not a date: '2026-02-30'",
      "record 4: skipped: no RecallNumber",
      "record 5 (26903): skipped: 'Products' should be an array, found text",
      "record 6: skipped: a record must be a JSON object, found \"not a record\"",
  };
  EXPECT_EQ(ProblemLines(f), expected);
  EXPECT_EQ(f.skipped(), 4u);
}

TEST(CpscImportTest, ReadsTheFirstRecordsBrandAndUpcsBeforeTheDuplicateReplacesIt) {
  // The earlier copy alone: d/b/a brand, grouped UPC, "N/A" ignored.
  const std::string text = RecallFixture("cpsc_synthetic.json");
  const size_t begin = text.find('{'), end = text.find("\n },\n {") + 3;  // through the first record's closing brace
  const std::string first = text.substr(begin, end - begin);
  const FeedImport f = MustImport(NoticeSource::kUsCpsc, "[" + first + "]");
  ASSERT_EQ(f.notices.size(), 1u);
  const Notice& n = f.notices[0];
  EXPECT_EQ(n.id, "26901");  // "26-901" without its hyphen
  EXPECT_EQ(n.brands, Strings{"Voltaro"});
  EXPECT_EQ(n.gtins, Strings{"00036000291452"});
  EXPECT_EQ(n.invalid_barcodes, Strings{"036000291453: wrong check digit (expected 2)"});
  EXPECT_EQ(n.measures, (Strings{"Consumers should immediately stop using the recalled power banks and contact Voltaro for a full refund.", "Refund"}));
}

TEST(CpscImportTest, ReadsUpcsTheDescriptionLabelsAsSuch) {
  // ProductUPCs is mostly empty; the Description names a UPC with a label
  // in many forms. Labelled codes are taken when valid GTINs, and only
  // those: an unlabelled number is an item number, a SKU or a count as
  // often as a UPC.
  const FeedImport f = MustImport(NoticeSource::kUsCpsc, R"json([
      {"RecallNumber": "1", "RecallDate": "2026-01-01", "Description": "power stations (SKU #70084, UPC 193175488718)."},
      {"RecallNumber": "2", "RecallDate": "2026-01-01", "Description": "UPC: 036000291452; upc #4006381333931. EAN 5901234123457"},
      {"RecallNumber": "3", "RecallDate": "2026-01-01", "Description": "Model A (UPC code 0-36000-29145-2); The UPC number is 0 12345 67890 5."},
      {"RecallNumber": "4", "RecallDate": "2026-01-01", "Description": "GTIN: 04006381333931, barcode 96385074, Bar code no. 5901234123457"},
      {"RecallNumber": "5", "RecallDate": "2026-01-01", "Description": "UPCs 036000291452, 4006381333931 and 5901234123457 or 96385074"},
      {"RecallNumber": "6", "RecallDate": "2026-01-01",
       "Description": "SKU 036000291452, item 4006381333931. The UPC is on the label, 5901234123457. Ocean 96385074"},
      {"RecallNumber": "7", "RecallDate": "2026-01-01", "Description": "ITEM # DESCRIPTION UPC BAR CODE 426028 Mini Verse 035051426028"},
      {"RecallNumber": "8", "RecallDate": "2026-01-01", "Description": "Lamp, UPC 036000291453 (2 units)",
       "Products": [{"Name": "Lamp", "Description": "Also sold as UPC 4006381333931"}]},
      {"RecallNumber": "9", "RecallDate": "2026-01-01", "Description": "UPC 036000291453", "ProductUPCs": [{"UPC": "036000291453"}]}])json");
  ASSERT_EQ(f.notices.size(), 9u);
  EXPECT_EQ(f.notices[0].gtins, Strings{"00193175488718"});
  EXPECT_EQ(f.notices[1].gtins, (Strings{"00036000291452", "04006381333931", "05901234123457"}));
  EXPECT_EQ(f.notices[2].gtins, (Strings{"00036000291452", "00012345678905"}));
  EXPECT_EQ(f.notices[3].gtins, (Strings{"04006381333931", "00000096385074", "05901234123457"}));
  EXPECT_EQ(f.notices[4].gtins, (Strings{"00036000291452", "04006381333931", "05901234123457", "00000096385074"}));
  EXPECT_TRUE(f.notices[5].gtins.empty()) << f.notices[5].gtins.front();  // no label right before a code
  EXPECT_TRUE(f.notices[6].gtins.empty()) << f.notices[6].gtins.front();  // a short labelled number; the UPC unlabelled
  // A labelled code with a wrong check digit is reported, not used; so is
  // a UPC in Products[].Description read.
  EXPECT_EQ(f.notices[7].gtins, Strings{"04006381333931"});
  EXPECT_EQ(f.notices[7].invalid_barcodes, Strings{"036000291453: wrong check digit (expected 2)"});
  // Listed in ProductUPCs too: reported once.
  EXPECT_EQ(f.notices[8].invalid_barcodes, Strings{"036000291453: wrong check digit (expected 2)"});
  EXPECT_EQ(ProblemLines(f), (Strings{
                                 "record 8 (8): warning: barcode '036000291453' in the Description is not a GTIN: wrong check digit (expected 2)",
                                 "record 9 (9): warning: barcode '036000291453' is not a GTIN: wrong check digit (expected 2)",
                             }));
}

TEST(CpscImportTest, APlaceholderModelIsNoModelNumber) {
  const FeedImport f = MustImport(NoticeSource::kUsCpsc, R"([
      {"RecallNumber": "1", "RecallDate": "2026-01-01", "Products": [{"Name": "Lamp", "Model": "N/A"}, {"Name": "Lamp", "Model": "-"}]},
      {"RecallNumber": "2", "RecallDate": "2026-01-01", "Products": [{"Name": "Lamp", "Model": "Unknown"}, {"Name": "Lamp", "Model": "LP-1\nn/a"}]}])");
  ASSERT_EQ(f.notices.size(), 2u);
  EXPECT_TRUE(f.notices[0].model_numbers.empty()) << f.notices[0].model_numbers.front();
  EXPECT_EQ(f.notices[1].model_numbers, Strings{"LP-1"});
  EXPECT_TRUE(f.problems.empty());
  const FeedImport listed = MustImport(NoticeSource::kUsCpsc, R"([
      {"RecallNumber": "3", "RecallDate": "2026-01-01", "Products": [{"Name": "Lamp", "Model": "LP-1; LP-2\nLP-3"}]}])");
  ASSERT_EQ(listed.notices.size(), 1u);
  EXPECT_EQ(listed.notices[0].model_numbers, (Strings{"LP-1", "LP-2", "LP-3"}));
}

// Recent records leave Products[].Model empty and name the models in
// prose: those the prose labels as such are the notice's model numbers.
TEST(CpscImportTest, ModelNumbersTheProseLabelsAreTheNoticesOwn) {
  const FeedImport f = MustImport(NoticeSource::kUsCpsc, RecallFixture("cpsc_recalls_2026_07.json"));
  const Notice* flaunt = FindNotice(f, "26610");
  ASSERT_NE(flaunt, nullptr);
  EXPECT_EQ(flaunt->model_numbers, Strings{"E33A"});
  const Notice* sloosh = FindNotice(f, "26654");
  ASSERT_NE(sloosh, nullptr);
  EXPECT_EQ(sloosh->model_numbers, (Strings{"40041", "40003", "16154"}));
  // Unlabelled numbers are not taken, nor are those given in the field replaced.
  const FeedImport given = MustImport(NoticeSource::kUsCpsc, R"([
      {"RecallNumber": "1", "RecallDate": "2026-01-01", "Description": "Item 55012, model number LP-2", "Products": [{"Name": "Lamp", "Model": "LP-1"}]},
      {"RecallNumber": "2", "RecallDate": "2026-01-01", "Description": "Sold in packs of 55012.", "Products": [{"Name": "Lamp"}]}])");
  ASSERT_EQ(given.notices.size(), 2u);
  EXPECT_EQ(given.notices[0].model_numbers, Strings{"LP-1"});
  EXPECT_TRUE(given.notices[1].model_numbers.empty());
}

// Only a name is printed on the product: not a sentence's opening, a
// model or words with digits.
TEST(CpscImportTest, ANamePrintedOnTheProductIsABrand) {
  const FeedImport f = MustImport(NoticeSource::kUsCpsc, R"([
      {"RecallNumber": "1", "RecallDate": "2026-01-01", "Products": [{"Name": "Lamps"}],
       "Description": "Lumora Home is printed on the base. The date code is printed on the label. Model LP 2 is printed on the box."}])");
  ASSERT_EQ(f.notices.size(), 1u);
  EXPECT_EQ(f.notices[0].brands, Strings{"Lumora Home"});
}

TEST(CpscImportTest, ATradingNameEndsAtOrBeforeTheFirmsOwnName) {
  // After "dba", " or " joins alternatives: a name with a legal form is
  // the firm again ("D/B/A Trsmima or Hunan Pineapple Electronic Commerce
  // Co., Ltd."); another name is another trading name, unless it is the
  // brand's store ("Acmeo Direct").
  const FeedImport f = MustImport(NoticeSource::kUsCpsc, R"([
      {"RecallNumber": "1", "RecallDate": "2026-01-01",
       "Importers": [{"Name": "ShenZhenShiAcmeYouXianGongSi D/B/A Acmeo or Shenzhen Acme Trading Co., Ltd., of China"}]},
      {"RecallNumber": "2", "RecallDate": "2026-01-01", "Importers": [{"Name": "Acme Holdings LLC, dba Acmeo or Acmeo Direct, of Oregon"}]},
      {"RecallNumber": "3", "RecallDate": "2026-01-01", "Importers": [{"Name": "Acme Holdings dba Acmeo or Acme Holdings LLC"}]},
      {"RecallNumber": "4", "RecallDate": "2026-01-01", "Importers": [{"Name": "Oregon Tools Inc., dba Toolsmith, of Portland, Oregon"}]}])");
  ASSERT_EQ(f.notices.size(), 4u);
  EXPECT_EQ(f.notices[0].brands, Strings{"Acmeo"});
  EXPECT_EQ(f.notices[1].brands, Strings{"Acmeo"});  // "Acmeo Direct" is Acmeo's store: the same brand
  EXPECT_EQ(f.notices[2].brands, Strings{"Acmeo"});
  EXPECT_EQ(f.notices[3].brands, Strings{"Toolsmith"});
}

TEST(CpscImportTest, ReadsTheBrandsTheProseNames) {
  const FeedImport f = MustImport(NoticeSource::kUsCpsc, R"([
      {"RecallNumber": "1", "RecallDate": "2026-01-01", "Description": "This recall involves \"Brookstone-Branded\" tabletop fire pits."},
      {"RecallNumber": "2", "RecallDate": "2026-01-01", "Description": "The brand name \"Moodooy\" and model \"F311\" are printed on the rail.",
       "Importers": [{"Name": "Shenzhen Co., Ltd., doing business as YUEZHANG, of China"}]},
      {"RecallNumber": "3", "RecallDate": "2026-01-01", "Products": [{"Name": "BenQ-branded projectors"}], "Description": "BenQ-branded projectors, model GV31."},
      {"RecallNumber": "4", "RecallDate": "2026-01-01", "Description": "Unbranded kettles; the brand name is not printed; a non-branded lid, co-branded boxes."},
      {"RecallNumber": "5", "RecallDate": "2026-01-01", "Description": "This recall involves Instant Pot-branded multicookers. Recalled Fisher-Price-branded seats."}])");
  const auto brands = [&f](const char* id) { return FindNotice(f, id)->brands; };
  EXPECT_EQ(brands("1"), Strings{"Brookstone"});
  EXPECT_EQ(brands("2"), (Strings{"Moodooy", "YUEZHANG"}));
  EXPECT_EQ(brands("3"), Strings{"BenQ"});
  EXPECT_EQ(brands("5"), (Strings{"Instant Pot", "Fisher-Price"}));  // a brand of two words; "Recalled" opens the sentence
  EXPECT_TRUE(brands("4").empty());  // "brand name" without quotes, "non-branded", "co-branded"
}

TEST(CpscImportTest, RefusesASafetyGateFileGivenAsCpsc) {
  auto r = ImportFeed(NoticeSource::kUsCpsc, RecallFixture("safetygate_sample.json"));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().ToString().find("look like eu-safety-gate records"), std::string::npos) << r.error().ToString();
}

TEST(CpscImportTest, ARecallNumberMustBeTextOrAWholeNumber) {
  const FeedImport f = MustImport(NoticeSource::kUsCpsc, R"([
      {"RecallID": 1, "RecallNumber": true, "Title": "a"},
      {"RecallID": 2, "RecallNumber": 21004.5, "Title": "b"},
      {"RecallID": 3, "RecallNumber": {"n": 1}, "Title": "c"},
      {"RecallID": 4, "RecallNumber": ["21004"], "Title": "d"},
      {"RecallID": 5, "RecallNumber": -3, "Title": "e"},
      {"RecallID": 6, "RecallNumber": 21004, "RecallDate": "2021-03-04", "Title": "f"},
      {"RecallID": 7, "RecallNumber": 21005.0, "RecallDate": "2021-03-04", "Title": "g"},
      {"RecallID": 8, "RecallNumber": "21-006", "RecallDate": "2021-03-04", "Title": "h"}])");
  ASSERT_EQ(f.notices.size(), 3u);
  EXPECT_EQ(f.notices[0].id, "21004");
  EXPECT_EQ(f.notices[1].id, "21005");  // 21005.0 is the number 21005
  EXPECT_EQ(f.notices[2].id, "21006");
  EXPECT_EQ(ProblemLines(f), (Strings{
                                 "record 1: skipped: 'RecallNumber' should be text or a whole number, found a boolean (true)",
                                 "record 2: skipped: 'RecallNumber' should be text or a whole number, found a number that is not whole (21004.5)",
                                 "record 3: skipped: 'RecallNumber' should be text or a whole number, found an object",
                                 "record 4: skipped: 'RecallNumber' should be text or a whole number, found an array",
                                 "record 5: skipped: 'RecallNumber' should be text or a whole number, found a negative number (-3)",
                             }));
}

TEST(CpscImportTest, ChecksTheTimeOfADate) {
  const FeedImport f = MustImport(NoticeSource::kUsCpsc, R"([
      {"RecallID": 1, "RecallNumber": "1", "RecallDate": "2021-03-04T25:99:99"},
      {"RecallID": 2, "RecallNumber": "2", "RecallDate": "2021-03-04T10:22:33", "LastPublishDate": "2021-03-05T24:00:00"},
      {"RecallID": 3, "RecallNumber": "3", "RecallDate": "2021-03-04T"},
      {"RecallID": 4, "RecallNumber": "4", "RecallDate": "2021-03-04T10:22:33+25:00"},
      {"RecallID": 5, "RecallNumber": "5", "RecallDate": "2021-03-04T00:00:00"},
      {"RecallID": 6, "RecallNumber": "6", "RecallDate": "2021-03-04T23:59:60Z"},
      {"RecallID": 7, "RecallNumber": "7", "RecallDate": "2021-03-04 10:22"},
      {"RecallID": 8, "RecallNumber": "8", "RecallDate": "2021-03-04T10:22:33.125+05:30"},
      {"RecallID": 9, "RecallNumber": "9", "RecallDate": "2021-03-04T10:22:33-0800"}])");
  ASSERT_EQ(f.notices.size(), 5u);
  for (const Notice& n : f.notices) EXPECT_EQ(n.published->ToString(), "2021-03-04") << n.id;
  EXPECT_EQ(ProblemLines(f), (Strings{
                                 "record 1 (1): skipped: 'RecallDate' is not a date: '2021-03-04T25:99:99'; '25:99:99' is not a time of day "
                                 "(HH:MM:SS, hours 00-23, minutes 00-59)",
                                 "record 2 (2): skipped: 'LastPublishDate' is not a date: '2021-03-05T24:00:00'; '24:00:00' is not a time of day "
                                 "(HH:MM:SS, hours 00-23, minutes 00-59)",
                                 "record 3 (3): skipped: 'RecallDate' is not a date: '2021-03-04T'; '' is not a time of day "
                                 "(HH:MM:SS, hours 00-23, minutes 00-59)",
                                 "record 4 (4): skipped: 'RecallDate' is not a date: '2021-03-04T10:22:33+25:00'; '10:22:33+25:00' is not a time of day "
                                 "(HH:MM:SS, hours 00-23, minutes 00-59)",
                             }));
}

TEST(CpscImportTest, ADateInAnotherFormSkipsTheRecordAPlaceholderIsAWarning) {
  // The rule of feed_import.h, as in the other importers.
  const FeedImport f = MustImport(NoticeSource::kUsCpsc, R"([
      {"RecallID": 1, "RecallNumber": "1", "RecallDate": "03/04/2021"},
      {"RecallID": 2, "RecallNumber": "2", "RecallDate": "N/A"},
      {"RecallID": 3, "RecallNumber": "3", "RecallDate": 20210304}])");
  ASSERT_EQ(f.notices.size(), 1u);
  EXPECT_EQ(f.notices[0].id, "2");
  EXPECT_FALSE(f.notices[0].published);
  EXPECT_EQ(ProblemLines(f), (Strings{
                                 "record 1 (1): skipped: 'RecallDate' is not a date: '03/04/2021'; expected YYYY-MM-DD, optionally followed by "
                                 "a time (YYYY-MM-DDTHH:MM:SS)",
                                 "record 2 (2): warning: 'RecallDate' is not a date: 'N/A'; the date is left unknown",
                                 "record 3 (3): skipped: 'RecallDate' should be a date, found a number",
                             }));
}

}  // namespace
}  // namespace conform
