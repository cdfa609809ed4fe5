#include "conform/knowledge/condition.h"

#include <gtest/gtest.h>

#include "conform/knowledge/product_input.h"
#include "test_util.h"

namespace conform {
namespace {

Condition MustCompile(std::string_view text) {
  auto c = Condition::Compile(text, TestVocabulary());
  EXPECT_TRUE(c.ok()) << text << ": " << (c.ok() ? "" : c.error().ToString());
  return c.ok() ? std::move(c).value() : Condition();
}

// Evaluates `text` for a charger with the given attributes.
Tri Eval(std::string_view text, const std::vector<AttributeText>& attrs) {
  auto p = MakeProduct(TestVocabulary(), "charger", attrs);
  EXPECT_TRUE(p.ok());
  return MustCompile(text).Evaluate(p.value().attributes);
}

// The 1-based column of the first error, or 0 when it compiles.
int ErrorColumn(std::string_view text, std::string* message = nullptr) {
  auto c = Condition::Compile(text, TestVocabulary());
  if (c.ok()) return 0;
  if (message) *message = c.error().diagnostics().front().message + " | " + c.error().diagnostics().front().hint;
  return c.error().diagnostics().front().column;
}

TEST(ConditionTest, ComparesNumbers) {
  EXPECT_EQ(Eval("input_voltage_ac >= 50", {{"input_voltage_ac", "230"}}), Tri::kTrue);
  EXPECT_EQ(Eval("input_voltage_ac >= 50", {{"input_voltage_ac", "12"}}), Tri::kFalse);
  EXPECT_EQ(Eval("input_voltage_ac < 50", {{"input_voltage_ac", "50"}}), Tri::kFalse);
  EXPECT_EQ(Eval("input_voltage_ac == 230", {{"input_voltage_ac", "230"}}), Tri::kTrue);
  EXPECT_EQ(Eval("input_voltage_ac != 230", {{"input_voltage_ac", "230"}}), Tri::kFalse);
  EXPECT_EQ(Eval("input_voltage_ac > 0.5", {{"input_voltage_ac", "1"}}), Tri::kTrue);
}

TEST(ConditionTest, ConstantOnTheLeftIsFlipped) {
  EXPECT_EQ(Eval("50 <= input_voltage_ac", {{"input_voltage_ac", "230"}}), Tri::kTrue);
  EXPECT_EQ(Eval("50 > input_voltage_ac", {{"input_voltage_ac", "230"}}), Tri::kFalse);
}

TEST(ConditionTest, BoolsAndEnums) {
  EXPECT_EQ(Eval("radio", {{"radio", "true"}}), Tri::kTrue);
  EXPECT_EQ(Eval("!radio", {{"radio", "true"}}), Tri::kFalse);
  EXPECT_EQ(Eval("radio == false", {{"radio", "no"}}), Tri::kTrue);
  EXPECT_EQ(Eval("battery == 'li_ion'", {{"battery", "li_ion"}}), Tri::kTrue);
  EXPECT_EQ(Eval("battery != \"li_ion\"", {{"battery", "button_cell"}}), Tri::kTrue);
  EXPECT_EQ(Eval("battery in ['li_ion', 'other']", {{"battery", "other"}}), Tri::kTrue);
  EXPECT_EQ(Eval("battery in ['li_ion', 'other']", {{"battery", "none"}}), Tri::kFalse);
  EXPECT_EQ(Eval("input_voltage_ac in [120, 230]", {{"input_voltage_ac", "120"}}), Tri::kTrue);
}

TEST(ConditionTest, AttributeAgainstAttribute) {
  EXPECT_EQ(Eval("output_voltage_dc < input_voltage_ac", {{"input_voltage_ac", "230"}, {"output_voltage_dc", "5"}}),
            Tri::kTrue);
  EXPECT_EQ(Eval("radio == connectable", {{"radio", "true"}, {"connectable", "false"}}), Tri::kFalse);
  EXPECT_EQ(Eval("radio == connectable", {{"radio", "true"}}), Tri::kUnknown);
}

TEST(ConditionTest, PrecedenceAndParentheses) {
  // && binds tighter than ||.
  EXPECT_EQ(Eval("radio || connectable && false", {{"radio", "true"}, {"connectable", "true"}}), Tri::kTrue);
  EXPECT_EQ(Eval("(radio || connectable) && false", {{"radio", "true"}, {"connectable", "true"}}), Tri::kFalse);
  EXPECT_EQ(Eval("!(radio && connectable)", {{"radio", "true"}, {"connectable", "true"}}), Tri::kFalse);
  EXPECT_EQ(Eval("!!radio", {{"radio", "true"}}), Tri::kTrue);
}

TEST(ConditionTest, UnknownFollowsKleeneLogic) {
  EXPECT_EQ(Eval("radio", {}), Tri::kUnknown);
  EXPECT_EQ(Eval("!radio", {}), Tri::kUnknown);
  EXPECT_EQ(Eval("radio && false", {}), Tri::kFalse);
  EXPECT_EQ(Eval("radio && true", {}), Tri::kUnknown);
  EXPECT_EQ(Eval("radio || true", {}), Tri::kTrue);
  EXPECT_EQ(Eval("radio || false", {}), Tri::kUnknown);
  EXPECT_EQ(Eval("radio && input_voltage_ac > 50", {{"input_voltage_ac", "12"}}), Tri::kFalse);
  EXPECT_EQ(Eval("radio || input_voltage_ac > 50", {{"input_voltage_ac", "230"}}), Tri::kTrue);
  EXPECT_EQ(Eval("battery in ['li_ion']", {}), Tri::kUnknown);
}

TEST(ConditionTest, ListsTheAttributesItReads) {
  const Condition c = MustCompile("radio && (connectable || radio) && input_voltage_ac > 1");
  ASSERT_EQ(c.attributes().size(), 3u);
  EXPECT_EQ(TestVocabulary().attribute(c.attributes()[0]).name, "radio");
  EXPECT_EQ(TestVocabulary().attribute(c.attributes()[1]).name, "connectable");
  EXPECT_EQ(TestVocabulary().attribute(c.attributes()[2]).name, "input_voltage_ac");
  EXPECT_TRUE(Condition().always());
  EXPECT_EQ(Condition().Evaluate(AttributeValues(6)), Tri::kTrue);
}

TEST(ConditionTest, ReportsErrorsAtTheirColumn) {
  std::string msg;
  EXPECT_EQ(ErrorColumn("radoi", &msg), 1);
  EXPECT_NE(msg.find("did you mean 'radio'"), std::string::npos) << msg;
  EXPECT_EQ(ErrorColumn("radio && battery == 'lithium'", &msg), 21);
  EXPECT_NE(msg.find("not a value of 'battery'"), std::string::npos) << msg;
  EXPECT_EQ(ErrorColumn("input_voltage_ac = 230", &msg), 18);
  EXPECT_NE(msg.find("=="), std::string::npos) << msg;
  EXPECT_EQ(ErrorColumn("(radio && connectable", &msg), 22);
  EXPECT_NE(msg.find("')'"), std::string::npos) << msg;
  EXPECT_EQ(ErrorColumn("radio and connectable", &msg), 7);
  EXPECT_NE(msg.find("&&"), std::string::npos) << msg;
  EXPECT_EQ(ErrorColumn("radio && 'x", &msg), 10);
  EXPECT_EQ(ErrorColumn("radio &&", &msg), 9);
  EXPECT_EQ(ErrorColumn("radio # 1", &msg), 7);
}

TEST(ConditionTest, RejectsTypeMismatches) {
  std::string msg;
  EXPECT_GT(ErrorColumn("battery > 1", &msg), 0);
  EXPECT_NE(msg.find("only == and !="), std::string::npos) << msg;
  EXPECT_GT(ErrorColumn("radio == 1", &msg), 0);
  EXPECT_GT(ErrorColumn("input_voltage_ac == 'high'", &msg), 0);
  EXPECT_GT(ErrorColumn("battery", &msg), 0);
  EXPECT_NE(msg.find("not a condition by itself"), std::string::npos) << msg;
  EXPECT_GT(ErrorColumn("input_voltage_ac", &msg), 0);
  EXPECT_GT(ErrorColumn("1 < 2", &msg), 0);
  EXPECT_GT(ErrorColumn("radio == battery", &msg), 0);
  EXPECT_GT(ErrorColumn("battery in [1, 2]", &msg), 0);
  EXPECT_GT(ErrorColumn("battery in 'li_ion'", &msg), 0);
  EXPECT_GT(ErrorColumn("", &msg), 0);
}

TEST(ConditionTest, BoundsNestingAndLength) {
  std::string deep;
  for (int i = 0; i < 40; ++i) deep += "(";
  deep += "radio";
  for (int i = 0; i < 40; ++i) deep += ")";
  std::string msg;
  EXPECT_GT(ErrorColumn(deep, &msg), 0);
  EXPECT_NE(msg.find("nested too deeply"), std::string::npos) << msg;

  std::string right_heavy = "radio";
  for (int i = 0; i < 40; ++i) right_heavy = "radio && (" + right_heavy + ")";
  EXPECT_GT(ErrorColumn(right_heavy), 0);

  std::string long_chain = "radio";
  for (int i = 0; i < 200; ++i) long_chain += " || radio";  // flat: fine
  EXPECT_EQ(ErrorColumn(long_chain), 0);
  EXPECT_GT(ErrorColumn(std::string(Condition::kMaxLength + 1, ' ')), 0);
}

}  // namespace
}  // namespace conform
