#include "conform/recalls/pair_features.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <unordered_set>

#include "conform/core/text.h"

namespace conform::recalls {

namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
// Codes shorter than this are looked for inside another text only as whole
// codes: "CS3" occurs by chance inside long runs of glued letters and digits.
constexpr size_t kMinContainedCode = 4;
// Code pairs compared by edit distance, per side; bounds the cost of records
// that list dozens of part numbers.
constexpr size_t kMaxCodesCompared = 16;

// The features, in output order. Names end in _lr / _rl when the feature is
// about left's evidence found in right, or the reverse.
enum Feature : size_t {
  kTitleCosWord,
  kTitleCosC3,
  kTitleCosC4,
  kTitleCosC5,
  kTitleJaccard,
  kTitleOverlap,
  kTitleWeightedJaccard,
  kTitleEditSim,
  kTitleSoftCoverLr,
  kTitleSoftCoverRl,
  kAllCosWord,
  kAllCosC3,
  kAllJaccard,
  kTitleInAllCosLr,
  kTitleInAllCosRl,
  kUnmatchedIdfMaxLr,
  kUnmatchedIdfMaxRl,
  kUnmatchedIdfShareLr,
  kUnmatchedIdfShareRl,
  kSoftUnmatchedIdfShareLr,
  kSoftUnmatchedIdfShareRl,
  kCodeCountL,
  kCodeCountR,
  kCodeExactCount,
  kCodeExactMaxLen,
  kCodeInTextMaxLenLr,
  kCodeInTextMaxLenRl,
  kCodeStemMatch,
  kCodeBestEditSim,
  kCodeConflict,
  kModelExact,
  kModelEditSim,
  kModelInTextLr,
  kModelInTextRl,
  kSpecShared,
  kSpecConflict,
  kDigitRunShared,
  kDigitRunInTextLr,
  kDigitRunInTextRl,
  kDigitRunMaxInTextLen,
  kYearMatch,
  kNumberJaccard,
  kNumberMissingLr,
  kNumberMissingRl,
  kBrandMatch,
  kBrandInTextLr,
  kBrandInTextRl,
  kFirstWordMatch,
  kPriceRatio,
  kPriceLogDiff,
  kPriceFromText,
  kTitleWordsL,
  kTitleWordsR,
  kTitleLengthRatio,
  kAllWordsL,
  kAllWordsR,
  kCategoryCos,
  kFeatureCount,
};

const std::vector<std::string>& Names() {
  static const std::vector<std::string> names = {
      "title_cos_word",      "title_cos_c3",          "title_cos_c4",
      "title_cos_c5",        "title_jaccard",         "title_overlap",
      "title_wjaccard",      "title_edit_sim",        "title_soft_cover_lr",
      "title_soft_cover_rl", "all_cos_word",
      "all_cos_c3",          "all_jaccard",           "title_in_all_cos_lr",
      "title_in_all_cos_rl", "unmatched_idf_max_lr",  "unmatched_idf_max_rl",
      "unmatched_idf_share_lr", "unmatched_idf_share_rl", "soft_unmatched_idf_share_lr",
      "soft_unmatched_idf_share_rl", "code_count_l",
      "code_count_r",        "code_exact_count",      "code_exact_max_len",
      "code_in_text_max_len_lr", "code_in_text_max_len_rl", "code_stem_match",
      "code_best_edit_sim",  "code_conflict",         "model_exact",
      "model_edit_sim",      "model_in_text_lr",      "model_in_text_rl",
      "spec_shared",         "spec_conflict",         "digit_run_shared",
      "digit_run_in_text_lr", "digit_run_in_text_rl", "digit_run_max_in_text_len",
      "year_match",          "number_jaccard",
      "number_missing_lr",   "number_missing_rl",     "brand_match",
      "brand_in_text_lr",    "brand_in_text_rl",      "first_word_match",
      "price_ratio",         "price_log_diff",        "price_from_text",       "title_words_l",
      "title_words_r",       "title_length_ratio",    "all_words_l",
      "all_words_r",         "category_cos",
  };
  return names;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool IsBlank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::string_view FirstOf(const Record& r, const std::vector<std::string>& names) {
  for (const auto& name : names) {
    const std::string_view v = r.Get(name);
    if (!v.empty()) return v;
  }
  return {};
}

bool IsOneOf(std::string_view name, const std::vector<std::string>& names) {
  for (const auto& n : names)
    if (EqualsIgnoreCase(name, n)) return true;
  return false;
}

bool IsAsciiAlnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Standalone numbers in folded text, canonical: "7.0" -> "7", "007" -> "7".
std::vector<std::string> Numbers(std::string_view folded) {
  std::vector<std::string> out;
  for (size_t i = 0; i < folded.size();) {
    const bool starts = folded[i] >= '0' && folded[i] <= '9' && (i == 0 || !IsAsciiAlnum(folded[i - 1]));
    if (!starts) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < folded.size() && folded[j] >= '0' && folded[j] <= '9') ++j;
    size_t int_end = j;
    if (j + 1 < folded.size() && folded[j] == '.' && folded[j + 1] >= '0' && folded[j + 1] <= '9') {
      ++j;
      while (j < folded.size() && folded[j] >= '0' && folded[j] <= '9') ++j;
    }
    if (j < folded.size() && IsAsciiAlnum(folded[j])) {  // part of a word or code: "500w", "1000xm4"
      while (j < folded.size() && IsAsciiAlnum(folded[j])) ++j;
      i = j;
      continue;
    }
    std::string integer(folded.substr(i, int_end - i));
    integer.erase(0, std::min(integer.find_first_not_of('0'), integer.size() - 1));
    std::string fraction = int_end < j ? std::string(folded.substr(int_end + 1, j - int_end - 1)) : "";
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
    out.push_back(fraction.empty() ? integer : integer + "." + fraction);
    i = j;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> DistinctSorted(const std::vector<std::string_view>& words) {
  std::vector<std::string> out(words.begin(), words.end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool Contains(const std::vector<std::string>& sorted, std::string_view x) {
  return std::binary_search(sorted.begin(), sorted.end(), x);
}

size_t CountCommon(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  size_t n = 0;
  for (const auto& x : a) n += Contains(b, x);
  return n;
}

double SetJaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() && b.empty()) return kMissing;
  const size_t common = CountCommon(a, b);
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

double ParsePrice(std::string_view text) {
  std::string digits;
  for (char c : text)
    if ((c >= '0' && c <= '9') || c == '.') digits += c;
  double value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end == digits.data() || !(value > 0)) return kMissing;
  return value;
}

// The last amount in `folded` written the way prices are ("39.99",
// "409.0"), for records whose price sits in their text; NaN when none.
// Decimals other than two digits or a lone zero are measurements ("2.7 lcd",
// "13.5 megapixel").
double PriceInText(std::string_view folded) {
  double price = kMissing;
  for (size_t i = 0; i < folded.size(); ++i) {
    if (folded[i] < '0' || folded[i] > '9' || (i > 0 && (IsAsciiAlnum(folded[i - 1]) || folded[i - 1] == '.'))) continue;
    size_t j = i;
    while (j < folded.size() && folded[j] >= '0' && folded[j] <= '9') ++j;
    if (j + 1 >= folded.size() || folded[j] != '.') {
      i = j;
      continue;
    }
    size_t k = j + 1;
    while (k < folded.size() && folded[k] >= '0' && folded[k] <= '9') ++k;
    const std::string_view decimals = folded.substr(j + 1, k - j - 1);
    const bool standalone = k == folded.size() || !(IsAsciiAlnum(folded[k]) || folded[k] == '.');
    const bool wifi = folded.substr(i, k - i) == "802.11";
    if (standalone && !wifi && (decimals.size() == 2 || (decimals == "0" && j - i >= 2))) {
      const double v = ParsePrice(folded.substr(i, k - i));
      if (!std::isnan(v)) price = v;
    }
    i = k;
  }
  return price;
}

// "64GB" -> "GB", "USB3.0" -> "USB", "12X18" -> "X": the quantity a spec measures.
std::string SpecKind(const std::string& spec) {
  std::string kind;
  for (char c : spec)
    if (c >= 'A' && c <= 'Z') kind += c;
  return kind;
}

// Whether `phrase` occurs in `padded` (" words ") as whole words.
bool HasPhrase(const std::string& padded, const std::string& phrase) {
  if (phrase.empty()) return false;
  return padded.find(" " + phrase + " ") != std::string::npos;
}

bool IsYearNumber(std::string_view n) {
  return n.size() == 4 && ((n[0] == '1' && n[1] == '9') || (n[0] == '2' && n[1] == '0'));
}

struct UnmatchedIdf {
  double max = 0, share = 0, soft_share = 0;
};

// Whether `short_word` may abbreviate `word`: same first letter, at least 3
// letters, and its letters appear in `word` in order ("upg" for "upgrade",
// "lrng" for "learning", "prof" for "professional"). Digits must match
// exactly: "cs3" abbreviates nothing.
bool Abbreviates(std::string_view short_word, std::string_view word) {
  if (short_word.size() < 3 || short_word.size() >= word.size() || short_word[0] != word[0]) return false;
  size_t j = 0;
  for (char c : short_word) {
    if (c >= '0' && c <= '9') return false;
    while (j < word.size() && word[j] != c) ++j;
    if (j == word.size()) return false;
    ++j;
  }
  return true;
}

bool HasAbbreviationMatch(std::string_view w, const std::vector<std::string>& words) {
  for (const auto& other : words)
    if (Abbreviates(w, other) || Abbreviates(other, w)) return true;
  return false;
}

}  // namespace

std::string_view Record::Get(std::string_view name) const {
  for (const auto& [attribute, value] : fields)
    if (EqualsIgnoreCase(attribute, name) && !IsBlank(value)) return value;
  return {};
}

PairFeaturizer::PairFeaturizer(RecordSchema schema) : schema_(std::move(schema)) {}

const std::vector<std::string>& PairFeaturizer::FeatureNames() {
  static_assert(kFeatureCount > 0);
  return Names();
}

void PairFeaturizer::Fit(const std::vector<const Record*>& records) {
  std::vector<std::string> titles, all_texts, categories;
  titles.reserve(records.size());
  all_texts.reserve(records.size());
  for (const Record* r : records) {
    RecordText text = Text(*r);
    titles.push_back(NormalizeText(text.title));
    all_texts.push_back(NormalizeText(text.all_folded));
    std::string category = NormalizeText(FirstOf(*r, schema_.category));
    if (!category.empty()) categories.push_back(std::move(category));
  }
  title_word_.Fit(titles);
  title_c3_.Fit(titles);
  title_c4_.Fit(titles);
  title_c5_.Fit(titles);
  all_word_.Fit(all_texts);
  all_c3_.Fit(all_texts);
  category_word_.Fit(categories);
}

PairFeaturizer::RecordText PairFeaturizer::Text(const Record& record) const {
  RecordText text;
  text.title = FirstOf(record, schema_.title);
  if (text.title.empty()) {  // no title attribute: the first value stands in
    for (const auto& [attribute, value] : record.fields) {
      if (!IsBlank(value) && !IsOneOf(attribute, schema_.price)) {
        text.title = value;
        break;
      }
    }
  }
  std::string all(text.title);
  for (const auto& [attribute, value] : record.fields) {
    if (IsBlank(value) || IsOneOf(attribute, schema_.price) || value.data() == text.title.data()) continue;
    if (!all.empty()) all += " ; ";
    all += value;
  }
  text.all_folded = NormalizeForMatching(all);
  return text;
}

PreparedRecord PairFeaturizer::Prepare(const Record& record) const {
  PreparedRecord p;
  RecordText text = Text(record);
  const std::string_view title = text.title;
  const std::string title_folded = NormalizeForMatching(title);
  const std::string& all_folded = text.all_folded;

  p.title = NormalizeText(title);
  p.all_text = NormalizeText(all_folded);
  p.padded_all = PadForNgrams(p.all_text);
  p.title_words = DistinctSorted(Words(p.title));
  p.all_words = DistinctSorted(Words(p.all_text));
  p.first_word = p.title_words.empty() ? "" : std::string(Words(p.title).front());
  p.title_word = title_word_.Transform(p.title);
  p.title_c3 = title_c3_.Transform(p.title);
  p.title_c4 = title_c4_.Transform(p.title);
  p.title_c5 = title_c5_.Transform(p.title);
  p.all_word = all_word_.Transform(p.all_text);
  p.all_c3 = all_c3_.Transform(p.all_text);
  p.title_in_all = all_word_.Transform(p.title);
  p.compact_all = CompactAlnum(all_folded);

  p.model = CompactAlnum(NormalizeForMatching(FirstOf(record, schema_.model)));
  CodesAndSpecs found = ExtractCodesAndSpecs(all_folded);
  std::unordered_set<std::string> seen;
  if (p.model.size() >= 3) {
    // The model attribute is a code by definition, digits or not.
    ModelCode code;
    code.normalized = p.model;
    const auto from_model = ExtractModelCodes(p.model);
    if (!from_model.empty() && from_model[0].normalized == p.model) code.stem = from_model[0].stem;
    seen.insert(code.normalized);
    p.codes.push_back(std::move(code));
  }
  for (auto& c : found.codes)
    if (seen.insert(c.normalized).second) p.codes.push_back(std::move(c));
  for (auto& s : found.specs) p.specs.push_back(std::move(s.normalized));
  std::sort(p.specs.begin(), p.specs.end());
  p.specs.erase(std::unique(p.specs.begin(), p.specs.end()), p.specs.end());

  p.title_numbers = Numbers(title_folded);
  p.all_numbers = Numbers(all_folded);
  for (const std::string& n : p.all_numbers) {
    if (n.find('.') != std::string::npos || n.size() < 3) continue;
    (IsYearNumber(n) ? p.years : p.digit_runs).push_back(n);
  }
  for (const auto& c : p.codes)
    for (size_t i = 0; i < c.normalized.size();) {
      size_t j = i;
      while (j < c.normalized.size() && c.normalized[j] >= '0' && c.normalized[j] <= '9') ++j;
      if (j - i >= 3) p.digit_runs.push_back(c.normalized.substr(i, j - i));
      i = j == i ? i + 1 : j;
    }
  std::sort(p.digit_runs.begin(), p.digit_runs.end());
  p.digit_runs.erase(std::unique(p.digit_runs.begin(), p.digit_runs.end()), p.digit_runs.end());
  p.brand = NormalizeText(FirstOf(record, schema_.brand));
  p.category = NormalizeText(FirstOf(record, schema_.category));
  if (!p.category.empty()) p.category_word = category_word_.Transform(p.category);
  p.price = ParsePrice(FirstOf(record, schema_.price));
  if (std::isnan(p.price)) {
    p.price = PriceInText(all_folded);
    p.price_from_text = !std::isnan(p.price);
  }
  return p;
}

std::vector<float> PairFeaturizer::Compute(const Record& left, const Record& right) const {
  std::vector<float> out(FeatureCount());
  Compute(Prepare(left), Prepare(right), out.data());
  return out;
}

void PairFeaturizer::Compute(const PreparedRecord& l, const PreparedRecord& r, float* out) const {
  std::array<double, kFeatureCount> f;
  f.fill(kMissing);

  const bool both_titles = !l.title.empty() && !r.title.empty();
  if (both_titles) {
    f[kTitleCosWord] = Cosine(l.title_word, r.title_word);
    f[kTitleCosC3] = Cosine(l.title_c3, r.title_c3);
    f[kTitleCosC4] = Cosine(l.title_c4, r.title_c4);
    f[kTitleCosC5] = Cosine(l.title_c5, r.title_c5);
    f[kTitleJaccard] = SetJaccard(l.title_words, r.title_words);
    const size_t common = CountCommon(l.title_words, r.title_words);
    f[kTitleOverlap] = static_cast<double>(common) / std::min(l.title_words.size(), r.title_words.size());
    double shared = 0, total = 0;
    for (const auto& w : l.title_words) {
      const double idf = title_word_.Idf(w);
      total += idf;
      if (Contains(r.title_words, w)) shared += idf;
    }
    for (const auto& w : r.title_words)
      if (!Contains(l.title_words, w)) total += title_word_.Idf(w);
    f[kTitleWeightedJaccard] = total > 0 ? shared / total : 0;
    // Long descriptions used as titles would make this quadratic; 160 bytes
    // hold any real product title.
    // How well each title word of one side is covered by its closest word in
    // the other title, weighted by IDF: spelling variants count ("modeler",
    // "modeller"; "workcentre", "workcenter"), which exact overlaps miss.
    auto soft_cover = [this](const PreparedRecord& a, const PreparedRecord& b) {
      double covered = 0, total = 0;
      for (const auto& w : a.title_words) {
        const double idf = title_word_.Idf(w);
        total += idf;
        double best = Contains(b.title_words, w) ? 1 : 0;
        if (best < 1 && w.size() >= 4)
          for (const auto& other : b.title_words)
            if (other.size() >= 4) best = std::max(best, EditSimilarity(w, other));
        covered += idf * (best >= 0.75 ? best : 0);
      }
      return total > 0 ? covered / total : 0;
    };
    f[kTitleSoftCoverLr] = soft_cover(l, r);
    f[kTitleSoftCoverRl] = soft_cover(r, l);
    f[kTitleEditSim] = EditSimilarity(std::string_view(l.title).substr(0, 160), std::string_view(r.title).substr(0, 160));
  }
  if (!l.all_text.empty() && !r.all_text.empty()) {
    f[kAllCosWord] = Cosine(l.all_word, r.all_word);
    f[kAllCosC3] = Cosine(l.all_c3, r.all_c3);
    f[kAllJaccard] = SetJaccard(l.all_words, r.all_words);
    f[kTitleInAllCosLr] = Cosine(l.title_in_all, r.all_word);
    f[kTitleInAllCosRl] = Cosine(r.title_in_all, l.all_word);
    // The rarest title words of one side that the other never mentions:
    // "upgrade", "mac", "32gb" tell variants apart.
    auto unmatched = [this](const PreparedRecord& a, const PreparedRecord& b) {
      UnmatchedIdf u;
      double total = 0, missing = 0, soft_missing = 0;
      for (const auto& w : a.title_words) {
        const double idf = all_word_.Idf(w);
        total += idf;
        if (!Contains(b.all_words, w)) {
          missing += idf;
          u.max = std::max(u.max, idf);
          if (!HasAbbreviationMatch(w, b.all_words)) soft_missing += idf;
        }
      }
      u.share = total > 0 ? missing / total : 0;
      u.soft_share = total > 0 ? soft_missing / total : 0;
      return u;
    };
    const UnmatchedIdf lr = unmatched(l, r), rl = unmatched(r, l);
    f[kUnmatchedIdfMaxLr] = lr.max;
    f[kUnmatchedIdfMaxRl] = rl.max;
    f[kUnmatchedIdfShareLr] = lr.share;
    f[kUnmatchedIdfShareRl] = rl.share;
    f[kSoftUnmatchedIdfShareLr] = lr.soft_share;
    f[kSoftUnmatchedIdfShareRl] = rl.soft_share;
  }

  // Model codes.
  f[kCodeCountL] = static_cast<double>(l.codes.size());
  f[kCodeCountR] = static_cast<double>(r.codes.size());
  size_t exact = 0, exact_len = 0;
  bool stem_match = false;
  for (const auto& a : l.codes) {
    for (const auto& b : r.codes) {
      if (a.normalized == b.normalized) {
        ++exact;
        exact_len = std::max(exact_len, a.normalized.size());
      } else if ((!a.stem.empty() && (a.stem == b.normalized || a.stem == b.stem)) ||
                 (!b.stem.empty() && b.stem == a.normalized)) {
        stem_match = true;
      }
    }
  }
  auto contained = [](const PreparedRecord& a, const PreparedRecord& b) {
    size_t best = 0;
    for (const auto& c : a.codes)
      if (c.normalized.size() >= kMinContainedCode && c.normalized.size() > best &&
          b.compact_all.find(c.normalized) != std::string::npos)
        best = c.normalized.size();
    return best;
  };
  const size_t in_lr = contained(l, r), in_rl = contained(r, l);
  f[kCodeExactCount] = static_cast<double>(exact);
  f[kCodeExactMaxLen] = static_cast<double>(exact_len);
  f[kCodeInTextMaxLenLr] = static_cast<double>(in_lr);
  f[kCodeInTextMaxLenRl] = static_cast<double>(in_rl);
  if (!l.codes.empty() && !r.codes.empty()) {
    f[kCodeStemMatch] = stem_match ? 1 : 0;
    double best = 0;
    for (size_t i = 0; i < std::min(l.codes.size(), kMaxCodesCompared); ++i)
      for (size_t j = 0; j < std::min(r.codes.size(), kMaxCodesCompared); ++j)
        best = std::max(best, EditSimilarity(l.codes[i].normalized, r.codes[j].normalized));
    f[kCodeBestEditSim] = best;
    f[kCodeConflict] = (exact == 0 && !stem_match && in_lr == 0 && in_rl == 0) ? 1 : 0;
  }
  if (!l.model.empty() && !r.model.empty()) {
    f[kModelExact] = l.model == r.model ? 1 : 0;
    f[kModelEditSim] = EditSimilarity(l.model, r.model);
  }
  if (!l.model.empty()) f[kModelInTextLr] = r.compact_all.find(l.model) != std::string::npos ? 1 : 0;
  if (!r.model.empty()) f[kModelInTextRl] = l.compact_all.find(r.model) != std::string::npos ? 1 : 0;

  // Specifications: shared ones, and ones of the same kind that differ
  // ("32GB" against "64GB").
  if (!l.specs.empty() && !r.specs.empty()) {
    const size_t shared = CountCommon(l.specs, r.specs);
    f[kSpecShared] = static_cast<double>(shared);
    bool conflict = false;
    for (const auto& a : l.specs) {
      if (Contains(r.specs, a)) continue;
      const std::string kind = SpecKind(a);
      bool kind_in_r = false, kind_agrees = false;
      for (const auto& b : r.specs) {
        if (SpecKind(b) != kind) continue;
        kind_in_r = true;
        for (const auto& a2 : l.specs) kind_agrees = kind_agrees || (a2 == b);
      }
      conflict = conflict || (kind_in_r && !kind_agrees);
    }
    f[kSpecConflict] = conflict ? 1 : 0;
  }

  if (!l.digit_runs.empty() && !r.digit_runs.empty())
    f[kDigitRunShared] = static_cast<double>(CountCommon(l.digit_runs, r.digit_runs));
  size_t longest_run = 0;
  auto runs_in_text = [&longest_run](const PreparedRecord& a, const PreparedRecord& b) {
    if (a.digit_runs.empty()) return kMissing;
    size_t found = 0;
    for (const auto& run : a.digit_runs) {
      if (b.compact_all.find(run) == std::string::npos) continue;
      ++found;
      longest_run = std::max(longest_run, run.size());
    }
    return static_cast<double>(found) / static_cast<double>(a.digit_runs.size());
  };
  f[kDigitRunInTextLr] = runs_in_text(l, r);
  f[kDigitRunInTextRl] = runs_in_text(r, l);
  f[kDigitRunMaxInTextLen] = static_cast<double>(longest_run);
  if (!l.years.empty() && !r.years.empty()) f[kYearMatch] = CountCommon(l.years, r.years) > 0 ? 1 : 0;
  f[kNumberJaccard] = SetJaccard(l.title_numbers, r.title_numbers);
  f[kNumberMissingLr] = static_cast<double>(l.title_numbers.size() - CountCommon(l.title_numbers, r.all_numbers));
  f[kNumberMissingRl] = static_cast<double>(r.title_numbers.size() - CountCommon(r.title_numbers, l.all_numbers));

  // Brands: equal, one naming the other's first word ("elite" and "elite
  // screens"), or different.
  if (!l.brand.empty() && !r.brand.empty()) {
    const auto lw = Words(l.brand), rw = Words(r.brand);
    f[kBrandMatch] = l.brand == r.brand ? 1 : (lw.front() == rw.front() ? 0.5 : 0);
  }
  if (!l.brand.empty()) f[kBrandInTextLr] = HasPhrase(r.padded_all, l.brand) ? 1 : 0;
  if (!r.brand.empty()) f[kBrandInTextRl] = HasPhrase(l.padded_all, r.brand) ? 1 : 0;
  if (!l.first_word.empty() && !r.first_word.empty()) f[kFirstWordMatch] = l.first_word == r.first_word ? 1 : 0;

  if (!std::isnan(l.price) && !std::isnan(r.price)) {
    f[kPriceRatio] = std::min(l.price, r.price) / std::max(l.price, r.price);
    f[kPriceLogDiff] = std::abs(std::log(l.price / r.price));
    f[kPriceFromText] = static_cast<double>(l.price_from_text + r.price_from_text);
  }

  f[kTitleWordsL] = static_cast<double>(Words(l.title).size());
  f[kTitleWordsR] = static_cast<double>(Words(r.title).size());
  if (both_titles)
    f[kTitleLengthRatio] = static_cast<double>(std::min(l.title.size(), r.title.size())) /
                           static_cast<double>(std::max(l.title.size(), r.title.size()));
  f[kAllWordsL] = static_cast<double>(l.all_words.size());
  f[kAllWordsR] = static_cast<double>(r.all_words.size());
  if (!l.category.empty() && !r.category.empty()) f[kCategoryCos] = Cosine(l.category_word, r.category_word);

  for (size_t i = 0; i < kFeatureCount; ++i) out[i] = static_cast<float>(f[i]);
}

}  // namespace conform::recalls
