#include "conform/recalls/match_model.h"

#include <fmt/format.h>
#include <xgboost/c_api.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <numeric>
#include <sstream>

namespace conform::recalls {

namespace {

constexpr const char* kThresholdAttr = "conform_threshold";
constexpr const char* kRoundsAttr = "conform_best_rounds";
constexpr const char* kWordEvidenceAttr = "conform_title_word_evidence";

Error XgbError(std::string_view what) {
  return Error(ErrorCode::kInternal, fmt::format("XGBoost: {}: {}", what, XGBGetLastError()));
}

#define CONFORM_XGB(call, what)               \
  do {                                        \
    if ((call) != 0) return XgbError(what);   \
  } while (0)

// Owns a DMatrix handle.
class Matrix {
 public:
  Matrix() = default;
  Matrix(const Matrix&) = delete;
  Matrix& operator=(const Matrix&) = delete;
  ~Matrix() {
    if (handle_ != nullptr) XGDMatrixFree(handle_);
  }
  Status Create(const FeatureMatrix& m, const std::vector<float>* labels) {
    if (m.values.size() != m.rows * m.cols)
      return Error(ErrorCode::kInternal, "feature matrix holds a different number of values than rows x cols");
    CONFORM_XGB(XGDMatrixCreateFromMat(m.values.data(), m.rows, m.cols, std::nanf(""), &handle_), "creating a matrix");
    if (labels != nullptr) {
      if (labels->size() != m.rows)
        return Error(ErrorCode::kInvalidInput, fmt::format("{} labels for {} rows", labels->size(), m.rows));
      CONFORM_XGB(XGDMatrixSetFloatInfo(handle_, "label", labels->data(), labels->size()), "setting labels");
    }
    return Status::Ok();
  }
  DMatrixHandle get() const { return handle_; }

 private:
  DMatrixHandle handle_ = nullptr;
};

double LastMetric(const char* eval) {
  const char* colon = std::strrchr(eval, ':');
  return colon == nullptr ? std::nan("") : std::strtod(colon + 1, nullptr);
}

}  // namespace

BinaryScores ScoreAt(const std::vector<float>& probabilities, const std::vector<float>& labels, double threshold) {
  BinaryScores s;
  for (size_t i = 0; i < probabilities.size() && i < labels.size(); ++i) {
    const bool predicted = probabilities[i] >= threshold, actual = labels[i] > 0.5f;
    if (predicted && actual) ++s.true_positives;
    else if (predicted) ++s.false_positives;
    else if (actual) ++s.false_negatives;
    else ++s.true_negatives;
  }
  const double tp = static_cast<double>(s.true_positives);
  s.precision = tp + s.false_positives > 0 ? tp / (tp + s.false_positives) : 0;
  s.recall = tp + s.false_negatives > 0 ? tp / (tp + s.false_negatives) : 0;
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  return s;
}

Calibration CalibrationOf(const std::vector<float>& probabilities, const std::vector<float>& labels, size_t bins) {
  Calibration c;
  c.bins.resize(std::max<size_t>(bins, 1));
  const size_t n = std::min(probabilities.size(), labels.size());
  if (n == 0) return c;
  std::vector<double> probability_sum(c.bins.size()), match_sum(c.bins.size());
  for (size_t i = 0; i < n; ++i) {
    const double p = std::clamp(static_cast<double>(probabilities[i]), 0.0, 1.0), y = labels[i] > 0.5f ? 1 : 0;
    c.brier += (p - y) * (p - y);
    const size_t b = std::min(static_cast<size_t>(p * static_cast<double>(c.bins.size())), c.bins.size() - 1);
    ++c.bins[b].pairs;
    probability_sum[b] += p;
    match_sum[b] += y;
  }
  c.brier /= static_cast<double>(n);
  for (size_t b = 0; b < c.bins.size(); ++b) {
    Calibration::Bin& bin = c.bins[b];
    if (bin.pairs == 0) continue;
    bin.mean_probability = probability_sum[b] / static_cast<double>(bin.pairs);
    bin.match_share = match_sum[b] / static_cast<double>(bin.pairs);
    c.ece += static_cast<double>(bin.pairs) / static_cast<double>(n) * std::abs(bin.mean_probability - bin.match_share);
  }
  return c;
}

double ChooseThreshold(const std::vector<float>& probabilities, const std::vector<float>& labels) {
  const size_t n = std::min(probabilities.size(), labels.size());
  size_t positives = 0;
  for (size_t i = 0; i < n; ++i) positives += labels[i] > 0.5f;
  if (positives == 0) return 0.5;
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return probabilities[a] > probabilities[b]; });
  // F1 at each threshold of the grid, from the highest down: one sweep.
  constexpr int kSteps = 200;  // thresholds k / kSteps, 0 < k < kSteps
  constexpr int kHalfWindow = 5;
  std::vector<double> f1(kSteps, 0);
  size_t taken = 0, tp = 0;
  for (int k = kSteps - 1; k >= 1; --k) {
    const double t = static_cast<double>(k) / kSteps;
    while (taken < n && probabilities[order[taken]] >= t) tp += labels[order[taken++]] > 0.5f;
    f1[k] = 2.0 * static_cast<double>(tp) / static_cast<double>(taken + positives);
  }
  // The peak of the curve averaged over a window, and the middle of the
  // thresholds that share it.
  std::vector<double> smoothed(kSteps, -1);
  double best = -1;
  for (int k = 1; k < kSteps; ++k) {
    const int lo = std::max(1, k - kHalfWindow), hi = std::min(kSteps - 1, k + kHalfWindow);
    double sum = 0;
    for (int j = lo; j <= hi; ++j) sum += f1[j];
    smoothed[k] = sum / (hi - lo + 1);
    best = std::max(best, smoothed[k]);
  }
  int first = 1;
  while (smoothed[first] < best - 1e-12) ++first;
  int last = first;
  while (last + 1 < kSteps && smoothed[last + 1] >= best - 1e-12) ++last;
  return static_cast<double>(first + last) / 2 / kSteps;
}

