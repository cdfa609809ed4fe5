#include "conform/knowledge/knowledge_base.h"

#include <fmt/format.h>

#include <algorithm>

#include "conform/core/text.h"

namespace conform {

void KnowledgeBase::BuildIndex() {
  std::sort(requirements_.begin(), requirements_.end(), [](const Requirement& a, const Requirement& b) {
    return a.market != b.market ? a.market < b.market : a.id < b.id;
  });
  const size_t ncat = vocabulary_.category_count();
  index_.assign(markets_.size() * ncat, {});
  for (uint32_t i = 0; i < requirements_.size(); ++i) {
    const Requirement& r = requirements_[i];
    if (r.all_categories) {
      for (size_t c = 0; c < ncat; ++c) index_[r.market * ncat + c].push_back(i);
    } else {
      for (CategoryId c : r.categories) index_[r.market * ncat + c].push_back(i);
    }
  }
}

std::optional<MarketId> KnowledgeBase::FindMarket(std::string_view code) const {
  const std::string up = AsciiUpper(code);
  for (size_t i = 0; i < markets_.size(); ++i) {
    if (markets_[i].code == up) return static_cast<MarketId>(i);
    for (const auto& a : markets_[i].aliases)
      if (a == up) return static_cast<MarketId>(i);
  }
  return std::nullopt;
}

Result<MarketId> KnowledgeBase::ResolveMarket(std::string_view code) const {
  if (auto m = FindMarket(code)) return *m;
  std::vector<std::string> codes;
  for (const auto& m : markets_) codes.push_back(m.code);
  return Error(ErrorCode::kInvalidInput, fmt::format("unknown market '{}'", code),
               fmt::format("markets with a rule pack: {}", Join(codes, ", ")));
}

const Requirement* KnowledgeBase::FindRequirement(std::string_view id) const {
  for (const auto& r : requirements_)
    if (r.id == id) return &r;
  return nullptr;
}

void KnowledgeBase::Applicable(const Product& product, MarketId market, Date on,
                               std::vector<Applicability>* out) const {
  const auto& candidates = index_[market * vocabulary_.category_count() + product.category];
  const double* values = product.attributes.data();
  for (uint32_t i : candidates) {
    const Requirement& r = requirements_[i];
    if (!r.InForce(on)) continue;
    const Tri t = r.when.Evaluate(values);
    if (t != Tri::kFalse) out->push_back(Applicability{&r, t});
  }
}

std::vector<AttributeId> KnowledgeBase::Undecided(const Requirement& r, const Product& product) const {
  std::vector<AttributeId> out;
  for (AttributeId a : r.when.attributes())
    if (!product.attributes.known(a)) out.push_back(a);
  return out;
}

}  // namespace conform
