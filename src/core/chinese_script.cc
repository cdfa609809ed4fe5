#include "conform/core/chinese_script.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <utf8proc.h>

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
          utf8proc_uint8_t bytes[4];
          const utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(forms[cp - kFirst]), bytes);
          out.append(reinterpret_cast<const char*>(bytes), static_cast<size_t>(n));
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
