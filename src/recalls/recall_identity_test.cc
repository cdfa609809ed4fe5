// What identifies a recalled product in a listing, and what only looks
// so: GTINs, codes, names, accessories, batches, the listing's own words.
#include "conform/recalls/recall_matcher.h"

#include <gtest/gtest.h>

#include "recall_matcher_test_util.h"

namespace conform::recalls {
namespace {

TEST(RecallIdentityTest, AGroupOfTheNoticesOwnBarcodeIsNoModelCode) {
  // Health Canada's table writes the UPC in groups; "29145" is part of it.
  std::vector<MatchRecord> notices = {FromNotice(MakeNotice(
      NoticeSource::kCaHealthCanada, "RA-66524", "Musical jumbo wooden xylophone", "Petit Collage", "TT.1902.0617", "00036000291452",
      "Product Model UPC\nMusical jumbo wooden xylophone TT.1902.0617 0 36000 29145 2"))};
  PairFeaturizer featurizer;
  featurizer.Fit({&notices[0].record});
  const RecallIndex index(notices, true, &featurizer, nullptr);
  const auto explained = index.Explain(FromListing(MakeListing("L", "Pound and tap bench with xylophone 29145", "Petit Collage")));
  ASSERT_EQ(explained.size(), 1u);  // a candidate by brand and title word, judged
  EXPECT_NE(explained[0].action, RecallAction::kTakedown);
  EXPECT_FALSE(HasEvidence(explained[0], "same model code 29145")) << fmt::format("{}", fmt::join(explained[0].evidence, " | "));
  // The model number itself still identifies.
  const auto hits = index.Match(FromListing(MakeListing("L", "Petit Collage xylophone TT.1902.0617", "Petit Collage")));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].action, RecallAction::kTakedown);
}

// A CPSC product name with a word few notices have, and the brand: a
// listing without a code is reviewed for it; brand and kind alone, which
// every listing of the brand's line shares, are no name.
TEST(RecallIdentityTest, ACpscProductNameWithARareWordAndTheBrandAreReviewed) {
  std::vector<MatchRecord> notices;
  int k = 0;
  for (const char* brand : {"Alarmo", "Bellax", "Corvina", "Dalmo", "Essora", "Fintra", "Gallo", "Hestra"}) {
    ++k;
    notices.push_back(FromNotice(MakeNotice(NoticeSource::kUsCpsc, fmt::format("2900{}", k), fmt::format("{} Smoke Alarms", brand), brand,
                                            fmt::format("SA-{}00", k), "")));
  }
  notices.push_back(FromNotice(MakeNotice(NoticeSource::kUsCpsc, "29009", "Lumikid Retro Refrigerators", "Lumikid", "LR-100", "")));
  notices.push_back(FromNotice(MakeNotice(NoticeSource::kUsCpsc, "29010", "Varnok-branded Tabletop Fire Pits", "Varnok", "", "")));
  notices.push_back(FromNotice(MakeNotice(NoticeSource::kUsCpsc, "29011", "Nordlo Foldable Toddler Tower Stools", "Nordlo", "", "")));
  const FittedIndex fitted(std::move(notices));
  const RecallIndex& index = *fitted.index;
  // The closing kind in the plural, called otherwise, after three words
  // that name the product; not fewer ("Lumikid Retro" is no name).
  EXPECT_EQ(ActionOf(index, "Nordlo Toddler Tower Foldable Kitchen Helper, White", "Nordlo"), RecallAction::kReview);
  EXPECT_EQ(ActionOf(index, "Nordlo Toddler Tower Kitchen Helper", "Nordlo"), RecallAction::kNone);
  EXPECT_EQ(ActionOf(index, "Lumikid Retro Mini Fridge", "Lumikid"), RecallAction::kNone);
  const auto fridge = index.Match(FromListing(MakeListing("L", "Lumikid Retro Refrigerator 3.1 cu ft, like new", "Lumikid")));
  ASSERT_EQ(fridge.size(), 1u);
  EXPECT_EQ(fridge[0].action, RecallAction::kReview);
  EXPECT_EQ(fridge[0].evidence.back(), "rule: the listing shows no model code to compare, the notice's product name and brand in the listing -> review");
  EXPECT_TRUE(HasEvidence(fridge[0], "the notice's product name in the listing's title (retro refrigerators)"));
  // The brand in the title of a listing without a brand field, too.
  EXPECT_EQ(ActionOf(index, "Lumikid Retro Refrigerator red", ""), RecallAction::kReview);
  // CPSC's "-branded" is the notice's wording, not the product's name.
  EXPECT_EQ(ActionOf(index, "Varnok Tabletop Fire Pit, used once", ""), RecallAction::kReview);
  // Brand and kind only; another brand; a part of it.
  const auto alarm = index.Match(FromListing(MakeListing("L", "Alarmo Smoke Alarm 10-year battery", "Alarmo")));
  EXPECT_TRUE(alarm.empty()) << (alarm.empty() ? "" : fmt::format("{}", fmt::join(alarm[0].evidence, " | ")));
  EXPECT_EQ(ActionOf(index, "Acme Retro Refrigerator", "Acme"), RecallAction::kNone);
  EXPECT_NE(ActionOf(index, "Lumikid Retro Refrigerator door gasket", "Lumikid"), RecallAction::kTakedown);
}

// A listing without a brand field may name the brand anywhere in its
// title, as private sellers and titles in French or Italian do: found
// through "t:" keys, in both directions, and judged as with the brand first.
TEST(RecallIdentityTest, ABrandLaterInATitleWithoutABrandField) {
  std::vector<MatchRecord> notices;
  for (const char* brand : {"Alarmo", "Bellax", "Corvina", "Dalmo"})
    notices.push_back(FromNotice(MakeNotice(NoticeSource::kUsCpsc, fmt::format("2910{}", brand), fmt::format("{} Smoke Alarms", brand), brand, "", "")));
  notices.push_back(FromNotice(MakeNotice(NoticeSource::kUsCpsc, "90041", "Varnok Glowride Bicycle Helmets", "Varnok", "", "")));
  const FittedIndex fitted(std::move(notices));
  const RecallIndex& index = *fitted.index;
  EXPECT_EQ(ActionOf(index, "Bicycle helmet kids Varnok Glowride, barely used", ""), RecallAction::kReview);
  EXPECT_EQ(ActionOf(index, "Glowride bicycle helmet (varnok) size M", ""), RecallAction::kReview);
  // Not without the brand, nor under another brand field, nor a brand
  // named to compare.
  EXPECT_EQ(ActionOf(index, "Bicycle helmet kids Glowride, barely used", ""), RecallAction::kNone);
  for (const char* title : {"Glowride bicycle helmet similar to Varnok", "Glowride bicycle helmet, Varnok alternative",
                            "Bicycle helmet like Varnok Glowride", "Glowride bicycle helmet, not Varnok", "Varnok style Glowride bicycle helmet"})
    EXPECT_EQ(ActionOf(index, title, ""), RecallAction::kNone) << title;
  EXPECT_EQ(ActionOf(index, "Bicycle helmet kids Varnok Glowride", "Lumora"), RecallAction::kNone);
  // A brand whose first word is too short to key, by its longest word (a
  // real alert's, A12/00887/24), in the listing's language too.
  std::vector<MatchRecord> oils = {FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/00887/24", "Essential oil blend", "I Love Wellness",
                                                         "", "", "Essential oil blend Calm"))};
  const FittedIndex by_oil(std::move(oils));
  EXPECT_EQ(ActionOf(*by_oil.index, "Mélange d'huiles essentielles Calm I Love Wellness 10 ml aromathérapie", ""), RecallAction::kReview);
  EXPECT_EQ(ActionOf(*by_oil.index, "Essential oil blend Calm, wellness gift set", ""), RecallAction::kNone);
  // The listings indexed, the notice finds the same.
  std::vector<MatchRecord> listings = {FromListing(MakeListing("L1", "Bicycle helmet kids Varnok Glowride, barely used")),
                                       FromListing(MakeListing("L2", "Bicycle helmet kids, barely used"))};
  const RecallIndex by_listing(listings, /*indexed_are_notices=*/false, &fitted.featurizer, nullptr);
  const auto hits = by_listing.Match(fitted.notices.back());
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(by_listing.record(hits[0].indexed).id, "L1");
  EXPECT_EQ(hits[0].action, RecallAction::kReview);
}

// A notice without a brand: its whole product name, with a word few
// notices have that is not its first (where such a notice puts the
// brand), in a listing's title is reviewed, whatever the listing's brand;
// found through the name's words standing in for the brand.
TEST(RecallIdentityTest, ANoticeWithoutABrandIsReviewedForItsWholeName) {
  std::vector<MatchRecord> notices;
  for (const char* brand : {"Alarmo", "Bellax", "Corvina", "Dalmo", "Essora", "Fintra", "Gallo", "Hestra"})
    notices.push_back(FromNotice(MakeNotice(NoticeSource::kCaHealthCanada, fmt::format("RA-9{}", brand), fmt::format("{} Fan Heaters", brand), brand, "", "")));
  notices.push_back(FromNotice(MakeNotice(NoticeSource::kCaHealthCanada, "RA-90020", "New Horse Riding Helmet 100 Varnok", "", "", "")));
  notices.push_back(FromNotice(MakeNotice(NoticeSource::kCaHealthCanada, "RA-90021", "Grarix Fan Heater", "", "", "")));
  const FittedIndex fitted(std::move(notices));
  const RecallIndex& index = *fitted.index;
  const auto helmet = index.Match(FromListing(MakeListing("L", "Varnok 100 Horse Riding Helmet - Kids/Adults", "")));
  ASSERT_EQ(helmet.size(), 1u);
  EXPECT_EQ(index.record(helmet[0].indexed).id, "ca-health-canada:RA-90020");
  EXPECT_EQ(helmet[0].action, RecallAction::kReview);
  EXPECT_EQ(helmet[0].evidence.back(),
            "rule: the notice names no GTIN or model code, the notice names no brand, and the listing's title has every word of its product name -> review");
  // Brand and kind, the brand first: no name; nor part of the name.
  const auto heater = index.Match(FromListing(MakeListing("L", "Grarix Fan Heater 2000W", "")));
  EXPECT_TRUE(heater.empty()) << (heater.empty() ? "" : fmt::format("{}", fmt::join(heater[0].evidence, " | ")));
  EXPECT_TRUE(index.Match(FromListing(MakeListing("L", "Kids horse riding helmet 100", "Generic"))).empty());
}

