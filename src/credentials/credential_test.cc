#include "conform/credentials/credential.h"

#include <gtest/gtest.h>

namespace conform {
namespace {

const CredentialCheck* Check(const CredentialReport& r, const std::string& name) {
  for (const auto& c : r.checks)
    if (c.name == name) return &c;
  return nullptr;
}

TEST(DateTimeTest, ParsesZonesAndRefusesAmbiguity) {
  EXPECT_EQ(ParseDateTime("1970-01-01T00:00:00Z").value(), 0);
  EXPECT_EQ(ParseDateTime("1970-01-01T08:00:00+08:00").value(), 0);
  EXPECT_EQ(ParseDateTime("2023-01-01T00:00:00.123Z").value(), 1672531200);
  EXPECT_EQ(FormatDateTime(1672531200), "2023-01-01T00:00:00Z");
  EXPECT_FALSE(ParseDateTime("2023-01-01T00:00:00").ok());  // no time zone
  EXPECT_FALSE(ParseDateTime("2023-02-30T00:00:00Z").ok());
  EXPECT_FALSE(ParseDateTime("2023-01-01 00:00:00Z").ok());
}

class CredentialTest : public ::testing::Test {
 protected:
  void SetUp() override {
    key_ = GenerateSigningKey();
    now_ = ParseDateTime("2026-06-01T00:00:00Z").value();
    auto list = CreateStatusListCredential("https://cb.example/status/1", "revocation", key_, now_);
    ASSERT_TRUE(list.ok()) << list.error().ToString();
    list_ = list.value();
    context_.now = now_;
    context_.status_lists["https://cb.example/status/1"] = list_;
  }

  std::string Issue(const std::string& body, std::optional<uint64_t> index = 7) {
    IssueOptions o;
    o.created = now_;
    if (index) {
      o.status_list = list_;
      o.status_index = index;
    }
    auto vc = IssueCredential(body, key_, o);
    EXPECT_TRUE(vc.ok()) << vc.error().ToString();
    return vc.ok() ? vc.value() : "";
  }

  SigningKey key_;
  int64_t now_ = 0;
  std::string list_;
  VerifyContext context_;
};

const char* kBody = R"({"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],)"
                    R"("validUntil":"2027-06-01T00:00:00Z","credentialSubject":{"id":"urn:gtin:06901234567892","conformity":"GB 4943.1-2022"}})";

TEST_F(CredentialTest, IssuedCredentialPassesEveryCheck) {
  const auto report = VerifyCredential(Issue(kBody), context_);
  for (const auto& c : report.checks) EXPECT_TRUE(c.passed) << c.name << ": " << c.detail;
  EXPECT_TRUE(report.ok());
  EXPECT_EQ(report.checks.size(), 6u);
}

TEST_F(CredentialTest, RevocationIsSeenAtVerifyTime) {
  const std::string vc = Issue(kBody, 42);
  auto revoked = UpdateStatusListCredential(list_, 42, true, key_, now_);
  ASSERT_TRUE(revoked.ok()) << revoked.error().ToString();
  context_.status_lists["https://cb.example/status/1"] = revoked.value();
  const auto report = VerifyCredential(vc, context_);
  EXPECT_FALSE(report.ok());
  EXPECT_FALSE(Check(report, "status")->passed);
  EXPECT_NE(Check(report, "status")->detail.find("revoked"), std::string::npos);
  EXPECT_TRUE(Check(report, "proof")->passed);
  // Reinstating clears it; another entry was never touched.
  auto cleared = UpdateStatusListCredential(revoked.value(), 42, false, key_, now_);
  ASSERT_TRUE(cleared.ok());
  context_.status_lists["https://cb.example/status/1"] = cleared.value();
  EXPECT_TRUE(VerifyCredential(vc, context_).ok());
  // Only the list's issuer may change it.
  EXPECT_FALSE(UpdateStatusListCredential(list_, 1, true, GenerateSigningKey(), now_).ok());
}

TEST_F(CredentialTest, EachFailureHasItsReason) {
  const std::string vc = Issue(kBody);
  std::string tampered = vc;
  tampered.replace(tampered.find("GB 4943.1-2022"), 14, "GB 4943.1-2011");
  EXPECT_FALSE(Check(VerifyCredential(tampered, context_), "proof")->passed);

  VerifyContext later = context_;
  later.now = ParseDateTime("2028-01-01T00:00:00Z").value();
  const auto expired = VerifyCredential(vc, later);
  EXPECT_FALSE(Check(expired, "validity")->passed);
  EXPECT_NE(Check(expired, "validity")->detail.find("expired"), std::string::npos);

  VerifyContext early = context_;
  early.now = ParseDateTime("2026-01-01T00:00:00Z").value();
  EXPECT_FALSE(Check(VerifyCredential(vc, early), "validity")->passed);

  VerifyContext no_lists = context_;
  no_lists.status_lists.clear();
  EXPECT_NE(Check(VerifyCredential(vc, no_lists), "status")->detail.find("not available locally"), std::string::npos);

  // Issued by someone, signed by someone else's key.
  std::string claimed = kBody;
  claimed.insert(1, "\"issuer\":\"did:example:notary\",");
  IssueOptions o;
  o.created = now_;
  EXPECT_FALSE(IssueCredential(claimed, key_, o).ok());

  EXPECT_FALSE(Check(VerifyCredential(R"({"@context":["https://www.w3.org/ns/credentials/v2"],"type":["X"]})", context_), "structure")->passed);
  EXPECT_FALSE(Check(VerifyCredential(R"({"a":1,"a":1})", context_), "json")->passed);
}

TEST(SigningKeyTest, KeyFilesRoundTrip) {
  const SigningKey k = GenerateSigningKey();
  auto back = SigningKeyFromJson(SigningKeyToJson(k));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back.value().public_key, k.public_key);
  EXPECT_EQ(back.value().did().rfind("did:key:z6Mk", 0), 0u);
  EXPECT_FALSE(SigningKeyFromJson("{}").ok());
}

}  // namespace
}  // namespace conform
