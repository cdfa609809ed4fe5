#include "conform/credentials/credential.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include <tuple>

#include "conform/credentials/data_integrity.h"
#include "conform/credentials/trust_list.h"

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
  EXPECT_EQ(FormatDateTime(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatDateTime(-1), "1969-12-31T23:59:59Z");
  EXPECT_EQ(FormatDateTime(951827696), "2000-02-29T12:34:56Z");
  EXPECT_EQ(FormatDateTime(-62135596800), "0001-01-01T00:00:00Z");
  EXPECT_EQ(FormatDateTime(253402300799), "9999-12-31T23:59:59Z");
  for (int64_t t = -86400LL * 800; t < 86400LL * 800; t += 86400 * 7 + 3599) EXPECT_EQ(ParseDateTime(FormatDateTime(t)).value(), t);
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
    // A trust anchor that lists one accreditation body, which accredited the
    // certification body for CCC and GB 4943.1-2022 since 2025.
    anchor_ = GenerateSigningKey();
    ab_ = GenerateSigningKey();
    trust_ = MakeTrustList(key_.did(), ab_.did(), "2025-01-01T00:00:00Z", R"(["GB 4943.1-2022"])");
    context_.trust = &trust_;
  }

  TrustList MakeTrustList(const std::string& cb, const std::string& accredited_by, const std::string& from, const std::string& standards) {
    const std::string body = fmt::format(
        R"({{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential","TrustList"],)"
        R"("credentialSubject":{{"type":"TrustList","accreditationBodies":[{{"id":"{}","name":"AB","country":"CN"}}],)"
        R"("accreditations":[{{"certificationBody":"{}","name":"CB","accreditedBy":"{}","validFrom":"{}",)"
        R"("scope":{{"schemes":["CCC"],"standards":{},"categories":[]}}}}]}}}})",
        ab_.did(), cb, accredited_by, from, standards);
    IssueOptions o;
    o.created = now_;
    auto signed_list = IssueCredential(body, anchor_, o);
    EXPECT_TRUE(signed_list.ok()) << signed_list.error().ToString();
    auto list = LoadTrustList(signed_list.value(), {anchor_.did()});
    EXPECT_TRUE(list.ok()) << list.error().ToString();
    return list.ok() ? list.value() : TrustList();
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

  SigningKey key_, anchor_, ab_;
  int64_t now_ = 0;
  std::string list_;
  TrustList trust_;
  VerifyContext context_;
};

const char* kBody = R"({"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],)"
                    R"("validUntil":"2027-06-01T00:00:00Z","credentialSubject":{"id":"urn:gtin:06901234567892",)"
                    R"("scheme":{"id":"CCC"},"assessment":[{"referenceStandard":{"id":"GB 4943.1-2022"},"conformance":true}]}})";

// A credential that breaks the data model still gets the other checks, so
// that one pass names every problem; a validity date it cannot read is
// said, not taken as none.
TEST_F(CredentialTest, AStructureFailureDoesNotHideTheOtherChecks) {
  std::string vc = Issue(kBody);
  const size_t at = vc.find("2027-06-01T00:00:00Z");
  ASSERT_NE(at, std::string::npos);
  vc.replace(at, 20, "next summer");
  const auto report = VerifyCredential(vc, context_);
  ASSERT_NE(Check(report, "structure"), nullptr);
  EXPECT_FALSE(Check(report, "structure")->passed);
  EXPECT_NE(Check(report, "structure")->detail.find("validUntil"), std::string::npos);
  ASSERT_NE(Check(report, "proof"), nullptr);
  EXPECT_FALSE(Check(report, "proof")->passed);  // the text was changed after signing
  EXPECT_NE(Check(report, "status"), nullptr);
  ASSERT_NE(Check(report, "validity"), nullptr);
  EXPECT_FALSE(Check(report, "validity")->passed);
  EXPECT_NE(Check(report, "validity")->detail.find("not judged"), std::string::npos);
  EXPECT_FALSE(report.ok());
}

TEST_F(CredentialTest, IssuedCredentialPassesEveryCheck) {
  const auto report = VerifyCredential(Issue(kBody), context_);
  for (const auto& c : report.checks) EXPECT_TRUE(c.passed) << c.name << ": " << c.detail;
  EXPECT_TRUE(report.ok());
  EXPECT_EQ(report.checks.size(), 7u);
}

