// Credential verification (credentials/credential.h) as `conform credential
// verify` runs it on a file: credentials and presentations with every check
// (structure, content, schema, Data Integrity proof, issuer, validity,
// status), plus the trust-list loader and the certification reader, which
// take the same kind of JSON. Keys come only from did:key, so nothing is
// fetched. One revocation list (entry 7 set), signed by the key of the
// seed credentials, is known by its id so that credentialStatus is checked.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "conform/credentials/conformity_credential.h"
#include "conform/credentials/credential.h"
#include "conform/credentials/data_integrity.h"
#include "conform/credentials/jcs.h"
#include "conform/credentials/trust_list.h"

namespace {

constexpr char kStatusListId[] = "https://example.test/status/1";
constexpr char kStatusList[] = R"json({
  "@context": [
    "https://www.w3.org/ns/credentials/v2"
  ],
  "credentialSubject": {
    "encodedList": "uH4sIAAAAAAACA-3BIQEAAAACIP1_2hkWoAEAAAAAAAAAAAAAAAAAAADeBjn7xTYAQAAA",
    "id": "https://example.test/status/1#list",
    "statusPurpose": "revocation",
    "type": "BitstringStatusList"
  },
  "id": "https://example.test/status/1",
  "issuer": "did:key:z6MkmPPZpsm9qYDcRevgLc5UX7S64eYPpSbUV23pCPjWXYzN",
  "type": [
    "VerifiableCredential",
    "BitstringStatusListCredential"
  ],
  "validFrom": "2026-12-03T18:41:17Z",
  "proof": {
    "type": "DataIntegrityProof",
    "cryptosuite": "eddsa-jcs-2022",
    "created": "2026-12-03T18:41:24Z",
    "verificationMethod": "did:key:z6MkmPPZpsm9qYDcRevgLc5UX7S64eYPpSbUV23pCPjWXYzN#z6MkmPPZpsm9qYDcRevgLc5UX7S64eYPpSbUV23pCPjWXYzN",
    "proofPurpose": "assertionMethod",
    "@context": [
      "https://www.w3.org/ns/credentials/v2"
    ],
    "proofValue": "zvhUL6yPnJCGQS6YmbFoizm5Q3YdMC2xGkkd5A8hf2bdoxwKXjk7nZRERj1Y1tBnuVnxGzoCkHwBGghHsuLfFWCD"
  }
})json";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  conform::VerifyContext context;
  context.now = 1772323200;  // 2026-03-01T00:00:00Z
  context.status_lists[kStatusListId] = kStatusList;
  if (conform::IsPresentationJson(text)) {
    auto report = conform::VerifyPresentation(text, context);
    (void)report.ok();
  } else {
    auto report = conform::VerifyCredential(text, context);
    (void)report.ok();
  }
  (void)conform::VerifyEddsaJcsProof(text);
  if (auto certified = conform::ReadCertified(text); certified.ok()) (void)certified;
  auto parsed = conform::ParseIJson(text);
  if (parsed.ok()) (void)conform::ReadConformityCredential(parsed.value());
  auto list = conform::LoadTrustList(text, {"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"});
  if (list.ok()) (void)conform::TrustListInForce(list.value(), context.now);
  (void)conform::SigningKeyFromJson(text);
  if (size < 64) (void)conform::ParseDateTime(text);
  return 0;
}
