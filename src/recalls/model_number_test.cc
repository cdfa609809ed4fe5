#include "conform/recalls/model_number.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "digit_scan.h"

namespace conform::recalls {
namespace {

std::vector<std::string> Codes(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& c : ExtractModelCodes(text)) out.push_back(c.normalized);
  return out;
}

std::vector<std::string> Specs(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& s : ExtractCodesAndSpecs(text).specs) out.push_back(s.normalized);
  return out;
}

using Strings = std::vector<std::string>;

TEST(ModelNumberTest, FindsCodesWithAndWithoutSeparators) {
  EXPECT_EQ(Codes("Sony Bravia KDL-40EX500 40\" LCD TV"), Strings({"KDL40EX500"}));
  EXPECT_EQ(Codes("Sony WH-1000XM4 Wireless Headphones, Black"), Strings({"WH1000XM4"}));
  EXPECT_EQ(Codes("Sony MDR7506 Professional Headphones"), Strings({"MDR7506"}));
  EXPECT_EQ(Codes("replacement lamp SX-12/B"), Strings({"SX12B"}));
  EXPECT_EQ(Codes("toshiba ph3100u-1e3s 1tb usb 3.0 desktop hard drive"), Strings({"PH3100U1E3S"}));
  EXPECT_EQ(Codes("xerox 108r00645 imaging unit for phaser 6300 and 6350 printer"), Strings({"108R00645"}));
  EXPECT_EQ(Codes("netgear xav5001-100nas"), Strings({"XAV5001100NAS"}));
  EXPECT_EQ(Codes("speck products seethru case mb13-pnk-see-v2"), Strings({"MB13PNKSEEV2"}));
  EXPECT_EQ(Codes("premium compatible hp-q6511x toner"), Strings({"HPQ6511X"}));
  EXPECT_EQ(Codes("Canon EOS 700D body"), Strings({"700D"}));
  EXPECT_EQ(Codes("intel core i7-4770k"), Strings({"I74770K"}));
}

TEST(ModelNumberTest, LongDigitRunsAreCodes) {
  EXPECT_EQ(Codes("logitech harmony universal remote 966193"), Strings({"966193"}));
  EXPECT_EQ(Codes("encore software 11052 hoyle"), Strings({"11052"}));
  EXPECT_EQ(Codes("UPC 0-12345-67890-5"), Strings({"012345678905"}));
  // Short numbers, round quantities, decimals and lists are not.
  EXPECT_TRUE(Codes("harmony 890 remote, 13.5 megapixel, 1999.99").empty());
  EXPECT_TRUE(Codes("hp 12000 pages; 50000 hours").empty());
  EXPECT_TRUE(Codes("10/100/1000 ethernet").empty());
}

TEST(ModelNumberTest, YearsAreNotCodes) {
  EXPECT_TRUE(Codes("microsoft office 2007 upgrade").empty());
  EXPECT_TRUE(Codes("season 2019-2020").empty());
  EXPECT_TRUE(Codes("new for 2019").empty());
}

TEST(ModelNumberTest, UnitsAndInterfacesAreSpecsNotCodes) {
  const std::string text = "500W 12V 64GB 1080p 3.5mm 2.4GHz USB3.0 20000mAh 4-in-1 8.5x11 15.6-inch 4K 3D 2nd 10x";
  EXPECT_TRUE(Codes(text).empty()) << ::testing::PrintToString(Codes(text));
  EXPECT_EQ(Specs(text), Strings({"500W", "12V", "64GB", "1080P", "3.5MM", "2.4GHZ", "USB3.0", "20000MAH", "4IN1",
                                  "8.5X11", "15.6INCH", "4K", "3D", "2ND", "10X"}));
  EXPECT_EQ(Specs("HDMI 1.4 cable, Cat6a, MP3, mpeg-4, IP68, DDR3L, 802.11ac"),
            Strings({"CAT6A", "MP3", "MPEG4", "IP68", "DDR3L", "802.11AC"}));
  EXPECT_TRUE(Codes("HDMI 1.4 cable, Cat6a, MP3, mpeg-4, IP68, DDR3L, 802.11ac, ps/2").empty());
  // One letter, a number and letters after it is a maker's code.
  EXPECT_EQ(Codes("Fujifilm X100V digital camera"), Strings({"X100V"}));
  EXPECT_EQ(Specs("H264 encoder, H7 bulb, V2.1, F2.8"), Strings({"H264", "H7", "V2.1", "F2.8"}));
  // A count of USB ports ("6USB stand charger").
  EXPECT_TRUE(Codes("6USB stand charger, 10USB hub").empty());
  EXPECT_EQ(Specs("6USB stand charger, 10USB hub"), Strings({"6USB", "10USB"}));
  // Units and counted parts spelled out, and measures said of the product.
  EXPECT_TRUE(Codes("Predator 2000-Watt Power Station, 1545-Watt LiFePO4 battery, 15-Drawer dresser, 3-Burner grill").empty())
      << ::testing::PrintToString(Codes("Predator 2000-Watt Power Station, 1545-Watt LiFePO4 battery, 15-Drawer dresser, 3-Burner grill"));
  EXPECT_TRUE(Codes("a 200-foot-long hose for a 5-year-old").empty());
  // A vehicle's model year and drive.
  EXPECT_TRUE(Codes("Harley-Davidson Low Rider ST MY22, Mercedes 4MATIC").empty());
  // A drive is no code; the models beside it ("X3", "118i", "i4") are too
  // short to be ones.
  EXPECT_TRUE(Codes("BMW X3 xDrive30i, 118i sDrive18i, i4 eDrive40").empty())
      << ::testing::PrintToString(Codes("BMW X3 xDrive30i, 118i sDrive18i, i4 eDrive40"));
  EXPECT_EQ(Codes("BMW X5 xDrive45e, charger EV2210 for the i5 eDrive40"), Strings({"EV2210"}));
  EXPECT_EQ(Codes("Mytek MY1500 space heater"), Strings({"MY1500"}));
  // Model years as a range ("MY22-24 FXLRST", a Safety Gate alert's
  // description) are no code "MY2224" either; a code that opens like one
  // stays a code.
  EXPECT_TRUE(Codes("MY22-24 FXLRST (Low Rider ST), MY2022/2023, MY 22-23").empty())
      << ::testing::PrintToString(Codes("MY22-24 FXLRST (Low Rider ST), MY2022/2023, MY 22-23"));
  EXPECT_EQ(Codes("Mytek MY1500-20 heater, MY22-B40"), Strings({"MY150020", "MY22B40"}));
}

