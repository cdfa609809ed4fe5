#include "conform/recalls/pair_features.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "conform/core/text.h"

namespace conform::recalls {
namespace {

Record R(std::vector<std::pair<std::string, std::string>> fields) { return Record{std::move(fields)}; }

class PairFeaturesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    corpus_ = {
        R({{"title", "sony bravia kdl-40ex500 40 inch lcd tv"}, {"brand", "sony"}, {"price", "899.99"}}),
        R({{"title", "sony bravia kdl-46ex500 46 inch lcd tv"}, {"brand", "sony"}, {"price", "1199.00"}}),
        R({{"title", "lg 42lh20 42 inch lcd tv"}, {"brand", "lg"}, {"price", "649"}}),
        R({{"title", "sony wh-1000xm4 wireless headphones black"}, {"brand", "sony"}}),
        R({{"title", "bose quietcomfort 35 ii headphones black"}, {"brand", "bose"}}),
        R({{"title", "sandisk ultra 64gb microsdxc card"}, {"brand", "sandisk"}}),
        R({{"title", "sandisk ultra 32gb microsdhc card"}, {"brand", "sandisk"}}),
    };
    std::vector<const Record*> records;
    for (const auto& r : corpus_) records.push_back(&r);
    featurizer_.Fit(records);
  }

  std::map<std::string, float> Features(const Record& a, const Record& b) {
    const auto values = featurizer_.Compute(a, b);
    std::map<std::string, float> named;
    for (size_t i = 0; i < values.size(); ++i) named[PairFeaturizer::FeatureNames()[i]] = values[i];
    return named;
  }

  std::vector<Record> corpus_;
  PairFeaturizer featurizer_;
};

TEST_F(PairFeaturesTest, NamesAreDistinctAndMatchTheOutput) {
  const auto& names = PairFeaturizer::FeatureNames();
  EXPECT_EQ(std::set<std::string>(names.begin(), names.end()).size(), names.size());
  EXPECT_EQ(featurizer_.Compute(corpus_[0], corpus_[1]).size(), names.size());
}

TEST_F(PairFeaturesTest, SameModelWrittenDifferentlyMatchesOnCode) {
  const Record listing = R({{"name", "Sony 40\" Bravia LCD TV KDL40EX500 (Black)"}, {"price", "$879.00"}});
  auto f = Features(corpus_[0], listing);
  EXPECT_EQ(f["code_exact_count"], 1);
  EXPECT_EQ(f["code_exact_max_len"], 10);
  EXPECT_EQ(f["code_in_text_max_len_lr"], 10);
  EXPECT_EQ(f["code_conflict"], 0);
  EXPECT_EQ(f["brand_in_text_lr"], 1);  // "sony" is in the listing's title
  EXPECT_TRUE(std::isnan(f["brand_in_text_rl"]));  // the listing states no brand
  EXPECT_NEAR(f["price_ratio"], 879.0 / 899.99, 1e-5);
  EXPECT_GT(f["title_cos_c3"], 0.4);

  // The sibling model differs only in its code.
  auto g = Features(corpus_[1], listing);
  EXPECT_EQ(g["code_exact_count"], 0);
  EXPECT_EQ(g["code_conflict"], 1);
  EXPECT_GT(g["code_best_edit_sim"], 0.8);
  EXPECT_GT(g["number_missing_lr"], 0);  // 46 is nowhere in the listing
}

TEST_F(PairFeaturesTest, CodeFoundInsideTheOtherTextWhenSpacedOrGlued) {
  const Record notice = R({{"title", "xerox imaging unit"}, {"modelno", "108r00645"}});
  const Record listing = R({{"title", "xerox printers imaging unit phaser 6300 6350 108 r00645"}});
  auto f = Features(notice, listing);
  EXPECT_EQ(f["model_in_text_lr"], 1);
  EXPECT_EQ(f["code_in_text_max_len_lr"], 9);
  EXPECT_EQ(f["code_conflict"], 0);
  EXPECT_TRUE(std::isnan(f["model_exact"]));  // only one side has the attribute
}

