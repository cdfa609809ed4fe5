// GS1 Global Trade Item Numbers: the barcodes (EAN/UPC) that name a product
// in listings, recall notices and conformity credentials alike.
#ifndef CONFORM_CORE_GTIN_H_
#define CONFORM_CORE_GTIN_H_

#include <string>
#include <string_view>

#include "conform/core/result.h"

namespace conform {

// A GTIN-8, -12 (UPC-A), -13 (EAN) or -14 as the 14-digit form (left-padded
// with zeros), after checking its GS1 mod-10 check digit. Spaces and hyphens
// inside the code are ignored; anything else is an error that says what is
// wrong (length, a non-digit, the check digit expected).
Result<std::string> NormalizeGtin(std::string_view code);

// The GS1 mod-10 check digit for `digits` (the code without its last digit).
// Precondition: every character is 0-9.
int GtinCheckDigit(std::string_view digits);

}  // namespace conform

#endif  // CONFORM_CORE_GTIN_H_
