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
  // The first name is another's with the brand before it.
  EXPECT_EQ(x.brands, Strings{"Petit Collage"});
  EXPECT_EQ(x.hazard_types, Strings{"Choking hazard"});  // "Issue: Consumer products - Choking hazard": the category is no hazard
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

  EXPECT_EQ(ProblemLines(f), (Strings{
                      "record 1 (RA-66524): warning: barcode '036000291453' is not a GTIN: wrong check digit (expected 2)",
                      "record 2 (RA-76611): warning: 'date_published' \"-62169984000\" is not a plausible date; the date is left unknown",
                  }));
}

// A recall details record with one product panel holding `html`.
std::string ProductPanelRecord(const std::string& id, const std::string& html) {
  return R"({"recallId": ")" + id + R"(", "title": "t", "category": [4], "date_published": 1714089600,
             "panels": [{"panelName": "product_1", "title": "p", "text": ")" + html + R"("}]})";
}

TEST(HealthCanadaImportTest, ReadsFrenchBarcodeHeadersAndLabels) {
  // Health Canada publishes in English and French: "CUP" (code universel
  // des produits) is the French UPC. Any case; accents as written or not.
  const std::vector<std::string> headers = {"CUP",           "Code CUP",      "N° CUP",   "CUP / UPC", "Code universel des produits",
                                            "Code à barres", "Code a barres", "CODE À BARRES", "Codes-barres", "Code-barres",
                                            "UPC",           "EAN",           "GTIN"};
  std::string feed = "[";
  for (size_t i = 0; i < headers.size(); ++i)
    feed += (i ? "," : "") + ProductPanelRecord("RA-" + std::to_string(i), "<table><tr><th>Produit</th><th>" + headers[i] +
                                                                               "</th></tr><tr><td>X</td><td>4006381333931</td></tr></table>");
  feed += "]";
  const FeedImport f = MustImport(NoticeSource::kCaHealthCanada, feed);
  ASSERT_EQ(f.notices.size(), headers.size());
  for (size_t i = 0; i < headers.size(); ++i) EXPECT_EQ(f.notices[i].gtins, Strings{"04006381333931"}) << headers[i];

  // "Label : value" lines, French spacing before the colon.
  const FeedImport l = MustImport(
      NoticeSource::kCaHealthCanada,
      "[" + ProductPanelRecord("RA-95001",
                               "<p>Marque : Blowy / AirPro<br/>Numéro de modèle : HD-9<br/>CUP : 4006381333931<br/>Code à barres : "
                               "4006381333948<br/>Numero de lot : L9</p><p>UPC: 036000291452</p>") +
          "]");
  ASSERT_EQ(l.notices.size(), 1u);
  EXPECT_EQ(l.notices[0].gtins, (Strings{"04006381333931", "04006381333948", "00036000291452"}));
  EXPECT_EQ(l.notices[0].brands, (Strings{"Blowy", "AirPro"}));
  EXPECT_EQ(l.notices[0].model_numbers, Strings{"HD-9"});
  EXPECT_EQ(l.notices[0].batch_numbers, Strings{"L9"});

  // "cup" is also an English word: a "Cup size" column holds no barcodes.
  const FeedImport c = MustImport(
      NoticeSource::kCaHealthCanada,
      "[" + ProductPanelRecord("RA-1", "<table><tr><th>Product</th><th>Cup size</th></tr><tr><td>Bra</td><td>34B</td></tr></table>") + "]");
  ASSERT_EQ(c.notices.size(), 1u);
  EXPECT_TRUE(c.notices[0].gtins.empty());
  EXPECT_TRUE(c.problems.empty()) << ProblemLines(c).front();

  // Headers and labels name columns by whole words: "ean" is not in
  // "Ocean", "lot" not in "Pilot", "upc" not in "Cupcake"; plurals and
  // digits after count ("Lots", "EAN13").
  const FeedImport w = MustImport(
      NoticeSource::kCaHealthCanada,
      "[" + ProductPanelRecord("RA-2", "<table><tr><th>Ocean theme</th><th>Pilot size</th><th>Cupcake</th><th>UPC</th></tr>"
                                       "<tr><td>2023</td><td>12 oz</td><td>3</td><td>036000291452</td></tr></table>"
                                       "<p>Means of sale: online 2021</p>") +
          "," +
          ProductPanelRecord("RA-3", "<table><tr><th>EAN13</th><th>Lots</th><th>Batches</th></tr><tr><td>4006381333931</td><td>L7</td>"
                                     "<td>B2024-07</td></tr></table>") + "]");
  ASSERT_EQ(w.notices.size(), 2u);
  EXPECT_EQ(w.notices[0].gtins, Strings{"00036000291452"});
  EXPECT_TRUE(w.notices[0].batch_numbers.empty());
  EXPECT_TRUE(w.problems.empty()) << ProblemLines(w).front();
  EXPECT_EQ(w.notices[1].gtins, Strings{"04006381333931"});
  EXPECT_EQ(w.notices[1].batch_numbers, (Strings{"L7", "B2024-07"}));
}

