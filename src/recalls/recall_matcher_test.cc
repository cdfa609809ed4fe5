#include "conform/recalls/recall_matcher.h"

#include "conform/recalls/brand.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <set>

namespace conform::recalls {
namespace {

Notice MakeNotice(NoticeSource source, std::string id, std::string product, std::string brand, std::string model,
                  std::string gtin, std::string description = "") {
  Notice n;
  n.source = source;
  n.id = std::move(id);
  n.product_name = std::move(product);
  if (!brand.empty()) n.brands = {std::move(brand)};
  if (!model.empty()) n.model_numbers = {std::move(model)};
  if (!gtin.empty()) n.gtins = {std::move(gtin)};
  n.description = std::move(description);
  return n;
}

Listing MakeListing(std::string id, std::string title, std::string brand = "", std::string gtin = "", std::string model = "") {
  Listing l;
  l.listing_id = std::move(id);
  l.title = std::move(title);
  l.brand = std::move(brand);
  l.gtin = std::move(gtin);
  l.model = std::move(model);
  return l;
}

class RecallMatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    notices_ = {
        MakeNotice(NoticeSource::kEuSafetyGate, "A12/00001/26", "USB charger", "Voltix", "QC-65A", "04006381333931"),
        MakeNotice(NoticeSource::kUsCpsc, "26101", "Hair dryers", "Breezo", "",
                   "", "This recall involves Breezo hair dryers, model number HD-2200X, sold in pink and grey."),
        MakeNotice(NoticeSource::kCaHealthCanada, "RA-70001", "Children's hooded sweatshirt", "Kidsy", "", ""),
    };
    listings_ = {
        MakeListing("L1", "Fast charger 65 W", "", "4006381333931"),              // same GTIN, written as EAN-13
        MakeListing("L2", "Voltix QC65A fast charger 65W USB-C", ""),             // brand and model code in the title
        MakeListing("L3", "Breezo Pro hair dryer HD2200X 2200 W ionic", "Breezo"),  // model only in the notice's text
        MakeListing("L4", "Voltix QC-30 charger 30W", "Voltix"),                  // same brand, another model
        MakeListing("L5", "Ceramic coffee mug 350 ml", "Mugly", "96385074"),      // unrelated
    };
    for (const auto& n : notices_) notice_records_.push_back(FromNotice(n));
    for (const auto& l : listings_) listing_records_.push_back(FromListing(l));
    std::vector<const Record*> corpus;
    for (const auto& r : notice_records_) corpus.push_back(&r.record);
    featurizer_.Fit(corpus);
  }

  std::vector<Notice> notices_;
  std::vector<Listing> listings_;
  std::vector<MatchRecord> notice_records_, listing_records_;
  PairFeaturizer featurizer_;
};

TEST_F(RecallMatcherTest, IdentityEvidenceWithoutAModel) {
  const RecallIndex index(notice_records_, /*indexed_are_notices=*/true, &featurizer_, nullptr);
  const auto matches_of = [&](size_t listing) { return index.Match(listing_records_[listing]); };

  auto gtin = matches_of(0);
  ASSERT_EQ(gtin.size(), 1u);
  EXPECT_EQ(index.record(gtin[0].indexed).id, "eu-safety-gate:A12/00001/26");
  EXPECT_EQ(gtin[0].action, RecallAction::kTakedown);
  EXPECT_EQ(gtin[0].evidence[0], "same GTIN 04006381333931");
  EXPECT_TRUE(std::isnan(gtin[0].probability));

  auto code = matches_of(1);
  ASSERT_EQ(code.size(), 1u);
  EXPECT_EQ(code[0].action, RecallAction::kReview);
  EXPECT_NE(std::find(code[0].evidence.begin(), code[0].evidence.end(), "same model code QC65A"), code[0].evidence.end());
  EXPECT_NE(std::find(code[0].evidence.begin(), code[0].evidence.end(), "brand named in both"), code[0].evidence.end());

  auto text = matches_of(2);
  ASSERT_EQ(text.size(), 1u);
  EXPECT_EQ(index.record(text[0].indexed).id, "us-cpsc:26101");

  EXPECT_TRUE(matches_of(3).empty());  // a brand alone is not the product
  EXPECT_TRUE(matches_of(4).empty());
}

