// The UN/CEFACT Transparency Protocol's Digital Conformity Credential (DCC):
// what a conformity attestation says, read from a VC Data Model 2.0
// credential, and the content rules a DCC must meet beyond its JSON Schema.
//
// Versions 0.3 to 0.6 of the vocabulary are read; their property names
// differ (assessments/assessment, compliance/conformance,
// assessedProducts/assessedProduct, products wrapped in ProductVerification
// from 0.6) and are mapped to one model here.
#ifndef CONFORM_CREDENTIALS_CONFORMITY_CREDENTIAL_H_
#define CONFORM_CREDENTIALS_CONFORMITY_CREDENTIAL_H_

#include <optional>
#include <string>
#include <vector>

#include "conform/core/result.h"

namespace conform {

struct JsonValue;

// A standard, regulation or scheme: its id (a URL) and name, either may be
// empty.
struct ConformityReference {
  std::string id;
  std::string name;
};

struct AssessedProduct {
  std::string id;    // often a GS1 Digital Link URL
  std::string name;
  std::string gtin;  // 14 digits, check digit verified; empty when none given
  std::string serial_number;
  std::string batch_number;
};

struct ConformityAssessment {
  std::string id;
  std::string date;  // assessmentDate (YYYY-MM-DD), may be empty
  std::string topic;  // conformityTopic, e.g. "safety"
  std::vector<ConformityReference> standards;
  std::vector<ConformityReference> regulations;
  std::vector<AssessedProduct> products;
  bool conformance = false;  // the assessed things conform
};

struct ConformityAttestation {
  std::string version;  // from the DCC context URL, e.g. "0.5.0"; empty if unknown
  std::string id;
  std::string issuer;
  std::string attestation_type;  // certification, declaration, inspection, ...
  std::string assessor_level;    // Self, 3rdParty, ...
  std::vector<ConformityReference> authorisations;  // accreditations the issuer holds
  std::vector<ConformityAssessment> assessments;

  // True when every assessment states conformance.
  bool AllConform() const;
  // The GTINs of every assessed product, deduplicated.
  std::vector<std::string> Gtins() const;
};

// True when the credential's type list names DigitalConformityCredential.
bool IsConformityCredential(const JsonValue& credential);

// The DCC vocabulary version in the credential's @context
// ("https://test.uncefact.org/vocabulary/untp/dcc/0.5.0/" gives "0.5.0").
std::string ConformityCredentialVersion(const JsonValue& credential);

// Reads a DCC and applies the content rules: the subject is one attestation
// naming its attestation type; it holds at least one assessment; each
// assessment states conformance as a boolean, refers to at least one
// standard, regulation or criterion, assesses something (a product, facility
// or organisation), and gives a valid date when it gives one; each product
// has an id or a name, and a GTIN, when given, has a valid check digit.
// Every broken rule is reported, with the JSON path where it is.
Result<ConformityAttestation> ReadConformityCredential(const JsonValue& credential);

}  // namespace conform

#endif  // CONFORM_CREDENTIALS_CONFORMITY_CREDENTIAL_H_
