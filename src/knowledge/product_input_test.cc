#include "conform/knowledge/product_input.h"

#include <gtest/gtest.h>

#include "conform/knowledge/vocabulary_loader.h"
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

// `electrical` follows from the supply when not given: a battery or a
// voltage makes a product electrical, no battery and no supply make it not.
TEST(ProductInputTest, ElectricalFollowsFromTheSupply) {
  auto loaded = LoadVocabulary(CONFORM_SHIPPED_DATA_DIR "/vocabulary.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  const Vocabulary& v = loaded.value();
  const AttributeId electrical = *v.FindAttribute("electrical");
  const auto of = [&](const std::vector<AttributeText>& attrs) -> double {
    auto p = MakeProduct(v, "toy", attrs);
    EXPECT_TRUE(p.ok());
    return p.ok() && p.value().attributes.known(electrical) ? p.value().attributes.get(electrical) : -1;
  };
  EXPECT_EQ(of({{"battery", "button_cell"}}), 1);
  EXPECT_EQ(of({{"input_voltage_dc", "5"}}), 1);
  EXPECT_EQ(of({{"battery", "none"}, {"input_voltage_ac", "0"}, {"input_voltage_dc", "0"}}), 0);
  EXPECT_EQ(of({{"battery", "none"}, {"input_voltage_ac", "0"}}), -1);  // USB power not ruled out
  EXPECT_EQ(of({}), -1);
  EXPECT_EQ(of({{"electrical", "false"}, {"battery", "li_ion"}}), 0);  // as given
  // A category's implied value stands.
  auto mug = MakeProduct(v, "food_contact", {});
  ASSERT_TRUE(mug.ok());
  EXPECT_EQ(mug.value().attributes.get(electrical), 0);
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
