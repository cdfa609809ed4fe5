// A trained XGBoost tree ensemble compiled into flat arrays, to score pairs
// without calling into XGBoost.
//
// XGBoost's prediction call costs microseconds of set-up per call (a matrix
// to build, a lock, buffers), which dominates when a listing's few candidate
// pairs are scored at a time. This evaluator walks the same trees over plain
// arrays and gives the same probabilities: a row goes left where
// value < split_condition, a missing value (NaN) follows the node's default
// direction, the margin starts at the base score's logit and adds each
// tree's leaf in float in tree order, and the probability is XGBoost's float
// sigmoid of the margin. Only binary:logistic gbtree models with numerical
// splits are accepted.
//
// A TreeEnsemble is immutable once built: every method is const and safe to
// call from any number of threads at once.
#ifndef CONFORM_RECALLS_TREE_ENSEMBLE_H_
#define CONFORM_RECALLS_TREE_ENSEMBLE_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "conform/core/result.h"

namespace conform::recalls {

class TreeEnsemble {
 public:
  // Compiles the trees of the first `rounds` boosting rounds (each round's
  // num_parallel_tree trees; 0 or more rounds than the model has: all of
  // them) of an XGBoost model saved as UBJSON or JSON. UBJSON keeps the
  // split conditions as the exact float32 values XGBoost compares against;
  // JSON holds them as decimal text, which round-trips in practice but is
  // not guaranteed to. Error (kInvalidInput) for anything but a gbtree
  // booster with the binary:logistic objective, categorical splits, vector
  // leaves, or a model the node layout cannot hold (over 32767 features or
  // 65535 nodes in a tree).
  static Result<TreeEnsemble> FromModel(std::string_view model, int rounds = 0);

  // The match probability of one row of feature_count() values.
  float PredictRow(const float* row) const;

  // Probabilities of `rows` rows, row i at rows + i * stride (stride >=
  // feature_count()), written to out[i]; the same values PredictRow gives.
  void Predict(const float* rows, size_t row_count, size_t stride, float* out) const;

  // The margin (log odds) of one row, before the sigmoid.
  float PredictMargin(const float* row) const;

  size_t feature_count() const { return feature_count_; }
  size_t tree_count() const { return tree_roots_.size(); }
  size_t node_count() const { return nodes_.size(); }
  float base_margin() const { return base_margin_; }

 private:
  // 8 bytes, so a depth-6 tree (at most 127 nodes) fits in about 1 KiB.
  // A split's children sit side by side at this + child and this + child
  // + 1 (breadth-first order keeps them within 65535 nodes); a leaf has
  // child == 0 and its value in `value`.
  struct Node {
    float value;       // split condition, or leaf value
    uint16_t child;    // distance to the left child; 0 for a leaf
    uint16_t feature;  // feature index; kDefaultLeft set when missing goes left
  };
  static constexpr uint16_t kDefaultLeft = 0x8000;

  TreeEnsemble() = default;
  static const Node* Step(const Node* node, const float* row);

  std::vector<Node> nodes_;          // every tree, breadth first, one after another
  std::vector<uint32_t> tree_roots_; // each tree's first node in nodes_
  std::vector<uint16_t> tree_depths_;  // splits on each tree's longest path
  size_t feature_count_ = 0;
  float base_margin_ = 0;
};

}  // namespace conform::recalls

#endif  // CONFORM_RECALLS_TREE_ENSEMBLE_H_
