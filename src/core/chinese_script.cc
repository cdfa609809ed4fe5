#include "conform/core/chinese_script.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "conform/core/word_breaks.h"

namespace conform {
namespace {

// The CJK ideographs (extension A and the unified block), where every
// traditional character that has a simplified form lies.
constexpr char32_t kFirst = 0x3400, kLast = 0x9FFF;

// Each ideograph's simplified form, itself when it has none: ICU's
// Hant-Hans transform, applied once to each character (about 20 ms) so
// that a text is converted by table, one character at a time, which keeps
// a word found in a text found in it once both are converted. Empty when
// ICU has no transform.
const std::vector<char32_t>& SimplifiedForms() {
  static const std::vector<char32_t> table = [] {
    std::vector<char32_t> forms;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> transform(icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || transform == nullptr) return forms;
    forms.resize(kLast - kFirst + 1);
    for (char32_t cp = kFirst; cp <= kLast; ++cp) {
      icu::UnicodeString u(static_cast<UChar32>(cp));
      transform->transliterate(u);
      forms[cp - kFirst] = u.countChar32() == 1 ? static_cast<char32_t>(u.char32At(0)) : cp;
    }
    return forms;
  }();
  return table;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace

std::string SimplifiedChinese(std::string_view text) {
  if (!HasHanOrKana(text)) return std::string(text);
  const std::vector<char32_t>& forms = SimplifiedForms();
  if (forms.empty()) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    // Ideographs of the table are three bytes, 0xE3 to 0xE9 leading.
    if (b0 >= 0xE3 && b0 <= 0xE9 && i + 2 < text.size()) {
      const auto b1 = static_cast<unsigned char>(text[i + 1]), b2 = static_cast<unsigned char>(text[i + 2]);
      if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
        const char32_t cp = (static_cast<char32_t>(b0 & 0x0F) << 12) | (static_cast<char32_t>(b1 & 0x3F) << 6) | (b2 & 0x3F);
        if (cp >= kFirst && cp <= kLast && forms[cp - kFirst] != cp) {
          AppendUtf8(forms[cp - kFirst], &out);
          i += 3;
          continue;
        }
      }
    }
    out.push_back(text[i++]);
  }
  return out;
}

}  // namespace conform
