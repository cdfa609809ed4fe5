// Credentials built to deceive or to break the verifier: each is rejected,
// by the check that concerns it, with its own reason; none is accepted and
// none crashes.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <random>
#include <string>

#include "conform/credentials/credential.h"
#include "conform/credentials/data_integrity.h"
#include "conform/credentials/jcs.h"
#include "conform/credentials/trust_list.h"

namespace conform {
namespace {

class HostileInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    cb_ = GenerateSigningKey();
    anchor_ = GenerateSigningKey();
    ab_ = GenerateSigningKey();
    now_ = ParseDateTime("2026-06-01T00:00:00Z").value();
    revocations_ = CreateStatusListCredential("https://cb.example/status/r", "revocation", cb_, now_).value();
    suspensions_ = CreateStatusListCredential("https://cb.example/status/s", "suspension", cb_, now_).value();
    context_.now = now_;
    context_.status_lists["https://cb.example/status/r"] = revocations_;
    context_.status_lists["https://cb.example/status/s"] = suspensions_;
    IssueOptions o;
    o.created = now_;
    const std::string list = fmt::format(
        R"({{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential","TrustList"],)"
        R"("credentialSubject":{{"type":"TrustList","accreditationBodies":[{{"id":"{}"}}],)"
        R"("accreditations":[{{"certificationBody":"{}","accreditedBy":"{}","validFrom":"2025-01-01T00:00:00Z",)"
        R"("scope":{{"standards":["EN IEC 62368-1:2020"]}}}}]}}}})",
        ab_.did(), cb_.did(), ab_.did());
    trust_ = LoadTrustList(IssueCredential(list, anchor_, o).value(), {anchor_.did()}).value();
    context_.trust = &trust_;
    good_ = Issue(kBody, cb_, "https://cb.example/status/r", 11);
    ASSERT_TRUE(VerifyCredential(good_, context_).ok());
  }

  static constexpr const char* kBody =
      R"({"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],)"
      R"("validUntil":"2027-06-01T00:00:00Z","credentialSubject":{"id":"https://id.gs1.org/01/04006381333931",)"
      R"("name":"65 W USB-C charger","referenceStandard":{"id":"EN IEC 62368-1:2020"},"conformance":true}})";

  std::string Issue(const std::string& body, const SigningKey& key, const std::string& list_id = "", uint64_t index = 0,
                    int64_t created = 0) {
    IssueOptions o;
    o.created = created != 0 ? created : now_;
    if (!list_id.empty()) {
      o.status_list = context_.status_lists.at(list_id);
      o.status_index = index;
    }
    auto vc = IssueCredential(body, key, o);
    EXPECT_TRUE(vc.ok()) << vc.error().ToString();
    return vc.ok() ? vc.value() : "";
  }

  // The named check failed, its detail says `reason`, and the credential as a
  // whole was refused.
  void ExpectRefused(const std::string& vc, const std::string& check, const std::string& reason) {
    const CredentialReport r = VerifyCredential(vc, context_);
    EXPECT_FALSE(r.ok());
    for (const auto& c : r.checks) {
      if (c.name != check) continue;
      EXPECT_FALSE(c.passed) << check << " passed: " << c.detail;
      EXPECT_NE(c.detail.find(reason), std::string::npos) << check << ": " << c.detail;
      return;
    }
    ADD_FAILURE() << "no " << check << " check in the report";
  }

  static std::string Replace(std::string text, std::string_view from, std::string_view to) {
    const size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
  }

  SigningKey cb_, anchor_, ab_;
  int64_t now_ = 0;
  std::string revocations_, suspensions_, good_;
  TrustList trust_;
  VerifyContext context_;
};

TEST_F(HostileInputTest, TamperedFieldBreaksTheSignature) {
  ExpectRefused(Replace(good_, "65 W USB-C charger", "65 W USB-C charger PRO"), "proof", "signature does not verify");
  ExpectRefused(Replace(good_, "\"conformance\": true", "\"conformance\": false"), "proof", "signature does not verify");
  ExpectRefused(Replace(good_, "2027-06-01T00:00:00Z", "2037-06-01T00:00:00Z"), "proof", "signature does not verify");
}