MatchModel::MatchModel() : mutex_(std::make_unique<std::mutex>()) {}
MatchModel::MatchModel(MatchModel&& other) noexcept
    : booster_(other.booster_),
      mutex_(std::move(other.mutex_)),
      threshold_(other.threshold_),
      best_rounds_(other.best_rounds_),
      feature_count_(other.feature_count_),
      threads_(other.threads_),
      feature_names_(std::move(other.feature_names_)),
      word_evidence_(std::move(other.word_evidence_)),
      ensemble_(std::move(other.ensemble_)),
      compile_error_(std::move(other.compile_error_)) {
  other.booster_ = nullptr;
}
MatchModel& MatchModel::operator=(MatchModel&& other) noexcept {
  if (this != &other) {
    if (booster_ != nullptr) XGBoosterFree(booster_);
    booster_ = other.booster_;
    other.booster_ = nullptr;
    mutex_ = std::move(other.mutex_);
    threshold_ = other.threshold_;
    best_rounds_ = other.best_rounds_;
    feature_count_ = other.feature_count_;
    threads_ = other.threads_;
    feature_names_ = std::move(other.feature_names_);
    word_evidence_ = std::move(other.word_evidence_);
    ensemble_ = std::move(other.ensemble_);
    compile_error_ = std::move(other.compile_error_);
  }
  return *this;
}
MatchModel::~MatchModel() {
  if (booster_ != nullptr) XGBoosterFree(booster_);
}

