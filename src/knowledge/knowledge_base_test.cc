#include "conform/knowledge/knowledge_base.h"

#include <gtest/gtest.h>

#include "conform/knowledge/pack_test.h"
#include "conform/knowledge/product_input.h"
#include "conform/knowledge/requirements_report.h"

namespace conform {
namespace {

class KnowledgeBaseTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto r = KnowledgeBase::Load(CONFORM_TEST_DATA_DIR "/vocabulary.yaml", CONFORM_TEST_DATA_DIR "/good_packs");
    ASSERT_TRUE(r.ok()) << r.error().ToString();
    kb_ = new KnowledgeBase(std::move(r).value());
  }
  static void TearDownTestSuite() { delete kb_; }

  std::vector<std::pair<std::string, Tri>> Query(const std::string& category, const std::vector<AttributeText>& attrs,
                                                 const char* on) {
    auto p = MakeProduct(kb_->vocabulary(), category, attrs);
    EXPECT_TRUE(p.ok());
    std::vector<Applicability> out;
    kb_->Applicable(p.value(), *kb_->FindMarket("XA"), Date::Parse(on).value(), &out);
    std::vector<std::pair<std::string, Tri>> ids;
    for (const auto& a : out) ids.emplace_back(a.requirement->id, a.status);
    return ids;
  }

  static KnowledgeBase* kb_;
};
KnowledgeBase* KnowledgeBaseTest::kb_ = nullptr;

using Ids = std::vector<std::pair<std::string, Tri>>;

TEST_F(KnowledgeBaseTest, FindsMarketsByCodeAndAliasIgnoringCase) {
  EXPECT_TRUE(kb_->FindMarket("XA"));
  EXPECT_TRUE(kb_->FindMarket("xa"));
  EXPECT_TRUE(kb_->FindMarket("XZ"));
  EXPECT_FALSE(kb_->FindMarket("XB"));
  auto r = kb_->ResolveMarket("QQ");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().ToString().find("markets with a rule pack: XA"), std::string::npos);
}

TEST_F(KnowledgeBaseTest, AppliesByCategoryConditionAndDateInIdOrder) {
  EXPECT_EQ(Query("charger", {{"input_voltage_ac", "230"}}, "2025-01-01"),
            (Ids{{"XA-MAINS", Tri::kTrue}, {"XA-SAFETY", Tri::kTrue}}));
  EXPECT_EQ(Query("charger", {{"input_voltage_ac", "12"}}, "2025-01-01"), (Ids{{"XA-SAFETY", Tri::kTrue}}));
  // Before the act existed.
  EXPECT_EQ(Query("charger", {{"input_voltage_ac", "230"}}, "2016-04-19"), (Ids{}));
}

TEST_F(KnowledgeBaseTest, ChangesAnswerOnTheDayTheLawChanges) {
  EXPECT_EQ(Query("power_bank", {}, "2024-07-31"), (Ids{{"XA-OLD-BATTERY", Tri::kTrue}, {"XA-SAFETY", Tri::kTrue}}));
  EXPECT_EQ(Query("power_bank", {}, "2024-08-01"), (Ids{{"XA-NEW-BATTERY", Tri::kTrue}, {"XA-SAFETY", Tri::kTrue}}));
}

TEST_F(KnowledgeBaseTest, UnstatedAttributesMakeRequirementsConditional) {
  auto p = MakeProduct(kb_->vocabulary(), "toy", {{"intended_age_max", "8"}});
  ASSERT_TRUE(p.ok());
  std::vector<Applicability> out;
  kb_->Applicable(p.value(), 0, Date::Parse("2025-01-01").value(), &out);
  const Applicability* radio = nullptr;
  for (const auto& a : out)
    if (a.requirement->id == "XA-CHILD-RADIO") radio = &a;
  ASSERT_NE(radio, nullptr);
  EXPECT_EQ(radio->status, Tri::kUnknown);
  const auto undecided = kb_->Undecided(*radio->requirement, p.value());
  ASSERT_EQ(undecided.size(), 1u);
  EXPECT_EQ(kb_->vocabulary().attribute(undecided[0]).name, "radio");
  // Stating the attribute decides it.
  EXPECT_EQ(Query("toy", {{"intended_age_max", "8"}, {"radio", "false"}, {"input_voltage_ac", "0"}, {"battery", "none"}},
                  "2025-01-01"),
            (Ids{{"XA-SAFETY", Tri::kTrue}}));
}

TEST_F(KnowledgeBaseTest, PackTestsPass) {
  for (const auto& o : RunPackTests(*kb_)) EXPECT_TRUE(o.failures.empty()) << o.test->name << ": " << o.failures[0];
}

TEST_F(KnowledgeBaseTest, JsonReportCarriesCitationsAndStatus) {
  RequirementsQuery q;
  q.markets = {0};
  q.category = "toy";
  q.attributes = {{"intended_age_max", "8"}};
  q.product = MakeProduct(kb_->vocabulary(), "toy", q.attributes).value();
  q.on = Date::Parse("2025-01-01").value();
  const std::string json = RenderRequirements(*kb_, AnswerRequirements(*kb_, q), ReportFormat::kJson);
  for (const char* s : {"\"requirements\"", "\"id\": \"XA-CHILD-RADIO\"", "\"status\": \"conditional\"",
                        "\"undecided_attributes\": [\n        \"radio\"", "\"legal_act\": \"Test Act 5\"",
                        "\"citation\": \"Art. 5\"", "\"source_url\": \"https://example.org/act5\"",
                        "\"effective_from\": \"2020-01-01\"", "\"on\": \"2025-01-01\""})
    EXPECT_NE(json.find(s), std::string::npos) << s << "\n" << json;
  const std::string md = RenderRequirements(*kb_, AnswerRequirements(*kb_, q), ReportFormat::kMarkdown);
  EXPECT_NE(md.find("| XA-CHILD-RADIO | conditional (if `radio && intended_age_max <= 12`) |"), std::string::npos) << md;
  const std::string table = RenderRequirements(*kb_, AnswerRequirements(*kb_, q), ReportFormat::kTable);
  EXPECT_NE(table.find("applies if: radio && intended_age_max <= 12  (state: radio)"), std::string::npos) << table;
}

}  // namespace
}  // namespace conform