TEST_F(HostileInputTest, ResignedWithAnotherKey) {
  const SigningKey forger = GenerateSigningKey();
  // Claiming the certification body as issuer, signed with the forger's key.
  auto parsed = ParseIJson(good_).value();
  parsed.Erase("proof");
  const std::string body = Canonicalize(parsed);
  const std::string as_cb = Issue(Replace(body, fmt::format("\"issuer\":\"{}\"", cb_.did()), fmt::format("\"issuer\":\"{}\"", forger.did())), forger);
  // Same content, the forger as issuer: the signature is fine, trust is not.
  ExpectRefused(as_cb, "trust", "holds no accreditation");
  // The certification body named as issuer, the forger's proof: the key is
  // not the issuer's.
  std::string swapped = Replace(as_cb, fmt::format("\"issuer\": \"{}\"", forger.did()), fmt::format("\"issuer\": \"{}\"", cb_.did()));
  ExpectRefused(swapped, "issuer", "not to the issuer");
  ExpectRefused(swapped, "proof", "signature does not verify");
}

TEST_F(HostileInputTest, SwappedProofs) {
  const std::string other = Issue(Replace(kBody, "65 W USB-C charger", "Hair dryer"), cb_);
  auto a = ParseIJson(good_).value();
  auto b = ParseIJson(other).value();
  *a.Find("proof") = *b.Find("proof");
  ExpectRefused(Canonicalize(a), "proof", "signature does not verify");
}

TEST_F(HostileInputTest, ExpiredAndNotYetValid) {
  const int64_t last_year = ParseDateTime("2025-06-01T00:00:00Z").value();
  ExpectRefused(Issue(Replace(kBody, "2027-06-01T00:00:00Z", "2026-05-01T00:00:00Z"), cb_, "", 0, last_year), "validity",
                "expired at 2026-05-01");
  const std::string later = Issue(Replace(kBody, "\"validUntil\"", "\"validFrom\":\"2026-07-01T00:00:00Z\",\"validUntil\""), cb_);
  ExpectRefused(later, "validity", "not valid before 2026-07-01");
}

TEST_F(HostileInputTest, RevokedAndSuspended) {
  context_.status_lists["https://cb.example/status/r"] = UpdateStatusListCredential(revocations_, 11, true, cb_, now_).value();
  ExpectRefused(good_, "status", "revoked");
  const std::string held = Issue(kBody, cb_, "https://cb.example/status/s", 5);
  context_.status_lists["https://cb.example/status/s"] = UpdateStatusListCredential(suspensions_, 5, true, cb_, now_).value();
  ExpectRefused(held, "status", "suspended");
}

TEST_F(HostileInputTest, ForgedStatusList) {
  // A list that says "not revoked", signed by someone else.
  const SigningKey forger = GenerateSigningKey();
  auto forged = ParseIJson(CreateStatusListCredential("https://cb.example/status/r", "revocation", forger, now_).value()).value();
  context_.status_lists["https://cb.example/status/r"] = Canonicalize(forged);
  ExpectRefused(good_, "status", "not the credential's issuer");
}

TEST_F(HostileInputTest, UnknownCryptosuiteAndProofType) {
  ExpectRefused(Replace(good_, "\"eddsa-jcs-2022\"", "\"eddsa-rdfc-2022\""), "proof", "cryptosuite 'eddsa-rdfc-2022' is not supported");
  ExpectRefused(Replace(good_, "\"DataIntegrityProof\"", "\"Ed25519Signature2020\""), "proof", "is not DataIntegrityProof");
  ExpectRefused(Replace(good_, "\"proofValue\": \"z", "\"proofValue\": \"u"), "proof", "proofValue");
}

TEST_F(HostileInputTest, MalformedJson) {
  ExpectRefused(Replace(good_, "\"name\":", "\"name\": \"x\", \"name\":"), "json", "duplicate");
  std::string many = "{";
  for (int i = 0; i < 200000; ++i) many += fmt::format("\"m{}\":0,", i);
  ExpectRefused(many + "\"m199999\":1}", "json", "duplicate member name \"m199999\"");
}

