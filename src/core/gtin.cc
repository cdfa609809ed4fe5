#include "conform/core/gtin.h"

#include <fmt/format.h>

#include <algorithm>

#include "conform/core/text.h"

namespace conform {

int GtinCheckDigit(std::string_view digits) {
  // Weights 3,1,3,1... from the rightmost digit.
  int sum = 0;
  bool three = true;
  for (size_t i = digits.size(); i-- > 0;) {
    sum += (digits[i] - '0') * (three ? 3 : 1);
    three = !three;
  }
  return (10 - sum % 10) % 10;
}

Result<std::string> NormalizeGtin(std::string_view code) {
  std::string digits;
  for (size_t i = 0; i < code.size(); ++i) {
    if (const size_t invisible = InvisibleCharLength(code, i)) {
      i += invisible - 1;
      continue;
    }
    if (code.substr(i, 2) == "\u00a0") {  // a no-break space, a space
      ++i;
      continue;
    }
    const char c = code[i];
    if (c == ' ' || c == '-') continue;
    if (c < '0' || c > '9')
      return Error(ErrorCode::kInvalidInput, fmt::format("GTIN '{}' contains '{}': a GTIN is digits only", code, c));
    digits.push_back(c);
  }
  if (digits.size() != 8 && digits.size() != 12 && digits.size() != 13 && digits.size() != 14)
    return Error(ErrorCode::kInvalidInput, fmt::format("GTIN '{}' has {} digits: a GTIN has 8, 12, 13 or 14", code, digits.size()));
  const int expected = GtinCheckDigit(std::string_view(digits).substr(0, digits.size() - 1));
  if (digits.back() - '0' != expected)
    return Error(ErrorCode::kInvalidInput,
                 fmt::format("GTIN '{}' fails its check digit: the last digit should be {}", code, expected),
                 "check the code for a mistyped digit");
  return std::string(14 - digits.size(), '0') + digits;
}

std::string UnitGtinOfCase(std::string_view gtin14) {
  if (gtin14.size() != 14 || gtin14[0] < '1' || gtin14[0] > '8') return "";
  std::string unit = "0";
  unit += gtin14.substr(1, 12);
  unit.push_back(static_cast<char>('0' + GtinCheckDigit(unit)));
  return unit;
}

std::string AsinOf(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.size() != 10 || (text[0] != 'B' && text[0] != 'b') || text[1] != '0') return "";
  std::string asin(text);
  for (char& c : asin) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    else if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z')) return "";
  }
  return asin;
}

std::string AsinInField(std::string_view field) {
  // Most fields hold digits: no "B" (nor a full-width one, not ASCII) and
  // no ASIN, known without normalising.
  if (field.size() > 64 || std::none_of(field.begin(), field.end(), [](char c) {
        return c == 'B' || c == 'b' || static_cast<unsigned char>(c) >= 0x80;
      }))
    return "";
  std::string compact;
  for (const char c : NormalizeForMatching(field))
    if (c != ' ' && c != '-') compact.push_back(c);
  return AsinOf(compact);
}

}  // namespace conform
