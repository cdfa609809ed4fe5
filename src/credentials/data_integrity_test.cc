#include "conform/credentials/data_integrity.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "conform/credentials/multibase.h"

namespace conform {
namespace {

namespace fs = std::filesystem;
const fs::path kVectors = CONFORM_SHARED_TESTDATA_DIR "/vc-di-eddsa-vectors/TestVectors";

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

TEST(MultibaseTest, Base58RoundTripAndLeadingZeros) {
  const Bytes b = {0, 0, 1, 2, 3, 255};
  EXPECT_EQ(Base58BtcDecode(Base58BtcEncode(b)).value(), b);
  EXPECT_EQ(Base58BtcEncode({0, 0}), "11");
  EXPECT_EQ(Base58BtcEncode({'h', 'e', 'l', 'l', 'o'}), "Cn8eVZg");
  EXPECT_FALSE(Base58BtcDecode("0OIl").ok());
  // Decoding costs time quadratic in the length: longer text is refused
  // before any of it is decoded.
  EXPECT_TRUE(Base58BtcDecode(std::string(kMaxBase58Chars, '2')).ok());
  const auto too_long = MultibaseDecode("z" + std::string(1000000, '2'));
  ASSERT_FALSE(too_long.ok());
  EXPECT_NE(too_long.error().ToString().find("base58btc text of 1000000 characters"), std::string::npos) << too_long.error().ToString();
  // Every length a key or signature can have and more, with and without
  // leading zero bytes, through limb and chunk boundaries.
  uint32_t seed = 12345;
  for (size_t size = 0; size <= 80; ++size)
    for (size_t zeros : {size_t{0}, size_t{1}, size_t{3}}) {
      Bytes bytes(std::min(zeros, size), 0);
      while (bytes.size() < size) bytes.push_back(static_cast<uint8_t>((seed = seed * 1103515245 + 12345) >> 16));
      if (bytes.size() > zeros && bytes[zeros] == 0) bytes[zeros] = 1;
      const std::string text = Base58BtcEncode(bytes);
      EXPECT_EQ(Base58BtcDecode(text).value(), bytes) << text;
      Bytes ones(size, 0xFF);
      EXPECT_EQ(Base58BtcDecode(Base58BtcEncode(ones)).value(), ones);
    }
  EXPECT_FALSE(MultibaseDecode("mAAAA").ok());  // base64 with padding: not supported
  EXPECT_EQ(MultibaseDecode("u" + Base64UrlEncode({251, 255, 1})).value(), (Bytes{251, 255, 1}));
  EXPECT_EQ(Base64UrlEncode({251, 255}), "-_8");
}

// Decoding takes digits ten at a time: every length and remainder, with and
// without leading zero bytes, must come back as it went in.
TEST(MultibaseTest, Base58RoundTripsEveryLength) {
  Bytes b;
  for (int n = 0; n < 80; ++n) {
    EXPECT_EQ(Base58BtcDecode(Base58BtcEncode(b)).value(), b) << n;
    Bytes zeros(3 + b.size(), 0);
    std::copy(b.begin(), b.end(), zeros.begin() + 3);
    EXPECT_EQ(Base58BtcDecode(Base58BtcEncode(zeros)).value(), zeros) << n;
    b.push_back(static_cast<uint8_t>(n * 37 + 255));
  }
  EXPECT_EQ(Base58BtcDecode("Cn8eVZg").value(), (Bytes{'h', 'e', 'l', 'l', 'o'}));
  EXPECT_EQ(Base58BtcDecode("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz0").ok(), false);
}

TEST(MultibaseTest, DidKeyNamesItsKey) {
  auto key = DecodePublicKeyMultibase("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(DidKeyVerificationMethod(key.value()),
            "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");
  EXPECT_EQ(PublicKeyFromDidKey(DidKey(key.value())).value(), key.value());
  EXPECT_FALSE(PublicKeyFromDidKey("did:web:example.com").ok());
  EXPECT_FALSE(PublicKeyFromDidKey("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#other").ok());
}

class EddsaJcsVectorsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::is_directory(kVectors / "eddsa-jcs-2022")) GTEST_SKIP() << "vc-di-eddsa test vectors not found under " << kVectors;
  }
};

