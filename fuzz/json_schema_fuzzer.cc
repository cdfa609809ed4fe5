// JSON Schema compiler and validator (credentials/json_schema.h), which
// reads the schemas a credential names. The input is split at the first
// NUL byte: the part before is compiled as a schema (draft 2020-12, then
// draft-07), the part after is validated against it; with no NUL the input
// is validated against itself. $ref to other documents resolves to nothing.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "conform/credentials/jcs.h"
#include "conform/credentials/json_schema.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string_view schema_text = text, instance_text = text;
  if (auto nul = text.find('\0'); nul != std::string_view::npos) {
    schema_text = text.substr(0, nul);
    instance_text = text.substr(nul + 1);
  }
  auto schema_json = conform::ParseIJson(schema_text);
  if (!schema_json.ok()) return 0;
  auto instance = conform::ParseIJson(instance_text);
  for (auto dialect : {conform::SchemaDialect::kDraft2020_12, conform::SchemaDialect::kDraft07}) {
    conform::JsonSchemaOptions options;
    options.default_dialect = dialect;
    options.assert_formats = dialect == conform::SchemaDialect::kDraft2020_12;
    options.load_document = [](const std::string& uri) -> conform::Result<conform::JsonValue> {
      return conform::Error(conform::ErrorCode::kNotFound, "no document " + uri);
    };
    auto schema = conform::JsonSchema::Compile(schema_json.value(), options);
    if (!schema.ok() || !instance.ok()) continue;
    auto violations = schema.value().Validate(instance.value());
    if (violations.empty() != schema.value().IsValid(instance.value())) __builtin_trap();
    for (const auto& v : violations) (void)v.ToString();
  }
  return 0;
}