TEST(ModelNumberTest, ACodeWrittenWithPointsIsOneCode) {
  EXPECT_EQ(Codes("Petit Collage xylophone TT.1902.0617"), Strings({"TT19020617"}));
  EXPECT_EQ(Codes("IKEA lamp 304.558.13"), Strings({"30455813"}));
  EXPECT_EQ(Specs("Lens 1.8 and 3.5mm jack"), Strings({"3.5MM"}));
  EXPECT_TRUE(Codes("made 12.03.2024, version 1.2.3, firmware 2.10.15").empty())
      << ::testing::PrintToString(Codes("made 12.03.2024, version 1.2.3, firmware 2.10.15"));
}

TEST(ModelNumberTest, MixedSpecsAreSplitNotGluedIntoACode) {
  EXPECT_TRUE(Codes("1080p/24fps output").empty());
  EXPECT_EQ(Specs("1080p/24fps output"), Strings({"1080P", "24FPS"}));
  EXPECT_EQ(Specs("dual band 2.4ghz/5ghz"), Strings({"2.4GHZ", "5GHZ"}));
  EXPECT_TRUE(Codes("lens f/3.5-5.6 18-55mm").empty());
  EXPECT_EQ(Codes("charger 5v/2a model ab-1234"), Strings({"AB1234"}));
  EXPECT_EQ(Specs("100-240V input"), Strings({"240V"}));
}

TEST(ModelNumberTest, LetterPrefixAndNumberWithUnitLetterIsACode) {
  EXPECT_EQ(Codes("Charger QC-65A recalled"), Strings({"QC65A"}));
  EXPECT_EQ(Codes("type AB-12C, AB-12D and hd-150s"), Strings({"AB12C", "AB12D", "HD150S"}));
  EXPECT_EQ(ExtractModelCodes("model AB-12C")[0].stem, "AB12");
  // Four digits too: "2000S" would be 2000 seconds.
  EXPECT_EQ(Codes("Power Bank 20000mAh PB-2000S, TB-2000S"), Strings({"PB2000S", "TB2000S"}));
  // A word that qualifies a quantity keeps it a spec.
  EXPECT_TRUE(Codes("AC-220V DC-12V PD-65W QC-18W LED-10W max-40C").empty());
  EXPECT_EQ(Specs("AC-220V QC-18W"), Strings({"220V", "18W"}));
  // Longer prefixes and quantities with longer units are judged as before.
  EXPECT_TRUE(Codes("lens f/3.5-5.6 18-55mm").empty());
  EXPECT_EQ(Codes("charger 5v/2a model ab-1234"), Strings({"AB1234"}));
}

// Wholesale listings give several models with slashes: each is a code.
TEST(ModelNumberTest, CodesListedWithSlashesAreEachACode) {
  EXPECT_EQ(Codes("Model: E33A/E34B/E35C"), Strings({"E33A", "E34B", "E35C"}));
  EXPECT_EQ(Codes("RH99F2U1/RH99A2U1, QC-65A/QC-65B"), Strings({"RH99F2U1", "RH99A2U1", "QC65A", "QC65B"}));
  EXPECT_EQ(Codes("E33A/E34"), Strings({"E33A", "E34"}));
  // A group without digits is the code's suffix; numbers, specs and short
  // groups are read as before.
  EXPECT_EQ(Codes("SX-12/B and HD-2200X/EU"), Strings({"SX12B", "HD2200XEU"}));
  EXPECT_EQ(Codes("40041/40003"), Strings({"40041", "40003"}));
  EXPECT_TRUE(Codes("5v/2a 1080p/24fps ps4/ps5").empty());
  EXPECT_EQ(Codes("A4/A5"), Strings({"A4A5"}));
}

TEST(ModelNumberTest, ShortOrLetterOnlyTokensAreNotCodes) {
  EXPECT_TRUE(Codes("blu-ray dvd/cd player wi-fi usb-c a4 x5").empty());
  EXPECT_TRUE(Codes("iphone 4 case").empty());
}

TEST(ModelNumberTest, CandidatesWithoutDigitsAreNeitherCodesNorSpecs) {
  const CodesAndSpecs found = ExtractCodesAndSpecs("USB-C cable, X-Large, Wi-Fi/Bluetooth, A-B-C, e.g.");
  EXPECT_TRUE(found.codes.empty());
  EXPECT_TRUE(found.specs.empty());
  EXPECT_EQ(Specs("usb-c cable 64gb"), Strings({"64GB"}));
  EXPECT_EQ(Codes("charger QC-65A black"), Strings({"QC65A"}));
}

