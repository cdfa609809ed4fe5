// Verifiable Credentials (W3C VC Data Model 2.0) secured with
// eddsa-jcs-2022: issue, verify with one explained check per concern, and
// Bitstring Status List credentials to revoke or suspend them.
#ifndef CONFORM_CREDENTIALS_CREDENTIAL_H_
#define CONFORM_CREDENTIALS_CREDENTIAL_H_

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "conform/core/result.h"
#include "conform/credentials/data_integrity.h"
#include "conform/credentials/multibase.h"

namespace conform {

// An XML Schema dateTime ("2023-01-01T00:00:00Z", "...+08:00", fractions
// allowed) as seconds since 1970-01-01T00:00:00Z.
Result<int64_t> ParseDateTime(std::string_view text);
std::string FormatDateTime(int64_t seconds);  // "YYYY-MM-DDThh:mm:ssZ"

// An Ed25519 signing key and its did:key identity.
struct SigningKey {
  Ed25519Seed seed{};
  Ed25519PublicKey public_key{};
  std::string did() const { return DidKey(public_key); }
  std::string verification_method() const { return DidKeyVerificationMethod(public_key); }
};
// A new key from the operating system's random source.
SigningKey GenerateSigningKey();
// Key files: {"id", "verificationMethod", "publicKeyMultibase", "secretKeyMultibase"}.
std::string SigningKeyToJson(const SigningKey& key);
Result<SigningKey> SigningKeyFromJson(std::string_view json);

// Credentials larger than this are refused unread (hostile input); a DCC
// with embedded trust mark images stays far below it.
inline constexpr size_t kMaxCredentialBytes = size_t{16} << 20;

struct CredentialCheck {
  std::string name;  // json, structure, content and schema (UNTP, credentialSchema), proof, issuer, trust, validity, status
  bool passed = false;
  std::string detail;
};

struct CredentialReport {
  std::vector<CredentialCheck> checks;
  bool ok() const {
    for (const auto& c : checks)
      if (!c.passed) return false;
    return !checks.empty();
  }
};

struct TrustList;

struct VerifyContext {
  int64_t now = 0;  // seconds since the epoch
  // Which certification bodies may certify what (see trust_list.h). Without
  // one the "trust" check fails: a signature alone does not say who may
  // certify.
  const TrustList* trust = nullptr;
  // Resolves did:web issuers from local DID documents (nullptr: did:key only).
  const class DidResolver* dids = nullptr;
  // JSON Schemas (schema_registry.h). A credential that names a schema, and
  // a UNTP credential, fail the "schema" check when theirs is not here.
  const class SchemaRegistry* schemas = nullptr;
  // Status list credentials (JSON texts) by their id; the caller loads them
  // from local files: verification never goes to the network.
  std::map<std::string, std::string> status_lists;

  // Lists already verified and decoded, by id: a list is checked once, not
  // once per credential that points into it. Thread-safe.
  struct CachedList;
  std::shared_ptr<const CachedList> Cached(const std::string& id) const;
  void Cache(const std::string& id, std::shared_ptr<const CachedList> list) const;

 private:
  mutable std::mutex cache_mu_;
  mutable std::map<std::string, std::shared_ptr<const CachedList>> cache_;

 public:
  VerifyContext() = default;
  VerifyContext(const VerifyContext& o) : now(o.now), trust(o.trust), dids(o.dids), schemas(o.schemas), status_lists(o.status_lists) {}
  VerifyContext& operator=(const VerifyContext& o) {
    now = o.now;
    trust = o.trust;
    dids = o.dids;
    schemas = o.schemas;
    status_lists = o.status_lists;
    std::lock_guard<std::mutex> lock(cache_mu_);
    cache_.clear();
    return *this;
  }
};

// Verifies a credential. Every check runs that can; a check that cannot run
// because an earlier one failed says so.
CredentialReport VerifyCredential(std::string_view json, const VerifyContext& context);

// Verifies many credentials on `threads` threads (0: one per core); the
// reports come back in input order. Status lists are checked once for all.
std::vector<CredentialReport> VerifyCredentials(const std::vector<std::string>& jsons, const VerifyContext& context,
                                                unsigned threads = 0);

// A Verifiable Presentation (VC Data Model 2.0, section 4.13): the
// presentation's own checks (json, structure, and proof: signed by its
// holder when it carries a proof) and, for each credential it holds, that
// credential's report.
struct PresentationReport {
  CredentialReport presentation;
  std::vector<CredentialReport> credentials;
  bool ok() const {
    if (!presentation.ok()) return false;
    for (const auto& c : credentials)
      if (!c.ok()) return false;
    return true;
  }
};

// True when `json` is an object whose type names VerifiablePresentation.
bool IsPresentationJson(std::string_view json);

// Verifies a presentation and every credential embedded in it (with all of
// VerifyCredential's checks). Enveloped credentials (VC-JOSE/COSE) are
// reported as not verifiable here.
PresentationReport VerifyPresentation(std::string_view json, const VerifyContext& context);

// Verifies many documents, each a credential or a presentation, on
// `threads` threads (0: one per core); the reports come back in input
// order. A presentation's report holds its own checks, then one check per
// credential it carries ("credential[k]": that all its checks pass, or the
// first that failed).
std::vector<CredentialReport> VerifyDocuments(const std::vector<std::string>& jsons, const VerifyContext& context,
                                              unsigned threads = 0);

struct IssueOptions {
  int64_t created = 0;
  // With a status list credential (JSON) and an index, the credential gets a
  // BitstringStatusListEntry pointing there.
  std::string status_list;
  std::optional<uint64_t> status_index;
};

// Signs `credential` (VCDM 2.0 JSON without a proof). A missing issuer
// becomes the key's DID; a missing validFrom the creation time.
Result<std::string> IssueCredential(std::string_view credential, const SigningKey& key, const IssueOptions& options);

struct AddProofOptions {
  int64_t created = 0;
  std::string proof_purpose = "assertionMethod";
  std::string id;                           // the new proof's id, optional (a URL)
  std::vector<std::string> previous_proof;  // ids of the proofs it follows (a chain); empty: a proof set
};

// Adds a proof made with `key` to a credential (or presentation) that is
// signed already, changing nothing else: a co-signature, or with
// options.previous_proof a link of a proof chain (VC Data Integrity 1.0,
// 4.3). The proofs it carries must verify first (did:web keys from `dids`,
// nullptr: did:key only): nobody signs beside a broken signature. Errors as
// AddEddsaJcsProof's and VerifyEddsaJcsProof's; the credential unsigned.
class DidResolver;
Result<std::string> AddCredentialProof(std::string_view credential, const SigningKey& key, const AddProofOptions& options,
                                       const DidResolver* dids = nullptr);

// A signed BitstringStatusListCredential with every entry clear.
// purpose: "revocation" or "suspension".
Result<std::string> CreateStatusListCredential(const std::string& id, const std::string& purpose, const SigningKey& key,
                                               int64_t created, size_t entries = 131072);

// Sets or clears one entry of a status list credential and signs it again.
// The list's own proof must verify with `key` first.
Result<std::string> UpdateStatusListCredential(std::string_view list_json, uint64_t index, bool value, const SigningKey& key,
                                               int64_t now);

}  // namespace conform

#endif  // CONFORM_CREDENTIALS_CREDENTIAL_H_
