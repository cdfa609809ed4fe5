// Labelled record pairs of the public entity-matching benchmarks in the form
// the Ditto and DeepMatcher papers ship them (ER-Magellan, WDC products):
// one pair per line,
//
//   <left>\t<right>\t<label>
//
// where a record is "COL <attribute> VAL <value> COL <attribute> VAL ..."
// (tokens separated by single spaces; a value may be empty) and the label is
// 1 for a match and 0 for a non-match.
#ifndef CONFORM_RECALLS_ER_BENCHMARK_H_
#define CONFORM_RECALLS_ER_BENCHMARK_H_

#include <string>
#include <string_view>
#include <vector>

#include "conform/core/result.h"
#include "conform/recalls/pair_features.h"

namespace conform::recalls {

struct LabeledPair {
  Record left, right;
  int label = 0;  // 0 or 1
  int line = 0;   // 1-based line in the file it came from
};

// One serialised record. Error (without position) when it does not start
// with "COL", or an attribute has no "VAL".
Result<Record> ParseDittoRecord(std::string_view text);

// Every pair in `text`; blank lines are skipped. Errors name `file_name`,
// the line and, where it helps, the column, for every malformed line (up to
// 20 of them).
Result<std::vector<LabeledPair>> ParseDittoPairs(std::string_view text, const std::string& file_name);

// ParseDittoPairs on the file at `path`.
Result<std::vector<LabeledPair>> ReadDittoPairs(const std::string& path);

}  // namespace conform::recalls

#endif  // CONFORM_RECALLS_ER_BENCHMARK_H_
