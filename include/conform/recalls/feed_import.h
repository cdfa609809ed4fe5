// Importers for the regulators' recall and alert feeds: each turns a feed
// file's JSON into normalised notices (conform/recalls/notice.h), tolerant
// of the feed's known quirks (doc/recall-feeds.md) and strict about its
// structure.
//
// Three outcomes, kept apart on purpose:
//  - the whole feed is refused (an Error, nothing imported) when it is not
//    JSON, holds no records, is plainly another source's feed (a CPSC file
//    given as Safety Gate), or is an error answer dressed as data (the CPSC
//    service answers failures with HTTP 200 and a record whose RecallID is
//    0);
//  - a malformed record (not an object, no id, a field of the wrong type, a
//    date that does not exist) is reported with its index and id, and
//    skipped;
//  - a usable record with a flaw (an invalid barcode, an implausible date)
//    is imported and the flaw reported as a warning.
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
  size_t index = 0;   // 0-based position of the record in the feed
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
Result<FeedImport> ImportFeed(NoticeSource source, std::string_view json_text);

}  // namespace conform

#endif  // CONFORM_RECALLS_FEED_IMPORT_H_
