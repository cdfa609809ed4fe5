// The recall matcher's decision rules, with a model that agrees with
// everything: what the rules alone take down, review or leave.
#include "conform/recalls/recall_matcher.h"

#include <gtest/gtest.h>

#include "recall_matcher_test_util.h"

namespace conform::recalls {
namespace {

class RecallRulesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    notices_ = {
        FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/00010/26", "Voltix Nova charger 65W", "Voltix", "VX-1588", "")),
        FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/00011/26", "Charger", "Breezo", "", "")),  // kind only
        FromNotice(MakeNotice(NoticeSource::kUsCpsc, "26102", "Power bank", "Unknown", "PB-2050Z", "")),   // code, no brand
        FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/00012/26", "Kettle", "Kettlo", "KT-1700", "04006381333931")),
        FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/00013/26", "Hair dryer", "Lumo", "HD2200X", "")),
    };
    std::vector<const Record*> corpus;
    for (const auto& r : notices_) corpus.push_back(&r.record);
    featurizer_.Fit(corpus);
  }

  std::vector<RecallMatch> Match(const Listing& listing, RecallMatcherOptions options = {}) const {
    const RecallIndex index(notices_, true, &featurizer_, &model_, options);
    return index.Match(FromListing(listing));
  }

  std::vector<MatchRecord> notices_;
  PairFeaturizer featurizer_;
  MatchModel model_ = TrustingModel();
};

TEST_F(RecallRulesTest, TheModelAgreesWithEverything) {
  const auto p = model_.Predict(FeatureMatrix(2, PairFeaturizer::FeatureCount()));
  ASSERT_TRUE(p.ok());
  EXPECT_GT(p.value()[0], 0.9);
}

TEST_F(RecallRulesTest, ModelCodeAndBrandTakeDown) {
  const auto hits = Match(MakeListing("L", "Voltix Nova VX1588-EU charger 65W USB C", "Voltix"));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].action, RecallAction::kTakedown);
  EXPECT_TRUE(HasEvidence(hits[0], "model code VX1588 with a suffix (VX1588EU)") || HasEvidence(hits[0], "model code VX1588 in the listing"));
  EXPECT_EQ(hits[0].evidence.back(), "rule: notice model code and brand in the listing -> takedown");
  // A size or a successor joined to the code may be another model: review.
  for (const char* title : {"Voltix Nova VX1588XL charger 65W USB C", "Voltix Nova VX1588X charger 65W USB C"}) {
    const auto suffixed = Match(MakeListing("L", title, "Voltix"));
    ASSERT_EQ(suffixed.size(), 1u) << title;
    EXPECT_EQ(suffixed[0].action, RecallAction::kReview) << title;
    EXPECT_TRUE(suffixed[0].evidence.back().starts_with("rule: notice model code in the listing, but written")) << suffixed[0].evidence.back();
  }
  // The same pair, the model not confident enough: review.
  RecallMatcherOptions strict;
  strict.takedown_at = 0.99;
  const auto reviewed = Match(MakeListing("L", "Voltix Nova VX1588 charger 65W USB C", "Voltix"), strict);
  ASSERT_EQ(reviewed.size(), 1u);
  EXPECT_EQ(reviewed[0].action, RecallAction::kReview);
  EXPECT_EQ(reviewed[0].evidence.back(), "rule: notice model code in the listing, but match probability below 0.99 -> review");
  // In the model fields of both, the kinds agreeing: the model's doubt is
  // not about the product.
  auto kinds = ProductKinds::LoadDefault();
  ASSERT_TRUE(kinds.ok());
  strict.kinds = kinds.value().get();
  const auto in_fields = Match(MakeListing("L", "Voltix Nova charger 65W USB C", "Voltix", "", "VX-1588"), strict);
  ASSERT_EQ(in_fields.size(), 1u);
  EXPECT_EQ(in_fields[0].action, RecallAction::kTakedown) << in_fields[0].evidence.back();
  const auto in_title = Match(MakeListing("L", "Voltix Nova VX1588 charger 65W USB C", "Voltix"), strict);
  ASSERT_EQ(in_title.size(), 1u);
  EXPECT_EQ(in_title[0].action, RecallAction::kReview);
  // With a suffix, the code may name a sibling: the model's doubt counts.
  // Joined to it, a market's letters too; set apart, the code for that
  // market ("VX-1588-EU").
  for (const char* model : {"VX-1588J", "VX1588EU"}) {
    const auto suffixed = Match(MakeListing("L", "Voltix Nova charger 65W USB C", "Voltix", "", model), strict);
    ASSERT_EQ(suffixed.size(), 1u) << model;
    EXPECT_EQ(suffixed[0].action, RecallAction::kReview) << model;
  }
  for (const char* model : {"VX-1588-EU", "vx1588-uk"})
    ExpectOneTakedown(Match(MakeListing("L", "Voltix Nova charger 65W USB C", "Voltix", "", model), strict), model);
}

// Nothing identifies the product, and the listing sells something made
// for it or an accessory of it: however sure the model, no finding.
TEST_F(RecallRulesTest, AnAccessoryOfAProductNothingIdentifiesIsNoFinding) {
  ASSERT_EQ(Match(MakeListing("L", "Breezo charger 65W", "Breezo")).size(), 1u);
  EXPECT_TRUE(Match(MakeListing("L", "Replacement cable for Breezo charger", "")).empty());
}

TEST_F(RecallRulesTest, ASiblingModelIsNotMatched) {
  // Same brand, line and kind, title all but equal; another model code.
  EXPECT_TRUE(Match(MakeListing("L", "Voltix Nova charger 65W VX-1589", "Voltix")).empty());
  EXPECT_TRUE(Match(MakeListing("L", "Voltix Nova charger 65W", "Voltix", "", "VX1575")).empty());
}

