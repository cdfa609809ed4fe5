// A trained XGBoost tree ensemble compiled into flat arrays, to score pairs
// without calling into XGBoost.
//
// XGBoost's prediction call costs tens of microseconds of set-up per call (a
// DMatrix to build, thread and buffer set-up), which dominates when a
// listing's few candidate pairs are scored at a time. This evaluator walks
// the same trees over plain arrays and gives the same probabilities: a row
// goes left where value < split_condition, a missing value (NaN) follows the
// node's default direction, the margin starts at the base score's logit and
// adds each tree's leaf in float in tree order, and the probability is
// XGBoost's float sigmoid of the margin. Only binary:logistic gbtree models
// with numerical splits are accepted.
//
// A TreeEnsemble is immutable once built: every method is const and safe to
// call from any number of threads at once.
#ifndef CONFORM_RECALLS_TREE_ENSEMBLE_H_
#define CONFORM_RECALLS_TREE_ENSEMBLE_H_

#include <cstddef>
#include <cstdint>
#include <new>
#include <string_view>
#include <vector>

#include "conform/core/result.h"

namespace conform::recalls {

class TreeEnsemble {
 public:
  // Trees deeper than this are refused: every tree is padded to the
  // deepest one's depth, 2^depth leaves each.
  static constexpr int kMaxDepth = 10;

  // Compiles the trees of the first `rounds` boosting rounds (each round's
  // num_parallel_tree trees; 0 or more rounds than the model has: all of
  // them) of an XGBoost model saved as UBJSON or JSON. UBJSON keeps the
  // split conditions as the exact float32 values XGBoost compares against;
  // JSON holds them as decimal text, which round-trips in practice but is
  // not guaranteed to. Error (kInvalidInput) for anything but a gbtree
  // booster with the binary:logistic objective, categorical splits, vector
  // leaves, more than 32767 features, or trees deeper than kMaxDepth.
  static Result<TreeEnsemble> FromModel(std::string_view model, int rounds = 0);

  // The instruction sets a walk can use; every one gives the same bits.
  enum class Isa { kScalar, kAvx2, kAvx512 };

  // `isa` when the processor runs it, else the widest below it that it does.
  static Isa Usable(Isa isa);
  // What the methods without an Isa use: the widest the processor runs,
  // capped by the environment variable CONFORM_TREE_ISA (scalar, avx2 or
  // avx512) when it is set, read once.
  static Isa DefaultIsa();

  // The match probability of one row of feature_count() values.
  float PredictRow(const float* row) const;

  // Probabilities of `rows` rows, row i at rows + i * stride (stride >=
  // feature_count()), written to out[i]; the same values PredictRow gives,
  // whatever the Isa.
  void Predict(const float* rows, size_t row_count, size_t stride, float* out) const {
    Predict(rows, row_count, stride, out, DefaultIsa());
  }
  void Predict(const float* rows, size_t row_count, size_t stride, float* out, Isa isa) const;

  // The margin (log odds) of one row, before the sigmoid.
  float PredictMargin(const float* row) const;
  // Margins of `rows` rows as Predict lays them out.
  void PredictMargins(const float* rows, size_t row_count, size_t stride, float* out, Isa isa) const;

  size_t feature_count() const { return feature_count_; }
  size_t tree_count() const { return tree_count_; }
  int depth() const { return depth_; }  // of every tree, once padded
  float base_margin() const { return base_margin_; }

 private:
  // Every tree is stored complete, at the ensemble's depth, in heap order:
  // the children of node p are 2p + 1 and 2p + 2, so a walk is `depth`
  // branch-free steps with no leaf test and no child links. A leaf XGBoost
  // grew above that depth becomes splits whose every leaf holds its value.
  // Trees are kept in groups of kGroup (the lanes of an AVX-512 register).
  // A group holds its trees' top three levels interleaved, position p of
  // tree k at p * kGroup + k, so that a vector walk loads those levels'
  // splits side by side; then each tree's splits, all of them, in one place,
  // for the levels below (the top levels are thus stored twice, 7 splits a
  // tree more). Leaves are each tree's own. The last group is padded with
  // trees that are walked and never added. The scalar walk reads its own
  // copy of the splits (scalar_splits_). 8 bytes a split: a depth-6 tree is
  // 70 + 63 splits and 64 leaves, 1,320 bytes. src/recalls/tree_walk.h has
  // the exact layout the vector walks read.
  struct Split {
    float condition;
    uint32_t feature;  // feature index; kDefaultLeft set when missing goes left
  };
  static constexpr uint32_t kDefaultLeft = 0x80000000u;
  static constexpr size_t kGroup = 16;
  // Trees of one row the scalar walk advances side by side: independent
  // chains of loads that the processor overlaps.
  static constexpr size_t kLanes = 16;

  // Allocates on cache-line boundaries, so that a group's 8 trees' splits at
  // one position are one line, and a 64-byte load of them crosses none.
  template <class T>
  struct LineAligned {
    using value_type = T;
    LineAligned() = default;
    template <class U>
    LineAligned(const LineAligned<U>&) {}
    T* allocate(size_t n) { return static_cast<T*>(::operator new(n * sizeof(T), std::align_val_t(64))); }
    void deallocate(T* p, size_t) { ::operator delete(p, std::align_val_t(64)); }
    template <class U>
    bool operator==(const LineAligned<U>&) const { return true; }
  };

  TreeEnsemble() = default;
  // The margin of a row widened for the scalar walk (see scalar_splits_).
  template <int kDepth>
  float ScalarMargin(const float* wide_row) const;
  void ScalarMargins(const float* rows, size_t row_count, size_t stride, float* out) const;

  // Group g's from g * kGroup * (top + splits_per_tree_), top the 7 splits of
  // the top levels (all of a tree under 3 levels).
  std::vector<Split, LineAligned<Split>> splits_;
  std::vector<float, LineAligned<float>> leaves_;  // tree t's at t * leaves_per_tree_
  // The same splits for the scalar walk: tree t's in heap order from
  // t * splits_per_tree_, each feature index pointing into the row widened
  // to twice feature_count_ values, a missing value written as +inf in the
  // first half and -inf in the second. A node that sends missing values
  // right reads feature f, one that sends them left reads feature_count_ +
  // f, and the plain comparison value < condition (conditions are finite)
  // then sends a missing value the node's way with no test of its own.
  std::vector<Split> scalar_splits_;
  size_t tree_count_ = 0;  // without the padding
  int depth_ = 0;
  uint32_t splits_per_tree_ = 0;  // 2^depth - 1
  uint32_t leaves_per_tree_ = 1;  // 2^depth
  size_t feature_count_ = 0;
  float base_margin_ = 0;
};

}  // namespace conform::recalls

#endif  // CONFORM_RECALLS_TREE_ENSEMBLE_H_
