#include "conform/screen/classifier.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <utility>

#include "conform/knowledge/knowledge_base.h"
#include "test_data.h"

namespace conform {
namespace {

class ClassifierTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    kb_ = &ShippedKnowledgeBase();
    c_ = &ShippedClassifier();
  }
  static Classification Classify(const std::string& title, const std::string& hs = "") {
    Listing l;
    l.title = title;
    l.hs_code = hs;
    return c_->Classify(l, std::nullopt, std::vector<bool>(kb_->vocabulary().attribute_count(), false));
  }
  static std::string Name(const Classification& c) {
    return c.source == Classification::Source::kNone ? "none" : kb_->vocabulary().category(c.category).name;
  }
  static double Inferred(const Classification& c, const char* attribute) {
    const AttributeId id = *kb_->vocabulary().FindAttribute(attribute);
    for (const auto& a : c.attributes)
      if (a.attribute == id) return a.value;
    return -1;
  }
  // Classifies every title of a labelled file (title, HS code, category,
  // then anything) and counts the right answers and the wrong ones given
  // with confidence.
  struct Tally {
    int total = 0, right = 0, confident_wrong = 0;
    std::string misses;
  };
  static Tally Score(const std::string& path) {
    Tally t;
    std::ifstream in(path);
    EXPECT_TRUE(in) << path;
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
      std::stringstream ss(line);
      std::string title, hs, want;
      std::getline(ss, title, '\t');
      std::getline(ss, hs, '\t');
      std::getline(ss, want, '\t');
      const Classification c = Classify(title, hs);
      ++t.total;
      if (Name(c) == want) {
        ++t.right;
      } else {
        t.misses += "\n  " + title + " -> " + Name(c) + " (want " + want + ")";
        if (c.confidence >= Classifier::kConfidentAt) ++t.confident_wrong;
      }
    }
    return t;
  }
  // At least 90% of a file's titles right, and at most one wrong answer
  // given with confidence: a wrong answer must not pass as a confident one.
  static void ExpectMostlyRight(const Tally& t, int at_least, const char* what) {
    EXPECT_GE(t.total, at_least);
    std::printf("classifier: %d of %d %s right\n", t.right, t.total, what);
    EXPECT_GE(t.right * 100, t.total * 90) << t.right << "/" << t.total << t.misses;
    EXPECT_LE(t.confident_wrong, 1) << t.misses;
  }
  static const KnowledgeBase* kb_;
  static const Classifier* c_;
};
const KnowledgeBase* ClassifierTest::kb_ = nullptr;
const Classifier* ClassifierTest::c_ = nullptr;

// Titles written apart from the keyword list, in English and Chinese, with
// the category a person would give them.
TEST_F(ClassifierTest, LabelledTitlesAreMostlyRightAndConfidentWhenRight) {
  ExpectMostlyRight(Score(CONFORM_TEST_DATA_DIR "/classify_titles.tsv"), 45, "labelled titles");
}

// Titles in the languages of data/classify/keywords/, twelve each, one per
// category, written without the keyword lists at hand, as sellers on those
// markets write them.
TEST_F(ClassifierTest, TitlesInTheOtherLanguagesWrittenApartAreMostlyRight) {
  ExpectMostlyRight(Score(CONFORM_TEST_DATA_DIR "/classify_titles_blind.tsv"), 276, "titles in the other languages");
}

// The examples each language's terms were written for: every one right.
TEST_F(ClassifierTest, EachLanguagesOwnExamplesAreRight) {
  const Tally t = Score(CONFORM_TEST_DATA_DIR "/classify_titles_languages.tsv");
  EXPECT_GE(t.total, 250);
  EXPECT_EQ(t.right, t.total) << t.misses;
}

TEST_F(ClassifierTest, TermScoresGiveEveryCategoryItsEvidence) {
  const auto score_of = [&](const std::vector<double>& scores, const char* category) {
    return scores[*kb_->vocabulary().FindCategory(category)];
  };
  // One product of two categories ("drone": a radio device, a toy at times):
  // both have evidence.
  const std::vector<double> rc = c_->TermScores("Mini drone with camera", "");
  ASSERT_EQ(rc.size(), kb_->vocabulary().category_count());
  EXPECT_GT(score_of(rc, "toy"), 0);
  EXPECT_GT(score_of(rc, "radio_device"), 0);
  // The description counts half the title, as in Classify.
  const std::vector<double> in_title = c_->TermScores("Skin whitening cream", "");
  const std::vector<double> in_description = c_->TermScores("", "Skin whitening cream");
  EXPECT_GT(score_of(in_title, "cosmetic"), 0);
  EXPECT_DOUBLE_EQ(score_of(in_description, "cosmetic"), score_of(in_title, "cosmetic") / 2);
  // The category Classify infers is the one with the most evidence.
  const Classification c = Classify("Fan heater 2000W with thermostat");
  ASSERT_NE(c.source, Classification::Source::kNone);
  const std::vector<double> scores = c_->TermScores("Fan heater 2000W with thermostat", "");
  EXPECT_EQ(std::max_element(scores.begin(), scores.end()) - scores.begin(), c.category);
  for (double s : c_->TermScores("Item 42", "blue")) EXPECT_EQ(s, 0);
}

