#include "conform/screen/credential_evidence.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "conform/credentials/conformity_credential.h"
#include "conform/credentials/jcs.h"

namespace conform {

CredentialEvidence::CredentialEvidence(std::string base_dir, TrustList trust, VerifyContext context)
    : base_dir_(std::move(base_dir)), trust_(std::move(trust)), context_(std::move(context)) {
  context_.trust = &trust_;
}

Status CredentialEvidence::Check(const std::string& path) const {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (auto it = verdicts_.find(path); it != verdicts_.end()) return it->second;
  }
  const std::filesystem::path p = std::filesystem::path(path).is_absolute() ? std::filesystem::path(path)
                                                                             : std::filesystem::path(base_dir_) / path;
  Status verdict;
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    verdict = Error(ErrorCode::kNotFound, fmt::format("the credential {} cannot be read", p.string()));
  } else {
    std::stringstream ss;
    ss << in.rdbuf();
    const CredentialReport report = VerifyCredential(ss.str(), context_);
    for (const auto& c : report.checks) {
      if (c.passed) continue;
      verdict = Error(ErrorCode::kInvalidInput, fmt::format("the credential {} fails its {} check: {}", path, c.name, c.detail));
      break;
    }
    // A verified conformity credential can still attest non-conformity.
    if (verdict.ok())
      if (auto vc = ParseIJson(ss.str()); vc.ok() && IsConformityCredential(vc.value()))
        if (auto dcc = ReadConformityCredential(vc.value()); dcc.ok() && !dcc.value().AllConform())
          verdict = Error(ErrorCode::kInvalidInput, fmt::format("the credential {} attests that the product does NOT conform", path));
  }
  std::lock_guard<std::mutex> lock(mu_);
  verdicts_.emplace(path, verdict);
  return verdict;
}

}  // namespace conform