TEST_F(PairFeaturesTest, FitGivesTheSameWeightsOnAnyNumberOfThreads) {
  std::vector<const Record*> records;
  for (const auto& r : corpus_) records.push_back(&r);
  const Record a = R({{"title", "sony bravia kdl-40ex500 lcd tv"}, {"brand", "sony"}});
  // Words and grams in common, so that the cosines read the weights.
  const Record b = R({{"title", "sony bravia 40 inch lcd tv black"}, {"description", "kdl 40ex500, ultra"}});
  for (const int threads : {1, 3, 16}) {
    PairFeaturizer other;
    other.Fit(records, threads);
    const auto expected = featurizer_.Compute(a, b), got = other.Compute(a, b);
    ASSERT_EQ(got.size(), expected.size());
    for (size_t i = 0; i < got.size(); ++i)
      EXPECT_TRUE(got[i] == expected[i] || (std::isnan(got[i]) && std::isnan(expected[i])))
          << threads << " threads, " << PairFeaturizer::FeatureNames()[i];
  }
}

TEST_F(PairFeaturesTest, ColourSuffixGivesAStemMatch) {
  auto f = Features(R({{"title", "lg 24 in semi integrated dishwasher lds4821ww"}}),
                    R({{"title", "lg lds4821wh dishwasher"}}));
  EXPECT_EQ(f["code_exact_count"], 0);
  EXPECT_EQ(f["code_stem_match"], 1);
  EXPECT_EQ(f["code_conflict"], 0);
}

TEST_F(PairFeaturesTest, ColoursNamedOnBothSidesWithNoneSharedAreAConflict) {
  // Two variants of one card: the code alike, the colour not.
  const Record gray = R({{"title", "pny 4gb class 4 gray sd card p-sdhc4g4-ef / gray"}});
  const Record navy = R({{"title", "pny 4gb class 4 navy sd card p-sdhc4g4-ef / navy"}});
  EXPECT_EQ(Features(gray, navy)["colour_conflict"], 1);
  // Shades and shop abbreviations of one colour agree: navy is blue, grey
  // is gray, blk is black; one colour in common is enough.
  EXPECT_EQ(Features(navy, R({{"title", "pny 4gb sd card blue"}}))["colour_conflict"], 0);
  EXPECT_EQ(Features(gray, R({{"title", "pny 4gb sd card grey"}}))["colour_conflict"], 0);
  EXPECT_EQ(Features(R({{"title", "case black/white"}}), R({{"title", "case blk"}}))["colour_conflict"], 0);
  // A colour on one side only, or in neither, tells nothing.
  EXPECT_TRUE(std::isnan(Features(gray, R({{"title", "pny 4gb sd card"}}))["colour_conflict"]));
  // A colour word inside another word does not count ("redmi", "goldline").
  EXPECT_TRUE(std::isnan(Features(gray, R({{"title", "redmi goldline phone"}}))["colour_conflict"]));
}

TEST_F(PairFeaturesTest, SpecsThatDifferAreAConflict) {
  auto f = Features(corpus_[5], corpus_[6]);
  EXPECT_EQ(f["spec_conflict"], 1);
  EXPECT_EQ(f["spec_shared"], 0);
  EXPECT_EQ(f["brand_match"], 1);
  auto same = Features(corpus_[5], R({{"title", "SanDisk Ultra microSDXC 64GB UHS-I card"}}));
  EXPECT_EQ(same["spec_conflict"], 0);
  EXPECT_EQ(same["spec_shared"], 1);
}

