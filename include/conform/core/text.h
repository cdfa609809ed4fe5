// Small text helpers shared by every layer.
#ifndef CONFORM_CORE_TEXT_H_
#define CONFORM_CORE_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace conform {

std::string AsciiLower(std::string_view s);

// Unicode NFKC with case folding (full-width forms become ASCII, "Ｃ" and "C"
// and "c" compare equal), for matching words in free text. Bytes that are
// not valid UTF-8 become spaces. Accents are kept: "électrique" is not
// "electrique" here (a trust list's scope is exact about them).
std::string NormalizeForMatching(std::string_view utf8);

// Unicode NFC: the same text however its accents were encoded ("é" as one
// code point or as "e" and a combining accent), nothing else changed.
// Text that is not valid UTF-8 is returned as given.
std::string ComposeNfc(std::string_view utf8);
// Latin letters with diacritics (U+00C0 to U+024F, and U+1E00 to U+1EFF,
// Vietnamese among them) as their lower-case base letters: "é" -> "e", "Ö"
// -> "o", "ø" -> "o", "ł" -> "l", "æ" -> "ae", "ố" -> "o", and combining
// marks on a Latin letter dropped ("i̇", Turkish "İ" lower-cased), for
// matching what sellers write without accents. Other scripts, whose marks
// can tell words apart, are left as they are.
std::string FoldLatinDiacritics(std::string_view utf8);
// The code point of UTF-8 `text` at byte *i, advancing *i past it; a byte
// that starts no valid sequence is -1 and one byte long.
int32_t NextCodepoint(std::string_view text, size_t* i);
// Whether code point `cp` is a letter of any script or a combining mark
// (Unicode categories L* and Mn, Mc): what, with digits, words are made of.
bool IsLetterOrMark(int32_t cp);
// HTML character references decoded: "&amp;", "&nbsp;" and other common
// named ones, and numeric ones ("&#45;", "&#x2011;"); unknown ones stay as
// written. Scraped titles and regulators' pages carry them.
std::string DecodeHtmlEntities(std::string_view s);
std::string AsciiUpper(std::string_view s);
// Whether a byte leads a UTF-8 character of the CJK blocks, U+3000 to
// U+9FFF (CJK punctuation, kana, ideographs: 0xE3 to 0xE9) and U+A000 to
// U+DFFF (Hangul syllables, 0xEA to 0xED; the few other scripts there, Yi
// and Vai among them, are as rare in listings). Chinese and Japanese run
// words together, Korean runs its words into their particles and
// compounds; such a character ends a Latin word.
constexpr bool IsCjkLeadByte(char c) {
  const auto b = static_cast<unsigned char>(c);
  return b >= 0xE3 && b <= 0xED;
}
// Whether a byte is an ASCII digit, 0 to 9.
constexpr bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
// Whether `s` is non-empty and every byte an ASCII digit.
bool AllAsciiDigits(std::string_view s);
std::string Join(const std::vector<std::string>& parts, std::string_view sep);

// `s` as it can be shown on a terminal: control characters (C0 but for
// '\n' when `keep_newlines`, DEL, and C1, U+0080 to U+009F) written as
// "\u001b", and bytes that are not UTF-8 as "\xff", so that text from a
// feed or a listing cannot move the cursor, recolour or retitle the
// terminal. Other text, tabs included, is unchanged.
std::string ForTerminal(std::string_view s, bool keep_newlines = false);

// The candidate closest to `word` by edit distance, if it is close enough to
// be a likely typo (distance <= max(1, size/3)); empty otherwise. Used for
// "did you mean ...?" hints.
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

// "did you mean 'x'?" when a close match exists, else "known: a, b, c".
std::string SuggestionHint(std::string_view word, const std::vector<std::string>& candidates);

// The length in bytes of an invisible formatting character at byte `at`
// of `text` (a zero-width space, non-joiner or joiner, a word joiner, a
// byte-order mark, a soft hyphen), or 0. Text copied from web pages holds
// them inside words and numbers ("Pro\u200bjector", "8055186\u00ad669918"),
// where a reader sees none: they are dropped, not read as a break.
size_t InvisibleCharLength(std::string_view text, size_t at);

// Whether `url` is a web page's address: it begins "http://" or "https://"
// (any case) and has more after it. Addresses shown as links are these.
bool IsWebAddress(std::string_view url);

}  // namespace conform

#endif  // CONFORM_CORE_TEXT_H_
