#include "conform/screen/screener.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstdlib>

#include "conform/core/gtin.h"
#include "conform/core/text.h"
#include "conform/knowledge/product_input.h"
#include "conform/knowledge/requirements_report.h"
#include "conform/screen/credential_evidence.h"

namespace conform {

const char* VerdictName(Verdict v) {
  switch (v) {
    case Verdict::kPass: return "PASS";
    case Verdict::kWarn: return "WARN";
    case Verdict::kNeedsReview: return "NEEDS_REVIEW";
    case Verdict::kBlock: return "BLOCK";
  }
  return "?";
}

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kInfo: return "info";
    case Severity::kWarn: return "warn";
    case Severity::kReview: return "review";
    case Severity::kBlock: return "block";
  }
  return "?";
}

const char* EvidenceStatusName(EvidenceStatus s) {
  switch (s) {
    case EvidenceStatus::kSatisfied: return "satisfied";
    case EvidenceStatus::kMissing: return "missing";
    case EvidenceStatus::kExpired: return "expired";
    case EvidenceStatus::kNotYetValid: return "not_yet_valid";
    case EvidenceStatus::kScopeMismatch: return "scope_mismatch";
    case EvidenceStatus::kUnverifiable: return "unverifiable";
    case EvidenceStatus::kNotRequired: return "none";
  }
  return "?";
}

namespace {

// The check digit a listing's GTIN should end with, or -1 when it does. The
// reader leaves 8 to 14 digits; lost leading zeros are still the code.
int WrongGtinCheckDigit(const std::string& gtin) {
  if (gtin.empty() || gtin.size() > 14) return -1;
  const std::string padded = std::string(14 - gtin.size(), '0') + gtin;
  const int expected = GtinCheckDigit(std::string_view(padded).substr(0, 13));
  return padded.back() - '0' == expected ? -1 : expected;
}

// `code` trimmed and upper-cased when it is two ASCII letters (an ISO 3166-1
// alpha-2 or ISO 639-1 code, as the listing format asks), else empty.
std::string TwoLetterCode(std::string_view code) {
  while (!code.empty() && code.front() == ' ') code.remove_prefix(1);
  while (!code.empty() && code.back() == ' ') code.remove_suffix(1);
  if (code.size() != 2 || !std::all_of(code.begin(), code.end(), [](char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; })) return "";
  return AsciiUpper(code);
}

// `c` a two-letter code (TwoLetterCode). The EU's own documents write
// Greece "EL" where ISO 3166-1 has "GR": both are taken.
bool IsEuMemberState(const std::string& c) {
  static const char* kMembers[] = {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "EL", "HU",
                                   "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"};
  for (const char* m : kMembers)
    if (c == m) return true;
  return false;
}

// "Directive 2014/35/EU" and "2014/35/EU" name the same act; so do
// "47 CFR Part 15" and "47 cfr 15".
std::string ActKey(std::string_view act) {
  std::string s = NormalizeForMatching(act);
  for (std::string_view noise : {"directive", "regulation", "(eu)", "(ec)", "part", "no.", "no ", "commission", "delegated", "implementing"}) {
    for (size_t p = s.find(noise); p != std::string::npos; p = s.find(noise)) s.erase(p, noise.size());
  }
  std::string out;
  for (char c : s)
    if (c != ' ' && c != ',') out += c;
  return out;
}

struct StandardKey {
  std::string id;  // StandardIdKey
  std::string edition;
};

// "EN IEC 62368-1:2020+A11:2020" -> {ENIEC62368-1, 2020+A11:2020};
// "GB 4943.1-2022" -> {GB4943.1, 2022}; "ASTM F963-17" -> {ASTMF963, 17}.
StandardKey ParseStandard(std::string_view s) {
  std::string id(s), edition;
  const auto digits = [](std::string_view t) { return std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }); };
  const bool astm = AsciiUpper(id).rfind("ASTM", 0) == 0;
  if (const size_t colon = id.find(':'); colon != std::string::npos) {
    edition = id.substr(colon + 1);
    id.resize(colon);
  } else if (astm && id.size() > 3 && id[id.size() - 3] == '-' && digits(std::string_view(id).substr(id.size() - 2))) {
    // ASTM designations carry a two-digit year: F963-23. (Only for ASTM:
    // elsewhere "-15" is a part number, as in IEC 60335-2-15.)
    const int yy = std::atoi(id.c_str() + id.size() - 2);
    edition = std::to_string(yy < 50 ? 2000 + yy : 1900 + yy);
    id.resize(id.size() - 3);
  } else if (id.size() > 5 && id[id.size() - 5] == '-' && std::all_of(id.end() - 4, id.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
             (id.compare(id.size() - 4, 2, "19") == 0 || id.compare(id.size() - 4, 2, "20") == 0)) {
    edition = id.substr(id.size() - 4);
    id.resize(id.size() - 5);
  }
  const std::string key = StandardIdKey(id);
  std::string ed;
  for (char c : AsciiUpper(edition))
    if (c != ' ') ed += c;
  return {key, ed};
}