TEST_F(CredentialTest, TrustNeedsAnAccreditationCoveringTheDateAndScope) {
  const std::string vc = Issue(kBody);
  VerifyContext no_trust = context_;
  no_trust.trust = nullptr;
  EXPECT_FALSE(Check(VerifyCredential(vc, no_trust), "trust")->passed);

  TrustList later = MakeTrustList(key_.did(), ab_.did(), "2026-07-01T00:00:00Z", R"(["GB 4943.1-2022"])");
  VerifyContext c = context_;
  c.trust = &later;
  auto r = VerifyCredential(vc, c);
  EXPECT_NE(Check(r, "trust")->detail.find("was not accredited on 2026-06-01"), std::string::npos) << Check(r, "trust")->detail;

  TrustList narrow = MakeTrustList(key_.did(), ab_.did(), "2025-01-01T00:00:00Z", R"(["GB 31241-2022"])");
  c.trust = &narrow;
  r = VerifyCredential(vc, c);
  EXPECT_NE(Check(r, "trust")->detail.find("does not cover the standard GB 4943.1-2022"), std::string::npos) << Check(r, "trust")->detail;

  TrustList unknown_ab = MakeTrustList(key_.did(), GenerateSigningKey().did(), "2025-01-01T00:00:00Z", "[]");
  c.trust = &unknown_ab;
  EXPECT_NE(Check(VerifyCredential(vc, c), "trust")->detail.find("not a listed accreditation body"), std::string::npos);

  TrustList other_cb = MakeTrustList(GenerateSigningKey().did(), ab_.did(), "2025-01-01T00:00:00Z", "[]");
  c.trust = &other_cb;
  EXPECT_NE(Check(VerifyCredential(vc, c), "trust")->detail.find("holds no accreditation"), std::string::npos);
}

TEST_F(CredentialTest, ALimitedAccreditationNeedsTheCredentialToNameWhatItCovers) {
  // Accredited for GB 4943.1-2022 only; the credential names no standard.
  const char* unnamed = R"({"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],)"
                        R"("credentialSubject":{"id":"urn:gtin:06901234567892","scheme":{"id":"CCC"},"assessment":[{"conformance":true}]}})";
  const auto r = VerifyCredential(Issue(unnamed), context_);
  EXPECT_FALSE(Check(r, "trust")->passed);
  EXPECT_NE(Check(r, "trust")->detail.find("limited to the standards GB 4943.1-2022, and the credential names none"), std::string::npos)
      << Check(r, "trust")->detail;
}

TEST_F(CredentialTest, TrustAndStatusListsAreUsedOnlyWhileInForce) {
  const std::string vc = Issue(kBody);
  // A trust list past its validUntil, or not yet valid.
  for (const char* period : {R"("validUntil":"2026-01-01T00:00:00Z")", R"("validFrom":"2030-01-01T00:00:00Z")"}) {
    const std::string body = fmt::format(
        R"({{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential","TrustList"],{},)"
        R"("credentialSubject":{{"type":"TrustList","accreditationBodies":[{{"id":"{}"}}],)"
        R"("accreditations":[{{"certificationBody":"{}","accreditedBy":"{}","validFrom":"2025-01-01T00:00:00Z"}}]}}}})",
        period, ab_.did(), key_.did(), ab_.did());
    IssueOptions o;
    o.created = ParseDateTime("2025-06-01T00:00:00Z").value();
    auto signed_list = IssueCredential(body, anchor_, o);
    ASSERT_TRUE(signed_list.ok()) << signed_list.error().ToString();
    auto list = LoadTrustList(signed_list.value(), {anchor_.did()});
    ASSERT_TRUE(list.ok()) << list.error().ToString();
    VerifyContext c = context_;
    c.trust = &list.value();
    const auto r = VerifyCredential(vc, c);
    EXPECT_FALSE(Check(r, "trust")->passed) << period;
    EXPECT_NE(Check(r, "trust")->detail.find("the trust list of " + anchor_.did()), std::string::npos) << Check(r, "trust")->detail;
  }
  // A status list past its validUntil.
  nlohmann::json stale = nlohmann::json::parse(list_);
  stale.erase("proof");
  stale["validFrom"] = "2026-04-01T00:00:00Z";
  stale["validUntil"] = "2026-05-01T00:00:00Z";
  IssueOptions o;
  o.created = ParseDateTime("2026-04-01T00:00:00Z").value();
  auto resigned = IssueCredential(stale.dump(), key_, o);
  ASSERT_TRUE(resigned.ok()) << resigned.error().ToString();
  VerifyContext c = context_;
  c.status_lists["https://cb.example/status/1"] = resigned.value();
  const auto r = VerifyCredential(vc, c);
  EXPECT_FALSE(Check(r, "status")->passed);
  EXPECT_NE(Check(r, "status")->detail.find("expired at 2026-05-01T00:00:00Z"), std::string::npos) << Check(r, "status")->detail;
}

