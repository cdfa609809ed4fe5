// Resolving the key behind a proof's verification method, without the
// network: did:key from the identifier itself, did:web from a local directory
// of DID documents laid out as the web would serve them
// (did:web:example.com -> DIR/example.com/.well-known/did.json,
//  did:web:example.com:cb:1 -> DIR/example.com/cb/1/did.json).
#ifndef CONFORM_CREDENTIALS_DID_RESOLVER_H_
#define CONFORM_CREDENTIALS_DID_RESOLVER_H_

#include <string>
#include <string_view>

#include "conform/core/result.h"
#include "conform/credentials/multibase.h"

namespace conform {

class DidResolver {
 public:
  // did:key only.
  DidResolver() = default;
  // did:key, and did:web from `did_documents_dir`.
  explicit DidResolver(std::string did_documents_dir) : dir_(std::move(did_documents_dir)) {}

  // The Ed25519 key of `verification_method` (a DID URL), which must be
  // authorised for `purpose` (e.g. assertionMethod) by its DID document.
  // Errors: an unsupported DID method, a missing document, a method the
  // document does not list or not for that purpose, a key that is not an
  // Ed25519 Multikey.
  Result<Ed25519PublicKey> Resolve(std::string_view verification_method, std::string_view purpose) const;

  // The path of the DID document for a did:web identifier.
  Result<std::string> DocumentPath(std::string_view did) const;

 private:
  std::string dir_;
};

}  // namespace conform

#endif  // CONFORM_CREDENTIALS_DID_RESOLVER_H_