// Taiwan's and Hong Kong's sellers write traditional characters; the
// vocabulary's words are simplified.
TEST_F(ClassifierTest, TraditionalChineseIsReadAsSimplified) {
  EXPECT_EQ(Name(Classify("行動電源 20000毫安 快充")), "power_bank");
  EXPECT_EQ(Name(Classify("電熱水壺 1.7公升 不鏽鋼")), Name(Classify("电热水壶 1.7公升 不锈钢")));
  EXPECT_EQ(Name(Classify("BenQ GV31 可攜式投影機")), Name(Classify("BenQ GV31 便携投影仪")));
  EXPECT_EQ(Name(Classify("明基 GV31 投影机")), Name(Classify("BenQ GV31 投影仪")));
  EXPECT_NE(Name(Classify("BenQ GV31 可攜式投影機")), "none");
}

TEST_F(ClassifierTest, ExplainsItsAnswer) {
  const Classification c = Classify("20000mAh 充电宝 快充");
  EXPECT_EQ(Name(c), "power_bank");
  EXPECT_GE(c.confidence, Classifier::kConfidentAt);
  ASSERT_FALSE(c.reasons.empty());
  EXPECT_NE(c.reasons[0].find("充电宝"), std::string::npos);
  EXPECT_EQ(Inferred(c, "battery_wh"), 74);
}

TEST_F(ClassifierTest, ReadsQuantitiesFromText) {
  EXPECT_EQ(Inferred(Classify("USB charger 100-240V input, 5V 2A output"), "input_voltage_ac"), 240);
  EXPECT_EQ(Inferred(Classify("USB charger 100-240V input, 5V 2A output"), "output_voltage_dc"), 5);
  EXPECT_EQ(Inferred(Classify("充电器 5V2A"), "output_voltage_dc"), 5);
  EXPECT_EQ(Inferred(Classify("Puzzle for kids 3-8 years"), "intended_age_max"), 8);
  EXPECT_EQ(Inferred(Classify("婴儿连体衣 0-12个月"), "intended_age_max"), 1);
  EXPECT_EQ(Inferred(Classify("积木 3岁以上"), "intended_age_max"), -1);  // "3 and up" gives no upper age
  EXPECT_EQ(Inferred(Classify("Power bank 37Wh"), "battery_wh"), 37);
  // Age ranges in the other languages of the keyword lists.
  const std::pair<const char*, double> ages[] = {
      {"Holzpuzzle für Kinder 3-6 Jahre", 6}, {"Body bébé 0-12 mois", 1},       {"Conjunto bebé 6-9 meses", 1},
      {"Klocki dla dzieci 4-7 lat", 7},       {"Конструктор для детей 5-10 лет", 10}, {"ぬいぐるみ 3~5歳", 5},
      {"아동 내복 24-36개월", 3},              {"Ahşap yapboz 3-6 yaş", 6},      {"Body bebe 0-6 luni", 1},
      {"Palapeli 4-7 vuotta", 7},              {"Xếp hình 3-6 tuổi", 6},          {"ของเล่น 3-6ปี", 6},
      // Arabic and Thai digits, which NFKC leaves as they are.
      {"لعبة أطفال ٣-٦ سنوات", 6},             {"فستان بنات ۴-۵ سنوات", 5},       {"ของเล่นเด็ก ๓-๘ ปี", 8}};
  for (const auto& [title, age] : ages) EXPECT_EQ(Inferred(Classify(title), "intended_age_max"), age) << title;
  // A unit must end its word: "2-4 letters" is no age.
  EXPECT_EQ(Inferred(Classify("Puzzle 2-4 letters"), "intended_age_max"), -1);
}

TEST_F(ClassifierTest, ProductsForChildrenWithoutAnAgeRangeAreTakenAsTwelveOrUnder) {
  EXPECT_EQ(Inferred(Classify("Building blocks for kids 3+"), "intended_age_max"), 12);
  EXPECT_EQ(Inferred(Classify("Wooden puzzle toy 3+"), "intended_age_max"), 12);
  EXPECT_EQ(Inferred(Classify("儿童蓝牙耳机"), "intended_age_max"), 12);
  EXPECT_EQ(Inferred(Classify("Puzzle for kids 3-8 years"), "intended_age_max"), 8);  // the range wins
  EXPECT_EQ(Inferred(Classify("USB 3+ hub"), "intended_age_max"), -1);              // not a toy
  EXPECT_EQ(Inferred(Classify("20000mAh power bank"), "intended_age_max"), -1);
}

// Titles pasted from word processors carry typographic apostrophes.
TEST_F(ClassifierTest, TypographicApostrophesReadAsPlainOnes) {
  EXPECT_EQ(c_->TermScores("Children\u2019s pyjamas, 2 pack", ""), c_->TermScores("Children's pyjamas, 2 pack", ""));
  EXPECT_EQ(c_->TermScores("Taie d\u2019oreiller 50x70", ""), c_->TermScores("Taie d'oreiller 50x70", ""));
  EXPECT_EQ(c_->TermScores("Taie d\u2018oreiller en satin", ""), c_->TermScores("Taie d'oreiller en satin", ""));
}

// A term of several words is found whatever blanks a seller puts between
// its words.
TEST_F(ClassifierTest, DoubledSpacesTabsAndLineBreaksInsideATermAreOneSpace) {
  for (const char* title : {"Hair  dryer 1800 W", "Hair\tdryer 1800 W", "Hair\n dryer 1800 W", "  Hair dryer   1800 W  "})
    EXPECT_EQ(c_->TermScores(title, ""), c_->TermScores("Hair dryer 1800 W", "")) << title;
  EXPECT_EQ(Name(Classify("Eye  shadow palette 12 colours")), Name(Classify("Eye shadow palette 12 colours")));
}

