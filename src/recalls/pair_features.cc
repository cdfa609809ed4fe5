#include "conform/recalls/pair_features.h"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <unordered_set>
#include <utility>

#include "conform/core/text.h"
#include "conform/core/threads.h"
#include "conform/recalls/word_list.h"
#include "digit_scan.h"
#include "text_words.h"

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
  kColourConflict,
  kTitleWordEvidence,
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
      "all_words_r",         "category_cos",          "colour_conflict",
      kWordEvidenceFeature,
  };
  return names;
}

}  // namespace

// Shades sellers write for one another share a bit ("navy" is blue,
// "charcoal" gray), and so do shop abbreviations ("blk", "wht"). Words that
// are as often something else ("rose", "lime", "cream", "tan") are left
// out. Every colour word has at most 8 bytes, so one merge of 8-byte
// prefixes against the sorted table finds them.
uint32_t ColourBits(const WordList& words) {
  struct Colour {
    uint64_t prefix;
    uint32_t bit;
  };
  static const std::vector<Colour> kColours = [] {
    const std::vector<std::vector<std::string_view>> shades = {
        {"black", "blk"},
        {"white", "wht"},
        {"red", "maroon", "burgundy"},
        {"blue", "blu", "navy"},
        {"green", "grn"},
        {"yellow", "ylw"},
        {"purple", "prpl", "violet"},
        {"pink", "magenta", "fuchsia"},
        {"gray", "grey", "gry", "charcoal"},
        {"silver", "slvr"},
        {"gold"},
        {"orange"},
        {"brown"},
        {"beige", "ivory"},
        {"teal", "aqua", "cyan"},
        {"bronze", "copper"},
    };
    std::vector<Colour> table;
    for (size_t i = 0; i < shades.size(); ++i)
      for (const std::string_view w : shades[i]) table.push_back({WordPrefix(w), uint32_t{1} << i});
    std::sort(table.begin(), table.end(), [](const Colour& a, const Colour& b) { return a.prefix < b.prefix; });
    return table;
  }();
  uint32_t bits = 0;
  size_t c = 0;
  for (size_t i = 0; i < words.size() && c < kColours.size(); ++i) {
    const uint64_t w = words.prefix(i);
    while (c < kColours.size() && kColours[c].prefix < w) ++c;
    if (c < kColours.size() && kColours[c].prefix == w && words.length(i) <= 8) bits |= kColours[c].bit;
  }
  return bits;
}