TEST_F(PairFeaturesTest, MissingEvidenceIsNaN) {
  auto f = Features(R({{"title", "bose headphones"}}), R({{"title", "bose headphones"}, {"price", "n/a"}}));
  EXPECT_TRUE(std::isnan(f["price_ratio"]));
  EXPECT_TRUE(std::isnan(f["brand_match"]));
  EXPECT_TRUE(std::isnan(f["code_conflict"]));
  EXPECT_TRUE(std::isnan(f["category_cos"]));
  EXPECT_NEAR(f["title_cos_word"], 1, 1e-6);
  EXPECT_EQ(f["code_count_l"], 0);
}

TEST_F(PairFeaturesTest, VariantWordsShowAsUnmatchedRareWords) {
  auto f = Features(R({{"title", "adobe photoshop cs3 upgrade mac"}}), R({{"title", "adobe photoshop cs3 windows"}}));
  EXPECT_GT(f["unmatched_idf_max_lr"], 1);
  EXPECT_GT(f["unmatched_idf_share_lr"], 0.2);
  auto same = Features(R({{"title", "adobe photoshop cs3"}}), R({{"title", "photoshop cs3 by adobe"}}));
  EXPECT_EQ(same["unmatched_idf_max_lr"], 0);
}

TEST_F(PairFeaturesTest, SchemaNamesTheRolesAndRecordsWithoutTitleUseTheirFirstValue) {
  RecordSchema schema;
  schema.title = {"product_description"};
  schema.brand = {"brand_name"};
  PairFeaturizer custom(schema);
  std::vector<const Record*> records;
  for (const auto& r : corpus_) records.push_back(&r);
  custom.Fit(records);
  const Record notice = R({{"product_description", "Cordless kettle KT-2000"}, {"brand_name", "Acme"}});
  const Record listing = R({{"listing", "ACME kettle kt2000 1.7L"}});
  const auto prepared = custom.Prepare(notice);
  EXPECT_EQ(prepared.title, "cordless kettle kt 2000");
  EXPECT_EQ(prepared.brand, "acme");
  const auto values = custom.Compute(notice, listing);
  const auto& names = PairFeaturizer::FeatureNames();
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == "brand_in_text_lr") {
      EXPECT_EQ(values[i], 1);
    } else if (names[i] == "code_exact_count") {
      EXPECT_EQ(values[i], 1);
    }
  }
}

TEST_F(PairFeaturesTest, PreparedWordsAreDistinctAndSortedAsStrings) {
  // Shared 8-byte prefixes, words that are prefixes of others, bytes above
  // 0x7f: the order must be the strings' own.
  const Record r = R({{"title", "microsdxc microsdhc micro microsd microsdxc2 \xc3\xa9t\xc3\xa9 zz a microsdxc \xc3\xa9"},
                      {"description", "aaaaaaaab aaaaaaaa aaaaaaaaa b aaaaaaaa"}});
  const PreparedRecord p = featurizer_.Prepare(r);
  for (const auto* words : {&p.title_words, &p.all_words}) {
    std::vector<std::string> got(words->begin(), words->end());
    std::vector<std::string> want = got;
    std::sort(want.begin(), want.end());
    want.erase(std::unique(want.begin(), want.end()), want.end());
    EXPECT_EQ(got, want);
  }
  EXPECT_EQ(p.title_words.size(), 9u);
  EXPECT_EQ(p.title_word_count, 10u);
  ASSERT_EQ(p.title_word_info.size(), p.title_words.size());
  for (size_t i = 0; i < p.title_words.size(); ++i) EXPECT_GE(p.title_word_info[i].idf, 1.0);
}

