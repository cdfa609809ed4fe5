#include "conform/credentials/conformity_credential.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "conform/credentials/credential.h"
#include "conform/credentials/jcs.h"

namespace conform {
namespace {

// A small DCC of our own: a test laboratory certifies a USB charger against
// EN IEC 62368-1 under the Low Voltage Directive.
constexpr const char* kCharger = R"({
  "@context": ["https://www.w3.org/ns/credentials/v2", "https://test.uncefact.org/vocabulary/untp/dcc/0.5.0/"],
  "type": ["DigitalConformityCredential", "VerifiableCredential"],
  "id": "https://cb.example/credentials/7781",
  "issuer": {"type": ["CredentialIssuer"], "id": "did:web:cb.example", "name": "Example Certification Body"},
  "validFrom": "2026-03-01T00:00:00Z",
  "credentialSubject": {
    "type": ["ConformityAttestation", "Attestation"],
    "id": "https://cb.example/attestations/7781",
    "assessorLevel": "3rdParty",
    "attestationType": "certification",
    "authorisation": [{"type": ["Endorsement"], "id": "https://ab.example/accreditations/CB-12", "name": "Accreditation CB-12"}],
    "assessment": [{
      "type": ["ConformityAssessment"],
      "id": "https://cb.example/attestations/7781/1",
      "assessmentDate": "2026-02-20",
      "referenceStandard": {"type": ["Standard"], "id": "https://standards.example/EN-IEC-62368-1-2020", "name": "EN IEC 62368-1:2020+A11:2020"},
      "referenceRegulation": {"type": ["Regulation"], "id": "https://eur-lex.europa.eu/eli/dir/2014/35/oj", "name": "Directive 2014/35/EU"},
      "conformance": true,
      "conformityTopic": "safety",
      "assessedProduct": [{"type": ["Product"], "id": "https://id.gs1.org/01/04006381333931", "name": "65 W USB-C charger QC-65"}]
    }]
  }
})";

JsonValue Parse(std::string_view text) {
  auto v = ParseIJson(text);
  EXPECT_TRUE(v.ok()) << (v.ok() ? "" : v.error().ToString());
  return v.ok() ? v.value() : JsonValue();
}

std::string Replace(std::string text, std::string_view from, std::string_view to) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

TEST(ConformityCredentialTest, ReadsAttestation) {
  const JsonValue vc = Parse(kCharger);
  ASSERT_TRUE(IsConformityCredential(vc));
  EXPECT_EQ(ConformityCredentialVersion(vc), "0.5.0");
  auto dcc = ReadConformityCredential(vc);
  ASSERT_TRUE(dcc.ok()) << dcc.error().ToString();
  const ConformityAttestation& a = dcc.value();
  EXPECT_EQ(a.issuer, "did:web:cb.example");
  EXPECT_EQ(a.attestation_type, "certification");
  ASSERT_EQ(a.assessments.size(), 1u);
  EXPECT_TRUE(a.AllConform());
  EXPECT_EQ(a.assessments[0].standards[0].name, "EN IEC 62368-1:2020+A11:2020");
  EXPECT_EQ(a.assessments[0].regulations[0].id, "https://eur-lex.europa.eu/eli/dir/2014/35/oj");
  ASSERT_EQ(a.assessments[0].products.size(), 1u);
  EXPECT_EQ(a.assessments[0].products[0].gtin, "04006381333931");
  EXPECT_EQ(a.Gtins(), std::vector<std::string>{"04006381333931"});
  ASSERT_EQ(a.authorisations.size(), 1u);
}

