#include "conform/core/chinese_script.h"

#include <gtest/gtest.h>

namespace conform {
namespace {

TEST(SimplifiedChineseTest, TraditionalCharactersAreWrittenSimplified) {
  EXPECT_EQ(SimplifiedChinese("電熱水壺 1.7公升 不鏽鋼"), "电热水壶 1.7公升 不锈钢");
  EXPECT_EQ(SimplifiedChinese("BenQ GV30（非GV31）可攜式投影機"), "BenQ GV30（非GV31）可携式投影机");
  EXPECT_EQ(SimplifiedChinese("行動電源 已召回維修"), "行动电源 已召回维修");
  // Simplified text, kana and Latin text are left as they are.
  for (const char* same : {"后院滑索套装", "电热水壶", "コードレス", "Hair dryer 2200W", ""}) EXPECT_EQ(SimplifiedChinese(same), same) << same;
  // A word found in a text is found in it once both are simplified.
  const std::string text = SimplifiedChinese("ダイソン 掃除機 コードレス"), word = SimplifiedChinese("掃除機");
  EXPECT_NE(text.find(word), std::string::npos) << text << " / " << word;
}

}  // namespace
}  // namespace conform
