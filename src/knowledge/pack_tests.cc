#include <fmt/format.h>

#include <algorithm>

#include "conform/knowledge/knowledge_base.h"
#include "conform/knowledge/pack_test.h"

namespace conform {

std::vector<PackTestOutcome> RunPackTests(const KnowledgeBase& kb) {
  std::vector<PackTestOutcome> outcomes;
  std::vector<Applicability> found;
  for (const PackTest& t : kb.tests()) {
    found.clear();
    kb.Applicable(t.product, t.market, t.on, &found);
    auto status_of = [&](const std::string& id) -> const Applicability* {
      for (const auto& a : found)
        if (a.requirement->id == id) return &a;
      return nullptr;
    };
    auto describe = [](const Applicability* a) {
      return a == nullptr ? "does not apply" : a->status == Tri::kTrue ? "applies" : "is conditional";
    };
    PackTestOutcome o;
    o.test = &t;
    for (const auto& id : t.applies) {
      const Applicability* a = status_of(id);
      if (!a || a->status != Tri::kTrue) o.failures.push_back(fmt::format("expected {} to apply, but it {}", id, describe(a)));
    }
    for (const auto& id : t.conditional) {
      const Applicability* a = status_of(id);
      if (!a || a->status != Tri::kUnknown)
        o.failures.push_back(fmt::format("expected {} to be conditional, but it {}", id, describe(a)));
    }
    for (const auto& id : t.not_applies) {
      const Applicability* a = status_of(id);
      if (a) o.failures.push_back(fmt::format("expected {} not to apply, but it {}", id, describe(a)));
    }
    outcomes.push_back(std::move(o));
  }
  return outcomes;
}

}  // namespace conform
