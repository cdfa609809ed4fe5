#include "conform/knowledge/product_input.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace conform {
namespace {

TEST(ProductInputTest, SplitsNameValue) {
  auto kv = SplitAttributeArgument("input_voltage_ac=230");
  ASSERT_TRUE(kv.ok());
  EXPECT_EQ(kv.value().first, "input_voltage_ac");
  EXPECT_EQ(kv.value().second, "230");
  EXPECT_FALSE(SplitAttributeArgument("radio").ok());
  EXPECT_FALSE(SplitAttributeArgument("=1").ok());
  EXPECT_FALSE(SplitAttributeArgument("radio=").ok());
}

TEST(ProductInputTest, CategoryImpliesAttributesAndProductWins) {
  const Vocabulary& v = TestVocabulary();
  auto p = MakeProduct(v, "power_bank", {});
  ASSERT_TRUE(p.ok());
  const AttributeId battery = *v.FindAttribute("battery");
  EXPECT_EQ(p.value().attributes.get(battery), v.attribute(battery).EnumIndex("li_ion"));
  auto q = MakeProduct(v, "power_bank", {{"battery", "other"}});
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q.value().attributes.get(battery), v.attribute(battery).EnumIndex("other"));
  EXPECT_FALSE(q.value().attributes.known(*v.FindAttribute("radio")));
}

TEST(ProductInputTest, RejectsBadInputWithHints) {
  const Vocabulary& v = TestVocabulary();
  auto bad_cat = MakeProduct(v, "chargr", {});
  ASSERT_FALSE(bad_cat.ok());
  EXPECT_NE(bad_cat.error().ToString().find("did you mean 'charger'"), std::string::npos);
  auto bad_attr = MakeProduct(v, "charger", {{"input_voltage", "230"}});
  ASSERT_FALSE(bad_attr.ok());
  EXPECT_NE(bad_attr.error().ToString().find("input_voltage_ac"), std::string::npos);
  EXPECT_FALSE(MakeProduct(v, "charger", {{"input_voltage_ac", "high"}}).ok());
  EXPECT_FALSE(MakeProduct(v, "charger", {{"input_voltage_ac", "-5"}}).ok());
  EXPECT_FALSE(MakeProduct(v, "charger", {{"input_voltage_ac", "1e9"}}).ok());
  EXPECT_FALSE(MakeProduct(v, "charger", {{"input_voltage_ac", "nan"}}).ok());
  EXPECT_FALSE(MakeProduct(v, "charger", {{"input_voltage_ac", "0x10"}}).ok());  // not 16
  EXPECT_FALSE(MakeProduct(v, "charger", {{"input_voltage_ac", " 230"}}).ok());
  EXPECT_TRUE(MakeProduct(v, "charger", {{"input_voltage_ac", "2.3e2"}}).ok());
  EXPECT_FALSE(MakeProduct(v, "charger", {{"radio", "maybe"}}).ok());
  EXPECT_FALSE(MakeProduct(v, "charger", {{"battery", "lithium"}}).ok());
  EXPECT_FALSE(MakeProduct(v, "charger", {{"radio", "true"}, {"radio", "false"}}).ok());
}

}  // namespace
}  // namespace conform
