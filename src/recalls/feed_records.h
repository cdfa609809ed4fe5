// Shared by the feed importers (private to src/recalls/): reading one record
// of a feed with type checks, and the per-source record readers.
#ifndef CONFORM_RECALLS_FEED_RECORDS_H_
#define CONFORM_RECALLS_FEED_RECORDS_H_

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "conform/core/result.h"
#include "conform/recalls/notice.h"

namespace conform::feed {

using Json = nlohmann::json;

// Reads the fields of one JSON object. A field of the wrong JSON type is a
// structural problem: the first one is kept in error() and the record is
// then skipped by its importer. Missing fields and nulls read as empty.
class FieldReader {
 public:
  explicit FieldReader(const Json& object) : object_(object) {}

  // The first of `keys` present (and not null) as trimmed text, spaces made
  // plain (PlainSpaces); numbers and booleans as their JSON text. Arrays and
  // objects are an error. Not for identifiers: see Id.
  std::string Text(std::initializer_list<std::string_view> keys);
  // The first of `keys` present (and not null) as a notice id: trimmed text
  // or, when `whole_numbers`, a non-negative whole number (21004, 21004.0:
  // "21004"). A boolean, another number (21004.5, -3, 1e300), an array or
  // an object is an error naming the field: `true` must not become notice
  // "true".
  std::string Id(std::initializer_list<std::string_view> keys, bool whole_numbers);
  // The field as an array (nullptr when missing or null). Another type is
  // an error.
  const Json* Array(std::string_view key);
  // The first of `keys` present (and not null) as a list, for fields whose
  // meaning is a list of values (barcodes, countries, model numbers,
  // brands, measures): text (or a number) is one item, for the caller to
  // split as the feed writes lists in text; an array gives one item per
  // element of text (or number), nulls and empty text left out. An object,
  // or an array holding an array, object or boolean, is an error naming
  // the field.
  std::vector<std::string> Strings(std::initializer_list<std::string_view> keys);
  // Text from key `key` of each object in array `array` (objects only; a
  // plain string element is taken as the text itself).
  std::vector<std::string> TextsOf(std::string_view array, std::string_view key);
  // A day from "YYYY-MM-DD", optionally followed by a valid time of day
  // (DayOfText), by the rule of feed_import.h: empty text is no date; a
  // placeholder for "no date" (IsNoDatePlaceholder) and a day still to come
  // (IsPlausibleNoticeDay) are no date and a warning; any other text that is not such a date (2026-02-30,
  // 2021-03-04T25:99:99, 03/04/2021) is an error; so is a value that is not
  // text.
  std::optional<Date> Day(std::initializer_list<std::string_view> keys);
  // The instant of the same field, when Day read a day from it and it gives
  // a time of day: UtcInstantOfText. Empty otherwise.
  std::string Instant(std::initializer_list<std::string_view> keys);

