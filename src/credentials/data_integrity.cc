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
#include <vector>
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
  Json& secured = doc.value();
  if (!secured.is_object()) return Fail("the document must be a JSON object");
  // The proofs it carries already (VC Data Integrity 1.0, 4.3): the new one
  // joins them.
  Json all_proofs = Json::array();
  if (secured.contains("proof")) {
    const Json& proof = secured["proof"];
    if (proof.is_array()) all_proofs = proof;
    else all_proofs.push_back(proof);
    if (all_proofs.size() >= kMaxProofs)
      return Fail(fmt::format("the document carries {} proofs, and {} at most are taken", all_proofs.size(), kMaxProofs));
    for (size_t i = 0; i < all_proofs.size(); ++i)
      if (!all_proofs[i].is_object()) return Fail(fmt::format("proof {} of the document is not a JSON object", i + 1));
    secured.erase("proof");
  }
  const auto proof_with_id = [&all_proofs](const std::string& id) -> const Json* {
    for (const Json& p : all_proofs)
      if (p.contains("id") && p["id"].is_string() && p["id"].get<std::string>() == id) return &p;
    return nullptr;
  };
  if (!options.id.empty() && proof_with_id(options.id) != nullptr)
    return Fail(fmt::format("the document has a proof with id '{}' already: a proof id names one proof", options.id));
  Json config;
  config["type"] = "DataIntegrityProof";
  config["cryptosuite"] = "eddsa-jcs-2022";
  if (!options.id.empty()) config["id"] = options.id;
  config["created"] = options.created;
  config["verificationMethod"] = options.verification_method;
  config["proofPurpose"] = options.proof_purpose;
  if (!options.expires.empty()) config["expires"] = options.expires;
  // A chain: the proofs followed are signed with the document, as its
  // "proof" list.
  Json signed_document = secured;
  if (!options.previous_proof.empty()) {
    Json followed = Json::array();
    for (size_t i = 0; i < options.previous_proof.size(); ++i) {
      const std::string& id = options.previous_proof[i];
      if (std::find(options.previous_proof.begin(), options.previous_proof.begin() + i, id) != options.previous_proof.begin() + i)
        return Fail(fmt::format("previousProof names '{}' twice", id));
      const Json* p = proof_with_id(id);
      if (p == nullptr) return Fail(fmt::format("previousProof '{}' names no proof of the document", id));
      followed.push_back(*p);
    }
    signed_document["proof"] = std::move(followed);
    if (options.previous_proof.size() == 1) config["previousProof"] = options.previous_proof[0];
    else config["previousProof"] = options.previous_proof;
  }
  if (secured.contains("@context")) config["@context"] = secured["@context"];
  auto hash = EddsaJcsHashData(config.dump(), signed_document.dump());
  if (!hash.ok()) return hash.error();
  unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
  crypto_sign_seed_keypair(pk, sk, seed.data());
  Bytes sig(crypto_sign_BYTES);
  crypto_sign_detached(sig.data(), nullptr, hash.value().data(), hash.value().size(), sk);
  sodium_memzero(sk, sizeof sk);
  config["proofValue"] = MultibaseEncode(sig);
  if (all_proofs.empty()) {
    secured["proof"] = std::move(config);
  } else {
    all_proofs.push_back(std::move(config));
    secured["proof"] = std::move(all_proofs);
  }
  return secured.dump(2);
}

Status VerifyEddsaJcsProof(std::string_view secured) {
  auto parsed = ParseIJson(secured);
  if (!parsed.ok()) return parsed.error();
  return VerifyEddsaJcsProof(parsed.value());
}

std::vector<const JsonValue*> ProofsOf(const JsonValue& secured) {
  std::vector<const JsonValue*> proofs;
  const JsonValue* proof = secured.is_object() ? secured.Find("proof") : nullptr;
  if (proof == nullptr) return proofs;
  if (proof->is_object()) proofs.push_back(proof);
  if (proof->is_array())
    for (const JsonValue& p : proof->items)
      if (p.is_object()) proofs.push_back(&p);
  return proofs;
}

std::string_view ProofController(const JsonValue& proof) {
  const JsonValue* method = proof.Find("verificationMethod");
  if (method == nullptr || !method->is_string()) return {};
  const std::string_view m = method->text;
  return m.substr(0, m.find('#'));
}