TEST_F(PairFeaturesTest, PreparedNumbersAreCanonicalDistinctAndSorted) {
  const PreparedRecord p = featurizer_.Prepare(
      R({{"title", "kettle 007 7.50 7.0 0.00 10 2019 500w 1.7l 7"}, {"description", "model 12345 made 1999, 3.14"}}));
  const std::vector<std::string> title(p.title_numbers.begin(), p.title_numbers.end());
  EXPECT_EQ(title, (std::vector<std::string>{"0", "10", "2019", "7", "7.5"}));
  const std::vector<std::string> all(p.all_numbers.begin(), p.all_numbers.end());
  EXPECT_EQ(all, (std::vector<std::string>{"0", "10", "12345", "1999", "2019", "3.14", "7", "7.5"}));
  const std::vector<std::string> years(p.years.begin(), p.years.end());
  EXPECT_EQ(years, (std::vector<std::string>{"1999", "2019"}));
  const std::vector<std::string> runs(p.digit_runs.begin(), p.digit_runs.end());
  EXPECT_EQ(runs, (std::vector<std::string>{"12345"}));
  auto f = Features(R({{"title", "kettle 007 7.50"}}), R({{"title", "kettle 7 7.5"}}));
  EXPECT_EQ(f["number_jaccard"], 1);
  EXPECT_EQ(f["number_missing_lr"], 0);
}

TEST_F(PairFeaturesTest, TitleNumbersEndWhereTheTitleEnds) {
  // Numbers at the title's ends, in the other values, and at the end of the
  // text; the title's numbers come from the scan of the whole text.
  const PreparedRecord p = featurizer_.Prepare(
      R({{"title", "12 kettle 3.5"}, {"description", "7 cups, 1.25"}, {"model", "x 99"}}));
  EXPECT_EQ(std::vector<std::string>(p.title_numbers.begin(), p.title_numbers.end()), (std::vector<std::string>{"12", "3.5"}));
  EXPECT_EQ(std::vector<std::string>(p.all_numbers.begin(), p.all_numbers.end()),
            (std::vector<std::string>{"1.25", "12", "3.5", "7", "99"}));
  // A title ending in a point, a title that is one number, a title without
  // numbers, and a non-ASCII title (folded apart from the other values).
  const PreparedRecord point = featurizer_.Prepare(R({{"title", "kettle 5."}, {"description", "5 l"}}));
  EXPECT_EQ(std::vector<std::string>(point.title_numbers.begin(), point.title_numbers.end()), (std::vector<std::string>{"5"}));
  const PreparedRecord lone = featurizer_.Prepare(R({{"title", "2019"}}));
  EXPECT_EQ(std::vector<std::string>(lone.title_numbers.begin(), lone.title_numbers.end()), (std::vector<std::string>{"2019"}));
  EXPECT_EQ(std::vector<std::string>(lone.all_numbers.begin(), lone.all_numbers.end()), (std::vector<std::string>{"2019"}));
  const PreparedRecord none = featurizer_.Prepare(R({{"title", "kettle"}, {"description", "holds 2 l"}}));
  EXPECT_TRUE(none.title_numbers.empty());
  EXPECT_EQ(none.all_numbers.size(), 1u);
  const PreparedRecord accented = featurizer_.Prepare(R({{"title", "caf\xc3\xa9 4 tasses"}, {"description", "8 cups"}}));
  EXPECT_EQ(std::vector<std::string>(accented.title_numbers.begin(), accented.title_numbers.end()), (std::vector<std::string>{"4"}));
  EXPECT_EQ(std::vector<std::string>(accented.all_numbers.begin(), accented.all_numbers.end()), (std::vector<std::string>{"4", "8"}));
}

TEST_F(PairFeaturesTest, PriceInTextIsTheLastPriceLikeAmount) {
  // Past long digit-free stretches, at the text's end, and not inside words,
  // after a point, or in a Wi-Fi standard.
  const std::string padding(100, 'a');
  EXPECT_EQ(featurizer_.Prepare(R({{"title", padding + " kettle 19.99 then 24.50"}})).price, 24.5);
  EXPECT_EQ(featurizer_.Prepare(R({{"title", "kettle 409.0 " + padding}})).price, 409.0);
  const PreparedRecord none = featurizer_.Prepare(R({{"title", "x19.99 1.19.99 802.11 2.7 lcd"}}));
  EXPECT_TRUE(std::isnan(none.price));
  EXPECT_FALSE(none.price_from_text);
  EXPECT_TRUE(featurizer_.Prepare(R({{"title", "kettle 19.99"}})).price_from_text);
}

