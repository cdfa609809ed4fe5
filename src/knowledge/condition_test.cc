#include "conform/knowledge/condition.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <random>

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

namespace conform {
namespace {

// Property test: random expressions, compiled and evaluated, agree with a
// direct recursive evaluation of the same expression tree.
struct Expr {
  enum Kind { kCmpNum, kBoolAttr, kEnumIn, kNot, kAnd, kOr } kind;
  std::string attr;
  std::string op;
  double k = 0;
  std::vector<std::string> values;
  std::unique_ptr<Expr> l, r;
};

std::unique_ptr<Expr> RandomExpr(std::mt19937& rng, int depth) {
  auto e = std::make_unique<Expr>();
  const int pick = depth <= 0 ? static_cast<int>(rng() % 3) : static_cast<int>(rng() % 6);
  static const char* kOps[] = {"==", "!=", "<", "<=", ">", ">="};
  static const char* kNums[] = {"input_voltage_ac", "output_voltage_dc", "intended_age_max"};
  static const char* kBools[] = {"radio", "connectable"};
  static const char* kBattery[] = {"none", "li_ion", "button_cell", "other"};
  switch (pick) {
    case 0: e->kind = Expr::kCmpNum; e->attr = kNums[rng() % 3]; e->op = kOps[rng() % 6]; e->k = rng() % 300; break;
    case 1: e->kind = Expr::kBoolAttr; e->attr = kBools[rng() % 2]; break;
    case 2:
      e->kind = Expr::kEnumIn;
      e->attr = "battery";
      for (int i = 0, n = 1 + static_cast<int>(rng() % 3); i < n; ++i) e->values.push_back(kBattery[rng() % 4]);
      break;
    case 3: e->kind = Expr::kNot; e->l = RandomExpr(rng, depth - 1); break;
    case 4: e->kind = Expr::kAnd; e->l = RandomExpr(rng, depth - 1); e->r = RandomExpr(rng, depth - 1); break;
    default: e->kind = Expr::kOr; e->l = RandomExpr(rng, depth - 1); e->r = RandomExpr(rng, depth - 1); break;
  }
  return e;
}

std::string Print(const Expr& e) {
  switch (e.kind) {
    case Expr::kCmpNum: return e.attr + " " + e.op + " " + std::to_string(static_cast<int>(e.k));
    case Expr::kBoolAttr: return e.attr;
    case Expr::kEnumIn: {
      std::string s = e.attr + " in [";
      for (size_t i = 0; i < e.values.size(); ++i) s += (i ? ", '" : "'") + e.values[i] + "'";
      return s + "]";
    }
    case Expr::kNot: return "!(" + Print(*e.l) + ")";
    case Expr::kAnd: return "(" + Print(*e.l) + ") && (" + Print(*e.r) + ")";
    case Expr::kOr: return "(" + Print(*e.l) + ") || (" + Print(*e.r) + ")";
  }
  return "";
}

// Reference semantics, written independently of the compiler: Kleene logic
// with std::optional<bool> for unknown.
std::optional<bool> Reference(const Expr& e, const Vocabulary& v, const AttributeValues& vals) {
  const auto value = [&](const std::string& name) -> std::optional<double> {
    const AttributeId id = *v.FindAttribute(name);
    return vals.known(id) ? std::optional<double>(vals.get(id)) : std::nullopt;
  };
  switch (e.kind) {
    case Expr::kCmpNum: {
      auto x = value(e.attr);
      if (!x) return std::nullopt;
      if (e.op == "==") return *x == e.k;
      if (e.op == "!=") return *x != e.k;
      if (e.op == "<") return *x < e.k;
      if (e.op == "<=") return *x <= e.k;
      if (e.op == ">") return *x > e.k;
      return *x >= e.k;
    }
    case Expr::kBoolAttr: {
      auto x = value(e.attr);
      if (!x) return std::nullopt;
      return *x != 0;
    }
    case Expr::kEnumIn: {
      auto x = value(e.attr);
      if (!x) return std::nullopt;
      const std::string& actual = v.attribute(*v.FindAttribute(e.attr)).values[static_cast<size_t>(*x)];
      return std::find(e.values.begin(), e.values.end(), actual) != e.values.end();
    }
    case Expr::kNot: {
      auto x = Reference(*e.l, v, vals);
      if (!x) return std::nullopt;
      return !*x;
    }
    case Expr::kAnd: {
      auto a = Reference(*e.l, v, vals), b = Reference(*e.r, v, vals);
      if ((a && !*a) || (b && !*b)) return false;
      if (!a || !b) return std::nullopt;
      return true;
    }
    case Expr::kOr: {
      auto a = Reference(*e.l, v, vals), b = Reference(*e.r, v, vals);
      if ((a && *a) || (b && *b)) return true;
      if (!a || !b) return std::nullopt;
      return false;
    }
  }
  return std::nullopt;
}

TEST(ConditionPropertyTest, CompiledEvaluationMatchesReference) {
  const Vocabulary& v = TestVocabulary();
  std::mt19937 rng(20261124);
  int unknowns = 0, trues = 0, falses = 0;
  for (int round = 0; round < 500; ++round) {
    const auto expr = RandomExpr(rng, 1 + static_cast<int>(rng() % 5));
    const std::string text = Print(*expr);
    auto c = Condition::Compile(text, v);
    ASSERT_TRUE(c.ok()) << text << ": " << c.error().ToString();
    for (int p = 0; p < 20; ++p) {
      AttributeValues vals(v.attribute_count());
      for (size_t a = 0; a < v.attribute_count(); ++a) {
        if (rng() % 4 == 0) continue;  // unknown
        const AttributeDef& d = v.attribute(static_cast<AttributeId>(a));
        vals.set(static_cast<AttributeId>(a), d.type == AttributeType::kEnum ? rng() % d.values.size()
                                              : d.type == AttributeType::kBool ? rng() % 2 : rng() % 300);
      }
      const auto want = Reference(*expr, v, vals);
      const Tri got = c.value().Evaluate(vals);
      const Tri expected = !want ? Tri::kUnknown : *want ? Tri::kTrue : Tri::kFalse;
      ASSERT_EQ(got, expected) << text;
      unknowns += got == Tri::kUnknown;
      trues += got == Tri::kTrue;
      falses += got == Tri::kFalse;
    }
  }
  // The generator exercises all three outcomes.
  EXPECT_GT(unknowns, 100);
  EXPECT_GT(trues, 100);
  EXPECT_GT(falses, 100);
}

TEST(ConditionPropertyTest, ArbitraryBytesNeverCrashTheCompiler) {
  std::mt19937 rng(7);
  const std::string alphabet = "radio&|!()[]<>=',\" 0123456789.-_battery in true false\x01\xff";
  for (int i = 0; i < 5000; ++i) {
    std::string s;
    for (int n = static_cast<int>(rng() % 40); n > 0; --n) s += alphabet[rng() % alphabet.size()];
    auto c = Condition::Compile(s, TestVocabulary());
    if (c.ok()) {
      (void)c.value().Evaluate(AttributeValues(TestVocabulary().attribute_count()));
    } else {
      EXPECT_GE(c.error().diagnostics().front().column, 1) << s;
    }
  }
}

}  // namespace
}  // namespace conform