// A Safety Gate alert without a brand whose description is the product's
// own name: a listing whose title has every word of it is reviewed,
// wherever the name stands in the title; a listing of another name of the
// series, or of part of the name, is not.
TEST(RecallIdentityTest, AnAlertWithoutABrandIsReviewedForTheNameItsDescriptionGives) {
  std::vector<MatchRecord> notices;
  for (const char* brand : {"Alarmo", "Bellax", "Corvina", "Dalmo", "Essora", "Fintra", "Gallo", "Hestra"})
    notices.push_back(FromNotice(MakeNotice(NoticeSource::kCaHealthCanada, fmt::format("RA-9{}", brand), fmt::format("{} Fan Heaters", brand), brand, "", "")));
  notices.push_back(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/90001/24", "Disco lamp", "", "", "", "LED Crystal Magic Ball Light")));
  notices.push_back(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/90002/24", "Lighting chain", "", "", "", "140L LED DECORATION LIGHTS")));
  notices.push_back(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/90003/24", "Lighting chain", "", "", "", "180L LED DECORATION LIGHTS")));
  const FittedIndex fitted(std::move(notices));
  const RecallIndex& index = *fitted.index;
  const auto ids = [&](const std::vector<RecallMatch>& hits) {
    std::vector<std::string> out;
    for (const auto& h : hits) out.push_back(fmt::format("{} {}", index.record(h.indexed).id, h.action == RecallAction::kReview ? "review" : "other"));
    return out;
  };
  using Ids = std::vector<std::string>;
  EXPECT_EQ(ids(index.Match(FromListing(MakeListing("L", "LED Crystal Magic Ball Light Discokugel RGB mit Fernbedienung")))),
            Ids{"eu-safety-gate:A12/90001/24 review"});
  EXPECT_EQ(ids(index.Match(FromListing(MakeListing("L", "Lampki choinkowe 140L LED DECORATION LIGHTS 8 trybow")))),
            Ids{"eu-safety-gate:A12/90002/24 review"});
  EXPECT_EQ(ids(index.Match(FromListing(MakeListing("L", "180L LED Decoration Lights Lichterkette bunt")))), Ids{"eu-safety-gate:A12/90003/24 review"});
  EXPECT_TRUE(index.Match(FromListing(MakeListing("L", "LED Magic Ball Light Discokugel"))).empty());
  EXPECT_TRUE(index.Match(FromListing(MakeListing("L", "LED Lichterkette 140 LEDs bunt"))).empty());
}

// A notice that names nothing but its brand and its kind of product covers
// every product of the brand's kind: a listing of the brand naming the
// kind, in its language, is reviewed. Not another kind of the brand, nor
// what is made for the product, nor a listing against a notice that says
// more than its kind ("Crema Delicata").
TEST(RecallIdentityTest, ANoticeOfABrandsKindAloneReviewsTheBrandsListingsOfThatKind) {
  const Notice stroller = MakeNotice(NoticeSource::kEuSafetyGate, "A12/03157/24", "Stroller", "Stokke", "", "");
  for (const char* title : {"Poussette Stokke très bon état", "Stokke stroller with carrycot", "Stokke Kinderwagen mit Babywanne"}) {
    const auto hits = MatchOne(stroller, MakeListing("L", title));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
    EXPECT_EQ(hits[0].evidence.back(),
              "rule: the notice names no GTIN or model code, the notice names nothing but its brand and its kind of product (stroller), "
              "both in the listing -> review")
        << title;
  }
  EXPECT_TRUE(MatchOne(stroller, MakeListing("L", "Stokke Tripp Trapp high chair oak", "Stokke")).empty());
  EXPECT_TRUE(MatchOne(stroller, MakeListing("L", "Regenhoes voor Stokke kinderwagen")).empty());  // a rain cover for it
  // A sleeping bag by the names sellers give it (A12/01601/24's "Baby
  // sleeping bag"), not by another bag's.
  const Notice sleeping_bag = MakeNotice(NoticeSource::kEuSafetyGate, "A12/01601/24", "Baby sleeping bag", "Ortorex", "", "");
  for (const char* title : {"Ortorex Baby Schlafsack 90 cm ganzjährig", "Gigoteuse Ortorex, sac de couchage bébé 70 cm", "Ortorex śpiworek 70 cm"}) {
    const auto hits = MatchOne(sleeping_bag, MakeListing("L", title, "Ortorex"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
  }
  EXPECT_TRUE(MatchOne(sleeping_bag, MakeListing("L", "Ortorex Wickeltasche grau", "Ortorex")).empty());
  // A product name where the kind should be names no kind the table knows.
  const Notice elements = MakeNotice(NoticeSource::kEuSafetyGate, "A12/03158/24", "Photoshop Elements", "Adobe", "", "");
  EXPECT_TRUE(MatchOne(elements, MakeListing("L", "Adobe Premiere Elements 2024", "Adobe")).empty());
  const Notice mask = MakeNotice(NoticeSource::kEuSafetyGate, "SR/03776/24", "Hair mask", "Biopoint", "", "", "Crema Delicata Maschera per capelli");
  EXPECT_FALSE(FromNotice(mask).names_only_brand_and_kind);
  EXPECT_TRUE(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/03502/24", "Submersible water pump", "Malish", "", "", "Submersible pump"))
                  .names_only_brand_and_kind);
  EXPECT_FALSE(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/03503/24", "Submersible water pump", "Malish", "MP-10", "", ""))
                   .names_only_brand_and_kind);
}

TEST(RecallIdentityTest, AModelNumberInsideTheNoticesUpcStillIdentifies) {
  // Makers build model numbers into their UPCs; listed apart, each is a
  // model number.
  Notice coffee = MakeNotice(NoticeSource::kUsCpsc, "27100", "Hamilton Beach FlexBrew coffee makers", "Hamilton Beach", "49979", "",
                             "This recall involves FlexBrew coffee makers, models 49979, 49974 and 49989.");
  coffee.model_numbers = {"49979", "49974", "49989"};
  coffee.gtins = {"00040094499793", "00040094499748", "00040094499892"};
  const auto hits = MatchOne(coffee, MakeListing("L", "Hamilton Beach FlexBrew 49974 Single-Serve Coffee Maker, Black", "Hamilton Beach"));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].action, RecallAction::kTakedown);
}

TEST(RecallIdentityTest, AModelFieldThatNamesNoModelIdentifiesNothing) {
  // Safety Gate writes "Various" and "Unknown" in the model field; a year,
  // a spec or an interface name is no model either. Read as a code, each
  // took down a listing of the brand that merely used the word.
  const struct {
    const char* model;
    const char* title;
  } cases[] = {{"Various", "Varia hair dryer in various colours"}, {"Unknown", "Varia hair dryer model unknown"},
               {"2024", "Varia kettle 2024 new model"},         {"Standard", "Varia kettle standard"},
               {"USB-C", "Varia USB-C cable 2-pack"},            {"HDMI", "Varia HDMI cable"},
               {"4-in-1", "Varia 4-in-1 charger"},               {"2-pack", "Varia USB charger 2-pack"}};
  for (const auto& c : cases)
    EXPECT_TRUE(MatchOne(MakeNotice(NoticeSource::kEuSafetyGate, "A", "Appliance", "Varia", c.model, ""), MakeListing("L", c.title, "Varia")).empty())
        << c.model;
  // A code without digits in the model field is still a code there.
  const auto hits = MatchOne(MakeNotice(NoticeSource::kEuSafetyGate, "A", "Card reader", "Varia", "CRW-EXT", ""),
                             MakeListing("L", "Varia card reader crw-ext", "Varia"));
  ExpectOneTakedown(hits);
}

TEST(RecallIdentityTest, ARestrictedCirculationGtinIdentifiesOnlyWithTheBrand) {
  // 2012345678903 is an in-store number: unique only inside one company.
  const Notice notice = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Toy car", "Carzy", "", "02012345678903");
  EXPECT_TRUE(MatchOne(notice, MakeListing("L", "Hair straightener", "Straighto", "2012345678903")).empty());
  const auto same_brand = MatchOne(notice, MakeListing("L", "Toy car red", "Carzy", "2012345678903"));
  ExpectOneTakedown(same_brand);
  // An ordinary GTIN needs no brand: a word of the notice's title will do.
  const Notice ordinary = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Toy car", "Carzy", "", "04006381333931");
  ExpectOneTakedown(MatchOne(ordinary, MakeListing("L", "Remote control toy car", "Straighto", "4006381333931")));
  // With nothing agreeing but the number, a review: sellers copy the
  // barcode of what their goods fit, and say so in any language.
  const auto copied = MatchOne(ordinary, MakeListing("L", "Hair straightener", "Straighto", "4006381333931"));
  ASSERT_EQ(copied.size(), 1u);
  EXPECT_EQ(copied[0].action, RecallAction::kReview);
  EXPECT_EQ(copied[0].evidence.back(),
            "rule: shared GTIN, but nothing else the listing says (brand, the same kind of product, name, a word of the notice's title) agrees -> review");
}

// A charger "for a phone" is the charger; a pouch "for the charger" is made
// for it (a real alert's words, A11/00165/24, and its barcode).
TEST(RecallIdentityTest, WhatAProductIsForIsNotWhatItIsMadeFor) {
  const Notice charger = MakeNotice(NoticeSource::kEuSafetyGate, "A11/00165/24", "USB charger", "ORIGINAL", "", "08388722226987",
                                    "FAST CHARGING, FAST CHARGER, TRAVEL CHARGER, Adaptive Fast Charging");
  for (const char* title : {"Brzi punjač za mobitel Fast Charger Travel Charger USB", "Brzi izvor napajanja za mobitel Fast Charger USB"})
    ExpectOneTakedown(MatchOne(charger, MakeListing("L", title, "", "8388722226987")), title);
  ExpectOneReview(MatchOne(charger, MakeListing("L", "Zaštitna torbica za punjač Fast Charger", "", "8388722226987")));
}

// A barcode that looks made up (A11/00168/24's "6912345678902") names the
// alert's product under its brand; under another, it is reviewed.
TEST(RecallIdentityTest, AMadeUpLookingGtinIdentifiesOnlyWithTheBrand) {
  const Notice charger = MakeNotice(NoticeSource::kEuSafetyGate, "A11/00168/24", "USB charger", "Feitun", "", "06912345678902",
                                    "FAST CHARGER, TRAVEL ADAPTER");
  ExpectOneTakedown(MatchOne(charger, MakeListing("L", "Feitun Fast Charger Travel Adapter USB Ladegerät", "Feitun", "6912345678902")));
  const auto other = MatchOne(charger, MakeListing("L", "Voltme USB Ladegerät Reiseadapter 2,4A", "Voltme", "6912345678902"));
  ASSERT_EQ(other.size(), 1u);
  EXPECT_EQ(other[0].action, RecallAction::kReview) << other[0].evidence.back();
}

// A swing's barcode on a spare rope, in the languages sellers write; and
// trays and rope kits sold under the product's name.
TEST(RecallIdentityTest, AGtinWithNothingElseAgreeingIsReviewed) {
  Notice swing = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90002/24", "Swing", "Lumikid", "", "05715404196000", "Nola");
  for (const char* title : {"Reservetouw voor schommel Nola 5715404196000", "Rezervna vrv za gugalnico Nola 5715404196000",
                            "Zamjensko uže za ljuljačku Nola 5715404196000"}) {
    const auto hits = MatchOne(swing, MakeListing("L", title, "OEM"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title << ": " << hits[0].evidence.back();
  }
  ExpectOneTakedown(MatchOne(swing, MakeListing("L", "Garden swing for kids Nola", "OEM", "5715404196000")));
  // The notice's words in the listing's language agree as its own do (a
  // real alert's, SR/03726/24, whose brand is "not stated").
  const Notice lighter = MakeNotice(NoticeSource::kEuSafetyGate, "SR/03726/24", "Novelty lighter", "", "", "08592023024795",
                                    "Zapalovač ve tvaru pěti hracích kostek");
  for (const char* title : {"Feuerzeug Würfel Form 5 Spielwürfel nachfüllbar", "Zapalniczka kości do gry 5 kostek"})
    ExpectOneTakedown(MatchOne(lighter, MakeListing("L", title, "", "8592023024795")), title);
  ExpectOneReview(MatchOne(lighter, MakeListing("L", "Spielwürfel 5 Stück Holz", "", "8592023024795")));
  // Not a compound's part (a refill), nor beside another kind of product,
  // nor under another brand.
  for (const char* title : {"Feuerzeuggas Nachfüllung Butan", "T-Shirt Feuerzeug Motiv Herren"})
    ExpectOneReview(MatchOne(lighter, MakeListing("L", title, "", "8592023024795")), title);
  const Notice high_chair = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90006/24", "High chair", "Lumikid", "", "05715404196000", "Ava");
  ExpectOneReview(MatchOne(high_chair, MakeListing("L", "Krzesełko drewniane", "Lumora", "5715404196000")));
  ExpectOneTakedown(MatchOne(high_chair, MakeListing("L", "Krzesełko drewniane", "", "5715404196000")));
  // A charging cable, a case, a mattress, a cover, a pad, a tray, a
  // footmuff or a cushion named in the languages of Central and Eastern
  // European shops, with the product's barcode: reviewed.
  Notice feeding_chair = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90004/24", "High chair", "Lumikid", "", "05715404196000", "Ava");
  for (const char* title : {"Töltőkábel Lumikid Ava", "Įkrovimo laidas Lumikid Ava", "Dėklas Lumikid Ava", "Lādēšanas kabelis Lumikid Ava",
                            "Laadimiskaabel Lumikid Ava", "Matrace Lumikid Ava", "Potah na jídelní židličku pro děti Lumikid Ava",
                            "Калъф за столче за хранене Lumikid Ava", "Taca do krzesełka do karmienia Lumikid Ava",
                            "Jastuk za stolicu za hranjenje Lumikid Ava", "Madrac za krevetić Lumikid Ava", "Tālvadības pults Lumikid Ava",
                            "Pretslīdes paliktnis Lumikid Ava"}) {
    const auto hits = MatchOne(feeding_chair, MakeListing("L", title, "", "5715404196000"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title << ": " << hits[0].evidence.back();
  }
  // Finnish, Estonian and Hungarian say "for" after the name, or make the
  // part's name a compound of "spare".
  for (const char* title : {"Varaköysi Nola-keinulle 5715404196000", "Nola-keinun varaköysi 5715404196000", "Pótkötél Nola hintához 5715404196000",
                            "Köysi Nola-keinua varten 5715404196000", "Nola kiige jaoks köis 5715404196000", "Köis Lumikid-le 5715404196000",
                            "Varuosa Nola kiik 5715404196000"}) {
    const auto hits = MatchOne(swing, MakeListing("L", title, "OEM"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title << ": " << hits[0].evidence.back();
  }
  // Sold with the product ("with", "and" in those languages): the product.
  for (const char* title : {"Lumikid Ava vest ja laadimiskaabel", "Lumikid Ava mellény és töltőkábel", "Lumikid Ava łóżeczko i materac",
                            "Lumikid Ava krevetić i madrac"})
    ExpectOneTakedown(MatchOne(Notice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/90005/24", "Heated vest", "Lumikid", "", "05715404196000", "Ava")),
                               MakeListing("L", title, "", "5715404196000")),
                      title);
  // Not a French size, nor a word that only begins as "spare" does.
  ExpectOneTakedown(MatchOne(swing, MakeListing("L", "Balançoire Nola taille unique 5715404196000", "Lumikid")));
  ExpectOneTakedown(MatchOne(swing, MakeListing("L", "Nola keinu varastoon 5715404196000", "Lumikid")));
  const auto rope = MatchOne(swing, MakeListing("L", "Nola swing rope kit", "", "5715404196000"));
  ASSERT_EQ(rope.size(), 1u);
  EXPECT_EQ(rope[0].action, RecallAction::kReview);
  Notice chair = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90003/24", "High chair", "Lumikid", "", "03220660344024", "Ava");
  for (const char* title : {"Tacka zapasowa Lumikid Ava", "Lumikid Ava etetőszékhez tálca", "Lumikid Ava syöttötuolin tarjotin", "Lumikid Ava tray"}) {
    const auto hits = MatchOne(chair, MakeListing("L", title, "", "3220660344024"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title << ": " << hits[0].evidence.back();
  }
  ExpectOneTakedown(MatchOne(chair, MakeListing("L", "Lumikid Ava high chair with tray", "", "3220660344024")));
  // The name alone agrees with the barcode, whatever the brand field says;
  // "for" a noun and the name in the languages that name the kind first is
  // made for it.
  const auto by_name = MatchOne(chair, MakeListing("L", "Ava Hochstuhl grau", "Generic", "3220660344024"));
  ExpectOneTakedown(by_name);
  if (!by_name.empty()) { EXPECT_TRUE(HasEvidence(by_name[0], "the notice's product name in the listing's title (ava)")); }
  for (const char* title : {"Podložka pro židličku Ava", "Podloga za stolček Ava", "Regenschutz für Hochstuhl Lumikid Ava", "Ava 交換トレイ",
                            "Pasy do krzesełka do karmienia Lumikid Ava", "Wkładka do karmienia Lumikid Ava"}) {
    const auto hits = MatchOne(chair, MakeListing("L", title, "Lumikid", "3220660344024"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title << ": " << hits[0].evidence.back();
  }
  // Another GTIN than the notice's, with its name and brand: perhaps
  // another colour of the chair, for a person to tell; the brand alone
  // with another GTIN is another product.
  const auto white = MatchOne(chair, MakeListing("L", "Lumikid Ava high chair, white", "Lumikid", "3220660344031"));
  ASSERT_EQ(white.size(), 1u);
  EXPECT_EQ(white[0].action, RecallAction::kReview);
  EXPECT_EQ(white[0].evidence.back(), "rule: the GTINs differ, but the notice's product name and brand in the listing -> review");
  EXPECT_TRUE(MatchOne(chair, MakeListing("L", "Lumikid Mila high chair, white", "Lumikid", "3220660344031")).empty());
  // Nor the line's other goods, which do not name the notice's kind of
  // product: a conditioner of the shampoo's name.
  const Notice shampoo = MakeNotice(NoticeSource::kEuSafetyGate, "SR/03787/24", "Shampoo", "Lumora", "", "08015700151930", "Gliss Asia Straight");
  EXPECT_EQ(MatchOne(shampoo, MakeListing("L", "Lumora Gliss Asia Straight shampoo 400 ml", "Lumora", "4006381333931")).size(), 1u);
  EXPECT_TRUE(MatchOne(shampoo, MakeListing("L", "Lumora Gliss Asia Straight conditioner 200 ml", "Lumora", "4006381333931")).empty());
  // Polish "do" before a verbal noun says what the product does: a high
  // chair is a "krzesełko do karmienia" (for feeding), with the brand
  // field or without.
  for (const char* brand : {"Lumikid", ""})
    ExpectOneTakedown(MatchOne(chair, MakeListing("L", "Krzesełko do karmienia Lumikid Ava", brand, "3220660344024")), brand);
  ExpectOneTakedown(MatchOne(chair, MakeListing("L", "Seggiolone Lumikid Ava con parasole e zanzariera", "Lumikid", "3220660344024")));
  // A car seat "for the car"; a mirror or base "for the car" is made for
  // the seat.
  const Notice car_seat = MakeNotice(NoticeSource::kEuSafetyGate, "A12/01879/24", "Childrens car seat", "Lumikid", "", "05902533919246", "Nova");
  ExpectOneTakedown(MatchOne(car_seat, MakeListing("L", "Fotelik do samochodu Lumikid Nova", "Lumikid", "5902533919246")));
  for (const char* title : {"Lusterko do samochodu Lumikid Nova", "Baza Isofix do samochodu Lumikid Nova"})
    ExpectOneReview(MatchOne(car_seat, MakeListing("L", title, "Lumikid", "5902533919246")), title);
  // "For" whom, as titles fold it ("para bebé") and in Italian and Polish:
  // the product, unless the title names an add-on sold on its own.
  for (const char* title : {"Trona para bebé Lumikid Ava", "Seggiolone per bambini Lumikid Ava", "Krzesełko dla dziecka Lumikid Ava"})
    ExpectOneTakedown(MatchOne(chair, MakeListing("L", title, "Lumikid", "3220660344024")), title);
  for (const char* title : {"Funda para bebé Lumikid Ava", "Sitzkissen für Babys Lumikid Ava Hochstuhl", "Śpiworek do wózka dla dziecka Lumikid Ava",
                            "Moskitiera dla dzieci Lumikid Ava", "Sonnenschutz fürs Auto Lumikid Ava", "Lumikid Ava mirror",
                            // Polish "do" and a verbal noun after goods other than a
                            // childcare product named so: a bib, a bottle; a handle
                            // "for pushing" the pushchair; a rain cover.
                            "Śliniak do karmienia Lumikid Ava", "Butelka do karmienia Lumikid Ava 260 ml",
                            "Rączka do pchania wózka Lumikid Ava", "Burbuja de lluvia para silla de paseo Lumikid Ava",
                            // Add-ons "per bambini" (Italian "per" reads as "for" only
                            // before the name itself).
                            "Ombrellino per bambini Lumikid Ava", "Zanzariera per bambini Lumikid Ava", "Poggiatesta per neonati Lumikid Ava",
                            // And a lining, a small mattress, a winter bag, a seat
                            // reducer, a cot bumper.
                            "Fodera per bambini Lumikid Ava", "Materassino per bambini Lumikid Ava",
                            "Sacco invernale per bambini Lumikid Ava", "Colchoneta para recién nacido Lumikid Ava",
                            "Cojín reductor para recién nacido Lumikid Ava", "Saco de abrigo para recién nacido Lumikid Ava",
                            "Materacyk dla dzieci Lumikid Ava", "Ochraniacz do łóżeczka dla dzieci Lumikid Ava",
                            "Śpiwór dla dzieci Lumikid Ava",
                            // Stickers, a cover, a holder.
                            "Adesivi per bambini Lumikid Ava", "Naklejki dla dzieci Lumikid Ava", "Copertura per bambini Lumikid Ava",
                            "Osłona dla dzieci Lumikid Ava", "Supporto per bambini Lumikid Ava"}) {
    const auto hits = MatchOne(chair, MakeListing("L", title, "Lumikid", "3220660344024"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title << ": " << hits[0].evidence.back();
  }
  // Bedding, a pillow, a blanket with a childcare product's barcode are
  // sold for it; with another product's, goods that may carry its name.
  // Sold with the cot ("gratis", free), the cot.
  Notice cot = MakeNotice(NoticeSource::kEuSafetyGate, "A12/03448/24", "Childrens cot", "Lumikid", "", "05902622004815", "Zyrafka");
  cot.category = "Childcare articles and childrens equipment";
  for (const char* title : {"Pościel dla dzieci Lumikid", "Poduszka dla dzieci Lumikid", "Lumikid cot bedding"})
    ExpectOneReview(MatchOne(cot, MakeListing("L", title, "Lumikid", "5902622004815")), title);
  for (const char* title : {"Łóżeczko Lumikid Zyrafka pościel gratis", "Łóżeczko Lumikid Zyrafka + pościel", "Lumikid Zyrafka cot with bedding"})
    ExpectOneTakedown(MatchOne(cot, MakeListing("L", title, "Lumikid", "5902622004815")), title);
  cot.category = "Toys";
  ExpectOneTakedown(MatchOne(cot, MakeListing("L", "Poduszka dla dzieci Lumikid", "Lumikid", "5902622004815")));
  // Another brand: a kind in common is not enough (kinds are broad).
  const Notice perfume = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90005/24", "Perfume", "Lumora", "", "08690000000005");
  const auto other_brand = MatchOne(perfume, MakeListing("L", "Nivora lipstick red", "Nivora", "8690000000005"));
  ASSERT_EQ(other_brand.size(), 1u);
  EXPECT_EQ(other_brand[0].action, RecallAction::kReview);
  // Nor are two kinds one product may be (a toy tea set is tableware):
  // a mug carrying a toy's barcode.
  const Notice toy = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90013/24", "Toy set", "Lumikid", "", "04006381333931");
  auto kinds = ProductKinds::LoadDefault();
  ASSERT_TRUE(kinds.ok());
  const auto mug = MatchOne(toy, MakeListing("L", "Acme ceramic mug", "", "4006381333931"), kinds.value().get());
  ASSERT_EQ(mug.size(), 1u);
  EXPECT_EQ(mug[0].action, RecallAction::kReview) << mug[0].evidence.back();
  EXPECT_TRUE(HasEvidence(mug[0], "kinds agree (toy and food_contact: toy tea sets and children's tableware)"));
  // One title writes as one word what the other writes as two.
  const Notice fire_pit = MakeNotice(NoticeSource::kUsCpsc, "29010", "Tabletop fire pits", "Lumikid", "", "04006381333931");
  ExpectOneTakedown(MatchOne(fire_pit, MakeListing("L", "Table Top Firepit - Hexagon, Gray", "", "4006381333931")));
  // A word of the notice's title is said when it is what agrees.
  const auto by_word = MatchOne(swing, MakeListing("L", "Garden swing 2 seats", "OEM", "5715404196000"));
  ExpectOneTakedown(by_word);
  if (!by_word.empty()) { EXPECT_TRUE(HasEvidence(by_word[0], "a word of the notice's title in the listing's (swing)")); }
  // A charger's listing calls it an adapter too.
  const Notice charger = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90006/24", "USB charger", "Lumikid", "", "06972047911769",
                                    "Universal travel charger");
  ExpectOneTakedown(MatchOne(charger, MakeListing("L", "Universal Travel Charger USB Wall Adapter 2 Port", "Generic", "6972047911769")));
  // A notice whose prose says "in case of" is no case's: a case sold
  // under its name is an accessory of it.
  const Notice speaker = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90007/24", "Bluetooth speaker", "Lumikid", "", "04006381333931",
                                    "The battery may overheat, in case of which the speaker can catch fire.");
  const auto case_hits = MatchOne(speaker, MakeListing("L", "Lumikid Bluetooth speaker case", "", "4006381333931"));
  ASSERT_EQ(case_hits.size(), 1u);
  EXPECT_EQ(case_hits[0].action, RecallAction::kReview) << case_hits[0].evidence.back();
  // Goods of the set its prose names are the set's.
  const Notice set = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90008/24", "Children's clothing set", "Lumikid", "", "04006381333931",
                                "T-shirt and shorts with a printed rocket.");
  ExpectOneTakedown(MatchOne(set, MakeListing("L", "Lumikid rocket T-shirt", "", "4006381333931")));
  // And of a clothing set named by its character only (alert A12/03202/24,
  // "SPIDER-MAN"): a T-shirt is part of the clothing recalled; a mug is
  // other goods under the name.
  const Notice character_set = MakeNotice(NoticeSource::kEuSafetyGate, "A12/03202/24", "Childrens clothing set", "Lumikid", "", "05299900577797",
                                          "SPIDER-MAN");
  ExpectOneTakedown(MatchOne(character_set, MakeListing("L", "Lumikid Spiderman Kinder Set T-Shirt + Shorts", "Lumikid", "5299900577797")));
  const auto character_mug = MatchOne(character_set, MakeListing("L", "Lumikid Spiderman mug", "Lumikid", "5299900577797"));
  ASSERT_EQ(character_mug.size(), 1u);
  EXPECT_EQ(character_mug[0].action, RecallAction::kReview);
  // What the product goes on, after "for", and an organiser right after
  // the product's noun, are the product's words.
  ExpectOneTakedown(MatchOne(MakeNotice(NoticeSource::kUsCpsc, "26608", "Bed rails", "Lumikid", "F311", "04006381333931"),
                             MakeListing("L", "Lumikid F311 Bettgitter für Matratze", "Lumikid", "4006381333931")));
  ExpectOneTakedown(MatchOne(MakeNotice(NoticeSource::kUsCpsc, "26633", "Fabric dresser", "Lumikid", "", "04006381333931"),
                             MakeListing("L", "Lumikid 9-Drawer Fabric Dresser Organizer for Bedroom", "Lumikid", "4006381333931")));
  // A dress is no set: a T-shirt under its character's name is other goods.
  Notice dress = MakeNotice(NoticeSource::kEuSafetyGate, "A12/01196/24", "Dress", "Lumikid", "", "05299900577797", "believe IN YOURSELF");
  dress.category = "Clothing, textiles and fashion items";
  const auto shirt = MatchOne(dress, MakeListing("L", "Lumikid believe in yourself T-shirt", "Lumikid", "5299900577797"));
  ASSERT_EQ(shirt.size(), 1u);
  EXPECT_EQ(shirt[0].action, RecallAction::kReview);
  // Bags and lids sold for it.
  for (const char* title : {"Nola swing carry bag", "Nola swing lid"}) {
    const auto hits = MatchOne(swing, MakeListing("L", title, "", "5715404196000"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
  }
  // "Original" in a title, right before the number, says genuine.
  ExpectOneTakedown(MatchOne(chair, MakeListing("L", "Lumikid Ava high chair 100% Original 3220660344024", "")));
  ExpectOneTakedown(MatchOne(chair, MakeListing("L", "Lumikid Ava high chair Original 3220660344024", "")));
}

// A seller's word that the goods are not affected is for a person to
// check: a review, never a takedown, also from a listing index.
TEST(RecallIdentityTest, ASellerSayingTheGoodsAreNotAffectedIsReviewed) {
  const Notice fridge = MakeNotice(NoticeSource::kUsCpsc, "26649", "Retro Refrigerators", "Galanz", "GLR76TWEER", "");
  for (const auto& [title, description] : {std::pair{"Galanz GLR76TWEER Retro Refrigerator, 2023 production, not affected by recall", ""},
                                           std::pair{"Galanz GLR76TWEER Retro-Kühlschrank", "Produktion 2023, nicht vom Rückruf betroffen."}}) {
    Listing l = MakeListing("L", title, "Galanz");
    l.description = description;
    for (const Listing& one : {l, [&] {
                                 Listing kept = l;
                                 kept.description = StatedIdentifiersText(ReadStatedIdentifiers(l));
                                 return kept;
                               }()}) {
      const auto hits = MatchOne(fridge, one);
      ASSERT_EQ(hits.size(), 1u) << title;
      EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
      EXPECT_EQ(hits[0].evidence.back(),
                "rule: notice model code and brand in the listing, but the listing says it is not affected by the recall or was remedied -> review");
    }
  }
  // Nor a word that the recall's remedy was done (the repair, the
  // replacement part), which is for the regulator's terms to allow.
  for (const char* description : {"Model GLR76TWEER, repaired by a Galanz technician under the recall", "Recall repair kit installed, safe now",
                                  "Compressor replaced through the Galanz recall program", "Im Rahmen des Rückrufs repariert",
                                  // Spanish and French, as North American sellers write it.
                                  "Reparado bajo el retiro del fabricante", "Kit de reparación del retiro instalado",
                                  "No está afectada por el retiro", "No incluido en el retiro", "Non visée par le rappel (code date 202105)",
                                  "Non concernée par le rappel", "N'est pas touché par le rappel"}) {
    Listing remedied = MakeListing("L", "Galanz GLR76TWEER Retro Refrigerator", "Galanz");
    remedied.description = description;
    const auto hits = MatchOne(fridge, remedied);
    ASSERT_EQ(hits.size(), 1u) << description;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << description;
  }
  ExpectOneTakedown(MatchOne(fridge, MakeListing("L", "Galanz GLR76TWEER Retro Refrigerator", "Galanz")));
  // Not affected by something else is no word on the recall.
  Listing sealed = MakeListing("L", "Galanz GLR76TWEER Retro Refrigerator", "Galanz");
  sealed.description = "Door seals not affected by humidity.";
  ExpectOneTakedown(MatchOne(fridge, sealed));
  // Nor is a shop's pick-up ("retiro en tienda"), after another clause's
  // "not included".
  for (const char* description : {"Retiro en tienda disponible.", "Envío no incluido, retiro en tienda."}) {
    sealed.description = description;
    ExpectOneTakedown(MatchOne(fridge, sealed), description);
  }
}

// A notice's name in the listing's language: the words sellers translate,
// and a kind of product there too; a name of common words ("Desktop USB")
// is not enough in another language, nor are the brand's other goods.
TEST(RecallIdentityTest, TheNoticesNameInTheListingsLanguageIsReviewed) {
  const Notice fan = MakeNotice(NoticeSource::kEuSafetyGate, "A12/03291/24", "Fan", "Lumora", "", "", "Desktop USB fan");
  for (const char* title : {"Ventilatore USB da scrivania Lumora", "Schreibtischventilator USB Lumora", "Wentylator biurkowy USB Lumora"}) {
    const auto hits = MatchOne(fan, MakeListing("L", title, "Lumora"));
    ExpectOneReview(hits, title);
    if (hits.size() == 1) {
      EXPECT_TRUE(HasEvidence(hits[0], "the notice's product name in the listing's title (desktop usb, in the listing's language)")) << title;
    }
  }
  for (const char* title : {"Lampada da scrivania USB Lumora", "Ventilatore a piantana Lumora 40 cm", "Caricabatterie USB Lumora 20W"})
    EXPECT_TRUE(MatchOne(fan, MakeListing("L", title, "Lumora")).empty()) << title;
  // A CPSC product name, the brand in a title without a brand field.
  const Notice dresser = MakeNotice(NoticeSource::kUsCpsc, "26633", "Lumora 9-Drawer Fabric Dressers", "Lumora", "", "");
  for (const char* title : {"Cómoda de tela Lumora con 9 cajones", "Commode en tissu Lumora 9 tiroirs"})
    ExpectOneReview(MatchOne(dresser, MakeListing("L", title, "")), title);
  EXPECT_TRUE(MatchOne(dresser, MakeListing("L", "Cómoda Lumora de madera con 6 cajones", "")).empty());
  // A name ending in what it says of the product ("Bluetooth Shower" of a
  // speaker) needs the notice's kind of product: not a shower radio. The
  // product "for" a use is the product ("para ducha"); goods "for" the
  // product are made for it ("pour réfrigérateur rétro").
  const Notice speaker = MakeNotice(NoticeSource::kEuSafetyGate, "A12/03293/24", "Speaker", "Lumora", "", "", "Bluetooth Shower Speaker");
  for (const char* title : {"Altavoz Bluetooth para ducha Lumora", "Lumora Bluetooth-Duschlautsprecher, wasserdicht"})
    ExpectOneReview(MatchOne(speaker, MakeListing("L", title, "Lumora")), title);
  EXPECT_TRUE(MatchOne(speaker, MakeListing("L", "Lumora Bluetooth-Duschradio mit Saugnapf", "Lumora")).empty());
  const Notice fridge = MakeNotice(NoticeSource::kUsCpsc, "26649", "Lumora Retro Refrigerators", "Lumora", "", "");
  ExpectOneReview(MatchOne(fridge, MakeListing("L", "Réfrigérateur rétro Lumora 7,6 pi³", "Lumora")));
  for (const char* title : {"Joint de porte pour réfrigérateur rétro Lumora", "Ripiano in vetro per frigorifero retrò Lumora"})
    EXPECT_TRUE(MatchOne(fridge, MakeListing("L", title, "")).empty()) << title;
}

TEST(RecallIdentityTest, ForTheProductBeforeItsBrandAndCodeIsMadeForIt) {
  // "for" the notice's product, then its brand and code: a mat for the
  // tower. "for" whom, or for another maker's device, says nothing of it.
  // (In the languages that name the kind first, "pour bébé <brand>" reads
  // as made for the brand's goods, as "pour vidéoprojecteur BenQ" does:
  // accessories are titled so, and a person tells.)
  const Notice tower = MakeNotice(NoticeSource::kUsCpsc, "26651", "Nordi Foldable Toddler Tower Stools", "Lumikid", "LT0002", "");
  for (const char* title : {"Mat for toddler tower Lumikid LT0002", "Capote pour bébé Lumikid LT0002", "Mata ochronna pod fotelik do samochodu Lumikid LT0002"})
    ExpectOneReview(MatchOne(tower, MakeListing("L", title, "")), title);
  for (const char* title : {"Learning tower for toddlers Lumikid LT0002", "Toddler tower for iPhone 15 fans Lumikid LT0002"})
    ExpectOneTakedown(MatchOne(tower, MakeListing("L", title, "")), title);
  // What "for" whom sells is read from its words: a sheet is made for it.
  const Notice lounger = MakeNotice(NoticeSource::kUsCpsc, "26657", "Lumikid Baby Loungers", "Lumikid", "UMCDB01", "");
  ExpectOneTakedown(MatchOne(lounger, MakeListing("L", "Lumikid UMCDB01 baby lounger with fitted sheet", "")));
  for (const char* title : {"Drap pour bébé Lumikid UMCDB01", "Sábana para bebé Lumikid UMCDB01"})
    ExpectOneReview(MatchOne(lounger, MakeListing("L", title, "")), title);
  // Nor the notice's own "for" (an ER-Magellan pair's).
  ExpectOneTakedown(MatchOne(MakeNotice(NoticeSource::kEuSafetyGate, "A", "Lumikid screen care kit for ipad", "Lumikid", "GB01595", ""),
                             MakeListing("L", "Lumikid screen care kit for ipad matte Lumikid GB01595", "")));
  // An anti-slip mat for the tower in the languages whose words for it
  // are not the notice's.
  for (const char* title : {"Tapis antidérapant pour tour d'apprentissage Lumikid LT0002",
                            "Alfombrilla antideslizante para torre de aprendizaje Lumikid LT0002", "Lumikid LT0002 Antirutschmatte"})
    ExpectOneReview(MatchOne(tower, MakeListing("L", title, "Lumikid")), title);
  ExpectOneTakedown(MatchOne(tower, MakeListing("L", "Tour d'apprentissage pliable Lumikid LT0002", "Lumikid")));
  // A cushion, a pad, a mat or a cover for it, before "for" whom.
  for (const char* title : {"Cuscino sgabello per bambini Lumikid LT0002", "Tritthockerpolster für Kinder Lumikid LT0002",
                            "Mata do stołka do dzieci Lumikid LT0002", "Bezug Tritthocker Lumikid LT0002",
                            "Tritthocker für Kinder Lumikid LT0002 Eckenschutz Set"})
    ExpectOneReview(MatchOne(tower, MakeListing("L", title, "")), title);
}

TEST(RecallIdentityTest, TheProductForWhomBeforeItsBrandIsTheProduct) {
  // The product named first, then whom it is for, then its brand and code:
  // the product, as "Learning tower for toddlers <brand>" is. Not what is
  // named first when it is something else, nor a second "for".
  const Notice stool = MakeNotice(NoticeSource::kUsCpsc, "26660", "Lumikid Foldable Step Stools", "Lumikid", "LT0003", "");
  for (const char* title : {"Tritthocker für Kinder Lumikid LT0003", "Klappbarer Tritthocker aus Holz für Kinder Lumikid LT0003",
                            "Tabouret pour enfants Lumikid LT0003", "Taburete para niños Lumikid LT0003", "Sgabello per bambini Lumikid LT0003",
                            "Step stool for toddlers Lumikid LT0003"})
    ExpectOneTakedown(MatchOne(stool, MakeListing("L", title, "")), title);
  for (const char* title : {"Capote pour bébé Lumikid LT0003", "Kissen für Kinder Lumikid LT0003", "Bezug für Tritthocker für Kinder Lumikid LT0003",
                            "Housse de tabouret pour enfants Lumikid LT0003"})
    ExpectOneReview(MatchOne(stool, MakeListing("L", title, "")), title);
}

// A charger, doll clothes or a bag named before the product it is for,
// whom that is for, then the brand and the code: the accessory, reviewed.
// The product itself so named is taken down, also sold with the thing
// ("avec chargeur", "e vestiti per bambola", "vêtements fournis"); a code
// that opens with "SAC" is a code, Turkish "saç" (hair) no bag, and the
// "e" of "e-Glide" no Italian "and".
TEST(RecallIdentityTest, AnAccessoryNamedBeforeTheProductItIsForIsReviewed) {
  const Notice projector = MakeNotice(NoticeSource::kUsCpsc, "26647", "Lumora Mini Projectors for kids", "Lumora", "GV31", "",
                                      "The recalled projectors' lithium-ion battery can overheat.");
  for (const char* title : {"Ladegerät Beamer für Kinder Lumora GV31", "Chargeur projecteur pour enfants Lumora GV31",
                            "Lumora GV31 projector charger"})
    ExpectOneReview(MatchOne(projector, MakeListing("L", title, "Lumora")), title);
  ExpectOneReview(MatchOne(projector, MakeListing("L", "Chargeur vidéoprojecteur Lumora GV31", "Lumora")));
  // The product sold with its charger, or without.
  for (const char* title : {"Beamer für Kinder Lumora GV31", "Projecteur pour enfants Lumora GV31 avec chargeur",
                            "Lumora GV31 Projector Charger Included", "Lumora GV31 Beamer Ladegerät inklusive",
                            "Lumora GV31 Beamer Ladegerät fehlt, gebraucht", "Lumora GV31 projecteur chargeur non fourni"})
    ExpectOneTakedown(MatchOne(projector, MakeListing("L", title, "Lumora")), title);
  // A robot mower's charging station sold alone; the mower with it.
  const Notice mower = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Robotic lawn mower", "Lumora", "RM1000", "");
  for (const char* title : {"Lumora RM1000 Ladestation Original", "Station de charge pour tondeuse Lumora RM1000"})
    ExpectOneReview(MatchOne(mower, MakeListing("L", title, "Lumora")), title);
  for (const char* title : {"Lumora RM1000 Mähroboter mit Ladestation", "Lumora RM1000 robot mower, charging station, boundary wire"})
    ExpectOneTakedown(MatchOne(mower, MakeListing("L", title, "Lumora")), title);
  const Notice station = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Wireless charger", "Lumora", "WC-15", "");
  ExpectOneTakedown(MatchOne(station, MakeListing("L", "Lumora WC-15 Ladestation 15W kabellos", "Lumora")));
  // A power bank's listings call it a charger.
  const Notice power_bank = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Power bank", "Lumora", "PB-2000", "");
  ExpectOneTakedown(MatchOne(power_bank, MakeListing("L", "Ladegerät Powerbank Lumora PB-2000 10000mAh", "Lumora")));
  const Notice doll = MakeNotice(NoticeSource::kUsCpsc, "26656", "Lumikid Fashion Dolls", "Lumikid", "NEW319A", "");
  for (const char* title : {"Vêtements poupée pour enfants Lumikid NEW319A", "Puppenkleidung für Kinder Lumikid NEW319A",
                            "Ropa de muñeca para niñas Lumikid NEW319A"})
    ExpectOneReview(MatchOne(doll, MakeListing("L", title, "Lumikid")), title);
  for (const char* title : {"Poupée mannequin pour enfants Lumikid NEW319A", "Bambola Lumikid NEW319A e vestiti per bambola",
                            "Muñeca Lumikid NEW319A y ropa de muñeca", "Lalka Lumikid NEW319A ubranka dla lalki w zestawie",
                            "Poupée Lumikid NEW319A vêtements poupée fournis"})
    ExpectOneTakedown(MatchOne(doll, MakeListing("L", title, "Lumikid")), title);
  const Notice sticks = MakeNotice(NoticeSource::kUsCpsc, "26654", "Lumikid Dive Sticks", "Lumikid", "40041", "");
  ExpectOneReview(MatchOne(sticks, MakeListing("L", "Sac bâtons de plongée pour enfants Lumikid 40041", "Lumikid")));
  const Notice fan = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Ceiling fan", "Lumora", "SAC142R", "");
  ExpectOneTakedown(MatchOne(fan, MakeListing("L", "Lumora SAC 142R ceiling fan", "Lumora")));
  // The "e" of "e-Glide" is no Italian "and": the charging cable alone.
  const Notice scooter = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Electric scooter", "Lumora", "", "", "e-Glide");
  EXPECT_TRUE(MatchOne(scooter, MakeListing("L", "Lumora e-Glide Ladekabel Original 2022", "")).empty());
  EXPECT_FALSE(MatchOne(scooter, MakeListing("L", "Lumora e-Glide Elektroroller 2022", "")).empty());
  // Turkish "saç" (hair), and a gift bag offered with the product.
  const Notice conditioner = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Hair conditioner", "Lumora", "LM-400", "");
  ExpectOneTakedown(MatchOne(conditioner, MakeListing("L", "Lumora LM-400 Saç Kremi 400 ml", "Lumora")));
  const Notice perfume = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Perfume", "Lumora", "EP-50", "");
  ExpectOneTakedown(MatchOne(perfume, MakeListing("L", "Eau de parfum Lumora EP-50, sac cadeau offert", "Lumora")));
  // A bag of the notice's: the product.
  const Notice handbag = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Handbag", "Lumora", "HB-220", "");
  ExpectOneTakedown(MatchOne(handbag, MakeListing("L", "Sac à main femme Lumora HB-220", "Lumora")));
  ExpectOneTakedown(MatchOne(handbag, MakeListing("L", "Sac femme en cuir Lumora HB-220", "Lumora")));
  const Notice backpack = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Children's backpack", "Lumora", "BP-31", "");
  ExpectOneTakedown(MatchOne(backpack, MakeListing("L", "Sac à dos enfant Lumora BP-31", "Lumora")));
  const Notice tote = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Shopping bag", "Lumora", "SB-12", "");
  ExpectOneTakedown(MatchOne(tote, MakeListing("L", "Sac de courses pliable Lumora SB-12", "Lumora")));
}

// Batteries for a toy carrying the toy's barcode: made for it, reviewed.
// The toy itself with the barcode is taken down.
TEST(RecallIdentityTest, BatteriesForTheProductWithItsBarcodeAreReviewed) {
  auto kinds = ProductKinds::LoadDefault();
  ASSERT_TRUE(kinds.ok());
  Notice mouse = MakeNotice(NoticeSource::kEuSafetyGate, "A12/01699/23", "Toy mouse with remote control", "", "", "05907451324745");
  mouse.category = "Gadgets";
  for (const char* title : {"Batterien für Spielzeug Maus", "Piles pour souris jouet", "Batteries for toy mouse"})
    ExpectOneReview(MatchOne(mouse, MakeListing("L", title, "Bez marki", "5907451324745"), kinds.value().get()), title);
  ExpectOneTakedown(MatchOne(mouse, MakeListing("L", "Spielzeug Maus mit Fernbedienung", "Bez marki", "5907451324745"), kinds.value().get()));
  // A computer mouse with the toy's barcode: another kind of product,
  // whatever its word for a mouse.
  for (const char* title : {"Kabellose Maus 2.4 GHz für PC und Laptop", "Souris sans fil optique pour ordinateur", "Tapis de souris XXL gaming"})
    ExpectOneReview(MatchOne(mouse, MakeListing("L", title, "Bez marki", "5907451324745"), kinds.value().get()), title);
}

// A notice giving its code to a battery or a charger the maker also sold
// on its own: the maker's battery of that code "for" the product, or a
// "replacement", is the recalled part. Without the maker in the brand
// field, or of a code the notice gives the product itself, it may be
// another's part made for it, for a person to tell.
TEST(RecallIdentityTest, TheMakersBatteryOfTheCodeTheNoticeGivesItIsTheRecalledPart) {
  const Notice vacuum = MakeNotice(NoticeSource::kUsCpsc, "26595", "Lumikid Cordless Vacuum Cleaners with lithium-ion battery", "Lumikid", "", "",
                                   "There are two models, model number LV20A1. The vacuum's lithium-ion battery model number is ZB0097U2 "
                                   "with a date code that begins with 23. The batteries were sold separately or with the vacuum cleaners.");
  for (const char* title : {"Lithium-ion battery for cordless vacuum Lumikid ZB0097U2", "Lumikid ZB0097U2 replacement battery 25.2V",
                            "Akku für Lumikid Staubsauger ZB0097U2 Ersatzakku"})
    ExpectOneTakedown(MatchOne(vacuum, MakeListing("L", title, "Lumikid")), title);
  ExpectOneReview(MatchOne(vacuum, MakeListing("L", "Replacement battery for Lumikid ZB0097U2", "")), "Replacement battery for Lumikid ZB0097U2");
  ExpectOneReview(MatchOne(vacuum, MakeListing("L", "Lumikid ZB0097U2 wall mount", "Lumikid")), "Lumikid ZB0097U2 wall mount");
  // A charger for the vacuum: the notice's battery is what the vacuum
  // comes with, not what it is.
  ExpectOneReview(MatchOne(vacuum, MakeListing("L", "Ladegerät Staubsauger Lumikid LV20A1", "Lumikid")), "Ladegerät Staubsauger");
  ExpectOneReview(MatchOne(vacuum, MakeListing("L", "Replacement battery for cordless vacuum Lumikid LV20A1", "Lumikid")), "Replacement battery for cordless vacuum Lumikid LV20A1");
}

// A notice limited to some batches or date codes, and a listing stating
// another: reviewed, not taken down; one inside them, or none stated, is
// taken down. Also as a listing index keeps the description.
TEST(RecallIdentityTest, AListingStatingABatchTheNoticeLeavesOutIsReviewed) {
  Notice dryer = MakeNotice(NoticeSource::kUsCpsc, "90023", "Dorvik Hair Dryers", "Dorvik", "HD-31", "",
                            "The model number HD-31 is followed by a four-digit date code. Only hair dryers with date codes 2301 "
                            "through 2335 are included in this recall.");
  Notice lamp = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90024/26", "Night light", "Larvo", "LN-4410", "");
  lamp.batch_numbers = {"2301-2352"};
  Notice kettle = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90025/26", "Kettle", "Brewly", "BK-1750", "");
  kettle.batch_numbers = {"L2301, L2302", "L2410 to L2420"};
  Notice mower = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90026/26", "Robotic lawn mower", "Lumora", "RM4000", "");
  mower.batch_numbers = {"From MCJF-1000031 to MCJF-1005100 (RM1000)", "From MCPF-1000050 to MCPF-1003289 (RM4000)"};
  Notice mowers = mower;  // both types recalled, as the Miimo alert's
  mowers.model_numbers = {"RM1000", "RM4000"};
  const auto action = [](const Notice& n, const char* title, const char* brand, const char* description = "", bool kept = false) {
    Listing l = MakeListing("L", title, brand);
    l.description = description;
    if (kept) l.description = StatedIdentifiersText(ReadStatedIdentifiers(l));
    const auto hits = MatchOne(n, l);
    return hits.size() == 1 ? hits[0].action : RecallAction::kNone;
  };
  for (const bool kept : {false, true}) {
    EXPECT_EQ(action(dryer, "Dorvik HD-31 Hair Dryer 1875W, date code 2340", "Dorvik", "", kept), RecallAction::kReview);
    EXPECT_EQ(action(dryer, "Dorvik HD-31 Hair Dryer 1875W", "Dorvik", "Date code: 2340", kept), RecallAction::kReview);
    EXPECT_EQ(action(dryer, "Dorvik HD-31 Hair Dryer 1875W, date code 2310", "Dorvik", "", kept), RecallAction::kTakedown);
    EXPECT_EQ(action(dryer, "Dorvik HD-31 Hair Dryer 1875W", "Dorvik", "", kept), RecallAction::kTakedown);
    EXPECT_EQ(action(lamp, "Larvo LN-4410 LED Night Light", "Larvo", "Batch no. 2401", kept), RecallAction::kReview);
    EXPECT_EQ(action(lamp, "Larvo LN-4410 LED Night Light, batch 2352", "Larvo", "", kept), RecallAction::kTakedown);
    EXPECT_EQ(action(kettle, "Brewly BK-1750 Kettle", "Brewly", "Lot: L2303", kept), RecallAction::kReview);
    EXPECT_EQ(action(kettle, "Brewly BK-1750 Kettle", "Brewly", "Lot: L2302", kept), RecallAction::kTakedown);
    EXPECT_EQ(action(kettle, "Brewly BK-1750 Kettle", "Brewly", "批次：L2415", kept), RecallAction::kTakedown);
    EXPECT_EQ(action(kettle, "Brewly BK-1750 Kettle", "Brewly", "批次：L2421", kept), RecallAction::kReview);
    // A serial number against the notice's serial ranges, as Honda's
    // Miimo alert gives them per type.
    EXPECT_EQ(action(mower, "Lumora RM4000 Mähroboter", "Lumora", "Seriennummer: MCPF-1005000", kept), RecallAction::kReview);
    EXPECT_EQ(action(mower, "Lumora RM4000 Mähroboter", "Lumora", "Seriennummer: MCPF-1002000", kept), RecallAction::kTakedown);
    EXPECT_EQ(action(mower, "Lumora RM4000 robot mower, S/N MCPF-1003290", "Lumora", "", kept), RecallAction::kReview);
    // Stated as another type than its serial's range: not the recalled
    // unit as stated, for a person to check.
    EXPECT_EQ(action(mowers, "Lumora RM1000 robot mower", "Lumora", "S/N: MCPF-1001000", kept), RecallAction::kReview);
    EXPECT_EQ(action(mowers, "Lumora RM1000 robot mower", "Lumora", "S/N: MCJF-1001000", kept), RecallAction::kTakedown);
    // Against lots or date codes a serial number says nothing.
    EXPECT_EQ(action(kettle, "Brewly BK-1750 Kettle", "Brewly", "Serial number: KB2024118822", kept), RecallAction::kTakedown);
    EXPECT_EQ(action(lamp, "Larvo LN-4410 LED Night Light", "Larvo", "S/N 0045123", kept), RecallAction::kTakedown);
    EXPECT_EQ(action(lamp, "Larvo LN-4410 LED Night Light", "Larvo", "Serial number: 23012399", kept), RecallAction::kTakedown);
  }
  // "Lot" and "Charge" are batches only so labelled.
  EXPECT_EQ(action(kettle, "Brewly BK-1750 Kettle, lot of 2", "Brewly"), RecallAction::kTakedown);
  EXPECT_EQ(action(kettle, "Brewly BK-1750 Kettle, fast charge 2400W", "Brewly"), RecallAction::kTakedown);
  const Listing lamp_listing = [] {
    Listing l = MakeListing("L", "Larvo LN-4410 LED Night Light, batch 2401", "Larvo");
    return l;
  }();
  const auto hits = MatchOne(lamp, lamp_listing);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].evidence.back(),
            "rule: notice model code and brand in the listing, but the listing's batch 2401 is not among the notice's (2301-2352) -> review");
}

// A notice naming a range of models ("SK2210 to SK2219", "8801-8809",
// "12345/6/7") names each model in it: one inside is the notice's, one
// outside another model.
TEST(RecallIdentityTest, AModelInsideARangeTheNoticeNamesIsItsModel) {
  const Notice kettle = MakeNotice(NoticeSource::kUsCpsc, "90026", "Pellix Electric Kettles", "Pellix", "", "",
                                   "This recall involves Pellix electric kettles with models SK2210 to SK2219 printed on the base.");
  Notice heater = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90027/26", "Fan heater", "Orvella", "8801-8809", "");
  Notice car = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90028/26", "Toy car", "Ruvik", "12345/6/7", "");
  ExpectOneTakedown(MatchOne(kettle, MakeListing("L", "Pellix SK2214 Electric Kettle 1.7L Stainless Steel", "Pellix", "", "SK2214")));
  ExpectOneTakedown(MatchOne(kettle, MakeListing("L", "Pellix SK2219 Electric Kettle 1.7L", "Pellix")));
  EXPECT_TRUE(MatchOne(kettle, MakeListing("L", "Pellix SK2220 Electric Kettle 1.7L", "Pellix", "", "SK2220")).empty());
  // A descaler for one is a consumable made for it.
  for (const auto& hit : MatchOne(kettle, MakeListing("L", "Pellix SK2214 Kettle Descaler Tablets 20 pack", "Pellix")))
    EXPECT_NE(hit.action, RecallAction::kTakedown);
  ExpectOneTakedown(MatchOne(heater, MakeListing("L", "Orvella 8805 Electric Fan Heater 2000W", "Orvella", "", "8805")));
  EXPECT_TRUE(MatchOne(heater, MakeListing("L", "Orvella 8810 Electric Fan Heater 2000W", "Orvella", "", "8810")).empty());
  ExpectOneTakedown(MatchOne(car, MakeListing("L", "Ruvik 12346 pull-back toy car", "Ruvik", "", "12346")));
  // A model year in the list is no model.
  Notice scooter = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90030/26", "Electric scooter", "Rovix", "", "");
  scooter.model_numbers = {"RX-8800", "2023/24"};
  for (const char* title : {"Rovix electric scooter 2024 new, 10 inch tires", "Rovix RX-10 electric scooter 2024 model"})
    for (const auto& hit : MatchOne(scooter, MakeListing("L", title, "Rovix"))) EXPECT_NE(hit.action, RecallAction::kTakedown) << title;
  EXPECT_TRUE(MatchOne(car, MakeListing("L", "Ruvik 12348 pull-back toy car", "Ruvik", "", "12348")).empty());
  const auto hits = MatchOne(kettle, MakeListing("L", "Pellix SK2214 Electric Kettle 1.7L Stainless Steel", "Pellix", "", "SK2214"));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].evidence.front(), "same model code SK2214");
}

// CPSC names Chinese sellers by a Pinyin name run together, an English
// one in brackets and the name they trade under: a listing under any of
// them sells the recalling firm's goods, not another maker's.
TEST(RecallIdentityTest, AFirmsPinyinEnglishAndTradingNamesAreEachItsName) {
  Notice rail = MakeNotice(NoticeSource::kUsCpsc, "90029", "Varnok Bed Rails", "Varnok", "VR-311", "");
  rail.companies = {"guangzhoushilumorakejiyouxiangongsi (Guangzhou Lumora Technology Co., Ltd.), doing business as LUMORA-DIRECT, of China",
                    "HuNanBrewlyDianZiYouXianGongSi D/B/A Pellixa or Hunan Brewly Electronic Commerce Co., Ltd., of China"};
  for (const char* brand : {"guangzhoushilumorakejiyouxiangongsi", "Guangzhou Lumora Technology Co., Ltd.", "LUMORA-DIRECT",
                            "HuNanBrewlyDianZiYouXianGongSi", "Pellixa", "Hunan Brewly Electronic Commerce Co., Ltd."})
    ExpectOneTakedown(MatchOne(rail, MakeListing("L", "Bed rail for elderly adults VR-311 with storage pocket", brand)), brand);
  EXPECT_TRUE(MatchOne(rail, MakeListing("L", "Bed rail for elderly adults VR-311 with storage pocket", "Orvella")).empty());
}

// A notice listing its barcode among its model numbers agrees on it once.
TEST(RecallIdentityTest, ABarcodeAmongTheModelNumbersIsNoSecondAgreement) {
  const Notice pit = MakeNotice(NoticeSource::kUsCpsc, "26687", "Tabletop Fire Pits", "Brookstone", "680079015947", "00680079015947");
  const auto hits = MatchOne(pit, MakeListing("L", "Tabletop fire pit, indoor/outdoor, UPC 680079015947", ""));
  ExpectOneTakedown(hits);
  ASSERT_FALSE(hits.empty());
  for (const auto& e : hits[0].evidence) EXPECT_EQ(e.find("model code"), std::string::npos) << e;
}

// Sellers with "Generic" or nothing in the brand field label the brand in
// the description.
TEST(RecallIdentityTest, ABrandTheDescriptionLabels) {
  const auto described = [](const char* brand, const char* description) {
    Listing l = MakeListing("L", "Toy mobile phone with light and sound", brand);
    l.description = description;
    return l;
  };
  EXPECT_EQ(ReadStatedIdentifiers(described("", "Brand: Happy People. Age 18 months+")).brand, "happy people");
  EXPECT_EQ(ReadStatedIdentifiers(described("", "<li>Marke : Happy People</li><li>Farbe: rot</li>")).brand, "happy people");
  EXPECT_EQ(ReadStatedIdentifiers(described("", "品牌：Happy People")).brand, "happy people");
  // As Central and Eastern European marketplaces label it; not the
  // manufacturer, another firm as often ("Výrobce: Qisda Corporation" of a
  // BenQ projector).
  for (const char* labelled : {"Марка: Happy People", "Μάρκα: Happy People", "Blagovna znamka: Happy People", "Prekės ženklas: Happy People",
                               "Zīmols: Happy People", "Kaubamärk: Happy People"})
    EXPECT_EQ(ReadStatedIdentifiers(described("", labelled)).brand, "happy people") << labelled;
  for (const char* maker : {"Výrobce: Happy People", "Producent: Happy People", "Gyártó: Happy People", "Κατασκευαστής: Happy People"})
    EXPECT_EQ(ReadStatedIdentifiers(described("", maker)).brand, "") << maker;
  for (const char* not_brand : {"Compatible brand: Bosch", "Brand: Generic", "Brand new toy phone", "Suitable for brand: Bosch"})
    EXPECT_EQ(ReadStatedIdentifiers(described("", not_brand)).brand, "") << not_brand;
  // What a listing index keeps reads back the same.
  const StatedIdentifiers ids = ReadStatedIdentifiers(described("", "Brand: Happy People, model TP-10"));
  Listing kept = described("", "");
  kept.description = StatedIdentifiersText(ids);
  EXPECT_EQ(ReadStatedIdentifiers(kept).brand, "happy people");
  // It stands in for a brand field that names none, not for one that does.
  EXPECT_EQ(FromListing(described("Generic", "Brand: Happy People")).record.Get("brand"), "happy people");
  EXPECT_EQ(FromListing(described("", "Brand: Happy People")).brands, std::vector<std::string>{"happy people"});
  EXPECT_EQ(FromListing(described("Toyland", "Brand: Happy People")).record.Get("brand"), "Toyland");
  const Notice phone = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90004/24", "Toy mobile phone", "Happy People", "", "04008332610757");
  ExpectOneTakedown(MatchOne(phone, [&] {
    Listing l = described("Generic", "Brand: Happy People");
    l.gtin = "4008332610757";
    return l;
  }()));
}

TEST(RecallIdentityTest, BrandsAgreeWithAndWithoutAccents) {
  for (const char* brand : {"Lowe Electrique", "LÖWE ÉLECTRIQUE", "löwe électrique"}) {
    const auto hits = MatchOne(MakeNotice(NoticeSource::kEuSafetyGate, "A", "Toaster", "Löwe Électrique", "LT5500", ""),
                               MakeListing("L", "LT-5500 toaster", brand));
    ExpectOneTakedown(hits, brand);
  }
}

TEST(RecallIdentityTest, ACodeTypedWithLookalikeLettersIsTheCode) {
  // "НD-770" with a Cyrillic Н: a code no filter on "HD-770" would find.
  const auto hits = MatchOne(MakeNotice(NoticeSource::kEuSafetyGate, "A", "Hair dryer", "Breezo", "HD-770", ""),
                             MakeListing("L", "Breezo hair dryer НD-770 2000W", "Breezo"));
  ExpectOneTakedown(hits);
}

TEST(RecallIdentityTest, HtmlReferencesInAListingAreDecoded) {
  const Notice notice = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Sunglasses", "SUN & SPORT", "NL3300", "");
  for (const auto& [title, brand] : std::vector<std::pair<const char*, const char*>>{
           {"Sun &amp; Sport sunglasses NL&#45;3300", ""}, {"Sunglasses NL&#x2011;3300", "Sun &amp; Sport"}}) {
    const auto hits = MatchOne(notice, MakeListing("L", title, brand));
    ExpectOneTakedown(hits, title);
  }
}

TEST(RecallIdentityTest, ADescriptionGivingTheProductsNameIsItsName) {
  using Words = std::vector<std::vector<std::string>>;
  // Safety Gate's description is most often the product's own name: its
  // words beyond the product name and the brand are what a seller's title
  // shows.
  EXPECT_EQ(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A", "Power bank", "Ikea", "", "", "VARMFRONT")).name_words, Words{{"varmfront"}});
  EXPECT_EQ(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A", "Bicycle helmet", "LIMAR", "", "", "Limar Torino")).name_words, Words{{"torino"}});
  // How it is packed is no word of the name: "Geschenkset", "set de regalo".
  EXPECT_EQ(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A", "Toy set", "Fisher-Price", "", "", "Baby Biceps Gift Set")).name_words,
            (Words{{"baby", "biceps"}}));
  EXPECT_EQ(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A", "Toy", "Lumikid", "", "", "Gift Box")).name_words, (Words{{"gift", "box"}}));
  // A name spelled without its spaces or hyphens is the name (alert
  // A12/01879/24); a part of it is not.
  const Notice seat = MakeNotice(NoticeSource::kEuSafetyGate, "A12/01879/24", "Childrens car seat", "Kinderkraft", "", "", "I-CARE i-Size");
  EXPECT_EQ(FromNotice(seat).name_compacts, std::vector<std::string>{"ICAREISIZE"});
  EXPECT_EQ(FromNotice(seat).name_joined, (std::vector<std::string>{"icare", "isize"}));
  for (const char* title : {"Kinderkraft ICARE i-Size car seat", "Kinderkraft I-CARE iSize", "KINDERKRAFT I CARE I SIZE",
                            "Kinderkraft Babyschale ICARE iSize schwarz"}) {
    const auto hits = MatchOne(seat, MakeListing("L", title, ""));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
  }
  EXPECT_TRUE(MatchOne(seat, MakeListing("L", "Kinderkraft iSize booster seat", "")).empty());
  // A brand of two words written as one, in the title of a listing without
  // a brand field.
  const Notice two_words = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Childrens high chair", "Lumi Kid", "", "", "Ava");
  const auto together = MatchOne(two_words, MakeListing("L", "Chaise haute LumiKid Ava comme neuve", ""));
  ASSERT_EQ(together.size(), 1u);
  EXPECT_EQ(together[0].action, RecallAction::kReview);
  EXPECT_TRUE(MatchOne(two_words, MakeListing("L", "Chaise haute Lumi Ava comme neuve", "")).empty());
  // Numbers are part of the name, however short.
  EXPECT_EQ(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "SR/03788/24", "Eau de toilette", "Setablu", "", "", "14 Her")).name_words,
            (Words{{"14", "her"}}));
  // A colour after the name is the variant's, apart from the name (alert
  // OR/00171/24, "Kala gray"): a listing without it or in another language
  // names the product, one naming only other colours another variant.
  const Notice chair = MakeNotice(NoticeSource::kEuSafetyGate, "OR/00171/24", "Childrens high chair", "MoMi", "", "", "Kala gray");
  EXPECT_EQ(FromNotice(chair).name_words, Words{{"kala"}});
  EXPECT_EQ(FromNotice(chair).name_colours.size(), 1u);
  EXPECT_NE(FromNotice(chair).name_colours.at(0), 0u);
  for (const char* title : {"MoMi Kala high chair", "Hochstuhl MoMi Kala grau", "MoMi Kala high chair, grey", "MoMi KALA Gray"}) {
    const auto hits = MatchOne(chair, MakeListing("L", title, ""));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
  }
  for (const char* title : {"MoMi Kala high chair, pink", "Trona MoMi Kala azul", "Jídelní židlička MoMi Kala růžová"})
    EXPECT_TRUE(MatchOne(chair, MakeListing("L", title, "")).empty()) << title;
  // A colour that is the name's only word, or opens it, is the name.
  EXPECT_EQ(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A", "Perfume", "Lazell", "", "", "Gold Madame")).name_words, (Words{{"gold", "madame"}}));
  // Names given as alternatives: "A / B".
  EXPECT_EQ(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A", "Laser pointer", "Burnnove", "", "", "Astronaut Nebula projector / Star projection lamp"))
                .name_words,
            (Words{{"astronaut", "nebula", "projector"}, {"star", "projection", "lamp"}}));
  // A longer list of names after commas (alert A12/03434/24); a short one
  // stays one name.
  EXPECT_EQ(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/03434/24", "Baby book", "Ulikey", "", "",
                                  "Quiet Book Montessori Spielzeug, 3D Filz Busy Book Sensorisches Spielzeug"))
                .name_words,
            (Words{{"quiet", "montessori", "spielzeug"}, {"3d", "filz", "busy", "sensorisches", "spielzeug"}}));
  EXPECT_EQ(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A", "Perfume", "Acme", "", "", "Rose, Oud")).name_words,
            (Words{{"rose", "oud"}}));
  // Except the models of a whole vehicle's alert (A12/02827/24).
  EXPECT_EQ(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/02827/24", "Passenger car", "Opel/Vauxhall", "", "",
                                  "Astra L, Corsa, Crossland X, Mokka"))
                .name_words,
            (Words{{"astra"}, {"corsa"}, {"crossland"}, {"mokka"}}));  // one letter is no word of a name
  EXPECT_TRUE(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A", "Toy", "Acme", "", "",
                                    "Plush toy with a long list of words, more than eight of them in this one part, and another"))
                  .name_words.empty());
  // Prose, a placeholder, or nothing beyond the product name: no name.
  for (const char* description : {"Red wireless earphones in a cardboard box.", "None", "Power bank", "The power bank overheats while charging the phone and can catch fire"})
    EXPECT_TRUE(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A", "Power bank", "Ikea", "", "", description)).name_words.empty()) << description;
  EXPECT_TRUE(FromListing(MakeListing("L", "IKEA VARMFRONT power bank", "IKEA")).name_words.empty());
}

TEST(RecallIdentityTest, TheNoticesProductNameAndBrandInATitleAreReviewed) {
  // No GTIN or code to compare, no pair model: the name and the brand are
  // what identifies the product.
  const Notice ikea = MakeNotice(NoticeSource::kEuSafetyGate, "A12/03159/24", "Power bank", "Ikea", "", "", "VARMFRONT");
  for (const auto& [title, brand] : std::vector<std::pair<const char*, const char*>>{
           {"IKEA VARMFRONT Powerbank 10400mAh", "IKEA"}, {"ＩＫＥＡ　ＶＡＲＭＦＲＯＮＴ 移动电源", "ＩＫＥＡ"}, {"Ikea Varmfront power banks, 2 pcs", ""}}) {
    const auto hits = MatchOne(ikea, MakeListing("L", title, brand));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
    EXPECT_NE(std::find(hits[0].evidence.begin(), hits[0].evidence.end(), "the notice's product name in the listing's title (varmfront)"),
              hits[0].evidence.end());
    EXPECT_EQ(hits[0].evidence.back(), "rule: the notice names no GTIN or model code, the notice's product name and brand in the listing -> review");
  }
  // Sibling products, named by number: only the one the notice names.
  const Notice perfume = MakeNotice(NoticeSource::kEuSafetyGate, "SR/03788/24", "Eau de toilette", "Setablu", "", "", "14 Her");
  EXPECT_TRUE(MatchOne(perfume, MakeListing("L", "Setablu perfume 16 Her 100 ml", "Setablu")).empty());
  EXPECT_EQ(MatchOne(perfume, MakeListing("L", "Setablu 14 Her eau de toilette 100 ml", "Setablu")).size(), 1u);
  // A name of numbers only is not a count of pieces.
  const Notice numbered = MakeNotice(NoticeSource::kEuSafetyGate, "SR/03775/24", "Perfume", "Creation", "", "", "3511");
  EXPECT_EQ(MatchOne(numbered, MakeListing("L", "Creation Perfume 3511 Eau de Parfum 100ml", "")).size(), 1u);
  for (const char* title : {"Creation Kreativset Perlen 3511 Teile", "Creation Puzzle 3511 pieces", "Creation Bügelperlen 3511 Stück"})
    EXPECT_TRUE(MatchOne(numbered, MakeListing("L", title, "")).empty()) << title;
  // An accessory named after the product is not the product; the product
  // sold with one is.
  const Notice mower = MakeNotice(NoticeSource::kEuSafetyGate, "A12/03112/24", "Lawn mower", "Honda", "", "", "Miimo");
  EXPECT_TRUE(MatchOne(mower, MakeListing("L", "Honda Miimo charging station cover", "Honda")).empty());
  EXPECT_TRUE(MatchOne(mower, MakeListing("L", "Blade holder for Honda Miimo", "Generic")).empty());
  // Made for it, under the brand's own name: "für <name>", a German
  // compound of "Ersatz".
  const Notice helmet = MakeNotice(NoticeSource::kEuSafetyGate, "A12/01135/24", "Bicycle helmet", "Limar", "", "", "Limar Torino");
  for (const char* title : {"Polster für Limar Torino Helm", "Limar Torino Ersatzpolster", "Limar pads for Torino helmet"})
    EXPECT_TRUE(MatchOne(helmet, MakeListing("L", title, "Limar")).empty()) << title;
  EXPECT_EQ(MatchOne(helmet, MakeListing("L", "Limar Torino Fahrradhelm für Erwachsene", "Limar")).size(), 1u);
  // Not the name's own "for".
  const Notice mask = MakeNotice(NoticeSource::kEuSafetyGate, "SR/03776/24", "Hair mask", "Bipoint", "", "", "Crema Delicata Maschera per capelli");
  EXPECT_EQ(MatchOne(mask, MakeListing("L", "Bipoint Crema Delicata Maschera per capelli 1000ml", "Bipoint")).size(), 1u);
  const Notice dress = MakeNotice(NoticeSource::kEuSafetyGate, "A12/01196/24", "Dress", "Nickelodeon", "", "", "believe IN YOURSELF");
  EXPECT_TRUE(MatchOne(dress, MakeListing("L", "Nickelodeon Paw Patrol believe in yourself poster", "Nickelodeon")).empty());
  EXPECT_EQ(MatchOne(mower, MakeListing("L", "Honda Miimo HRM 520 robotic lawn mower", "Honda")).size(), 1u);
  EXPECT_EQ(MatchOne(mower, MakeListing("L", "Honda Miimo 310 with cover and garage", "Honda")).size(), 1u);
  // A notice's name is often a licensed character's: other goods with the
  // character are other products; the kind of product the notice names,
  // or the product with them, is still reviewed.
  const Notice clothing = MakeNotice(NoticeSource::kEuSafetyGate, "A12/03202/24", "Childrens clothing set", "Cerda", "", "", "SPIDER-MAN");
  for (const char* title : {"Cerda Spider-Man backpack for kids 3D", "Cerda Spider-Man fleece blanket 100x140", "Cerda Spider-Man lunch box",
                            "Cerda Spider-Man Kinder Rucksack", "Sac à dos Cerda Spider-Man", "Cerda Spider-Man Tasse 350 ml",
                            "Cerda 蜘蛛侠 Spider-Man 儿童书包"})
    EXPECT_TRUE(MatchOne(clothing, MakeListing("L", title, "Cerda")).empty()) << title;
  for (const char* title : {"Cerda Spider-Man pyjamas boys 2-piece set", "Cerda Spider-Man clothing set with backpack"})
    EXPECT_EQ(MatchOne(clothing, MakeListing("L", title, "Cerda")).size(), 1u) << title;
  // The alert gives the name as its model too: a name still, reviewed,
  // written as one word too ("Spiderman"), the brand first or not.
  const Notice named_as_model = MakeNotice(NoticeSource::kEuSafetyGate, "A12/03202/24", "Childrens clothing set", "Cerda", "SPIDER-MAN", "", "SPIDER-MAN");
  for (const auto& [title, brand] : {std::pair{"Cerda Spiderman pyjamas boys 2-piece set", "Cerda"}, std::pair{"Ensemble Spiderman Cerda 4 ans", ""},
                                     std::pair{"Cerda Ensemble Spiderman 4 ans", ""}}) {
    const auto hits = MatchOne(named_as_model, MakeListing("L", title, brand));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
  }
  // A model without digits that is no name of the notice is the maker's code.
  const Notice plug = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Smart plug", "Voltix", "WPEUSDVDRT", "", "Smart plug with energy meter");
  ExpectOneTakedown(MatchOne(plug, MakeListing("L", "Voltix WPEUSDVDRT smart plug", "Voltix")));
  // Words that also name the product itself are not among them.
  const Notice pushchair = MakeNotice(NoticeSource::kEuSafetyGate, "OR/00181/24", "Pushchair", "Lionelo", "", "", "Elia");
  EXPECT_EQ(MatchOne(pushchair, MakeListing("L", "Lionelo Elia umbrella stroller, grey", "Lionelo")).size(), 1u);
  const Notice sleeping_bag = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Baby sleeping bag", "Ortorex", "", "", "Dino Blanket");
  EXPECT_EQ(MatchOne(sleeping_bag, MakeListing("L", "Ortorex Dino blanket sleeping bag 70 cm", "Ortorex")).size(), 1u);
  // A word the notice has too says nothing.
  const Notice case_notice = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Phone case", "Spigen", "", "", "Tough Armor");
  EXPECT_EQ(MatchOne(case_notice, MakeListing("L", "Spigen Tough Armor case iPhone 15", "Spigen")).size(), 1u);
  // One of two names the description gives.
  const Notice lamp = MakeNotice(NoticeSource::kEuSafetyGate, "A12/03599/24", "Laser pointer", "Burnnove", "", "",
                                 "Astronaut Nebula projector / Star projection lamp");
  const auto lamp_hits = MatchOne(lamp, MakeListing("L", "Burnnove Astronaut Nebula Projector galaxy light", "Burnnove"));
  ASSERT_EQ(lamp_hits.size(), 1u);
  EXPECT_NE(std::find(lamp_hits[0].evidence.begin(), lamp_hits[0].evidence.end(),
                      "the notice's product name in the listing's title (astronaut nebula projector)"),
            lamp_hits[0].evidence.end());
  EXPECT_TRUE(MatchOne(lamp, MakeListing("L", "Burnnove star lamp", "Burnnove")).empty());
  // Another of the brand's power banks, or the name under another brand:
  // nothing.
  EXPECT_TRUE(MatchOne(ikea, MakeListing("L", "IKEA SMÅHAGEL power bank 10000mAh", "IKEA")).empty());
  EXPECT_TRUE(MatchOne(ikea, MakeListing("L", "Varmfront power bank", "Anker")).empty());
  // Every word of the name is needed.
  const Notice toy = MakeNotice(NoticeSource::kEuSafetyGate, "A12/02685/24", "Toy set", "Fisher-Price", "", "0887961809596", "Baby Biceps Gift Set");
  EXPECT_EQ(MatchOne(toy, MakeListing("L", "Fisher Price Baby Biceps Gift Set", "")).size(), 1u);
  EXPECT_TRUE(MatchOne(toy, MakeListing("L", "Fisher-Price baby gift set rattle", "Fisher-Price")).empty());
  // A listing's GTIN other than the notice's is another trade item, of the
  // product the notice names (another market's pack, another colour):
  // reviewed, not taken down.
  const auto other_gtin = MatchOne(toy, MakeListing("L", "Fisher-Price Baby Biceps Gift Set", "Fisher-Price", "4006381333931"));
  ASSERT_EQ(other_gtin.size(), 1u);
  EXPECT_EQ(other_gtin[0].action, RecallAction::kReview);
  // The brands agree only because the listing's brand is a word of the
  // notice's name: the name proves nothing then.
  const Notice oil = MakeNotice(NoticeSource::kEuSafetyGate, "A12/00887/24", "Essential oil", "I Love Wellness", "", "", "Essential oil blend Calm");
  EXPECT_TRUE(MatchOne(oil, MakeListing("L", "Calm essential oil blend sleep", "Calm")).empty());
}

TEST(RecallIdentityTest, ANoticeOfAnAccessoryIsNotAnAccessoryOfItself) {
  // The notice is a tablet case: a listing calling it a "case cover", or a
  // carton of it a "case pack", shows the product; a code rule without a
  // pair model takes it down.
  const Notice folio = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Tablet case", "Roocase", "RC-P1000", "", "Executive leather portfolio");
  for (const char* title : {"Roocase RC-P1000 executive leather case cover with stand", "Roocase RC-P1000 portfolio, case pack 6"}) {
    const auto hits = MatchOne(folio, MakeListing("L", title, "Roocase"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kTakedown) << title;
  }
  // A rack-mount switch is the switch; a case pack is a carton of it; a
  // surge protector protects, it is no screen protector.
  const Notice kvm = MakeNotice(NoticeSource::kEuSafetyGate, "A", "KVM switch", "D-Link", "DKVM-8E", "");
  for (const char* title : {"D-Link DKVM-8E 8-port rack mount KVM switch", "D-Link DKVM-8E KVM switch, case pack 4"}) {
    const auto hits = MatchOne(kvm, MakeListing("L", title, "D-Link"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kTakedown) << title;
  }
  const Notice socket = MakeNotice(NoticeSource::kCaHealthCanada, "A", "Delveus Extension socket", "Delveus", "DLK-146V", "");
  const auto surge = MatchOne(socket, MakeListing("L", "Delveus Surge Protector, DLK146V 5m", "Delveus"));
  ASSERT_EQ(surge.size(), 1u);
  EXPECT_EQ(surge[0].action, RecallAction::kTakedown);
}

TEST(RecallIdentityTest, AGtinWrittenInTheTitleConfirmsButNeverContradicts) {
  using Gtins = std::vector<std::string>;
  const auto in_title = [](const char* title, const char* gtin = "") { return FromListing(MakeListing("L", title, "", gtin)).gtins_in_title; };
  EXPECT_EQ(in_title("Biopoint hair mask 500ml EAN 8051772488833"), Gtins{"08051772488833"});
  EXPECT_EQ(in_title("Fast charger (4006381333931) 65 W"), Gtins{"04006381333931"});
  EXPECT_EQ(in_title("ＥＡＮ ４００６３８１３３３９３１ charger"), Gtins{"04006381333931"});
  EXPECT_EQ(in_title("Coffee mug EAN-8: 96385074"), Gtins{"00000096385074"});
  EXPECT_EQ(in_title("Coffee mug ean 96385074"), Gtins{"00000096385074"});
  // In digit groups, alone or after other numbers.
  EXPECT_EQ(in_title("LIMAR kids helmet 8055186 669918"), Gtins{"08055186669918"});
  EXPECT_EQ(in_title("LIMAR helmet 52-57 cm 8055-1866-6991-8"), Gtins{"08055186669918"});
  EXPECT_EQ(in_title("Coffee mug EAN 9638 5074"), Gtins{"00000096385074"});
  EXPECT_TRUE(in_title("Coffee mug 9638 5074").empty());  // 8 digits want a label
  // An 8-digit number without a label, digits inside a word, a wrong check
  // digit, or the GTIN field's own number: none.
  for (const char* title : {"Coffee mug art. 96385074", "Coffee mug 20240115", "Shampoo 8051772488833ml", "B08051772488833 charger",
                            "Fast charger 4006381333932"})
    EXPECT_TRUE(in_title(title).empty()) << title;
  EXPECT_TRUE(in_title("Fast charger 4006381333931", "4006381333931").empty());

  const Notice notice = MakeNotice(NoticeSource::kEuSafetyGate, "A", "USB charger", "Voltix", "QC-65A", "04006381333931");
  // The notice's GTIN in the title of a listing without one: a takedown,
  // and the evidence says where the number was.
  const auto hits = MatchOne(notice, MakeListing("L", "Fast charger 65W EAN 4006381333931", ""));
  ExpectOneTakedown(hits);
  EXPECT_EQ(hits[0].evidence[0], "same GTIN 04006381333931 (written in the listing's title)");
  // Another valid GTIN in the title does not contradict the model code
  // and brand; in the GTIN field it would.
  ExpectOneTakedown(MatchOne(notice, MakeListing("L", "Voltix QC-65A charger 4006381333948", "Voltix")));
  const auto field = MatchOne(notice, MakeListing("L", "Voltix QC-65A charger", "Voltix", "4006381333948"));
  ASSERT_EQ(field.size(), 1u);
  EXPECT_EQ(field[0].action, RecallAction::kReview);
}

// Safety Gate prints an Amazon ASIN where the barcode goes; a listing
// carries one in its GTIN field (set aside there as no GTIN) or labels it
// in its description. One product page: identity, as a GTIN is.
TEST(RecallIdentityTest, AnAsinIdentifiesAsAGtinDoes) {
  Notice notice = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90001/24", "Toy projector", "Lumikid", "", "",
                             "Rocket astronaut star light");
  notice.asins = {"B0ZZQ1X7KP"};
  Listing field = MakeListing("L", "Starry sky night light projector for kids");
  field.gtin_unreadable = "b0zzq1x7kp";  // as ListingReader sets it aside
  const MatchRecord listing = FromListing(field);
  EXPECT_EQ(listing.asins, std::vector<std::string>{"B0ZZQ1X7KP"});
  EXPECT_TRUE(listing.gtins.empty());
  const auto keys = BlockingKeys(listing, PairFeaturizer().Prepare(listing.record, /*with_vectors=*/false));
  EXPECT_NE(std::find(keys.begin(), keys.end(), "a:B0ZZQ1X7KP"), keys.end());
  auto hits = MatchOne(notice, field);
  ExpectOneTakedown(hits);
  EXPECT_EQ(hits[0].evidence.front(), "same ASIN B0ZZQ1X7KP");
  EXPECT_EQ(hits[0].evidence.back(), "rule: shared ASIN -> takedown");

  // A listing index keeps it in the GTIN field.
  ExpectOneTakedown(MatchOne(notice, MakeListing("L", "Starry sky night light projector for kids", "", "B0ZZQ1X7KP")));

  // Labelled in the description, as Amazon's product details print it.
  Listing described = MakeListing("L", "Starry sky night light projector for kids");
  described.description = "Item weight: 300 g<br>ASIN \u200F : \u200E B0ZZQ1X7KP<br>";
  EXPECT_EQ(StatedIdentifiersText(ReadStatedIdentifiers(described)), "ASIN B0ZZQ1X7KP");
  hits = MatchOne(notice, described);
  ExpectOneTakedown(hits);
  EXPECT_EQ(hits[0].evidence.front(), "same ASIN B0ZZQ1X7KP (written in the listing's description)");

  // An accessory sold on the page's number is reviewed, as with a GTIN.
  Listing remote = MakeListing("L", "Replacement remote control for Lumikid projector", "Lumikid");
  remote.gtin_unreadable = "B0ZZQ1X7KP";
  hits = MatchOne(notice, remote);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].action, RecallAction::kReview);
  EXPECT_TRUE(hits[0].evidence.back().starts_with("rule: shared ASIN, but the listing may sell")) << hits[0].evidence.back();

  // One page, but two trade items: reviewed.
  notice.gtins = {"04006381333931"};
  hits = MatchOne(notice, MakeListing("L", "Starry sky night light projector for kids", "", "4006381333948"));
  EXPECT_TRUE(hits.empty());  // no ASIN in this listing: the GTINs differ and nothing else agrees
  Listing two = MakeListing("L", "Starry sky night light projector for kids", "", "4006381333948");
  two.description = "ASIN: B0ZZQ1X7KP";
  hits = MatchOne(notice, two);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].action, RecallAction::kReview);
  EXPECT_EQ(hits[0].evidence.back(), "rule: shared ASIN, but the GTINs differ -> review");

  // The ASIN in the GTIN field, a GTIN in the description that is not the
  // notice's: reviewed too.
  Listing field_and_text = MakeListing("L", "Starry sky night light projector for kids");
  field_and_text.gtin_unreadable = "B0ZZQ1X7KP";
  field_and_text.description = "EAN: 5901234123457";
  hits = MatchOne(notice, field_and_text);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].evidence.back(), "rule: shared ASIN, but the GTINs differ -> review");
  notice.gtins.clear();

  // Another ASIN, or none, identifies nothing.
  Listing other = MakeListing("L", "Starry sky night light projector for kids");
  other.gtin_unreadable = "B0ZZQ1X7KQ";
  EXPECT_TRUE(MatchOne(notice, other).empty());
}

// How sellers and Amazon's pages write an ASIN, and the ASINs a
// description gives as another product's: reviewed, never taken down.
TEST(RecallIdentityTest, AnAsinAsSellersWriteItAndAnotherProductsAsin) {
  Notice notice = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90001/24", "Toy projector", "Lumikid", "", "",
                             "Rocket astronaut star light");
  notice.asins = {"B0ZZQ1X7KP"};
  const auto with = [](const char* title, const char* description, const char* gtin = "") {
    Listing l = MakeListing("L", title, "", "");
    l.gtin_unreadable = gtin;
    l.description = description;
    return l;
  };
  // Amazon's product details in HTML: direction marks as references,
  // the label and the number in separate elements.
  for (const char* details : {"<ul><li><span class=\"a-text-bold\">ASIN &rlm; : &lrm;</span> <span>B0ZZQ1X7KP</span></li></ul>",
                              "<tr><th>ASIN</th><td>B0ZZQ1X7KP</td></tr>", "ASINs: B0ZZQ1X7KQ, B0ZZQ1X7KP"})
    ExpectOneTakedown(MatchOne(notice, with("Starry sky night light projector for kids", details)), details);
  // In the title, labelled or not; not inside a longer word.
  for (const char* title : {"Starry sky night light projector B0ZZQ1X7KP", "Starry sky projector (ASIN: b0zzq1x7kp)"}) {
    const auto hits = MatchOne(notice, with(title, ""));
    ExpectOneTakedown(hits, title);
    if (!hits.empty()) { EXPECT_EQ(hits[0].evidence.front(), "same ASIN B0ZZQ1X7KP (written in the listing's title)"); }
  }
  EXPECT_TRUE(FromListing(with("Starry sky projector XB0ZZQ1X7KP", "")).asins_in_title.empty());
  EXPECT_TRUE(FromListing(with("Starry sky projector B0ZZQ1X7KP2", "")).asins_in_title.empty());
  // Two GTINs in the GTIN field: each counts.
  Listing two = MakeListing("L", "Kettle and its lid", "", "");
  two.gtin_unreadable = "5901234123457 / 4006381333931";
  EXPECT_EQ(FromListing(two).gtins, (std::vector<std::string>{"05901234123457", "04006381333931"}));
  // In the GTIN field, labelled or typed in groups.
  for (const char* gtin : {"ASIN: B0ZZQ1X7KP", "B0 ZZQ 1X7 KP", "b0-zzq1x7kp"})
    ExpectOneTakedown(MatchOne(notice, with("Starry sky night light projector for kids", "", gtin)), gtin);
  // Another product's: compatible with it, not it, the original, another
  // listing. The next item of a list is the product's own again.
  for (const char* description : {"Compatible with ASIN B0ZZQ1X7KP", "This is NOT ASIN B0ZZQ1X7KP, a cheaper copy.",
                                  "Original ASIN: B0ZZQ1X7KP", "Also see our other listing ASIN: B0ZZQ1X7KP"}) {
    const Listing speaker = with("Bluetooth speaker portable", description);
    const StatedIdentifiers ids = ReadStatedIdentifiers(speaker);
    EXPECT_TRUE(ids.asins.empty()) << description;
    EXPECT_EQ(ids.referenced_asins, std::vector<std::string>{"B0ZZQ1X7KP"}) << description;
    // What a listing index keeps reads back the same.
    Listing kept = speaker;
    kept.description = StatedIdentifiersText(ids);
    EXPECT_EQ(kept.description, "fits ASIN B0ZZQ1X7KP");
    for (const Listing& l : {speaker, kept}) {
      const auto hits = MatchOne(notice, l);
      ASSERT_EQ(hits.size(), 1u) << description;
      EXPECT_EQ(hits[0].action, RecallAction::kReview) << description;
      EXPECT_EQ(hits[0].evidence.back(),
                "rule: shared ASIN, written in the listing's description, but the listing gives it as another product's (after a word such "
                "as \"for\", \"compatible\", \"not\" or \"original\") -> review");
    }
  }
  // A negation far from the number is about something else.
  const StatedIdentifiers own = ReadStatedIdentifiers(with("Night light", "This is not a toy, ASIN B0ZZQ1X7KP"));
  EXPECT_EQ(own.asins, std::vector<std::string>{"B0ZZQ1X7KP"});
  EXPECT_TRUE(own.referenced_asins.empty());
  // "For" whom, not for which product, in one sentence with the number.
  for (const char* description : {"Suitable for children over 3 years EAN 4006381333931", "Geeignet für Kinder ab 3 Jahren EAN 4006381333931",
                                  "Idéal pour enfants EAN 4006381333931", "For indoor use only, EAN 4006381333931"}) {
    const StatedIdentifiers ids = ReadStatedIdentifiers(with("Night light", description));
    EXPECT_EQ(ids.gtins, std::vector<std::string>{"04006381333931"}) << description;
    EXPECT_TRUE(ids.referenced_gtins.empty()) << description;
  }
  EXPECT_EQ(ReadStatedIdentifiers(with("Lampshade", "Suitable for lamp EAN 4006381333931")).referenced_gtins,
            std::vector<std::string>{"04006381333931"});
  const StatedIdentifiers list = ReadStatedIdentifiers(with("Night light", "<li>Compatible with ASIN B0ZZQ1X7KQ</li><li>ASIN: B0ZZQ1X7KP</li>"));
  EXPECT_EQ(list.asins, std::vector<std::string>{"B0ZZQ1X7KP"});
  EXPECT_EQ(list.referenced_asins, std::vector<std::string>{"B0ZZQ1X7KQ"});
  // A remote control for it, in Russian: an accessory.
  const auto remote = MatchOne(notice, with("Пульт для проектора астронавт", "", "B0ZZQ1X7KP"));
  ASSERT_EQ(remote.size(), 1u);
  EXPECT_EQ(remote[0].action, RecallAction::kReview);
}

TEST(RecallIdentityTest, AListingsDescriptionGivesItsLabelledModelsAndGtins) {
  const auto described = [](const char* title, const char* description, const char* brand = "Voltix", const char* model = "") {
    Listing l = MakeListing("L", title, brand, "", model);
    l.description = description;
    return l;
  };
  const Notice notice = MakeNotice(NoticeSource::kEuSafetyGate, "A", "USB charger", "Voltix", "QC-65A", "04006381333931");
  // A model the description labels stands in for the missing model field.
  const MatchRecord record = FromListing(described("Voltix fast charger 65W", "Compact GaN charger.<br>Model: QC-65A, QC-65B. Ships in 24 h"));
  EXPECT_EQ(record.record.fields[2].second, "QC-65A");
  EXPECT_EQ(record.record.fields[4].second, "QC-65B");
  ExpectOneTakedown(MatchOne(notice, described("Voltix fast charger 65W", "Compact GaN charger. Model: QC-65A. Ships in 24 h")));
  // As Amazon's product details print them, with direction marks around
  // the colon; a non-breaking hyphen in a label.
  const StatedIdentifiers amazon =
      ReadStatedIdentifiers(described("Voltix fast charger 65W", "<li>Item model number ‏ : ‎ QC-65A</li><li>UPC ‏ : ‎ 4006381333931</li>"));
  EXPECT_EQ(amazon.models, std::vector<std::string>{"QC-65A"});
  EXPECT_EQ(amazon.gtins, std::vector<std::string>{"04006381333931"});
  EXPECT_EQ(ReadStatedIdentifiers(described("Voltix charger", "EAN‑13: 4006381333931")).gtins, std::vector<std::string>{"04006381333931"});
  // A no-break space before the colon (French typography) or after it, a
  // narrow or thin one, and a zero-width space inside the label.
  for (const char* text : {"Model:\u00a0QC-65A", "Mod\u00e8le\u00a0: QC-65A", "Modell:\u202fQC-65A", "Model\u2009No.: QC-65A",
                           "Model\u00a0No.:\u00a0QC-65A", "Mo\u200bdel: QC-65A"})
    EXPECT_EQ(ReadStatedIdentifiers(described("Voltix charger", text)).models, std::vector<std::string>{"QC-65A"}) << text;
  EXPECT_EQ(ReadStatedIdentifiers(described("Voltix charger", "UPC: 36000291452")).gtins, std::vector<std::string>{"00036000291452"});
  for (const char* label : {"Triipkood", "Svītrkods", "Brūkšninis kodas", "Črtna koda", "Γραμμωτός κώδικας", "Баркод", "Barrachód", "Kodiċi tal-barra"})
    EXPECT_EQ(ReadStatedIdentifiers(described("Voltix charger", fmt::format("{}: 4006381333931", label).c_str())).gtins,
              std::vector<std::string>{"04006381333931"})
        << label;
  // The model field, when given, is the listing's word.
  EXPECT_EQ(FromListing(described("Voltix charger", "Model: QC-65A", "Voltix", "QC-100")).record.fields[2].second, "QC-100");
  // What an accessory fits is not its model.
  EXPECT_TRUE(FromListing(described("Charging cable", "Replacement cable for Voltix model QC-65A")).record.fields[2].second.empty());
  // A code written in groups after its label, as in a model field.
  const Notice grouped = MakeNotice(NoticeSource::kCaHealthCanada, "RA-90001", "Wooden xylophone", "Lumikid", "QX-1902-0617", "");
  ExpectOneTakedown(MatchOne(grouped, described("Lumikid Jumbo Wooden Xylophone Elephant", "Model: QX 1902 0617", "Lumikid")));
  // A labelled GTIN confirms as one in the title does; an unlabelled number
  // in a description (an order or phone number) is not read.
  const auto hits = MatchOne(notice, described("Fast charger 65W", "Original packaging. EAN-13: 4006381333931", ""));
  ExpectOneTakedown(hits);
  EXPECT_EQ(hits[0].evidence[0], "same GTIN 04006381333931 (written in the listing's description)");
  EXPECT_TRUE(FromListing(described("Fast charger", "Order 4006381333931 ships today")).gtins_in_description.empty());
  EXPECT_EQ(FromListing(described("Fast charger", "UPC code: 012345678905")).gtins_in_description, std::vector<std::string>{"00012345678905"});
  // In a sentence, as the CPSC writes it and sellers copy it.
  for (const char* description : {"The UPC number is 012345678905.", "UPC is 012345678905", "UPC numbers are 012345678905 and more"})
    EXPECT_EQ(FromListing(described("Fast charger", description)).gtins_in_description, std::vector<std::string>{"00012345678905"}) << description;
  EXPECT_TRUE(FromListing(described("Fast charger", "The order number is 012345678905")).gtins_in_description.empty());
  // Barcode labels in the languages sellers write.
  for (const char* description : {"Strichcode: 4006381333931", "EAN-Code 4006381333931", "Code-barres : 4006381333931",
                                  "Código de barras: 4006381333931", "Čiarový kód 4006381333931", "商品条形码：4006381333931",
                                  "条码:4006381333931，产地：深圳", "ＪＡＮコード：４００６３８１３３３９３１", "Штрих-код: 4006381333931",
                                  "ШТРИХКОД 4006381333931", "EAN-код 4006381333931", "바코드: 4006381333931", "바코드번호 4006381333931",
                                  "Barkod: 4006381333931", "Kode batang 4006381333931", "Mã vạch: 4006381333931",
                                  "บาร์โค้ด:4006381333931", "باركود: 4006381333931", "CUP : 4006381333931", "Code CUP : 4006381333931"})
    EXPECT_EQ(FromListing(described("Fast charger", description)).gtins_in_description, std::vector<std::string>{"04006381333931"}) << description;
  EXPECT_TRUE(FromListing(described("Fast charger", "Bestellnummer 4006381333931")).gtins_in_description.empty());
  for (const char* description : {"Ribakood: 4006381333931", "Carovy kod: 4006381333931", "Ciarovy kod 4006381333931",
                                  "Αριθμός παρτίδας: 2401. Barcode: 4006381333931"})
    EXPECT_EQ(FromListing(described("Fast charger", description)).gtins_in_description, std::vector<std::string>{"04006381333931"}) << description;
  // "Compatible with" in Czech, Polish and Bulgarian: another product's.
  for (const char* description : {"Kompatibilní s Childhome Moses, EAN 4006381333931", "Kompatybilny z Voltix, EAN 4006381333931",
                                  "Съвместим с Voltix, EAN 4006381333931"})
    EXPECT_TRUE(FromListing(described("Fast charger", description)).gtins_in_description.empty()) << description;
  // Written in digit groups.
  for (const char* description : {"EAN: 8055-1866-6991-8", "EAN 8055 1866 6991 8", "Barcode 8055-1866-6991-8, size M"})
    EXPECT_EQ(FromListing(described("Bicycle helmet", description)).gtins_in_description, std::vector<std::string>{"08055186669918"})
        << description;
  EXPECT_TRUE(FromListing(described("Bicycle helmet", "Order 8055-1866-6991-8")).gtins_in_description.empty());
  // A variation listing's GTINs: listed after one label, or each after the
  // label and its variant's name; not a number after other words.
  const std::vector<std::string> both = {"04006381333931", "05901234123457"};
  for (const char* description : {"EAN: 4006381333931, 5901234123457", "EAN 4006381333931 / 5901234123457.", "UPC: 4006381333931 | 5901234123457",
                                  "EAN S: 4006381333931\nEAN M: 5901234123457", "EAN 250ml: 4006381333931; EAN 400ml: 5901234123457",
                                  "Barcode (black): 4006381333931, barcode (white): 5901234123457", "EAN-13: 4006381333931 and 5901234123457"})
    EXPECT_EQ(FromListing(described("Fast charger", description)).gtins_in_description, both) << description;
  // A dupe quoting the original's barcode.
  EXPECT_TRUE(ReadStatedIdentifiers(described("Eau de toilette", "Inspired by Tom Tailor (EAN 4006381333931)")).gtins.empty());
  // Not a number after other words, one said to be another product's
  // (after it), nor one after another product's name or "alt" (old).
  for (const auto& [description, read] : std::vector<std::pair<const char*, size_t>>{
           {"EAN: 4006381333931, order 5901234123457", 1}, {"EAN: 4006381333931. Call 5901234123457", 1},
           {"EAN: 4006381333931 | 5901234123457 (see the shampoo)", 1}, {"UPC: 4006381333931 / 5901234123457 launch tube for the rockets", 1},
           {"Size M: 5901234123457", 0}, {"Order no: 5901234123457", 0}, {"EAN\nSize M: 5901234123457", 0},
           {"EAN (cushion): 4006381333931, EAN (high chair): 5901234123457", 0}, {"EAN neu: 4006381333931, EAN alt: 5901234123457", 0}})
    EXPECT_EQ(FromListing(described("Fast charger", description)).gtins_in_description.size(), read) << description;
  // Chinese, written without spaces, ends a word where it starts.
  for (const char* description : {"条码：4006381333931、型号：QC-65A", "商品EAN:4006381333931产地深圳"})
    EXPECT_EQ(FromListing(described("Fast charger", description)).gtins_in_description, std::vector<std::string>{"04006381333931"})
        << description;
  // What a listing index keeps of a description reads back the same.
  const StatedIdentifiers ids = ReadStatedIdentifiers(described("Charger", "Model No. QC-65A or QC-65B &amp; more. EAN 4006381333931, barcode 96385074"));
  EXPECT_EQ(ids.models, (std::vector<std::string>{"QC-65A", "QC-65B"}));
  EXPECT_EQ(ids.gtins, (std::vector<std::string>{"04006381333931", "00000096385074"}));
  const StatedIdentifiers back = ReadStatedIdentifiers(described("Charger", StatedIdentifiersText(ids).c_str()));
  EXPECT_EQ(back.models, ids.models);
  EXPECT_EQ(back.gtins, ids.gtins);
  EXPECT_EQ(StatedIdentifiersText(ReadStatedIdentifiers(described("Shirt", "Soft cotton, machine washable."))), "");
  // Many '<' and no '>': read in one pass, nothing taken for a tag.
  std::string opens(200000, '<');
  for (size_t i = 1; i < opens.size(); i += 2) opens[i] = 'a';
  EXPECT_TRUE(ReadStatedIdentifiers(described("Shirt", (opens + " Model: QC-65A").c_str())).models.size() == 1);
  // Without a labelled model, the models the seller's documents cover.
  Listing documented = described("Voltix fast charger 65W", "Compact GaN charger.");
  Evidence declaration;
  declaration.kind = "eu_declaration_of_conformity";
  declaration.models = {"QC-65A"};
  documented.evidence.push_back(declaration);
  EXPECT_EQ(FromListing(documented).record.fields[2].second, "QC-65A");
  ExpectOneTakedown(MatchOne(notice, documented));
  documented.description = "Model: QC-100";
  EXPECT_EQ(FromListing(documented).record.fields[2].second, "QC-100");
  // A document's entry that is no code ("all models", "Pro series") is not
  // taken: a listing index could not keep it.
  documented.description.clear();
  documented.evidence[0].models = {"all models", "Pro series"};
  EXPECT_TRUE(ReadStatedIdentifiers(documented).models.empty());
}

// A listing without a brand field names the maker's brand first, without
// the company words the notice gives.
TEST(RecallIdentityTest, ABrandlessTitleStartingWithTheBrandWithoutCompanyWords) {
  const Notice notice = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90002/24", "Auto belay device", "Zentrix Technologies", "", "",
                                   "TRUCLIMB Speed");
  const auto hits = MatchOne(notice, MakeListing("L", "Zentrix TRUCLIMB Speed auto belay climbing"));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].action, RecallAction::kReview);
  // Elsewhere in the title, the word alone is not taken for the brand.
  EXPECT_TRUE(MatchOne(notice, MakeListing("L", "Climbing auto belay TRUCLIMB Speed by zentrix")).empty());
}