std::string ModelKey(std::string_view m) {
  std::string out;
  for (char c : NormalizeForMatching(m))
    if (c != ' ' && c != '-' && c != '_' && c != '/' && c != '.') out += c;
  return out;
}

// The finding names the act and citation already; the remedy says what to get.
std::string Remedy(const Requirement& r, const std::vector<std::string>& proof_kinds) {
  std::string out = fmt::format("Obtain {} ({})", Join(proof_kinds, " or "), r.route);
  if (!r.standards.empty()) out += fmt::format(", against {}", Join(StandardAlternatives(r.standards), ", "));
  if (!r.marks.empty()) out += fmt::format("; affix {}", Join(r.marks, ", "));
  return out + ".";
}

// How bad a failed evidence status is when choosing which to report.
int Rank(EvidenceStatus s) {
  switch (s) {
    case EvidenceStatus::kSatisfied: return 5;
    case EvidenceStatus::kUnverifiable: return 4;
    case EvidenceStatus::kNotYetValid: return 3;
    case EvidenceStatus::kExpired: return 2;
    case EvidenceStatus::kScopeMismatch: return 1;
    default: return 0;
  }
}

void AddFinding(MarketVerdict* mv, const char* code, Severity sev, std::string reason, std::string remediation,
                const Requirement* r = nullptr) {
  Finding f;
  // A finding tied to a listing duty means the information is missing.
  if (r != nullptr) f.status = EvidenceStatus::kMissing;
  f.code = code;
  f.severity = sev;
  f.requirement = r;
  f.reason = std::move(reason);
  f.remediation = std::move(remediation);
  mv->findings.push_back(std::move(f));
}