Result<MatchModel> MatchModel::Train(const FeatureMatrix& train, const std::vector<float>& labels,
                                     const FeatureMatrix* valid, const std::vector<float>* valid_labels,
                                     const BoostingOptions& options, const std::vector<std::string>& feature_names) {
  if (train.rows == 0 || train.cols == 0) return Error(ErrorCode::kInvalidInput, "no training rows");
  if (!feature_names.empty() && feature_names.size() != train.cols)
    return Error(ErrorCode::kInternal, fmt::format("{} feature names for {} columns", feature_names.size(), train.cols));
  if ((valid == nullptr) != (valid_labels == nullptr))
    return Error(ErrorCode::kInternal, "validation features and labels go together");
  if (valid != nullptr && valid->cols != train.cols)
    return Error(ErrorCode::kInternal, "validation and training features differ in columns");

  Matrix dtrain, dvalid;
  if (Status s = dtrain.Create(train, &labels); !s.ok()) return s.error();
  if (valid != nullptr)
    if (Status s = dvalid.Create(*valid, valid_labels); !s.ok()) return s.error();

  MatchModel model;
  model.threads_ = options.threads;
  model.feature_count_ = train.cols;
  model.feature_names_ = feature_names;
  DMatrixHandle cache[] = {dtrain.get()};
  BoosterHandle booster = nullptr;
  CONFORM_XGB(XGBoosterCreate(cache, 1, &booster), "creating a booster");
  model.booster_ = booster;
  const std::vector<std::pair<std::string, std::string>> params = {
      {"objective", "binary:logistic"},
      {"eval_metric", "logloss"},
      {"tree_method", "hist"},
      {"eta", fmt::format("{}", options.learning_rate)},
      {"max_depth", fmt::format("{}", options.max_depth)},
      {"min_child_weight", fmt::format("{}", options.min_child_weight)},
      {"subsample", fmt::format("{}", options.subsample)},
      {"colsample_bytree", fmt::format("{}", options.colsample_bytree)},
      {"lambda", fmt::format("{}", options.lambda)},
      {"num_parallel_tree", fmt::format("{}", options.parallel_trees)},
      {"seed", fmt::format("{}", options.seed)},
      {"nthread", fmt::format("{}", options.threads)},
      {"verbosity", "0"},
  };
  for (const auto& [key, value] : params)
    CONFORM_XGB(XGBoosterSetParam(booster, key.c_str(), value.c_str()), "setting " + key);

  int best = -1;
  double best_loss = INFINITY;
  int rounds = 0;
  for (int iter = 0; iter < options.max_rounds; ++iter) {
    CONFORM_XGB(XGBoosterUpdateOneIter(booster, iter, dtrain.get()), "training");
    rounds = iter + 1;
    if (valid == nullptr) continue;
    DMatrixHandle eval[] = {dvalid.get()};
    const char* names[] = {"valid"};
    const char* result = nullptr;
    CONFORM_XGB(XGBoosterEvalOneIter(booster, iter, eval, names, 1, &result), "evaluating");
    const double loss = LastMetric(result);
    if (loss < best_loss) {
      best_loss = loss;
      best = iter;
    } else if (iter - best >= options.early_stopping_rounds) {
      break;
    }
  }
  model.best_rounds_ = valid != nullptr && best >= 0 ? best + 1 : rounds;
  if (model.best_rounds_ < rounds) {
    BoosterHandle sliced = nullptr;
    CONFORM_XGB(XGBoosterSlice(booster, 0, model.best_rounds_, 1, &sliced), "keeping the best rounds");
    XGBoosterFree(booster);
    model.booster_ = sliced;
    // A slice keeps the trees but not every parameter.
    CONFORM_XGB(XGBoosterSetParam(sliced, "nthread", fmt::format("{}", options.threads).c_str()), "setting nthread");
  }
  if (!feature_names.empty()) {
    std::vector<const char*> names;
    for (const auto& n : feature_names) names.push_back(n.c_str());
    CONFORM_XGB(XGBoosterSetStrFeatureInfo(model.booster_, "feature_name", names.data(), names.size()),
                "naming features");
  }
  model.Compile();
  return model;
}

void MatchModel::Compile() {
  ensemble_.reset();
  compile_error_.clear();
  // UBJSON carries the split conditions as the float32 values XGBoost
  // compares against, where JSON would round-trip them through decimal text.
  bst_ulong len = 0;
  const char* data = nullptr;
  if (XGBoosterSaveModelToBuffer(booster_, R"({"format": "ubj"})", &len, &data) != 0) {
    compile_error_ = XgbError("saving the model").ToString();
    return;
  }
  auto ensemble = TreeEnsemble::FromModel(std::string_view(data, len), best_rounds_);
  if (!ensemble.ok()) {
    compile_error_ = ensemble.error().ToString();
  } else if (ensemble.value().feature_count() != feature_count_) {
    compile_error_ = "the compiled trees take a different number of features";
  } else {
    ensemble_ = std::move(ensemble).value();
  }
}

Result<std::vector<float>> MatchModel::Predict(const FeatureMatrix& features) const {
  if (!ensemble_) return PredictWithXGBoost(features);
  if (features.rows == 0) return std::vector<float>();
  if (features.cols != feature_count_)
    return Error(ErrorCode::kInvalidInput,
                 fmt::format("the model takes {} features per pair, not {}", feature_count_, features.cols));
  if (features.values.size() != features.rows * features.cols)
    return Error(ErrorCode::kInternal, "feature matrix holds a different number of values than rows x cols");
  std::vector<float> out(features.rows);
  ensemble_->Predict(features.values.data(), features.rows, features.cols, out.data());
  return out;
}

