// Compiled tree ensemble speed per row, for the row counts MatchModel::Predict
// sees: a listing's few open pairs (1, 2, 5) and the larger chunks of the
// pair-scoring benchmark (64, 1000).
//
//   cmake --build build --target tree_ensemble_bench && taskset -c 0 build/bench/tree_ensemble_bench
//
// The model is a file from `conform match-eval DIR --model-out FILE`
// (TREE_MODEL, required: for example a Walmart-Amazon matcher;
// TREE_ROUNDS=n keeps its first n rounds). The rows are the pair features
// of the ER-Magellan Walmart-Amazon (structured) valid split, with the
// featuriser fitted on its train split and carrying the model's word
// evidence, so the paths taken through the trees are real ones; ER_DIR
// overrides the directory. Each row count runs
// on every instruction set side by side (isa 0 scalar, 1 AVX2, 2 AVX-512);
// ns_per_row is the time per row.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>

#include "conform/recalls/match_eval.h"
#include "conform/recalls/match_model.h"
#include "conform/recalls/tree_ensemble.h"

namespace {

using namespace conform;
using namespace conform::recalls;

struct Fixture {
  std::optional<TreeEnsemble> ensemble;
  FeatureMatrix rows;
  std::string error;

  Fixture() {
    const char* model_env = std::getenv("TREE_MODEL");
    if (model_env == nullptr) {
      error = "set TREE_MODEL to a model file (conform match-eval DIR --model-out FILE)";
      return;
    }
    const std::string model_path = model_env;
    auto model = MatchModel::Load(model_path);
    if (!model.ok()) {
      error = model_path + ": " + model.error().ToString();
      return;
    }
    std::ifstream in(model_path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    // TREE_ROUNDS keeps the first rounds only: a model that fits in L1.
    const char* rounds = std::getenv("TREE_ROUNDS");
    auto e = TreeEnsemble::FromModel(text.str(), rounds != nullptr ? std::atoi(rounds) : 0);
    if (!e.ok()) {
      error = model_path + ": " + e.error().ToString();
      return;
    }
    ensemble.emplace(std::move(e).value());
    const char* dir_env = std::getenv("ER_DIR");
    const std::string dir =
        dir_env != nullptr ? dir_env : CONFORM_SHARED_TESTDATA_DIR "/er-benchmarks/data/er_magellan/Structured/Walmart-Amazon";
    auto train = ReadDittoPairs(dir + "/train.txt");
    auto valid = ReadDittoPairs(dir + "/valid.txt");
    if (!train.ok() || !valid.ok()) {
      error = "no pairs in " + dir;
      return;
    }
    PairFeaturizer featurizer;
    featurizer.Fit(DistinctRecords(train.value()));
    featurizer.set_word_evidence(model.value().word_evidence());
    rows = FeaturizePairs(featurizer, valid.value(), 1);
    if (rows.cols != ensemble->feature_count()) {
      error = "the model does not take the pair features";
      return;
    }
    std::fprintf(stderr, "model: %s, %zu trees, depth %d; rows: %zu valid pairs of %s\n", model_path.c_str(),
                 ensemble->tree_count(), ensemble->depth(), rows.rows, dir.c_str());
  }
};

const Fixture& Shared() {
  static const Fixture* f = new Fixture;
  return *f;
}

// Predict over consecutive rows of the valid pairs, `n` at a time, cycling,
// on the instruction set `isa` (0 scalar, 1 AVX2, 2 AVX-512).
void BM_Predict(benchmark::State& state) {
  const Fixture& f = Shared();
  if (!f.error.empty()) {
    state.SkipWithError(f.error.c_str());
    return;
  }
  const size_t n = static_cast<size_t>(state.range(0));
  const auto isa = static_cast<TreeEnsemble::Isa>(state.range(1));
  if (TreeEnsemble::Usable(isa) != isa) {
    state.SkipWithError("the processor lacks the instruction set");
    return;
  }
  // The rows repeated so that any n consecutive ones exist.
  FeatureMatrix all(f.rows.rows + n, f.rows.cols);
  for (size_t i = 0; i < all.rows; ++i) std::copy(f.rows.row(i % f.rows.rows), f.rows.row(i % f.rows.rows) + f.rows.cols, all.row(i));
  std::vector<float> out(n);
  size_t start = 0;
  for (auto _ : state) {
    f.ensemble->Predict(all.row(start), n, all.cols, out.data(), isa);
    benchmark::DoNotOptimize(out.data());
    start = (start + n) % f.rows.rows;
  }
  state.SetItemsProcessed(state.iterations() * n);
  state.counters["ns_per_row"] =
      benchmark::Counter(static_cast<double>(state.iterations() * n), benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

// Every instruction set at one row count side by side.
BENCHMARK(BM_Predict)->ArgNames({"rows", "isa"})->ArgsProduct({{1, 2, 5, 64, 1000}, {0, 1, 2}});

}  // namespace

BENCHMARK_MAIN();
