#include "conform/recalls/product_kind.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "conform/knowledge/data_dir.h"
#include "conform/knowledge/vocabulary_loader.h"
#include "conform/recalls/recall_matcher.h"
#include "conform/screen/classifier.h"

namespace conform::recalls {
namespace {

MatchRecord NoticeRecord(std::string id, std::string product, std::string description, std::string category,
                         std::string model = "", std::string gtin = "") {
  Notice n;
  n.source = NoticeSource::kEuSafetyGate;
  n.id = std::move(id);
  n.product_name = std::move(product);
  n.description = std::move(description);
  n.category = std::move(category);
  if (!model.empty()) n.model_numbers = {std::move(model)};
  if (!gtin.empty()) n.gtins = {std::move(gtin)};
  return FromNotice(n);
}

MatchRecord ListingRecord(std::string id, std::string title, std::string category = "", std::string gtin = "") {
  Listing l;
  l.listing_id = std::move(id);
  l.title = std::move(title);
  l.category = std::move(category);
  l.gtin = std::move(gtin);
  return FromListing(l);
}

class ProductKindsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = ProductKinds::LoadDefault();
    ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
    kinds_ = loaded.value();
  }
  static void TearDownTestSuite() { kinds_.reset(); }

  static KindJudgement Judge(const MatchRecord& notice, const MatchRecord& listing) {
    return kinds_->Judge(kinds_->OfNotice(notice), kinds_->OfListing(listing));
  }
  static std::vector<std::string> Names(const ProductKind& k) {
    std::vector<std::string> out;
    for (CategoryId c : k.kinds) out.push_back(kinds_->name(c));
    return out;
  }

  static std::shared_ptr<const ProductKinds> kinds_;
};
std::shared_ptr<const ProductKinds> ProductKindsTest::kinds_;

TEST_F(ProductKindsTest, ReadsEachSideFromItsText) {
  const ProductKind slime = kinds_->OfNotice(NoticeRecord("A1", "Slime toy", "Red slime toy in a pot.", "Toys"));
  EXPECT_EQ(Names(slime), std::vector<std::string>{"toy"});
  // A stated category leads, the title's evidence follows.
  const ProductKind earbuds = kinds_->OfListing(ListingRecord("L1", "Bluetooth earbuds with charging case", "radio_device"));
  ASSERT_FALSE(earbuds.kinds.empty());
  EXPECT_EQ(kinds_->name(earbuds.kinds.front()), "radio_device");
  // A category the vocabulary does not know is ignored; a title without
  // kind words tells nothing.
  const ProductKind blank = kinds_->OfListing(ListingRecord("L2", "Item 42 blue", "gizmos"));
  EXPECT_TRUE(blank.kinds.empty());
}

TEST_F(ProductKindsTest, ARegulatorsCategoryCountsWhateverItsPunctuation) {
  // Words that name no kind; the category alone tells, spelt with or
  // without the apostrophe and in any case.
  for (const char* category : {"Childcare articles and childrens equipment", "childcare articles and children's equipment"}) {
    const ProductKind k = kinds_->OfNotice(NoticeRecord("A1", "Item", "", category));
    const auto names = Names(k);
    EXPECT_NE(std::find(names.begin(), names.end(), "food_contact"), names.end()) << category;
  }
  // Several categories, "; "-joined.
  const auto both = Names(kinds_->OfNotice(NoticeRecord("A2", "Item", "", "Cosmetics; Toys")));
  EXPECT_EQ(both, (std::vector<std::string>{"cosmetic", "toy"}));
}

TEST_F(ProductKindsTest, ARegulatorsBroadCategoryYieldsToTheNoticesWords) {
  // "Electrical appliances and equipment" holds chargers and heaters alike:
  // a notice that says "fan heater" is of a heater's kind only.
  const char* electrical = "Electrical appliances and equipment";
  const auto heater = Names(kinds_->OfNotice(NoticeRecord("A1", "Fan heater 1500W", "White fan heater.", electrical)));
  EXPECT_EQ(heater, std::vector<std::string>{"household_appliance"});
  EXPECT_EQ(Judge(NoticeRecord("A1", "Fan heater 1500W", "White fan heater.", electrical),
                  ListingRecord("L1", "USB wall charger 20W fast charging", "charger"))
                .agreement,
            KindAgreement::kConflict);
  // Words that name no kind leave the category to tell.
  const auto item = Names(kinds_->OfNotice(NoticeRecord("A2", "Item", "", electrical)));
  EXPECT_NE(std::find(item.begin(), item.end(), "charger"), item.end());
}

