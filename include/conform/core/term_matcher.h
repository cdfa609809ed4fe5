// Finds many terms in a text in one pass (Aho-Corasick over bytes).
// Terms and texts are compared byte for byte: normalise both first
// (NormalizeForMatching). A term marked `word` matches only between word
// boundaries (ASCII letters and digits are word characters; a trailing "s"
// or "es" is allowed, so "charger" finds "chargers"); other terms, e.g.
// Chinese words, match anywhere.
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

 private:
  struct Term {
    std::string text;
    bool word = false;
  };
  struct State {
    std::array<int32_t, 256> next;
    int32_t fail = 0;
    int32_t output_link = -1;  // nearest state (via fail links) that ends a term
    std::vector<uint32_t> ends;  // terms ending exactly here
  };
  bool Boundaries(std::string_view text, size_t begin, size_t end) const;

  std::vector<Term> terms_;
  std::vector<State> states_;
  bool built_ = false;
};

}  // namespace conform

#endif  // CONFORM_CORE_TERM_MATCHER_H_
