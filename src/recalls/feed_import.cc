#include "conform/recalls/feed_import.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <unordered_set>
#include <utility>

#include <simdjson.h>

#include "conform/core/text.h"
#include "conform/recalls/gtin.h"
#include "conform/recalls/model_number.h"
#include "feed_records.h"

namespace conform {

namespace feed {

namespace {

const char* TypeName(const Json& v) {
  switch (v.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::object: return "an object";
    case Json::value_t::array: return "an array";
    case Json::value_t::string: return "text";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::binary: return "binary data";
    case Json::value_t::discarded: return "nothing";
    default: return "a number";
  }
}

// The value of the first of `keys` that is present and not null.
const Json* Find(const Json& object, std::initializer_list<std::string_view> keys, std::string_view* found_key) {
  for (std::string_view key : keys) {
    const auto it = object.find(key);
    if (it != object.end() && !it->is_null()) {
      if (found_key) *found_key = key;
      return &*it;
    }
  }
  return nullptr;
}

// A text value as a field's text: spaces made plain, then trimmed (a
// no-break space at an end is trimmed too).
// A feed's text as one encoding of it: NFC, so that a record exported
// again with its accents decomposed is the same record.
std::string TextValue(const Json& v) { return Trim(PlainSpaces(ComposeNfc(v.get_ref<const std::string&>()))); }

std::string ScalarText(const Json& v) {
  if (v.is_string()) return TextValue(v);
  return v.dump();
}

}  // namespace

std::string Trim(std::string_view s) {
  const char* ws = " \t\r\n\f\v";
  const size_t b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return "";
  const size_t e = s.find_last_not_of(ws);
  return std::string(s.substr(b, e - b + 1));
}

std::string PlainSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const std::string_view rest = s.substr(i);
    if (rest.substr(0, 2) == "\xC2\xA0") {  // U+00A0
      out.push_back(' ');
      ++i;
    } else if (rest.substr(0, 3) == "\xE2\x80\xAF") {  // U+202F
      out.push_back(' ');
      i += 2;
    } else if (rest.substr(0, 3) == "\xE2\x80\x8B" || rest.substr(0, 3) == "\xE2\x80\x8C" || rest.substr(0, 3) == "\xE2\x80\x8D" ||
               rest.substr(0, 3) == "\xE2\x81\xA0" || rest.substr(0, 3) == "\xEF\xBB\xBF") {  // U+200B-U+200D, U+2060, U+FEFF
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::vector<std::string> SplitList(std::string_view s, std::string_view separators) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= s.size()) {
    const size_t end = s.find_first_of(separators, start);
    std::string part = Trim(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (!part.empty()) parts.push_back(std::move(part));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

void AddUnique(std::vector<std::string>* list, const std::string& value) {
  if (value.empty()) return;
  // A long list is made unique once the record is read (KeepFirstOfEach):
  // a record of 100 000 codes is read in linear time.
  if (list->size() >= kAddUniqueScan || std::find(list->begin(), list->end(), value) == list->end()) list->push_back(value);
}

void KeepFirstOfEach(std::vector<std::string>* list) {
  if (list->size() <= kAddUniqueScan) return;
  // Which to keep first, the views pointing into the list as it stands;
  // then the kept ones moved.
  std::unordered_set<std::string_view> seen;
  std::vector<bool> keep(list->size());
  for (size_t i = 0; i < list->size(); ++i) keep[i] = seen.insert((*list)[i]).second;
  seen.clear();
  size_t n = 0;
  for (size_t i = 0; i < list->size(); ++i)
    if (keep[i]) {
      if (n != i) (*list)[n] = std::move((*list)[i]);
      ++n;
    }
  list->resize(n);
}

std::string RawJson(const Json& record) { return record.dump(-1, ' ', false, Json::error_handler_t::replace); }

bool IsUnknownPlaceholder(std::string_view text) {
  const std::string l = AsciiLower(Trim(text));
  for (std::string_view p : {"", "unknown", "not known", "none", "n/a", "na", "n.a.", "-", "--", "no brand", "unknown brand", "brand unknown",
                             "without brand", "unbranded", "no name", "noname", "not specified"})
    if (l == p) return true;
  // As the EU's authorities write it in their own languages (Safety Gate
  // passes their words on): "not stated", "unknown", "without a brand".
  for (std::string_view p : {"neuvedena", "neuvedená", "neuvedeno", "neuvedené", "neznáma", "neznámá", "neznama", "bez značky",
                             "bez znacky", "bez marki", "brak marki", "nieznana", "nieznany", "unbekannt", "ohne marke", "keine marke",
                             "sans marque", "inconnue", "inconnu", "non précisée", "non precisee", "sin marca", "desconocida",
                             "desconocido", "senza marca", "sconosciuta", "sconosciuto", "sem marca", "desconhecida", "desconhecido",
                             "onbekend", "geen merk", "ismeretlen", "neznana", "ni navedena", "nepoznata", "nepoznato", "necunoscut",
                             "necunoscută", "necunoscuta", "fără marcă", "fara marca", "nežinoma", "nezinoma", "nenurodyta", "nezināms",
                             "nezinams", "nav norādīts", "nav noradits", "teadmata", "tuntematon", "okänt", "okänd", "ukendt", "ukjent",
                             "неизвестна", "без марка", "άγνωστη", "άγνωστο"})
    if (l == p) return true;
  return false;
}

void AddBrands(std::string_view field, Notice* notice) {
  if (IsUnknownPlaceholder(field)) return;  // before splitting: "N/A" is not "N" and "A"
  // Never at " and ", '&' or '+': they are inside brand names (Marks and
  // Spencer, Bang & Olufsen, Dolce & Gabbana, C+C). '/' last, once each
  // part is known not to be a placeholder: "Acme | N/A" is brand Acme.
  for (const std::string& part : SplitList(field, ",;|\n")) {
    if (IsUnknownPlaceholder(part)) continue;
    for (std::string b : SplitList(part, "/")) {
      if (b.find(' ') == std::string::npos && b.size() > 1 && b.back() == '.') b.pop_back();  // "OPEL."
      if (!IsUnknownPlaceholder(b)) AddUnique(&notice->brands, b);
    }
  }
}

void AddLines(std::string_view field, std::vector<std::string>* list) {
  if (IsUnknownPlaceholder(field)) return;
  for (const auto& line : SplitList(field, "\n"))
    if (!IsUnknownPlaceholder(line)) AddUnique(list, line);
}

void AddBarcodes(std::string_view field, Notice* notice, std::vector<std::string>* warnings) {
  BarcodeScan scan = ExtractGtins(field);
  for (auto& g : scan.gtins) AddUnique(&notice->gtins, g);
  for (auto& a : scan.asins) AddUnique(&notice->asins, a);
  for (const auto& p : scan.problems) {
    AddUnique(&notice->invalid_barcodes, fmt::format("{}: {}", p.text, p.reason));
    warnings->push_back(fmt::format("barcode '{}' is not a GTIN: {}", p.text, p.reason));
  }
}

bool FieldReader::has(std::string_view key) const {
  const auto it = object_.find(key);
  return it != object_.end() && !it->is_null();
}

void FieldReader::Fail(std::string message) {
  if (error_.empty()) error_ = std::move(message);
}

std::string FieldReader::Text(std::initializer_list<std::string_view> keys) {
  std::string_view key;
  const Json* v = Find(object_, keys, &key);
  if (v == nullptr) return "";
  // true or false where a text is meant is no text ("brand": true).
  if (v->is_array() || v->is_object() || v->is_boolean()) {
    Fail(fmt::format("'{}' should be text, found {}", key, TypeName(*v)));
    return "";
  }
  return ScalarText(*v);
}

std::string FieldReader::Id(std::initializer_list<std::string_view> keys, bool whole_numbers) {
  std::string_view key;
  const Json* v = Find(object_, keys, &key);
  if (v == nullptr) return "";
  if (v->is_string()) return TextValue(*v);
  const char* wanted = whole_numbers ? "text or a whole number" : "text";
  if (whole_numbers && (v->is_number_unsigned() || (v->is_number_integer() && v->get<int64_t>() >= 0))) return v->dump();
  if (whole_numbers && v->is_number_float()) {
    // 21004.0 is the number 21004; beyond 2^53 a double no longer holds
    // every whole number exactly.
    const double d = v->get<double>();
    if (d >= 0 && d <= 9007199254740992.0 && d == static_cast<double>(static_cast<int64_t>(d))) return fmt::format("{}", static_cast<int64_t>(d));
  }
  if (v->is_number() || v->is_boolean()) {
    const bool too_large = v->is_number_float() && std::isfinite(v->get<double>()) && v->get<double>() > 0 &&
                           v->get<double>() == std::floor(v->get<double>());
    std::string found = v->is_boolean()   ? "a boolean"
                        : too_large       ? "a whole number too large to be read exactly; write it as text"
                        : v->is_number_float() ? "a number that is not whole"
                                               : "a negative number";
    if (!whole_numbers) found = v->is_boolean() ? "a boolean" : "a number";
    Fail(fmt::format("'{}' should be {}, found {} ({})", key, wanted, found, v->dump()));
    return "";
  }
  Fail(fmt::format("'{}' should be {}, found {}", key, wanted, TypeName(*v)));
  return "";
}

const Json* FieldReader::Array(std::string_view key) {
  const Json* v = Find(object_, {key}, nullptr);
  if (v == nullptr) return nullptr;
  if (!v->is_array()) {
    Fail(fmt::format("'{}' should be an array, found {}", key, TypeName(*v)));
    return nullptr;
  }
  return v;
}

std::vector<std::string> FieldReader::Strings(std::initializer_list<std::string_view> keys) {
  std::vector<std::string> out;
  std::string_view key;
  const Json* v = Find(object_, keys, &key);
  if (v == nullptr) return out;
  if (v->is_object()) {
    Fail(fmt::format("'{}' should be text or an array of text, found an object", key));
    return out;
  }
  if (v->is_boolean()) {
    Fail(fmt::format("'{}' should be text or an array of text, found {}", key, TypeName(*v)));
    return out;
  }
  if (!v->is_array()) {
    AddUnique(&out, ScalarText(*v));
    return out;
  }
  for (const auto& e : *v) {
    if (e.is_null()) continue;
    if (!e.is_string() && !e.is_number()) {
      Fail(fmt::format("'{}' should be text or an array of text, found an array holding {}", key, TypeName(e)));
      return {};
    }
    AddUnique(&out, ScalarText(e));
  }
  return out;
}

std::vector<std::string> FieldReader::TextsOf(std::string_view array, std::string_view key) {
  std::vector<std::string> out;
  const Json* a = Array(array);
  if (a == nullptr) return out;
  for (size_t i = 0; i < a->size(); ++i) {
    const Json& e = (*a)[i];
    if (e.is_null()) continue;
    if (e.is_string() || e.is_number()) {
      AddUnique(&out, ScalarText(e));
      continue;
    }
    if (!e.is_object()) {
      Fail(fmt::format("'{}[{}]' should be an object, found {}", array, i, TypeName(e)));
      return {};
    }
    const auto it = e.find(key);
    if (it == e.end() || it->is_null()) continue;
    if (it->is_array() || it->is_object()) {
      Fail(fmt::format("'{}[{}].{}' should be text, found {}", array, i, key, TypeName(*it)));
      return {};
    }
    AddUnique(&out, ScalarText(*it));
  }
  return out;
}

std::optional<Date> FieldReader::Day(std::initializer_list<std::string_view> keys) {
  std::string_view key;
  const Json* v = Find(object_, keys, &key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) {
    Fail(fmt::format("'{}' should be a date, found {}", key, TypeName(*v)));
    return std::nullopt;
  }
  const std::string text = TextValue(*v);
  if (text.empty()) return std::nullopt;
  std::string why;
  if (auto d = DayOfText(text, &why)) {
    if (IsPlausibleNoticeDay(*d)) return d;
    Warn(ImplausibleDay(key, *d));
    return std::nullopt;
  }
  if (IsNoDatePlaceholder(text)) {
    Warn(fmt::format("'{}' is not a date: '{}'; the date is left unknown", key, text));
    return std::nullopt;
  }
  Fail(NotADate(key, text, why));
  return std::nullopt;
}

std::string FieldReader::Instant(std::initializer_list<std::string_view> keys) {
  std::string_view key;
  const Json* v = Find(object_, keys, &key);
  if (v == nullptr || !v->is_string()) return "";
  return UtcInstantOfText(TextValue(*v));
}

namespace {

// Reads `n` digits at text[*i] as a number no greater than `max`.
bool Digits(std::string_view text, size_t* i, size_t n, int max) {
  if (*i + n > text.size()) return false;
  int v = 0;
  for (size_t k = 0; k < n; ++k) {
    const char c = text[*i + k];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *i += n;
  return v <= max;
}

// "HH:MM", "HH:MM:SS", "HH:MM:SS.fff", then "", "Z", "+HH:MM", "-HHMM" or "+HH".
bool IsTimeOfDay(std::string_view t) {
  size_t i = 0;
  if (!Digits(t, &i, 2, 23) || i >= t.size() || t[i++] != ':' || !Digits(t, &i, 2, 59)) return false;
  if (i < t.size() && t[i] == ':') {
    ++i;
    if (!Digits(t, &i, 2, 60)) return false;  // 60: a leap second
    if (i < t.size() && (t[i] == '.' || t[i] == ',')) {
      const size_t start = ++i;
      while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
      if (i == start) return false;
    }
  }
  if (i == t.size()) return true;
  if (t[i] == 'Z' || t[i] == 'z') return i + 1 == t.size();
  if (t[i] != '+' && t[i] != '-') return false;
  ++i;
  if (!Digits(t, &i, 2, 23)) return false;
  if (i == t.size()) return true;
  if (t[i] == ':') ++i;
  return Digits(t, &i, 2, 59) && i == t.size();
}

}  // namespace

std::optional<Date> DayOfText(std::string_view text, std::string* why) {
  auto fail = [why](std::string reason) -> std::optional<Date> {
    if (why) *why = std::move(reason);
    return std::nullopt;
  };
  const bool day_shape = text.size() >= 10 && text[4] == '-' && text[7] == '-';
  if (!day_shape || (text.size() > 10 && text[10] != 'T' && text[10] != ' '))
    return fail("expected YYYY-MM-DD, optionally followed by a time (YYYY-MM-DDTHH:MM:SS)");
  auto d = Date::Parse(text.substr(0, 10));
  if (!d.ok()) return fail("");  // a day that does not exist: the text says it all
  if (const std::string_view time = text.substr(std::min<size_t>(text.size(), 11)); text.size() > 10 && !IsTimeOfDay(time))
    return fail(fmt::format("'{}' is not a time of day (HH:MM:SS, hours 00-23, minutes 00-59)", time.size() > 30 ? "the text after the day" : time));
  return d.value();
}

std::string UtcInstantOfText(std::string_view text) {
  const std::optional<Date> parsed = text.size() < 16 ? std::nullopt : DayOfText(text);
  if (!parsed) return "";
  const Date day = *parsed;
  const std::string_view t = text.substr(11);
  const auto number = [](std::string_view d) { return (d[0] - '0') * 10 + (d[1] - '0'); };
  int64_t seconds = number(t.substr(0, 2)) * 3600 + number(t.substr(3, 2)) * 60;
  size_t i = 5;
  if (i < t.size() && t[i] == ':') {
    seconds += std::min(number(t.substr(i + 1, 2)), 59);
    i += 3;
  }
  while (i < t.size() && (t[i] == '.' || t[i] == ',' || (t[i] >= '0' && t[i] <= '9'))) ++i;
  if (i < t.size() && (t[i] == '+' || t[i] == '-')) {  // the zone: local time = UTC + offset
    const int sign = t[i] == '+' ? 1 : -1;
    const std::string_view zone = t.substr(i + 1);
    int offset = number(zone.substr(0, 2)) * 3600;
    if (zone.size() >= 4) offset += number(zone.substr(zone.size() - 2, 2)) * 60;
    seconds -= sign * offset;
  }
  int64_t days = day.days_since_epoch();
  while (seconds < 0) {
    seconds += 86400;
    --days;
  }
  while (seconds >= 86400) {
    seconds -= 86400;
    ++days;
  }
  return fmt::format("{}T{:02}:{:02}:{:02}Z", Date::FromDays(static_cast<int32_t>(days)).ToString(), seconds / 3600, seconds / 60 % 60, seconds % 60);
}

bool IsNoDatePlaceholder(std::string_view text) {
  std::string l;
  for (char c : Trim(text)) l.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  for (std::string_view p : {"n/a", "na", "n.a.", "none", "null", "nil", "unknown", "not available", "-", "--", "tbd", "0000-00-00"})
    if (l == p) return true;
  // The first day a .NET service can write, for "none" (DateTime.MinValue).
  return l == "0001-01-01" || l.starts_with("0001-01-01t00:00:00") || l.starts_with("0001-01-01 00:00:00");
}

bool IsPlausibleNoticeDay(Date day) { return day.days_since_epoch() <= Date::Today().days_since_epoch() + 1; }

std::string ImplausibleDay(std::string_view key, Date day) {
  return fmt::format("'{}' is {}, a day still to come, which no notice can be dated; the date is left unknown", key, day.ToString());
}

std::string NotADate(std::string_view key, std::string_view text, std::string_view why) {
  size_t cut = std::min<size_t>(text.size(), 60);
  while (cut < text.size() && cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  std::string shown(text.substr(0, cut));
  if (cut < text.size()) shown += "...";
  return why.empty() ? fmt::format("'{}' is not a date: '{}'", key, shown) : fmt::format("'{}' is not a date: '{}'; {}", key, shown, why);
}

std::optional<NoticeSource> GuessRecordSource(const Json& record) {
  if (!record.is_object()) return std::nullopt;
  auto has = [&record](const char* key) { return record.contains(key); };
  if (has("RecallID") || has("RecallNumber")) return NoticeSource::kUsCpsc;
  if (has("alert_number") || has("caseNumber") || has("product_barcode") || has("rapex_url")) return NoticeSource::kEuSafetyGate;
  if (has("recallId") || has("panels") || (has("date_published") && has("category"))) return NoticeSource::kCaHealthCanada;
  // The open data file, in English or French.
  if (has("NID") && (has("Title") || has("Organization") || has("Titre") || has("Organisation") || has("Produit")))
    return NoticeSource::kCaHealthCanada;
  return std::nullopt;
}

}  // namespace feed

namespace {

using feed::Json;

const char* IdKeysOf(NoticeSource s) {
  switch (s) {
    case NoticeSource::kEuSafetyGate: return "'alert_number' or 'caseNumber'";
    case NoticeSource::kUsCpsc: return "'RecallID' and 'RecallNumber'";
    case NoticeSource::kCaHealthCanada: return "'recallId' (the API) or 'NID' (the open data file)";
  }
  return "";
}

// An OpenDataSoft record's fields: v1 wraps them in {"fields": ...}, v2.0
// in {"record": {"fields": ...}}.
const Json* OpenDataSoftFields(const Json* record) {
  if (record->is_object() && record->contains("record")) record = &(*record)["record"];
  if (record->is_object() && record->contains("fields")) record = &(*record)["fields"];
  return record;
}

// The record objects of a feed document, whatever envelope it came in.
Result<std::vector<const Json*>> RecordsOf(const Json& doc) {
  std::vector<const Json*> records;
  if (doc.is_array()) {
    for (const auto& r : doc) records.push_back(&r);
    return records;
  }
  if (!doc.is_object())
    return Error(ErrorCode::kInvalidInput, fmt::format("the feed is {}, not a JSON array of records or an object", feed::TypeName(doc)),
                 "give the file the feed's service answered with: an array of records, a record, or its answer object (\"results\", \"records\")");
  if (feed::GuessRecordSource(doc)) return std::vector<const Json*>{&doc};
  const auto results = doc.find("results");
  if (results != doc.end() && results->is_array()) {  // OpenDataSoft v2.1, Health Canada search
    for (const auto& r : *results) records.push_back(&r);
    return records;
  }
  if (results != doc.end() && results->is_object()) {  // Health Canada recent: {"ALL": [...], "FOOD": [...]}
    for (const auto& [list_name, list] : results->items()) {
      if (!list.is_array()) return Error(ErrorCode::kInvalidInput, fmt::format("'results.{}' should be an array of recalls", list_name));
      for (const auto& r : list) records.push_back(&r);
    }
    return records;
  }
  const auto ods = doc.find("records");
  if (ods != doc.end() && ods->is_array()) {  // OpenDataSoft v1 ({"fields": ...}) and v2.0 ({"record": {"fields": ...}})
    for (const auto& r : *ods) records.push_back(OpenDataSoftFields(&r));
    return records;
  }
  return Error(ErrorCode::kInvalidInput, "no records found: expected a JSON array of records, or an object with 'results' or 'records'");
}

feed::RecordRead ReadSourceRecord(NoticeSource source, const Json& record) {
  switch (source) {
    case NoticeSource::kEuSafetyGate: return feed::ReadSafetyGateRecord(record);
    case NoticeSource::kUsCpsc: return feed::ReadCpscRecord(record);
    case NoticeSource::kCaHealthCanada: return feed::ReadHealthCanadaRecord(record);
  }
  return {"", std::nullopt, "unknown source", {}};
}

feed::RecordRead ReadRecord(NoticeSource source, const Json& record) {
  feed::RecordRead read = ReadSourceRecord(source, record);
  if (read.notice) {
    Notice& n = *read.notice;
    for (auto* list : {&n.brands, &n.companies, &n.model_numbers, &n.gtins, &n.invalid_barcodes, &n.asins, &n.batch_numbers,
                       &n.hazard_types, &n.measures, &n.origin_countries, &n.market_countries, &n.sold_at, &n.related_urls})
      feed::KeepFirstOfEach(list);
  }
  // Any feed's text may name the Amazon product page of what it recalls
  // ("ASIN: B0..."): one product, as a barcode is.
  if (read.notice)
    for (const std::string* text : {&read.notice->title, &read.notice->product_name, &read.notice->description})
      for (const auto& a : LabelledAsins(*text)) feed::AddUnique(&read.notice->asins, a);
  // The notice's page is shown and linked (the HTML report): an address
  // that is not a web page's is said and left out.
  if (read.notice) {
    Notice& n = *read.notice;
    if (!n.url.empty() && !IsWebAddress(n.url)) {
      read.warnings.push_back(fmt::format("the URL '{}' is not a web address (http or https); left out", n.url));
      n.url.clear();
    }
    const auto bad = std::remove_if(n.related_urls.begin(), n.related_urls.end(), [&](const std::string& u) {
      if (IsWebAddress(u)) return false;
      read.warnings.push_back(fmt::format("the related URL '{}' is not a web address (http or https); left out", u));
      return true;
    });
    n.related_urls.erase(bad, n.related_urls.end());
  }
  // A last change before the notice's publication is a slip of the feed's:
  // both dates are kept as given, and said.
  if (read.notice && read.notice->published && read.notice->updated && *read.notice->updated < *read.notice->published)
    read.warnings.push_back(fmt::format("the last change ({}) is dated before the publication ({}); both are kept as given",
                                        read.notice->updated->ToString(), read.notice->published->ToString()));
  // CPSC and Health Canada give model numbers in prose: those it labels
  // as such ("Model: E33A", "model number RH99A2U1", "models 40041 and
  // 40003") are the notice's, as the matcher reads them.
  if (read.notice && read.notice->model_numbers.empty() && source != NoticeSource::kEuSafetyGate) {
    const Notice& n = *read.notice;
    read.notice->model_numbers = recalls::LabelledModelNumbers(fmt::format("{}. {}", n.product_name.empty() ? n.title : n.product_name, n.description));
  }
  return read;
}

// "an eu-safety-gate", "a us-cpsc": the source's name with its article,
// for "... record" and "... feed".
std::string RecordOf(NoticeSource source) {
  const std::string_view name = NoticeSourceName(source);
  return fmt::format("{} {}", name.starts_with('e') ? "an" : "a", name);
}

// Refuses a feed that is another source's: `guessed` counts the records
// that look like each source's (GuessRecordSource), of `records` in all.
Status CheckFeedSource(NoticeSource source, const std::map<NoticeSource, size_t>& guessed, size_t records) {
  const auto own_it = guessed.find(source);
  const size_t own = own_it == guessed.end() ? 0 : own_it->second;
  NoticeSource other = source;
  size_t others = 0;
  for (const auto& [s, n] : guessed)
    if (s != source && n > others) other = s, others = n;
  if (own > 0 && own >= others) return Status::Ok();
  if (records == 0) return Status::Ok();
  // "an eu-safety-gate feed", "a us-cpsc feed" (said "you").
  const std::string named = RecordOf(source);
  if (others > 0)
    return Error(ErrorCode::kInvalidInput,
                 fmt::format("this is not {} feed: {} of its {} records look like {} records (they have {})", named, others, records,
                             NoticeSourceName(other), IdKeysOf(other)),
                 fmt::format("import it with --source {}", NoticeSourceName(other)));
  return Error(ErrorCode::kInvalidInput, fmt::format("this is not {} feed: none of its {} records has {}", named, records, IdKeysOf(source)),
               "check that the file is the feed you meant");
}

// Keeps one notice per id: the one the feed says changed last (its day,
// then its time), ties going to the later record.
void MergeDuplicates(FeedImport* feed_import, const std::vector<size_t>& record_index) {
  std::map<std::string, size_t> first;  // id -> position in notices
  std::vector<Notice> kept;
  std::vector<size_t> kept_index;
  for (size_t i = 0; i < feed_import->notices.size(); ++i) {
    Notice& n = feed_import->notices[i];
    const auto [it, inserted] = first.emplace(n.id, kept.size());
    if (inserted) {
      kept.push_back(std::move(n));
      kept_index.push_back(record_index[i]);
      continue;
    }
    Notice& earlier = kept[it->second];
    if (earlier.raw == n.raw) continue;  // the same record listed twice (Health Canada's recent lists)
    // Of one day, by the time of day where both give one.
    const bool older = earlier.updated && n.updated &&
                       (*n.updated < *earlier.updated || (*n.updated == *earlier.updated && !n.updated_at.empty() &&
                                                          !earlier.updated_at.empty() && n.updated_at < earlier.updated_at));
    const bool replace = !older;
    const size_t dropped = replace ? kept_index[it->second] : record_index[i];
    const size_t other = replace ? record_index[i] : kept_index[it->second];
    feed_import->problems.push_back(RecordProblem{
        dropped, n.id, fmt::format("notice {} is also in record {}, with different content; record {} is kept", n.id, other + 1, other + 1),
        false});
    if (replace) {
      earlier = std::move(n);
      kept_index[it->second] = record_index[i];
    }
  }
  feed_import->notices = std::move(kept);
}

// 1-based line and column (in characters) of byte `offset` of `text`; a
// leading UTF-8 byte order mark takes no column.
std::pair<int, int> LineColumn(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  size_t line_start = text.rfind('\n', offset == 0 ? std::string_view::npos : offset - 1);
  line_start = (line_start == std::string_view::npos || offset == 0) ? 0 : line_start + 1;
  if (line_start == 0 && text.substr(0, 3) == "\xEF\xBB\xBF" && offset >= 3) line_start = 3;
  const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<ptrdiff_t>(offset), '\n'));
  int column = 1;
  for (size_t i = line_start; i < offset; ++i) column += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  return {line, column};
}

// The offset of the first byte of `text` that is not well-formed UTF-8
// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or
// npos.
size_t FirstInvalidUtf8(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // the second byte's range
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c == 0xE0) len = 3, lo = 0xA0;
    else if (c >= 0xE1 && c <= 0xEC) len = 3;
    else if (c == 0xED) len = 3, hi = 0x9F;
    else if (c >= 0xEE && c <= 0xEF) len = 3;
    else if (c == 0xF0) len = 4, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) len = 4;
    else if (c == 0xF4) len = 4, hi = 0x8F;
    else return i;
    if (i + len > n || p[i + 1] < lo || p[i + 1] > hi) return i;
    for (size_t k = 2; k < len; ++k)
      if ((p[i + k] & 0xC0) != 0x80) return i;
    i += len;
  }
  return std::string_view::npos;
}

// The refusal of a feed the JSON parser could not read: where (line and
// column in the Diagnostic, from the parser's 1-based `byte`; 0 when it
// gave none), what the parser found, and what to do. An empty file, a
// UTF-16 file and bytes that are not UTF-8 are named as such.
Error NotJson(std::string_view text, size_t byte, std::string_view what) {
  auto at = [&](size_t offset, std::string message, std::string hint) {
    const auto [line, column] = LineColumn(text, offset);
    return Error(ErrorCode::kInvalidInput, {Diagnostic{"", line, column, std::move(message), std::move(hint)}});
  };
  if (feed::Trim(text).empty())
    return Error(ErrorCode::kInvalidInput, "not valid JSON: the file is empty", "fetch the feed again; an empty answer holds no recalls");
  const std::string_view head = text.substr(0, 64);
  // UTF-32's marks begin with UTF-16's little-endian one: look for them first.
  const bool utf32_bom = head.substr(0, 4) == std::string_view("\xFF\xFE\0\0", 4) || head.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4);
  const bool utf16_bom = !utf32_bom && (head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF");
  if (utf32_bom || utf16_bom || head.find('\0') != std::string_view::npos)
    return Error(ErrorCode::kInvalidInput,
                 utf32_bom   ? "not valid JSON: the file is UTF-32, not UTF-8"
                 : utf16_bom ? "not valid JSON: the file is UTF-16, not UTF-8"
                             : "not valid JSON: the file is UTF-16, UTF-32 or binary (it has NUL bytes near its start), not UTF-8",
                 "save it as UTF-8: most editors offer the encoding in 'Save as'");
  const size_t offset = byte > 0 ? byte - 1 : text.size();
  // The parser stops at or just after the first bad byte; invalid UTF-8
  // outside strings reads to it as an invalid literal, so look first.
  if (const size_t bad = FirstInvalidUtf8(text); byte > 0 && bad != std::string_view::npos && bad <= offset + 3)
    return at(bad, fmt::format("not valid JSON: not valid UTF-8 (byte 0x{:02X})", static_cast<unsigned char>(text[bad])),
              "save the file as UTF-8; a feed saved as Latin-1 or Windows-1252 must be converted");
  // "[json.exception.parse_error.101] parse error at line 2, column 2: syntax
  // error while parsing array - unexpected '{'; expected ']'": the part
  // after " - " is the reason; "last read" is cut short, it can be a long
  // string.
  std::string reason(what);
  if (const size_t dash = reason.find(" - "); byte > 0 && dash != std::string::npos) reason = reason.substr(dash + 3);
  else if (const size_t bracket = reason.find("] "); bracket != std::string::npos) reason = reason.substr(bracket + 2);
  if (const size_t lr = reason.find("; last read: '"); lr != std::string::npos) {
    const size_t start = lr + 14;
    size_t end = reason.find("'; expected", start);
    if (end == std::string::npos) end = reason.rfind('\'');
    if (end != std::string::npos && end > start + 40) {
      size_t cut = end - 37;
      while (cut < end && (static_cast<unsigned char>(reason[cut]) & 0xC0) == 0x80) ++cut;
      reason = reason.substr(0, start) + "..." + reason.substr(cut);
    }
  }
  // The parser reads a whole token before judging it: point at the start
  // of an unexpected string or number, not at its last character.
  size_t where = offset;
  if (where < text.size() && reason.rfind("unexpected string literal", 0) == 0 && text[where] == '"') {
    for (size_t j = where; j-- > 0;) {
      size_t backslashes = 0;
      while (backslashes < j && text[j - 1 - backslashes] == '\\') ++backslashes;
      if (text[j] == '"' && backslashes % 2 == 0) {
        where = j;
        break;
      }
    }
  } else if (where < text.size() && reason.rfind("unexpected number literal", 0) == 0) {
    while (where > 0 && std::string_view("0123456789+-.eE").find(text[where - 1]) != std::string_view::npos) --where;
  }
  std::string hint = "check the file at that point: is this the feed's JSON answer, not an error page?";
  if (byte > 0 && offset >= text.size()) hint = "the file ends before the JSON does: was the download cut short? fetch the feed again";
  else if (reason.find("; expected end of input") != std::string::npos) {
    hint = "the JSON ends before the file does: one feed answer per file";
    // Another object on the next line: JSON Lines, one record a line.
    size_t next = std::min(where, text.size());
    while (next > 0 && text[next - 1] != '\n' && text[next - 1] != '}') --next;
    if (next > 0 && text[next - 1] == '\n' && next < text.size() && text.find_first_not_of(" \t\r\n", next) != std::string_view::npos &&
        text[text.find_first_not_of(" \t\r\n", next)] == '{')
      hint = "this looks like JSON Lines, one record a line; a feed file is one JSON document: put the records in one array, [ ... ]";
  }
  if (byte == 0) return Error(ErrorCode::kInvalidInput, fmt::format("not valid JSON: {}", reason), hint);
  return at(where, fmt::format("not valid JSON: {}", reason), hint);
}

}  // namespace