// Without the UNTP context a DCC names no UNTP version: its content is read,
// the verifier says no UNTP schema was checked, and does not pretend one was.
TEST(ConformityCredentialTest, WithoutTheUntpContextNoUntpSchemaIsCheckedAndThatIsSaid) {
  const auto find = [](const CredentialReport& r, const std::string& name) -> const CredentialCheck* {
    for (const auto& c : r.checks)
      if (c.name == name) return &c;
    return nullptr;
  };
  const std::string bare = Replace(kCharger, R"(, "https://test.uncefact.org/vocabulary/untp/dcc/0.5.0/")", "");
  const CredentialReport without = VerifyCredential(bare, VerifyContext{});
  const CredentialCheck* content = find(without, "content");
  ASSERT_NE(content, nullptr);
  EXPECT_NE(content->detail.find("no UNTP @context"), std::string::npos) << content->detail;
  EXPECT_EQ(find(without, "schema"), nullptr);
  const CredentialReport with = VerifyCredential(kCharger, VerifyContext{});
  ASSERT_NE(find(with, "schema"), nullptr);
  EXPECT_FALSE(find(with, "schema")->passed);  // digitalConformityCredential/0.5.0 was not given
}

TEST(ConformityCredentialTest, NonConformanceIsReadNotHidden) {
  auto dcc = ReadConformityCredential(Parse(Replace(kCharger, "\"conformance\": true", "\"conformance\": false")));
  ASSERT_TRUE(dcc.ok());
  EXPECT_FALSE(dcc.value().AllConform());
}

TEST(ConformityCredentialTest, ContentRulesNameWhereAndWhat) {
  const auto problem = [](const std::string& text) {
    auto dcc = ReadConformityCredential(Parse(text));
    return dcc.ok() ? std::string() : dcc.error().ToString();
  };
  EXPECT_NE(problem(Replace(kCharger, "\"conformance\": true", "\"conformance\": \"yes\"")).find("assessment[0].conformance: must state true or false"),
            std::string::npos);
  EXPECT_NE(problem(Replace(kCharger, "04006381333931", "04006381333932")).find("assessedProduct[0]: GTIN '04006381333932' fails its check digit"),
            std::string::npos);
  EXPECT_NE(problem(Replace(kCharger, "\"2026-02-20\"", "\"20 Feb 2026\"")).find("assessmentDate: '20 Feb 2026' is not a date"),
            std::string::npos);
  EXPECT_NE(problem(Replace(kCharger, "\"attestationType\": \"certification\",", "")).find("attestationType: missing"),
            std::string::npos);
  std::string no_reference = Replace(kCharger, R"("referenceStandard": {"type": ["Standard"], "id": "https://standards.example/EN-IEC-62368-1-2020", "name": "EN IEC 62368-1:2020+A11:2020"},)", "");
  no_reference = Replace(no_reference, R"("referenceRegulation": {"type": ["Regulation"], "id": "https://eur-lex.europa.eu/eli/dir/2014/35/oj", "name": "Directive 2014/35/EU"},)", "");
  EXPECT_NE(problem(no_reference).find("conformity to what?"), std::string::npos);
  EXPECT_NE(problem(Replace(kCharger, "\"assessedProduct\"", "\"assessedThing\"")).find("assesses nothing"), std::string::npos);
  EXPECT_NE(problem(Replace(kCharger, "\"DigitalConformityCredential\", ", "")).find("not a DigitalConformityCredential"), std::string::npos);
}

// The UNTP samples of each vocabulary version (read where they are; they are
// not part of this project). Their content is example data, so only what
// every version must give is checked: they read, with their assessments.
TEST(ConformityCredentialTest, ReadsUntpSamplesOfEveryVersion) {
  const std::filesystem::path dir = std::filesystem::path(CONFORM_SHARED_TESTDATA_DIR) / "untp-tests/packages/untp-test-suite/credentials/conformityCredential";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "UNTP samples not found at " << dir;
  int read = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const JsonValue vc = Parse(text.str());
    ASSERT_TRUE(IsConformityCredential(vc)) << entry.path();
    EXPECT_FALSE(ConformityCredentialVersion(vc).empty()) << entry.path();
    auto dcc = ReadConformityCredential(vc);
    ASSERT_TRUE(dcc.ok()) << entry.path() << ": " << dcc.error().ToString();
    EXPECT_FALSE(dcc.value().assessments.empty()) << entry.path();
    ++read;
  }
  EXPECT_EQ(read, 5);
}

}  // namespace
}  // namespace conform
