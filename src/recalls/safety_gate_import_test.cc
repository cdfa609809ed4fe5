#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "conform/recalls/feed_import.h"
#include "test_feeds.h"

namespace conform {
namespace {

using Strings = std::vector<std::string>;


// An alert number typed in lower case is the alert's; a brand field that
// says there is none names none.
TEST(SafetyGateImportTest, AlertNumbersInCapitalsPlaceholdersAndASlippedDate) {
  const FeedImport f = MustImport(NoticeSource::kEuSafetyGate, R"([
      {"alert_number": "a12/90010/24", "product_name": "Toy", "brand": "Unknown brand"},
      {"alert_number": "A12/90011/24", "product_name": "Toy", "brand": "Without brand; Lumikid"}])");
  ASSERT_EQ(f.notices.size(), 2u);
  EXPECT_EQ(f.notices[0].id, "A12/90010/24");
  EXPECT_TRUE(f.notices[0].brands.empty());
  EXPECT_EQ(f.notices[1].brands, std::vector<std::string>{"Lumikid"});
  // "All" batches restrict nothing; a last change before the publication
  // is kept, and said.
  const FeedImport g = MustImport(NoticeSource::kEuSafetyGate, R"([
      {"alert_number": "A12/90012/24", "product_name": "Toy", "batch_number": "All", "alert_date": "2024-05-02",
       "modification_date": "2024-04-30"}])");
  ASSERT_EQ(g.notices.size(), 1u);
  EXPECT_TRUE(g.notices[0].batch_numbers.empty());
  // Countries parted by commas, not inside an ISO name; pages one a line.
  const FeedImport h = MustImport(NoticeSource::kEuSafetyGate, R"([
      {"alert_number": "A12/90013/24", "product_name": "Toy", "country_of_origin": "China, Korea, Republic of, Taiwan, Province of China",
       "company_recall_page": "https://lumikid.example/recall\nhttps://lumikid.example/rappel"}])");
  ASSERT_EQ(h.notices.size(), 1u);
  EXPECT_EQ(h.notices[0].origin_countries, (std::vector<std::string>{"China", "Korea, Republic of", "Taiwan, Province of China"}));
  EXPECT_EQ(h.notices[0].related_urls, (std::vector<std::string>{"https://lumikid.example/recall", "https://lumikid.example/rappel"}));
  EXPECT_EQ(ProblemLines(g), std::vector<std::string>{"record 1 (A12/90012/24): warning: the last change (2024-04-30) is dated before the "
                                                      "publication (2024-05-02); both are kept as given"});
}

TEST(SafetyGateImportTest, ImportsTheWholeSharedSample) {
  const std::string path = SharedSafetyGateSamplePath();
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "the shared Safety Gate sample is not at " << path;
  const FeedImport f = MustImport(NoticeSource::kEuSafetyGate, ReadTestFile(path));
  EXPECT_EQ(f.records, 353u);
  EXPECT_EQ(f.notices.size(), 353u);
  EXPECT_EQ(f.skipped(), 0u);
  size_t with_gtin = 0, gtins = 0, invalid = 0, asins = 0;
  std::set<std::string> categories;
  for (const auto& n : f.notices) {
    with_gtin += !n.gtins.empty();
    gtins += n.gtins.size();
    invalid += n.invalid_barcodes.size();
    asins += n.asins.size();
    EXPECT_FALSE(n.hazard_types.empty()) << n.id;
    categories.insert(n.category);
    // The export's literal "None" never survives into a notice.
    EXPECT_EQ(NoticeToJson(n, false).find("\"None\""), std::string::npos) << n.id;
  }
  // 113 alerts have a barcode field: 103 of them with at least one valid
  // GTIN, 120 GTINs in all; 1 is an Amazon ASIN, read as such; 9 codes are
  // not GTINs (6 wrong check digits, 1 of 10 digits, 2 Amazon fulfilment
  // labels, FNSKU), each a warning. Six more warnings say that the type
  // numbers of A12/03159/24 (two) and A12/03112/24 (four) were read from
  // their batch fields.
  EXPECT_EQ(with_gtin, 103u);
  EXPECT_EQ(gtins, 120u);
  EXPECT_EQ(asins, 1u);
  EXPECT_EQ(invalid, 9u);
  EXPECT_EQ(f.warnings(), 15u);
  EXPECT_EQ(categories.count("Motor vehicles"), 1u);
}