// Case folding writes the Turkish capital "İ" as "i" with a combining dot.
TEST_F(ClassifierTest, ATurkishCapitalDottedIReadsAsI) {
  EXPECT_EQ(c_->TermScores("K\u0130DS T-SH\u0130RT", ""), c_->TermScores("kids t-shirt", ""));
}

// A listing names other products too: what an accessory is for, and the
// warnings shops copy onto everything. Those words do not make it one.
TEST_F(ClassifierTest, WordsNamingAnotherProductDoNotCount) {
  const Classification pouch = Classify("Protective Pouch for Power Bank, Black");
  EXPECT_EQ(Name(pouch), "none");
  ASSERT_EQ(pouch.set_aside.size(), 1u);
  EXPECT_EQ(pouch.set_aside[0], "title: 'power bank' (after 'pouch for')");
  EXPECT_EQ(Name(Classify("Power Bank 20000mAh with Carry Pouch")), "power_bank");
  EXPECT_EQ(Name(Classify("Power Bank Case, Shockproof")), "none");
  EXPECT_EQ(Name(Classify("充电宝收纳包")), "none");
  EXPECT_EQ(Name(Classify("充电宝 20000毫安 送收纳包")), "power_bank");  // the bag comes with it
  EXPECT_EQ(Name(Classify("Hülle für Powerbank")), "none");
  EXPECT_EQ(Name(Classify("Linen Lamp Shade")), "none");
  EXPECT_EQ(Name(Classify("USB C Charger 65W, compatible with MacBook")), "charger");

  Listing candle;
  candle.title = "Scented Candle Lavender 200g";
  candle.description = "Not a toy. Keep out of reach of children. Do not leave unattended.";
  const Classification c = c_->Classify(candle, std::nullopt, std::vector<bool>(kb_->vocabulary().attribute_count(), false));
  EXPECT_EQ(Name(c), "none");
  EXPECT_EQ(Inferred(c, "intended_age_max"), -1);
  EXPECT_EQ(c.set_aside.size(), 2u);
  EXPECT_EQ(c_->TermScores("Scented Candle", "Not a toy."), c_->TermScores("Scented Candle", ""));
  EXPECT_EQ(Inferred(Classify("Kids Zip-Up Hoodie, No Drawstrings"), "has_drawstrings"), -1);
  EXPECT_EQ(Inferred(Classify("Kids Hoodie with Drawstrings"), "has_drawstrings"), 1);
}

// Consumables, spares and chargers made for an appliance are not the
// appliance: a descaler, brush heads, filters. The appliance sold with them
// still is.
TEST_F(ClassifierTest, WhatIsMadeForAnApplianceIsNotTheAppliance) {
  for (const char* title : {"Electric Kettle Descaler Tablets, 12 pack", "Kettle Descaler Powder 4 sachets",
                            "Kettle Cleaning Tablets", "Descaling Tablets for Coffee Machines",
                            "Descaler for Coffee Machines and Kettles 500ml",
                            "Replacement Brush Heads for Electric Toothbrush, 8 pack",
                            "Electric Toothbrush Replacement Heads 4 pcs", "Philips Electric Toothbrush Replacement Brush Heads",
                            "Electric Toothbrush Heads, compatible with Oral-B", "Filter Cartridges for Electric Water Kettle",
                            "Descaling Solution for Kettles and Irons 500ml",
                            "Hair Dryer Diffuser Attachment", "Hair Dryer Diffuser"})
    EXPECT_EQ(Name(Classify(title)), "none") << title;
  for (const char* title : {"Wasserkocher Entkalker 500 ml", "Entkalker für Kaffeemaschine und Wasserkocher",
                            "Beutel für Staubsauger, 10 Stück", "Détartrant bouilloire et cafetière",
                            "Filtre pour aspirateur", "Brossettes pour brosse à dents électrique",
                            "Bolsas para aspiradora 10 unidades", "Cabezales para cepillo de dientes eléctrico",
                            "Decalcificante per macchina da caffè", "Sacchetti per aspirapolvere", "电热水壶除垢剂 柠檬酸",
                            "空气净化器滤芯 HEPA", "电动牙刷刷头 4支装"})
    EXPECT_EQ(Name(Classify(title)), "none") << title;
  // A remote control for lights is not a lamp; lights sold with one are.
  for (const char* title : {"Remote Control for LED Christmas Tree Lights", "Replacement remote for LED strip lights",
                            "Fernbedienung für LED Lichterkette", "Télécommande pour guirlande LED", "Telecomando per striscia LED"})
    EXPECT_NE(Name(Classify(title)), "led_lamp") << title;
  EXPECT_EQ(Name(Classify("LED Strip Lights 10m with Remote Control for Bedroom")), "led_lamp");
  for (const char* title : {"Filtro para aspirador", "Capa para power bank", "Etui na power bank", "Pokrowiec na power bank",
                            "Filter voor stofzuiger", "Hoesje voor power bank"})
    EXPECT_EQ(Name(Classify(title)), "none") << title;
  EXPECT_EQ(Name(Classify("Chargeur pour brosse à dents électrique")), "charger");
  const Classification charger = Classify("Charger for Electric Toothbrush, Oral-B compatible");
  EXPECT_EQ(Name(charger), "charger");
  EXPECT_NE(std::find(charger.set_aside.begin(), charger.set_aside.end(),
                      "title: 'electric toothbrush' (after 'charger for')"),
            charger.set_aside.end());
  const Classification tablets = Classify("Electric Kettle Descaler Tablets");
  EXPECT_NE(std::find(tablets.set_aside.begin(), tablets.set_aside.end(), "title: 'electric kettle' (before 'descaler')"),
            tablets.set_aside.end());
  for (const char* title : {"Electric Kettle 1.7L with Limescale Filter", "Coffee Machine with Automatic Descaling Programme",
                            "Sonic Electric Toothbrush with 4 Brush Heads", "Ionic Hair Dryer with Diffuser 1800W",
                            "Air Purifier HEPA Filter 3-Stage for Home", "Vacuum Cleaner with Bags 700W",
                            "Electric Toothbrush Travel Case Included, Sonic 5 Modes", "Blender with Replacement Blade 1000W",
                            "电动牙刷 声波 送2个刷头"})
    EXPECT_EQ(Name(Classify(title)), "household_appliance") << title;
}