TEST(ModelNumberTest, StemDropsFinishAndRegionLetters) {
  const auto codes = ExtractModelCodes("lg lds4821ww dishwasher; nikon coolpixp6000bk; SX-12/B; 144952");
  ASSERT_EQ(codes.size(), 4u);
  EXPECT_EQ(codes[0].stem, "LDS4821");
  EXPECT_EQ(codes[1].stem, "COOLPIXP6000");
  EXPECT_EQ(codes[2].stem, "SX12");
  EXPECT_EQ(codes[3].stem, "");  // digits only: nothing to drop
  // Not when the letters are most of the code, or the rest is too short.
  EXPECT_EQ(ExtractModelCodes("p6bk")[0].stem, "");
  EXPECT_EQ(ExtractModelCodes("wfw9200swhite")[0].stem, "");
}

TEST(ModelNumberTest, OffsetsPointAtTheCodeAsWritten) {
  const std::string text = "Sony KDL-40EX500 TV";
  const auto codes = ExtractModelCodes(text);
  ASSERT_EQ(codes.size(), 1u);
  EXPECT_EQ(text.substr(codes[0].offset, codes[0].length), "KDL-40EX500");
}

TEST(ModelNumberTest, CompactAlnumKeepsOnlyAsciiLettersAndDigits) {
  EXPECT_EQ(CompactAlnum("\xc3\xbc-kdl 40ex500/b"), "KDL40EX500B");
  EXPECT_EQ(CompactAlnum(""), "");
  EXPECT_EQ(CompactAlnum(" -/. "), "");
  EXPECT_EQ(CompactAlnum(std::string("a\0b", 3)), "AB");
}

TEST(ModelNumberTest, CompactAlnumAndLooksLikeModelCode) {
  EXPECT_EQ(CompactAlnum("kdl 40-ex/500."), "KDL40EX500");
  EXPECT_TRUE(LooksLikeModelCode("WH-1000XM4"));
  EXPECT_TRUE(LooksLikeModelCode("108r00645"));
  EXPECT_FALSE(LooksLikeModelCode("64GB"));
  EXPECT_FALSE(LooksLikeModelCode("2019"));
  EXPECT_FALSE(LooksLikeModelCode("headphones"));
  EXPECT_FALSE(LooksLikeModelCode("KDL-40EX500 TV"));
}

TEST(ModelNumberTest, WholeCompactCodeAgreesWithTheScanner) {
  // Codes, stems, specs, bare numbers, years, words, one-character and empty
  // texts, and long runs: IsWholeCompactCode says what the scan finds.
  const std::vector<std::string> texts = {
      "", "A", "7", "AB", "A1", "KDL40EX500", "LDS4821WW", "SX12B", "64GB", "USB30", "1080P", "4IN1", "12X18", "12345",
      "12000", "2019", "QC65A", "CAT6A", "KETTLE", "NZC7432Q", "NZC58H", "I1237", "CIM1237R", "802", "80211AC", "IP68",
      "V2", "MPEG4", "3D", "700D", "WH1000XM4", std::string(300, '9'), std::string(100, 'A') + "1", "X1", "1X", "ABC1DEF",
  };
  for (const std::string& text : texts) {
    const auto codes = ExtractModelCodes(text);
    const bool whole = !codes.empty() && codes[0].normalized == text;
    std::string stem = "stale";
    EXPECT_EQ(IsWholeCompactCode(text, &stem), whole) << text;
    EXPECT_EQ(stem, whole ? codes[0].stem : "") << text;
  }
}

TEST(FindDigitTest, FindsTheFirstDigitFromAPosition) {
  EXPECT_EQ(FindDigit("", 0), 0u);
  EXPECT_EQ(FindDigit("abc", 0), 3u);
  EXPECT_EQ(FindDigit("abc", 5), 3u);
  EXPECT_EQ(FindDigit("7", 0), 0u);
  EXPECT_EQ(FindDigit("abcdefghijklmnopq9", 0), 17u);  // after two whole blocks
  EXPECT_EQ(FindDigit("1bcdefgh2", 1), 8u);
  // Bytes next to the digits' range, bytes below 10 and non-ASCII bytes are
  // not digits; a digit after them in the same block is found.
  const std::string_view near("/:\x00\x09\x80\xb0\xb9 z5", 10);
  EXPECT_EQ(FindDigit(near, 0), 9u);
  // Every position of every digit in a long text of letters.
  for (size_t at = 0; at < 40; ++at) {
    std::string text(40, 'x');
    text[at] = static_cast<char>('0' + at % 10);
    for (size_t from = 0; from <= at; ++from) EXPECT_EQ(FindDigit(text, from), at) << at << " " << from;
    EXPECT_EQ(FindDigit(text, at + 1), text.size());
  }
}

TEST(ModelNumberTest, CandidatesAreFoundFromTheirStartWhereverTheDigitIs) {
  // The digit late in a long candidate, after joiners, at the text's ends,
  // and next to joiners that join nothing.
  EXPECT_EQ(Codes("abcdefghijk-lmnop-q12"), (std::vector<std::string>{"ABCDEFGHIJKLMNOPQ12"}));
  EXPECT_EQ(Codes("KDL-40EX500"), (std::vector<std::string>{"KDL40EX500"}));
  EXPECT_EQ(Codes("tv kdl-40ex500"), (std::vector<std::string>{"KDL40EX500"}));
  EXPECT_EQ(Codes("word--ab12 -cd34- ef/-56gh"), (std::vector<std::string>{"AB12", "CD34", "56GH"}));
  EXPECT_EQ(Codes("plain words only, no digits at all in here"), std::vector<std::string>{});
  EXPECT_EQ(Codes(""), std::vector<std::string>{});
  EXPECT_EQ(Codes("a1"), std::vector<std::string>{});
  EXPECT_EQ(Codes("ab1"), (std::vector<std::string>{"AB1"}));
  // Non-ASCII bytes end a candidate as any other separator does.
  EXPECT_EQ(Codes("caf\xc3\xa9y200 \xc3\xa9" "ab-300"), (std::vector<std::string>{"Y200", "AB300"}));
  const CodesAndSpecs found = ExtractCodesAndSpecs("a long description without numbers, then 64GB and SX-12/B");
  ASSERT_EQ(found.specs.size(), 1u);
  EXPECT_EQ(found.specs[0].normalized, "64GB");
  ASSERT_EQ(found.codes.size(), 1u);
  EXPECT_EQ(found.codes[0].normalized, "SX12B");
  EXPECT_EQ(found.codes[0].offset, std::string_view("a long description without numbers, then 64GB and ").size());
}

