#include "conform/recalls/text_similarity.h"

#include <gtest/gtest.h>

#include <cmath>

namespace conform::recalls {
namespace {

TEST(TextSimilarityTest, NormalizeTextFoldsAndSeparatesWords) {
  EXPECT_EQ(NormalizeText("Sony  WH-1000XM4, Black"), "sony wh 1000xm4 black");
  EXPECT_EQ(NormalizeText("  ＳＯＮＹ　ｗｈ１０００ "), "sony wh1000");  // full-width forms
  EXPECT_EQ(NormalizeText("Café — crème®"), "café crème");
  EXPECT_EQ(NormalizeText("电动 牙刷"), "电动 牙刷");
  EXPECT_EQ(NormalizeText(" -- "), "");
}

TEST(TextSimilarityTest, WordsAndNgrams) {
  const auto words = Words("sony wh 1000xm4");
  ASSERT_EQ(words.size(), 3u);
  EXPECT_EQ(words[2], "1000xm4");
  const std::string padded = PadForNgrams("tv set");
  EXPECT_EQ(padded, " tv set ");
  const auto grams = CharNgrams(padded, 3);
  ASSERT_EQ(grams.size(), 6u);
  EXPECT_EQ(grams.front(), " tv");
  EXPECT_EQ(grams.back(), "et ");
  EXPECT_EQ(CharNgrams(" a ", 5).size(), 1u);
  EXPECT_TRUE(CharNgrams("  ", 5).empty());
}

TEST(TextSimilarityTest, RareSharedWordsWeighMoreThanCommonOnes) {
  TfidfVectorizer v(Analyzer::kWords);
  v.Fit({"sony headphones black", "bose headphones black", "sony tv black", "lg tv white", "sony wh1000xm4 headphones"});
  EXPECT_GT(v.Idf("wh1000xm4"), v.Idf("sony"));
  EXPECT_GT(v.Idf("sony"), v.Idf("black") - 1e-9);
  EXPECT_DOUBLE_EQ(v.Idf("neverseen"), std::log(6.0) + 1);  // unseen: as rare as can be
  const auto a = v.Transform("sony wh1000xm4 headphones black");
  const auto b = v.Transform("wh1000xm4 wireless");
  const auto c = v.Transform("bose headphones black");
  EXPECT_GT(Cosine(a, b), 0.3);
  EXPECT_GT(Cosine(a, b), Cosine(b, c));
  EXPECT_NEAR(Cosine(a, a), 1.0, 1e-6);
  EXPECT_EQ(Cosine(a, v.Transform("")), 0);
}

TEST(TextSimilarityTest, CharNgramsSeeThroughSpacingAndTypos) {
  TfidfVectorizer v(Analyzer::kCharNgrams, 3);
  v.Fit({"kdl 40ex500 tv", "kdl 46ex500 tv", "bravia tv", "lg 42lh20 tv"});
  const double close = Cosine(v.Transform("kdl40ex500"), v.Transform("kdl 40ex500"));
  const double far = Cosine(v.Transform("kdl40ex500"), v.Transform("lg 42lh20"));
  EXPECT_GT(close, 0.6);
  EXPECT_LT(far, 0.2);
}

TEST(TextSimilarityTest, SetOverlaps) {
  const std::vector<std::string_view> a = {"sony", "tv", "black", "black"}, b = {"sony", "tv", "white"};
  EXPECT_DOUBLE_EQ(Jaccard(a, b), 2.0 / 4.0);
  EXPECT_DOUBLE_EQ(OverlapCoefficient(a, b), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(Jaccard({}, {}), 0);
  EXPECT_DOUBLE_EQ(OverlapCoefficient(a, {}), 0);
}

TEST(TextSimilarityTest, EditDistance) {
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(EditDistance("", "abc"), 3u);
  EXPECT_DOUBLE_EQ(EditSimilarity("LDS4821WW", "LDS4821WH"), 1 - 1.0 / 9);
  EXPECT_DOUBLE_EQ(EditSimilarity("", ""), 1);
}

}  // namespace
}  // namespace conform::recalls
