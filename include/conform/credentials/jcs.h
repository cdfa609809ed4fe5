// JSON Canonicalization Scheme (RFC 8785): the byte-exact form of a JSON
// text that Data Integrity proofs (eddsa-jcs-2022) hash and sign.
//
// Input must be I-JSON (RFC 7493): UTF-8, no duplicate object keys, no lone
// surrogates, numbers that are finite IEEE 754 doubles. Output: no
// whitespace, object members sorted by their names' UTF-16 code units,
// strings with only the escapes RFC 8785 requires, numbers serialised as
// ECMAScript's Number.prototype.toString does.
#ifndef CONFORM_CREDENTIALS_JCS_H_
#define CONFORM_CREDENTIALS_JCS_H_

#include <string>
#include <string_view>

#include "conform/core/result.h"

namespace conform {

// Nesting deeper than this is refused (hostile input).
inline constexpr int kJcsMaxDepth = 128;

// Canonicalises a JSON text. Errors name the byte offset and what is wrong:
// syntax, a duplicate key, a lone surrogate, invalid UTF-8, a number out of
// range, nesting deeper than kJcsMaxDepth.
Result<std::string> CanonicalizeJson(std::string_view json);

// The ECMAScript serialisation of a finite double ("1e+21", "0.000001",
// "5e-324", "-0" as "0"). Precondition: std::isfinite(value).
std::string SerializeJcsNumber(double value);

}  // namespace conform

#endif  // CONFORM_CREDENTIALS_JCS_H_