// The W3C vectors reproduced byte for byte: hashes, signature, proofValue.
TEST_F(EddsaJcsVectorsTest, ReproducesTheSignature) {
  const fs::path v = kVectors / "eddsa-jcs-2022";
  auto hash = EddsaJcsHashData(Read(v / "proofConfigJCS.json"), Read(kVectors / "unsigned.json"));
  ASSERT_TRUE(hash.ok()) << hash.error().ToString();
  EXPECT_EQ(Hex(hash.value()), Trim(Read(v / "combinedHashJCS.txt")));

  auto seed = DecodeSecretKeyMultibase("z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq");
  ASSERT_TRUE(seed.ok()) << seed.error().ToString();
  ProofOptions options;
  options.created = "2023-02-24T23:36:38Z";
  options.verification_method =
      "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
  auto signed_doc = AddEddsaJcsProof(Read(kVectors / "unsigned.json"), seed.value(), options);
  ASSERT_TRUE(signed_doc.ok()) << signed_doc.error().ToString();
  EXPECT_NE(signed_doc.value().find("\"proofValue\": \"" + Trim(Read(v / "sigBTC58JCS.txt")) + "\""), std::string::npos)
      << signed_doc.value();
  EXPECT_TRUE(VerifyEddsaJcsProof(signed_doc.value()).ok());
}

TEST_F(EddsaJcsVectorsTest, VerifiesTheSignedVectorAndRejectsTampering) {
  const std::string signed_doc = Read(kVectors / "eddsa-jcs-2022" / "signedJCS.json");
  const Status ok = VerifyEddsaJcsProof(signed_doc);
  EXPECT_TRUE(ok.ok()) << (ok.ok() ? "" : ok.error().ToString());

  const auto expect_refused = [](std::string doc, const std::string& why) {
    const Status st = VerifyEddsaJcsProof(doc);
    ASSERT_FALSE(st.ok()) << why;
    EXPECT_NE(st.error().ToString().find(why), std::string::npos) << st.error().ToString();
  };
  std::string tampered = signed_doc;
  tampered.replace(tampered.find("The School of Examples"), 22, "The School of Forgeries");
  expect_refused(tampered, "does not verify");
  std::string other_suite = signed_doc;
  other_suite.replace(other_suite.find("eddsa-jcs-2022"), 14, "eddsa-xyz-2022");
  expect_refused(other_suite, "not supported");
  std::string duplicate = signed_doc;
  duplicate.replace(duplicate.find("\"name\""), 6, "\"id\"");
  expect_refused(duplicate, "duplicate member name");
  std::string bad_value = signed_doc;
  bad_value.replace(bad_value.find("\"z2HnFSS"), 2, "\"u");
  expect_refused(bad_value, "proofValue");
  expect_refused("{\"a\":1}", "no proof");
}

// Proof options naming the did:key of `seed`'s public key.
ProofOptions DidKeyProofOptions(const Ed25519Seed& seed) {
  unsigned char pk[32], sk[64];
  crypto_sign_seed_keypair(pk, sk, seed.data());
  Ed25519PublicKey pub;
  std::copy(pk, pk + 32, pub.begin());
  ProofOptions o;
  o.created = "2026-11-24T00:00:00Z";
  o.verification_method = DidKeyVerificationMethod(pub);
  return o;
}

TEST(EddsaJcsTest, SignsAndVerifiesWithAFreshKey) {
  Ed25519Seed seed{};
  for (size_t i = 0; i < seed.size(); ++i) seed[i] = static_cast<uint8_t>(i * 7 + 1);
  const ProofOptions o = DidKeyProofOptions(seed);
  auto s = AddEddsaJcsProof(R"({"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"n":1.50})", seed, o);
  ASSERT_TRUE(s.ok()) << s.error().ToString();
  EXPECT_TRUE(VerifyEddsaJcsProof(s.value()).ok());
  // Re-signed by another key but still naming the first: refused.
  Ed25519Seed other = seed;
  other[0] ^= 1;
  auto forged = AddEddsaJcsProof(R"({"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"n":1.50})", other, o);
  ASSERT_TRUE(forged.ok());
  EXPECT_FALSE(VerifyEddsaJcsProof(forged.value()).ok());
}

