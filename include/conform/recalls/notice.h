// One recall or alert notice, whichever regulator published it: the EU
// Safety Gate, the US CPSC or Health Canada. Importers
// (conform/recalls/feed_import.h) fill it from the feeds; the store keeps
// it; the matcher compares listings with it. Text is kept as the regulator
// wrote it (trimmed); only GTINs are rewritten, to one canonical form.
// doc/recall-feeds.md says which feed field goes where.
#ifndef CONFORM_RECALLS_NOTICE_H_
#define CONFORM_RECALLS_NOTICE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "conform/core/date.h"
#include "conform/core/result.h"

namespace conform {

enum class NoticeSource {
  kEuSafetyGate,    // "eu-safety-gate": EU Safety Gate (ex-RAPEX) alerts
  kUsCpsc,          // "us-cpsc": US Consumer Product Safety Commission recalls
  kCaHealthCanada,  // "ca-health-canada": Health Canada recalls and safety alerts
};

// Every source, in the order above.
const std::vector<NoticeSource>& AllNoticeSources();
// "eu-safety-gate", "us-cpsc", "ca-health-canada".
std::string_view NoticeSourceName(NoticeSource source);
// The inverse of NoticeSourceName; unknown names are kInvalidInput with a
// "did you mean" hint.
Result<NoticeSource> ParseNoticeSource(std::string_view name);

struct Notice {
  NoticeSource source = NoticeSource::kEuSafetyGate;
  // The regulator's own number, unique within the source: "A12/00017/20"
  // (Safety Gate), "18110" (CPSC recall number, hyphens dropped), "RA-66524"
  // (Health Canada).
  std::string id;
  // The language the notice's text is written in, where the feed gives a
  // notice in more than one: "fr" for Health Canada's French open data.
  // Empty: the feed's own language (English for all three feeds).
  std::string language;

  // Dates as the feed gives them; empty when it gives none (the Safety Gate
  // weekly-report export has no dates at all).
  std::optional<Date> published;  // the notice date
  std::optional<Date> updated;    // last change the feed reports
  // The instant of `updated`, "YYYY-MM-DDTHH:MM:SSZ" (UTC), when the feed
  // gives a time of day: two versions of one day are ordered by it.
  std::string updated_at;
  std::optional<Date> started;    // when the recall took effect, if the feed says
  std::string production_period;  // free text: "09/09/2016 to 20/12/2019"

  std::string title;         // headline, where the feed has one
  std::string product_name;  // several products are joined with "; "
  std::string description;
  std::string category;  // the regulator's own category words
  std::vector<std::string> brands;
  std::vector<std::string> companies;      // manufacturers, importers, distributors named
  std::vector<std::string> model_numbers;  // model and type numbers, as given
  std::vector<std::string> gtins;          // valid GTIN-14s only (conform/recalls/gtin.h)
  std::vector<std::string> invalid_barcodes;  // "text: reason" for codes that were not GTINs
  // Amazon catalogue numbers (ASIN, conform/recalls/gtin.h) the feed gives
  // where a barcode goes: a listing carrying one sells that product page's
  // product.
  std::vector<std::string> asins;
  std::vector<std::string> batch_numbers;     // as given, one entry per line or listed item
  std::string company_recall_code;

  std::vector<std::string> hazard_types;  // short words: "Fire", "Chemical", "Choking"
  std::string hazard_description;         // the regulator's sentence(s) on the risk
  std::string risk_level;                 // "serious", ... where the feed grades it
  std::vector<std::string> measures;      // measures taken, remedies offered

  std::vector<std::string> origin_countries;  // where the product was made
  std::string notifying_country;              // who raised the alert (Safety Gate)
  std::vector<std::string> market_countries;  // where it was found or measures were taken
  std::vector<std::string> sold_at;           // where it was sold, as the feed says ("Online at Amazon.com ...")
  std::string units;                          // how many were sold, as the feed says

  std::string url;                        // the notice on the regulator's site
  std::vector<std::string> related_urls;  // company recall pages, joint notices of other regulators

  // The feed's record, as compact JSON, for provenance.
  std::string raw;
  // A notice the store made of two forms of it (a dated one and one
  // without dates, as Safety Gate's open data and weekly export give one
  // alert; conform/store/notice_store.h): the undated form's record. Its
  // identifiers and the fields the dated form leaves empty are in the
  // fields above.
  std::string other_form_raw;
};

// Whether a batch entry lists the batches of one type ("E2037: 2318, 2319
// and 2322", as IKEA's Safety Gate alerts write them under each type
// number): a code of 4 to 20 letters, digits and "-", with a letter and a
// digit, a colon, and batches starting with a digit. Or the batches, then
// the type in brackets at the end, its code first ("From MCPF-1000050 to
// MCPF-1003289 (HRM4000 Live)", Honda's): the code is the type. Sets
// *type and *batches (trimmed views of `entry`) when it does.
bool SplitTypedBatches(std::string_view entry, std::string_view* type, std::string_view* batches);

// The notice as one JSON object (keys as the field names above; dates
// "YYYY-MM-DD"; empty fields left out; `raw` only when `with_raw`).
std::string NoticeToJson(const Notice& notice, bool with_raw = true);
// The inverse of NoticeToJson(notice, true).
Result<Notice> NoticeFromJson(std::string_view json);

}  // namespace conform

#endif  // CONFORM_RECALLS_NOTICE_H_
