// Renders screening results: JSON Lines (one object per listing x market)
// and CSV (one row per listing x market, for spreadsheets).
#ifndef CONFORM_SCREEN_VERDICT_WRITER_H_
#define CONFORM_SCREEN_VERDICT_WRITER_H_

#include <string>

#include "conform/core/listing.h"
#include "conform/knowledge/knowledge_base.h"
#include "conform/screen/screener.h"

namespace conform {

enum class VerdictFormat { kJsonLines, kCsv };

// kIssues: findings that need action in full, satisfied requirements and
// obligations as id lists ("satisfied", "obligations"). kFull: every finding
// in full.
enum class VerdictDetail { kIssues, kFull };

// Appends the rows for one screened listing to *out.
//
// JSON Lines object: {listing_id, seller_id, line, market, verdict, on,
// category, category_source ("listing" | "inferred" | "none"),
// category_confidence, category_reasons, inferred_attributes [{attribute,
// value, reason}], findings [{code, severity, requirement_id, legal_act,
// citation, source_url (kFull only: `conform requirements` has it),
// conditional, status, reason, remediation}],
// satisfied [ids], obligations [ids] (kIssues only)}.
//
// CSV columns: listing_id, seller_id, market, verdict, category,
// category_confidence, blocking, review, warnings, findings (the non-info
// findings as "CODE requirement: reason" joined by " | ").
void AppendVerdicts(const KnowledgeBase& kb, const Listing& listing, const ListingResult& result, Date on,
                    VerdictFormat format, VerdictDetail detail, std::string* out);

std::string VerdictCsvHeader();

}  // namespace conform

#endif  // CONFORM_SCREEN_VERDICT_WRITER_H_