TEST(HealthCanadaImportTest, SplitsTheIssueLineIntoHazards) {
  // As the open data file's Issue, at " - "; the API's leading category
  // ("Consumer products", "Produits de consommation") is the notice's
  // category, not a hazard.
  const FeedImport f = MustImport(NoticeSource::kCaHealthCanada, R"([
      {"recallId": "RA-1", "title": "t", "category": [4], "date_published": 1714089600, "panels": [{"panelName": "basic_details",
       "text": "<b>Product: </b>Hair dryers<BR/><b>Issue: </b>Consumer products - Electrical hazard - Fire hazard<BR/>"}]},
      {"recallId": "RA-2", "title": "t", "category": [4], "date_published": 1714089600, "panels": [{"panelName": "basic_details",
       "text": "<b>Produit : </b>Séchoirs<BR/><b>Problème : </b>Produits de consommation - Risque d'incendie<BR/>"}]},
      {"recallId": "RA-3", "title": "t", "category": [1], "date_published": 1714089600, "panels": [{"panelName": "basic_details",
       "text": "<b>Issue: </b>Food - Allergen - Milk<BR/>"}]},
      {"recallId": "RA-4", "title": "t", "category": [4], "date_published": 1714089600, "panels": [{"panelName": "basic_details",
       "text": "<b>Issue: </b>Anti-theft device - Fire hazard<BR/>"}]},
      {"recallId": "RA-5", "title": "t", "category": [4], "date_published": 1714089600, "panels": [{"panelName": "basic_details",
       "text": "<b>Issue: </b>Consumer products<BR/>"}]}])");
  ASSERT_EQ(f.notices.size(), 5u);
  EXPECT_EQ(f.notices[0].hazard_types, (Strings{"Electrical hazard", "Fire hazard"}));
  EXPECT_EQ(f.notices[1].hazard_types, Strings{"Risque d'incendie"});
  EXPECT_EQ(f.notices[1].product_name, "Séchoirs");
  EXPECT_EQ(f.notices[2].hazard_types, (Strings{"Allergen", "Milk"}));
  EXPECT_EQ(f.notices[3].hazard_types, (Strings{"Anti-theft device", "Fire hazard"}));  // no category first: all kept
  EXPECT_EQ(f.notices[4].hazard_types, Strings{"Consumer products"});  // nothing follows: kept as written
}

TEST(HealthCanadaImportTest, SplitsBrandsAsSafetyGateDoes) {
  const FeedImport f = MustImport(
      NoticeSource::kCaHealthCanada,
      "[" + ProductPanelRecord("RA-1",
                               "<table><tr><th>Brand</th><th>Model number</th></tr><tr><td>Blowy / AirPro</td><td>HD-1</td></tr>"
                               "<tr><td>Wild &amp; Wolf</td><td>-</td></tr><tr><td>N/A</td><td>Unknown</td></tr>"
                               "<tr><td>OPEL., Vauxhall</td><td>HD-2</td></tr></table>") +
          "]");
  ASSERT_EQ(f.notices.size(), 1u);
  EXPECT_EQ(f.notices[0].brands, (Strings{"Blowy", "AirPro", "Wild & Wolf", "OPEL", "Vauxhall"}));
  EXPECT_EQ(f.notices[0].model_numbers, (Strings{"HD-1", "HD-2"}));
}