TEST(ModelAttributeTest, NamesAModelUnlessAPlaceholderYearSpecOrWords) {
  for (const char* model : {"KDL-40EX500", "kdl 40ex500", "WPEUSDVDRT", "cs-nt-phan-wnr", "7653", "Model: JT-4410 (all colours)", "ＱＣ－６５Ａ",
                            "CO-10W", "RTK-5469W", "FNL14W", "KN-12W", "ivisa 50 light", "scg 2", "epsw/16gb -2.0"})
    EXPECT_TRUE(ModelAttributeNamesAModel(model)) << model;
  for (const char* model : {"Various", "UNKNOWN", "n/a", "Standard", "2024", "USB-C", "Type-C", "HDMI", "4-in-1", "2-pack", "matte white",
                            "various models", "ab", "", "USB-C 2.0", "2-pack 4-in-1", "model 2024"})
    EXPECT_FALSE(ModelAttributeNamesAModel(model)) << model;
}

TEST(LabelledModelNumbersTest, ReadsTheModelsProseNames) {
  using Models = std::vector<std::string>;
  // As CPSC writes them.
  EXPECT_EQ(LabelledModelNumbers("This recall involves BenQ-branded portable projectors, model GV31. The white projectors"), Models{"GV31"});
  EXPECT_EQ(LabelledModelNumbers("Flaunt MagSafe Battery Charger power banks with model number E33A. \"FLAUNT\" is engraved"), Models{"E33A"});
  EXPECT_EQ(LabelledModelNumbers("with \"Model No: UMCDB01\" printed on a stacked label"), Models{"UMCDB01"});
  EXPECT_EQ(LabelledModelNumbers("Sloosh dive sticks, model 40041(previously recalled) and models 40003 and 16154. The model numbers"),
            (Models{"40041", "40003", "16154"}));
  EXPECT_EQ(LabelledModelNumbers("Fire Pits with model number BSFIREPIT01 (UPC code 680079015930); BSFIREPIT02 (UPC code 680079015947); and "
                                 "BSFIREPIT03 (UPC code 680079015954). They"),
            (Models{"BSFIREPIT01", "BSFIREPIT02", "BSFIREPIT03"}));
  EXPECT_EQ(LabelledModelNumbers("item number 1234-567, style number AB12 or CD34"), (Models{"1234-567", "AB12", "CD34"}));
  // A variation listing's models, parted by slashes or bars.
  EXPECT_EQ(LabelledModelNumbers("Model: GV11 | GV31 | GS50. Bluetooth speaker"), (Models{"GV11", "GV31", "GS50"}));
  EXPECT_EQ(LabelledModelNumbers("Model: E32A / E33A / E36A"), (Models{"E32A", "E33A", "E36A"}));
  EXPECT_EQ(LabelledModelNumbers("型号：E32A / E33A"), (Models{"E32A", "E33A"}));
  // Not when words follow the list in its clause: an accessory naming what
  // it is for.
  EXPECT_EQ(LabelledModelNumbers("Model: LC-31 | GV31 lens cap"), Models{"LC-31"});
  EXPECT_EQ(LabelledModelNumbers("Model: GVM-1 / GV31 ceiling mount. Steel"), Models{"GVM-1"});
  EXPECT_EQ(LabelledModelNumbers("Model: GV11 | GV31\nBluetooth speaker"), (Models{"GV11", "GV31"}));
  // A word naming another model of the range is part of the model.
  EXPECT_EQ(LabelledModelNumbers("Model: HD-2200X Plus"), Models{"HD-2200X Plus"});
  EXPECT_EQ(LabelledModelNumbers("models HD-2200X Pro and HD-2200X. Sold"), (Models{"HD-2200X Pro", "HD-2200X"}));
  EXPECT_EQ(LabelledModelNumbers("model HD-2200X. Pro stylists"), Models{"HD-2200X"});
  EXPECT_EQ(LabelledModelNumbers("Model: HD-2200X Pro, black"), Models{"HD-2200X Pro"});
  // Not the next line's first word, nor a word that opens a phrase.
  for (const char* text : {"This recall involves Breezo curling irons, model number HD-2200X\nMax temperature is 220 C.",
                           "Model: HD-2200X\nPro tip: use low heat", "Modell: HD-2200X\r\nMax. Leistung: 2000 W",
                           "Model: HD-2200X Max power 2000 W", "Model: HD-2200X Mini diffuser included"})
    EXPECT_EQ(LabelledModelNumbers(text), Models{"HD-2200X"}) << text;
  EXPECT_EQ(LabelledModelNumbers("Only refrigerators with one of the following model numbers are included in this recall: BCD-215V-62H, "
                                 "GLR76TRDER or GLR76TWEER. \"Galanz,\" the model number and the date code"),
            (Models{"BCD-215V-62H", "GLR76TRDER", "GLR76TWEER"}));
  // Not a model list: words, specs, or no label.
  for (const char* text : {"The model number is printed on the label.", "There are two models, X-Force Flex 9.60 and X-Force Flex 11.60",
                           "model year 2019", "models manufactured between 2020 and 2022", "a 2000W power station, SKU #70084",
                           "the 65W model and the 100W model", "item no longer sold",
                           "the model number is on the label. Colours: red, blue", "model numbers vary by colour: see the label"})
    EXPECT_TRUE(LabelledModelNumbers(text).empty()) << text;
}

