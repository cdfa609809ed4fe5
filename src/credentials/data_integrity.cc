#include "conform/credentials/data_integrity.h"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <sodium.h>

#include <nlohmann/json.hpp>

#include "conform/credentials/did_resolver.h"
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

// SHA-256 through OpenSSL, which uses the processor's SHA extensions where
// it has them: on a 2 KB credential that is several times faster than
// libsodium's portable code, and hashing is the largest cost of a verify
// after the signature itself.
// The digest is fetched once and each thread keeps its context: OpenSSL 3
// looks an algorithm up on every implicit use, which costs more than
// hashing a credential.
EVP_MD_CTX* Sha256Context() {
  static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  thread_local const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  if (md == nullptr || ctx == nullptr || EVP_DigestInit_ex2(ctx.get(), md, nullptr) != 1) std::abort();
  return ctx.get();
}

std::array<uint8_t, 32> Sha256Final(EVP_MD_CTX* ctx) {
  std::array<uint8_t, 32> h{};
  unsigned int size = 0;
  if (EVP_DigestFinal_ex(ctx, h.data(), &size) != 1 || size != h.size()) std::abort();
  return h;
}

std::array<uint8_t, 32> Sha256(const std::string& s) {
  EVP_MD_CTX* ctx = Sha256Context();
  if (EVP_DigestUpdate(ctx, s.data(), s.size()) != 1) std::abort();
  return Sha256Final(ctx);
}

// SHA-256 of a value's canonical form, hashed as it is written: the form
// itself is never held whole.
std::array<uint8_t, 32> Sha256Canonical(const JsonValue& value, std::string_view skip_member = {}) {
  EVP_MD_CTX* ctx = Sha256Context();
  WriteCanonical(value, skip_member,
                 [](void* c, const char* bytes, size_t size) {
                   if (EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(c), bytes, size) != 1) std::abort();
                 },
                 ctx);
  return Sha256Final(ctx);
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
  auto parsed = ParseIJson(secured);
  if (!parsed.ok()) return parsed.error();
  return VerifyEddsaJcsProof(parsed.value());
}

Status VerifyEddsaJcsProof(const JsonValue& secured, const DidResolver* resolver) {
  if (!SodiumReady()) return Error(ErrorCode::kInternal, "libsodium failed to initialise");
  if (!secured.is_object()) return Fail("the credential must be a JSON object");
  const JsonValue* proof_in = secured.Find("proof");
  if (proof_in == nullptr) return Fail("no proof");
  if (!proof_in->is_object()) return Fail("proof sets (several proofs) are not supported yet");
  static const std::string kNone;
  const auto text_of = [](const JsonValue* v) -> const std::string& { return v != nullptr && v->is_string() ? v->text : kNone; };
  if (text_of(proof_in->Find("type")) != "DataIntegrityProof")
    return Fail(fmt::format("proof type '{}' is not DataIntegrityProof", text_of(proof_in->Find("type"))));
  if (text_of(proof_in->Find("cryptosuite")) != "eddsa-jcs-2022")
    return Fail(fmt::format("cryptosuite '{}' is not supported (expected eddsa-jcs-2022)", text_of(proof_in->Find("cryptosuite"))));
  const JsonValue* value = proof_in->Find("proofValue");
  if (value == nullptr || !value->is_string()) return Fail("the proof has no proofValue");
  auto sig = MultibaseDecode(value->text);
  if (!sig.ok()) return Fail("proofValue: " + sig.error().ToString());
  if (sig.value().size() != crypto_sign_BYTES) return Fail(fmt::format("proofValue holds {} bytes, an Ed25519 signature 64", sig.value().size()));
  const std::string& method = text_of(proof_in->Find("verificationMethod"));
  if (method.empty()) return Fail("the proof names no verificationMethod");
  const std::string& purpose = text_of(proof_in->Find("proofPurpose"));
  if (purpose.empty()) return Fail("the proof names no proofPurpose");
  // A did:key is its own key, whatever the resolver: keys decoded lately
  // are kept per thread, in slots chosen by a hash of the method, since a
  // batch holds the credentials of a few issuers over and over. A slot holds
  // the method it was decoded from, so a hit is exact.
  struct DidKeySlot {
    std::string method;
    Ed25519PublicKey key{};
  };
  thread_local std::array<DidKeySlot, 64> did_keys;
  DidKeySlot& slot = did_keys[std::hash<std::string_view>{}(method) % did_keys.size()];
  Ed25519PublicKey public_key{};
  if (!slot.method.empty() && method == slot.method) {
    public_key = slot.key;
  } else {
    const DidResolver did_key_only;
    auto key = (resolver != nullptr ? resolver : &did_key_only)->Resolve(method, purpose);
    if (!key.ok()) return Fail("verificationMethod: " + key.error().ToString());
    public_key = key.value();
    if (method.rfind("did:key:", 0) == 0) {
      slot.method = method;
      slot.key = public_key;
    }
  }

  // The proof's @context must open the document's, in the same order; the
  // document is then verified with the proof's @context. (Usually the two
  // are the same and nothing needs copying.) Both canonical forms are hashed
  // as they are written.
  std::array<uint8_t, 32> doc_hash{};
  bool doc_hashed = false;
  if (const JsonValue* pc = proof_in->Find("@context")) {
    const JsonValue* dc = secured.Find("@context");
    // Views of the array's items or of the one value: nothing is copied.
    const auto as_list = [](const JsonValue* v) -> std::span<const JsonValue> {
      if (v == nullptr) return {};
      if (v->is_array()) return v->items;
      return {v, 1};
    };
    const auto pl = as_list(pc), dl = as_list(dc);
    if (pl.size() > dl.size() || !std::equal(pl.begin(), pl.end(), dl.begin()))
      return Fail("the proof's @context does not match the start of the document's");
    if (pl.size() != dl.size()) {
      JsonValue doc = secured;
      doc.Erase("proof");
      *doc.Find("@context") = *pc;
      doc_hash = Sha256Canonical(doc);
      doc_hashed = true;
    }
  }
  if (!doc_hashed) doc_hash = Sha256Canonical(secured, "proof");
  const auto a = Sha256Canonical(*proof_in, "proofValue"), &b = doc_hash;
  unsigned char hash[64];
  std::copy(a.begin(), a.end(), hash);
  std::copy(b.begin(), b.end(), hash + 32);
  if (crypto_sign_verify_detached(sig.value().data(), hash, sizeof hash, public_key.data()) != 0)
    return Fail("the signature does not verify: the credential was altered or signed with another key");
  return Status::Ok();
}

}  // namespace conform