TEST(HealthCanadaImportTest, SplitsBatchCellsListingSeveralLots) {
  // One batch number per lot: at ';' always, at ',' when every part is a
  // code, alone or after the same words. A comma inside a number or a date,
  // or a list that is not plainly one of codes, keeps the text whole.
  const FeedImport f = MustImport(
      NoticeSource::kCaHealthCanada,
      "[" + ProductPanelRecord("RA-1",
                               "<table><tr><th>Product</th><th>Lot number</th></tr>"
                               "<tr><td>A</td><td>L-1, L-2</td></tr>"
                               "<tr><td>B</td><td>Lot 123, Lot 124</td></tr>"
                               "<tr><td>C</td><td>B-7; B-8;B-9</td></tr>"
                               "<tr><td>D</td><td>1,000 units</td></tr>"
                               "<tr><td>E</td><td>June 1, 2024</td></tr>"
                               "<tr><td>F</td><td>Lot 125, 126 and 127</td></tr>"
                               "<tr><td>G</td><td>Sizes S, M, L</td></tr>"
                               "<tr><td>H</td><td>2318,2319</td></tr></table>"
                               "<p>Lot: L-9, L-10<br/>Date code: 2024-06-01, 2024-06-02<br/>Numéro de lot : 7, 8</p>") +
          "]");
  ASSERT_EQ(f.notices.size(), 1u);
  EXPECT_EQ(f.notices[0].batch_numbers, (Strings{"L-1", "L-2", "Lot 123", "Lot 124", "B-7", "B-8", "B-9", "1,000 units", "June 1, 2024",
                                                 "Lot 125, 126 and 127", "Sizes S, M, L", "2318,2319", "L-9", "L-10",
                                                 "2024-06-01", "2024-06-02", "7", "8"}));
  EXPECT_TRUE(f.problems.empty());
}

TEST(HealthCanadaImportTest, SplitsModelCellsByTheSameRule) {
  const FeedImport f = MustImport(
      NoticeSource::kCaHealthCanada,
      "[" + ProductPanelRecord("RA-1",
                               "<table><tr><th>Product</th><th>Model</th></tr>"
                               "<tr><td>A</td><td>TT.1902.0617, TT.1902.0617G</td></tr>"
                               "<tr><td>B</td><td>Model 100, Model 200</td></tr>"
                               "<tr><td>C</td><td>HD 1; HD 2</td></tr>"
                               "<tr><td>D</td><td>1,5 kW</td></tr>"
                               "<tr><td>E</td><td>A/B-100</td></tr>"
                               "<tr><td>F</td><td>X-1; -</td></tr></table>"
                               "<p>Numéro de modèle : QC-3000, QC-3001</p>") +
          "]");
  ASSERT_EQ(f.notices.size(), 1u);
  EXPECT_EQ(f.notices[0].model_numbers, (Strings{"TT.1902.0617", "TT.1902.0617G", "Model 100", "Model 200", "HD 1", "HD 2", "1,5 kW",
                                                 "A/B-100", "X-1", "QC-3000", "QC-3001"}));
}

TEST(HealthCanadaImportTest, SplitsBrandsAtPipes) {
  const FeedImport f = MustImport(
      NoticeSource::kCaHealthCanada,
      "[" + ProductPanelRecord("RA-1",
                               "<table><tr><th>Brand</th></tr><tr><td>Blowy | AirPro</td></tr><tr><td>Marks and Spencer</td></tr>"
                               "<tr><td>Bang &amp; Olufsen|C+C</td></tr></table>") +
          "]");
  ASSERT_EQ(f.notices.size(), 1u);
  EXPECT_EQ(f.notices[0].brands, (Strings{"Blowy", "AirPro", "Marks and Spencer", "Bang & Olufsen", "C+C"}));
}

TEST(HealthCanadaImportTest, ReadsSearchAnswers) {
  const FeedImport f = MustImport(NoticeSource::kCaHealthCanada, RecallFixture("health_canada_search.json"));
  EXPECT_EQ(f.records, 3u);
  ASSERT_EQ(f.notices.size(), 2u);
  EXPECT_EQ(f.notices[0].product_name, f.notices[0].title);  // a list item names its product only in the title
  EXPECT_EQ(f.notices[1].id, "RA-70001");
  EXPECT_EQ(f.notices[1].published->ToString(), "2019-07-01");  // Unix seconds, as text
  ASSERT_EQ(f.skipped(), 1u);
  EXPECT_EQ(f.problems[0].ToString(), "record 3 (RA-70002): skipped: 'date_published' is not a date: 'yesterday'; expected Unix seconds or YYYY-MM-DD");
}

TEST(HealthCanadaImportTest, ReadsRecentAnswersListingARecallTwice) {
  const FeedImport f = MustImport(NoticeSource::kCaHealthCanada, RecallFixture("health_canada_recent.json"));
  EXPECT_EQ(f.records, 4u);
  ASSERT_EQ(f.notices.size(), 2u);  // the same recall under ALL and under CPS or VEHICLE
  EXPECT_TRUE(f.problems.empty());
  EXPECT_EQ(f.notices[1].category, "Vehicles");
}