namespace conform {
namespace {

TEST(ConditionTreeTest, RebuildsTheExpression) {
  const auto c = Condition::Compile("radio && (battery in ['li_ion'] || !(input_voltage_ac < 50))", TestVocabulary());
  ASSERT_TRUE(c.ok());
  const Condition::Node t = c.value().Tree();
  ASSERT_EQ(t.kind, Condition::Node::Kind::kAnd);
  EXPECT_EQ(t.children[0].kind, Condition::Node::Kind::kCompare);  // radio == true
  EXPECT_EQ(TestVocabulary().attribute(t.children[0].attribute).name, "radio");
  EXPECT_EQ(t.children[0].value, 1);
  const auto& any = t.children[1];
  ASSERT_EQ(any.kind, Condition::Node::Kind::kOr);
  EXPECT_EQ(any.children[0].kind, Condition::Node::Kind::kIn);
  EXPECT_EQ(any.children[0].values, std::vector<double>{1});  // li_ion's index
  ASSERT_EQ(any.children[1].kind, Condition::Node::Kind::kNot);
  EXPECT_STREQ(any.children[1].children[0].op, "<");
  EXPECT_EQ(any.children[1].children[0].value, 50);
  EXPECT_EQ(Condition().Tree().kind, Condition::Node::Kind::kTrue);
}

}  // namespace
}  // namespace conform
