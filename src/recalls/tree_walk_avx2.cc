// 8 trees of one row walked in the lanes of AVX2 registers, half a group at
// a time: per level two 8-byte gathers of the lanes' splits, a gather of the
// row's values, and a compare. The leaves are then added to the margin one
// by one in tree order, so the sum is the scalar walk's to the bit. As in
// the AVX-512 walk, several rows go through a group of trees together.
#include "recalls/tree_walk.h"

#if defined(__x86_64__) && defined(__GNUC__)

#include <immintrin.h>

#define CONFORM_AVX2 __attribute__((target("avx2")))
#define CONFORM_AVX2_INLINE __attribute__((target("avx2"), always_inline)) inline

namespace conform::recalls::tree_walk {

namespace {

static_assert(kGroup == 16, "a group is two registers of trees");

// The 4 splits at position p from `half` on (see WalkGroups).
CONFORM_AVX2_INLINE __m256 Splits(const long long* half, int p) {
  return _mm256_loadu_ps(reinterpret_cast<const float*>(half + 16 * p));
}

// The turns of lanes 0-3 and 4-7, widened to the 64-bit lanes of their
// splits (blendv reads the top bit of each 32-bit half).
CONFORM_AVX2_INLINE __m256 TurnsOf0To3(__m256i turn) {
  return _mm256_castsi256_ps(_mm256_cvtepi32_epi64(_mm256_castsi256_si128(turn)));
}
CONFORM_AVX2_INLINE __m256 TurnsOf4To7(__m256i turn) {
  return _mm256_castsi256_ps(_mm256_cvtepi32_epi64(_mm256_extracti128_si256(turn, 1)));
}

// The leaves of kGroups consecutive groups, from group `first`, for each of
// kRows rows: leaf[g * kRows + r][k] is tree k of group first + g for row r.
// Each group is walked as two halves of 8 trees; all the walks advance
// level by level side by side, so that the latency of one's gathers is
// spent on the others. kDepth is the trees' depth, or 0 to read it from `t`.
template <int kDepth, int kRows, int kGroups>
CONFORM_AVX2_INLINE void WalkGroups(const Trees& t, size_t first, const float* rows, size_t stride, float (*leaf)[kGroup]) {
  constexpr int kWalks = 2 * kRows * kGroups;  // walk w: half w % 2 of row (w / 2) % kRows, group w / (2 kRows)
  const int depth = kDepth > 0 ? kDepth : t.depth;
  const uint32_t leaves_per_tree = 1u << depth, splits_per_tree = leaves_per_tree - 1;
  const __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
  const __m256i feature_bits = _mm256_set1_epi32(static_cast<int>(~kDefaultLeft));
  const __m256i two = _mm256_set1_epi32(2);
  // Below the top levels, heap position p of tree k is the group's split
  // p + deep[half][k % 8]; its leaf for position p is leaf p + leaf_at[..].
  __m256i deep[2], leaf_at[2];
  for (int h = 0; h < 2; ++h) {
    const __m256i k = _mm256_add_epi32(lane, _mm256_set1_epi32(8 * h));
    deep[h] = _mm256_add_epi32(_mm256_set1_epi32(static_cast<int>(TreeSplit(depth, 0, 0))),
                               _mm256_mullo_epi32(k, _mm256_set1_epi32(static_cast<int>(splits_per_tree))));
    leaf_at[h] = _mm256_sub_epi32(_mm256_mullo_epi32(k, _mm256_set1_epi32(static_cast<int>(leaves_per_tree))),
                                  _mm256_set1_epi32(static_cast<int>(splits_per_tree)));
  }
  const long long* splits[kGroups];
  for (int g = 0; g < kGroups; ++g)
    splits[g] = static_cast<const long long*>(t.splits) + (first + static_cast<size_t>(g)) * GroupSplits(depth);
  __m256i pos[kWalks];  // heap positions
  // Each walk's turns (all ones: left) at the last two levels, from which the
  // splits of levels 1 and 2 are chosen without gathers.
  __m256i turn[kWalks], last_turn[kWalks];
#pragma GCC unroll 16
  for (int w = 0; w < kWalks; ++w) {
    pos[w] = _mm256_setzero_si256();
    turn[w] = last_turn[w] = _mm256_setzero_si256();
  }
#pragma GCC unroll 10
  for (int d = 0; d < depth; ++d) {
#pragma GCC unroll 16
    for (int w = 0; w < kWalks; ++w) {
      const long long* s = splits[w / (2 * kRows)];
      const float* row = rows + static_cast<size_t>((w / 2) % kRows) * stride;
      // Position p's splits of this half's trees are at s + 16 p + 8 half.
      const long long* half = s + 8 * (w % 2);
      __m256 lo, hi;
      if (d == 0) {
        // Every lane at the root.
        lo = Splits(half, 0);
        hi = Splits(half + 4, 0);
      } else if (d == 1) {
        // Position 1 or 2, by the turn at the root.
        const __m256 l0_lo = TurnsOf0To3(turn[w]), l0_hi = TurnsOf4To7(turn[w]);
        lo = _mm256_blendv_ps(Splits(half, 2), Splits(half, 1), l0_lo);
        hi = _mm256_blendv_ps(Splits(half + 4, 2), Splits(half + 4, 1), l0_hi);
      } else if (d == 2) {
        // Position 3 to 6, by the turns at levels 0 and 1.
        const __m256 l0_lo = TurnsOf0To3(last_turn[w]), l0_hi = TurnsOf4To7(last_turn[w]);
        const __m256 l1_lo = TurnsOf0To3(turn[w]), l1_hi = TurnsOf4To7(turn[w]);
        lo = _mm256_blendv_ps(_mm256_blendv_ps(Splits(half, 6), Splits(half, 5), l1_lo),
                              _mm256_blendv_ps(Splits(half, 4), Splits(half, 3), l1_lo), l0_lo);
        hi = _mm256_blendv_ps(_mm256_blendv_ps(Splits(half + 4, 6), Splits(half + 4, 5), l1_hi),
                              _mm256_blendv_ps(Splits(half + 4, 4), Splits(half + 4, 3), l1_hi), l0_hi);
      } else {
        const __m256i at = _mm256_add_epi32(pos[w], deep[w % 2]);
        lo = _mm256_castsi256_ps(_mm256_i32gather_epi64(s, _mm256_castsi256_si128(at), 8));
        hi = _mm256_castsi256_ps(_mm256_i32gather_epi64(s, _mm256_extracti128_si256(at, 1), 8));
      }
      // Conditions and features out of the (condition, feature) pairs: the
      // shuffle leaves them in 64-bit blocks 0, 2, 1, 3.
      const __m256 condition =
          _mm256_castpd_ps(_mm256_permute4x64_pd(_mm256_castps_pd(_mm256_shuffle_ps(lo, hi, 0x88)), 0xd8));
      const __m256i feature =
          _mm256_castpd_si256(_mm256_permute4x64_pd(_mm256_castps_pd(_mm256_shuffle_ps(lo, hi, 0xdd)), 0xd8));
      const __m256 v = _mm256_i32gather_ps(row, _mm256_and_si256(feature, feature_bits), 4);
      // Left where v < condition (false for NaN), or where v is missing and
      // the split sends missing values left (bit 31 of the feature word).
      const __m256i missing_left = _mm256_and_si256(_mm256_castps_si256(_mm256_cmp_ps(v, v, _CMP_UNORD_Q)),
                                                    _mm256_srai_epi32(feature, 31));
      const __m256i left = _mm256_or_si256(_mm256_castps_si256(_mm256_cmp_ps(v, condition, _CMP_LT_OQ)), missing_left);
      // 2 pos + 2 for the right child, one less (left is all ones) for the left.
      pos[w] = _mm256_add_epi32(_mm256_add_epi32(_mm256_add_epi32(pos[w], pos[w]), two), left);
      last_turn[w] = turn[w];
      turn[w] = left;
    }
  }
  // Leaf j of tree k is at heap position splits_per_tree + j.
#pragma GCC unroll 16
  for (int w = 0; w < kWalks; ++w) {
    const float* leaves = t.leaves + (first + static_cast<size_t>(w / (2 * kRows))) * kGroup * leaves_per_tree;
    _mm256_store_ps(leaf[w / 2] + 8 * (w % 2), _mm256_i32gather_ps(leaves, _mm256_add_epi32(pos[w], leaf_at[w % 2]), 4));
  }
}

// Adds the leaves WalkGroups found to each row's margin, group by group
// and tree by tree.
template <int kRows, int kGroups>
CONFORM_AVX2_INLINE void AddLeaves(const Trees& t, size_t first, const float (*leaf)[kGroup], float* margin) {
  for (int g = 0; g < kGroups; ++g) {
    const size_t begin = (first + static_cast<size_t>(g)) * kGroup;
    const size_t lanes = t.tree_count - begin < kGroup ? t.tree_count - begin : kGroup;
    for (size_t k = 0; k < lanes; ++k)
#pragma GCC unroll 4
      for (int r = 0; r < kRows; ++r) margin[r] += leaf[g * kRows + r][k];
  }
}

// kRows rows' margins; kGroups groups walked at once, the groups left over
// one by one.
template <int kDepth, int kRows, int kGroups>
CONFORM_AVX2 void MarginsOfRows(const Trees& t, const float* rows, size_t stride, float* margins) {
  float margin[kRows];
  for (int r = 0; r < kRows; ++r) margin[r] = t.base_margin;
  const size_t groups = (t.tree_count + kGroup - 1) / kGroup;
  alignas(32) float leaf[kRows * kGroups][kGroup];
  size_t g = 0;
  for (; g + kGroups <= groups; g += kGroups) {
    WalkGroups<kDepth, kRows, kGroups>(t, g, rows, stride, leaf);
    AddLeaves<kRows, kGroups>(t, g, leaf, margin);
  }
  for (; g < groups; ++g) {
    WalkGroups<kDepth, kRows, 1>(t, g, rows, stride, leaf);
    AddLeaves<kRows, 1>(t, g, leaf, margin);
  }
  for (int r = 0; r < kRows; ++r) margins[r] = margin[r];
}

template <int kDepth>
CONFORM_AVX2 void Margins(const Trees& t, const float* rows, size_t row_count, size_t stride, float* margins) {
  // Four walks at a time (two rows' groups, or two groups of one row):
  // their registers fit in the sixteen there are.
  size_t i = 0;
  for (; i + 2 <= row_count; i += 2) MarginsOfRows<kDepth, 2, 1>(t, rows + i * stride, stride, margins + i);
  if (i < row_count) MarginsOfRows<kDepth, 1, 2>(t, rows + i * stride, stride, margins + i);
}

}  // namespace

void MarginsAvx2(const Trees& trees, const float* rows, size_t row_count, size_t stride, float* margins) {
  // As in the AVX-512 walk, trees of 5 to 8 levels get unrolled walks.
  using Walk = void (*)(const Trees&, const float*, size_t, size_t, float*);
  Walk walk = Margins<0>;
  switch (trees.depth) {
    case 5: walk = Margins<5>; break;
    case 6: walk = Margins<6>; break;
    case 7: walk = Margins<7>; break;
    case 8: walk = Margins<8>; break;
    default: break;
  }
  walk(trees, rows, row_count, stride, margins);
}

bool HasAvx2() { return __builtin_cpu_supports("avx2"); }

}  // namespace conform::recalls::tree_walk

#else  // not x86-64 with GCC or Clang: never chosen

namespace conform::recalls::tree_walk {
void MarginsAvx2(const Trees&, const float*, size_t, size_t, float*) {}
bool HasAvx2() { return false; }
}  // namespace conform::recalls::tree_walk

#endif
