// The tree walks TreeEnsemble dispatches to, one per instruction set, over
// the arrays it compiles. Internal to the library.
#ifndef CONFORM_RECALLS_TREE_WALK_H_
#define CONFORM_RECALLS_TREE_WALK_H_

#include <cstddef>
#include <cstdint>

namespace conform::recalls::tree_walk {

// Trees stored in groups of kGroup, every tree complete at `depth` levels
// (see TreeEnsemble). Within a group the trees are interleaved: split
// position p of the group's tree k is splits[group * kGroup * (2^depth - 1)
// + p * kGroup + k], leaf j of it leaves[group * kGroup * 2^depth + j * kGroup
// + k]. A split is 8 bytes: the float condition, then a uint32 feature index
// whose bit 31 (kDefaultLeft) sends missing values left. The last group is
// padded with trees whose splits are all zero and whose leaves are never
// added.
inline constexpr size_t kGroup = 16;
inline constexpr uint32_t kDefaultLeft = 0x80000000u;

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
