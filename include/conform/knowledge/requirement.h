// A requirement: one legal duty a product (or its listing, or an operator)
// must meet in one market, cited to the law. Loaded from a rule pack.
#ifndef CONFORM_KNOWLEDGE_REQUIREMENT_H_
#define CONFORM_KNOWLEDGE_REQUIREMENT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "conform/core/date.h"
#include "conform/core/vocabulary.h"
#include "conform/knowledge/condition.h"

namespace conform {

using MarketId = uint16_t;

// A market: one rule pack.
struct Market {
  std::string code;  // "EU", "UK", "US", ... as written in the pack
  std::string name;
  std::string version;
  std::vector<std::string> aliases;  // other codes accepted on input, e.g. GB for UK
  std::string file;                  // where the pack was loaded from
  // The first day the pack answers for in full. Before it, acts in force
  // then and replaced since (whose replacements the pack encodes) may be
  // missing from its answers. Empty when the pack states none.
  std::optional<Date> covers_from;
  bool Covers(Date on) const { return !covers_from || on >= *covers_from; }
};

struct StandardRef {
  std::string id;       // "EN IEC 62368-1"
  std::string edition;  // "2020+A11:2020"; may be empty when the law names none
  std::string ToString() const { return edition.empty() ? id : id + ":" + edition; }
};

// The key that names one standard however its designation is written:
// upper case without spaces; China's "GB/T 4706.1" and "GB 4706.1" alike
// (an edition may move between recommended and mandatory), and a national
// adoption of a European standard ("DIN EN 71-3", "BS EN 71-3", "UNE-EN
// 71-3") as the EN itself.
std::string StandardIdKey(std::string_view id);

// A requirement's standards as text, the editions of one standard given
// together as alternatives ("GB 4706.1:2005 or GB/T 4706.1:2024"), in the
// order first named.
std::vector<std::string> StandardAlternatives(const std::vector<StandardRef>& standards);

struct Obligation {
  std::string role;  // an operator role from the vocabulary
  std::string duty;
  std::string citation;
};

enum class RequirementScope { kProduct, kListing, kOperator };
const char* RequirementScopeName(RequirementScope s);

struct Requirement {
  std::string id;
  MarketId market = 0;
  std::string legal_act;
  std::string title;
  std::string citation;
  std::string source_url;
  std::string authority;
  RequirementScope scope = RequirementScope::kProduct;
  bool all_categories = false;          // applies_to: ["*"]
  std::vector<CategoryId> categories;   // when !all_categories
  Condition when;                       // always() when the pack gives none
  std::string route;
  std::vector<std::string> marks;
  std::vector<std::string> documents;
  std::vector<StandardRef> standards;
  std::vector<std::string> labelling;
  std::vector<std::string> language_codes;
  std::string language_rule;
  std::vector<Obligation> obligations;
  // Other acts whose documents also show conformity with this requirement:
  // the act an amendment amends, or the EU act a GB regime accepts.
  std::vector<std::string> evidence_acts;
  Date effective_from;
  Date effective_to = Date::Max();  // inclusive; Max() when still in force
  std::string notes;
  // Where it was defined, for messages.
  std::string file;
  int line = 0;

  bool InForce(Date d) const { return effective_from <= d && d <= effective_to; }
};

}  // namespace conform

#endif  // CONFORM_KNOWLEDGE_REQUIREMENT_H_