// Spare parts, accessories, tools and stands named after the product they
// serve are not that product; nor are the words inside its name ("smart" in
// "smart watch charger cable"). Nor is a child's helmet clothing.
TEST_F(ClassifierTest, AccessoriesAndSparePartsAreNotTheProductTheyServe) {
  for (const char* title :
       {"Vacuum Cleaner Bags for Miele, 10 pack", "Filter for Air Purifier H13 HEPA", "Toy Storage Box for Kids Room",
        "Kettle Lid Replacement", "Hair Dryer Holder Wall Mount", "Toaster Crumb Tray Replacement", "Makeup Brush Set 12 pcs",
        "Perfume Atomizer Empty Refillable 5ml", "Kids Bike Helmet Adjustable", "Kids Sunglasses UV400 Polarized",
        "Smart Watch Charger Cable for Garmin", "Earbuds Case Cover for AirPods Pro", "Bluetooth Speaker Carrying Bag",
        "Hair Dryer Nozzle Replacement", "Blender Replacement Blade", "Rice Cooker Inner Pot Replacement",
        "Coffee Machine Water Filter 3 pack", "Vacuum Cleaner Replacement Brush Roll", "Baby Monitor Wall Mount",
        "Power Bank Protective Silicone Sleeve", "Lamp Shade for Floor Lamp", "Laptop Stand Aluminium",
        "Laptop Sleeve 15.6 inch Waterproof", "Keyboard Cover for MacBook Air", "Screen Cleaning Kit for TV and Laptop",
        "Camera Lens Cap 58mm", "Smart Watch Band Silicone 22mm", "Speaker Wall Bracket Pair", "Printer Ink Cartridges 302XL",
        "Robot Vacuum Side Brushes Replacement Kit", "Hair Clipper Guards Combs 8 pcs", "Shaver Replacement Foil and Cutter",
        "Toy Organizer Shelf", "Nail Polish Rack Wall Mounted", "Baby Bottle Drying Rack", "Bath Toys Storage Net",
        "Lip Balm Holder Keychain", "Perfume Travel Bottle Refillable", "Hair Straightener Heat Protection Glove",
        "LED Strip Light Clips 100 pcs", "LED Bulb Holder E27 Socket", "E27 Lamp Holder with Switch",
        "E27 to E14 Socket Adapter", "Toy Batteries AA", "Lipstick Case with Mirror", "Hair Dye Brush and Bowl Set",
        "Cotton Pads Makeup Remover", "Makeup Remover Cotton Pads 200pcs", "Reusable Makeup Remover Pads",
        "Water Bottle Holder for Bike", "Baby Bottle Holder Strap", "Hot Water Bottle with Cover", "Laptop Backpack 15.6 inch",
        "Fitness Tracker Band Replacement Strap", "E27灯座 螺口灯头", "化妆棉 卸妆棉 200片", "染发刷 染发碗 套装",
        "笔记本电脑双肩包 15.6寸", "智能手表表带 硅胶 22mm", "自行车水杯架", "玩具电池 5号", "Lamp Holder E27",
        "Lampenfassung E27 mit Schalter", "Laptop Rucksack 15.6 Zoll", "Porte-gourde vélo", "Douille E27 pour ampoule LED",
        "Disques démaquillants lavables", "Discos desmaquillantes reutilizables", "Portalámparas E27 con interruptor",
        "Power Bank Stand for Desk", "Hair Dryer Stand for Dyson", "Kids Backpack with LED Lights",
        "Portalampada E27 con interruttore", "Casquilho E27 para lâmpada LED", "Discos desmaquilhantes reutilizáveis",
        "Oprawka żarówki E27 z wyłącznikiem", "Koszyk na bidon rowerowy", "Fitting E27 met schakelaar", "Laptop rugzak 15.6 inch"})
    EXPECT_EQ(Name(Classify(title)), "none") << title;
  // A term reaching into a phrase set aside within it goes with it.
  const Classification holder = Classify("LED Bulb Holder");
  EXPECT_NE(std::find(holder.set_aside.begin(), holder.set_aside.end(), "title: 'led bulb' (in 'bulb holder')"),
            holder.set_aside.end());
  const Classification cable = Classify("Smart Watch Charger Cable");
  EXPECT_NE(std::find(cable.set_aside.begin(), cable.set_aside.end(), "title: 'smart' (before 'charger cable')"),
            cable.set_aside.end());
  // The product itself, sold with such a part or named near such a word;
  // bags and filters for food are food contact.
  const std::pair<const char*, const char*> products[] = {
      {"Power Bank 20000mAh with Protective Case", "power_bank"},
      {"Power Bank 10000mAh, Carrying Case Included", "power_bank"},
      {"Kids Winter Jacket with Hood, Helmet Compatible", "childrens_apparel"},
      {"Kids Raincoat Waterproof Hooded", "childrens_apparel"},
      {"Vitamin C Serum Toner 200ml", "cosmetic"},
      {"Xiaomi Smart Band 8 Fitness Tracker", "smart_device"},
      {"Food Storage Bags Reusable Silicone 4 pack", "food_contact"},
      {"Water Bottle Cartridge Filter", "food_contact"},
      {"Heated Towel Rack Electric 100W", "household_appliance"},
      {"Magnetic Wireless Charger Holder 15W for Car", "charger"},
      {"Power Bank with Case 10000mAh", "power_bank"},
      {"RC Car Batteries Included", "toy"},
      {"LED Bulb E27 10W Warm White", "led_lamp"},
      {"Makeup Remover Micellar Water 400ml", "cosmetic"},
      {"Hair Dye Cream Black", "cosmetic"},
      {"Vacuum Flask Hot Water Bottle 1L", "food_contact"},
      {"Cordless Stick Vacuum 25kPa", "household_appliance"},
      {"Silicone Baking Mat", "food_contact"},
      {"Reusable Silicone Straws", "food_contact"},
      {"硅胶烘焙垫", "food_contact"},
      {"卸妆水 400ml", "cosmetic"},
      {"LED灯泡 E27 9W 暖白", "led_lamp"},
      {"Ampoule LED E27 douille standard", "led_lamp"},
      {"Lâmpada LED E27 casquilho padrão 9W", "led_lamp"},
      {"LED lamp E27 fitting 9W warm wit", "led_lamp"},
      {"Charger Stand for iPhone", "charger"},
      {"Desk Lamp with LED Bulb", "led_lamp"},
      {"Ceiling Fan with LED Light and Remote", "household_appliance"},
      {"Wireless Charging Stand for iPhone 15W", "charger"},
  };
  for (const auto& [title, want] : products) EXPECT_EQ(Name(Classify(title)), want) << title;
}

