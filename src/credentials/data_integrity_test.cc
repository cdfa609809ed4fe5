#include "conform/credentials/data_integrity.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

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

}  // namespace
}  // namespace conform
