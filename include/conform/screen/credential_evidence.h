// Digital credentials offered as evidence in listings: verified once each
// (proof, issuer, trust list, validity, status) and trusted only then.
#ifndef CONFORM_SCREEN_CREDENTIAL_EVIDENCE_H_
#define CONFORM_SCREEN_CREDENTIAL_EVIDENCE_H_

#include <map>
#include <mutex>
#include <string>

#include "conform/core/result.h"
#include "conform/credentials/credential.h"
#include "conform/credentials/trust_list.h"

namespace conform {

class CredentialEvidence {
 public:
  // Relative credential paths are resolved against `base_dir` (the listing
  // file's directory). `trust` is copied; the context's trust pointer is set
  // to the copy.
  CredentialEvidence(std::string base_dir, TrustList trust, VerifyContext context);

  // Ok when the credential at `path` verifies in every check; otherwise the
  // first failed check. Thread-safe; each path is verified once.
  Status Check(const std::string& path) const;

 private:
  std::string base_dir_;
  TrustList trust_;
  VerifyContext context_;
  mutable std::mutex mu_;
  mutable std::map<std::string, Status> verdicts_;
};

}  // namespace conform

#endif  // CONFORM_SCREEN_CREDENTIAL_EVIDENCE_H_
