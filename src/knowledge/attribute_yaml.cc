#include "knowledge/attribute_yaml.h"

#include <fmt/format.h>

#include "conform/core/text.h"
#include "conform/knowledge/product_input.h"

namespace conform {

std::vector<std::pair<AttributeId, double>> ReadAttributeMap(YamlReader& r, const YAML::Node& n, const Vocabulary& v) {
  std::vector<std::pair<AttributeId, double>> out;
  if (!n.IsDefined() || n.IsNull()) return out;
  if (!n.IsMap()) {
    r.Fail(n, "must map attribute names to values", "");
    return out;
  }
  for (const auto& kv : n) {
    const std::string name = kv.first.Scalar();
    const auto id = v.FindAttribute(name);
    if (!id) {
      r.Fail(kv.first, fmt::format("unknown attribute '{}'", name), SuggestionHint(name, v.AttributeNames()));
      continue;
    }
    auto value = ParseAttributeValue(v.attribute(*id), kv.second.IsScalar() ? kv.second.Scalar() : "");
    if (!value.ok()) {
      const auto& d = value.error().diagnostics().front();
      r.Fail(kv.second, d.message, d.hint);
      continue;
    }
    out.emplace_back(*id, value.value());
  }
  return out;
}

}  // namespace conform