std::string RecordProblem::ToString() const {
  return fmt::format("record {}{}: {}: {}", index + 1, id.empty() ? "" : fmt::format(" ({})", id), skipped ? "skipped" : "warning", message);
}

size_t FeedImport::skipped() const {
  return static_cast<size_t>(std::count_if(problems.begin(), problems.end(), [](const RecordProblem& p) { return p.skipped; }));
}

size_t FeedImport::warnings() const { return problems.size() - skipped(); }

namespace {

// Reads the records of a feed one at a time, as `for_each_record` gives
// them (it calls its argument with each record's index and JSON, and
// returns false when a record could not be had, leaving the whole to the
// caller); whether the feed is the source's is decided on all of them, as
// is a CPSC error answer, before anything read is returned. Nullopt when
// `for_each_record` gave up.
template <typename ForEachRecord>
std::optional<Result<FeedImport>> ReadRecords(NoticeSource source, ForEachRecord&& for_each_record) {
  FeedImport out;
  out.source = source;
  std::vector<size_t> record_index;
  std::map<NoticeSource, size_t> guessed;
  std::optional<Error> service_error;  // the first CPSC error record
  const bool complete = for_each_record([&](size_t i, const Json& record) {
    ++out.records;
    const auto guess = feed::GuessRecordSource(record);
    if (guess) ++guessed[*guess];
    if (service_error) return;
    if (source == NoticeSource::kUsCpsc) {
      if (std::string e = feed::CpscErrorRecordMessage(record); !e.empty()) {
        service_error = Error(ErrorCode::kInvalidInput, fmt::format("the CPSC service answered with an error, not recalls: record {}: {}", i + 1, e),
                              "the query failed on the server (HTTP 200 notwithstanding); fetch the feed again, checking its parameters");
        return;
      }
    }
    if (!record.is_object()) {
      std::string found = record.is_array() ? "an array" : record.dump(-1, ' ', false, Json::error_handler_t::replace);
      if (found.size() > 40) found = found.substr(0, 37) + "...";
      out.problems.push_back({i, "", fmt::format("a record must be a JSON object, found {}", found), true});
      return;
    }
    if (guess && *guess != source) {
      out.problems.push_back({i, "", fmt::format("looks like {} record, not {}", RecordOf(*guess), NoticeSourceName(source)), true});
      return;
    }
    feed::RecordRead read = ReadRecord(source, record);
    if (!read.notice) {
      out.problems.push_back({i, read.id, read.error, true});
      return;
    }
    for (auto& w : read.warnings) out.problems.push_back({i, read.id, std::move(w), false});
    out.notices.push_back(std::move(*read.notice));
    record_index.push_back(i);
  });
  if (!complete) return std::nullopt;
  // A feed that is another source's is refused before its records count.
  if (Status st = CheckFeedSource(source, guessed, out.records); !st.ok()) return Result<FeedImport>(st.error());
  if (service_error) return Result<FeedImport>(*service_error);
  MergeDuplicates(&out, record_index);
  std::stable_sort(out.problems.begin(), out.problems.end(), [](const RecordProblem& a, const RecordProblem& b) { return a.index < b.index; });
  return Result<FeedImport>(std::move(out));
}

}  // namespace