TEST_F(ProductKindsTest, UnrelatedKindsConflict) {
  const KindJudgement j = Judge(NoticeRecord("A1", "Slime toy", "Red slime toy in a pot.", "Toys"),
                                ListingRecord("L1", "2000W ionic hair dryer AR619S", "household_appliance"));
  EXPECT_EQ(j.agreement, KindAgreement::kConflict);
  EXPECT_EQ(j.notice_kind, "toy");
  EXPECT_EQ(j.listing_kind, "household_appliance");

  EXPECT_EQ(Judge(NoticeRecord("A2", "Hair dye", "Brown hair dye in a cardboard box.", "Cosmetics"),
                  ListingRecord("L2", "USB wall charger 20W fast charging"))
                .agreement,
            KindAgreement::kConflict);
}

TEST_F(ProductKindsTest, OneProductOfTwoKindsAgrees) {
  // Same category.
  EXPECT_EQ(Judge(NoticeRecord("A1", "Hair dye", "Brown hair dye in a cardboard box.", "Cosmetics"),
                  ListingRecord("L1", "Permanent hair dye cream, brown"))
                .agreement,
            KindAgreement::kAgree);
  // One group: a charger sold as consumer electronics.
  EXPECT_EQ(Judge(NoticeRecord("A2", "USB charger", "White USB charger.", "Electrical appliances and equipment"),
                  ListingRecord("L2", "USB wall charger 20W", "consumer_electronics"))
                .agreement,
            KindAgreement::kAgree);
  // Filed as consumer electronics, a listing may be any device; a title
  // whose words say "speaker" is not a charger.
  const MatchRecord charger = NoticeRecord("A5", "USB wall charger", "White USB wall charger, 20W.", "");
  const KindJudgement filed = Judge(charger, ListingRecord("L5", "Voltix VX-20 20W", "consumer_electronics"));
  EXPECT_EQ(filed.agreement, KindAgreement::kAgree);
  EXPECT_EQ(filed.why, "consumer electronics is where sellers file any device");
  const KindJudgement speaker = Judge(charger, ListingRecord("L6", "Portable speaker 10W, black"));
  EXPECT_EQ(speaker.agreement, KindAgreement::kConflict);
  EXPECT_EQ(speaker.listing_kind, "consumer_electronics");
  // A pair of the table: a soft toy is a textile product.
  const KindJudgement soft = Judge(NoticeRecord("A3", "Soft toy", "Plush teddy bear.", "Toys"),
                                   ListingRecord("L3", "Cushion cover 40 x 40 cm", "textile"));
  EXPECT_EQ(soft.agreement, KindAgreement::kAgree);
  EXPECT_EQ(soft.why, "soft toys are textile products");
  // Stated a radio device, read as a toy from its words: a radio-controlled car.
  EXPECT_EQ(Judge(NoticeRecord("A4", "Remote control car", "Red remote control car, 2.4GHz.", "Toys"),
                  ListingRecord("L4", "RC car 2.4GHz off-road", "radio_device"))
                .agreement,
            KindAgreement::kAgree);
}

TEST_F(ProductKindsTest, AGarmentIsNoAppliance) {
  const MatchRecord hoodie = NoticeRecord("A1", "Children's hooded sweatshirt", "Grey hooded sweatshirt with drawstrings.",
                                          "Clothing, textiles and fashion items");
  EXPECT_EQ(Judge(hoodie, ListingRecord("L1", "Ionic blow dryer 2000W")).agreement, KindAgreement::kConflict);
  // A heated textile reads as both kinds from its words, and agrees with
  // either.
  const MatchRecord blanket = NoticeRecord("A2", "Electric blanket", "Double electric blanket, 120 W.", "Electrical appliances and equipment");
  EXPECT_EQ(Judge(blanket, ListingRecord("L2", "Fleece throw blanket double")).agreement, KindAgreement::kAgree);
  EXPECT_EQ(Judge(blanket, ListingRecord("L3", "Electric blanket 120W double")).agreement, KindAgreement::kAgree);
}