TEST(HealthCanadaImportTest, ReadsTheOpenDataFile) {
  const FeedImport f = MustImport(NoticeSource::kCaHealthCanada, RecallFixture("health_canada_open_data.json"));
  ASSERT_EQ(f.notices.size(), 3u);
  EXPECT_TRUE(f.problems.empty());
  const Notice& nhp = f.notices[0];
  EXPECT_EQ(nhp.id, "82628");
  EXPECT_EQ(nhp.product_name, "Easymulti Stress (Men) capsules");
  EXPECT_EQ(nhp.brands, Strings{"Platinum Naturals"});  // the title's words before the product
  EXPECT_EQ(nhp.category, "Health products; Natural health products");
  EXPECT_EQ(nhp.hazard_types, Strings{"Labelling"});
  EXPECT_EQ(nhp.measures, Strings{"Report any health product related side effects to Health Canada."});  // entities decoded
  EXPECT_EQ(nhp.risk_level, "Type III");
  EXPECT_EQ(nhp.updated->ToString(), "2026-09-16");
  EXPECT_FALSE(nhp.published);  // the file gives only the last update
  EXPECT_EQ(nhp.url,
            "https://recalls-rappels.canada.ca/en/alert-recall/"
            "platinum-naturals-easymulti-stress-men-affected-lots-incorrectly-labelled-vitamin-b6");
  EXPECT_EQ(f.notices[1].category, "Food; Multiple food items");
  // A consumer product, archived; what the record lacks stays empty.
  const Notice& jar = f.notices[2];
  EXPECT_EQ(jar.title, "Certain food jars recalled due to laceration hazard");
  EXPECT_EQ(jar.product_name, "Stainless King Food Jar");
  EXPECT_EQ(jar.category, "Consumer products");
  EXPECT_EQ(jar.hazard_types, Strings{"Laceration hazard"});
  EXPECT_TRUE(jar.measures.empty());
  EXPECT_TRUE(jar.risk_level.empty());
  EXPECT_NE(jar.raw.find("\"Archived\":\"1\""), std::string::npos) << jar.raw;  // kept for provenance
}

TEST(HealthCanadaImportTest, TheOpenDataFilesQuirks) {
  const FeedImport f = MustImport(NoticeSource::kCaHealthCanada, R"([
      {"NID": "1", "Title": "Kettles recalled", "Organization": "Consumer product safety", "Product": "Electric kettle",
       "Issue": "Electrical hazard - Fire hazard", "Category": "Household items - Kitchen", "Last updated": "", "URL": "/en/alert-recall/kettles"},
      {"NID": 2, "Title": "Lamps recalled", "Organization": "Consumer product safety", "Last updated": "n/a", "Archived": "yes"},
      {"NID": "3", "Title": ["not text"], "Organization": "CFIA"},
      {"NID": "", "Title": "No id", "Organization": "CFIA"},
      {"Title": "No NID at all", "Organization": "CFIA"},
      {"NID": "8", "Title": "Heaters recalled", "Organization": "Consumer product safety", "Last updated": "2024-01-02", "Archived": false}])");
  ASSERT_EQ(f.notices.size(), 3u);  // "Archived": false is a flag, as "0"
  const Notice& kettle = f.notices[0];
  EXPECT_EQ(kettle.hazard_types, (Strings{"Electrical hazard", "Fire hazard"}));
  EXPECT_EQ(kettle.category, "Consumer products; Household items; Kitchen");
  EXPECT_EQ(kettle.url, "https://recalls-rappels.canada.ca/en/alert-recall/kettles");
  EXPECT_EQ(f.notices[1].id, "2");  // a number is read as text
  EXPECT_EQ(f.notices[1].product_name, "Lamps recalled");  // no Product: the title
  EXPECT_EQ(ProblemLines(f), (Strings{
                      "record 1 (1): warning: no 'Last updated': the notice has no date",
                      "record 2 (2): warning: 'Last updated' is not a date: 'n/a'; the date is left unknown",
                      "record 2 (2): warning: 'Archived' is 'yes', not 0 or 1",
                      "record 3 (3): skipped: 'Title' should be text, found an array",
                      "record 4: skipped: no NID",
                      "record 5: skipped: no NID",  // an open data record, by its keys
                  }));
  // Another feed's records are refused, and the message names both shapes.
  auto r = ImportFeed(NoticeSource::kCaHealthCanada, R"([{"id": 1, "name": "x"}])");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().ToString().find("'recallId' (the API) or 'NID' (the open data file)"), std::string::npos) << r.error().ToString();
}