TEST_F(RecallRulesTest, AStemOnlyAgreementIsReviewed) {
  // Other finish letters, none, or more letters after the notice's final
  // letter: the same base model, perhaps not the same product.
  for (const char* title : {"Lumo hair dryer HD2200Z 2200W", "Lumo hair dryer HD2200 2200W", "Lumo hair dryer HD2200XL 2200W"}) {
    const auto hits = Match(MakeListing("L", title, "Lumo"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
    EXPECT_EQ(hits[0].evidence.back(), "rule: notice model code only near the listing's, brand and description agree -> review");
  }
  // Without the brand, or below the review bar, nothing.
  EXPECT_TRUE(Match(MakeListing("L", "Hair dryer HD2200Z 2200W", "")).empty());
  RecallMatcherOptions strict;
  strict.review_unidentified_at = 0.99;
  EXPECT_TRUE(Match(MakeListing("L", "Lumo hair dryer HD2200Z 2200W", "Lumo"), strict).empty());
}

TEST_F(RecallRulesTest, AMakersMarketSuffixIsNearTheCode) {
  // "F0", "E1": the unit a maker made for one market, perhaps the recalled
  // one; for a person to tell, with the brand.
  for (const char* title : {"Voltix Nova charger 65W VX1588F0", "Voltix Nova VX-1588E1 charger"}) {
    const auto hits = Match(MakeListing("L", title, "Voltix"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
    EXPECT_EQ(hits[0].evidence.back(), "rule: notice model code only near the listing's, brand and description agree -> review");
  }
  EXPECT_TRUE(HasEvidence(Match(MakeListing("L", "Voltix Nova charger 65W VX1588F0", "Voltix"))[0],
                          "model code VX1588 with a maker's market suffix (VX1588F0)"));
  EXPECT_TRUE(Match(MakeListing("L", "Charger 65W VX1588F0", "")).empty());
  // More digits after the letter, or a digit straight after the code, make
  // another model.
  EXPECT_TRUE(Match(MakeListing("L", "Voltix Nova charger 65W VX1588F12", "Voltix")).empty());
  EXPECT_TRUE(Match(MakeListing("L", "Voltix Nova charger 65W VX15880", "Voltix")).empty());
}

TEST_F(RecallRulesTest, ACodeOnlyNoticeAndAnotherBrand) {
  // The notice's brand is a placeholder: the code is found, the brand is
  // not confirmed, so a person looks.
  const auto unbranded = Match(MakeListing("L", "Portable power bank PB2050Z 20000mAh", "Ankora"));
  ASSERT_EQ(unbranded.size(), 1u);
  EXPECT_EQ(unbranded[0].action, RecallAction::kReview);
  EXPECT_EQ(unbranded[0].evidence.back(), "rule: notice model code in the listing, but the brand is not confirmed -> review");
  // A known brand against another known brand: nothing, same code or not.
  EXPECT_TRUE(Match(MakeListing("L", "Kettle KT1700 1.7L", "Teakraft")).empty());
  // "Original" is a label's word, not a brand: a listing saying its goods
  // are original confirms no notice's "ORIGINAL".
  std::vector<MatchRecord> notices = {FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/03498/24", "Stand charger", "ORIGINAL", "QC-3498U", ""))};
  const RecallIndex index(notices, true, &featurizer_, nullptr);
  const auto original = index.Match(FromListing(MakeListing("L", "Ugreen QC-3498U stand charger original", "Ugreen")));
  ASSERT_EQ(original.size(), 1u);
  EXPECT_EQ(original[0].action, RecallAction::kReview);
}

TEST_F(RecallRulesTest, ACodeAloneIsACoincidence) {
  // Another maker's camera with the power bank's code, no brand field, no
  // word in common: nothing, and Explain says why.
  const Listing camera = MakeListing("L", "Nikon PB2050Z DSLR camera with 18-55mm lens", "");
  EXPECT_TRUE(Match(camera).empty());
  const RecallIndex index(notices_, true, &featurizer_, &model_);
  const auto explained = index.Explain(FromListing(camera));
  ASSERT_EQ(explained.size(), 1u);
  EXPECT_EQ(explained[0].evidence.back(),
            "rule: only the model code agrees (no brand, title word or kind of product in common) -> none");
  // One word of the notice's product name, in the plural too, is enough
  // for a person to look; digits and short words are not.
  for (const char* title : {"PB2050Z power banks 20000mAh", "Portable bank PB2050Z"}) {
    const auto hits = Match(MakeListing("L", title, ""));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
  }
  EXPECT_TRUE(Match(MakeListing("L", "PB2050Z 20000 mAh kit", "")).empty());
}

TEST_F(RecallRulesTest, SomethingMadeForTheProductIsReviewedNotTakenDown) {
  // Brand and code as the charger itself would show them, but the listing
  // sells a replacement, or something for the brand's products; and "for"
  // before the brand and the code under the brand's own name (brand field
  // "Voltix"): an accessory seller's, or the maker's spare.
  const std::vector<std::pair<std::string, std::string>> made_for = {
      {"Voltix replacement charger VX-1588 65W", ""}, {"Universal charger for Voltix VX1588 65W", ""},
      {"Voltix VX-1588 charger spare cable", ""},     {"Voltix VX1588 accessory kit", ""},
      {"Remote control for Voltix VX1588", "Voltix"}, {"Télécommande pour Voltix VX1588", "Voltix"},
      {"Pilot do Voltix VX1588", "Voltix"},           {"Shelf for Voltix VX1588 charger", "Voltix"},
      {"Remote for the Voltix VX1588 charger", "Voltix"}};
  for (const auto& [title, brand] : made_for) {
    const auto hits = Match(MakeListing("L", title, brand));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
    EXPECT_EQ(hits[0].evidence.back(), "rule: notice model code in the listing, but the listing may sell something made for it -> review")
        << title;
  }
  // The same in the languages sellers write, the kind of product between
  // "pour" and the brand as French has it.
  for (const char* title : {"Chargeur pour ordinateur Voltix VX1588 65W", "Ladegerät für Voltix VX1588 Laptop",
                            "Cargador de repuesto Voltix VX1588", "Voltix VX1588 充电器 兼容", "Зарядное устройство для ноутбука Voltix VX1588",
                            "Совместимый блок питания Voltix VX1588", "Voltix VX1588 호환 충전기", "Voltix VX1588 전용 충전 케이블",
                            "Carregador de reposição Voltix VX1588", "Charger pengganti untuk laptop Voltix VX1588",
                            "Voltix VX1588 uyumlu şarj cihazı", "Sạc thay thế cho Voltix VX1588", "Cáp sạc cho máy tính Voltix VX1588",
                            "Náhradní nabíječka Voltix VX1588", "Kompatibilná nabíjačka Voltix VX1588",
                            "Vervangende lader Voltix VX1588", "Laddare som passar till Voltix VX1588", "Reservdel laddare Voltix VX1588",
                            "Oplader til bærbar Voltix VX1588", "Yhteensopiva laturi Voltix VX1588", "Kompatibilis töltő Voltix VX1588",
                            "Încărcător pentru laptop Voltix VX1588", "Încărcător compatibil Voltix VX1588",
                            "Φορτιστής συμβατός Voltix VX1588", "Φορτιστής για laptop Voltix VX1588",
                            // What it replaces or works with; traditional Chinese and Japanese.
                            "65W charger replaces Voltix VX1588", "Ladegerät ersetzt Voltix VX1588",
                            "Voltix VX1588 互換 充電器", "適用於 Voltix VX1588 充電器", "Voltix VX1588 相容充電器"}) {
    const auto hits = Match(MakeListing("L", title, ""));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].evidence.back(), "rule: notice model code in the listing, but the listing may sell something made for it -> review")
        << title;
  }
  // "Compatible" under the maker's own brand says what the product works
  // with; under another brand, or none, it is made for the notice's.
  for (const char* title : {"Voltix VX1588 MagSafe Compatible Wireless Charger 65W", "Voltix VX1588 Ladegerät Alexa kompatibel"}) {
    const auto own = Match(MakeListing("L", title, "Voltix"));
    ASSERT_EQ(own.size(), 1u) << title;
    EXPECT_EQ(own[0].action, RecallAction::kTakedown) << title << ": " << own[0].evidence.back();
    const auto others = Match(MakeListing("L", title, ""));
    ASSERT_EQ(others.size(), 1u) << title;
    EXPECT_EQ(others[0].action, RecallAction::kReview) << title;
  }
  EXPECT_EQ(Match(MakeListing("L", "Voltix VX1588 replacement charger", "Voltix"))[0].action, RecallAction::kReview);
  // The Portuguese "passar" is to iron, not to fit: an iron, not something
  // made for one.
  const auto iron = Match(MakeListing("L", "Ferro de passar roupa Voltix VX1588", "Voltix"));
  ASSERT_EQ(iron.size(), 1u);
  EXPECT_EQ(iron[0].action, RecallAction::kTakedown) << iron[0].evidence.back();
  // A GTIN in the text of a listing made for the product is the code of
  // what it fits: reviewed. In the listing's GTIN field too: sellers copy
  // the product's barcode onto what they sell for it.
  {
    std::vector<MatchRecord> notices = {
        FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/01135/24", "Bicycle helmet", "Limar", "Torino", "08055186669918"))};
    const RecallIndex index(notices, true, &featurizer_, nullptr);
    Listing pads = MakeListing("L", "Replacement inner padding set for Limar Torino helmet", "");
    pads.description = "Fits: LIMAR Torino (EAN 8055186669918)";
    auto hits = index.Match(FromListing(pads));
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].action, RecallAction::kReview);
    EXPECT_EQ(hits[0].evidence.back(),
              "rule: shared GTIN, written in the listing's description, but the listing may sell something made for it -> review");
    pads.gtin = "8055186669918";
    hits = index.Match(FromListing(pads));
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].action, RecallAction::kReview);
    EXPECT_EQ(hits[0].evidence.back(), "rule: shared GTIN, but the listing may sell something made for it -> review");
    Listing visor = MakeListing("L", "Ersatzvisier Torino Helm klar", "Limar", "8055186669918");
    hits = index.Match(FromListing(visor));
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].action, RecallAction::kReview);
    Listing cover = MakeListing("L", "Limar Torino helmet cover, waterproof", "Limar", "8055186669918");
    hits = index.Match(FromListing(cover));
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].evidence.back(), "rule: shared GTIN, but the listing may sell an accessory of it (cover) -> review");
    Listing helmet = MakeListing("L", "Limar Torino bicycle helmet, size M, with visor", "Limar", "8055186669918");
    hits = index.Match(FromListing(helmet));
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].action, RecallAction::kTakedown);
  }
  // The maker's own listing may say "for": its brand field is the notice's.
  const auto own = Match(MakeListing("L", "Voltix Nova VX1588 charger 65W for Voltix laptops", "Voltix"));
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own[0].action, RecallAction::kTakedown);
}

