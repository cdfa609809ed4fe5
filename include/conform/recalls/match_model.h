// A learned pair matcher: gradient-boosted trees (XGBoost) over pair
// features, giving the probability that a pair is a match, plus the decision
// threshold chosen on held-out pairs.
//
// The probability is XGBoost's binary:logistic output, trained on log loss,
// so it is calibrated on the training distribution (CalibrationOf measures
// it: `conform match-eval` reports it per split), not where matches are far
// rarer, as among a recall index's candidates; the threshold is chosen
// separately (ChooseThreshold) because the best F1 cut-off moves with the
// share of true matches among the candidates.
#ifndef CONFORM_RECALLS_MATCH_MODEL_H_
#define CONFORM_RECALLS_MATCH_MODEL_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "conform/core/result.h"
#include "conform/recalls/tree_ensemble.h"
#include "conform/recalls/word_evidence.h"

namespace conform::recalls {

// Rows of features, row-major; NaN marks a missing value.
struct FeatureMatrix {
  size_t rows = 0;
  size_t cols = 0;
  std::vector<float> values;  // rows * cols

  FeatureMatrix() = default;
  FeatureMatrix(size_t r, size_t c) : rows(r), cols(c), values(r * c) {}
  float* row(size_t i) { return values.data() + i * cols; }
  const float* row(size_t i) const { return values.data() + i * cols; }
};

struct BoostingOptions {
  int max_rounds = 2000;
  // Stop when the validation log loss has not improved for this many rounds
  // and keep the best round (only with validation data).
  int early_stopping_rounds = 100;
  double learning_rate = 0.05;
  int max_depth = 6;
  double min_child_weight = 1;
  double subsample = 0.8;
  double colsample_bytree = 0.8;
  double lambda = 1;
  // Trees grown per round on different row and feature samples and averaged:
  // steadier than one tree per round on a few thousand noisy labels.
  int parallel_trees = 4;
  int threads = 1;  // 0: XGBoost's default (all cores)
  uint64_t seed = 0;
};

// Precision, recall and F1 of decisions at one threshold.
struct BinaryScores {
  size_t true_positives = 0, false_positives = 0, false_negatives = 0, true_negatives = 0;
  double precision = 0, recall = 0, f1 = 0;
};

// Scores of `probabilities` >= threshold against `labels` (0 or 1).
BinaryScores ScoreAt(const std::vector<float>& probabilities, const std::vector<float>& labels, double threshold);

// How far probabilities are from the share of matches they stand for,
// over equal-width bins of [0, 1].
struct Calibration {
  struct Bin {
    size_t pairs = 0;
    double mean_probability = 0, match_share = 0;  // 0 when the bin is empty
  };
  double brier = 0;  // mean of (probability - label)^2
  // Expected calibration error: |mean probability - match share| of each
  // bin, weighted by its share of the pairs.
  double ece = 0;
  std::vector<Bin> bins;
};

// Calibration of `probabilities` against `labels` (0 or 1) over `bins`
// bins (at least 1); a probability of 1 falls in the last bin. Zeros when
// there are no pairs.
Calibration CalibrationOf(const std::vector<float>& probabilities, const std::vector<float>& labels, size_t bins = 10);

// The threshold that maximises F1 on (probabilities, labels), read off the
// F1 curve over thresholds 0.005, 0.010, ..., 0.995 averaged over a window
// of +-0.025: the best single cut of a few hundred held-out matches is
// partly chance, and a cut in the middle of a broad peak holds better on
// new pairs. Of several thresholds at the peak, the middle one. 0.5 when
// there are no positives.
double ChooseThreshold(const std::vector<float>& probabilities, const std::vector<float>& labels);

class MatchModel {
 public:
  MatchModel(MatchModel&&) noexcept;
  MatchModel& operator=(MatchModel&&) noexcept;
  ~MatchModel();

  // Trains on `train` with `labels` (0/1). With `valid` (and its labels),
  // stops early on its log loss and keeps the best round; the threshold is
  // then still 0.5 until set_threshold. `feature_names`, when given, are
  // stored with the model and must have train.cols entries.
  static Result<MatchModel> Train(const FeatureMatrix& train, const std::vector<float>& labels,
                                  const FeatureMatrix* valid, const std::vector<float>* valid_labels,
                                  const BoostingOptions& options,
                                  const std::vector<std::string>& feature_names = {});

  // Match probabilities, one per row, from the first best_rounds() rounds.
  // Thread-safe. The trees are compiled into a TreeEnsemble after Train and
  // Load, so calls run concurrently without XGBoost and without a lock;
  // a model the evaluator cannot take (see TreeEnsemble::FromModel) is
  // predicted by XGBoost instead, serialised, on `threads` threads. Error
  // when the column count differs from training.
  Result<std::vector<float>> Predict(const FeatureMatrix& features) const;

  // The match probability of one row of feature_count() values, as Predict
  // gives it; NaN if XGBoost fails on a model that is not compiled.
  float PredictRow(const float* row) const;

  // Predict done by XGBoost itself, whatever compiled() says: the reference
  // the compiled evaluator is checked against. Serialised, and microseconds
  // of overhead per call.
  Result<std::vector<float>> PredictWithXGBoost(const FeatureMatrix& features) const;

  // Whether Predict runs on the compiled trees; compile_error() says why not.
  bool compiled() const { return ensemble_.has_value(); }
  const std::string& compile_error() const { return compile_error_; }

  // The model as XGBoost JSON, with the threshold, best round and feature
  // names stored as attributes; Load reads what Save wrote (or any binary
  // logistic XGBoost JSON/UBJSON model, with threshold 0.5).
  Result<std::string> SaveToBuffer() const;
  Status Save(const std::string& path) const;
  static Result<MatchModel> LoadFromBuffer(std::string_view data);
  static Result<MatchModel> Load(const std::string& path);

  // Threads XGBoost predicts on when the model is not compiled (0: all
  // cores; a loaded model starts so).
  Status SetThreads(int threads);

  double threshold() const { return threshold_; }
  void set_threshold(double t) { threshold_ = t; }
  int best_rounds() const { return best_rounds_; }  // trees used when predicting
  size_t feature_count() const { return feature_count_; }
  const std::vector<std::string>& feature_names() const { return feature_names_; }

  // The learned word evidence the feature "title_word_evidence" reads, saved
  // and loaded with the trees; null for a model without it. Pass it to the
  // featuriser that computes this model's features
  // (PairFeaturizer::set_word_evidence).
  const std::shared_ptr<const WordEvidence>& word_evidence() const { return word_evidence_; }
  void set_word_evidence(std::shared_ptr<const WordEvidence> evidence) { word_evidence_ = std::move(evidence); }

  // Total gain per feature (by name when known), largest first.
  Result<std::vector<std::pair<std::string, double>>> FeatureGains() const;

 private:
  MatchModel();
  Status StoreAttributes() const;
  Status ReadAttributes();
  // Compiles the trees Predict uses into ensemble_, or notes in
  // compile_error_ why XGBoost has to predict.
  void Compile();

  void* booster_ = nullptr;  // BoosterHandle
  std::unique_ptr<std::mutex> mutex_;  // XGBoost hands results back in buffers it reuses
  double threshold_ = 0.5;
  int best_rounds_ = 0;
  size_t feature_count_ = 0;
  int threads_ = 1;
  std::vector<std::string> feature_names_;
  std::shared_ptr<const WordEvidence> word_evidence_;
  std::optional<TreeEnsemble> ensemble_;
  std::string compile_error_;
};

}  // namespace conform::recalls

#endif  // CONFORM_RECALLS_MATCH_MODEL_H_
