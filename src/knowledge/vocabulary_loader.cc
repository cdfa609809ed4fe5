#include "conform/knowledge/vocabulary_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <regex>

#include "conform/core/text.h"
#include "conform/knowledge/product_input.h"
#include "core/yaml_util.h"
#include "knowledge/attribute_yaml.h"

namespace conform {

namespace {

bool IsWord(const std::string& s) {
  static const std::regex kWord("[a-z][a-z0-9_]*");
  return std::regex_match(s, kWord);
}

// routes, marks, documents, operator_roles: name -> description.
template <typename Add>
void LoadDictionary(YamlReader& r, const YAML::Node& root, const char* key, bool upper_ok, Add add) {
  const YAML::Node n = root[key];
  if (!n.IsDefined()) {
    r.Fail(root, fmt::format("missing required section '{}'", key), "");
    return;
  }
  if (!n.IsMap()) {
    r.Fail(n, fmt::format("'{}' must map names to descriptions", key), "");
    return;
  }
  std::vector<std::string> seen;
  for (const auto& kv : n) {
    const std::string name = kv.first.Scalar();
    static const std::regex kMarkName("[A-Z][A-Z0-9_]*");
    if (!(IsWord(name) || (upper_ok && std::regex_match(name, kMarkName)))) {
      r.Fail(kv.first, fmt::format("'{}' is not a valid name in '{}'", name, key),
             upper_ok ? "use lower_snake_case or UPPER_CASE" : "use lower_snake_case");
      continue;
    }
    if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
      r.Fail(kv.first, fmt::format("'{}' is defined twice in '{}'", name, key), "keep one");
      continue;
    }
    seen.push_back(name);
    if (!kv.second.IsScalar() || kv.second.Scalar().empty()) {
      r.Fail(kv.second, fmt::format("'{}' needs a one-line description", name), "");
      continue;
    }
    add(name, kv.second.Scalar());
  }
}

}  // namespace

Result<Vocabulary> LoadVocabulary(const std::string& file) {
  YamlReader r(file);
  auto root_opt = r.Load();
  if (!root_opt) return Error(ErrorCode::kInvalidInput, r.diagnostics());
  const YAML::Node root = *root_opt;
  Vocabulary v;
  if (!r.CheckMap(root, "the vocabulary",
                  {"schema", "categories", "attributes", "routes", "marks", "documents", "supporting_documents", "operator_roles"}))
    return Error(ErrorCode::kInvalidInput, r.diagnostics());
  auto schema = r.String(root, "schema", true);
  if (schema && *schema != "conform-vocabulary/1")
    r.Fail(root["schema"], fmt::format("unsupported vocabulary schema '{}'", *schema), "expected conform-vocabulary/1");

  // Attributes first: categories refer to them.
  const YAML::Node attrs = root["attributes"];
  if (!attrs.IsDefined() || !attrs.IsMap()) {
    r.Fail(attrs.IsDefined() ? attrs : root, "'attributes' must be a mapping of attribute definitions", "");
  } else {
    for (const auto& kv : attrs) {
      const YAML::Node def = kv.second;
      AttributeDef a;
      a.name = kv.first.Scalar();
      if (!IsWord(a.name)) {
        r.Fail(kv.first, fmt::format("attribute name '{}' is not lower_snake_case", a.name), "");
        continue;
      }
      if (v.FindAttribute(a.name)) {
        r.Fail(kv.first, fmt::format("attribute '{}' is defined twice", a.name), "keep one");
        continue;
      }
      if (!r.CheckMap(def, "an attribute", {"type", "unit", "min", "max", "values", "description"})) continue;
      auto type = r.String(def, "type", true);
      a.description = r.String(def, "description", true).value_or("");
      if (!type) continue;
      if (*type == "number") {
        a.type = AttributeType::kNumber;
        a.unit = r.String(def, "unit", false).value_or("");
        a.min = -1e300;
        a.max = 1e300;
        for (const char* bound : {"min", "max"}) {
          auto s = r.String(def, bound, false);
          if (!s) continue;
          AttributeDef num;
          num.name = bound;
          num.min = -1e300;
          num.max = 1e300;
          auto parsed = ParseAttributeValue(num, *s);
          if (!parsed.ok()) {
            r.Fail(def[bound], fmt::format("'{}' must be a number", bound), "");
            continue;
          }
          (std::string(bound) == "min" ? a.min : a.max) = parsed.value();
        }
        if (a.min > a.max) r.Fail(def, fmt::format("attribute '{}' has min > max", a.name), "");
      } else if (*type == "bool") {
        a.type = AttributeType::kBool;
      } else if (*type == "enum") {
        a.type = AttributeType::kEnum;
        a.values = r.StringList(def, "values", true);
        if (a.values.empty()) r.Fail(def, fmt::format("enum attribute '{}' needs values", a.name), "");
        for (size_t i = 0; i < a.values.size(); ++i)
          if (std::find(a.values.begin(), a.values.begin() + static_cast<std::ptrdiff_t>(i), a.values[i]) != a.values.begin() + static_cast<std::ptrdiff_t>(i))
            r.Fail(def["values"][i], fmt::format("enum attribute '{}' lists '{}' twice", a.name, a.values[i]), "list each value once");
      } else {
        r.Fail(def["type"], fmt::format("unknown attribute type '{}'", *type), "use number, bool or enum");
        continue;
      }
      v.AddAttribute(std::move(a));
    }
  }

  const YAML::Node cats = root["categories"];
  if (!cats.IsDefined() || !cats.IsMap()) {
    r.Fail(cats.IsDefined() ? cats : root, "'categories' must be a mapping of category definitions", "");
  } else {
    for (const auto& kv : cats) {
      CategoryDef c;
      c.name = kv.first.Scalar();
      if (!IsWord(c.name)) {
        r.Fail(kv.first, fmt::format("category name '{}' is not lower_snake_case", c.name), "");
        continue;
      }
      if (v.FindCategory(c.name)) {
        r.Fail(kv.first, fmt::format("category '{}' is defined twice", c.name), "keep one");
        continue;
      }
      if (!r.CheckMap(kv.second, "a category", {"description", "implies"})) continue;
      c.description = r.String(kv.second, "description", true).value_or("");
      c.implies = ReadAttributeMap(r, kv.second["implies"], v);
      v.AddCategory(std::move(c));
    }
  }

  LoadDictionary(r, root, "routes", false, [&](auto n, auto d) { v.AddRoute(n, d); });
  LoadDictionary(r, root, "marks", true, [&](auto n, auto d) { v.AddMark(n, d); });
  LoadDictionary(r, root, "documents", false, [&](auto n, auto d) { v.AddDocument(n, d); });
  LoadDictionary(r, root, "operator_roles", false, [&](auto n, auto d) { v.AddOperatorRole(n, d); });

  const auto supporting = r.StringList(root, "supporting_documents", false);
  for (size_t i = 0; i < supporting.size(); ++i) {
    if (!v.HasDocument(supporting[i])) r.Fail(root["supporting_documents"][i], fmt::format("unknown document kind '{}'", supporting[i]), SuggestionHint(supporting[i], v.DocumentNames()));
    else v.AddSupportingDocument(supporting[i]);
  }

  if (r.failed()) return Error(ErrorCode::kInvalidInput, r.diagnostics());
  return v;
}

}  // namespace conform
