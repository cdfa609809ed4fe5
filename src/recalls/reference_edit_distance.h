// The Levenshtein distance in bytes by the textbook dynamic programme, one
// cell at a time: what the tests and the fuzz target check the bit-parallel
// EditDistance (conform/recalls/text_similarity.h) against.
#ifndef CONFORM_SRC_RECALLS_REFERENCE_EDIT_DISTANCE_H_
#define CONFORM_SRC_RECALLS_REFERENCE_EDIT_DISTANCE_H_

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

namespace conform::recalls {

inline size_t ReferenceEditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace conform::recalls

#endif  // CONFORM_SRC_RECALLS_REFERENCE_EDIT_DISTANCE_H_
