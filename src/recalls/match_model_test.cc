#include "conform/recalls/match_model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <unistd.h>

#include "conform/recalls/er_benchmark.h"
#include "conform/recalls/match_eval.h"

namespace conform::recalls {
namespace {

// Two informative features and one of noise; the label is a noisy threshold
// on their sum, and the second feature is missing for a fifth of the rows.
void MakeData(size_t rows, uint32_t seed, FeatureMatrix* x, std::vector<float>* y) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> u(0, 1);
  std::normal_distribution<float> noise(0, 0.1f);
  *x = FeatureMatrix(rows, 3);
  y->resize(rows);
  for (size_t i = 0; i < rows; ++i) {
    const float a = u(rng), b = u(rng);
    x->row(i)[0] = a;
    x->row(i)[1] = i % 5 == 0 ? std::nanf("") : b;
    x->row(i)[2] = u(rng);
    (*y)[i] = a + b + noise(rng) > 1.4f ? 1 : 0;
  }
}

// The compiled trees give XGBoost's own probabilities, to within 1e-6 and in
// practice to the bit, by Predict and by PredictRow.
void ExpectCompiledAgrees(const MatchModel& model, const FeatureMatrix& x) {
  ASSERT_TRUE(model.compiled()) << model.compile_error();
  auto compiled = model.Predict(x);
  auto reference = model.PredictWithXGBoost(x);
  ASSERT_TRUE(compiled.ok()) << compiled.error().ToString();
  ASSERT_TRUE(reference.ok()) << reference.error().ToString();
  ASSERT_EQ(compiled.value().size(), x.rows);
  ASSERT_EQ(reference.value().size(), x.rows);
  size_t exact = 0;
  for (size_t i = 0; i < x.rows; ++i) {
    ASSERT_NEAR(compiled.value()[i], reference.value()[i], 1e-6) << "row " << i;
    ASSERT_EQ(model.PredictRow(x.row(i)), compiled.value()[i]) << "row " << i;
    exact += compiled.value()[i] == reference.value()[i];
  }
  EXPECT_EQ(exact, x.rows) << "rows not bit-identical to XGBoost";
}

BoostingOptions Quick() {
  BoostingOptions o;
  o.max_rounds = 200;
  o.early_stopping_rounds = 20;
  o.learning_rate = 0.2;
  o.max_depth = 3;
  return o;
}

TEST(CalibrationTest, BrierAndExpectedCalibrationError) {
  // Two bins of two pairs: 0.1 and 0.3 (mean 0.2) with no match, 0.8 and
  // 1.0 (mean 0.9) with one match of two.
  const std::vector<float> p = {0.1f, 0.3f, 0.8f, 1.0f};
  const std::vector<float> y = {0, 0, 1, 0};
  const Calibration c = CalibrationOf(p, y, 2);
  EXPECT_NEAR(c.brier, (0.01 + 0.09 + 0.04 + 1.0) / 4, 1e-6);
  ASSERT_EQ(c.bins.size(), 2u);
  EXPECT_EQ(c.bins[0].pairs, 2u);
  EXPECT_NEAR(c.bins[0].mean_probability, 0.2, 1e-6);
  EXPECT_EQ(c.bins[0].match_share, 0);
  EXPECT_EQ(c.bins[1].pairs, 2u);  // 1.0 falls in the last bin
  EXPECT_NEAR(c.bins[1].match_share, 0.5, 1e-6);
  EXPECT_NEAR(c.ece, 0.5 * 0.2 + 0.5 * 0.4, 1e-6);
  // Perfectly calibrated in each bin: no error; no pairs: zeros.
  EXPECT_NEAR(CalibrationOf({0.5f, 0.5f}, {1, 0}).ece, 0, 1e-9);
  const Calibration none = CalibrationOf({}, {});
  EXPECT_EQ(none.brier, 0);
  EXPECT_EQ(none.ece, 0);
  EXPECT_EQ(none.bins.size(), 10u);
}

TEST(ScoresTest, PrecisionRecallF1) {
  const std::vector<float> p = {0.9f, 0.8f, 0.4f, 0.3f, 0.1f};
  const std::vector<float> y = {1, 0, 1, 0, 0};
  const BinaryScores s = ScoreAt(p, y, 0.5);
  EXPECT_EQ(s.true_positives, 1u);
  EXPECT_EQ(s.false_positives, 1u);
  EXPECT_EQ(s.false_negatives, 1u);
  EXPECT_EQ(s.true_negatives, 2u);
  EXPECT_DOUBLE_EQ(s.precision, 0.5);
  EXPECT_DOUBLE_EQ(s.recall, 0.5);
  EXPECT_DOUBLE_EQ(s.f1, 0.5);
  EXPECT_DOUBLE_EQ(ScoreAt(p, y, 0.95).f1, 0);
}

TEST(ScoresTest, ThresholdMaximisesF1BetweenScores) {
  // Best cut: take 0.9, 0.8, 0.6 and 0.35 (all three positives, one miss).
  const std::vector<float> p = {0.9f, 0.8f, 0.6f, 0.35f, 0.3f, 0.1f};
  const std::vector<float> y = {1, 1, 0, 1, 0, 0};
  const double t = ChooseThreshold(p, y);
  EXPECT_GT(t, 0.3);
  EXPECT_LE(t, 0.35);
  EXPECT_NEAR(ScoreAt(p, y, t).f1, 2.0 * 3 / (4 + 3), 1e-12);
  EXPECT_DOUBLE_EQ(ChooseThreshold({0.2f, 0.1f}, {0, 0}), 0.5);  // no positives
  // A broad peak: its middle, not its edge. Ties fall on one side.
  EXPECT_NEAR(ChooseThreshold({0.7f, 0.7f, 0.2f}, {1, 0, 0}), 0.45, 0.01);
}

TEST(ScoresTest, ThresholdPrefersABroadPeakToANarrowOne) {
  // Four positives at 0.605 just over three negatives at 0.6 make the best
  // single cut (F1 0.857) a spike 0.005 wide; from 0.1 to 0.4, F1 is 0.844
  // throughout. The broad peak is where new pairs are best cut.
  std::vector<float> p, y;
  const auto add = [&](int count, float score, float label) {
    for (int i = 0; i < count; ++i) p.push_back(score), y.push_back(label);
  };
  add(20, 0.9f, 1);
  add(4, 0.605f, 1);
  add(3, 0.6f, 0);
  add(3, 0.4f, 1);
  add(2, 0.4f, 0);
  add(40, 0.1f, 0);
  add(5, 0.05f, 1);
  EXPECT_NEAR(ScoreAt(p, y, 0.605).f1, 48.0 / 56, 1e-12);
  const double t = ChooseThreshold(p, y);
  EXPECT_GT(t, 0.1);
  EXPECT_LE(t, 0.4);
  EXPECT_NEAR(ScoreAt(p, y, t).f1, 54.0 / 64, 1e-12);
}

TEST(MatchModelTest, LearnsStopsEarlyAndPredictsProbabilities) {
  FeatureMatrix train, valid;
  std::vector<float> ty, vy;
  MakeData(2000, 1, &train, &ty);
  MakeData(500, 2, &valid, &vy);
  auto model = MatchModel::Train(train, ty, &valid, &vy, Quick(), {"a", "b", "noise"});
  ASSERT_TRUE(model.ok()) << model.error().ToString();
  EXPECT_GT(model.value().best_rounds(), 5);
  EXPECT_LT(model.value().best_rounds(), 200);
  auto p = model.value().Predict(valid);
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p.value().size(), 500u);
  for (float v : p.value()) ASSERT_TRUE(v >= 0 && v <= 1);
  model.value().set_threshold(ChooseThreshold(p.value(), vy));
  EXPECT_GT(ScoreAt(p.value(), vy, model.value().threshold()).f1, 0.8);
  auto gains = model.value().FeatureGains();
  ASSERT_TRUE(gains.ok());
  ASSERT_FALSE(gains.value().empty());
  EXPECT_NE(gains.value().front().first, "noise");
}

