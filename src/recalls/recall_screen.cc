#include "conform/recalls/recall_screen.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <unordered_map>

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

namespace {

// A notice's page address compared as the same page whatever its scheme,
// case, "www." or closing slash: CPSC links Health Canada's pages as
// "http://healthycanadians.gc.ca/...", which Health Canada gives as they are.
std::string PageKey(std::string_view url) {
  if (const size_t scheme = url.find("://"); scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  while (!url.empty() && url.back() == '/') url.remove_suffix(1);
  std::string key(url);
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (key.starts_with("www.")) key.erase(0, 4);
  return key;
}

// The markets of each notice, and of the joint recalls that link to it: a
// CPSC recall that links to a Health Canada notice gives the Health Canada
// notice force in the US too.
std::vector<std::vector<std::string>> JointMarkets(const std::vector<Notice>& notices) {
  std::vector<std::vector<std::string>> markets;
  markets.reserve(notices.size());
  std::unordered_map<std::string, size_t> by_page;
  for (size_t i = 0; i < notices.size(); ++i) {
    markets.push_back(NoticeMarkets(notices[i]));
    if (!notices[i].url.empty()) by_page.emplace(PageKey(notices[i].url), i);
  }
  for (size_t i = 0; i < notices.size(); ++i)
    for (const std::string& url : notices[i].related_urls) {
      const auto linked = by_page.find(PageKey(url));
      if (linked == by_page.end() || linked->second == i) continue;
      auto& to = markets[linked->second];
      for (const std::string& m : markets[i])
        if (std::find(to.begin(), to.end(), m) == to.end()) to.push_back(m);
    }
  return markets;
}

// "Matches us-cpsc notice 18143 of 2018-04-19 (Petit Collage ..., risk:
// Choking; measures: ...; batches 2017-08 only): <evidence>."
std::string HitReason(const Notice& n, const RecallMatch& m) {
  std::string about = n.product_name.empty() ? n.title : n.product_name;
  std::string hazard = fmt::format("{}", fmt::join(n.hazard_types, ", "));
  if (hazard.empty() && !n.hazard_description.empty()) {
    constexpr size_t kMaxHazard = 160;
    const size_t cut = std::min(n.hazard_description.rfind(' ', kMaxHazard), kMaxHazard);
    hazard = n.hazard_description.size() <= kMaxHazard ? n.hazard_description : n.hazard_description.substr(0, cut) + " ...";
  }
  while (!hazard.empty() && (hazard.back() == '.' || hazard.back() == ' ')) hazard.pop_back();
  if (!hazard.empty()) about += fmt::format(", risk: {}", hazard);
  if (!n.risk_level.empty()) about += fmt::format(" ({})", n.risk_level);
  if (!n.measures.empty()) about += fmt::format("; measures: {}", fmt::join(n.measures, "; "));
  if (!n.batch_numbers.empty())
    about += fmt::format("; the notice covers batch{} {} only", n.batch_numbers.size() == 1 ? "" : "es", fmt::join(n.batch_numbers, ", "));
  // A feed that gives only when the notice last changed (Health Canada's
  // open data) says that much of its date.
  const std::string date = n.published ? fmt::format(" of {}", n.published->ToString())
                           : n.updated ? fmt::format(" (last updated {}; its feed gives no date of publication)", n.updated->ToString())
                                       : std::string();
  return fmt::format("Matches {} notice {}{} ({}): {}.", NoticeSourceName(n.source), n.id, date, about, fmt::join(m.evidence, "; "));
}

}  // namespace

RecallScreen::RecallScreen(std::vector<Notice> notices, std::optional<MatchModel> model, BrandAliases brands,
                           std::shared_ptr<const ProductKinds> kinds, RecallMatcherOptions options)
    : notices_(std::move(notices)), markets_(JointMarkets(notices_)), model_(std::move(model)), brands_(std::move(brands)), kinds_(std::move(kinds)) {
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
    hit.markets = markets_[m.indexed];
    hit.takedown = m.action == RecallAction::kTakedown;
    hit.reason = HitReason(n, m);
    if (hit.markets.size() > 1) hit.reason += fmt::format(" A joint recall, in force in {}.", fmt::join(hit.markets, " and "));
    hit.published = n.published;
    hit.source_url = n.url;
    hits.push_back(std::move(hit));
  }
  return hits;
}

}  // namespace conform::recalls
