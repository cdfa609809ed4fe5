// Turning what a user or a pack writes about a product into a Product.
#ifndef CONFORM_KNOWLEDGE_PRODUCT_INPUT_H_
#define CONFORM_KNOWLEDGE_PRODUCT_INPUT_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "conform/core/product.h"
#include "conform/core/result.h"
#include "conform/core/vocabulary.h"

namespace conform {

using AttributeText = std::pair<std::string, std::string>;  // name, value as written

// Splits "name=value". Error when there is no '=' or either side is empty.
Result<AttributeText> SplitAttributeArgument(std::string_view arg);

// Parses one value for `def`: numbers ("230", "3.5") within [min, max]; bools
// (true/false, yes/no, 1/0); enum values as declared.
Result<double> ParseAttributeValue(const AttributeDef& def, std::string_view text);

// The attributes `electrical` follows from, looked up once per vocabulary
// (absent ones stay empty).
struct SupplyAttributes {
  explicit SupplyAttributes(const Vocabulary& vocab);
  std::optional<AttributeId> electrical, battery, input_voltage_ac, input_voltage_dc, output_voltage_dc;
  int battery_none = -1;  // enum index of battery 'none'
};

// Sets `electrical` when it is unknown and the supply decides it: a battery
// (other than none) or a supply or output voltage above 0 makes the product
// electrical; no battery and no AC or DC supply, all three known, makes it
// not. Other cases (and vocabularies without these attributes) are left as
// they are. Rules may then ask `electrical` alone of a product that says
// only "electric".
void DeriveElectrical(const SupplyAttributes& supply, AttributeValues* values);

// Builds a product of category `category` with the given attributes on top of
// what the category implies, `electrical` derived (DeriveElectrical). Errors
// (each with a hint): unknown category or attribute, a value of the wrong
// kind or out of range, an attribute given twice.
Result<Product> MakeProduct(const Vocabulary& vocab, std::string_view category,
                            const std::vector<AttributeText>& attributes);

}  // namespace conform

#endif  // CONFORM_KNOWLEDGE_PRODUCT_INPUT_H_