// Text copied from web pages: a zero-width space inside a barcode is no
// break (NormalizeForMatching's test has words and codes); a trade mark
// sign after the notice's name is one ("Lumora\u2122", not "lumoratm").
TEST(RecallIdentityTest, InvisibleCharactersAndTradeMarkSignsAreReadAsAReaderSeesThem) {
  const Notice toy = MakeNotice(NoticeSource::kUsCpsc, "90031", "Lumora\u2122 Under the Sea Popping Toys", "Lumora", "", "");
  const auto by_name = MatchOne(toy, MakeListing("L", "Lumora Under the Sea Popping Toy Whale Ball Popper", "Lumora"));
  ASSERT_EQ(by_name.size(), 1u);
  EXPECT_EQ(by_name[0].action, RecallAction::kReview);
  const Notice lamp = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90031/24", "Desk lamp", "Voltix", "VX-310", "04006381333931");
  // The GTIN field as the listing reader gives it: read whole.
  const auto listing = ParseListingJson(R"({"listing_id":"L","title":"Desk lamp","brand":"Voltix","gtin":"400638133\u200b3931"})",
                                        ListingUse::kRecallMatching);
  ASSERT_TRUE(listing.ok());
  EXPECT_EQ(listing.value().gtin, "4006381333931");
  ExpectOneTakedown(MatchOne(lamp, listing.value()), "gtin");
}

