#include "conform/credentials/schema_registry.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "conform/credentials/conformity_credential.h"

namespace conform {

Status SchemaRegistry::Add(const std::string& key, const JsonValue& schema, const std::string& where) {
  JsonSchemaOptions options;
  // UNTP's own validation asserts formats (dates, URIs); so does conform.
  options.assert_formats = true;
  auto compiled = JsonSchema::Compile(schema, options);
  if (!compiled.ok())
    return Error(ErrorCode::kInvalidInput, fmt::format("schema {}: {}", where.empty() ? key : where, compiled.error().ToString()));
  schemas_[key] = std::make_shared<const JsonSchema>(std::move(compiled).value());
  return Status::Ok();
}

Status SchemaRegistry::AddDirectory(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return Error(ErrorCode::kNotFound, fmt::format("schema directory {} does not exist", dir),
                 "give the folder that holds <kind>/v<version>/schema.json");
  std::map<std::string, std::shared_ptr<const JsonSchema>> added;
  for (const auto& kind : fs::directory_iterator(dir, ec)) {
    if (!kind.is_directory()) continue;
    for (const auto& version : fs::directory_iterator(kind.path(), ec)) {
      const std::string v = version.path().filename().string();
      const fs::path file = version.path() / "schema.json";
      if (v.size() < 2 || v[0] != 'v' || !fs::is_regular_file(file, ec)) continue;
      std::ifstream in(file, std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      auto parsed = ParseIJson(text.str());
      if (!parsed.ok()) return Error(ErrorCode::kInvalidInput, fmt::format("{}: {}", file.string(), parsed.error().ToString()));
      SchemaRegistry one;
      const std::string key = kind.path().filename().string() + "/" + v.substr(1);
      if (Status st = one.Add(key, parsed.value(), file.string()); !st.ok()) return st;
      added[key] = one.schemas_[key];
    }
  }
  if (added.empty())
    return Error(ErrorCode::kInvalidInput, fmt::format("no <kind>/v<version>/schema.json under {}", dir));
  for (auto& [k, s] : added) schemas_[k] = std::move(s);
  return Status::Ok();
}

const JsonSchema* SchemaRegistry::Find(const std::string& key) const {
  auto it = schemas_.find(key);
  return it == schemas_.end() ? nullptr : it->second.get();
}

std::string UntpSchemaKey(const JsonValue& credential) {
  if (!IsConformityCredential(credential)) return "";
  const std::string version = ConformityCredentialVersion(credential);
  return version.empty() ? "" : "digitalConformityCredential/" + version;
}

}  // namespace conform
