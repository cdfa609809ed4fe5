// Finds many terms in a text in one pass (Aho-Corasick over bytes).
// Terms and texts are compared byte for byte: normalise both first
// (NormalizeForMatching). A term marked `word` matches only between word
// boundaries (ASCII letters and digits are word characters, and so are the
// letters of scripts written with spaces between words: accented Latin,
// Greek, Cyrillic ..., but not Chinese, Japanese, Korean or Thai, which
// titles run English words into; a trailing "s" or "es" is allowed, so
// "charger" finds "chargers"); other terms, e.g. Chinese words, match
// anywhere.
#ifndef CONFORM_CORE_TERM_MATCHER_H_
#define CONFORM_CORE_TERM_MATCHER_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace conform {

class TermMatcher {
 public:
  // Adds a term; returns its index. Precondition: before Build(), term non-empty.
  uint32_t Add(std::string term, bool word);
  // Prepares for matching; call once after the last Add.
  void Build();
  size_t size() const { return terms_.size(); }
  const std::string& term(uint32_t i) const { return terms_[i].text; }

  // Indices of the terms found in `text`, each once, in order of first match.
  void Find(std::string_view text, std::vector<uint32_t>* found) const;

  // Every occurrence of every term, with where it lies ([begin, end) in
  // bytes of `text`), in order of end; overlapping ones too ("toy" inside
  // "not a toy").
  struct Match {
    uint32_t term = 0;
    uint32_t begin = 0, end = 0;
  };
  void FindAll(std::string_view text, std::vector<Match>* found) const;

 private:
  struct Term {
    std::string text;
    bool word = false;
  };
  // The trie's edges are kept sparse, sorted by byte, in one array: the
  // keyword lists of many languages make over a hundred thousand states,
  // and a full 256-way table per state would be a kilobyte each. States near the
  // root, where text spends most of its bytes, have a full transition row
  // over byte classes (the bytes terms use, and one class for the rest);
  // from a deeper state a missing edge follows the fail link.
  static constexpr int kDenseDepth = 2;
  struct State {
    uint32_t edges = 0;          // first edge in edge_bytes_/edge_targets_
    uint32_t edge_count = 0;
    int32_t fail = 0;
    int32_t output_link = -1;    // nearest state (via fail links) that ends a term
    uint32_t ends = 0;           // first term ending exactly here, in ends_
    uint32_t end_count = 0;
    int32_t dense_row = -1;      // its row in dense_, or -1
  };
  bool Boundaries(std::string_view text, size_t begin, size_t end) const;
  // Calls on_match(term, begin, end) for each occurrence, in order of end.
  template <typename OnMatch>
  void Scan(std::string_view text, OnMatch on_match) const;
  // The state the trie reaches from `s` on byte `c`, or -1.
  int32_t Edge(int32_t s, unsigned char c) const;
  int32_t Next(int32_t s, unsigned char c) const;

  std::vector<Term> terms_;
  std::vector<State> states_;
  std::vector<unsigned char> edge_bytes_;
  std::vector<int32_t> edge_targets_;
  std::vector<uint32_t> ends_;
  std::array<uint16_t, 256> byte_class_{};
  size_t classes_ = 1;
  std::vector<int32_t> dense_;  // rows of classes_ next states
  bool built_ = false;
};

}  // namespace conform

#endif  // CONFORM_CORE_TERM_MATCHER_H_
