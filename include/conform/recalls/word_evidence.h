// What the words of two titles say about a pair, learned from labelled
// pairs: a logistic regression over two indicators per word, one for a word
// both titles have and one for a word only one of them has.
//
// The similarity features weigh a word by its rarity (IDF) alone, the same
// whatever the word means. Labelled pairs say more: that "upgrade",
// "academic" or "mac" on one side only usually means another edition of the
// same software, and that "black" or "dvd" on one side only usually means
// nothing. The regression learns that per word; its log-odds are one more
// feature for the trees, which decide how far to trust it.
//
// Words are those of PreparedRecord::title_words (NormalizeText, distinct);
// a word never seen in training weighs nothing. The pair's order does not
// matter.
#ifndef CONFORM_RECALLS_WORD_EVIDENCE_H_
#define CONFORM_RECALLS_WORD_EVIDENCE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "conform/core/result.h"
#include "conform/recalls/word_list.h"

namespace conform::recalls {

// One training example: the distinct sorted words of the two titles, and
// the label (0 or 1).
// The name of the pair feature that reads the evidence: the featuriser
// writes it, training fills its column, and a model file whose trees read
// it must carry the evidence.
inline constexpr const char* kWordEvidenceFeature = "title_word_evidence";

struct WordPairExample {
  const WordList* left = nullptr;
  const WordList* right = nullptr;
  int label = 0;
};

class WordEvidence {
 public:
  WordEvidence() = default;

  // L2-regularised logistic regression (liblinear, primal Newton solver,
  // regularisation constant `c`, a bias term) on `examples`. Error when
  // they lack either class.
  static Result<WordEvidence> Train(const std::vector<WordPairExample>& examples, double c = 1.0);

  // The log-odds of a match the words give: the bias, plus the shared
  // weight of each word in both lists and the one-side weight of each word
  // in one only. Both lists distinct and sorted (WordList::AssignSortedDistinct).
  // Thread-safe.
  double LogOdds(const WordList& left, const WordList& right) const;

  struct Weights {
    float shared = 0;    // the word is in both titles
    float one_side = 0;  // the word is in one title only
  };
  // A word's weights; zeros for a word not seen in training.
  Weights Of(std::string_view word) const;
  double bias() const { return bias_; }
  size_t size() const { return words_.size(); }

  // As JSON: {"bias": b, "words": {"word": [shared, one_side], ...}}, words
  // sorted, numbers written so that they read back exactly. FromJson reads
  // it back, with a clear error for anything else.
  std::string ToJson() const;
  static Result<WordEvidence> FromJson(std::string_view json);

 private:
  void Index();  // builds table_ from words_ and weights_

  double bias_ = 0;
  std::vector<std::string> words_;  // sorted
  std::vector<Weights> weights_;    // weights_[k] of words_[k]
  // Open addressing on the 64-bit hash of each word (HashTerm), linear
  // probing, power-of-two size, at most half full: a pair looks up some
  // twenty words.
  struct Slot {
    uint64_t hash = 0;
    uint32_t index = 0;  // into weights_, plus one; 0 marks an empty slot
  };
  std::vector<Slot> table_;
  uint64_t mask_ = 0;
};

}  // namespace conform::recalls

#endif  // CONFORM_RECALLS_WORD_EVIDENCE_H_
