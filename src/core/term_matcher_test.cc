#include "conform/core/term_matcher.h"

#include <gtest/gtest.h>

namespace conform {
namespace {

std::vector<std::string> FindAll(const TermMatcher& m, std::string_view text) {
  std::vector<uint32_t> found;
  m.Find(text, &found);
  std::vector<std::string> out;
  for (uint32_t i : found) out.push_back(m.term(i));
  return out;
}

TEST(TermMatcherTest, WordTermsRespectBoundariesAndPlurals) {
  TermMatcher m;
  m.Add("toy", true);
  m.Add("charger", true);
  m.Add("power bank", true);
  m.Add("box", true);
  m.Build();
  EXPECT_EQ(FindAll(m, "toy car"), std::vector<std::string>{"toy"});
  EXPECT_EQ(FindAll(m, "toys for kids"), std::vector<std::string>{"toy"});
  EXPECT_TRUE(FindAll(m, "toyota keyring").empty());
  EXPECT_TRUE(FindAll(m, "destroy").empty());
  EXPECT_EQ(FindAll(m, "lunch boxes"), std::vector<std::string>{"box"});
  EXPECT_EQ(FindAll(m, "usb chargers, 2 pack"), std::vector<std::string>{"charger"});
  EXPECT_EQ(FindAll(m, "20000mah power bank with charger"), (std::vector<std::string>{"power bank", "charger"}));
}

// Letters with diacritics, Greek and Cyrillic ones are part of a word;
// Chinese, Japanese and Korean characters end one.
TEST(TermMatcherTest, LettersOfOtherScriptsWrittenWithSpacesArePartOfAWord) {
  TermMatcher m;
  m.Add("bra", true);
  m.Add("toy", true);
  m.Add("usb", true);
  m.Build();
  EXPECT_TRUE(FindAll(m, "kožená brašna").empty());   // Czech: a leather bag
  EXPECT_TRUE(FindAll(m, "brač").empty());
  EXPECT_TRUE(FindAll(m, "éusb").empty());
  EXPECT_TRUE(FindAll(m, "usbя").empty());
  EXPECT_EQ(FindAll(m, "sports bra, 2 pack"), std::vector<std::string>{"bra"});
  EXPECT_EQ(FindAll(m, "bra «sport»"), std::vector<std::string>{"bra"});   // guillemets are punctuation
  EXPECT_EQ(FindAll(m, "usb充电器"), std::vector<std::string>{"usb"});
  EXPECT_EQ(FindAll(m, "玩具toy"), std::vector<std::string>{"toy"});
  EXPECT_EQ(FindAll(m, "장난감toy"), std::vector<std::string>{"toy"});
  EXPECT_EQ(FindAll(m, "toys\u00a0für kinder"), std::vector<std::string>{"toy"});  // a no-break space
}

TEST(TermMatcherTest, SubstringTermsMatchInsideText) {
  TermMatcher m;
  m.Add("充电宝", false);
  m.Add("蓝牙", false);
  m.Add("宝", false);
  m.Build();
  EXPECT_EQ(FindAll(m, "20000毫安充电宝蓝牙"), (std::vector<std::string>{"充电宝", "宝", "蓝牙"}));
  EXPECT_TRUE(FindAll(m, "充电器").empty());
}

TEST(TermMatcherTest, OverlappingTermsAreAllFound) {
  TermMatcher m;
  m.Add("he", false);
  m.Add("she", false);
  m.Add("hers", false);
  m.Add("his", false);
  m.Build();
  EXPECT_EQ(FindAll(m, "ushers"), (std::vector<std::string>{"she", "he", "hers"}));
  EXPECT_TRUE(FindAll(m, "").empty());
}

TEST(TermMatcherTest, EveryOccurrenceWithWhereItLies) {
  TermMatcher m;
  const uint32_t toy = m.Add("toy", true);
  const uint32_t not_a_toy = m.Add("not a toy", true);
  m.Build();
  std::vector<TermMatcher::Match> found;
  m.FindAll("toy mug, not a toy", &found);
  ASSERT_EQ(found.size(), 3u);  // in order of end: "toy", then the two ending at 18
  EXPECT_EQ(found[0].term, toy);
  EXPECT_EQ(found[0].begin, 0u);
  EXPECT_EQ(found[0].end, 3u);
  EXPECT_EQ(found[1].end, 18u);
  EXPECT_EQ(found[2].end, 18u);
  const auto& phrase = found[1].term == not_a_toy ? found[1] : found[2];
  const auto& word = found[1].term == toy ? found[1] : found[2];
  EXPECT_EQ(phrase.begin, 9u);
  EXPECT_EQ(word.begin, 15u);
  m.FindAll("toyota", &found);
  EXPECT_TRUE(found.empty());
}

}  // namespace
}  // namespace conform
