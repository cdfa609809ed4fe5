// GTINs as recall notices carry them: the untidy barcode fields regulators
// publish, read into canonical GTIN-14s (NormalizeGtin and GtinCheckDigit
// come from conform/core/gtin.h), and the restricted-circulation ranges a
// matcher should trust less.
#ifndef CONFORM_RECALLS_GTIN_H_
#define CONFORM_RECALLS_GTIN_H_

#include <string>
#include <string_view>
#include <vector>

#include "conform/core/gtin.h"

namespace conform {

// True for restricted circulation numbers: a GTIN-13 part starting 02, 04
// or 2, or a GTIN-8 starting 0 or 2. These in-store and variable-measure
// codes are unique only inside one company or country, so a match on one
// proves little.
// Precondition: `gtin14` is 14 digits.
bool IsRestrictedCirculationGtin(std::string_view gtin14);

// True for a GTIN whose digits look made up rather than allocated: seven
// or more in sequence, up or down ("6912345678902", 9 followed by 0),
// before the check digit. Makers of cheap goods print such numbers, so one
// names no single trade item. (Not a digit repeated: company prefixes and
// item numbers hold runs of zeros.)
// Precondition: `gtin14` is 14 digits.
bool LooksMadeUpGtin(std::string_view gtin14);

// A piece of a barcode field that is not a usable GTIN.
struct BarcodeProblem {
  std::string text;    // as it appears in the field
  std::string reason;  // why it was not taken, e.g. "wrong check digit (expected 5)"
};

struct BarcodeScan {
  std::vector<std::string> gtins;  // GTIN-14, each once, in order of appearance
  // Amazon catalogue numbers printed where the barcode goes (Safety Gate
  // does): no GTIN, but they name one product page (AsinOf). Each once.
  std::vector<std::string> asins;
  std::vector<BarcodeProblem> problems;
};

// Reads every GTIN in a free-form barcode field that may hold several codes
// separated by commas, semicolons, slashes, line breaks or spaces, with
// labels ("EAN:", "UPC") and other words around them. Digit groups
// separated by single spaces or hyphens are joined when, and only when, they
// form a valid GTIN together ("0 12345 67890 5"). Words without digits are
// ignored as prose; ASINs go to `asins`; everything else that is not a
// valid GTIN (wrong length, wrong check digit, letters mixed with digits
// such as shop codes) is reported in `problems`, never silently used.
BarcodeScan ExtractGtins(std::string_view field);

// The ASINs a free text labels ("ASIN: B0CHYPVWHV", "ASIN ‏ : ‎ B0..." as
// Amazon's product details print it, with direction marks; "ASINs: B0...,
// B0..."): the word ASIN (or ASINs, ASIN(s)), at most 24 bytes that are
// not ASCII letters or digits, then the number, and more after a comma,
// slash or semicolon. Each once, in capitals, in order of appearance.
// Unlabelled ones are left: "B0" and eight capitals is also a model code.
std::vector<std::string> LabelledAsins(std::string_view text);

}  // namespace conform

#endif  // CONFORM_RECALLS_GTIN_H_
