// JSON listing parsing (one JSON Lines record), with simdjson's DOM API.
#include <fmt/format.h>
#include <simdjson.h>

#include <cmath>

#include "conform/screen/listing_reader.h"
#include "listing_parse_util.h"

namespace conform {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

std::string TypeName(element_type t) {
  switch (t) {
    case element_type::ARRAY: return "an array";
    case element_type::OBJECT: return "an object";
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE: return "a number";
    case element_type::STRING: return "a string";
    case element_type::BOOL: return "true/false";
    case element_type::NULL_VALUE: return "null";
  }
  return "?";
}

Error FieldError(std::string_view field, std::string what) {
  return Error(ErrorCode::kInvalidInput, fmt::format("field '{}': {}", field, what), "see doc/listing-format.md");
}

Status GetString(element e, std::string_view field, std::string* out) {
  if (e.is_null()) return Status::Ok();
  std::string_view s;
  if (e.get_string().get(s) != simdjson::SUCCESS) return FieldError(field, "must be a string, got " + TypeName(e.type()));
  out->assign(s);
  return Status::Ok();
}

// A code written as a string or, carelessly, as a JSON number.
Status GetCode(element e, std::string_view field, std::string* out) {
  if (e.type() == element_type::STRING || e.is_null()) return GetString(e, field, out);
  uint64_t n = 0;
  if (e.get_uint64().get(n) != simdjson::SUCCESS) return FieldError(field, "must be a string of digits, got " + TypeName(e.type()));
  *out = fmt::format("{}", n);
  return Status::Ok();
}

Status GetStringList(element e, std::string_view field, std::vector<std::string>* out) {
  if (e.is_null()) return Status::Ok();
  simdjson::dom::array arr;
  if (e.get_array().get(arr) != simdjson::SUCCESS) return FieldError(field, "must be an array of strings, got " + TypeName(e.type()));
  for (element item : arr) {
    std::string_view s;
    if (item.get_string().get(s) != simdjson::SUCCESS) return FieldError(field, "must contain only strings, found " + TypeName(item.type()));
    out->emplace_back(s);
  }
  return Status::Ok();
}

Status GetNumber(element e, std::string_view field, double* out) {
  double d;
  if (e.get_double().get(d) != simdjson::SUCCESS || !std::isfinite(d))
    return FieldError(field, "must be a number, got " + TypeName(e.type()));
  *out = d;
  return Status::Ok();
}

Status GetDate(element e, std::string_view field, std::optional<Date>* out) {
  std::string s;
  if (Status st = GetString(e, field, &s); !st.ok()) return st;
  if (s.empty()) return Status::Ok();
  auto d = Date::Parse(s);
  if (!d.ok()) return FieldError(field, d.error().diagnostics().front().message);
  *out = d.value();
  return Status::Ok();
}

Status GetParty(element e, std::string_view field, Party* out) {
  if (e.is_null()) return Status::Ok();
  simdjson::dom::object obj;
  if (e.get_object().get(obj) != simdjson::SUCCESS) return FieldError(field, "must be an object, got " + TypeName(e.type()));
  for (auto [key, value] : obj) {
    std::string* target = key == "name" ? &out->name : key == "address" ? &out->address
                        : key == "country" ? &out->country : key == "email" ? &out->email : nullptr;
    if (target == nullptr) continue;
    if (Status st = GetString(value, fmt::format("{}.{}", field, key), target); !st.ok()) return st;
  }
  return Status::Ok();
}

Status GetEvidenceItem(element e, std::string_view field, Evidence* ev) {
  simdjson::dom::object obj;
  if (e.get_object().get(obj) != simdjson::SUCCESS) return FieldError(field, "items must be objects, got " + TypeName(e.type()));
  for (auto [key, value] : obj) {
    const std::string f = fmt::format("{}.{}", field, key);
    Status st;
    if (key == "kind") st = GetString(value, f, &ev->kind);
    else if (key == "number") st = GetString(value, f, &ev->number);
    else if (key == "issuer") st = GetString(value, f, &ev->issuer);
    else if (key == "legal_acts") st = GetStringList(value, f, &ev->legal_acts);
    else if (key == "standards") st = GetStringList(value, f, &ev->standards);
    else if (key == "models") st = GetStringList(value, f, &ev->models);
    else if (key == "markets") st = GetStringList(value, f, &ev->markets);
    else if (key == "issued") st = GetDate(value, f, &ev->issued);
    else if (key == "expires") st = GetDate(value, f, &ev->expires);
    else if (key == "credential") st = GetString(value, f, &ev->credential);
    if (!st.ok()) return st;
  }
  if (ev->kind.empty()) return FieldError(field, "every evidence item needs a 'kind'");
  return Status::Ok();
}

Status GetEvidence(element e, std::vector<Evidence>* out) {
  if (e.is_null()) return Status::Ok();
  simdjson::dom::array arr;
  if (e.get_array().get(arr) != simdjson::SUCCESS) return FieldError("evidence", "must be an array, got " + TypeName(e.type()));
  size_t i = 0;
  for (element item : arr) {
    Evidence ev;
    if (Status st = GetEvidenceItem(item, fmt::format("evidence[{}]", i++), &ev); !st.ok()) return st;
    out->push_back(std::move(ev));
  }
  return Status::Ok();
}

Status GetAttributes(element e, Listing* l) {
  if (e.is_null()) return Status::Ok();
  simdjson::dom::object obj;
  if (e.get_object().get(obj) != simdjson::SUCCESS) return FieldError("attributes", "must be an object, got " + TypeName(e.type()));
  for (auto [key, value] : obj) {
    std::string text;
    switch (value.type()) {
      case element_type::BOOL: text = bool(value) ? "true" : "false"; break;
      case element_type::STRING: text = std::string(std::string_view(value)); break;
      case element_type::INT64:
      case element_type::UINT64:
      case element_type::DOUBLE: {
        double d = 0;
        if (Status st = GetNumber(value, fmt::format("attributes.{}", key), &d); !st.ok()) return st;
        text = fmt::format("{}", d);
        break;
      }
      case element_type::NULL_VALUE: continue;  // unstated
      default: return FieldError(fmt::format("attributes.{}", key), "must be a number, true/false or a string, got " + TypeName(value.type()));
    }
    l->attributes.emplace_back(std::string(key), std::move(text));
  }
  return Status::Ok();
}

Status GetPrice(element e, Listing* l) {
  if (e.is_null()) return Status::Ok();
  simdjson::dom::object obj;
  if (e.get_object().get(obj) != simdjson::SUCCESS) return FieldError("price", "must be an object {\"amount\", \"currency\"}, got " + TypeName(e.type()));
  for (auto [key, value] : obj) {
    if (key == "amount") {
      double d = 0;
      if (Status st = GetNumber(value, "price.amount", &d); !st.ok()) return st;
      if (d < 0) return FieldError("price.amount", "must not be negative");
      l->price_amount = d;
    } else if (key == "currency") {
      if (Status st = GetString(value, "price.currency", &l->price_currency); !st.ok()) return st;
    }
  }
  return Status::Ok();
}

}  // namespace