TEST(HealthCanadaImportTest, OrganizationsInTheApisWordsAndPlaceholderClasses) {
  // TC is Transport Canada: vehicles, as the API's category 2. "--" (and
  // the other placeholders) in "Recall class" is no class. Organisations
  // without a plain API category stay as given.
  const FeedImport f = MustImport(NoticeSource::kCaHealthCanada, R"([
      {"NID": "1", "Title": "Transport Canada Recall - 2026432 - FORD", "Organization": "TC", "Category": "Light Truck & Van",
       "Recall class": "--", "Last updated": "2026-09-24"},
      {"NID": "2", "Title": "Glasses recalled", "Organization": "Consumer product safety", "Recall class": "N/A", "Last updated": "2026-09-24"},
      {"NID": "3", "Title": "Pens recalled", "Organization": "Medical devices", "Category": "Chemistry", "Recall class": "Type II",
       "Last updated": "2026-09-24"}])");
  ASSERT_EQ(f.notices.size(), 3u);
  EXPECT_EQ(f.notices[0].category, "Vehicles; Light Truck & Van");
  EXPECT_TRUE(f.notices[0].risk_level.empty()) << f.notices[0].risk_level;
  EXPECT_EQ(f.notices[1].category, "Consumer products");
  EXPECT_TRUE(f.notices[1].risk_level.empty()) << f.notices[1].risk_level;
  EXPECT_EQ(f.notices[2].category, "Medical devices; Chemistry");
  EXPECT_EQ(f.notices[2].risk_level, "Type II");
  EXPECT_TRUE(f.problems.empty());
}

TEST(HealthCanadaImportTest, ReadsTheFrenchOpenDataFilesKeys) {
  // SCRSAMDonneesOuvertes.json: the same fields under French keys, the
  // organisation's category in the API's French words, and the warnings
  // naming the keys the record has.
  const FeedImport f = MustImport(NoticeSource::kCaHealthCanada, R"([
      {"NID": "1", "Titre": "Bouilloires rappelées", "Organization": "ACIA", "Produit": "Bouilloire", "Problème": "Lait - Soya",
       "Ce que vous devriez faire": "Ne pas consommer", "Catégorie": "Aliments", "Classe de rappel": "Classe 2",
       "Dernière mise à jour": "2026-09-24", "Archivé": "0"},
      {"NID": "2", "Titre": "Rappel de Transports Canada - 2026432 - FORD", "Organisation": "TC", "Catégorie": "Camion léger et fourgonnette",
       "Classe de rappel": "--", "Dernière mise à jour": "", "Archivé": "oui"},
      {"NID": "3", "Titre": "Lampes rappelées", "Organization": "Sécurité des produits de consommation", "Produit": null,
       "Dernière mise à jour": "24/09/2026"}])");
  ASSERT_EQ(f.notices.size(), 3u);
  const Notice& kettle = f.notices[0];
  EXPECT_EQ(kettle.title, "Bouilloires rappelées");
  EXPECT_EQ(kettle.product_name, "Bouilloire");
  EXPECT_EQ(kettle.hazard_types, (Strings{"Lait", "Soya"}));
  EXPECT_EQ(kettle.measures, Strings{"Ne pas consommer"});
  EXPECT_EQ(kettle.category, "Aliments");  // ACIA's "Aliments" once
  EXPECT_EQ(kettle.risk_level, "Classe 2");
  EXPECT_EQ(kettle.updated->ToString(), "2026-09-24");
  EXPECT_EQ(f.notices[1].category, "Véhicules; Camion léger et fourgonnette");
  EXPECT_TRUE(f.notices[1].risk_level.empty());
  EXPECT_EQ(f.notices[2].product_name, "Lampes rappelées");
  EXPECT_EQ(f.notices[2].category, "Sécurité des produits de consommation");  // not established: as given
  EXPECT_EQ(ProblemLines(f), (Strings{
                                 "record 2 (2): warning: no 'Dernière mise à jour': the notice has no date",
                                 "record 2 (2): warning: 'Archivé' is 'oui', not 0 or 1",
                                 "record 3 (3): warning: 'Dernière mise à jour' is not a date: '24/09/2026'; the date is left unknown",
                             }));
}