float MatchModel::PredictRow(const float* row) const {
  if (ensemble_) return ensemble_->PredictRow(row);
  FeatureMatrix m(1, feature_count_);
  std::copy(row, row + feature_count_, m.values.begin());
  auto p = PredictWithXGBoost(m);
  return p.ok() ? p.value()[0] : std::nanf("");
}

Result<std::vector<float>> MatchModel::PredictWithXGBoost(const FeatureMatrix& features) const {
  if (features.rows == 0) return std::vector<float>();
  if (features.cols != feature_count_)
    return Error(ErrorCode::kInvalidInput,
                 fmt::format("the model takes {} features per pair, not {}", feature_count_, features.cols));
  std::lock_guard<std::mutex> lock(*mutex_);
  Matrix m;
  if (Status s = m.Create(features, nullptr); !s.ok()) return s.error();
  // The first best_rounds_ rounds, as the compiled trees; a model Train
  // made holds no more than those.
  const std::string config = fmt::format(
      R"({{"type": 0, "training": false, "iteration_begin": 0, "iteration_end": {}, "strict_shape": false}})", best_rounds_);
  const bst_ulong* shape = nullptr;
  bst_ulong dim = 0;
  const float* result = nullptr;
  CONFORM_XGB(XGBoosterPredictFromDMatrix(booster_, m.get(), config.c_str(), &shape, &dim, &result), "predicting");
  return std::vector<float>(result, result + features.rows);
}

Status MatchModel::SetThreads(int threads) {
  std::lock_guard<std::mutex> lock(*mutex_);
  CONFORM_XGB(XGBoosterSetParam(booster_, "nthread", fmt::format("{}", threads).c_str()), "setting nthread");
  threads_ = threads;
  return Status::Ok();
}

Status MatchModel::StoreAttributes() const {
  CONFORM_XGB(XGBoosterSetAttr(booster_, kThresholdAttr, fmt::format("{:.9g}", threshold_).c_str()), "storing the threshold");
  CONFORM_XGB(XGBoosterSetAttr(booster_, kRoundsAttr, fmt::format("{}", best_rounds_).c_str()), "storing the rounds");
  CONFORM_XGB(XGBoosterSetAttr(booster_, kWordEvidenceAttr, word_evidence_ ? word_evidence_->ToJson().c_str() : nullptr),
              "storing the word evidence");
  return Status::Ok();
}

Status MatchModel::ReadAttributes() {
  const char* value = nullptr;
  int found = 0;
  CONFORM_XGB(XGBoosterGetAttr(booster_, kThresholdAttr, &value, &found), "reading the threshold");
  if (found) {
    // A threshold that is not a probability would take or drop every pair.
    char* end = nullptr;
    threshold_ = std::strtod(value, &end);
    if (end == value || *end != '\0' || !(threshold_ >= 0 && threshold_ <= 1))
      return Error(ErrorCode::kInvalidInput, fmt::format("not a pair model: its threshold '{}' is not a probability", value),
                   "make one with conform match-eval DIR --model-out FILE");
  }
  CONFORM_XGB(XGBoosterGetAttr(booster_, kRoundsAttr, &value, &found), "reading the rounds");
  if (found) {
    char* end = nullptr;
    const long rounds = std::strtol(value, &end, 10);
    if (end == value || *end != '\0' || rounds < 1)
      return Error(ErrorCode::kInvalidInput, fmt::format("not a pair model: its rounds '{}' are not a positive number", value),
                   "make one with conform match-eval DIR --model-out FILE");
    best_rounds_ = static_cast<int>(rounds);
  } else {
    int rounds = 0;
    CONFORM_XGB(XGBoosterBoostedRounds(booster_, &rounds), "counting rounds");
    best_rounds_ = rounds;
  }
  bst_ulong n = 0;
  CONFORM_XGB(XGBoosterGetNumFeature(booster_, &n), "counting features");
  feature_count_ = n;
  const char** names = nullptr;
  bst_ulong count = 0;
  CONFORM_XGB(XGBoosterGetStrFeatureInfo(booster_, "feature_name", &count, &names), "reading feature names");
  feature_names_.assign(names, names + count);
  // Names, when given, are one per feature the trees read.
  if (!feature_names_.empty() && feature_names_.size() != feature_count_)
    return Error(ErrorCode::kInvalidInput,
                 fmt::format("not a pair model: {} feature names for {} features", feature_names_.size(), feature_count_),
                 "make one with conform match-eval DIR --model-out FILE");
  CONFORM_XGB(XGBoosterGetAttr(booster_, kWordEvidenceAttr, &value, &found), "reading the word evidence");
  word_evidence_.reset();
  if (found) {
    auto evidence = WordEvidence::FromJson(value);
    if (!evidence.ok()) return Error(ErrorCode::kInvalidInput, "not a pair model: " + evidence.error().ToString());
    word_evidence_ = std::make_shared<const WordEvidence>(std::move(evidence).value());
  } else if (std::find(feature_names_.begin(), feature_names_.end(), kWordEvidenceFeature) != feature_names_.end()) {
    return Error(ErrorCode::kInvalidInput,
                 fmt::format("not a pair model: its trees read \"{}\" but it carries no word evidence", kWordEvidenceFeature),
                 "make one with conform match-eval DIR --model-out FILE");
  }
  return Status::Ok();
}