TEST(SafetyGateImportTest, ReadsTheWeeklyExportFields) {
  const FeedImport f = MustImport(NoticeSource::kEuSafetyGate, RecallFixture("safetygate_sample.json"));
  ASSERT_EQ(f.notices.size(), 11u);
  EXPECT_EQ(f.skipped(), 0u);

  const Notice* car = FindNotice(f, "A12/00017/20");
  ASSERT_NE(car, nullptr);
  EXPECT_EQ(car->source, NoticeSource::kEuSafetyGate);
  EXPECT_EQ(car->product_name, "Passenger Car");
  EXPECT_EQ(car->brands, Strings{"Bentley"});
  EXPECT_EQ(car->hazard_types, (Strings{"Fire", "Injuries"}));
  EXPECT_EQ(car->company_recall_code, "RE 19/27 (RB41)");
  EXPECT_EQ(car->origin_countries, Strings{"United Kingdom"});
  EXPECT_EQ(car->production_period, "The affected vehicles were manufactured from 02/10/2016 to 27/01/2018");
  EXPECT_FALSE(car->published);  // the weekly export has no dates
  EXPECT_TRUE(car->url.empty());  // "None"
  EXPECT_NE(car->raw.find("\"alert_number\":\"A12/00017/20\""), std::string::npos);

  // Several brands in one field; a recall code on two lines.
  const Notice* citroen = FindNotice(f, "A12/01048/24");
  ASSERT_NE(citroen, nullptr);
  EXPECT_EQ(citroen->brands, (Strings{"CITROEN", "DS"}));

  // Eight barcodes, one per line.
  const Notice* helmet = FindNotice(f, "A12/01135/24");
  ASSERT_NE(helmet, nullptr);
  EXPECT_EQ(helmet->gtins.size(), 8u);
  EXPECT_EQ(helmet->gtins.front(), "08055186669918");
  EXPECT_EQ(helmet->batch_numbers, Strings{"2022/04"});
  EXPECT_TRUE(helmet->origin_countries.empty());  // "Unknown"

  // Batch numbers: one per line, as given.
  const Notice* mower = FindNotice(f, "A12/03112/24");
  ASSERT_NE(mower, nullptr);
  ASSERT_EQ(mower->batch_numbers.size(), 7u);
  EXPECT_EQ(mower->batch_numbers[0], "From MCJF-1000031 to MCJF-1005100 (HRM1000)");
  // Each range names its type in brackets ("(HRM1500 Live)"), and the model
  // field is empty: the types are the models, each once.
  EXPECT_EQ(mower->model_numbers, (Strings{"HRM1000", "HRM1500", "HRM2500", "HRM4000"}));

  // Codes that are not GTINs are kept aside and reported, never used.
  const Notice* perfume = FindNotice(f, "A12/01477/23");
  ASSERT_NE(perfume, nullptr);
  EXPECT_TRUE(perfume->gtins.empty());
  EXPECT_EQ(perfume->invalid_barcodes, Strings{"871565899960: wrong check digit (expected 1)"});
  EXPECT_EQ(perfume->brands, Strings{"OMERTA® & WEALTH"});
  // An Amazon ASIN in the barcode field is no GTIN, but names the product
  // page: read, not reported.
  const Notice* projector = FindNotice(f, "A12/03648/24");
  ASSERT_NE(projector, nullptr);
  EXPECT_TRUE(projector->gtins.empty());
  EXPECT_TRUE(projector->invalid_barcodes.empty());
  EXPECT_EQ(projector->asins, Strings{"B0CHYPVWHV"});
  ASSERT_EQ(f.warnings(), 5u);  // the barcode's, and the mower's four type numbers
  EXPECT_EQ(f.problems[0].id, "A12/01477/23");
  EXPECT_EQ(f.problems[0].index, 2u);
  EXPECT_NE(f.problems[0].ToString().find("record 3 (A12/01477/23): warning: barcode '871565899960'"), std::string::npos);
}

TEST(SafetyGateImportTest, ReadsTheOpenDataSoftExport) {
  const FeedImport f = MustImport(NoticeSource::kEuSafetyGate, RecallFixture("safetygate_opendatasoft.json"));
  ASSERT_EQ(f.notices.size(), 2u);
  EXPECT_TRUE(f.problems.empty());
  const Notice& set = f.notices[0];
  EXPECT_EQ(set.id, "A12/03202/24");
  ASSERT_TRUE(set.published);
  EXPECT_EQ(set.published->ToString(), "2024-11-22");
  EXPECT_EQ(set.updated->ToString(), "2024-11-22");
  EXPECT_EQ(set.hazard_types, Strings{"Strangulation"});
  EXPECT_EQ(set.risk_level, "Serious risk");
  EXPECT_EQ(set.notifying_country, "Cyprus");
  EXPECT_EQ(set.model_numbers, Strings{"SPIDER-MAN"});
  EXPECT_EQ(set.gtins, Strings{"05299900577797"});
  EXPECT_NE(set.hazard_description.find("drawstrings"), std::string::npos);
  EXPECT_EQ(set.url, "https://ec.europa.eu/safety-gate-alerts/screen/webReport/alertDetail/10000001");
  const Notice& helmet = f.notices[1];
  EXPECT_EQ(helmet.gtins.size(), 3u);  // "a, b; c"
  EXPECT_EQ(helmet.measures, (Strings{"Recall of the product from end users", "Withdrawal of the product from the market"}));
}

TEST(SafetyGateImportTest, ReadsOlderOpenDataSoftAndXmlExportNames) {
  const FeedImport f = MustImport(NoticeSource::kEuSafetyGate, R"({"records": [
      {"datasetid": "healthref-europe-rapex-en", "fields": {"alert_number": "A12/00001/21", "product_name": "Toy", "product_barcode": "4006381333931"}},
      {"record": {"id": "x", "fields": {"alert_number": "A12/00002/21", "product_name": "Lamp"}}}]})");
  ASSERT_EQ(f.notices.size(), 2u);
  EXPECT_EQ(f.notices[0].gtins, Strings{"04006381333931"});
  EXPECT_EQ(f.notices[1].product_name, "Lamp");

  const FeedImport x = MustImport(NoticeSource::kEuSafetyGate,
                                  R"([{"caseNumber": "A12/00003/21", "name": "Charger", "brand": "Acme", "typeNumberModel": "AC-1\nAC-2",
                                       "riskType": "Electric shock", "countryOfOrigin": "China", "submittedBy": "Germany",
                                       "distributionCountries": "Germany, Austria", "urlOfCase": "https://example.org/a"}])");
  ASSERT_EQ(x.notices.size(), 1u);
  const Notice& n = x.notices[0];
  EXPECT_EQ(n.id, "A12/00003/21");
  EXPECT_EQ(n.model_numbers, (Strings{"AC-1", "AC-2"}));
  EXPECT_EQ(n.notifying_country, "Germany");
  EXPECT_EQ(n.market_countries, (Strings{"Germany", "Austria"}));
  EXPECT_EQ(n.url, "https://example.org/a");
}

