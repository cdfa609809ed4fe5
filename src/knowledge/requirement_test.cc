#include "conform/knowledge/requirement.h"

#include <gtest/gtest.h>

namespace conform {
namespace {

TEST(RequirementTest, OneStandardHoweverItsDesignationIsWritten) {
  EXPECT_EQ(StandardIdKey("GB/T 4706.1"), StandardIdKey("GB 4706.1"));
  EXPECT_EQ(StandardIdKey("gb 4706.1"), "GB4706.1");
  for (const char* adoption : {"DIN EN 71-3", "BS EN 71-3", "UNE-EN 71-3", "NF EN 71-3", "SS-EN 71-3", "PN-EN 71-3", "EN 71-3"})
    EXPECT_EQ(StandardIdKey(adoption), "EN71-3") << adoption;
  EXPECT_EQ(StandardIdKey("DIN EN IEC 62368-1"), "ENIEC62368-1");
  // Not an adoption of an EN: left as it is.
  EXPECT_EQ(StandardIdKey("DIN 5035"), "DIN5035");
  EXPECT_EQ(StandardIdKey("BS 1363"), "BS1363");
  EXPECT_NE(StandardIdKey("EN 71-3"), StandardIdKey("EN 71-1"));
}

TEST(RequirementTest, EditionsOfOneStandardAreAlternatives) {
  const std::vector<StandardRef> standards = {{"GB 4706.1", "2005"}, {"GB 4943.1", "2022"}, {"GB/T 4706.1", "2024"}};
  EXPECT_EQ(StandardAlternatives(standards), (std::vector<std::string>{"GB 4706.1:2005 or GB/T 4706.1:2024", "GB 4943.1:2022"}));
}

}  // namespace
}  // namespace conform
