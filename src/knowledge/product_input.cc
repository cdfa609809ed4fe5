#include "conform/knowledge/product_input.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

#include "conform/core/text.h"

namespace conform {

Result<AttributeText> SplitAttributeArgument(std::string_view arg) {
  const size_t eq = arg.find('=');
  if (eq == std::string_view::npos || eq == 0 || eq + 1 == arg.size())
    return Error(ErrorCode::kInvalidInput, fmt::format("attribute '{}' is not name=value", arg),
                 "write e.g. --attr input_voltage_ac=230");
  return AttributeText{std::string(arg.substr(0, eq)), std::string(arg.substr(eq + 1))};
}

Result<double> ParseAttributeValue(const AttributeDef& def, std::string_view text) {
  switch (def.type) {
    case AttributeType::kNumber: {
      const std::string s(text);
      char* end = nullptr;
      const double v = std::strtod(s.c_str(), &end);
      // Decimal only: strtod would also read "0x10" as 16 and skip leading
      // spaces.
      if (s.empty() || s.find_first_not_of("0123456789.+-eE") != std::string::npos || end != s.c_str() + s.size() ||
          !std::isfinite(v))
        return Error(ErrorCode::kInvalidInput, fmt::format("'{}' needs a number, got '{}'", def.name, text),
                     def.unit.empty() ? "write e.g. 5" : fmt::format("write the value in {}, e.g. {}=5", def.unit, def.name));
      if (v < def.min || v > def.max)
        return Error(ErrorCode::kInvalidInput,
                     fmt::format("'{}' = {} is out of range", def.name, text),
                     fmt::format("allowed: {} to {}{}", def.min, def.max, def.unit.empty() ? "" : " " + def.unit));
      return v;
    }
    case AttributeType::kBool: {
      const std::string s = AsciiLower(text);
      if (s == "true" || s == "yes" || s == "1") return 1.0;
      if (s == "false" || s == "no" || s == "0") return 0.0;
      return Error(ErrorCode::kInvalidInput, fmt::format("'{}' needs true or false, got '{}'", def.name, text),
                   "write true/false (or yes/no, 1/0)");
    }
    case AttributeType::kEnum: {
      const int idx = def.EnumIndex(text);
      if (idx < 0)
        return Error(ErrorCode::kInvalidInput, fmt::format("'{}' is not a value of '{}'", text, def.name),
                     SuggestionHint(text, def.values));
      return static_cast<double>(idx);
    }
  }
  return Error(ErrorCode::kInternal, "unknown attribute type");
}

SupplyAttributes::SupplyAttributes(const Vocabulary& vocab)
    : electrical(vocab.FindAttribute("electrical")),
      battery(vocab.FindAttribute("battery")),
      input_voltage_ac(vocab.FindAttribute("input_voltage_ac")),
      input_voltage_dc(vocab.FindAttribute("input_voltage_dc")),
      output_voltage_dc(vocab.FindAttribute("output_voltage_dc")),
      battery_none(battery ? vocab.attribute(*battery).EnumIndex("none") : -1) {}

void DeriveElectrical(const SupplyAttributes& s, AttributeValues* values) {
  if (!s.electrical || values->known(*s.electrical)) return;
  bool powered = false, all_unpowered = s.battery && s.battery_none >= 0;
  if (s.battery) {
    if (!values->known(*s.battery)) all_unpowered = false;
    else if (values->get(*s.battery) != s.battery_none) powered = true;
  }
  // An output voltage need not be stated to rule the supply out.
  for (const auto& [id, must_be_known] : {std::pair{s.input_voltage_ac, true}, std::pair{s.input_voltage_dc, true},
                                          std::pair{s.output_voltage_dc, false}}) {
    if (!id) continue;
    if (!values->known(*id)) all_unpowered = all_unpowered && !must_be_known;
    else if (values->get(*id) > 0) powered = true;
  }
  if (powered) values->set(*s.electrical, 1);
  else if (all_unpowered) values->set(*s.electrical, 0);
}

Result<Product> MakeProduct(const Vocabulary& vocab, std::string_view category,
                            const std::vector<AttributeText>& attributes) {
  const auto cat = vocab.FindCategory(category);
  if (!cat)
    return Error(ErrorCode::kInvalidInput, fmt::format("unknown category '{}'", category),
                 SuggestionHint(category, vocab.CategoryNames()));
  Product p;
  p.category = *cat;
  p.attributes = AttributeValues(vocab.attribute_count());
  for (const auto& [id, value] : vocab.category(*cat).implies) p.attributes.set(id, value);
  std::vector<bool> given(vocab.attribute_count(), false);
  for (const auto& [name, text] : attributes) {
    const auto id = vocab.FindAttribute(name);
    if (!id)
      return Error(ErrorCode::kInvalidInput, fmt::format("unknown attribute '{}'", name),
                   SuggestionHint(name, vocab.AttributeNames()));
    if (given[*id])
      return Error(ErrorCode::kInvalidInput, fmt::format("attribute '{}' is given twice", name), "give each attribute once");
    given[*id] = true;
    auto v = ParseAttributeValue(vocab.attribute(*id), text);
    if (!v.ok()) return v.error();
    p.attributes.set(*id, v.value());
  }
  DeriveElectrical(SupplyAttributes(vocab), &p.attributes);
  return p;
}

}  // namespace conform
