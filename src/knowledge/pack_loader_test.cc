#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "conform/knowledge/knowledge_base.h"
#include "conform/knowledge/vocabulary_loader.h"

namespace conform {
namespace {

namespace fs = std::filesystem;
const std::string kVocab = CONFORM_TEST_DATA_DIR "/vocabulary.yaml";

// A temporary pack directory holding one pack with the given text.
class TempPacks {
 public:
  explicit TempPacks(const std::string& text) {
    dir_ = fs::temp_directory_path() / ("conform_packs_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                                        "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    std::ofstream(dir_ / "xc.yaml") << text;
  }
  ~TempPacks() { fs::remove_all(dir_); }
  std::string dir() const { return dir_.string(); }

 private:
  fs::path dir_;
};

const char* kHeader =
    "schema: conform-pack/1\nmarket: XC\nname: Test C\nversion: 2026.01.0\n";
const char* kOneTest =
    "tests:\n  - {name: t, category: charger, on: 2025-01-01, applies: [XC-A]}\n";

std::string Requirement(const std::string& extra) {
  return "requirements:\n"
         "  - id: XC-A\n"
         "    legal_act: Act\n"
         "    title: T\n"
         "    citation: Art. 1\n"
         "    source_url: https://example.org\n"
         "    applies_to: [charger]\n"
         "    route: self_declaration\n"
         "    effective_from: 2020-01-01\n" + extra;
}

Result<KnowledgeBase> LoadText(const std::string& text) {
  TempPacks p(text);
  return KnowledgeBase::Load(kVocab, p.dir());
}

TEST(PackLoaderTest, LoadsAGoodPack) {
  auto kb = LoadText(std::string(kHeader) + Requirement("") + kOneTest);
  ASSERT_TRUE(kb.ok()) << kb.error().ToString();
  EXPECT_EQ(kb.value().requirements().size(), 1u);
  EXPECT_EQ(kb.value().tests().size(), 1u);
}

TEST(PackLoaderTest, ReportsEveryProblemWithFileLineAndColumn) {
  auto kb = KnowledgeBase::Load(kVocab, CONFORM_TEST_DATA_DIR "/bad_packs");
  ASSERT_FALSE(kb.ok());
  const std::string all = kb.error().ToString();
  // Each diagnostic names the file, the line and the column.
  EXPECT_NE(all.find("xb.yaml:11:27: unknown category 'chargr' (did you mean 'charger'?)"), std::string::npos) << all;
  EXPECT_NE(all.find("xb.yaml:12:37: condition: unknown attribute 'radoi' (did you mean 'radio'?)"), std::string::npos) << all;
  EXPECT_NE(all.find("xb.yaml:14:21: 'effective_from': invalid date '2024-02-30'"), std::string::npos) << all;
  EXPECT_NE(all.find("xb.yaml:15:5: unknown key 'colour' in a requirement"), std::string::npos) << all;
  EXPECT_NE(all.find("xb.yaml:20:15: test names requirement 'XB-NONE'"), std::string::npos) << all;
}

TEST(PackLoaderTest, ConditionColumnsAccountForQuotes) {
  auto kb = LoadText(std::string(kHeader) + Requirement("    when: \"radio && radoi\"\n") + kOneTest);
  ASSERT_FALSE(kb.ok());
  // Line 14 is the `when` line; the quote is column 11, 'radoi' starts at 21.
  EXPECT_NE(kb.error().ToString().find("xc.yaml:14:21:"), std::string::npos) << kb.error().ToString();
}

TEST(PackLoaderTest, RejectsStructuralMistakes) {
  const struct {
    std::string text;
    std::string expected;
  } cases[] = {
      {std::string(kHeader) + Requirement("    effective_to: 2019-12-31\n") + kOneTest, "is before effective_from"},
      {std::string(kHeader) + Requirement("    route: by_magic\n") + kOneTest, "appears twice"},
      {std::string(kHeader) + Requirement("    marks: [CE, XYZ]\n") + kOneTest, "unknown mark 'XYZ'"},
      {std::string(kHeader) + Requirement("    documents: [eu_doc]\n") + kOneTest, "unknown document kind"},
      {std::string(kHeader) + Requirement("    languages: {codes: [french]}\n") + kOneTest, "not an ISO 639-1"},
      {std::string(kHeader) + Requirement("    languages: {codes: [zz]}\n") + kOneTest, "'zz' is not an ISO 639-1"},
      {"schema: conform-pack/1\nmarket: XC\nname: n\nversion: banana\n" + Requirement("") + kOneTest, "version 'banana' is not YYYY.MM.N"},
      {"schema: conform-pack/1\nmarket: XC\nname: n\nversion: 2026.13.1\n" + Requirement("") + kOneTest, "is not YYYY.MM.N"},
      {std::string(kHeader) + "covers_from: 2016-13-01\n" + Requirement("") + kOneTest, "'covers_from': invalid date"},
      {"schema: conform-pack/1\nmarket: XC\nname: n\nversion: 2026.11.1\naliases: [XD, XD]\n" + Requirement("") + kOneTest, "alias 'XD' is listed twice"},
      {"schema: conform-pack/1\nmarket: XC\nname: n\nversion: 2026.11.1\naliases: [XC]\n" + Requirement("") + kOneTest, "the pack's own market code"},
      {std::string(kHeader) + Requirement("    # caf\xe9\xff\n") + kOneTest, "xc.yaml:14:10: byte 0xE9 is not UTF-8"},
      {std::string(kHeader) + Requirement("    obligations: [{operator: seller, duty: x}]\n") + kOneTest, "unknown operator role"},
      {std::string(kHeader) + Requirement("    scope: planet\n") + kOneTest, "unknown scope"},
      {std::string(kHeader) + Requirement("    source_url: ftp://x\n") + kOneTest, "appears twice"},
      {std::string(kHeader) + Requirement("") + "tests: []\n", "at least one test"},
      {std::string(kHeader) + Requirement(""), "missing required field 'tests'"},
      {"schema: conform-pack/1\nmarket: xc\nname: n\nversion: v\n" + Requirement("") + kOneTest, "two-letter upper-case"},
      {std::string(kHeader) + Requirement("") + Requirement("").substr(14) + kOneTest, "already used"},
      {std::string(kHeader) + "requirements: [\n", "YAML syntax error"},
      {std::string(kHeader) + Requirement("") +
           "tests:\n  - {name: t, category: charger, attributes: {radio: maybe}, on: 2025-01-01, applies: [XC-A]}\n",
       "needs true or false"},
      {std::string(kHeader) + Requirement("") + "tests:\n  - {name: t, category: charger, on: 2025-01-01}\n",
       "must expect something"},
  };
  for (const auto& c : cases) {
    auto kb = LoadText(c.text);
    ASSERT_FALSE(kb.ok()) << c.text;
    EXPECT_NE(kb.error().ToString().find(c.expected), std::string::npos) << kb.error().ToString();
  }
}

TEST(PackLoaderTest, ACodeNamesOneMarket) {
  // Two packs that both answer to GB: whichever loaded first would answer.
  const fs::path dir = fs::temp_directory_path() / ("conform_packs_clash_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  fs::create_directories(dir);
  std::string a = std::string(kHeader) + Requirement("") + kOneTest;
  a.insert(a.find("name:"), "aliases: [GB]\n");
  std::string b = a;
  for (size_t at; (at = b.find("XC")) != std::string::npos;) b.replace(at, 2, "XD");
  std::ofstream(dir / "xc.yaml") << a;
  std::ofstream(dir / "xd.yaml") << b;
  auto kb = KnowledgeBase::Load(kVocab, dir.string());
  fs::remove_all(dir);
  ASSERT_FALSE(kb.ok());
  EXPECT_NE(kb.error().ToString().find("alias 'GB' is an alias of market XC in"), std::string::npos) << kb.error().ToString();
}

// A pack says from when it answers in full; without, it claims every date.
TEST(PackLoaderTest, ReadsTheFirstDayAPackAnswersInFull) {
  auto with = LoadText(std::string(kHeader) + "covers_from: 2016-06-13\n" + Requirement("") + kOneTest);
  ASSERT_TRUE(with.ok()) << with.error().ToString();
  const Market& m = with.value().markets()[0];
  EXPECT_FALSE(m.Covers(Date::Parse("2016-06-12").value()));
  EXPECT_TRUE(m.Covers(Date::Parse("2016-06-13").value()));
  auto without = LoadText(std::string(kHeader) + Requirement("") + kOneTest);
  ASSERT_TRUE(without.ok()) << without.error().ToString();
  EXPECT_TRUE(without.value().markets()[0].Covers(Date::Parse("1990-01-01").value()));
}

TEST(PackLoaderTest, MissingDirectoryAndVocabularyAreErrors) {
  EXPECT_FALSE(KnowledgeBase::Load(kVocab, "/nonexistent/packs").ok());
  EXPECT_FALSE(KnowledgeBase::Load("/nonexistent/vocabulary.yaml", CONFORM_TEST_DATA_DIR "/good_packs").ok());
}

TEST(VocabularyLoaderTest, LoadsTheShippedVocabulary) {
  auto v = LoadVocabulary(CONFORM_SHIPPED_DATA_DIR "/vocabulary.yaml");
  ASSERT_TRUE(v.ok()) << v.error().ToString();
  for (const char* c : {"charger", "power_bank", "radio_device", "smart_device", "consumer_electronics",
                        "household_appliance", "led_lamp", "toy", "childrens_apparel", "textile", "cosmetic",
                        "food_contact"})
    EXPECT_TRUE(v.value().FindCategory(c)) << c;
  for (const char* a : {"input_voltage_ac", "output_voltage_dc", "radio", "connectable", "battery", "battery_wh",
                        "intended_age_max", "food_contact", "textile", "has_drawstrings"})
    EXPECT_TRUE(v.value().FindAttribute(a)) << a;
}

TEST(VocabularyLoaderTest, AnEnumValueListedTwiceIsAnError) {
  std::ifstream in(CONFORM_SHIPPED_DATA_DIR "/vocabulary.yaml");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string values = "values: [none, li_ion, button_cell, other]";
  ASSERT_NE(text.find(values), std::string::npos);
  text.replace(text.find(values), values.size(), "values: [none, li_ion, button_cell, other, li_ion]");
  const fs::path file = fs::temp_directory_path() / ("conform_vocab_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + ".yaml");
  std::ofstream(file) << text;
  auto v = LoadVocabulary(file.string());
  fs::remove(file);
  ASSERT_FALSE(v.ok());
  EXPECT_NE(v.error().ToString().find("enum attribute 'battery' lists 'li_ion' twice"), std::string::npos) << v.error().ToString();
}

}  // namespace
}  // namespace conform