// EU GPSR Art. 19: what a distance-sales offer must show.
void CheckGpsrArticle19(const Listing& l, const Requirement& r, MarketVerdict* mv) {
  const Party& m = l.manufacturer;
  if (m.name.empty() || m.address.empty() || m.email.empty()) {
    std::vector<std::string> missing;
    if (m.name.empty()) missing.push_back("name");
    if (m.address.empty()) missing.push_back("postal address");
    if (m.email.empty()) missing.push_back("electronic address");
    AddFinding(mv, "GPSR_MANUFACTURER_MISSING", Severity::kBlock,
               fmt::format("The offer does not show the manufacturer's {} (GPSR Art. 19(a)).", Join(missing, ", ")),
               "Add the manufacturer's name, postal address and e-mail or web contact to the listing.", &r);
  }
  const Party& rp = l.eu_responsible_person;
  // A country that is not a two-letter code ("Germany") says nothing sure
  // about where the manufacturer is: asked about, not judged.
  const std::string country = TwoLetterCode(m.country);
  if (!m.country.empty() && country.empty()) {
    AddFinding(mv, "GPSR_MANUFACTURER_COUNTRY_INVALID", Severity::kReview,
               fmt::format("The manufacturer's country '{}' is not an ISO 3166-1 two-letter code, so whether an EU responsible person must be "
                           "shown cannot be decided (GPSR Art. 19(b)).",
                           m.country),
               "Give the country as its two-letter code (DE, FR, CN, US...).", &r);
  } else if (m.country.empty() && rp.empty()) {
    AddFinding(mv, "GPSR_MANUFACTURER_COUNTRY_UNKNOWN", Severity::kReview,
               "The manufacturer's country is not given, so whether an EU responsible person must be shown cannot be decided (GPSR Art. 19(b)).",
               "Give the manufacturer's country, or show the EU responsible person.", &r);
  } else if (!country.empty() && !IsEuMemberState(country) && (rp.name.empty() || rp.address.empty() || rp.email.empty())) {
    AddFinding(mv, "GPSR_RESPONSIBLE_PERSON_MISSING", Severity::kBlock,
               fmt::format("The manufacturer is established in {} (outside the EU) and the offer does not show a complete EU responsible person (GPSR Art. 19(b), Art. 16).", country),
               "Appoint an EU-established economic operator (importer, authorised representative or fulfilment service provider) and show its name, postal and electronic address.", &r);
  }
  if (const std::string asin = AsinInField(l.gtin_unreadable); l.model.empty() && l.gtin.empty() && !asin.empty()) {
    // An ASIN names the marketplace's product page, and is not on the
    // product: it ties no product in hand to the offer.
    AddFinding(mv, "GPSR_IDENTIFIER_MISSING", Severity::kBlock,
               fmt::format("The only identifier the offer shows is Amazon's catalogue number (ASIN {}) in its gtin field, which is not "
                           "on the product; the offer shows no type, model or other product identifier (GPSR Art. 19(c)).",
                           asin),
               "Add the model or type number, or the GTIN, that the product bears.", &r);
  } else if (l.model.empty() && l.gtin.empty() && !l.gtin_unreadable.empty()) {
    AddFinding(mv, "GPSR_IDENTIFIER_INVALID", Severity::kBlock,
               fmt::format("The only product identifier the offer shows, '{}' in its gtin field, is no GTIN and so identifies no "
                           "product (GPSR Art. 19(c)).",
                           l.gtin_unreadable),
               "Correct the GTIN, or add the model or type number.", &r);
  } else if (l.model.empty() && l.gtin.empty()) {
    AddFinding(mv, "GPSR_IDENTIFIER_MISSING", Severity::kBlock,
               "The offer shows no type, model or other product identifier (GPSR Art. 19(c)).",
               "Add the model or type number, or the GTIN.", &r);
  } else if (l.model.empty() && WrongGtinCheckDigit(l.gtin) >= 0) {
    AddFinding(mv, "GPSR_IDENTIFIER_INVALID", Severity::kBlock,
               fmt::format("The only product identifier the offer shows, GTIN {}, fails its check digit and so identifies no product "
                           "(GPSR Art. 19(c)).",
                           l.gtin),
               "Correct the GTIN, or add the model or type number.", &r);
  }
  if (l.image_count && *l.image_count == 0) {
    AddFinding(mv, "GPSR_PICTURE_MISSING", Severity::kBlock, "The offer has no picture of the product (GPSR Art. 19(c)).",
               "Add at least one picture of the product.", &r);
  }
  // The 24 official languages of the Union (ISO 639-1).
  static const char* kEuLanguages[] = {"bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr",
                                       "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv"};
  bool eu_language = false;
  std::vector<std::string> not_codes;  // "German" for "de"
  for (const auto& lang : l.warnings_languages) {
    const std::string code = AsciiLower(TwoLetterCode(lang));
    if (code.empty()) not_codes.push_back(lang);
    for (const char* e : kEuLanguages) eu_language = eu_language || code == e;
  }
  if (!not_codes.empty() && !eu_language) {
    AddFinding(mv, "GPSR_WARNINGS_LANGUAGE_INVALID", Severity::kWarn,
               fmt::format("The warnings' language{} {} {} not ISO 639-1 two-letter code{}, so whether they are in an official language of the Union "
                           "cannot be told (GPSR Art. 19(d)).",
                           not_codes.size() == 1 ? "" : "s", Join(not_codes, ", "), not_codes.size() == 1 ? "is" : "are",
                           not_codes.size() == 1 ? "" : "s"),
               "State the languages as two-letter codes (de, fr, en...).", &r);
  } else if (l.warnings_languages.empty()) {
    AddFinding(mv, "GPSR_WARNINGS_LANGUAGE_UNKNOWN", Severity::kWarn,
               "The languages of the warnings and safety information are not stated (GPSR Art. 19(d)).",
               "Show warnings and safety information in the language(s) of each Member State you sell to, and state them in warnings_languages.", &r);
  } else if (!eu_language) {
    AddFinding(mv, "GPSR_WARNINGS_LANGUAGE_MISSING", Severity::kWarn,
               fmt::format("The warnings and safety information are in {} only, none an official language of the Union (GPSR Art. 19(d)).",
                           Join(l.warnings_languages, ", ")),
               "Give warnings and safety information in the language(s) of each Member State you sell to.", &r);
  }
}

using ListingDutyCheck = void (*)(const Listing&, const Requirement&, MarketVerdict*);
struct ListingDuty {
  const char* requirement_id;
  ListingDutyCheck check;
};
constexpr ListingDuty kListingDuties[] = {
    {"EU-GPSR-DISTANCE-SALES", &CheckGpsrArticle19},
};

// Marks a listing may claim, and the documents that stand behind each.
struct MarkEvidence {
  const char* mark;
  std::vector<const char*> documents;
};
const std::vector<MarkEvidence>& MarkTable() {
  static const std::vector<MarkEvidence> t = {
      {"CE", {"eu_declaration_of_conformity"}},
      {"UKCA", {"uk_declaration_of_conformity"}},
      {"FCC", {"fcc_sdoc", "fcc_grant"}},
      {"CCC", {"ccc_certificate"}},
      {"SNI", {"sni_certificate"}},
      {"SRRC", {"srrc_certificate"}},
      {"IC", {"ised_certificate"}},
      {"UL", {"test_report"}},
      {"ETL", {"test_report"}},
  };
  return t;
}

// "CE/FCC/RoHS", "CE, UKCA" and "CE FCC" each name several marks.
std::vector<std::string> ClaimWords(const std::string& claim) {
  std::vector<std::string> words;
  std::string w;
  for (char c : NormalizeForMatching(claim)) {
    if (c == '/' || c == ',' || c == ' ' || c == '|' || c == '+' || c == '&' || c == ';') {
      if (!w.empty()) words.push_back(AsciiUpper(w));
      w.clear();
    } else {
      w += c;
    }
  }
  if (!w.empty()) words.push_back(AsciiUpper(w));
  return words;
}

