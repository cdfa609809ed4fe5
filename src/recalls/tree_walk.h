// The tree walks TreeEnsemble dispatches to, one per instruction set, over
// the arrays it compiles. Internal to the library.
#ifndef CONFORM_RECALLS_TREE_WALK_H_
#define CONFORM_RECALLS_TREE_WALK_H_

#include <cstddef>
#include <cstdint>

namespace conform::recalls::tree_walk {

// Trees stored in groups of kGroup, every tree complete at `depth` levels
// (see TreeEnsemble), sn = 2^depth - 1 splits and 2^depth leaves each.
// Splits are 8 bytes: the float condition, then a uint32 feature index whose
// bit 31 (kDefaultLeft) sends missing values left. A group holds
// GroupSplits(depth) of them from splits + group * GroupSplits(depth): first
// the top positions p < top = TopSplits(depth) of its trees interleaved
// (tree k's at p * kGroup + k), so that a vector walk loads them side by
// side; then every tree's own sn splits, all positions again, tree k's
// position p at TreeSplit(depth, k, p), which the walks read below the top
// levels (the scalar walk has its own copy). Leaf j of tree k is leaves[(group * kGroup + k) * 2^depth
// + j]. The last group is padded with trees whose splits are all zero and
// whose leaves are never added.
inline constexpr size_t kGroup = 16;
inline constexpr uint32_t kDefaultLeft = 0x80000000u;
inline constexpr int kTopLevels = 3;

// Splits in the interleaved top levels: 7, or all of a shallower tree's.
constexpr uint32_t TopSplits(int depth) { return (1u << (depth < kTopLevels ? depth : kTopLevels)) - 1; }

constexpr size_t GroupSplits(int depth) { return kGroup * (TopSplits(depth) + (1u << depth) - 1); }

// Where position p of tree k is in its own splits, from the group's first.
constexpr size_t TreeSplit(int depth, size_t k, uint32_t p) {
  return kGroup * TopSplits(depth) + k * ((1u << depth) - 1) + p;
}

struct Trees {
  const void* splits;
  const float* leaves;
  size_t tree_count;  // real trees, without the padding
  int depth;
  size_t feature_count;
  float base_margin;
};

// margins[i] = the base margin plus the leaf of every tree for the row at
// rows + i * stride, added one by one in tree order in float. Only call
// when the processor has the instruction set (Has*).
void MarginsAvx2(const Trees& trees, const float* rows, size_t row_count, size_t stride, float* margins);
void MarginsAvx512(const Trees& trees, const float* rows, size_t row_count, size_t stride, float* margins);
bool HasAvx2();
bool HasAvx512();

}  // namespace conform::recalls::tree_walk

#endif  // CONFORM_RECALLS_TREE_WALK_H_
