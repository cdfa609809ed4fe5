// A model code written in a normalised text, whole (CodeInText), and the
// cheap tests before it: the recall matcher's and the made-for readers'.
#ifndef CONFORM_RECALLS_CODE_IN_TEXT_H_
#define CONFORM_RECALLS_CODE_IN_TEXT_H_

#include <algorithm>
#include <cstddef>
#include <string_view>

#include "conform/core/text.h"
#include "conform/recalls/word_list.h"

namespace conform::recalls {

// Whether the words `integer` and `fraction` of a normalised text were one
// decimal number ("179.99", normalised to "179 99"): `numbers` holds the
// record's numbers as written (PreparedRecord::all_numbers, canonical:
// "179.90" is "179.9").
inline bool WrittenAsDecimal(std::string_view integer, std::string_view fraction, const WordList& numbers) {
  if (!AllAsciiDigits(integer) || !AllAsciiDigits(fraction)) return false;
  while (integer.size() > 1 && integer.front() == '0') integer.remove_prefix(1);
  while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
  if (fraction.empty()) return false;  // "179.00" reads as 179, as does "179"
  for (const std::string_view n : numbers)
    if (n.size() == integer.size() + 1 + fraction.size() && n.starts_with(integer) && n[integer.size()] == '.' &&
        n.ends_with(fraction))
      return true;
  return false;
}

// `code` written in a normalised text, whole: as one word or as neighbouring
// words run together ("qc 65a" for QC65A, as "QC-65A" normalises), never as
// the head of a longer word ("QC65APRO" is another model), nor with a part
// of a decimal number ("tl/r1 179.99" is no R1-179): `numbers` are the
// record's numbers as written (PreparedRecord::all_numbers). With
// `each_end`, every such occurrence is reported by where it ends in
// `normalized`, and the walk goes on while it returns true.
template <typename EachEnd>
bool CodeInText(std::string_view code, std::string_view normalized, const WordList& numbers, const EachEnd& each_end) {
  const auto upper = [](char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; };
  const auto word_at = [&](size_t at) {
    const size_t end = std::min(normalized.find(' ', at), normalized.size());
    return normalized.substr(at, end - at);
  };
  bool found = false;
  for (size_t start = 0; start < normalized.size();) {
    const size_t start_end = std::min(normalized.find(' ', start), normalized.size());
    if (start_end == start) {  // a run of spaces
      ++start;
      continue;
    }
    // Words from `start` run together, up to four, compared as they come.
    size_t pos = 0, at = start;
    for (int words = 0; words < 4 && at < normalized.size() && pos < code.size(); ++words) {
      const size_t end = std::min(normalized.find(' ', at), normalized.size());
      bool same = true;
      for (size_t i = at; i < end && same; ++i) same = pos < code.size() && upper(normalized[i]) == code[pos++];
      if (!same) break;
      // A joined word may not be half of a decimal number.
      const std::string_view word = normalized.substr(at, end - at);
      const bool joined = words > 0 || pos < code.size();
      if (joined && AllAsciiDigits(word)) {
        const bool integer_part = end + 1 < normalized.size() && WrittenAsDecimal(word, word_at(end + 1), numbers);
        const bool fraction_part = at >= 2 && [&] {
          const size_t before = normalized.rfind(' ', at - 2);
          const size_t from = before == std::string_view::npos ? 0 : before + 1;
          return WrittenAsDecimal(normalized.substr(from, at - 1 - from), word, numbers);
        }();
        if (integer_part || fraction_part) break;
      }
      if (pos == code.size() && end > at) {
        found = true;
        if (!each_end(end)) return true;
        break;
      }
      at = end;
      while (at < normalized.size() && normalized[at] == ' ') ++at;
    }
    start = start_end + 1;
  }
  return found;
}

// Whether `code` is written in `normalized` so (CodeInText above).
inline bool CodeInText(std::string_view code, std::string_view normalized, const WordList& numbers) {
  return CodeInText(code, normalized, numbers, [](size_t) { return false; });
}

// Whether CodeInText(code, text) may hold, from `compact`, CompactAlnum(text):
// a code of capitals and digits it finds is there whole, as CodeInText
// compares bytes upper-cased and passes only spaces between words. Another
// code may be anywhere.
inline bool MayHoldCode(std::string_view code, std::string_view compact) {
  const bool capitals_and_digits =
      std::all_of(code.begin(), code.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
  return !capitals_and_digits || compact.find(code) != std::string_view::npos;
}

// Where a code CodeInText found, ending at `end`, starts in `normalized`:
// back over as many letters and digits as it has, spaces skipped.
inline size_t CodeStart(std::string_view normalized, size_t end, size_t code_size) {
  size_t begin = end;
  while (begin > 0 && code_size > 0)
    if (normalized[--begin] != ' ') --code_size;
  return begin;
}

}  // namespace conform::recalls

#endif  // CONFORM_RECALLS_CODE_IN_TEXT_H_