void CheckClaims(const Listing& l, const std::string& market, MarketVerdict* mv) {
  bool claims_ce = false, claims_ukca = false;
  for (const auto& claim : l.claims) {
    const std::string norm = NormalizeForMatching(claim);
    if (norm.find("fda") != std::string::npos &&
        (norm.find("approved") != std::string::npos || norm.find("certified") != std::string::npos)) {
      AddFinding(mv, "MISLEADING_CLAIM", Severity::kWarn,
                 fmt::format("'{}': the US FDA does not approve or certify consumer products of this kind; the claim misleads buyers.", claim),
                 "Remove the claim.");
      continue;
    }
    for (const std::string& word : ClaimWords(claim)) {
      for (const auto& me : MarkTable()) {
        if (word != me.mark) continue;
        claims_ce = claims_ce || word == "CE";
        claims_ukca = claims_ukca || word == "UKCA";
        bool backed = false;
        for (const auto& e : l.evidence)
          for (const char* d : me.documents) backed = backed || e.kind == d;
        if (!backed) {
          const std::string docs = Join({me.documents.begin(), me.documents.end()}, " or ");
          AddFinding(mv, "CLAIM_UNSUPPORTED", Severity::kWarn,
                     fmt::format("The listing claims '{}' ({}) but supplies no {} to back it.", claim, me.mark, docs),
                     fmt::format("Supply the {} or remove the claim.", docs));
        }
      }
    }
  }
  if (market == "EU" && claims_ukca && !claims_ce)
    AddFinding(mv, "MARK_NOT_RECOGNISED", Severity::kWarn,
               "The listing claims UKCA but not CE: the UKCA marking is not recognised in the European Union.",
               "Offer the product in the EU only with CE marking and an EU declaration of conformity.");
}

}  // namespace

// What one piece of evidence says, worked out once per listing.
struct EvidenceFacts {
  const Evidence* evidence = nullptr;
  std::string label;                                          // "kind number"
  std::vector<std::string> act_keys;                          // ActKey of each legal act
  std::vector<std::pair<std::string, std::string>> standards; // id key, edition key
  bool model_ok = true;                                       // covers the listed model (or says nothing)
};

Screener::Screener(const KnowledgeBase& kb, const Classifier& classifier, Date on, bool explain_info,
                   const CredentialEvidence* credentials)
    : kb_(kb), classifier_(classifier), on_(on), explain_info_(explain_info), credentials_(credentials), supply_(kb.vocabulary()) {
  prepared_.reserve(kb.requirements().size());
  for (const Requirement& r : kb.requirements()) {
    Prepared p;
    p.act_keys.push_back(ActKey(r.legal_act));
    for (const auto& a : r.evidence_acts) p.act_keys.push_back(ActKey(a));
    for (const auto& d : r.documents)
      if (!kb.vocabulary().IsSupportingDocument(d)) p.proof_kinds.push_back(d);
    if (p.proof_kinds.empty()) p.proof_kinds = r.documents;
    for (const auto& st : r.standards) {
      const StandardKey k = ParseStandard(st.ToString());
      p.standards.emplace_back(k.id, k.edition);
    }
    p.missing_reason = fmt::format("{}: no {} supplied.", r.title, Join(p.proof_kinds, " or "));
    p.remedy = Remedy(r, p.proof_kinds);
    prepared_.push_back(std::move(p));
  }
}