TEST(LabelledModelNumbersTest, ReadsLabelsInTheLanguagesSellersAndRegulatorsWrite) {
  using Models = std::vector<std::string>;
  // German, French, Spanish, Italian shop descriptions and notices.
  EXPECT_EQ(LabelledModelNumbers("Powerbank 10000 mAh. Modell: E33A. Farbe: schwarz"), Models{"E33A"});
  EXPECT_EQ(LabelledModelNumbers("Art.-Nr.: 70084-12, Lieferumfang: Kabel"), Models{"70084-12"});
  EXPECT_EQ(LabelledModelNumbers("Artikelnummer 4711AB"), Models{"4711AB"});
  EXPECT_EQ(LabelledModelNumbers("Projecteur portable. Modèle : GV31."), Models{"GV31"});
  EXPECT_EQ(LabelledModelNumbers("numéro de modèle 40041 et 40003"), (Models{"40041", "40003"}));
  EXPECT_EQ(LabelledModelNumbers("MODÈLE GV31"), Models{"GV31"});
  EXPECT_EQ(LabelledModelNumbers("Número de modelo: ABC-123 y ABC-124"), (Models{"ABC-123", "ABC-124"}));
  EXPECT_EQ(LabelledModelNumbers("Modello n° XL-100"), Models{"XL-100"});
  EXPECT_EQ(LabelledModelNumbers("Référence fabricant : E33A. Compatible avec iPhone 12 à 16."), Models{"E33A"});
  EXPECT_EQ(LabelledModelNumbers("Numer modelu: UMCDB01"), Models{"UMCDB01"});
  // Central and Eastern European marketplaces' labels.
  for (const char* text : {"Kod producenta: E20382", "Kód výrobce: E20382", "Katalogové číslo: E20382", "Cod producător: E20382",
                           "Модел: E20382", "Modelis: E20382", "Mudel: E20382", "Numer katalogowy E20382"})
    EXPECT_EQ(LabelledModelNumbers(text), Models{"E20382"}) << text;
  // Not a shop's own product code.
  for (const char* text : {"Kod produktu: BNQ-004512", "Cod produs: AB44512", "Κωδικός: X2104512", "Šifra: SK104512", "Tootekood: TK104512"})
    EXPECT_TRUE(LabelledModelNumbers(text).empty()) << text;
  // A code written in groups, its letters in capitals; not words nor a
  // short number after them.
  EXPECT_EQ(LabelledModelNumbers("Wooden xylophone. Model: QX 1902 0617"), Models{"QX 1902 0617"});
  EXPECT_EQ(LabelledModelNumbers("Modell: QXAB 0002, Farbe rot"), Models{"QXAB 0002"});
  EXPECT_EQ(LabelledModelNumbers("Model: QX 12"), Models{});
  EXPECT_EQ(LabelledModelNumbers("Model: Pro 2024"), Models{});
  EXPECT_EQ(LabelledModelNumbers("Models: QX-1, QX 1902 0617 and QX-3"), (Models{"QX-1", "QX 1902 0617", "QX-3"}));
  EXPECT_EQ(LabelledModelNumbers("toddler tower, model no. QXAB 0002"), Models{"QXAB 0002"});
  // As a private seller reads it off the product.
  EXPECT_EQ(LabelledModelNumbers("model # on the bottom says QXAB0002"), Models{"QXAB0002"});
  EXPECT_EQ(LabelledModelNumbers("Model number on the label reads E33A, works fine"), Models{"E33A"});
  // Not a label's word alone: "if the label says GV31, this remote fits it"
  // names what an accessory fits as often as what the goods are.
  EXPECT_EQ(LabelledModelNumbers("baby lounger, label says UMCDB01"), Models{});
  EXPECT_EQ(LabelledModelNumbers("The model is QX-1"), Models{"QX-1"});
  EXPECT_EQ(LabelledModelNumbers("model is discontinued, label says nothing"), Models{});
  EXPECT_EQ(LabelledModelNumbers("price tag says 2019"), Models{});
  // As the Slovak trade inspection lists them (soi.sk).
  EXPECT_EQ(LabelledModelNumbers("Svetelný záves model/typ RPBL-96L"), Models{"RPBL-96L"});
  EXPECT_EQ(LabelledModelNumbers("Predlžovací prívod PLASTROL, modeltyp PS-360"), Models{"PS-360"});
  EXPECT_EQ(LabelledModelNumbers("Svetelný reťazec Art No.: LL9855-M, ITEM NO: 6366-6"), (Models{"LL9855-M", "6366-6"}));
  // "Type" labels only with a colon: USB Type-C is no model.
  EXPECT_EQ(LabelledModelNumbers("Typ: KX-1234"), Models{"KX-1234"});
  EXPECT_EQ(LabelledModelNumbers("Predlžovacie prívody ELGOTECH, typ 04GN (rôzne varianty)"), Models{"04GN"});
  for (const char* text : {"USB Type C 2 m cable", "this type of charger", "Type-C PD 65W", "Art deco lamp", "Output current typ. 2100mA"})
    EXPECT_TRUE(LabelledModelNumbers(text).empty()) << text;
  // Chinese and Japanese labels glued to their neighbours, full-width
  // punctuation.
  EXPECT_EQ(LabelledModelNumbers("产品型号：E33A，颜色：黑色"), Models{"E33A"});
  EXPECT_EQ(LabelledModelNumbers("品牌：Flaunt 型号:BL-1830。"), Models{"BL-1830"});
  EXPECT_EQ(LabelledModelNumbers("货号：70084"), Models{"70084"});
  EXPECT_EQ(LabelledModelNumbers("型番：GV31（ホワイト）"), Models{"GV31"});
  EXPECT_EQ(LabelledModelNumbers("型番：GV31　カラー：ホワイト"), Models{"GV31"});
  EXPECT_EQ(LabelledModelNumbers("モバイルバッテリー 型式：E33A 定格容量：5000mAh"), Models{"E33A"});
  EXPECT_TRUE(LabelledModelNumbers("型式认证证书编号：2020010901234567").empty());
  // Full-width letters and digits read as ASCII.
  EXPECT_EQ(LabelledModelNumbers("型号：ＧＶ３１"), Models{"GV31"});
  EXPECT_EQ(LabelledModelNumbers("Ｍｏｄｅｌ Ｎｏ． Ｅ３３Ａ"), Models{"E33A"});
  // Russian, in any case, with "№" and "номер"; Korean, glued or not.
  EXPECT_EQ(LabelledModelNumbers("Портативный проектор. Модель: GV31. Цвет: белый"), Models{"GV31"});
  EXPECT_EQ(LabelledModelNumbers("МОДЕЛЬ E33A, артикул 70084-12"), (Models{"E33A", "70084-12"}));
  EXPECT_EQ(LabelledModelNumbers("Номер модели: BL-1830 и BL-1840"), (Models{"BL-1830", "BL-1840"}));
  EXPECT_EQ(LabelledModelNumbers("Арт. № 4711AB"), Models{"4711AB"});
  EXPECT_EQ(LabelledModelNumbers("모델명: GV31 / 색상: 화이트"), Models{"GV31"});
  EXPECT_EQ(LabelledModelNumbers("제품 모델명:E33A, 품번 70084"), (Models{"E33A", "70084"}));
  EXPECT_EQ(LabelledModelNumbers("Model numarası: GV31"), Models{"GV31"});
  // Thai, glued or not; Arabic.
  EXPECT_EQ(LabelledModelNumbers("โปรเจคเตอร์พกพา รุ่น GV31 สีขาว"), Models{"GV31"});
  EXPECT_EQ(LabelledModelNumbers("รุ่น:E33A"), Models{"E33A"});
  EXPECT_EQ(LabelledModelNumbers("جهاز عرض محمول. الموديل: GV31"), Models{"GV31"});
  EXPECT_EQ(LabelledModelNumbers("رقم الموديل E33A"), Models{"E33A"});
  EXPECT_TRUE(LabelledModelNumbers("รุ่นใหม่ล่าสุด ราคาพิเศษ").empty());
  // Finnish, Hungarian, Romanian, Danish and Norwegian, Greek (in either
  // case).
  EXPECT_EQ(LabelledModelNumbers("Kannettava projektori. Malli: GV31. Väri: valkoinen"), Models{"GV31"});
  EXPECT_EQ(LabelledModelNumbers("Hordozható projektor, Típus: GV31, Cikkszám: 70084-12"), (Models{"GV31", "70084-12"}));
  EXPECT_EQ(LabelledModelNumbers("Proiector portabil. Modelul: GV31"), Models{"GV31"});
  EXPECT_EQ(LabelledModelNumbers("Varenummer: E33A"), Models{"E33A"});
  EXPECT_EQ(LabelledModelNumbers("Φορητός προβολέας. Μοντέλο: GV31. Χρώμα: λευκό"), Models{"GV31"});
  EXPECT_EQ(LabelledModelNumbers("ΜΟΝΤΕΛΟ E33A"), Models{"E33A"});
  for (const char* text : {"Модельный ряд 2024 года", "Модель подходит для дома", "신모델 출시"})
    EXPECT_TRUE(LabelledModelNumbers(text).empty()) << text;
}

