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