// A child word alone is a weak hint: "kids" counts once, though "kid" finds
// it too, and does not make a confident guess.
TEST_F(ClassifierTest, ALoneChildWordIsAGuess) {
  for (const char* title : {"Kids Toothbrush Timer Sand", "STEM Kit for Kids Ages 8-14+", "Childrens Bookshelf Wooden"}) {
    const Classification c = Classify(title);
    EXPECT_LT(c.confidence, Classifier::kConfidentAt) << title << ": " << Name(c);
  }
  EXPECT_GE(Classify("Kids Hoodie with Drawstrings").confidence, Classifier::kConfidentAt);
}

// Toys under the toy rules are for children under 14: pet toys, adults'
// products, festive decorations and "14+" speak against toy.
TEST_F(ClassifierTest, WhatIsCalledAToyButIsNotForChildren) {
  EXPECT_NE(Name(Classify("Dog Chew Toy Rubber Ball for Pets")), "toy");
  EXPECT_NE(Name(Classify("Jigsaw Puzzle 1000 Pieces, Adults Only")), "toy");
  EXPECT_NE(Name(Classify("Christmas Tree Toy Ornament Glass Bauble Set")), "toy");
  EXPECT_NE(Name(Classify("Metal Model Kit 3D Puzzle 14+")), "toy");
  EXPECT_NE(Name(Classify("Toy Poodle Dog Harness")), "toy");
  EXPECT_EQ(Name(Classify("Jigsaw Puzzle for Kids 3+")), "toy");
  EXPECT_EQ(Name(Classify("Toy Story Woody Doll 30cm")), "toy");  // the doll
  // Still toys: a toy shaped like a pet, a game for adults and children, a
  // baby's age in months, a toy that is a book.
  for (const char* toy : {"Robot Dog Toy for Kids 3+", "Board Game for Adults and Kids", "Kids Toy Phone 18+ Months Musical",
                          "Building Blocks Set 14+ Pieces for Kids 6-12", "Baby Soft Toy Book", "Kids Toy Case Doctor Kit",
                          "Dog Toy Plush for Kids (not for pets)"})
    EXPECT_EQ(Name(Classify(toy)), "toy") << toy;
}

// Set-aside words that are the product's own: a lipstick's shade, a skin
// cream, a titled product with its accessory word in the middle, a device
// named after what it is compatible with.
TEST_F(ClassifierTest, SetAsideWordsDoNotHideTheProductItself) {
  const std::pair<const char*, const char*> cases[] = {
      {"Lipstick Shade 03 Ruby Red", "cosmetic"},
      {"Moisturizer Skin Cream 50ml", "cosmetic"},
      {"Duvet Cover Set King Size", "textile"},
      {"Compatible with iPhone 15 Pro Max Power Bank 10000mAh", "power_bank"},
      {"Compatible with Samsung Galaxy S24 25W Super Fast Charger", "charger"},
      {"Electric Toothbrush Case Sonic Rechargeable 5 Modes", "household_appliance"},
      {"适用于华为 充电宝 10000毫安", "power_bank"},
      {"吹风机 带收纳包", "household_appliance"},
  };
  for (const auto& [title, want] : cases) EXPECT_EQ(Name(Classify(title)), want) << title;
}

