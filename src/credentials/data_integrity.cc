#include "conform/credentials/data_integrity.h"

#include <fmt/format.h>
#include <sodium.h>

#include <nlohmann/json.hpp>

#include "conform/credentials/jcs.h"

namespace conform {

namespace {

using Json = nlohmann::ordered_json;

Error Fail(std::string what) { return Error(ErrorCode::kInvalidInput, std::move(what), ""); }

bool SodiumReady() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}

// Parses I-JSON: the strict canonicaliser runs first, so duplicate keys and
// lone surrogates are refused before a lenient parser could hide them.
Result<Json> ParseStrict(std::string_view text) {
  auto canonical = CanonicalizeJson(text);
  if (!canonical.ok()) return canonical.error();
  return Json::parse(canonical.value());
}

std::array<uint8_t, 32> Sha256(const std::string& s) {
  std::array<uint8_t, 32> h{};
  crypto_hash_sha256(h.data(), reinterpret_cast<const unsigned char*>(s.data()), s.size());
  return h;
}

}  // namespace

Result<Bytes> EddsaJcsHashData(std::string_view proof_config, std::string_view document) {
  if (!SodiumReady()) return Error(ErrorCode::kInternal, "libsodium failed to initialise");
  auto config = CanonicalizeJson(proof_config);
  if (!config.ok()) return config.error();
  auto doc = CanonicalizeJson(document);
  if (!doc.ok()) return doc.error();
  const auto a = Sha256(config.value()), b = Sha256(doc.value());
  Bytes out(a.begin(), a.end());
  out.insert(out.end(), b.begin(), b.end());
  return out;
}

Result<std::string> AddEddsaJcsProof(std::string_view document, const Ed25519Seed& seed, const ProofOptions& options) {
  if (!SodiumReady()) return Error(ErrorCode::kInternal, "libsodium failed to initialise");
  auto doc = ParseStrict(document);
  if (!doc.ok()) return doc.error();
  if (!doc.value().is_object()) return Fail("the document must be a JSON object");
  if (doc.value().contains("proof")) return Fail("the document already has a proof");
  Json config;
  config["type"] = "DataIntegrityProof";
  config["cryptosuite"] = "eddsa-jcs-2022";
  config["created"] = options.created;
  config["verificationMethod"] = options.verification_method;
  config["proofPurpose"] = options.proof_purpose;
  if (doc.value().contains("@context")) config["@context"] = doc.value()["@context"];
  auto hash = EddsaJcsHashData(config.dump(), doc.value().dump());
  if (!hash.ok()) return hash.error();
  unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
  crypto_sign_seed_keypair(pk, sk, seed.data());
  Bytes sig(crypto_sign_BYTES);
  crypto_sign_detached(sig.data(), nullptr, hash.value().data(), hash.value().size(), sk);
  sodium_memzero(sk, sizeof sk);
  config["proofValue"] = MultibaseEncode(sig);
  Json secured = doc.value();
  secured["proof"] = config;
  return secured.dump(2);
}

Status VerifyEddsaJcsProof(std::string_view secured) {
  if (!SodiumReady()) return Error(ErrorCode::kInternal, "libsodium failed to initialise");
  auto parsed = ParseStrict(secured);
  if (!parsed.ok()) return parsed.error();
  Json doc = std::move(parsed).value();
  if (!doc.is_object()) return Fail("the credential must be a JSON object");
  if (!doc.contains("proof")) return Fail("no proof");
  if (!doc["proof"].is_object()) return Fail("proof sets (several proofs) are not supported yet");
  Json proof = doc["proof"];
  doc.erase("proof");
  if (proof.value("type", "") != "DataIntegrityProof") return Fail(fmt::format("proof type '{}' is not DataIntegrityProof", proof.value("type", "")));
  if (proof.value("cryptosuite", "") != "eddsa-jcs-2022")
    return Fail(fmt::format("cryptosuite '{}' is not supported (expected eddsa-jcs-2022)", proof.value("cryptosuite", "")));
  if (!proof.contains("proofValue") || !proof["proofValue"].is_string()) return Fail("the proof has no proofValue");
  auto sig = MultibaseDecode(proof["proofValue"].get<std::string>());
  if (!sig.ok()) return Fail("proofValue: " + sig.error().ToString());
  if (sig.value().size() != crypto_sign_BYTES) return Fail(fmt::format("proofValue holds {} bytes, an Ed25519 signature 64", sig.value().size()));
  proof.erase("proofValue");
  // The proof's @context must open the document's, in the same order; the
  // document is then verified with the proof's @context.
  if (proof.contains("@context")) {
    const Json& pc = proof["@context"];
    const Json& dc = doc.contains("@context") ? doc["@context"] : Json();
    const Json pl = pc.is_array() ? pc : Json::array({pc});
    const Json dl = dc.is_array() ? dc : Json::array({dc});
    if (pl.size() > dl.size() || !std::equal(pl.begin(), pl.end(), dl.begin()))
      return Fail("the proof's @context does not match the start of the document's");
    doc["@context"] = pc;
  }
  if (!proof.contains("verificationMethod") || !proof["verificationMethod"].is_string()) return Fail("the proof names no verificationMethod");
  auto key = PublicKeyFromDidKey(proof["verificationMethod"].get<std::string>());
  if (!key.ok()) return Fail("verificationMethod: " + key.error().ToString());
  auto hash = EddsaJcsHashData(proof.dump(), doc.dump());
  if (!hash.ok()) return hash.error();
  if (crypto_sign_verify_detached(sig.value().data(), hash.value().data(), hash.value().size(), key.value().data()) != 0)
    return Fail("the signature does not verify: the credential was altered or signed with another key");
  return Status::Ok();
}

}  // namespace conform
