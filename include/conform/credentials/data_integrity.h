// W3C Data Integrity proofs with the eddsa-jcs-2022 cryptosuite (W3C Data
// Integrity EdDSA Cryptosuites v1.0): the document and the proof options are
// each canonicalised with RFC 8785, hashed with SHA-256, and the two hashes
// (options first) signed with Ed25519.
#ifndef CONFORM_CREDENTIALS_DATA_INTEGRITY_H_
#define CONFORM_CREDENTIALS_DATA_INTEGRITY_H_

#include <string>
#include <string_view>

#include "conform/core/result.h"
#include "conform/credentials/multibase.h"

namespace conform {

struct ProofOptions {
  std::string created;              // XML Schema dateTime, e.g. 2023-02-24T23:36:38Z
  std::string verification_method;  // e.g. did:key:z6Mk...#z6Mk...
  std::string proof_purpose = "assertionMethod";
};

// The 64 bytes eddsa-jcs-2022 signs: SHA-256 of the canonical proof
// configuration, then SHA-256 of the canonical document. Both arguments are
// JSON texts; errors as CanonicalizeJson's.
Result<Bytes> EddsaJcsHashData(std::string_view proof_config, std::string_view document);

// Adds an eddsa-jcs-2022 proof to `document` (a JSON object with no
// "proof"); the proof configuration carries the document's @context.
// Returns the secured document as JSON text.
Result<std::string> AddEddsaJcsProof(std::string_view document, const Ed25519Seed& seed, const ProofOptions& options);

// Verifies the eddsa-jcs-2022 proof of `secured` whose key is named by a
// did:key verification method (or, with a resolver, a did:web one). Errors say which check failed: not I-JSON, no
// or several proofs, another proof type or cryptosuite, a malformed
// proofValue, an @context the document does not start with, an unresolvable
// key, a signature that does not verify.
class DidResolver;
Status VerifyEddsaJcsProof(std::string_view secured);
// The same on a document already parsed (ParseIJson), with keys from
// `resolver` (nullptr: did:key only).
struct JsonValue;
Status VerifyEddsaJcsProof(const JsonValue& secured, const DidResolver* resolver = nullptr);

}  // namespace conform

#endif  // CONFORM_CREDENTIALS_DATA_INTEGRITY_H_