TEST_F(ProductKindsTest, AKindOutsideTheVocabularyConflictsWithEveryKnownKind) {
  // Safety Gate's motor vehicles: "T100" is a motorcycle's and a camera's.
  const MatchRecord motorcycle = NoticeRecord("A12/03367/24", "Motorcycle", "Bonneville T100, Bonneville T120", "Motor vehicles");
  EXPECT_EQ(Names(kinds_->OfNotice(motorcycle)), std::vector<std::string>{"motor_vehicle"});
  const KindJudgement camera = Judge(motorcycle, ListingRecord("L1", "Olympus T-100 12MP digital camera"));
  EXPECT_EQ(camera.agreement, KindAgreement::kConflict);
  EXPECT_EQ(camera.listing_kind, "consumer_electronics");
  // A listing of no known kind (a motorcycle, a spare part) decides nothing.
  EXPECT_EQ(Judge(motorcycle, ListingRecord("L2", "Bonneville T100 2021 black")).agreement, KindAgreement::kUnknown);
  // A kind outside the vocabulary counts whatever the words say: the text
  // cannot name it.
  const auto lamp = Names(kinds_->OfNotice(NoticeRecord("A12/00001/24", "Motorcycle LED lamp bulb", "", "Motor vehicles")));
  EXPECT_EQ(lamp, (std::vector<std::string>{"led_lamp", "motor_vehicle"}));
}