TEST_F(PairFeaturesTest, SpecKindsFollowTheSortedSpecs) {
  const PreparedRecord p = featurizer_.Prepare(R({{"title", "usb3.0 hub 64gb 4-in-1 12x18 64gb"}}));
  ASSERT_EQ(p.spec_kinds.size(), p.specs.size());
  for (size_t i = 0; i < p.specs.size(); ++i) {
    std::string letters;
    for (char c : p.specs[i]) {
      if (c >= 'A' && c <= 'Z') letters += c;
    }
    EXPECT_EQ(p.spec_kinds[i], letters);
    if (i > 0) {
      EXPECT_LT(p.specs[i - 1], p.specs[i]);
    }
  }
}

TEST_F(PairFeaturesTest, BrandInTextOnlyAsWholeWords) {
  const Record acme = R({{"title", "cordless kettle"}, {"brand", "Acme Home"}});
  // At the start, at the end, alone, and not inside longer words.
  EXPECT_EQ(Features(acme, R({{"title", "acme home kettle"}}))["brand_in_text_lr"], 1);
  EXPECT_EQ(Features(acme, R({{"title", "kettle by acme home"}}))["brand_in_text_lr"], 1);
  EXPECT_EQ(Features(acme, R({{"title", "acme home"}}))["brand_in_text_lr"], 1);
  EXPECT_EQ(Features(acme, R({{"title", "acme homes kettle"}}))["brand_in_text_lr"], 0);
  EXPECT_EQ(Features(acme, R({{"title", "kettle macme home"}}))["brand_in_text_lr"], 0);
  EXPECT_EQ(Features(acme, R({{"title", "acme"}}))["brand_in_text_lr"], 0);
  const Record cafe = R({{"title", "espresso machine"}, {"brand", "Caf\xc3\xa9 Cr\xc3\xa8me"}});
  EXPECT_EQ(Features(cafe, R({{"title", "caf\xc3\xa9 cr\xc3\xa8me espresso machine"}}))["brand_in_text_lr"], 1);
}

