// Small readers of collapsed text (words parted by single spaces) that the
// recall matcher's files share.
#ifndef CONFORM_RECALLS_TEXT_WORDS_H_
#define CONFORM_RECALLS_TEXT_WORDS_H_

#include <string_view>

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

}  // namespace conform::recalls

#endif  // CONFORM_RECALLS_TEXT_WORDS_H_