TEST_F(ProductKindsTest, GoodsNamedAfterAVehicleAreNoVehicle) {
  const MatchRecord car = NoticeRecord("A12/00577/20", "Passenger car", "Bentayga", "Motor vehicles");
  for (const char* title : {"Bentley Bentayga car cover waterproof outdoor", "Floor mats for Bentley Bentayga 2016-2023",
                            "Bentley Bentayga 1:18 diecast", "Bentley Continental GT key ring leather", "Kids ride on car Bentley Bentayga 12V"}) {
    const KindJudgement j = Judge(car, ListingRecord("L", title));
    EXPECT_EQ(j.agreement, KindAgreement::kConflict) << title;
    EXPECT_EQ(j.notice_kind, "motor_vehicle") << title;
    EXPECT_TRUE(j.listing_kind.starts_with("not a motor_vehicle (")) << j.listing_kind;
  }
  // The same in the languages sellers write; Chinese and Japanese run the
  // word together with the car's name.
  for (const char* title : {"Bentley Bentayga Fußmatten Gummi 4-teilig", "Tapis de sol Bentley Bentayga caoutchouc",
                            "Alfombrillas Bentley Bentayga", "Bentley Bentayga Schlüsselanhänger Leder", "宾利Bentayga车衣防晒",
                            "宾利 Bentayga 全包围脚垫", "ベントレー Bentayga フロアマット", "Коврики Bentley Bentayga резиновые",
                            "Брелок BENTLEY Bentayga", "벤틀리 Bentayga 카매트", "Bentley Bentayga 키링", "Tapetes Bentley Bentayga",
                            "Karpet mobil Bentley Bentayga", "Bentley Bentayga paspas", "BENTLEY BENTAYGA ANAHTARLIK",
                            "Thảm lót sàn Bentley Bentayga", "Bentley Bentayga wind deflectors 4pcs", "Bentley Bentayga üléshuzat",
                            "Scarpe da corsa Bentley Bentayga", "Minichamps Miniatura Bentley Bentayga", "Bentley Bentayga Laufrad",
                            "Bentley Bentayga Radtrikot", "Kinderauto 12V Bentley Bentayga", "Miniatura Bentley Bentayga",
                            "Bentley Bentayga Felgen 22 Zoll", "Bentley Bentayga Betriebsanleitung"}) {
    const KindJudgement j = Judge(car, ListingRecord("L", title));
    EXPECT_EQ(j.agreement, KindAgreement::kConflict) << title;
  }
  // A scale model named by its scale alone, as written ("1:43" folds to the
  // decimal "1.43").
  for (const char* title : {"Bentley Bentayga W12 1:43 Modell", "Bentley Bentayga 1/18 Norev", "Busch M1:87 Bentley Bentayga",
                            "Bentley Bentayga (1 : 24) weiß"}) {
    const KindJudgement j = Judge(car, ListingRecord("L", title));
    EXPECT_EQ(j.agreement, KindAgreement::kConflict) << title;
    EXPECT_TRUE(j.listing_kind.starts_with("not a motor_vehicle (\"") && j.listing_kind.find("1") != std::string::npos) << j.listing_kind;
  }
  EXPECT_EQ(Judge(car, ListingRecord("L", "Bentley Bentayga W12 1:43 Modell")).listing_kind, "not a motor_vehicle (\"1:43\")");
  // Not a date of first registration, a mixing ratio, a time, a life-size
  // replica or a part of a number.
  for (const char* title : {"Bentley Bentayga V8 EZ 1/18, 112.000 km", "Bentley Bentayga 4.0 V8 1/18 35000km",
                            "Bentley Bentayga V8 Mischverhältnis 1:50", "Bentley Bentayga V8 registered 1/18/2019",
                            "Bentley Bentayga V8 Laufzeit 1:30:00", "Bentley Bentayga 1:1", "Bentley Bentayga V8 11:43",
                            "Bentley Bentayga V8 1/19"})
    EXPECT_EQ(Judge(car, ListingRecord("L", title)).agreement, KindAgreement::kUnknown) << title;
  // A motorcycle's accessories sold on their own.
  const MatchRecord motorcycle = NoticeRecord("A12/03120/24", "Motorcycle", "Road Glide, Street Glide", "Motor vehicles");
  for (const char* title : {"Harley-Davidson Road Glide windshield 2024 genuine, smoke 10in", "Cupolino Puig Road Glide",
                            "Sacoches latérales Road Glide cuir", "Kufer centralny Road Glide 2021", "Road Glide tank bag, fits 2024 models"})
    EXPECT_EQ(Judge(motorcycle, ListingRecord("L", title)).agreement, KindAgreement::kConflict) << title;
  // An ad that gives the vehicle's mileage or registration lists its
  // equipment; a speed is no mileage.
  for (const char* title : {"Harley-Davidson Road Glide 2024 mit Windschild und Koffer, 3.500 km", "Road Glide 2023, EZ 05/2023, Topcase",
                            "Road Glide 2022 - 12,000 miles - top box", "Road Glide 2024 con baúl, km 2.500", "Road Glide 35000km Sturzbügel"})
    EXPECT_EQ(Judge(motorcycle, ListingRecord("L", title)).agreement, KindAgreement::kUnknown) << title;
  EXPECT_EQ(Judge(car, ListingRecord("L", "Bentley Bentayga 2018, 45.000 km, car cover included")).agreement, KindAgreement::kUnknown);
  EXPECT_EQ(Judge(car, ListingRecord("L", "Kinderauto Bentley Bentayga 12V 6 km/h")).agreement, KindAgreement::kConflict);
  // The car itself decides nothing.
  EXPECT_EQ(Judge(car, ListingRecord("L", "Bentley Bentayga V8 2019 black")).agreement, KindAgreement::kUnknown);
  for (const char* title : {"Bentley Bentayga 4.0 V8 2019, 112.000 km, Sitzheizung", "Bentley Bentayga 7 places, idéal enfants",
                            "Bentley Bentayga, Jersey registered"})
    EXPECT_EQ(Judge(car, ListingRecord("L", title)).agreement, KindAgreement::kUnknown) << title;
  EXPECT_EQ(Judge(car, ListingRecord("L", "宾利 Bentayga V8 2019 黑色 二手车")).agreement, KindAgreement::kUnknown);
  EXPECT_EQ(Judge(car, ListingRecord("L", "Bentley Bentayga V8 2019 пробег 35000 км")).agreement, KindAgreement::kUnknown);
  EXPECT_EQ(Judge(car, ListingRecord("L", "Bentley Bentayga V8 2019 중고차")).agreement, KindAgreement::kUnknown);
  // A part decides nothing: listings of whole vehicles name their parts
  // too ("LED headlight, mirrors"); the matcher reviews, never takes down,
  // a vehicle's code.
  EXPECT_EQ(Judge(car, ListingRecord("L", "Bentley Bentayga front brake pads")).agreement, KindAgreement::kUnknown);
  // A notice of a vehicle's lamp is of a lamp too: a lamp's cover word does
  // not make the pair conflict.
  const MatchRecord lamp = NoticeRecord("A12/00001/24", "Motorcycle LED lamp bulb", "", "Motor vehicles");
  EXPECT_NE(Judge(lamp, ListingRecord("L", "LED headlamp bulb H4 with dust cover")).agreement, KindAgreement::kConflict);
  // A word the notice has too says nothing: an alert on wiper blades.
  const MatchRecord wipers = NoticeRecord("A12/00002/24", "Wiper blades", "Flat wiper blades for passenger cars", "Motor vehicles");
  EXPECT_NE(Judge(wipers, ListingRecord("L", "Bosch wiper blades for VW Golf 7")).agreement, KindAgreement::kConflict);
  const MatchRecord mats = NoticeRecord("A", "Car floor mats", "汽车脚垫", "Motor vehicles");
  EXPECT_NE(Judge(mats, ListingRecord("L", "大众高尔夫 脚垫")).agreement, KindAgreement::kConflict);
  // Other kinds are not read so.
  EXPECT_EQ(Judge(NoticeRecord("A1", "Slime toy", "", "Toys"), ListingRecord("L", "Slime toy kit for kids")).agreement, KindAgreement::kAgree);
}