// A term inside a longer one that names another category outright is part
// of that product's name: "水壶" (a kettle, food contact) in "电热水壶" (an
// electric kettle), "blanket" (textile) in "electric blanket", "laptop" in
// "laptop charger". Where it stands alone it counts.
TEST_F(ClassifierTest, AWordInsideAnotherProductsNameIsPartOfThatName) {
  const std::pair<const char*, const char*> cases[] = {
      {"电热水壶 1.7升", "household_appliance"},
      {"Electric Blanket Double", "household_appliance"},
      {"65W GaN USB-C laptop charger", "charger"},
      {"Bluetooth Headphones Over Ear Noise Cancelling", "radio_device"},
  };
  for (const auto& [title, want] : cases) {
    const Classification c = Classify(title);
    EXPECT_EQ(Name(c), want) << title;
    EXPECT_GE(c.confidence, Classifier::kConfidentAt) << title;
  }
  const Classification kettle = Classify("电热水壶 1.7升");
  EXPECT_NE(std::find(kettle.set_aside.begin(), kettle.set_aside.end(), "title: '水壶' (in '电热水壶')"), kettle.set_aside.end());
  EXPECT_EQ(Inferred(kettle, "food_contact"), 1);  // what the word sets still holds
  // A longer term that only hints (weight under 3) takes nothing: a stovetop
  // kettle is food contact.
  EXPECT_EQ(Name(Classify("不锈钢烧水壶 3升")), "food_contact");
  EXPECT_EQ(Name(Classify("Wool Blanket Double")), "textile");
}

// Lights built into another product are set aside, unless the product's
// own name holds them: a pre-lit tree carries a lighting chain; a makeup
// mirror is neither a lamp nor a cosmetic.
TEST_F(ClassifierTest, APreLitTreeIsALightingChainAndAMakeupMirrorNoCosmetic) {
  for (const char* title : {"Christmas Tree with LED Lights", "Pre-lit Christmas Tree 6ft", "Christmas Tree Lights 200 LED"})
    EXPECT_EQ(Name(Classify(title)), "led_lamp") << title;
  EXPECT_EQ(Name(Classify("Kids Backpack with LED Lights")), "none");
  EXPECT_EQ(Name(Classify("Makeup Mirror with LED Lights")), "none");
  // The same in the languages sellers write.
  for (const char* title : {"Künstlicher Weihnachtsbaum mit LED Beleuchtung 180 cm", "Sapin de Noël artificiel lumineux 180 cm LED",
                            "Sapin de Noël avec lumières LED", "Árbol de Navidad artificial con luces LED 180 cm", "带灯圣诞树 180cm LED",
                            "圣诞树 带LED灯 180cm", "Pre lit Christmas Tree 6ft"})
    EXPECT_EQ(Name(Classify(title)), "led_lamp") << title;
  for (const char* title : {"Schminkspiegel mit LED Beleuchtung", "Kinder Rucksack mit LED", "Miroir avec LED", "Mochila con luces LED",
                            "Miroir de maquillage avec lumières LED", "化妆镜 带LED灯"})
    EXPECT_EQ(Name(Classify(title)), "none") << title;
  for (const char* title : {"Deckenleuchte mit LED 24W", "Lámpara de techo con LED", "Plafonnier avec éclairage LED"})
    EXPECT_EQ(Name(Classify(title)), "led_lamp") << title;
  for (const char* title : {"Miroir de maquillage", "Trousse de maquillage", "Espejo de maquillaje", "Neceser de maquillaje"})
    EXPECT_EQ(Name(Classify(title)), "none") << title;
  EXPECT_EQ(Name(Classify("Base de maquillaje fluida 30 ml")), "cosmetic");
  EXPECT_EQ(Name(Classify("Makeup Remover Wipes")), "cosmetic");
}

// A cable is no charger however fast it charges; a charger sold with one is.
TEST_F(ClassifierTest, ACableIsNoCharger) {
  for (const char* title : {"USB C Cable 2m Fast Charging", "Type-C Cable 3A Fast Charging", "Lightning Cable 1m"})
    EXPECT_EQ(Name(Classify(title)), "consumer_electronics") << title;
  EXPECT_EQ(Name(Classify("USB C Charger with USB C Cable 20W")), "charger");
  for (const char* title : {"USB C Kabel 2m", "Typ-C Ladekabel 2m", "HDMI Kabel 4K", "Câble Lightning 1m", "Cable tipo C 2m"})
    EXPECT_EQ(Name(Classify(title)), "consumer_electronics") << title;
  for (const char* title : {"Ladegerät mit Ladekabel USB C 20W", "USB C Ladegerät 20W mit USB-C Kabel"})
    EXPECT_EQ(Name(Classify(title)), "charger") << title;
}

// A charger or power supply in the box is not what the listing sells; a
// charger named before "with" still is.
TEST_F(ClassifierTest, AChargerInTheBoxIsNotTheProduct) {
  for (const char* title : {"LED Pflanzenlampe Vollspektrum 45W Grow Light mit Netzteil", "LED Grow Light 45W with Power Supply",
                            "LED-Streifen 5m RGB mit Netzteil", "Lampe horticole LED 45W avec chargeur"})
    EXPECT_EQ(Name(Classify(title)), "led_lamp") << title;
  for (const char* title : {"Cordless Stick Vacuum 25kPa with Charger", "Akku-Staubsauger kabellos mit Ladegerät",
                            "Aspirapolvere senza fili con caricabatterie", "Odkurzacz bezprzewodowy z ładowarką"})
    EXPECT_EQ(Name(Classify(title)), "household_appliance") << title;
  for (const char* title : {"USB C Charger 20W with Power Supply Cable", "Ladegerät 65W mit Netzteil-Kabel", "Wall Charger with Charger Cable"})
    EXPECT_EQ(Name(Classify(title)), "charger") << title;
}