// A recall the text calls joint with the US CPSC has force in the United
// States too (recall_screen.h); a joint recall with another party does not.
TEST(HealthCanadaImportTest, AJointRecallWithTheCpscNamesTheUnitedStates) {
  const FeedImport f = MustImport(NoticeSource::kCaHealthCanada, R"([
      {"NID": "1", "Titre": "Commodes rappelées", "Organization": "Sécurité des produits de consommation", "Produit": "Commode",
       "Ce que vous devriez faire": "Cessez d'utiliser le produit.Rappel conjoint de Santé Canada, de la Consumer Product Safety Commission des États-Unis (CPSC des États-Unis) et de Acme Inc.",
       "Dernière mise à jour": "2026-09-24", "Archivé": "0"},
      {"NID": "2", "Title": "Heaters recalled", "Organization": "Consumer product safety", "Product": "Heater",
       "What you should do": "Stop using the heater.Joint recall with Health Canada and Acme Heating Inc.Health Canada would like to remind consumers to report incidents to the CPSC or Health Canada.",
       "Last updated": "2026-09-24", "Archived": "0"}])");
  ASSERT_EQ(f.notices.size(), 2u);
  EXPECT_EQ(f.notices[0].market_countries, Strings{"United States"});
  EXPECT_TRUE(f.notices[1].market_countries.empty());
  const FeedImport details = MustImport(NoticeSource::kCaHealthCanada, R"({"recallId": "RA-1", "title": "t", "category": [4], "date_published": 1714089600,
      "panels": [{"panelName": "cms_who_what_consumer", "title": "w", "text": "<p>Joint recall with Health Canada and the U.S. CPSC.</p>"}]})");
  ASSERT_EQ(details.notices.size(), 1u);
  EXPECT_EQ(details.notices[0].market_countries, Strings{"United States"});
  // The CPSC named in the next paragraph, or the next sentence opening
  // with an accented capital, is not the joint recall's.
  const FeedImport apart = MustImport(NoticeSource::kCaHealthCanada, R"([{"recallId": "RA-2", "title": "t", "category": [4], "date_published": 1714089600,
      "panels": [{"panelName": "cms_who_what_consumer", "title": "w",
                  "text": "<p>Joint recall with Health Canada and Acme Inc.</p><p>Consumers in the United States should contact the CPSC.</p>"}]},
      {"NID": "3", "Titre": "t", "Organization": "Sécurité des produits de consommation", "Produit": "p",
       "Ce que vous devriez faire": "Rappel conjoint de Santé Canada et de Acme inc. Également, signalez tout incident à la CPSC.",
       "Dernière mise à jour": "2026-09-24", "Archivé": "0"}])");
  ASSERT_EQ(apart.notices.size(), 2u);
  EXPECT_TRUE(apart.notices[0].market_countries.empty());
  EXPECT_TRUE(apart.notices[1].market_countries.empty());
}

TEST(HealthCanadaImportTest, InvisibleCharactersAreDroppedAndNoBreakSpacesArePlain) {
  // Zero-width spaces, joiners, word joiners and byte order marks print
  // nothing; a no-break space prints as a space. Raw or as entities, in
  // either shape of the feed.
  const FeedImport f = MustImport(NoticeSource::kCaHealthCanada, R"([
      {"NID": "1", "Title": "\u200b\u200bINMO AIR3 Smart\u200c Glasses \u200drecalled\u2060\ufeff", "Organization": "Consumer product safety",
       "Product": "INMO&#8203; AIR3&#160;Glasses", "Issue": "E.\u00a0coli\u202fO157:H7", "Last updated": "\ufeff2026-09-24"},
      {"recallId": "\u200bRA-1", "title": "\u200bKettle\u00a0K-1 ", "category": [4], "date_published": 1561939200,
       "panels": [{"panelName": "product", "text": "<table><tr><th>UPC</th><th>Model</th></tr><tr><td>\u200b036000291452</td><td>K&#8203;-1</td></tr></table>"}]}])");
  ASSERT_EQ(f.notices.size(), 2u);
  const Notice& glasses = f.notices[0];
  EXPECT_EQ(glasses.title, "INMO AIR3 Smart Glasses recalled");
  EXPECT_EQ(glasses.product_name, "INMO AIR3 Glasses");
  EXPECT_EQ(glasses.hazard_types, Strings{"E. coli O157:H7"});
  EXPECT_EQ(glasses.updated->ToString(), "2026-09-24");
  const Notice& kettle = f.notices[1];
  EXPECT_EQ(kettle.id, "RA-1");
  EXPECT_EQ(kettle.title, "Kettle K-1");
  EXPECT_EQ(kettle.gtins, Strings{"00036000291452"});
  EXPECT_EQ(kettle.model_numbers, Strings{"K-1"});
  EXPECT_TRUE(f.problems.empty()) << ProblemLines(f).front();
}

