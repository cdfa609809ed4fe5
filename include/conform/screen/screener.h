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

#include <optional>
#include <string>
#include <vector>

#include "conform/core/date.h"
#include "conform/core/listing.h"
#include "conform/knowledge/knowledge_base.h"
#include "conform/knowledge/product_input.h"
#include "conform/screen/classifier.h"

namespace conform {

enum class Verdict { kPass = 0, kWarn = 1, kNeedsReview = 2, kBlock = 3 };
const char* VerdictName(Verdict v);  // "PASS", "WARN", "NEEDS_REVIEW", "BLOCK"

enum class Severity { kInfo = 0, kWarn = 1, kReview = 2, kBlock = 3 };
const char* SeverityName(Severity s);  // "info", "warn", "review", "block"

// How a requirement's evidence stands.
enum class EvidenceStatus { kSatisfied, kMissing, kExpired, kNotYetValid, kScopeMismatch, kUnverifiable, kNotRequired };
const char* EvidenceStatusName(EvidenceStatus s);  // "satisfied", "missing", ..., "none" (kNotRequired)

struct Finding {
  const char* code = "";  // stable machine code (a string literal), e.g. EVIDENCE_MISSING
  Severity severity = Severity::kInfo;
  const Requirement* requirement = nullptr;  // the requirement it is about, if any
  bool conditional = false;                  // the requirement applies only if its condition holds
  EvidenceStatus status = EvidenceStatus::kNotRequired;
  std::string reason;       // plain language: what is wrong, or what holds (empty for
                            // info findings unless the screener explains them)
  std::string remediation;  // what to do about it; empty when nothing is to be done
  std::string source_url;   // of a finding about a published document not a requirement (a recall notice's page)
};

struct MarketVerdict {
  std::string market;  // the pack's code (an alias such as GB becomes UK); as written when unknown
  Verdict verdict = Verdict::kPass;
  std::vector<Finding> findings;  // requirement findings in id order, then listing and claim findings
};

struct ListingResult {
  Classification classification;
  std::vector<MarketVerdict> markets;  // in the listing's target_markets order
};

// A recall notice that matches a listing, as the recalls layer finds it
// (conform/recalls/recall_screen.h).
struct RecallHit {
  std::vector<std::string> markets;  // where the recall has force: the issuing regulator's, and a joint recall's (EU, US, CA)
  bool takedown = false;  // takedown (BLOCK); otherwise review
  std::string reason;     // the notice and its date, the product, the hazard, the measures, the batches, the evidence
  // The notice's date, when the feed gives one: a listing screened for an
  // earlier date is not judged by a notice not yet published.
  std::optional<Date> published;
  std::string source_url;  // the notice on the regulator's site
};
class RecallLookup {
 public:
  virtual ~RecallLookup() = default;
  // Thread-safe.
  virtual std::vector<RecallHit> Find(const Listing& listing) const = 0;
};

class Screener {
 public:
  // `kb` and `classifier` must outlive the screener. With `explain_info`
  // false, info findings (satisfied requirements, obligations) carry no
  // reason text: cheaper when the output lists them by id only.
  // With `credentials`, evidence given as a digital credential counts once
  // the credential verifies; without, it is unverifiable (NEEDS_REVIEW).
  Screener(const KnowledgeBase& kb, const Classifier& classifier, Date on, bool explain_info = true,
           const class CredentialEvidence* credentials = nullptr);

  // With recall notices to check (must outlive the screener), a listing a
  // notice matches gets a RECALLED_PRODUCT finding in the markets where the
  // recall has force, and a notice that takes it down elsewhere a
  // RECALLED_ELSEWHERE warning in the listing's other markets.
  void set_recalls(const RecallLookup* recalls) { recalls_ = recalls; }

  // Thread-safe; never fails: problems with the listing become findings.
  ListingResult Screen(const Listing& listing) const;

  Date on() const { return on_; }

  // The requirement ids whose listing duties the screener checks itself (a
  // test keeps them in step with the packs).
  static std::vector<std::string> CheckedListingDuties();

 private:
  // What screening needs of each requirement, worked out once: normalised
  // act and standard keys, and the texts of its findings.
  struct Prepared {
    std::vector<std::string> act_keys;      // legal_act, then evidence_acts
    std::vector<std::string> proof_kinds;   // documents that can stand as evidence
    std::vector<std::pair<std::string, std::string>> standards;  // id key, edition key
    std::string missing_reason;
    std::string remedy;
  };
  const Prepared& prepared(const Requirement& r) const { return prepared_[static_cast<size_t>(&r - kb_.requirements().data())]; }
  Finding EvaluateRequirement(const Applicability& a, const std::string& market_code, const Listing& l, const Product& product,
                              const std::vector<struct EvidenceFacts>& evidence) const;

  const KnowledgeBase& kb_;
  const Classifier& classifier_;
  Date on_;
  bool explain_info_;
  const CredentialEvidence* credentials_;
  const RecallLookup* recalls_ = nullptr;
  SupplyAttributes supply_;
  std::vector<Prepared> prepared_;  // by index in kb_.requirements()
};

}  // namespace conform

#endif  // CONFORM_SCREEN_SCREENER_H_