TEST(SafetyGateImportTest, ReadsTheXmlExportsDescription) {
  // The matcher finds model numbers in the description: "HD-2000" here.
  const FeedImport f = MustImport(NoticeSource::kEuSafetyGate, R"([
      {"caseNumber": "A12/07001/23", "name": "Hair dryer", "description": "Hair dryer with black housing, model HD-2000 printed on the label"}])");
  ASSERT_EQ(f.notices.size(), 1u);
  EXPECT_EQ(f.notices[0].product_name, "Hair dryer");
  EXPECT_EQ(f.notices[0].description, "Hair dryer with black housing, model HD-2000 printed on the label");
  EXPECT_TRUE(f.problems.empty());
}

TEST(SafetyGateImportTest, PlaceholdersAreNoBrandModelOrBatchNumber) {
  // A placeholder is checked on the whole field before it is split: "N/A"
  // is no brand, not brands "N" and "A".
  const FeedImport f = MustImport(NoticeSource::kEuSafetyGate, R"([
      {"alert_number": "A12/09006/24", "product_name": "Helmet", "product_brand": "N/A", "product_model_type": "-", "product_batch_number": "n/a"},
      {"alert_number": "A12/09007/24", "product_name": "Helmet", "product_brand": "n.a.", "product_model_type": "--"},
      {"alert_number": "A12/09008/24", "product_name": "Helmet", "product_brand": "Not known", "product_model_type": "NA"},
      {"alert_number": "A12/09009/24", "product_name": "Helmet", "product_brand": "none", "product_model_type": "Unknown"},
      {"alert_number": "A12/09010/24", "product_name": "Helmet", "product_brand": "Acme / unknown", "product_model_type": "H-1\n-\nnot known",
       "product_batch_number": "L1\nN/A"},
      {"alert_number": "A12/09011/24", "product_name": "Helmet", "product_brand": ["-", "Acme"], "product_model_type": ["n/a", "H-2"]}])");
  ASSERT_EQ(f.notices.size(), 6u);
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_TRUE(f.notices[i].brands.empty()) << f.notices[i].id << ": " << f.notices[i].brands.front();
    EXPECT_TRUE(f.notices[i].model_numbers.empty()) << f.notices[i].id << ": " << f.notices[i].model_numbers.front();
    EXPECT_TRUE(f.notices[i].batch_numbers.empty()) << f.notices[i].id;
  }
  EXPECT_EQ(f.notices[4].brands, Strings{"Acme"});
  EXPECT_EQ(f.notices[4].model_numbers, Strings{"H-1"});
  EXPECT_EQ(f.notices[4].batch_numbers, Strings{"L1"});
  EXPECT_EQ(f.notices[5].brands, Strings{"Acme"});
  EXPECT_EQ(f.notices[5].model_numbers, Strings{"H-2"});
  EXPECT_TRUE(f.problems.empty());
  // As the authorities write it in their own languages: Slovak's "not
  // stated" (a real alert's, SR/03726/24), Polish, German, French.
  const FeedImport own_words = MustImport(NoticeSource::kEuSafetyGate, R"([
      {"alert_number": "SR/03726/24", "product_name": "Novelty lighter", "brand": "Neuvedena"},
      {"alert_number": "A12/09012/24", "product_name": "Helmet", "brand": "Bez marki"},
      {"alert_number": "A12/09013/24", "product_name": "Helmet", "brand": "Unbekannt"},
      {"alert_number": "A12/09014/24", "product_name": "Helmet", "brand": "Sans marque"}])");
  ASSERT_EQ(own_words.notices.size(), 4u);
  for (const Notice& n : own_words.notices) EXPECT_TRUE(n.brands.empty()) << n.id << ": " << n.brands.front();
}

TEST(SafetyGateImportTest, SplitsModelFieldsAtSemicolonsAndDropsTheirLabels) {
  // One model per line or ';'-separated entry, without its label ("Model:",
  // any case, with the German and French forms), so that each is the code.
  const FeedImport f = MustImport(NoticeSource::kEuSafetyGate, R"([
      {"alert_number": "A12/09201/24", "product_name": "Charger", "product_model_type": "Model: QC-3000; QC-3001"},
      {"alert_number": "A12/09202/24", "product_name": "Charger", "product_model_type": "Model no.: AB-1;Type: AB-2\nArt. no.: 4711;  ITEM NO.: X1"},
      {"alert_number": "A12/09203/24", "product_name": "Charger",
       "product_model_type": "Ref.: R1; Réf. : R2; RÉF.\u00a0: R3; Art.-Nr.: 123.456; Artikelnummer: 55; Modèle : M-9; Model number: M-10"},
      {"alert_number": "A12/09204/24", "product_name": "Charger", "product_model_type": "Model: N/A; Model:; Type: -"},
      {"alert_number": "A12/09205/24", "product_name": "Charger", "product_model_type": ["Model: H9; H10", "Type: H11"]}])");
  ASSERT_EQ(f.notices.size(), 5u);
  EXPECT_EQ(f.notices[0].model_numbers, (Strings{"QC-3000", "QC-3001"}));
  EXPECT_EQ(f.notices[1].model_numbers, (Strings{"AB-1", "AB-2", "4711", "X1"}));
  EXPECT_EQ(f.notices[2].model_numbers, (Strings{"R1", "R2", "R3", "123.456", "55", "M-9", "M-10"}));
  EXPECT_TRUE(f.notices[3].model_numbers.empty()) << f.notices[3].model_numbers.front();  // placeholders behind a label
  EXPECT_EQ(f.notices[4].model_numbers, (Strings{"H9", "H10", "H11"}));
  EXPECT_TRUE(f.problems.empty());
}

