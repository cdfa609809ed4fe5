#include "conform/recalls/tree_ensemble.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>

#include "recalls/tree_walk.h"

namespace conform::recalls {

namespace {

using nlohmann::json;

Error Invalid(std::string_view what) {
  return Error(ErrorCode::kInvalidInput, fmt::format("cannot compile the tree model: {}", what));
}

// XGBoost writes its parameters as strings ("5E-1", "4").
bool ParseFloat(const json& v, float* out) {
  if (v.is_number()) {
    *out = v.get<float>();
    return true;
  }
  if (!v.is_string()) return false;
  const std::string& s = v.get_ref<const std::string&>();
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size();
}

bool ParseInt(const json& v, long* out) {
  if (v.is_number_integer()) {
    *out = v.get<long>();
    return true;
  }
  if (!v.is_string()) return false;
  const std::string& s = v.get_ref<const std::string&>();
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size();
}

const json* Find(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

// The node arrays of one tree as XGBoost stores them.
struct RawTree {
  std::vector<long> left, right, feature;
  std::vector<float> condition;
  std::vector<bool> default_left;
  int depth = 0;  // splits on the longest path
};

Result<RawTree> ReadTree(const json& tree, size_t index) {
  const auto bad = [index](std::string_view what) { return Invalid(fmt::format("tree {}: {}", index, what)); };
  RawTree raw;
  const json* left = Find(tree, "left_children");
  const json* right = Find(tree, "right_children");
  const json* feature = Find(tree, "split_indices");
  const json* condition = Find(tree, "split_conditions");
  const json* default_left = Find(tree, "default_left");
  if (left == nullptr || right == nullptr || feature == nullptr || condition == nullptr || default_left == nullptr ||
      !left->is_array() || !right->is_array() || !feature->is_array() || !condition->is_array() || !default_left->is_array())
    return bad("node arrays missing");
  const size_t n = left->size();
  if (n == 0 || right->size() != n || feature->size() != n || condition->size() != n || default_left->size() != n)
    return bad("node arrays of different lengths");
  if (const json* p = Find(tree, "tree_param")) {
    long leaf_vector = 0;
    if (const json* s = Find(*p, "size_leaf_vector"); s != nullptr && ParseInt(*s, &leaf_vector) && leaf_vector > 1)
      return bad("vector leaves (multiple targets)");
  }
  if (const json* types = Find(tree, "split_type"); types != nullptr && types->is_array())
    for (const json& t : *types)
      if (!t.is_number() || t.get<int>() != 0) return bad("categorical splits");
  if (const json* cats = Find(tree, "categories"); cats != nullptr && cats->is_array() && !cats->empty())
    return bad("categorical splits");
  raw.left.resize(n);
  raw.right.resize(n);
  raw.feature.resize(n);
  raw.condition.resize(n);
  raw.default_left.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const json& d = (*default_left)[i];
    if (!ParseInt((*left)[i], &raw.left[i]) || !ParseInt((*right)[i], &raw.right[i]) ||
        !ParseInt((*feature)[i], &raw.feature[i]) || !(*condition)[i].is_number() || !(d.is_number() || d.is_boolean()))
      return bad("a node field is not a number");
    // Float32 from UBJSON converts to double and back exactly.
    raw.condition[i] = static_cast<float>((*condition)[i].get<double>());
    raw.default_left[i] = d.is_boolean() ? d.get<bool>() : d.get<double>() != 0;
  }
  return raw;
}

}  // namespace

Result<TreeEnsemble> TreeEnsemble::FromModel(std::string_view model, int rounds) {
  // XGBoost's own test: JSON text opens with {" while UBJSON follows { with a
  // length marker.
  size_t first = model.find_first_not_of(" \t\r\n");
  size_t second = first == std::string_view::npos ? first : model.find_first_not_of(" \t\r\n", first + 1);
  const bool text = second != std::string_view::npos && model[first] == '{' && (model[second] == '"' || model[second] == '}');
  json doc = text ? json::parse(model.begin(), model.end(), nullptr, false)
                  : json::from_ubjson(model.begin(), model.end(), true, false);
  if (doc.is_discarded()) return Invalid(text ? "not valid JSON" : "not valid UBJSON");

  const json* learner = Find(doc, "learner");
  if (learner == nullptr) return Invalid("no learner");
  const json* objective = Find(*learner, "objective");
  const json* objective_name = objective == nullptr ? nullptr : Find(*objective, "name");
  if (objective_name == nullptr || !objective_name->is_string()) return Invalid("no objective");
  if (*objective_name != "binary:logistic")
    return Invalid(fmt::format("objective {}, not binary:logistic", objective_name->get<std::string>()));
  const json* booster = Find(*learner, "gradient_booster");
  const json* booster_name = booster == nullptr ? nullptr : Find(*booster, "name");
  if (booster_name == nullptr || !booster_name->is_string()) return Invalid("no booster");
  if (*booster_name != "gbtree") return Invalid(fmt::format("booster {}, not gbtree", booster_name->get<std::string>()));

  const json* params = Find(*learner, "learner_model_param");
  if (params == nullptr) return Invalid("no learner_model_param");
  float base_score = 0;
  long feature_count = 0, classes = 0, targets = 1;
  const json* base = Find(*params, "base_score");
  const json* features = Find(*params, "num_feature");
  if (base == nullptr || !ParseFloat(*base, &base_score) || features == nullptr || !ParseInt(*features, &feature_count))
    return Invalid("no base_score or num_feature");
  if (const json* c = Find(*params, "num_class"); c != nullptr && ParseInt(*c, &classes) && classes > 1)
    return Invalid("more than one class");
  if (const json* t = Find(*params, "num_target"); t != nullptr && ParseInt(*t, &targets) && targets > 1)
    return Invalid("more than one target");
  if (feature_count <= 0 || feature_count > 0x7fff) return Invalid(fmt::format("{} features", feature_count));
  if (!(base_score > 0 && base_score < 1)) return Invalid("base_score outside (0, 1)");

  const json* gbtree = Find(*booster, "model");
  const json* trees = gbtree == nullptr ? nullptr : Find(*gbtree, "trees");
  if (trees == nullptr || !trees->is_array()) return Invalid("no trees");
  long parallel = 1;
  if (const json* p = Find(*gbtree, "gbtree_model_param"))
    if (const json* v = Find(*p, "num_parallel_tree"); v != nullptr && !ParseInt(*v, &parallel)) return Invalid("bad num_parallel_tree");
  if (parallel < 1) return Invalid("num_parallel_tree below 1");
  if (const json* info = Find(*gbtree, "tree_info"); info != nullptr && info->is_array())
    for (const json& group : *info)
      if (!group.is_number() || group.get<long>() != 0) return Invalid("trees for more than one output");

  size_t use = trees->size();
  if (rounds > 0) use = std::min(use, static_cast<size_t>(rounds) * static_cast<size_t>(parallel));

  TreeEnsemble ensemble;
  ensemble.feature_count_ = static_cast<size_t>(feature_count);
  // binary:logistic keeps base_score as a probability; the margin starts at
  // its logit, computed in float as XGBoost does.
  ensemble.base_margin_ = -std::log(1.0f / base_score - 1.0f);

  std::vector<RawTree> raw_trees;
  raw_trees.reserve(use);
  for (size_t t = 0; t < use; ++t) {
    auto raw = ReadTree((*trees)[t], t);
    if (!raw.ok()) return raw.error();
    RawTree& r = raw.value();
    // Breadth first from the root, checking every link: a node reached
    // twice (a cycle or a shared child in a malformed model) is refused,
    // so the fill below ends.
    const long n = static_cast<long>(r.left.size());
    std::vector<int> depth(n, -1);
    std::vector<long> queue = {0};
    depth[0] = 0;
    for (size_t k = 0; k < queue.size(); ++k) {
      const long i = queue[k];
      if ((r.left[i] == -1) != (r.right[i] == -1)) return Invalid(fmt::format("tree {} node {} has one child", t, i));
      if (r.left[i] == -1) continue;
      for (long c : {r.left[i], r.right[i]}) {
        if (c <= 0 || c >= n || depth[c] != -1) return Invalid(fmt::format("tree {} node {} has bad children", t, i));
        depth[c] = depth[i] + 1;
        queue.push_back(c);
      }
      if (r.feature[i] < 0 || r.feature[i] >= feature_count)
        return Invalid(fmt::format("tree {} node {} splits on feature {}", t, i, r.feature[i]));
      // XGBoost's cut points are finite; the scalar walk relies on it.
      if (!std::isfinite(r.condition[i]))
        return Invalid(fmt::format("tree {} node {} splits at {}, not a finite value", t, i, r.condition[i]));
      r.depth = std::max(r.depth, depth[i] + 1);
      if (r.depth > kMaxDepth) return Invalid(fmt::format("tree {} is deeper than {} levels", t, kMaxDepth));
    }
    ensemble.depth_ = std::max(ensemble.depth_, r.depth);
    raw_trees.push_back(std::move(r));
  }

  const int depth = ensemble.depth_;
  const size_t groups = (use + kGroup - 1) / kGroup;
  ensemble.tree_count_ = use;
  ensemble.leaves_per_tree_ = 1u << depth;
  ensemble.splits_per_tree_ = ensemble.leaves_per_tree_ - 1;
  // The padding trees: all-zero splits, all-zero leaves.
  ensemble.splits_.assign(groups * tree_walk::GroupSplits(depth), Split{0, 0});
  ensemble.leaves_.assign(groups * kGroup * ensemble.leaves_per_tree_, 0.0f);
  ensemble.scalar_splits_.assign(use * ensemble.splits_per_tree_, Split{0, 0});
  for (size_t t = 0; t < use; ++t) {
    const RawTree& r = raw_trees[t];
    const size_t group = t / kGroup, lane = t % kGroup;
    Split* group_splits = ensemble.splits_.data() + group * tree_walk::GroupSplits(depth);
    const uint32_t top = tree_walk::TopSplits(depth);
    const auto place = [&](uint32_t pos, Split split) {
      group_splits[tree_walk::TreeSplit(depth, lane, pos)] = split;
      if (pos < top) group_splits[pos * kGroup + lane] = split;
      const uint32_t feature = split.feature & ~kDefaultLeft;
      ensemble.scalar_splits_[t * ensemble.splits_per_tree_ + pos] =
          Split{split.condition, (split.feature & kDefaultLeft) ? static_cast<uint32_t>(feature_count) + feature : feature};
    };
    float* leaves = ensemble.leaves_.data() + t * ensemble.leaves_per_tree_;
    // (XGBoost node, heap position) pairs still to place, level by level.
    std::vector<std::pair<long, uint32_t>> level = {{0, 0}}, next;
    for (int d = 0; d < depth; ++d) {
      next.clear();
      for (const auto& [i, pos] : level) {
        if (r.left[i] == -1) {
          // A leaf above the bottom: a split that leads to it either way.
          place(pos, Split{0, 0});
          next.push_back({i, 2 * pos + 1});
          next.push_back({i, 2 * pos + 2});
        } else {
          place(pos, Split{r.condition[i], static_cast<uint32_t>(r.feature[i]) | (r.default_left[i] ? kDefaultLeft : 0)});
          next.push_back({r.left[i], 2 * pos + 1});
          next.push_back({r.right[i], 2 * pos + 2});
        }
      }
      level.swap(next);
    }
    // Every node at the bottom is a leaf; a leaf's value is its condition.
    for (const auto& [i, pos] : level) leaves[pos - ensemble.splits_per_tree_] = r.condition[i];
  }
  return ensemble;
}

namespace {

using Isa = TreeEnsemble::Isa;

Isa Widest() {
  if (tree_walk::HasAvx512()) return Isa::kAvx512;
  if (tree_walk::HasAvx2()) return Isa::kAvx2;
  return Isa::kScalar;
}

// XGBoost's float sigmoid, with its guard against expf overflow.
float Sigmoid(float margin) {
  const float x = std::min(-margin, 88.7f);
  return 1.0f / (std::exp(x) + 1.0f + 1e-16f);
}

}  // namespace

TreeEnsemble::Isa TreeEnsemble::Usable(Isa isa) {
  static const Isa widest = Widest();
  return std::min(isa, widest);
}

TreeEnsemble::Isa TreeEnsemble::DefaultIsa() {
  static const Isa chosen = [] {
    Isa cap = Isa::kAvx512;
    if (const char* env = std::getenv("CONFORM_TREE_ISA")) {
      if (std::strcmp(env, "scalar") == 0) cap = Isa::kScalar;
      if (std::strcmp(env, "avx2") == 0) cap = Isa::kAvx2;
    }
    return Usable(cap);
  }();
  return chosen;
}

namespace {

// `row`'s n values twice, as the scalar walk reads them (scalar_splits_):
// a missing value becomes +inf in the first copy, -inf in the second.
void WidenRow(const float* row, size_t n, float* wide) {
  constexpr float kInf = std::numeric_limits<float>::infinity();
  for (size_t f = 0; f < n; ++f) {
    const bool missing = std::isnan(row[f]);
    wide[f] = missing ? kInf : row[f];
    wide[n + f] = missing ? -kInf : row[f];
  }
}

}  // namespace

template <int kDepth>
float TreeEnsemble::ScalarMargin(const float* wide_row) const {
  // kLanes trees walked at once, each in its own splits: their loads do not
  // wait on each other. The leaves are added one by one in tree order, as
  // XGBoost adds them. kDepth is the trees' depth, or 0 to read it.
  const int depth = kDepth > 0 ? kDepth : depth_;
  const uint32_t sn = splits_per_tree_, ln = leaves_per_tree_;
  float margin = base_margin_;
  for (size_t first = 0; first < tree_count_; first += kLanes) {
    const size_t n = std::min(kLanes, tree_count_ - first);
    const Split* s = scalar_splits_.data() + first * sn;  // tree first + k at s + k * sn
    uint32_t at[kLanes] = {};
    // Right (2p + 2) unless value < condition (2p + 1). Written out in
    // both loops: GCC compiled a helper called here into a slower walk.
    if (n == kLanes) {
      for (int d = 0; d < depth; ++d)
        for (size_t k = 0; k < kLanes; ++k) {
          const Split& split = s[k * sn + at[k]];
          at[k] = 2 * at[k] + 1 + !(wide_row[split.feature] < split.condition);
        }
    } else {
      for (int d = 0; d < depth; ++d)
        for (size_t k = 0; k < n; ++k) {
          const Split& split = s[k * sn + at[k]];
          at[k] = 2 * at[k] + 1 + !(wide_row[split.feature] < split.condition);
        }
    }
    // Heap positions of leaves start at sn.
    const float* leaves = leaves_.data() + first * ln;
    for (size_t k = 0; k < n; ++k) margin += leaves[k * ln + at[k] - sn];
  }
  return margin;
}

void TreeEnsemble::ScalarMargins(const float* rows, size_t row_count, size_t stride, float* out) const {
  // Row by row: the sixteen trees walked at once keep the loads as busy as
  // walking several rows of one tree did.
  thread_local std::vector<float> wide;
  wide.resize(2 * feature_count_);
  float (TreeEnsemble::*margin)(const float*) const = &TreeEnsemble::ScalarMargin<0>;
  switch (depth_) {
    case 5: margin = &TreeEnsemble::ScalarMargin<5>; break;
    case 6: margin = &TreeEnsemble::ScalarMargin<6>; break;
    case 7: margin = &TreeEnsemble::ScalarMargin<7>; break;
    case 8: margin = &TreeEnsemble::ScalarMargin<8>; break;
    default: break;
  }
  for (size_t i = 0; i < row_count; ++i) {
    WidenRow(rows + i * stride, feature_count_, wide.data());
    out[i] = (this->*margin)(wide.data());
  }
}

void TreeEnsemble::PredictMargins(const float* rows, size_t row_count, size_t stride, float* out, Isa isa) const {
  const tree_walk::Trees trees{splits_.data(), leaves_.data(), tree_count_, depth_, feature_count_, base_margin_};
  switch (Usable(isa)) {
    case Isa::kAvx512: tree_walk::MarginsAvx512(trees, rows, row_count, stride, out); break;
    case Isa::kAvx2: tree_walk::MarginsAvx2(trees, rows, row_count, stride, out); break;
    case Isa::kScalar: ScalarMargins(rows, row_count, stride, out); break;
  }
}

float TreeEnsemble::PredictMargin(const float* row) const {
  float margin;
  PredictMargins(row, 1, feature_count_, &margin, DefaultIsa());
  return margin;
}

float TreeEnsemble::PredictRow(const float* row) const { return Sigmoid(PredictMargin(row)); }

void TreeEnsemble::Predict(const float* rows, size_t row_count, size_t stride, float* out, Isa isa) const {
  PredictMargins(rows, row_count, stride, out, isa);
  for (size_t i = 0; i < row_count; ++i) out[i] = Sigmoid(out[i]);
}

}  // namespace conform::recalls
