#include "conform/recalls/text_similarity.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <unordered_set>

#include "conform/core/text.h"

namespace conform::recalls {

namespace {

// FNV-1a, 64 bits: HashTerm and the loops that hash terms in place.
constexpr uint64_t kFnvBasis = 1469598103934665603ULL;
constexpr uint64_t kFnvPrime = 1099511628211ULL;

// FNV-1a's top bits barely move with a term's last byte, and a text's
// grams differ most often there. Mixed (each step invertible, so no two
// hashes become one), a term's top bits are as good as any: one counting
// pass on them sorts a text's terms into buckets of about one, and they
// place a term in the IDF table.
inline uint64_t MixTerm(uint64_t h) {
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 31;
  return h * 0x94d049bb133111ebULL;
}

bool IsWordCodepoint(utf8proc_int32_t cp) {
  if (cp < 0x80)
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (IsLetterOrMark(cp)) return true;  // combining marks stay with their letter
  const utf8proc_category_t category = utf8proc_category(cp);
  return category == UTF8PROC_CATEGORY_ND || category == UTF8PROC_CATEGORY_NL || category == UTF8PROC_CATEGORY_NO;
}

// ASCII letters and digits: the bytes words are made of.
constexpr std::array<bool, 128> kAsciiWordByte = [] {
  std::array<bool, 128> table{};
  for (int c = 0; c < 128; ++c) table[c] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return table;
}();

std::unordered_set<std::string_view> Distinct(const std::vector<std::string_view>& v) {
  return std::unordered_set<std::string_view>(v.begin(), v.end());
}

}  // namespace

namespace {

// The Latin letter a lower-case Cyrillic or Greek one looks like in print
// (in either case: "Н" is folded to "н" first), or 0.
char LatinLookalike(int32_t cp) {
  switch (cp) {
    case 0x0430: return 'a';  // а
    case 0x0432: return 'b';  // в (В)
    case 0x0435: return 'e';  // е
    case 0x043A: return 'k';  // к
    case 0x043C: return 'm';  // м (М)
    case 0x043D: return 'h';  // н (Н)
    case 0x043E: return 'o';  // о
    case 0x0440: return 'p';  // р
    case 0x0441: return 'c';  // с
    case 0x0442: return 't';  // т (Т)
    case 0x0443: return 'y';  // у
    case 0x0445: return 'x';  // х
    case 0x0455: return 's';  // ѕ
    case 0x0456: return 'i';  // і
    case 0x0458: return 'j';  // ј
    case 0x03B1: return 'a';  // α
    case 0x03B2: return 'b';  // β (Β)
    case 0x03B5: return 'e';  // ε (Ε)
    case 0x03B6: return 'z';  // ζ (Ζ)
    case 0x03B7: return 'h';  // η (Η)
    case 0x03B9: return 'i';  // ι (Ι)
    case 0x03BA: return 'k';  // κ (Κ)
    case 0x03BC: return 'm';  // μ (Μ)
    case 0x03BD: return 'n';  // ν (Ν)
    case 0x03BF: return 'o';  // ο
    case 0x03C1: return 'p';  // ρ (Ρ)
    case 0x03C4: return 't';  // τ (Τ)
    case 0x03C5: return 'y';  // υ (Υ)
    case 0x03C7: return 'x';  // χ (Χ)
    default: return 0;
  }
}

bool IsAsciiAlnumByte(unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Words that mix ASCII letters or digits with Cyrillic or Greek letters
// that look Latin ("НD-770" with a Cyrillic Н, "QС65A" with a Cyrillic С)
// are written in Latin: a code typed so matches nothing else, and sellers
// of recalled goods use that. Words in those scripts alone, and words with
// other letters, are left as they are.
std::string LatinLookalikesInMixedWords(std::string folded) {
  std::string out;
  size_t i = 0;
  while (i < folded.size()) {
    const auto c = static_cast<unsigned char>(folded[i]);
    if (c < 0x80 && !IsAsciiAlnumByte(c)) {
      out += folded[i++];
      continue;
    }
    // A word: ASCII letters and digits and any non-ASCII characters.
    const size_t start = i;
    bool ascii_alnum = false, lookalike = false, other = false;
    std::string latin;
    while (i < folded.size()) {
      const auto b = static_cast<unsigned char>(folded[i]);
      if (b < 0x80) {
        if (!IsAsciiAlnumByte(b)) break;
        ascii_alnum = true;
        latin += folded[i++];
        continue;
      }
      if (const char l = LatinLookalike(NextCodepoint(folded, &i))) {
        lookalike = true;
        latin += l;
      } else {
        other = true;
      }
    }
    if (ascii_alnum && lookalike && !other) out += latin;
    else out.append(folded, start, i - start);
  }
  return out;
}

}  // namespace

std::string FoldForMatching(std::string_view text) {
  std::string folded = NormalizeForMatching(text);
  for (const char c : folded)
    if (static_cast<unsigned char>(c) >= 0x80) return LatinLookalikesInMixedWords(FoldLatinDiacritics(folded));
  return folded;
}

std::string NormalizeText(std::string_view text) { return CollapseToWords(FoldForMatching(text)); }

std::string CollapseToWords(std::string_view folded) {
  // Written through a pointer into a buffer of the input's size: the output
  // is never longer, and appending byte by byte is most of the cost.
  std::string out(folded.size(), '\0');
  char* const begin = out.data();
  char* at = begin;
  bool pending_space = false;
  for (size_t i = 0; i < folded.size();) {
    const unsigned char byte = static_cast<unsigned char>(folded[i]);
    if (byte < 0x80) {  // ASCII, most of every text: no decoding
      // Without branches on the byte, which flip at every word boundary:
      // the space and the byte are always stored and kept only when due.
      // Nothing is stored past the input's size: a space is kept only after
      // a byte that was dropped.
      const bool word = kAsciiWordByte[byte];
      *at = ' ';
      at += word & pending_space & (at != begin);
      *at = static_cast<char>(byte);
      at += word;
      pending_space = !word;
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(folded.data() + i),
                                          static_cast<utf8proc_ssize_t>(folded.size() - i), &cp);
    if (n <= 0) n = 1, cp = ' ';  // NormalizeForMatching leaves valid UTF-8; be safe anyway
    if (IsWordCodepoint(cp)) {
      if (pending_space && at != begin) *at++ = ' ';
      pending_space = false;
      std::memcpy(at, folded.data() + i, static_cast<size_t>(n));
      at += n;
    } else {
      pending_space = true;
    }
    i += static_cast<size_t>(n);
  }
  out.resize(static_cast<size_t>(at - begin));
  return out;
}

void SplitWords(std::string_view normalized, std::vector<std::string_view>* out) {
  // A byte loop rather than a search per word: words are a few bytes long.
  out->clear();
  const char* const data = normalized.data();
  size_t start = 0;
  for (size_t i = 0; i < normalized.size(); ++i) {
    if (data[i] != ' ') continue;
    if (i > start) out->emplace_back(data + start, i - start);
    start = i + 1;
  }
  if (normalized.size() > start) out->emplace_back(data + start, normalized.size() - start);
}

std::vector<std::string_view> Words(std::string_view normalized) {
  std::vector<std::string_view> words;
  words.reserve(static_cast<size_t>(std::count(normalized.begin(), normalized.end(), ' ')) + 1);
  SplitWords(normalized, &words);
  return words;
}

std::string PadForNgrams(std::string_view normalized) {
  std::string padded;
  padded.reserve(normalized.size() + 2);
  padded += ' ';
  padded += normalized;
  padded += ' ';
  return padded;
}

std::vector<std::string_view> CharNgrams(std::string_view padded, int n) {
  std::vector<std::string_view> grams;
  const size_t size = static_cast<size_t>(n);
  if (padded.size() <= size) {
    if (padded.find_first_not_of(' ') != std::string_view::npos) grams.push_back(padded);
    return grams;
  }
  grams.reserve(padded.size() - size + 1);
  // Bytes, not code points: a split multi-byte character still yields grams
  // that are equal exactly when the texts are.
  for (size_t i = 0; i + size <= padded.size(); ++i) grams.push_back(padded.substr(i, size));
  return grams;
}

namespace {

// The shared terms' products summed in term order, walking the short vector
// (terms x, weights wx) and galloping through the long one: a title against
// a long description.
double GallopDot(const uint64_t* x, const float* wx, size_t nx, const uint64_t* y, const float* wy, size_t ny) {
  double dot = 0;
  size_t j = 0;
  for (size_t i = 0; i < nx && j < ny; ++i) {
    const uint64_t k = x[i];
    if (y[j] < k) {
      size_t step = 1;
      while (j + step < ny && y[j + step] < k) step *= 2;
      j = static_cast<size_t>(std::lower_bound(y + j + step / 2 + 1, y + std::min(j + step + 1, ny), k) - y);
      if (j == ny) break;
    }
    if (y[j] == k) {
      dot += static_cast<double>(wx[i]) * wy[j];
      ++j;
    }
  }
  return dot;
}

}  // namespace

SparseVector::SparseVector(size_t size) : size_(size) {
  if (size > 0) block_ = std::make_unique_for_overwrite<std::byte[]>(BlockBytes());
}

SparseVector::SparseVector(std::span<const uint64_t> terms, std::span<const float> weights) : SparseVector(terms.size()) {
  if (terms.empty()) return;
  std::memcpy(mutable_terms(), terms.data(), terms.size_bytes());
  std::memcpy(mutable_weights(), weights.data(), terms.size() * sizeof(float));
}

SparseVector::SparseVector(const SparseVector& other) : SparseVector(other.size_) {
  if (size_ > 0) std::memcpy(block_.get(), other.block_.get(), BlockBytes());
}

SparseVector& SparseVector::operator=(const SparseVector& other) {
  if (this != &other) *this = SparseVector(other);
  return *this;
}

double Cosine(const SparseVector& a, const SparseVector& b) {
  // Both ways below add the shared terms' products in term order, so the
  // sum is the same to the bit (each product of two floats is exact in
  // double, whichever side is on the left). A merge over the terms, read in
  // order, costs less than probing a hash index of the larger vector once
  // the vectors are out of the cache, and building the index cost more
  // than the probes saved.
  const bool a_smaller = a.size() <= b.size();
  const SparseVector& small = a_smaller ? a : b;
  const SparseVector& large = a_smaller ? b : a;
  if (small.empty()) return 0;
  const uint64_t* const x = small.terms().data();
  const uint64_t* const y = large.terms().data();
  const float* const wx = small.weights().data();
  const float* const wy = large.weights().data();
  const size_t nx = small.size(), ny = large.size();
  if (nx * 8 < ny) return std::clamp(GallopDot(x, wx, nx, y, wy, ny), 0.0, 1.0);
  // A merge without data-dependent branches: which side advances is
  // unpredictable. Adding +0.0 for a non-shared term leaves `dot` as it was.
  double dot = 0;
  size_t i = 0, j = 0;
  while (i < nx && j < ny) {
    const uint64_t kx = x[i], ky = y[j];
    const double product = static_cast<double>(wx[i]) * wy[j];
    dot += kx == ky ? product : 0.0;
    i += kx <= ky;
    j += ky <= kx;
  }
  return std::clamp(dot, 0.0, 1.0);
}

uint64_t HashTerm(std::string_view term) {
  uint64_t h = kFnvBasis;
  for (unsigned char c : term) h = (h ^ c) * kFnvPrime;
  return MixTerm(h);
}

TfidfVectorizer::TfidfVectorizer(Analyzer analyzer, int ngram) : analyzer_(analyzer), ngram_(std::max(1, ngram)) {}

namespace {

// Where a term's look-up starts in a table of 2^(64 - shift) slots: its
// top bits, so that terms looked up in ascending order walk the table
// forwards.
inline uint64_t Slot(uint64_t term, unsigned shift) { return term >> shift; }

// HashTerm of each of the `count` n-byte windows from `p`.
template <size_t n>
void HashGrams(const unsigned char* p, size_t count, std::vector<uint64_t>* terms) {
  const size_t start = terms->size();
  terms->resize(start + count);
  uint64_t* out = terms->data() + start;
  for (size_t i = 0; i < count; ++i) {
    uint64_t h = kFnvBasis;
    for (size_t k = 0; k < n; ++k) h = (h ^ p[i + k]) * kFnvPrime;
    out[i] = MixTerm(h);
  }
}

}  // namespace

void TfidfVectorizer::AppendTerms(std::string_view normalized, std::vector<uint64_t>* terms) const {
  if (analyzer_ == Analyzer::kWords) {
    // HashTerm of each word, hashed in the one pass that finds the spaces:
    // words are short, and a search call per word cost more than the hash.
    uint64_t h = kFnvBasis;
    bool in_word = false;
    for (const char c : normalized) {
      if (c == ' ') {
        if (in_word) terms->push_back(MixTerm(h));
        h = kFnvBasis;
        in_word = false;
      } else {
        h = (h ^ static_cast<unsigned char>(c)) * kFnvPrime;
        in_word = true;
      }
    }
    if (in_word) terms->push_back(MixTerm(h));
    return;
  }
  // The n-grams of PadForNgrams(normalized), hashed where they lie.
  thread_local std::string padded;
  padded.assign(1, ' ');
  padded += normalized;
  padded += ' ';
  const size_t n = static_cast<size_t>(ngram_);
  if (padded.size() <= n) {
    if (padded.find_first_not_of(' ') != std::string::npos) terms->push_back(HashTerm(padded));
    return;
  }
  const unsigned char* p = reinterpret_cast<const unsigned char*>(padded.data());
  const size_t count = padded.size() - n + 1;
  switch (n) {  // the usual sizes unrolled
    case 3: HashGrams<3>(p, count, terms); break;
    case 4: HashGrams<4>(p, count, terms); break;
    case 5: HashGrams<5>(p, count, terms); break;
    default:
      for (size_t i = 0; i < count; ++i) terms->push_back(HashTerm(std::string_view(padded).substr(i, n)));
  }
}

namespace {

// Document frequencies of term hashes: an open-addressing table (linear
// probing, power-of-two size, at most half full) whose slots remember the
// last document that counted them, so a term repeated in one document
// counts once without the document's terms being sorted first.
class DocumentFrequencies {
 public:
  struct Entry {
    uint64_t term = 0;
    uint32_t count = 0;  // 0: an empty slot
    uint32_t last_document = 0;
  };

