// Small readers of words that the recall matcher's files share: of
// collapsed text (words parted by single spaces), of brands, of codes and
// of a notice's product name.
#ifndef CONFORM_RECALLS_TEXT_WORDS_H_
#define CONFORM_RECALLS_TEXT_WORDS_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "conform/recalls/pair_features.h"
#include "conform/recalls/recall_matcher.h"

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

// HasWord(text, first + " " + second), without building the phrase: most
// checks of a two-word phrase find neither word.
inline bool HasWordPair(std::string_view text, std::string_view first, std::string_view second) {
  if (first.empty()) return HasWord(text, std::string(" ").append(second));
  const size_t tail = first.size() + 1 + second.size();  // the phrase's bytes
  for (size_t at = text.find(first); at != std::string_view::npos; at = text.find(first, at + 1)) {
    if (at + tail > text.size()) return false;
    const bool starts = at == 0 || text[at - 1] == ' ';
    const bool ends = at + tail == text.size() || text[at + tail] == ' ';
    if (starts && ends && text[at + first.size()] == ' ' && text.substr(at + first.size() + 1, second.size()) == second) return true;
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

// Whether every byte of `s` is ASCII (a Latin name, not one in another
// script), read eight bytes at a time: texts are long and most are ASCII.
inline bool IsAsciiText(std::string_view s) {
  uint64_t high = 0;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    high |= word;
  }
  for (; i < s.size(); ++i) high |= static_cast<unsigned char>(s[i]);
  return (high & 0x8080808080808080ULL) == 0;
}

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

// Codes shorter than this are too likely to occur by chance to block on or
// to identify a product ("A12", "X5").
inline constexpr size_t kMinCode = 4;

// The canonical keys of a record's brands (BrandAliases::Canonical, or
// BrandKey without a table), placeholders left out, each once, at most
// kMaxBrands: a maker with its brand in brackets ("Legler (Smallfoot)")
// and a line "by" its maker ("Elvive by LOREAL PARIS") give both.
std::vector<std::string> CanonicalBrands(const MatchRecord& r, const BrandAliases* aliases);

// Whether `text`, upper-cased, is inside one of a record's codes ("hz" of
// HZ1500C): a piece of a code its words split.
bool InACode(const PreparedRecord& r, std::string_view text);

// A notice's product name without what it comes with, is for or is
// recalled for ("Cordless Vacuum Cleaner with lithium-ion battery").
std::string_view NameBeforeClauses(const PreparedRecord& notice);

// The notice's product noun: the last word of its product name, as English
// writes it ("vacuums" of "X-Force Flex cordless stick vacuums"), before a
// clause ("grills" of "Outdoor grills with pizza oven") and past model codes,
// colours and sizes ("heater" of "Space Heater HZ-1500C", "case" of "ipad 2
// case black").
std::string_view ProductNoun(const PreparedRecord& notice);

// Whether a notice's product name names a whole vehicle ("Passenger car",
// "Light commercial vehicle", "Motorcycle"), not a part a regulator files
// under motor vehicles ("Brake pads", "Child car seat", "Alloy wheel").
bool NamesAVehicle(const PreparedRecord& notice);

}  // namespace conform::recalls

#endif  // CONFORM_RECALLS_TEXT_WORDS_H_