Finding Screener::EvaluateRequirement(const Applicability& a, const std::string& market_code, const Listing& l,
                                      const Product& product, const std::vector<EvidenceFacts>& evidence) const {
  const Requirement& r = *a.requirement;
  const Prepared& p = prepared(r);
  Finding f;
  f.requirement = &r;
  f.conditional = a.status == Tri::kUnknown;
  const bool is_obligation = r.documents.empty() || r.scope != RequirementScope::kProduct;
  std::string condition_note;
  if (f.conditional && (explain_info_ || !is_obligation)) {
    std::vector<std::string> names;
    for (AttributeId id : kb_.Undecided(r, product)) names.push_back(kb_.vocabulary().attribute(id).name);
    condition_note = fmt::format(" It applies if {} (state {} to decide).", r.when.text(), Join(names, ", "));
  }
  if (is_obligation) {
    f.code = "OBLIGATION";
    f.status = EvidenceStatus::kNotRequired;
    if (explain_info_) {
      f.reason = r.title + "." + condition_note;
      f.remediation = r.labelling.empty() ? "" : Join(r.labelling, " ");
    }
    return f;
  }
  // The best piece of evidence: satisfied beats unverifiable beats dated
  // wrongly beats out of scope.
  EvidenceStatus best = EvidenceStatus::kMissing;
  std::string best_reason;
  std::string elsewhere;  // evidence of the kind, filed for other markets only
  for (const EvidenceFacts& ef : evidence) {
    const Evidence& e = *ef.evidence;
    if (std::find(p.proof_kinds.begin(), p.proof_kinds.end(), e.kind) == p.proof_kinds.end()) continue;
    if (!e.markets.empty() && std::find(e.markets.begin(), e.markets.end(), market_code) == e.markets.end()) {
      if (elsewhere.empty()) elsewhere = fmt::format(" The {} supplied is filed for {} only, not {}.", ef.label, Join(e.markets, ", "), market_code);
      continue;
    }
    EvidenceStatus st = EvidenceStatus::kSatisfied;
    std::string why;
    if (!ef.act_keys.empty()) {
      // "Directive 2014/35/EU" and "2014/35/EU" name the same act, so keys
      // match when one contains the other.
      bool covers = false;
      for (const std::string& k : ef.act_keys)
        for (const std::string& want : p.act_keys)
          covers = covers || (!k.empty() && !want.empty() && (want.find(k) != std::string::npos || k.find(want) != std::string::npos));
      if (!covers) {
        st = EvidenceStatus::kScopeMismatch;
        why = fmt::format("{} covers {}, not {}", ef.label, Join(e.legal_acts, ", "), r.legal_act);
      }
    }
    if (st == EvidenceStatus::kSatisfied && !ef.model_ok) {
      st = EvidenceStatus::kScopeMismatch;
      why = fmt::format("{} covers model(s) {}, not the listed model {}", ef.label, Join(e.models, ", "), l.model);
    }
    // A document to a standard the requirement names must be to one of the
    // editions it names (a requirement lists two during a transition).
    for (size_t j = 0; st == EvidenceStatus::kSatisfied && j < ef.standards.size(); ++j) {
      const auto& [have_id, have_ed] = ef.standards[j];
      if (have_ed.empty()) continue;
      std::vector<std::string> named;
      bool edition_named = false;
      for (size_t i = 0; i < p.standards.size(); ++i) {
        const auto& [want_id, want_ed] = p.standards[i];
        if (want_id != have_id) continue;
        named.push_back(r.standards[i].ToString());
        edition_named = edition_named || want_ed.empty() || want_ed == have_ed;
      }
      if (!named.empty() && !edition_named) {
        st = EvidenceStatus::kScopeMismatch;
        why = fmt::format("{} is to {}, the requirement names edition {}", ef.label, e.standards[j], Join(named, " or "));
      }
    }
    if (st == EvidenceStatus::kSatisfied && e.expires && *e.expires < on_) {
      st = EvidenceStatus::kExpired;
      why = fmt::format("{} expired on {}", ef.label, e.expires->ToString());
    }
    if (st == EvidenceStatus::kSatisfied && e.issued && on_ < *e.issued) {
      st = EvidenceStatus::kNotYetValid;
      why = fmt::format("{} is dated {}, after {}", ef.label, e.issued->ToString(), on_.ToString());
    }
    // Checked after what is wrong for certain. A conformity document named
    // by its kind alone is a claim: with no number, act, standard or
    // credential nothing says which document it is or what it covers.
    // (User instructions and technical files carry no number.)
    if (st == EvidenceStatus::kSatisfied && e.number.empty() && e.legal_acts.empty() && e.standards.empty() && e.credential.empty() &&
        !kb_.vocabulary().IsSupportingDocument(e.kind)) {
      st = EvidenceStatus::kUnverifiable;
      why = fmt::format("the {} supplied gives no number, legal act or standard, so nothing shows which document it is or what it covers",
                        e.kind);
    }
    if (st == EvidenceStatus::kSatisfied && !e.credential.empty()) {
      // A digital credential proves something only once it verifies: proof,
      // issuer, trust list, validity and status.
      if (credentials_ == nullptr) {
        st = EvidenceStatus::kUnverifiable;
        why = fmt::format("{} rests on the digital credential {}, which was not verified (no trust list given)", ef.label, e.credential);
      } else if (const Status v = credentials_->Check(e.credential); !v.ok()) {
        st = EvidenceStatus::kUnverifiable;
        why = fmt::format("{}: {}", ef.label, v.error().ToString());
      } else if (explain_info_) {
        why = fmt::format("{} (digital credential {}, verified)", ef.label, e.credential);
      }
    }
    if (st == EvidenceStatus::kSatisfied && explain_info_ && why.empty()) why = ef.label + " covers it";
    if (Rank(st) > Rank(best) || (best == EvidenceStatus::kMissing && best_reason.empty())) {
      best = st;
      best_reason = std::move(why);
    }
    if (st == EvidenceStatus::kSatisfied) break;
  }
  f.status = best;
  switch (best) {
    case EvidenceStatus::kSatisfied:
      f.code = "EVIDENCE_OK";
      if (explain_info_) f.reason = fmt::format("{}: {}.", r.title, best_reason);
      return f;
    case EvidenceStatus::kMissing:
      f.code = "EVIDENCE_MISSING";
      f.reason = p.missing_reason + elsewhere + condition_note;
      f.remediation = p.remedy;
      break;
    case EvidenceStatus::kExpired:
      f.code = "EVIDENCE_EXPIRED";
      f.reason = fmt::format("{}: {}.{}", r.title, best_reason, condition_note);
      f.remediation = "Renew it. " + p.remedy;
      break;
    case EvidenceStatus::kNotYetValid:
      f.code = "EVIDENCE_NOT_YET_VALID";
      f.reason = fmt::format("{}: {}.{}", r.title, best_reason, condition_note);
      f.remediation = "Check the document's date. " + p.remedy;
      break;
    case EvidenceStatus::kScopeMismatch:
      f.code = "EVIDENCE_SCOPE_MISMATCH";
      f.reason = fmt::format("{}: {}.{}", r.title, best_reason, condition_note);
      f.remediation = "Supply a document whose scope covers this product. " + p.remedy;
      break;
    case EvidenceStatus::kUnverifiable:
      f.code = "EVIDENCE_UNVERIFIABLE";
      f.reason = fmt::format("{}: {}.{}", r.title, best_reason, condition_note);
      f.remediation = "Supply a verifiable credential or the document itself for review.";
      f.severity = Severity::kReview;
      return f;
    case EvidenceStatus::kNotRequired:
      break;
  }
  // Unmet: blocking when it applies, for review when it may.
  f.severity = f.conditional ? Severity::kReview : Severity::kBlock;
  return f;
}

