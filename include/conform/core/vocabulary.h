// The words of the domain: product categories, product attributes, conformity
// routes, marks, document kinds and economic-operator roles. A Vocabulary is
// data (loaded from data/vocabulary.yaml by knowledge/); rule packs and
// product descriptions are checked against it.
#ifndef CONFORM_CORE_VOCABULARY_H_
#define CONFORM_CORE_VOCABULARY_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace conform {

using AttributeId = uint16_t;
using CategoryId = uint16_t;

enum class AttributeType { kNumber, kBool, kEnum };
const char* AttributeTypeName(AttributeType t);

struct AttributeDef {
  std::string name;
  AttributeType type = AttributeType::kNumber;
  std::string unit;  // numbers only; may be empty
  double min = 0;    // numbers only, inclusive
  double max = 0;
  std::vector<std::string> values;  // enums only; a value is stored as its index
  std::string description;

  // Index of `value` in `values`, or -1.
  int EnumIndex(std::string_view value) const;
  // A value as the packs and listings write it: "true", "li_ion", "230".
  // Precondition: for enums, a valid index.
  std::string ValueText(double value) const;
};

struct CategoryDef {
  std::string name;
  std::string description;
  // Attribute values every product of this category has unless it says otherwise.
  std::vector<std::pair<AttributeId, double>> implies;
};

class Vocabulary {
 public:
  // Adders return the new id. Names must be unique (the loader checks).
  AttributeId AddAttribute(AttributeDef def);
  CategoryId AddCategory(CategoryDef def);
  void AddRoute(std::string name, std::string description) { routes_[std::move(name)] = std::move(description); }
  void AddMark(std::string name, std::string description) { marks_[std::move(name)] = std::move(description); }
  void AddDocument(std::string name, std::string description) { documents_[std::move(name)] = std::move(description); }
  void AddOperatorRole(std::string name, std::string description) { roles_[std::move(name)] = std::move(description); }

  std::optional<AttributeId> FindAttribute(std::string_view name) const;
  std::optional<CategoryId> FindCategory(std::string_view name) const;
  const AttributeDef& attribute(AttributeId id) const { return attributes_[id]; }
  const CategoryDef& category(CategoryId id) const { return categories_[id]; }
  size_t attribute_count() const { return attributes_.size(); }
  size_t category_count() const { return categories_.size(); }

  bool HasRoute(std::string_view n) const { return routes_.count(std::string(n)) > 0; }
  bool HasMark(std::string_view n) const { return marks_.count(std::string(n)) > 0; }
  bool HasDocument(std::string_view n) const { return documents_.count(std::string(n)) > 0; }
  bool HasOperatorRole(std::string_view n) const { return roles_.count(std::string(n)) > 0; }

  // Documents that a requirement may list but that do not, on their own,
  // show conformity to a third party (technical files, user instructions):
  // they count as evidence only for requirements that list nothing else.
  void AddSupportingDocument(std::string name) { supporting_.push_back(std::move(name)); }
  bool IsSupportingDocument(std::string_view n) const {
    for (const auto& s : supporting_)
      if (s == n) return true;
    return false;
  }

  // Names, in definition order (attributes, categories) or sorted (the rest),
  // for hints and listings.
  std::vector<std::string> AttributeNames() const;
  std::vector<std::string> CategoryNames() const;
  std::vector<std::string> RouteNames() const { return Keys(routes_); }
  std::vector<std::string> MarkNames() const { return Keys(marks_); }
  std::vector<std::string> DocumentNames() const { return Keys(documents_); }
  std::vector<std::string> OperatorRoleNames() const { return Keys(roles_); }

 private:
  static std::vector<std::string> Keys(const std::map<std::string, std::string>& m);

  std::vector<AttributeDef> attributes_;
  std::vector<CategoryDef> categories_;
  std::map<std::string, std::string> routes_, marks_, documents_, roles_;
  std::vector<std::string> supporting_;
};

// A product's attribute values, indexed by AttributeId. An unstated value is
// unknown, which conditions treat as such (three-valued logic). Booleans are
// stored as 0/1 and enum values as their index.
class AttributeValues {
 public:
  AttributeValues() = default;
  explicit AttributeValues(size_t attribute_count);

  bool known(AttributeId id) const;
  // Precondition: known(id).
  double get(AttributeId id) const { return values_[id]; }
  void set(AttributeId id, double value) { values_[id] = value; }
  void clear(AttributeId id);
  size_t size() const { return values_.size(); }
  const double* data() const { return values_.data(); }

 private:
  std::vector<double> values_;  // NaN means unknown
};

}  // namespace conform

#endif  // CONFORM_CORE_VOCABULARY_H_
