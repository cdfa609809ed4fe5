// Small readers of words that the recall matcher's files share: of
// collapsed text (words parted by single spaces), of brands and of codes.
#ifndef CONFORM_RECALLS_TEXT_WORDS_H_
#define CONFORM_RECALLS_TEXT_WORDS_H_

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace conform::recalls {

// Whether `word` stands in `text` bounded by spaces or the text's ends; a
// word of several ("works with") stands there as a phrase. False for an
// empty word.
inline bool HasWord(std::string_view text, std::string_view word) {
  if (word.empty()) return false;
  for (size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    const bool starts = at == 0 || text[at - 1] == ' ';
    const bool ends = at + word.size() == text.size() || text[at + word.size()] == ' ';
    if (starts && ends) return true;
  }
  return false;
}

// A text without its leading and trailing blanks (spaces, tabs, and a
// carriage return at its end).
inline std::string_view TrimBlanks(std::string_view d) {
  while (!d.empty() && (d.front() == ' ' || d.front() == '\t')) d.remove_prefix(1);
  while (!d.empty() && (d.back() == ' ' || d.back() == '\t' || d.back() == '\r')) d.remove_suffix(1);
  return d;
}

// An ASCII digit.
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Whether every byte of `s` is a capital A to Z, as a compacted code's
// letters are; true for an empty `s`.
inline bool AllLetters(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Title words too common to say anything about a product.
bool StopWord(std::string_view w);

// Articles, which come between "for" and a name ("for the BenQ GV31").
bool IsArticle(std::string_view w);

// "Not" (English, German, French, Polish, Russian, Italian, Dutch,
// Swedish, Danish and Norwegian) and "instead of", folded as titles are:
// what a seller writes before another product's code or number ("nicht
// GV31", "statt EAN ...").
bool SaysNotOrInstead(std::string_view w);

// Whether two words are one, or one is the other with an English plural
// "s" ("xylophone", "xylophones").
inline bool SameWordOrPlural(std::string_view x, std::string_view y) {
  const auto plural_of = [](std::string_view longer, std::string_view word) {
    return longer.size() == word.size() + 1 && longer.back() == 's' && longer.starts_with(word);
  };
  return x == y || plural_of(x, y) || plural_of(y, x);
}

// `text` without the byte `c` ("maxi cosi" without spaces: "maxicosi").
std::string Without(std::string_view text, char c);

// The non-empty values of `values` from `from` on, parted by `separator`.
std::string Joined(const std::vector<std::string>& values, size_t from = 0, std::string_view separator = "; ");

// What regulators and sellers write when a product shows no brand: no
// brand at all, not a brand of its own.
bool PlaceholderBrand(std::string_view key);

// Whether a record's brands name none: there are none, or only
// placeholders ("Unknown").
bool NamesNoBrand(const std::vector<std::string>& brands);

// The most brands of a record matching weighs, each pair and key paying
// for every one: a notice of thousands (a feed's slip, or a hostile one)
// would slow every run. Real notices name a few.
inline constexpr size_t kMaxBrands = 256;

}  // namespace conform::recalls

#endif  // CONFORM_RECALLS_TEXT_WORDS_H_
