#include "conform/recalls/recall_matcher.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <unordered_set>

#include "conform/core/gtin.h"
#include "conform/recalls/brand.h"
#include "conform/recalls/text_similarity.h"

namespace conform::recalls {

namespace {

// Title words too common to say anything about a product.
bool StopWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kStop = {
      "the", "and", "for", "with", "from", "set", "kit", "pack", "new", "pcs", "piece", "pieces", "black", "white",
      "und", "mit", "für", "pour", "avec", "les", "des", "del", "con", "para", "the", "model", "type", "product"};
  return w.size() < 3 || kStop.count(w) != 0;
}

std::string Joined(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) {
    if (v.empty()) continue;
    if (!out.empty()) out += "; ";
    out += v;
  }
  return out;
}

// A name in a record's text: as whole words, or anywhere for names in
// scripts written without spaces (Chinese).
bool ContainsName(const PreparedRecord& p, const std::string& name) {
  if (name.empty()) return false;
  const bool ascii = std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  return ascii ? p.padded_all.find(" " + name + " ") != std::string::npos : p.all_text.find(name) != std::string::npos;
}

}  // namespace

MatchRecord FromNotice(const Notice& n) {
  MatchRecord r;
  r.id = fmt::format("{}:{}", NoticeSourceName(n.source), n.id);
  const std::string name = n.product_name.empty() ? n.title : n.product_name;
  r.record.fields = {{"title", name},
                     {"brand", Joined(n.brands)},
                     {"model", Joined(n.model_numbers)},
                     {"category", n.category},
                     {"description", n.description}};
  r.gtins = n.gtins;
  r.brands = n.brands;
  return r;
}

MatchRecord FromListing(const Listing& l) {
  MatchRecord r;
  r.id = l.listing_id;
  r.record.fields = {{"title", l.title}, {"brand", l.brand}, {"model", l.model}, {"category", l.category}};
  if (!l.gtin.empty())
    if (auto g = NormalizeGtin(l.gtin); g.ok()) r.gtins.push_back(g.value());
  if (!l.brand.empty()) r.brands.push_back(l.brand);
  return r;
}

std::string_view RecallActionName(RecallAction a) {
  switch (a) {
    case RecallAction::kTakedown: return "takedown";
    case RecallAction::kReview: return "review";
    case RecallAction::kNone: break;
  }
  return "none";
}

