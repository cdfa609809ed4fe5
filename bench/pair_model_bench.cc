// Pair-model prediction speed: XGBoost's own prediction call side by side
// with the compiled tree ensemble MatchModel::Predict uses, one pair at a
// time (as a listing with a single candidate) and in batches of 40 (a
// listing's candidates).
//
//   cmake --build build --target pair_model_bench && taskset -c 0 build/bench/pair_model_bench
//
// The model is trained as `conform match-eval` trains it, on the ER-Magellan
// Walmart-Amazon (structured) train split (about 15 s; ER_DIR overrides the
// directory), and the rows are the features of its valid split, so the trees
// and the paths taken through them are the real ones. Without that data a
// model is trained on synthetic rows instead (and says so). Times are per
// call; items_per_second counts pairs.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <random>

#include "conform/recalls/match_eval.h"
#include "conform/recalls/match_model.h"

namespace {

using namespace conform;
using namespace conform::recalls;

struct Fixture {
  std::optional<MatchModel> model;
  FeatureMatrix rows;

  Fixture() {
    const char* env = std::getenv("ER_DIR");
    const std::string dir =
        env != nullptr ? env : CONFORM_SHARED_TESTDATA_DIR "/er-benchmarks/data/er_magellan/Structured/Walmart-Amazon";
    if (std::filesystem::exists(dir + "/valid.txt")) {
      std::optional<TrainedMatcher> trained;
      MatchEvalOptions options;
      options.threads = 0;
      auto report = EvaluateMatcherOnDirectory(dir, "valid", options, &trained);
      auto valid = ReadDittoPairs(dir + "/valid.txt");
      if (report.ok() && valid.ok()) {
        rows = FeaturizePairs(trained->featurizer, valid.value(), 0);
        model.emplace(std::move(trained->model));
        // As the matcher runs it: one thread per caller.
        if (!model->SetThreads(1).ok()) std::abort();
        std::fprintf(stderr, "model: %s, %d rounds; rows: its %zu valid pairs\n", dir.c_str(), model->best_rounds(),
                     rows.rows);
        return;
      }
    }
    std::fprintf(stderr, "no ER data at %s: a model trained on synthetic rows\n", dir.c_str());
    std::mt19937 rng(1);
    std::uniform_real_distribution<float> u(0, 1);
    FeatureMatrix x(4000, 12);
    std::vector<float> y(x.rows);
    for (size_t i = 0; i < x.rows; ++i) {
      for (size_t c = 0; c < x.cols; ++c) x.row(i)[c] = u(rng) < 0.1f ? std::nanf("") : u(rng);
      y[i] = x.row(i)[1] + x.row(i)[2] + 0.3f * u(rng) > 1.2f;
    }
    BoostingOptions o;
    o.max_rounds = 300;
    o.threads = 1;
    auto trained = MatchModel::Train(x, y, nullptr, nullptr, o);
    if (!trained.ok()) std::abort();
    model.emplace(std::move(trained).value());
    rows = std::move(x);
  }
};

const Fixture& Shared() {
  // Never destroyed: XGBoost's own globals may be gone by then.
  static const Fixture* f = new Fixture;
  return *f;
}

// Batches of `n` consecutive rows, cycling through the data.
FeatureMatrix Batch(const FeatureMatrix& all, size_t start, size_t n) {
  FeatureMatrix m(n, all.cols);
  for (size_t i = 0; i < n; ++i) {
    const float* r = all.row((start + i) % all.rows);
    std::copy(r, r + all.cols, m.row(i));
  }
  return m;
}

std::vector<FeatureMatrix> Batches(size_t n) {
  const Fixture& f = Shared();
  std::vector<FeatureMatrix> out;
  for (size_t start = 0; start < f.rows.rows; start += n) out.push_back(Batch(f.rows, start, n));
  return out;
}

void BM_XGBoostPredict(benchmark::State& state) {
  const Fixture& f = Shared();
  const auto batches = Batches(static_cast<size_t>(state.range(0)));
  size_t k = 0;
  for (auto _ : state) {
    auto p = f.model->PredictWithXGBoost(batches[k++ % batches.size()]);
    benchmark::DoNotOptimize(p);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_CompiledPredict(benchmark::State& state) {
  const Fixture& f = Shared();
  if (!f.model->compiled()) state.SkipWithError(f.model->compile_error().c_str());
  const auto batches = Batches(static_cast<size_t>(state.range(0)));
  size_t k = 0;
  for (auto _ : state) {
    auto p = f.model->Predict(batches[k++ % batches.size()]);
    benchmark::DoNotOptimize(p);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_CompiledPredictRow(benchmark::State& state) {
  const Fixture& f = Shared();
  size_t k = 0;
  for (auto _ : state) {
    float p = f.model->PredictRow(f.rows.row(k++ % f.rows.rows));
    benchmark::DoNotOptimize(p);
  }
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK(BM_XGBoostPredict)->Arg(1)->Arg(40);
BENCHMARK(BM_CompiledPredict)->Arg(1)->Arg(40);
BENCHMARK(BM_CompiledPredictRow);

}  // namespace

BENCHMARK_MAIN();
