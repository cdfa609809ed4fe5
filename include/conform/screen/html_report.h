// A self-contained HTML report of a screening run, for a compliance manager
// to read and forward: totals per market and verdict, verdicts per seller,
// the most common gaps, and each listing's findings. Memory is bounded: the
// listings shown are capped (the totals count every one).
#ifndef CONFORM_SCREEN_HTML_REPORT_H_
#define CONFORM_SCREEN_HTML_REPORT_H_

#include <array>
#include <map>
#include <string>
#include <vector>

#include "conform/core/listing.h"
#include "conform/core/result.h"
#include "conform/knowledge/knowledge_base.h"
#include "conform/screen/screener.h"

namespace conform {

class HtmlReport {
 public:
  // Shows the findings of at most `max_listings` listings that are not PASS.
  explicit HtmlReport(const KnowledgeBase& kb, size_t max_listings = 2000) : kb_(kb), max_listings_(max_listings) {}

  void Add(const Listing& listing, const ListingResult& result);
  void AddBadRecord(const Diagnostic& problem);

  // Renders with a Mustache template (data/templates/report.html.mustache).
  // Error: the template does not parse.
  Result<std::string> Render(const std::string& template_text, const std::string& input_name, Date on) const;

 private:
  struct Gap {
    std::string code;
    const Requirement* requirement = nullptr;
    size_t count = 0;
  };
  struct Shown {
    std::string listing_id, seller_id, title, category;
    size_t line = 0;
    std::vector<std::pair<std::string, std::string>> verdicts;  // market, verdict
    std::vector<std::array<std::string, 7>> findings;  // market, severity, code, requirement, reason, remediation, source url
  };

  const KnowledgeBase& kb_;
  size_t max_listings_;
  size_t listings_ = 0;
  std::map<std::string, std::array<size_t, 4>> by_market_;
  std::map<std::string, std::array<size_t, 4>> by_seller_;
  std::map<std::string, Gap> gaps_;  // key: code + requirement id
  std::vector<Shown> shown_;
  size_t not_shown_ = 0;
  std::vector<Diagnostic> bad_;  // the first 100
  size_t bad_count_ = 0;
};

}  // namespace conform

#endif  // CONFORM_SCREEN_HTML_REPORT_H_