std::vector<std::string> BlockingKeys(const MatchRecord& record, const PreparedRecord& p, const BrandAliases* aliases) {
  std::vector<std::string> keys;
  for (const auto& g : record.gtins) keys.push_back("g:" + g);
  for (const auto& c : p.codes) {
    if (c.normalized.size() >= 4) keys.push_back("c:" + c.normalized);
    if (!c.stem.empty()) keys.push_back("s:" + c.stem);
  }
  // Brand with each distinctive title word. A listing without a brand
  // attribute often starts its title with it.
  std::vector<std::string> brands;
  for (const auto& b : record.brands) {
    std::string n = aliases != nullptr ? aliases->Canonical(b) : BrandKey(b);
    if (!n.empty()) brands.push_back(std::move(n));
  }
  if (brands.empty() && !p.first_word.empty()) brands.push_back(aliases != nullptr ? aliases->Canonical(p.first_word) : p.first_word);
  size_t words = 0;
  for (const auto& w : p.title_words) {
    if (StopWord(w) || words >= 12) continue;
    ++words;
    for (const auto& b : brands)
      if (w != b) keys.push_back("b:" + b + "|" + w);
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

struct RecallIndex::State {
  std::vector<PreparedRecord> prepared;
  // The canonical keys of each record's brands (empty ones left out), so
  // that a record met in many pairs is canonicalised once.
  std::vector<std::vector<std::string>> brand_keys;
  std::unordered_map<std::string, std::vector<uint32_t>> postings;
  mutable std::atomic<size_t> scored{0};
};

namespace {

std::vector<std::string> CanonicalBrands(const MatchRecord& r, const BrandAliases* aliases) {
  std::vector<std::string> keys;
  for (const auto& b : r.brands)
    if (std::string k = aliases != nullptr ? aliases->Canonical(b) : BrandKey(b); !k.empty()) keys.push_back(std::move(k));
  return keys;
}

}  // namespace

RecallIndex::RecallIndex(std::vector<MatchRecord> records, bool indexed_are_notices, const PairFeaturizer* featurizer,
                         const MatchModel* model, RecallMatcherOptions options)
    : records_(std::move(records)),
      indexed_are_notices_(indexed_are_notices),
      featurizer_(featurizer),
      model_(model),
      options_(options),
      state_(std::make_unique<State>()) {
  state_->prepared.resize(records_.size());
  state_->brand_keys.resize(records_.size());
  // Preparing (normalising, vectorising, extracting codes) is most of the
  // build: done on every core.
  const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  std::atomic<size_t> next{0};
  const auto work = [&] {
    for (size_t i = next++; i < records_.size(); i = next++) {
      state_->prepared[i] = featurizer_->Prepare(records_[i].record);
      state_->brand_keys[i] = CanonicalBrands(records_[i], options_.brands);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  for (size_t i = 0; i < records_.size(); ++i)
    for (auto& key : BlockingKeys(records_[i], state_->prepared[i], options_.brands))
      state_->postings[std::move(key)].push_back(static_cast<uint32_t>(i));
}

RecallIndex::~RecallIndex() = default;
RecallIndex::RecallIndex(RecallIndex&&) noexcept = default;

size_t RecallIndex::candidates_scored() const { return state_->scored.load(); }

std::vector<uint32_t> RecallIndex::Candidates(const MatchRecord& query, const PreparedRecord& q) const {
  std::vector<uint32_t> candidates;
  for (const auto& key : BlockingKeys(query, q, options_.brands)) {
    auto it = state_->postings.find(key);
    if (it == state_->postings.end()) continue;
    if (key[0] == 'b' && it->second.size() > options_.max_block) continue;
    candidates.insert(candidates.end(), it->second.begin(), it->second.end());
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  return candidates;
}

std::vector<RecallMatch> RecallIndex::Match(const MatchRecord& query) const {
  const auto Spellings = [&](const std::string& c) {
    return options_.brands != nullptr ? options_.brands->Spellings(c) : std::vector<std::string>{c};
  };
  const PreparedRecord q = featurizer_->Prepare(query.record);
  const std::vector<uint32_t> candidates = Candidates(query, q);
  state_->scored += candidates.size();
  if (candidates.empty()) return {};

  // Pairs are (notice, listing) whichever side is indexed.
  const auto notice_of = [&](size_t c) -> const PreparedRecord& { return indexed_are_notices_ ? state_->prepared[c] : q; };
  const auto listing_of = [&](size_t c) -> const PreparedRecord& { return indexed_are_notices_ ? q : state_->prepared[c]; };

  std::vector<float> probabilities;
  if (model_ != nullptr) {
    FeatureMatrix features(candidates.size(), PairFeaturizer::FeatureCount());
    for (size_t k = 0; k < candidates.size(); ++k) featurizer_->Compute(notice_of(candidates[k]), listing_of(candidates[k]), features.row(k));
    auto predicted = model_->Predict(features);
    if (predicted.ok()) probabilities = std::move(predicted).value();
  }

  // The query's brands, canonicalised once for all its candidates.
  const std::vector<std::string> query_brands = CanonicalBrands(query, options_.brands);

  // The action first; the evidence only for the candidates that get one
  // (most candidates get none).
  std::vector<RecallMatch> out;
  for (size_t k = 0; k < candidates.size(); ++k) {
    const size_t c = candidates[k];
    const MatchRecord& other = records_[c];
    const PreparedRecord& n = notice_of(c);
    const PreparedRecord& l = listing_of(c);
    std::string shared_gtin;
    for (const auto& g : query.gtins)
      if (std::find(other.gtins.begin(), other.gtins.end(), g) != other.gtins.end()) shared_gtin = g;
    std::string shared_code;
    for (const auto& a : n.codes)
      for (const auto& b : l.codes)
        if (a.normalized == b.normalized && a.normalized.size() >= 4) shared_code = a.normalized;
    const std::vector<std::string>& notice_brands = indexed_are_notices_ ? state_->brand_keys[c] : query_brands;
    const std::vector<std::string>& listing_brands = indexed_are_notices_ ? query_brands : state_->brand_keys[c];
    const auto brand_agrees = [&] {
      for (const auto& canonical : notice_brands) {
        for (const auto& lb : listing_brands)
          if (lb == canonical) return true;
        // Named in the listing's text, in any of its spellings.
        for (const auto& spelling : Spellings(canonical))
          if (ContainsName(l, spelling)) return true;
      }
      return false;
    };

    RecallMatch m;
    m.indexed = c;
    bool brands_agree = false;
    if (!probabilities.empty()) {
      m.probability = probabilities[k];
      if (m.probability >= options_.takedown_at) m.action = RecallAction::kTakedown;
      else if (m.probability >= model_->threshold()) m.action = RecallAction::kReview;
    } else if (!shared_code.empty() && (brands_agree = brand_agrees())) {
      m.action = RecallAction::kReview;
    }
    if (!shared_gtin.empty()) m.action = RecallAction::kTakedown;
    if (m.action == RecallAction::kNone) continue;

    // Identity evidence first.
    if (!shared_gtin.empty()) m.evidence.push_back("same GTIN " + shared_gtin);
    if (!shared_code.empty()) m.evidence.push_back("same model code " + shared_code);
    if (brands_agree || brand_agrees()) m.evidence.push_back("brand named in both");
    if (!probabilities.empty())
      m.evidence.push_back(fmt::format("match probability {:.3f} (title similarity {:.2f})", m.probability,
                                       Cosine(n.title_word, l.title_word)));
    out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(), [](const RecallMatch& a, const RecallMatch& b) {
    if (a.action != b.action) return a.action > b.action;
    const double pa = std::isnan(a.probability) ? 0 : a.probability, pb = std::isnan(b.probability) ? 0 : b.probability;
    return pa > pb;
  });
  return out;
}

}  // namespace conform::recalls
