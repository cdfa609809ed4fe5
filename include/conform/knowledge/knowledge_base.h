// The requirements knowledge base: every market's rule pack, loaded,
// validated and indexed, answering "which requirements apply to this product
// in this market on this date?".
#ifndef CONFORM_KNOWLEDGE_KNOWLEDGE_BASE_H_
#define CONFORM_KNOWLEDGE_KNOWLEDGE_BASE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "conform/core/date.h"
#include "conform/core/product.h"
#include "conform/core/result.h"
#include "conform/core/vocabulary.h"
#include "conform/knowledge/pack_test.h"
#include "conform/knowledge/requirement.h"

namespace conform {

// One requirement found for a product: it applies (kTrue) or may apply
// (kUnknown: the condition depends on attributes the product does not state).
struct Applicability {
  const Requirement* requirement = nullptr;
  Tri status = Tri::kTrue;
};

class KnowledgeBase {
 public:
  // Loads the vocabulary and every *.yaml pack in `packs_dir` (sorted by
  // name; a vocabulary.yaml there is not a pack). All-or-nothing: on any problem the error lists every diagnostic
  // found (file:line:column, what, how to fix) and no knowledge base is made.
  static Result<KnowledgeBase> Load(const std::string& vocabulary_file, const std::string& packs_dir);

  const Vocabulary& vocabulary() const { return vocabulary_; }
  const std::vector<Market>& markets() const { return markets_; }
  const std::vector<Requirement>& requirements() const { return requirements_; }
  const std::vector<PackTest>& tests() const { return tests_; }

  // Finds a market by code or alias, case-insensitively.
  std::optional<MarketId> FindMarket(std::string_view code) const;
  // As FindMarket, with an error that lists the markets known.
  Result<MarketId> ResolveMarket(std::string_view code) const;
  const Requirement* FindRequirement(std::string_view id) const;

  // Appends to `out` the requirements of `market` that apply or may apply to
  // `product` on `on`, in id order. Requirements whose condition is false or
  // that are not in force on `on` are left out. Allocation-free when `out`
  // has capacity.
  void Applicable(const Product& product, MarketId market, Date on, std::vector<Applicability>* out) const;

  // The attributes that decide a conditional requirement: those its condition
  // reads that the product does not state.
  std::vector<AttributeId> Undecided(const Requirement& r, const Product& product) const;

 private:
  friend class PackLoader;
  Vocabulary vocabulary_;
  std::vector<Market> markets_;
  std::vector<Requirement> requirements_;  // sorted by (market, id)
  std::vector<PackTest> tests_;
  // index_[market * category_count + category]: requirement indices, id order.
  std::vector<std::vector<uint32_t>> index_;

  void BuildIndex();
};

}  // namespace conform

#endif  // CONFORM_KNOWLEDGE_KNOWLEDGE_BASE_H_
