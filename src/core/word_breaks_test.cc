#include "conform/core/word_breaks.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace conform {
namespace {

// Whether the first `name` in `text` is whole.
bool Whole(std::string_view text, std::string_view name) {
  const size_t at = text.find(name);
  EXPECT_NE(at, std::string_view::npos) << name << " in " << text;
  return IsWholeWords(text, at, name.size());
}

TEST(WordBreaksTest, ChineseNamesAreFoundAsWords) {
  EXPECT_TRUE(Whole("美的电饭煲 MB-FB40", "美的"));
  EXPECT_TRUE(Whole("美的（Midea）电热水壶", "美的"));
  EXPECT_TRUE(Whole("Anker安克充电宝 10000mAh", "安克"));
  EXPECT_TRUE(Whole("罗马仕充电宝20000毫安", "罗马仕"));
  EXPECT_TRUE(Whole("パナソニックドライヤー", "パナソニック"));
  EXPECT_TRUE(Whole("シャープ空気清浄機", "シャープ"));
  // Inside another word: "exquisite", "perfect", the city of Xi'an.
  EXPECT_FALSE(Whole("精美的吹风机", "美的"));
  EXPECT_FALSE(Whole("完美的礼物 电热水壶", "美的"));
  EXPECT_FALSE(Whole("西安克瑞电子科技", "安克"));
  EXPECT_FALSE(Whole("罗马仕充电宝", "马仕"));
  // Katakana the dictionary does not part: a name opening the run.
  EXPECT_TRUE(Whole("ソニーヘッドホン WH-1000XM4", "ソニー"));
  EXPECT_TRUE(Whole("ソニーイヤホン", "ソニー"));
  EXPECT_TRUE(Whole("ワイヤレスソニーヘッドホン", "ソニー"));  // the dictionary knows ワイヤレス (wireless)
  // Inside a run the dictionary parted into single characters
  // ("パ|ナ|ソニック|ドライヤー"): "sonic" is not a word of "Panasonic".
  EXPECT_FALSE(Whole("パナソニックドライヤー", "ソニック"));
  EXPECT_FALSE(Whole("ドライヤーパナソニック", "ソニック"));
  EXPECT_TRUE(Whole("電動歯ブラシソニック", "ソニック"));  // after a word it knows
  EXPECT_TRUE(Whole("ソニー・ミュージック", "ミュージック"));  // after the middle dot
}

TEST(WordBreaksTest, LatinWordsAndEdges) {
  EXPECT_TRUE(Whole("anker power bank", "anker"));
  EXPECT_FALSE(Whole("ankerite stone", "anker"));
  EXPECT_TRUE(Whole("美的", "美的"));
  // Far from the span, the text is not read: a long title costs the same.
  std::string longer(4000, 'x');
  longer += " 精美的吹风机 ";
  longer += std::string(4000, 'y');
  EXPECT_FALSE(Whole(longer, "美的"));
  // Bytes that are not UTF-8 around the span.
  EXPECT_TRUE(Whole("\xff\xfe 美的 \xff", "美的"));
}

TEST(WordBreaksTest, HanOrKana) {
  EXPECT_TRUE(HasHanOrKana("美的"));
  EXPECT_TRUE(HasHanOrKana("ソニー"));
  EXPECT_TRUE(HasHanOrKana("Anker 安克"));
  EXPECT_FALSE(HasHanOrKana("삼성"));
  EXPECT_FALSE(HasHanOrKana("Тефаль"));
  EXPECT_FALSE(HasHanOrKana("anker"));
  EXPECT_FALSE(HasHanOrKana(""));
  EXPECT_TRUE(HasHanOrKana("\uF900"));  // a CJK compatibility ideograph
  EXPECT_TRUE(HasHanOrKana("ｿﾆｰ"));     // half-width katakana
}

}  // namespace
}  // namespace conform