TEST(MatchModelTest, SavesAndLoadsFromMemoryAndFile) {
  FeatureMatrix train, valid;
  std::vector<float> ty, vy;
  MakeData(1000, 3, &train, &ty);
  MakeData(300, 4, &valid, &vy);
  auto model = MatchModel::Train(train, ty, &valid, &vy, Quick(), {"a", "b", "noise"});
  ASSERT_TRUE(model.ok());
  model.value().set_threshold(0.375);
  const auto before = model.value().Predict(valid).value();

  auto buffer = model.value().SaveToBuffer();
  ASSERT_TRUE(buffer.ok());
  auto loaded = MatchModel::LoadFromBuffer(buffer.value());
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  EXPECT_DOUBLE_EQ(loaded.value().threshold(), 0.375);
  EXPECT_EQ(loaded.value().best_rounds(), model.value().best_rounds());
  EXPECT_EQ(loaded.value().feature_count(), 3u);
  EXPECT_EQ(loaded.value().feature_names(), (std::vector<std::string>{"a", "b", "noise"}));
  const auto after = loaded.value().Predict(valid).value();
  ASSERT_EQ(after.size(), before.size());
  for (size_t i = 0; i < after.size(); ++i) ASSERT_FLOAT_EQ(after[i], before[i]);

  const std::string path = (std::filesystem::temp_directory_path() / ("conform_match_model_test_" + std::to_string(::getpid()) + ".json")).string();
  ASSERT_TRUE(model.value().Save(path).ok());
  auto from_file = MatchModel::Load(path);
  std::remove(path.c_str());
  ASSERT_TRUE(from_file.ok()) << from_file.error().ToString();
  EXPECT_FLOAT_EQ(from_file.value().Predict(valid).value()[7], before[7]);
}

