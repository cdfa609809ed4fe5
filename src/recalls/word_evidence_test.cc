#include "conform/recalls/word_evidence.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "conform/recalls/text_similarity.h"

namespace conform::recalls {
namespace {

WordList TitleWords(const std::string& title) {
  const std::string normalized = NormalizeText(title);
  WordList list;
  const std::vector<std::string_view> words = Words(normalized);
  list.AssignSortedDistinct(words);
  return list;
}

// Labelled title pairs in which an edition word on one side ("upgrade",
// "academic") marks another product and a colour on one side does not.
class WordEvidenceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    titles_.reserve(100);  // examples_ point into it
    const std::vector<std::string> products = {"acme office suite 7", "zenith photo studio 12", "orbit tax planner 2009",
                                               "nova paint pro 5",    "delta backup manager 3", "lumen video editor 8"};
    for (const std::string& p : products) {
      Add(p, p + " black", 1);
      Add(p, p + " white", 1);
      Add(p, p + " dvd", 1);
      Add(p, p + " upgrade", 0);
      Add(p, p + " academic", 0);
      Add(p + " upgrade", p + " upgrade dvd", 1);
    }
    Add("acme office suite 7", "zenith photo studio 12", 0);
    Add("orbit tax planner 2009", "nova paint pro 5", 0);
    for (size_t i = 0; i < titles_.size(); i += 2) examples_.push_back({&titles_[i], &titles_[i + 1], labels_[i / 2]});
  }
  void Add(const std::string& a, const std::string& b, int label) {
    titles_.push_back(TitleWords(a));
    titles_.push_back(TitleWords(b));
    labels_.push_back(label);
  }
  std::vector<WordList> titles_;
  std::vector<int> labels_;
  std::vector<WordPairExample> examples_;
};

TEST_F(WordEvidenceTest, LearnsWhichWordsOnOneSideMarkAnotherProduct) {
  auto evidence = WordEvidence::Train(examples_);
  ASSERT_TRUE(evidence.ok()) << evidence.error().ToString();
  const WordEvidence& e = evidence.value();
  EXPECT_LT(e.Of("upgrade").one_side, 0);
  EXPECT_LT(e.Of("academic").one_side, 0);
  EXPECT_GT(e.Of("black").one_side, e.Of("upgrade").one_side);
  EXPECT_GT(e.Of("dvd").one_side, e.Of("academic").one_side);
  // "upgrade" on both sides is no sign against a match.
  EXPECT_GT(e.Of("upgrade").shared, e.Of("upgrade").one_side);

  const WordList plain = TitleWords("Acme Office Suite 7"), black = TitleWords("ACME office suite 7 - Black"),
                 upgrade = TitleWords("acme office suite 7 upgrade");
  EXPECT_GT(e.LogOdds(plain, black), e.LogOdds(plain, upgrade));
  // The order of the pair does not matter.
  EXPECT_DOUBLE_EQ(e.LogOdds(plain, upgrade), e.LogOdds(upgrade, plain));
}

TEST_F(WordEvidenceTest, LogOddsAreTheBiasPlusEachWordsWeight) {
  auto evidence = WordEvidence::Train(examples_);
  ASSERT_TRUE(evidence.ok());
  const WordEvidence& e = evidence.value();
  const WordList a = TitleWords("nova paint pro 5 black"), b = TitleWords("nova paint pro 5 upgrade");
  double expected = e.bias();
  for (const char* shared : {"nova", "paint", "pro", "5"}) expected += e.Of(shared).shared;
  expected += e.Of("black").one_side + e.Of("upgrade").one_side;
  EXPECT_NEAR(e.LogOdds(a, b), expected, 1e-9);
  // A word never seen in training weighs nothing.
  EXPECT_EQ(e.Of("zyxw").shared, 0);
  EXPECT_EQ(e.Of("zyxw").one_side, 0);
  EXPECT_NEAR(e.LogOdds(a, TitleWords("nova paint pro 5 black zyxw")), e.LogOdds(a, TitleWords("nova paint pro 5 black")), 1e-12);
  EXPECT_DOUBLE_EQ(WordEvidence().LogOdds(a, b), 0);
}

TEST_F(WordEvidenceTest, JsonGivesTheSameLogOddsBack) {
  auto evidence = WordEvidence::Train(examples_);
  ASSERT_TRUE(evidence.ok());
  const std::string json = evidence.value().ToJson();
  auto loaded = WordEvidence::FromJson(json);
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  EXPECT_EQ(loaded.value().size(), evidence.value().size());
  for (const auto& ex : examples_)
    EXPECT_EQ(loaded.value().LogOdds(*ex.left, *ex.right), evidence.value().LogOdds(*ex.left, *ex.right));
  EXPECT_EQ(loaded.value().ToJson(), json);
}

TEST(WordEvidence, RefusesWhatItCannotLearnOrRead) {
  const WordList a = TitleWords("acme suite"), b = TitleWords("acme suite upgrade");
  EXPECT_FALSE(WordEvidence::Train({{&a, &b, 0}, {&a, &a, 0}}).ok());  // no match to learn from
  EXPECT_FALSE(WordEvidence::Train({{&a, &b, 0}, {&a, &a, 1}}, 0).ok());
  for (const char* bad : {"", "[]", "{\"words\":{}}", "{\"bias\":0}", "{\"bias\":0,\"words\":{\"a\":[1]}}",
                          "{\"bias\":0,\"words\":{\"a\":[1,\"x\"]}}", "{\"bias\":\"1\",\"words\":{}}"}) {
    auto loaded = WordEvidence::FromJson(bad);
    ASSERT_FALSE(loaded.ok()) << bad;
    EXPECT_NE(loaded.error().ToString().find("not word evidence"), std::string::npos) << loaded.error().ToString();
  }
}

}  // namespace
}  // namespace conform::recalls
