#include "conform/recalls/match_eval.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <limits>
#include <random>
#include <unordered_map>

#include "conform/core/threads.h"
#include "conform/recalls/word_evidence.h"

namespace conform::recalls {

namespace {

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string ContentKey(const Record& r) {
  std::string key;
  for (const auto& [attribute, value] : r.fields) {
    key += attribute;
    key += '\x1f';
    key += value;
    key += '\x1e';
  }
  return key;
}

// Pairs and records are many and cheap: handed to the threads 64 at a time.
constexpr size_t kChunk = 64;

std::vector<float> Labels(const std::vector<LabeledPair>& pairs) {
  std::vector<float> labels;
  labels.reserve(pairs.size());
  for (const auto& p : pairs) labels.push_back(static_cast<float>(p.label));
  return labels;
}

size_t Positives(const std::vector<LabeledPair>& pairs) {
  size_t n = 0;
  for (const auto& p : pairs) n += p.label == 1;
  return n;
}

}  // namespace

std::vector<const Record*> DistinctRecords(const std::vector<LabeledPair>& pairs) {
  std::vector<const Record*> out;
  std::unordered_map<std::string, size_t> seen;
  for (const auto& p : pairs)
    for (const Record* r : {&p.left, &p.right})
      if (seen.emplace(ContentKey(*r), out.size()).second) out.push_back(r);
  return out;
}

namespace {

// The distinct records of `pairs` prepared once each, and which two each
// pair joins.
struct PreparedPairs {
  std::vector<PreparedRecord> records;
  std::vector<std::pair<size_t, size_t>> sides;
};

PreparedPairs PreparePairs(const PairFeaturizer& featurizer, const std::vector<LabeledPair>& pairs, int threads) {
  // Benchmark records recur in many pairs; analyse each once.
  std::vector<const Record*> distinct;
  std::unordered_map<std::string, size_t> index;
  PreparedPairs out;
  out.sides.resize(pairs.size());
  for (size_t i = 0; i < pairs.size(); ++i) {
    size_t* side = &out.sides[i].first;
    for (const Record* r : {&pairs[i].left, &pairs[i].right}) {
      const auto [it, added] = index.emplace(ContentKey(*r), distinct.size());
      if (added) distinct.push_back(r);
      *side = it->second;
      side = &out.sides[i].second;
    }
  }
  out.records.resize(distinct.size());
  ParallelFor(distinct.size(), threads, [&](size_t i) { out.records[i] = featurizer.Prepare(*distinct[i]); }, kChunk);
  return out;
}

FeatureMatrix ComputePairs(const PairFeaturizer& featurizer, const PreparedPairs& prepared, int threads) {
  FeatureMatrix m(prepared.sides.size(), PairFeaturizer::FeatureCount());
  ParallelFor(prepared.sides.size(), threads, [&](size_t i) {
    featurizer.Compute(prepared.records[prepared.sides[i].first], prepared.records[prepared.sides[i].second], m.row(i));
  }, kChunk);
  return m;
}

// Folds the training pairs' word evidence is learned on, each scored by a
// regression that never saw it.
constexpr int kWordEvidenceFolds = 5;

// The regression's regularisation constants tried, the strongest
// regularisation first: which suits depends on how many pairs there are
// and how much their words say, so the training pairs choose.
constexpr double kWordEvidenceC[] = {0.1, 0.3, 1.0, 3.0, 10.0};
constexpr size_t kDefaultC = 2;  // 1.0, liblinear's default

// The word evidence of the training pairs, and its column of `train_x`.
// A regression fitted on all the pairs would have seen each pair it scores,
// and the trees would learn to trust it more than it deserves on new pairs;
// so each training pair gets the log-odds of a regression fitted on the
// other folds (stacking), while the evidence returned, fitted on all of
// them, serves every other pair. Folds keep the share of matches (pairs
// shuffled by `seed` within each class). The regularisation constant is the
// one of kWordEvidenceC whose out-of-fold log-odds have the lowest log loss
// on the training pairs, ties to the stronger; it is written to
// `chosen_c`. Null, and the column left missing, when the pairs cannot
// train one (too few of a class).
std::shared_ptr<const WordEvidence> LearnWordEvidence(const std::vector<LabeledPair>& train, const PreparedPairs& prepared,
                                                      uint64_t seed, long long threads, FeatureMatrix* train_x,
                                                      double* chosen_c) {
  // Pairs whose two titles are both there: the feature's domain (Compute).
  std::vector<size_t> used;
  std::vector<WordPairExample> examples;
  for (size_t i = 0; i < train.size(); ++i) {
    const PreparedRecord& l = prepared.records[prepared.sides[i].first];
    const PreparedRecord& r = prepared.records[prepared.sides[i].second];
    if (l.title.empty() || r.title.empty()) continue;
    used.push_back(i);
    examples.push_back({&l.title_words, &r.title_words, train[i].label});
  }
  size_t positives = 0;
  for (const auto& e : examples) positives += e.label == 1;
  if (positives == 0 || positives == examples.size()) return nullptr;

  std::vector<int> fold(examples.size());
  std::mt19937_64 random(seed);
  for (const int label : {0, 1}) {
    std::vector<size_t> members;
    for (size_t k = 0; k < examples.size(); ++k)
      if (examples[k].label == label) members.push_back(k);
    std::shuffle(members.begin(), members.end(), random);
    for (size_t rank = 0; rank < members.size(); ++rank) fold[members[rank]] = static_cast<int>(rank % kWordEvidenceFolds);
  }
  // Out-of-fold log-odds for each constant, the constants and folds
  // trained side by side; NaN where a fold could not train (it lacked a
  // class).
  constexpr size_t kCs = std::size(kWordEvidenceC);
  std::vector<std::vector<float>> odds(kCs, std::vector<float>(examples.size()));
  ParallelFor(kCs * kWordEvidenceFolds, threads, [&](size_t task) {
    const size_t ci = task / kWordEvidenceFolds;
    const int f = static_cast<int>(task % kWordEvidenceFolds);
    std::vector<WordPairExample> rest;
    for (size_t k = 0; k < examples.size(); ++k)
      if (fold[k] != f) rest.push_back(examples[k]);
    auto part = WordEvidence::Train(rest, kWordEvidenceC[ci]);
    for (size_t k = 0; k < examples.size(); ++k)
      if (fold[k] == f) odds[ci][k] = part.ok() ? static_cast<float>(part.value().LogOdds(*examples[k].left, *examples[k].right)) : std::nanf("");
  });
  size_t best = kDefaultC;  // when no fold could be scored
  double best_loss = std::numeric_limits<double>::infinity();
  for (size_t ci = 0; ci < kCs; ++ci) {
    double loss = 0;
    size_t counted = 0;
    for (size_t k = 0; k < examples.size(); ++k) {
      if (std::isnan(odds[ci][k])) continue;
      // log(1 + e^-z), z the log-odds of the right label, without overflow.
      const double z = examples[k].label == 1 ? odds[ci][k] : -odds[ci][k];
      loss += z > 0 ? std::log1p(std::exp(-z)) : -z + std::log1p(std::exp(z));
      ++counted;
    }
    if (counted > 0 && loss / static_cast<double>(counted) < best_loss) best_loss = loss / static_cast<double>(counted), best = ci;
  }
  const size_t column = static_cast<size_t>(
      std::find(PairFeaturizer::FeatureNames().begin(), PairFeaturizer::FeatureNames().end(), kWordEvidenceFeature) -
      PairFeaturizer::FeatureNames().begin());
  for (size_t k = 0; k < examples.size(); ++k) train_x->row(used[k])[column] = odds[best][k];
  auto all = WordEvidence::Train(examples, kWordEvidenceC[best]);
  if (!all.ok()) return nullptr;
  *chosen_c = kWordEvidenceC[best];
  return std::make_shared<const WordEvidence>(std::move(all).value());
}

}  // namespace

FeatureMatrix FeaturizePairs(const PairFeaturizer& featurizer, const std::vector<LabeledPair>& pairs, int threads) {
  return ComputePairs(featurizer, PreparePairs(featurizer, pairs, threads), threads);
}

Result<TrainedMatcher> TrainMatcher(const std::vector<LabeledPair>& train, const std::vector<LabeledPair>& valid,
                                    const MatchEvalOptions& options, double* fit_seconds) {
  // A learner needs both classes; a threshold chosen on one class alone
  // (every pair a match) would report a perfect F1 that means nothing.
  const auto both_classes = [](const std::vector<LabeledPair>& pairs, const char* file, const char* why) -> Status {
    const size_t positives = Positives(pairs);
    if (pairs.empty()) return Error(ErrorCode::kInvalidInput, {Diagnostic{file, 0, 0, "holds no pairs", why}});
    if (positives == 0 || positives == pairs.size())
      return Error(ErrorCode::kInvalidInput,
                   {Diagnostic{file, 0, 0, fmt::format("all {} pairs are labelled {}: both matches (1) and non-matches (0) are needed", pairs.size(),
                                                       positives == 0 ? 0 : 1),
                               why}});
    return Status::Ok();
  };
  if (Status st = both_classes(train, "train.txt", "the matcher learns from them"); !st.ok()) return st.error();
  if (Status st = both_classes(valid, "valid.txt", "the threshold is chosen on them"); !st.ok()) return st.error();
  const auto start = std::chrono::steady_clock::now();
  PairFeaturizer featurizer;
  featurizer.Fit(DistinctRecords(train), options.threads);
  const PreparedPairs train_prepared = PreparePairs(featurizer, train, options.threads);
  FeatureMatrix train_x = ComputePairs(featurizer, train_prepared, options.threads);
  double word_evidence_c = 0;
  featurizer.set_word_evidence(
      LearnWordEvidence(train, train_prepared, options.boosting.seed, options.threads, &train_x, &word_evidence_c));
  const FeatureMatrix valid_x = FeaturizePairs(featurizer, valid, options.threads);
  const std::vector<float> train_y = Labels(train), valid_y = Labels(valid);
  BoostingOptions boosting = options.boosting;
  boosting.threads = static_cast<int>(WorkerThreads(options.threads));
  auto model = MatchModel::Train(train_x, train_y, &valid_x, &valid_y, boosting, PairFeaturizer::FeatureNames());
  if (!model.ok()) return model.error();
  auto valid_p = model.value().Predict(valid_x);
  if (!valid_p.ok()) return valid_p.error();
  model.value().set_threshold(ChooseThreshold(valid_p.value(), valid_y));
  model.value().set_word_evidence(featurizer.word_evidence());
  if (fit_seconds != nullptr) *fit_seconds = SecondsSince(start);
  return TrainedMatcher{std::move(featurizer), std::move(model).value(), word_evidence_c};
}

Result<MatchEvalReport> EvaluateMatcher(const std::vector<LabeledPair>& train, const std::vector<LabeledPair>& valid,
                                        const std::vector<std::pair<std::string, const std::vector<LabeledPair>*>>& splits,
                                        const MatchEvalOptions& options, std::optional<TrainedMatcher>* model) {
  MatchEvalReport report;
  auto trained = TrainMatcher(train, valid, options, &report.fit_seconds);
  if (!trained.ok()) return trained.error();
  const TrainedMatcher& matcher = trained.value();
  report.threshold = matcher.model.threshold();
  report.rounds = matcher.model.best_rounds();
  report.feature_count = matcher.model.feature_count();
  report.word_evidence_c = matcher.word_evidence_c;
  for (const auto& [name, pairs] : splits) {
    const auto start = std::chrono::steady_clock::now();
    const FeatureMatrix x = FeaturizePairs(matcher.featurizer, *pairs, options.threads);
    auto p = matcher.model.Predict(x);
    if (!p.ok()) return p.error();
    SplitEvaluation split;
    split.name = name;
    split.pairs = pairs->size();
    split.positives = Positives(*pairs);
    split.scores = ScoreAt(p.value(), Labels(*pairs), report.threshold);
    split.calibration = CalibrationOf(p.value(), Labels(*pairs));
    split.seconds = SecondsSince(start);
    split.probabilities = std::move(p).value();
    report.splits.push_back(std::move(split));
  }
  auto gains = matcher.model.FeatureGains();
  if (gains.ok()) report.feature_gains = std::move(gains).value();
  if (model != nullptr) model->emplace(std::move(trained).value());
  return report;
}

Result<MatchEvalReport> EvaluateMatcherOnDirectory(const std::string& dir, const std::string& only_split,
                                                   const MatchEvalOptions& options,
                                                   std::optional<TrainedMatcher>* model) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(dir))
    return Error(ErrorCode::kNotFound, {Diagnostic{dir, 0, 0, "not a directory", "give the folder holding train.txt and valid.txt"}});
  auto path = [&](const std::string& split) { return (fs::path(dir) / (split + ".txt")).string(); };
  std::vector<std::string> names;
  if (!only_split.empty()) {
    if (!fs::exists(path(only_split)))
      return Error(ErrorCode::kNotFound, {Diagnostic{path(only_split), 0, 0, fmt::format("no split '{}'", only_split), ""}});
    names.push_back(only_split);
  } else {
    for (const char* split : {"train", "valid", "test"})
      if (fs::exists(path(split))) names.emplace_back(split);
  }
  std::unordered_map<std::string, std::vector<LabeledPair>> loaded;
  for (const std::string& split : std::vector<std::string>{"train", "valid"}) {
    auto pairs = ReadDittoPairs(path(split));
    if (!pairs.ok()) return pairs.error();
    loaded[split] = std::move(pairs).value();
  }
  for (const auto& name : names) {
    if (loaded.count(name)) continue;
    auto pairs = ReadDittoPairs(path(name));
    if (!pairs.ok()) return pairs.error();
    // An empty split would be reported as F1 0.0, a figure it does not have.
    if (pairs.value().empty())
      return Error(ErrorCode::kInvalidInput, {Diagnostic{path(name), 0, 0, "holds no pairs", "remove the file, or fill it"}});
    loaded[name] = std::move(pairs).value();
  }
  std::vector<std::pair<std::string, const std::vector<LabeledPair>*>> splits;
  for (const auto& name : names) splits.emplace_back(name, &loaded[name]);
  auto report = EvaluateMatcher(loaded["train"], loaded["valid"], splits, options, model);
  if (report.ok()) return report;
  // The learner names the splits it refuses by their file names alone.
  std::vector<Diagnostic> d = report.error().diagnostics();
  for (auto& x : d)
    if (x.file == "train.txt" || x.file == "valid.txt") x.file = (fs::path(dir) / x.file).string();
  return Error(report.error().code(), std::move(d));
}

}  // namespace conform::recalls
