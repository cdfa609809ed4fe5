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

// The trade item a case or carton holds, as GS1 builds a packaging level's
// GTIN-14 from the unit's: an indicator digit 1 to 8, the unit's GTIN-13
// without its check digit, a new check digit. Returns the unit's GTIN-14
// (a leading zero, then its GTIN-13), or empty when `gtin14` (a
// NormalizeGtin result) is a unit itself (indicator 0) or a variable
// measure item (indicator 9). The link is the brand owner's convention,
// not a rule GS1 enforces: evidence, not identity.
std::string UnitGtinOfCase(std::string_view gtin14);

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