TEST_F(RecallMatcherTest, BothDirectionsAgree) {
  const RecallIndex by_notice(notice_records_, true, &featurizer_, nullptr);
  const RecallIndex by_listing(listing_records_, false, &featurizer_, nullptr);
  std::set<std::pair<std::string, std::string>> forward, backward;
  for (const auto& l : listing_records_)
    for (const auto& m : by_notice.Match(l)) forward.insert({by_notice.record(m.indexed).id, l.id});
  for (const auto& n : notice_records_)
    for (const auto& m : by_listing.Match(n)) backward.insert({n.id, by_listing.record(m.indexed).id});
  EXPECT_EQ(forward, backward);
  EXPECT_EQ(forward.size(), 3u);
}

TEST_F(RecallMatcherTest, BlockingScoresCandidatesNotEveryPair) {
  // 2,000 listings of other products from the same brands: none shares a
  // GTIN or a model code with a notice, and their brand-word keys are
  // common enough to be skipped.
  std::vector<MatchRecord> many = listing_records_;
  for (int i = 0; i < 2000; ++i)
    many.push_back(FromListing(MakeListing(fmt::format("X{}", i), fmt::format("Voltix charger cable TX{}0{}", i % 97, i), "Voltix")));
  RecallMatcherOptions options;
  options.max_block = 500;
  const RecallIndex index(many, false, &featurizer_, nullptr, options);
  size_t found = 0;
  for (const auto& n : notice_records_) found += index.Match(n).size();
  EXPECT_EQ(found, 3u);
  EXPECT_LT(index.candidates_scored(), 50u);
}

TEST(RecallBrandTest, AliasesJoinChineseAndLatinNames) {
  auto aliases = BrandAliases::Load(std::string(CONFORM_SHIPPED_DATA_DIR) + "/recalls/brand_aliases.yaml");
  ASSERT_TRUE(aliases.ok());
  const std::vector<MatchRecord> notices = {FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/00002/26", "Power bank", "Xiaomi", "PB2050ZM", ""))};
  PairFeaturizer featurizer;
  featurizer.Fit({&notices[0].record});
  RecallMatcherOptions options;
  options.brands = &aliases.value();
  const RecallIndex index(notices, true, &featurizer, nullptr, options);
  const auto hits = index.Match(FromListing(MakeListing("L", "小米 充电宝 20000mAh PB2050ZM 快充", "小米")));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].action, RecallAction::kReview);
  EXPECT_NE(std::find(hits[0].evidence.begin(), hits[0].evidence.end(), "brand named in both"), hits[0].evidence.end());
  // Without the alias table the brands do not agree, so the code alone is
  // not enough.
  const RecallIndex plain(notices, true, &featurizer, nullptr);
  EXPECT_TRUE(plain.Match(FromListing(MakeListing("L", "小米 充电宝 20000mAh PB2050ZM 快充", "小米"))).empty());
}

TEST(RecallBlockingTest, KeysFromGtinCodesAndBrandWords) {
  PairFeaturizer featurizer;
  MatchRecord r = FromListing(MakeListing("L", "Sony Bravia KDL-40EX500 LCD television", "Sony", "4006381333931"));
  featurizer.Fit({&r.record});
  const auto keys = BlockingKeys(r, featurizer.Prepare(r.record));
  const std::set<std::string> got(keys.begin(), keys.end());
  EXPECT_TRUE(got.count("g:04006381333931"));
  EXPECT_TRUE(got.count("c:KDL40EX500"));
  EXPECT_TRUE(got.count("b:sony|bravia"));
  EXPECT_FALSE(got.count("b:sony|sony"));
  // An invalid GTIN is not used.
  EXPECT_TRUE(FromListing(MakeListing("L", "x", "", "4006381333932")).gtins.empty());
}

}  // namespace
}  // namespace conform::recalls