Result<std::string> MatchModel::SaveToBuffer() const {
  std::lock_guard<std::mutex> lock(*mutex_);
  if (Status s = StoreAttributes(); !s.ok()) return s.error();
  bst_ulong len = 0;
  const char* data = nullptr;
  CONFORM_XGB(XGBoosterSaveModelToBuffer(booster_, R"({"format": "json"})", &len, &data), "saving the model");
  return std::string(data, len);
}

Status MatchModel::Save(const std::string& path) const {
  auto data = SaveToBuffer();
  if (!data.ok()) return data.error();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << data.value();
  out.close();
  if (!out) return Error(ErrorCode::kIo, {Diagnostic{path, 0, 0, "cannot write the model", ""}});
  return Status::Ok();
}

Result<MatchModel> MatchModel::LoadFromBuffer(std::string_view data) {
  MatchModel model;
  BoosterHandle booster = nullptr;
  CONFORM_XGB(XGBoosterCreate(nullptr, 0, &booster), "creating a booster");
  model.booster_ = booster;
  // XGBoost's own refusal of a file that is not its model is a C++ stack
  // trace, or an exception's name: read the document first and say what it
  // lacks.
  const auto refuse = [](std::string_view why) {
    return Error(ErrorCode::kInvalidInput, fmt::format("not a pair model: {}", why), "make one with conform match-eval DIR --model-out FILE");
  };
  nlohmann::json doc = nlohmann::json::parse(data.begin(), data.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) doc = nlohmann::json::from_ubjson(data.begin(), data.end(), /*strict=*/true, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return refuse(data.empty() ? "the file is empty" : "neither JSON nor UBJSON (is the file cut short?)");
  if (!doc.is_object() || !doc.contains("learner") || !doc["learner"].is_object())
    return refuse("no \"learner\" object (not an XGBoost model file)");
  if (XGBoosterLoadModelFromBuffer(booster, data.data(), data.size()) != 0) {
    std::string why = XGBGetLastError();
    why = why.substr(0, why.find('\n'));  // the first line, without the stack
    return refuse(fmt::format("XGBoost cannot read it: {}", why));
  }
  if (Status s = model.ReadAttributes(); !s.ok()) return s.error();
  model.Compile();
  return model;
}

Result<MatchModel> MatchModel::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Error(ErrorCode::kNotFound, {Diagnostic{path, 0, 0, fmt::format("cannot open the model file: {}", std::strerror(errno)),
                                                   "give a model written by conform match-eval DIR --model-out FILE"}});
  std::ostringstream text;
  text << in.rdbuf();
  auto model = LoadFromBuffer(text.str());
  if (!model.ok()) return Error(model.error().code(), {Diagnostic{path, 0, 0, model.error().ToString(), ""}});
  return model;
}

Result<std::vector<std::pair<std::string, double>>> MatchModel::FeatureGains() const {
  std::lock_guard<std::mutex> lock(*mutex_);
  bst_ulong n = 0, dim = 0;
  const char** names = nullptr;
  const bst_ulong* shape = nullptr;
  const float* scores = nullptr;
  CONFORM_XGB(XGBoosterFeatureScore(booster_, R"({"importance_type": "total_gain"})", &n, &names, &dim, &shape, &scores),
              "scoring features");
  std::vector<std::pair<std::string, double>> gains;
  for (bst_ulong i = 0; i < n; ++i) gains.emplace_back(names[i], scores[i]);
  std::sort(gains.begin(), gains.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  return gains;
}

}  // namespace conform::recalls
