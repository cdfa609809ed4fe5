// Reads `{attribute: value, ...}` maps in YAML against a vocabulary. Private
// to the library (used by the vocabulary loader and the classifier).
#ifndef CONFORM_KNOWLEDGE_ATTRIBUTE_YAML_H_
#define CONFORM_KNOWLEDGE_ATTRIBUTE_YAML_H_

#include <utility>
#include <vector>

#include "conform/core/vocabulary.h"
#include "core/yaml_util.h"

namespace conform {

// Unknown attributes and bad values are recorded on `r` and left out. A
// missing or null node gives an empty list.
std::vector<std::pair<AttributeId, double>> ReadAttributeMap(YamlReader& r, const YAML::Node& n, const Vocabulary& v);

}  // namespace conform

#endif  // CONFORM_KNOWLEDGE_ATTRIBUTE_YAML_H_