// Digits for the letters they look like in a brand ("V0ltix"), and the
// letter O for a zero or I for a one in a code ("VX-3IO"): a seller hiding
// the product from searches shows buyers the same name. The brand agrees;
// the code is near, for a person to confirm.
TEST(RecallIdentityTest, BrandsAndCodesWrittenWithLookAlikeCharacters) {
  const Notice lamp = MakeNotice(NoticeSource::kUsCpsc, "90032", "Desk lamps", "Voltix", "VX-310", "");
  const auto brand = MatchOne(lamp, MakeListing("L", "V0ltix VX-310 desk lamp", "V0ltix"));
  ExpectOneTakedown(brand);
  if (!brand.empty()) { EXPECT_TRUE(HasEvidence(brand[0], "brand named in both (the listing's written v0ltix)")); }
  const auto code = MatchOne(lamp, MakeListing("L", "Voltix VX-3IO desk lamp", "Voltix"));
  ASSERT_EQ(code.size(), 1u);
  EXPECT_EQ(code[0].action, RecallAction::kReview);
  EXPECT_TRUE(HasEvidence(code[0], "model code VX310 written with look-alike characters (VX3IO)")) << code[0].evidence.front();
  EXPECT_EQ(code[0].evidence.back(), "rule: notice model code written with look-alike characters, and the brand agrees -> review");
  // Another brand, another model: as before.
  const auto other = MatchOne(lamp, MakeListing("L", "Lumora VX-310 desk lamp", "Lumora"));
  EXPECT_TRUE(other.empty()) << other[0].evidence.back();
  EXPECT_TRUE(MatchOne(lamp, MakeListing("L", "Voltix VX-318 desk lamp", "Voltix")).empty());
  // Without a code, the brand so written still finds the notice.
  const auto name_only = MatchOne(lamp, MakeListing("L", "V0lt1x desk lamp with USB port", "V0lt1x"));
  ASSERT_EQ(name_only.size(), 1u);
  EXPECT_EQ(name_only[0].action, RecallAction::kReview);
  // Letters for letters, a letter the notice writes, or the last character
  // alone: variants, not look-alikes.
  const Notice plug = MakeNotice(NoticeSource::kUsCpsc, "90036", "Smart plugs", "Voltix", "NS1881", "");
  for (const char* code : {"NS188I", "NS188L"})
    EXPECT_TRUE(MatchOne(plug, MakeListing("L", fmt::format("Voltix {} smart plug", code), "Voltix")).empty()) << code;
  const Notice lamp2 = MakeNotice(NoticeSource::kUsCpsc, "90037", "Desk lamps", "Voltix", "TOT92I", "");
  EXPECT_TRUE(MatchOne(lamp2, MakeListing("L", "Voltix TOT92L desk lamp", "Voltix")).empty());
  EXPECT_TRUE(MatchOne(lamp2, MakeListing("L", "Voltix TOT921 desk lamp", "Voltix")).empty());
  EXPECT_TRUE(MatchOne(lamp, MakeListing("L", "Voltix VX-3IO desk lamp", "Lumora")).empty());
}