TEST_F(RecallRulesTest, AnAccessoryShowingTheCodeAndBrandIsReviewedNotTakenDown) {
  // A cover or case names the product's brand and code as the product
  // would; sold with the product, it is the product.
  for (const char* title : {"Voltix VX1588 charger silicone cover", "Voltix VX1588 Schutzhülle", "Étui Voltix VX1588", "Voltix VX1588 保护套",
                            "Чехол Voltix VX1588", "Voltix VX1588 실리콘 케이스", "Capa Voltix VX1588", "Sarung Voltix VX1588",
                            "Voltix VX1588 kılıf", "Ốp lưng Voltix VX1588", "Pouzdro Voltix VX1588", "Ochranné sklo Voltix VX1588",
                            "เคสซิลิโคน Voltix VX1588", "حافظة Voltix VX1588", "Voltix VX1588 beschermhoes", "Fodral Voltix VX1588",
                            "Voltix VX1588 skærmbeskytter", "Voltix VX1588 deksel", "Voltix VX1588 suojakotelo", "Voltix VX1588 tok",
                            "Husă Voltix VX1588", "Θήκη Voltix VX1588", "ΘΗΚΗ Voltix VX1588"}) {
    const auto hits = Match(MakeListing("L", title, "Voltix"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
    EXPECT_NE(hits[0].evidence.back().find("but the listing may sell an accessory of it"), std::string::npos) << hits[0].evidence.back();
  }
  // The word as the seller wrote it.
  EXPECT_EQ(Match(MakeListing("L", "Voltix VX1588 Schutzhülle, schwarz", "Voltix"))[0].evidence.back(),
            "rule: notice model code in the listing, but the listing may sell an accessory of it (Schutzhülle) -> review");
  EXPECT_EQ(Match(MakeListing("L", "Voltix VX1588 Screen-Protector", "Voltix"))[0].evidence.back(),
            "rule: notice model code in the listing, but the listing may sell an accessory of it (Screen-Protector) -> review");
  for (const char* title : {"Voltix VX1588 charger 65W with carrying case", "Voltix VX1588 Ladegerät mit Tasche",
                            "Voltix VX1588 charger 65W in black case", "Voltix VX1588 Ladegerät im Etui",
                            "Carregador Voltix VX1588 com estojo", "Voltix VX1588 laddare med fodral", "Voltix VX1588 lader i veske",
                            "Încărcător Voltix VX1588 cu husă", "Φορτιστής Voltix VX1588 με θήκη",
                            "Voltix VX1588 charger 65W, USB-C cable included"}) {
    const auto hits = Match(MakeListing("L", title, "Voltix"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kTakedown) << title;
  }
  // Parts made for a device: its power adapter, cable, filter, tripod, a
  // bracket to mount it.
  for (const char* title : {"Voltix VX1588 USB-C cable 2 m", "Voltix VX1588 HEPA filter",
                            "Voltix VX1588 tripod", "Voltix VX1588 ceiling mount bracket",
                            "Voltix VX1588 Ladekabel", "Trépied Voltix VX1588", "Cavo Voltix VX1588",
                            // and its remote control, a manual, a German
                            // compound of a bag, a holder or a cover.
                            "Voltix VX1588 Fernbedienung Original", "Voltix VX1588 remote control", "Voltix VX1588 remote control black",
                            "Voltix VX1588 Remote Control Genuine", "Voltix VX1588 Brush Bar", "Voltix VX1588 user manual printed",
                            "Tragetasche Hartschale Voltix VX1588 schwarz", "Voltix VX1588 Tischhalterung",
                            "Voltix VX1588 Schonbezug grau",
                            // A glass shelf, a storage pocket, pan protectors.
                            "Voltix VX1588 glass shelf 40 cm", "Voltix VX1588 storage pocket organiser",
                            "Voltix VX1588 pan protectors 3 pcs",
                            // A fridge's or a grill's parts, a part sold as one.
                            "Voltix VX1588 door shelf bin, genuine OEM part", "Voltix VX1588 crisper drawer",
                            "Voltix VX1588 door handle", "Voltix VX1588 grill grates",
                            "Voltix VX1588 igniter", "Voltix VX1588 pizza stone", "Voltix VX1588 Ersatzteil",
                            "Pièce détachée Voltix VX1588", "Voltix VX1588 stand",
                            // A bag, a seal, a door handle, a hinge, a nozzle.
                            "Torba na ładowarkę Voltix VX1588", "Sacoche Voltix VX1588", "Borsa per Voltix VX1588",
                            "Tas Voltix VX1588 zwart", "Voltix VX1588 Dichtung", "Voltix VX1588 Türgriff rot",
                            "Voltix VX1588 Scharnier", "Voltix VX1588 Düse", "Voltix VX1588 Displayschutz",
                            "Voltix VX1588 Ständer", "Voltix VX1588 Ring Halter", "Voltix VX1588 Schublade"}) {
    const auto hits = Match(MakeListing("L", title, "Voltix"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
  }
  // With the product: after "+", or "mit".
  for (const char* title : {"Voltix VX1588 Ladegerät + Tasche + Kabel Bundle", "Voltix VX1588 Ladegerät mit Tragetasche",
                            "Voltix VX1588 Charger + Carry Case + Cable Bundle", "Voltix VX1588 charger & hard shell case",
                            "Voltix VX1588 Ladegerät & Tragetasche", "Voltix VX1588 charger 65W, remote control",
                            // Before the product's noun, or beside the
                            // product's words, a remote is a feature.
                            "Voltix VX1588 remote control car charger", "Voltix VX1588 Ladegerät Fernbedienung Timer",
                            // A charging station is a charger; an extension
                            // cable is a product.
                            "Voltix VX1588 USB Ladestation 6-fach", "Voltix VX1588 Verlängerungskabel 3-fach",
                            // A stand is a stand mixer's name.
                            "Voltix VX1588 stand mixer 1000W",
                            // "do" (for) before a noun: the kitchen's.
                            "Ładowarka retro do kuchni Voltix VX1588 czerwona"}) {
    const auto hits = Match(MakeListing("L", title, "Voltix"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kTakedown) << title << ": " << hits[0].evidence.back();
  }
}

// Sellers name the recalled product to say theirs is another: its GTIN
// right after "for", "fits", "not" or "original" in the title, its GTIN
// after such words in the description in the languages sellers write, its
// model after "not", "instead of" or "successor". Reviewed, not taken down.
TEST_F(RecallRulesTest, TheRecalledProductNamedAsAnotherIsReviewed) {
  const auto review = [&](const Listing& l, std::string_view rule_part) {
    const auto hits = Match(l);
    ASSERT_EQ(hits.size(), 1u) << l.title << " | " << l.description;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << l.title << " | " << l.description << ": " << hits[0].evidence.back();
    EXPECT_NE(hits[0].evidence.back().find(rule_part), std::string::npos) << hits[0].evidence.back();
  };
  for (const char* title : {"Deckel passend für EAN 4006381333931", "Stopper for EAN 4006381333931", "Glass stopper fits 4006381333931",
                            "Coperchio per EAN 4006381333931", "Lock passar EAN 4006381333931", "Deckel für Strichcode 4006381333931", "Kettle, not 4006381333931", "Kettle stopper (original EAN 4006381333931)"})
    review(MakeListing("L", title), "gives it as another product's");
  // A lid is an accessory, whatever else the title says.
  review(MakeListing("L", "Kettle lid for EAN 4006381333931"), "may sell an accessory of it (lid)");
  // "for" a use before the number is not one.
  const auto takedown = [&](const Listing& l) {
    const auto hits = Match(l);
    ASSERT_EQ(hits.size(), 1u) << l.title;
    EXPECT_EQ(hits[0].action, RecallAction::kTakedown) << l.title << ": " << hits[0].evidence.back();
  };
  takedown(MakeListing("L", "Glass kettle for tea 4006381333931"));
  for (const char* description : {"Ersatzteil, pasuje do EAN 4006381333931", "Passt zu EAN 4006381333931", "Convient au EAN 4006381333931",
                                  "Vhodné pro EAN 4006381333931", "Odpowiedni do EAN 4006381333931", "Zamiennik EAN 4006381333931",
                                  "Non è EAN 4006381333931", "Anstelle von EAN 4006381333931"}) {
    Listing l = MakeListing("L", "Glass kettle 1.7 l");
    l.description = description;
    review(l, "gives it as another product's");
  }
  for (const char* title : {"Voltix VX-1600 charger (nicht VX-1588)", "Voltix VX-1600 charger, successor to the VX-1588",
                            "Chargeur Voltix VX-1600 au lieu du VX-1588", "Voltix VX-1600 Ladegerät, Nachfolger des VX1588",
                            "Voltix VX-1600 charger instead of Voltix VX-1588", "Nabíječka Voltix VX-1600, ne VX-1588",
                            "Cargador Voltix VX-1600, no es el VX-1588", "Cargador Voltix VX-1600, no VX-1588",
                            "Cargador Voltix VX-1600 (no el VX-1588)", "Cargador Voltix VX-1600 en lugar del VX-1588"})
    review(MakeListing("L", title, "Voltix"), "names the code as another model's");
  takedown(MakeListing("L", "Voltix VX-1588 charger, not for children", "Voltix"));
  takedown(MakeListing("L", "Voltix charger Model No VX-1588", "Voltix"));
  takedown(MakeListing("L", "Cargador Voltix Modelo No VX-1588", "Voltix"));
  takedown(MakeListing("L", "Cargador Voltix 65W No. VX-1588", "Voltix"));

}

TEST_F(RecallRulesTest, AReviewSaysWhatTheListingDoesNotShow) {
  // The notice gives a GTIN and a model code; the listing shows neither.
  const auto hits = Match(MakeListing("L", "Kettlo glass kettle 1.7L", "Kettlo"));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].action, RecallAction::kReview);
  EXPECT_EQ(hits[0].evidence.back(), "rule: the listing shows no GTIN or model code to compare, brand and description agree -> review");
  // Below the review bar it is left out, and Explain says so.
  RecallMatcherOptions strict;
  strict.review_unidentified_at = 0.99;
  const RecallIndex index(notices_, true, &featurizer_, &model_, strict);
  const auto explained = index.Explain(FromListing(MakeListing("L", "Kettlo glass kettle 1.7L", "Kettlo")));
  ASSERT_EQ(explained.size(), 1u);
  EXPECT_EQ(explained[0].action, RecallAction::kNone);
  EXPECT_EQ(explained[0].evidence.back(), "rule: the listing shows no GTIN or model code to compare, match probability below 0.99 -> none");
}

TEST_F(RecallRulesTest, AKindOnlyNoticeIsNeverATakedown) {
  // Brand and kind agree, and the model believes it: review at most.
  const auto hits = Match(MakeListing("L", "Breezo fast charger 20W", "Breezo"));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].action, RecallAction::kReview);
  EXPECT_EQ(hits[0].evidence.back(), "rule: the notice names no GTIN or model code, brand and description agree -> review");
  // Below the review bar the notice, which names nothing but its brand
  // and its kind, still covers every charger of the brand.
  RecallMatcherOptions strict;
  strict.review_unidentified_at = 0.99;
  const auto strictly = Match(MakeListing("L", "Breezo fast charger 20W", "Breezo"), strict);
  ASSERT_EQ(strictly.size(), 1u);
  EXPECT_EQ(strictly[0].action, RecallAction::kReview);
  EXPECT_EQ(strictly[0].evidence.back(),
            "rule: the notice names no GTIN or model code, the notice names nothing but its brand and its kind of product (charger), both in "
            "the listing -> review");
  EXPECT_TRUE(Match(MakeListing("L", "Breezo hair dryer 2000W", "Breezo"), strict).empty());
}

TEST_F(RecallRulesTest, AGtinAlwaysWins) {
  // Another brand, another code, and still the same trade item.
  const auto hits = Match(MakeListing("L", "Glass kettle KT-2000", "Teakraft", "4006381333931"));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].action, RecallAction::kTakedown);
  EXPECT_EQ(hits[0].evidence.front(), "same GTIN 04006381333931");
  EXPECT_TRUE(HasEvidence(hits[0], "brands differ (kettlo and teakraft), but the GTIN is shared"));
  EXPECT_EQ(hits[0].evidence.back(), "rule: shared GTIN -> takedown");
  // Without a model as well.
  const RecallIndex plain(notices_, true, &featurizer_, nullptr);
  const auto without_model = plain.Match(FromListing(MakeListing("L", "Glass kettle KT-2000", "Teakraft", "4006381333931")));
  ASSERT_EQ(without_model.size(), 1u);
  EXPECT_EQ(without_model[0].action, RecallAction::kTakedown);
  // A different valid GTIN turns code agreement into a review.
  const auto other_gtin = Match(MakeListing("L", "Kettlo kettle KT-1700", "Kettlo", "96385074"));
  ASSERT_EQ(other_gtin.size(), 1u);
  EXPECT_EQ(other_gtin[0].action, RecallAction::kReview);
  EXPECT_TRUE(HasEvidence(other_gtin[0], "the GTINs differ"));
}

