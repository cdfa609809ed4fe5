#include "conform/core/gtin.h"

#include <fmt/format.h>

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
  for (char c : code) {
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

}  // namespace conform