// Keys named by did:key are kept per thread once decoded: with more issuers
// than are kept, interleaved, every proof is still checked against its own
// key, and a proof naming a kept key but signed by another is refused.
TEST(EddsaJcsTest, KeptDidKeysNeverStandForAnother) {
  constexpr int kIssuers = 100;
  const std::string doc = R"({"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"]})";
  std::vector<std::string> signed_docs, forged_docs;
  for (int i = 0; i < kIssuers; ++i) {
    Ed25519Seed seed{};
    seed[0] = static_cast<uint8_t>(i);
    seed[1] = static_cast<uint8_t>(i >> 8);
    seed[2] = 0x5a;
    const ProofOptions o = DidKeyProofOptions(seed);
    signed_docs.push_back(AddEddsaJcsProof(doc, seed, o).value());
    Ed25519Seed other = seed;
    other[3] ^= 1;
    forged_docs.push_back(AddEddsaJcsProof(doc, other, o).value());
  }
  for (int round = 0; round < 3; ++round)
    for (int i = 0; i < kIssuers; ++i) {
      EXPECT_TRUE(VerifyEddsaJcsProof(signed_docs[i]).ok()) << i;
      EXPECT_FALSE(VerifyEddsaJcsProof(forged_docs[i]).ok()) << i;
      EXPECT_TRUE(VerifyEddsaJcsProof(signed_docs[(i * 37) % kIssuers]).ok()) << i;
    }
}

// Proof sets and chains (VC Data Integrity 1.0, 4.3 and 4.5), with three
// keys: the issuer's, a co-signer's and a notary's that follows the
// co-signer's proof.
class ProofSetTest : public ::testing::Test {
 protected:
  static Ed25519Seed Seed(uint8_t n) {
    Ed25519Seed seed{};
    for (size_t i = 0; i < seed.size(); ++i) seed[i] = static_cast<uint8_t>(n * 31 + i);
    return seed;
  }
  static ProofOptions Options(uint8_t n, const std::string& id = "", std::vector<std::string> previous = {}) {
    ProofOptions o = DidKeyProofOptions(Seed(n));
    o.id = id;
    o.previous_proof = std::move(previous);
    return o;
  }
  static std::string Json(const std::string& text) { return nlohmann::json::parse(text).dump(); }

  const std::string doc_ = R"({"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"n":2})";
};

TEST_F(ProofSetTest, AProofJoinsTheOthersAndEachSignsTheDocumentAlone) {
  auto one = AddEddsaJcsProof(doc_, Seed(1), Options(1));
  ASSERT_TRUE(one.ok()) << one.error().ToString();
  auto two = AddEddsaJcsProof(one.value(), Seed(2), Options(2, "urn:uuid:second"));
  ASSERT_TRUE(two.ok()) << two.error().ToString();
  EXPECT_TRUE(VerifyEddsaJcsProof(two.value()).ok()) << VerifyEddsaJcsProof(two.value()).error().ToString();
  const auto set = nlohmann::json::parse(two.value());
  ASSERT_TRUE(set["proof"].is_array());
  ASSERT_EQ(set["proof"].size(), 2u);
  // A member of a set signs the document without proofs: the same proof
  // (Ed25519 is deterministic) as the key makes on the unsigned document.
  const auto alone = nlohmann::json::parse(AddEddsaJcsProof(doc_, Seed(2), Options(2, "urn:uuid:second")).value());
  EXPECT_EQ(set["proof"][1], alone["proof"]);
  EXPECT_EQ(set["proof"][0], nlohmann::json::parse(one.value())["proof"]);
  // A set is unordered.
  auto swapped = set;
  std::swap(swapped["proof"][0], swapped["proof"][1]);
  EXPECT_TRUE(VerifyEddsaJcsProof(swapped.dump()).ok());
}

TEST_F(ProofSetTest, AChainedProofSignsTheProofsItFollows) {
  auto one = AddEddsaJcsProof(doc_, Seed(1), Options(1, "urn:uuid:first"));
  auto two = AddEddsaJcsProof(one.value(), Seed(2), Options(2, "urn:uuid:second"));
  auto three = AddEddsaJcsProof(two.value(), Seed(3), Options(3, "", {"urn:uuid:second"}));
  ASSERT_TRUE(three.ok()) << three.error().ToString();
  EXPECT_TRUE(VerifyEddsaJcsProof(three.value()).ok()) << VerifyEddsaJcsProof(three.value()).error().ToString();
  const auto chain = nlohmann::json::parse(three.value());
  const auto& third = chain["proof"][2];
  EXPECT_EQ(third["previousProof"], "urn:uuid:second");
  // What it signs, built here from the specification's steps: the document
  // without proofs, "proof" the list of the proofs followed.
  auto document = nlohmann::json::parse(doc_);
  document["proof"] = nlohmann::json::array({chain["proof"][1]});
  auto config = third;
  config.erase("proofValue");
  auto data = EddsaJcsHashData(config.dump(), document.dump());
  ASSERT_TRUE(data.ok());
  const auto sig = MultibaseDecode(third["proofValue"].get<std::string>()).value();
  unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
  crypto_sign_seed_keypair(pk, sk, Seed(3).data());
  EXPECT_EQ(crypto_sign_verify_detached(sig.data(), data.value().data(), data.value().size(), pk), 0);

  // The followed proof re-made by its own key, with another date: it
  // verifies alone, but the proof that followed the old one no longer does.
  auto remade = nlohmann::json::parse(AddEddsaJcsProof(doc_, Seed(2), [] {
                  ProofOptions o = Options(2, "urn:uuid:second");
                  o.created = "2026-11-25T00:00:00Z";
                  return o;
                }()).value())["proof"];
  auto swapped = chain;
  swapped["proof"][1] = remade;
  const Status broken = VerifyEddsaJcsProof(swapped.dump());
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.error().ToString().find("proof 3 of 3"), std::string::npos) << broken.error().ToString();
  // The followed proof removed.
  auto orphan = chain;
  orphan["proof"].erase(1);
  const Status missing = VerifyEddsaJcsProof(orphan.dump());
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().ToString().find("previousProof 'urn:uuid:second' names no proof"), std::string::npos)
      << missing.error().ToString();
}