TEST(SafetyGateImportTest, KeepsModelCodesWholeAtCommasSlashesAndUnknownLabels) {
  // ',' and '/' are inside codes and ratings; a label is dropped only when
  // known and followed by a colon ("Model S" is a car; "E2037: 2318" names
  // a part).
  const FeedImport f = MustImport(NoticeSource::kEuSafetyGate, R"([
      {"alert_number": "A12/09211/24", "product_name": "Heater", "product_model_type": "A/B-100\n1,5 kW\nModel S\nE2037: 2318\nColour: red"}])");
  ASSERT_EQ(f.notices.size(), 1u);
  EXPECT_EQ(f.notices[0].model_numbers, (Strings{"A/B-100", "1,5 kW", "Model S", "E2037: 2318", "Colour: red"}));
}

// Batches listed under a type number ("E2037: 2318, 2319"): the type is
// the notice's model when its model field gives none. Not a label of
// words ("Lot: 2318"), nor batches led by a code that are not numbers.
TEST(SafetyGateImportTest, ATypeNumberOverItsBatchesIsAModel) {
  const FeedImport f = MustImport(NoticeSource::kEuSafetyGate, R"([
    {"alert_number": "A12/90010/24", "product_name": "Power bank", "model_type_number": "None",
     "batch_number": "QX2040: 2318, 2319 and 2322\nQX20402: 2313"},
    {"alert_number": "A12/90011/24", "product_name": "Power bank", "model_type_number": "QX-1",
     "batch_number": "QX2040: 2318"},
    {"alert_number": "A12/90012/24", "product_name": "Power bank", "model_type_number": "None",
     "batch_number": "Lot: 2318\nLOT7A: see the label"}
  ])");
  ASSERT_EQ(f.notices.size(), 3u);
  EXPECT_EQ(f.notices[0].model_numbers, (std::vector<std::string>{"QX2040", "QX20402"}));
  EXPECT_EQ(f.notices[0].batch_numbers.size(), 2u);
  EXPECT_EQ(f.notices[1].model_numbers, (std::vector<std::string>{"QX-1"}));
  EXPECT_TRUE(f.notices[2].model_numbers.empty());
  EXPECT_EQ(f.warnings(), 2u);
}

TEST(SafetyGateImportTest, SplitsBrandsAtPipesButNotInsideBrandNames) {
  // '|' joins brands as ',' and '/' do; " and ", '&' and '+' are parts of
  // brand names. A placeholder in the list is left out before '/' splits.
  const FeedImport f = MustImport(NoticeSource::kEuSafetyGate, R"([
      {"alert_number": "A12/09221/24", "product_name": "Toy", "brand": "Acme|Globex | Initech"},
      {"alert_number": "A12/09222/24", "product_name": "Toy", "brand": "Marks and Spencer | Bang & Olufsen"},
      {"alert_number": "A12/09223/24", "product_name": "Toy", "brand": "Dolce & Gabbana"},
      {"alert_number": "A12/09224/24", "product_name": "Toy", "brand": "C+C|N/A"},
      {"alert_number": "A12/09225/24", "product_name": "Toy", "product_brand": ["Kiddo | Fun Time"]},
      {"alert_number": "A12/09226/24", "product_name": "Toy", "brand": "Acme, N/A"}])");
  ASSERT_EQ(f.notices.size(), 6u);
  EXPECT_EQ(f.notices[0].brands, (Strings{"Acme", "Globex", "Initech"}));
  EXPECT_EQ(f.notices[1].brands, (Strings{"Marks and Spencer", "Bang & Olufsen"}));
  EXPECT_EQ(f.notices[2].brands, Strings{"Dolce & Gabbana"});
  EXPECT_EQ(f.notices[3].brands, Strings{"C+C"});
  EXPECT_EQ(f.notices[4].brands, (Strings{"Kiddo", "Fun Time"}));
  EXPECT_EQ(f.notices[5].brands, Strings{"Acme"});  // a placeholder among brands: not "N" and "A"
}

TEST(SafetyGateImportTest, InvisibleCharactersAreDroppedAndNoBreakSpacesArePlain) {
  // As in every feed: what prints nothing is not text; a no-break space is
  // a space (the brand and model are found by their visible letters).
  const FeedImport f = MustImport(NoticeSource::kEuSafetyGate, R"([
      {"alert_number": "A12/09301/24", "product_name": "Hair\u00a0dryer\u200b", "brand": "\u200bAcme\ufeff", "product_model_type": "HD\u2060-2000",
       "barcode": "4006381333931\u200b"}])");
  ASSERT_EQ(f.notices.size(), 1u);
  EXPECT_EQ(f.notices[0].product_name, "Hair dryer");
  EXPECT_EQ(f.notices[0].brands, Strings{"Acme"});
  EXPECT_EQ(f.notices[0].model_numbers, Strings{"HD-2000"});
  EXPECT_EQ(f.notices[0].gtins, Strings{"04006381333931"});
  EXPECT_TRUE(f.problems.empty()) << ProblemLines(f).front();
}