  bool has(std::string_view key) const;
  void Fail(std::string message);
  const std::string& error() const { return error_; }
  // Flaws of a record that is still usable (a placeholder date), for
  // RecordRead::warnings.
  void Warn(std::string message) { warnings_.push_back(std::move(message)); }
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  const Json& object_;
  std::string error_;
  std::vector<std::string> warnings_;
};

std::string Trim(std::string_view s);
// `s` with the characters that print nothing removed (zero-width space,
// non-joiner and joiner U+200B-U+200D, word joiner U+2060, byte order mark
// U+FEFF) and no-break spaces (U+00A0, U+202F) made ordinary spaces: as a
// reader sees the text, and as "&nbsp;" decodes. Every text a FieldReader
// reads has been through it, so that "\u200bINMO" is found by "INMO".
std::string PlainSpaces(std::string_view s);
// A day from "YYYY-MM-DD", optionally followed by 'T' or ' ' and a time
// of day: HH:MM, HH:MM:SS or HH:MM:SS.fraction (HH 00-23, MM 00-59, SS
// 00-60), then optionally a zone (Z, +HH:MM, -HHMM, +HH). Nothing when the
// text is not such a date; `why`, when given, is then set to what is wrong.
std::optional<Date> DayOfText(std::string_view text, std::string* why = nullptr);
// The instant a DayOfText date with a time of day names, in UTC, as
// "YYYY-MM-DDTHH:MM:SSZ" (a time without a zone read as UTC; fractions of a
// second dropped), so that two versions of one day are put in order; empty
// when the text gives no time or is no such date.
std::string UtcInstantOfText(std::string_view text);
// Text a feed writes for "no date": n/a, none, null, unknown, -, ... (any
// case).
bool IsNoDatePlaceholder(std::string_view text);
// Whether `day` can date a notice: not after tomorrow, UTC (a day's slack
// for the feed's time zone). A later one is a placeholder ("9999-12-31")
// or a slip, and read as `updated` it would keep every correction of the
// notice out of the store; the readers leave such a date unknown, with a
// warning (ImplausibleDay).
bool IsPlausibleNoticeDay(Date day);
// The warning for a date field whose day is not plausible.
std::string ImplausibleDay(std::string_view key, Date day);
// The message of a date field that is not a date: "'key' is not a date:
// 'text'", with `why` after a semicolon when not empty.
std::string NotADate(std::string_view key, std::string_view text, std::string_view why);
// `s` split at any of `separators`, each part trimmed, empty parts dropped.
std::vector<std::string> SplitList(std::string_view s, std::string_view separators);
// Appends `value` unless empty or already present. A list of
// kAddUniqueScan values or more is appended to unchecked, and made unique
// by KeepFirstOfEach, which ReadRecord calls on every list of a notice.
inline constexpr size_t kAddUniqueScan = 64;
void AddUnique(std::vector<std::string>* list, const std::string& value);
// Drops the repeats of a list, keeping each value's first place.
void KeepFirstOfEach(std::vector<std::string>* list);
// Compact JSON of a record, for Notice::raw.
std::string RawJson(const Json& record);
// Text a feed writes for "not known" in a brand, country, model or batch
// field: unknown, not known, none, n/a, na, -, --, no brand, ... (any
// case). Checked on a whole field before it is split ("N/A" is no brand,
// not brands "N" and "A") and on each part after.
bool IsUnknownPlaceholder(std::string_view text);
// Adds the brands of one brand field. Placeholders (IsUnknownPlaceholder)
// are no brand: the whole field is checked first ("N/A" is no brand, not
// "N" and "A"). The field is split at ',', ';', '|' and line breaks
// ("CITROEN, DS", "Acme | Globex"); a part that is a placeholder is dropped
// before the rest are split at '/' ("Opel/Vauxhall"), and each piece is
// checked again. Never split at " and ", '&' or '+', which are inside
// brand names ("SUN & SPORT"; the Safety Gate reader parts a motor
// vehicle's makes at '&'); a one-word brand loses a trailing full stop
// ("OPEL.").
void AddBrands(std::string_view field, Notice* notice);
// Adds the model or batch numbers of one field, one per line, leaving out
// placeholders (IsUnknownPlaceholder) of the whole field or of a line.
void AddLines(std::string_view field, std::vector<std::string>* list);
// Scans a barcode field and files GTINs and problems into the notice and
// the warnings.
void AddBarcodes(std::string_view field, Notice* notice, std::vector<std::string>* warnings);

// The JSON text of each record of a feed whose records are the elements of
// one array: the whole document ([...]), or its "results" or "records"
// ({"results": [...]}, OpenDataSoft's {"records": [...]}, each record then
// to be unwrapped from "record" and "fields"), found without building the
// document, so that a feed of many megabytes is read one record at a time
// rather than as one tree of many times its size. Nullopt for any other
// shape (a single record, Health Canada's lists by category, "results" or
// "records" given twice or both, one that is not an array), which is read
// from the whole document. `text` must be valid JSON (Json::accept): what
// is skipped here is not checked. The views are into `text`.
struct RecordTexts {
  std::vector<std::string_view> records;
  bool unwrap = false;  // OpenDataSoft's "records"
};
std::optional<RecordTexts> FindRecordTexts(std::string_view text);

// Which source's record `record` looks like, by its identifying keys.
std::optional<NoticeSource> GuessRecordSource(const Json& record);

// What a per-source reader made of one record: a notice, or the reason the
// record is skipped; warnings about a record that is still imported.
struct RecordRead {
  std::string id;  // the record's notice id, when it has one
  std::optional<Notice> notice;
  std::string error;
  std::vector<std::string> warnings;
};

RecordRead ReadSafetyGateRecord(const Json& record);
RecordRead ReadCpscRecord(const Json& record);
RecordRead ReadHealthCanadaRecord(const Json& record);

// A CPSC service error dressed as a record (RecallID 0, Title "Error
// retrieving Recalls..."): its message, or empty for a real record.
std::string CpscErrorRecordMessage(const Json& record);

}  // namespace conform::feed

#endif  // CONFORM_RECALLS_FEED_RECORDS_H_