std::vector<std::string> Screener::CheckedListingDuties() {
  std::vector<std::string> out;
  for (const auto& d : kListingDuties) out.push_back(d.requirement_id);
  return out;
}

ListingResult Screener::Screen(const Listing& l) const {
  ListingResult result;
  const Vocabulary& vocab = kb_.vocabulary();
  std::vector<Finding> input_findings;
  const auto input_problem = [&](const char* code, std::string reason, std::string remedy, Severity severity = Severity::kReview) {
    Finding f;
    f.code = code;
    f.severity = severity;
    f.reason = std::move(reason);
    f.remediation = std::move(remedy);
    input_findings.push_back(std::move(f));
  };

  // The listing's own statements, checked against the vocabulary.
  std::optional<CategoryId> stated_category;
  if (!l.category.empty()) {
    stated_category = vocab.FindCategory(l.category);
    if (!stated_category)
      input_problem("UNKNOWN_CATEGORY", fmt::format("The category '{}' is not known; it was inferred instead.", l.category),
                    SuggestionHint(l.category, vocab.CategoryNames()));
  }
  AttributeValues stated_values(vocab.attribute_count());
  std::vector<bool> stated(vocab.attribute_count(), false);
  for (const auto& [name, text] : l.attributes) {
    const auto id = vocab.FindAttribute(name);
    if (!id) {
      input_problem("UNKNOWN_ATTRIBUTE", fmt::format("The attribute '{}' is not known and was ignored.", name),
                    SuggestionHint(name, vocab.AttributeNames()));
      continue;
    }
    auto v = ParseAttributeValue(vocab.attribute(*id), text);
    if (!v.ok()) {
      const auto& d = v.error().diagnostics().front();
      input_problem("INVALID_ATTRIBUTE", d.message + "; the value was ignored.", d.hint);
      continue;
    }
    stated_values.set(*id, v.value());
    stated[*id] = true;
  }

  result.classification = classifier_.Classify(l, stated_category, stated);
  const Classification& cls = result.classification;

  // The product as the knowledge base sees it: stated values, then
  // inferred ones, then what the category implies.
  Product product;
  product.attributes = stated_values;
  for (const auto& a : cls.attributes) product.attributes.set(a.attribute, a.value);
  // A category's implied values are what its products are ("textile": no
  // battery, no mains). A listing of that category that states or shows
  // otherwise (heated gloves with a battery, a lunch box for 110 V) may be
  // another kind of product, whose rules this category does not carry.
  std::vector<std::string> unlike_category;
  if (cls.source != Classification::Source::kNone) {
    product.category = cls.category;
    for (const auto& [id, value] : vocab.category(cls.category).implies) {
      if (!product.attributes.known(id)) {
        product.attributes.set(id, value);
        continue;
      }
      if (product.attributes.get(id) == value) continue;
      const AttributeDef& d = vocab.attribute(id);
      std::string source = "the listing states";
      for (const auto& a : cls.attributes)
        if (a.attribute == id) source = "its " + a.reason + " gives";
      unlike_category.push_back(fmt::format("{} {}={} where {} means {}", source, d.name, d.ValueText(product.attributes.get(id)),
                                            vocab.category(cls.category).name, d.ValueText(value)));
    }
  }
  DeriveElectrical(supply_, &product.attributes);

  if (cls.source == Classification::Source::kNone) {
    input_problem("CATEGORY_UNKNOWN",
                  cls.set_aside.empty()
                      ? std::string("No category is given and none could be inferred from the HS code, title or description.")
                      : fmt::format("No category is given and none could be inferred from the HS code, title or description; "
                                    "words naming another product were not counted: {}.",
                                    Join(cls.set_aside, ", ")),
                  "State the category (see `conform vocabulary`).");
  }
  // A mistyped barcode identifies nothing: recall matching will not use it.
  if (!l.gtin_unreadable.empty())
    input_problem("GTIN_INVALID", fmt::format("The gtin field holds no GTIN ({}).", l.gtin_problem),
                  "Write the 8, 12, 13 or 14 digits of the barcode there; a marketplace's own number (an ASIN) is no GTIN.",
                  Severity::kWarn);
  if (const int expected = WrongGtinCheckDigit(l.gtin); expected >= 0)
    input_problem("GTIN_INVALID", fmt::format("The GTIN {} fails its check digit (the last digit should be {}).", l.gtin, expected),
                  "Check the barcode for a mistyped digit.", Severity::kWarn);
  // A warning, not a review: titles deny features too ("wired, no
  // Bluetooth"), and the stated value stands.
  for (const AttributeInference& a : cls.text_says) {
    if (!stated_values.known(a.attribute) || stated_values.get(a.attribute) == a.value) continue;
    const AttributeDef& d = vocab.attribute(a.attribute);
    input_problem("ATTRIBUTE_CONTRADICTED",
                  fmt::format("The listing states {}={}, but its {} says {}.", d.name, d.ValueText(stated_values.get(a.attribute)), a.reason,
                              d.ValueText(a.value)),
                  "Check the attribute: the stated value decides which requirements apply.", Severity::kWarn);
  }
  if (!unlike_category.empty())
    input_problem("CATEGORY_UNLIKE_PRODUCT",
                  fmt::format("The product may not be what its category {} says: {}.", vocab.category(cls.category).name,
                              Join(unlike_category, "; ")),
                  "Check the category: an electrical or radio product needs the rules of its own category (household_appliance, "
                  "consumer_electronics, radio_device ...).");
  const bool category_uncertain = cls.source == Classification::Source::kInferred && cls.confidence < Classifier::kConfidentAt;
  if (category_uncertain) {
    input_problem("CATEGORY_UNCERTAIN",
                  fmt::format("The category {} was inferred with confidence {:.2f} from {}{}.", vocab.category(cls.category).name,
                              cls.confidence, Join(cls.reasons, ", "),
                              cls.set_aside.empty() ? "" : "; not counted: " + Join(cls.set_aside, ", ")),
                  "State the category in the listing.");
  }
  std::vector<Finding> mismatch;
  if (cls.source == Classification::Source::kListing && cls.inferred_category && *cls.inferred_category != cls.category &&
      cls.inferred_confidence >= 0.8) {
    Finding f;
    f.code = "CATEGORY_MISMATCH";
    f.severity = Severity::kWarn;
    f.reason = fmt::format("The listing says {} but its HS code and text point to {} (confidence {:.2f}).",
                           vocab.category(cls.category).name, vocab.category(*cls.inferred_category).name, cls.inferred_confidence);
    f.remediation = "Check the category: a wrong one hides the requirements that apply.";
    mismatch.push_back(std::move(f));
  }

  std::vector<EvidenceFacts> evidence;
  evidence.reserve(l.evidence.size());
  const std::string listed_model = l.model.empty() ? "" : ModelKey(l.model);
  for (const Evidence& e : l.evidence) {
    EvidenceFacts ef;
    ef.evidence = &e;
    ef.label = e.number.empty() ? e.kind : e.kind + " " + e.number;
    for (const auto& a : e.legal_acts) ef.act_keys.push_back(ActKey(a));
    for (const auto& st : e.standards) {
      const StandardKey k = ParseStandard(st);
      ef.standards.emplace_back(k.id, k.edition);
    }
    if (!e.models.empty() && !listed_model.empty()) {
      ef.model_ok = false;
      for (const auto& m : e.models) ef.model_ok = ef.model_ok || ModelKey(m) == listed_model;
    }
    evidence.push_back(std::move(ef));
  }

  const std::vector<RecallHit> recalled = recalls_ != nullptr ? recalls_->Find(l) : std::vector<RecallHit>();
  std::vector<Applicability> applicable;
  std::vector<std::string> screened;  // each market once, "GB" and "UK" alike
  for (const std::string& market : l.target_markets) {
    const auto known = kb_.FindMarket(market);
    const std::string code = known ? kb_.markets()[*known].code : market;
    if (std::find(screened.begin(), screened.end(), code) != screened.end()) continue;
    screened.push_back(code);
    MarketVerdict mv;
    mv.market = market;
    mv.findings = input_findings;
    mv.findings.insert(mv.findings.end(), mismatch.begin(), mismatch.end());
    const auto mid = kb_.FindMarket(market);
    if (mid) mv.market = kb_.markets()[*mid].code;  // GB is reported as UK
    if (!mid) {
      AddFinding(&mv, "MARKET_UNKNOWN", Severity::kReview, fmt::format("There is no rule pack for the market '{}'.", market),
                 "Check the market code; known markets are listed by `conform vocabulary`.");
    }
    if (mid && !kb_.markets()[*mid].Covers(on_))
      AddFinding(&mv, "DATE_NOT_COVERED", Severity::kWarn, CoverageNote(kb_.markets()[*mid], on_),
                 "Screen for a date the pack covers, or check the acts of that time by hand.");
    if (mid && cls.source != Classification::Source::kNone) {
      applicable.clear();
      kb_.Applicable(product, *mid, on_, &applicable);
      const std::string& code = kb_.markets()[*mid].code;
      const size_t first_requirement_finding = mv.findings.size();
      for (const Applicability& a : applicable) {
        bool checked = false;
        for (const ListingDuty& d : kListingDuties) {
          if (a.requirement->id == d.requirement_id) {
            d.check(l, *a.requirement, &mv);
            checked = true;
          }
        }
        if (!checked) mv.findings.push_back(EvaluateRequirement(a, code, l, product, evidence));
      }
      // A requirement of a guessed category may not apply at all ("smart
      // watch strap", from "smart" alone): what it would block is for a
      // person to confirm. Not so when a word names the category outright
      // ("toy" in "robot dog toy for kids", whose "kids" speaks for
      // clothing too), or when the next best category has the requirement
      // as well (earbuds need the radio rules as radio devices or as
      // consumer electronics).
      if (category_uncertain && !cls.named_outright) {
        for (size_t i = first_requirement_finding; i < mv.findings.size(); ++i) {
          Finding& f = mv.findings[i];
          if (f.severity != Severity::kBlock || f.requirement == nullptr || f.requirement->all_categories) continue;
          const std::vector<CategoryId>& cats = f.requirement->categories;
          if (cls.runner_up && std::find(cats.begin(), cats.end(), *cls.runner_up) != cats.end()) continue;
          f.severity = Severity::kReview;
          f.reason += fmt::format(" It applies to {}, which this listing was only guessed to be: review rather than block.",
                                  vocab.category(cls.category).name);
        }
      }
      CheckClaims(l, code, &mv);
    }
    const auto in_force_here = [&](const RecallHit& hit) {
      return (!hit.published || *hit.published <= on_) && std::find(hit.markets.begin(), hit.markets.end(), mv.market) != hit.markets.end();
    };
    // A takedown in force here, by another notice of a joint recall, makes
    // a warning that the recall has no force here wrong.
    const bool recalled_here = std::any_of(recalled.begin(), recalled.end(), [&](const RecallHit& h) { return h.takedown && in_force_here(h); });
    for (const RecallHit& hit : recalled) {
      if (hit.published && *hit.published > on_) continue;  // not yet published on the date screened for
      if (in_force_here(hit)) {
        AddFinding(&mv, "RECALLED_PRODUCT", hit.takedown ? Severity::kBlock : Severity::kReview, hit.reason,
                   hit.takedown ? "Take the listing down: a regulator in this market found the product dangerous or non-compliant and took the measures the notice names."
                                : "Check whether the listing sells the recalled product; take it down if it does.");
        mv.findings.back().source_url = hit.source_url;
      } else if (hit.takedown && !recalled_here) {
        // A hazard does not stop at a border, but the notice has no force
        // here: a warning, and only where the product is identified.
        // A market without a pack may be where the notice's law applies
        // too (Safety Gate's EEA countries, Northern Ireland): not said to
        // have no force there.
        const std::string where = fmt::format("{}", fmt::join(hit.markets, " and "));
        AddFinding(&mv, "RECALLED_ELSEWHERE", Severity::kWarn,
                   mid ? fmt::format("A recall in {}, which has no force in {}: {}", where, mv.market, hit.reason)
                       : fmt::format("A recall in {}, whose force in {} conform does not know (no rule pack): {}", where, mv.market, hit.reason),
                   fmt::format("Check whether the product sold in {} has the hazard the notice names, and withdraw it if so.", mv.market));
        mv.findings.back().source_url = hit.source_url;
      }
    }
    for (const Finding& f : mv.findings)
      mv.verdict = std::max(mv.verdict, static_cast<Verdict>(static_cast<int>(f.severity)));
    result.markets.push_back(std::move(mv));
  }
  return result;
}

}  // namespace conform
