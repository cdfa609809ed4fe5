// Recall matching: which listings sell a product a recall notice names.
//
// Both directions use one index. `conform recalls match` indexes the notices
// and streams listings through it; `conform recalls affected` indexes the
// live listings and asks with one notice. Either way a pair is judged as
// (notice, listing), so the two directions agree.
//
// Blocking keeps the work proportional to the candidates, not listings x
// notices: a pair is scored only when the two share a GTIN, a model code (or
// its stem), or a brand together with a title word; brand-word keys held by
// more than `max_block` records are too common to block on and are skipped.
//
// Scoring: a learned pair model (match_model.h, trained with
// `conform match-eval --model-out`) gives the probability that both name the
// same product; `takedown_at` and the model's own threshold map it to
// takedown, review or nothing. A shared valid GTIN is identity and always
// means takedown. Without a model only identity evidence decides: a shared
// GTIN (takedown), or the same brand with the same model code (review).
// Every match carries the evidence that produced it.
#ifndef CONFORM_RECALLS_RECALL_MATCHER_H_
#define CONFORM_RECALLS_RECALL_MATCHER_H_

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "conform/core/listing.h"
#include "conform/recalls/match_model.h"
#include "conform/recalls/notice.h"
#include "conform/recalls/pair_features.h"

namespace conform::recalls {

// A notice or a listing reduced to what identifies a product.
struct MatchRecord {
  std::string id;                   // notice "source:id", or listing_id
  Record record;                    // title, brand, model, category, description
  std::vector<std::string> gtins;   // valid GTIN-14s
  std::vector<std::string> brands;  // as given; several for some notices
};

MatchRecord FromNotice(const Notice& notice);
// The listing's GTIN counts only when its check digit is valid.
MatchRecord FromListing(const Listing& listing);

enum class RecallAction { kNone, kReview, kTakedown };
std::string_view RecallActionName(RecallAction action);  // "none", "review", "takedown"

struct RecallMatch {
  size_t indexed = 0;              // position of the indexed record
  double probability = std::nan("");  // the model's; NaN without a model
  RecallAction action = RecallAction::kNone;
  std::vector<std::string> evidence;  // why, most decisive first
};

struct RecallMatcherOptions {
  double takedown_at = 0.9;  // model probability at or above: takedown
  size_t max_block = 2000;   // brand-word keys on more records are skipped
  // Brand aliases (brand.h); must outlive the index. Null: BrandKey only.
  const class BrandAliases* brands = nullptr;
};

// Candidate blocking and scoring over one side (notices or listings).
// Build once, then Match from any number of threads.
class RecallIndex {
 public:
  // `featurizer` must be fitted (PairFeaturizer::Fit); `model` may be null.
  // Both must outlive the index. `indexed_are_notices` says which side the
  // indexed records are, so that pairs are always (notice, listing).
  RecallIndex(std::vector<MatchRecord> records, bool indexed_are_notices, const PairFeaturizer* featurizer,
              const MatchModel* model, RecallMatcherOptions options = {});
  ~RecallIndex();
  RecallIndex(RecallIndex&&) noexcept;

  // The indexed records that `query` (a record of the other side) matches,
  // review or takedown, most probable first.
  std::vector<RecallMatch> Match(const MatchRecord& query) const;

  // The indexed records that blocking pairs with `query` (prepared by the
  // same featuriser), ascending and distinct: what Match scores. For
  // measuring blocking.
  std::vector<uint32_t> Candidates(const MatchRecord& query, const PreparedRecord& prepared) const;

  const MatchRecord& record(size_t i) const { return records_[i]; }
  size_t size() const { return records_.size(); }
  // Candidate pairs scored so far (all threads), for measuring blocking.
  size_t candidates_scored() const;

 private:
  struct State;
  std::vector<MatchRecord> records_;
  bool indexed_are_notices_;
  const PairFeaturizer* featurizer_;
  const MatchModel* model_;
  RecallMatcherOptions options_;
  std::unique_ptr<State> state_;
};

// The blocking keys of a record ("g:<gtin>", "c:<code>", "s:<stem>",
// "b:<brand>|<word>"), exposed for tests and the benchmark.
std::vector<std::string> BlockingKeys(const MatchRecord& record, const PreparedRecord& prepared,
                                      const class BrandAliases* brands = nullptr);

}  // namespace conform::recalls

#endif  // CONFORM_RECALLS_RECALL_MATCHER_H_
