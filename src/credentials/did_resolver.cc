#include "conform/credentials/did_resolver.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "conform/credentials/jcs.h"

namespace conform {

namespace {
Error Fail(std::string what) { return Error(ErrorCode::kInvalidInput, std::move(what), ""); }
std::string Str(const JsonValue* v) { return v != nullptr && v->is_string() ? v->text : std::string(); }
}  // namespace

Result<std::string> DidResolver::DocumentPath(std::string_view did) const {
  constexpr std::string_view kPrefix = "did:web:";
  if (did.substr(0, kPrefix.size()) != kPrefix) return Fail(fmt::format("'{}' is not a did:web", did));
  if (dir_.empty()) return Fail(fmt::format("{}: no directory of DID documents given", did));
  std::string rest(did.substr(kPrefix.size()));
  std::vector<std::string> parts;
  for (size_t b = 0;;) {
    const size_t e = rest.find(':', b);
    parts.push_back(rest.substr(b, e == std::string::npos ? std::string::npos : e - b));
    if (e == std::string::npos) break;
    b = e + 1;
  }
  for (const auto& p : parts)
    if (p.empty() || p == "." || p == ".." || p.find('/') != std::string::npos || p.find('\\') != std::string::npos)
      return Fail(fmt::format("'{}' is not a valid did:web", did));
  std::string host = parts[0];
  if (const size_t port = host.find("%3A"); port != std::string::npos) host.replace(port, 3, ":");
  std::filesystem::path path = std::filesystem::path(dir_) / host;
  if (parts.size() == 1) return (path / ".well-known" / "did.json").string();
  for (size_t i = 1; i < parts.size(); ++i) path /= parts[i];
  return (path / "did.json").string();
}

Result<Ed25519PublicKey> DidResolver::Resolve(std::string_view method, std::string_view purpose) const {
  if (method.substr(0, 8) == "did:key:") return PublicKeyFromDidKey(method);
  if (method.substr(0, 8) != "did:web:") return Fail(fmt::format("'{}': only did:key and did:web are supported", method));
  const std::string did(method.substr(0, method.find('#')));
  auto path = DocumentPath(did);
  if (!path.ok()) return path.error();
  std::ifstream in(path.value(), std::ios::binary);
  if (!in) return Fail(fmt::format("{}: no DID document at {}", did, path.value()));
  std::stringstream ss;
  ss << in.rdbuf();
  auto doc = ParseIJson(ss.str());
  if (!doc.ok()) return Fail(fmt::format("{}: {}", path.value(), doc.error().ToString()));
  if (Str(doc.value().Find("id")) != did) return Fail(fmt::format("{}: the document's id is not {}", path.value(), did));
  // Method ids may be absolute or relative to the DID ("#key-1").
  const auto absolute = [&](const std::string& id) { return !id.empty() && id[0] == '#' ? did + id : id; };
  const JsonValue* authorised = doc.value().Find(purpose);
  bool allowed = false;
  if (authorised != nullptr)
    for (const auto& a : authorised->items)
      allowed = allowed || (a.is_string() && absolute(a.text) == method) || (a.is_object() && absolute(Str(a.Find("id"))) == method);
  if (!allowed) return Fail(fmt::format("{} is not listed for {} in {}'s DID document", method, purpose, did));
  std::vector<const JsonValue*> candidates;
  if (const JsonValue* vms = doc.value().Find("verificationMethod"))
    for (const auto& vm : vms->items) candidates.push_back(&vm);
  if (authorised != nullptr)
    for (const auto& a : authorised->items)
      if (a.is_object()) candidates.push_back(&a);
  for (const JsonValue* vm : candidates) {
    if (absolute(Str(vm->Find("id"))) != method) continue;
    if (Str(vm->Find("type")) != "Multikey") return Fail(fmt::format("{} is a {}, not a Multikey", method, Str(vm->Find("type"))));
    return DecodePublicKeyMultibase(Str(vm->Find("publicKeyMultibase")));
  }
  return Fail(fmt::format("{}'s DID document has no verification method {}", did, method));
}

}  // namespace conform