TEST_F(ProductKindsTest, ABrandOfSpacesIsNoBrandToLeaveOut) {
  MatchRecord notice = NoticeRecord("A3", "Slime toy", "Red slime toy in a pot.", "Toys");
  // An ideographic space (a Chinese feed's empty brand field) and an
  // invalid byte fold to one space.
  notice.brands = {"\u3000", "\xff", "   "};
  EXPECT_EQ(Names(kinds_->OfNotice(notice)), std::vector<std::string>{"toy"});
}

TEST_F(ProductKindsTest, TooLittleToGoOnDecidesNothing) {
  EXPECT_EQ(Judge(NoticeRecord("A1", "Slime toy", "Red slime toy in a pot.", "Toys"), ListingRecord("L1", "Item 42 blue"))
                .agreement,
            KindAgreement::kUnknown);
  EXPECT_EQ(Judge(NoticeRecord("A2", "Product", "", ""), ListingRecord("L2", "USB wall charger 20W", "charger")).agreement,
            KindAgreement::kUnknown);
}

// Kinds read from words can be wrong ("Kinder" in a learning tower's
// title); a code of 8 characters or more and the brand agreeing make the
// pair a review, not nothing. A short code with the brand is still ruled
// out by the kinds.
TEST_F(ProductKindsTest, ALongCodeAndTheBrandOutweighKindsReadFromWords) {
  const auto notice_of = [](std::string model) {
    Notice n;
    n.source = NoticeSource::kEuSafetyGate;
    n.id = "A1";
    n.product_name = "Hair dye";
    n.brands = {"Colorix"};
    n.model_numbers = {std::move(model)};
    return FromNotice(n);
  };
  const auto listing_of = [](std::string title) {
    Listing l;
    l.listing_id = "L";
    l.title = std::move(title);
    l.brand = "Colorix";
    return FromListing(l);
  };
  RecallMatcherOptions options;
  options.kinds = kinds_.get();
  const std::vector<MatchRecord> long_code = {notice_of("CLX-20240017")};
  PairFeaturizer featurizer;
  featurizer.Fit({&long_code[0].record});
  const RecallIndex by_long(long_code, true, &featurizer, nullptr, options);
  const auto hits = by_long.Match(listing_of("Colorix CLX-20240017 kids hoodie"));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].action, RecallAction::kReview);
  EXPECT_EQ(hits[0].evidence.back(),
            "rule: notice model code in the listing, but the kinds of product differ (cosmetic and childrens_apparel) -> review");
  const std::vector<MatchRecord> short_code = {notice_of("CX-17")};
  const RecallIndex by_short(short_code, true, &featurizer, nullptr, options);
  EXPECT_TRUE(by_short.Match(listing_of("Colorix CX-17 kids hoodie")).empty());
  // Filed under another category, its words naming none: a review
  // whatever the code's length.
  Listing l;
  l.listing_id = "L";
  l.title = "Colorix CX-17 200 ml";
  l.brand = "Colorix";
  l.category = "textile";
  const auto misfiled = by_short.Match(FromListing(l));
  ASSERT_EQ(misfiled.size(), 1u);
  EXPECT_EQ(misfiled[0].action, RecallAction::kReview);
  EXPECT_EQ(misfiled[0].evidence.back(), "rule: notice model code in the listing, but the kinds of product differ (cosmetic and textile) -> review");
}

