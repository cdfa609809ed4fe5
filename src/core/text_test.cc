#include "conform/core/text.h"

#include <gtest/gtest.h>

namespace conform {

TEST(TextTest, ClosestMatchFindsTypos) {
  const std::vector<std::string> words = {"charger", "power_bank", "radio_device", "toy"};
  EXPECT_EQ(ClosestMatch("chargr", words), "charger");
  EXPECT_EQ(ClosestMatch("powerbank", words), "power_bank");
  EXPECT_EQ(ClosestMatch("Toy", words), "toy");
  EXPECT_EQ(ClosestMatch("bicycle", words), "");
}

TEST(TextTest, SuggestionHintListsKnownWordsWhenNothingIsClose) {
  EXPECT_EQ(SuggestionHint("chargr", {"charger", "toy"}), "did you mean 'charger'?");
  EXPECT_EQ(SuggestionHint("zzzzzz", {"charger", "toy"}), "known: charger, toy");
}

TEST(TextTest, CaseHelpers) {
  EXPECT_EQ(AsciiUpper("eu"), "EU");
  EXPECT_EQ(AsciiLower("Li_ION"), "li_ion");
  EXPECT_EQ(Join({"a", "b", "c"}, ", "), "a, b, c");
}

}  // namespace conform

namespace conform {

TEST(TextTest, NormalizeForMatchingFoldsWidthAndCase) {
  EXPECT_EQ(NormalizeForMatching("USB Charger"), "usb charger");
  EXPECT_EQ(NormalizeForMatching("ＵＳＢ　充電器"), "usb 充電器");  // full-width letters and space
  EXPECT_EQ(NormalizeForMatching("Children´s Hoodie"), "children's hoodie");  // an acute accent typed for an apostrophe
  EXPECT_EQ(NormalizeForMatching("Straße"), "strasse");
  EXPECT_EQ(NormalizeForMatching("Électrique"), "électrique");
  EXPECT_EQ(FoldLatinDiacritics(NormalizeForMatching("Löwe Électrique")), "lowe electrique");
  EXPECT_EQ(FoldLatinDiacritics("citroën nestlé øster łódź æble"), "citroen nestle oster lodz aeble");
  // Vietnamese letters of Latin Extended Additional; Turkish "İ" lower-cased
  // leaves a combining dot, dropped; marks on other scripts stay.
  EXPECT_EQ(FoldLatinDiacritics(NormalizeForMatching("Ốp lưng thảm lót sàn mã vạch")), "op lung tham lot san ma vach");
  EXPECT_EQ(FoldLatinDiacritics(NormalizeForMatching("KILIF İÇİN")), "kilif icin");
  EXPECT_EQ(FoldLatinDiacritics("й ё"), "й ё");
  EXPECT_EQ(FoldLatinDiacritics("ガラス 한국 пёс"), "ガラス 한국 пёс");  // marks of other scripts are kept
  EXPECT_EQ(NormalizeForMatching("5Ｖ２Ａ"), "5v2a");
  EXPECT_EQ(NormalizeForMatching("bad\xff byte"), "bad  byte");
}

TEST(TextTest, AllAsciiDigitsIsNonEmptyDigitsOnly) {
  EXPECT_TRUE(AllAsciiDigits("0179"));
  EXPECT_FALSE(AllAsciiDigits(""));
  EXPECT_FALSE(AllAsciiDigits("17.9"));
  EXPECT_FALSE(AllAsciiDigits("r1"));
  EXPECT_FALSE(AllAsciiDigits("\xd9\xa3"));  // an Arabic-Indic digit is not ASCII
}

TEST(TextTest, ForTerminalWritesControlCharactersAndStrayBytesOut) {
  EXPECT_EQ(ForTerminal("Kettle 1.8 L\tstainless, \xe4\xb8\xad\xe6\x96\x87"), "Kettle 1.8 L\tstainless, \xe4\xb8\xad\xe6\x96\x87");
  EXPECT_EQ(ForTerminal("\x1b[31mred\x1b]0;title\a"), "\\u001b[31mred\\u001b]0;title\\u0007");
  EXPECT_EQ(ForTerminal("a\nb\rc"), "a\\u000ab\\u000dc");
  EXPECT_EQ(ForTerminal("a\nb", /*keep_newlines=*/true), "a\nb");
  EXPECT_EQ(ForTerminal("\x7f \xc2\x9b \xc2\xa0"), "\\u007f \\u009b \xc2\xa0");  // DEL, C1 CSI; a no-break space stays
  EXPECT_EQ(ForTerminal("\x9b" "2J \xff"), "\\x9b2J \\xff");                          // not UTF-8
}

// Invisible characters copied from web pages are no break inside a word;
// a trade mark sign is one, as "®" is, not the letters "tm".
TEST(TextTest, NormalizeForMatchingDropsInvisibleCharactersAndBreaksAtTradeMarks) {
  EXPECT_EQ(NormalizeForMatching("Pro\u200bjector GV\u00ad31 \ufeffBenQ\u2060\u200c\u200d"), "projector gv31 benq");
  EXPECT_EQ(NormalizeForMatching("Gigglescape\u2122 Toy\u2120"), "gigglescape  toy ");
  EXPECT_EQ(InvisibleCharLength("a\u200b", 1), 3u);
  EXPECT_EQ(InvisibleCharLength("a\u00ad", 1), 2u);
  EXPECT_EQ(InvisibleCharLength("a\u00a0", 1), 0u);  // a no-break space is a space
  EXPECT_EQ(InvisibleCharLength("\xe2\x80", 0), 0u);  // cut short
}

TEST(TextTest, IsWebAddressIsHttpOrHttpsWithMore) {
  EXPECT_TRUE(IsWebAddress("https://www.cpsc.gov/Recalls/2024/x"));
  EXPECT_TRUE(IsWebAddress("HTTP://example.org"));
  EXPECT_FALSE(IsWebAddress("https://"));
  EXPECT_FALSE(IsWebAddress("javascript:alert(1)"));
  EXPECT_FALSE(IsWebAddress("/en/recall-alert"));
  EXPECT_FALSE(IsWebAddress(" https://example.org"));
}

}  // namespace conform