Result<Listing> ParseListingJson(std::string_view json, ListingUse use) {
  thread_local simdjson::dom::parser parser;
  element doc;
  if (auto err = parser.parse(json.data(), json.size(), true).get(doc); err != simdjson::SUCCESS) {
    // A CSV file read as JSON Lines (from standard input, or a file whose
    // name does not say CSV) fails on every line: say so on the first.
    const bool looks_csv = json.find('{') == std::string_view::npos && json.find(',') != std::string_view::npos;
    return Error(ErrorCode::kInvalidInput, fmt::format("not valid JSON: {}", simdjson::error_message(err)),
                 looks_csv ? "each line must be one JSON object in UTF-8; the line looks like CSV: if the input is CSV, pass --format csv"
                           : "each line must be one JSON object in UTF-8");
  }
  simdjson::dom::object obj;
  if (doc.get_object().get(obj) != simdjson::SUCCESS)
    return Error(ErrorCode::kInvalidInput, fmt::format("a listing must be a JSON object, got {}", TypeName(doc.type())), "");
  Listing l;
  std::vector<std::string_view> seen;
  for (auto [key, value] : obj) {
    for (auto s : seen)
      if (s == key) return FieldError(key, "appears twice in the object");
    seen.push_back(key);
    Status st;
    if (key == "listing_id") st = GetString(value, key, &l.listing_id);
    else if (key == "seller_id") st = GetString(value, key, &l.seller_id);
    else if (key == "title") st = GetString(value, key, &l.title);
    else if (key == "description") st = GetString(value, key, &l.description);
    else if (key == "brand") st = GetString(value, key, &l.brand);
    else if (key == "model") st = GetString(value, key, &l.model);
    else if (key == "gtin") st = GetCode(value, key, &l.gtin);
    else if (key == "hs_code") st = GetCode(value, key, &l.hs_code); else if (key == "category") st = GetString(value, key, &l.category);
    else if (key == "attributes") st = GetAttributes(value, &l);
    else if (key == "price") st = GetPrice(value, &l);
    else if (key == "target_markets") st = GetStringList(value, key, &l.target_markets);
    else if (key == "image_count") {
      int64_t n = 0;
      if (value.get_int64().get(n) != simdjson::SUCCESS || n < 0 || n > 100000)
        st = FieldError(key, "must be a whole number from 0 to 100000");
      else l.image_count = static_cast<int>(n);
    } else if (key == "manufacturer") st = GetParty(value, key, &l.manufacturer);
    else if (key == "eu_responsible_person") st = GetParty(value, key, &l.eu_responsible_person);
    else if (key == "warnings_languages") st = GetStringList(value, key, &l.warnings_languages);
    else if (key == "claims") st = GetStringList(value, key, &l.claims);
    else if (key == "evidence") st = GetEvidence(value, &l.evidence);
    else if (l.ignored_fields.size() < Listing::kMaxIgnoredFields) l.ignored_fields.emplace_back(key);
    if (!st.ok()) return st.error();
  }
  if (Status st = FinishListing(&l, use); !st.ok()) return st.error();
  return l;
}

Status ParseEvidenceJson(std::string_view json, std::vector<Evidence>* out) {
  thread_local simdjson::dom::parser parser;
  element doc;
  if (auto err = parser.parse(json.data(), json.size(), true).get(doc); err != simdjson::SUCCESS)
    return FieldError("evidence", fmt::format("not valid JSON: {}", simdjson::error_message(err)));
  return GetEvidence(doc, out);
}

}  // namespace conform
