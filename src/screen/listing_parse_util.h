// Shared by the JSON and CSV listing parsers. Private to screen/.
#ifndef CONFORM_SCREEN_LISTING_PARSE_UTIL_H_
#define CONFORM_SCREEN_LISTING_PARSE_UTIL_H_

#include <string_view>
#include <vector>

#include "conform/core/listing.h"
#include "conform/core/result.h"
#include "conform/screen/listing_reader.h"

namespace conform {

// Checks the fields `use` requires and normalises what both formats share:
// hs_code to digits, market codes to upper case, string sizes within bounds.
Status FinishListing(Listing* l, ListingUse use = ListingUse::kScreening);

// Parses a JSON array of evidence objects (a CSV cell).
Status ParseEvidenceJson(std::string_view json, std::vector<Evidence>* out);

}  // namespace conform

#endif  // CONFORM_SCREEN_LISTING_PARSE_UTIL_H_
