// The JSON Schemas a verifier checks credentials against, compiled once.
//
// A credential is checked against every schema its credentialSchema entries
// name (type JsonSchema, by id), and a UNTP credential also against the
// schema of its vocabulary version ("digitalConformityCredential/0.5.0"). The
// UNTP schemas are published by UN/CEFACT; conform does not ship them:
// LoadDirectory reads them where the user keeps them.
#ifndef CONFORM_CREDENTIALS_SCHEMA_REGISTRY_H_
#define CONFORM_CREDENTIALS_SCHEMA_REGISTRY_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "conform/core/result.h"
#include "conform/credentials/json_schema.h"

namespace conform {

class SchemaRegistry {
 public:
  // Adds the schemas of a directory laid out as UNTP publishes them:
  // <dir>/<credential kind>/v<version>/schema.json, each under the key
  // "<kind>/<version>" ("digitalConformityCredential/0.5.0"). A schema that
  // does not compile is an error naming its file; nothing is added then.
  Status AddDirectory(const std::string& dir);
  // Adds one schema under `key` (a kind/version key or a schema URL).
  Status Add(const std::string& key, const JsonValue& schema, const std::string& where = "");

  // The schema under `key`, or nullptr.
  const JsonSchema* Find(const std::string& key) const;
  size_t size() const { return schemas_.size(); }
  bool empty() const { return schemas_.empty(); }

 private:
  std::map<std::string, std::shared_ptr<const JsonSchema>> schemas_;
};

// The key of a UNTP credential's own schema ("digitalConformityCredential/
// 0.5.0"), or "" when the credential is not a UNTP credential of a known
// version.
std::string UntpSchemaKey(const JsonValue& credential);

}  // namespace conform

#endif  // CONFORM_CREDENTIALS_SCHEMA_REGISTRY_H_