TEST(LabelledModelNumbersTest, TheSlovakTradeInspectionsDangerousProducts) {
  // 110 real notices of the Slovak trade inspection (SOI), whose product
  // names carry the model after "model/typ", "modeltyp", "typ", "ART NO.",
  // "ITEM NO:" in Slovak and English: 27 read a model before these labels
  // were known, 61 now. The rest name none as a code ("model Žirafa",
  // "ART NO 207").
  const std::filesystem::path path =
      std::filesystem::path(CONFORM_SHARED_TESTDATA_DIR) / "recalls-eu-safetygate-sample" / "soi_sk_dangerous_products.json";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "the shared SOI sample is not at " << path;
  std::ifstream in(path);
  const nlohmann::json records = nlohmann::json::parse(in);
  ASSERT_EQ(records.size(), 110u);
  size_t with_model = 0;
  std::map<std::string, std::vector<std::string>> read;
  for (const auto& r : records) {
    const std::string name = r.at("product_name").get<std::string>();
    const auto models = LabelledModelNumbers(name);
    with_model += !models.empty();
    read[name] = models;
  }
  EXPECT_EQ(with_model, 61u);
  using Models = std::vector<std::string>;
  EXPECT_EQ(read["Svetelný záves model/typ RPBL-96L"], Models{"RPBL-96L"});
  EXPECT_EQ(read["Predlžovací prívod PLASTROL, modeltyp PS-360"], Models{"PS-360"});
  EXPECT_EQ(read["Svetelný reťazec ART NO. AA8001"], Models{"AA8001"});
  EXPECT_EQ(read["Predlžovací prívod JOEL, model/typ SY-CZ-03, Art. 820017"], Models{"SY-CZ-03"});
  EXPECT_EQ(read["Laserové ukazovadlo v tvare granátu, model/typ: U13"], Models{"U13"});
  EXPECT_EQ(read["Detská postieľka DREWEX®, model Žirafa, Batch Num 05-12-2022 A"], Models{});
}

