#include "conform/recalls/recall_screen.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace conform::recalls {

std::string_view NoticeMarket(NoticeSource source) {
  switch (source) {
    case NoticeSource::kEuSafetyGate: return "EU";
    case NoticeSource::kUsCpsc: return "US";
    case NoticeSource::kCaHealthCanada: return "CA";
  }
  return "";
}

std::vector<std::string> NoticeMarkets(const Notice& notice) {
  std::vector<std::string> markets = {std::string(NoticeMarket(notice.source))};
  const auto add = [&markets](std::string_view market) {
    if (std::find(markets.begin(), markets.end(), market) == markets.end()) markets.emplace_back(market);
  };
  for (const std::string& url : notice.related_urls) {
    // The host, lower case: "https://recalls-rappels.canada.ca/en/..." -> "recalls-rappels.canada.ca".
    const size_t scheme = url.find("://");
    const size_t begin = scheme == std::string::npos ? 0 : scheme + 3;
    std::string host = url.substr(begin, url.find('/', begin) - begin);
    for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto under = [&host](std::string_view domain) { return host == domain || host.ends_with(fmt::format(".{}", domain)); };
    if (under("canada.ca") || under("healthycanadians.gc.ca") || under("hc-sc.gc.ca")) add("CA");
    else if (under("cpsc.gov") || under("saferproducts.gov")) add("US");
    else if (host == "ec.europa.eu" && url.find("safety-gate") != std::string::npos) add("EU");
  }
  if (notice.source == NoticeSource::kUsCpsc)
    for (const std::string& country : notice.market_countries)
      if (country == "Canada") add("CA");
  if (notice.source == NoticeSource::kCaHealthCanada)
    for (const std::string& country : notice.market_countries)
      if (country == "United States") add("US");
  return markets;
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
    hit.markets = NoticeMarkets(n);
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