// The radio equipment types that must take a USB Type-C charger are read
// from the words that name them; other rechargeable radio products are not.
TEST_F(ClassifierTest, CommonChargerTypesAreReadFromTheirNames) {
  EXPECT_EQ(Inferred(Classify("Bluetooth Earbuds TWS 5.3, 40h playtime"), "common_charger_type"), 1);
  EXPECT_EQ(Inferred(Classify("蓝牙耳机 降噪"), "common_charger_type"), 1);
  EXPECT_EQ(Inferred(Classify("Walkie Talkie 2 Pack Rechargeable"), "common_charger_type"), -1);
}

// Electrical whatever the supply: the words, and ratings in watts or volts;
// not a pan for electric hobs, a colour, a width or a refillable perfume.
TEST_F(ClassifierTest, ElectricalProductsAreReadAsSuch) {
  for (const char* title : {"Coffee Mug Warmer Electric for Desk", "Coffee Mug Warmer for Desk 20W", "USB Cup Warmer 5V",
                            "Heated Lunch Box Food Warmer", "Tasse chauffante USB", "电热杯 保温杯垫", "Elektrische Brotdose",
                            "Fiambrera eléctrica", "Portapranzo elettrico", "Rechargeable Milk Frother 15 watts",
                            "Caneca aquecida USB", "Lancheira elétrica portátil", "Podgrzewany kubek USB",
                            "Elektryczny pojemnik na lunch", "Oplaadbare melkopschuimer", "Verwarmde lunchbox"})
    EXPECT_EQ(Inferred(Classify(title), "electrical"), 1) << title;
  for (const char* title : {"Non-Stick Frying Pan 28cm, suitable for gas, electric and induction hobs",
                            "Saucepan for Gas/Electric/Induction", "Glass Teapot for electric stove", "Electric Blue Cotton T-Shirt",
                            "Rug 160W x 230L cm Cotton", "Motor Oil 10W-40", "Lunch Box 3 Pack w/ Lids",
                            "Eau de Parfum Rechargeable 100ml", "Manual Non-Electric Coffee Grinder",
                            "Glass Food Container, microwave safe up to 800W", "Boîte repas micro-ondes 700 W",
                            "Vacuum Insulated Food Jar, keeps food heated for 7 hours",
                            "Stainless Steel Lunch Box, suitable for electric lunch box heater", "Lipstick Matte Electric Red 3.5g",
                            "Rouge à lèvres Rouge Électrique 3,5 g", "Rossetto rosso elettrico lunga durata",
                            "Poêle 28 cm, tous feux dont plaques électriques et induction", "Ceramic Coffee Mug 350ml",
                            "Koekenpan 28 cm, geschikt voor gas, elektrisch en inductie", "Frigideira 28 cm para indução, gás e elétrico",
                            "Patelnia 28 cm na kuchenki gazowe, elektryczne i indukcyjne", "T-shirt de algodão azul elétrico",
                            "Batom rosa elétrico 3,5 g"})
    EXPECT_EQ(Inferred(Classify(title), "electrical"), -1) << title;
  const Classification pan = Classify("Frying Pan for gas, electric and induction hobs");
  EXPECT_NE(std::find(pan.set_aside.begin(), pan.set_aside.end(), "title: 'electric' (with 'induction')"), pan.set_aside.end());
}

// A phone case with a battery that charges the phone is a power bank; a box
// for AA cells is not.
TEST_F(ClassifierTest, ABatteryCaseWithACapacityIsAPowerBank) {
  EXPECT_EQ(Name(Classify("Battery Case 6000mAh Rechargeable Charging Case for Samsung S24")), "power_bank");
  EXPECT_EQ(Name(Classify("Smart Battery Case for iPhone 15")), "power_bank");
  EXPECT_EQ(Name(Classify("AA Battery Case Holder 4 Slots")), "none");
  EXPECT_EQ(Name(Classify("Battery Storage Case Organizer with Tester")), "none");
}

// Heated clothing is clothing (that says it is electrical), not the power
// bank its "battery pack" would make it.
TEST_F(ClassifierTest, HeatedClothingIsClothing) {
  const Classification jacket = Classify("Heated Jacket for Men with Battery Pack 7.4V");
  EXPECT_EQ(Name(jacket), "textile");
  EXPECT_EQ(Inferred(jacket, "electrical"), 1);
  EXPECT_EQ(Name(Classify("USB Heated Vest Women, Washable")), "textile");
}

TEST_F(ClassifierTest, NothingToGoOnGivesNoCategory) {
  const Classification c = Classify("Item 42");
  EXPECT_EQ(c.source, Classification::Source::kNone);
  EXPECT_EQ(c.confidence, 0);
}