namespace feed {

std::optional<RecordTexts> FindRecordTexts(std::string_view text) {
  const simdjson::padded_string padded(text);
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document doc;
  if (parser.iterate(padded).get(doc)) return std::nullopt;
  // A view into `padded` as the same bytes of `text`.
  const auto in_text = [&](std::string_view v) {
    while (!v.empty() && (v.back() == ' ' || v.back() == '\n' || v.back() == '\r' || v.back() == '\t')) v.remove_suffix(1);
    return text.substr(static_cast<size_t>(v.data() - padded.data()), v.size());
  };
  const auto elements = [&](simdjson::ondemand::array array, RecordTexts* out) -> bool {
    for (auto element : array) {
      simdjson::ondemand::value value;
      if (element.get(value)) return false;
      simdjson::ondemand::json_type type;
      if (value.type().get(type)) return false;
      std::string_view raw;
      if (type == simdjson::ondemand::json_type::object) {
        simdjson::ondemand::object o;
        if (value.get_object().get(o) || o.raw_json().get(raw)) return false;
      } else if (type == simdjson::ondemand::json_type::array) {
        simdjson::ondemand::array a;
        if (value.get_array().get(a) || a.raw_json().get(raw)) return false;
      } else {
        raw = value.raw_json_token();
      }
      out->records.push_back(in_text(raw));
    }
    return true;
  };
  simdjson::ondemand::json_type type;
  if (doc.type().get(type)) return std::nullopt;
  RecordTexts out;
  if (type == simdjson::ondemand::json_type::array) {
    simdjson::ondemand::array array;
    if (doc.get_array().get(array) || !elements(array, &out)) return std::nullopt;
    return out;
  }
  if (type != simdjson::ondemand::json_type::object) return std::nullopt;
  // The keys first: a document that is itself a record, or that names an
  // envelope twice, is read whole.
  Json keys = Json::object();
  size_t results = 0, records = 0;
  {
    simdjson::ondemand::object object;
    if (doc.get_object().get(object)) return std::nullopt;
    for (auto field : object) {
      std::string_view key;
      if (field.unescaped_key().get(key)) return std::nullopt;
      keys[std::string(key)] = nullptr;
      results += key == "results";
      records += key == "records";
    }
  }
  if (feed::GuessRecordSource(keys) || results + records != 1) return std::nullopt;
  doc.rewind();
  simdjson::ondemand::object object;
  if (doc.get_object().get(object)) return std::nullopt;
  for (auto field : object) {
    std::string_view key;
    if (field.unescaped_key().get(key)) return std::nullopt;
    if (key != "results" && key != "records") continue;
    simdjson::ondemand::array array;
    if (field.value().get_array().get(array)) return std::nullopt;  // not an array: read whole
    out.unwrap = key == "records";
    if (!elements(array, &out)) return std::nullopt;
    return out;
  }
  return std::nullopt;
}

}  // namespace feed

