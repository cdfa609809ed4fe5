#include "conform/recalls/word_evidence.h"

#include <fmt/format.h>
#include <linear.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>

#include "conform/recalls/text_similarity.h"

namespace conform::recalls {

namespace {

// liblinear reports its iterations on standard output unless told not to.
void Quiet(const char*) {}

// Calls f(word, shared) for each word of the union of two sorted distinct
// lists, shared when both hold it.
template <typename F>
void ForEachWord(const WordList& a, const WordList& b, F&& f) {
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i] < b[j])) {
      f(a[i++], false);
    } else if (i == a.size() || b[j] < a[i]) {
      f(b[j++], false);
    } else {
      f(a[i], true);
      ++i, ++j;
    }
  }
}

}  // namespace

Result<WordEvidence> WordEvidence::Train(const std::vector<WordPairExample>& examples, double c) {
  size_t positives = 0;
  for (const auto& e : examples) positives += e.label == 1;
  if (positives == 0 || positives == examples.size())
    return Error(ErrorCode::kInvalidInput,
                 fmt::format("word evidence needs matches and non-matches; {} of {} pairs are matches", positives, examples.size()));
  if (!(c > 0)) return Error(ErrorCode::kInvalidInput, fmt::format("the regularisation constant must be positive, not {}", c));

  // Column 2k+1 is word k shared, 2k+2 word k on one side; liblinear counts
  // from 1 and wants each row's columns ascending.
  std::map<std::string, int, std::less<>> vocabulary;
  for (const auto& e : examples)
    ForEachWord(*e.left, *e.right, [&](std::string_view w, bool) { vocabulary.emplace(std::string(w), 0); });
  int next = 0;
  for (auto& [word, k] : vocabulary) k = next++;

  std::vector<std::vector<feature_node>> rows(examples.size());
  std::vector<feature_node*> row_pointers(examples.size());
  std::vector<double> labels(examples.size());
  const int columns = 2 * next;
  for (size_t i = 0; i < examples.size(); ++i) {
    auto& row = rows[i];
    ForEachWord(*examples[i].left, *examples[i].right, [&](std::string_view w, bool shared) {
      const int k = vocabulary.find(w)->second;
      row.push_back(feature_node{2 * k + (shared ? 1 : 2), 1.0});
    });
    std::sort(row.begin(), row.end(), [](const feature_node& x, const feature_node& y) { return x.index < y.index; });
    row.push_back(feature_node{columns + 1, 1.0});  // the bias column (prob.bias)
    row.push_back(feature_node{-1, 0.0});
    row_pointers[i] = row.data();
    labels[i] = examples[i].label == 1 ? 1 : -1;
  }
  problem prob{};
  prob.l = static_cast<int>(examples.size());
  prob.n = columns + 1;
  prob.y = labels.data();
  prob.x = row_pointers.data();
  prob.bias = 1;
  parameter param{};
  param.solver_type = L2R_LR;
  param.C = c;
  param.eps = 0.01;  // liblinear's default for this solver
  param.p = 0.1;
  // A process-wide setting of liblinear's: set once, as trainings may run
  // side by side.
  static std::once_flag quiet;
  std::call_once(quiet, [] { set_print_string_function(&Quiet); });
  if (const char* why = check_parameter(&prob, &param))
    return Error(ErrorCode::kInternal, fmt::format("liblinear refused the word evidence problem: {}", why));
  model* m = train(&prob, &param);
  if (m == nullptr) return Error(ErrorCode::kInternal, "liblinear trained no word evidence model");
  // liblinear numbers the classes in the order met; w predicts the first.
  const double sign = m->label[0] == 1 ? 1.0 : -1.0;
  WordEvidence out;
  out.words_.reserve(vocabulary.size());
  out.weights_.reserve(vocabulary.size());
  for (const auto& [word, k] : vocabulary) {
    out.words_.push_back(word);
    out.weights_.push_back(Weights{static_cast<float>(sign * m->w[2 * k]), static_cast<float>(sign * m->w[2 * k + 1])});
  }
  out.bias_ = sign * m->w[columns];
  free_and_destroy_model(&m);
  out.Index();
  return out;
}

void WordEvidence::Index() {
  const size_t slots = std::bit_ceil(std::max<size_t>(8, 2 * words_.size()));
  table_.assign(slots, Slot{});
  mask_ = slots - 1;
  for (size_t k = 0; k < words_.size(); ++k) {
    const uint64_t h = HashTerm(words_[k]);
    uint64_t at = h & mask_;
    while (table_[at].index != 0) at = (at + 1) & mask_;
    table_[at] = Slot{h, static_cast<uint32_t>(k + 1)};
  }
}

WordEvidence::Weights WordEvidence::Of(std::string_view word) const {
  if (table_.empty()) return {};
  const uint64_t h = HashTerm(word);
  for (uint64_t at = h & mask_; table_[at].index != 0; at = (at + 1) & mask_)
    if (table_[at].hash == h) return weights_[table_[at].index - 1];
  return {};
}

double WordEvidence::LogOdds(const WordList& left, const WordList& right) const {
  double sum = bias_;
  ForEachWord(left, right, [&](std::string_view w, bool shared) {
    const Weights weights = Of(w);
    sum += shared ? weights.shared : weights.one_side;
  });
  return sum;
}

std::string WordEvidence::ToJson() const {
  // Written by hand rather than through a JSON object: the words stay in
  // their sorted order. Nine significant digits give a float back exactly
  // (and seventeen a double), so a loaded model computes the very values
  // its trees were trained on.
  std::string out = fmt::format("{{\"bias\":{:.17g},\"words\":{{", bias_);
  for (size_t k = 0; k < words_.size(); ++k) {
    if (k > 0) out += ',';
    out += nlohmann::json(words_[k]).dump();
    out += fmt::format(":[{:.9g},{:.9g}]", weights_[k].shared, weights_[k].one_side);
  }
  out += "}}";
  return out;
}

Result<WordEvidence> WordEvidence::FromJson(std::string_view json) {
  const auto fail = [](const std::string& what) {
    return Error(ErrorCode::kInvalidInput, "not word evidence: " + what,
                 "make the model with conform match-eval DIR --model-out FILE");
  };
  const nlohmann::json doc = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) return fail("not a JSON object");
  if (!doc.contains("bias") || !doc["bias"].is_number()) return fail("no number \"bias\"");
  if (!doc.contains("words") || !doc["words"].is_object()) return fail("no object \"words\"");
  WordEvidence out;
  out.bias_ = doc["bias"].get<double>();
  for (const auto& [word, w] : doc["words"].items()) {
    if (!w.is_array() || w.size() != 2 || !w[0].is_number() || !w[1].is_number())
      return fail(fmt::format("the weights of \"{}\" are not two numbers", word));
    out.words_.push_back(word);
    out.weights_.push_back(Weights{w[0].get<float>(), w[1].get<float>()});
  }
  if (!std::isfinite(out.bias_)) return fail("the bias is not finite");
  for (size_t k = 0; k < out.weights_.size(); ++k)
    if (!std::isfinite(out.weights_[k].shared) || !std::isfinite(out.weights_[k].one_side))
      return fail(fmt::format("a weight of \"{}\" is not finite", out.words_[k]));
  // nlohmann's object keeps its keys sorted; say so rather than rely on it.
  if (!std::is_sorted(out.words_.begin(), out.words_.end())) return fail("words out of order");
  out.Index();
  return out;
}

}  // namespace conform::recalls