// Keyword lists in several files: the main one names the others.
class KeywordFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("conform_keywords_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_ / "keywords");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }
  Result<Classifier> Load() {
    return Classifier::Load(ShippedKnowledgeBase().vocabulary(), CONFORM_SHIPPED_DATA_DIR "/classify/hs.yaml",
                            (dir_ / "keywords.yaml").string());
  }
  double Toy(const Classifier& c, std::string_view title) {
    return c.TermScores(title, "")[*ShippedKnowledgeBase().vocabulary().FindCategory("toy")];
  }
  std::filesystem::path dir_;
};

TEST_F(KeywordFilesTest, ATermListedInTwoFilesCountsOnceWithItsLargerWeight) {
  Write("keywords.yaml",
        "schema: conform-keywords/1\n"
        "more_languages: [keywords/fr.yaml, keywords/it.yaml]\n"
        "categories:\n  toy:\n    - {term: \"peluche\", weight: 2}\n");
  Write("keywords/fr.yaml",
        "schema: conform-keywords/1\nlanguage: French\n"
        "categories:\n  toy:\n    - {term: \"Peluche\", weight: 3}\n    - {term: \"jouet\", weight: 3}\n"
        "children: [\"enfant\"]\n");
  Write("keywords/it.yaml",
        "schema: conform-keywords/1\nlanguage: Italian\n"
        "categories:\n  toy:\n    - {term: \"peluche\", weight: 1}\n    - {term: \"giocattolo\", weight: 3}\n");
  auto c = Load();
  ASSERT_TRUE(c.ok()) << c.error().ToString();
  EXPECT_EQ(Toy(c.value(), "peluche lapin"), 3);
  EXPECT_EQ(Toy(c.value(), "jouet en bois"), 3);
  EXPECT_EQ(Toy(c.value(), "giocattolo"), 3);
}

TEST_F(KeywordFilesTest, ABadLanguageFileIsReportedWithItsName) {
  Write("keywords.yaml", "schema: conform-keywords/1\nmore_languages: [keywords/de.yaml, keywords/xx.yaml]\ncategories: {}\n");
  Write("keywords/de.yaml",
        "schema: conform-keywords/1\n"  // no language
        "more_languages: [x.yaml]\n"      // only the main file names others
        "categories:\n  spielzeug:\n    - {term: \"spielzeug\", weight: 3}\n");
  auto c = Load();
  ASSERT_FALSE(c.ok());
  const std::string message = c.error().ToString();
  EXPECT_NE(message.find("keywords/de.yaml"), std::string::npos) << message;
  EXPECT_NE(message.find("'language'"), std::string::npos) << message;
  EXPECT_NE(message.find("more_languages"), std::string::npos) << message;
  EXPECT_NE(message.find("unknown category 'spielzeug'"), std::string::npos) << message;
  EXPECT_NE(message.find("keywords/xx.yaml"), std::string::npos) << message;  // missing
}

// A set-aside phrase is skipped where it is found: one that is also a
// term that counts is refused, naming it.
TEST_F(KeywordFilesTest, APhraseThatIsAlsoATermIsRefused) {
  Write("keywords.yaml",
        "schema: conform-keywords/1\n"
        "categories:\n  toy:\n    - {term: \"toy box\", weight: 3}\n"
        "set_aside:\n  before:\n    - \"Toy Box\"\n");
  auto c = Load();
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.error().ToString().find("'toy box' is both a set-aside phrase"), std::string::npos) << c.error().ToString();
}

}  // namespace
}  // namespace conform

namespace conform {
namespace {

// Splits one CSV line (RFC 4180 quoting, no line breaks inside fields).
std::vector<std::string> CsvFields(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') out.back() += '"', ++i;
      else if (c == '"') quoted = false;
      else out.back() += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else if (c != '\r') {
      out.back() += c;
    }
  }
  return out;
}

// Every code in the HS map exists in the HS 2022 nomenclature, with the
// description the map gives. Needs the nomenclature beside the repository.
TEST(HsMapTest, CodesAndDescriptionsAreThoseOfHs2022) {
  std::ifstream nomenclature(CONFORM_SHARED_TESTDATA_DIR "/hs-codes/harmonized-system.csv");
  if (!nomenclature) GTEST_SKIP() << "HS 2022 nomenclature not found under " CONFORM_SHARED_TESTDATA_DIR "/hs-codes";
  std::map<std::string, std::string> hs;
  std::string line;
  while (std::getline(nomenclature, line)) {
    const auto f = CsvFields(line);
    if (f.size() >= 3) hs[f[1]] = f[2];
  }
  ASSERT_GT(hs.size(), 5000u);
  std::ifstream map(CONFORM_SHIPPED_DATA_DIR "/classify/hs.yaml");
  ASSERT_TRUE(map);
  std::string code;
  int checked = 0;
  const auto unquote = [](std::string s) {
    if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) s = s.substr(1, s.size() - 2);
    return s;
  };
  while (std::getline(map, line)) {
    if (const size_t p = line.find("- code: "); p != std::string::npos) {
      code = unquote(line.substr(p + 8));
      EXPECT_TRUE(hs.count(code)) << "HS code " << code << " is not in HS 2022";
    } else if (const size_t d = line.find("description: "); d != std::string::npos && !code.empty() && hs.count(code)) {
      std::string text = unquote(line.substr(d + 13));
      for (size_t q = text.find("\\\""); q != std::string::npos; q = text.find("\\\"")) text.replace(q, 2, "\"");
      EXPECT_EQ(text, hs[code]) << code;
      ++checked;
      code.clear();
    }
  }
  EXPECT_GT(checked, 200);
}

}  // namespace
}  // namespace conform