TEST(HealthCanadaImportTest, AProductlessRecordIsNamedByItsTitlesProduct) {
  const FeedImport f = MustImport(NoticeSource::kCaHealthCanada, R"([
      {"NID": "1", "Title": "INMO AIR3 Smart Glasses recalled due to burn hazard", "Product": null},
      {"NID": "2", "Title": "SUV recalled by HYUNDAI", "Product": ""},
      {"NID": "3", "Title": "Certain Safie's brand Sweet Pickled Beets may contain pieces of glass"},
      {"NID": "4", "Title": "Kettles recalled due to fire hazard", "Product": "Kettlo electric kettles"}])");
  ASSERT_EQ(f.notices.size(), 4u);
  EXPECT_EQ(FindNotice(f, "1")->product_name, "INMO AIR3 Smart Glasses");
  EXPECT_EQ(FindNotice(f, "2")->product_name, "SUV");
  EXPECT_EQ(FindNotice(f, "2")->brands, std::vector<std::string>{"HYUNDAI"});
  EXPECT_EQ(FindNotice(f, "3")->product_name, "Certain Safie's brand Sweet Pickled Beets may contain pieces of glass");
  EXPECT_EQ(FindNotice(f, "3")->brands, std::vector<std::string>{"Safie's"});
  EXPECT_EQ(FindNotice(f, "4")->product_name, "Kettlo electric kettles");  // a Product is taken as given
  EXPECT_TRUE(FindNotice(f, "4")->brands.empty());
}

TEST(HealthCanadaImportTest, ATitleNamesTheBrandWhateverTheProduct) {
  // Real titles and products of the open data file (NIDs 81988, 82253,
  // 82146): the Product never says the brand.
  const FeedImport f = MustImport(NoticeSource::kCaHealthCanada, R"([
      {"NID": "81988", "Title": "Ola-Ola brand Authentic Pounded Yam (Iyan) IYANINSTANT recalled due to undeclared gluten",
       "Product": "Authentic Pounded Yam (Iyan) IYANINSTANT"},
      {"NID": "82253", "Title": "Various Salem Foods brand Ground Spices and Spice Blends recalled due to Salmonella",
       "Product": "Ground Spices and Spice Blends"},
      {"NID": "82146", "Title": "Transport Canada Recall - 2026238 - HYUNDAI", "Product": "SUV recalled by HYUNDAI"}])");
  ASSERT_EQ(f.notices.size(), 3u);
  EXPECT_EQ(FindNotice(f, "81988")->brands, std::vector<std::string>{"Ola-Ola"});
  EXPECT_EQ(FindNotice(f, "81988")->product_name, "Authentic Pounded Yam (Iyan) IYANINSTANT");
  EXPECT_EQ(FindNotice(f, "82253")->brands, std::vector<std::string>{"Salem Foods"});
  EXPECT_EQ(FindNotice(f, "82146")->brands, std::vector<std::string>{"HYUNDAI"});
  // Several brands joined by "and" or "or"; not the words after the last.
  const FeedImport two = MustImport(NoticeSource::kCaHealthCanada, R"([
      {"NID": "1", "Title": "Maplewood brand and Harvest by Maplewood brand chicken nuggets recalled due to Salmonella",
       "Product": "Chicken nuggets"},
      {"NID": "2", "Title": "Nutri brand oat bars, Nutri brand granola recalled", "Product": "Oat bars"}])");
  EXPECT_EQ(FindNotice(two, "1")->brands, (std::vector<std::string>{"Maplewood", "Harvest by Maplewood"}));
  EXPECT_EQ(FindNotice(two, "2")->brands, std::vector<std::string>{"Nutri"});
  // Words about brands are none.
  const FeedImport g = MustImport(NoticeSource::kCaHealthCanada, R"([
      {"NID": "1", "Title": "Certain store brand space heaters recalled due to fire hazard", "Product": "Space heaters"},
      {"NID": "2", "Title": "Children's sleepwear sold without a brand recalled", "Product": "Sleepwear"},
      {"NID": "3", "Title": "Certain products sold under the Kidoozie brand recalled", "Product": "Toys"},
      {"NID": "4", "Title": "Hoverboards recalled by Walmart Canada due to fire hazard", "Product": "Hoverboards"}])");
  EXPECT_TRUE(FindNotice(g, "1")->brands.empty());
  EXPECT_TRUE(FindNotice(g, "2")->brands.empty());
  EXPECT_EQ(FindNotice(g, "3")->brands, std::vector<std::string>{"Kidoozie"});
  EXPECT_EQ(FindNotice(g, "4")->brands, std::vector<std::string>{"Walmart Canada"});
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
  EXPECT_EQ(ProblemLines(f), (Strings{
                      "record 1 (RA-1): skipped: 'panels' should be an array, found an object",
                      "record 2 (RA-2): skipped: panels[0]: 'text' should be text, found an array",
                      "record 3: skipped: no recallId",
                      "record 4 (RA-3): warning: no date_published: the notice has no date",
                  }));
}

