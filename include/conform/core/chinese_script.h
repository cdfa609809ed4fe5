// Chinese written in traditional characters, read as simplified.
#ifndef CONFORM_CORE_CHINESE_SCRIPT_H_
#define CONFORM_CORE_CHINESE_SCRIPT_H_

#include <string>
#include <string_view>

namespace conform {

// `text` (UTF-8) with traditional Chinese characters written as simplified
// ones, character by character (ICU's Hant-Hans transform of each: "電熱
// 水壺" is "电热水壶", "可攜式投影機" "可携式投影机"), everything else as it
// is; `text` itself when it holds no Han character (HasHanOrKana). Taiwan's
// and Hong Kong's sellers write traditional characters, and vocabularies
// list the simplified forms. One character at a time, a word found in a
// text is still found in it once both are converted. Where ICU has no
// transform (no data), `text` as it is. The first call builds the table
// (about 20 ms).
std::string SimplifiedChinese(std::string_view text);

}  // namespace conform

#endif  // CONFORM_CORE_CHINESE_SCRIPT_H_