TEST(ModelVariantWordTest, InTheScriptsAndFormsSellersWrite) {
  EXPECT_TRUE(IsModelVariantWord("Pro"));
  EXPECT_TRUE(IsModelVariantWord("PROMAX"));
  EXPECT_FALSE(IsModelVariantWord("air"));
  EXPECT_FALSE(IsModelVariantWord("professional"));
  EXPECT_EQ(ModelVariantWordInEnglish("pro"), "PRO");
  EXPECT_EQ(ModelVariantWordInEnglish("Plus"), "PLUS");
  EXPECT_EQ(ModelVariantWordInEnglish("plus版"), "PLUS");
  EXPECT_EQ(ModelVariantWordInEnglish("max款"), "MAX");
  EXPECT_EQ(ModelVariantWordInEnglish("프로"), "PRO");
  EXPECT_EQ(ModelVariantWordInEnglish("プラス"), "PLUS");
  EXPECT_EQ(ModelVariantWordInEnglish("ミニ"), "MINI");
  // "light" as often as "lite"; an edition word alone; other words.
  EXPECT_EQ(ModelVariantWordInEnglish("라이트"), "");
  EXPECT_EQ(ModelVariantWordInEnglish("ライト"), "");
  EXPECT_EQ(ModelVariantWordInEnglish("版"), "");
  EXPECT_EQ(ModelVariantWordInEnglish("升级版"), "");
  EXPECT_EQ(ModelVariantWordInEnglish("hair"), "");
  EXPECT_TRUE(IsModelVariantWordInText("pro版"));
  EXPECT_FALSE(IsModelVariantWordInText("dryer"));
}

TEST(OwnLabelledModelNumbersTest, PassesOverWhatTheProductGoesWith) {
  using Models = std::vector<std::string>;
  EXPECT_EQ(OwnLabelledModelNumbers("Portable projector, 1080p. Model: GV31. Ships from Hamburg."), Models{"GV31"});
  EXPECT_EQ(OwnLabelledModelNumbers("Power bank with model number E33A, magnetic"), Models{"E33A"});
  // In a new sentence, the product's own again.
  EXPECT_EQ(OwnLabelledModelNumbers("Works with most chargers. Model No: PB-2000."), Models{"PB-2000"});
  for (const char* text : {"Replacement battery for Makita model BL1830 and BL1850", "Compatible with model numbers HX6064 and HX6068",
                           "Fits models 40041 and 40003", "Spare filter suitable for the Dyson model V11 cordless vacuum",
                           "Case that works with model A2337"})
    EXPECT_TRUE(OwnLabelledModelNumbers(text).empty()) << text;
  // The regulators' prose is read as before.
  EXPECT_EQ(LabelledModelNumbers("Replacement battery for model BL1830"), Models{"BL1830"});
  // The same in other languages.
  for (const char* text : {"Ersatzakku für Modell BL1830", "Batterie de remplacement pour modèle BL1830", "适用型号：BL1830、BL1840",
                           "Kompatibel mit Modell BL1830", "Batería compatible con modelo BL1830"})
    EXPECT_TRUE(OwnLabelledModelNumbers(text).empty()) << text;
  EXPECT_EQ(OwnLabelledModelNumbers("Akku 18V. Modell: BL1830B. Passt für alle 18V Geräte."), Models{"BL1830B"});
  EXPECT_EQ(OwnLabelledModelNumbers("Apple MacBook Pro 14, model A2442, 2 per pack"), Models{"A2442"});
  // "For" whom: the product's own model.
  EXPECT_EQ(OwnLabelledModelNumbers("Suitable for children over 3 years model KT-300"), Models{"KT-300"});
  EXPECT_EQ(OwnLabelledModelNumbers("Spielzeug für Kinder ab 3, Modell KT-300"), Models{"KT-300"});
  // Portuguese "passar" is to iron: the iron's own model.
  EXPECT_EQ(OwnLabelledModelNumbers("Ferro de passar roupa a vapor, modelo GC1234"), Models{"GC1234"});
  for (const char* text : {"Batteria di ricambio per modello BL1830", "Akumulator do modelu BL1830", "Náhradní baterie pro model BL1830",
                           "Аккумулятор для модели BL1830", "Совместимый с моделью: BL1830", "BL1830 호환 모델명: BL1830",
                           "전용 모델: BL1830", "Bateria compatível com modelo BL1830", "Pin thay thế cho model BL1830",
                           "Batteri som passar till modell BL1830", "Yhteensopiva akku, malli BL1830", "Kompatibilis akkumulátor, típus BL1830",
                           "Acumulator compatibil cu modelul BL1830", "Μπαταρία συμβατή με μοντέλο BL1830", "Batteri til model BL1830"})
    EXPECT_TRUE(OwnLabelledModelNumbers(text).empty()) << text;
  // "Pro" of a product's name is no Czech "for".
  EXPECT_EQ(OwnLabelledModelNumbers("Apple MacBook Pro model A1708"), Models{"A1708"});
  EXPECT_EQ(OwnLabelledModelNumbers("Аккумулятор 18 В. Модель: BL1830B."), Models{"BL1830B"});
}