TEST_F(HostileInputTest, JsonThatBreaksParsers) {
  ExpectRefused(R"({"@context":["https://www.w3.org/ns/credentials/v2"],"a":"\ud800"})", "json", "lone high surrogate");
  ExpectRefused(R"({"@context":["https://www.w3.org/ns/credentials/v2"],"a":"\udc00x"})", "json", "lone low surrogate");
  ExpectRefused(R"({"a":1e400})", "json", "out of the range");
  ExpectRefused(R"({"a":-1e400})", "json", "out of the range");
  ExpectRefused("{\"a\":\"\xff\xfe\"}", "json", "UTF-8");
  ExpectRefused(std::string(100000, '[') + std::string(100000, ']'), "json", "deeper");
  ExpectRefused(std::string("{\"a\":") + std::string(5000, '['), "json", "deeper");
  ExpectRefused("", "json", "");
  ExpectRefused(std::string("\0\0\0", 3), "json", "");
}

// A credential of many tiny proofs, each naming all the others, is refused
// before any is looked at.
TEST_F(HostileInputTest, ProofFloodsAreRefused) {
  std::string proofs;
  for (int i = 0; i < 5000; ++i) proofs += fmt::format(R"({}{{"id":"p{}","previousProof":["p0","p1","p2","p3"]}})", i ? "," : "", i);
  const std::string flood = R"({"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"proof":[)" + proofs + "]}";
  const Status st = VerifyEddsaJcsProof(flood);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.error().ToString().find("carries 5000 proofs, and 32 at most are verified"), std::string::npos) << st.error().ToString();
  Ed25519Seed seed{};
  ProofOptions o;
  o.created = "2026-01-01T00:00:00Z";
  o.verification_method = "did:key:z6Mk#z6Mk";
  EXPECT_FALSE(AddEddsaJcsProof(flood, seed, o).ok());
  // Few proofs, one naming a proof a million times over.
  std::string ids;
  for (int i = 0; i < 1000000; ++i) ids += i ? R"(,"p0")" : R"("p0")";
  const std::string long_list = R"({"type":["VerifiableCredential"],"proof":[{"previousProof":[)" + ids + R"(]},{"id":"p0"}]})";
  const Status many = VerifyEddsaJcsProof(long_list);
  ASSERT_FALSE(many.ok());
  EXPECT_NE(many.error().ToString().find("proof 1 of 2: previousProof names 1000000 proofs of 2"), std::string::npos) << many.error().ToString();
}

// Base58 decoding costs time quadratic in the length: a megabyte-long
// proofValue is refused before it is decoded, not decoded for minutes.
TEST_F(HostileInputTest, AHugeProofValueIsRefusedUndecoded) {
  const size_t at = good_.find("\"proofValue\"");
  ASSERT_NE(at, std::string::npos);
  const size_t value = good_.find("\"z", at + 12) + 1;
  const size_t end = good_.find('"', value);
  std::string huge = good_;
  huge.replace(value, end - value, "z" + std::string(1000000, '2'));
  ExpectRefused(huge, "proof", "base58btc text of 1000000 characters");
}

TEST_F(HostileInputTest, HugeInputIsRefusedUnparsed) {
  std::string huge = good_;
  huge.insert(huge.size() - 2, ",\"padding\":\"" + std::string(kMaxCredentialBytes, 'x') + "\"");
  ExpectRefused(huge, "json", "more than the limit");
}

// A presentation is the holder's: its proof must be the holder's key, and
// every credential it carries is verified on its own.
TEST_F(HostileInputTest, PresentationsBindTheHolderAndVerifyWhatTheyCarry) {
  const SigningKey holder = GenerateSigningKey();
  const auto present = [&](const std::string& credential, const SigningKey& signer) {
    const std::string vp = fmt::format(R"({{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiablePresentation"],)"
                                       R"("holder":"{}","verifiableCredential":[{}]}})",
                                       holder.did(), credential);
    ProofOptions o;
    o.created = "2026-06-01T00:00:00Z";
    o.verification_method = signer.verification_method();
    o.proof_purpose = "authentication";
    return AddEddsaJcsProof(vp, signer.seed, o).value();
  };
  const PresentationReport ok = VerifyPresentation(present(good_, holder), context_);
  EXPECT_TRUE(ok.ok());
  ASSERT_EQ(ok.credentials.size(), 1u);
  EXPECT_TRUE(ok.credentials[0].ok());

  // In a batch, on every thread, each document keeps its place and a
  // presentation reports what it carries.
  std::vector<std::string> batch;
  for (int i = 0; i < 12; ++i) batch.push_back(i % 3 == 0 ? present(good_, holder) : i % 3 == 1 ? good_ : Replace(good_, "65 W", "100 W"));
  const auto reports = VerifyDocuments(batch, context_, 2);
  ASSERT_EQ(reports.size(), batch.size());
  for (size_t i = 0; i < reports.size(); ++i) {
    EXPECT_EQ(reports[i].ok(), i % 3 != 2) << i;
    if (i % 3 == 0) {
      ASSERT_FALSE(reports[i].checks.empty());
      EXPECT_EQ(reports[i].checks.back().name, "credential[0]") << i;
      EXPECT_EQ(reports[i].checks.back().detail.rfind("all ", 0), 0u) << reports[i].checks.back().detail;
    }
  }

  const PresentationReport stolen = VerifyPresentation(present(good_, GenerateSigningKey()), context_);
  EXPECT_FALSE(stolen.ok());
  EXPECT_NE(stolen.presentation.checks.back().detail.find("not to the holder"), std::string::npos) << stolen.presentation.checks.back().detail;

  // Several proofs: one must be the holder's, and each must verify.
  const SigningKey witness = GenerateSigningKey();
  const auto add_proof = [](const std::string& signed_vp, const SigningKey& signer) {
    AddProofOptions o;
    o.created = ParseDateTime("2026-06-01T00:00:00Z").value();
    o.proof_purpose = "authentication";
    return AddCredentialProof(signed_vp, signer, o).value();
  };
  EXPECT_TRUE(VerifyPresentation(add_proof(present(good_, witness), holder), context_).ok());
  const PresentationReport by_others = VerifyPresentation(add_proof(present(good_, witness), GenerateSigningKey()), context_);
  EXPECT_FALSE(by_others.ok());
  EXPECT_NE(by_others.presentation.checks.back().detail.find("none of the 2 proofs is made with a key of the holder"), std::string::npos)
      << by_others.presentation.checks.back().detail;

  const PresentationReport tampered = VerifyPresentation(present(Replace(good_, "65 W", "100 W"), holder), context_);
  EXPECT_TRUE(tampered.presentation.ok());
  EXPECT_FALSE(tampered.ok());
  EXPECT_FALSE(tampered.credentials[0].ok());
}