TEST(SafetyGateImportTest, TheSharedSamplesModelAndBrandFields) {
  // The 353 real alerts leave every model field empty ("None"), and two
  // list their batches by type number in their batch fields, which are
  // read as their models; no brand field holds '|'; "Citroen & DS" (three
  // vehicle alerts) is two makes, and the other two brands with '&' stay
  // whole ("SUN & SPORT", "OMERTA® & WEALTH"); "GOUPIL / POLARIS G2, G4,
  // G6", a vehicle alert's description without a brand field, names two.
  const std::string path = SharedSafetyGateSamplePath();
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "the shared Safety Gate sample is not at " << path;
  const FeedImport f = MustImport(NoticeSource::kEuSafetyGate, ReadTestFile(path));
  ASSERT_EQ(f.notices.size(), 353u);
  size_t brands = 0, with_ampersand = 0;
  for (const auto& n : f.notices) {
    if (n.id == "A12/03159/24")
      EXPECT_EQ(n.model_numbers, (std::vector<std::string>{"E2037", "E20382"}));
    else if (n.id == "A12/03112/24")
      EXPECT_EQ(n.model_numbers, (std::vector<std::string>{"HRM1000", "HRM1500", "HRM2500", "HRM4000"}));
    else
      EXPECT_TRUE(n.model_numbers.empty()) << n.id;
    brands += n.brands.size();
    for (const auto& b : n.brands) {
      EXPECT_EQ(b.find('|'), std::string::npos) << n.id;
      with_ampersand += b.find('&') != std::string::npos;
    }
  }
  EXPECT_EQ(with_ampersand, 2u);
  // Of 319 brand fields, one of which, "Neuvedena" (not stated), names
  // none: 341, and one more for "VW - Volkswagen AG", a make and its
  // maker; and a brandless vehicle alert's two makes in its description.
  EXPECT_EQ(brands, 344u);
  const auto em = std::find_if(f.notices.begin(), f.notices.end(), [](const Notice& n) { return n.id == "EM/00004/24"; });
  ASSERT_NE(em, f.notices.end());
  EXPECT_EQ(em->brands, (Strings{"Citroen", "DS"}));
}

TEST(SafetyGateImportTest, AVehiclesMakesJoinedByAnAmpersandAreTwoBrands) {
  const FeedImport f = MustImport(NoticeSource::kEuSafetyGate, R"([
      {"alert_number": "A12/09310/24", "product_name": "Passenger car", "product_description": "C3, DS3", "brand": "Citroen & DS",
       "product_category": "Motor vehicles"},
      {"alert_number": "A12/09311/24", "product_name": "Passenger car", "brand": "Peugeot & Citroen / Opel", "product_category": "motor vehicles"},
      {"alert_number": "A12/09312/24", "product_name": "Sports bag", "brand": "SUN & SPORT", "product_category": "Hobby/sports equipment"},
      {"alert_number": "A12/09313/24", "product_name": "Passenger car", "brand": "Unknown & Fiat", "product_category": "Motor vehicles"},
      {"alert_number": "A12/09314/24", "product_name": "Passenger car", "brand": "VW - Volkswagen AG", "product_category": "Motor vehicles"},
      {"alert_number": "A12/09315/24", "product_name": "Sports bag", "brand": "Sun - Sport", "product_category": "Hobby/sports equipment"}])");
  ASSERT_EQ(f.notices.size(), 6u);
  // A make and its maker's company (A12/03161/24 of the shared sample).
  EXPECT_EQ(f.notices[4].brands, (Strings{"VW", "Volkswagen AG"}));
  EXPECT_EQ(f.notices[5].brands, Strings{"Sun - Sport"});
  EXPECT_EQ(f.notices[0].brands, (Strings{"Citroen", "DS"}));
  EXPECT_EQ(f.notices[1].brands, (Strings{"Peugeot", "Citroen", "Opel"}));
  EXPECT_EQ(f.notices[2].brands, Strings{"SUN & SPORT"});
  EXPECT_EQ(f.notices[3].brands, Strings{"Fiat"});
}

TEST(SafetyGateImportTest, ABrandlessVehicleAlertsMakesInItsDescriptionAreItsBrands) {
  // "GOUPIL / POLARIS G2, G4, G6" (A12/00845/24 of the shared sample) names
  // the makes before the models. A model list alone stays the description,
  // and a brand field's makes are not added to.
  const FeedImport f = MustImport(NoticeSource::kEuSafetyGate, R"([
      {"alert_number": "A12/09320/24", "product_name": "Commercial vehicle", "product_description": "GOUPIL / POLARIS G2, G4, G6",
       "product_category": "Motor vehicles"},
      {"alert_number": "A12/09321/24", "product_name": "Passenger car", "product_description": "KUGA, PUMA", "product_category": "Motor vehicles"},
      {"alert_number": "A12/09322/24", "product_name": "Passenger car", "product_description": "DACIA Sandero, Duster",
       "product_category": "Motor vehicles"},
      {"alert_number": "A12/09323/24", "product_name": "Passenger car", "product_description": "GOUPIL / POLARIS G2, G4", "brand": "Goupil",
       "product_category": "Motor vehicles"},
      {"alert_number": "A12/09324/24", "product_name": "USB charger", "product_description": "USB CHARGER, 2A",
       "product_category": "Electrical appliances and equipment"}])");
  ASSERT_EQ(f.notices.size(), 5u);
  EXPECT_EQ(f.notices[0].brands, (Strings{"GOUPIL", "POLARIS"}));
  EXPECT_EQ(f.notices[0].description, "G2, G4, G6");
  EXPECT_TRUE(f.notices[1].brands.empty());
  EXPECT_EQ(f.notices[1].description, "KUGA, PUMA");
  EXPECT_EQ(f.notices[2].brands, Strings{"DACIA"});
  EXPECT_EQ(f.notices[2].description, "Sandero, Duster");
  EXPECT_EQ(f.notices[3].brands, Strings{"Goupil"});
  EXPECT_EQ(f.notices[3].description, "GOUPIL / POLARIS G2, G4");
  EXPECT_TRUE(f.notices[4].brands.empty());
}