TEST_F(CredentialTest, ACredentialsProofMustBeForAssertionAndUnexpired) {
  nlohmann::json body = nlohmann::json::parse(kBody);
  body["issuer"] = key_.did();
  body["validFrom"] = "2026-01-01T00:00:00Z";
  for (const auto& [purpose, expires, why] : {std::tuple{"authentication", "", "proofPurpose 'authentication'"},
                                              std::tuple{"assertionMethod", "2026-02-01T00:00:00Z", "expired at 2026-02-01T00:00:00Z"}}) {
    ProofOptions po;
    po.created = "2026-01-01T00:00:00Z";
    po.verification_method = key_.verification_method();
    po.proof_purpose = purpose;
    po.expires = expires;
    const nlohmann::json doc = body;
    auto signed_vc = AddEddsaJcsProof(doc.dump(), key_.seed, po);
    ASSERT_TRUE(signed_vc.ok()) << signed_vc.error().ToString();
    const auto r = VerifyCredential(signed_vc.value(), context_);
    EXPECT_FALSE(Check(r, "proof")->passed) << purpose;
    EXPECT_NE(Check(r, "proof")->detail.find(why), std::string::npos) << Check(r, "proof")->detail;
  }
  // Not yet expired: verifies.
  ProofOptions po;
  po.created = "2026-01-01T00:00:00Z";
  po.verification_method = key_.verification_method();
  po.expires = "2027-01-01T00:00:00Z";
  auto fresh = AddEddsaJcsProof(body.dump(), key_.seed, po);
  ASSERT_TRUE(fresh.ok());
  EXPECT_TRUE(Check(VerifyCredential(fresh.value(), context_), "proof")->passed);
}

TEST_F(CredentialTest, WhatVerificationWouldRefuseIsNotIssued) {
  IssueOptions o;
  o.created = now_;
  // No time zone: not an XML Schema dateTime as VC 2.0 wants.
  nlohmann::json local = nlohmann::json::parse(kBody);
  local["validFrom"] = "2026-01-01T00:00:00";
  auto r = IssueCredential(local.dump(), key_, o);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().ToString().find("would not verify: validFrom must be an XML Schema dateTime"), std::string::npos) << r.error().ToString();
  // Another issuer's status list; a presentation.
  o.status_list = list_;
  o.status_index = 3;
  r = IssueCredential(kBody, GenerateSigningKey(), o);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().ToString().find("the status list is issued by"), std::string::npos) << r.error().ToString();
  r = IssueCredential(R"({"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiablePresentation"]})", key_, IssueOptions{});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().ToString().find("this is a presentation"), std::string::npos);
}

TEST_F(CredentialTest, BatchesKeepTheirOrderOnAllThreads) {
  const std::string good = Issue(kBody);
  std::string bad = good;
  bad.replace(bad.find("GB 4943.1-2022"), 14, "GB 4943.1-2011");
  std::vector<std::string> batch;
  for (int i = 0; i < 40; ++i) batch.push_back(i % 3 == 1 ? bad : good);
  const auto reports = VerifyCredentials(batch, context_, 2);
  ASSERT_EQ(reports.size(), batch.size());
  for (size_t i = 0; i < reports.size(); ++i) EXPECT_EQ(reports[i].ok(), i % 3 != 1) << i;
}

