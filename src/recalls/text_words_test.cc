#include "text_words.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace conform::recalls {
namespace {

TEST(TextWordsTest, AWordStandsBetweenSpacesOrTheTextsEnds) {
  EXPECT_TRUE(HasWord("case for iphone", "for"));
  EXPECT_TRUE(HasWord("case for iphone", "case"));
  EXPECT_TRUE(HasWord("case for iphone", "for iphone"));
  EXPECT_FALSE(HasWord("case fork iphone", "for"));
  EXPECT_FALSE(HasWord("case for iphone", ""));
}

TEST(TextWordsTest, AWordPairIsTheJoinedPhraseAsAWord) {
  // Every pair of these words (the empty one too) against texts where the
  // first word stands alone, inside another, at either end, repeated, and
  // where the phrase would run past the text's end.
  const std::string_view words[] = {"", "for", "iphone", "for iphone", "case", "s", "for  iphone"};
  const std::string_view texts[] = {"",
                                    "for",
                                    "case for iphone",
                                    "case fork for iphone",
                                    "for iphonex for iphone",
                                    "case for",
                                    "for for iphone case",
                                    " for iphone",
                                    "case s",
                                    "for  iphone",
                                    "fore for iphone s"};
  for (std::string_view text : texts) {
    for (std::string_view first : words) {
      for (std::string_view second : words) {
        const std::string phrase = std::string(first) + " " + std::string(second);
        EXPECT_EQ(HasWordPair(text, first, second), HasWord(text, phrase))
            << "text \"" << text << "\", \"" << first << "\" then \"" << second << "\"";
      }
    }
  }
}

}  // namespace
}  // namespace conform::recalls
