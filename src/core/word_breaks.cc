#include "conform/core/word_breaks.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <memory>

#include "conform/core/text.h"

namespace conform {
namespace {

// The context read on each side of a span, in characters: enough for the
// dictionary to settle the words touching the span.
constexpr int kContext = 12;

// One iterator a thread: making one loads the rules and dictionaries.
icu::BreakIterator* WordIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) it.reset();
    return it;
  }();
  return iterator.get();
}

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The byte `chars` characters before `at` (or 0).
size_t Back(std::string_view text, size_t at, int chars) {
  while (at > 0 && chars > 0) {
    --at;
    while (at > 0 && IsContinuation(text[at])) --at;
    --chars;
  }
  return at;
}

// The byte `chars` characters after `at` (or the end).
size_t Forward(std::string_view text, size_t at, int chars) {
  while (at < text.size() && chars > 0) {
    ++at;
    while (at < text.size() && IsContinuation(text[at])) ++at;
    --chars;
  }
  return at;
}

}  // namespace

bool HasHanOrKana(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const int32_t cp = NextCodepoint(s, &i);
    if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
        (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF66 && cp <= 0xFF9F))
      return true;
  }
  return false;
}

bool IsWholeWords(std::string_view text, size_t at, size_t size) {
  icu::BreakIterator* it = WordIterator();
  if (it == nullptr || size == 0 || at + size > text.size()) return true;
  const size_t from = Back(text, at, kContext);
  const size_t to = Forward(text, at + size, kContext);
  const std::string_view window = text.substr(from, to - from);
  // Offsets in UTF-16 units, counted as ICU converts (a byte that is not
  // UTF-8 is one U+FFFD either way).
  const auto units = [](std::string_view s) {
    return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size()))).length();
  };
  const int32_t begin = units(window.substr(0, at - from));
  const int32_t end = begin + units(text.substr(at, size));
  // The iterator keeps a reference to its text: the string lives as long.
  thread_local icu::UnicodeString utf16;
  utf16 = icu::UnicodeString::fromUTF8(icu::StringPiece(window.data(), static_cast<int32_t>(window.size())));
  it->setText(utf16);
  if (!it->isBoundary(begin)) return false;
  const auto katakana = [](UChar32 c) { return (c >= 0x30A0 && c <= 0x30FF) || (c >= 0xFF66 && c <= 0xFF9F); };
  // Where the dictionary does not know a run of katakana, it may part it
  // into single characters ("パ|ナ|ソニック|ドライヤー"): a katakana word is
  // never one character, so a name that follows one inside the run is
  // inside a word ("ソニック", sonic, in "パナソニック"). The middle dot
  // "・" parts words and does not count.
  if (begin > 0 && katakana(utf16.char32At(begin))) {
    const int32_t before = utf16.moveIndex32(begin, -1);
    const UChar32 c = utf16.char32At(before);
    if (katakana(c) && c != 0x30FB && it->preceding(begin) == before) return false;
  }
  if (it->isBoundary(end)) return true;
  // The dictionary does not part a run of katakana it does not know
  // ("ソニーヘッドホン", Sony headphones, is one word to it): a name of
  // katakana that opens such a run is taken as a word.
  for (int32_t i = begin; i < end; i = utf16.moveIndex32(i, 1))
    if (!katakana(utf16.char32At(i))) return false;
  return end < utf16.length() && katakana(utf16.char32At(end));
}

}  // namespace conform
