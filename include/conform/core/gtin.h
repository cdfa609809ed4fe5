// GS1 Global Trade Item Numbers: the barcodes (EAN/UPC) that name a product
// in listings, recall notices and conformity credentials alike; and the
// marketplace number sellers put in their place (an Amazon ASIN).
#ifndef CONFORM_CORE_GTIN_H_
#define CONFORM_CORE_GTIN_H_

#include <string>
#include <string_view>

#include "conform/core/result.h"

namespace conform {

// A GTIN-8, -12 (UPC-A), -13 (EAN) or -14 as the 14-digit form (left-padded
// with zeros), after checking its GS1 mod-10 check digit. Spaces (no-break
// ones too), hyphens and invisible characters (InvisibleCharLength) inside
// the code are ignored; anything else is an error that says what is wrong
// (length, a non-digit, the check digit expected).
Result<std::string> NormalizeGtin(std::string_view code);

// The GS1 mod-10 check digit for `digits` (the code without its last digit).
// Precondition: every character is 0-9.
int GtinCheckDigit(std::string_view digits);

// An Amazon Standard Identification Number as the marketplace writes a
// product's (not a book's, whose ASIN is its ISBN-10): "B0" and eight
// letters or digits, ten in all. Returns it in capitals, or empty when
// `text` (trimmed of spaces) is not one. Amazon's fulfilment labels
// ("X001N2FNJP") are not ASINs.
std::string AsinOf(std::string_view text);
// The ASIN a listing's identifier field holds, as sellers type one there:
// full-width characters and spaces or hyphens between groups ("B0 CHY PVW
// HV", "B0-CHYPVWHV") allowed. Empty when the field holds anything else.
std::string AsinInField(std::string_view field);

}  // namespace conform

#endif  // CONFORM_CORE_GTIN_H_