TEST(SafetyGateImportTest, ListFieldsMayBeArraysOfText) {
  // Fields whose meaning is a list read an array of text as the list, each
  // item as the same field's text would be; alert_type and
  // measures_country always could.
  const FeedImport f = MustImport(NoticeSource::kEuSafetyGate, R"({"records": [
      {"fields": {"alert_number": "A12/09101/24", "product_name": "Helmet", "product_barcode": ["4006381333931", "4006381333948", null],
                  "product_brand": ["Kiddo / Fun Time", "Acme"], "product_model_type": ["H9", "H10\nH11"], "product_batch_number": ["L1", "L2"]}},
      {"fields": {"alert_number": "A12/09102/24", "product_name": "Helmet", "product_barcode": [4006381333931]}}]})");
  ASSERT_EQ(f.notices.size(), 2u);
  const Notice& helmet = f.notices[0];
  EXPECT_EQ(helmet.gtins, (Strings{"04006381333931", "04006381333948"}));
  EXPECT_EQ(helmet.brands, (Strings{"Kiddo", "Fun Time", "Acme"}));
  EXPECT_EQ(helmet.model_numbers, (Strings{"H9", "H10", "H11"}));
  EXPECT_EQ(helmet.batch_numbers, (Strings{"L1", "L2"}));
  EXPECT_EQ(f.notices[1].gtins, Strings{"04006381333931"});  // a number, as the field's scalar would be
  EXPECT_TRUE(f.problems.empty());

  const FeedImport x = MustImport(NoticeSource::kEuSafetyGate, R"([
      {"caseNumber": "A12/07002/23", "name": "Toy", "brand": ["Unknown"], "countryOfOrigin": ["China"],
       "distributionCountries": ["Austria", "Belgium, Czechia", "Unknown"], "barcode": ["036000291452", "4006381333930"]},
      {"caseNumber": "A12/07003/23", "name": "Toy", "brand": {"#text": "Nested"}},
      {"caseNumber": "A12/07004/23", "name": "Toy", "distributionCountries": [["Austria"]]},
      {"caseNumber": "A12/07005/23", "name": "Toy", "barcode": ["036000291452", {"code": "4006381333931"}]},
      {"caseNumber": "A12/07006/23", "name": "Toy", "typeNumberModel": [true]},
      {"caseNumber": "A12/07007/23", "name": ["Toy"]}])");
  ASSERT_EQ(x.notices.size(), 1u);
  const Notice& toy = x.notices[0];
  EXPECT_TRUE(toy.brands.empty());
  EXPECT_EQ(toy.origin_countries, Strings{"China"});
  EXPECT_EQ(toy.market_countries, (Strings{"Austria", "Belgium", "Czechia"}));
  EXPECT_EQ(toy.gtins, Strings{"00036000291452"});
  // An array of other things than text stays an error naming the field;
  // so does an array where one text is meant (a name).
  EXPECT_EQ(ProblemLines(x), (Strings{
                                 "record 1 (A12/07002/23): warning: barcode '4006381333930' is not a GTIN: wrong check digit (expected 1)",
                                 "record 2 (A12/07003/23): skipped: 'brand' should be text or an array of text, found an object",
                                 "record 3 (A12/07004/23): skipped: 'distributionCountries' should be text or an array of text, found an array "
                                 "holding an array",
                                 "record 4 (A12/07005/23): skipped: 'barcode' should be text or an array of text, found an array holding an object",
                                 "record 5 (A12/07006/23): skipped: 'typeNumberModel' should be text or an array of text, found an array holding a "
                                 "boolean",
                                 "record 6 (A12/07007/23): skipped: 'name' should be text, found an array",
                             }));
}

TEST(SafetyGateImportTest, SkipsMalformedRecordsAndImportsTheRest) {
  const FeedImport f = MustImport(NoticeSource::kEuSafetyGate, R"([
      {"alert_number": "A12/00010/24", "product_name": "Toy", "brand": "Acme"},
      {"alert_number": "None", "product_name": "no number"},
      {"alert_number": "A12/00011/24", "product_name": ["not", "text"]},
      {"alert_number": "A12/00012/24", "alert_date": "2024-02-30", "product_name": "Lamp"},
      42,
      {"alert_number": "A12/00013/24", "product_name": "Kettle"}])");
  EXPECT_EQ(f.records, 6u);
  ASSERT_EQ(f.notices.size(), 2u);
  EXPECT_EQ(f.notices[0].id, "A12/00010/24");
  EXPECT_EQ(f.notices[1].id, "A12/00013/24");
  ASSERT_EQ(f.skipped(), 4u);
  EXPECT_EQ(f.problems[0].ToString(), "record 2: skipped: no alert number ('alert_number' or 'caseNumber')");
  EXPECT_EQ(f.problems[1].ToString(), "record 3 (A12/00011/24): skipped: 'product_name' should be text, found an array");
  EXPECT_EQ(f.problems[2].ToString(), "record 4 (A12/00012/24): skipped: 'alert_date' is not a date: '2024-02-30'");
  EXPECT_EQ(f.problems[3].ToString(), "record 5: skipped: a record must be a JSON object, found 42");
}

