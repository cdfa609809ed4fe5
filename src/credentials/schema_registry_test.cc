#include "conform/credentials/schema_registry.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <filesystem>

#include "conform/credentials/credential.h"
#include "conform/credentials/jcs.h"

namespace conform {
namespace {

const std::string kUntpSchemas = CONFORM_SHARED_TESTDATA_DIR "/untp-tests/packages/untp-test-suite/src/schemas";

// A DCC of our own, complete enough for the UNTP 0.5.0 schema: a test
// laboratory certifies a charger against IEC 62368-1 under the EU Low
// Voltage Directive. {issuer} is filled in with the signing key's DID.
constexpr const char* kDcc = R"({
  "@context": ["https://www.w3.org/ns/credentials/v2", "https://test.uncefact.org/vocabulary/untp/dcc/0.5.0/"],
  "type": ["DigitalConformityCredential", "VerifiableCredential"],
  "id": "https://cb.example/credentials/7781",
  "issuer": {"type": ["CredentialIssuer"], "id": "{issuer}", "name": "Example Certification Body"},
  "validUntil": "2029-03-01T00:00:00Z",
  "credentialSubject": {
    "type": ["ConformityAttestation", "Attestation"],
    "id": "https://cb.example/attestations/7781",
    "assessorLevel": "3rdParty",
    "assessmentLevel": "Accredited",
    "attestationType": "certification",
    "assessment": [{
      "type": ["ConformityAssessment", "Declaration"],
      "id": "https://cb.example/attestations/7781/1",
      "assessmentDate": "2026-02-20",
      "referenceStandard": {"type": ["Standard"], "id": "https://webstore.iec.ch/publication/33454", "name": "IEC 62368-1:2018",
                            "issuingParty": {"type": ["Identifier"], "id": "https://www.iec.ch/", "name": "International Electrotechnical Commission"}},
      "referenceRegulation": {"type": ["Regulation"], "id": "https://eur-lex.europa.eu/eli/dir/2014/35/oj", "name": "Directive 2014/35/EU",
                              "administeredBy": {"type": ["Identifier"], "id": "https://commission.europa.eu/", "name": "European Commission"}},
      "conformance": true,
      "conformityTopic": "social.safety",
      "assessedProduct": [{"type": ["Product"], "id": "https://id.gs1.org/01/04006381333931", "name": "65 W USB-C charger QC-65"}]
    }]
  }
})";

std::string Replace(std::string text, std::string_view from, std::string_view to) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

const CredentialCheck* Check(const CredentialReport& r, const std::string& name) {
  for (const auto& c : r.checks)
    if (c.name == name) return &c;
  return nullptr;
}

class SchemaRegistryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    key_ = GenerateSigningKey();
    context_.now = ParseDateTime("2026-06-01T00:00:00Z").value();
  }
  std::string Issue(std::string body) {
    IssueOptions o;
    o.created = context_.now;
    if (body.find("{issuer}") != std::string::npos) body = Replace(std::move(body), "{issuer}", key_.did());
    auto vc = IssueCredential(body, key_, o);
    EXPECT_TRUE(vc.ok()) << vc.error().ToString();
    return vc.ok() ? vc.value() : "";
  }
  SigningKey key_;
  VerifyContext context_;
};

TEST_F(SchemaRegistryTest, UntpCredentialWithoutItsSchemaFailsTheCheck) {
  const auto r = VerifyCredential(Issue(kDcc), context_);
  ASSERT_NE(Check(r, "schema"), nullptr);
  EXPECT_FALSE(Check(r, "schema")->passed);
  EXPECT_NE(Check(r, "schema")->detail.find("digitalConformityCredential/0.5.0 was not given"), std::string::npos);
}

TEST_F(SchemaRegistryTest, UntpSchemasJudgeConformityCredentials) {
  if (!std::filesystem::is_directory(kUntpSchemas)) GTEST_SKIP() << "UNTP schemas not found at " << kUntpSchemas;
  SchemaRegistry schemas;
  ASSERT_TRUE(schemas.AddDirectory(kUntpSchemas).ok());
  EXPECT_GE(schemas.size(), 60u);
  ASSERT_NE(schemas.Find("digitalConformityCredential/0.5.0"), nullptr);
  context_.schemas = &schemas;

  const auto good = VerifyCredential(Issue(kDcc), context_);
  ASSERT_NE(Check(good, "schema"), nullptr);
  EXPECT_TRUE(Check(good, "schema")->passed) << Check(good, "schema")->detail;

  const auto bad = VerifyCredential(Issue(Replace(kDcc, R"("assessmentLevel": "Accredited",)", "")), context_);
  EXPECT_FALSE(Check(bad, "schema")->passed);
  EXPECT_NE(Check(bad, "schema")->detail.find("/credentialSubject: required property 'assessmentLevel' is missing"), std::string::npos)
      << Check(bad, "schema")->detail;

  const auto topic = VerifyCredential(Issue(Replace(kDcc, "social.safety", "safety")), context_);
  EXPECT_NE(Check(topic, "schema")->detail.find("/credentialSubject/assessment/0/conformityTopic"), std::string::npos)
      << Check(topic, "schema")->detail;

  // A version nobody gave a schema for.
  const auto unknown = VerifyCredential(Issue(Replace(kDcc, "dcc/0.5.0/", "dcc/9.9.9/")), context_);
  EXPECT_NE(Check(unknown, "schema")->detail.find("digitalConformityCredential/9.9.9 was not given"), std::string::npos);
}

TEST_F(SchemaRegistryTest, CredentialSchemaNamedById) {
  SchemaRegistry schemas;
  const auto schema = ParseIJson(R"({"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
      "properties":{"credentialSubject":{"type":"object","required":["model"],"properties":{"model":{"type":"string","pattern":"^[A-Z]{2}-[0-9]+$"}}}}})");
  ASSERT_TRUE(schema.ok());
  ASSERT_TRUE(schemas.Add("https://schemas.example/charger.json", schema.value()).ok());
  context_.schemas = &schemas;
  const std::string body = R"({"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],)"
                           R"("credentialSchema":{"id":"https://schemas.example/charger.json","type":"JsonSchema"},)"
                           R"("credentialSubject":{"model":"QC-65"}})";
  EXPECT_TRUE(Check(VerifyCredential(Issue(body), context_), "schema")->passed);
  const auto bad = VerifyCredential(Issue(Replace(body, "QC-65", "qc65")), context_);
  EXPECT_FALSE(Check(bad, "schema")->passed);
  EXPECT_NE(Check(bad, "schema")->detail.find("/credentialSubject/model"), std::string::npos) << Check(bad, "schema")->detail;
}

TEST(SchemaRegistryLoadTest, RefusesMissingDirectoriesAndBadSchemas) {
  SchemaRegistry schemas;
  EXPECT_FALSE(schemas.AddDirectory("/nonexistent/schemas").ok());
  auto bad = ParseIJson(R"({"type":"object","minLength":"three"})");
  ASSERT_TRUE(bad.ok());
  const Status st = schemas.Add("x", bad.value());
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.error().ToString().find("minLength"), std::string::npos) << st.error().ToString();
  EXPECT_TRUE(schemas.empty());
}

}  // namespace
}  // namespace conform