TEST_F(RecallRulesTest, AGtinCopiedFromAnotherProductIsReviewed) {
  // Another brand, and the model doubting the rest: still the trade item
  // (a shop's name in the brand field is routine, and the model rarely
  // scores a GTIN pair high).
  RecallMatcherOptions strict;
  strict.takedown_at = 0.99;
  const auto doubted = Match(MakeListing("L", "Glass kettle KT-2000", "Teakraft", "4006381333931"), strict);
  ASSERT_EQ(doubted.size(), 1u);
  EXPECT_EQ(doubted[0].action, RecallAction::kTakedown);
  // Another brand and another kind of product: a review, with no model too.
  auto kinds = ProductKinds::LoadDefault();
  ASSERT_TRUE(kinds.ok());
  RecallMatcherOptions with_kinds;
  with_kinds.kinds = kinds.value().get();
  const RecallIndex plain(notices_, true, &featurizer_, nullptr, with_kinds);
  const auto bottle = plain.Match(FromListing(MakeListing("L", "Plush teddy bear toy 30 cm", "Teakraft", "4006381333931")));
  ASSERT_EQ(bottle.size(), 1u);
  EXPECT_EQ(bottle[0].action, RecallAction::kReview);
  EXPECT_EQ(bottle[0].evidence.back(), "rule: shared GTIN, but the brands differ and so do the kinds of product -> review");
  // The same kind under another brand is still the trade item.
  EXPECT_EQ(ActionOf(plain, "Glass kettle KT-2000 1.7 l", "Teakraft"), RecallAction::kNone);  // no GTIN: another maker
  const auto kettle = plain.Match(FromListing(MakeListing("L", "Glass kettle KT-2000 1.7 l", "Teakraft", "4006381333931")));
  ASSERT_EQ(kettle.size(), 1u);
  EXPECT_EQ(kettle[0].action, RecallAction::kTakedown);
  // A charger's barcode on a speaker: consumer electronics agrees with
  // other devices only as the category a listing is filed under.
  const std::vector<MatchRecord> chargers = {
      FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/00020/26", "Voltix Nova charger 65W", "Voltix", "", "04006381333931"))};
  PairFeaturizer featurizer;
  featurizer.Fit({&chargers[0].record});
  const RecallIndex by_kind(chargers, true, &featurizer, nullptr, with_kinds);
  // The deciding rule of the one match of a Teakraft listing with the
  // charger's barcode; "" when there is none or more.
  const auto rule_for = [&](const char* title, const char* category = "") {
    Listing l = MakeListing("L", title, "Teakraft", "4006381333931");
    l.category = category;
    const auto m = by_kind.Match(FromListing(l));
    return m.size() == 1 ? m[0].evidence.back() : std::string();
  };
  EXPECT_EQ(rule_for("Portable speaker 10W, black"), "rule: shared GTIN, but the brands differ and so do the kinds of product -> review");
  EXPECT_EQ(rule_for("Teakraft TK-65 65W", "consumer_electronics"),
            "rule: shared GTIN, but the brands differ and the kinds of product are not the same (charger and consumer_electronics) -> review");
  // Another brand, two kinds one product may be: a no-name power bank with
  // a charger maker's barcode. The same kind is still the trade item.
  EXPECT_EQ(rule_for("Powerbank 20000mAh USB C PD 22.5W"),
            "rule: shared GTIN, but the brands differ and the kinds of product are not the same (charger and power_bank) -> review");
  EXPECT_EQ(rule_for("USB-C wall charger 65W"), "rule: shared GTIN -> takedown");
}

TEST_F(RecallRulesTest, AGtinInTheTextOfAPartOrOtherBrandIsReviewed) {
  // Written in the text, the GTIN is what the listing is about, and also
  // what a part fits: a part, an accessory or another brand's goods.
  const auto part = Match(MakeListing("L", "Replacement lid for kettle, EAN 4006381333931", "Lidmaster"));
  ASSERT_EQ(part.size(), 1u);
  EXPECT_EQ(part[0].action, RecallAction::kReview);
  EXPECT_EQ(part[0].evidence.back(), "rule: shared GTIN, written in the listing's title, but the listing may sell something made for it -> review");
  const auto cover = Match(MakeListing("L", "Kettlo kettle silicone cover 4006381333931", ""));
  ASSERT_EQ(cover.size(), 1u);
  EXPECT_EQ(cover[0].action, RecallAction::kReview);
  EXPECT_EQ(cover[0].evidence.back(), "rule: shared GTIN, written in the listing's title, but the listing may sell an accessory of it (cover) -> review");
  Listing other = MakeListing("L", "Kettle 1.7 l glass", "Teakraft");
  other.description = "Fits the Kettlo kettle, EAN 4006381333931";
  const auto other_brand = Match(other);
  ASSERT_EQ(other_brand.size(), 1u);
  EXPECT_EQ(other_brand[0].action, RecallAction::kReview);
  EXPECT_EQ(other_brand[0].evidence.back(), "rule: shared GTIN, written in the listing's description, but the listing's brand is another -> review");
  // The product itself, its GTIN in the title: a takedown.
  EXPECT_EQ(Match(MakeListing("L", "Kettlo kettle 1.7 l 4006381333931", "Kettlo"))[0].action, RecallAction::kTakedown);
}

TEST_F(RecallRulesTest, TheNoticesBrandOnlyInTheTextOfAnotherBrandsListing) {
  // A third party's goods naming the product: a review, and the evidence
  // says whose brand is where.
  const auto battery = Match(MakeListing("L", "25.2V battery Voltix Nova VX1588 charger", "Powerextra"));
  ASSERT_EQ(battery.size(), 1u);
  EXPECT_EQ(battery[0].action, RecallAction::kReview);
  EXPECT_TRUE(HasEvidence(battery[0], "the notice's brand named in the listing's text (its brand field: powerextra)"));
  EXPECT_EQ(battery[0].evidence.back(),
            "rule: notice model code in the listing, but the notice's brand is only in the listing's text, its brand field names another "
            "(powerextra) -> review");
  // The notice's brand inside the listing's brand field, or none given.
  EXPECT_EQ(Match(MakeListing("L", "Voltix Nova VX1588 charger 65W", "Voltix Official Store"))[0].action, RecallAction::kTakedown);
  EXPECT_EQ(Match(MakeListing("L", "Voltix Nova VX1588 charger 65W", "VoltixShop"))[0].action, RecallAction::kTakedown);
  EXPECT_EQ(Match(MakeListing("L", "Voltix Nova VX1588 charger 65W", ""))[0].action, RecallAction::kTakedown);
}

TEST(RecallRulesTest2, APartIsAnAccessoryOnlyWhenTheListingIsNotOfTheProduct) {
  const Notice vacuum = MakeNotice(NoticeSource::kUsCpsc, "26595", "Rowenta X-Force Flex cordless stick vacuums", "Rowenta", "RH99A2U1", "");
  // The device naming its parts as features: the device.
  for (const char* title : {"Rowenta X-Force Flex 14.60 Animal RH99A2U1 Cordless Stick Vacuum, HEPA Filter, 45 min runtime",
                            "Rowenta RH99A2U1 stick vacuum + charging cable", "Rowenta RH99A2U1 cordless vacuum w/ washable filter",
                            "Rowenta RH99A2U1 + HEPA filter"})
    ExpectOneTakedown(MatchOne(vacuum, MakeListing("L", title, "Rowenta")), title);
  for (const char* title : {"Rowenta RH99A2U1 cordless vacuum, charging cable & pouch included", "Rowenta RH99A2U1 Akku-Staubsauger mit HEPA-Filter",
                            "Rowenta RH99A2U1 X-Force Flex Cordless Vacuum - Washable Filter", "Rowenta RH99A2U1 wall-mounted vacuum with dock, wall mount"})
    ExpectOneTakedown(MatchOne(vacuum, MakeListing("L", title, "Rowenta")), title);
  // The part alone, also naming what it fits: a review.
  for (const char* title : {"Rowenta HEPA Filter ZR009009 X-Force Flex 14.60 RH99A2U1", "Rowenta ZR009005 HEPA Filter RH99A2U1 vacuum cleaner",
                            "Rowenta RH99A2U1 vacuum filter", "Wall mount for Rowenta RH99A2U1 stick vacuum",
                            "Rowenta RH99A2U1 charging cable for vacuum cleaner", "Rowenta RH99A2U1 power adapter 32V",
                            // Past a comma, but only the brand and code before it.
                            "Rowenta RH99A2U1, HEPA filter", "Genuine Rowenta RH99A2U1 (wall mount)"}) {
    const auto part = MatchOne(vacuum, MakeListing("L", title, "Rowenta"));
    ASSERT_EQ(part.size(), 1u) << title;
    EXPECT_EQ(part[0].action, RecallAction::kReview) << title;
  }
  // Parts the notice says the product comes with are still parts sold
  // alone; the product with them is the product.
  const Notice with_parts = MakeNotice(NoticeSource::kEuSafetyGate, "A12/09999/24", "Cordless vacuum cleaner", "Dyvac", "DV-520", "",
                                       "Cordless stick vacuum cleaner with charging cable, wall bracket and two filters.");
  for (const char* title : {"Dyvac DV-520 charging cable", "Dyvac DV-520 Akkusauger Ladekabel", "Dyvac DV-520 wall bracket"}) {
    const auto part = MatchOne(with_parts, MakeListing("L", title, "Dyvac"));
    ASSERT_EQ(part.size(), 1u) << title;
    EXPECT_EQ(part[0].action, RecallAction::kReview) << title;
  }
  for (const char* title : {"Dyvac DV-520 Akkusauger, Ladekabel", "Dyvac DV-520 cordless vacuum cleaner + wall bracket"})
    ExpectOneTakedown(MatchOne(with_parts, MakeListing("L", title, "Dyvac")), title);
  // Past a slash, but right after the product's noun: that product's part.
  const Notice travel_charger = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90009/24", "Travel charger", "Lumikid", "TC-100", "");
  const auto bag = MatchOne(travel_charger, MakeListing("L", "Lumikid TC-100 Universal Travel Charger / Large Power USB charger carry bag", "Lumikid"));
  ASSERT_EQ(bag.size(), 1u);
  EXPECT_EQ(bag[0].action, RecallAction::kReview) << bag[0].evidence.back();
  ExpectOneTakedown(MatchOne(travel_charger, MakeListing("L", "Lumikid TC-100 Universal Travel Charger / Large Power USB, carry bag", "Lumikid")));
  // The product's GTIN in the field of something made for it, under the
  // maker's brand ("for <brand> ... <the product's noun>") or none.
  const Notice pans = MakeNotice(NoticeSource::kUsCpsc, "C1", "Granitestone Diamond Pro Blue saute pans", "Granitestone", "",
                                 "00080313081316");
  for (const char* title : {"Glass lid for Granitestone Diamond Pro Blue sauté pan", "Ersatzdeckel Granitestone Pfanne"}) {
    const auto lid = MatchOne(pans, MakeListing("L", title, std::string_view(title).starts_with("Glass") ? "Granitestone" : "", "080313081316"));
    ASSERT_EQ(lid.size(), 1u) << title;
    EXPECT_EQ(lid[0].evidence.back(), "rule: shared GTIN, but the listing may sell something made for it -> review") << title;
  }
  for (const char* title : {"Granitestone Diamond Pro Blue saute pan 10 inch", "Granitestone Diamond Pro Blue pan for induction hobs"})
    ExpectOneTakedown(MatchOne(pans, MakeListing("L", title, "Granitestone", "080313081316")), title);
  // A charger's own listing calls it a power adapter.
  const Notice charger = MakeNotice(NoticeSource::kUsCpsc, "2022374", "Veya wall chargers", "Veya", "VY-49SV117", "");
  ExpectOneTakedown(MatchOne(charger, MakeListing("L", "Veya Pulse Wall Charger 65W 3-Port Power Adapter Type C VY-49SV117", "Veya")));
  // An extension lead's own listing calls it a cable, in the notice's
  // words or their English; a charger's cable is still a cable.
  const Notice lead = MakeNotice(NoticeSource::kEuSafetyGate, "SR/03826/24", "Extension lead", "IRNA", "", "05907736500239", "Przedluzacz 3x2P");
  ExpectOneTakedown(MatchOne(lead, MakeListing("L", "Prodlužovací kabel 3 zásuvky IRNA 3x2P 5 m", "", "5907736500239")));
  const Notice plug = MakeNotice(NoticeSource::kEuSafetyGate, "SR/03827/24", "USB charger", "IRNA", "", "05907736500246", "Fast charger");
  const auto cable = MatchOne(plug, MakeListing("L", "IRNA USB kabel 1 m", "", "5907736500246"));
  ASSERT_EQ(cable.size(), 1u);
  EXPECT_EQ(cable[0].action, RecallAction::kReview);
  // Made for the product by its name, but not the product "for" a use.
  const Notice speaker = MakeNotice(NoticeSource::kEuSafetyGate, "A12/03293/24", "Bluetooth shower speaker", "Manhattan", "", "00766623165082",
                                    "Shower Speaker");
  Listing shower = MakeListing("L", "Manhattan Waterproof Bluetooth Speaker for Shower, Suction Cup", "Manhattan");
  shower.description = "UPC 766623165082";
  ExpectOneTakedown(MatchOne(speaker, shower));
}

// Chinese, Japanese and Korean titles name a projector's parts, say the
// goods are another model's or made for it, or that the recall does not
// touch them, as English ones do.
TEST(RecallRulesCjkTest, PartsOtherModelsAndNotRecalledInCjkTitlesAreReviewed) {
  const Notice projector = MakeNotice(NoticeSource::kUsCpsc, "90021", "Lumora LP310 Portable Projectors", "Lumora", "LP310", "",
                                      "The projectors come with a remote control and a power adapter.");
  const auto action = [&](const char* title, const char* description = "") {
    Listing l = MakeListing("L", title, "Lumora");
    l.description = description;
    const auto hits = MatchOne(projector, l);
    return hits.size() == 1 ? hits[0].action : RecallAction::kNone;
  };
  for (const char* title : {"Lumora LP310 投影仪", "Lumora LP310 投影機 白色", "Lumora LP310 プロジェクター", "Lumora LP310 投影仪 带遥控器",
                            "Lumora LP310 投影仪 附数据线", "Lumora LP310 プロジェクター リモコン付き", "Lumora LP310 프로젝터 리모컨 포함"})
    EXPECT_EQ(action(title), RecallAction::kTakedown) << title;
  for (const char* title : {"Lumora LP310 投影機 保護套", "Lumora LP310 投影機 收納包", "Lumora LP310 投影机 贴纸", "Lumora LP310 投影仪 遥控器",
                            "Lumora LP310 リモコン", "Lumora LP310 리모컨", "Lumora LP310 投影仪 数据线", "Lumora LP310 プロジェクター 充電ケーブル",
                            "Lumora LP310 投影仪 电源适配器", "Lumora LP310 projector remote control", "Lumora LP300 投影仪（不是LP310）",
                            "Lumora LP320 投影仪 LP310升级款", "Lumora LP300（代替LP310）", "Lumora LP300 プロジェクター（LP310ではありません）",
                            "Lumora LP300 프로젝터 (LP310 아님)", "Lumora LP310 投影仪 非召回批次"})
    EXPECT_EQ(action(title), RecallAction::kReview) << title;
  EXPECT_EQ(action("Lumora LP310 投影仪", "本产品不受召回影响"), RecallAction::kReview);
  EXPECT_EQ(action("Lumora LP310 プロジェクター", "リコール対象外のロットです"), RecallAction::kReview);
  // A feature beside a product's other words, in English, stays one.
  EXPECT_EQ(action("Lumora LP310 projector with remote control"), RecallAction::kTakedown);
}

// Chinese titles say "not" glued to the code, name a successor or a
// generation, a repair under the recall, an imitation of the brand, or
// the parts sold with the product; Chinese forms space their labels out
// and label barcodes "EAN码" or "69码"; Chinese brand fields say "no
// brand".
TEST(RecallRulesCjkTest, ChineseNegationsSuccessorsRepairsImitationsAndBundlesAsEnglishOnesAre) {
  const Notice projector = MakeNotice(NoticeSource::kUsCpsc, "90022", "Lumora LP310 Portable Projectors", "Lumora", "LP310",
                                      "06901234567892", "The projectors come with a remote control and a power adapter.");
  const auto action = [&](const char* title, const char* brand = "Lumora", const char* description = "") {
    Listing l = MakeListing("L", title, brand);
    l.description = description;
    const auto hits = MatchOne(projector, l);
    return hits.size() == 1 ? hits[0].action : RecallAction::kNone;
  };
  for (const char* title : {"Lumora LP300（非LP310）投影仪", "Lumora LP300（非 LP310）投影仪", "Lumora LP300 投影仪 而非 LP310",
                            "Lumora LP320 投影仪 LP310升级版", "Lumora LP310 二代 投影仪", "Lumora LP310 投影仪 已召回维修",
                            "Lumora LP310 投影仪 召回后已维修", "Lumora LP310 投影機 已召回維修", "Lumora LP310 投影仪 密封条",
                            "Lumora LP310 投影仪 把手"})
    EXPECT_EQ(action(title), RecallAction::kReview) << title;
  // Another maker's goods, in the brand's style or imitating it: the
  // brand named so does not agree.
  EXPECT_EQ(action("LP310 便携投影仪 Lumora 1080P", ""), RecallAction::kTakedown);
  for (const char* title : {"LP310 便携投影仪 Lumora同款 1080P", "仿Lumora LP310 便携投影仪"})
    EXPECT_NE(action(title, ""), RecallAction::kTakedown) << title;
  for (const char* title : {"Lumora LP300（非LP-310）投影仪", "Lumora LP300 投影仪 而非LP310", "Lumora LP320 投影仪 LP-310升级版"})
    EXPECT_EQ(action(title), RecallAction::kReview) << title;
  // Praise, not another edition, away from the code; a part with a word
  // describing it is a feature of the product.
  for (const char* title : {"Lumora LP310 投影仪 2024升级版", "Lumora LP310 投影仪 新一代 智能", "Lumora LP310 投影仪 隐藏式把手",
                            "Lumora LP310 投影仪 密封条加厚", "Lumora LP310 投影仪 第二代店铺", "Lumora LP310 投影仪 2024升级款"})
    EXPECT_EQ(action(title), RecallAction::kTakedown) << title;
  // The product with its parts, free or included.
  for (const char* title : {"Lumora LP310 投影仪 送支架 送收纳包", "Lumora LP310 投影仪 + 遥控器 + 电源适配器", "Lumora LP310投影仪 含遥控器 电源适配器",
                            "Lumora LP310 投影仪 赠数据线"})
    EXPECT_EQ(action(title), RecallAction::kTakedown) << title;
  // A stand sold with screws is a stand.
  EXPECT_EQ(action("Lumora LP310支架 送螺丝"), RecallAction::kReview);
  // "No brand" in the brand field names no other maker.
  for (const char* brand : {"无品牌", "无", "通用"}) EXPECT_EQ(action("Lumora LP310 投影仪", brand), RecallAction::kTakedown) << brand;
  // Labels.
  for (const char* description : {"品 牌：Lumora\n型 号：LP310", "品牌名称：Lumora\n型号规格：LP310", "品　　牌：Lumora\n型　　号：LP310",
                                  "品牌：Lumora\n款号：LP310"})
    EXPECT_EQ(action("便携投影仪 1080P", "", description), RecallAction::kTakedown) << description;
  for (const char* description : {"EAN码：6901234567892", "69码：6901234567892", "条码号：6901234567892"})
    EXPECT_EQ(action("Lumora 便携投影仪 1080P", "Lumora", description), RecallAction::kTakedown) << description;
}

}  // namespace
}  // namespace conform::recalls