TEST_F(ProductKindsTest, TheMatcherRulesOutAnotherKindUnlessTheGtinIsShared) {
  std::vector<MatchRecord> notices = {
      NoticeRecord("A12/19444/20", "Axra Nova Slime toy 12 Pack", "Red slime toy in a cardboard box.", "Toys", "AR619S",
                   "06911508007207"),
  };
  PairFeaturizer featurizer;
  featurizer.Fit({&notices[0].record});
  RecallMatcherOptions options;
  options.kinds = kinds_.get();
  const RecallIndex with_kinds(notices, /*indexed_are_notices=*/true, &featurizer, nullptr, options);
  const RecallIndex without_kinds(notices, /*indexed_are_notices=*/true, &featurizer, nullptr);

  // The slime's code in a hair dryer's title, which shares a word with the
  // notice's: without kinds a review (the brand is not confirmed), with
  // kinds no match.
  const MatchRecord dryer = ListingRecord("L1", "2000W Ionic Hair Dryer AR619S Travel Pack", "household_appliance");
  ASSERT_EQ(without_kinds.Match(dryer).size(), 1u);
  EXPECT_TRUE(with_kinds.Match(dryer).empty());

  // A shared GTIN still makes a match, and the evidence says the kinds
  // differ; with nothing else agreeing (no brand, no word of the notice's
  // title), a review: a barcode copied or mistyped.
  const MatchRecord dryer_same_gtin = ListingRecord("L2", "2000W Ionic Hair Dryer", "household_appliance", "6911508007207");
  const auto by_gtin = with_kinds.Match(dryer_same_gtin);
  ASSERT_EQ(by_gtin.size(), 1u);
  EXPECT_EQ(by_gtin[0].action, RecallAction::kReview);
  bool said = false;
  for (const auto& e : by_gtin[0].evidence) said = said || e == "kinds differ (toy and household_appliance), but the GTIN is shared";
  EXPECT_TRUE(said);

  // The same kind: matched, and the evidence says so.
  const MatchRecord slime_listing = ListingRecord("L3", "Axra Nova slime toy AR619S 12 pack", "toy");
  const auto slime = with_kinds.Match(slime_listing);
  ASSERT_EQ(slime.size(), 1u);
  bool same = false;
  for (const auto& e : slime[0].evidence) same = same || e == "same kind of product (toy)";
  EXPECT_TRUE(same);

  // The other direction (a new notice against indexed listings) agrees.
  const RecallIndex listings(std::vector<MatchRecord>{dryer, dryer_same_gtin, slime_listing}, /*indexed_are_notices=*/false,
                             &featurizer, nullptr, options);
  std::vector<std::string> hit;
  for (const auto& m : listings.Match(notices[0])) hit.push_back(listings.record(m.indexed).id);
  std::sort(hit.begin(), hit.end());
  EXPECT_EQ(hit, (std::vector<std::string>{"L2", "L3"}));
  // And says why the hair dryer is left out.
  bool explained = false;
  for (const auto& m : listings.Explain(notices[0])) {
    if (listings.record(m.indexed).id != "L1") continue;
    explained = true;
    EXPECT_EQ(m.action, RecallAction::kNone);
    EXPECT_EQ(m.evidence.back(), "rule: kinds of product in conflict (toy and household_appliance) -> none");
  }
  EXPECT_TRUE(explained);
}

class ProductKindsLoadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string data = DefaultDataDir();
    auto v = LoadVocabulary(data + "/vocabulary.yaml");
    ASSERT_TRUE(v.ok()) << v.error().ToString();
    vocabulary_ = std::make_unique<Vocabulary>(std::move(v).value());
    auto c = Classifier::Load(*vocabulary_, data + "/classify/hs.yaml", data + "/classify/keywords.yaml");
    ASSERT_TRUE(c.ok()) << c.error().ToString();
    classifier_ = std::make_unique<Classifier>(std::move(c).value());
    // One directory per test, none shared: ctest runs the tests of this
    // fixture side by side, and a shared parent one test removes as
    // another creates its own under it fails the other.
    dir_ = std::filesystem::path(::testing::TempDir()) /
           (std::string("product_kinds_test_") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  std::string Write(const std::string& text) {
    const std::string path = (dir_ / "kinds.yaml").string();
    std::ofstream(path) << text;
    return path;
  }
  std::unique_ptr<Vocabulary> vocabulary_;
  std::unique_ptr<Classifier> classifier_;
  std::filesystem::path dir_;
};

