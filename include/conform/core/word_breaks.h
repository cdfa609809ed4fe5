// Word boundaries in text written without spaces.
#ifndef CONFORM_CORE_WORD_BREAKS_H_
#define CONFORM_CORE_WORD_BREAKS_H_

#include <cstddef>
#include <string_view>

namespace conform {

// Whether bytes [at, at + size) of UTF-8 `text` begin and end on word
// boundaries as Unicode text segmentation (UAX #29) finds them, with ICU's
// dictionaries for scripts written without spaces (Chinese, Japanese, Thai,
// Lao, Khmer, Burmese). "美的" is whole in "美的电饭煲" and in "美的 吹风机",
// not in "精美的吹风机" ("精美|的": exquisite), nor "安克" in "西安克瑞"
// ("西安|克|瑞"). A name of katakana may also end inside a run of katakana
// ("ソニー" in "ソニーヘッドホン", which the dictionary does not part; so
// "シャープ" is found in "シャープペンシル" too). Only the text within a
// few words of the span is read.
// Where ICU cannot segment (no data), every span is whole: finding a name
// inside another word is the lesser error than never finding it.
// `at` and `at + size` must fall on character boundaries, `size` > 0.
bool IsWholeWords(std::string_view text, size_t at, size_t size);

// Whether UTF-8 `s` holds a Han ideograph or a kana (U+3040 to U+30FF,
// U+3400 to U+4DBF, U+4E00 to U+9FFF, U+F900 to U+FAFF, half-width
// katakana U+FF66 to U+FF9F): text whose words only a dictionary can find.
bool HasHanOrKana(std::string_view s);

}  // namespace conform

#endif  // CONFORM_CORE_WORD_BREAKS_H_
