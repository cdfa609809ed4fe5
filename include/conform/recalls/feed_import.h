// Importers for the regulators' recall and alert feeds: each turns a feed
// file's JSON into normalised notices (conform/recalls/notice.h), tolerant
// of the feed's known quirks (doc/recall-feeds.md) and strict about its
// structure.
//
// Three outcomes, kept apart on purpose:
//  - the whole feed is refused (an Error, nothing imported) when it is not
//    JSON, is not a record or a list of records, is plainly another source's feed (a CPSC file
//    given as Safety Gate), or is an error answer dressed as data (the CPSC
//    service answers failures with HTTP 200 and a record whose RecallID is
//    0);
//  - a malformed record (not an object, no id, an id that is not text or a
//    whole number, a field of the wrong type, a date that is not a date) is
//    reported with its index and id, and skipped;
//  - a usable record with a flaw (an invalid barcode, a placeholder or
//    implausible date) is imported and the flaw reported as a warning.
//
// Notice ids: text, or (CPSC RecallNumber, Health Canada recallId and NID)
// a non-negative whole number, read as its digits. A boolean, a fraction,
// an array or an object is no id: the record is skipped, naming the field.
//
// Dates, one rule for every importer:
//  - a date in a form the feed is documented to write is read: "YYYY-MM-DD",
//    optionally followed by 'T' or ' ' and a valid time of day (HH:MM or
//    HH:MM:SS, hours 00-23, minutes 00-59, seconds 00-60, an optional
//    fraction, an optional zone Z, +HH:MM, -HHMM or +HH; the time itself is
//    not kept); Health Canada's API also writes Unix seconds, as a number
//    or as text;
//  - an empty or missing date leaves the date unknown (a warning where the
//    feed should have given one); so does a placeholder for "no date"
//    ("n/a", "None", "unknown", "-", ...) and Health Canada's out-of-range
//    seconds (-62169984000, the year 0), with a warning; so does a day
//    still to come (after tomorrow, UTC: "9999-12-31"), which as the
//    notice's `updated` would keep every later correction out of the store;
//  - anything else is not a date and the record is skipped, naming the field
//    and the text: a day that does not exist (2026-02-30), an impossible
//    time (2021-03-04T25:99:99), another form (03/04/2021, 2024/01/02,
//    16/09/2026: 03/04 could be either day). A guessed date could be
//    wrong, and `updated` decides which version of a notice the store keeps
//    (conform/store/notice_store.h).
//  - one exception: Health Canada's open data file, whose only date is a
//    last-updated stamp that thousands of records carry in no readable
//    form; there any unreadable "Last updated" is a warning and the notice
//    is kept undated (the store then takes it over a dated version, as
//    notice_store.h says of undated versions).
//
// A feed that is not JSON is refused with one Diagnostic whose line and
// column (1-based, columns in characters) point at where the parser
// stopped (at the start of an unexpected string or number), with the
// parser's reason ("not valid JSON: unexpected '{'; expected ']'") and a
// hint; the caller adds the file name. An empty file, a UTF-16 file (a
// byte order mark, or NUL bytes) and bytes that are not UTF-8 are named as
// such.
#ifndef CONFORM_RECALLS_FEED_IMPORT_H_
#define CONFORM_RECALLS_FEED_IMPORT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "conform/core/result.h"
#include "conform/recalls/notice.h"

namespace conform {

struct RecordProblem {
  size_t index = 0;   // 0-based position of the record in the feed (ToString counts from 1)
  std::string id;     // the record's notice id, when it has one
  std::string message;
  bool skipped = false;  // true: the record was left out; false: imported, with this warning

  // "record 12 (A12/00017/20): skipped: ..." or "...: warning: ...".
  std::string ToString() const;
};

struct FeedImport {
  NoticeSource source = NoticeSource::kEuSafetyGate;
  size_t records = 0;          // records in the feed
  std::vector<Notice> notices;  // one per notice id, in feed order
  std::vector<RecordProblem> problems;

  size_t skipped() const;   // records left out as malformed
  size_t warnings() const;  // problems of records that were imported
};

// Reads one feed file's text as a feed of `source`. Accepted shapes:
//  - eu-safety-gate: a JSON array of alerts, or an OpenDataSoft answer
//    ({"results": [...]}, {"records": [{"fields": {...}}]}), with the field
//    names of the weekly-report export (alert_number, barcode, ...), of the
//    OpenDataSoft export (alert_number, alert_date, product_barcode, ...)
//    or of the XML export (caseNumber, barcode, ...);
//  - us-cpsc: the saferproducts.gov Recall service's JSON array;
//  - ca-health-canada: recall details objects (with panels), one or an
//    array, or the API's search ({"results": [...]}) and recent
//    ({"results": {"ALL": [...], ...}}) answers.
// Several records with one notice id become one notice: the one the feed
// says changed last (ties: the later record); exact repeats are dropped
// silently, others with a warning.
// A feed whose records are the elements of one array ([...], "results",
// "records") is parsed a record at a time, in a fraction of the memory of
// the whole tree; the outcome is the same either way.
Result<FeedImport> ImportFeed(NoticeSource source, std::string_view json_text);

// The notice of one record as a feed of `source` gives it, read again from
// the record's JSON as kept (Notice::raw, Notice::other_form_raw): what
// ImportFeed would make of a feed of that record alone. An error when the
// text is not one record of that source.
Result<Notice> NoticeOfRecord(NoticeSource source, std::string_view record_json);

}  // namespace conform

#endif  // CONFORM_RECALLS_FEED_IMPORT_H_
