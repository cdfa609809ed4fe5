#include "product_words.h"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace conform::recalls {
namespace {

TEST(ProductWordsTest, AWordOfAnotherLanguageSaysItsEnglishWords) {
  std::vector<std::string_view> english;
  AddEnglishOfForeignWord("ventilatore", &english);
  AddEnglishOfForeignWord("tiroirs", &english);
  EXPECT_EQ(english, (std::vector<std::string_view>{"fan", "drawer"}));
  // English words, and words listed under no meaning, add none.
  english.clear();
  for (const char* w : {"fan", "fans", "varmfront"}) AddEnglishOfForeignWord(w, &english);
  EXPECT_TRUE(english.empty());
  // A compound its parts.
  AddEnglishOfForeignWord("tischventilator", &english);
  EXPECT_EQ(english, (std::vector<std::string_view>{"fan", "table"}));
  EXPECT_TRUE(MeansAnyOf("fans", english));
  EXPECT_TRUE(MeansAnyOf("ventilateur", english));
  EXPECT_FALSE(MeansAnyOf("lamp", english));
  EXPECT_FALSE(MeansAnyOf("fan", {}));
}

TEST(ProductWordsTest, TranslationsInEitherDirectionButNotEnglishSynonyms) {
  EXPECT_TRUE(TranslatesProductWord("ventilatore", "fan"));
  EXPECT_TRUE(TranslatesProductWord("ventilatori", "fans"));
  EXPECT_TRUE(TranslatesProductWord("scrivania", "desktop"));
  EXPECT_TRUE(TranslatesProductWord("zigarette", "cigarette"));  // "Einweg E-Zigarette" of a disposable e-cigarette
  EXPECT_TRUE(TranslatesProductWord("projecteur", "projektor"));  // a name in German, a title in French
  EXPECT_TRUE(TranslatesProductWord("cajones", "drawer"));
  // Goods whose alerts name no brand, with a barcode sellers copy: a word
  // of the alert's title in the listing's language is what agrees.
  EXPECT_TRUE(TranslatesProductWord("loupe", "magnifier"));
  EXPECT_TRUE(TranslatesProductWord("handlupe", "magnifier"));
  EXPECT_TRUE(TranslatesProductWord("forstoringsglas", "magnifier"));  // Swedish; "suurennuslasi" Finnish
  EXPECT_TRUE(TranslatesProductWord("krovinorez", "cutters"));         // Czech "křovinořez", a brush cutter  // "lupe" is too short a part of a compound to be read alone
  EXPECT_TRUE(TranslatesProductWord("freischneider", "cutters"));
  EXPECT_TRUE(TranslatesProductWord("paperelle", "duck"));
  EXPECT_TRUE(TranslatesProductWord("maschera", "mascarilla"));  // a hair mask named in Spanish, sold in Italian
  // Kinds an alert may name alone, with its brand.
  EXPECT_TRUE(TranslatesProductWord("treppenlift", "stairlift"));
  EXPECT_TRUE(TranslatesProductWord("pompa", "pump"));
  EXPECT_TRUE(TranslatesProductWord("adaptateur", "adapter"));
  EXPECT_TRUE(TranslatesProductWord("reiseadapter", "adaptor"));
  EXPECT_TRUE(TranslatesProductWord("delineador", "eyeliner"));
  EXPECT_FALSE(TranslatesProductWord("light", "lamp"));  // English synonyms are for the pair model
  EXPECT_FALSE(TranslatesProductWord("lampada", "fan"));
  EXPECT_FALSE(TranslatesProductWord("ventilatore", "varmfront"));
  // Words with another meaning in titles are not listed: "casque" is a
  // helmet and headphones, "lit" an English word.
  EXPECT_FALSE(TranslatesProductWord("casque", "helmet"));
  EXPECT_FALSE(TranslatesProductWord("lit", "bed"));
}

TEST(ProductWordsTest, AnEnglishSynonymLeadsToItsRowsWord) {
  EXPECT_EQ(EnglishHeadOf("stroller"), "pushchair");
  EXPECT_EQ(EnglishHeadOf("light"), "lamp");
  EXPECT_EQ(EnglishHeadOf("pushchair"), "");    // the row's own word
  EXPECT_EQ(EnglishHeadOf("kinderwagen"), "");  // not English
  EXPECT_EQ(EnglishHeadOf("varmfront"), "");
}

TEST(ProductWordsTest, GermanCompoundsBeginOrEndInATranslation) {
  EXPECT_TRUE(TranslatesProductWord("tischventilator", "fan"));
  EXPECT_TRUE(TranslatesProductWord("schreibtischventilator", "desktop"));
  EXPECT_TRUE(TranslatesProductWord("duschlautsprecher", "shower"));
  EXPECT_TRUE(TranslatesProductWord("duschlautsprecher", "speaker"));
  // Not a part shorter than five letters, nor a rest shorter than three.
  EXPECT_FALSE(TranslatesProductWord("bettlaken", "bed"));  // "bett", four letters
  EXPECT_FALSE(TranslatesProductWord("ventilatorx", "fan"));
}

}  // namespace
}  // namespace conform::recalls
