// A product as the knowledge base sees it: one category and attribute values.
#ifndef CONFORM_CORE_PRODUCT_H_
#define CONFORM_CORE_PRODUCT_H_

#include "conform/core/vocabulary.h"

namespace conform {

struct Product {
  CategoryId category = 0;
  // Includes the values the category implies, unless the product overrode them.
  AttributeValues attributes;
};

}  // namespace conform

#endif  // CONFORM_CORE_PRODUCT_H_