namespace {

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

// Standalone numbers in folded text, canonical: "7.0" -> "7", "007" -> "7";
// in order of appearance, repeats kept, viewing a buffer of this thread that
// the next call overwrites. Returns how many of them start before
// `title_size`: when the text is a title followed by a space and more, the
// title's own numbers, found by the same scan.
size_t CanonicalNumbers(std::string_view folded, size_t title_size, std::vector<std::string_view>* numbers) {
  // A canonical number is never longer than its text, so all of them fit in
  // a buffer of the text's size, written through a pointer.
  thread_local std::string canonical;
  numbers->clear();
  if (canonical.size() < folded.size()) canonical.resize(folded.size());
  char* const buffer = canonical.data();
  size_t used = 0, in_title = 0;
  for (size_t i = FindDigit(folded, 0); i < folded.size(); i = FindDigit(folded, i)) {
    if (i > 0 && IsAsciiAlnum(folded[i - 1])) {  // inside a word or code, as is the rest of its digits
      while (i < folded.size() && IsAsciiAlnum(folded[i])) ++i;
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
    // Leading zeros go, but one digit stays; trailing zeros of the
    // fraction go, and the point with them when nothing is left.
    size_t int_begin = i;
    while (int_begin + 1 < int_end && folded[int_begin] == '0') ++int_begin;
    size_t fraction_end = j;
    while (fraction_end > int_end + 1 && folded[fraction_end - 1] == '0') --fraction_end;
    const size_t begin = used;
    std::memcpy(buffer + used, folded.data() + int_begin, int_end - int_begin);
    used += int_end - int_begin;
    if (fraction_end > int_end + 1) {  // the point and the digits left
      std::memcpy(buffer + used, folded.data() + int_end, fraction_end - int_end);
      used += fraction_end - int_end;
    }
    numbers->emplace_back(buffer + begin, used - begin);
    in_title += i < title_size;
    i = j;
  }
  return in_title;
}

// The distinct words of a normalised text (split at spaces), sorted;
// `count` gets how many words it has, repeats included.
WordList DistinctSortedWords(std::string_view normalized, size_t* count) {
  thread_local std::vector<std::string_view> words;
  SplitWords(normalized, &words);
  *count = words.size();
  WordList out;
  out.AssignSortedDistinct(words);
  return out;
}

// Flags, one per element of a list, on the stack for lists of ordinary size.
class Marks {
 public:
  explicit Marks(size_t n) : data_(n <= kInline ? inline_ : (heap_.assign(n, 0), heap_.data())) {
    if (n <= kInline) std::fill_n(inline_, n, 0);
  }
  Marks(const Marks&) = delete;
  Marks& operator=(const Marks&) = delete;
  unsigned char& operator[](size_t i) { return data_[i]; }
  unsigned char operator[](size_t i) const { return data_[i]; }

 private:
  static constexpr size_t kInline = 128;
  unsigned char inline_[kInline];
  std::vector<unsigned char> heap_;
  unsigned char* data_;
};

// How a[i] orders against b[j]: their prefixes decide unless equal; equal
// prefixes of words no longer than 8 bytes mean the shorter word is the
// other's start (the longer one's extra bytes are zeros), so lengths decide.
int CompareAt(const WordList& a, size_t i, const WordList& b, size_t j) {
  const uint64_t x = a.prefix(i), y = b.prefix(j);
  if (x != y) return x < y ? -1 : 1;
  const size_t m = a.length(i), n = b.length(j);
  if (m <= 8 && n <= 8) return m < n ? -1 : (m > n ? 1 : 0);
  return a[i].compare(b[j]);
}

// Sets in_b[i] when a[i] is in b, and in_a[j] when b[j] is in a (either may
// be null), for sorted lists of distinct strings; returns the count shared.
size_t MarkCommon(const WordList& a, const WordList& b, Marks* in_b, Marks* in_a) {
  size_t n = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    const int c = CompareAt(a, i, b, j);
    if (c < 0) {
      ++i;
    } else if (c > 0) {
      ++j;
    } else {
      if (in_b != nullptr) (*in_b)[i] = 1;
      if (in_a != nullptr) (*in_a)[j] = 1;
      ++n, ++i, ++j;
    }
  }
  return n;
}

// |a ∩ b| of two sorted lists of distinct strings, by one merge.
size_t CountCommon(const WordList& a, const WordList& b) { return MarkCommon(a, b, nullptr, nullptr); }

// Whether `sorted` holds other[k].
bool Contains(const WordList& sorted, const WordList& other, size_t k) {
  size_t lo = 0, hi = sorted.size();
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    const int c = CompareAt(sorted, mid, other, k);
    if (c == 0) return true;
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return false;
}

double SetJaccard(const WordList& a, const WordList& b) {
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
  for (size_t i = FindDigit(folded, 0); i < folded.size(); i = FindDigit(folded, i + 1)) {
    if (i > 0 && (IsAsciiAlnum(folded[i - 1]) || folded[i - 1] == '.')) continue;
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

// Lower-cases ASCII text in place, eight bytes at a time: a byte is upper
// case when adding 0x3f sets its top bit ('A' and above) and adding 0x25
// does not ('Z' and below); no byte carries into the next, all being under
// 0x80. The case bit is the top bit shifted down two.
void LowerAscii(char* text, size_t size) {
  size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    uint64_t word;
    std::memcpy(&word, text + i, 8);
    const uint64_t upper = (word + 0x3f3f3f3f3f3f3f3fULL) & ~(word + 0x2525252525252525ULL) & 0x8080808080808080ULL;
    word |= upper >> 2;
    std::memcpy(text + i, &word, 8);
  }
  for (; i < size; ++i)
    if (text[i] >= 'A' && text[i] <= 'Z') text[i] = static_cast<char>(text[i] - 'A' + 'a');
}

// NormalizeText of text that FoldForMatching gave (`ascii`: from ASCII
// text). Folded ASCII is lower case and FoldForMatching leaves it
// alone, so only the collapsing is left; other text is folded again as
// NormalizeText would, since Unicode folding is not promised to be
// idempotent.
std::string NormalizeFolded(std::string_view folded, bool ascii) {
  if (!ascii)
    for (char c : folded)
      if (static_cast<unsigned char>(c) >= 0x80 || (c >= 'A' && c <= 'Z')) return NormalizeText(folded);
  return CollapseToWords(folded);
}

// NormalizeText of an attribute value; ASCII is lower-cased in a buffer kept
// from call to call, as FoldForMatching would, and collapsed.
std::string NormalizeValue(std::string_view value) {
  if (!IsAsciiText(value)) return NormalizeText(value);
  thread_local std::string lower;
  lower.assign(value);
  LowerAscii(lower.data(), lower.size());
  return CollapseToWords(lower);
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

bool HasAbbreviationMatch(std::string_view w, const WordList& sorted_words) {
  // Either way round the first letters are equal, and sorted words sharing a
  // first byte lie together: only that run is tried. It starts at the first
  // word whose prefix reaches the first byte's (the words are not empty).
  if (w.empty()) return false;
  const uint64_t first = uint64_t{static_cast<unsigned char>(w[0])} << 56;
  size_t lo = 0, hi = sorted_words.size();
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (sorted_words.prefix(mid) < first) lo = mid + 1;
    else hi = mid;
  }
  for (size_t k = lo; k < sorted_words.size() && (sorted_words.prefix(k) >> 56) == (first >> 56); ++k) {
    const std::string_view other = sorted_words[k];
    if (Abbreviates(w, other) || Abbreviates(other, w)) return true;
  }
  return false;
}

// The bytes a word holds, one bit per byte value modulo 64. Each byte of one
// word whose bit the other lacks needs an edit of its own, so the count of
// such bits bounds the edit distance from below.
uint64_t ByteSet(std::string_view word) {
  uint64_t set = 0;
  for (unsigned char c : word) set |= uint64_t{1} << (c & 63);
  return set;
}

// Set bits, portably fast: without a popcount instruction in the target
// std::popcount is a library call.
int CountBits(uint64_t x) {
  x -= (x >> 1) & 0x5555555555555555ULL;
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
  return static_cast<int>((x * 0x0101010101010101ULL) >> 56);
}

size_t EditDistanceLowerBound(std::string_view a, uint64_t a_bytes, std::string_view b, uint64_t b_bytes) {
  const size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  const size_t missing = static_cast<size_t>(
      std::max(CountBits(a_bytes & ~b_bytes), CountBits(b_bytes & ~a_bytes)));
  return std::max(gap, missing);
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

void PairFeaturizer::Fit(const std::vector<const Record*>& records, int threads) {
  std::vector<std::string> titles, all_texts, categories;
  titles.reserve(records.size());
  all_texts.reserve(records.size());
  for (const Record* r : records) {
    RecordText text = Text(*r);
    titles.push_back(text.ascii ? CollapseToWords(std::string_view(text.all_folded).substr(0, text.title.size())) : NormalizeText(text.title));
    all_texts.push_back(NormalizeFolded(text.all_folded, text.ascii));
    std::string category = NormalizeValue(FirstOf(*r, schema_.category));
    if (!category.empty()) categories.push_back(std::move(category));
  }
  // The fits are independent of one another: spread over the cores, the
  // largest (the all-text 3-grams) first.
  const std::pair<TfidfVectorizer*, const std::vector<std::string>*> fits[] = {
      {&all_c3_, &all_texts}, {&title_c3_, &titles}, {&title_c4_, &titles},     {&title_c5_, &titles},
      {&all_word_, &all_texts}, {&title_word_, &titles}, {&category_word_, &categories}};
  ParallelFor(std::size(fits), threads, [&](size_t i) { fits[i].first->Fit(*fits[i].second); });
}

double PairFeaturizer::TitlesWith(std::string_view word) const {
  // idf = ln((1 + N) / (1 + df)) + 1 (TfidfVectorizer).
  const double n = static_cast<double>(title_word_.document_count());
  return std::max(0.0, (1 + n) / std::exp(title_word_.Idf(word) - 1) - 1);
}

// Longer titles are read up to here (see Text).
constexpr size_t kMaxTitleBytes = 1024;

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
  // A title is a line: one of many kilobytes is a description pasted in
  // (or junk), and the title features compare words pairwise. Read up to
  // kMaxTitleBytes, cut at a space, or else before a UTF-8 character.
  if (text.title.size() > kMaxTitleBytes) {
    size_t cut = text.title.rfind(' ', kMaxTitleBytes);
    if (cut == std::string_view::npos || cut == 0) {
      cut = kMaxTitleBytes;
      while (cut > 0 && (static_cast<unsigned char>(text.title[cut]) & 0xC0) == 0x80) --cut;
    }
    text.title = text.title.substr(0, cut);
  }
  // Sized once for every value: appending would grow it several times.
  size_t size = text.title.size();
  for (const auto& [attribute, value] : record.fields) size += value.size() + 3;
  std::string all;
  all.reserve(size);
  all += text.title;
  for (const auto& [attribute, value] : record.fields) {
    if (IsBlank(value) || IsOneOf(attribute, schema_.price) || value.data() == text.title.data()) continue;
    if (!all.empty()) all += " ; ";
    all += value;
  }
  // FoldForMatching, which only lower-cases ASCII: in place then.
  text.ascii = IsAsciiText(all);
  if (text.ascii) {
    LowerAscii(all.data(), all.size());
    text.all_folded = std::move(all);
  } else {
    text.all_folded = FoldForMatching(all);
  }
  return text;
}

PreparedRecord PairFeaturizer::Prepare(const Record& record, bool with_vectors) const {
  PreparedRecord p;
  RecordText text = Text(record);
  const std::string_view title = text.title;
  const std::string& all_folded = text.all_folded;
  // The all text starts with the title, so folded ASCII holds the folded
  // title.
  std::string title_buffer;
  std::string_view title_folded;
  if (text.ascii) {
    title_folded = std::string_view(all_folded).substr(0, title.size());
  } else {
    title_buffer = FoldForMatching(title);
    title_folded = title_buffer;
  }

  p.title = CollapseToWords(title_folded);
  p.all_text = NormalizeFolded(all_folded, text.ascii);
  p.title_words = DistinctSortedWords(p.title, &p.title_word_count);
  size_t all_word_count = 0;
  p.all_words = DistinctSortedWords(p.all_text, &all_word_count);
  p.first_word = p.title.substr(0, p.title.find(' '));  // collapsed: no leading space
  p.colours = ColourBits(p.all_words);
  {
    thread_local std::vector<std::string_view> words;
    thread_local std::vector<double> idf, all_idf;
    const size_t n = p.title_words.size();
    words.assign(p.title_words.begin(), p.title_words.end());
    idf.resize(n);
    all_idf.resize(n);
    title_word_.IdfOfEach(std::span<const std::string_view>(words), idf.data());
    all_word_.IdfOfEach(std::span<const std::string_view>(words), all_idf.data());
    p.title_word_info.resize(n);
    for (size_t i = 0; i < n; ++i) p.title_word_info[i] = {idf[i], all_idf[i], ByteSet(p.title_words[i])};
  }
  p.compact_all = CompactAlnum(all_folded);

  // CompactAlnum upper-cases ASCII, which makes folding it first moot.
  const std::string_view model = FirstOf(record, schema_.model);
  p.model = IsAsciiText(model) ? CompactAlnum(model) : CompactAlnum(FoldForMatching(model));
  if (const std::string_view others = FirstOf(record, schema_.other_models); !others.empty()) {
    for (size_t at = 0; at <= others.size();) {
      const size_t end = std::min(others.find(';', at), others.size());
      const std::string_view one = others.substr(at, end - at);
      std::string compact = IsAsciiText(one) ? CompactAlnum(one) : CompactAlnum(FoldForMatching(one));
      if (compact.size() >= 3 && compact != p.model) p.other_models.push_back(std::move(compact));
      at = end + 1;
    }
  }
  CodesAndSpecs found = ExtractCodesAndSpecs(all_folded);
  if (p.model.size() >= 3) {
    // The model attribute is a code for the features, digits or not: the
    // pair model learns what a shared one is worth. Whether it names one
    // model, as rules need ("Various", "2024" or "USB-C" do not), is kept
    // apart.
    p.model_names_no_model = !ModelAttributeNamesAModel(model);
    ModelCode code;
    code.normalized = p.model;
    IsWholeCompactCode(p.model, &code.stem);  // the stem when the scanner would read it as one code
    p.codes.reserve(1 + found.codes.size());
    p.codes.push_back(std::move(code));
  } else {
    p.codes.reserve(found.codes.size());
  }
  // First occurrence of each code kept. Most records hold a few, which a
  // scan checks faster than a hash set; the set for the long part lists.
  if (found.codes.size() <= 16) {
    for (auto& c : found.codes) {
      const bool seen = std::any_of(p.codes.begin(), p.codes.end(), [&c](const ModelCode& k) { return k.normalized == c.normalized; });
      if (!seen) p.codes.push_back(std::move(c));
    }
  } else {
    std::unordered_set<std::string> seen;
    for (const auto& c : p.codes) seen.insert(c.normalized);
    for (auto& c : found.codes)
      if (seen.insert(c.normalized).second) p.codes.push_back(std::move(c));
  }
  // The other models a record lists are its codes too, also those the
  // scanner passes over in prose ("4127": four digits), as the model
  // attribute is.
  for (const std::string& other : p.other_models) {
    if (std::any_of(p.codes.begin(), p.codes.end(), [&other](const ModelCode& k) { return k.normalized == other; })) continue;
    ModelCode code;
    code.normalized = other;
    IsWholeCompactCode(other, &code.stem);
    p.codes.push_back(std::move(code));
  }
  thread_local std::vector<std::string_view> views;
  if (!found.specs.empty()) {
    views.clear();
    for (const Spec& s : found.specs) views.push_back(s.normalized);
    p.specs.AssignSortedDistinct(views);
    // Each spec's kind, its letters ("64GB" -> "GB", "USB3.0" -> "USB",
    // "12X18" -> "X"), in a buffer no shorter than all the specs.
    thread_local std::string letters;
    size_t total = 0;
    for (std::string_view spec : p.specs) total += spec.size();
    if (letters.size() < total) letters.resize(total);
    views.clear();
    size_t used = 0;
    for (std::string_view spec : p.specs) {
      const size_t begin = used;
      for (char c : spec)
        if (c >= 'A' && c <= 'Z') letters[used++] = c;
      views.emplace_back(letters.data() + begin, used - begin);
    }
    p.spec_kinds.Assign(views);
  }

  {
    // Folded ASCII text is the title, then a space and the other values when
    // there are any: one scan finds the numbers of both.
    thread_local std::vector<std::string_view> numbers;
    if (text.ascii) {
      const size_t in_title = CanonicalNumbers(all_folded, title_folded.size(), &numbers);
      p.title_numbers.AssignSortedDistinct(std::span(numbers).first(in_title));
    } else {
      CanonicalNumbers(title_folded, 0, &numbers);
      p.title_numbers.AssignSortedDistinct(numbers);
      CanonicalNumbers(all_folded, 0, &numbers);
    }
    p.all_numbers.AssignSortedDistinct(numbers);
  }
  // Years are a subsequence of the sorted distinct numbers, so sorted and
  // distinct themselves.
  thread_local std::vector<std::string_view> years;
  years.clear();
  views.clear();
  for (std::string_view n : p.all_numbers) {
    if (n.size() < 3 || n.find('.') != std::string_view::npos) continue;
    (IsYearNumber(n) ? years : views).push_back(n);
  }
  p.years.Assign(years);
  for (const auto& c : p.codes) {
    const std::string_view code = c.normalized;
    for (size_t i = 0; i < code.size();) {
      size_t j = i;
      while (j < code.size() && code[j] >= '0' && code[j] <= '9') ++j;
      if (j - i >= 3) views.push_back(code.substr(i, j - i));
      i = j == i ? i + 1 : j;
    }
  }
  p.digit_runs.AssignSortedDistinct(views);
  p.brand = NormalizeValue(FirstOf(record, schema_.brand));
  if (!p.brand.empty()) p.brand_first_word = p.brand.substr(0, p.brand.find(' '));  // collapsed: no leading space
  p.category = NormalizeValue(FirstOf(record, schema_.category));
  p.price = ParsePrice(FirstOf(record, schema_.price));
  if (std::isnan(p.price)) {
    p.price = PriceInText(all_folded);
    p.price_from_text = !std::isnan(p.price);
  }
  if (with_vectors) AddVectors(&p);
  return p;
}

void PairFeaturizer::AddVectors(PreparedRecord* p) const {
  if (p->vectorised) return;
  // The title's words are split, hashed and counted once for both word
  // vectorisers.
  thread_local TermCounts title_words;
  title_word_.CountTerms(p->title, &title_words);
  p->title_word = title_word_.Weigh(title_words);
  p->title_in_all = all_word_.Weigh(title_words);
  // And its 3-, 4- and 5-grams are hashed in one pass.
  thread_local TermCounts title_c3, title_c4, title_c5;
  const std::array<TermCounts*, 3> title_grams = {&title_c3, &title_c4, &title_c5};
  CountCharNgrams(p->title, 3, title_grams);
  p->title_c3 = title_c3_.Weigh(title_c3);
  p->title_c4 = title_c4_.Weigh(title_c4);
  p->title_c5 = title_c5_.Weigh(title_c5);
  p->all_word = all_word_.Transform(p->all_text);
  p->all_c3 = all_c3_.Transform(p->all_text);
  if (!p->category.empty()) p->category_word = category_word_.Transform(p->category);
  p->vectorised = true;
}

bool SpecsConflict(const PreparedRecord& l, const PreparedRecord& r) {
  for (size_t i = 0; i < l.specs.size(); ++i) {
    if (Contains(r.specs, l.specs, i)) continue;
    const std::string_view kind = l.spec_kinds[i];
    bool kind_in_r = false, kind_agrees = false;
    for (size_t j = 0; j < r.specs.size(); ++j) {
      if (r.spec_kinds[j] != kind) continue;
      kind_in_r = true;
      kind_agrees = kind_agrees || Contains(l.specs, r.specs, j);
    }
    if (kind_in_r && !kind_agrees) return true;
  }
  return false;
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
    // Which title words each side shares with the other: one merge serves
    // the overlaps, the weighted Jaccard and the soft covers.
    Marks l_in_r(l.title_words.size()), r_in_l(r.title_words.size());
    const size_t common = MarkCommon(l.title_words, r.title_words, &l_in_r, &r_in_l);
    f[kTitleJaccard] = static_cast<double>(common) / static_cast<double>(l.title_words.size() + r.title_words.size() - common);
    f[kTitleOverlap] = static_cast<double>(common) / std::min(l.title_words.size(), r.title_words.size());
    double shared = 0, total = 0;
    for (size_t i = 0; i < l.title_words.size(); ++i) {
      const double idf = l.title_word_info[i].idf;
      total += idf;
      if (l_in_r[i]) shared += idf;
    }
    for (size_t j = 0; j < r.title_words.size(); ++j)
      if (!r_in_l[j]) total += r.title_word_info[j].idf;
    f[kTitleWeightedJaccard] = total > 0 ? shared / total : 0;
    // Long descriptions used as titles would make this quadratic; 160 bytes
    // hold any real product title.
    // How well each title word of one side is covered by its closest word in
    // the other title, weighted by IDF: spelling variants count ("modeler",
    // "modeller"; "workcentre", "workcenter"), which exact overlaps miss.
    auto soft_cover = [](const PreparedRecord& a, const PreparedRecord& b, const Marks& a_in_b) {
      double covered = 0, total = 0;
      for (size_t i = 0; i < a.title_words.size(); ++i) {
        const std::string_view w = a.title_words[i];
        const double idf = a.title_word_info[i].idf;
        total += idf;
        double best = a_in_b[i] ? 1 : 0;
        if (best < 1 && w.size() >= 4)
          for (size_t j = 0; j < b.title_words.size(); ++j) {
            const size_t other_size = b.title_words.length(j);
            if (other_size < 4) continue;
            // Skip a word whose similarity cannot reach the 0.75 that
            // counts, nor beat `best`: the bound is exact arithmetic on a
            // distance no larger than the true one.
            // The length difference alone, a weaker bound, rules most
            // words out before the byte sets are counted.
            const size_t longest = std::max(w.size(), other_size);
            const size_t gap = longest - std::min(w.size(), other_size);
            const double gap_bound = 1 - static_cast<double>(gap) / static_cast<double>(longest);
            if (gap_bound < 0.75 || gap_bound <= best) continue;
            const std::string_view other = b.title_words[j];
            const size_t at_least = EditDistanceLowerBound(w, a.title_word_info[i].bytes, other, b.title_word_info[j].bytes);
            const double bound = 1 - static_cast<double>(at_least) / static_cast<double>(longest);
            if (bound < 0.75 || bound <= best) continue;
            best = std::max(best, EditSimilarity(w, other));
          }
        covered += idf * (best >= 0.75 ? best : 0);
      }
      return total > 0 ? covered / total : 0;
    };
    f[kTitleSoftCoverLr] = soft_cover(l, r, l_in_r);
    f[kTitleSoftCoverRl] = soft_cover(r, l, r_in_l);
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
    auto unmatched = [](const PreparedRecord& a, const PreparedRecord& b) {
      UnmatchedIdf u;
      Marks in_b(a.title_words.size());
      MarkCommon(a.title_words, b.all_words, &in_b, nullptr);
      double total = 0, missing = 0, soft_missing = 0;
      for (size_t i = 0; i < a.title_words.size(); ++i) {
        const double idf = a.title_word_info[i].all_idf;
        total += idf;
        if (!in_b[i]) {
          missing += idf;
          u.max = std::max(u.max, idf);
          if (!HasAbbreviationMatch(a.title_words[i], b.all_words)) soft_missing += idf;
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
      for (size_t j = 0; j < std::min(r.codes.size(), kMaxCodesCompared); ++j) {
        const std::string& x = l.codes[i].normalized;
        const std::string& y = r.codes[j].normalized;
        // The length difference bounds the similarity: skip pairs that
        // cannot beat `best`.
        const size_t longest = std::max(x.size(), y.size());
        if (longest > 0 && 1 - static_cast<double>(longest - std::min(x.size(), y.size())) / static_cast<double>(longest) <= best)
          continue;
        best = std::max(best, EditSimilarity(x, y));
      }
    f[kCodeBestEditSim] = best;
    f[kCodeConflict] = (exact == 0 && !stem_match && in_lr == 0 && in_rl == 0) ? 1 : 0;
  }
  // A record naming several models is compared by the one the other
  // record shows: as its model attribute, else in its text.
  const auto model_of = [](const PreparedRecord& a, const PreparedRecord& b) -> const std::string& {
    if (a.other_models.empty() || a.model.empty()) return a.model;
    if (!b.model.empty() && a.model == b.model) return a.model;
    for (const auto& m : a.other_models)
      if (m == b.model) return m;
    if (b.compact_all.find(a.model) != std::string::npos) return a.model;
    for (const auto& m : a.other_models)
      if (b.compact_all.find(m) != std::string::npos) return m;
    return a.model;
  };
  const std::string& l_model = model_of(l, r);
  const std::string& r_model = model_of(r, l);
  if (!l_model.empty() && !r_model.empty()) {
    f[kModelExact] = l_model == r_model ? 1 : 0;
    f[kModelEditSim] = EditSimilarity(l_model, r_model);
  }
  if (!l_model.empty()) f[kModelInTextLr] = r.compact_all.find(l_model) != std::string::npos ? 1 : 0;
  if (!r_model.empty()) f[kModelInTextRl] = l.compact_all.find(r_model) != std::string::npos ? 1 : 0;

  // Specifications: shared ones, and ones of the same kind that differ
  // ("32GB" against "64GB").
  if (!l.specs.empty() && !r.specs.empty()) {
    const size_t shared = CountCommon(l.specs, r.specs);
    f[kSpecShared] = static_cast<double>(shared);
    f[kSpecConflict] = SpecsConflict(l, r) ? 1 : 0;
  }

  if (!l.digit_runs.empty() && !r.digit_runs.empty())
    f[kDigitRunShared] = static_cast<double>(CountCommon(l.digit_runs, r.digit_runs));
  size_t longest_run = 0;
  auto runs_in_text = [&longest_run](const PreparedRecord& a, const PreparedRecord& b) {
    if (a.digit_runs.empty()) return kMissing;
    size_t found = 0;
    for (const std::string_view run : a.digit_runs) {
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
    f[kBrandMatch] = l.brand == r.brand ? 1 : (l.brand_first_word == r.brand_first_word ? 0.5 : 0);
  }
  if (!l.brand.empty()) f[kBrandInTextLr] = HasWord(r.all_text, l.brand) ? 1 : 0;
  if (!r.brand.empty()) f[kBrandInTextRl] = HasWord(l.all_text, r.brand) ? 1 : 0;
  if (!l.first_word.empty() && !r.first_word.empty()) f[kFirstWordMatch] = l.first_word == r.first_word ? 1 : 0;

  if (!std::isnan(l.price) && !std::isnan(r.price)) {
    f[kPriceRatio] = std::min(l.price, r.price) / std::max(l.price, r.price);
    f[kPriceLogDiff] = std::abs(std::log(l.price / r.price));
    f[kPriceFromText] = static_cast<double>(l.price_from_text + r.price_from_text);
  }

  f[kTitleWordsL] = static_cast<double>(l.title_word_count);
  f[kTitleWordsR] = static_cast<double>(r.title_word_count);
  if (both_titles)
    f[kTitleLengthRatio] = static_cast<double>(std::min(l.title.size(), r.title.size())) /
                           static_cast<double>(std::max(l.title.size(), r.title.size()));
  f[kAllWordsL] = static_cast<double>(l.all_words.size());
  f[kAllWordsR] = static_cast<double>(r.all_words.size());
  if (!l.category.empty() && !r.category.empty()) f[kCategoryCos] = Cosine(l.category_word, r.category_word);
  if (l.colours != 0 && r.colours != 0) f[kColourConflict] = (l.colours & r.colours) == 0 ? 1 : 0;
  if (word_evidence_ != nullptr && both_titles) f[kTitleWordEvidence] = word_evidence_->LogOdds(l.title_words, r.title_words);

  for (size_t i = 0; i < kFeatureCount; ++i) out[i] = static_cast<float>(f[i]);
}

}  // namespace conform::recalls
