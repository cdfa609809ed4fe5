#include "conform/credentials/conformity_credential.h"

#include <fmt/format.h>

#include <algorithm>
#include <span>
#include <string_view>

#include "conform/core/date.h"
#include "conform/core/gtin.h"
#include "conform/credentials/jcs.h"

namespace conform {

namespace {

constexpr std::string_view kDccContextPrefix = "https://test.uncefact.org/vocabulary/untp/dcc/";
constexpr std::string_view kGs1DigitalLinkGtin = "https://id.gs1.org/01/";

// A string member's text, or an empty string: read in place, not copied.
const std::string& Str(const JsonValue* v) {
  static const std::string kNone;
  return v != nullptr && v->is_string() ? v->text : kNone;
}

// The first member present among `names` (vocabulary versions renamed them).
const JsonValue* FindAny(const JsonValue& object, std::initializer_list<std::string_view> names, std::string* which = nullptr) {
  for (std::string_view n : names)
    if (const JsonValue* v = object.Find(n)) {
      if (which != nullptr) *which = std::string(n);
      return v;
    }
  return nullptr;
}

// A value that may be one object or an array of them, as a view of the
// array's items or of the one value (nothing allocated).
std::span<const JsonValue> Many(const JsonValue* v) {
  if (v == nullptr) return {};
  if (v->is_array()) return v->items;
  return {v, 1};
}

bool HasType(const JsonValue& v, std::string_view type) {
  const JsonValue* t = v.Find("type");
  if (t == nullptr) return false;
  if (t->is_string()) return t->text == type;
  return std::any_of(t->items.begin(), t->items.end(), [&](const JsonValue& x) { return x.is_string() && x.text == type; });
}

std::vector<ConformityReference> References(const JsonValue* v) {
  std::vector<ConformityReference> out;
  for (const JsonValue& x : Many(v)) {
    if (x.is_string()) {
      out.push_back({x.text, ""});
    } else if (x.is_object()) {
      out.push_back({Str(x.Find("id")), Str(x.Find("name"))});
    }
  }
  return out;
}

// The GTIN a product names, from a GS1 Digital Link id
// (https://id.gs1.org/01/<gtin>/...) or a GS1 identifier scheme with a
// registeredId. Empty when the product names none; an error when it names
// one that is not valid.
Result<std::string> ProductGtin(const JsonValue& product) {
  std::string_view candidate;
  const std::string_view id = Str(product.Find("id"));
  if (id.starts_with(kGs1DigitalLinkGtin)) {
    const std::string_view rest = id.substr(kGs1DigitalLinkGtin.size());
    candidate = rest.substr(0, rest.find_first_of("/?#"));
  } else if (const JsonValue* scheme = product.Find("idScheme");
             scheme != nullptr && scheme->is_object() && Str(scheme->Find("id")) == kGs1DigitalLinkGtin) {
    const std::string_view registered = Str(product.Find("registeredId"));
    candidate = registered.substr(0, registered.find_first_of("./ "));
  }
  if (candidate.empty()) return std::string();
  auto gtin = NormalizeGtin(candidate);
  if (!gtin.ok()) return gtin.error();
  return std::move(gtin).value();
}

}  // namespace

bool ConformityAttestation::AllConform() const {
  return !assessments.empty() &&
         std::all_of(assessments.begin(), assessments.end(), [](const ConformityAssessment& a) { return a.conformance; });
}

std::vector<std::string> ConformityAttestation::Gtins() const {
  std::vector<std::string> out;
  for (const auto& a : assessments)
    for (const auto& p : a.products)
      if (!p.gtin.empty() && std::find(out.begin(), out.end(), p.gtin) == out.end()) out.push_back(p.gtin);
  return out;
}

bool IsConformityCredential(const JsonValue& credential) {
  return credential.is_object() && HasType(credential, "DigitalConformityCredential");
}

std::string ConformityCredentialVersion(const JsonValue& credential) {
  const JsonValue* context = credential.is_object() ? credential.Find("@context") : nullptr;
  if (context == nullptr || !context->is_array()) return "";
  for (const auto& c : context->items) {
    if (!c.is_string() || c.text.rfind(kDccContextPrefix, 0) != 0) continue;
    std::string version = c.text.substr(kDccContextPrefix.size());
    version = version.substr(0, version.find('/'));
    if (!version.empty() && std::all_of(version.begin(), version.end(), [](char ch) { return (ch >= '0' && ch <= '9') || ch == '.'; }))
      return version;
  }
  return "";
}

Result<ConformityAttestation> ReadConformityCredential(const JsonValue& vc) {
  std::vector<std::string> problems;
  ConformityAttestation out;
  if (!IsConformityCredential(vc)) return Error(ErrorCode::kInvalidInput, "not a DigitalConformityCredential (its type list does not name it)");
  out.version = ConformityCredentialVersion(vc);
  out.id = Str(vc.Find("id"));
  const JsonValue* issuer = vc.Find("issuer");
  out.issuer = issuer != nullptr && issuer->is_object() ? Str(issuer->Find("id")) : Str(issuer);

  const JsonValue* subject = vc.Find("credentialSubject");
  if (subject == nullptr || !subject->is_object()) {
    return Error(ErrorCode::kInvalidInput, "credentialSubject: a DCC's subject is one ConformityAttestation object",
                 "put the attestation object directly under credentialSubject");
  }
  out.attestation_type = Str(subject->Find("attestationType"));
  out.assessor_level = Str(subject->Find("assessorLevel"));
  if (out.attestation_type.empty())
    problems.push_back("credentialSubject.attestationType: missing (certification, declaration, inspection, ...)");
  out.authorisations = References(FindAny(*subject, {"authorisation", "authorisations"}));

  std::string assessment_key = "assessment";
  const JsonValue* assessments = FindAny(*subject, {"assessment", "assessments"}, &assessment_key);
  const auto list = Many(assessments);
  if (list.empty()) problems.push_back("credentialSubject.assessment: a DCC attests at least one assessment");
  for (size_t i = 0; i < list.size(); ++i) {
    const JsonValue& a = list[i];
    // Where a problem is, spelled out only when there is one.
    const auto where_of = [&] { return fmt::format("credentialSubject.{}[{}]", assessment_key, i); };
    if (!a.is_object()) {
      problems.push_back(where_of() + ": an assessment is an object");
      continue;
    }
    ConformityAssessment assessment;
    assessment.id = Str(a.Find("id"));
    assessment.topic = Str(a.Find("conformityTopic"));
    std::string conformance_key = "conformance";
    const JsonValue* conformance = FindAny(a, {"conformance", "compliance"}, &conformance_key);
    if (conformance == nullptr || (conformance->kind != JsonValue::kTrue && conformance->kind != JsonValue::kFalse)) {
      problems.push_back(fmt::format("{}.conformance: must state true or false", where_of()));
    } else {
      assessment.conformance = conformance->kind == JsonValue::kTrue;
    }
    if (const JsonValue* date = a.Find("assessmentDate")) {
      assessment.date = Str(date);
      if (!Date::Parse(assessment.date).ok()) problems.push_back(fmt::format("{}.assessmentDate: '{}' is not a date (YYYY-MM-DD)", where_of(), assessment.date));
    }
    assessment.standards = References(a.Find("referenceStandard"));
    assessment.regulations = References(a.Find("referenceRegulation"));
    const bool has_criteria = a.Find("assessmentCriteria") != nullptr || a.Find("assessmentCriterion") != nullptr;
    if (assessment.standards.empty() && assessment.regulations.empty() && !has_criteria)
      problems.push_back(where_of() + ": names no referenceStandard, referenceRegulation or assessmentCriteria: conformity to what?");
    std::string product_key = "assessedProduct";
    const auto products = Many(FindAny(a, {"assessedProduct", "assessedProducts"}, &product_key));
    for (size_t j = 0; j < products.size(); ++j) {
      const auto pwhere_of = [&] { return fmt::format("{}.{}[{}]", where_of(), product_key, j); };
      const JsonValue* p = &products[j];
      // From 0.6 a ProductVerification wraps the product.
      if (p->is_object())
        if (const JsonValue* inner = p->Find("product"); inner != nullptr && inner->is_object()) p = inner;
      if (!p->is_object()) {
        problems.push_back(pwhere_of() + ": a product is an object");
        continue;
      }
      AssessedProduct product;
      product.id = Str(p->Find("id"));
      product.name = Str(p->Find("name"));
      product.serial_number = Str(p->Find("serialNumber"));
      product.batch_number = Str(p->Find("batchNumber"));
      if (product.id.empty() && product.name.empty()) problems.push_back(pwhere_of() + ": a product needs an id or a name");
      auto gtin = ProductGtin(*p);
      if (!gtin.ok()) {
        problems.push_back(fmt::format("{}: {}", pwhere_of(), gtin.error().ToString()));
      } else {
        product.gtin = gtin.value();
      }
      assessment.products.push_back(std::move(product));
    }
    const bool assesses_something = !products.empty() || FindAny(a, {"assessedFacility", "assessedFacilities", "assessedOrganisation"}) != nullptr;
    if (!assesses_something) problems.push_back(where_of() + ": assesses nothing (no assessedProduct, assessedFacility or assessedOrganisation)");
    out.assessments.push_back(std::move(assessment));
  }
  if (!problems.empty()) {
    std::vector<Diagnostic> diagnostics;
    for (auto& p : problems) diagnostics.push_back(Diagnostic{"", 0, 0, std::move(p), ""});
    return Error(ErrorCode::kInvalidInput, std::move(diagnostics));
  }
  return out;
}

}  // namespace conform
