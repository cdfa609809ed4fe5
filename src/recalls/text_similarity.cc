#include "conform/recalls/text_similarity.h"

#include <utf8proc.h>

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "conform/core/text.h"

namespace conform::recalls {

namespace {

bool IsWordCodepoint(utf8proc_int32_t cp) {
  if (cp < 0x80)
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:  // combining marks stay with their letter
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

std::unordered_set<std::string_view> Distinct(const std::vector<std::string_view>& v) {
  return std::unordered_set<std::string_view>(v.begin(), v.end());
}

}  // namespace

std::string NormalizeText(std::string_view text) {
  const std::string folded = NormalizeForMatching(text);
  std::string out;
  out.reserve(folded.size());
  bool pending_space = false;
  for (size_t i = 0; i < folded.size();) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(folded.data() + i),
                                          static_cast<utf8proc_ssize_t>(folded.size() - i), &cp);
    if (n <= 0) n = 1, cp = ' ';  // NormalizeForMatching leaves valid UTF-8; be safe anyway
    if (IsWordCodepoint(cp)) {
      if (pending_space && !out.empty()) out += ' ';
      pending_space = false;
      out.append(folded, i, static_cast<size_t>(n));
    } else {
      pending_space = true;
    }
    i += static_cast<size_t>(n);
  }
  return out;
}

std::vector<std::string_view> Words(std::string_view normalized) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < normalized.size()) {
    const size_t space = normalized.find(' ', i);
    const size_t end = space == std::string_view::npos ? normalized.size() : space;
    if (end > i) words.push_back(normalized.substr(i, end - i));
    i = end + 1;
  }
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

double Cosine(const SparseVector& a, const SparseVector& b) {
  double dot = 0;
  size_t i = 0, j = 0;
  while (i < a.entries.size() && j < b.entries.size()) {
    if (a.entries[i].first < b.entries[j].first) {
      ++i;
    } else if (a.entries[i].first > b.entries[j].first) {
      ++j;
    } else {
      dot += static_cast<double>(a.entries[i].second) * b.entries[j].second;
      ++i, ++j;
    }
  }
  return std::clamp(dot, 0.0, 1.0);
}

uint64_t HashTerm(std::string_view term) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : term) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

TfidfVectorizer::TfidfVectorizer(Analyzer analyzer, int ngram) : analyzer_(analyzer), ngram_(std::max(1, ngram)) {}

std::vector<uint64_t> TfidfVectorizer::Terms(std::string_view normalized) const {
  std::vector<uint64_t> terms;
  if (analyzer_ == Analyzer::kWords) {
    for (std::string_view w : Words(normalized)) terms.push_back(HashTerm(w));
  } else {
    const std::string padded = PadForNgrams(normalized);
    for (std::string_view g : CharNgrams(padded, ngram_)) terms.push_back(HashTerm(g));
  }
  return terms;
}

void TfidfVectorizer::Fit(const std::vector<std::string>& normalized_documents) {
  std::unordered_map<uint64_t, uint32_t> df;
  for (const std::string& doc : normalized_documents) {
    std::vector<uint64_t> terms = Terms(doc);
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    for (uint64_t t : terms) ++df[t];
  }
  document_count_ = normalized_documents.size();
  const double n = static_cast<double>(document_count_);
  idf_.clear();
  idf_.reserve(df.size());
  for (const auto& [term, count] : df) idf_[term] = static_cast<float>(std::log((1 + n) / (1 + count)) + 1);
  unseen_idf_ = std::log(1 + n) + 1;
}

double TfidfVectorizer::IdfOfHash(uint64_t hash) const {
  const auto it = idf_.find(hash);
  return it == idf_.end() ? unseen_idf_ : it->second;
}

double TfidfVectorizer::Idf(std::string_view term) const { return IdfOfHash(HashTerm(term)); }

SparseVector TfidfVectorizer::Transform(std::string_view normalized) const {
  std::vector<uint64_t> terms = Terms(normalized);
  std::sort(terms.begin(), terms.end());
  SparseVector v;
  double norm = 0;
  for (size_t i = 0; i < terms.size();) {
    size_t j = i;
    while (j < terms.size() && terms[j] == terms[i]) ++j;
    const double w = (1 + std::log(static_cast<double>(j - i))) * IdfOfHash(terms[i]);
    v.entries.emplace_back(terms[i], static_cast<float>(w));
    norm += w * w;
    i = j;
  }
  if (norm > 0) {
    const double scale = 1 / std::sqrt(norm);
    for (auto& e : v.entries) e.second = static_cast<float>(e.second * scale);
  }
  return v;
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

size_t EditDistance(std::string_view a, std::string_view b) {
  if (a.size() < b.size()) std::swap(a, b);
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

double EditSimilarity(std::string_view a, std::string_view b) {
  const size_t longest = std::max(a.size(), b.size());
  if (longest == 0) return 1;
  return 1 - static_cast<double>(EditDistance(a, b)) / static_cast<double>(longest);
}

}  // namespace conform::recalls
