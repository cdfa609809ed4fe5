// How alike two short texts are: TF-IDF cosine over words or character
// n-grams, and set overlaps.
//
// Texts are first normalised (NormalizeForMatching: NFKC, case folded).
// Words are runs of letters and digits ("wh-1000xm4" is "wh", "1000xm4").
// Character n-grams are taken over the words joined by single spaces, with a
// space before and after, so that word starts and ends are n-grams too.
#ifndef CONFORM_RECALLS_TEXT_SIMILARITY_H_
#define CONFORM_RECALLS_TEXT_SIMILARITY_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace conform::recalls {

// FoldForMatching, then every run of characters that are not letters or
// digits (any script) collapsed to one space, without leading or trailing
// spaces: "Sony  WH-1000XM4, Black" -> "sony wh 1000xm4 black".
std::string NormalizeText(std::string_view text);
// The first step: NormalizeForMatching, then FoldLatinDiacritics (sellers
// drop accents: "Löwe" and "Lowe" compare equal in recall matching), then
// Cyrillic and Greek letters that look Latin written in Latin inside words
// that mix them with ASCII letters or digits ("НD-770" with a Cyrillic Н
// is "hd-770"; "мама" stays as it is).
std::string FoldForMatching(std::string_view text);
// The second step of NormalizeText alone, for text already passed through
// FoldForMatching: NormalizeText(t) == CollapseToWords(FoldForMatching(t)).
std::string CollapseToWords(std::string_view folded);

// Words of an already normalised text (split at spaces).
std::vector<std::string_view> Words(std::string_view normalized);
// The same words into `out`, which is cleared first: a caller that keeps
// `out` from call to call allocates nothing once it is large enough.
void SplitWords(std::string_view normalized, std::vector<std::string_view>* out);

// Character n-grams of an already normalised, padded text (PadForNgrams),
// counted in bytes: exact for ASCII, and for other scripts still equal
// exactly when the texts are. A text of at most n bytes yields itself as its
// one gram; a blank one yields none.
std::vector<std::string_view> CharNgrams(std::string_view padded, int n);
// " " + normalized + " ", the input CharNgrams expects.
std::string PadForNgrams(std::string_view normalized);

// A sparse vector over hashed terms, sorted by term, L2-normalised unless
// empty. One heap block holds the terms, then their weights: a record keeps
// several vectors, and Cosine's merge reads the terms alone until two are
// equal.
class SparseVector {
 public:
  SparseVector() = default;
  // `terms` ascending and distinct, `weights[k]` the weight of terms[k],
  // taken as they are.
  SparseVector(std::span<const uint64_t> terms, std::span<const float> weights);
  SparseVector(const SparseVector& other);
  SparseVector& operator=(const SparseVector& other);
  SparseVector(SparseVector&& other) noexcept = default;
  SparseVector& operator=(SparseVector&& other) noexcept = default;

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::span<const uint64_t> terms() const { return {reinterpret_cast<const uint64_t*>(block_.get()), size_}; }
  std::span<const float> weights() const { return {reinterpret_cast<const float*>(block_.get() + WeightsOffset()), size_}; }

 private:
  friend class TfidfVectorizer;
  // Room for `size` terms and weights, to be written.
  explicit SparseVector(size_t size);
  uint64_t* mutable_terms() { return reinterpret_cast<uint64_t*>(block_.get()); }
  float* mutable_weights() { return reinterpret_cast<float*>(block_.get() + WeightsOffset()); }
  size_t WeightsOffset() const { return size_t{size_} * sizeof(uint64_t); }
  size_t BlockBytes() const { return size_t{size_} * (sizeof(uint64_t) + sizeof(float)); }

  std::unique_ptr<std::byte[]> block_;
  size_t size_ = 0;
};

// Cosine of two vectors from the same vectoriser: their dot product (both
// are unit length), the shared terms' products added in term order. 0 when
// either is empty.
double Cosine(const SparseVector& a, const SparseVector& b);

enum class Analyzer {
  kWords,       // words
  kCharNgrams,  // character n-grams of `ngram` characters
};

// The distinct terms of a text (their hashes, ascending) and how often each
// occurs: what a vectoriser weighs, and the same for every vectoriser of one
// analyzer and n-gram size, so that they can share it.
struct TermCounts {
  std::vector<uint64_t> terms;
  std::vector<uint32_t> counts;
};