TEST_F(CredentialTest, TrustListsMustComeFromAnAnchorYouName) {
  IssueOptions o;
  o.created = now_;
  auto self_made = IssueCredential(
      R"({"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential","TrustList"],"credentialSubject":{"type":"TrustList"}})",
      key_, o);
  ASSERT_TRUE(self_made.ok());
  auto list = LoadTrustList(self_made.value(), {anchor_.did()});
  ASSERT_FALSE(list.ok());
  EXPECT_NE(list.error().ToString().find("not a trust anchor you named"), std::string::npos);
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

TEST_F(CredentialTest, SeveralStatusEntriesMustAllLetTheCredentialStand) {
  // VC 2.0 allows a list of entries: here one revocation and one suspension.
  auto suspension = CreateStatusListCredential("https://cb.example/status/2", "suspension", key_, now_);
  ASSERT_TRUE(suspension.ok()) << suspension.error().ToString();
  context_.status_lists["https://cb.example/status/2"] = suspension.value();
  std::string body = kBody;
  body.insert(body.rfind('}'),
              R"(,"credentialStatus":[)"
              R"({"id":"https://cb.example/status/1#5","type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":"5","statusListCredential":"https://cb.example/status/1"},)"
              R"({"id":"https://cb.example/status/2#9","type":"BitstringStatusListEntry","statusPurpose":"suspension","statusListIndex":"9","statusListCredential":"https://cb.example/status/2"}])");
  const std::string vc = Issue(body, std::nullopt);
  ASSERT_FALSE(vc.empty());
  const auto report = VerifyCredential(vc, context_);
  EXPECT_TRUE(report.ok()) << Check(report, "status")->detail;
  EXPECT_NE(Check(report, "status")->detail.find("entry 2: not suspended"), std::string::npos) << Check(report, "status")->detail;

  // Suspended on the second list: the first entry alone would let it stand.
  auto suspended = UpdateStatusListCredential(suspension.value(), 9, true, key_, now_);
  ASSERT_TRUE(suspended.ok());
  context_.status_lists["https://cb.example/status/2"] = suspended.value();
  const auto after = VerifyCredential(vc, context_);
  EXPECT_FALSE(Check(after, "status")->passed);
  EXPECT_NE(Check(after, "status")->detail.find("entry 1: not revoked"), std::string::npos) << Check(after, "status")->detail;
  EXPECT_NE(Check(after, "status")->detail.find("entry 2: suspended"), std::string::npos) << Check(after, "status")->detail;

  // An empty list, and a purpose whose bits do not say whether it stands.
  std::string empty = kBody;
  empty.insert(empty.rfind('}'), R"(,"credentialStatus":[])");
  EXPECT_FALSE(Check(VerifyCredential(Issue(empty, std::nullopt), context_), "status")->passed);
  std::string refresh = kBody;
  refresh.insert(refresh.rfind('}'),
                 R"(,"credentialStatus":{"type":"BitstringStatusListEntry","statusPurpose":"refresh","statusListIndex":"1","statusListCredential":"https://cb.example/status/1"})");
  const auto refreshed = VerifyCredential(Issue(refresh, std::nullopt), context_);
  EXPECT_FALSE(Check(refreshed, "status")->passed);
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

TEST_F(CredentialTest, CoSignedAndChainedCredentialsVerifyProofByProof) {
  const std::string vc = Issue(kBody);
  AddProofOptions o;
  o.created = now_;
  o.id = "urn:uuid:ab-proof";
  auto cosigned = AddCredentialProof(vc, ab_, o);
  ASSERT_TRUE(cosigned.ok()) << cosigned.error().ToString();
  AddProofOptions follow;
  follow.created = now_;
  follow.previous_proof = {"urn:uuid:ab-proof"};
  auto chained = AddCredentialProof(cosigned.value(), anchor_, follow);
  ASSERT_TRUE(chained.ok()) << chained.error().ToString();
  const auto report = VerifyCredential(chained.value(), context_);
  for (const auto& c : report.checks) EXPECT_TRUE(c.passed) << c.name << ": " << c.detail;
  EXPECT_EQ(Check(report, "proof")->detail, fmt::format("3 eddsa-jcs-2022 signatures verify (a proof chain), by {}, {}, {}", key_.did(),
                                                        ab_.did(), anchor_.did()));

  // Nothing else changed: the credential without its proofs is the one issued.
  auto strip = [](const std::string& text) {
    auto j = nlohmann::json::parse(text);
    j.erase("proof");
    return j;
  };
  EXPECT_EQ(strip(chained.value()), strip(vc));

  // A proof is not added beside a broken one, nor to an unsigned credential.
  std::string tampered = cosigned.value();
  tampered.replace(tampered.find("GB 4943.1-2022"), 14, "GB 4943.1-2011");
  auto refused = AddCredentialProof(tampered, anchor_, follow);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().ToString().find("own proofs do not verify"), std::string::npos) << refused.error().ToString();
  EXPECT_FALSE(AddCredentialProof(kBody, anchor_, o).ok());

  // Proofs by others only: the issuer's is missing. Each signature verifies,
  // but the credential is not the issuer's word.
  auto by_others = nlohmann::json::parse(chained.value());
  by_others["proof"].erase(0);
  by_others["proof"][0].erase("id");
  by_others["proof"][1].erase("previousProof");
  const std::string others_text = AddEddsaJcsProof(
      [&] {
        auto unsigned_vc = by_others;
        unsigned_vc.erase("proof");
        return unsigned_vc.dump();
      }(),
      ab_.seed, [&] {
        ProofOptions po;
        po.created = FormatDateTime(now_);
        po.verification_method = ab_.verification_method();
        return po;
      }()).value();
  AddProofOptions at_now;
  at_now.created = now_;
  auto two = AddCredentialProof(others_text, anchor_, at_now);
  ASSERT_TRUE(two.ok()) << two.error().ToString();
  const auto r = VerifyCredential(two.value(), context_);
  EXPECT_TRUE(Check(r, "proof")->passed) << Check(r, "proof")->detail;
  EXPECT_FALSE(Check(r, "issuer")->passed);
  EXPECT_NE(Check(r, "issuer")->detail.find("none of the 2 proofs is made with a key of the issuer"), std::string::npos)
      << Check(r, "issuer")->detail;
}

// Without validFrom, a credential was certified when its issuer signed it,
// whatever co-signature came later or stands first.
TEST_F(CredentialTest, TheIssuersProofDatesACredentialWithoutValidFrom) {
  const std::string body = fmt::format(R"({{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],)"
                                       R"("issuer":"{}","credentialSubject":{{"id":"urn:gtin:06901234567892"}}}})",
                                       key_.did());
  ProofOptions po;
  po.created = "2025-06-01T00:00:00Z";
  po.verification_method = key_.verification_method();
  auto issued = AddEddsaJcsProof(body, key_.seed, po);
  ASSERT_TRUE(issued.ok()) << issued.error().ToString();
  AddProofOptions later;
  later.created = ParseDateTime("2026-05-01T00:00:00Z").value();
  auto cosigned = AddCredentialProof(issued.value(), ab_, later);
  ASSERT_TRUE(cosigned.ok()) << cosigned.error().ToString();
  auto reordered = nlohmann::json::parse(cosigned.value());
  std::swap(reordered["proof"][0], reordered["proof"][1]);
  for (const std::string& text : {cosigned.value(), reordered.dump()}) {
    auto certified = ReadCertified(text);
    ASSERT_TRUE(certified.ok()) << certified.error().ToString();
    EXPECT_EQ(certified.value().issued, ParseDateTime("2025-06-01T00:00:00Z").value());
  }
}

TEST(SigningKeyTest, KeyFilesRoundTrip) {
  const SigningKey k = GenerateSigningKey();
  auto back = SigningKeyFromJson(SigningKeyToJson(k));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back.value().public_key, k.public_key);
  EXPECT_EQ(back.value().did().rfind("did:key:z6Mk", 0), 0u);
  EXPECT_FALSE(SigningKeyFromJson("{}").ok());
  // A file whose id names another DID than its secret key's is refused.
  std::string other = SigningKeyToJson(k);
  const std::string other_did = GenerateSigningKey().did();
  other.replace(other.find(k.did()), k.did().size(), other_did);
  auto refused = SigningKeyFromJson(other);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().ToString().find("the key file's id is " + other_did), std::string::npos) << refused.error().ToString();
}

}  // namespace
}  // namespace conform