TEST(MatchModelTest, RefusesWhatIsNoPairModel) {
  FeatureMatrix train, valid;
  std::vector<float> ty, vy;
  MakeData(300, 3, &train, &ty);
  MakeData(100, 4, &valid, &vy);
  auto model = MatchModel::Train(train, ty, &valid, &vy, Quick(), {"a", "b", "noise"});
  ASSERT_TRUE(model.ok());
  const std::string good = model.value().SaveToBuffer().value();
  const auto refused = [](const std::string& text, std::string_view why) {
    auto loaded = MatchModel::LoadFromBuffer(text);
    ASSERT_FALSE(loaded.ok()) << why;
    EXPECT_NE(loaded.error().ToString().find(why), std::string::npos) << loaded.error().ToString();
  };
  refused("", "the file is empty");
  refused("{}", "no \"learner\" object");
  refused(good.substr(0, good.size() / 2), "neither JSON nor UBJSON");
  // The stored threshold must be a probability.
  const size_t at = good.find("\"conform_threshold\":\"");
  ASSERT_NE(at, std::string::npos);
  std::string bad = good;
  bad.replace(at, std::string("\"conform_threshold\":\"").size(), "\"conform_threshold\":\"abc");
  refused(bad, "is not a probability");
}

TEST(MatchModelTest, CompiledTreesAgreeWithXGBoost) {
  // Parallel trees (4, the default) and early stopping: the compiled trees
  // are the kept rounds only.
  FeatureMatrix train, valid;
  std::vector<float> ty, vy;
  MakeData(2000, 6, &train, &ty);
  MakeData(700, 7, &valid, &vy);
  BoostingOptions o = Quick();
  ASSERT_EQ(o.parallel_trees, 4);
  auto model = MatchModel::Train(train, ty, &valid, &vy, o);
  ASSERT_TRUE(model.ok()) << model.error().ToString();
  EXPECT_LT(model.value().best_rounds(), o.max_rounds);
  ExpectCompiledAgrees(model.value(), valid);
  ExpectCompiledAgrees(model.value(), train);

  auto loaded = MatchModel::LoadFromBuffer(model.value().SaveToBuffer().value());
  ASSERT_TRUE(loaded.ok());
  ExpectCompiledAgrees(loaded.value(), valid);

  // A moved model keeps its compiled trees.
  MatchModel moved = std::move(loaded).value();
  ExpectCompiledAgrees(moved, valid);
  EXPECT_EQ(moved.Predict(FeatureMatrix(0, 3)).value().size(), 0u);
  EXPECT_FALSE(moved.Predict(FeatureMatrix(1, 2)).ok());
}