// TF-IDF with sublinear term frequency (1 + ln tf) and smoothed inverse
// document frequency ln((1 + N) / (1 + df)) + 1, fitted on a corpus. Terms are
// 64-bit hashes, so a term never seen in fitting still counts: it gets the
// weight of a term with df = 0, the rarest there is, which is what an unseen
// model number or brand deserves.
class TfidfVectorizer {
 public:
  explicit TfidfVectorizer(Analyzer analyzer = Analyzer::kWords, int ngram = 3);

  // Learns document frequencies from `normalized_documents` (each already
  // passed through NormalizeText; duplicates count once each time they
  // appear, so callers pass distinct records). Replaces any earlier fit.
  void Fit(const std::vector<std::string>& normalized_documents);

  // The unit-length TF-IDF vector of a normalised text. Thread-safe.
  SparseVector Transform(std::string_view normalized) const;
  // Transform in two steps: the text's terms, which depend on the analyzer
  // alone, then the vector weighed by this vectoriser's fit.
  // Weigh(CountTerms(t)) == Transform(t), also when the counts come from
  // another vectoriser of the same analyzer and n-gram size.
  void CountTerms(std::string_view normalized, TermCounts* out) const;
  SparseVector Weigh(const TermCounts& counts) const;

  // The IDF of one term (a word, or an n-gram for the n-gram analyzer).
  double Idf(std::string_view term) const;
  // Idf of each of `terms`, in order, to `out`: the look-ups overlap.
  void IdfOfEach(const std::vector<std::string>& terms, double* out) const;
  // The same over views, for callers that hold their words in a packed
  // list and would otherwise copy them into strings.
  void IdfOfEach(std::span<const std::string_view> terms, double* out) const;

  Analyzer analyzer() const { return analyzer_; }
  int ngram() const { return ngram_; }
  size_t document_count() const { return document_count_; }
  size_t vocabulary_size() const { return vocabulary_size_; }

 private:
  // Appends the hashes of the terms of `normalized` to `terms`.
  void AppendTerms(std::string_view normalized, std::vector<uint64_t>* terms) const;
  double IdfOfHash(uint64_t hash) const;
  template <typename Terms>
  void IdfOfEachOf(const Terms& terms, double* out) const;

  Analyzer analyzer_;
  int ngram_;
  size_t document_count_ = 0;
  double unseen_idf_ = 1;
  // The IDF of every fitted term in an open-addressing table (linear
  // probing, power-of-two size, at most half full): a look-up is a probe or
  // two in one array, where Transform spends its time. A slot whose weight
  // is 0 is empty; fitted weights are at least 1.
  struct IdfSlot {
    uint64_t term = 0;
    float idf = 0;
  };
  std::vector<IdfSlot> idf_table_;
  uint64_t idf_mask_ = 0;
  unsigned idf_shift_ = 64;  // a term's first slot is term >> idf_shift_
  size_t vocabulary_size_ = 0;
};

// TermCounts of one normalised text for character n-gram vectorisers of
// n = first, first + 1, ..., first + out.size() - 1: out[k] gets what
// CountTerms of the vectoriser of n = first + k would. The hash of a gram
// is where the hash of the gram a byte longer starts, so the text is hashed
// once for all sizes.
void CountCharNgrams(std::string_view normalized, int first, std::span<TermCounts* const> out);

// A stable 64-bit hash of a term: FNV-1a, then mixed so that its top bits
// are as well spread as its low ones.
uint64_t HashTerm(std::string_view term);

// Sorts term hashes ascending, as std::sort would, in O(n log n) at worst
// whatever the hashes: the vectorisers' order of terms.
void SortTermHashes(std::vector<uint64_t>* hashes);

// |A ∩ B| / |A ∪ B| over distinct elements; 0 when both are empty.
double Jaccard(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b);
// |A ∩ B| / min(|A|, |B|) over distinct elements; 0 when either is empty.
double OverlapCoefficient(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b);

// Levenshtein distance in bytes, and 1 - distance / max(length): 1 for equal
// strings, 0 for strings with nothing in common (and for two empty ones: 1).
size_t EditDistance(std::string_view a, std::string_view b);
double EditSimilarity(std::string_view a, std::string_view b);

}  // namespace conform::recalls

#endif  // CONFORM_RECALLS_TEXT_SIMILARITY_H_
