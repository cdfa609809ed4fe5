// A marketplace listing as conform reads it (doc/listing-format.md).
#ifndef CONFORM_CORE_LISTING_H_
#define CONFORM_CORE_LISTING_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "conform/core/date.h"

namespace conform {

struct Party {
  std::string name;
  std::string address;
  std::string country;  // ISO 3166-1 alpha-2; manufacturers only
  std::string email;
  bool empty() const { return name.empty() && address.empty() && country.empty() && email.empty(); }
};

// A document the seller supplied as proof of conformity.
struct Evidence {
  std::string kind;  // a document kind from the vocabulary
  std::string number;
  std::string issuer;
  std::vector<std::string> legal_acts;
  std::vector<std::string> standards;  // "EN IEC 62368-1:2020+A11:2020"
  std::vector<std::string> models;
  std::vector<std::string> markets;
  std::optional<Date> issued;
  std::optional<Date> expires;
  std::string credential;  // path of a digital credential standing for the document
};

struct Listing {
  std::string listing_id;
  std::string seller_id;
  std::string title;
  std::string description;
  std::string brand;
  std::string model;
  std::string gtin;  // digits only
  // The gtin field as written when it holds no GTIN (letters, as in an
  // ASIN, or too few or too many digits), and why: gtin is then empty, the
  // rest of the listing is read as usual, and screening points it out.
  // gtin_problem says what is wrong as the reader's message does ("field
  // 'gtin': 'B0CHYPVWHV' is not all digits").
  std::string gtin_unreadable, gtin_problem;
  std::string hs_code;  // digits only
  std::string category;
  std::vector<std::pair<std::string, std::string>> attributes;  // name, value as text
  std::optional<double> price_amount;
  std::string price_currency;
  std::vector<std::string> target_markets;
  std::optional<int> image_count;
  Party manufacturer;
  Party eu_responsible_person;
  std::vector<std::string> warnings_languages;
  std::vector<std::string> claims;
  std::vector<Evidence> evidence;

  // Where it was read from, for messages: 1-based line (JSON Lines) or
  // record (CSV, counting the header as 1).
  size_t line = 0;
  // Keys (JSON) or columns (CSV) that are not listing fields, as written:
  // ignored, and reported so that a misspelt field is not lost unseen. The
  // first kMaxIgnoredFields of a record: a file with thousands of unknown
  // columns costs no memory per row for them.
  static constexpr size_t kMaxIgnoredFields = 32;
  std::vector<std::string> ignored_fields;
};

}  // namespace conform

#endif  // CONFORM_CORE_LISTING_H_