TEST_F(PairFeaturesTest, EmptyAndOddRecordsPrepare) {
  const PreparedRecord empty = featurizer_.Prepare(R({}));
  EXPECT_TRUE(empty.title.empty());
  EXPECT_TRUE(empty.title_words.empty());
  EXPECT_TRUE(empty.all_words.empty());
  EXPECT_EQ(empty.title_word_count, 0u);
  auto f = Features(R({}), corpus_[0]);
  EXPECT_TRUE(std::isnan(f["title_jaccard"]));
  EXPECT_TRUE(std::isnan(f["number_jaccard"]) || f["number_jaccard"] == 0);
  // One-byte words, and a long text of many repeated words.
  const PreparedRecord tiny = featurizer_.Prepare(R({{"title", "a b a c b"}}));
  EXPECT_EQ(std::vector<std::string>(tiny.title_words.begin(), tiny.title_words.end()), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(tiny.title_word_count, 5u);
  std::string long_text;
  for (int i = 0; i < 2000; ++i) long_text += "word" + std::to_string(i % 300) + " ";
  const PreparedRecord big = featurizer_.Prepare(R({{"title", "kettle"}, {"description", long_text}}));
  EXPECT_EQ(big.all_words.size(), 301u);
  auto g = Features(R({{"title", "kettle"}, {"description", long_text}}), R({{"title", "kettle"}, {"description", long_text}}));
  EXPECT_EQ(g["all_jaccard"], 1);
}

TEST_F(PairFeaturesTest, ARecordNamingSeveralModelsIsComparedByTheOneTheOtherShows) {
  // A notice of three fire pits against a listing of the second.
  const Record notice = R({{"title", "tabletop fire pits"}, {"model", "BSFIREPIT01"}, {"other models", "BSFIREPIT02; BSFIREPIT03"}});
  const Record by_attribute = R({{"title", "brookstone tabletop fire pit"}, {"model", "BSFIREPIT02"}});
  auto f = Features(notice, by_attribute);
  EXPECT_EQ(f["model_exact"], 1);
  EXPECT_EQ(f["model_in_text_lr"], 1);
  auto g = Features(notice, R({{"title", "brookstone tabletop fire pit bsfirepit03"}}));
  EXPECT_EQ(g["model_in_text_lr"], 1);
  // A model the notice does not name: compared with its first, as before.
  auto h = Features(notice, R({{"title", "brookstone tabletop fire pit"}, {"model", "BSFIREPIT09"}}));
  EXPECT_EQ(h["model_exact"], 0);
  EXPECT_EQ(h["model_in_text_lr"], 0);
  // Without the further models, only the first counts.
  auto k = Features(R({{"title", "tabletop fire pits"}, {"model", "BSFIREPIT01"}}), by_attribute);
  EXPECT_EQ(k["model_exact"], 0);
}

TEST_F(PairFeaturesTest, AVeryLongTitleIsReadUpToItsFirstKilobyte) {
  std::string title;
  for (int i = 0; i < 30000; ++i) title += fmt::format("word{} ", i);
  const PreparedRecord p = featurizer_.Prepare(R({{"title", title}}));
  EXPECT_LE(p.title.size(), 1024u);
  EXPECT_TRUE(p.title.starts_with("word0 word1 word2"));
  // Cut between words: what is kept is the title's start, and a space follows it.
  ASSERT_LT(p.title.size(), title.size());
  EXPECT_EQ(p.title, title.substr(0, p.title.size()));
  EXPECT_EQ(title[p.title.size()], ' ');
}

TEST_F(PairFeaturesTest, PreparedTextIsFoldedAsNormalizeTextFoldsIt) {
  // Lengths around the 8-byte steps of the ASCII folding, the bytes next to
  // 'A'..'Z' and 'a'..'z', and text that is not ASCII at the start, middle
  // and end.
  std::vector<std::string> texts = {"", "A", "@[`{", "AZ az", "Kettle KT-2000 @Z[ `a{", "ABCDEFGH", "ABCDEFGHI",
                                    "\xef\xbc\xa3" "AFE Cr\xc3\xa8me", "Caf\xc3\xa9 BRAND", "Tea \xe2\x84\xa2",
                                    "Stra\xc3\x9f" "e 12"};
  for (int n = 1; n <= 20; ++n) {
    std::string t;
    for (int i = 0; i < n; ++i) t += static_cast<char>("@AMZ[`amz{ 9"[i % 12]);
    texts.push_back(t);
  }
  for (const std::string& t : texts) {
    const PreparedRecord p = featurizer_.Prepare(R({{"title", t}, {"brand", t}, {"category", t}, {"model", t}}));
    EXPECT_EQ(p.title, NormalizeText(t)) << t;
    EXPECT_EQ(p.brand, NormalizeText(t)) << t;
    EXPECT_EQ(p.category, NormalizeText(t)) << t;
    EXPECT_EQ(p.model, CompactAlnum(FoldForMatching(t))) << t;
    const bool ascii = std::all_of(t.begin(), t.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii && !NormalizeText(t).empty()) {
      EXPECT_EQ(p.all_text, NormalizeText(t + " ; " + t + " ; " + t + " ; " + t)) << t;
    }
  }
}

TEST(RecordTest, GetIsCaseInsensitiveAndSkipsBlankValues) {
  const Record r{{{"Title", "  "}, {"title", "kettle"}, {"PRICE", "10"}}};
  EXPECT_EQ(r.Get("title"), "kettle");
  EXPECT_EQ(r.Get("price"), "10");
  EXPECT_EQ(r.Get("brand"), "");
}

}  // namespace
}  // namespace conform::recalls
