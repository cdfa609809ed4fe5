#include "conform/recalls/tree_ensemble.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

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
  ensemble.tree_roots_.reserve(use);
  std::vector<long> order;
  for (size_t t = 0; t < use; ++t) {
    auto raw = ReadTree((*trees)[t], t);
    if (!raw.ok()) return raw.error();
    const RawTree& r = raw.value();
    const long n = static_cast<long>(r.left.size());
    if (n > 0xffff) return Invalid(fmt::format("tree {} has {} nodes", t, n));
    // Breadth first from the root, both children of a split side by side.
    // A node reached twice (a cycle or shared child in a malformed model) is
    // refused, so the walk ends and the tree is at most 32767 splits deep.
    order.assign(1, 0);
    std::vector<long> placed(n, -1);
    std::vector<int> depth(n, 0);
    int tree_depth = 0;
    placed[0] = 0;
    const size_t root = ensemble.nodes_.size();
    ensemble.tree_roots_.push_back(static_cast<uint32_t>(root));
    for (size_t k = 0; k < order.size(); ++k) {
      const long i = order[k];
      Node node{r.condition[i], 0, 0};
      const bool leaf = r.left[i] == -1;
      if (leaf != (r.right[i] == -1)) return Invalid(fmt::format("tree {} node {} has one child", t, i));
      if (!leaf) {
        const long a = r.left[i], b = r.right[i];
        if (a <= 0 || b <= 0 || a >= n || b >= n || placed[a] != -1 || placed[b] != -1)
          return Invalid(fmt::format("tree {} node {} has bad children", t, i));
        if (r.feature[i] < 0 || r.feature[i] >= feature_count)
          return Invalid(fmt::format("tree {} node {} splits on feature {}", t, i, r.feature[i]));
        placed[a] = static_cast<long>(order.size());
        placed[b] = placed[a] + 1;
        order.push_back(a);
        order.push_back(b);
        depth[a] = depth[b] = depth[i] + 1;
        tree_depth = std::max(tree_depth, depth[a]);
        // The children come after the node in breadth-first order.
        node.child = static_cast<uint16_t>(placed[a] - static_cast<long>(k));
        node.feature = static_cast<uint16_t>(r.feature[i]) | (r.default_left[i] ? kDefaultLeft : 0);
      }
      ensemble.nodes_.push_back(node);
    }
    ensemble.tree_depths_.push_back(static_cast<uint16_t>(tree_depth));
  }
  return ensemble;
}

// One step down from `node`, or `node` itself at a leaf, so that several
// walks can advance in lockstep for their deepest tree's depth.
inline const TreeEnsemble::Node* TreeEnsemble::Step(const Node* node, const float* row) {
  const float v = row[node->feature & ~kDefaultLeft];
  // Right unless v < condition; a NaN fails the comparison, so it goes
  // right unless the node sends missing values left.
  const unsigned right = !(v < node->value) ^ (std::isnan(v) & (node->feature >> 15));
  const Node* next = node + node->child + right;
  return node->child == 0 ? node : next;
}

float TreeEnsemble::PredictMargin(const float* row) const {
  // Four trees walked at once: their loads do not wait on each other.
  float margin = base_margin_;
  const Node* nodes = nodes_.data();
  const size_t n = tree_roots_.size();
  size_t t = 0;
  for (; t + 4 <= n; t += 4) {
    const Node* n0 = nodes + tree_roots_[t];
    const Node* n1 = nodes + tree_roots_[t + 1];
    const Node* n2 = nodes + tree_roots_[t + 2];
    const Node* n3 = nodes + tree_roots_[t + 3];
    const int depth = std::max(std::max(tree_depths_[t], tree_depths_[t + 1]), std::max(tree_depths_[t + 2], tree_depths_[t + 3]));
    for (int d = 0; d < depth; ++d) {
      n0 = Step(n0, row);
      n1 = Step(n1, row);
      n2 = Step(n2, row);
      n3 = Step(n3, row);
    }
    margin += n0->value;
    margin += n1->value;
    margin += n2->value;
    margin += n3->value;
  }
  for (; t < n; ++t) {
    const Node* node = nodes + tree_roots_[t];
    for (int d = 0; d < tree_depths_[t]; ++d) node = Step(node, row);
    margin += node->value;
  }
  return margin;
}

namespace {

// XGBoost's float sigmoid, with its guard against expf overflow.
float Sigmoid(float margin) {
  const float x = std::min(-margin, 88.7f);
  return 1.0f / (std::exp(x) + 1.0f + 1e-16f);
}

}  // namespace

float TreeEnsemble::PredictRow(const float* row) const { return Sigmoid(PredictMargin(row)); }

void TreeEnsemble::Predict(const float* rows, size_t row_count, size_t stride, float* out) const {
  // Tree by tree over a block of rows, four rows walking at once, so each
  // tree stays in L1 while the block walks it. Rows left over from the
  // fours go one at a time, four trees at once; both add the leaves in tree
  // order, so every row gets what PredictRow gives it.
  constexpr size_t kBlock = 64;
  const Node* nodes = nodes_.data();
  float margin[kBlock];
  const size_t fours = row_count / 4 * 4;
  for (size_t begin = 0; begin < fours; begin += kBlock) {
    const size_t n = std::min(kBlock, fours - begin);
    const float* block = rows + begin * stride;
    std::fill(margin, margin + n, base_margin_);
    for (size_t t = 0; t < tree_roots_.size(); ++t) {
      const Node* tree = nodes + tree_roots_[t];
      const int depth = tree_depths_[t];
      for (size_t i = 0; i < n; i += 4) {
        const float* r = block + i * stride;
        const Node *n0 = tree, *n1 = tree, *n2 = tree, *n3 = tree;
        for (int d = 0; d < depth; ++d) {
          n0 = Step(n0, r);
          n1 = Step(n1, r + stride);
          n2 = Step(n2, r + 2 * stride);
          n3 = Step(n3, r + 3 * stride);
        }
        margin[i] += n0->value;
        margin[i + 1] += n1->value;
        margin[i + 2] += n2->value;
        margin[i + 3] += n3->value;
      }
    }
    for (size_t i = 0; i < n; ++i) out[begin + i] = Sigmoid(margin[i]);
  }
  for (size_t i = fours; i < row_count; ++i) out[i] = PredictRow(rows + i * stride);
}

}  // namespace conform::recalls