// The same on a real model and real pairs, when the shared test data is
// present: ER-Magellan Walmart-Amazon (structured), trained as match-eval
// trains, checked on the valid split's features.
TEST(MatchModelTest, CompiledTreesAgreeWithXGBoostOnWalmartAmazon) {
  const std::filesystem::path dir =
      std::filesystem::path(CONFORM_SHARED_TESTDATA_DIR) / "er-benchmarks/data/er_magellan/Structured/Walmart-Amazon";
  if (!std::filesystem::exists(dir / "valid.txt")) GTEST_SKIP() << "no benchmark data at " << dir;
  MatchEvalOptions options;
  options.threads = 0;
  std::optional<TrainedMatcher> trained;
  auto report = EvaluateMatcherOnDirectory(dir.string(), "valid", options, &trained);
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  auto pairs = ReadDittoPairs((dir / "valid.txt").string());
  ASSERT_TRUE(pairs.ok());
  const FeatureMatrix x = FeaturizePairs(trained->featurizer, pairs.value(), 0);
  ExpectCompiledAgrees(trained->model, x);
  auto loaded = MatchModel::LoadFromBuffer(trained->model.SaveToBuffer().value());
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  ExpectCompiledAgrees(loaded.value(), x);
}

// Five rounds on MakeData(rows, seed), without validation data.
Result<MatchModel> FiveRoundModel(size_t rows, uint32_t seed, const std::vector<std::string>& names = {}) {
  FeatureMatrix train;
  std::vector<float> ty;
  MakeData(rows, seed, &train, &ty);
  BoostingOptions o = Quick();
  o.max_rounds = 5;
  return MatchModel::Train(train, ty, nullptr, nullptr, o, names);
}

// The word evidence travels in the model file; a model whose trees read it
// but which lost it is refused rather than fed a missing feature.
TEST(MatchModelTest, WordEvidenceTravelsWithTheTrees) {
  auto model = FiveRoundModel(300, 4, {"a", "b", kWordEvidenceFeature});
  ASSERT_TRUE(model.ok());
  auto lost = MatchModel::LoadFromBuffer(model.value().SaveToBuffer().value());
  ASSERT_FALSE(lost.ok());
  EXPECT_NE(lost.error().ToString().find("carries no word evidence"), std::string::npos) << lost.error().ToString();

  auto evidence = WordEvidence::FromJson(R"({"bias":-0.5,"words":{"academic":[0.25,-1.5],"černá":[0.5,0.125]}})");
  ASSERT_TRUE(evidence.ok());
  model.value().set_word_evidence(std::make_shared<const WordEvidence>(std::move(evidence).value()));
  auto kept = MatchModel::LoadFromBuffer(model.value().SaveToBuffer().value());
  ASSERT_TRUE(kept.ok()) << kept.error().ToString();
  ASSERT_NE(kept.value().word_evidence(), nullptr);
  EXPECT_EQ(kept.value().word_evidence()->ToJson(), model.value().word_evidence()->ToJson());
  EXPECT_EQ(kept.value().word_evidence()->Of("černá").one_side, 0.125f);
}

TEST(MatchModelTest, RejectsBadInput) {
  FeatureMatrix train;
  std::vector<float> ty;
  MakeData(200, 5, &train, &ty);
  BoostingOptions o = Quick();
  o.max_rounds = 5;
  auto model = MatchModel::Train(train, ty, nullptr, nullptr, o);
  ASSERT_TRUE(model.ok());
  EXPECT_EQ(model.value().best_rounds(), 5);
  FeatureMatrix wrong(2, 4);
  EXPECT_FALSE(model.value().Predict(wrong).ok());
  EXPECT_FALSE(MatchModel::LoadFromBuffer("{not a model").ok());
  EXPECT_FALSE(MatchModel::Load("/nonexistent/model.json").ok());
  std::vector<float> short_labels(10);
  EXPECT_FALSE(MatchModel::Train(train, short_labels, nullptr, nullptr, o).ok());
  EXPECT_FALSE(MatchModel::Train(FeatureMatrix(), {}, nullptr, nullptr, o).ok());
}

}  // namespace
}  // namespace conform::recalls