namespace {

// One eddsa-jcs-2022 proof of `secured` (VC Data Integrity EdDSA
// Cryptosuites 1.0, 3.3.2), which signs the document without its proofs,
// or with `followed` as its "proof" list when it is part of a chain.
Status VerifyOneProof(const JsonValue& secured, const JsonValue& proof, std::span<const JsonValue* const> followed,
                      const DidResolver* resolver) {
  static const std::string kNone;
  const auto text_of = [](const JsonValue* v) -> const std::string& { return v != nullptr && v->is_string() ? v->text : kNone; };
  if (text_of(proof.Find("type")) != "DataIntegrityProof")
    return Fail(fmt::format("proof type '{}' is not DataIntegrityProof", text_of(proof.Find("type"))));
  if (text_of(proof.Find("cryptosuite")) != "eddsa-jcs-2022")
    return Fail(fmt::format("cryptosuite '{}' is not supported (expected eddsa-jcs-2022)", text_of(proof.Find("cryptosuite"))));
  const JsonValue* value = proof.Find("proofValue");
  if (value == nullptr || !value->is_string()) return Fail("the proof has no proofValue");
  auto sig = MultibaseDecode(value->text);
  if (!sig.ok()) return Fail("proofValue: " + sig.error().ToString());
  if (sig.value().size() != crypto_sign_BYTES) return Fail(fmt::format("proofValue holds {} bytes, an Ed25519 signature 64", sig.value().size()));
  const std::string& method = text_of(proof.Find("verificationMethod"));
  if (method.empty()) return Fail("the proof names no verificationMethod");
  const std::string& purpose = text_of(proof.Find("proofPurpose"));
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
  // document is then verified with the proof's @context. Usually the two
  // are the same and the proof is the only one, so nothing needs copying:
  // the canonical form is hashed as it is written, "proof" left out.
  bool shorter_context = false;
  const JsonValue* pc = proof.Find("@context");
  if (pc != nullptr) {
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
    shorter_context = pl.size() != dl.size();
  }
  std::array<uint8_t, 32> doc_hash{};
  if (!shorter_context && followed.empty()) {
    doc_hash = Sha256Canonical(secured, "proof");
  } else {
    JsonValue doc = secured;
    doc.Erase("proof");
    if (shorter_context) *doc.Find("@context") = *pc;
    if (!followed.empty()) {
      JsonValue list;
      list.kind = JsonValue::kArray;
      for (const JsonValue* p : followed) list.items.push_back(*p);
      doc.members.emplace_back("proof", std::move(list));
    }
    doc_hash = Sha256Canonical(doc);
  }
  const auto a = Sha256Canonical(proof, "proofValue"), &b = doc_hash;
  unsigned char hash[64];
  std::copy(a.begin(), a.end(), hash);
  std::copy(b.begin(), b.end(), hash + 32);
  if (crypto_sign_verify_detached(sig.value().data(), hash, sizeof hash, public_key.data()) != 0)
    return Fail("the signature does not verify: the credential was altered or signed with another key");
  return Status::Ok();
}

}  // namespace

Status VerifyEddsaJcsProof(const JsonValue& secured, const DidResolver* resolver) {
  if (!SodiumReady()) return Error(ErrorCode::kInternal, "libsodium failed to initialise");
  if (!secured.is_object()) return Fail("the credential must be a JSON object");
  const JsonValue* proof_in = secured.Find("proof");
  if (proof_in == nullptr) return Fail("no proof");
  if (proof_in->is_object()) return VerifyOneProof(secured, *proof_in, {}, resolver);
  if (!proof_in->is_array() || proof_in->items.empty()) return Fail("proof must be an object or a non-empty list of them");
  if (proof_in->items.size() > kMaxProofs)
    return Fail(fmt::format("the document carries {} proofs, and {} at most are verified", proof_in->items.size(), kMaxProofs));
  // A proof set or chain (VC Data Integrity 1.0, 4.5): every proof must
  // verify, each with the proofs its previousProof names.
  const std::vector<JsonValue>& all = proof_in->items;
  const auto which = [&all](size_t i) {
    const JsonValue* method = all[i].is_object() ? all[i].Find("verificationMethod") : nullptr;
    return fmt::format("proof {} of {}{}", i + 1, all.size(),
                       method != nullptr && method->is_string() ? fmt::format(" ({})", method->text) : std::string());
  };
  std::vector<const JsonValue*> followed;
  for (size_t i = 0; i < all.size(); ++i) {
    if (!all[i].is_object()) return Fail(which(i) + ": not a JSON object");
    followed.clear();
    if (const JsonValue* previous = all[i].Find("previousProof")) {
      std::vector<const JsonValue*> ids;
      if (previous->is_string()) ids.push_back(previous);
      else if (previous->is_array())
        for (const JsonValue& id : previous->items) ids.push_back(&id);
      if (ids.empty()) return Fail(which(i) + ": previousProof must be a proof id or a non-empty list of them");
      // Each id names another proof of the document, so there are fewer ids
      // than proofs (and a long list is never copied into the document).
      if (ids.size() >= all.size()) return Fail(fmt::format("{}: previousProof names {} proofs of {}", which(i), ids.size(), all.size()));
      for (const JsonValue* id : ids) {
        if (!id->is_string()) return Fail(which(i) + ": previousProof must be a proof id or a non-empty list of them");
        const auto found = std::find_if(all.begin(), all.end(), [id](const JsonValue& p) {
          const JsonValue* own = p.is_object() ? p.Find("id") : nullptr;
          return own != nullptr && own->is_string() && own->text == id->text;
        });
        if (found == all.end()) return Fail(fmt::format("{}: previousProof '{}' names no proof of the document", which(i), id->text));
        followed.push_back(&*found);
      }
    }
    if (Status st = VerifyOneProof(secured, all[i], followed, resolver); !st.ok()) return Fail(which(i) + ": " + st.error().ToString());
  }
  return Status::Ok();
}

}  // namespace conform
