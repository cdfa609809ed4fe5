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

}  // namespace
}  // namespace conform