  void Count(uint64_t term, uint32_t document) {
    if (2 * (size_ + 1) > slots_.size()) Grow();
    Entry& e = Find(term);
    if (e.count == 0) {
      e = {term, 1, document};
      ++size_;
    } else if (e.last_document != document) {
      ++e.count;
      e.last_document = document;
    }
  }
  size_t size() const { return size_; }
  const std::vector<Entry>& slots() const { return slots_; }

 private:
  Entry& Find(uint64_t term) {
    const uint64_t mask = slots_.size() - 1;
    for (uint64_t at = Slot(term, shift_);; at = (at + 1) & mask)
      if (slots_[at].count == 0 || slots_[at].term == term) return slots_[at];
  }
  void Grow() {
    std::vector<Entry> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : 2 * old.size(), Entry{});
    shift_ = static_cast<unsigned>(64 - std::countr_zero(slots_.size()));
    for (const Entry& e : old)
      if (e.count != 0) Find(e.term) = e;
  }

  std::vector<Entry> slots_;
  unsigned shift_ = 64;
  size_t size_ = 0;
};

}  // namespace

void TfidfVectorizer::Fit(const std::vector<std::string>& normalized_documents) {
  DocumentFrequencies df;
  std::vector<uint64_t> terms;
  for (size_t d = 0; d < normalized_documents.size(); ++d) {
    terms.clear();
    AppendTerms(normalized_documents[d], &terms);
    for (uint64_t t : terms) df.Count(t, static_cast<uint32_t>(d));
  }
  document_count_ = normalized_documents.size();
  const double n = static_cast<double>(document_count_);
  size_t slots = 16;
  while (slots < 2 * df.size()) slots *= 2;
  idf_table_.assign(slots, IdfSlot{});
  idf_mask_ = slots - 1;
  idf_shift_ = static_cast<unsigned>(64 - std::countr_zero(slots));
  vocabulary_size_ = df.size();
  for (const auto& e : df.slots()) {
    if (e.count == 0) continue;
    uint64_t at = Slot(e.term, idf_shift_);
    while (idf_table_[at].idf != 0) at = (at + 1) & idf_mask_;
    idf_table_[at] = {e.term, static_cast<float>(std::log((1 + n) / (1 + e.count)) + 1)};
  }
  unseen_idf_ = std::log(1 + n) + 1;
}

double TfidfVectorizer::IdfOfHash(uint64_t hash) const {
  if (idf_table_.empty()) return unseen_idf_;
  for (uint64_t at = Slot(hash, idf_shift_);; at = (at + 1) & idf_mask_) {
    const IdfSlot& slot = idf_table_[at];
    if (slot.idf == 0) return unseen_idf_;
    if (slot.term == hash) return slot.idf;
  }
}

double TfidfVectorizer::Idf(std::string_view term) const { return IdfOfHash(HashTerm(term)); }

template <typename Terms>
void TfidfVectorizer::IdfOfEachOf(const Terms& terms, double* out) const {
  // Hashed and their slots fetched first, then looked up: the misses of
  // one record's words overlap.
  thread_local std::vector<uint64_t> hashes;
  hashes.resize(terms.size());
  for (size_t i = 0; i < terms.size(); ++i) {
    hashes[i] = HashTerm(terms[i]);
    if (!idf_table_.empty()) __builtin_prefetch(&idf_table_[Slot(hashes[i], idf_shift_)]);
  }
  for (size_t i = 0; i < terms.size(); ++i) out[i] = IdfOfHash(hashes[i]);
}

void TfidfVectorizer::IdfOfEach(const std::vector<std::string>& terms, double* out) const { IdfOfEachOf(terms, out); }

void TfidfVectorizer::IdfOfEach(std::span<const std::string_view> terms, double* out) const { IdfOfEachOf(terms, out); }

namespace {

constexpr size_t kSmallSort = 24;

void InsertionSort(uint64_t* begin, uint64_t* end) {
  for (uint64_t* i = begin + 1; i < end; ++i) {
    const uint64_t x = *i;
    uint64_t* j = i;
    for (; j > begin && j[-1] > x; --j) *j = j[-1];
    *j = x;
  }
}

// Sorts term hashes ascending: a few by insertion, more by buckets. Term
// hashes spread over their top bits (MixTerm), so a counting pass on those
// bits, about as many buckets as hashes, leaves about one hash per bucket,
// in bucket order; one insertion pass over the whole then finishes every
// bucket at once, moving each hash only within its bucket. A crowded
// bucket (hashes can be made to share their top bits) is sorted on its own
// by std::sort instead, so no input costs quadratic time. Integers sort to
// one order only, so the result is std::sort's.
void SortTerms(std::vector<uint64_t>* terms) {
  const size_t n = terms->size();
  if (n <= kSmallSort) {
    InsertionSort(terms->data(), terms->data() + n);
    return;
  }
  unsigned bits = 4;
  while (bits < 16 && (size_t{1} << bits) < n) ++bits;
  const unsigned shift = 64 - bits;
  thread_local std::vector<uint32_t> starts;
  thread_local std::vector<uint64_t> sorted;
  starts.assign((size_t{1} << bits) + 1, 0);
  sorted.resize(n);
  uint32_t* const start = starts.data();
  for (const uint64_t t : *terms) ++start[(t >> shift) + 1];
  uint32_t crowded = 0;
  for (size_t b = 1; b < starts.size(); ++b) {
    crowded = std::max(crowded, start[b]);
    start[b] += start[b - 1];
  }
  // Scattered through a cursor per bucket: starts[b] moves to the end of
  // bucket b, which is where bucket b + 1 begins.
  uint64_t* const data = sorted.data();
  for (const uint64_t t : *terms) data[start[t >> shift]++] = t;
  if (crowded <= kSmallSort) {
    InsertionSort(data, data + n);
  } else {
    for (size_t b = 0, begin = 0; b + 1 < starts.size(); ++b) {
      const size_t end = start[b];
      if (end - begin > kSmallSort) std::sort(data + begin, data + end);
      else if (end - begin > 1) InsertionSort(data + begin, data + end);
      begin = end;
    }
  }
  terms->swap(sorted);
}

// 1 + ln n, the sublinear term frequency: from a table for the counts
// texts have, filled by the same expression, so the values are the same.
constexpr size_t kTfTableSize = 64;
const std::array<double, kTfTableSize> kTfTable = [] {
  std::array<double, kTfTableSize> table{};
  for (size_t n = 1; n < kTfTableSize; ++n) table[n] = 1 + std::log(static_cast<double>(n));
  return table;
}();

inline double SublinearTf(uint32_t n) { return n < kTfTableSize ? kTfTable[n] : 1 + std::log(static_cast<double>(n)); }

}  // namespace

void SortTermHashes(std::vector<uint64_t>* hashes) { SortTerms(hashes); }

namespace {

// Sorts `out->terms` and leaves each distinct term once, its count beside it.
void SortAndCount(TermCounts* out) {
  std::vector<uint64_t>& terms = out->terms;
  SortTerms(&terms);
  // Distinct terms to the front of `terms`, each one's count in `counts`,
  // written through pointers into buffers of the most they can need.
  out->counts.resize(terms.size());
  uint64_t* const t = terms.data();
  uint32_t* const c = out->counts.data();
  const size_t n = terms.size();
  size_t distinct = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i + 1;
    while (j < n && t[j] == t[i]) ++j;
    t[distinct] = t[i];
    c[distinct++] = static_cast<uint32_t>(j - i);
    i = j;
  }
  terms.resize(distinct);
  out->counts.resize(distinct);
}

}  // namespace

