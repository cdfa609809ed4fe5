// Screening: one listing in, one explained verdict per target market out.
//
//   listing -> classify (category, attributes) -> applicable requirements
//           -> evaluate each against the seller's evidence and the listing's
//              information duties -> findings -> verdict
//
// Verdicts, worst first: BLOCK (a requirement that applies is not met),
// NEEDS_REVIEW (the machine cannot decide: uncertain category, a requirement
// that depends on an unstated attribute, evidence it cannot verify), WARN
// (misleading or unsupported claims, missing details that do not block), PASS.
#ifndef CONFORM_SCREEN_SCREENER_H_
#define CONFORM_SCREEN_SCREENER_H_

#include <string>
#include <vector>

#include "conform/core/date.h"
#include "conform/core/listing.h"
#include "conform/knowledge/knowledge_base.h"
#include "conform/screen/classifier.h"

namespace conform {

enum class Verdict { kPass = 0, kWarn = 1, kNeedsReview = 2, kBlock = 3 };
const char* VerdictName(Verdict v);  // "PASS", "WARN", "NEEDS_REVIEW", "BLOCK"

enum class Severity { kInfo = 0, kWarn = 1, kReview = 2, kBlock = 3 };
const char* SeverityName(Severity s);  // "info", "warn", "review", "block"

// How a requirement's evidence stands.
enum class EvidenceStatus { kSatisfied, kMissing, kExpired, kNotYetValid, kScopeMismatch, kUnverifiable, kNotRequired };
const char* EvidenceStatusName(EvidenceStatus s);  // "satisfied", "missing", ...

struct Finding {
  std::string code;  // stable machine code, e.g. EVIDENCE_MISSING, GPSR_MANUFACTURER_MISSING
  Severity severity = Severity::kInfo;
  const Requirement* requirement = nullptr;  // the requirement it is about, if any
  bool conditional = false;                  // the requirement applies only if its condition holds
  EvidenceStatus status = EvidenceStatus::kNotRequired;
  std::string reason;       // plain language: what is wrong, or what holds
  std::string remediation;  // what to do about it; empty when nothing is to be done
};

struct MarketVerdict {
  std::string market;  // as the listing wrote it, upper-cased
  Verdict verdict = Verdict::kPass;
  std::vector<Finding> findings;  // requirement findings in id order, then listing and claim findings
};

struct ListingResult {
  Classification classification;
  std::vector<MarketVerdict> markets;  // in the listing's target_markets order
};

class Screener {
 public:
  // `kb` and `classifier` must outlive the screener.
  Screener(const KnowledgeBase& kb, const Classifier& classifier, Date on) : kb_(kb), classifier_(classifier), on_(on) {}

  // Thread-safe; never fails: problems with the listing become findings.
  ListingResult Screen(const Listing& listing) const;

  Date on() const { return on_; }

  // The requirement ids whose listing duties the screener checks itself (a
  // test keeps them in step with the packs).
  static std::vector<std::string> CheckedListingDuties();

 private:
  const KnowledgeBase& kb_;
  const Classifier& classifier_;
  Date on_;
};

}  // namespace conform

#endif  // CONFORM_SCREEN_SCREENER_H_