TEST(SafetyGateImportTest, RefusesFeedsThatAreNotSafetyGate) {
  auto cpsc = ImportFeed(NoticeSource::kEuSafetyGate, RecallFixture("cpsc_recalls.json"));
  ASSERT_FALSE(cpsc.ok());
  EXPECT_NE(cpsc.error().ToString().find("this is not an eu-safety-gate feed: 3 of its 3 records look like us-cpsc records"), std::string::npos)
      << cpsc.error().ToString();
  EXPECT_NE(cpsc.error().ToString().find("--source us-cpsc"), std::string::npos);

  auto unknown = ImportFeed(NoticeSource::kEuSafetyGate, R"([{"sku": "1"}, {"sku": "2"}])");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().ToString().find("none of its 2 records has 'alert_number' or 'caseNumber'"), std::string::npos);

  auto broken = ImportFeed(NoticeSource::kEuSafetyGate, "[{\"alert_number\": ");
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.error().ToString().find("not valid JSON"), std::string::npos);

  auto scalar = ImportFeed(NoticeSource::kEuSafetyGate, "\"alerts\"");
  ASSERT_FALSE(scalar.ok());

  // An empty feed is a feed with nothing in it, not an error.
  EXPECT_EQ(MustImport(NoticeSource::kEuSafetyGate, "[]").records, 0u);
}

TEST(SafetyGateImportTest, AnAlertNumberMustBeTextAndDatesMustBeDates) {
  const FeedImport f = MustImport(NoticeSource::kEuSafetyGate, R"([
      {"alert_number": true, "product_name": "Toy"},
      {"alert_number": 42, "product_name": "Lamp"},
      {"caseNumber": {"id": "A12/00001/25"}, "product_name": "Kettle"},
      {"alert_number": "A12/00002/25", "alert_date": "2024/01/02", "product_name": "Heater"},
      {"alert_number": "A12/00003/25", "alert_date": "2024-01-02", "modification_date": "2024-01-03T24:00:00", "product_name": "Fan"},
      {"alert_number": "A12/00004/25", "alert_date": "2024-01-02T08:00:00+01:00", "modification_date": "None", "product_name": "Iron"}])");
  ASSERT_EQ(f.notices.size(), 1u);
  EXPECT_EQ(f.notices[0].id, "A12/00004/25");
  EXPECT_EQ(f.notices[0].published->ToString(), "2024-01-02");
  EXPECT_FALSE(f.notices[0].updated);
  EXPECT_EQ(ProblemLines(f), (Strings{
                                 "record 1: skipped: 'alert_number' should be text, found a boolean (true)",
                                 "record 2: skipped: 'alert_number' should be text, found a number (42)",
                                 "record 3: skipped: 'caseNumber' should be text, found an object",
                                 "record 4 (A12/00002/25): skipped: 'alert_date' is not a date: '2024/01/02'; expected YYYY-MM-DD, optionally "
                                 "followed by a time (YYYY-MM-DDTHH:MM:SS)",
                                 "record 5 (A12/00003/25): skipped: 'modification_date' is not a date: '2024-01-03T24:00:00'; '24:00:00' is not a "
                                 "time of day (HH:MM:SS, hours 00-23, minutes 00-59)",
                                 "record 6 (A12/00004/25): warning: 'modification_date' is not a date: 'None'; the date is left unknown",
                             }));
}

// The first diagnostic of a refused feed.
Diagnostic RefusalOf(std::string_view text) {
  auto r = ImportFeed(NoticeSource::kEuSafetyGate, text);
  EXPECT_FALSE(r.ok()) << text;
  return r.ok() ? Diagnostic{} : r.error().diagnostics().at(0);
}

TEST(FeedJsonErrorTest, SaysWhereAndWhatTheParserFound) {
  const Diagnostic d = RefusalOf("[{\"alert_number\": \"A12/00001/25\"}\n {\"alert_number\": \"A12/00002/25\"}]");
  EXPECT_EQ(d.line, 2);
  EXPECT_EQ(d.column, 2);
  EXPECT_EQ(d.message, "not valid JSON: unexpected '{'; expected ']'");
  EXPECT_NE(d.hint.find("is this the feed's JSON answer"), std::string::npos) << d.hint;

  // Columns count characters, not bytes: "é" is one.
  const Diagnostic e = RefusalOf("[{\"product_name\": \"Thé\" \"alert_number\": 1}]");
  EXPECT_EQ(e.line, 1);
  EXPECT_EQ(e.column, 25);
  EXPECT_NE(e.message.find("expected '}'"), std::string::npos) << e.message;
  // The column is where the unexpected string or number starts (the parser
  // stops at its end), escaped quotes and all.
  EXPECT_EQ(RefusalOf("[{\"a\": \"x\" \"b\\\"c\": 1}]").column, 12);
  EXPECT_EQ(RefusalOf("{\"a\" -12345}").column, 6);

  // Cut short.
  const Diagnostic cut = RefusalOf("[{\"alert_number\": ");
  EXPECT_EQ(cut.line, 1);
  EXPECT_EQ(cut.column, 19);
  EXPECT_NE(cut.message.find("not valid JSON: unexpected end of input"), std::string::npos) << cut.message;
  EXPECT_NE(cut.hint.find("cut short"), std::string::npos) << cut.hint;

  // Two documents in one file.
  const Diagnostic two = RefusalOf("[]\n[]");
  EXPECT_EQ(two.line, 2);
  EXPECT_EQ(two.column, 1);
  EXPECT_NE(two.hint.find("one feed answer per file"), std::string::npos) << two.hint;
  // JSON Lines: an object a line, named as such.
  const Diagnostic lines = RefusalOf("{\"alert_number\": \"A12/90014/24\"}\n{\"alert_number\": \"A12/90015/24\"}\n");
  EXPECT_EQ(lines.line, 2);
  EXPECT_NE(lines.hint.find("JSON Lines"), std::string::npos) << lines.hint;

  // A long string in "last read" is cut short in the message.
  const Diagnostic raw = RefusalOf("[\"" + std::string(500, 'x') + "\n\"]");
  EXPECT_LT(raw.message.size(), 200u) << raw.message;
  EXPECT_NE(raw.message.find("control character"), std::string::npos) << raw.message;

  // With the file name the CLI adds: "feed.json:2:2: not valid JSON: ...".
  Diagnostic named = d;
  named.file = "feed.json";
  EXPECT_EQ(named.ToString().rfind("feed.json:2:2: not valid JSON: unexpected '{'", 0), 0u) << named.ToString();
}

