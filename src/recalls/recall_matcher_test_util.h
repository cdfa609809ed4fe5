// What the recall matcher's tests share: notices and listings made in a
// line, indexes fitted on them, and expectations on what a match says.
#ifndef CONFORM_RECALLS_RECALL_MATCHER_TEST_UTIL_H_
#define CONFORM_RECALLS_RECALL_MATCHER_TEST_UTIL_H_

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "conform/recalls/brand.h"
#include "conform/recalls/er_benchmark.h"
#include "conform/recalls/product_kind.h"
#include "conform/recalls/recall_matcher.h"
#include "conform/screen/listing_reader.h"
#include "test_feeds.h"

namespace conform::recalls {

inline Notice MakeNotice(NoticeSource source, std::string id, std::string product, std::string brand, std::string model,
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

inline Listing MakeListing(std::string id, std::string title, std::string brand = "", std::string gtin = "", std::string model = "") {
  Listing l;
  l.listing_id = std::move(id);
  l.title = std::move(title);
  l.brand = std::move(brand);
  l.gtin = std::move(gtin);
  l.model = std::move(model);
  return l;
}

// Exactly one match, and a takedown.
inline void ExpectOneTakedown(const std::vector<RecallMatch>& hits, std::string_view context = "") {
  ASSERT_EQ(hits.size(), 1u) << context;
  EXPECT_EQ(hits[0].action, RecallAction::kTakedown) << context << ": " << hits[0].evidence.back();
}

inline void ExpectOneReview(const std::vector<RecallMatch>& hits, std::string_view context = "") {
  ASSERT_EQ(hits.size(), 1u) << context;
  EXPECT_EQ(hits[0].action, RecallAction::kReview) << context << ": " << hits[0].evidence.back();
}

// Matcher options with the shipped brand alias table, read once.
inline RecallMatcherOptions WithShippedAliases() {
  static const BrandAliases aliases = [] {
    auto loaded = BrandAliases::Load(std::string(CONFORM_SHIPPED_DATA_DIR) + "/recalls/brand_aliases.yaml");
    EXPECT_TRUE(loaded.ok()) << loaded.error().ToString();
    return loaded.ok() ? std::move(loaded).value() : BrandAliases();
  }();
  RecallMatcherOptions options;
  options.brands = &aliases;
  return options;
}

// The action of a listing's one match in `index`; kNone for none (or more).
inline RecallAction ActionOf(const RecallIndex& index, const std::string& title, const std::string& brand) {
  const auto m = index.Match(FromListing(MakeListing("L", title, brand)));
  return m.size() == 1 ? m[0].action : RecallAction::kNone;
}

// A model that believes every pair (the same probability, 0.975, whatever
// the features): what the rules decide cannot come from it.
inline MatchModel TrustingModel() {
  FeatureMatrix x(40, PairFeaturizer::FeatureCount());
  std::fill(x.values.begin(), x.values.end(), 0.5f);
  std::vector<float> y(40, 1);
  y[0] = 0;
  BoostingOptions options;
  options.max_rounds = 60;
  options.learning_rate = 0.5;
  options.parallel_trees = 1;
  auto model = MatchModel::Train(x, y, nullptr, nullptr, options);
  EXPECT_TRUE(model.ok());
  return std::move(model).value();
}

inline bool HasEvidence(const RecallMatch& m, std::string_view line) {
  return std::find(m.evidence.begin(), m.evidence.end(), line) != m.evidence.end();
}

// One notice against one listing, no pair model: the matches.
inline std::vector<RecallMatch> MatchOne(const Notice& notice, const Listing& listing, const ProductKinds* kinds = nullptr) {
  const std::vector<MatchRecord> notices = {FromNotice(notice)};
  PairFeaturizer featurizer;
  featurizer.Fit({&notices[0].record});
  RecallMatcherOptions options;
  options.kinds = kinds;
  const RecallIndex index(notices, /*indexed_are_notices=*/true, &featurizer, nullptr, options);
  return index.Match(FromListing(listing));
}

// An index of `notices` whose featuriser is fitted on them all: how rare
// a word is needs a corpus.
struct FittedIndex {
  explicit FittedIndex(std::vector<MatchRecord> records) : notices(std::move(records)) {
    std::vector<const Record*> corpus;
    for (const auto& r : notices) corpus.push_back(&r.record);
    featurizer.Fit(corpus);
    index = std::make_unique<RecallIndex>(notices, /*indexed_are_notices=*/true, &featurizer, nullptr);
  }
  std::vector<MatchRecord> notices;
  PairFeaturizer featurizer;
  std::unique_ptr<RecallIndex> index;
};

}  // namespace conform::recalls

#endif  // CONFORM_RECALLS_RECALL_MATCHER_TEST_UTIL_H_
