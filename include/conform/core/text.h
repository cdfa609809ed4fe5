// Small text helpers shared by every layer.
#ifndef CONFORM_CORE_TEXT_H_
#define CONFORM_CORE_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

namespace conform {

std::string AsciiLower(std::string_view s);

// Unicode NFKC with case folding (full-width forms become ASCII, "Ｃ" and "C"
// and "c" compare equal), for matching words in free text. Bytes that are
// not valid UTF-8 become spaces.
std::string NormalizeForMatching(std::string_view utf8);
std::string AsciiUpper(std::string_view s);
// Whether `s` is non-empty and every byte an ASCII digit.
bool AllAsciiDigits(std::string_view s);
std::string Join(const std::vector<std::string>& parts, std::string_view sep);

// The candidate closest to `word` by edit distance, if it is close enough to
// be a likely typo (distance <= max(1, size/3)); empty otherwise. Used for
// "did you mean ...?" hints.
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

// "did you mean 'x'?" when a close match exists, else "known: a, b, c".
std::string SuggestionHint(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace conform

#endif  // CONFORM_CORE_TEXT_H_