TEST_F(ProductKindsLoadTest, RefusesUnknownCategoriesWithTheirPlace) {
  const auto r = ProductKinds::Load(Write("schema: conform-product-kinds/1\n"
                                          "groups:\n"
                                          "  electrical: [charger, toaster]\n"),
                                    *vocabulary_, *classifier_);
  ASSERT_FALSE(r.ok());
  const std::string message = r.error().ToString();
  EXPECT_NE(message.find("'toaster' is not a category of the vocabulary"), std::string::npos) << message;
  EXPECT_NE(message.find(":3:"), std::string::npos) << message;
}

TEST_F(ProductKindsLoadTest, KindsOutsideTheVocabularyServeRegulatorsCategoriesOnly) {
  EXPECT_TRUE(ProductKinds::Load(Write("schema: conform-product-kinds/1\n"
                                       "outside_vocabulary:\n"
                                       "  motor_vehicle: road vehicles\n"
                                       "regulator_categories:\n"
                                       "  Motor vehicles: [motor_vehicle]\n"),
                                 *vocabulary_, *classifier_)
                  .ok());
  // Paired with a vocabulary category, it would no longer conflict.
  const auto paired = ProductKinds::Load(Write("schema: conform-product-kinds/1\n"
                                               "outside_vocabulary:\n"
                                               "  motor_vehicle: road vehicles\n"
                                               "pairs:\n"
                                               "  - {kinds: [motor_vehicle, toy], why: ride-on cars}\n"),
                                         *vocabulary_, *classifier_);
  ASSERT_FALSE(paired.ok());
  EXPECT_NE(paired.error().ToString().find("'motor_vehicle' is outside the vocabulary"), std::string::npos) << paired.error().ToString();
  // A vocabulary category cannot be declared outside it.
  const auto inside = ProductKinds::Load(Write("schema: conform-product-kinds/1\n"
                                               "outside_vocabulary:\n"
                                               "  toy: toys\n"),
                                         *vocabulary_, *classifier_);
  ASSERT_FALSE(inside.ok());
  EXPECT_NE(inside.error().ToString().find("'toy' is a category of the vocabulary"), std::string::npos) << inside.error().ToString();
}

TEST_F(ProductKindsLoadTest, ListingWordsOnlyForKindsOutsideTheVocabulary) {
  const auto inside = ProductKinds::Load(Write("schema: conform-product-kinds/1\n"
                                               "outside_vocabulary:\n"
                                               "  motor_vehicle: road vehicles\n"
                                               "listings_not_of:\n"
                                               "  toy: [cover]\n"),
                                         *vocabulary_, *classifier_);
  ASSERT_FALSE(inside.ok());
  EXPECT_NE(inside.error().ToString().find("'toy' is not a kind of outside_vocabulary"), std::string::npos) << inside.error().ToString();
  const auto empty = ProductKinds::Load(Write("schema: conform-product-kinds/1\n"
                                              "outside_vocabulary:\n"
                                              "  motor_vehicle: road vehicles\n"
                                              "listings_not_of:\n"
                                              "  motor_vehicle: [cover, \"--\"]\n"),
                                        *vocabulary_, *classifier_);
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.error().ToString().find("a word must hold a letter or a digit"), std::string::npos) << empty.error().ToString();
}

TEST_F(ProductKindsLoadTest, RefusesAnotherSchemaAndPairsWithoutReason) {
  EXPECT_FALSE(ProductKinds::Load(Write("schema: conform-brand-aliases/1\n"), *vocabulary_, *classifier_).ok());
  const auto r = ProductKinds::Load(Write("schema: conform-product-kinds/1\n"
                                          "pairs:\n"
                                          "  - {kinds: [toy, textile]}\n"),
                                    *vocabulary_, *classifier_);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().ToString().find("why"), std::string::npos) << r.error().ToString();
  EXPECT_FALSE(ProductKinds::Load(Write("schema: conform-product-kinds/1\nmin_evidence: -1\n"), *vocabulary_, *classifier_).ok());
  const auto filed = ProductKinds::Load(Write("schema: conform-product-kinds/1\n"
                                              "pairs:\n"
                                              "  - {kinds: [toy, textile], filed_as: charger, why: soft toys}\n"),
                                        *vocabulary_, *classifier_);
  ASSERT_FALSE(filed.ok());
  EXPECT_NE(filed.error().ToString().find("filed_as 'charger' is not one of the pair's kinds"), std::string::npos)
      << filed.error().ToString();
}

}  // namespace
}  // namespace conform::recalls