TEST(HealthCanadaImportTest, IdsMustBeTextOrWholeNumbers) {
  const FeedImport f = MustImport(NoticeSource::kCaHealthCanada, R"([
      {"NID": true, "Title": "Kettles recalled", "Last updated": "2026-09-16"},
      {"NID": 82628.5, "Title": "Lamps recalled", "Last updated": "2026-09-16"},
      {"NID": 82629, "Title": "Jars recalled", "Last updated": "2026-09-16"},
      {"recallId": false, "title": "Heater", "date_published": 1561939200},
      {"recallId": ["RA-1"], "title": "Fan", "date_published": 1561939200},
      {"recallId": "RA-2", "title": "Iron", "date_published": 1561939200}])");
  ASSERT_EQ(f.notices.size(), 2u);
  EXPECT_EQ(f.notices[0].id, "82629");
  EXPECT_EQ(f.notices[1].id, "RA-2");
  EXPECT_EQ(ProblemLines(f), (Strings{
                                 "record 1: skipped: 'NID' should be text or a whole number, found a boolean (true)",
                                 "record 2: skipped: 'NID' should be text or a whole number, found a number that is not whole (82628.5)",
                                 "record 4: skipped: 'recallId' should be text or a whole number, found a boolean (false)",
                                 "record 5: skipped: 'recallId' should be text or a whole number, found an array",
                             }));
}

TEST(HealthCanadaImportTest, DatesFollowTheSameRuleAsTheOtherFeedsButTheOpenDataStamp) {
  // In the API's records a placeholder is a warning and no date; a date in
  // another form, or with an impossible time, skips the record, as in the
  // CPSC and Safety Gate importers (feed_import.h). The open data file's
  // "Last updated" is unreadable on thousands of records: whatever it
  // holds, the notice is kept without a date.
  const FeedImport f = MustImport(NoticeSource::kCaHealthCanada, R"([
      {"NID": "1", "Title": "Kettles recalled", "Last updated": "16/09/2026"},
      {"NID": "2", "Title": "Lamps recalled", "Last updated": "2026-09-16T25:00:00"},
      {"NID": "3", "Title": "Jars recalled", "Last updated": "2026-09-16T10:00:00Z"},
      {"NID": "4", "Title": "Fans recalled", "Last updated": "N/A"},
      {"recallId": "RA-1", "title": "Heater", "date_published": "2019-07-01T99:00:00"},
      {"recallId": "RA-2", "title": "Iron", "date_published": "n/a"},
      {"recallId": "RA-3", "title": "Toaster", "date_published": "2019-07-01T08:00:00", "start_date": "01/07/2019"}])");
  ASSERT_EQ(f.notices.size(), 5u);
  EXPECT_EQ(f.notices[0].id, "1");
  EXPECT_FALSE(f.notices[0].updated);
  EXPECT_EQ(f.notices[1].id, "2");
  EXPECT_FALSE(f.notices[1].updated);
  EXPECT_EQ(f.notices[2].id, "3");
  EXPECT_EQ(f.notices[2].updated->ToString(), "2026-09-16");
  EXPECT_EQ(f.notices[3].id, "4");
  EXPECT_FALSE(f.notices[3].updated);
  EXPECT_EQ(f.notices[4].id, "RA-2");
  EXPECT_FALSE(f.notices[4].published);
  EXPECT_EQ(ProblemLines(f), (Strings{
                                 "record 1 (1): warning: 'Last updated' is not a date: '16/09/2026'; the date is left unknown",
                                 "record 2 (2): warning: 'Last updated' is not a date: '2026-09-16T25:00:00'; the date is left unknown",
                                 "record 4 (4): warning: 'Last updated' is not a date: 'N/A'; the date is left unknown",
                                 "record 5 (RA-1): skipped: 'date_published' is not a date: '2019-07-01T99:00:00'; '99:00:00' is not a time of day "
                                 "(HH:MM:SS, hours 00-23, minutes 00-59)",
                                 "record 6 (RA-2): warning: 'date_published' is not a date: 'n/a'; the date is left unknown",
                                 "record 7 (RA-3): skipped: 'start_date' is not a date: '01/07/2019'; expected Unix seconds or YYYY-MM-DD",
                             }));
}

}  // namespace
}  // namespace conform