void TfidfVectorizer::CountTerms(std::string_view normalized, TermCounts* out) const {
  out->terms.clear();
  AppendTerms(normalized, &out->terms);
  SortAndCount(out);
}

namespace {

// The hashes of the grams of `lo`, `lo` + 1, ... bytes starting at each of
// positions [0, end) of `p`, every size fitting there: grams[k][i] gets the
// gram of lo + k bytes at i. Unrolled for the usual sizes.
template <size_t kLo, size_t kCount>
void HashGramRuns(const unsigned char* p, size_t end, uint64_t* const* grams) {
  for (size_t i = 0; i < end; ++i) {
    uint64_t h = kFnvBasis;
    for (size_t b = 0; b < kLo; ++b) h = (h ^ p[i + b]) * kFnvPrime;
    grams[0][i] = MixTerm(h);
    for (size_t k = 1; k < kCount; ++k) {
      h = (h ^ p[i + kLo + k - 1]) * kFnvPrime;
      grams[k][i] = MixTerm(h);
    }
  }
}

}  // namespace

void CountCharNgrams(std::string_view normalized, int first, std::span<TermCounts* const> out) {
  if (out.empty()) return;
  thread_local std::string padded;
  padded.assign(1, ' ');
  padded += normalized;
  padded += ' ';
  const size_t size = padded.size();
  const size_t lo = static_cast<size_t>(std::max(1, first)), hi = lo + out.size() - 1;
  // Each size's grams in a buffer of their number, the gram at i at [i].
  thread_local std::vector<uint64_t*> grams;
  grams.resize(out.size());
  for (size_t k = 0; k < out.size(); ++k) {
    const size_t n = lo + k;
    out[k]->terms.resize(size > n ? size - n + 1 : 0);
    grams[k] = out[k]->terms.data();
  }
  const unsigned char* const p = reinterpret_cast<const unsigned char*>(padded.data());
  // Where every size fits, then the tail where the longer ones run out.
  const size_t all_fit = size > hi ? size - hi + 1 : 0;
  if (lo == 3 && out.size() == 3) {
    HashGramRuns<3, 3>(p, all_fit, grams.data());
  } else {
    for (size_t i = 0; i < all_fit; ++i) {
      uint64_t h = kFnvBasis;
      for (size_t len = 1; len <= hi; ++len) {
        h = (h ^ p[i + len - 1]) * kFnvPrime;
        if (len >= lo) grams[len - lo][i] = MixTerm(h);
      }
    }
  }
  for (size_t i = all_fit; i < size; ++i) {
    uint64_t h = kFnvBasis;
    for (size_t len = 1; len <= std::min(hi, size - i); ++len) {
      h = (h ^ p[i + len - 1]) * kFnvPrime;
      if (len >= lo && size > len) grams[len - lo][i] = MixTerm(h);
    }
  }
  const bool blank = padded.find_first_not_of(' ') == std::string::npos;
  for (size_t k = 0; k < out.size(); ++k) {
    if (size <= lo + k && !blank) out[k]->terms.assign(1, HashTerm(padded));
    SortAndCount(out[k]);
  }
}