TEST(FeedJsonErrorTest, NamesEmptyUtf16AndNonUtf8Files) {
  for (std::string_view empty : {"", "  \n\t\r\n"}) {
    const Diagnostic d = RefusalOf(empty);
    EXPECT_EQ(d.message, "not valid JSON: the file is empty");
  }
  // UTF-16 with either byte order mark, or without one (NUL bytes).
  for (std::string_view utf16 : {std::string_view("\xFF\xFE[\0]\0", 6), std::string_view("\xFE\xFF\0[\0]", 6), std::string_view("[\0]\0", 4)}) {
    const Diagnostic d = RefusalOf(utf16);
    EXPECT_NE(d.message.find("the file is UTF-16"), std::string::npos) << d.message;
    EXPECT_NE(d.hint.find("save it as UTF-8"), std::string::npos) << d.hint;
  }
  // Latin-1 "é" (0xE9) inside a string, and a stray byte outside one.
  const Diagnostic latin1 = RefusalOf("[\n {\"alert_number\": \"A\xE9\"}]");
  EXPECT_EQ(latin1.message, "not valid JSON: not valid UTF-8 (byte 0xE9)");
  EXPECT_EQ(latin1.line, 2);
  EXPECT_EQ(latin1.column, 21);
  EXPECT_NE(latin1.hint.find("save the file as UTF-8"), std::string::npos);
  const Diagnostic stray = RefusalOf("[1, \xFF]");
  EXPECT_EQ(stray.message, "not valid JSON: not valid UTF-8 (byte 0xFF)");
  EXPECT_EQ(stray.column, 5);
  // An overlong form and an encoded surrogate are not UTF-8 either.
  EXPECT_EQ(RefusalOf("[\"\xC0\xAF\"]").message, "not valid JSON: not valid UTF-8 (byte 0xC0)");
  EXPECT_EQ(RefusalOf("[\"\xED\xA0\x80\"]").message, "not valid JSON: not valid UTF-8 (byte 0xED)");
  // A UTF-8 byte order mark is fine, and takes no column.
  EXPECT_EQ(MustImport(NoticeSource::kEuSafetyGate, "\xEF\xBB\xBF[]").records, 0u);
  EXPECT_EQ(RefusalOf("\xEF\xBB\xBF[1,]").column, 4);
  // Invalid UTF-8 after a syntax error: the syntax error is reported.
  EXPECT_NE(RefusalOf("[1 2, \"\xFF\"]").message.find("unexpected number literal"), std::string::npos);
}

TEST(FeedJsonErrorTest, ANumberOutOfRangeIsRefusedNotThrown) {
  const Diagnostic d = RefusalOf("[{\"alert_number\": \"A12/00001/25\", \"x\": 1e999}]");
  EXPECT_NE(d.message.find("not valid JSON: "), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("1e999"), std::string::npos) << d.message;
  // Where it is: the parser gives no position for it.
  const Diagnostic at = RefusalOf("[{\"alert_number\": \"A12/00001/25\", \"y\": 21e99},\n {\"x\": 1e999}]");
  EXPECT_EQ(at.line, 2);
  EXPECT_EQ(at.column, 12);  // its last digit
}

// true or false is no brand and no country: the record is skipped, named.
TEST(FeedJsonErrorTest, ABooleanWhereTextIsMeantSkipsTheRecord) {
  const FeedImport f = MustImport(NoticeSource::kEuSafetyGate, R"([{"alert_number": "A12/1/20", "product_name": "x", "brand": true},
    {"alert_number": "A12/2/20", "product_name": "y", "country_of_origin": false},
    {"alert_number": "A12/3/20", "product_name": "z", "brand": "Acme"}])");
  ASSERT_EQ(f.notices.size(), 1u);
  EXPECT_EQ(f.notices[0].brands, std::vector<std::string>{"Acme"});
  EXPECT_EQ(f.skipped(), 2u);
  ASSERT_EQ(f.problems.size(), 2u);
  EXPECT_NE(f.problems[0].ToString().find("found a boolean"), std::string::npos) << f.problems[0].ToString();
}

// Deeper than any feed nests: refused with its place, before anything is
// built (reading it back whole would exhaust the stack).
TEST(FeedJsonErrorTest, NestingNoFeedHasIsRefused) {
  const std::string deep = "[{\"alert_number\": \"A12/00001/25\",\n \"packaging_description\": " + std::string(100000, '[') +
                           std::string(100000, ']') + "}]";
  const Diagnostic d = RefusalOf(deep);
  EXPECT_EQ(d.message, "arrays and objects nested more than 256 deep: not a recall feed");
  EXPECT_EQ(d.line, 2);
  EXPECT_EQ(d.column, 26 + 255);
  // Brackets inside text do not count.
  EXPECT_EQ(MustImport(NoticeSource::kEuSafetyGate, "[{\"alert_number\": \"A12/00001/25\", \"product_name\": \"" + std::string(300, '[') +
                                                        "\\\"\"}]")
                .notices.size(),
            1u);
}

}  // namespace
}  // namespace conform