// A listing's brand field naming the recalling firm, its title the
// notice's brand: a candidate, and the brands agree as the brand field's
// would.
TEST(RecallIdentityTest, ABrandFieldNamingTheRecallingFirm) {
  Notice tower = MakeNotice(NoticeSource::kUsCpsc, "90033", "Lumikid Foldable Learning Towers", "Lumikid", "", "");
  tower.companies = {"Voltix Trading Co., Ltd., of China"};
  const auto hits = MatchOne(tower, MakeListing("L", "Lumikid Foldable Learning Tower - Natural", "Voltix"));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].action, RecallAction::kReview);
  EXPECT_EQ(hits[0].evidence.back(), "rule: the notice names no GTIN or model code, the notice's product name and brand in the listing -> review");
  EXPECT_TRUE(MatchOne(tower, MakeListing("L", "Lumikid Foldable Learning Tower - Natural", "Lumora")).empty());
}

// A listing without a brand field naming the recalling firm in its title,
// and a brand field giving the firm's trade name without its "US".
TEST(RecallIdentityTest, ATitleNamingTheRecallingFirm) {
  Notice tower = MakeNotice(NoticeSource::kUsCpsc, "90039", "Lumikid Foldable Toddler Towers", "Lumikid", "LT-0002", "");
  tower.companies = {"Voltix, Inc., of Denver, Colorado"};
  const auto hits = MatchOne(tower, MakeListing("L", "VOLTIX Foldable Toddler Tower step stool LT-0002", ""));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].action, RecallAction::kTakedown);
  Notice sticks = MakeNotice(NoticeSource::kUsCpsc, "90040", "Lumora Dive Sticks", "Lumora", "16154", "");
  sticks.companies = {"Voltix US Corp., of Ontario, California"};
  const auto by_trade_name = MatchOne(sticks, MakeListing("L", "Pool Dive Sticks Diving Toys 8pcs 16154", "Voltix"));
  ASSERT_EQ(by_trade_name.size(), 1u);
  EXPECT_EQ(by_trade_name[0].action, RecallAction::kTakedown);
}

