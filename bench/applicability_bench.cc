// How many product x market applicability evaluations one core does per
// second, over the shipped rule packs.
//
//   cmake --build build --target applicability_bench && build/bench/applicability_bench
//
// One evaluation = all requirements of one market indexed for the product's
// category: date filter plus the compiled condition of each. Products are
// random over every category, with each attribute stated or left unknown.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <random>

#include "conform/knowledge/knowledge_base.h"

namespace {

using namespace conform;

const KnowledgeBase& Kb() {
  static const KnowledgeBase* kb = [] {
    auto r = KnowledgeBase::Load(CONFORM_SHIPPED_DATA_DIR "/vocabulary.yaml", CONFORM_SHIPPED_DATA_DIR "/packs");
    if (!r.ok()) {
      std::fprintf(stderr, "cannot load packs: %s\n", r.error().ToString().c_str());
      std::exit(2);
    }
    return new KnowledgeBase(std::move(r).value());
  }();
  return *kb;
}

std::vector<Product> RandomProducts(const Vocabulary& v, size_t n, double known_share) {
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<Product> out;
  for (size_t i = 0; i < n; ++i) {
    Product p;
    p.category = static_cast<CategoryId>(rng() % v.category_count());
    p.attributes = AttributeValues(v.attribute_count());
    for (size_t a = 0; a < v.attribute_count(); ++a) {
      if (u(rng) > known_share) continue;
      const AttributeDef& d = v.attribute(static_cast<AttributeId>(a));
      double x = 0;
      switch (d.type) {
        case AttributeType::kBool: x = rng() % 2; break;
        case AttributeType::kEnum: x = static_cast<double>(rng() % d.values.size()); break;
        case AttributeType::kNumber: {
          static const double kSamples[] = {0, 3, 5, 12, 20, 36, 100, 120, 230, 1500};
          x = kSamples[rng() % 10];
          break;
        }
      }
      p.attributes.set(static_cast<AttributeId>(a), x);
    }
    for (const auto& [id, value] : v.category(p.category).implies)
      if (!p.attributes.known(id)) p.attributes.set(id, value);
    out.push_back(std::move(p));
  }
  return out;
}

void BM_ProductMarketEvaluation(benchmark::State& state) {
  const KnowledgeBase& kb = Kb();
  const auto products = RandomProducts(kb.vocabulary(), 4096, state.range(0) / 100.0);
  const Date on = Date::Parse("2026-01-15").value();
  const size_t nmarkets = kb.markets().size();
  std::vector<Applicability> out;
  out.reserve(256);
  size_t i = 0, found = 0;
  for (auto _ : state) {
    const Product& p = products[i++ & 4095];
    for (MarketId m = 0; m < nmarkets; ++m) {
      out.clear();
      kb.Applicable(p, m, on, &out);
      found += out.size();
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * nmarkets));
  state.counters["requirements_found_per_eval"] =
      static_cast<double>(found) / static_cast<double>(state.iterations() * nmarkets);
  state.SetLabel("items = product x market evaluations");
}
// Argument: percent of attributes stated (the rest unknown).
BENCHMARK(BM_ProductMarketEvaluation)->Arg(100)->Arg(50);

}  // namespace

BENCHMARK_MAIN();
