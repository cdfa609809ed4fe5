#include "conform/credentials/did_resolver.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <filesystem>
#include <fstream>

#include "conform/credentials/credential.h"
#include "conform/credentials/data_integrity.h"
#include "conform/credentials/jcs.h"

namespace conform {
namespace {

namespace fs = std::filesystem;

class DidWebTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("conform_didweb_" + std::to_string(::getpid()));
    fs::create_directories(dir_ / "cb.example" / ".well-known");
    key_ = GenerateSigningKey();
    other_ = GenerateSigningKey();
    std::ofstream(dir_ / "cb.example" / ".well-known" / "did.json")
        << R"({"@context":["https://www.w3.org/ns/did/v1"],"id":"did:web:cb.example","verificationMethod":[)"
        << R"({"id":"did:web:cb.example#key-1","type":"Multikey","controller":"did:web:cb.example","publicKeyMultibase":")"
        << EncodePublicKeyMultibase(key_.public_key) << R"("},)"
        << R"({"id":"#key-2","type":"Multikey","controller":"did:web:cb.example","publicKeyMultibase":")"
        << EncodePublicKeyMultibase(other_.public_key) << R"("}],)"
        << R"("assertionMethod":["#key-1"]})";
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Sign(const SigningKey& key, const std::string& method) {
    ProofOptions o;
    o.created = "2026-01-01T00:00:00Z";
    o.verification_method = method;
    auto s = AddEddsaJcsProof(R"({"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],)"
                              R"("issuer":"did:web:cb.example","credentialSubject":{"id":"urn:gtin:06901234567892"}})",
                              key.seed, o);
    EXPECT_TRUE(s.ok());
    return s.value();
  }

  Status Verify(const std::string& text, const DidResolver* r) { return VerifyEddsaJcsProof(ParseIJson(text).value(), r); }

  fs::path dir_;
  SigningKey key_, other_;
};

TEST_F(DidWebTest, MapsIdentifiersToDocumentPaths) {
  const DidResolver r(dir_.string());
  EXPECT_EQ(r.DocumentPath("did:web:cb.example").value(), (dir_ / "cb.example" / ".well-known" / "did.json").string());
  EXPECT_EQ(r.DocumentPath("did:web:cb.example:certs:7").value(), (dir_ / "cb.example" / "certs" / "7" / "did.json").string());
  EXPECT_EQ(r.DocumentPath("did:web:localhost%3A8443").value(), (dir_ / "localhost:8443" / ".well-known" / "did.json").string());
  EXPECT_FALSE(r.DocumentPath("did:web:cb.example:..:..:etc").ok());
  EXPECT_FALSE(DidResolver().DocumentPath("did:web:cb.example").ok());
}

TEST_F(DidWebTest, VerifiesWithTheDocumentsAssertionKeyOnly) {
  const DidResolver r(dir_.string());
  EXPECT_TRUE(Verify(Sign(key_, "did:web:cb.example#key-1"), &r).ok());
  // Without the documents, did:web cannot be resolved.
  EXPECT_FALSE(Verify(Sign(key_, "did:web:cb.example#key-1"), nullptr).ok());
  // key-2 is in the document but not authorised for assertions.
  const Status s = Verify(Sign(other_, "did:web:cb.example#key-2"), &r);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().ToString().find("not listed for assertionMethod"), std::string::npos) << s.error().ToString();
  // Signed with another key but naming key-1: the signature fails.
  EXPECT_FALSE(Verify(Sign(other_, "did:web:cb.example#key-1"), &r).ok());
  // No document for that host.
  EXPECT_NE(Verify(Sign(key_, "did:web:other.example#key-1"), &r).error().ToString().find("no DID document"), std::string::npos);
}

TEST_F(DidWebTest, IssuerBindingHoldsForDidWeb) {
  const DidResolver r(dir_.string());
  VerifyContext ctx;
  ctx.now = ParseDateTime("2026-06-01T00:00:00Z").value();
  ctx.dids = &r;
  const auto report = VerifyCredential(Sign(key_, "did:web:cb.example#key-1"), ctx);
  for (const auto& c : report.checks)
    if (c.name == "proof" || c.name == "issuer") {
      EXPECT_TRUE(c.passed) << c.name << ": " << c.detail;
    }
}

}  // namespace
}  // namespace conform