TEST_F(ProofSetTest, EveryProofMustVerify) {
  auto two = AddEddsaJcsProof(AddEddsaJcsProof(doc_, Seed(1), Options(1)).value(), Seed(2), Options(2));
  ASSERT_TRUE(two.ok());
  const auto set = nlohmann::json::parse(two.value());
  // The document changed: the first proof fails, and is named.
  auto altered = set;
  altered["n"] = 3;
  const Status st = VerifyEddsaJcsProof(altered.dump());
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.error().ToString().find("proof 1 of 2 (did:key:"), std::string::npos) << st.error().ToString();
  // One proof of a suite conform does not verify: the set does not verify.
  auto foreign = set;
  foreign["proof"][1] = nlohmann::json::parse(
      R"({"type":"Ed25519Signature2020","created":"2023-03-01T16:53:26Z","proofPurpose":"assertionMethod",)"
      R"("verificationMethod":"did:example:x#k","proofValue":"z58DAdFfa9SkqZMVPxAQpic7ndSayn1PzZs6ZjWp1CktyGesjuTSwRdoWhAfGFCF5bppETSTojQCrfFPP2oumHKtz"})");
  const Status other = VerifyEddsaJcsProof(foreign.dump());
  ASSERT_FALSE(other.ok());
  EXPECT_NE(other.error().ToString().find("proof 2 of 2"), std::string::npos) << other.error().ToString();
  EXPECT_NE(other.error().ToString().find("Ed25519Signature2020"), std::string::npos) << other.error().ToString();
  // Malformed lists.
  auto not_object = set;
  not_object["proof"][1] = "z123";
  EXPECT_FALSE(VerifyEddsaJcsProof(not_object.dump()).ok());
  auto empty = set;
  empty["proof"] = nlohmann::json::array();
  EXPECT_FALSE(VerifyEddsaJcsProof(empty.dump()).ok());
  auto bad_previous = set;
  bad_previous["proof"][1]["previousProof"] = 7;
  EXPECT_FALSE(VerifyEddsaJcsProof(bad_previous.dump()).ok());
}

TEST_F(ProofSetTest, BadRequestsAddNoProof) {
  const std::string one = AddEddsaJcsProof(doc_, Seed(1), Options(1, "urn:uuid:first")).value();
  auto unknown = AddEddsaJcsProof(one, Seed(2), Options(2, "", {"urn:uuid:nobody"}));
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().ToString().find("previousProof 'urn:uuid:nobody' names no proof"), std::string::npos);
  auto taken = AddEddsaJcsProof(one, Seed(2), Options(2, "urn:uuid:first"));
  ASSERT_FALSE(taken.ok());
  EXPECT_NE(taken.error().ToString().find("has a proof with id 'urn:uuid:first' already"), std::string::npos);
  EXPECT_FALSE(AddEddsaJcsProof(one, Seed(2), Options(2, "", {"urn:uuid:first", "urn:uuid:first"})).ok());
  auto nothing_to_follow = AddEddsaJcsProof(doc_, Seed(2), Options(2, "", {"urn:uuid:first"}));
  EXPECT_FALSE(nothing_to_follow.ok());
  auto bad_list = AddEddsaJcsProof(R"({"type":["VerifiableCredential"],"proof":[1]})", Seed(2), Options(2));
  ASSERT_FALSE(bad_list.ok());
  EXPECT_NE(bad_list.error().ToString().find("proof 1 of the document is not a JSON object"), std::string::npos);
}

}  // namespace
}  // namespace conform
