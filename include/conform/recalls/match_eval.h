// Training and measuring the pair matcher on labelled pair splits, as
// `conform match-eval` does.
//
// The procedure is fixed, the same for every data set, so that figures on a
// withheld test split are honest:
//   1. the featuriser's IDF weights are fitted on the distinct records of the
//      training pairs only;
//   2. the word evidence (word_evidence.h) is learned on the training
//      pairs; each training pair's value comes from a regression fitted on
//      the other four fifths of them, every other pair's from the one
//      fitted on all; its regularisation constant (0.1, 0.3, 1, 3 or 10) is
//      the one whose values on the training pairs have the lowest log loss;
//   3. the trees are trained on the training pairs, with the validation
//      pairs' log loss deciding when to stop (patience and every other
//      setting from BoostingOptions, never per data set);
//   4. the decision threshold is the one that maximises F1 on the
//      validation pairs (ChooseThreshold);
//   5. every split is scored at that threshold.
#ifndef CONFORM_RECALLS_MATCH_EVAL_H_
#define CONFORM_RECALLS_MATCH_EVAL_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "conform/core/result.h"
#include "conform/recalls/er_benchmark.h"
#include "conform/recalls/match_model.h"
#include "conform/recalls/pair_features.h"

namespace conform::recalls {

// The features of every pair, one row each, computed on `threads` threads
// (0: one per core). Records are prepared once per distinct content.
FeatureMatrix FeaturizePairs(const PairFeaturizer& featurizer, const std::vector<LabeledPair>& pairs, int threads);

// The distinct records (by content) of `pairs`, left and right, in order of
// first appearance; pointers into `pairs`.
std::vector<const Record*> DistinctRecords(const std::vector<LabeledPair>& pairs);

struct MatchEvalOptions {
  int threads = 1;  // 0: one per core
  BoostingOptions boosting;
};

struct SplitEvaluation {
  std::string name;
  size_t pairs = 0, positives = 0;
  BinaryScores scores;  // at the chosen threshold
  Calibration calibration;  // of the probabilities, 10 bins
  double seconds = 0;   // featurising and predicting this split
  std::vector<float> probabilities;  // one per pair, in file order
};

struct MatchEvalReport {
  double threshold = 0.5;
  int rounds = 0;            // trees kept
  size_t feature_count = 0;
  double fit_seconds = 0;    // IDF fit, training features and training
  double word_evidence_c = 0;  // TrainedMatcher::word_evidence_c
  std::vector<SplitEvaluation> splits;  // in the order asked for
  std::vector<std::pair<std::string, double>> feature_gains;  // largest first
};

// A trained matcher: the featuriser with its fitted IDF weights and the model
// with its threshold.
struct TrainedMatcher {
  PairFeaturizer featurizer;
  MatchModel model;
  // The word evidence's regularisation constant, chosen on the training
  // pairs by the log loss of its out-of-fold log-odds; 0 when the pairs
  // could not train word evidence.
  double word_evidence_c = 0;
};

// Steps 1-4 of the procedure. Error when either split has no pairs or no
// positive pair.
Result<TrainedMatcher> TrainMatcher(const std::vector<LabeledPair>& train, const std::vector<LabeledPair>& valid,
                                    const MatchEvalOptions& options, double* fit_seconds = nullptr);

// The whole procedure: trains on `train`, chooses the threshold on `valid`,
// and scores each of `splits` (name and pairs). `model` receives the trained
// matcher when not null.
Result<MatchEvalReport> EvaluateMatcher(const std::vector<LabeledPair>& train, const std::vector<LabeledPair>& valid,
                                        const std::vector<std::pair<std::string, const std::vector<LabeledPair>*>>& splits,
                                        const MatchEvalOptions& options, std::optional<TrainedMatcher>* model = nullptr);

// EvaluateMatcher on DIR/train.txt and DIR/valid.txt, scoring `only_split`
// when not empty (DIR/<only_split>.txt must exist), else every one of train,
// valid and test whose file is present.
Result<MatchEvalReport> EvaluateMatcherOnDirectory(const std::string& dir, const std::string& only_split,
                                                   const MatchEvalOptions& options, std::optional<TrainedMatcher>* model = nullptr);

}  // namespace conform::recalls

#endif  // CONFORM_RECALLS_MATCH_EVAL_H_