SparseVector TfidfVectorizer::Weigh(const TermCounts& counts) const {
  const size_t distinct = counts.terms.size();
  const uint64_t* const terms = counts.terms.data();
  const uint32_t* const repeats = counts.counts.data();
  SparseVector v(distinct);
  if (distinct == 0) return v;
  std::memcpy(v.mutable_terms(), terms, distinct * sizeof(uint64_t));
  // Each weight as the vector will hold it before normalising: rounded to
  // float, then scaled in double.
  float* const weight = v.mutable_weights();
  double norm = 0;
  if (idf_table_.empty()) {
    for (size_t k = 0; k < distinct; ++k) {
      const double w = SublinearTf(repeats[k]) * unseen_idf_;
      weight[k] = static_cast<float>(w);
      norm += w * w;
    }
  } else {
    // The IDF tables outgrow the L2 cache, and the terms' slots are known
    // before any is read: each is fetched some terms ahead of its look-up,
    // so that the misses overlap instead of following one another.
    constexpr size_t kFetchAhead = 16;
    const IdfSlot* const table = idf_table_.data();
    const unsigned shift = idf_shift_;
    for (size_t k = 0; k < std::min(distinct, kFetchAhead); ++k) __builtin_prefetch(&table[Slot(terms[k], shift)]);
    for (size_t k = 0; k < distinct; ++k) {
      if (k + kFetchAhead < distinct) __builtin_prefetch(&table[Slot(terms[k + kFetchAhead], shift)]);
      const double w = SublinearTf(repeats[k]) * IdfOfHash(terms[k]);
      weight[k] = static_cast<float>(w);
      norm += w * w;
    }
  }
  if (norm > 0) {
    const double scale = 1 / std::sqrt(norm);
    for (size_t k = 0; k < distinct; ++k) weight[k] = static_cast<float>(weight[k] * scale);
  }
  return v;
}

