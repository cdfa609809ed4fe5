#include "conform/core/vocabulary.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>

namespace conform {

const char* AttributeTypeName(AttributeType t) {
  switch (t) {
    case AttributeType::kNumber: return "number";
    case AttributeType::kBool: return "bool";
    case AttributeType::kEnum: return "enum";
  }
  return "?";
}

std::string AttributeDef::ValueText(double value) const {
  switch (type) {
    case AttributeType::kBool: return value != 0 ? "true" : "false";
    case AttributeType::kEnum: return values[static_cast<size_t>(value)];
    case AttributeType::kNumber: return fmt::format("{}", value);
  }
  return "";
}

int AttributeDef::EnumIndex(std::string_view value) const {
  for (size_t i = 0; i < values.size(); ++i)
    if (values[i] == value) return static_cast<int>(i);
  return -1;
}

AttributeId Vocabulary::AddAttribute(AttributeDef def) {
  attributes_.push_back(std::move(def));
  return static_cast<AttributeId>(attributes_.size() - 1);
}

CategoryId Vocabulary::AddCategory(CategoryDef def) {
  categories_.push_back(std::move(def));
  return static_cast<CategoryId>(categories_.size() - 1);
}

std::optional<AttributeId> Vocabulary::FindAttribute(std::string_view name) const {
  for (size_t i = 0; i < attributes_.size(); ++i)
    if (attributes_[i].name == name) return static_cast<AttributeId>(i);
  return std::nullopt;
}

std::optional<CategoryId> Vocabulary::FindCategory(std::string_view name) const {
  for (size_t i = 0; i < categories_.size(); ++i)
    if (categories_[i].name == name) return static_cast<CategoryId>(i);
  return std::nullopt;
}

std::vector<std::string> Vocabulary::AttributeNames() const {
  std::vector<std::string> out;
  for (const auto& a : attributes_) out.push_back(a.name);
  return out;
}

std::vector<std::string> Vocabulary::CategoryNames() const {
  std::vector<std::string> out;
  for (const auto& c : categories_) out.push_back(c.name);
  return out;
}

std::vector<std::string> Vocabulary::Keys(const std::map<std::string, std::string>& m) {
  std::vector<std::string> out;
  for (const auto& [k, v] : m) out.push_back(k);
  return out;
}

AttributeValues::AttributeValues(size_t attribute_count)
    : values_(attribute_count, std::numeric_limits<double>::quiet_NaN()) {}

bool AttributeValues::known(AttributeId id) const { return id < values_.size() && !std::isnan(values_[id]); }

void AttributeValues::clear(AttributeId id) { values_[id] = std::numeric_limits<double>::quiet_NaN(); }

}  // namespace conform
