#include "yaml_util.h"

#include <fmt/format.h>

#include <fstream>
#include <set>
#include <sstream>

#include "conform/core/text.h"

namespace conform {

std::optional<YAML::Node> YamlReader::Load() {
  std::ifstream in(file_, std::ios::binary);
  if (!in) {
    diags_.push_back(Diagnostic{file_, 0, 0, "cannot open file", "check the path and permissions"});
    return std::nullopt;
  }
  std::stringstream buf;
  buf << in.rdbuf();
  const std::string text = buf.str();
  // yaml-cpp passes bytes through, and a stray byte would surface only when
  // a report is written as JSON: refused here, where it can be pointed at.
  for (size_t i = 0, line = 1, column = 1; i < text.size();) {
    const size_t at = i;
    if (NextCodepoint(text, &i) < 0) {
      diags_.push_back(Diagnostic{file_, static_cast<int>(line), static_cast<int>(column),
                                  fmt::format("byte 0x{:02X} is not UTF-8", static_cast<unsigned char>(text[at])),
                                  "save the file as UTF-8"});
      return std::nullopt;
    }
    if (text[at] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  try {
    YAML::Node root = YAML::Load(text);
    if (!root.IsDefined() || root.IsNull()) {
      diags_.push_back(Diagnostic{file_, 1, 1, "file is empty", ""});
      return std::nullopt;
    }
    return root;
  } catch (const YAML::Exception& e) {
    diags_.push_back(Diagnostic{file_, e.mark.is_null() ? 0 : e.mark.line + 1,
                                e.mark.is_null() ? 0 : e.mark.column + 1,
                                fmt::format("YAML syntax error: {}", e.msg), "fix the YAML syntax at this position"});
    return std::nullopt;
  }
}

void YamlReader::FailAt(const YAML::Mark& at, std::string message, std::string hint) {
  diags_.push_back(Diagnostic{file_, at.is_null() ? 0 : at.line + 1, at.is_null() ? 0 : at.column + 1,
                              std::move(message), std::move(hint)});
}

void YamlReader::Fail(const YAML::Node& at, std::string message, std::string hint) {
  FailAt(at.Mark(), std::move(message), std::move(hint));
}

void YamlReader::FailAtOffset(const YAML::Node& scalar, int column_in_scalar, std::string message, std::string hint) {
  YAML::Mark m = scalar.Mark();
  // A quoted scalar's text starts one column after its mark; the tag is "!"
  // for quoted scalars and "?" for plain ones.
  const int quote = scalar.Tag() == "!" ? 1 : 0;
  if (!m.is_null()) m.column += quote + (column_in_scalar > 0 ? column_in_scalar - 1 : 0);
  FailAt(m, std::move(message), std::move(hint));
}

bool YamlReader::CheckMap(const YAML::Node& node, const char* what, std::initializer_list<const char*> allowed) {
  if (!node.IsMap()) {
    Fail(node, fmt::format("{} must be a mapping (key: value lines)", what), "");
    return false;
  }
  std::vector<std::string> allowed_names(allowed.begin(), allowed.end());
  std::set<std::string> seen;
  for (const auto& kv : node) {
    const YAML::Node key = kv.first;
    if (!key.IsScalar()) {
      Fail(key, fmt::format("{} has a key that is not a plain word", what), "");
      continue;
    }
    const std::string k = key.Scalar();
    if (!seen.insert(k).second) {
      Fail(key, fmt::format("'{}' appears twice in {}", k, what), "keep one");
    }
    bool known = false;
    for (const auto& a : allowed_names) known = known || a == k;
    if (!known) {
      // A key with spaces is almost always a value cut in two by an unquoted
      // ": " or "," inside {...}.
      Fail(key, fmt::format("unknown key '{}' in {}", k, what),
           k.find(' ') != std::string::npos
               ? "a value containing ': ' or ',' inside { } must be quoted"
               : SuggestionHint(k, allowed_names));
    }
  }
  return true;
}

bool YamlReader::CheckSeq(const YAML::Node& node, const char* what) {
  if (!node.IsSequence()) {
    Fail(node, fmt::format("{} must be a list", what), "write it as [a, b] or as '- item' lines");
    return false;
  }
  return true;
}

std::optional<std::string> YamlReader::Scalar(const YAML::Node& node, const char* what) {
  if (!node.IsScalar()) {
    Fail(node, fmt::format("{} must be a single value", what), "");
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<std::string> YamlReader::String(const YAML::Node& map, const char* key, bool required) {
  const YAML::Node n = map[key];
  if (!n.IsDefined() || n.IsNull()) {
    if (required) Fail(map, fmt::format("missing required field '{}'", key), "");
    return std::nullopt;
  }
  auto s = Scalar(n, key);
  if (s && required && s->empty()) {
    Fail(n, fmt::format("'{}' is empty", key), "");
    return std::nullopt;
  }
  return s;
}

std::vector<std::string> YamlReader::StringList(const YAML::Node& map, const char* key, bool required) {
  std::vector<std::string> out;
  const YAML::Node n = map[key];
  if (!n.IsDefined() || n.IsNull()) {
    if (required) Fail(map, fmt::format("missing required field '{}'", key), "");
    return out;
  }
  if (!CheckSeq(n, key)) return out;
  for (const auto& item : n) {
    auto s = Scalar(item, key);
    if (s) out.push_back(*s);
  }
  return out;
}

std::optional<Date> YamlReader::DateField(const YAML::Node& map, const char* key, bool required) {
  auto s = String(map, key, required);
  if (!s) return std::nullopt;
  auto d = Date::Parse(*s);
  if (!d.ok()) {
    const Diagnostic& e = d.error().diagnostics().front();
    Fail(map[key], fmt::format("'{}': {}", key, e.message), e.hint);
    return std::nullopt;
  }
  return d.value();
}

}  // namespace conform