TEST(QuantityWordTest, UnitsAndCountsOfPieces) {
  // Units in any case; counts in lower case, as titles are normalised.
  for (const char* w : {"ml", "ML", "pcs", "mAh", "teile", "pièces", "sztuk", "stück", "pieces"}) EXPECT_TRUE(IsQuantityWord(w)) << w;
  for (const char* w : {"", "in", "a", "x", "black", "perfume", "her"}) EXPECT_FALSE(IsQuantityWord(w)) << w;
}

// A number before a unit word is a quantity, as with the unit joined.
TEST(ModelNumberTest, ANumberBeforeAUnitWordIsAQuantity) {
  for (const char* text : {"powerbank 10400 mAh usb-c", "cable 10400 mm", "set of 12500 pcs"}) {
    const CodesAndSpecs found = ExtractCodesAndSpecs(text);
    EXPECT_TRUE(found.codes.empty()) << text;
    EXPECT_EQ(found.specs.size(), 1u) << text;
  }
  EXPECT_EQ(ExtractCodesAndSpecs("powerbank 10400 mAh").specs[0].normalized, ExtractCodesAndSpecs("powerbank 10400mAh").specs[0].normalized);
  // Not before another word.
  EXPECT_EQ(ExtractModelCodes("item 10400 black").size(), 1u);
}

TEST(LabelledModelNumbersTest, NumbersOfFourDigitsOrMoreAfterALabel) {
  using V = std::vector<std::string>;
  EXPECT_EQ(LabelledModelNumbers("Model No: 8809"), V{"8809"});
  EXPECT_EQ(LabelledModelNumbers("The recall involves models 8801 and 8802."), (V{"8801", "8802"}));
  EXPECT_EQ(OwnLabelledModelNumbers("油汀取暖器 型号：4122 白色"), V{"4122"});
  EXPECT_EQ(LabelledModelNumbers("Model 8809 heater, model number GV31"), (V{"8809", "GV31"}));
  // Not a year, a quantity or a short number.
  for (const char* text : {"Model: 2024", "Model: 1500 W", "Model No. 1500 watts", "model 12", "Model 2000 series"})
    EXPECT_TRUE(LabelledModelNumbers(text).empty()) << text;
}

TEST(ModelRangeTest, RangesAndShorthandListsInAModelEntry) {
  using V = std::vector<std::string>;
  EXPECT_EQ(ExpandModelEntry("8801-8803"), (V{"8801", "8802", "8803"}));
  EXPECT_EQ(ExpandModelEntry("SK2210 to SK2212"), (V{"SK2210", "SK2211", "SK2212"}));
  EXPECT_EQ(ExpandModelEntry("CD-1809 through CD-1811"), (V{"CD-1809", "CD-1810", "CD-1811"}));
  EXPECT_EQ(ExpandModelEntry("SK2210-SK2212"), (V{"SK2210", "SK2211", "SK2212"}));
  EXPECT_EQ(ExpandModelEntry("12345/6/7"), (V{"12345", "12346", "12347"}));
  EXPECT_EQ(ExpandModelEntry("3301/3302/3303"), (V{"3301", "3302", "3303"}));
  EXPECT_EQ(ExpandModelEntry("HB-100, -200 and -300"), (V{"HB-100", "HB-200", "HB-300"}));
  EXPECT_EQ(ExpandModelEntry("AB-10, AB-12 to AB-14"), (V{"AB-10", "AB-12", "AB-13", "AB-14"}));
  // One code, a plain list, words, years, voltages, and ranges too wide
  // or the wrong way round are none.
  for (const char* entry : {"DH35-01", "GV31", "AB-10, AB-12", "K-40 (all colours)", "various", "2021-2023", "100-240V", "31-4420",
                            "1000-1200", "8809-8801", "12-18", "2023/24", "2023/2024", "2023/4", "1000/1500", "1999-2005"})
    EXPECT_TRUE(ExpandModelEntry(entry).empty()) << entry;
  EXPECT_EQ(ExpandModelEntry("3001-3100").size(), kMaxModelRange);
  EXPECT_EQ(ExpandModelEntry("5100 through 5102"), (V{"5100", "5101", "5102"}));
}

TEST(ModelRangeTest, RangesInProseAfterAModelLabel) {
  using V = std::vector<std::string>;
  EXPECT_EQ(ModelRangesInText("Recalled heaters have model numbers 4120 through 4122 printed on the back."), (V{"4120", "4121", "4122"}));
  EXPECT_EQ(ModelRangesInText("This recall involves models SK2210 to SK2211."), (V{"SK2210", "SK2211"}));
  EXPECT_EQ(ModelRangesInText("item numbers 70231-70233 are included"), (V{"70231", "70232", "70233"}));
  EXPECT_EQ(ModelRangesInText("model numbers DH35-01 through DH35-02 and DH50-01 through DH50-02"),
            (V{"DH35-01", "DH35-02", "DH50-01", "DH50-02"}));
  EXPECT_EQ(ModelRangesInText("The blenders have model numbers HB-100, -200 and -300."), (V{"HB-100", "HB-200", "HB-300"}));
  // Those the notice leaves out are not its models.
  EXPECT_EQ(ModelRangesInText("model numbers 5101 through 5105, except 5102 and 5104 are included"), (V{"5101", "5103", "5105"}));
  EXPECT_EQ(ModelRangesInText("models SK-10 to SK-13 but not SK-11"), (V{"SK-10", "SK-12", "SK-13"}));
  // Not after a label, or a plain list: LabelledModelNumbers' part.
  EXPECT_TRUE(ModelRangesInText("Sold from 2019 to 2021 for $20-$30, 1000-1050 units").empty());
  EXPECT_TRUE(ModelRangesInText("model numbers E33A, E34B and E35C").empty());
}

}  // namespace

}  // namespace conform::recalls
