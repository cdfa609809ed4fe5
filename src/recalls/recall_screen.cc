#include "conform/recalls/recall_screen.h"

#include <fmt/format.h>

namespace conform::recalls {

std::string_view NoticeMarket(NoticeSource source) {
  switch (source) {
    case NoticeSource::kEuSafetyGate: return "EU";
    case NoticeSource::kUsCpsc: return "US";
    case NoticeSource::kCaHealthCanada: return "CA";
  }
  return "";
}

RecallScreen::RecallScreen(std::vector<Notice> notices, std::optional<MatchModel> model, BrandAliases brands,
                           std::shared_ptr<const ProductKinds> kinds, RecallMatcherOptions options)
    : notices_(std::move(notices)), model_(std::move(model)), brands_(std::move(brands)), kinds_(std::move(kinds)) {
  options.brands = &brands_;
  options.kinds = kinds_.get();
  std::vector<MatchRecord> records;
  records.reserve(notices_.size());
  for (const auto& n : notices_) records.push_back(FromNotice(n));
  std::vector<const Record*> corpus;
  for (const auto& r : records) corpus.push_back(&r.record);
  featurizer_.Fit(corpus, options.threads);
  if (model_) featurizer_.set_word_evidence(model_->word_evidence());
  index_ = std::make_unique<RecallIndex>(std::move(records), /*indexed_are_notices=*/true, &featurizer_,
                                         model_ ? &*model_ : nullptr, options);
}

RecallScreen::~RecallScreen() = default;

std::vector<RecallHit> RecallScreen::Find(const Listing& listing) const {
  std::vector<RecallHit> hits;
  for (const RecallMatch& m : index_->Match(FromListing(listing))) {
    const Notice& n = notices_[m.indexed];
    RecallHit hit;
    hit.market = std::string(NoticeMarket(n.source));
    hit.takedown = m.action == RecallAction::kTakedown;
    std::string hazard;
    for (const auto& h : n.hazard_types) hazard += (hazard.empty() ? "" : ", ") + h;
    std::string evidence;
    for (const auto& e : m.evidence) evidence += (evidence.empty() ? "" : "; ") + e;
    hit.reason = fmt::format("Matches {} notice {} ({}{}{}): {}.", NoticeSourceName(n.source), n.id,
                             n.product_name.empty() ? n.title : n.product_name, hazard.empty() ? "" : ", risk: ", hazard, evidence);
    hits.push_back(std::move(hit));
  }
  return hits;
}

}  // namespace conform::recalls
