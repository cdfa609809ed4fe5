// The answer to "what must this product satisfy in these markets on this
// date?", and its renderings (table for terminals, JSON, Markdown).
#ifndef CONFORM_KNOWLEDGE_REQUIREMENTS_REPORT_H_
#define CONFORM_KNOWLEDGE_REQUIREMENTS_REPORT_H_

#include <string>
#include <vector>

#include "conform/knowledge/knowledge_base.h"
#include "conform/knowledge/product_input.h"

namespace conform {

struct RequirementsQuery {
  std::vector<MarketId> markets;
  std::string category;
  std::vector<AttributeText> attributes;  // as given
  Product product;                        // built from category + attributes
  Date on;
};

struct MarketAnswer {
  MarketId market = 0;
  std::vector<Applicability> requirements;  // id order
};

struct RequirementsAnswer {
  RequirementsQuery query;
  std::vector<MarketAnswer> markets;  // in query order
};

RequirementsAnswer AnswerRequirements(const KnowledgeBase& kb, RequirementsQuery query);

enum class ReportFormat { kTable, kJson, kMarkdown };

// Whether `m`'s pack answers for `on` in full (Market::covers_from): empty
// when it does, else a sentence saying what may be missing.
std::string CoverageNote(const Market& m, Date on);

// JSON: {"query": {...}, "markets": [{market, name, pack_version,
// covers_from, date_covered, applies, conditional}, ...], "requirements": [{id, market,
// status ("applies" | "conditional"), undecided_attributes, legal_act, title,
// citation, source_url, authority, scope, applies_to, condition, route, marks,
// documents, standards, labelling, languages, obligations, effective_from,
// effective_to, notes}, ...]}.
std::string RenderRequirements(const KnowledgeBase& kb, const RequirementsAnswer& answer, ReportFormat format);

}  // namespace conform

#endif  // CONFORM_KNOWLEDGE_REQUIREMENTS_REPORT_H_
