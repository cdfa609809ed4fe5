// Text normalisation and model-number extraction (recalls/model_number.h,
// recalls/text_similarity.h, core/text.h): run on every listing title and
// every recall notice's product text. The input is split at the first NUL
// byte into two texts for the pairwise similarity functions.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "conform/core/text.h"
#include "conform/recalls/model_number.h"
#include "conform/recalls/text_similarity.h"
#include "recalls/reference_edit_distance.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace conform;
  using namespace conform::recalls;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string_view a = text, b;
  if (auto nul = text.find('\0'); nul != std::string_view::npos) {
    a = text.substr(0, nul);
    b = text.substr(nul + 1);
  }

  (void)ExtractCodesAndSpecs(text);
  for (const auto& code : ExtractModelCodes(text)) (void)code;
  (void)LabelledModelNumbers(text);
  (void)OwnLabelledModelNumbers(text);
  const std::string compact = CompactAlnum(text);
  std::string stem;
  (void)IsWholeCompactCode(compact, &stem);
  (void)ModelAttributeNamesAModel(text);
  (void)LooksLikeModelCode(text);
  (void)ListedModelCode(text);

  const std::string normalized_a = NormalizeText(a);
  const std::string normalized_b = NormalizeText(b);
  const std::string folded = FoldForMatching(text);
  (void)CollapseToWords(folded);
  auto words_a = Words(normalized_a);
  auto words_b = Words(normalized_b);
  (void)Jaccard(words_a, words_b);
  (void)OverlapCoefficient(words_a, words_b);
  const std::string padded = PadForNgrams(normalized_a);
  for (int n = 1; n <= 4; ++n) (void)CharNgrams(padded, n);
  if (a.size() < 512 && b.size() < 512) {
    const size_t distance = EditDistance(a, b);
    if (distance != ReferenceEditDistance(a, b)) __builtin_trap();
    (void)EditSimilarity(a, b);
  }

  (void)NormalizeForMatching(text);
  (void)FoldLatinDiacritics(text);
  (void)DecodeHtmlEntities(text);
  (void)ForTerminal(text);
  (void)ForTerminal(text, true);
  size_t i = 0;
  while (i < text.size()) {
    const size_t before = i;
    (void)NextCodepoint(text, &i);
    if (i <= before || i > text.size()) __builtin_trap();
  }
  return 0;
}