// A quantity of the notice's name written apart or spelled out ("2000
// Watt" for "2000W"), and a generation in the other numerals ("Solo 3" for
// "Solo III"), is the name's word.
TEST(RecallIdentityTest, AQuantityOfTheNameSpelledOut) {
  const Notice station = MakeNotice(NoticeSource::kUsCpsc, "90034", "Voltix 2000W Power Stations", "Voltix", "", "");
  for (const char* title : {"Voltix 2000 Watt Portable Power Station", "Voltix 2000 W Power Station, LiFePO4", "Voltix 2000W Power Station"}) {
    const auto hits = MatchOne(station, MakeListing("L", title, "Voltix"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
  }
  for (const char* title : {"Voltix 3000 Watt Power Station", "Voltix 2000 Volt Power Station", "Voltix 12000 Watt Power Station"})
    EXPECT_TRUE(MatchOne(station, MakeListing("L", title, "Voltix")).empty()) << title;
  // A generation in Roman numerals or digits.
  const Notice vaporizer = MakeNotice(NoticeSource::kCaHealthCanada, "90035", "Lumora Solo III Portable Vaporizers", "Lumora", "", "");
  for (const char* title : {"Lumora Solo 3 Portable Vaporizer", "Lumora Solo III portable vaporizer (black)"}) {
    const auto hits = MatchOne(vaporizer, MakeListing("L", title, "Lumora"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
  }
  EXPECT_TRUE(MatchOne(vaporizer, MakeListing("L", "Lumora Solo 2 Portable Vaporizer", "Lumora")).empty());
}

// As marketplace exports give them: the model number among the attributes
// ("item_model_number"), and the used-goods programme in the brand field
// ("Amazon Renewed"), which names no maker.
TEST(RecallIdentityTest, AModelAttributeAndARenewedProgrammesName) {
  const Notice projector = MakeNotice(NoticeSource::kUsCpsc, "90038", "Portable projectors", "Lumora", "LP-31", "");
  Listing attributed = MakeListing("L", "Lumora Portable Smart Projector 1080p", "Lumora");
  attributed.attributes = {{"item_model_number", "LP-31"}};
  ExpectOneTakedown(MatchOne(projector, attributed), "attribute");
  attributed.attributes = {{"item_model_number", "LP-30"}};
  EXPECT_TRUE(MatchOne(projector, attributed).empty());
  ExpectOneTakedown(MatchOne(projector, MakeListing("L", "Lumora LP-31 Portable Projector (Renewed)", "Amazon Renewed")), "renewed");
}

// A brandless listing whose title opens with a count ("3 in 1") is keyed
// by the word after it, where a brandless notice's name begins.
TEST(RecallIdentityTest, ATitleOpeningWithACount) {
  const Notice alarm = MakeNotice(NoticeSource::kCaHealthCanada, "90039", "Combined Smoke and Carbon Monoxide Alarm", "", "", "");
  for (const char* title : {"3 in 1 Combined Smoke and Carbon Monoxide Alarm Detector, Battery Operated",
                            "2 Pack Combined Smoke and Carbon Monoxide Alarm"}) {
    const auto hits = MatchOne(alarm, MakeListing("L", title));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
  }
}

// A notice without a brand (Health Canada's open data names none) meets a
// listing under the maker's brand whose title opens with the brand and
// then the notice's name.
TEST(RecallIdentityTest, ABrandlessNoticeAndAListingUnderTheMakersBrand) {
  const Notice jar = MakeNotice(NoticeSource::kCaHealthCanada, "90040", "Kelvo Stainless Food Jar", "", "", "");
  const MatchRecord listing = FromListing(MakeListing("L", "Lumora Kelvo Stainless Vacuum Food Jar, 16 Ounce", "Lumora"));
  const auto keys = BlockingKeys(listing, PairFeaturizer().Prepare(listing.record));
  EXPECT_NE(std::find(keys.begin(), keys.end(), "n:kelvo|jar"), keys.end());
  const auto hits = MatchOne(jar, MakeListing("L", "Lumora Kelvo Stainless Vacuum Food Jar, 16 Ounce", "Lumora"));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].action, RecallAction::kReview);
  EXPECT_TRUE(MatchOne(jar, MakeListing("L", "Lumora Kelvo Stainless Water Bottle", "Lumora")).empty());
  EXPECT_TRUE(MatchOne(jar, MakeListing("L", "Lumora Thermal Lunch Box, Kelvo Stainless Food Jar inside", "Lumora")).empty());
}

// A code spaced out letter group by digit group ("K 47 B" for K47B), at
// the end of the title, before a word or a comma.
TEST(RecallIdentityTest, ACodeSpacedOut) {
  const Notice bank = MakeNotice(NoticeSource::kUsCpsc, "90041", "Voltix MagLite Battery Chargers", "Voltix", "K47B", "");
  for (const char* title : {"Voltix magnetic power bank K 47 B", "Voltix magnetic power bank K 47 B melon", "Voltix power bank K 47 B, melon"})
    ExpectOneTakedown(MatchOne(bank, MakeListing("L", title, "Voltix")), title);
}

// Cosmetics as sellers name them: a line called "Pro" is no Czech "for",
// "Full Cover" make-up no cover, a hyphenated name the one written
// together, and a brand shortened to its first words or spaced out the
// same maker.
TEST(RecallIdentityTest, CosmeticsAsSellersNameThem) {
  const Notice conditioner = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90042/24", "Hair conditioner", "Voltix", "", "04006381333931", "Silky");
  ExpectOneTakedown(MatchOne(conditioner, MakeListing("L", "Voltix Pro-V Silky Conditioner 200ml", "Voltix", "4006381333931")), "Pro-V");
  const Notice concealer = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90043/24", "Concealer", "Voltix", "", "04006381333931");
  ExpectOneTakedown(MatchOne(concealer, MakeListing("L", "Voltix Pro Base Full Cover Concealer - 130", "Voltix", "4006381333931")), "cover");
  const MatchRecord hyphenated = FromListing(MakeListing("L", "Voltix Anti-Age Pflegespülung 200 ml", "Voltix"));
  const auto keys = BlockingKeys(hyphenated, PairFeaturizer().Prepare(hyphenated.record));
  EXPECT_NE(std::find(keys.begin(), keys.end(), "b:voltix|antiage"), keys.end());
  const Notice palette = MakeNotice(NoticeSource::kUsCpsc, "90045", "Lumora Radiant Glow Eyeshadow Palettes", "Lumora Makeup Academy Professional", "", "");
  const auto shortened = MatchOne(palette, MakeListing("L", "Lumora Radiant Glow Eyeshadow Palette, 12 shades", "Lumora Makeup Academy"));
  ASSERT_EQ(shortened.size(), 1u);
  EXPECT_EQ(shortened[0].action, RecallAction::kReview);
  const Notice perfume = MakeNotice(NoticeSource::kUsCpsc, "90046", "Bellaluna Notte Eau de Toilette", "Bellaluna Profumi", "", "");
  const auto spaced = MatchOne(perfume, MakeListing("L", "Bella Luna Notte Eau de Toilette 100 ml", "Bella Luna"));
  ASSERT_EQ(spaced.size(), 1u);
  EXPECT_EQ(spaced[0].action, RecallAction::kReview);
  // One word of the long name is no more than a brand that begins alike.
  EXPECT_TRUE(MatchOne(palette, MakeListing("L", "Lumora Radiant Glow Eyeshadow Palette, 12 shades", "Lumora Beauty")).empty());
}

// What a listing index keeps of a listing (its model, and the digest of
// its description) reads as the listing itself does: the two directions
// of monitoring agree.
TEST(RecallIdentityTest, AListingIndexKeepsWhatTheMatcherReads) {
  Listing l = MakeListing("V-14", "Power bank", "Amazon Renewed");
  l.description = "Slim and light. By Flaunt Studio. Model No: E33A, EAN 4006381333931";
  l.attributes = {{"item_model_number", "E33A"}};
  Listing kept = MakeListing("V-14", l.title, l.brand);
  kept.model = ListingModel(l);
  kept.description = IndexedDescription(l);
  EXPECT_EQ(kept.model, "E33A");
  const MatchRecord whole = FromListing(l), digest = FromListing(kept);
  EXPECT_EQ(digest.makers_in_prose, whole.makers_in_prose);
  EXPECT_EQ(digest.makers_in_prose, std::vector<std::string>{"flaunt studio"});
  EXPECT_EQ(digest.record.Get("model"), whole.record.Get("model"));
  EXPECT_EQ(digest.gtins_in_description, whole.gtins_in_description);
}

}  // namespace
}  // namespace conform::recalls
