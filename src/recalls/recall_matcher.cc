#include "conform/recalls/recall_matcher.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <thread>
#include <unordered_set>

#include "conform/core/gtin.h"
#include "conform/recalls/brand.h"
#include "conform/recalls/text_similarity.h"

namespace conform::recalls {

namespace {

// Codes shorter than this are too likely to occur by chance to block on or
// to identify a product ("A12", "X5").
constexpr size_t kMinCode = 4;

// Title words too common to say anything about a product.
bool StopWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kStop = {
      "the", "and", "for", "with", "from", "set", "kit", "pack", "new", "pcs", "piece", "pieces", "black", "white",
      "und", "mit", "für", "pour", "avec", "les", "des", "del", "con", "para", "the", "model", "type", "product"};
  return w.size() < 3 || kStop.count(w) != 0;
}

// What regulators and sellers write when a product shows no brand: no
// brand at all, not a brand of its own.
bool PlaceholderBrand(std::string_view key) {
  static const std::unordered_set<std::string_view> kPlaceholders = {
      "unknown", "unknown brand", "no brand", "nobrand", "unbranded", "generic", "none", "n a", "na", "not known",
      "brand unknown", "without brand", "no name", "noname", "sans marque", "ohne marke", "sin marca", "senza marca"};
  return kPlaceholders.count(key) != 0;
}

std::string Joined(const std::vector<std::string>& values, size_t from = 0) {
  std::string out;
  for (size_t i = from; i < values.size(); ++i) {
    if (values[i].empty()) continue;
    if (!out.empty()) out += "; ";
    out += values[i];
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

std::vector<std::string> CanonicalBrands(const MatchRecord& r, const BrandAliases* aliases) {
  std::vector<std::string> keys;
  for (const auto& b : r.brands)
    if (std::string k = aliases != nullptr ? aliases->Canonical(b) : BrandKey(b); !k.empty() && !PlaceholderBrand(k))
      keys.push_back(std::move(k));
  return keys;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool AllLetters(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// `code` written in a normalised text, whole: as one word or as neighbouring
// words run together ("qc 65a" for QC65A, as "QC-65A" normalises), never as
// the head of a longer word ("QC65APRO" is another model).
bool CodeInText(const std::string& code, std::string_view normalized) {
  const std::vector<std::string_view> words = Words(normalized);
  for (size_t i = 0; i < words.size(); ++i) {
    std::string run;
    for (size_t j = i; j < words.size() && j < i + 4 && run.size() < code.size(); ++j) {
      for (char c : words[j]) run += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
      if (run == code) return true;
    }
  }
  return false;
}

// How the listing shows one of the notice's model codes.
enum class CodeAgreement { kNone, kNear, kSame };

}  // namespace

MatchRecord FromNotice(const Notice& n) {
  MatchRecord r;
  r.id = fmt::format("{}:{}", NoticeSourceName(n.source), n.id);
  const std::string name = n.product_name.empty() ? n.title : n.product_name;
  // One code in the model attribute, so that it reads as one code; the
  // others still count from the text.
  r.record.fields = {{"title", name},
                     {"brand", Joined(n.brands)},
                     {"model", n.model_numbers.empty() ? "" : n.model_numbers[0]},
                     {"other models", Joined(n.model_numbers, 1)},
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
    if (c.normalized.size() >= kMinCode) keys.push_back("c:" + c.normalized);
    if (!c.stem.empty()) keys.push_back("s:" + c.stem);
  }
  // Brand with each distinctive title word. A listing without a brand
  // attribute often starts its title with it.
  std::vector<std::string> brands = CanonicalBrands(record, aliases);
  if (brands.empty() && !p.first_word.empty()) brands.push_back(aliases != nullptr ? aliases->Canonical(p.first_word) : p.first_word);
  // The words of the brands' own names: every title of the brand has them.
  std::unordered_set<std::string_view> brand_words;
  for (const auto& b : brands)
    for (std::string_view w : Words(b)) brand_words.insert(w);
  size_t words = 0;
  for (const auto& w : p.title_words) {
    if (StopWord(w) || brand_words.count(w) != 0 || words >= 12) continue;
    ++words;
    for (const auto& b : brands) keys.push_back("b:" + b + "|" + w);
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

size_t KeyHolderLimit(std::string_view key, const RecallMatcherOptions& options) {
  if (key.empty()) return SIZE_MAX;
  if (key[0] == 'b') return options.max_block;
  if (key[0] == 'c' || key[0] == 's') return options.max_code_block;
  return SIZE_MAX;
}

struct RecallIndex::State {
  std::vector<PreparedRecord> prepared;
  // The canonical keys of each record's brands (empty ones left out), so
  // that a record met in many pairs is canonicalised once.
  std::vector<std::vector<std::string>> brand_keys;
  std::unordered_map<std::string, std::vector<uint32_t>> postings;
  // Codes and stems shared too widely to identify anything (the options'
  // max_code_block and max_code_brands).
  std::unordered_set<std::string> hot_codes, hot_stems;
  mutable std::atomic<size_t> scored{0};

  bool Identifying(const ModelCode& c) const { return c.normalized.size() >= kMinCode && hot_codes.count(c.normalized) == 0; }
};

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

  // Code and stem keys that many records or many brands share.
  const auto brand_of = [&](uint32_t i) -> std::string_view {
    return state_->brand_keys[i].empty() ? std::string_view(state_->prepared[i].first_word) : std::string_view(state_->brand_keys[i][0]);
  };
  for (auto it = state_->postings.begin(); it != state_->postings.end();) {
    const std::string& key = it->first;
    bool hot = false;
    if (key[0] == 'c' || key[0] == 's') {
      hot = it->second.size() > options_.max_code_block ||
            (options_.known_hot_keys != nullptr && options_.known_hot_keys->count(key) > 0);
      std::unordered_set<std::string_view> brands;
      for (size_t k = 0; k < it->second.size() && !hot; ++k) {
        brands.insert(brand_of(it->second[k]));
        hot = brands.size() > options_.max_code_brands;
      }
    }
    if (!hot) {
      ++it;
      continue;
    }
    (key[0] == 'c' ? state_->hot_codes : state_->hot_stems).insert(key.substr(2));
    it = state_->postings.erase(it);
  }
  // Hot in the larger set even where none of this index's records hold them.
  if (options_.known_hot_keys != nullptr)
    for (const auto& key : *options_.known_hot_keys)
      if (key.size() > 2 && (key[0] == 'c' || key[0] == 's')) (key[0] == 'c' ? state_->hot_codes : state_->hot_stems).insert(key.substr(2));
}

RecallIndex::~RecallIndex() = default;
RecallIndex::RecallIndex(RecallIndex&&) noexcept = default;

size_t RecallIndex::candidates_scored() const { return state_->scored.load(); }
size_t RecallIndex::hot_code_keys() const { return state_->hot_codes.size() + state_->hot_stems.size(); }

std::vector<uint32_t> RecallIndex::Candidates(const MatchRecord& query, const PreparedRecord& q) const {
  std::vector<uint32_t> candidates;
  for (const auto& key : BlockingKeys(query, q, options_.brands)) {
    auto it = state_->postings.find(key);
    if (it == state_->postings.end()) continue;
    if (it->second.size() > KeyHolderLimit(key, options_)) continue;
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

  std::vector<RecallMatch> out;
  for (size_t k = 0; k < candidates.size(); ++k) {
    const size_t c = candidates[k];
    const MatchRecord& other = records_[c];
    const MatchRecord& notice_record = indexed_are_notices_ ? other : query;
    const MatchRecord& listing_record = indexed_are_notices_ ? query : other;
    const PreparedRecord& n = notice_of(c);
    const PreparedRecord& l = listing_of(c);
    const double probability = probabilities.empty() ? std::nan("") : probabilities[k];

    // GTINs: shared is identity; both given and none shared is another
    // trade item.
    std::string shared_gtin;
    for (const auto& g : query.gtins)
      if (std::find(other.gtins.begin(), other.gtins.end(), g) != other.gtins.end()) shared_gtin = g;
    const bool gtins_differ = shared_gtin.empty() && !notice_record.gtins.empty() && !listing_record.gtins.empty();

    // Brands: agree, conflict, or unknown on one side.
    const std::vector<std::string>& notice_brands = indexed_are_notices_ ? state_->brand_keys[c] : query_brands;
    const std::vector<std::string>& listing_brands = indexed_are_notices_ ? query_brands : state_->brand_keys[c];
    bool brands_agree = false;
    for (const auto& canonical : notice_brands) {
      for (const auto& lb : listing_brands) brands_agree = brands_agree || lb == canonical;
      // Named in the listing's text, in any of its spellings.
      for (const auto& spelling : Spellings(canonical)) brands_agree = brands_agree || ContainsName(l, spelling);
    }
    // The listing's brand named in the notice's product name ("Voltix
    // charger" under the importer's brand); not its description, whose
    // words would pass for short brands.
    const std::string notice_name = " " + n.title + " ";
    for (const auto& lb : listing_brands)
      for (const auto& spelling : Spellings(lb))
        brands_agree = brands_agree || (!spelling.empty() && notice_name.find(" " + spelling + " ") != std::string::npos);
    const bool brands_conflict = !brands_agree && !notice_brands.empty() && !listing_brands.empty();

    // The notice's model codes against the listing's.
    CodeAgreement agreement = CodeAgreement::kNone;
    std::string agreed_code, how;
    bool notice_has_code = false, listing_has_code = false;
    for (const auto& a : n.codes) {
      if (!state_->Identifying(a)) continue;
      notice_has_code = true;
      const auto better = [&](CodeAgreement level, std::string what) {
        if (level <= agreement) return;
        agreement = level;
        agreed_code = a.normalized;
        how = std::move(what);
      };
      for (const auto& b : l.codes) {
        if (!state_->Identifying(b)) continue;
        listing_has_code = true;
        if (a.normalized == b.normalized) better(CodeAgreement::kSame, "same model code " + a.normalized);
        else if (b.normalized.starts_with(a.normalized) && b.normalized.size() - a.normalized.size() <= 3 &&
                 AllLetters(std::string_view(b.normalized).substr(a.normalized.size())))
          // Letters after the digits are a finish or region suffix; letters
          // after letters may make another model ("KX450P", "KX450PRO").
          better(IsDigit(a.normalized.back()) ? CodeAgreement::kSame : CodeAgreement::kNear,
                 fmt::format("model code {} with a suffix ({})", a.normalized, b.normalized));
        else if (a.normalized.starts_with(b.normalized) && a.normalized.size() - b.normalized.size() <= 3 &&
                 AllLetters(std::string_view(a.normalized).substr(b.normalized.size())))
          better(CodeAgreement::kNear, fmt::format("model code {} without its suffix ({})", a.normalized, b.normalized));
        else if (!a.stem.empty() && a.stem == b.stem)
          better(CodeAgreement::kNear, fmt::format("same model stem {} ({} and {})", a.stem, a.normalized, b.normalized));
      }
      if (CodeInText(a.normalized, l.all_text))
        better(CodeAgreement::kSame, "model code " + a.normalized + " in the listing");
    }
    if (!listing_has_code)
      for (const auto& b : l.codes) listing_has_code = listing_has_code || state_->Identifying(b);

    RecallMatch m;
    m.indexed = c;
    m.probability = probability;
    std::string rule;
    const bool model_says = !probabilities.empty();
    if (!shared_gtin.empty()) {
      m.action = RecallAction::kTakedown;
      rule = "rule: shared GTIN -> takedown";
    } else if (brands_conflict) {
      continue;  // another maker's product
    } else if (notice_has_code && agreement == CodeAgreement::kSame) {
      const bool model_agrees = !model_says || probability >= options_.takedown_at;
      if (brands_agree && !gtins_differ && model_agrees) {
        m.action = RecallAction::kTakedown;
        rule = "rule: notice model code and brand in the listing -> takedown";
      } else {
        m.action = RecallAction::kReview;
        rule = fmt::format("rule: notice model code in the listing, but {} -> review",
                           !brands_agree ? "the brand is not confirmed"
                           : gtins_differ ? "the GTINs differ"
                                          : fmt::format("match probability below {:.2f}", options_.takedown_at));
      }
    } else if (notice_has_code && agreement == CodeAgreement::kNear) {
      // Finish letters tell colours apart, and variants too ("S", "PRO"): a
      // near code is no conflict, but identifies no more than brand and
      // description do, so it is judged as those are (rule 4).
      if (!model_says || !brands_agree || gtins_differ || probability < options_.review_unidentified_at) continue;
      m.action = RecallAction::kReview;
      rule = "rule: notice model code only near the listing's, brand and description agree -> review";
    } else if (notice_has_code && listing_has_code) {
      continue;  // another model: a sibling is not the recalled product
    } else {
      // Nothing identifying on one side: brand and description at most.
      if (!model_says || !brands_agree || gtins_differ || probability < options_.review_unidentified_at) continue;
      m.action = RecallAction::kReview;
      rule = notice_has_code ? "rule: the listing shows no model code to compare, brand and description agree -> review"
                             : "rule: the notice names no GTIN or model code, brand and description agree -> review";
    }

    // Identity evidence first, the deciding rule last.
    if (!shared_gtin.empty()) m.evidence.push_back("same GTIN " + shared_gtin);
    if (!how.empty()) m.evidence.push_back(how);
    if (brands_agree) m.evidence.push_back("brand named in both");
    if (gtins_differ) m.evidence.push_back("the GTINs differ");
    if (model_says)
      m.evidence.push_back(fmt::format("match probability {:.3f} (title similarity {:.2f})", m.probability,
                                       Cosine(n.title_word, l.title_word)));
    m.evidence.push_back(std::move(rule));
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
