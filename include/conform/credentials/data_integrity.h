// W3C Data Integrity proofs with the eddsa-jcs-2022 cryptosuite (W3C Data
// Integrity EdDSA Cryptosuites v1.0): the document and the proof options are
// each canonicalised with RFC 8785, hashed with SHA-256, and the two hashes
// (options first) signed with Ed25519.
#ifndef CONFORM_CREDENTIALS_DATA_INTEGRITY_H_
#define CONFORM_CREDENTIALS_DATA_INTEGRITY_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "conform/core/result.h"
#include "conform/credentials/multibase.h"

namespace conform {

struct ProofOptions {
  std::string created;              // XML Schema dateTime, e.g. 2023-02-24T23:36:38Z
  std::string verification_method;  // e.g. did:key:z6Mk...#z6Mk...
  std::string proof_purpose = "assertionMethod";
  // When the proof stops being valid (XML Schema dateTime); empty: never.
  std::string expires;
  // The proof's own id (a URL such as urn:uuid:...), optional: later proofs
  // name it to follow it in a chain.
  std::string id;
  // Ids of proofs already in the document that this one follows (a proof
  // chain): it signs them with the document. Empty: a proof of its own.
  std::vector<std::string> previous_proof;
};

// The most proofs a document may carry. Each costs a signature check, and
// each chained one a copy of the document: a 16 MB credential of tiny
// proofs naming each other would otherwise cost hours. Real ones carry a
// few.
inline constexpr size_t kMaxProofs = 32;

// The 64 bytes eddsa-jcs-2022 signs: SHA-256 of the canonical proof
// configuration, then SHA-256 of the canonical document. Both arguments are
// JSON texts; errors as CanonicalizeJson's.
Result<Bytes> EddsaJcsHashData(std::string_view proof_config, std::string_view document);

// Adds an eddsa-jcs-2022 proof to `document` (a JSON object); the proof
// configuration carries the document's @context. Returns the secured
// document as JSON text.
// Without a proof in `document`, "proof" becomes the new proof. With one
// or several, it becomes the list of them all, the new one last (VC Data
// Integrity 1.0, 4.3 Add Proof Set/Chain): the new proof signs the document
// without its proofs, or, when options.previous_proof names some, with those
// as its "proof" list. Errors: an id named there and absent from the
// document, an id the document's proofs already use, a proof that is not an
// object, kMaxProofs proofs already; the document is not changed.
Result<std::string> AddEddsaJcsProof(std::string_view document, const Ed25519Seed& seed, const ProofOptions& options);

// Verifies the eddsa-jcs-2022 proofs of `secured` whose keys are named by
// did:key verification methods (or, with a resolver, did:web ones). A list
// of proofs (a proof set, or a chain) verifies when every proof does, each
// over the document without proofs, or with the proofs its previousProof
// names (VC Data Integrity 1.0, 4.5). Errors say which check failed, and of
// which proof when there are several: not I-JSON, no proof, another proof
// type or cryptosuite, a malformed proofValue, an @context the document
// does not start with, a previousProof that names no proof of the document,
// more than kMaxProofs proofs, an unresolvable key, a signature that does
// not verify.
class DidResolver;
Status VerifyEddsaJcsProof(std::string_view secured);
// The same on a document already parsed (ParseIJson), with keys from
// `resolver` (nullptr: did:key only).
struct JsonValue;
Status VerifyEddsaJcsProof(const JsonValue& secured, const DidResolver* resolver = nullptr);

// The proofs of a parsed document: its "proof" object, or the objects of
// its "proof" list, in order (items that are not objects left out).
std::vector<const JsonValue*> ProofsOf(const JsonValue& secured);
// Who made a proof: the DID of its verificationMethod ("did:key:z6Mk..."
// of "did:key:z6Mk...#z6Mk..."), empty when it names none. A view into
// `proof`.
std::string_view ProofController(const JsonValue& proof);

}  // namespace conform

#endif  // CONFORM_CREDENTIALS_DATA_INTEGRITY_H_