SparseVector TfidfVectorizer::Transform(std::string_view normalized) const {
  thread_local TermCounts counts;
  CountTerms(normalized, &counts);
  return Weigh(counts);
}

double Jaccard(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  const auto sa = Distinct(a), sb = Distinct(b);
  if (sa.empty() && sb.empty()) return 0;
  size_t common = 0;
  for (std::string_view x : sa) common += sb.count(x);
  return static_cast<double>(common) / static_cast<double>(sa.size() + sb.size() - common);
}

double OverlapCoefficient(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  const auto sa = Distinct(a), sb = Distinct(b);
  if (sa.empty() || sb.empty()) return 0;
  size_t common = 0;
  for (std::string_view x : sa) common += sb.count(x);
  return static_cast<double>(common) / static_cast<double>(std::min(sa.size(), sb.size()));
}

namespace {

// Levenshtein distance by Myers' bit-vector algorithm in Hyyrö's
// formulation: the pattern's DP column is held as vertical +1/-1 deltas in
// 64-bit blocks, and each text byte advances every block at once. Exact, and
// a few operations per text byte and block instead of one per cell.
//
// One block advanced by one text byte. `eq` marks the block's pattern bytes
// equal to the text byte; `carry_in` is the horizontal delta entering at the
// block's top row (+1, 0 or -1) and the one leaving at row `out_row` is
// returned.
inline int AdvanceBlock(uint64_t& pv, uint64_t& mv, uint64_t eq, int carry_in, unsigned out_row) {
  const uint64_t xv = eq | mv;
  if (carry_in < 0) eq |= 1;
  const uint64_t xh = (((eq & pv) + pv) ^ pv) | eq;
  uint64_t ph = mv | ~(xh | pv);
  uint64_t mh = pv & xh;
  const int carry_out = static_cast<int>((ph >> out_row) & 1) - static_cast<int>((mh >> out_row) & 1);
  ph <<= 1;
  mh <<= 1;
  if (carry_in < 0) mh |= 1;
  if (carry_in > 0) ph |= 1;
  pv = mh | ~(xv | ph);
  mv = ph & xv;
  return carry_out;
}

// Pattern masks per byte value, kept all zero between calls so that a call
// sets and clears only the bytes its pattern holds.
struct PatternMasks {
  std::vector<uint64_t> bits;  // [byte * blocks + block]
  size_t blocks = 0;
};

constexpr size_t kStackBlocks = 4;

// The distance of `text` against a pattern of `m` bytes in `blocks` blocks
// whose state is `pv`, `mv`; masks(c) gives the blocks' masks for byte c.
template <typename Masks>
size_t AdvanceBlocks(std::string_view text, size_t blocks, size_t m, uint64_t* pv, uint64_t* mv, Masks masks) {
  const unsigned last = static_cast<unsigned>((m - 1) % 64);
  size_t score = m;
  for (unsigned char c : text) {
    const uint64_t* eq = masks(c);
    int carry = 1;  // the top row is 0, 1, 2, ...: +1 per text byte
    for (size_t b = 0; b + 1 < blocks; ++b) carry = AdvanceBlock(pv[b], mv[b], eq[b], carry, 63);
    score += AdvanceBlock(pv[blocks - 1], mv[blocks - 1], eq[blocks - 1], carry, last);
  }
  return score;
}

size_t BitParallelDistance(std::string_view text, std::string_view pattern) {
  const size_t m = pattern.size();
  if (m <= 64) {
    // One block: the masks fit on the stack, set and cleared per call.
    // Only the bytes of either string are read: clear those, then set.
    uint64_t peq[256];
    for (unsigned char c : text) peq[c] = 0;
    for (unsigned char c : pattern) peq[c] = 0;
    for (size_t i = 0; i < m; ++i) peq[static_cast<unsigned char>(pattern[i])] |= uint64_t{1} << i;
    uint64_t pv = ~uint64_t{0}, mv = 0;
    const unsigned last = static_cast<unsigned>(m - 1);
    size_t score = m;
    for (unsigned char c : text) score += AdvanceBlock(pv, mv, peq[c], 1, last);
    return score;
  }
  const size_t blocks = (m + 63) / 64;
  if (blocks <= kStackBlocks) {
    // Titles: a few blocks, masks on the stack as for one block.
    uint64_t peq[256][kStackBlocks];
    for (unsigned char c : text) std::fill_n(peq[c], blocks, 0);
    for (unsigned char c : pattern) std::fill_n(peq[c], blocks, 0);
    for (size_t i = 0; i < m; ++i) peq[static_cast<unsigned char>(pattern[i])][i / 64] |= uint64_t{1} << (i % 64);
    uint64_t pv[kStackBlocks], mv[kStackBlocks];
    std::fill_n(pv, blocks, ~uint64_t{0});
    std::fill_n(mv, blocks, 0);
    return AdvanceBlocks(text, blocks, m, pv, mv, [&peq](unsigned char c) { return peq[c]; });
  }
  thread_local PatternMasks masks;
  if (masks.blocks < blocks) {
    masks.bits.assign(256 * blocks, 0);
    masks.blocks = blocks;
  }
  const size_t stride = masks.blocks;
  for (size_t i = 0; i < m; ++i) masks.bits[static_cast<unsigned char>(pattern[i]) * stride + i / 64] |= uint64_t{1} << (i % 64);
  std::vector<uint64_t> pv(blocks, ~uint64_t{0}), mv(blocks, 0);
  const size_t score =
      AdvanceBlocks(text, blocks, m, pv.data(), mv.data(), [stride](unsigned char c) { return &masks.bits[c * stride]; });
  for (unsigned char c : pattern) std::fill_n(&masks.bits[c * stride], blocks, 0);
  return score;
}

}  // namespace

size_t EditDistance(std::string_view a, std::string_view b) {
  if (a.size() < b.size()) std::swap(a, b);
  if (b.empty()) return a.size();
  return BitParallelDistance(a, b);  // the shorter one as pattern: fewer blocks
}

double EditSimilarity(std::string_view a, std::string_view b) {
  const size_t longest = std::max(a.size(), b.size());
  if (longest == 0) return 1;
  return 1 - static_cast<double>(EditDistance(a, b)) / static_cast<double>(longest);
}

}  // namespace conform::recalls