// Every property of a valid credential, and of its proof, status entry,
// issuer and subject, given a value of each wrong kind: refused, and
// without upsetting any check (they all run after a structure failure).
TEST_F(HostileInputTest, WrongKindsOfValueAreRefusedByEveryCheck) {
  const char* kinds[] = {"null", "7", "-1.5", "true", "\"x\"", "\"\"", "[]", "[1]", "[[]]", "[{}]", "{}", "{\"a\":1}", "[\"x\",{}]"};
  const JsonValue good = ParseIJson(good_).value();
  const auto with = [](JsonValue v, const std::vector<std::string>& path, const JsonValue& value) {
    JsonValue* at = &v;
    for (size_t i = 0; i + 1 < path.size() && at != nullptr; ++i) {
      JsonValue* next = nullptr;
      for (auto& m : at->members)
        if (m.first == path[i]) next = m.second.is_array() && !m.second.items.empty() ? &m.second.items[0] : &m.second;
      at = next;
    }
    if (at != nullptr)
      for (auto& m : at->members)
        if (m.first == path.back()) m.second = value;
    return v;
  };
  std::vector<std::vector<std::string>> paths;
  for (const auto& m : good.members) paths.push_back({m.first});
  for (const char* parent : {"proof", "credentialStatus", "issuer", "credentialSubject"}) {
    const JsonValue* p = good.Find(parent);
    if (p != nullptr && p->is_array() && !p->items.empty()) p = &p->items[0];
    if (p != nullptr && p->is_object())
      for (const auto& m : p->members) paths.push_back({parent, m.first});
  }
  ASSERT_GT(paths.size(), 10u);
  int checked = 0;
  for (const auto& path : paths) {
    for (const char* kind : kinds) {
      const JsonValue value = ParseIJson(kind).value();
      const std::string text = Canonicalize(with(good, path, value));
      if (text == Canonicalize(good)) continue;
      EXPECT_FALSE(VerifyCredential(text, context_).ok()) << path.back() << " = " << kind;
      ++checked;
    }
  }
  EXPECT_GT(checked, 100);
}

// Random byte changes to a valid credential: whatever the change, the result
// is refused, unless it left the signed content as it was (whitespace).
TEST_F(HostileInputTest, RandomMutationsAreNeverAccepted) {
  std::mt19937 rng(20261130);
  const std::string canonical = Canonicalize(ParseIJson(good_).value());
  int accepted_changed = 0, accepted_same = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string m = good_;
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits; ++e) {
      const size_t at = rng() % m.size();
      switch (rng() % 3) {
        case 0: m[at] = static_cast<char>(rng() % 256); break;
        case 1: m.erase(at, 1); break;
        default: m.insert(at, 1, static_cast<char>(rng() % 256)); break;
      }
    }
    if (!VerifyCredential(m, context_).ok()) continue;
    auto parsed = ParseIJson(m);
    if (parsed.ok() && Canonicalize(parsed.value()) == canonical) ++accepted_same;
    else ++accepted_changed;
  }
  EXPECT_EQ(accepted_changed, 0);
  RecordProperty("accepted_whitespace_only", accepted_same);
}

}  // namespace
}  // namespace conform
