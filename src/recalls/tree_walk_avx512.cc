// 16 trees of one row walked in the lanes of AVX-512 registers. A level is
// two 8-byte gathers of the lanes' splits (at the top three levels, loads
// of the group's few positions and blends), the row's values picked from
// registers by feature index (or gathered, for rows over 64 features), and
// a masked compare; the leaves, gathered at the bottom, are then added to
// the margin one by one in tree order, so the sum is the scalar walk's to
// the bit. Several walks, of some rows through a group or of one row
// through some groups, advance side by side: their latencies overlap.
#include "recalls/tree_walk.h"

#if defined(__x86_64__) && defined(__GNUC__)

// GCC 12 takes the undefined vectors the intrinsics start their gathers and
// extracts from for uninitialised variables.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>

#define CONFORM_AVX512 __attribute__((target("avx512f,avx512dq")))
#define CONFORM_AVX512_INLINE __attribute__((target("avx512f,avx512dq"), always_inline)) inline

namespace conform::recalls::tree_walk {

namespace {

static_assert(kGroup == 16, "one lane of a 512-bit register per tree of a group");

// A row's first 64 values in four registers, zero past feature_count; the
// loads are masked so that nothing past the row is read.
struct RowRegisters {
  __m512 part[4];
};

CONFORM_AVX512_INLINE RowRegisters LoadRow(const float* row, size_t feature_count) {
  RowRegisters r;
  for (int j = 0; j < 4; ++j) {
    const size_t first = 16 * static_cast<size_t>(j);
    const size_t count = feature_count <= first ? 0 : feature_count - first >= 16 ? 16 : feature_count - first;
    r.part[j] = _mm512_maskz_loadu_ps(static_cast<__mmask16>((1u << count) - 1), row + first);
  }
  return r;
}

// The splits at position p of a group's trees 0-7 and 8-15: the group's
// splits from 128 p on.
CONFORM_AVX512_INLINE __m512i Lanes0To7(const char* splits, int p) { return _mm512_loadu_si512(splits + 128 * p); }
CONFORM_AVX512_INLINE __m512i Lanes8To15(const char* splits, int p) { return _mm512_loadu_si512(splits + 128 * p + 64); }

// The leaves of kGroups consecutive groups, from group `first`, for each of
// kRows rows: leaf[g * kRows + r][k] is tree k of group first + g for row r.
// The kGroups * kRows walks advance level by level side by side, so that
// the latency of one's gathers (some 30 cycles) is spent on the others.
// kDepth is the trees' depth, or 0 to read it from `t`: known, the levels
// unroll and their choices of how to find the splits fold away.
template <int kDepth, int kRows, int kGroups, bool kRowInRegisters>
CONFORM_AVX512_INLINE void WalkGroups(const Trees& t, size_t first, const float* const* row, const RowRegisters* regs,
                                      float (*leaf)[kGroup]) {
  constexpr int kWalks = kRows * kGroups;
  const int depth = kDepth > 0 ? kDepth : t.depth;
  const uint32_t leaves_per_tree = 1u << depth, splits_per_tree = leaves_per_tree - 1;
  const __m512i lane = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  const __m512i even = _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
  const __m512i odd = _mm512_setr_epi32(1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31);
  const __m512i upper_half = _mm512_set1_epi32(32);
  const __m512i feature_bits = _mm512_set1_epi32(static_cast<int>(~kDefaultLeft));
  const __m512i two = _mm512_set1_epi32(2);
  const __m512i one = _mm512_set1_epi32(1);
  // Below the top levels, heap position p of lane k's tree is the group's
  // split p + deep[k]; its leaf for position p is leaf p + leaf_at[k].
  const __m512i deep = _mm512_add_epi32(_mm512_set1_epi32(static_cast<int>(TreeSplit(depth, 0, 0))),
                                        _mm512_mullo_epi32(lane, _mm512_set1_epi32(static_cast<int>(splits_per_tree))));
  const __m512i leaf_at = _mm512_sub_epi32(_mm512_mullo_epi32(lane, _mm512_set1_epi32(static_cast<int>(leaves_per_tree))),
                                           _mm512_set1_epi32(static_cast<int>(splits_per_tree)));
  const char* splits[kGroups];
  for (int g = 0; g < kGroups; ++g)
    splits[g] = static_cast<const char*>(t.splits) + (first + static_cast<size_t>(g)) * GroupSplits(depth) * 8;
  __m512i pos[kWalks];  // heap positions
  // Each walk's turns (set: left) at the last two levels, from which the
  // splits of levels 1 and 2 are chosen without gathers.
  __mmask16 turn[kWalks], last_turn[kWalks];
#pragma GCC unroll 16
  for (int w = 0; w < kWalks; ++w) {
    pos[w] = _mm512_setzero_si512();
    turn[w] = last_turn[w] = 0;
  }
#pragma GCC unroll 10
  for (int d = 0; d < depth; ++d) {
#pragma GCC unroll 16
    for (int w = 0; w < kWalks; ++w) {
      const char* s = splits[w / kRows];
      const int r = w % kRows;
      __m512i lo, hi;
      if (d == 0) {
        // Every lane at the root.
        lo = Lanes0To7(s, 0);
        hi = Lanes8To15(s, 0);
      } else if (d == 1) {
        // Position 1 or 2, by the turn at the root.
        const __mmask16 l0 = turn[w];
        lo = _mm512_mask_blend_epi64(static_cast<__mmask8>(l0), Lanes0To7(s, 2), Lanes0To7(s, 1));
        hi = _mm512_mask_blend_epi64(static_cast<__mmask8>(l0 >> 8), Lanes8To15(s, 2), Lanes8To15(s, 1));
      } else if (d == 2) {
        // Position 3 to 6, by the turns at levels 0 and 1.
        const __mmask16 l0 = last_turn[w], l1 = turn[w];
        const __mmask8 l0_lo = static_cast<__mmask8>(l0), l0_hi = static_cast<__mmask8>(l0 >> 8);
        const __mmask8 l1_lo = static_cast<__mmask8>(l1), l1_hi = static_cast<__mmask8>(l1 >> 8);
        lo = _mm512_mask_blend_epi64(l0_lo, _mm512_mask_blend_epi64(l1_lo, Lanes0To7(s, 6), Lanes0To7(s, 5)),
                                     _mm512_mask_blend_epi64(l1_lo, Lanes0To7(s, 4), Lanes0To7(s, 3)));
        hi = _mm512_mask_blend_epi64(l0_hi, _mm512_mask_blend_epi64(l1_hi, Lanes8To15(s, 6), Lanes8To15(s, 5)),
                                     _mm512_mask_blend_epi64(l1_hi, Lanes8To15(s, 4), Lanes8To15(s, 3)));
      } else {
        const __m512i at = _mm512_add_epi32(pos[w], deep);
        lo = _mm512_i32gather_epi64(_mm512_castsi512_si256(at), s, 8);
        hi = _mm512_i32gather_epi64(_mm512_extracti64x4_epi64(at, 1), s, 8);
      }
      const __m512 condition = _mm512_castsi512_ps(_mm512_permutex2var_epi32(lo, even, hi));
      const __m512i feature = _mm512_permutex2var_epi32(lo, odd, hi);
      __m512 v;
      if constexpr (kRowInRegisters) {
        // The permutes read the index's low 5 bits; bit 5 picks the half.
        const __m512 low = _mm512_permutex2var_ps(regs[r].part[0], feature, regs[r].part[1]);
        const __m512 high = _mm512_permutex2var_ps(regs[r].part[2], feature, regs[r].part[3]);
        v = _mm512_mask_blend_ps(_mm512_test_epi32_mask(feature, upper_half), low, high);
      } else {
        v = _mm512_i32gather_ps(_mm512_and_si512(feature, feature_bits), row[r], 4);
      }
      // Left where v < condition (false for NaN), or where v is missing and
      // the split sends missing values left (bit 31 of the feature word).
      // (Not v >= condition is v < condition or v missing.)
      const __mmask16 left = _mm512_cmp_ps_mask(v, condition, _CMP_LT_OQ) |
                             _mm512_mask_cmp_ps_mask(_mm512_movepi32_mask(feature), v, condition, _CMP_NGE_UQ);
      const __m512i right_child = _mm512_add_epi32(_mm512_add_epi32(pos[w], pos[w]), two);
      pos[w] = _mm512_mask_sub_epi32(right_child, left, right_child, one);
      last_turn[w] = turn[w];
      turn[w] = left;
    }
  }
  // Leaf j of tree k is at heap position splits_per_tree + j.
#pragma GCC unroll 16
  for (int w = 0; w < kWalks; ++w) {
    const float* leaves = t.leaves + (first + static_cast<size_t>(w / kRows)) * kGroup * leaves_per_tree;
    _mm512_store_ps(leaf[w], _mm512_i32gather_ps(_mm512_add_epi32(pos[w], leaf_at), leaves, 4));
  }
}

// Adds the leaves WalkGroups found to each row's margin, group by group
// and tree by tree.
template <int kRows, int kGroups>
CONFORM_AVX512_INLINE void AddLeaves(const Trees& t, size_t first, const float (*leaf)[kGroup], float* margin) {
  if constexpr (kRows == 4) {
    // The four rows' leaves transposed, tree by tree, so that one 4-wide
    // addition per tree adds each row's leaf to its own margin.
    const __m512i pair_lo = _mm512_setr_epi32(0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
    const __m512i pair_hi = _mm512_setr_epi32(8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31);
    const __m512i quad_lo = _mm512_setr_epi32(0, 1, 16, 17, 2, 3, 18, 19, 4, 5, 20, 21, 6, 7, 22, 23);
    const __m512i quad_hi = _mm512_setr_epi32(8, 9, 24, 25, 10, 11, 26, 27, 12, 13, 28, 29, 14, 15, 30, 31);
    __m128 sum = _mm_loadu_ps(margin);
    for (int g = 0; g < kGroups; ++g) {
      const float(*l)[kGroup] = leaf + g * 4;
      const __m512 a = _mm512_load_ps(l[0]), b = _mm512_load_ps(l[1]), c = _mm512_load_ps(l[2]), d = _mm512_load_ps(l[3]);
      const __m512 ab_lo = _mm512_permutex2var_ps(a, pair_lo, b), ab_hi = _mm512_permutex2var_ps(a, pair_hi, b);
      const __m512 cd_lo = _mm512_permutex2var_ps(c, pair_lo, d), cd_hi = _mm512_permutex2var_ps(c, pair_hi, d);
      alignas(64) float by_tree[kGroup][4];
      _mm512_store_ps(by_tree[0], _mm512_permutex2var_ps(ab_lo, quad_lo, cd_lo));
      _mm512_store_ps(by_tree[4], _mm512_permutex2var_ps(ab_lo, quad_hi, cd_lo));
      _mm512_store_ps(by_tree[8], _mm512_permutex2var_ps(ab_hi, quad_lo, cd_hi));
      _mm512_store_ps(by_tree[12], _mm512_permutex2var_ps(ab_hi, quad_hi, cd_hi));
      const size_t begin = (first + static_cast<size_t>(g)) * kGroup;
      const size_t lanes = t.tree_count - begin < kGroup ? t.tree_count - begin : kGroup;
      for (size_t k = 0; k < lanes; ++k) sum = _mm_add_ps(sum, _mm_load_ps(by_tree[k]));
    }
    _mm_storeu_ps(margin, sum);
    return;
  }
  for (int g = 0; g < kGroups; ++g) {
    const size_t begin = (first + static_cast<size_t>(g)) * kGroup;
    const size_t lanes = t.tree_count - begin < kGroup ? t.tree_count - begin : kGroup;
    for (size_t k = 0; k < lanes; ++k)
#pragma GCC unroll 4
      for (int r = 0; r < kRows; ++r) margin[r] += leaf[g * kRows + r][k];
  }
}

// kRows rows' margins; kGroups groups walked at once (kRows * kGroups walks
// side by side), the groups left over one by one.
template <int kDepth, int kRows, int kGroups, bool kRowInRegisters>
CONFORM_AVX512 void MarginsOfRows(const Trees& t, const float* rows, size_t stride, float* margins) {
  const float* row[kRows];
  RowRegisters regs[kRows];
  float margin[kRows];
  for (int r = 0; r < kRows; ++r) {
    row[r] = rows + static_cast<size_t>(r) * stride;
    if constexpr (kRowInRegisters) regs[r] = LoadRow(row[r], t.feature_count);
    margin[r] = t.base_margin;
  }
  const size_t groups = (t.tree_count + kGroup - 1) / kGroup;
  alignas(64) float leaf[kRows * kGroups][kGroup];
  size_t g = 0;
  for (; g + kGroups <= groups; g += kGroups) {
    WalkGroups<kDepth, kRows, kGroups, kRowInRegisters>(t, g, row, regs, leaf);
    AddLeaves<kRows, kGroups>(t, g, leaf, margin);
  }
  for (; g < groups; ++g) {
    WalkGroups<kDepth, kRows, 1, kRowInRegisters>(t, g, row, regs, leaf);
    AddLeaves<kRows, 1>(t, g, leaf, margin);
  }
  for (int r = 0; r < kRows; ++r) margins[r] = margin[r];
}

template <int kDepth, bool kRowInRegisters>
CONFORM_AVX512 void Margins(const Trees& t, const float* rows, size_t row_count, size_t stride, float* margins) {
  // Four walks at a time, of four rows or of one row's four groups: enough
  // to hide the gathers' latency, few enough that their registers fit.
  size_t i = 0;
  for (; i + 4 <= row_count; i += 4) MarginsOfRows<kDepth, 4, 1, kRowInRegisters>(t, rows + i * stride, stride, margins + i);
  switch (row_count - i) {
    case 3: MarginsOfRows<kDepth, 3, 1, kRowInRegisters>(t, rows + i * stride, stride, margins + i); break;
    case 2: MarginsOfRows<kDepth, 2, 2, kRowInRegisters>(t, rows + i * stride, stride, margins + i); break;
    case 1: MarginsOfRows<kDepth, 1, 4, kRowInRegisters>(t, rows + i * stride, stride, margins + i); break;
    default: break;
  }
}

}  // namespace

void MarginsAvx512(const Trees& trees, const float* rows, size_t row_count, size_t stride, float* margins) {
  // XGBoost's default max_depth is 6; trees of 5 to 8 levels get their own
  // unrolled walks.
  const bool in_registers = trees.feature_count <= 64;
  using Walk = void (*)(const Trees&, const float*, size_t, size_t, float*);
  Walk walk = in_registers ? Margins<0, true> : Margins<0, false>;
  switch (trees.depth) {
    case 5: walk = in_registers ? Margins<5, true> : Margins<5, false>; break;
    case 6: walk = in_registers ? Margins<6, true> : Margins<6, false>; break;
    case 7: walk = in_registers ? Margins<7, true> : Margins<7, false>; break;
    case 8: walk = in_registers ? Margins<8, true> : Margins<8, false>; break;
    default: break;
  }
  walk(trees, rows, row_count, stride, margins);
}

bool HasAvx512() { return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq"); }

}  // namespace conform::recalls::tree_walk

#else  // not x86-64 with GCC or Clang: never chosen

namespace conform::recalls::tree_walk {
void MarginsAvx512(const Trees&, const float*, size_t, size_t, float*) {}
bool HasAvx512() { return false; }
}  // namespace conform::recalls::tree_walk

#endif
