// A pack's own tests (opa-test style): example products with the requirement
// ids they must, may and must not get.
#ifndef CONFORM_KNOWLEDGE_PACK_TEST_H_
#define CONFORM_KNOWLEDGE_PACK_TEST_H_

#include <string>
#include <vector>

#include "conform/core/date.h"
#include "conform/core/product.h"

namespace conform {

using MarketId = uint16_t;

struct PackTest {
  std::string name;
  MarketId market = 0;
  Product product;
  Date on;
  std::vector<std::string> applies;      // must apply (definitely)
  std::vector<std::string> conditional;  // must be conditional
  std::vector<std::string> not_applies;  // must neither apply nor be conditional
  std::string file;
  int line = 0;
};

class KnowledgeBase;

struct PackTestOutcome {
  const PackTest* test = nullptr;
  std::vector<std::string> failures;  // empty when the test passed
};

// Runs every test of every pack in `kb`.
std::vector<PackTestOutcome> RunPackTests(const KnowledgeBase& kb);

}  // namespace conform

#endif  // CONFORM_KNOWLEDGE_PACK_TEST_H_