namespace {

// Feeds nest a few levels deep. A document nested deeper than this is no
// feed, and building and writing it back would exhaust the stack.
constexpr int kMaxNesting = 256;

// The byte where `text` opens its array or object nested deeper than
// kMaxNesting, or npos.
size_t TooDeepAt(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxNesting) return i;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return std::string_view::npos;
}

// Where the number a parser could not hold is ("number overflow parsing
// '1e999'"): the byte after it, as the parser's own positions count, or 0.
size_t NumberOutOfRangeAt(std::string_view text, std::string_view what) {
  const size_t open = what.find('\'');
  const size_t close = open == std::string_view::npos ? open : what.find('\'', open + 1);
  if (close == std::string_view::npos || close == open + 1) return 0;
  const std::string_view number = what.substr(open + 1, close - open - 1);
  for (size_t at = text.find(number); at != std::string_view::npos; at = text.find(number, at + 1)) {
    const size_t end = at + number.size();
    const auto part_of_number = [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+'; };
    if ((at == 0 || !part_of_number(text[at - 1])) && (end == text.size() || !part_of_number(text[end]))) return end;
  }
  return 0;
}

}  // namespace

Result<FeedImport> ImportFeed(NoticeSource source, std::string_view json_text) {
  // A NUL byte ends the text for the JSON parser: what follows it would be
  // left unread without a word.
  if (const size_t nul = json_text.find('\0'); nul != std::string_view::npos) {
    if (nul < 64) return NotJson(json_text, nul + 1, "");  // near the start: UTF-16 or UTF-32, named as such
    const auto [line, column] = LineColumn(json_text, nul);
    return Error(ErrorCode::kInvalidInput,
                 {Diagnostic{"", line, column, "a NUL byte: a JSON feed is text, and holds none",
                             "fetch the feed again from the regulator: a download or a copy went wrong"}});
  }
  if (const size_t deep = TooDeepAt(json_text); deep != std::string_view::npos) {
    const auto [line, column] = LineColumn(json_text, deep);
    return Error(ErrorCode::kInvalidInput,
                 {Diagnostic{"", line, column, fmt::format("arrays and objects nested more than {} deep: not a recall feed", kMaxNesting),
                             "fetch the feed again from the regulator; its records nest a few levels at most"}});
  }
  // Most feeds are one array of records: validated first (nothing built),
  // then parsed a record at a time.
  if (Json::accept(json_text)) {
    if (std::optional<feed::RecordTexts> texts = feed::FindRecordTexts(json_text)) {
      auto read = ReadRecords(source, [&](const auto& read_one) {
        for (size_t i = 0; i < texts->records.size(); ++i) {
          Json record = Json::parse(texts->records[i], nullptr, /*allow_exceptions=*/false);
          if (record.is_discarded()) return false;  // a number out of range: the whole document tells
          read_one(i, texts->unwrap ? *OpenDataSoftFields(&record) : record);
        }
        return true;
      });
      if (read) return std::move(*read);
    }
  }
  Json doc;
  try {
    doc = Json::parse(json_text);
  } catch (const Json::parse_error& e) {
    return NotJson(json_text, e.byte, e.what());
  } catch (const Json::exception& e) {  // a number out of range (1e999)
    return NotJson(json_text, NumberOutOfRangeAt(json_text, e.what()), e.what());
  }
  auto records = RecordsOf(doc);
  if (!records.ok()) return records.error();
  auto read = ReadRecords(source, [&](const auto& read_one) {
    for (size_t i = 0; i < records.value().size(); ++i) read_one(i, *records.value()[i]);
    return true;
  });
  return std::move(*read);
}

Result<Notice> NoticeOfRecord(NoticeSource source, std::string_view record_json) {
  auto feed = ImportFeed(source, fmt::format("[{}]", record_json));
  if (!feed.ok()) return feed.error();
  if (feed.value().notices.size() != 1)
    return Error(ErrorCode::kInvalidInput, fmt::format("not one {} record", NoticeSourceName(source)));
  return std::move(feed.value().notices.front());
}

}  // namespace conform
