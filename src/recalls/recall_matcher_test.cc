#include "conform/recalls/recall_matcher.h"

#include "conform/recalls/brand.h"

#include <gtest/gtest.h>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iterator>
#include <map>
#include <set>
#include <unordered_set>

#include "conform/recalls/er_benchmark.h"
#include "conform/recalls/product_kind.h"
#include "conform/screen/listing_reader.h"
#include "test_feeds.h"

namespace conform::recalls {
namespace {

Notice MakeNotice(NoticeSource source, std::string id, std::string product, std::string brand, std::string model,
                  std::string gtin, std::string description = "") {
  Notice n;
  n.source = source;
  n.id = std::move(id);
  n.product_name = std::move(product);
  if (!brand.empty()) n.brands = {std::move(brand)};
  if (!model.empty()) n.model_numbers = {std::move(model)};
  if (!gtin.empty()) n.gtins = {std::move(gtin)};
  n.description = std::move(description);
  return n;
}

Listing MakeListing(std::string id, std::string title, std::string brand = "", std::string gtin = "", std::string model = "") {
  Listing l;
  l.listing_id = std::move(id);
  l.title = std::move(title);
  l.brand = std::move(brand);
  l.gtin = std::move(gtin);
  l.model = std::move(model);
  return l;
}

// Exactly one match, and a takedown.
void ExpectOneTakedown(const std::vector<RecallMatch>& hits, std::string_view context = "") {
  ASSERT_EQ(hits.size(), 1u) << context;
  EXPECT_EQ(hits[0].action, RecallAction::kTakedown) << context << ": " << hits[0].evidence.back();
}

void ExpectOneReview(const std::vector<RecallMatch>& hits, std::string_view context = "") {
  ASSERT_EQ(hits.size(), 1u) << context;
  EXPECT_EQ(hits[0].action, RecallAction::kReview) << context << ": " << hits[0].evidence.back();
}

// Matcher options with the shipped brand alias table, read once.
RecallMatcherOptions WithShippedAliases() {
  static const BrandAliases aliases = [] {
    auto loaded = BrandAliases::Load(std::string(CONFORM_SHIPPED_DATA_DIR) + "/recalls/brand_aliases.yaml");
    EXPECT_TRUE(loaded.ok()) << loaded.error().ToString();
    return loaded.ok() ? std::move(loaded).value() : BrandAliases();
  }();
  RecallMatcherOptions options;
  options.brands = &aliases;
  return options;
}

// The action of a listing's one match in `index`; kNone for none (or more).
RecallAction ActionOf(const RecallIndex& index, const std::string& title, const std::string& brand) {
  const auto m = index.Match(FromListing(MakeListing("L", title, brand)));
  return m.size() == 1 ? m[0].action : RecallAction::kNone;
}

class RecallMatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    notices_ = {
        MakeNotice(NoticeSource::kEuSafetyGate, "A12/00001/26", "USB charger", "Voltix", "QC-65A", "04006381333931"),
        MakeNotice(NoticeSource::kUsCpsc, "26101", "Hair dryers", "Breezo", "",
                   "", "This recall involves Breezo hair dryers, model number HD-2200X, sold in pink and grey."),
        MakeNotice(NoticeSource::kCaHealthCanada, "RA-70001", "Children's hooded sweatshirt", "Kidsy", "", ""),
    };
    listings_ = {
        MakeListing("L1", "Fast charger 65 W", "", "4006381333931"),              // same GTIN, written as EAN-13
        MakeListing("L2", "Voltix QC65A fast charger 65W USB-C", ""),             // brand and model code in the title
        MakeListing("L3", "Breezo Pro hair dryer HD2200X 2200 W ionic", "Breezo"),  // model only in the notice's text
        MakeListing("L4", "Voltix QC-30 charger 30W", "Voltix"),                  // same brand, another model
        MakeListing("L5", "Ceramic coffee mug 350 ml", "Mugly", "96385074"),      // unrelated
    };
    for (const auto& n : notices_) notice_records_.push_back(FromNotice(n));
    for (const auto& l : listings_) listing_records_.push_back(FromListing(l));
    std::vector<const Record*> corpus;
    for (const auto& r : notice_records_) corpus.push_back(&r.record);
    featurizer_.Fit(corpus);
  }

  std::vector<Notice> notices_;
  std::vector<Listing> listings_;
  std::vector<MatchRecord> notice_records_, listing_records_;
  // An index of `notices` with the shipped brand alias table.
  RecallIndex IndexWithShippedAliases(std::vector<MatchRecord> notices) const {
    return RecallIndex(std::move(notices), /*indexed_are_notices=*/true, &featurizer_, nullptr, WithShippedAliases());
  }

  PairFeaturizer featurizer_;
};

TEST_F(RecallMatcherTest, IdentityEvidenceWithoutAModel) {
  const RecallIndex index(notice_records_, /*indexed_are_notices=*/true, &featurizer_, nullptr);
  const auto matches_of = [&](size_t listing) { return index.Match(listing_records_[listing]); };

  auto gtin = matches_of(0);
  ASSERT_EQ(gtin.size(), 1u);
  EXPECT_EQ(index.record(gtin[0].indexed).id, "eu-safety-gate:A12/00001/26");
  EXPECT_EQ(gtin[0].action, RecallAction::kTakedown);
  EXPECT_EQ(gtin[0].evidence[0], "same GTIN 04006381333931");
  EXPECT_TRUE(std::isnan(gtin[0].probability));

  // Code and brand agree: takedown, the rule named last.
  auto code = matches_of(1);
  ASSERT_EQ(code.size(), 1u);
  EXPECT_EQ(code[0].action, RecallAction::kTakedown);
  EXPECT_NE(std::find(code[0].evidence.begin(), code[0].evidence.end(), "same model code QC65A"), code[0].evidence.end());
  EXPECT_NE(std::find(code[0].evidence.begin(), code[0].evidence.end(), "brand named in both"), code[0].evidence.end());
  EXPECT_EQ(code[0].evidence.back(), "rule: notice model code and brand in the listing -> takedown");

  // The code only in the notice's free text (CPSC style) counts too.
  auto text = matches_of(2);
  ASSERT_EQ(text.size(), 1u);
  EXPECT_EQ(index.record(text[0].indexed).id, "us-cpsc:26101");
  EXPECT_EQ(text[0].action, RecallAction::kTakedown);

  EXPECT_TRUE(matches_of(3).empty());  // a brand alone is not the product
  EXPECT_TRUE(matches_of(4).empty());
}

TEST_F(RecallMatcherTest, ExplainSaysWhyEachCandidateWasLeftOut) {
  const RecallIndex index(notice_records_, /*indexed_are_notices=*/true, &featurizer_, nullptr);
  const auto rule_of = [](const RecallMatch& m) { return m.evidence.back(); };

  // A match is explained as Match explains it, and comes first.
  const auto code = index.Explain(listing_records_[1]);
  ASSERT_FALSE(code.empty());
  const auto matched = index.Match(listing_records_[1]);
  ASSERT_EQ(matched.size(), 1u);
  EXPECT_EQ(code[0].action, RecallAction::kTakedown);
  EXPECT_EQ(code[0].evidence, matched[0].evidence);
  for (size_t i = 1; i < code.size(); ++i) EXPECT_EQ(code[i].action, RecallAction::kNone);

  // Same brand, another model code: a sibling model.
  const auto sibling = index.Explain(listing_records_[3]);
  ASSERT_EQ(sibling.size(), 1u);
  EXPECT_EQ(sibling[0].action, RecallAction::kNone);
  EXPECT_EQ(index.record(sibling[0].indexed).id, "eu-safety-gate:A12/00001/26");
  EXPECT_EQ(rule_of(sibling[0]), "rule: the listing shows other model codes, not the notice's -> none");

  // Another brand with the notice's code.
  const auto other_brand = index.Explain(FromListing(MakeListing("L6", "Kamiro QC-65A charger 65W", "Kamiro")));
  ASSERT_EQ(other_brand.size(), 1u);
  EXPECT_EQ(rule_of(other_brand[0]), "rule: brands in conflict (voltix and kamiro) -> none");
  EXPECT_NE(std::find(other_brand[0].evidence.begin(), other_brand[0].evidence.end(), "same model code QC65A"),
            other_brand[0].evidence.end());

  // Brand and kind alone, and no model to weigh them.
  const auto unidentified = index.Explain(FromListing(MakeListing("L7", "Kidsy hoodie for children", "Kidsy")));
  ASSERT_EQ(unidentified.size(), 1u);
  EXPECT_EQ(rule_of(unidentified[0]), "rule: nothing identifying, and no model to weigh brand and description -> none");

  // No candidate at all: nothing to explain.
  EXPECT_TRUE(index.Explain(listing_records_[4]).empty());
}

// "HD-2200X Plus" is another hair dryer than the recalled "HD-2200X", as
// often as not: a person decides, the code alone takes nothing down.
TEST_F(RecallMatcherTest, AVariantWordAfterTheCodeMakesAReview) {
  const RecallIndex index(notice_records_, /*indexed_are_notices=*/true, &featurizer_, nullptr);
  const auto only = [&](const std::string& title) {
    auto m = index.Match(FromListing(MakeListing("L", title, "Breezo")));
    EXPECT_EQ(m.size(), 1u) << title;
    return m.empty() ? RecallMatch{} : m[0];
  };
  for (const std::string title : {"Breezo HD-2200X Plus hair dryer 2200 W", "Breezo HD2200X PRO Haartrockner"}) {
    const RecallMatch m = only(title);
    EXPECT_EQ(m.action, RecallAction::kReview) << title;
    ASSERT_FALSE(m.evidence.empty());
    EXPECT_NE(std::find(m.evidence.begin(), m.evidence.end(), "same model code HD2200X"), m.evidence.end()) << title;
  }
  EXPECT_EQ(only("Breezo HD-2200X Plus hair dryer 2200 W").evidence.back(),
            "rule: notice model code in the listing, but written \"HD-2200X Plus\", which may name another model -> review");
  // Korean and Japanese write the words in their scripts; "+" is "Plus".
  for (const std::string title : {"Breezo HD-2200X 프로 헤어드라이어", "Breezo HD-2200X プロ ヘアドライヤー", "Breezo HD-2200X+ hair dryer",
                                  "Breezo HD-2200X Pro版 吹风机"})
    EXPECT_EQ(only(title).action, RecallAction::kReview) << title;
  EXPECT_EQ(only("Breezo HD-2200X 프로 헤어드라이어").evidence.back(),
            "rule: notice model code in the listing, but written \"HD-2200X 프로\", which may name another model -> review");
  EXPECT_EQ(only("Breezo HD-2200X+ hair dryer").evidence.back(),
            "rule: notice model code in the listing, but written \"HD-2200X+\", which may name another model -> review");
  // In brackets, the variant words are still the name's; joined by "+" to
  // another word, the code is sold with something ("HD-2200X+Diffuser").
  for (const std::string title : {"Breezo HD-2200X (Pro) hair dryer", "Breezo HD-2200X（Pro）吹风机"})
    EXPECT_EQ(only(title).action, RecallAction::kReview) << title;
  EXPECT_EQ(only("Breezo HD-2200X+Diffuser hair dryer set").action, RecallAction::kTakedown);
  // Several words after the code are quoted as written.
  EXPECT_EQ(only("Breezo HD 2200X Pro Max hair dryer").evidence.back(),
            "rule: notice model code in the listing, but written \"HD 2200X Pro Max\", which may name another model -> review");
  // A word of the next clause is not the code's ("HD-2200X, Pro styling").
  for (const std::string title : {"Breezo HD-2200X, Pro styling at home", "Breezo hair dryer HD-2200X. Max power 2200 W",
                                  "Breezo HD-2200X (Mini diffuser included)", "Breezo HD-2200X | Pro salon results"})
    EXPECT_EQ(only(title).action, RecallAction::kTakedown) << title;
  // The plain code anywhere, or a word that names no other model: takedown.
  EXPECT_EQ(only("Breezo HD-2200X hair dryer, HD-2200X Plus diffuser fits").action, RecallAction::kTakedown);
  EXPECT_EQ(only("Breezo Pro hair dryer HD-2200X pink").action, RecallAction::kTakedown);
  EXPECT_EQ(only("Breezo HD-2200X Professional hair dryer").action, RecallAction::kTakedown);
  EXPECT_EQ(only("Breezo HD-2200X Air Styler hair dryer").action, RecallAction::kTakedown);
  // Something made for the model, the brand the same: a review.
  EXPECT_EQ(only("Breezo diffuser attachment for HD-2200X").action, RecallAction::kReview);
  EXPECT_EQ(only("Breezo Diffusor für HD 2200X").action, RecallAction::kReview);
  // Not a word of the value after the title ("Elite" of a brand field).
  {
    const auto m = index.Match(FromListing(MakeListing("L", "Hair dryer 2000 W HD-2200X", "Elite Breezo")));
    ASSERT_EQ(m.size(), 1u);
    EXPECT_EQ(m[0].action, RecallAction::kTakedown) << m[0].evidence.back();
  }

  // Written joined to the code, or in the description a model label reads.
  for (const std::string title : {"Breezo HD2200XPlus hair dryer", "Breezo HD-2200XPro hair dryer", "Breezo hair dryer HD-2200X-Mini"})
    EXPECT_EQ(only(title).action, RecallAction::kReview) << title;
  EXPECT_EQ(only("Breezo HD2200XPlus hair dryer").evidence.back(),
            "rule: notice model code in the listing, but written \"HD2200XPlus\", which may name another model -> review");
  Listing described = MakeListing("L", "Breezo hair dryer 1800W", "Breezo");
  described.description = "Model: HD-2200X Plus. Ionic.";
  const auto from_description = index.Match(FromListing(described));
  ASSERT_EQ(from_description.size(), 1u);
  EXPECT_EQ(from_description[0].action, RecallAction::kReview);
  EXPECT_EQ(from_description[0].evidence.back(),
            "rule: notice model code in the listing, but written \"HD-2200X Plus\", which may name another model -> review");

  // A notice that names the variant too takes it down.
  std::vector<MatchRecord> both = {FromNotice(MakeNotice(NoticeSource::kUsCpsc, "26102", "Hair dryers", "Breezo", "", "",
                                                         "This recall involves Breezo hair dryers, models HD-2200X and HD-2200X Plus."))};
  const RecallIndex both_index(both, /*indexed_are_notices=*/true, &featurizer_, nullptr);
  const auto named = both_index.Match(FromListing(MakeListing("L", "Breezo HD-2200X Plus hair dryer", "Breezo")));
  ASSERT_EQ(named.size(), 1u);
  EXPECT_EQ(named[0].action, RecallAction::kTakedown);

  // A notice on the variant alone is no takedown of the plain model.
  for (const char* model : {"HD-2200X Pro", "HD2200XPRO"}) {
    std::vector<MatchRecord> pro = {FromNotice(MakeNotice(NoticeSource::kUsCpsc, "26103", "Hair dryers", "Breezo", model, "",
                                                          "This recall involves Breezo hair dryers, model HD-2200X Pro."))};
    const RecallIndex pro_index(pro, /*indexed_are_notices=*/true, &featurizer_, nullptr);
    for (const char* title : {"Breezo HD-2200X Hair Dryer 1800W", "Breezo HD-2200X Professional hair dryer"}) {
      const auto plain = pro_index.Match(FromListing(MakeListing("L", title, "Breezo")));
      EXPECT_TRUE(plain.empty() || plain[0].action != RecallAction::kTakedown) << model << " / " << title;
      const auto why = pro_index.Explain(FromListing(MakeListing("L", title, "Breezo")));
      ASSERT_FALSE(why.empty());
      EXPECT_NE(std::find(why[0].evidence.begin(), why[0].evidence.end(), "model code HD2200XPRO without its suffix (HD2200X)"),
                why[0].evidence.end())
          << model << " / " << title << ": " << fmt::format("{}", fmt::join(why[0].evidence, " | "));
    }
    const auto same = pro_index.Match(FromListing(MakeListing("L", "Breezo HD-2200X Pro hair dryer", "Breezo")));
    ASSERT_EQ(same.size(), 1u) << model;
    EXPECT_EQ(same[0].action, RecallAction::kTakedown) << model;
    // Another variant word after the notice's ("Pro Max" for "Pro"), as
    // Korean and Chinese titles write them too.
    for (const char* title : {"Breezo HD-2200X Pro Max hair dryer", "Breezo HD-2200X Pro+ hair dryer", "Breezo HD-2200X Pro Plus版 吹风机",
                              "Breezo HD-2200X Pro 미니 헤어드라이어"}) {
      const auto m = pro_index.Match(FromListing(MakeListing("L", title, "Breezo")));
      ASSERT_EQ(m.size(), 1u) << model << " / " << title;
      EXPECT_EQ(m[0].action, RecallAction::kReview) << model << " / " << title << ": " << fmt::format("{}", fmt::join(m[0].evidence, " | "));
    }
  }
  // A notice on the "+" model, or written in Korean, takes down the same.
  for (const auto& [model, title] : std::vector<std::pair<std::string, std::string>>{
           {"HD-2200X+", "Breezo HD-2200X+ hair dryer"}, {"HD-2200X 프로", "Breezo HD-2200X 프로 헤어드라이어"}}) {
    std::vector<MatchRecord> written = {FromNotice(MakeNotice(NoticeSource::kUsCpsc, "29001", "Hair dryers", "Breezo", model, "",
                                                              "This recall involves Breezo hair dryers, model " + model + "."))};
    const RecallIndex written_index(written, /*indexed_are_notices=*/true, &featurizer_, nullptr);
    EXPECT_EQ(ActionOf(written_index, title, "Breezo"), RecallAction::kTakedown) << model;
  }
  // The variant named in prose only, without a model label: said so.
  const std::vector<MatchRecord> prose = {FromNotice(MakeNotice(NoticeSource::kUsCpsc, "26104", "Hair dryers", "Breezo", "", "",
                                                                "This recall involves the Breezo HD-2200X Pro hair dryer."))};
  const RecallIndex prose_index(prose, /*indexed_are_notices=*/true, &featurizer_, nullptr);
  const auto plain = prose_index.Explain(FromListing(MakeListing("L", "Breezo HD-2200X Hair Dryer 1800W", "Breezo")));
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_EQ(plain[0].action, RecallAction::kNone);
  EXPECT_EQ(plain[0].evidence.front(), "model code HD2200X in the listing, which the notice writes only as HD2200XPRO");
}

// Sellers write the maker's company name where the brand goes: "Anker
// Innovations" is the brand Anker, not another maker's. A company name
// without its company words is not looked for in texts, being a common
// word as often as not ("Digital Electronics").
TEST_F(RecallMatcherTest, TheMakersCompanyNameIsItsBrand) {
  const RecallIndex index = IndexWithShippedAliases({
      FromNotice(MakeNotice(NoticeSource::kUsCpsc, "26200", "Anker Power Banks", "Anker", "A1263", "")),
      FromNotice(MakeNotice(NoticeSource::kUsCpsc, "26201", "Anker Power Banks", "", "A1257", "")),
      FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/00020/26", "Photo frame", "Digital Electronics", "PF-8800", "")),
      FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/00021/26", "Hair dryer", "Kelvra", "KD-7700", "")),
  });
  const auto action_of = [&](const std::string& title, const std::string& brand) { return ActionOf(index, title, brand); };
  // The brand fields differ by the company words only.
  EXPECT_EQ(action_of("PowerCore 10000 power bank A1263", "Anker Innovations"), RecallAction::kTakedown);
  EXPECT_EQ(action_of("PowerCore 10000 power bank A1263", "Anker Technology Co., Ltd."), RecallAction::kTakedown);
  EXPECT_EQ(action_of("Hair dryer KD-7700 2000W", "Kelvra Electronics"), RecallAction::kTakedown);
  // The notice names the brand in its title only: a brand of the alias
  // table is found whatever company words the listing adds.
  EXPECT_EQ(action_of("PowerCore 10000 power bank A1257", "Anker Innovations"), RecallAction::kTakedown);
  EXPECT_EQ(action_of("PowerCore 10000 power bank A1257", "深圳市安克创新科技股份有限公司"), RecallAction::kTakedown);
  // Another maker with the code is still another maker, whatever common
  // word of the notice's company name its title holds.
  EXPECT_EQ(action_of("Power bank 10000 mAh A1263", "Voltix Electronics"), RecallAction::kNone);
  EXPECT_EQ(action_of("Nixplay Digital Photo Frame PF-8800", "Nixplay"), RecallAction::kNone);
  EXPECT_EQ(action_of("Photo Frame PF-8800 10 inch", "Digital Innovations"), RecallAction::kNone);
  // CPSC names no brand here, only the firm that recalls: a listing under
  // the firm's name agrees on the brand; another brand is no conflict.
  Notice by_firm = MakeNotice(NoticeSource::kUsCpsc, "26202", "PowerCore 10000 power banks", "", "A1290", "");
  by_firm.companies = {"Anker Innovations Limited of Changsha, China"};
  const std::vector<MatchRecord> firm_notices = {FromNotice(by_firm)};
  const RecallIndex firm_index(firm_notices, /*indexed_are_notices=*/true, &featurizer_, nullptr);
  const auto firm_action = [&](const std::string& brand) { return ActionOf(firm_index, "PowerCore 10000 power bank A1290", brand); };
  EXPECT_EQ(firm_action("Anker"), RecallAction::kTakedown);
  EXPECT_EQ(firm_action("Anker Innovations Ltd."), RecallAction::kTakedown);
  EXPECT_EQ(firm_action("Voltix"), RecallAction::kReview);  // the brand is not confirmed, nor contradicted
  // The firm's registered name with its city first, as Chinese companies
  // write it in English.
  by_firm.companies = {"Changsha Anker Innovations Co., Ltd."};
  const std::vector<MatchRecord> placed = {FromNotice(by_firm)};
  const RecallIndex placed_index(placed, /*indexed_are_notices=*/true, &featurizer_, nullptr);
  EXPECT_EQ(ActionOf(placed_index, "PowerCore 10000 power bank A1290", "Anker"), RecallAction::kTakedown);

  // A brand written without spaces is not found across two words of
  // another: "安克" in "西安克瑞" (Xi'an Kerui).
  EXPECT_EQ(action_of("Power bank A1263 10000mAh", "西安克瑞电子科技有限公司"), RecallAction::kNone);
  EXPECT_EQ(action_of("安克 充电宝 A1263 10000mAh", "Generic"), RecallAction::kTakedown);
  // A shop or company named after the brand, with or without its place.
  for (const char* shop : {"安克官方旗舰店", "安克数码", "安克 官方", "广东安克电器有限公司", "广东省深圳市安克电子"})
    EXPECT_EQ(action_of("充电宝 A1263 10000mAh", shop), RecallAction::kTakedown) << shop;
}

TEST_F(RecallMatcherTest, AChineseBrandIsAWordNotAnyTwoCharacters) {
  // 美的 (Midea) is also the last two characters of 精美的 ("exquisite")
  // and 完美的 ("perfect"), common in Chinese titles.
  std::vector<MatchRecord> notices = {
      FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/00030/26", "电饭煲 Rice cooker", "美的", "MB-FB40", "")),
  };
  const RecallIndex index(notices, /*indexed_are_notices=*/true, &featurizer_, nullptr);
  const auto action_of = [&](const std::string& title, const std::string& brand) { return ActionOf(index, title, brand); };
  EXPECT_EQ(action_of("美的电饭煲 MB-FB40 4L", "Generic"), RecallAction::kTakedown);
  EXPECT_EQ(action_of("美的 电饭煲 MB-FB40 4L", "Generic"), RecallAction::kTakedown);
  // Another maker's cooker that calls itself exquisite: the brands differ.
  EXPECT_EQ(action_of("精美的电饭煲 MB-FB40 4L", "苏泊尔"), RecallAction::kNone);
  // Without the alias table, which gives 美的 as Midea, a brand in Latin
  // letters cannot be compared with it: not confirmed, nor contradicted.
  EXPECT_EQ(action_of("完美的礼物 电饭煲 MB-FB40", "Supor"), RecallAction::kReview);
  // No brand given and the brand's word not found: the code alone does not
  // take it down.
  EXPECT_NE(action_of("精美的电饭煲 MB-FB40 4L", "Generic"), RecallAction::kTakedown);
}

// Sony sells as ソニー in Japan and 소니 in Korea (the alias table): a
// listing naming it so in its title confirms the brand.
TEST_F(RecallMatcherTest, JapaneseAndKoreanSpellingsOfABrand) {
  const RecallIndex index = IndexWithShippedAliases({
      FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/00040/26", "Wireless headphones", "Sony", "WH-1000XM4", "")),
  });
  for (const char* title : {"ソニー ワイヤレスヘッドホン WH-1000XM4", "ソニーヘッドホン WH-1000XM4 ブラック", "소니 무선 헤드폰 WH-1000XM4"})
    EXPECT_EQ(ActionOf(index, title, "Generic"), RecallAction::kTakedown) << title;
  EXPECT_EQ(ActionOf(index, "ワイヤレスヘッドホン WH-1000XM4", "ソニー"), RecallAction::kTakedown);
  // Korean runs a particle into the name ("소니의", Sony's); a name that
  // ends another word is not the brand.
  EXPECT_EQ(ActionOf(index, "소니의 무선 헤드폰 WH-1000XM4", "Generic"), RecallAction::kTakedown);
  EXPECT_NE(ActionOf(index, "파소니 무선 헤드폰 WH-1000XM4", "Generic"), RecallAction::kTakedown);
}

// A seller's store name runs the brand into its Chinese name and the
// store's words ("BenQ明基官方旗舰店"); a Chinese name the alias table does not
// hold cannot be compared with a Latin one: neither agrees nor conflicts.
TEST_F(RecallMatcherTest, ABrandInTwoScriptsAndAnUnknownChineseName) {
  const RecallIndex index = IndexWithShippedAliases({
      FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/90006/24", "Projector", "Lumora", "LP310", "")),
      FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/90007/24", "Rice cooker", "Midea", "MB-FB40", "")),
  });
  for (const char* brand : {"Lumora露摩拉官方旗舰店", "Lumora 露摩拉", "露摩拉Lumora"})
    EXPECT_EQ(ActionOf(index, "LP310 便携投影仪 360度", brand), RecallAction::kTakedown) << brand;
  EXPECT_EQ(ActionOf(index, "LP310 mini projector 便携投影仪", "露摩拉"), RecallAction::kReview);
  EXPECT_EQ(ActionOf(index, "LP310 mini projector 便携投影仪", "Novafire"), RecallAction::kNone);
  // A Chinese name the table gives another brand conflicts: 美的 is
  // Midea's, 苏泊尔 Supor's.
  EXPECT_EQ(ActionOf(index, "电饭煲 MB-FB40 4L", "美的官方旗舰店"), RecallAction::kTakedown);
  EXPECT_EQ(ActionOf(index, "电饭煲 MB-FB40 4L", "苏泊尔"), RecallAction::kNone);
  EXPECT_EQ(ActionOf(index, "电饭煲 MB-FB40 4L", "Supor"), RecallAction::kNone);
}

// Chinese marketplace titles: a brand run into the words beside it, a
// title opening with a brand in two spellings, and one opening in Chinese
// or Japanese with the brand in Latin letters after.
TEST_F(RecallMatcherTest, BrandsAsChineseAndJapaneseTitlesWriteThem) {
  const RecallIndex index = IndexWithShippedAliases({
      FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/90008/24", "Power bank", "Lumora", "LP310", "")),
      FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/90009/24", "High chair", "Lumikid", "", "", "Ava")),
  });
  EXPECT_EQ(ActionOf(index, "Lumora磁吸移动电源LP310", ""), RecallAction::kTakedown);
  EXPECT_EQ(ActionOf(index, "磁吸移动电源LP310 Lumora", ""), RecallAction::kTakedown);
  EXPECT_NE(ActionOf(index, "Lumoras磁吸移动电源LP310", ""), RecallAction::kTakedown);  // another word
  // Another brand of the alias table, in its two spellings: no match; in
  // one, the brand is not known (accessory sellers open with what they fit).
  EXPECT_EQ(ActionOf(index, "品胜 Pisen power bank LP310 10000mAh", ""), RecallAction::kNone);
  EXPECT_EQ(ActionOf(index, "Pisen power bank LP310 10000mAh", ""), RecallAction::kReview);
  EXPECT_EQ(ActionOf(index, "ルミキッド Lumikid Ava ハイチェア", ""), RecallAction::kReview);
}

// A vehicle recall names the vehicle's model; listings naming that model
// sell its parts and accessories: never taken down by the code, reviewed
// where words such as "cover" do not already set them aside.
TEST_F(RecallMatcherTest, AVehicleRecallNeverTakesDownByItsModelCode) {
  auto kinds = ProductKinds::LoadDefault();
  ASSERT_TRUE(kinds.ok()) << kinds.error().ToString();
  RecallMatcherOptions options;
  options.kinds = kinds.value().get();
  Notice car = MakeNotice(NoticeSource::kEuSafetyGate, "A12/03221/24", "Passenger car", "Volvo", "XC90", "",
                          "The airbag may not deploy.");
  car.category = "Motor vehicles";
  const RecallIndex index({FromNotice(car)}, /*indexed_are_notices=*/true, &featurizer_, nullptr, options);
  size_t reviewed = 0;
  // Parts for it, and the car itself, a review at most.
  for (const char* title : {"Volvo XC90 oil filter", "Bremsscheiben vorne Volvo XC90", "Volvo XC90 LED tail light assembly"}) {
    const auto m = index.Match(FromListing(MakeListing("L", title, "Volvo")));
    ASSERT_LE(m.size(), 1u);
    if (m.empty()) continue;
    ++reviewed;
    EXPECT_EQ(m[0].action, RecallAction::kReview) << title;
    EXPECT_NE(m[0].evidence.back().find("outside the product vocabulary (a vehicle)"), std::string::npos) << m[0].evidence.back();
  }
  EXPECT_EQ(reviewed, 3u);  // each was a takedown before: the model code and the brand agree
  // A car's ad lists its features, which name appliances ("Klima", air
  // conditioning in German ads): still the car, reviewed. Goods named after
  // it are not.
  Notice cars = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90005/24", "Passenger car", "Lumora", "", "", "Astra L, Rover, Mokka");
  cars.category = "Motor vehicles";
  const RecallIndex by_cars({FromNotice(cars)}, /*indexed_are_notices=*/true, &featurizer_, nullptr, options);
  for (const char* title : {"Lumora Rover 1.2 Elegance, EZ 07/2022, 19.000 km, Klima, PDC", "Lumora Rover 2022 Klimaanlage Navi"})
    ExpectOneReview(by_cars.Match(FromListing(MakeListing("L", title, "Lumora"))), title);
  EXPECT_TRUE(by_cars.Match(FromListing(MakeListing("L", "Lumora Rover Fußmatten Klima", "Lumora"))).empty());
  EXPECT_TRUE(by_cars.Match(FromListing(MakeListing("L", "Lumora Rover Eau de Parfum 100 ml", "Lumora"))).empty());
  EXPECT_TRUE(by_cars.Match(FromListing(MakeListing("L", "Coche eléctrico niños Lumora Rover licencia oficial 12V", "Lumora"))).empty());
  // A generation's mark after the model's name: another one in the listing
  // is another vehicle; none, or the same, says nothing.
  Notice marked = cars;
  marked.description = "Astra L, Koleos II, Rover";
  const RecallIndex by_marked({FromNotice(marked)}, /*indexed_are_notices=*/true, &featurizer_, nullptr, options);
  for (const char* title : {"Lumora Astra K Sports Tourer 1.6 CDTI", "Lumora Astra H Caravan", "Lumora Koleos I 2.0 dCi"})
    EXPECT_TRUE(by_marked.Match(FromListing(MakeListing("L", title, "Lumora"))).empty()) << title;
  for (const char* title : {"Lumora Astra L Sports Tourer", "Lumora Astra 1.2 Turbo", "Lumora Koleos II 2.0 dCi", "Lumora Rover R 1.2"})
    ExpectOneReview(by_marked.Match(FromListing(MakeListing("L", title, "Lumora"))), title);
  // Not the next generation's mark that starts with this one's ("III"),
  // though the name run together is in it ("KOLEOSIII"). A digit after a
  // vehicle's name is its engine's size.
  EXPECT_TRUE(by_marked.Match(FromListing(MakeListing("L", "Lumora Koleos III 2.0 dCi", "Lumora"))).empty());
  for (const char* title : {"Lumora Koleos 2 2.0 dCi", "Lumora Koleos 1.6 dCi 2019"})
    ExpectOneReview(by_marked.Match(FromListing(MakeListing("L", title, "Lumora"))), title);
  // A motorcycle's model years written before its model ("MY22-24
  // FXLRST") are no words of its name, which listings never write so; its
  // variant's letters are ("ST": the Low Rider S is another).
  Notice bikes = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90007/24", "Motorcycle", "Lumora", "", "",
                            "MY22 FXRST (Low Rider El Diablo), MY22-24 FXLRST (Low Rider ST)");
  bikes.category = "Motor vehicles";
  const MatchRecord bikes_record = FromNotice(bikes);
  ASSERT_EQ(bikes_record.name_words.size(), 2u);
  EXPECT_EQ(bikes_record.name_words[1], (std::vector<std::string>{"fxlrst", "low", "rider", "st"}));
  const RecallIndex by_bikes({bikes_record}, /*indexed_are_notices=*/true, &featurizer_, nullptr, options);
  ExpectOneReview(by_bikes.Match(FromListing(MakeListing("L", "Lumora Low Rider ST FXLRST 117 (2023) | 4.800 km | Stage 1", ""))),
                  "Low Rider ST");
  // A product's name ending in "II", which its words drop, is marked so
  // too: a tyre alert's "Scorpion Trail II" is not its successor's "III".
  Notice tyre = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90006/24", "Motorcycle tyre", "Lumora", "", "",
                           "Gravel King II (Lumora), Tourance Next (Lumora), Tourance Next II (Lumora)");
  tyre.category = "Motor vehicles";
  const RecallIndex by_tyre({FromNotice(tyre)}, /*indexed_are_notices=*/true, &featurizer_, nullptr, options);
  for (const char* title : {"Lumora Gravel King III 150/70 R17 69V", "Lumora Gravel King 3 150/70 R17"})
    EXPECT_TRUE(by_tyre.Match(FromListing(MakeListing("L", title, "Lumora"))).empty()) << title;
  for (const char* title : {"Lumora Gravel King II 150/70 R17 69V", "Lumora Gravel King 2 150/70 R17", "Lumora Gravel King 150/70 R17",
                            "Lumora Tourance Next 120/70 R19 60V"})
    ExpectOneReview(by_tyre.Match(FromListing(MakeListing("L", title, "Lumora"))), title);
  // Models named by a letter and a digit ("C3", "A4") are keyed and named.
  Notice short_names = cars;
  short_names.description = "R3, R4, RS5";
  const RecallIndex by_short({FromNotice(short_names)}, /*indexed_are_notices=*/true, &featurizer_, nullptr, options);
  ExpectOneReview(by_short.Match(FromListing(MakeListing("L", "Lumora R3 1.4 HDi 70 Exclusive 2012", ""))));
  EXPECT_TRUE(by_short.Match(FromListing(MakeListing("L", "Lumora R2 1.4 HDi 70 Exclusive 2012", ""))).empty());
  // Made in a period the alert gives: a listing of other years is another
  // vehicle (the year after the period allowed, not the year before); not
  // a year that names a model.
  // The car alert naming `models`, its vehicles made in `period`.
  const auto dated_alert = [&cars](const char* models, const char* period) {
    Notice n = cars;
    n.description = models;
    n.production_period = period;
    return FromNotice(n);
  };
  const MatchRecord dated_record =
      dated_alert("Rover, 2008, Mokka", "From 5/1/2022 to 19/10/2022 (Rover)\nFrom 3/3/2021 to 9/11/2022 (Mokka)\nFrom 3/1/2022 to 4/5/2022 (2008)");
  EXPECT_EQ(dated_record.made_from_year, 2021);
  EXPECT_EQ(dated_record.made_to_year, 2022);
  EXPECT_EQ(dated_record.made_from_month, 2021 * 12 + 2);  // March 2021
  EXPECT_EQ(dated_record.made_to_month, 2022 * 12 + 10);   // November 2022
  const RecallIndex by_dated({dated_record}, /*indexed_are_notices=*/true, &featurizer_, nullptr, options);
  for (const char* title : {"Lumora Rover 1.2 Elegance 2017, 78.000 km", "Lumora Rover II 1988, H-Kennzeichen", "Lumora Mokka 2025 Neuwagen",
                            "Lumora Rover 1.2 Elegance 2020", "Lumora Rover 1.2 - 02/2021 - 28 000 km", "Lumora Rover 1.2, EZ 15.02.2021",
                            "Lumora Rover 2022 (produkcja 12/2022)", "Lumora Rover 2022, built in 12/2022"})
    EXPECT_TRUE(by_dated.Match(FromListing(MakeListing("L", title, "Lumora"))).empty()) << title;
  for (const char* title : {"Lumora Rover 1.2 Elegance, EZ 07/2022", "Lumora Mokka 2023", "Lumora Mokka 2019 2020 2021", "Lumora Rover",
                            "Lumora 2008 GT Line", "Lumora Rover TÜV neu 2025", "Lumora Rover HU/AU bis 2026", "Lumora Rover TÜV 08/2025",
                            "Lumora Rover Zahnriemen neu 2023", "Lumora Rover 2022, CT OK 2025", "Lumora Mokka 1.2 - 03/2021 - 28 000 km",
                            "Lumora Rover 2022 (produkcja 06/2022)", "Lumora Rover 1.2 2022", "Lumora Rover EZ 05/2023",
                            "Lumora Rover Facelift ab 06/2019, EZ 2022"})
    ExpectOneReview(by_dated.Match(FromListing(MakeListing("L", title, "Lumora"))), title);
  // A month's name and a year in the title, and the months a description
  // dates the vehicle by: after a word of making (made then) or of first
  // registration (made then or before). Other dates a description gives
  // are none of the vehicle's.
  for (const char* title : {"Lumora Rover 2023 - built December 2022", "Lumora Rover, Produktion: März 2023", "Lumora Rover, EZ Januar 2021"})
    EXPECT_TRUE(by_dated.Match(FromListing(MakeListing("L", title, "Lumora"))).empty()) << title;
  ExpectOneReview(by_dated.Match(FromListing(MakeListing("L", "Lumora Rover 2022, produced in June 2022", "Lumora"))));
  const auto described = [](const char* title, const char* description) {
    Listing l = MakeListing("L", title, "Lumora");
    l.description = description;
    return FromListing(l);
  };
  for (const char* description : {"Production date: 12/2022. First registered 02/2023.", "Produktionsdatum 01/2023, Scheckheft.",
                                  "Erstzulassung 02/2021, 2. Hand.", "Première mise en circulation 01/2021", "Dátum výroby 12/2022."})
    EXPECT_TRUE(by_dated.Match(described("Lumora Rover 1.2 Elegance 2022", description)).empty()) << description;
  for (const char* description : {"Production date: 06/2022. First registered 09/2022.", "Letzter Service 01/2021, TÜV bis 03/2026.",
                                  "Gekauft 12/2023, Zahnriemen neu 2024.", "Erstzulassung 09/2022"})
    ExpectOneReview(by_dated.Match(described("Lumora Rover 1.2 Elegance 2022", description)), description);
  EXPECT_EQ(described("Lumora Rover", "Produced in 06/2022, first registration 08/2022, service 03/2024").described_months.size(), 2u);
  // The title's months are read once too, but not an inspection's.
  const MatchRecord titled = described("Lumora Rover, EZ 07/2022, TÜV 08/2025", "");
  ASSERT_EQ(titled.title_months.size(), 1u);
  EXPECT_EQ(titled.title_months[0].month, 2022 * 12 + 6);
  EXPECT_TRUE(titled.described_months.empty());
  // A powertrain after a model's name ("Avenger BEV", "Renegade PHEV and
  // MHEV") is written by sellers in their words, or not at all; another one
  // is another vehicle.
  Notice powered = cars;
  powered.description = "Rover BEV, Mokka PHEV and MHEV, Astra Plug-In-Hybrid";
  const MatchRecord powered_record = FromNotice(powered);
  ASSERT_EQ(powered_record.name_words.size(), 3u);
  EXPECT_EQ(powered_record.name_words[0], std::vector<std::string>{"rover"});
  EXPECT_EQ(powered_record.name_words[1], std::vector<std::string>{"mokka"});
  EXPECT_EQ(powered_record.name_words[2], std::vector<std::string>{"astra"});
  const RecallIndex by_powered({powered_record}, /*indexed_are_notices=*/true, &featurizer_, nullptr, options);
  for (const char* title : {"Lumora Rover Summit 54 kWh elektrisch 2024", "Lumora Rover BEV", "Lumora Rover 2024", "Lumora Mokka 1.3 4xe",
                            "Lumora Mokka e-Hybrid MHEV", "Lumora Mokka Hybrid 2024", "Lumora Astra Hybride rechargeable", "Lumora Astra PHEV",
                            "Lumora Rover Recharge 2024", "Lumora Astra Recharge T6"})
    ExpectOneReview(by_powered.Match(FromListing(MakeListing("L", title, "Lumora"))), title);
  for (const char* title : {"Lumora Rover 1.2 Turbo Benzin", "Lumora Rover Hybrid", "Lumora Astra Mild Hybrid", "Lumora Astra 1.6 CDTI Diesel"})
    EXPECT_TRUE(by_powered.Match(FromListing(MakeListing("L", title, "Lumora"))).empty()) << title;
  // A maker's other model line written with the name: another vehicle.
  Notice lines = cars;
  lines.description = "Mustang, Range Rover, Cherokee, 500";
  const RecallIndex by_lines({FromNotice(lines)}, /*indexed_are_notices=*/true, &featurizer_, nullptr, options);
  for (const char* title : {"Lumora Mustang Mach-E Extended Range AWD 2023", "Lumora Range Rover Evoque D180", "Lumora Grand Cherokee 3.0",
                            "Lumora 500X Cross 1.3", "Lumora 500 L Trekking"})
    EXPECT_TRUE(by_lines.Match(FromListing(MakeListing("L", title, "Lumora"))).empty()) << title;
  for (const char* title : {"Lumora Mustang GT 5.0 V8", "Lumora Range Rover P530 LWB", "Lumora Cherokee 2.2 Limited", "Lumora 500 1.2 Lounge"})
    ExpectOneReview(by_lines.Match(FromListing(MakeListing("L", title, "Lumora"))), title);
  // A brand's words left out of the name ("Range" of Land Rover's "Range
  // Rover"), and a line one name gives while another does not.
  Notice rovers = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90009/24", "Passenger car", "Land Rover", "", "",
                             "Range Rover Sport, Range Rover, Discovery");
  rovers.category = "Motor vehicles";
  const RecallIndex by_rovers({FromNotice(rovers)}, /*indexed_are_notices=*/true, &featurizer_, nullptr, options);
  for (const char* title : {"Land Rover Range Rover Evoque D150", "Land Rover Discovery Sport D200"})
    EXPECT_TRUE(by_rovers.Match(FromListing(MakeListing("L", title, "Land Rover"))).empty()) << title;
  for (const char* title : {"Land Rover Range Rover Sport P400e", "Land Rover Range Rover P530 LWB", "Land Rover Discovery D300"})
    ExpectOneReview(by_rovers.Match(FromListing(MakeListing("L", title, "Land Rover"))), title);
  // A make after the maker's ("Land Rover, Range Rover") that opens a name
  // stays in it: "Range Rover Sport" is not "Sport".
  Notice makes = rovers;
  makes.brands = {"Land Rover", "Range Rover"};
  const MatchRecord makes_record = FromNotice(makes);
  ASSERT_EQ(makes_record.name_words.size(), 3u);
  EXPECT_EQ(makes_record.name_words[0], (std::vector<std::string>{"range", "rover", "sport"}));
  const RecallIndex by_makes({makes_record}, /*indexed_are_notices=*/true, &featurizer_, nullptr, options);
  EXPECT_TRUE(by_makes.Match(FromListing(MakeListing("L", "Land Rover Discovery Sport D200", "Land Rover"))).empty());
  ExpectOneReview(by_makes.Match(FromListing(MakeListing("L", "Land Rover Range Rover Sport P400e", "Land Rover"))));
  // Not a line the notice names too, even in a name run on without its
  // comma (a real alert's "C4, C4 cactus , C4 picasso DS3"), or as a mark.
  Notice own_lines = cars;
  own_lines.description = "C4, C4 picasso DS3, 500 X";
  const RecallIndex by_own_lines({FromNotice(own_lines)}, /*indexed_are_notices=*/true, &featurizer_, nullptr, options);
  for (const char* title : {"Lumora C4 Picasso 1.6 BlueHDi", "Lumora 500X 1.0 FireFly", "Lumora C4 1.2 PureTech"})
    ExpectOneReview(by_own_lines.Match(FromListing(MakeListing("L", title, "Lumora"))), title);
  EXPECT_TRUE(by_own_lines.Match(FromListing(MakeListing("L", "Lumora C4 Cactus 1.2", "Lumora"))).empty());
  // A model's own period where the alert gives it: a Rover of 2024 is
  // none (Rovers made to 10/2022), a Mokka of 2023 reviewed (to 11/2022:
  // the year after allowed).
  EXPECT_EQ(dated_record.name_made_months.size(), 3u);
  EXPECT_TRUE(by_dated.Match(FromListing(MakeListing("L", "Lumora Rover 1.2 Turbo 2024", "Lumora"))).empty());
  ExpectOneReview(by_dated.Match(FromListing(MakeListing("L", "Lumora Mokka 2023", "Lumora"))));
  EXPECT_TRUE(by_dated.Match(FromListing(MakeListing("L", "Lumora Mokka 2024", "Lumora"))).empty());
  // A line whose label names no model ("Others") may hold any.
  const MatchRecord others_record = dated_alert("Rover, Mokka", "Rover N1: 06.12.2023 - 17.12.2023\nOthers: 29.11.2023 - 12.03.2024");
  ASSERT_EQ(others_record.name_made_months.size(), 2u);
  EXPECT_EQ(others_record.name_made_months[0], std::pair(2023 * 12 + 10, 2024 * 12 + 2));
  // Periods as the alerts write them: two-digit years, months named, a
  // month and year, a date's year that is also a model's name.
  const auto period = [&dated_alert](const char* text, const char* models) {
    const MatchRecord r = dated_alert(models, text);
    return std::pair(r.made_from_month, r.made_to_month);
  };
  EXPECT_EQ(period("20.07.23 - 25.09.2024 (Renegade PHEV)", "Renegade"), std::pair(2023 * 12 + 6, 2024 * 12 + 8));
  EXPECT_EQ(period("The affected vehicles were manufactured between 4 and 14 December 2020.", "Rover"),
            std::pair(2020 * 12 + 11, 2020 * 12 + 11));
  EXPECT_EQ(period("04.2019 - 04.2021 (STELLANTIS)\n12.2019 - 04.2021 (Toyota)", "Rover"), std::pair(2019 * 12 + 3, 2021 * 12 + 3));
  EXPECT_EQ(period("01.07. 2010 - 21.08.2014", "Rover"), std::pair(2010 * 12 + 6, 2014 * 12 + 7));
  EXPECT_EQ(period("2018 - 2022", "Rover"), std::pair(2018 * 12, 2022 * 12 + 11));
  EXPECT_EQ(period("24.9.2008 - 21.2.2017 (2008)", "2008, Rover"), std::pair(2008 * 12 + 8, 2017 * 12 + 1));
  EXPECT_EQ(period("24-10-2023", "Rover"), std::pair(2023 * 12 + 9, 2023 * 12 + 9));
  EXPECT_EQ(period("unknown", "Rover"), std::pair(0, 0));
  // A notice filed under motor vehicles, against one listing: the action.
  const auto action_of = [&](const char* product, const char* brand, const char* model, const char* title) {
    Notice n = MakeNotice(NoticeSource::kEuSafetyGate, "A12/00004/24", product, brand, model, "");
    n.category = "Motor vehicles";
    const RecallIndex one({FromNotice(n)}, /*indexed_are_notices=*/true, &featurizer_, nullptr, options);
    const auto m = one.Match(FromListing(MakeListing("L", title, brand)));
    return m.size() == 1 ? m[0].action : RecallAction::kNone;
  };
  // A name that ends in the model's code names the vehicle by the word
  // before it.
  EXPECT_EQ(action_of("Motorcycle XR-150", "Rydo", "XR-150", "Rydo XR-150 chain and sprocket kit"), RecallAction::kReview);
  // A part's alert whose description is its type designation alone ("EB+
  // 4.0") names its model there; a perfume's "No: 3519" does not, nor a
  // vehicle's models.
  // (A listing giving it in its model field, as the review's did.)
  const auto described_as = [&](const char* product, const char* description, const char* title, const char* model) {
    Notice n = MakeNotice(NoticeSource::kEuSafetyGate, "A12/00005/24", product, "Brakex", "", "", description);
    n.category = "Motor vehicles";
    const RecallIndex one({FromNotice(n)}, /*indexed_are_notices=*/true, &featurizer_, nullptr, options);
    const auto m = one.Match(FromListing(MakeListing("L", title, "Brakex", "", model)));
    return m.size() == 1 ? m[0].action : RecallAction::kNone;
  };
  EXPECT_EQ(described_as("Vehicle part", "EB+ 4.0", "Brakex EB+ 4.0 Trailer EBS Modulator, neu", "EB+ 4.0"), RecallAction::kTakedown);
  EXPECT_EQ(described_as("Vehicle part", "EB+ 4.0", "Brakex EB+ 5.0 Trailer EBS Modulator", "EB+ 5.0"), RecallAction::kNone);
  EXPECT_EQ(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "SR/00006/24", "Perfume", "Brakex", "", "", "No: 3519")).record.Get("model"), "");
  EXPECT_EQ(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "SR/00007/24", "Bus", "Brakex", "", "", "S 516 LE")).record.Get("model"), "");
  // A part a regulator files under motor vehicles is a product like any
  // other: brake pads by their code and brand are taken down.
  EXPECT_EQ(action_of("Brake pads", "Brakex", "BP-4410", "Brakex BP-4410 brake pads front axle"), RecallAction::kTakedown);
}

// A listing's GTIN that lost its leading zero in a spreadsheet is still
// the notice's.
// Vehicle models as real alerts name them (A12/03634/24's "NX",
// A12/03280/24's "CR-V", A12/02969/24's "A-Class", A12/02830/24's "3
// series", A12/01575/24's "e-tron GT") and as sellers write them.
TEST_F(RecallMatcherTest, VehicleModelsOfShortWordsAndNumberedLinesAreNamedAsSellersWriteThem) {
  auto kinds = ProductKinds::LoadDefault();
  ASSERT_TRUE(kinds.ok()) << kinds.error().ToString();
  RecallMatcherOptions options;
  options.kinds = kinds.value().get();
  const auto alert = [&](const char* brand, const char* models, const char* period) {
    Notice n = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90020/24", "Passenger car", brand, "", "", models);
    n.category = "Motor vehicles";
    n.production_period = period;
    return RecallIndex({FromNotice(n)}, /*indexed_are_notices=*/true, &featurizer_, nullptr, options);
  };
  const auto reviewed = [](const RecallIndex& index, const char* title, const char* brand) {
    const auto m = index.Match(FromListing(MakeListing("L", title, brand)));
    return m.size() == 1 && m[0].action == RecallAction::kReview;
  };
  // An alert's brand, models and period; the listings (title, brand)
  // reviewed, then those that are not.
  struct Case {
    const char *brand, *models, *period;
    std::vector<std::pair<const char*, const char*>> reviewed, not_reviewed;
  };
  const Case cases[] = {
      // Two letters, and short parts hyphenated.
      {"Lexus", "NX", "30.06.2023 - 16.01.2024", {{"Lexus NX 450h+ F Sport Line, 1e toelating 11/2023", "Lexus"}},
       {{"Lexus RX 450h+ F Sport Line, 11/2023", "Lexus"}}},
      {"Honda", "Civic, CR-V, Accord, HR-V", "01.06.2020 - 01.03.2021",
       {{"Honda CR-V 2.0 i-MMD Hybrid AWD Elegance, EZ 11/2020", "Honda"}, {"Honda HR-V 1.5 i-VTEC, 2020", "Honda"}},
       {{"Honda ZR-V 2.0 e:HEV, 2020", "Honda"}}},
      // A maker's numbered line, by its name or a model of it; not another
      // line, nor a body's chassis code ("C253" is a GLC Coupé); nor made
      // after the period, in the seller's words for it.
      {"Mercedes-Benz", "A-Class, B-Class", "18.6.2024 - 18.7.2024",
       {{"Mercedes-Benz A 200 Limousine Progressive, EZ 08/2024", "Mercedes-Benz"}, {"Mercedes-Benz A-Klasse A 180 d, 2024", "Mercedes-Benz"},
        {"Mercedes-Benz Classe A 200 Progressive", "Mercedes-Benz"}, {"Mercedes-Benz B200d Progressive 2024", "Mercedes-Benz"},
        {"Mercedes-AMG A 35 4MATIC 2024", "Mercedes-Benz"}, {"MB A 220d 4MATIC 2024", "Mercedes-Benz"}},
       {{"Mercedes-Benz C-Class C 200 Saloon, 07/2024", "Mercedes-Benz"}, {"Mercedes-Benz C 220 d T-Modell 2024", "Mercedes-Benz"},
        {"Mercedes-Benz GLC 250 d 4Matic Coupe (C253), 2024", "Mercedes-Benz"},
        {"Mercedes-Benz A 200, Produktionsdatum 02/2025", "Mercedes-Benz"}, {"Mercedes-Benz A 200, gyártási idő 03/2025", "Mercedes-Benz"},
        {"Mercedes-Benz A 200, bouwdatum 01/2025", "Mercedes-Benz"}}},
      {"Mercedes-Benz", "C-Class", "30.06.2021 - 6.06.2023", {{"Mercedes-Benz C220d (S206) Avantgarde, 09/2021", "Mercedes-Benz"}},
       {{"Mercedes-Benz GLC 250 d 4Matic Coupe (C253), 09/2021", "Mercedes-Benz"}}},
      {"Bmw", "1 series, 3 series, X3, E91 with 8TP", "02.01.2006 - 28.05.2008",
       {{"BMW 320d Touring (E91), EZ 09/2007", "BMW"}, {"BMW 3er Touring 2007", "BMW"}, {"BMW Serie 3 Touring 2007", "BMW"},
        {"BMW 118i 2007", "BMW"}},
       {{"BMW 520d Touring, 2007", "BMW"}, {"BMW 320 Touring 2007", "BMW"}}},
      // A line with more words, the class word after a model of letters, and
      // a body's code in brackets, which sellers seldom write (A12/00410/24's
      // "C-Class AMG", A12/01655/23's "GLC-class (BR 254)").
      {"Mercedes-Benz", "C-Class AMG", "27.09.2022 - 30.06.2023", {{"Mercedes-AMG C 43 4MATIC T-Modell, 12/2022", "Mercedes-Benz"}},
       {{"Mercedes-Benz C 220 d T-Modell, 12/2022", "Mercedes-Benz"}}},
      {"Mercedes-Benz", "GLC-class (BR 254)", "18.03.2022 - 19.04.2023",
       {{"Mercedes-Benz GLC 300 4MATIC (X254) AMG Line, EZ 11/2022", "Mercedes-Benz"}}, {}},
      // A series named by its digit alone (A12/00996/24's "i5, 5, i7, 7, ... 1").
      {"Bmw", "i5, 5, i7, 7, 1", "09.06.2022 - 27.01.2024",
       {{"BMW 118i (F40) Sport Line, 06/2023", "BMW"}, {"BMW 520d Limousine (G60), 01/2024", "BMW"}, {"BMW i5 eDrive40, 2024", "BMW"}},
       {{"BMW 320d Touring (G21), 06/2023", "BMW"}}},
      // A letter before the model's word (A12/01915/24's "F-PACE"), and a
      // variant's letters: the Q4 e-tron is not the e-tron GT.
      {"Jaguar", "F-PACE", "19.09.2023 - 17.01.2024", {{"Jaguar F-Pace P400e R-Dynamic SE, EZ 02/2024", "Jaguar"}},
       {{"Jaguar E-Pace P250 R-Dynamic, EZ 02/2024", "Jaguar"}}},
      {"Audi", "e-tron GT, RS e-tron GT", "09.01.2020 - 16.02.2024", {{"Audi e-tron GT quattro 2022", "Audi"}},
       {{"Audi Q4 e-tron 40 Sportback, 2022", "Audi"}}},
      // A model of a letter and a digit written parted (A12/03182/24's "H1").
      {"Hyundai", "H1", "08.05.2015 - 27.11.2020", {{"Hyundai H-1 Travel 2.5 CRDi Premium, EZ 2018, 8-Sitzer", "Hyundai"}},
       {{"Hyundai H-350 Kastenwagen, EZ 2018", "Hyundai"}}},
      // A powertrain closing the list, every name's (A12/03137/24's "3008,
      // 5008 - MHEV").
      {"Peugeot", "3008, 5008 - MHEV", "26/08/2024 - 03/09/2024", {{"Peugeot 3008 Hybrid 136 e-DCS6, 2024", "Peugeot"}},
       {{"Peugeot E-3008 GT 73 kWh 210 ch, 2024, 6 000 km", "Peugeot"}}},
      // A maker's other line inside the name (A12/02791/24's "Proace Verso").
      {"Toyota", "Proace Verso", "01.08.2024 - 31.10.2024", {{"Toyota Proace Verso 2.0 D-4D Family, Produktion 09/2024", "Toyota"}},
       {{"Toyota Proace City Verso 1.5 D-4D Team D, Produktion 09/2024", "Toyota"}}},
      // A fuel cell's powertrain in sellers' words (A12/02718/24's "Xcient
      // FCEV"); a model's own name quoted after its base (A12/03009/24's
      // 'Crafter "Grand California"'); a generation's numeral inside the
      // name (A12/03199/24's "TRAFIC III SPACENOMAD"); the plant a Toyota
      // was built in (A12/03632/24's "C-HR TMMT").
      {"Hyundai", "Xcient FCEV", "20.5.2021 - 8.2.2024",
       {{"Hyundai XCIENT Fuel Cell 4x2 Wechselbrücke, EZ 2022", "Hyundai"}, {"Hyundai Xcient Wasserstoff-LKW, EZ 2022", "Hyundai"}},
       {{"Hyundai Xcient 6x2 Diesel, EZ 2022", "Hyundai"}}},
      {"VW", "Crafter \"Grand California\"", "08.01.2024 - 06.08.2024", {{"VW Grand California 600, 2.0 TDI, EZ 05/2024", "VW"}},
       {{"VW California Ocean 2.0 TDI, EZ 05/2024", "VW"}}},
      {"Renault", "TRAFIC III SPACENOMAD", "09.05.2022 - 23.05.2022",
       {{"Renault Trafic SpaceNomad Blue dCi 150, 1re mise en circulation 06/2022", "Renault"}},
       {{"Renault Trafic Combi Blue dCi 150, 06/2022", "Renault"}}},
      {"Toyota", "AURIS TMUK, C-HR TMMT, COROLLA TMUK", "2018 - 2022", {{"Toyota C-HR 1.8 Hybrid Team D, EZ 2019", "Toyota"}},
       {{"Toyota Yaris 1.5 Hybrid, EZ 2019", "Toyota"}}},
      // A model's letters and number parted by a full stop, which sellers
      // run together (A12/01592/24's "ID.7"), and models joined by "&"
      // (A12/01428/24's "Kauai N (OS N) & Santa Fé PE (TM PE)").
      {"Volkswagen", "ID.3, ID.4, ID.5, ID.7", "4.4.2024 - 26.4.2024",
       {{"Volkswagen ID7 Pro 77 kWh, fabriqué en avril 2024", "Volkswagen"}, {"Volkswagen ID.7 Tourer Pro, produced 04/2024", "Volkswagen"}},
       {{"Volkswagen ID.Buzz Pro, produced 04/2024", "Volkswagen"}, {"Volkswagen ID70 concept model, 04/2024", "Volkswagen"}}},
      {"Hyundai", "Kauai N (OS N) & Santa Fé PE (TM PE)", "15.06.2020 - 03.05.2022",
       {{"Hyundai Kauai N 2.0 T-GDi 280cv DCT, 2021", "Hyundai"}, {"Hyundai Santa Fe PE 2.2 CRDi, 2021", "Hyundai"}},
       {{"Hyundai Tucson N Line 1.6 T-GDi, 2021", "Hyundai"}}},
  };
  for (const Case& c : cases) {
    const RecallIndex index = alert(c.brand, c.models, c.period);
    for (const auto& [title, brand] : c.reviewed) EXPECT_TRUE(reviewed(index, title, brand)) << c.models << ": " << title;
    for (const auto& [title, brand] : c.not_reviewed) EXPECT_FALSE(reviewed(index, title, brand)) << c.models << ": " << title;
  }
  // A model attribute of the model and its drive ("i5 eDrive40") is no
  // other model's code (A12/03529/24).
  {
    const RecallIndex index = alert("Bmw", "5series, i5, i7, 7series, M5", "17.06.2024 - 04.09.2024");
    Listing l = MakeListing("L", "BMW i5 eDrive40 Touring, Produktion 07/2024", "BMW");
    l.model = "i5 eDrive40";
    const auto m = index.Match(FromListing(l));
    EXPECT_TRUE(m.size() == 1 && m[0].action == RecallAction::kReview);
    l = MakeListing("L", "BMW M340i xDrive Touring, Produktion 07/2024", "BMW");
    l.model = "M340i xDrive";
    EXPECT_TRUE(index.Match(FromListing(l)).empty());
  }
  // Models each with its make in brackets, no comma between (A12/00859/24).
  Notice vans = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90021/24", "Passenger car", "CITROEN", "", "",
                           "Berlingo (Citroen) Partner (Peugeot) Proace city(Toyota) Combo(Opel)");
  vans.brands = {"CITROEN", "Opel", "Peugeot", "Toyota"};
  vans.category = "Motor vehicles";
  vans.production_period = "04.2019 - 04.2021 (STELLANTIS)\n12.2019 - 04.2021 (Toyota Motor Europe)";
  const MatchRecord vans_record = FromNotice(vans);
  ASSERT_EQ(vans_record.name_words.size(), 4u);
  EXPECT_EQ(vans_record.name_words[2], (std::vector<std::string>{"proace", "city"}));
  // The period a line gives the make the model was given with; the other
  // maker's line does not widen it.
  const RecallIndex by_vans({vans_record}, /*indexed_are_notices=*/true, &featurizer_, nullptr, options);
  EXPECT_TRUE(reviewed(by_vans, "Toyota Proace City 1.5 D-4D, produkcja 01/2020", "Toyota"));
  EXPECT_FALSE(reviewed(by_vans, "Toyota Proace City 1.5 D-4D, produkcja 11/2019", "Toyota"));
  EXPECT_TRUE(reviewed(by_vans, "Citroen Berlingo 1.5 BlueHDi, produkcja 05/2019", "Citroen"));
}

TEST_F(RecallMatcherTest, AGtinWithoutItsLeadingZerosIsTheSameGtin) {
  std::vector<MatchRecord> notices = {FromNotice(MakeNotice(NoticeSource::kUsCpsc, "26901", "Kettle", "Brewly", "", "00036000291452"))};
  const RecallIndex index(notices, /*indexed_are_notices=*/true, &featurizer_, nullptr);
  for (const char* gtin : {"036000291452", "36000291452", "0036000291452"}) {
    Listing l = MakeListing("L", "Electric kettle 1.7 l", "Generic");
    l.gtin = gtin;
    const auto m = index.Match(FromListing(l));
    ASSERT_EQ(m.size(), 1u) << gtin;
    EXPECT_EQ(m[0].action, RecallAction::kTakedown) << gtin;
  }
}

// Wholesale listings give a case's GTIN-14 (an indicator digit, the unit's
// GTIN-13 without its check digit, a new check digit): the unit's, packed.
TEST_F(RecallMatcherTest, ACasesGtin14IsOfItsUnit) {
  std::vector<MatchRecord> notices = {FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/90001/26", "Night light", "Lumora", "", "04006381333931")),
                                      FromNotice(MakeNotice(NoticeSource::kUsCpsc, "90002", "Kettles", "Brewly", "", "10036000291459"))};
  const RecallIndex index(notices, /*indexed_are_notices=*/true, &featurizer_, nullptr);
  const auto match_of = [&](const std::string& title, const std::string& brand, const std::string& gtin) {
    Listing l = MakeListing("L", title, brand, gtin);
    const auto m = index.Match(FromListing(l));
    return m.size() == 1 ? m[0] : RecallMatch{};
  };
  // The listing's case of the notice's unit, brand agreeing.
  const RecallMatch carton = match_of("Lumora night light, carton of 24", "Lumora", "14006381333938");
  EXPECT_EQ(carton.action, RecallAction::kTakedown);
  ASSERT_FALSE(carton.evidence.empty());
  EXPECT_EQ(carton.evidence[0], "same GTIN 04006381333931: the listing's GTIN-14 14006381333938 is of a case of that unit");
  // The notice's case, the listing's unit.
  EXPECT_EQ(match_of("Brewly electric kettle 1.7 l", "Brewly", "036000291452").action, RecallAction::kTakedown);
  // Brand unconfirmed: reviewed.
  const RecallMatch generic = match_of("Night light wholesale, 24 pcs", "", "34006381333932");
  EXPECT_EQ(generic.action, RecallAction::kReview);
  EXPECT_EQ(generic.evidence.back(), "rule: the listing's GTIN-14 is of a case of the notice's GTIN, but the brand is not confirmed -> review");
  // Variable measure (indicator 9), or another unit's case: nothing.
  EXPECT_EQ(match_of("Lumora night light", "Lumora", "94006381333934").action, RecallAction::kNone);
  EXPECT_EQ(match_of("Lumora night light, carton of 24", "Lumora", "14006381333945").action, RecallAction::kNone);
}

// A notice of a model and its suffixed sibling: a listing of the sibling
// agrees on that code itself, written with a hyphen before four digits
// and a letter ("2000S" is no quantity of seconds there).
TEST_F(RecallMatcherTest, TheSameCodeIsPreferredToASuffixedOne) {
  std::vector<MatchRecord> notices = {FromNotice(MakeNotice(NoticeSource::kUsCpsc, "90003", "Lumora portable power banks", "Lumora", "PB-2000", "",
                                                            "This recall involves Lumora power banks, model PB-2000 and PB-2000S."))};
  const RecallIndex index(notices, /*indexed_are_notices=*/true, &featurizer_, nullptr);
  const auto m = index.Match(FromListing(MakeListing("L", "Portable Power Bank 20000mAh PB-2000S", "Lumora")));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].action, RecallAction::kTakedown);
  EXPECT_NE(std::find(m[0].evidence.begin(), m[0].evidence.end(), "same model code PB2000S"), m[0].evidence.end())
      << fmt::format("{}", fmt::join(m[0].evidence, " | "));
}

// A notice naming thousands of brands (a feed's slip, or a hostile one)
// is matched on its first 256, so that it slows no run.
TEST_F(RecallMatcherTest, ANoticeOfThousandsOfBrandsIsMatchedOnTheFirst) {
  Notice many = MakeNotice(NoticeSource::kUsCpsc, "90042", "Widgets", "", "WX-4410", "");
  for (int k = 0; k < 5000; ++k) many.brands.push_back(fmt::format("Brandname{}", k));
  const MatchRecord record = FromNotice(many);
  EXPECT_EQ(record.brands.size(), 256u);
  const RecallIndex index({record}, /*indexed_are_notices=*/true, &featurizer_, nullptr);
  EXPECT_EQ(ActionOf(index, "Brandname10 widget WX-4410", "Brandname10"), RecallAction::kTakedown);
}

// A model field listing several models, as wholesale and variation
// listings give it: each is the listing's, the first the model.
TEST_F(RecallMatcherTest, AModelFieldListingSeveralModels) {
  const RecallIndex index(notice_records_, /*indexed_are_notices=*/true, &featurizer_, nullptr);
  for (const char* model : {"QC-30B/QC-65A", "QC-65A, QC-30B", "QC-30B; QC-65A/QC-20", "QC-30B | QC-65A | QC-20"}) {
    const auto m = index.Match(FromListing(MakeListing("L", "Voltix fast wall charger, wholesale", "Voltix", "", model)));
    ASSERT_EQ(m.size(), 1u) << model;
    EXPECT_EQ(m[0].action, RecallAction::kTakedown) << model;
    EXPECT_NE(std::find(m[0].evidence.begin(), m[0].evidence.end(), "same model code QC65A"), m[0].evidence.end()) << model;
  }
  EXPECT_TRUE(index.Match(FromListing(MakeListing("L", "Voltix fast wall charger, wholesale", "Voltix", "", "QC-30B/QC-20C"))).empty());
  // Read as a notice's model and other models are, so that the code given
  // first weighs as a model field's.
  const MatchRecord listed = FromListing(MakeListing("L", "Voltix charger", "Voltix", "", "QC-30B/QC-65A, QC-20C"));
  EXPECT_EQ(listed.record.Get("model"), "QC-30B");
  EXPECT_EQ(listed.record.Get("other models"), "QC-65A; QC-20C");
  // A suffix after a slash is no second model.
  const MatchRecord suffixed = FromListing(MakeListing("L", "Voltix charger", "Voltix", "", "QC-65A/B"));
  EXPECT_EQ(suffixed.record.Get("model"), "QC-65A/B");
}

// What B2B catalogues put in the brand attribute of goods sold under the
// buyer's label names no maker: the code is reviewed, as under "Generic".
TEST_F(RecallMatcherTest, WholesalePlaceholderBrandsNameNoMaker) {
  const RecallIndex index(notice_records_, /*indexed_are_notices=*/true, &featurizer_, nullptr);
  for (const char* brand : {"Generic", "OEM/ODM", "ODM", "Customized", "Customised Logo", "Custom", "Private Label", "White Label",
                            "Neutral/OEM", "Wholesale", "Factory Direct", "OEM Brand", "Your Logo", "Other", "Does not apply"})
    EXPECT_EQ(ActionOf(index, "Fast wall charger 65W QC-65A", brand), RecallAction::kReview) << brand;
  EXPECT_EQ(ActionOf(index, "Fast wall charger 65W QC-65A", "Chargex"), RecallAction::kNone);  // another maker's
  // A refill sold under such a brand is no takedown.
  EXPECT_EQ(ActionOf(index, "Voltix QC-65A lava rocks refill", "Wholesale"), RecallAction::kReview);
}

// A seller's word that the goods are not the recalled ones, the code named
// in it, is for a person to check.
TEST_F(RecallMatcherTest, NotTheRecalledModelIsReviewed) {
  const RecallIndex index(notice_records_, /*indexed_are_notices=*/true, &featurizer_, nullptr);
  for (const char* title : {"Voltix QC-30 charger, not the recalled QC-65A", "Voltix charger QC-65A, not affected by the QC-65A recall",
                            "Voltix charger QC-65A - recall does not apply"})
    EXPECT_EQ(ActionOf(index, title, "Voltix"), RecallAction::kReview) << title;
}

TEST_F(RecallMatcherTest, BothDirectionsAgree) {
  const RecallIndex by_notice(notice_records_, true, &featurizer_, nullptr);
  const RecallIndex by_listing(listing_records_, false, &featurizer_, nullptr);
  std::set<std::pair<std::string, std::string>> forward, backward;
  for (const auto& l : listing_records_)
    for (const auto& m : by_notice.Match(l)) forward.insert({by_notice.record(m.indexed).id, l.id});
  for (const auto& n : notice_records_)
    for (const auto& m : by_listing.Match(n)) backward.insert({n.id, by_listing.record(m.indexed).id});
  EXPECT_EQ(forward, backward);
  EXPECT_EQ(forward.size(), 3u);
}

TEST_F(RecallMatcherTest, BlockingScoresCandidatesNotEveryPair) {
  // 2,000 listings of other products from the same brands: none shares a
  // GTIN or a model code with a notice, and their brand-word keys are
  // common enough to be skipped.
  std::vector<MatchRecord> many = listing_records_;
  for (int i = 0; i < 2000; ++i)
    many.push_back(FromListing(MakeListing(fmt::format("X{}", i), fmt::format("Voltix charger cable TX{}0{}", i % 97, i), "Voltix")));
  RecallMatcherOptions options;
  options.max_block = 500;
  const RecallIndex index(many, false, &featurizer_, nullptr, options);
  size_t found = 0;
  for (const auto& n : notice_records_) found += index.Match(n).size();
  EXPECT_EQ(found, 3u);
  EXPECT_LT(index.candidates_scored(), 50u);
}

TEST(RecallBrandTest, AliasesJoinChineseAndLatinNames) {
  auto aliases = BrandAliases::Load(std::string(CONFORM_SHIPPED_DATA_DIR) + "/recalls/brand_aliases.yaml");
  ASSERT_TRUE(aliases.ok());
  const std::vector<MatchRecord> notices = {FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/00002/26", "Power bank", "Xiaomi", "PB2050ZM", ""))};
  PairFeaturizer featurizer;
  featurizer.Fit({&notices[0].record});
  RecallMatcherOptions options;
  options.brands = &aliases.value();
  const RecallIndex index(notices, true, &featurizer, nullptr, options);
  const auto hits = index.Match(FromListing(MakeListing("L", "小米 充电宝 20000mAh PB2050ZM 快充", "小米")));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].action, RecallAction::kTakedown);
  EXPECT_NE(std::find(hits[0].evidence.begin(), hits[0].evidence.end(), "brand named in both"), hits[0].evidence.end());
  // Without the alias table the brands are in conflict, so the code alone
  // is not enough.
  const RecallIndex plain(notices, true, &featurizer, nullptr);
  EXPECT_TRUE(plain.Match(FromListing(MakeListing("L", "小米 充电宝 20000mAh PB2050ZM 快充", "小米"))).empty());
}

TEST(RecallBlockingTest, KeysFromGtinCodesAndBrandWords) {
  PairFeaturizer featurizer;
  MatchRecord r = FromListing(MakeListing("L", "Sony Bravia KDL-40EX500 LCD television", "Sony", "4006381333931"));
  featurizer.Fit({&r.record});
  const auto keys = BlockingKeys(r, featurizer.Prepare(r.record));
  const std::set<std::string> got(keys.begin(), keys.end());
  EXPECT_TRUE(got.count("g:04006381333931"));
  EXPECT_TRUE(got.count("c:KDL40EX500"));
  EXPECT_TRUE(got.count("b:sony|bravia"));
  EXPECT_FALSE(got.count("b:sony|sony"));
  // An invalid GTIN is not used.
  EXPECT_TRUE(FromListing(MakeListing("L", "x", "", "4006381333932")).gtins.empty());
}


// A model that believes every pair (the same probability, 0.975, whatever
// the features): what the rules decide cannot come from it.
MatchModel TrustingModel() {
  FeatureMatrix x(40, PairFeaturizer::FeatureCount());
  std::fill(x.values.begin(), x.values.end(), 0.5f);
  std::vector<float> y(40, 1);
  y[0] = 0;
  BoostingOptions options;
  options.max_rounds = 60;
  options.learning_rate = 0.5;
  options.parallel_trees = 1;
  auto model = MatchModel::Train(x, y, nullptr, nullptr, options);
  EXPECT_TRUE(model.ok());
  return std::move(model).value();
}

bool HasEvidence(const RecallMatch& m, std::string_view line) {
  return std::find(m.evidence.begin(), m.evidence.end(), line) != m.evidence.end();
}

class RecallRulesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    notices_ = {
        FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/00010/26", "Voltix Nova charger 65W", "Voltix", "VX-1588", "")),
        FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/00011/26", "Charger", "Breezo", "", "")),  // kind only
        FromNotice(MakeNotice(NoticeSource::kUsCpsc, "26102", "Power bank", "Unknown", "PB-2050Z", "")),   // code, no brand
        FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/00012/26", "Kettle", "Kettlo", "KT-1700", "04006381333931")),
        FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/00013/26", "Hair dryer", "Lumo", "HD2200X", "")),
    };
    std::vector<const Record*> corpus;
    for (const auto& r : notices_) corpus.push_back(&r.record);
    featurizer_.Fit(corpus);
  }

  std::vector<RecallMatch> Match(const Listing& listing, RecallMatcherOptions options = {}) const {
    const RecallIndex index(notices_, true, &featurizer_, &model_, options);
    return index.Match(FromListing(listing));
  }

  std::vector<MatchRecord> notices_;
  PairFeaturizer featurizer_;
  MatchModel model_ = TrustingModel();
};

TEST_F(RecallRulesTest, TheModelAgreesWithEverything) {
  const auto p = model_.Predict(FeatureMatrix(2, PairFeaturizer::FeatureCount()));
  ASSERT_TRUE(p.ok());
  EXPECT_GT(p.value()[0], 0.9);
}

TEST_F(RecallRulesTest, ModelCodeAndBrandTakeDown) {
  const auto hits = Match(MakeListing("L", "Voltix Nova VX1588-EU charger 65W USB C", "Voltix"));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].action, RecallAction::kTakedown);
  EXPECT_TRUE(HasEvidence(hits[0], "model code VX1588 with a suffix (VX1588EU)") || HasEvidence(hits[0], "model code VX1588 in the listing"));
  EXPECT_EQ(hits[0].evidence.back(), "rule: notice model code and brand in the listing -> takedown");
  // A size or a successor joined to the code may be another model: review.
  for (const char* title : {"Voltix Nova VX1588XL charger 65W USB C", "Voltix Nova VX1588X charger 65W USB C"}) {
    const auto suffixed = Match(MakeListing("L", title, "Voltix"));
    ASSERT_EQ(suffixed.size(), 1u) << title;
    EXPECT_EQ(suffixed[0].action, RecallAction::kReview) << title;
    EXPECT_TRUE(suffixed[0].evidence.back().starts_with("rule: notice model code in the listing, but written")) << suffixed[0].evidence.back();
  }
  // The same pair, the model not confident enough: review.
  RecallMatcherOptions strict;
  strict.takedown_at = 0.99;
  const auto reviewed = Match(MakeListing("L", "Voltix Nova VX1588 charger 65W USB C", "Voltix"), strict);
  ASSERT_EQ(reviewed.size(), 1u);
  EXPECT_EQ(reviewed[0].action, RecallAction::kReview);
  EXPECT_EQ(reviewed[0].evidence.back(), "rule: notice model code in the listing, but match probability below 0.99 -> review");
  // In the model fields of both, the kinds agreeing: the model's doubt is
  // not about the product.
  auto kinds = ProductKinds::LoadDefault();
  ASSERT_TRUE(kinds.ok());
  strict.kinds = kinds.value().get();
  const auto in_fields = Match(MakeListing("L", "Voltix Nova charger 65W USB C", "Voltix", "", "VX-1588"), strict);
  ASSERT_EQ(in_fields.size(), 1u);
  EXPECT_EQ(in_fields[0].action, RecallAction::kTakedown) << in_fields[0].evidence.back();
  const auto in_title = Match(MakeListing("L", "Voltix Nova VX1588 charger 65W USB C", "Voltix"), strict);
  ASSERT_EQ(in_title.size(), 1u);
  EXPECT_EQ(in_title[0].action, RecallAction::kReview);
  // With a suffix, the code may name a sibling: the model's doubt counts.
  // Joined to it, a market's letters too; set apart, the code for that
  // market ("VX-1588-EU").
  for (const char* model : {"VX-1588J", "VX1588EU"}) {
    const auto suffixed = Match(MakeListing("L", "Voltix Nova charger 65W USB C", "Voltix", "", model), strict);
    ASSERT_EQ(suffixed.size(), 1u) << model;
    EXPECT_EQ(suffixed[0].action, RecallAction::kReview) << model;
  }
  for (const char* model : {"VX-1588-EU", "vx1588-uk"})
    ExpectOneTakedown(Match(MakeListing("L", "Voltix Nova charger 65W USB C", "Voltix", "", model), strict), model);
}

// Nothing identifies the product, and the listing sells something made
// for it or an accessory of it: however sure the model, no finding.
TEST_F(RecallRulesTest, AnAccessoryOfAProductNothingIdentifiesIsNoFinding) {
  ASSERT_EQ(Match(MakeListing("L", "Breezo charger 65W", "Breezo")).size(), 1u);
  EXPECT_TRUE(Match(MakeListing("L", "Replacement cable for Breezo charger", "")).empty());
}

TEST_F(RecallRulesTest, ASiblingModelIsNotMatched) {
  // Same brand, line and kind, title all but equal; another model code.
  EXPECT_TRUE(Match(MakeListing("L", "Voltix Nova charger 65W VX-1589", "Voltix")).empty());
  EXPECT_TRUE(Match(MakeListing("L", "Voltix Nova charger 65W", "Voltix", "", "VX1575")).empty());
}

TEST(RecallBrandTest, BrandsWrittenInBracketsTogetherOrShortened) {
  std::vector<MatchRecord> notices = {
      FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "SR/03808/24", "Puzzle", "Legler (Smallfoot)", "", "04020972115034")),
      FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/03211/24", "Childrens high chair", "Kikka boo", "KB-5521", "")),
      FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "SR/03778/24", "Make-up concealer", "MUA MAKEUP ACADEMY PROFESSIONAL", "MU-7730",
                            "")),
  };
  PairFeaturizer featurizer;
  featurizer.Fit({&notices[0].record, &notices[1].record, &notices[2].record});
  const RecallIndex index(notices, true, &featurizer, nullptr);
  // The maker and, in brackets, its brand: each is the notice's brand.
  const auto puzzle = index.Match(FromListing(MakeListing("L", "small foot City Vehicles Puzzle Holz", "Small Foot", "4020972115034")));
  ASSERT_EQ(puzzle.size(), 1u);
  EXPECT_EQ(puzzle[0].action, RecallAction::kTakedown);
  EXPECT_TRUE(HasEvidence(puzzle[0], "brand named in both"));
  // Written together: a candidate, and the same brand.
  const auto chair = index.Match(FromListing(MakeListing("L", "KIKKABOO high chair KB5521 grey", "Kikkaboo")));
  ASSERT_EQ(chair.size(), 1u);
  EXPECT_EQ(chair[0].action, RecallAction::kTakedown);
  // A line "by" its maker's brand: each is the notice's brand.
  {
    std::vector<MatchRecord> by = {
        FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "B1", "Hair conditioner", "Elvive by LOREAL PARIS", "EV-4410", ""))};
    PairFeaturizer by_featurizer;
    by_featurizer.Fit({&by[0].record});
    const RecallIndex by_index(by, true, &by_featurizer, nullptr);
    for (const char* brand : {"L'Oréal Paris", "Elvive"}) {
      const auto hits = by_index.Match(FromListing(MakeListing("L", "Elvive Nutri Gloss conditioner EV-4410 200ml", brand)));
      ASSERT_EQ(hits.size(), 1u) << brand;
      EXPECT_EQ(hits[0].action, RecallAction::kTakedown) << brand;
    }
  }
  // The long name's first word: not confirmed, not in conflict.
  const auto concealer = index.Match(FromListing(MakeListing("L", "Pro Base concealer MU-7730 light", "MUA")));
  ASSERT_EQ(concealer.size(), 1u);
  EXPECT_EQ(concealer[0].action, RecallAction::kReview);
  EXPECT_EQ(concealer[0].evidence.back(), "rule: notice model code in the listing, but the brand is not confirmed -> review");
  EXPECT_TRUE(index.Match(FromListing(MakeListing("L", "Concealer MU-7730 light", "Catrice"))).empty());
  // One letter apart, or two swapped: a misspelling as often as another
  // firm. Not confirmed, not in conflict.
  std::vector<MatchRecord> fan = {FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "F", "Desk fan", "Bipoint", "BP-2210", ""))};
  PairFeaturizer fan_featurizer;
  fan_featurizer.Fit({&fan[0].record});
  const RecallIndex fan_index(fan, true, &fan_featurizer, nullptr);
  for (const char* brand : {"Bigpoint", "Biopint", "BiPoints"}) {
    const auto spelled = fan_index.Match(FromListing(MakeListing("L", "Desk fan BP-2210 white", brand)));
    ASSERT_EQ(spelled.size(), 1u) << brand;
    EXPECT_EQ(spelled[0].evidence.back(), "rule: notice model code in the listing, but the brand is not confirmed -> review") << brand;
  }
  for (const char* brand : {"Bigpointer", "Pointy"}) EXPECT_TRUE(fan_index.Match(FromListing(MakeListing("L", "Desk fan BP-2210 white", brand))).empty()) << brand;
  // A place or a word in brackets is no brand; a two-word brand's first
  // word is another brand.
  std::vector<MatchRecord> others = {
      FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A", "Power bank", "Voltix (EU)", "PB-8810", "")),
      FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "B", "Desk lamp", "Star Light", "SL-4410", "")),
  };
  PairFeaturizer plain;
  plain.Fit({&others[0].record, &others[1].record});
  const RecallIndex other_index(others, true, &plain, nullptr);
  EXPECT_TRUE(other_index.Match(FromListing(MakeListing("L", "Power bank 20000mAh PB-8810, EU plug", "PowerMax"))).empty());
  EXPECT_TRUE(other_index.Match(FromListing(MakeListing("L", "Desk lamp SL-4410 LED", "Star"))).empty());
}

TEST(RecallIdentityTest, AGroupOfTheNoticesOwnBarcodeIsNoModelCode) {
  // Health Canada's table writes the UPC in groups; "29145" is part of it.
  std::vector<MatchRecord> notices = {FromNotice(MakeNotice(
      NoticeSource::kCaHealthCanada, "RA-66524", "Musical jumbo wooden xylophone", "Petit Collage", "TT.1902.0617", "00036000291452",
      "Product Model UPC\nMusical jumbo wooden xylophone TT.1902.0617 0 36000 29145 2"))};
  PairFeaturizer featurizer;
  featurizer.Fit({&notices[0].record});
  const RecallIndex index(notices, true, &featurizer, nullptr);
  const auto explained = index.Explain(FromListing(MakeListing("L", "Pound and tap bench with xylophone 29145", "Petit Collage")));
  ASSERT_EQ(explained.size(), 1u);  // a candidate by brand and title word, judged
  EXPECT_NE(explained[0].action, RecallAction::kTakedown);
  EXPECT_FALSE(HasEvidence(explained[0], "same model code 29145")) << fmt::format("{}", fmt::join(explained[0].evidence, " | "));
  // The model number itself still identifies.
  const auto hits = index.Match(FromListing(MakeListing("L", "Petit Collage xylophone TT.1902.0617", "Petit Collage")));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].action, RecallAction::kTakedown);
}

TEST(RecallVariantTest, ANoticesPackagingSuffixIsNearNotAnotherModel) {
  std::vector<MatchRecord> notices = {
      FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/00020/26", "Netgear ProSafe 8-port switch", "Netgear", "GS108E-100NAS", "")),
      FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/00021/26", "Lumo desk lamp", "Lumo", "DL12345", "")),
  };
  PairFeaturizer featurizer;
  featurizer.Fit({&notices[0].record, &notices[1].record});
  const MatchModel model = TrustingModel();
  const RecallIndex index(notices, true, &featurizer, &model);
  // The switch sold without its North American packaging suffix: a review.
  const auto hits = index.Match(FromListing(MakeListing("L", "Netgear ProSafe Plus switch 8-port GS108E", "Netgear")));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].action, RecallAction::kReview);
  EXPECT_EQ(hits[0].evidence.back(), "rule: notice model code only near the listing's, brand and description agree -> review");
  EXPECT_NE(std::find(hits[0].evidence.begin(), hits[0].evidence.end(), "model code GS108E100NAS without its suffix (GS108E)"),
            hits[0].evidence.end())
      << fmt::format("{}", fmt::join(hits[0].evidence, " | "));
  // A digit more is another model, not a variant.
  EXPECT_TRUE(index.Match(FromListing(MakeListing("L", "Lumo desk lamp DL1234", "Lumo"))).empty());
}

TEST_F(RecallRulesTest, AStemOnlyAgreementIsReviewed) {
  // Other finish letters, none, or more letters after the notice's final
  // letter: the same base model, perhaps not the same product.
  for (const char* title : {"Lumo hair dryer HD2200Z 2200W", "Lumo hair dryer HD2200 2200W", "Lumo hair dryer HD2200XL 2200W"}) {
    const auto hits = Match(MakeListing("L", title, "Lumo"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
    EXPECT_EQ(hits[0].evidence.back(), "rule: notice model code only near the listing's, brand and description agree -> review");
  }
  // Without the brand, or below the review bar, nothing.
  EXPECT_TRUE(Match(MakeListing("L", "Hair dryer HD2200Z 2200W", "")).empty());
  RecallMatcherOptions strict;
  strict.review_unidentified_at = 0.99;
  EXPECT_TRUE(Match(MakeListing("L", "Lumo hair dryer HD2200Z 2200W", "Lumo"), strict).empty());
}

TEST_F(RecallRulesTest, AMakersMarketSuffixIsNearTheCode) {
  // "F0", "E1": the unit a maker made for one market, perhaps the recalled
  // one; for a person to tell, with the brand.
  for (const char* title : {"Voltix Nova charger 65W VX1588F0", "Voltix Nova VX-1588E1 charger"}) {
    const auto hits = Match(MakeListing("L", title, "Voltix"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
    EXPECT_EQ(hits[0].evidence.back(), "rule: notice model code only near the listing's, brand and description agree -> review");
  }
  EXPECT_TRUE(HasEvidence(Match(MakeListing("L", "Voltix Nova charger 65W VX1588F0", "Voltix"))[0],
                          "model code VX1588 with a maker's market suffix (VX1588F0)"));
  EXPECT_TRUE(Match(MakeListing("L", "Charger 65W VX1588F0", "")).empty());
  // More digits after the letter, or a digit straight after the code, make
  // another model.
  EXPECT_TRUE(Match(MakeListing("L", "Voltix Nova charger 65W VX1588F12", "Voltix")).empty());
  EXPECT_TRUE(Match(MakeListing("L", "Voltix Nova charger 65W VX15880", "Voltix")).empty());
}

TEST_F(RecallRulesTest, ACodeOnlyNoticeAndAnotherBrand) {
  // The notice's brand is a placeholder: the code is found, the brand is
  // not confirmed, so a person looks.
  const auto unbranded = Match(MakeListing("L", "Portable power bank PB2050Z 20000mAh", "Ankora"));
  ASSERT_EQ(unbranded.size(), 1u);
  EXPECT_EQ(unbranded[0].action, RecallAction::kReview);
  EXPECT_EQ(unbranded[0].evidence.back(), "rule: notice model code in the listing, but the brand is not confirmed -> review");
  // A known brand against another known brand: nothing, same code or not.
  EXPECT_TRUE(Match(MakeListing("L", "Kettle KT1700 1.7L", "Teakraft")).empty());
  // "Original" is a label's word, not a brand: a listing saying its goods
  // are original confirms no notice's "ORIGINAL".
  std::vector<MatchRecord> notices = {FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/03498/24", "Stand charger", "ORIGINAL", "QC-3498U", ""))};
  const RecallIndex index(notices, true, &featurizer_, nullptr);
  const auto original = index.Match(FromListing(MakeListing("L", "Ugreen QC-3498U stand charger original", "Ugreen")));
  ASSERT_EQ(original.size(), 1u);
  EXPECT_EQ(original[0].action, RecallAction::kReview);
}

TEST_F(RecallRulesTest, ACodeAloneIsACoincidence) {
  // Another maker's camera with the power bank's code, no brand field, no
  // word in common: nothing, and Explain says why.
  const Listing camera = MakeListing("L", "Nikon PB2050Z DSLR camera with 18-55mm lens", "");
  EXPECT_TRUE(Match(camera).empty());
  const RecallIndex index(notices_, true, &featurizer_, &model_);
  const auto explained = index.Explain(FromListing(camera));
  ASSERT_EQ(explained.size(), 1u);
  EXPECT_EQ(explained[0].evidence.back(),
            "rule: only the model code agrees (no brand, title word or kind of product in common) -> none");
  // One word of the notice's product name, in the plural too, is enough
  // for a person to look; digits and short words are not.
  for (const char* title : {"PB2050Z power banks 20000mAh", "Portable bank PB2050Z"}) {
    const auto hits = Match(MakeListing("L", title, ""));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
  }
  EXPECT_TRUE(Match(MakeListing("L", "PB2050Z 20000 mAh kit", "")).empty());
}

TEST_F(RecallRulesTest, SomethingMadeForTheProductIsReviewedNotTakenDown) {
  // Brand and code as the charger itself would show them, but the listing
  // sells a replacement, or something for the brand's products; and "for"
  // before the brand and the code under the brand's own name (brand field
  // "Voltix"): an accessory seller's, or the maker's spare.
  const std::vector<std::pair<std::string, std::string>> made_for = {
      {"Voltix replacement charger VX-1588 65W", ""}, {"Universal charger for Voltix VX1588 65W", ""},
      {"Voltix VX-1588 charger spare cable", ""},     {"Voltix VX1588 accessory kit", ""},
      {"Remote control for Voltix VX1588", "Voltix"}, {"Télécommande pour Voltix VX1588", "Voltix"},
      {"Pilot do Voltix VX1588", "Voltix"},           {"Shelf for Voltix VX1588 charger", "Voltix"},
      {"Remote for the Voltix VX1588 charger", "Voltix"}};
  for (const auto& [title, brand] : made_for) {
    const auto hits = Match(MakeListing("L", title, brand));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
    EXPECT_EQ(hits[0].evidence.back(), "rule: notice model code in the listing, but the listing may sell something made for it -> review")
        << title;
  }
  // The same in the languages sellers write, the kind of product between
  // "pour" and the brand as French has it.
  for (const char* title : {"Chargeur pour ordinateur Voltix VX1588 65W", "Ladegerät für Voltix VX1588 Laptop",
                            "Cargador de repuesto Voltix VX1588", "Voltix VX1588 充电器 兼容", "Зарядное устройство для ноутбука Voltix VX1588",
                            "Совместимый блок питания Voltix VX1588", "Voltix VX1588 호환 충전기", "Voltix VX1588 전용 충전 케이블",
                            "Carregador de reposição Voltix VX1588", "Charger pengganti untuk laptop Voltix VX1588",
                            "Voltix VX1588 uyumlu şarj cihazı", "Sạc thay thế cho Voltix VX1588", "Cáp sạc cho máy tính Voltix VX1588",
                            "Náhradní nabíječka Voltix VX1588", "Kompatibilná nabíjačka Voltix VX1588",
                            "Vervangende lader Voltix VX1588", "Laddare som passar till Voltix VX1588", "Reservdel laddare Voltix VX1588",
                            "Oplader til bærbar Voltix VX1588", "Yhteensopiva laturi Voltix VX1588", "Kompatibilis töltő Voltix VX1588",
                            "Încărcător pentru laptop Voltix VX1588", "Încărcător compatibil Voltix VX1588",
                            "Φορτιστής συμβατός Voltix VX1588", "Φορτιστής για laptop Voltix VX1588",
                            // What it replaces or works with; traditional Chinese and Japanese.
                            "65W charger replaces Voltix VX1588", "Ladegerät ersetzt Voltix VX1588",
                            "Voltix VX1588 互換 充電器", "適用於 Voltix VX1588 充電器", "Voltix VX1588 相容充電器"}) {
    const auto hits = Match(MakeListing("L", title, ""));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].evidence.back(), "rule: notice model code in the listing, but the listing may sell something made for it -> review")
        << title;
  }
  // "Compatible" under the maker's own brand says what the product works
  // with; under another brand, or none, it is made for the notice's.
  for (const char* title : {"Voltix VX1588 MagSafe Compatible Wireless Charger 65W", "Voltix VX1588 Ladegerät Alexa kompatibel"}) {
    const auto own = Match(MakeListing("L", title, "Voltix"));
    ASSERT_EQ(own.size(), 1u) << title;
    EXPECT_EQ(own[0].action, RecallAction::kTakedown) << title << ": " << own[0].evidence.back();
    const auto others = Match(MakeListing("L", title, ""));
    ASSERT_EQ(others.size(), 1u) << title;
    EXPECT_EQ(others[0].action, RecallAction::kReview) << title;
  }
  EXPECT_EQ(Match(MakeListing("L", "Voltix VX1588 replacement charger", "Voltix"))[0].action, RecallAction::kReview);
  // The Portuguese "passar" is to iron, not to fit: an iron, not something
  // made for one.
  const auto iron = Match(MakeListing("L", "Ferro de passar roupa Voltix VX1588", "Voltix"));
  ASSERT_EQ(iron.size(), 1u);
  EXPECT_EQ(iron[0].action, RecallAction::kTakedown) << iron[0].evidence.back();
  // A GTIN in the text of a listing made for the product is the code of
  // what it fits: reviewed. In the listing's GTIN field too: sellers copy
  // the product's barcode onto what they sell for it.
  {
    std::vector<MatchRecord> notices = {
        FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/01135/24", "Bicycle helmet", "Limar", "Torino", "08055186669918"))};
    const RecallIndex index(notices, true, &featurizer_, nullptr);
    Listing pads = MakeListing("L", "Replacement inner padding set for Limar Torino helmet", "");
    pads.description = "Fits: LIMAR Torino (EAN 8055186669918)";
    auto hits = index.Match(FromListing(pads));
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].action, RecallAction::kReview);
    EXPECT_EQ(hits[0].evidence.back(),
              "rule: shared GTIN, written in the listing's description, but the listing may sell something made for it -> review");
    pads.gtin = "8055186669918";
    hits = index.Match(FromListing(pads));
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].action, RecallAction::kReview);
    EXPECT_EQ(hits[0].evidence.back(), "rule: shared GTIN, but the listing may sell something made for it -> review");
    Listing visor = MakeListing("L", "Ersatzvisier Torino Helm klar", "Limar", "8055186669918");
    hits = index.Match(FromListing(visor));
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].action, RecallAction::kReview);
    Listing cover = MakeListing("L", "Limar Torino helmet cover, waterproof", "Limar", "8055186669918");
    hits = index.Match(FromListing(cover));
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].evidence.back(), "rule: shared GTIN, but the listing may sell an accessory of it (cover) -> review");
    Listing helmet = MakeListing("L", "Limar Torino bicycle helmet, size M, with visor", "Limar", "8055186669918");
    hits = index.Match(FromListing(helmet));
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].action, RecallAction::kTakedown);
  }
  // The maker's own listing may say "for": its brand field is the notice's.
  const auto own = Match(MakeListing("L", "Voltix Nova VX1588 charger 65W for Voltix laptops", "Voltix"));
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own[0].action, RecallAction::kTakedown);
}

TEST_F(RecallRulesTest, AnAccessoryShowingTheCodeAndBrandIsReviewedNotTakenDown) {
  // A cover or case names the product's brand and code as the product
  // would; sold with the product, it is the product.
  for (const char* title : {"Voltix VX1588 charger silicone cover", "Voltix VX1588 Schutzhülle", "Étui Voltix VX1588", "Voltix VX1588 保护套",
                            "Чехол Voltix VX1588", "Voltix VX1588 실리콘 케이스", "Capa Voltix VX1588", "Sarung Voltix VX1588",
                            "Voltix VX1588 kılıf", "Ốp lưng Voltix VX1588", "Pouzdro Voltix VX1588", "Ochranné sklo Voltix VX1588",
                            "เคสซิลิโคน Voltix VX1588", "حافظة Voltix VX1588", "Voltix VX1588 beschermhoes", "Fodral Voltix VX1588",
                            "Voltix VX1588 skærmbeskytter", "Voltix VX1588 deksel", "Voltix VX1588 suojakotelo", "Voltix VX1588 tok",
                            "Husă Voltix VX1588", "Θήκη Voltix VX1588", "ΘΗΚΗ Voltix VX1588"}) {
    const auto hits = Match(MakeListing("L", title, "Voltix"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
    EXPECT_NE(hits[0].evidence.back().find("but the listing may sell an accessory of it"), std::string::npos) << hits[0].evidence.back();
  }
  // The word as the seller wrote it.
  EXPECT_EQ(Match(MakeListing("L", "Voltix VX1588 Schutzhülle, schwarz", "Voltix"))[0].evidence.back(),
            "rule: notice model code in the listing, but the listing may sell an accessory of it (Schutzhülle) -> review");
  EXPECT_EQ(Match(MakeListing("L", "Voltix VX1588 Screen-Protector", "Voltix"))[0].evidence.back(),
            "rule: notice model code in the listing, but the listing may sell an accessory of it (Screen-Protector) -> review");
  for (const char* title : {"Voltix VX1588 charger 65W with carrying case", "Voltix VX1588 Ladegerät mit Tasche",
                            "Voltix VX1588 charger 65W in black case", "Voltix VX1588 Ladegerät im Etui",
                            "Carregador Voltix VX1588 com estojo", "Voltix VX1588 laddare med fodral", "Voltix VX1588 lader i veske",
                            "Încărcător Voltix VX1588 cu husă", "Φορτιστής Voltix VX1588 με θήκη",
                            "Voltix VX1588 charger 65W, USB-C cable included"}) {
    const auto hits = Match(MakeListing("L", title, "Voltix"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kTakedown) << title;
  }
  // Parts made for a device: its power adapter, cable, filter, tripod, a
  // bracket to mount it.
  for (const char* title : {"Voltix VX1588 USB-C cable 2 m", "Voltix VX1588 HEPA filter",
                            "Voltix VX1588 tripod", "Voltix VX1588 ceiling mount bracket",
                            "Voltix VX1588 Ladekabel", "Trépied Voltix VX1588", "Cavo Voltix VX1588",
                            // and its remote control, a manual, a German
                            // compound of a bag, a holder or a cover.
                            "Voltix VX1588 Fernbedienung Original", "Voltix VX1588 remote control", "Voltix VX1588 remote control black",
                            "Voltix VX1588 Remote Control Genuine", "Voltix VX1588 Brush Bar", "Voltix VX1588 user manual printed",
                            "Tragetasche Hartschale Voltix VX1588 schwarz", "Voltix VX1588 Tischhalterung",
                            "Voltix VX1588 Schonbezug grau",
                            // A glass shelf, a storage pocket, pan protectors.
                            "Voltix VX1588 glass shelf 40 cm", "Voltix VX1588 storage pocket organiser",
                            "Voltix VX1588 pan protectors 3 pcs",
                            // A fridge's or a grill's parts, a part sold as one.
                            "Voltix VX1588 door shelf bin, genuine OEM part", "Voltix VX1588 crisper drawer",
                            "Voltix VX1588 door handle", "Voltix VX1588 grill grates",
                            "Voltix VX1588 igniter", "Voltix VX1588 pizza stone", "Voltix VX1588 Ersatzteil",
                            "Pièce détachée Voltix VX1588", "Voltix VX1588 stand",
                            // A bag, a seal, a door handle, a hinge, a nozzle.
                            "Torba na ładowarkę Voltix VX1588", "Sacoche Voltix VX1588", "Borsa per Voltix VX1588",
                            "Tas Voltix VX1588 zwart", "Voltix VX1588 Dichtung", "Voltix VX1588 Türgriff rot",
                            "Voltix VX1588 Scharnier", "Voltix VX1588 Düse", "Voltix VX1588 Displayschutz",
                            "Voltix VX1588 Ständer", "Voltix VX1588 Ring Halter", "Voltix VX1588 Schublade"}) {
    const auto hits = Match(MakeListing("L", title, "Voltix"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
  }
  // With the product: after "+", or "mit".
  for (const char* title : {"Voltix VX1588 Ladegerät + Tasche + Kabel Bundle", "Voltix VX1588 Ladegerät mit Tragetasche",
                            "Voltix VX1588 Charger + Carry Case + Cable Bundle", "Voltix VX1588 charger & hard shell case",
                            "Voltix VX1588 Ladegerät & Tragetasche", "Voltix VX1588 charger 65W, remote control",
                            // Before the product's noun, or beside the
                            // product's words, a remote is a feature.
                            "Voltix VX1588 remote control car charger", "Voltix VX1588 Ladegerät Fernbedienung Timer",
                            // A charging station is a charger; an extension
                            // cable is a product.
                            "Voltix VX1588 USB Ladestation 6-fach", "Voltix VX1588 Verlängerungskabel 3-fach",
                            // A stand is a stand mixer's name.
                            "Voltix VX1588 stand mixer 1000W",
                            // "do" (for) before a noun: the kitchen's.
                            "Ładowarka retro do kuchni Voltix VX1588 czerwona"}) {
    const auto hits = Match(MakeListing("L", title, "Voltix"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kTakedown) << title << ": " << hits[0].evidence.back();
  }
}

// Sellers name the recalled product to say theirs is another: its GTIN
// right after "for", "fits", "not" or "original" in the title, its GTIN
// after such words in the description in the languages sellers write, its
// model after "not", "instead of" or "successor". Reviewed, not taken down.
TEST_F(RecallRulesTest, TheRecalledProductNamedAsAnotherIsReviewed) {
  const auto review = [&](const Listing& l, std::string_view rule_part) {
    const auto hits = Match(l);
    ASSERT_EQ(hits.size(), 1u) << l.title << " | " << l.description;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << l.title << " | " << l.description << ": " << hits[0].evidence.back();
    EXPECT_NE(hits[0].evidence.back().find(rule_part), std::string::npos) << hits[0].evidence.back();
  };
  for (const char* title : {"Deckel passend für EAN 4006381333931", "Stopper for EAN 4006381333931", "Glass stopper fits 4006381333931",
                            "Coperchio per EAN 4006381333931", "Lock passar EAN 4006381333931", "Deckel für Strichcode 4006381333931", "Kettle, not 4006381333931", "Kettle stopper (original EAN 4006381333931)"})
    review(MakeListing("L", title), "gives it as another product's");
  // A lid is an accessory, whatever else the title says.
  review(MakeListing("L", "Kettle lid for EAN 4006381333931"), "may sell an accessory of it (lid)");
  // "for" a use before the number is not one.
  const auto takedown = [&](const Listing& l) {
    const auto hits = Match(l);
    ASSERT_EQ(hits.size(), 1u) << l.title;
    EXPECT_EQ(hits[0].action, RecallAction::kTakedown) << l.title << ": " << hits[0].evidence.back();
  };
  takedown(MakeListing("L", "Glass kettle for tea 4006381333931"));
  for (const char* description : {"Ersatzteil, pasuje do EAN 4006381333931", "Passt zu EAN 4006381333931", "Convient au EAN 4006381333931",
                                  "Vhodné pro EAN 4006381333931", "Odpowiedni do EAN 4006381333931", "Zamiennik EAN 4006381333931",
                                  "Non è EAN 4006381333931", "Anstelle von EAN 4006381333931"}) {
    Listing l = MakeListing("L", "Glass kettle 1.7 l");
    l.description = description;
    review(l, "gives it as another product's");
  }
  for (const char* title : {"Voltix VX-1600 charger (nicht VX-1588)", "Voltix VX-1600 charger, successor to the VX-1588",
                            "Chargeur Voltix VX-1600 au lieu du VX-1588", "Voltix VX-1600 Ladegerät, Nachfolger des VX1588",
                            "Voltix VX-1600 charger instead of Voltix VX-1588", "Nabíječka Voltix VX-1600, ne VX-1588",
                            "Cargador Voltix VX-1600, no es el VX-1588", "Cargador Voltix VX-1600, no VX-1588",
                            "Cargador Voltix VX-1600 (no el VX-1588)", "Cargador Voltix VX-1600 en lugar del VX-1588"})
    review(MakeListing("L", title, "Voltix"), "names the code as another model's");
  takedown(MakeListing("L", "Voltix VX-1588 charger, not for children", "Voltix"));
  takedown(MakeListing("L", "Voltix charger Model No VX-1588", "Voltix"));
  takedown(MakeListing("L", "Cargador Voltix Modelo No VX-1588", "Voltix"));
  takedown(MakeListing("L", "Cargador Voltix 65W No. VX-1588", "Voltix"));

}

TEST_F(RecallRulesTest, AReviewSaysWhatTheListingDoesNotShow) {
  // The notice gives a GTIN and a model code; the listing shows neither.
  const auto hits = Match(MakeListing("L", "Kettlo glass kettle 1.7L", "Kettlo"));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].action, RecallAction::kReview);
  EXPECT_EQ(hits[0].evidence.back(), "rule: the listing shows no GTIN or model code to compare, brand and description agree -> review");
  // Below the review bar it is left out, and Explain says so.
  RecallMatcherOptions strict;
  strict.review_unidentified_at = 0.99;
  const RecallIndex index(notices_, true, &featurizer_, &model_, strict);
  const auto explained = index.Explain(FromListing(MakeListing("L", "Kettlo glass kettle 1.7L", "Kettlo")));
  ASSERT_EQ(explained.size(), 1u);
  EXPECT_EQ(explained[0].action, RecallAction::kNone);
  EXPECT_EQ(explained[0].evidence.back(), "rule: the listing shows no GTIN or model code to compare, match probability below 0.99 -> none");
}

TEST_F(RecallRulesTest, AKindOnlyNoticeIsNeverATakedown) {
  // Brand and kind agree, and the model believes it: review at most.
  const auto hits = Match(MakeListing("L", "Breezo fast charger 20W", "Breezo"));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].action, RecallAction::kReview);
  EXPECT_EQ(hits[0].evidence.back(), "rule: the notice names no GTIN or model code, brand and description agree -> review");
  // Below the review bar the notice, which names nothing but its brand
  // and its kind, still covers every charger of the brand.
  RecallMatcherOptions strict;
  strict.review_unidentified_at = 0.99;
  const auto strictly = Match(MakeListing("L", "Breezo fast charger 20W", "Breezo"), strict);
  ASSERT_EQ(strictly.size(), 1u);
  EXPECT_EQ(strictly[0].action, RecallAction::kReview);
  EXPECT_EQ(strictly[0].evidence.back(),
            "rule: the notice names no GTIN or model code, the notice names nothing but its brand and its kind of product (charger), both in "
            "the listing -> review");
  EXPECT_TRUE(Match(MakeListing("L", "Breezo hair dryer 2000W", "Breezo"), strict).empty());
}

TEST(RecallSpecsTest, AnotherCapacityOfTheBrandsKindIsNoReview) {
  // The notice names brand, kind and capacity only; however sure the model,
  // a listing of another capacity sells another product.
  std::vector<MatchRecord> notices = {FromNotice(
      MakeNotice(NoticeSource::kEuSafetyGate, "A12/00030/26", "Power bank", "Corlily", "", "", "Black power bank in a cardboard box (26800mAh, magnetic)."))};
  PairFeaturizer featurizer;
  featurizer.Fit({&notices[0].record});
  const MatchModel model = TrustingModel();
  const RecallIndex index(notices, true, &featurizer, &model);
  const auto same = index.Match(FromListing(MakeListing("L1", "Corlily magnetic power bank 26800mAh black", "Corlily")));
  ASSERT_EQ(same.size(), 1u);
  EXPECT_EQ(same[0].action, RecallAction::kReview);
  const Listing other = MakeListing("L2", "Corlily magnetic power bank 10000mAh black", "Corlily");
  EXPECT_TRUE(index.Match(FromListing(other)).empty());
  const auto explained = index.Explain(FromListing(other));
  ASSERT_EQ(explained.size(), 1u);
  EXPECT_EQ(explained[0].action, RecallAction::kNone);
  EXPECT_EQ(explained[0].evidence.back(), "rule: the notice names no GTIN or model code, and the specifications differ -> none");
  // A capacity the listing does not give is no conflict.
  EXPECT_EQ(index.Match(FromListing(MakeListing("L3", "Corlily magnetic power bank black", "Corlily"))).size(), 1u);
}

TEST(RecallSpecsTest, ALineForMenIsNotTheLineForWomen) {
  // Brand and words agree, and the model believes it; but the notice's
  // perfume is the line for women (alert A12/03347/24's form).
  std::vector<MatchRecord> notices = {
      FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/03347/24", "Eau de toilette", "Orvella", "", "", "East Coast Club Woman"))};
  PairFeaturizer featurizer;
  featurizer.Fit({&notices[0].record});
  const MatchModel model = TrustingModel();
  const RecallIndex index(notices, true, &featurizer, &model);
  const Listing men = MakeListing("L1", "Orvella East Coast Club Man Eau de Toilette", "Orvella");
  EXPECT_TRUE(index.Match(FromListing(men)).empty());
  const auto explained = index.Explain(FromListing(men));
  ASSERT_EQ(explained.size(), 1u);
  EXPECT_EQ(explained[0].evidence.back(), "rule: the notice names no GTIN or model code, and one is for men, the other for women -> none");
  // Without a word for either, or with the notice's, the brand and words still agree.
  EXPECT_EQ(index.Match(FromListing(MakeListing("L2", "Orvella East Coast Club Eau de Toilette", "Orvella"))).size(), 1u);
  EXPECT_EQ(index.Match(FromListing(MakeListing("L3", "Orvella East Coast Club Woman EdT 50 ml", "Orvella"))).size(), 1u);
  // The notice's prose says nothing of whom the line is for.
  std::vector<MatchRecord> prose = {FromNotice(MakeNotice(NoticeSource::kUsCpsc, "90041", "Orvella Night Lights", "Orvella", "", "",
                                                          "A consumer reported that her child was burned by the night light."))};
  PairFeaturizer prose_featurizer;
  prose_featurizer.Fit({&prose[0].record});
  const RecallIndex prose_index(prose, true, &prose_featurizer, &model);
  EXPECT_EQ(prose_index.Match(FromListing(MakeListing("L4", "Orvella night light for men's bedroom", "Orvella"))).size(), 1u);
}

TEST_F(RecallRulesTest, AGtinAlwaysWins) {
  // Another brand, another code, and still the same trade item.
  const auto hits = Match(MakeListing("L", "Glass kettle KT-2000", "Teakraft", "4006381333931"));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].action, RecallAction::kTakedown);
  EXPECT_EQ(hits[0].evidence.front(), "same GTIN 04006381333931");
  EXPECT_TRUE(HasEvidence(hits[0], "brands differ (kettlo and teakraft), but the GTIN is shared"));
  EXPECT_EQ(hits[0].evidence.back(), "rule: shared GTIN -> takedown");
  // Without a model as well.
  const RecallIndex plain(notices_, true, &featurizer_, nullptr);
  const auto without_model = plain.Match(FromListing(MakeListing("L", "Glass kettle KT-2000", "Teakraft", "4006381333931")));
  ASSERT_EQ(without_model.size(), 1u);
  EXPECT_EQ(without_model[0].action, RecallAction::kTakedown);
  // A different valid GTIN turns code agreement into a review.
  const auto other_gtin = Match(MakeListing("L", "Kettlo kettle KT-1700", "Kettlo", "96385074"));
  ASSERT_EQ(other_gtin.size(), 1u);
  EXPECT_EQ(other_gtin[0].action, RecallAction::kReview);
  EXPECT_TRUE(HasEvidence(other_gtin[0], "the GTINs differ"));
}

TEST_F(RecallRulesTest, AGtinCopiedFromAnotherProductIsReviewed) {
  // Another brand, and the model doubting the rest: still the trade item
  // (a shop's name in the brand field is routine, and the model rarely
  // scores a GTIN pair high).
  RecallMatcherOptions strict;
  strict.takedown_at = 0.99;
  const auto doubted = Match(MakeListing("L", "Glass kettle KT-2000", "Teakraft", "4006381333931"), strict);
  ASSERT_EQ(doubted.size(), 1u);
  EXPECT_EQ(doubted[0].action, RecallAction::kTakedown);
  // Another brand and another kind of product: a review, with no model too.
  auto kinds = ProductKinds::LoadDefault();
  ASSERT_TRUE(kinds.ok());
  RecallMatcherOptions with_kinds;
  with_kinds.kinds = kinds.value().get();
  const RecallIndex plain(notices_, true, &featurizer_, nullptr, with_kinds);
  const auto bottle = plain.Match(FromListing(MakeListing("L", "Plush teddy bear toy 30 cm", "Teakraft", "4006381333931")));
  ASSERT_EQ(bottle.size(), 1u);
  EXPECT_EQ(bottle[0].action, RecallAction::kReview);
  EXPECT_EQ(bottle[0].evidence.back(), "rule: shared GTIN, but the brands differ and so do the kinds of product -> review");
  // The same kind under another brand is still the trade item.
  EXPECT_EQ(ActionOf(plain, "Glass kettle KT-2000 1.7 l", "Teakraft"), RecallAction::kNone);  // no GTIN: another maker
  const auto kettle = plain.Match(FromListing(MakeListing("L", "Glass kettle KT-2000 1.7 l", "Teakraft", "4006381333931")));
  ASSERT_EQ(kettle.size(), 1u);
  EXPECT_EQ(kettle[0].action, RecallAction::kTakedown);
  // A charger's barcode on a speaker: consumer electronics agrees with
  // other devices only as the category a listing is filed under.
  const std::vector<MatchRecord> chargers = {
      FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/00020/26", "Voltix Nova charger 65W", "Voltix", "", "04006381333931"))};
  PairFeaturizer featurizer;
  featurizer.Fit({&chargers[0].record});
  const RecallIndex by_kind(chargers, true, &featurizer, nullptr, with_kinds);
  // The deciding rule of the one match of a Teakraft listing with the
  // charger's barcode; "" when there is none or more.
  const auto rule_for = [&](const char* title, const char* category = "") {
    Listing l = MakeListing("L", title, "Teakraft", "4006381333931");
    l.category = category;
    const auto m = by_kind.Match(FromListing(l));
    return m.size() == 1 ? m[0].evidence.back() : std::string();
  };
  EXPECT_EQ(rule_for("Portable speaker 10W, black"), "rule: shared GTIN, but the brands differ and so do the kinds of product -> review");
  EXPECT_EQ(rule_for("Teakraft TK-65 65W", "consumer_electronics"),
            "rule: shared GTIN, but the brands differ and the kinds of product are not the same (charger and consumer_electronics) -> review");
  // Another brand, two kinds one product may be: a no-name power bank with
  // a charger maker's barcode. The same kind is still the trade item.
  EXPECT_EQ(rule_for("Powerbank 20000mAh USB C PD 22.5W"),
            "rule: shared GTIN, but the brands differ and the kinds of product are not the same (charger and power_bank) -> review");
  EXPECT_EQ(rule_for("USB-C wall charger 65W"), "rule: shared GTIN -> takedown");
}

TEST_F(RecallRulesTest, AGtinInTheTextOfAPartOrOtherBrandIsReviewed) {
  // Written in the text, the GTIN is what the listing is about, and also
  // what a part fits: a part, an accessory or another brand's goods.
  const auto part = Match(MakeListing("L", "Replacement lid for kettle, EAN 4006381333931", "Lidmaster"));
  ASSERT_EQ(part.size(), 1u);
  EXPECT_EQ(part[0].action, RecallAction::kReview);
  EXPECT_EQ(part[0].evidence.back(), "rule: shared GTIN, written in the listing's title, but the listing may sell something made for it -> review");
  const auto cover = Match(MakeListing("L", "Kettlo kettle silicone cover 4006381333931", ""));
  ASSERT_EQ(cover.size(), 1u);
  EXPECT_EQ(cover[0].action, RecallAction::kReview);
  EXPECT_EQ(cover[0].evidence.back(), "rule: shared GTIN, written in the listing's title, but the listing may sell an accessory of it (cover) -> review");
  Listing other = MakeListing("L", "Kettle 1.7 l glass", "Teakraft");
  other.description = "Fits the Kettlo kettle, EAN 4006381333931";
  const auto other_brand = Match(other);
  ASSERT_EQ(other_brand.size(), 1u);
  EXPECT_EQ(other_brand[0].action, RecallAction::kReview);
  EXPECT_EQ(other_brand[0].evidence.back(), "rule: shared GTIN, written in the listing's description, but the listing's brand is another -> review");
  // The product itself, its GTIN in the title: a takedown.
  EXPECT_EQ(Match(MakeListing("L", "Kettlo kettle 1.7 l 4006381333931", "Kettlo"))[0].action, RecallAction::kTakedown);
}

TEST_F(RecallRulesTest, TheNoticesBrandOnlyInTheTextOfAnotherBrandsListing) {
  // A third party's goods naming the product: a review, and the evidence
  // says whose brand is where.
  const auto battery = Match(MakeListing("L", "25.2V battery Voltix Nova VX1588 charger", "Powerextra"));
  ASSERT_EQ(battery.size(), 1u);
  EXPECT_EQ(battery[0].action, RecallAction::kReview);
  EXPECT_TRUE(HasEvidence(battery[0], "the notice's brand named in the listing's text (its brand field: powerextra)"));
  EXPECT_EQ(battery[0].evidence.back(),
            "rule: notice model code in the listing, but the notice's brand is only in the listing's text, its brand field names another "
            "(powerextra) -> review");
  // The notice's brand inside the listing's brand field, or none given.
  EXPECT_EQ(Match(MakeListing("L", "Voltix Nova VX1588 charger 65W", "Voltix Official Store"))[0].action, RecallAction::kTakedown);
  EXPECT_EQ(Match(MakeListing("L", "Voltix Nova VX1588 charger 65W", "VoltixShop"))[0].action, RecallAction::kTakedown);
  EXPECT_EQ(Match(MakeListing("L", "Voltix Nova VX1588 charger 65W", ""))[0].action, RecallAction::kTakedown);
}

TEST(RecallBlockingTest, CodesAsSellersWriteThemAreCandidates) {
  const std::vector<MatchRecord> notices = {
      FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A", "Power bank", "Yoxitech", "YCV-3023", ""))};
  PairFeaturizer featurizer;
  featurizer.Fit({&notices[0].record});
  const RecallIndex index(notices, /*indexed_are_notices=*/true, &featurizer, nullptr);
  const MatchRecord listing = FromListing(MakeListing("L", "Battery Pack YCV 3023 Yoxitech 30000mAh", "Yoxitech"));
  const auto keys = BlockingKeys(listing, featurizer.Prepare(listing.record, false));
  EXPECT_NE(std::find(keys.begin(), keys.end(), "c:YCV3023"), keys.end());
  // Words that join others are no part of a code ("40003 and 16154",
  // "O157:H7 dans").
  const MatchRecord joined = FromListing(MakeListing("L", "Diving sticks 40003 and 16154, E. coli O157:H7 dans", ""));
  for (const std::string& key : BlockingKeys(joined, featurizer.Prepare(joined.record, false)))
    EXPECT_TRUE(key != "c:AND16154" && key != "c:H7DANS") << key;
  const auto hits = index.Match(listing);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].action, RecallAction::kTakedown);
  EXPECT_TRUE(HasEvidence(hits[0], "model code YCV3023 in the listing"));
  // A model named in several words ("TS-5 Plus") is found joined, as a
  // model attribute gives it, with no title word shared but the brand.
  const std::vector<MatchRecord> stroller = {
      FromNotice(MakeNotice(NoticeSource::kUsCpsc, "S", "Tivolo strollers", "Tivolo", "TS-5 Plus", ""))};
  const RecallIndex strollers(stroller, /*indexed_are_notices=*/true, &featurizer, nullptr);
  for (const char* title : {"Tivolo TS-5 Plus Kinderwagen", "Tivolo Kinderwagen TS 5 Plus", "Tivolo TS-5 Plus, poussette"}) {
    const MatchRecord l = FromListing(MakeListing("W", title, "Tivolo"));
    const auto l_keys = BlockingKeys(l, featurizer.Prepare(l.record, false));
    EXPECT_NE(std::find(l_keys.begin(), l_keys.end(), "c:TS5PLUS"), l_keys.end()) << title;
    const auto found = strollers.Match(l);
    ASSERT_EQ(found.size(), 1u) << title;
    EXPECT_EQ(found[0].action, RecallAction::kTakedown) << title;
  }
  // The plain TS-5 shows a code too short to tell models apart, and the
  // evidence says so rather than that it shows none.
  const auto plain = strollers.Explain(FromListing(MakeListing("W", "Tivolo TS-5 stroller", "Tivolo")));
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_EQ(plain[0].action, RecallAction::kNone);
  EXPECT_NE(plain[0].evidence.back().find("(the listing's TS5 is too short or too common to identify a product)"), std::string::npos) << plain[0].evidence.back();
  // A region or finish suffix set off by a separator gives the base model's
  // key too; letters run on to the digits may name another model.
  const MatchRecord suffixed = FromListing(MakeListing("N", "LED lamp 5W", "Kroveko", "", "KE-1826-EU"));
  const auto suffixed_keys = BlockingKeys(suffixed, featurizer.Prepare(suffixed.record, false));
  EXPECT_NE(std::find(suffixed_keys.begin(), suffixed_keys.end(), "c:KE1826"), suffixed_keys.end());
  const MatchRecord run_on = FromListing(MakeListing("O", "Magnet toy RAW1916L", "Raltx"));
  const auto run_on_keys = BlockingKeys(run_on, featurizer.Prepare(run_on.record, false));
  EXPECT_EQ(std::find(run_on_keys.begin(), run_on_keys.end(), "c:RAW1916"), run_on_keys.end());
  // Brand-word keys in the singular: a notice's "hair dryers" meets a
  // listing's "hair dryer".
  const MatchRecord plural = FromNotice(MakeNotice(NoticeSource::kUsCpsc, "P", "Breezo hair dryers", "Breezo", "", ""));
  const MatchRecord singular = FromListing(MakeListing("S", "Breezo hair dryer 2000W", "Breezo"));
  const auto plural_keys = BlockingKeys(plural, featurizer.Prepare(plural.record, false));
  const auto singular_keys = BlockingKeys(singular, featurizer.Prepare(singular.record, false));
  EXPECT_NE(std::find(plural_keys.begin(), plural_keys.end(), "b:breezo|dryer"), plural_keys.end());
  EXPECT_NE(std::find(singular_keys.begin(), singular_keys.end(), "b:breezo|dryer"), singular_keys.end());
  // A code followed by a quantity is not joined: "GU10 5W" is a lamp base
  // and a power.
  const MatchRecord lamp = FromListing(MakeListing("M", "LED bulb GU10 5W", "Lumera"));
  const auto lamp_keys = BlockingKeys(lamp, featurizer.Prepare(lamp.record, false));
  EXPECT_EQ(std::find(lamp_keys.begin(), lamp_keys.end(), "c:GU105W"), lamp_keys.end());
}

TEST(RecallBlockingTest, ACodeIsNotJoinedWithAPrice) {
  // A real offer: "tl/r1 179.99" at the end of a NAS listing read as the
  // code R1-179 of a power bank notice. A code across words still counts
  // ("R1 179" written so), but not with half of a decimal number.
  const std::vector<MatchRecord> notices = {
      FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A", "Power bank", "Yoxitech", "R1-179", ""))};
  PairFeaturizer featurizer;
  featurizer.Fit({&notices[0].record});
  const RecallIndex index(notices, /*indexed_are_notices=*/true, &featurizer, nullptr);
  EXPECT_TRUE(index.Match(FromListing(MakeListing("L", "Yoxitech power bank tl/r1 179.99", "Yoxitech"))).empty());
  for (const char* title : {"Yoxitech power bank r1 179", "Yoxitech power bank R1 179 19.99", "Yoxitech power bank R1 179.00"}) {
    const auto hits = index.Match(FromListing(MakeListing("L", title, "Yoxitech")));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kTakedown) << title;
  }
}


// One notice against one listing, no pair model: the matches.
std::vector<RecallMatch> MatchOne(const Notice& notice, const Listing& listing, const ProductKinds* kinds = nullptr) {
  const std::vector<MatchRecord> notices = {FromNotice(notice)};
  PairFeaturizer featurizer;
  featurizer.Fit({&notices[0].record});
  RecallMatcherOptions options;
  options.kinds = kinds;
  const RecallIndex index(notices, /*indexed_are_notices=*/true, &featurizer, nullptr, options);
  return index.Match(FromListing(listing));
}

// An index of `notices` whose featuriser is fitted on them all: how rare
// a word is needs a corpus.
struct FittedIndex {
  explicit FittedIndex(std::vector<MatchRecord> records) : notices(std::move(records)) {
    std::vector<const Record*> corpus;
    for (const auto& r : notices) corpus.push_back(&r.record);
    featurizer.Fit(corpus);
    index = std::make_unique<RecallIndex>(notices, /*indexed_are_notices=*/true, &featurizer, nullptr);
  }
  std::vector<MatchRecord> notices;
  PairFeaturizer featurizer;
  std::unique_ptr<RecallIndex> index;
};

// A CPSC product name with a word few notices have, and the brand: a
// listing without a code is reviewed for it; brand and kind alone, which
// every listing of the brand's line shares, are no name.
TEST(RecallIdentityTest, ACpscProductNameWithARareWordAndTheBrandAreReviewed) {
  std::vector<MatchRecord> notices;
  int k = 0;
  for (const char* brand : {"Alarmo", "Bellax", "Corvina", "Dalmo", "Essora", "Fintra", "Gallo", "Hestra"}) {
    ++k;
    notices.push_back(FromNotice(MakeNotice(NoticeSource::kUsCpsc, fmt::format("2900{}", k), fmt::format("{} Smoke Alarms", brand), brand,
                                            fmt::format("SA-{}00", k), "")));
  }
  notices.push_back(FromNotice(MakeNotice(NoticeSource::kUsCpsc, "29009", "Lumikid Retro Refrigerators", "Lumikid", "LR-100", "")));
  notices.push_back(FromNotice(MakeNotice(NoticeSource::kUsCpsc, "29010", "Varnok-branded Tabletop Fire Pits", "Varnok", "", "")));
  notices.push_back(FromNotice(MakeNotice(NoticeSource::kUsCpsc, "29011", "Nordlo Foldable Toddler Tower Stools", "Nordlo", "", "")));
  const FittedIndex fitted(std::move(notices));
  const RecallIndex& index = *fitted.index;
  // The closing kind in the plural, called otherwise, after three words
  // that name the product; not fewer ("Lumikid Retro" is no name).
  EXPECT_EQ(ActionOf(index, "Nordlo Toddler Tower Foldable Kitchen Helper, White", "Nordlo"), RecallAction::kReview);
  EXPECT_EQ(ActionOf(index, "Nordlo Toddler Tower Kitchen Helper", "Nordlo"), RecallAction::kNone);
  EXPECT_EQ(ActionOf(index, "Lumikid Retro Mini Fridge", "Lumikid"), RecallAction::kNone);
  const auto fridge = index.Match(FromListing(MakeListing("L", "Lumikid Retro Refrigerator 3.1 cu ft, like new", "Lumikid")));
  ASSERT_EQ(fridge.size(), 1u);
  EXPECT_EQ(fridge[0].action, RecallAction::kReview);
  EXPECT_EQ(fridge[0].evidence.back(), "rule: the listing shows no model code to compare, the notice's product name and brand in the listing -> review");
  EXPECT_TRUE(HasEvidence(fridge[0], "the notice's product name in the listing's title (retro refrigerators)"));
  // The brand in the title of a listing without a brand field, too.
  EXPECT_EQ(ActionOf(index, "Lumikid Retro Refrigerator red", ""), RecallAction::kReview);
  // CPSC's "-branded" is the notice's wording, not the product's name.
  EXPECT_EQ(ActionOf(index, "Varnok Tabletop Fire Pit, used once", ""), RecallAction::kReview);
  // Brand and kind only; another brand; a part of it.
  const auto alarm = index.Match(FromListing(MakeListing("L", "Alarmo Smoke Alarm 10-year battery", "Alarmo")));
  EXPECT_TRUE(alarm.empty()) << (alarm.empty() ? "" : fmt::format("{}", fmt::join(alarm[0].evidence, " | ")));
  EXPECT_EQ(ActionOf(index, "Acme Retro Refrigerator", "Acme"), RecallAction::kNone);
  EXPECT_NE(ActionOf(index, "Lumikid Retro Refrigerator door gasket", "Lumikid"), RecallAction::kTakedown);
}

// A listing without a brand field may name the brand anywhere in its
// title, as private sellers and titles in French or Italian do: found
// through "t:" keys, in both directions, and judged as with the brand first.
TEST(RecallIdentityTest, ABrandLaterInATitleWithoutABrandField) {
  std::vector<MatchRecord> notices;
  for (const char* brand : {"Alarmo", "Bellax", "Corvina", "Dalmo"})
    notices.push_back(FromNotice(MakeNotice(NoticeSource::kUsCpsc, fmt::format("2910{}", brand), fmt::format("{} Smoke Alarms", brand), brand, "", "")));
  notices.push_back(FromNotice(MakeNotice(NoticeSource::kUsCpsc, "90041", "Varnok Glowride Bicycle Helmets", "Varnok", "", "")));
  const FittedIndex fitted(std::move(notices));
  const RecallIndex& index = *fitted.index;
  EXPECT_EQ(ActionOf(index, "Bicycle helmet kids Varnok Glowride, barely used", ""), RecallAction::kReview);
  EXPECT_EQ(ActionOf(index, "Glowride bicycle helmet (varnok) size M", ""), RecallAction::kReview);
  // Not without the brand, nor under another brand field, nor a brand
  // named to compare.
  EXPECT_EQ(ActionOf(index, "Bicycle helmet kids Glowride, barely used", ""), RecallAction::kNone);
  for (const char* title : {"Glowride bicycle helmet similar to Varnok", "Glowride bicycle helmet, Varnok alternative",
                            "Bicycle helmet like Varnok Glowride", "Glowride bicycle helmet, not Varnok", "Varnok style Glowride bicycle helmet"})
    EXPECT_EQ(ActionOf(index, title, ""), RecallAction::kNone) << title;
  EXPECT_EQ(ActionOf(index, "Bicycle helmet kids Varnok Glowride", "Lumora"), RecallAction::kNone);
  // A brand whose first word is too short to key, by its longest word (a
  // real alert's, A12/00887/24), in the listing's language too.
  std::vector<MatchRecord> oils = {FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/00887/24", "Essential oil blend", "I Love Wellness",
                                                         "", "", "Essential oil blend Calm"))};
  const FittedIndex by_oil(std::move(oils));
  EXPECT_EQ(ActionOf(*by_oil.index, "Mélange d'huiles essentielles Calm I Love Wellness 10 ml aromathérapie", ""), RecallAction::kReview);
  EXPECT_EQ(ActionOf(*by_oil.index, "Essential oil blend Calm, wellness gift set", ""), RecallAction::kNone);
  // The listings indexed, the notice finds the same.
  std::vector<MatchRecord> listings = {FromListing(MakeListing("L1", "Bicycle helmet kids Varnok Glowride, barely used")),
                                       FromListing(MakeListing("L2", "Bicycle helmet kids, barely used"))};
  const RecallIndex by_listing(listings, /*indexed_are_notices=*/false, &fitted.featurizer, nullptr);
  const auto hits = by_listing.Match(fitted.notices.back());
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(by_listing.record(hits[0].indexed).id, "L1");
  EXPECT_EQ(hits[0].action, RecallAction::kReview);
}

// A notice without a brand: its whole product name, with a word few
// notices have that is not its first (where such a notice puts the
// brand), in a listing's title is reviewed, whatever the listing's brand;
// found through the name's words standing in for the brand.
TEST(RecallIdentityTest, ANoticeWithoutABrandIsReviewedForItsWholeName) {
  std::vector<MatchRecord> notices;
  for (const char* brand : {"Alarmo", "Bellax", "Corvina", "Dalmo", "Essora", "Fintra", "Gallo", "Hestra"})
    notices.push_back(FromNotice(MakeNotice(NoticeSource::kCaHealthCanada, fmt::format("RA-9{}", brand), fmt::format("{} Fan Heaters", brand), brand, "", "")));
  notices.push_back(FromNotice(MakeNotice(NoticeSource::kCaHealthCanada, "RA-90020", "New Horse Riding Helmet 100 Varnok", "", "", "")));
  notices.push_back(FromNotice(MakeNotice(NoticeSource::kCaHealthCanada, "RA-90021", "Grarix Fan Heater", "", "", "")));
  const FittedIndex fitted(std::move(notices));
  const RecallIndex& index = *fitted.index;
  const auto helmet = index.Match(FromListing(MakeListing("L", "Varnok 100 Horse Riding Helmet - Kids/Adults", "")));
  ASSERT_EQ(helmet.size(), 1u);
  EXPECT_EQ(index.record(helmet[0].indexed).id, "ca-health-canada:RA-90020");
  EXPECT_EQ(helmet[0].action, RecallAction::kReview);
  EXPECT_EQ(helmet[0].evidence.back(),
            "rule: the notice names no GTIN or model code, the notice names no brand, and the listing's title has every word of its product name -> review");
  // Brand and kind, the brand first: no name; nor part of the name.
  const auto heater = index.Match(FromListing(MakeListing("L", "Grarix Fan Heater 2000W", "")));
  EXPECT_TRUE(heater.empty()) << (heater.empty() ? "" : fmt::format("{}", fmt::join(heater[0].evidence, " | ")));
  EXPECT_TRUE(index.Match(FromListing(MakeListing("L", "Kids horse riding helmet 100", "Generic"))).empty());
}

// A Safety Gate alert without a brand whose description is the product's
// own name: a listing whose title has every word of it is reviewed,
// wherever the name stands in the title; a listing of another name of the
// series, or of part of the name, is not.
TEST(RecallIdentityTest, AnAlertWithoutABrandIsReviewedForTheNameItsDescriptionGives) {
  std::vector<MatchRecord> notices;
  for (const char* brand : {"Alarmo", "Bellax", "Corvina", "Dalmo", "Essora", "Fintra", "Gallo", "Hestra"})
    notices.push_back(FromNotice(MakeNotice(NoticeSource::kCaHealthCanada, fmt::format("RA-9{}", brand), fmt::format("{} Fan Heaters", brand), brand, "", "")));
  notices.push_back(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/90001/24", "Disco lamp", "", "", "", "LED Crystal Magic Ball Light")));
  notices.push_back(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/90002/24", "Lighting chain", "", "", "", "140L LED DECORATION LIGHTS")));
  notices.push_back(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/90003/24", "Lighting chain", "", "", "", "180L LED DECORATION LIGHTS")));
  const FittedIndex fitted(std::move(notices));
  const RecallIndex& index = *fitted.index;
  const auto ids = [&](const std::vector<RecallMatch>& hits) {
    std::vector<std::string> out;
    for (const auto& h : hits) out.push_back(fmt::format("{} {}", index.record(h.indexed).id, h.action == RecallAction::kReview ? "review" : "other"));
    return out;
  };
  using Ids = std::vector<std::string>;
  EXPECT_EQ(ids(index.Match(FromListing(MakeListing("L", "LED Crystal Magic Ball Light Discokugel RGB mit Fernbedienung")))),
            Ids{"eu-safety-gate:A12/90001/24 review"});
  EXPECT_EQ(ids(index.Match(FromListing(MakeListing("L", "Lampki choinkowe 140L LED DECORATION LIGHTS 8 trybow")))),
            Ids{"eu-safety-gate:A12/90002/24 review"});
  EXPECT_EQ(ids(index.Match(FromListing(MakeListing("L", "180L LED Decoration Lights Lichterkette bunt")))), Ids{"eu-safety-gate:A12/90003/24 review"});
  EXPECT_TRUE(index.Match(FromListing(MakeListing("L", "LED Magic Ball Light Discokugel"))).empty());
  EXPECT_TRUE(index.Match(FromListing(MakeListing("L", "LED Lichterkette 140 LEDs bunt"))).empty());
}

// A notice that names nothing but its brand and its kind of product covers
// every product of the brand's kind: a listing of the brand naming the
// kind, in its language, is reviewed. Not another kind of the brand, nor
// what is made for the product, nor a listing against a notice that says
// more than its kind ("Crema Delicata").
TEST(RecallIdentityTest, ANoticeOfABrandsKindAloneReviewsTheBrandsListingsOfThatKind) {
  const Notice stroller = MakeNotice(NoticeSource::kEuSafetyGate, "A12/03157/24", "Stroller", "Stokke", "", "");
  for (const char* title : {"Poussette Stokke très bon état", "Stokke stroller with carrycot", "Stokke Kinderwagen mit Babywanne"}) {
    const auto hits = MatchOne(stroller, MakeListing("L", title));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
    EXPECT_EQ(hits[0].evidence.back(),
              "rule: the notice names no GTIN or model code, the notice names nothing but its brand and its kind of product (stroller), "
              "both in the listing -> review")
        << title;
  }
  EXPECT_TRUE(MatchOne(stroller, MakeListing("L", "Stokke Tripp Trapp high chair oak", "Stokke")).empty());
  EXPECT_TRUE(MatchOne(stroller, MakeListing("L", "Regenhoes voor Stokke kinderwagen")).empty());  // a rain cover for it
  // A sleeping bag by the names sellers give it (A12/01601/24's "Baby
  // sleeping bag"), not by another bag's.
  const Notice sleeping_bag = MakeNotice(NoticeSource::kEuSafetyGate, "A12/01601/24", "Baby sleeping bag", "Ortorex", "", "");
  for (const char* title : {"Ortorex Baby Schlafsack 90 cm ganzjährig", "Gigoteuse Ortorex, sac de couchage bébé 70 cm", "Ortorex śpiworek 70 cm"}) {
    const auto hits = MatchOne(sleeping_bag, MakeListing("L", title, "Ortorex"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
  }
  EXPECT_TRUE(MatchOne(sleeping_bag, MakeListing("L", "Ortorex Wickeltasche grau", "Ortorex")).empty());
  // A product name where the kind should be names no kind the table knows.
  const Notice elements = MakeNotice(NoticeSource::kEuSafetyGate, "A12/03158/24", "Photoshop Elements", "Adobe", "", "");
  EXPECT_TRUE(MatchOne(elements, MakeListing("L", "Adobe Premiere Elements 2024", "Adobe")).empty());
  const Notice mask = MakeNotice(NoticeSource::kEuSafetyGate, "SR/03776/24", "Hair mask", "Biopoint", "", "", "Crema Delicata Maschera per capelli");
  EXPECT_FALSE(FromNotice(mask).names_only_brand_and_kind);
  EXPECT_TRUE(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/03502/24", "Submersible water pump", "Malish", "", "", "Submersible pump"))
                  .names_only_brand_and_kind);
  EXPECT_FALSE(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/03503/24", "Submersible water pump", "Malish", "MP-10", "", ""))
                   .names_only_brand_and_kind);
}

TEST(RecallIdentityTest, AModelNumberInsideTheNoticesUpcStillIdentifies) {
  // Makers build model numbers into their UPCs; listed apart, each is a
  // model number.
  Notice coffee = MakeNotice(NoticeSource::kUsCpsc, "27100", "Hamilton Beach FlexBrew coffee makers", "Hamilton Beach", "49979", "",
                             "This recall involves FlexBrew coffee makers, models 49979, 49974 and 49989.");
  coffee.model_numbers = {"49979", "49974", "49989"};
  coffee.gtins = {"00040094499793", "00040094499748", "00040094499892"};
  const auto hits = MatchOne(coffee, MakeListing("L", "Hamilton Beach FlexBrew 49974 Single-Serve Coffee Maker, Black", "Hamilton Beach"));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].action, RecallAction::kTakedown);
}

TEST(RecallBrandTest, TheFirmARecallNamesAndTheNameItTradesUnder) {
  Notice vacuum = MakeNotice(NoticeSource::kUsCpsc, "26595", "Rowenta X-Force Flex cordless stick vacuums", "Rowenta", "RH99A2U1", "");
  vacuum.companies = {"Groupe SEB USA dba Rowenta USA, of Parsippany, N.J."};
  for (const char* brand : {"Groupe SEB", "Rowenta USA", "Rowenta"})
    ExpectOneTakedown(MatchOne(vacuum, MakeListing("L", "Rowenta X-Force Flex 14.60 Animal RH99A2U1 Cordless Vacuum", brand)), brand);
}

TEST(RecallRulesTest2, APartIsAnAccessoryOnlyWhenTheListingIsNotOfTheProduct) {
  const Notice vacuum = MakeNotice(NoticeSource::kUsCpsc, "26595", "Rowenta X-Force Flex cordless stick vacuums", "Rowenta", "RH99A2U1", "");
  // The device naming its parts as features: the device.
  for (const char* title : {"Rowenta X-Force Flex 14.60 Animal RH99A2U1 Cordless Stick Vacuum, HEPA Filter, 45 min runtime",
                            "Rowenta RH99A2U1 stick vacuum + charging cable", "Rowenta RH99A2U1 cordless vacuum w/ washable filter",
                            "Rowenta RH99A2U1 + HEPA filter"})
    ExpectOneTakedown(MatchOne(vacuum, MakeListing("L", title, "Rowenta")), title);
  for (const char* title : {"Rowenta RH99A2U1 cordless vacuum, charging cable & pouch included", "Rowenta RH99A2U1 Akku-Staubsauger mit HEPA-Filter",
                            "Rowenta RH99A2U1 X-Force Flex Cordless Vacuum - Washable Filter", "Rowenta RH99A2U1 wall-mounted vacuum with dock, wall mount"})
    ExpectOneTakedown(MatchOne(vacuum, MakeListing("L", title, "Rowenta")), title);
  // The part alone, also naming what it fits: a review.
  for (const char* title : {"Rowenta HEPA Filter ZR009009 X-Force Flex 14.60 RH99A2U1", "Rowenta ZR009005 HEPA Filter RH99A2U1 vacuum cleaner",
                            "Rowenta RH99A2U1 vacuum filter", "Wall mount for Rowenta RH99A2U1 stick vacuum",
                            "Rowenta RH99A2U1 charging cable for vacuum cleaner", "Rowenta RH99A2U1 power adapter 32V",
                            // Past a comma, but only the brand and code before it.
                            "Rowenta RH99A2U1, HEPA filter", "Genuine Rowenta RH99A2U1 (wall mount)"}) {
    const auto part = MatchOne(vacuum, MakeListing("L", title, "Rowenta"));
    ASSERT_EQ(part.size(), 1u) << title;
    EXPECT_EQ(part[0].action, RecallAction::kReview) << title;
  }
  // Parts the notice says the product comes with are still parts sold
  // alone; the product with them is the product.
  const Notice with_parts = MakeNotice(NoticeSource::kEuSafetyGate, "A12/09999/24", "Cordless vacuum cleaner", "Dyvac", "DV-520", "",
                                       "Cordless stick vacuum cleaner with charging cable, wall bracket and two filters.");
  for (const char* title : {"Dyvac DV-520 charging cable", "Dyvac DV-520 Akkusauger Ladekabel", "Dyvac DV-520 wall bracket"}) {
    const auto part = MatchOne(with_parts, MakeListing("L", title, "Dyvac"));
    ASSERT_EQ(part.size(), 1u) << title;
    EXPECT_EQ(part[0].action, RecallAction::kReview) << title;
  }
  for (const char* title : {"Dyvac DV-520 Akkusauger, Ladekabel", "Dyvac DV-520 cordless vacuum cleaner + wall bracket"})
    ExpectOneTakedown(MatchOne(with_parts, MakeListing("L", title, "Dyvac")), title);
  // Past a slash, but right after the product's noun: that product's part.
  const Notice travel_charger = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90009/24", "Travel charger", "Lumikid", "TC-100", "");
  const auto bag = MatchOne(travel_charger, MakeListing("L", "Lumikid TC-100 Universal Travel Charger / Large Power USB charger carry bag", "Lumikid"));
  ASSERT_EQ(bag.size(), 1u);
  EXPECT_EQ(bag[0].action, RecallAction::kReview) << bag[0].evidence.back();
  ExpectOneTakedown(MatchOne(travel_charger, MakeListing("L", "Lumikid TC-100 Universal Travel Charger / Large Power USB, carry bag", "Lumikid")));
  // The product's GTIN in the field of something made for it, under the
  // maker's brand ("for <brand> ... <the product's noun>") or none.
  const Notice pans = MakeNotice(NoticeSource::kUsCpsc, "C1", "Granitestone Diamond Pro Blue saute pans", "Granitestone", "",
                                 "00080313081316");
  for (const char* title : {"Glass lid for Granitestone Diamond Pro Blue sauté pan", "Ersatzdeckel Granitestone Pfanne"}) {
    const auto lid = MatchOne(pans, MakeListing("L", title, std::string_view(title).starts_with("Glass") ? "Granitestone" : "", "080313081316"));
    ASSERT_EQ(lid.size(), 1u) << title;
    EXPECT_EQ(lid[0].evidence.back(), "rule: shared GTIN, but the listing may sell something made for it -> review") << title;
  }
  for (const char* title : {"Granitestone Diamond Pro Blue saute pan 10 inch", "Granitestone Diamond Pro Blue pan for induction hobs"})
    ExpectOneTakedown(MatchOne(pans, MakeListing("L", title, "Granitestone", "080313081316")), title);
  // A charger's own listing calls it a power adapter.
  const Notice charger = MakeNotice(NoticeSource::kUsCpsc, "2022374", "Veya wall chargers", "Veya", "VY-49SV117", "");
  ExpectOneTakedown(MatchOne(charger, MakeListing("L", "Veya Pulse Wall Charger 65W 3-Port Power Adapter Type C VY-49SV117", "Veya")));
  // An extension lead's own listing calls it a cable, in the notice's
  // words or their English; a charger's cable is still a cable.
  const Notice lead = MakeNotice(NoticeSource::kEuSafetyGate, "SR/03826/24", "Extension lead", "IRNA", "", "05907736500239", "Przedluzacz 3x2P");
  ExpectOneTakedown(MatchOne(lead, MakeListing("L", "Prodlužovací kabel 3 zásuvky IRNA 3x2P 5 m", "", "5907736500239")));
  const Notice plug = MakeNotice(NoticeSource::kEuSafetyGate, "SR/03827/24", "USB charger", "IRNA", "", "05907736500246", "Fast charger");
  const auto cable = MatchOne(plug, MakeListing("L", "IRNA USB kabel 1 m", "", "5907736500246"));
  ASSERT_EQ(cable.size(), 1u);
  EXPECT_EQ(cable[0].action, RecallAction::kReview);
  // Made for the product by its name, but not the product "for" a use.
  const Notice speaker = MakeNotice(NoticeSource::kEuSafetyGate, "A12/03293/24", "Bluetooth shower speaker", "Manhattan", "", "00766623165082",
                                    "Shower Speaker");
  Listing shower = MakeListing("L", "Manhattan Waterproof Bluetooth Speaker for Shower, Suction Cup", "Manhattan");
  shower.description = "UPC 766623165082";
  ExpectOneTakedown(MatchOne(speaker, shower));
}

TEST(RecallIdentityTest, AModelFieldThatNamesNoModelIdentifiesNothing) {
  // Safety Gate writes "Various" and "Unknown" in the model field; a year,
  // a spec or an interface name is no model either. Read as a code, each
  // took down a listing of the brand that merely used the word.
  const struct {
    const char* model;
    const char* title;
  } cases[] = {{"Various", "Varia hair dryer in various colours"}, {"Unknown", "Varia hair dryer model unknown"},
               {"2024", "Varia kettle 2024 new model"},         {"Standard", "Varia kettle standard"},
               {"USB-C", "Varia USB-C cable 2-pack"},            {"HDMI", "Varia HDMI cable"},
               {"4-in-1", "Varia 4-in-1 charger"},               {"2-pack", "Varia USB charger 2-pack"}};
  for (const auto& c : cases)
    EXPECT_TRUE(MatchOne(MakeNotice(NoticeSource::kEuSafetyGate, "A", "Appliance", "Varia", c.model, ""), MakeListing("L", c.title, "Varia")).empty())
        << c.model;
  // A code without digits in the model field is still a code there.
  const auto hits = MatchOne(MakeNotice(NoticeSource::kEuSafetyGate, "A", "Card reader", "Varia", "CRW-EXT", ""),
                             MakeListing("L", "Varia card reader crw-ext", "Varia"));
  ExpectOneTakedown(hits);
}

TEST(RecallIdentityTest, ARestrictedCirculationGtinIdentifiesOnlyWithTheBrand) {
  // 2012345678903 is an in-store number: unique only inside one company.
  const Notice notice = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Toy car", "Carzy", "", "02012345678903");
  EXPECT_TRUE(MatchOne(notice, MakeListing("L", "Hair straightener", "Straighto", "2012345678903")).empty());
  const auto same_brand = MatchOne(notice, MakeListing("L", "Toy car red", "Carzy", "2012345678903"));
  ExpectOneTakedown(same_brand);
  // An ordinary GTIN needs no brand: a word of the notice's title will do.
  const Notice ordinary = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Toy car", "Carzy", "", "04006381333931");
  ExpectOneTakedown(MatchOne(ordinary, MakeListing("L", "Remote control toy car", "Straighto", "4006381333931")));
  // With nothing agreeing but the number, a review: sellers copy the
  // barcode of what their goods fit, and say so in any language.
  const auto copied = MatchOne(ordinary, MakeListing("L", "Hair straightener", "Straighto", "4006381333931"));
  ASSERT_EQ(copied.size(), 1u);
  EXPECT_EQ(copied[0].action, RecallAction::kReview);
  EXPECT_EQ(copied[0].evidence.back(),
            "rule: shared GTIN, but nothing else the listing says (brand, the same kind of product, name, a word of the notice's title) agrees -> review");
}

// A charger "for a phone" is the charger; a pouch "for the charger" is made
// for it (a real alert's words, A11/00165/24, and its barcode).
TEST(RecallIdentityTest, WhatAProductIsForIsNotWhatItIsMadeFor) {
  const Notice charger = MakeNotice(NoticeSource::kEuSafetyGate, "A11/00165/24", "USB charger", "ORIGINAL", "", "08388722226987",
                                    "FAST CHARGING, FAST CHARGER, TRAVEL CHARGER, Adaptive Fast Charging");
  for (const char* title : {"Brzi punjač za mobitel Fast Charger Travel Charger USB", "Brzi izvor napajanja za mobitel Fast Charger USB"})
    ExpectOneTakedown(MatchOne(charger, MakeListing("L", title, "", "8388722226987")), title);
  ExpectOneReview(MatchOne(charger, MakeListing("L", "Zaštitna torbica za punjač Fast Charger", "", "8388722226987")));
}

// A barcode that looks made up (A11/00168/24's "6912345678902") names the
// alert's product under its brand; under another, it is reviewed.
TEST(RecallIdentityTest, AMadeUpLookingGtinIdentifiesOnlyWithTheBrand) {
  const Notice charger = MakeNotice(NoticeSource::kEuSafetyGate, "A11/00168/24", "USB charger", "Feitun", "", "06912345678902",
                                    "FAST CHARGER, TRAVEL ADAPTER");
  ExpectOneTakedown(MatchOne(charger, MakeListing("L", "Feitun Fast Charger Travel Adapter USB Ladegerät", "Feitun", "6912345678902")));
  const auto other = MatchOne(charger, MakeListing("L", "Voltme USB Ladegerät Reiseadapter 2,4A", "Voltme", "6912345678902"));
  ASSERT_EQ(other.size(), 1u);
  EXPECT_EQ(other[0].action, RecallAction::kReview) << other[0].evidence.back();
}

// A swing's barcode on a spare rope, in the languages sellers write; and
// trays and rope kits sold under the product's name.
TEST(RecallIdentityTest, AGtinWithNothingElseAgreeingIsReviewed) {
  Notice swing = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90002/24", "Swing", "Lumikid", "", "05715404196000", "Nola");
  for (const char* title : {"Reservetouw voor schommel Nola 5715404196000", "Rezervna vrv za gugalnico Nola 5715404196000",
                            "Zamjensko uže za ljuljačku Nola 5715404196000"}) {
    const auto hits = MatchOne(swing, MakeListing("L", title, "OEM"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title << ": " << hits[0].evidence.back();
  }
  ExpectOneTakedown(MatchOne(swing, MakeListing("L", "Garden swing for kids Nola", "OEM", "5715404196000")));
  // The notice's words in the listing's language agree as its own do (a
  // real alert's, SR/03726/24, whose brand is "not stated").
  const Notice lighter = MakeNotice(NoticeSource::kEuSafetyGate, "SR/03726/24", "Novelty lighter", "", "", "08592023024795",
                                    "Zapalovač ve tvaru pěti hracích kostek");
  for (const char* title : {"Feuerzeug Würfel Form 5 Spielwürfel nachfüllbar", "Zapalniczka kości do gry 5 kostek"})
    ExpectOneTakedown(MatchOne(lighter, MakeListing("L", title, "", "8592023024795")), title);
  ExpectOneReview(MatchOne(lighter, MakeListing("L", "Spielwürfel 5 Stück Holz", "", "8592023024795")));
  // Not a compound's part (a refill), nor beside another kind of product,
  // nor under another brand.
  for (const char* title : {"Feuerzeuggas Nachfüllung Butan", "T-Shirt Feuerzeug Motiv Herren"})
    ExpectOneReview(MatchOne(lighter, MakeListing("L", title, "", "8592023024795")), title);
  const Notice high_chair = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90006/24", "High chair", "Lumikid", "", "05715404196000", "Ava");
  ExpectOneReview(MatchOne(high_chair, MakeListing("L", "Krzesełko drewniane", "Lumora", "5715404196000")));
  ExpectOneTakedown(MatchOne(high_chair, MakeListing("L", "Krzesełko drewniane", "", "5715404196000")));
  // A charging cable, a case, a mattress, a cover, a pad, a tray, a
  // footmuff or a cushion named in the languages of Central and Eastern
  // European shops, with the product's barcode: reviewed.
  Notice feeding_chair = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90004/24", "High chair", "Lumikid", "", "05715404196000", "Ava");
  for (const char* title : {"Töltőkábel Lumikid Ava", "Įkrovimo laidas Lumikid Ava", "Dėklas Lumikid Ava", "Lādēšanas kabelis Lumikid Ava",
                            "Laadimiskaabel Lumikid Ava", "Matrace Lumikid Ava", "Potah na jídelní židličku pro děti Lumikid Ava",
                            "Калъф за столче за хранене Lumikid Ava", "Taca do krzesełka do karmienia Lumikid Ava",
                            "Jastuk za stolicu za hranjenje Lumikid Ava", "Madrac za krevetić Lumikid Ava", "Tālvadības pults Lumikid Ava",
                            "Pretslīdes paliktnis Lumikid Ava"}) {
    const auto hits = MatchOne(feeding_chair, MakeListing("L", title, "", "5715404196000"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title << ": " << hits[0].evidence.back();
  }
  // Finnish, Estonian and Hungarian say "for" after the name, or make the
  // part's name a compound of "spare".
  for (const char* title : {"Varaköysi Nola-keinulle 5715404196000", "Nola-keinun varaköysi 5715404196000", "Pótkötél Nola hintához 5715404196000",
                            "Köysi Nola-keinua varten 5715404196000", "Nola kiige jaoks köis 5715404196000", "Köis Lumikid-le 5715404196000",
                            "Varuosa Nola kiik 5715404196000"}) {
    const auto hits = MatchOne(swing, MakeListing("L", title, "OEM"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title << ": " << hits[0].evidence.back();
  }
  // Sold with the product ("with", "and" in those languages): the product.
  for (const char* title : {"Lumikid Ava vest ja laadimiskaabel", "Lumikid Ava mellény és töltőkábel", "Lumikid Ava łóżeczko i materac",
                            "Lumikid Ava krevetić i madrac"})
    ExpectOneTakedown(MatchOne(Notice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/90005/24", "Heated vest", "Lumikid", "", "05715404196000", "Ava")),
                               MakeListing("L", title, "", "5715404196000")),
                      title);
  // Not a French size, nor a word that only begins as "spare" does.
  ExpectOneTakedown(MatchOne(swing, MakeListing("L", "Balançoire Nola taille unique 5715404196000", "Lumikid")));
  ExpectOneTakedown(MatchOne(swing, MakeListing("L", "Nola keinu varastoon 5715404196000", "Lumikid")));
  const auto rope = MatchOne(swing, MakeListing("L", "Nola swing rope kit", "", "5715404196000"));
  ASSERT_EQ(rope.size(), 1u);
  EXPECT_EQ(rope[0].action, RecallAction::kReview);
  Notice chair = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90003/24", "High chair", "Lumikid", "", "03220660344024", "Ava");
  for (const char* title : {"Tacka zapasowa Lumikid Ava", "Lumikid Ava etetőszékhez tálca", "Lumikid Ava syöttötuolin tarjotin", "Lumikid Ava tray"}) {
    const auto hits = MatchOne(chair, MakeListing("L", title, "", "3220660344024"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title << ": " << hits[0].evidence.back();
  }
  ExpectOneTakedown(MatchOne(chair, MakeListing("L", "Lumikid Ava high chair with tray", "", "3220660344024")));
  // The name alone agrees with the barcode, whatever the brand field says;
  // "for" a noun and the name in the languages that name the kind first is
  // made for it.
  const auto by_name = MatchOne(chair, MakeListing("L", "Ava Hochstuhl grau", "Generic", "3220660344024"));
  ExpectOneTakedown(by_name);
  if (!by_name.empty()) { EXPECT_TRUE(HasEvidence(by_name[0], "the notice's product name in the listing's title (ava)")); }
  for (const char* title : {"Podložka pro židličku Ava", "Podloga za stolček Ava", "Regenschutz für Hochstuhl Lumikid Ava", "Ava 交換トレイ",
                            "Pasy do krzesełka do karmienia Lumikid Ava", "Wkładka do karmienia Lumikid Ava"}) {
    const auto hits = MatchOne(chair, MakeListing("L", title, "Lumikid", "3220660344024"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title << ": " << hits[0].evidence.back();
  }
  // Another GTIN than the notice's, with its name and brand: perhaps
  // another colour of the chair, for a person to tell; the brand alone
  // with another GTIN is another product.
  const auto white = MatchOne(chair, MakeListing("L", "Lumikid Ava high chair, white", "Lumikid", "3220660344031"));
  ASSERT_EQ(white.size(), 1u);
  EXPECT_EQ(white[0].action, RecallAction::kReview);
  EXPECT_EQ(white[0].evidence.back(), "rule: the GTINs differ, but the notice's product name and brand in the listing -> review");
  EXPECT_TRUE(MatchOne(chair, MakeListing("L", "Lumikid Mila high chair, white", "Lumikid", "3220660344031")).empty());
  // Nor the line's other goods, which do not name the notice's kind of
  // product: a conditioner of the shampoo's name.
  const Notice shampoo = MakeNotice(NoticeSource::kEuSafetyGate, "SR/03787/24", "Shampoo", "Lumora", "", "08015700151930", "Gliss Asia Straight");
  EXPECT_EQ(MatchOne(shampoo, MakeListing("L", "Lumora Gliss Asia Straight shampoo 400 ml", "Lumora", "4006381333931")).size(), 1u);
  EXPECT_TRUE(MatchOne(shampoo, MakeListing("L", "Lumora Gliss Asia Straight conditioner 200 ml", "Lumora", "4006381333931")).empty());
  // Polish "do" before a verbal noun says what the product does: a high
  // chair is a "krzesełko do karmienia" (for feeding), with the brand
  // field or without.
  for (const char* brand : {"Lumikid", ""})
    ExpectOneTakedown(MatchOne(chair, MakeListing("L", "Krzesełko do karmienia Lumikid Ava", brand, "3220660344024")), brand);
  ExpectOneTakedown(MatchOne(chair, MakeListing("L", "Seggiolone Lumikid Ava con parasole e zanzariera", "Lumikid", "3220660344024")));
  // A car seat "for the car"; a mirror or base "for the car" is made for
  // the seat.
  const Notice car_seat = MakeNotice(NoticeSource::kEuSafetyGate, "A12/01879/24", "Childrens car seat", "Lumikid", "", "05902533919246", "Nova");
  ExpectOneTakedown(MatchOne(car_seat, MakeListing("L", "Fotelik do samochodu Lumikid Nova", "Lumikid", "5902533919246")));
  for (const char* title : {"Lusterko do samochodu Lumikid Nova", "Baza Isofix do samochodu Lumikid Nova"})
    ExpectOneReview(MatchOne(car_seat, MakeListing("L", title, "Lumikid", "5902533919246")), title);
  // "For" whom, as titles fold it ("para bebé") and in Italian and Polish:
  // the product, unless the title names an add-on sold on its own.
  for (const char* title : {"Trona para bebé Lumikid Ava", "Seggiolone per bambini Lumikid Ava", "Krzesełko dla dziecka Lumikid Ava"})
    ExpectOneTakedown(MatchOne(chair, MakeListing("L", title, "Lumikid", "3220660344024")), title);
  for (const char* title : {"Funda para bebé Lumikid Ava", "Sitzkissen für Babys Lumikid Ava Hochstuhl", "Śpiworek do wózka dla dziecka Lumikid Ava",
                            "Moskitiera dla dzieci Lumikid Ava", "Sonnenschutz fürs Auto Lumikid Ava", "Lumikid Ava mirror",
                            // Polish "do" and a verbal noun after goods other than a
                            // childcare product named so: a bib, a bottle; a handle
                            // "for pushing" the pushchair; a rain cover.
                            "Śliniak do karmienia Lumikid Ava", "Butelka do karmienia Lumikid Ava 260 ml",
                            "Rączka do pchania wózka Lumikid Ava", "Burbuja de lluvia para silla de paseo Lumikid Ava",
                            // Add-ons "per bambini" (Italian "per" reads as "for" only
                            // before the name itself).
                            "Ombrellino per bambini Lumikid Ava", "Zanzariera per bambini Lumikid Ava", "Poggiatesta per neonati Lumikid Ava",
                            // And a lining, a small mattress, a winter bag, a seat
                            // reducer, a cot bumper.
                            "Fodera per bambini Lumikid Ava", "Materassino per bambini Lumikid Ava",
                            "Sacco invernale per bambini Lumikid Ava", "Colchoneta para recién nacido Lumikid Ava",
                            "Cojín reductor para recién nacido Lumikid Ava", "Saco de abrigo para recién nacido Lumikid Ava",
                            "Materacyk dla dzieci Lumikid Ava", "Ochraniacz do łóżeczka dla dzieci Lumikid Ava",
                            "Śpiwór dla dzieci Lumikid Ava",
                            // Stickers, a cover, a holder.
                            "Adesivi per bambini Lumikid Ava", "Naklejki dla dzieci Lumikid Ava", "Copertura per bambini Lumikid Ava",
                            "Osłona dla dzieci Lumikid Ava", "Supporto per bambini Lumikid Ava"}) {
    const auto hits = MatchOne(chair, MakeListing("L", title, "Lumikid", "3220660344024"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title << ": " << hits[0].evidence.back();
  }
  // Bedding, a pillow, a blanket with a childcare product's barcode are
  // sold for it; with another product's, goods that may carry its name.
  // Sold with the cot ("gratis", free), the cot.
  Notice cot = MakeNotice(NoticeSource::kEuSafetyGate, "A12/03448/24", "Childrens cot", "Lumikid", "", "05902622004815", "Zyrafka");
  cot.category = "Childcare articles and childrens equipment";
  for (const char* title : {"Pościel dla dzieci Lumikid", "Poduszka dla dzieci Lumikid", "Lumikid cot bedding"})
    ExpectOneReview(MatchOne(cot, MakeListing("L", title, "Lumikid", "5902622004815")), title);
  for (const char* title : {"Łóżeczko Lumikid Zyrafka pościel gratis", "Łóżeczko Lumikid Zyrafka + pościel", "Lumikid Zyrafka cot with bedding"})
    ExpectOneTakedown(MatchOne(cot, MakeListing("L", title, "Lumikid", "5902622004815")), title);
  cot.category = "Toys";
  ExpectOneTakedown(MatchOne(cot, MakeListing("L", "Poduszka dla dzieci Lumikid", "Lumikid", "5902622004815")));
  // Another brand: a kind in common is not enough (kinds are broad).
  const Notice perfume = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90005/24", "Perfume", "Lumora", "", "08690000000005");
  const auto other_brand = MatchOne(perfume, MakeListing("L", "Nivora lipstick red", "Nivora", "8690000000005"));
  ASSERT_EQ(other_brand.size(), 1u);
  EXPECT_EQ(other_brand[0].action, RecallAction::kReview);
  // Nor are two kinds one product may be (a toy tea set is tableware):
  // a mug carrying a toy's barcode.
  const Notice toy = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90013/24", "Toy set", "Lumikid", "", "04006381333931");
  auto kinds = ProductKinds::LoadDefault();
  ASSERT_TRUE(kinds.ok());
  const auto mug = MatchOne(toy, MakeListing("L", "Acme ceramic mug", "", "4006381333931"), kinds.value().get());
  ASSERT_EQ(mug.size(), 1u);
  EXPECT_EQ(mug[0].action, RecallAction::kReview) << mug[0].evidence.back();
  EXPECT_TRUE(HasEvidence(mug[0], "kinds agree (toy and food_contact: toy tea sets and children's tableware)"));
  // One title writes as one word what the other writes as two.
  const Notice fire_pit = MakeNotice(NoticeSource::kUsCpsc, "29010", "Tabletop fire pits", "Lumikid", "", "04006381333931");
  ExpectOneTakedown(MatchOne(fire_pit, MakeListing("L", "Table Top Firepit - Hexagon, Gray", "", "4006381333931")));
  // A word of the notice's title is said when it is what agrees.
  const auto by_word = MatchOne(swing, MakeListing("L", "Garden swing 2 seats", "OEM", "5715404196000"));
  ExpectOneTakedown(by_word);
  if (!by_word.empty()) { EXPECT_TRUE(HasEvidence(by_word[0], "a word of the notice's title in the listing's (swing)")); }
  // A charger's listing calls it an adapter too.
  const Notice charger = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90006/24", "USB charger", "Lumikid", "", "06972047911769",
                                    "Universal travel charger");
  ExpectOneTakedown(MatchOne(charger, MakeListing("L", "Universal Travel Charger USB Wall Adapter 2 Port", "Generic", "6972047911769")));
  // A notice whose prose says "in case of" is no case's: a case sold
  // under its name is an accessory of it.
  const Notice speaker = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90007/24", "Bluetooth speaker", "Lumikid", "", "04006381333931",
                                    "The battery may overheat, in case of which the speaker can catch fire.");
  const auto case_hits = MatchOne(speaker, MakeListing("L", "Lumikid Bluetooth speaker case", "", "4006381333931"));
  ASSERT_EQ(case_hits.size(), 1u);
  EXPECT_EQ(case_hits[0].action, RecallAction::kReview) << case_hits[0].evidence.back();
  // Goods of the set its prose names are the set's.
  const Notice set = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90008/24", "Children's clothing set", "Lumikid", "", "04006381333931",
                                "T-shirt and shorts with a printed rocket.");
  ExpectOneTakedown(MatchOne(set, MakeListing("L", "Lumikid rocket T-shirt", "", "4006381333931")));
  // And of a clothing set named by its character only (alert A12/03202/24,
  // "SPIDER-MAN"): a T-shirt is part of the clothing recalled; a mug is
  // other goods under the name.
  const Notice character_set = MakeNotice(NoticeSource::kEuSafetyGate, "A12/03202/24", "Childrens clothing set", "Lumikid", "", "05299900577797",
                                          "SPIDER-MAN");
  ExpectOneTakedown(MatchOne(character_set, MakeListing("L", "Lumikid Spiderman Kinder Set T-Shirt + Shorts", "Lumikid", "5299900577797")));
  const auto character_mug = MatchOne(character_set, MakeListing("L", "Lumikid Spiderman mug", "Lumikid", "5299900577797"));
  ASSERT_EQ(character_mug.size(), 1u);
  EXPECT_EQ(character_mug[0].action, RecallAction::kReview);
  // What the product goes on, after "for", and an organiser right after
  // the product's noun, are the product's words.
  ExpectOneTakedown(MatchOne(MakeNotice(NoticeSource::kUsCpsc, "26608", "Bed rails", "Lumikid", "F311", "04006381333931"),
                             MakeListing("L", "Lumikid F311 Bettgitter für Matratze", "Lumikid", "4006381333931")));
  ExpectOneTakedown(MatchOne(MakeNotice(NoticeSource::kUsCpsc, "26633", "Fabric dresser", "Lumikid", "", "04006381333931"),
                             MakeListing("L", "Lumikid 9-Drawer Fabric Dresser Organizer for Bedroom", "Lumikid", "4006381333931")));
  // A dress is no set: a T-shirt under its character's name is other goods.
  Notice dress = MakeNotice(NoticeSource::kEuSafetyGate, "A12/01196/24", "Dress", "Lumikid", "", "05299900577797", "believe IN YOURSELF");
  dress.category = "Clothing, textiles and fashion items";
  const auto shirt = MatchOne(dress, MakeListing("L", "Lumikid believe in yourself T-shirt", "Lumikid", "5299900577797"));
  ASSERT_EQ(shirt.size(), 1u);
  EXPECT_EQ(shirt[0].action, RecallAction::kReview);
  // Bags and lids sold for it.
  for (const char* title : {"Nola swing carry bag", "Nola swing lid"}) {
    const auto hits = MatchOne(swing, MakeListing("L", title, "", "5715404196000"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
  }
  // "Original" in a title, right before the number, says genuine.
  ExpectOneTakedown(MatchOne(chair, MakeListing("L", "Lumikid Ava high chair 100% Original 3220660344024", "")));
  ExpectOneTakedown(MatchOne(chair, MakeListing("L", "Lumikid Ava high chair Original 3220660344024", "")));
}

// A seller's word that the goods are not affected is for a person to
// check: a review, never a takedown, also from a listing index.
TEST(RecallIdentityTest, ASellerSayingTheGoodsAreNotAffectedIsReviewed) {
  const Notice fridge = MakeNotice(NoticeSource::kUsCpsc, "26649", "Retro Refrigerators", "Galanz", "GLR76TWEER", "");
  for (const auto& [title, description] : {std::pair{"Galanz GLR76TWEER Retro Refrigerator, 2023 production, not affected by recall", ""},
                                           std::pair{"Galanz GLR76TWEER Retro-Kühlschrank", "Produktion 2023, nicht vom Rückruf betroffen."}}) {
    Listing l = MakeListing("L", title, "Galanz");
    l.description = description;
    for (const Listing& one : {l, [&] {
                                 Listing kept = l;
                                 kept.description = StatedIdentifiersText(ReadStatedIdentifiers(l));
                                 return kept;
                               }()}) {
      const auto hits = MatchOne(fridge, one);
      ASSERT_EQ(hits.size(), 1u) << title;
      EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
      EXPECT_EQ(hits[0].evidence.back(),
                "rule: notice model code and brand in the listing, but the listing says it is not affected by the recall or was remedied -> review");
    }
  }
  // Nor a word that the recall's remedy was done (the repair, the
  // replacement part), which is for the regulator's terms to allow.
  for (const char* description : {"Model GLR76TWEER, repaired by a Galanz technician under the recall", "Recall repair kit installed, safe now",
                                  "Compressor replaced through the Galanz recall program", "Im Rahmen des Rückrufs repariert",
                                  // Spanish and French, as North American sellers write it.
                                  "Reparado bajo el retiro del fabricante", "Kit de reparación del retiro instalado",
                                  "No está afectada por el retiro", "No incluido en el retiro", "Non visée par le rappel (code date 202105)",
                                  "Non concernée par le rappel", "N'est pas touché par le rappel"}) {
    Listing remedied = MakeListing("L", "Galanz GLR76TWEER Retro Refrigerator", "Galanz");
    remedied.description = description;
    const auto hits = MatchOne(fridge, remedied);
    ASSERT_EQ(hits.size(), 1u) << description;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << description;
  }
  ExpectOneTakedown(MatchOne(fridge, MakeListing("L", "Galanz GLR76TWEER Retro Refrigerator", "Galanz")));
  // Not affected by something else is no word on the recall.
  Listing sealed = MakeListing("L", "Galanz GLR76TWEER Retro Refrigerator", "Galanz");
  sealed.description = "Door seals not affected by humidity.";
  ExpectOneTakedown(MatchOne(fridge, sealed));
  // Nor is a shop's pick-up ("retiro en tienda"), after another clause's
  // "not included".
  for (const char* description : {"Retiro en tienda disponible.", "Envío no incluido, retiro en tienda."}) {
    sealed.description = description;
    ExpectOneTakedown(MatchOne(fridge, sealed), description);
  }
}

// A notice's brand of three words that holds the product's name after the
// maker's: the maker in the brand field and the name in the title agree
// with it; the maker alone, or with a name of another, does not.
TEST(RecallBrandTest, TheMakerInTheBrandFieldAndTheRestOfTheBrandInTheTitle) {
  const Notice lamp = MakeNotice(NoticeSource::kEuSafetyGate, "INFO/00137/24", "Laser pointer", "LUM Galaxy Light", "", "03701365602577",
                                 "Projektor Galaxy Light Milky way");
  ExpectOneTakedown(MatchOne(lamp, MakeListing("L", "Projecteur Galaxy Light Milky Way LUM - veilleuse ciel étoilé", "LUM", "3701365602577")));
  for (const char* title : {"Veilleuse ciel étoilé LUM", "Projecteur Galaxy Star LUM - veilleuse"})
    ExpectOneReview(MatchOne(lamp, MakeListing("L", title, "LUM", "3701365602577")), title);
}

// A notice's name in the listing's language: the words sellers translate,
// and a kind of product there too; a name of common words ("Desktop USB")
// is not enough in another language, nor are the brand's other goods.
TEST(RecallIdentityTest, TheNoticesNameInTheListingsLanguageIsReviewed) {
  const Notice fan = MakeNotice(NoticeSource::kEuSafetyGate, "A12/03291/24", "Fan", "Lumora", "", "", "Desktop USB fan");
  for (const char* title : {"Ventilatore USB da scrivania Lumora", "Schreibtischventilator USB Lumora", "Wentylator biurkowy USB Lumora"}) {
    const auto hits = MatchOne(fan, MakeListing("L", title, "Lumora"));
    ExpectOneReview(hits, title);
    if (hits.size() == 1) {
      EXPECT_TRUE(HasEvidence(hits[0], "the notice's product name in the listing's title (desktop usb, in the listing's language)")) << title;
    }
  }
  for (const char* title : {"Lampada da scrivania USB Lumora", "Ventilatore a piantana Lumora 40 cm", "Caricabatterie USB Lumora 20W"})
    EXPECT_TRUE(MatchOne(fan, MakeListing("L", title, "Lumora")).empty()) << title;
  // A CPSC product name, the brand in a title without a brand field.
  const Notice dresser = MakeNotice(NoticeSource::kUsCpsc, "26633", "Lumora 9-Drawer Fabric Dressers", "Lumora", "", "");
  for (const char* title : {"Cómoda de tela Lumora con 9 cajones", "Commode en tissu Lumora 9 tiroirs"})
    ExpectOneReview(MatchOne(dresser, MakeListing("L", title, "")), title);
  EXPECT_TRUE(MatchOne(dresser, MakeListing("L", "Cómoda Lumora de madera con 6 cajones", "")).empty());
  // A name ending in what it says of the product ("Bluetooth Shower" of a
  // speaker) needs the notice's kind of product: not a shower radio. The
  // product "for" a use is the product ("para ducha"); goods "for" the
  // product are made for it ("pour réfrigérateur rétro").
  const Notice speaker = MakeNotice(NoticeSource::kEuSafetyGate, "A12/03293/24", "Speaker", "Lumora", "", "", "Bluetooth Shower Speaker");
  for (const char* title : {"Altavoz Bluetooth para ducha Lumora", "Lumora Bluetooth-Duschlautsprecher, wasserdicht"})
    ExpectOneReview(MatchOne(speaker, MakeListing("L", title, "Lumora")), title);
  EXPECT_TRUE(MatchOne(speaker, MakeListing("L", "Lumora Bluetooth-Duschradio mit Saugnapf", "Lumora")).empty());
  const Notice fridge = MakeNotice(NoticeSource::kUsCpsc, "26649", "Lumora Retro Refrigerators", "Lumora", "", "");
  ExpectOneReview(MatchOne(fridge, MakeListing("L", "Réfrigérateur rétro Lumora 7,6 pi³", "Lumora")));
  for (const char* title : {"Joint de porte pour réfrigérateur rétro Lumora", "Ripiano in vetro per frigorifero retrò Lumora"})
    EXPECT_TRUE(MatchOne(fridge, MakeListing("L", title, "")).empty()) << title;
}

TEST(RecallIdentityTest, ForTheProductBeforeItsBrandAndCodeIsMadeForIt) {
  // "for" the notice's product, then its brand and code: a mat for the
  // tower. "for" whom, or for another maker's device, says nothing of it.
  // (In the languages that name the kind first, "pour bébé <brand>" reads
  // as made for the brand's goods, as "pour vidéoprojecteur BenQ" does:
  // accessories are titled so, and a person tells.)
  const Notice tower = MakeNotice(NoticeSource::kUsCpsc, "26651", "Nordi Foldable Toddler Tower Stools", "Lumikid", "LT0002", "");
  for (const char* title : {"Mat for toddler tower Lumikid LT0002", "Capote pour bébé Lumikid LT0002", "Mata ochronna pod fotelik do samochodu Lumikid LT0002"})
    ExpectOneReview(MatchOne(tower, MakeListing("L", title, "")), title);
  for (const char* title : {"Learning tower for toddlers Lumikid LT0002", "Toddler tower for iPhone 15 fans Lumikid LT0002"})
    ExpectOneTakedown(MatchOne(tower, MakeListing("L", title, "")), title);
  // What "for" whom sells is read from its words: a sheet is made for it.
  const Notice lounger = MakeNotice(NoticeSource::kUsCpsc, "26657", "Lumikid Baby Loungers", "Lumikid", "UMCDB01", "");
  ExpectOneTakedown(MatchOne(lounger, MakeListing("L", "Lumikid UMCDB01 baby lounger with fitted sheet", "")));
  for (const char* title : {"Drap pour bébé Lumikid UMCDB01", "Sábana para bebé Lumikid UMCDB01"})
    ExpectOneReview(MatchOne(lounger, MakeListing("L", title, "")), title);
  // Nor the notice's own "for" (an ER-Magellan pair's).
  ExpectOneTakedown(MatchOne(MakeNotice(NoticeSource::kEuSafetyGate, "A", "Lumikid screen care kit for ipad", "Lumikid", "GB01595", ""),
                             MakeListing("L", "Lumikid screen care kit for ipad matte Lumikid GB01595", "")));
  // An anti-slip mat for the tower in the languages whose words for it
  // are not the notice's.
  for (const char* title : {"Tapis antidérapant pour tour d'apprentissage Lumikid LT0002",
                            "Alfombrilla antideslizante para torre de aprendizaje Lumikid LT0002", "Lumikid LT0002 Antirutschmatte"})
    ExpectOneReview(MatchOne(tower, MakeListing("L", title, "Lumikid")), title);
  ExpectOneTakedown(MatchOne(tower, MakeListing("L", "Tour d'apprentissage pliable Lumikid LT0002", "Lumikid")));
  // A cushion, a pad, a mat or a cover for it, before "for" whom.
  for (const char* title : {"Cuscino sgabello per bambini Lumikid LT0002", "Tritthockerpolster für Kinder Lumikid LT0002",
                            "Mata do stołka do dzieci Lumikid LT0002", "Bezug Tritthocker Lumikid LT0002",
                            "Tritthocker für Kinder Lumikid LT0002 Eckenschutz Set"})
    ExpectOneReview(MatchOne(tower, MakeListing("L", title, "")), title);
}

TEST(RecallIdentityTest, TheProductForWhomBeforeItsBrandIsTheProduct) {
  // The product named first, then whom it is for, then its brand and code:
  // the product, as "Learning tower for toddlers <brand>" is. Not what is
  // named first when it is something else, nor a second "for".
  const Notice stool = MakeNotice(NoticeSource::kUsCpsc, "26660", "Lumikid Foldable Step Stools", "Lumikid", "LT0003", "");
  for (const char* title : {"Tritthocker für Kinder Lumikid LT0003", "Klappbarer Tritthocker aus Holz für Kinder Lumikid LT0003",
                            "Tabouret pour enfants Lumikid LT0003", "Taburete para niños Lumikid LT0003", "Sgabello per bambini Lumikid LT0003",
                            "Step stool for toddlers Lumikid LT0003"})
    ExpectOneTakedown(MatchOne(stool, MakeListing("L", title, "")), title);
  for (const char* title : {"Capote pour bébé Lumikid LT0003", "Kissen für Kinder Lumikid LT0003", "Bezug für Tritthocker für Kinder Lumikid LT0003",
                            "Housse de tabouret pour enfants Lumikid LT0003"})
    ExpectOneReview(MatchOne(stool, MakeListing("L", title, "")), title);
}

// A charger, doll clothes or a bag named before the product it is for,
// whom that is for, then the brand and the code: the accessory, reviewed.
// The product itself so named is taken down, also sold with the thing
// ("avec chargeur", "e vestiti per bambola", "vêtements fournis"); a code
// that opens with "SAC" is a code, Turkish "saç" (hair) no bag, and the
// "e" of "e-Glide" no Italian "and".
TEST(RecallIdentityTest, AnAccessoryNamedBeforeTheProductItIsForIsReviewed) {
  const Notice projector = MakeNotice(NoticeSource::kUsCpsc, "26647", "Lumora Mini Projectors for kids", "Lumora", "GV31", "",
                                      "The recalled projectors' lithium-ion battery can overheat.");
  for (const char* title : {"Ladegerät Beamer für Kinder Lumora GV31", "Chargeur projecteur pour enfants Lumora GV31",
                            "Lumora GV31 projector charger"})
    ExpectOneReview(MatchOne(projector, MakeListing("L", title, "Lumora")), title);
  ExpectOneReview(MatchOne(projector, MakeListing("L", "Chargeur vidéoprojecteur Lumora GV31", "Lumora")));
  // The product sold with its charger, or without.
  for (const char* title : {"Beamer für Kinder Lumora GV31", "Projecteur pour enfants Lumora GV31 avec chargeur",
                            "Lumora GV31 Projector Charger Included", "Lumora GV31 Beamer Ladegerät inklusive",
                            "Lumora GV31 Beamer Ladegerät fehlt, gebraucht", "Lumora GV31 projecteur chargeur non fourni"})
    ExpectOneTakedown(MatchOne(projector, MakeListing("L", title, "Lumora")), title);
  // A robot mower's charging station sold alone; the mower with it.
  const Notice mower = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Robotic lawn mower", "Lumora", "RM1000", "");
  for (const char* title : {"Lumora RM1000 Ladestation Original", "Station de charge pour tondeuse Lumora RM1000"})
    ExpectOneReview(MatchOne(mower, MakeListing("L", title, "Lumora")), title);
  for (const char* title : {"Lumora RM1000 Mähroboter mit Ladestation", "Lumora RM1000 robot mower, charging station, boundary wire"})
    ExpectOneTakedown(MatchOne(mower, MakeListing("L", title, "Lumora")), title);
  const Notice station = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Wireless charger", "Lumora", "WC-15", "");
  ExpectOneTakedown(MatchOne(station, MakeListing("L", "Lumora WC-15 Ladestation 15W kabellos", "Lumora")));
  // A power bank's listings call it a charger.
  const Notice power_bank = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Power bank", "Lumora", "PB-2000", "");
  ExpectOneTakedown(MatchOne(power_bank, MakeListing("L", "Ladegerät Powerbank Lumora PB-2000 10000mAh", "Lumora")));
  const Notice doll = MakeNotice(NoticeSource::kUsCpsc, "26656", "Lumikid Fashion Dolls", "Lumikid", "NEW319A", "");
  for (const char* title : {"Vêtements poupée pour enfants Lumikid NEW319A", "Puppenkleidung für Kinder Lumikid NEW319A",
                            "Ropa de muñeca para niñas Lumikid NEW319A"})
    ExpectOneReview(MatchOne(doll, MakeListing("L", title, "Lumikid")), title);
  for (const char* title : {"Poupée mannequin pour enfants Lumikid NEW319A", "Bambola Lumikid NEW319A e vestiti per bambola",
                            "Muñeca Lumikid NEW319A y ropa de muñeca", "Lalka Lumikid NEW319A ubranka dla lalki w zestawie",
                            "Poupée Lumikid NEW319A vêtements poupée fournis"})
    ExpectOneTakedown(MatchOne(doll, MakeListing("L", title, "Lumikid")), title);
  const Notice sticks = MakeNotice(NoticeSource::kUsCpsc, "26654", "Lumikid Dive Sticks", "Lumikid", "40041", "");
  ExpectOneReview(MatchOne(sticks, MakeListing("L", "Sac bâtons de plongée pour enfants Lumikid 40041", "Lumikid")));
  const Notice fan = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Ceiling fan", "Lumora", "SAC142R", "");
  ExpectOneTakedown(MatchOne(fan, MakeListing("L", "Lumora SAC 142R ceiling fan", "Lumora")));
  // The "e" of "e-Glide" is no Italian "and": the charging cable alone.
  const Notice scooter = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Electric scooter", "Lumora", "", "", "e-Glide");
  EXPECT_TRUE(MatchOne(scooter, MakeListing("L", "Lumora e-Glide Ladekabel Original 2022", "")).empty());
  EXPECT_FALSE(MatchOne(scooter, MakeListing("L", "Lumora e-Glide Elektroroller 2022", "")).empty());
  // Turkish "saç" (hair), and a gift bag offered with the product.
  const Notice conditioner = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Hair conditioner", "Lumora", "LM-400", "");
  ExpectOneTakedown(MatchOne(conditioner, MakeListing("L", "Lumora LM-400 Saç Kremi 400 ml", "Lumora")));
  const Notice perfume = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Perfume", "Lumora", "EP-50", "");
  ExpectOneTakedown(MatchOne(perfume, MakeListing("L", "Eau de parfum Lumora EP-50, sac cadeau offert", "Lumora")));
  // A bag of the notice's: the product.
  const Notice handbag = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Handbag", "Lumora", "HB-220", "");
  ExpectOneTakedown(MatchOne(handbag, MakeListing("L", "Sac à main femme Lumora HB-220", "Lumora")));
  ExpectOneTakedown(MatchOne(handbag, MakeListing("L", "Sac femme en cuir Lumora HB-220", "Lumora")));
  const Notice backpack = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Children's backpack", "Lumora", "BP-31", "");
  ExpectOneTakedown(MatchOne(backpack, MakeListing("L", "Sac à dos enfant Lumora BP-31", "Lumora")));
  const Notice tote = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Shopping bag", "Lumora", "SB-12", "");
  ExpectOneTakedown(MatchOne(tote, MakeListing("L", "Sac de courses pliable Lumora SB-12", "Lumora")));
}

// Batteries for a toy carrying the toy's barcode: made for it, reviewed.
// The toy itself with the barcode is taken down.
TEST(RecallIdentityTest, BatteriesForTheProductWithItsBarcodeAreReviewed) {
  auto kinds = ProductKinds::LoadDefault();
  ASSERT_TRUE(kinds.ok());
  Notice mouse = MakeNotice(NoticeSource::kEuSafetyGate, "A12/01699/23", "Toy mouse with remote control", "", "", "05907451324745");
  mouse.category = "Gadgets";
  for (const char* title : {"Batterien für Spielzeug Maus", "Piles pour souris jouet", "Batteries for toy mouse"})
    ExpectOneReview(MatchOne(mouse, MakeListing("L", title, "Bez marki", "5907451324745"), kinds.value().get()), title);
  ExpectOneTakedown(MatchOne(mouse, MakeListing("L", "Spielzeug Maus mit Fernbedienung", "Bez marki", "5907451324745"), kinds.value().get()));
  // A computer mouse with the toy's barcode: another kind of product,
  // whatever its word for a mouse.
  for (const char* title : {"Kabellose Maus 2.4 GHz für PC und Laptop", "Souris sans fil optique pour ordinateur", "Tapis de souris XXL gaming"})
    ExpectOneReview(MatchOne(mouse, MakeListing("L", title, "Bez marki", "5907451324745"), kinds.value().get()), title);
}

// A notice giving its code to a battery or a charger the maker also sold
// on its own: the maker's battery of that code "for" the product, or a
// "replacement", is the recalled part. Without the maker in the brand
// field, or of a code the notice gives the product itself, it may be
// another's part made for it, for a person to tell.
TEST(RecallIdentityTest, TheMakersBatteryOfTheCodeTheNoticeGivesItIsTheRecalledPart) {
  const Notice vacuum = MakeNotice(NoticeSource::kUsCpsc, "26595", "Lumikid Cordless Vacuum Cleaners with lithium-ion battery", "Lumikid", "", "",
                                   "There are two models, model number LV20A1. The vacuum's lithium-ion battery model number is ZB0097U2 "
                                   "with a date code that begins with 23. The batteries were sold separately or with the vacuum cleaners.");
  for (const char* title : {"Lithium-ion battery for cordless vacuum Lumikid ZB0097U2", "Lumikid ZB0097U2 replacement battery 25.2V",
                            "Akku für Lumikid Staubsauger ZB0097U2 Ersatzakku"})
    ExpectOneTakedown(MatchOne(vacuum, MakeListing("L", title, "Lumikid")), title);
  ExpectOneReview(MatchOne(vacuum, MakeListing("L", "Replacement battery for Lumikid ZB0097U2", "")), "Replacement battery for Lumikid ZB0097U2");
  ExpectOneReview(MatchOne(vacuum, MakeListing("L", "Lumikid ZB0097U2 wall mount", "Lumikid")), "Lumikid ZB0097U2 wall mount");
  // A charger for the vacuum: the notice's battery is what the vacuum
  // comes with, not what it is.
  ExpectOneReview(MatchOne(vacuum, MakeListing("L", "Ladegerät Staubsauger Lumikid LV20A1", "Lumikid")), "Ladegerät Staubsauger");
  ExpectOneReview(MatchOne(vacuum, MakeListing("L", "Replacement battery for cordless vacuum Lumikid LV20A1", "Lumikid")), "Replacement battery for cordless vacuum Lumikid LV20A1");
}

// A notice limited to some batches or date codes, and a listing stating
// another: reviewed, not taken down; one inside them, or none stated, is
// taken down. Also as a listing index keeps the description.
TEST(RecallIdentityTest, AListingStatingABatchTheNoticeLeavesOutIsReviewed) {
  Notice dryer = MakeNotice(NoticeSource::kUsCpsc, "90023", "Dorvik Hair Dryers", "Dorvik", "HD-31", "",
                            "The model number HD-31 is followed by a four-digit date code. Only hair dryers with date codes 2301 "
                            "through 2335 are included in this recall.");
  Notice lamp = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90024/26", "Night light", "Larvo", "LN-4410", "");
  lamp.batch_numbers = {"2301-2352"};
  Notice kettle = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90025/26", "Kettle", "Brewly", "BK-1750", "");
  kettle.batch_numbers = {"L2301, L2302", "L2410 to L2420"};
  Notice mower = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90026/26", "Robotic lawn mower", "Lumora", "RM4000", "");
  mower.batch_numbers = {"From MCJF-1000031 to MCJF-1005100 (RM1000)", "From MCPF-1000050 to MCPF-1003289 (RM4000)"};
  Notice mowers = mower;  // both types recalled, as the Miimo alert's
  mowers.model_numbers = {"RM1000", "RM4000"};
  const auto action = [](const Notice& n, const char* title, const char* brand, const char* description = "", bool kept = false) {
    Listing l = MakeListing("L", title, brand);
    l.description = description;
    if (kept) l.description = StatedIdentifiersText(ReadStatedIdentifiers(l));
    const auto hits = MatchOne(n, l);
    return hits.size() == 1 ? hits[0].action : RecallAction::kNone;
  };
  for (const bool kept : {false, true}) {
    EXPECT_EQ(action(dryer, "Dorvik HD-31 Hair Dryer 1875W, date code 2340", "Dorvik", "", kept), RecallAction::kReview);
    EXPECT_EQ(action(dryer, "Dorvik HD-31 Hair Dryer 1875W", "Dorvik", "Date code: 2340", kept), RecallAction::kReview);
    EXPECT_EQ(action(dryer, "Dorvik HD-31 Hair Dryer 1875W, date code 2310", "Dorvik", "", kept), RecallAction::kTakedown);
    EXPECT_EQ(action(dryer, "Dorvik HD-31 Hair Dryer 1875W", "Dorvik", "", kept), RecallAction::kTakedown);
    EXPECT_EQ(action(lamp, "Larvo LN-4410 LED Night Light", "Larvo", "Batch no. 2401", kept), RecallAction::kReview);
    EXPECT_EQ(action(lamp, "Larvo LN-4410 LED Night Light, batch 2352", "Larvo", "", kept), RecallAction::kTakedown);
    EXPECT_EQ(action(kettle, "Brewly BK-1750 Kettle", "Brewly", "Lot: L2303", kept), RecallAction::kReview);
    EXPECT_EQ(action(kettle, "Brewly BK-1750 Kettle", "Brewly", "Lot: L2302", kept), RecallAction::kTakedown);
    EXPECT_EQ(action(kettle, "Brewly BK-1750 Kettle", "Brewly", "批次：L2415", kept), RecallAction::kTakedown);
    EXPECT_EQ(action(kettle, "Brewly BK-1750 Kettle", "Brewly", "批次：L2421", kept), RecallAction::kReview);
    // A serial number against the notice's serial ranges, as Honda's
    // Miimo alert gives them per type.
    EXPECT_EQ(action(mower, "Lumora RM4000 Mähroboter", "Lumora", "Seriennummer: MCPF-1005000", kept), RecallAction::kReview);
    EXPECT_EQ(action(mower, "Lumora RM4000 Mähroboter", "Lumora", "Seriennummer: MCPF-1002000", kept), RecallAction::kTakedown);
    EXPECT_EQ(action(mower, "Lumora RM4000 robot mower, S/N MCPF-1003290", "Lumora", "", kept), RecallAction::kReview);
    // Stated as another type than its serial's range: not the recalled
    // unit as stated, for a person to check.
    EXPECT_EQ(action(mowers, "Lumora RM1000 robot mower", "Lumora", "S/N: MCPF-1001000", kept), RecallAction::kReview);
    EXPECT_EQ(action(mowers, "Lumora RM1000 robot mower", "Lumora", "S/N: MCJF-1001000", kept), RecallAction::kTakedown);
    // Against lots or date codes a serial number says nothing.
    EXPECT_EQ(action(kettle, "Brewly BK-1750 Kettle", "Brewly", "Serial number: KB2024118822", kept), RecallAction::kTakedown);
    EXPECT_EQ(action(lamp, "Larvo LN-4410 LED Night Light", "Larvo", "S/N 0045123", kept), RecallAction::kTakedown);
    EXPECT_EQ(action(lamp, "Larvo LN-4410 LED Night Light", "Larvo", "Serial number: 23012399", kept), RecallAction::kTakedown);
  }
  // "Lot" and "Charge" are batches only so labelled.
  EXPECT_EQ(action(kettle, "Brewly BK-1750 Kettle, lot of 2", "Brewly"), RecallAction::kTakedown);
  EXPECT_EQ(action(kettle, "Brewly BK-1750 Kettle, fast charge 2400W", "Brewly"), RecallAction::kTakedown);
  const Listing lamp_listing = [] {
    Listing l = MakeListing("L", "Larvo LN-4410 LED Night Light, batch 2401", "Larvo");
    return l;
  }();
  const auto hits = MatchOne(lamp, lamp_listing);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].evidence.back(),
            "rule: notice model code and brand in the listing, but the listing's batch 2401 is not among the notice's (2301-2352) -> review");
}

// A notice naming a range of models ("SK2210 to SK2219", "8801-8809",
// "12345/6/7") names each model in it: one inside is the notice's, one
// outside another model.
TEST(RecallIdentityTest, AModelInsideARangeTheNoticeNamesIsItsModel) {
  const Notice kettle = MakeNotice(NoticeSource::kUsCpsc, "90026", "Pellix Electric Kettles", "Pellix", "", "",
                                   "This recall involves Pellix electric kettles with models SK2210 to SK2219 printed on the base.");
  Notice heater = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90027/26", "Fan heater", "Orvella", "8801-8809", "");
  Notice car = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90028/26", "Toy car", "Ruvik", "12345/6/7", "");
  ExpectOneTakedown(MatchOne(kettle, MakeListing("L", "Pellix SK2214 Electric Kettle 1.7L Stainless Steel", "Pellix", "", "SK2214")));
  ExpectOneTakedown(MatchOne(kettle, MakeListing("L", "Pellix SK2219 Electric Kettle 1.7L", "Pellix")));
  EXPECT_TRUE(MatchOne(kettle, MakeListing("L", "Pellix SK2220 Electric Kettle 1.7L", "Pellix", "", "SK2220")).empty());
  // A descaler for one is a consumable made for it.
  for (const auto& hit : MatchOne(kettle, MakeListing("L", "Pellix SK2214 Kettle Descaler Tablets 20 pack", "Pellix")))
    EXPECT_NE(hit.action, RecallAction::kTakedown);
  ExpectOneTakedown(MatchOne(heater, MakeListing("L", "Orvella 8805 Electric Fan Heater 2000W", "Orvella", "", "8805")));
  EXPECT_TRUE(MatchOne(heater, MakeListing("L", "Orvella 8810 Electric Fan Heater 2000W", "Orvella", "", "8810")).empty());
  ExpectOneTakedown(MatchOne(car, MakeListing("L", "Ruvik 12346 pull-back toy car", "Ruvik", "", "12346")));
  // A model year in the list is no model.
  Notice scooter = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90030/26", "Electric scooter", "Rovix", "", "");
  scooter.model_numbers = {"RX-8800", "2023/24"};
  for (const char* title : {"Rovix electric scooter 2024 new, 10 inch tires", "Rovix RX-10 electric scooter 2024 model"})
    for (const auto& hit : MatchOne(scooter, MakeListing("L", title, "Rovix"))) EXPECT_NE(hit.action, RecallAction::kTakedown) << title;
  EXPECT_TRUE(MatchOne(car, MakeListing("L", "Ruvik 12348 pull-back toy car", "Ruvik", "", "12348")).empty());
  const auto hits = MatchOne(kettle, MakeListing("L", "Pellix SK2214 Electric Kettle 1.7L Stainless Steel", "Pellix", "", "SK2214"));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].evidence.front(), "same model code SK2214");
}

// CPSC names Chinese sellers by a Pinyin name run together, an English
// one in brackets and the name they trade under: a listing under any of
// them sells the recalling firm's goods, not another maker's.
TEST(RecallIdentityTest, AFirmsPinyinEnglishAndTradingNamesAreEachItsName) {
  Notice rail = MakeNotice(NoticeSource::kUsCpsc, "90029", "Varnok Bed Rails", "Varnok", "VR-311", "");
  rail.companies = {"guangzhoushilumorakejiyouxiangongsi (Guangzhou Lumora Technology Co., Ltd.), doing business as LUMORA-DIRECT, of China",
                    "HuNanBrewlyDianZiYouXianGongSi D/B/A Pellixa or Hunan Brewly Electronic Commerce Co., Ltd., of China"};
  for (const char* brand : {"guangzhoushilumorakejiyouxiangongsi", "Guangzhou Lumora Technology Co., Ltd.", "LUMORA-DIRECT",
                            "HuNanBrewlyDianZiYouXianGongSi", "Pellixa", "Hunan Brewly Electronic Commerce Co., Ltd."})
    ExpectOneTakedown(MatchOne(rail, MakeListing("L", "Bed rail for elderly adults VR-311 with storage pocket", brand)), brand);
  EXPECT_TRUE(MatchOne(rail, MakeListing("L", "Bed rail for elderly adults VR-311 with storage pocket", "Orvella")).empty());
}

// A notice listing its barcode among its model numbers agrees on it once.
TEST(RecallIdentityTest, ABarcodeAmongTheModelNumbersIsNoSecondAgreement) {
  const Notice pit = MakeNotice(NoticeSource::kUsCpsc, "26687", "Tabletop Fire Pits", "Brookstone", "680079015947", "00680079015947");
  const auto hits = MatchOne(pit, MakeListing("L", "Tabletop fire pit, indoor/outdoor, UPC 680079015947", ""));
  ExpectOneTakedown(hits);
  ASSERT_FALSE(hits.empty());
  for (const auto& e : hits[0].evidence) EXPECT_EQ(e.find("model code"), std::string::npos) << e;
}

// Sellers with "Generic" or nothing in the brand field label the brand in
// the description.
TEST(RecallIdentityTest, ABrandTheDescriptionLabels) {
  const auto described = [](const char* brand, const char* description) {
    Listing l = MakeListing("L", "Toy mobile phone with light and sound", brand);
    l.description = description;
    return l;
  };
  EXPECT_EQ(ReadStatedIdentifiers(described("", "Brand: Happy People. Age 18 months+")).brand, "happy people");
  EXPECT_EQ(ReadStatedIdentifiers(described("", "<li>Marke : Happy People</li><li>Farbe: rot</li>")).brand, "happy people");
  EXPECT_EQ(ReadStatedIdentifiers(described("", "品牌：Happy People")).brand, "happy people");
  // As Central and Eastern European marketplaces label it; not the
  // manufacturer, another firm as often ("Výrobce: Qisda Corporation" of a
  // BenQ projector).
  for (const char* labelled : {"Марка: Happy People", "Μάρκα: Happy People", "Blagovna znamka: Happy People", "Prekės ženklas: Happy People",
                               "Zīmols: Happy People", "Kaubamärk: Happy People"})
    EXPECT_EQ(ReadStatedIdentifiers(described("", labelled)).brand, "happy people") << labelled;
  for (const char* maker : {"Výrobce: Happy People", "Producent: Happy People", "Gyártó: Happy People", "Κατασκευαστής: Happy People"})
    EXPECT_EQ(ReadStatedIdentifiers(described("", maker)).brand, "") << maker;
  for (const char* not_brand : {"Compatible brand: Bosch", "Brand: Generic", "Brand new toy phone", "Suitable for brand: Bosch"})
    EXPECT_EQ(ReadStatedIdentifiers(described("", not_brand)).brand, "") << not_brand;
  // What a listing index keeps reads back the same.
  const StatedIdentifiers ids = ReadStatedIdentifiers(described("", "Brand: Happy People, model TP-10"));
  Listing kept = described("", "");
  kept.description = StatedIdentifiersText(ids);
  EXPECT_EQ(ReadStatedIdentifiers(kept).brand, "happy people");
  // It stands in for a brand field that names none, not for one that does.
  EXPECT_EQ(FromListing(described("Generic", "Brand: Happy People")).record.Get("brand"), "happy people");
  EXPECT_EQ(FromListing(described("", "Brand: Happy People")).brands, std::vector<std::string>{"happy people"});
  EXPECT_EQ(FromListing(described("Toyland", "Brand: Happy People")).record.Get("brand"), "Toyland");
  const Notice phone = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90004/24", "Toy mobile phone", "Happy People", "", "04008332610757");
  ExpectOneTakedown(MatchOne(phone, [&] {
    Listing l = described("Generic", "Brand: Happy People");
    l.gtin = "4008332610757";
    return l;
  }()));
}

TEST(RecallIdentityTest, BrandsAgreeWithAndWithoutAccents) {
  for (const char* brand : {"Lowe Electrique", "LÖWE ÉLECTRIQUE", "löwe électrique"}) {
    const auto hits = MatchOne(MakeNotice(NoticeSource::kEuSafetyGate, "A", "Toaster", "Löwe Électrique", "LT5500", ""),
                               MakeListing("L", "LT-5500 toaster", brand));
    ExpectOneTakedown(hits, brand);
  }
}

TEST(RecallIdentityTest, ACodeTypedWithLookalikeLettersIsTheCode) {
  // "НD-770" with a Cyrillic Н: a code no filter on "HD-770" would find.
  const auto hits = MatchOne(MakeNotice(NoticeSource::kEuSafetyGate, "A", "Hair dryer", "Breezo", "HD-770", ""),
                             MakeListing("L", "Breezo hair dryer НD-770 2000W", "Breezo"));
  ExpectOneTakedown(hits);
}

TEST(RecallIdentityTest, HtmlReferencesInAListingAreDecoded) {
  const Notice notice = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Sunglasses", "SUN & SPORT", "NL3300", "");
  for (const auto& [title, brand] : std::vector<std::pair<const char*, const char*>>{
           {"Sun &amp; Sport sunglasses NL&#45;3300", ""}, {"Sunglasses NL&#x2011;3300", "Sun &amp; Sport"}}) {
    const auto hits = MatchOne(notice, MakeListing("L", title, brand));
    ExpectOneTakedown(hits, title);
  }
}

TEST(RecallIdentityTest, ADescriptionGivingTheProductsNameIsItsName) {
  using Words = std::vector<std::vector<std::string>>;
  // Safety Gate's description is most often the product's own name: its
  // words beyond the product name and the brand are what a seller's title
  // shows.
  EXPECT_EQ(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A", "Power bank", "Ikea", "", "", "VARMFRONT")).name_words, Words{{"varmfront"}});
  EXPECT_EQ(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A", "Bicycle helmet", "LIMAR", "", "", "Limar Torino")).name_words, Words{{"torino"}});
  // How it is packed is no word of the name: "Geschenkset", "set de regalo".
  EXPECT_EQ(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A", "Toy set", "Fisher-Price", "", "", "Baby Biceps Gift Set")).name_words,
            (Words{{"baby", "biceps"}}));
  EXPECT_EQ(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A", "Toy", "Lumikid", "", "", "Gift Box")).name_words, (Words{{"gift", "box"}}));
  // A name spelled without its spaces or hyphens is the name (alert
  // A12/01879/24); a part of it is not.
  const Notice seat = MakeNotice(NoticeSource::kEuSafetyGate, "A12/01879/24", "Childrens car seat", "Kinderkraft", "", "", "I-CARE i-Size");
  EXPECT_EQ(FromNotice(seat).name_compacts, std::vector<std::string>{"ICAREISIZE"});
  EXPECT_EQ(FromNotice(seat).name_joined, (std::vector<std::string>{"icare", "isize"}));
  for (const char* title : {"Kinderkraft ICARE i-Size car seat", "Kinderkraft I-CARE iSize", "KINDERKRAFT I CARE I SIZE",
                            "Kinderkraft Babyschale ICARE iSize schwarz"}) {
    const auto hits = MatchOne(seat, MakeListing("L", title, ""));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
  }
  EXPECT_TRUE(MatchOne(seat, MakeListing("L", "Kinderkraft iSize booster seat", "")).empty());
  // A brand of two words written as one, in the title of a listing without
  // a brand field.
  const Notice two_words = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Childrens high chair", "Lumi Kid", "", "", "Ava");
  const auto together = MatchOne(two_words, MakeListing("L", "Chaise haute LumiKid Ava comme neuve", ""));
  ASSERT_EQ(together.size(), 1u);
  EXPECT_EQ(together[0].action, RecallAction::kReview);
  EXPECT_TRUE(MatchOne(two_words, MakeListing("L", "Chaise haute Lumi Ava comme neuve", "")).empty());
  // Numbers are part of the name, however short.
  EXPECT_EQ(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "SR/03788/24", "Eau de toilette", "Setablu", "", "", "14 Her")).name_words,
            (Words{{"14", "her"}}));
  // A colour after the name is the variant's, apart from the name (alert
  // OR/00171/24, "Kala gray"): a listing without it or in another language
  // names the product, one naming only other colours another variant.
  const Notice chair = MakeNotice(NoticeSource::kEuSafetyGate, "OR/00171/24", "Childrens high chair", "MoMi", "", "", "Kala gray");
  EXPECT_EQ(FromNotice(chair).name_words, Words{{"kala"}});
  EXPECT_EQ(FromNotice(chair).name_colours.size(), 1u);
  EXPECT_NE(FromNotice(chair).name_colours.at(0), 0u);
  for (const char* title : {"MoMi Kala high chair", "Hochstuhl MoMi Kala grau", "MoMi Kala high chair, grey", "MoMi KALA Gray"}) {
    const auto hits = MatchOne(chair, MakeListing("L", title, ""));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
  }
  for (const char* title : {"MoMi Kala high chair, pink", "Trona MoMi Kala azul", "Jídelní židlička MoMi Kala růžová"})
    EXPECT_TRUE(MatchOne(chair, MakeListing("L", title, "")).empty()) << title;
  // A colour that is the name's only word, or opens it, is the name.
  EXPECT_EQ(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A", "Perfume", "Lazell", "", "", "Gold Madame")).name_words, (Words{{"gold", "madame"}}));
  // Names given as alternatives: "A / B".
  EXPECT_EQ(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A", "Laser pointer", "Burnnove", "", "", "Astronaut Nebula projector / Star projection lamp"))
                .name_words,
            (Words{{"astronaut", "nebula", "projector"}, {"star", "projection", "lamp"}}));
  // A longer list of names after commas (alert A12/03434/24); a short one
  // stays one name.
  EXPECT_EQ(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/03434/24", "Baby book", "Ulikey", "", "",
                                  "Quiet Book Montessori Spielzeug, 3D Filz Busy Book Sensorisches Spielzeug"))
                .name_words,
            (Words{{"quiet", "montessori", "spielzeug"}, {"3d", "filz", "busy", "sensorisches", "spielzeug"}}));
  EXPECT_EQ(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A", "Perfume", "Acme", "", "", "Rose, Oud")).name_words,
            (Words{{"rose", "oud"}}));
  // Except the models of a whole vehicle's alert (A12/02827/24).
  EXPECT_EQ(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/02827/24", "Passenger car", "Opel/Vauxhall", "", "",
                                  "Astra L, Corsa, Crossland X, Mokka"))
                .name_words,
            (Words{{"astra"}, {"corsa"}, {"crossland"}, {"mokka"}}));  // one letter is no word of a name
  EXPECT_TRUE(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A", "Toy", "Acme", "", "",
                                    "Plush toy with a long list of words, more than eight of them in this one part, and another"))
                  .name_words.empty());
  // Prose, a placeholder, or nothing beyond the product name: no name.
  for (const char* description : {"Red wireless earphones in a cardboard box.", "None", "Power bank", "The power bank overheats while charging the phone and can catch fire"})
    EXPECT_TRUE(FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A", "Power bank", "Ikea", "", "", description)).name_words.empty()) << description;
  EXPECT_TRUE(FromListing(MakeListing("L", "IKEA VARMFRONT power bank", "IKEA")).name_words.empty());
}

TEST(RecallIdentityTest, TheNoticesProductNameAndBrandInATitleAreReviewed) {
  // No GTIN or code to compare, no pair model: the name and the brand are
  // what identifies the product.
  const Notice ikea = MakeNotice(NoticeSource::kEuSafetyGate, "A12/03159/24", "Power bank", "Ikea", "", "", "VARMFRONT");
  for (const auto& [title, brand] : std::vector<std::pair<const char*, const char*>>{
           {"IKEA VARMFRONT Powerbank 10400mAh", "IKEA"}, {"ＩＫＥＡ　ＶＡＲＭＦＲＯＮＴ 移动电源", "ＩＫＥＡ"}, {"Ikea Varmfront power banks, 2 pcs", ""}}) {
    const auto hits = MatchOne(ikea, MakeListing("L", title, brand));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
    EXPECT_NE(std::find(hits[0].evidence.begin(), hits[0].evidence.end(), "the notice's product name in the listing's title (varmfront)"),
              hits[0].evidence.end());
    EXPECT_EQ(hits[0].evidence.back(), "rule: the notice names no GTIN or model code, the notice's product name and brand in the listing -> review");
  }
  // Sibling products, named by number: only the one the notice names.
  const Notice perfume = MakeNotice(NoticeSource::kEuSafetyGate, "SR/03788/24", "Eau de toilette", "Setablu", "", "", "14 Her");
  EXPECT_TRUE(MatchOne(perfume, MakeListing("L", "Setablu perfume 16 Her 100 ml", "Setablu")).empty());
  EXPECT_EQ(MatchOne(perfume, MakeListing("L", "Setablu 14 Her eau de toilette 100 ml", "Setablu")).size(), 1u);
  // A name of numbers only is not a count of pieces.
  const Notice numbered = MakeNotice(NoticeSource::kEuSafetyGate, "SR/03775/24", "Perfume", "Creation", "", "", "3511");
  EXPECT_EQ(MatchOne(numbered, MakeListing("L", "Creation Perfume 3511 Eau de Parfum 100ml", "")).size(), 1u);
  for (const char* title : {"Creation Kreativset Perlen 3511 Teile", "Creation Puzzle 3511 pieces", "Creation Bügelperlen 3511 Stück"})
    EXPECT_TRUE(MatchOne(numbered, MakeListing("L", title, "")).empty()) << title;
  // An accessory named after the product is not the product; the product
  // sold with one is.
  const Notice mower = MakeNotice(NoticeSource::kEuSafetyGate, "A12/03112/24", "Lawn mower", "Honda", "", "", "Miimo");
  EXPECT_TRUE(MatchOne(mower, MakeListing("L", "Honda Miimo charging station cover", "Honda")).empty());
  EXPECT_TRUE(MatchOne(mower, MakeListing("L", "Blade holder for Honda Miimo", "Generic")).empty());
  // Made for it, under the brand's own name: "für <name>", a German
  // compound of "Ersatz".
  const Notice helmet = MakeNotice(NoticeSource::kEuSafetyGate, "A12/01135/24", "Bicycle helmet", "Limar", "", "", "Limar Torino");
  for (const char* title : {"Polster für Limar Torino Helm", "Limar Torino Ersatzpolster", "Limar pads for Torino helmet"})
    EXPECT_TRUE(MatchOne(helmet, MakeListing("L", title, "Limar")).empty()) << title;
  EXPECT_EQ(MatchOne(helmet, MakeListing("L", "Limar Torino Fahrradhelm für Erwachsene", "Limar")).size(), 1u);
  // Not the name's own "for".
  const Notice mask = MakeNotice(NoticeSource::kEuSafetyGate, "SR/03776/24", "Hair mask", "Bipoint", "", "", "Crema Delicata Maschera per capelli");
  EXPECT_EQ(MatchOne(mask, MakeListing("L", "Bipoint Crema Delicata Maschera per capelli 1000ml", "Bipoint")).size(), 1u);
  const Notice dress = MakeNotice(NoticeSource::kEuSafetyGate, "A12/01196/24", "Dress", "Nickelodeon", "", "", "believe IN YOURSELF");
  EXPECT_TRUE(MatchOne(dress, MakeListing("L", "Nickelodeon Paw Patrol believe in yourself poster", "Nickelodeon")).empty());
  EXPECT_EQ(MatchOne(mower, MakeListing("L", "Honda Miimo HRM 520 robotic lawn mower", "Honda")).size(), 1u);
  EXPECT_EQ(MatchOne(mower, MakeListing("L", "Honda Miimo 310 with cover and garage", "Honda")).size(), 1u);
  // A notice's name is often a licensed character's: other goods with the
  // character are other products; the kind of product the notice names,
  // or the product with them, is still reviewed.
  const Notice clothing = MakeNotice(NoticeSource::kEuSafetyGate, "A12/03202/24", "Childrens clothing set", "Cerda", "", "", "SPIDER-MAN");
  for (const char* title : {"Cerda Spider-Man backpack for kids 3D", "Cerda Spider-Man fleece blanket 100x140", "Cerda Spider-Man lunch box",
                            "Cerda Spider-Man Kinder Rucksack", "Sac à dos Cerda Spider-Man", "Cerda Spider-Man Tasse 350 ml",
                            "Cerda 蜘蛛侠 Spider-Man 儿童书包"})
    EXPECT_TRUE(MatchOne(clothing, MakeListing("L", title, "Cerda")).empty()) << title;
  for (const char* title : {"Cerda Spider-Man pyjamas boys 2-piece set", "Cerda Spider-Man clothing set with backpack"})
    EXPECT_EQ(MatchOne(clothing, MakeListing("L", title, "Cerda")).size(), 1u) << title;
  // The alert gives the name as its model too: a name still, reviewed,
  // written as one word too ("Spiderman"), the brand first or not.
  const Notice named_as_model = MakeNotice(NoticeSource::kEuSafetyGate, "A12/03202/24", "Childrens clothing set", "Cerda", "SPIDER-MAN", "", "SPIDER-MAN");
  for (const auto& [title, brand] : {std::pair{"Cerda Spiderman pyjamas boys 2-piece set", "Cerda"}, std::pair{"Ensemble Spiderman Cerda 4 ans", ""},
                                     std::pair{"Cerda Ensemble Spiderman 4 ans", ""}}) {
    const auto hits = MatchOne(named_as_model, MakeListing("L", title, brand));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
  }
  // A model without digits that is no name of the notice is the maker's code.
  const Notice plug = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Smart plug", "Voltix", "WPEUSDVDRT", "", "Smart plug with energy meter");
  ExpectOneTakedown(MatchOne(plug, MakeListing("L", "Voltix WPEUSDVDRT smart plug", "Voltix")));
  // Words that also name the product itself are not among them.
  const Notice pushchair = MakeNotice(NoticeSource::kEuSafetyGate, "OR/00181/24", "Pushchair", "Lionelo", "", "", "Elia");
  EXPECT_EQ(MatchOne(pushchair, MakeListing("L", "Lionelo Elia umbrella stroller, grey", "Lionelo")).size(), 1u);
  const Notice sleeping_bag = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Baby sleeping bag", "Ortorex", "", "", "Dino Blanket");
  EXPECT_EQ(MatchOne(sleeping_bag, MakeListing("L", "Ortorex Dino blanket sleeping bag 70 cm", "Ortorex")).size(), 1u);
  // A word the notice has too says nothing.
  const Notice case_notice = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Phone case", "Spigen", "", "", "Tough Armor");
  EXPECT_EQ(MatchOne(case_notice, MakeListing("L", "Spigen Tough Armor case iPhone 15", "Spigen")).size(), 1u);
  // One of two names the description gives.
  const Notice lamp = MakeNotice(NoticeSource::kEuSafetyGate, "A12/03599/24", "Laser pointer", "Burnnove", "", "",
                                 "Astronaut Nebula projector / Star projection lamp");
  const auto lamp_hits = MatchOne(lamp, MakeListing("L", "Burnnove Astronaut Nebula Projector galaxy light", "Burnnove"));
  ASSERT_EQ(lamp_hits.size(), 1u);
  EXPECT_NE(std::find(lamp_hits[0].evidence.begin(), lamp_hits[0].evidence.end(),
                      "the notice's product name in the listing's title (astronaut nebula projector)"),
            lamp_hits[0].evidence.end());
  EXPECT_TRUE(MatchOne(lamp, MakeListing("L", "Burnnove star lamp", "Burnnove")).empty());
  // Another of the brand's power banks, or the name under another brand:
  // nothing.
  EXPECT_TRUE(MatchOne(ikea, MakeListing("L", "IKEA SMÅHAGEL power bank 10000mAh", "IKEA")).empty());
  EXPECT_TRUE(MatchOne(ikea, MakeListing("L", "Varmfront power bank", "Anker")).empty());
  // Every word of the name is needed.
  const Notice toy = MakeNotice(NoticeSource::kEuSafetyGate, "A12/02685/24", "Toy set", "Fisher-Price", "", "0887961809596", "Baby Biceps Gift Set");
  EXPECT_EQ(MatchOne(toy, MakeListing("L", "Fisher Price Baby Biceps Gift Set", "")).size(), 1u);
  EXPECT_TRUE(MatchOne(toy, MakeListing("L", "Fisher-Price baby gift set rattle", "Fisher-Price")).empty());
  // A listing's GTIN other than the notice's is another trade item, of the
  // product the notice names (another market's pack, another colour):
  // reviewed, not taken down.
  const auto other_gtin = MatchOne(toy, MakeListing("L", "Fisher-Price Baby Biceps Gift Set", "Fisher-Price", "4006381333931"));
  ASSERT_EQ(other_gtin.size(), 1u);
  EXPECT_EQ(other_gtin[0].action, RecallAction::kReview);
  // The brands agree only because the listing's brand is a word of the
  // notice's name: the name proves nothing then.
  const Notice oil = MakeNotice(NoticeSource::kEuSafetyGate, "A12/00887/24", "Essential oil", "I Love Wellness", "", "", "Essential oil blend Calm");
  EXPECT_TRUE(MatchOne(oil, MakeListing("L", "Calm essential oil blend sleep", "Calm")).empty());
}

TEST(RecallIdentityTest, ANoticeOfAnAccessoryIsNotAnAccessoryOfItself) {
  // The notice is a tablet case: a listing calling it a "case cover", or a
  // carton of it a "case pack", shows the product; a code rule without a
  // pair model takes it down.
  const Notice folio = MakeNotice(NoticeSource::kEuSafetyGate, "A", "Tablet case", "Roocase", "RC-P1000", "", "Executive leather portfolio");
  for (const char* title : {"Roocase RC-P1000 executive leather case cover with stand", "Roocase RC-P1000 portfolio, case pack 6"}) {
    const auto hits = MatchOne(folio, MakeListing("L", title, "Roocase"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kTakedown) << title;
  }
  // A rack-mount switch is the switch; a case pack is a carton of it; a
  // surge protector protects, it is no screen protector.
  const Notice kvm = MakeNotice(NoticeSource::kEuSafetyGate, "A", "KVM switch", "D-Link", "DKVM-8E", "");
  for (const char* title : {"D-Link DKVM-8E 8-port rack mount KVM switch", "D-Link DKVM-8E KVM switch, case pack 4"}) {
    const auto hits = MatchOne(kvm, MakeListing("L", title, "D-Link"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kTakedown) << title;
  }
  const Notice socket = MakeNotice(NoticeSource::kCaHealthCanada, "A", "Delveus Extension socket", "Delveus", "DLK-146V", "");
  const auto surge = MatchOne(socket, MakeListing("L", "Delveus Surge Protector, DLK146V 5m", "Delveus"));
  ASSERT_EQ(surge.size(), 1u);
  EXPECT_EQ(surge[0].action, RecallAction::kTakedown);
}

TEST(RecallIdentityTest, AGtinWrittenInTheTitleConfirmsButNeverContradicts) {
  using Gtins = std::vector<std::string>;
  const auto in_title = [](const char* title, const char* gtin = "") { return FromListing(MakeListing("L", title, "", gtin)).gtins_in_title; };
  EXPECT_EQ(in_title("Biopoint hair mask 500ml EAN 8051772488833"), Gtins{"08051772488833"});
  EXPECT_EQ(in_title("Fast charger (4006381333931) 65 W"), Gtins{"04006381333931"});
  EXPECT_EQ(in_title("ＥＡＮ ４００６３８１３３３９３１ charger"), Gtins{"04006381333931"});
  EXPECT_EQ(in_title("Coffee mug EAN-8: 96385074"), Gtins{"00000096385074"});
  EXPECT_EQ(in_title("Coffee mug ean 96385074"), Gtins{"00000096385074"});
  // In digit groups, alone or after other numbers.
  EXPECT_EQ(in_title("LIMAR kids helmet 8055186 669918"), Gtins{"08055186669918"});
  EXPECT_EQ(in_title("LIMAR helmet 52-57 cm 8055-1866-6991-8"), Gtins{"08055186669918"});
  EXPECT_EQ(in_title("Coffee mug EAN 9638 5074"), Gtins{"00000096385074"});
  EXPECT_TRUE(in_title("Coffee mug 9638 5074").empty());  // 8 digits want a label
  // An 8-digit number without a label, digits inside a word, a wrong check
  // digit, or the GTIN field's own number: none.
  for (const char* title : {"Coffee mug art. 96385074", "Coffee mug 20240115", "Shampoo 8051772488833ml", "B08051772488833 charger",
                            "Fast charger 4006381333932"})
    EXPECT_TRUE(in_title(title).empty()) << title;
  EXPECT_TRUE(in_title("Fast charger 4006381333931", "4006381333931").empty());

  const Notice notice = MakeNotice(NoticeSource::kEuSafetyGate, "A", "USB charger", "Voltix", "QC-65A", "04006381333931");
  // The notice's GTIN in the title of a listing without one: a takedown,
  // and the evidence says where the number was.
  const auto hits = MatchOne(notice, MakeListing("L", "Fast charger 65W EAN 4006381333931", ""));
  ExpectOneTakedown(hits);
  EXPECT_EQ(hits[0].evidence[0], "same GTIN 04006381333931 (written in the listing's title)");
  // Another valid GTIN in the title does not contradict the model code
  // and brand; in the GTIN field it would.
  ExpectOneTakedown(MatchOne(notice, MakeListing("L", "Voltix QC-65A charger 4006381333948", "Voltix")));
  const auto field = MatchOne(notice, MakeListing("L", "Voltix QC-65A charger", "Voltix", "4006381333948"));
  ASSERT_EQ(field.size(), 1u);
  EXPECT_EQ(field[0].action, RecallAction::kReview);
}

// Safety Gate prints an Amazon ASIN where the barcode goes; a listing
// carries one in its GTIN field (set aside there as no GTIN) or labels it
// in its description. One product page: identity, as a GTIN is.
TEST(RecallIdentityTest, AnAsinIdentifiesAsAGtinDoes) {
  Notice notice = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90001/24", "Toy projector", "Lumikid", "", "",
                             "Rocket astronaut star light");
  notice.asins = {"B0ZZQ1X7KP"};
  Listing field = MakeListing("L", "Starry sky night light projector for kids");
  field.gtin_unreadable = "b0zzq1x7kp";  // as ListingReader sets it aside
  const MatchRecord listing = FromListing(field);
  EXPECT_EQ(listing.asins, std::vector<std::string>{"B0ZZQ1X7KP"});
  EXPECT_TRUE(listing.gtins.empty());
  const auto keys = BlockingKeys(listing, PairFeaturizer().Prepare(listing.record, /*with_vectors=*/false));
  EXPECT_NE(std::find(keys.begin(), keys.end(), "a:B0ZZQ1X7KP"), keys.end());
  auto hits = MatchOne(notice, field);
  ExpectOneTakedown(hits);
  EXPECT_EQ(hits[0].evidence.front(), "same ASIN B0ZZQ1X7KP");
  EXPECT_EQ(hits[0].evidence.back(), "rule: shared ASIN -> takedown");

  // A listing index keeps it in the GTIN field.
  ExpectOneTakedown(MatchOne(notice, MakeListing("L", "Starry sky night light projector for kids", "", "B0ZZQ1X7KP")));

  // Labelled in the description, as Amazon's product details print it.
  Listing described = MakeListing("L", "Starry sky night light projector for kids");
  described.description = "Item weight: 300 g<br>ASIN \u200F : \u200E B0ZZQ1X7KP<br>";
  EXPECT_EQ(StatedIdentifiersText(ReadStatedIdentifiers(described)), "ASIN B0ZZQ1X7KP");
  hits = MatchOne(notice, described);
  ExpectOneTakedown(hits);
  EXPECT_EQ(hits[0].evidence.front(), "same ASIN B0ZZQ1X7KP (written in the listing's description)");

  // An accessory sold on the page's number is reviewed, as with a GTIN.
  Listing remote = MakeListing("L", "Replacement remote control for Lumikid projector", "Lumikid");
  remote.gtin_unreadable = "B0ZZQ1X7KP";
  hits = MatchOne(notice, remote);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].action, RecallAction::kReview);
  EXPECT_TRUE(hits[0].evidence.back().starts_with("rule: shared ASIN, but the listing may sell")) << hits[0].evidence.back();

  // One page, but two trade items: reviewed.
  notice.gtins = {"04006381333931"};
  hits = MatchOne(notice, MakeListing("L", "Starry sky night light projector for kids", "", "4006381333948"));
  EXPECT_TRUE(hits.empty());  // no ASIN in this listing: the GTINs differ and nothing else agrees
  Listing two = MakeListing("L", "Starry sky night light projector for kids", "", "4006381333948");
  two.description = "ASIN: B0ZZQ1X7KP";
  hits = MatchOne(notice, two);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].action, RecallAction::kReview);
  EXPECT_EQ(hits[0].evidence.back(), "rule: shared ASIN, but the GTINs differ -> review");

  // The ASIN in the GTIN field, a GTIN in the description that is not the
  // notice's: reviewed too.
  Listing field_and_text = MakeListing("L", "Starry sky night light projector for kids");
  field_and_text.gtin_unreadable = "B0ZZQ1X7KP";
  field_and_text.description = "EAN: 5901234123457";
  hits = MatchOne(notice, field_and_text);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].evidence.back(), "rule: shared ASIN, but the GTINs differ -> review");
  notice.gtins.clear();

  // Another ASIN, or none, identifies nothing.
  Listing other = MakeListing("L", "Starry sky night light projector for kids");
  other.gtin_unreadable = "B0ZZQ1X7KQ";
  EXPECT_TRUE(MatchOne(notice, other).empty());
}

// How sellers and Amazon's pages write an ASIN, and the ASINs a
// description gives as another product's: reviewed, never taken down.
TEST(RecallIdentityTest, AnAsinAsSellersWriteItAndAnotherProductsAsin) {
  Notice notice = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90001/24", "Toy projector", "Lumikid", "", "",
                             "Rocket astronaut star light");
  notice.asins = {"B0ZZQ1X7KP"};
  const auto with = [](const char* title, const char* description, const char* gtin = "") {
    Listing l = MakeListing("L", title, "", "");
    l.gtin_unreadable = gtin;
    l.description = description;
    return l;
  };
  // Amazon's product details in HTML: direction marks as references,
  // the label and the number in separate elements.
  for (const char* details : {"<ul><li><span class=\"a-text-bold\">ASIN &rlm; : &lrm;</span> <span>B0ZZQ1X7KP</span></li></ul>",
                              "<tr><th>ASIN</th><td>B0ZZQ1X7KP</td></tr>", "ASINs: B0ZZQ1X7KQ, B0ZZQ1X7KP"})
    ExpectOneTakedown(MatchOne(notice, with("Starry sky night light projector for kids", details)), details);
  // In the title, labelled or not; not inside a longer word.
  for (const char* title : {"Starry sky night light projector B0ZZQ1X7KP", "Starry sky projector (ASIN: b0zzq1x7kp)"}) {
    const auto hits = MatchOne(notice, with(title, ""));
    ExpectOneTakedown(hits, title);
    if (!hits.empty()) { EXPECT_EQ(hits[0].evidence.front(), "same ASIN B0ZZQ1X7KP (written in the listing's title)"); }
  }
  EXPECT_TRUE(FromListing(with("Starry sky projector XB0ZZQ1X7KP", "")).asins_in_title.empty());
  EXPECT_TRUE(FromListing(with("Starry sky projector B0ZZQ1X7KP2", "")).asins_in_title.empty());
  // Two GTINs in the GTIN field: each counts.
  Listing two = MakeListing("L", "Kettle and its lid", "", "");
  two.gtin_unreadable = "5901234123457 / 4006381333931";
  EXPECT_EQ(FromListing(two).gtins, (std::vector<std::string>{"05901234123457", "04006381333931"}));
  // In the GTIN field, labelled or typed in groups.
  for (const char* gtin : {"ASIN: B0ZZQ1X7KP", "B0 ZZQ 1X7 KP", "b0-zzq1x7kp"})
    ExpectOneTakedown(MatchOne(notice, with("Starry sky night light projector for kids", "", gtin)), gtin);
  // Another product's: compatible with it, not it, the original, another
  // listing. The next item of a list is the product's own again.
  for (const char* description : {"Compatible with ASIN B0ZZQ1X7KP", "This is NOT ASIN B0ZZQ1X7KP, a cheaper copy.",
                                  "Original ASIN: B0ZZQ1X7KP", "Also see our other listing ASIN: B0ZZQ1X7KP"}) {
    const Listing speaker = with("Bluetooth speaker portable", description);
    const StatedIdentifiers ids = ReadStatedIdentifiers(speaker);
    EXPECT_TRUE(ids.asins.empty()) << description;
    EXPECT_EQ(ids.referenced_asins, std::vector<std::string>{"B0ZZQ1X7KP"}) << description;
    // What a listing index keeps reads back the same.
    Listing kept = speaker;
    kept.description = StatedIdentifiersText(ids);
    EXPECT_EQ(kept.description, "fits ASIN B0ZZQ1X7KP");
    for (const Listing& l : {speaker, kept}) {
      const auto hits = MatchOne(notice, l);
      ASSERT_EQ(hits.size(), 1u) << description;
      EXPECT_EQ(hits[0].action, RecallAction::kReview) << description;
      EXPECT_EQ(hits[0].evidence.back(),
                "rule: shared ASIN, written in the listing's description, but the listing gives it as another product's (after a word such "
                "as \"for\", \"compatible\", \"not\" or \"original\") -> review");
    }
  }
  // A negation far from the number is about something else.
  const StatedIdentifiers own = ReadStatedIdentifiers(with("Night light", "This is not a toy, ASIN B0ZZQ1X7KP"));
  EXPECT_EQ(own.asins, std::vector<std::string>{"B0ZZQ1X7KP"});
  EXPECT_TRUE(own.referenced_asins.empty());
  // "For" whom, not for which product, in one sentence with the number.
  for (const char* description : {"Suitable for children over 3 years EAN 4006381333931", "Geeignet für Kinder ab 3 Jahren EAN 4006381333931",
                                  "Idéal pour enfants EAN 4006381333931", "For indoor use only, EAN 4006381333931"}) {
    const StatedIdentifiers ids = ReadStatedIdentifiers(with("Night light", description));
    EXPECT_EQ(ids.gtins, std::vector<std::string>{"04006381333931"}) << description;
    EXPECT_TRUE(ids.referenced_gtins.empty()) << description;
  }
  EXPECT_EQ(ReadStatedIdentifiers(with("Lampshade", "Suitable for lamp EAN 4006381333931")).referenced_gtins,
            std::vector<std::string>{"04006381333931"});
  const StatedIdentifiers list = ReadStatedIdentifiers(with("Night light", "<li>Compatible with ASIN B0ZZQ1X7KQ</li><li>ASIN: B0ZZQ1X7KP</li>"));
  EXPECT_EQ(list.asins, std::vector<std::string>{"B0ZZQ1X7KP"});
  EXPECT_EQ(list.referenced_asins, std::vector<std::string>{"B0ZZQ1X7KQ"});
  // A remote control for it, in Russian: an accessory.
  const auto remote = MatchOne(notice, with("Пульт для проектора астронавт", "", "B0ZZQ1X7KP"));
  ASSERT_EQ(remote.size(), 1u);
  EXPECT_EQ(remote[0].action, RecallAction::kReview);
}

TEST(RecallIdentityTest, AListingsDescriptionGivesItsLabelledModelsAndGtins) {
  const auto described = [](const char* title, const char* description, const char* brand = "Voltix", const char* model = "") {
    Listing l = MakeListing("L", title, brand, "", model);
    l.description = description;
    return l;
  };
  const Notice notice = MakeNotice(NoticeSource::kEuSafetyGate, "A", "USB charger", "Voltix", "QC-65A", "04006381333931");
  // A model the description labels stands in for the missing model field.
  const MatchRecord record = FromListing(described("Voltix fast charger 65W", "Compact GaN charger.<br>Model: QC-65A, QC-65B. Ships in 24 h"));
  EXPECT_EQ(record.record.fields[2].second, "QC-65A");
  EXPECT_EQ(record.record.fields[4].second, "QC-65B");
  ExpectOneTakedown(MatchOne(notice, described("Voltix fast charger 65W", "Compact GaN charger. Model: QC-65A. Ships in 24 h")));
  // As Amazon's product details print them, with direction marks around
  // the colon; a non-breaking hyphen in a label.
  const StatedIdentifiers amazon =
      ReadStatedIdentifiers(described("Voltix fast charger 65W", "<li>Item model number ‏ : ‎ QC-65A</li><li>UPC ‏ : ‎ 4006381333931</li>"));
  EXPECT_EQ(amazon.models, std::vector<std::string>{"QC-65A"});
  EXPECT_EQ(amazon.gtins, std::vector<std::string>{"04006381333931"});
  EXPECT_EQ(ReadStatedIdentifiers(described("Voltix charger", "EAN‑13: 4006381333931")).gtins, std::vector<std::string>{"04006381333931"});
  // A no-break space before the colon (French typography) or after it, a
  // narrow or thin one, and a zero-width space inside the label.
  for (const char* text : {"Model:\u00a0QC-65A", "Mod\u00e8le\u00a0: QC-65A", "Modell:\u202fQC-65A", "Model\u2009No.: QC-65A",
                           "Model\u00a0No.:\u00a0QC-65A", "Mo\u200bdel: QC-65A"})
    EXPECT_EQ(ReadStatedIdentifiers(described("Voltix charger", text)).models, std::vector<std::string>{"QC-65A"}) << text;
  EXPECT_EQ(ReadStatedIdentifiers(described("Voltix charger", "UPC: 36000291452")).gtins, std::vector<std::string>{"00036000291452"});
  for (const char* label : {"Triipkood", "Svītrkods", "Brūkšninis kodas", "Črtna koda", "Γραμμωτός κώδικας", "Баркод", "Barrachód", "Kodiċi tal-barra"})
    EXPECT_EQ(ReadStatedIdentifiers(described("Voltix charger", fmt::format("{}: 4006381333931", label).c_str())).gtins,
              std::vector<std::string>{"04006381333931"})
        << label;
  // The model field, when given, is the listing's word.
  EXPECT_EQ(FromListing(described("Voltix charger", "Model: QC-65A", "Voltix", "QC-100")).record.fields[2].second, "QC-100");
  // What an accessory fits is not its model.
  EXPECT_TRUE(FromListing(described("Charging cable", "Replacement cable for Voltix model QC-65A")).record.fields[2].second.empty());
  // A code written in groups after its label, as in a model field.
  const Notice grouped = MakeNotice(NoticeSource::kCaHealthCanada, "RA-90001", "Wooden xylophone", "Lumikid", "QX-1902-0617", "");
  ExpectOneTakedown(MatchOne(grouped, described("Lumikid Jumbo Wooden Xylophone Elephant", "Model: QX 1902 0617", "Lumikid")));
  // A labelled GTIN confirms as one in the title does; an unlabelled number
  // in a description (an order or phone number) is not read.
  const auto hits = MatchOne(notice, described("Fast charger 65W", "Original packaging. EAN-13: 4006381333931", ""));
  ExpectOneTakedown(hits);
  EXPECT_EQ(hits[0].evidence[0], "same GTIN 04006381333931 (written in the listing's description)");
  EXPECT_TRUE(FromListing(described("Fast charger", "Order 4006381333931 ships today")).gtins_in_description.empty());
  EXPECT_EQ(FromListing(described("Fast charger", "UPC code: 012345678905")).gtins_in_description, std::vector<std::string>{"00012345678905"});
  // In a sentence, as the CPSC writes it and sellers copy it.
  for (const char* description : {"The UPC number is 012345678905.", "UPC is 012345678905", "UPC numbers are 012345678905 and more"})
    EXPECT_EQ(FromListing(described("Fast charger", description)).gtins_in_description, std::vector<std::string>{"00012345678905"}) << description;
  EXPECT_TRUE(FromListing(described("Fast charger", "The order number is 012345678905")).gtins_in_description.empty());
  // Barcode labels in the languages sellers write.
  for (const char* description : {"Strichcode: 4006381333931", "EAN-Code 4006381333931", "Code-barres : 4006381333931",
                                  "Código de barras: 4006381333931", "Čiarový kód 4006381333931", "商品条形码：4006381333931",
                                  "条码:4006381333931，产地：深圳", "ＪＡＮコード：４００６３８１３３３９３１", "Штрих-код: 4006381333931",
                                  "ШТРИХКОД 4006381333931", "EAN-код 4006381333931", "바코드: 4006381333931", "바코드번호 4006381333931",
                                  "Barkod: 4006381333931", "Kode batang 4006381333931", "Mã vạch: 4006381333931",
                                  "บาร์โค้ด:4006381333931", "باركود: 4006381333931", "CUP : 4006381333931", "Code CUP : 4006381333931"})
    EXPECT_EQ(FromListing(described("Fast charger", description)).gtins_in_description, std::vector<std::string>{"04006381333931"}) << description;
  EXPECT_TRUE(FromListing(described("Fast charger", "Bestellnummer 4006381333931")).gtins_in_description.empty());
  for (const char* description : {"Ribakood: 4006381333931", "Carovy kod: 4006381333931", "Ciarovy kod 4006381333931",
                                  "Αριθμός παρτίδας: 2401. Barcode: 4006381333931"})
    EXPECT_EQ(FromListing(described("Fast charger", description)).gtins_in_description, std::vector<std::string>{"04006381333931"}) << description;
  // "Compatible with" in Czech, Polish and Bulgarian: another product's.
  for (const char* description : {"Kompatibilní s Childhome Moses, EAN 4006381333931", "Kompatybilny z Voltix, EAN 4006381333931",
                                  "Съвместим с Voltix, EAN 4006381333931"})
    EXPECT_TRUE(FromListing(described("Fast charger", description)).gtins_in_description.empty()) << description;
  // Written in digit groups.
  for (const char* description : {"EAN: 8055-1866-6991-8", "EAN 8055 1866 6991 8", "Barcode 8055-1866-6991-8, size M"})
    EXPECT_EQ(FromListing(described("Bicycle helmet", description)).gtins_in_description, std::vector<std::string>{"08055186669918"})
        << description;
  EXPECT_TRUE(FromListing(described("Bicycle helmet", "Order 8055-1866-6991-8")).gtins_in_description.empty());
  // A variation listing's GTINs: listed after one label, or each after the
  // label and its variant's name; not a number after other words.
  const std::vector<std::string> both = {"04006381333931", "05901234123457"};
  for (const char* description : {"EAN: 4006381333931, 5901234123457", "EAN 4006381333931 / 5901234123457.", "UPC: 4006381333931 | 5901234123457",
                                  "EAN S: 4006381333931\nEAN M: 5901234123457", "EAN 250ml: 4006381333931; EAN 400ml: 5901234123457",
                                  "Barcode (black): 4006381333931, barcode (white): 5901234123457", "EAN-13: 4006381333931 and 5901234123457"})
    EXPECT_EQ(FromListing(described("Fast charger", description)).gtins_in_description, both) << description;
  // A dupe quoting the original's barcode.
  EXPECT_TRUE(ReadStatedIdentifiers(described("Eau de toilette", "Inspired by Tom Tailor (EAN 4006381333931)")).gtins.empty());
  // Not a number after other words, one said to be another product's
  // (after it), nor one after another product's name or "alt" (old).
  for (const auto& [description, read] : std::vector<std::pair<const char*, size_t>>{
           {"EAN: 4006381333931, order 5901234123457", 1}, {"EAN: 4006381333931. Call 5901234123457", 1},
           {"EAN: 4006381333931 | 5901234123457 (see the shampoo)", 1}, {"UPC: 4006381333931 / 5901234123457 launch tube for the rockets", 1},
           {"Size M: 5901234123457", 0}, {"Order no: 5901234123457", 0}, {"EAN\nSize M: 5901234123457", 0},
           {"EAN (cushion): 4006381333931, EAN (high chair): 5901234123457", 0}, {"EAN neu: 4006381333931, EAN alt: 5901234123457", 0}})
    EXPECT_EQ(FromListing(described("Fast charger", description)).gtins_in_description.size(), read) << description;
  // Chinese, written without spaces, ends a word where it starts.
  for (const char* description : {"条码：4006381333931、型号：QC-65A", "商品EAN:4006381333931产地深圳"})
    EXPECT_EQ(FromListing(described("Fast charger", description)).gtins_in_description, std::vector<std::string>{"04006381333931"})
        << description;
  // What a listing index keeps of a description reads back the same.
  const StatedIdentifiers ids = ReadStatedIdentifiers(described("Charger", "Model No. QC-65A or QC-65B &amp; more. EAN 4006381333931, barcode 96385074"));
  EXPECT_EQ(ids.models, (std::vector<std::string>{"QC-65A", "QC-65B"}));
  EXPECT_EQ(ids.gtins, (std::vector<std::string>{"04006381333931", "00000096385074"}));
  const StatedIdentifiers back = ReadStatedIdentifiers(described("Charger", StatedIdentifiersText(ids).c_str()));
  EXPECT_EQ(back.models, ids.models);
  EXPECT_EQ(back.gtins, ids.gtins);
  EXPECT_EQ(StatedIdentifiersText(ReadStatedIdentifiers(described("Shirt", "Soft cotton, machine washable."))), "");
  // Many '<' and no '>': read in one pass, nothing taken for a tag.
  std::string opens(200000, '<');
  for (size_t i = 1; i < opens.size(); i += 2) opens[i] = 'a';
  EXPECT_TRUE(ReadStatedIdentifiers(described("Shirt", (opens + " Model: QC-65A").c_str())).models.size() == 1);
  // Without a labelled model, the models the seller's documents cover.
  Listing documented = described("Voltix fast charger 65W", "Compact GaN charger.");
  Evidence declaration;
  declaration.kind = "eu_declaration_of_conformity";
  declaration.models = {"QC-65A"};
  documented.evidence.push_back(declaration);
  EXPECT_EQ(FromListing(documented).record.fields[2].second, "QC-65A");
  ExpectOneTakedown(MatchOne(notice, documented));
  documented.description = "Model: QC-100";
  EXPECT_EQ(FromListing(documented).record.fields[2].second, "QC-100");
  // A document's entry that is no code ("all models", "Pro series") is not
  // taken: a listing index could not keep it.
  documented.description.clear();
  documented.evidence[0].models = {"all models", "Pro series"};
  EXPECT_TRUE(ReadStatedIdentifiers(documented).models.empty());
}

TEST(RecallBlockingTest, HotCodeKeysAreCapped) {
  // "GU10" (a lamp base) on 30 lamps of 30 brands, "LM-4410" on one.
  std::vector<MatchRecord> listings;
  for (int i = 0; i < 30; ++i)
    listings.push_back(FromListing(MakeListing(fmt::format("L{}", i), fmt::format("Brand{} LED bulb GU10 5W LX{}0{}", i, i, 7 * i + 100),
                                               fmt::format("Brand{}", i))));
  listings.push_back(FromListing(MakeListing("M", "Lumera LED bulb GU10 LM-4410", "Lumera")));
  PairFeaturizer featurizer;
  std::vector<const Record*> corpus;
  for (const auto& r : listings) corpus.push_back(&r.record);
  featurizer.Fit(corpus);
  RecallMatcherOptions options;
  options.max_code_brands = 5;
  const RecallIndex index(listings, /*indexed_are_notices=*/false, &featurizer, nullptr, options);
  EXPECT_EQ(index.hot_code_keys(), 1u);
  const MatchRecord notice = FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A", "LED lamp GU10", "Lumera", "LM-4410", ""));
  const auto candidates = index.Candidates(notice, featurizer.Prepare(notice.record));
  ASSERT_EQ(candidates.size(), 1u);  // not the 30 other lamps
  EXPECT_EQ(index.record(candidates[0]).id, "M");
  const auto hits = index.Match(notice);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].action, RecallAction::kTakedown);
  EXPECT_FALSE(HasEvidence(hits[0], "model code GU10 in the listing"));
  // Many records of one brand (a popular product many sellers list) keep
  // their key until max_code_block.
  std::vector<MatchRecord> sellers;
  for (int i = 0; i < 40; ++i) sellers.push_back(FromListing(MakeListing(fmt::format("S{}", i), "Lumera LED bulb LM-4410", "Lumera")));
  EXPECT_EQ(RecallIndex(sellers, false, &featurizer, nullptr, options).hot_code_keys(), 0u);
  options.max_code_block = 20;
  EXPECT_EQ(RecallIndex(sellers, false, &featurizer, nullptr, options).hot_code_keys(), 1u);
}

TEST(RecallIndexTest, MatchWithJudgesOnePairAsMatchDoesWhateverTheHoldersOnTheListingSide) {
  // A product fifty sellers list, against limits of ten: counted over the
  // listings, its code and brand words would be too common to block on;
  // counted over the notices, as `recalls match` counts them, they are not.
  std::vector<MatchRecord> notices = {
      FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/00003/24", "Laser pointer", "Power Style", "YL-303", "")),
      FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/00004/24", "Power bank VARMFRONT", "IKEA", "", "")),
      FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A12/00005/24", "Hair dryer", "Breezo", "HD-2210", ""))};
  std::vector<MatchRecord> listings;
  for (int i = 0; i < 50; ++i) {
    listings.push_back(FromListing(MakeListing(fmt::format("P{}", i), "Power Style laser pointer YL-303 red", "Power Style")));
    listings.push_back(FromListing(MakeListing(fmt::format("V{}", i), "IKEA VARMFRONT power bank 10400 mAh", "IKEA")));
    listings.push_back(FromListing(MakeListing(fmt::format("H{}", i), "Breezo hair dryer HD-2250", "Breezo")));
  }
  PairFeaturizer featurizer;
  std::vector<const Record*> corpus;
  for (const auto& r : notices) corpus.push_back(&r.record);
  featurizer.Fit(corpus);
  RecallMatcherOptions options;
  options.max_block = 10;
  options.max_code_block = 10;
  const RecallIndex by_notice(notices, /*indexed_are_notices=*/true, &featurizer, nullptr, options);
  const RecallIndex by_listing(listings, /*indexed_are_notices=*/false, &featurizer, nullptr, options);
  EXPECT_TRUE(by_listing.Match(notices[0]).empty());  // the listings' own counts hide the popular product

  std::map<std::pair<size_t, std::string>, RecallAction> matched, paired;
  for (size_t l = 0; l < listings.size(); ++l) {
    for (const auto& m : by_notice.Match(listings[l])) matched[{m.indexed, listings[l].id}] = m.action;
    for (size_t n = 0; n < notices.size(); ++n) {
      const auto one = by_notice.MatchWith(listings[l], n);
      ASSERT_LE(one.size(), 1u);
      if (one.empty()) continue;
      EXPECT_EQ(one[0].indexed, n);
      paired[{n, listings[l].id}] = one[0].action;
      const auto all = by_notice.Explain(listings[l]);
      const auto same = std::find_if(all.begin(), all.end(), [n](const RecallMatch& m) { return m.indexed == n; });
      ASSERT_NE(same, all.end());
      EXPECT_EQ(one[0].evidence, same->evidence);
    }
  }
  EXPECT_EQ(paired, matched);
  size_t takedowns = 0;
  for (const auto& [pair, action] : matched) takedowns += action == RecallAction::kTakedown && pair.first == 0;
  EXPECT_EQ(takedowns, 50u);  // every YL-303 listing; no HD-2250 one, a sibling model
  EXPECT_TRUE(by_notice.MatchWith(listings[0], 2).empty());
  EXPECT_TRUE(by_notice.MatchWith(listings[0], 99).empty());

  const auto keys = BlockingKeys(notices[0], featurizer.Prepare(notices[0].record));
  ASSERT_NE(std::find(keys.begin(), keys.end(), "c:YL303"), keys.end());
  EXPECT_TRUE(by_notice.KeyUsable("c:YL303"));
  EXPECT_FALSE(by_notice.KeyUsable("c:NOSUCH1"));
}

// A seller without a brand field writes the brand in capitals further on
// in the title. Safety Gate alert A12/03112/24 recalls Honda's "Miimo"
// robotic lawn mower (product "Lawn mower", description "Miimo").
TEST(RecallBlockingTest, ABrandInCapitalsInATitleIsKeyedAsTheBrand) {
  const Notice miimo = MakeNotice(NoticeSource::kEuSafetyGate, "A12/03112/24", "Lawn mower", "Honda", "", "", "Miimo");
  for (const char* title : {"Robot tondeuse HONDA Miimo, 500 m2", "Robot tondeuse HONDA Miimo HRM3000", "Mähroboter HONDA Miimo HRM 520 LIVE"}) {
    const auto hits = MatchOne(miimo, MakeListing("L", title));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
  }
  // After "by", "von", "marki" ..., in any case.
  const Notice spray = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90003/24", "Hair spray", "Lumora", "", "", "Volume Max");
  for (const char* title : {"Haarspray Volume Max 250 ml von Lumora", "Lakier do włosów Volume Max marki lumora", "Hair spray Volume Max by Lumora"}) {
    const auto hits = MatchOne(spray, MakeListing("L", title));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
  }
  EXPECT_TRUE(MatchOne(spray, MakeListing("L", "Haarspray Volume Max 250 ml, made by hand")).empty());
  // Written otherwise, or in a title all in capitals (where every word
  // would be a brand), the brand is found through "t:" keys
  // (ABrandLaterInATitleWithoutABrandField); not the maker of a vehicle.
  for (const char* title : {"Robot tondeuse Honda Miimo", "ROBOT TONDEUSE HONDA MIIMO"}) {
    const auto hits = MatchOne(miimo, MakeListing("L", title));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
  }
  const Notice car = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90004/24", "Passenger car", "Lumora", "", "", "Rover");
  EXPECT_TRUE(MatchOne(car, MakeListing("L", "Floor kit including 2019-up Lumora Rover")).empty());
  // Only a listing's: two records without a brand that share a word in
  // capitals ("LED") share no maker.
  const MatchRecord notice = FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A", "Ceiling lamp with LED panel", "", "", ""));
  const MatchRecord listing = FromListing(MakeListing("L", "Lampe plafonnier LED panel 24W"));
  PairFeaturizer featurizer;
  const auto notice_keys = BlockingKeys(notice, featurizer.Prepare(notice.record, false));
  const auto listing_keys = BlockingKeys(listing, featurizer.Prepare(listing.record, false));
  EXPECT_EQ(std::find(notice_keys.begin(), notice_keys.end(), "b:led|panel"), notice_keys.end());
  EXPECT_NE(std::find(listing_keys.begin(), listing_keys.end(), "b:led|panel"), listing_keys.end());
  EXPECT_NE(std::find(listing_keys.begin(), listing_keys.end(), "b:lampe|panel"), listing_keys.end());
}

// Chinese, Japanese and Korean titles name a projector's parts, say the
// goods are another model's or made for it, or that the recall does not
// touch them, as English ones do.
TEST(RecallRulesCjkTest, PartsOtherModelsAndNotRecalledInCjkTitlesAreReviewed) {
  const Notice projector = MakeNotice(NoticeSource::kUsCpsc, "90021", "Lumora LP310 Portable Projectors", "Lumora", "LP310", "",
                                      "The projectors come with a remote control and a power adapter.");
  const auto action = [&](const char* title, const char* description = "") {
    Listing l = MakeListing("L", title, "Lumora");
    l.description = description;
    const auto hits = MatchOne(projector, l);
    return hits.size() == 1 ? hits[0].action : RecallAction::kNone;
  };
  for (const char* title : {"Lumora LP310 投影仪", "Lumora LP310 投影機 白色", "Lumora LP310 プロジェクター", "Lumora LP310 投影仪 带遥控器",
                            "Lumora LP310 投影仪 附数据线", "Lumora LP310 プロジェクター リモコン付き", "Lumora LP310 프로젝터 리모컨 포함"})
    EXPECT_EQ(action(title), RecallAction::kTakedown) << title;
  for (const char* title : {"Lumora LP310 投影機 保護套", "Lumora LP310 投影機 收納包", "Lumora LP310 投影机 贴纸", "Lumora LP310 投影仪 遥控器",
                            "Lumora LP310 リモコン", "Lumora LP310 리모컨", "Lumora LP310 投影仪 数据线", "Lumora LP310 プロジェクター 充電ケーブル",
                            "Lumora LP310 投影仪 电源适配器", "Lumora LP310 projector remote control", "Lumora LP300 投影仪（不是LP310）",
                            "Lumora LP320 投影仪 LP310升级款", "Lumora LP300（代替LP310）", "Lumora LP300 プロジェクター（LP310ではありません）",
                            "Lumora LP300 프로젝터 (LP310 아님)", "Lumora LP310 投影仪 非召回批次"})
    EXPECT_EQ(action(title), RecallAction::kReview) << title;
  EXPECT_EQ(action("Lumora LP310 投影仪", "本产品不受召回影响"), RecallAction::kReview);
  EXPECT_EQ(action("Lumora LP310 プロジェクター", "リコール対象外のロットです"), RecallAction::kReview);
  // A feature beside a product's other words, in English, stays one.
  EXPECT_EQ(action("Lumora LP310 projector with remote control"), RecallAction::kTakedown);
}

// Chinese titles say "not" glued to the code, name a successor or a
// generation, a repair under the recall, an imitation of the brand, or
// the parts sold with the product; Chinese forms space their labels out
// and label barcodes "EAN码" or "69码"; Chinese brand fields say "no
// brand".
TEST(RecallRulesCjkTest, ChineseNegationsSuccessorsRepairsImitationsAndBundlesAsEnglishOnesAre) {
  const Notice projector = MakeNotice(NoticeSource::kUsCpsc, "90022", "Lumora LP310 Portable Projectors", "Lumora", "LP310",
                                      "06901234567892", "The projectors come with a remote control and a power adapter.");
  const auto action = [&](const char* title, const char* brand = "Lumora", const char* description = "") {
    Listing l = MakeListing("L", title, brand);
    l.description = description;
    const auto hits = MatchOne(projector, l);
    return hits.size() == 1 ? hits[0].action : RecallAction::kNone;
  };
  for (const char* title : {"Lumora LP300（非LP310）投影仪", "Lumora LP300（非 LP310）投影仪", "Lumora LP300 投影仪 而非 LP310",
                            "Lumora LP320 投影仪 LP310升级版", "Lumora LP310 二代 投影仪", "Lumora LP310 投影仪 已召回维修",
                            "Lumora LP310 投影仪 召回后已维修", "Lumora LP310 投影機 已召回維修", "Lumora LP310 投影仪 密封条",
                            "Lumora LP310 投影仪 把手"})
    EXPECT_EQ(action(title), RecallAction::kReview) << title;
  // Another maker's goods, in the brand's style or imitating it: the
  // brand named so does not agree.
  EXPECT_EQ(action("LP310 便携投影仪 Lumora 1080P", ""), RecallAction::kTakedown);
  for (const char* title : {"LP310 便携投影仪 Lumora同款 1080P", "仿Lumora LP310 便携投影仪"})
    EXPECT_NE(action(title, ""), RecallAction::kTakedown) << title;
  for (const char* title : {"Lumora LP300（非LP-310）投影仪", "Lumora LP300 投影仪 而非LP310", "Lumora LP320 投影仪 LP-310升级版"})
    EXPECT_EQ(action(title), RecallAction::kReview) << title;
  // Praise, not another edition, away from the code; a part with a word
  // describing it is a feature of the product.
  for (const char* title : {"Lumora LP310 投影仪 2024升级版", "Lumora LP310 投影仪 新一代 智能", "Lumora LP310 投影仪 隐藏式把手",
                            "Lumora LP310 投影仪 密封条加厚", "Lumora LP310 投影仪 第二代店铺", "Lumora LP310 投影仪 2024升级款"})
    EXPECT_EQ(action(title), RecallAction::kTakedown) << title;
  // The product with its parts, free or included.
  for (const char* title : {"Lumora LP310 投影仪 送支架 送收纳包", "Lumora LP310 投影仪 + 遥控器 + 电源适配器", "Lumora LP310投影仪 含遥控器 电源适配器",
                            "Lumora LP310 投影仪 赠数据线"})
    EXPECT_EQ(action(title), RecallAction::kTakedown) << title;
  // A stand sold with screws is a stand.
  EXPECT_EQ(action("Lumora LP310支架 送螺丝"), RecallAction::kReview);
  // "No brand" in the brand field names no other maker.
  for (const char* brand : {"无品牌", "无", "通用"}) EXPECT_EQ(action("Lumora LP310 投影仪", brand), RecallAction::kTakedown) << brand;
  // Labels.
  for (const char* description : {"品 牌：Lumora\n型 号：LP310", "品牌名称：Lumora\n型号规格：LP310", "品　　牌：Lumora\n型　　号：LP310",
                                  "品牌：Lumora\n款号：LP310"})
    EXPECT_EQ(action("便携投影仪 1080P", "", description), RecallAction::kTakedown) << description;
  for (const char* description : {"EAN码：6901234567892", "69码：6901234567892", "条码号：6901234567892"})
    EXPECT_EQ(action("Lumora 便携投影仪 1080P", "Lumora", description), RecallAction::kTakedown) << description;
}

// A seller without a brand field may name the maker only in the
// description's prose, after "by", "von" or "marki", capitalised.
TEST(RecallBlockingTest, AMakerNamedAfterByInTheDescriptionIsTheBrand) {
  const Notice fountain = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90004/24", "Firework fountain", "Lumora Pyro Ltd", "", "",
                                     "Thunder Crown");
  const auto with = [](const char* title, const char* description) {
    Listing l = MakeListing("L", title);
    l.description = description;
    return l;
  };
  for (const char* description : {"Ground fountain, category F2. By Lumora Pyro.", "A 40-second fountain by Lumora Pyro Ltd, category F2",
                                  "Bodenfontäne von Lumora Pyro"}) {
    const auto hits = MatchOne(fountain, with("Thunder Crown fountain firework", description));
    ASSERT_EQ(hits.size(), 1u) << description;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << description;
  }
  EXPECT_EQ(FromListing(with("Fountain", "Sold by Lumora Pyro, made by hand")).makers_in_prose, std::vector<std::string>{"lumora pyro"});
  // In lower case, or another maker, the brand is not confirmed; a
  // maker in prose never conflicts with a notice's brand either.
  for (const char* description : {"Ground fountain made by lumora pyro", "Ground fountain by Novafire", "Powered by Lumora fuses"})
    EXPECT_TRUE(MatchOne(fountain, with("Thunder Crown fountain firework", description)).empty()) << description;
  const Notice coded = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90005/24", "Firework fountain", "Lumora Pyro Ltd", "TC-4410", "");
  EXPECT_EQ(MatchOne(coded, with("Fountain TC-4410", "Tested by Intertek")).size(), 1u);
  // A brand field, or one the description labels, is the brand.
  EXPECT_TRUE(FromListing(with("Fountain", "Brand: Novafire. Sold by Lumora Pyro")).makers_in_prose.empty());
}

// Every model a notice lists is a key, and a code of three hyphenated
// parts is keyed whole, though the scanner ends it before a quantity.
TEST(RecallBlockingTest, ListedModelsAndHyphenatedCodesAreKeys) {
  Notice notice = MakeNotice(NoticeSource::kUsCpsc, "90023", "Voltaro power banks", "Voltaro", "PB-2000", "");
  notice.model_numbers.push_back("PB-2000S");
  const MatchRecord n = FromNotice(notice);
  PairFeaturizer featurizer;
  const auto notice_keys = BlockingKeys(n, featurizer.Prepare(n.record, false));
  EXPECT_NE(std::find(notice_keys.begin(), notice_keys.end(), "c:PB2000S"), notice_keys.end());
  const auto keys_of = [&](const char* title) {
    const MatchRecord l = FromListing(MakeListing("L", title));
    return BlockingKeys(l, featurizer.Prepare(l.record, false));
  };
  const auto fridge = keys_of("Lumora fridge BCD-215V-62H retro");
  EXPECT_NE(std::find(fridge.begin(), fridge.end(), "c:BCD215V62H"), fridge.end());
}

// A listing without a brand field names the maker's brand first, without
// the company words the notice gives.
TEST(RecallIdentityTest, ABrandlessTitleStartingWithTheBrandWithoutCompanyWords) {
  const Notice notice = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90002/24", "Auto belay device", "Zentrix Technologies", "", "",
                                   "TRUCLIMB Speed");
  const auto hits = MatchOne(notice, MakeListing("L", "Zentrix TRUCLIMB Speed auto belay climbing"));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].action, RecallAction::kReview);
  // Elsewhere in the title, the word alone is not taken for the brand.
  EXPECT_TRUE(MatchOne(notice, MakeListing("L", "Climbing auto belay TRUCLIMB Speed by zentrix")).empty());
}

TEST(RecallBlockingTest, NoBrandWordKeysFromTheBrandsOwnWords) {
  PairFeaturizer featurizer;
  MatchRecord r = FromListing(MakeListing("L", "Kamiro Home ceramic kettle", "Kamiro Home"));
  featurizer.Fit({&r.record});
  const auto keys = BlockingKeys(r, featurizer.Prepare(r.record));
  const std::set<std::string> got(keys.begin(), keys.end());
  EXPECT_TRUE(got.count("b:kamiro home|ceramic"));
  EXPECT_TRUE(got.count("b:kamiro home|kettle"));
  EXPECT_FALSE(got.count("b:kamiro home|home"));
  EXPECT_FALSE(got.count("b:kamiro home|kamiro"));
  // A placeholder brand is no brand: the title's first word stands in.
  MatchRecord unknown = FromNotice(MakeNotice(NoticeSource::kEuSafetyGate, "A", "Ceramic kettle", "Unknown", "", ""));
  const auto unknown_keys = BlockingKeys(unknown, featurizer.Prepare(unknown.record));
  for (const auto& k : unknown_keys) EXPECT_EQ(k.find("b:unknown"), std::string::npos) << k;
  // A brand of two words is keyed by its first word too, without the
  // brand's own words, so that a record without a brand attribute, which
  // knows only its title's first word, meets it.
  EXPECT_TRUE(got.count("b:kamiro|kettle"));
  EXPECT_FALSE(got.count("b:kamiro|home"));
}

TEST(RecallBlockingTest, ABrandlessNoticeMeetsAListingOfItsProductNamesBrand) {
  // CPSC names the product with its brand and lists only firms: the
  // recall of Petit Collage xylophones (18143) has no brand of its own.
  MatchRecord notice = FromNotice(MakeNotice(NoticeSource::kUsCpsc, "18143", "Petit Collage musical jumbo wooden xylophones", "", "", ""));
  MatchRecord listing = FromListing(MakeListing("L", "Petit Collage jumbo wooden xylophone for toddlers", "Petit Collage"));
  PairFeaturizer featurizer;
  featurizer.Fit({&notice.record, &listing.record});
  const auto notice_keys = BlockingKeys(notice, featurizer.Prepare(notice.record));
  const auto listing_keys = BlockingKeys(listing, featurizer.Prepare(listing.record));
  std::vector<std::string> shared;
  std::set_intersection(notice_keys.begin(), notice_keys.end(), listing_keys.begin(), listing_keys.end(), std::back_inserter(shared));
  EXPECT_EQ(shared, (std::vector<std::string>{"b:petit|jumbo", "b:petit|wooden", "b:petit|xylophone"}));
  // Judged, the listing's brand is named in the notice's product name.
  const MatchModel model = TrustingModel();
  const RecallIndex index({notice}, true, &featurizer, &model);
  const auto hits = index.Match(listing);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].action, RecallAction::kReview);
  EXPECT_TRUE(HasEvidence(hits[0], "brand named in both"));
}

TEST(RecallRealDataTest, RealAlertsRaiseNothingOnRealShopOffers) {
  // Real on both sides: the 353 Safety Gate alerts of the shared test data
  // against every offer of the ER-Magellan sets (American shops'
  // electronics, software and office goods). No alert names one of those
  // products, so any match is a false alarm. Rules only, no model.
  const std::filesystem::path er = std::filesystem::path(CONFORM_SHARED_TESTDATA_DIR) / "er-benchmarks/data/er_magellan";
  if (!std::filesystem::exists(SharedSafetyGateSamplePath()) || !std::filesystem::exists(er))
    GTEST_SKIP() << "the shared Safety Gate sample or the ER-Magellan sets are not under " << CONFORM_SHARED_TESTDATA_DIR;
  std::vector<MatchRecord> notices;
  for (const Notice& n : MustImport(NoticeSource::kEuSafetyGate, ReadTestFile(SharedSafetyGateSamplePath())).notices)
    notices.push_back(FromNotice(n));
  std::vector<MatchRecord> listings;
  std::set<std::string> seen;
  for (const auto& file : std::filesystem::recursive_directory_iterator(er)) {
    if (file.path().extension() != ".txt") continue;
    auto pairs = ReadDittoPairs(file.path().string());
    ASSERT_TRUE(pairs.ok()) << pairs.error().ToString();
    for (const auto& pair : pairs.value())
      for (const Record* r : {&pair.left, &pair.right}) {
        Listing l;
        l.title = std::string(r->Get("title"));
        l.brand = std::string(r->Get("brand"));
        l.model = std::string(r->Get("modelno"));
        l.listing_id = fmt::format("{}|{}|{}", l.title, l.brand, l.model);
        if (seen.insert(l.listing_id).second) listings.push_back(FromListing(l));
      }
  }
  ASSERT_GT(listings.size(), 10000u);
  auto kinds = ProductKinds::LoadDefault();
  ASSERT_TRUE(kinds.ok()) << kinds.error().ToString();
  PairFeaturizer featurizer;
  std::vector<const Record*> corpus;
  for (const auto& n : notices) corpus.push_back(&n.record);
  featurizer.Fit(corpus);
  RecallMatcherOptions options;
  options.kinds = kinds.value().get();
  const RecallIndex index(notices, /*indexed_are_notices=*/true, &featurizer, nullptr, options);
  size_t matches = 0;
  for (const auto& l : listings)
    for (const auto& m : index.Match(l)) {
      ++matches;
      ADD_FAILURE() << l.id << " against " << index.record(m.indexed).id << ": " << m.evidence.back();
    }
  EXPECT_EQ(matches, 0u);
  // The one pair that shared a code: a Triumph motorcycle's "T100" in an
  // Olympus camera's title, left out for its kind.
  Listing camera;
  camera.listing_id = "camera";
  camera.title = "olympus t-100 12mp digital camera with 3x optical zoom";
  const auto explained = index.Explain(FromListing(camera));
  ASSERT_EQ(explained.size(), 1u);
  EXPECT_EQ(explained[0].evidence.back(), "rule: kinds of product in conflict (motor_vehicle and consumer_electronics) -> none");
}

// Text copied from web pages: a zero-width space inside a barcode is no
// break (NormalizeForMatching's test has words and codes); a trade mark
// sign after the notice's name is one ("Lumora\u2122", not "lumoratm").
TEST(RecallIdentityTest, InvisibleCharactersAndTradeMarkSignsAreReadAsAReaderSeesThem) {
  const Notice toy = MakeNotice(NoticeSource::kUsCpsc, "90031", "Lumora\u2122 Under the Sea Popping Toys", "Lumora", "", "");
  const auto by_name = MatchOne(toy, MakeListing("L", "Lumora Under the Sea Popping Toy Whale Ball Popper", "Lumora"));
  ASSERT_EQ(by_name.size(), 1u);
  EXPECT_EQ(by_name[0].action, RecallAction::kReview);
  const Notice lamp = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90031/24", "Desk lamp", "Voltix", "VX-310", "04006381333931");
  // The GTIN field as the listing reader gives it: read whole.
  const auto listing = ParseListingJson(R"({"listing_id":"L","title":"Desk lamp","brand":"Voltix","gtin":"400638133\u200b3931"})",
                                        ListingUse::kRecallMatching);
  ASSERT_TRUE(listing.ok());
  EXPECT_EQ(listing.value().gtin, "4006381333931");
  ExpectOneTakedown(MatchOne(lamp, listing.value()), "gtin");
}

// Digits for the letters they look like in a brand ("V0ltix"), and the
// letter O for a zero or I for a one in a code ("VX-3IO"): a seller hiding
// the product from searches shows buyers the same name. The brand agrees;
// the code is near, for a person to confirm.
TEST(RecallIdentityTest, BrandsAndCodesWrittenWithLookAlikeCharacters) {
  const Notice lamp = MakeNotice(NoticeSource::kUsCpsc, "90032", "Desk lamps", "Voltix", "VX-310", "");
  const auto brand = MatchOne(lamp, MakeListing("L", "V0ltix VX-310 desk lamp", "V0ltix"));
  ExpectOneTakedown(brand);
  if (!brand.empty()) { EXPECT_TRUE(HasEvidence(brand[0], "brand named in both (the listing's written v0ltix)")); }
  const auto code = MatchOne(lamp, MakeListing("L", "Voltix VX-3IO desk lamp", "Voltix"));
  ASSERT_EQ(code.size(), 1u);
  EXPECT_EQ(code[0].action, RecallAction::kReview);
  EXPECT_TRUE(HasEvidence(code[0], "model code VX310 written with look-alike characters (VX3IO)")) << code[0].evidence.front();
  EXPECT_EQ(code[0].evidence.back(), "rule: notice model code written with look-alike characters, and the brand agrees -> review");
  // Another brand, another model: as before.
  const auto other = MatchOne(lamp, MakeListing("L", "Lumora VX-310 desk lamp", "Lumora"));
  EXPECT_TRUE(other.empty()) << other[0].evidence.back();
  EXPECT_TRUE(MatchOne(lamp, MakeListing("L", "Voltix VX-318 desk lamp", "Voltix")).empty());
  // Without a code, the brand so written still finds the notice.
  const auto name_only = MatchOne(lamp, MakeListing("L", "V0lt1x desk lamp with USB port", "V0lt1x"));
  ASSERT_EQ(name_only.size(), 1u);
  EXPECT_EQ(name_only[0].action, RecallAction::kReview);
  // Letters for letters, a letter the notice writes, or the last character
  // alone: variants, not look-alikes.
  const Notice plug = MakeNotice(NoticeSource::kUsCpsc, "90036", "Smart plugs", "Voltix", "NS1881", "");
  for (const char* code : {"NS188I", "NS188L"})
    EXPECT_TRUE(MatchOne(plug, MakeListing("L", fmt::format("Voltix {} smart plug", code), "Voltix")).empty()) << code;
  const Notice lamp2 = MakeNotice(NoticeSource::kUsCpsc, "90037", "Desk lamps", "Voltix", "TOT92I", "");
  EXPECT_TRUE(MatchOne(lamp2, MakeListing("L", "Voltix TOT92L desk lamp", "Voltix")).empty());
  EXPECT_TRUE(MatchOne(lamp2, MakeListing("L", "Voltix TOT921 desk lamp", "Voltix")).empty());
  EXPECT_TRUE(MatchOne(lamp, MakeListing("L", "Voltix VX-3IO desk lamp", "Lumora")).empty());
}

// A listing's brand field naming the recalling firm, its title the
// notice's brand: a candidate, and the brands agree as the brand field's
// would.
TEST(RecallIdentityTest, ABrandFieldNamingTheRecallingFirm) {
  Notice tower = MakeNotice(NoticeSource::kUsCpsc, "90033", "Lumikid Foldable Learning Towers", "Lumikid", "", "");
  tower.companies = {"Voltix Trading Co., Ltd., of China"};
  const auto hits = MatchOne(tower, MakeListing("L", "Lumikid Foldable Learning Tower - Natural", "Voltix"));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].action, RecallAction::kReview);
  EXPECT_EQ(hits[0].evidence.back(), "rule: the notice names no GTIN or model code, the notice's product name and brand in the listing -> review");
  EXPECT_TRUE(MatchOne(tower, MakeListing("L", "Lumikid Foldable Learning Tower - Natural", "Lumora")).empty());
}

// A listing without a brand field naming the recalling firm in its title,
// and a brand field giving the firm's trade name without its "US".
TEST(RecallIdentityTest, ATitleNamingTheRecallingFirm) {
  Notice tower = MakeNotice(NoticeSource::kUsCpsc, "90039", "Lumikid Foldable Toddler Towers", "Lumikid", "LT-0002", "");
  tower.companies = {"Voltix, Inc., of Denver, Colorado"};
  const auto hits = MatchOne(tower, MakeListing("L", "VOLTIX Foldable Toddler Tower step stool LT-0002", ""));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].action, RecallAction::kTakedown);
  Notice sticks = MakeNotice(NoticeSource::kUsCpsc, "90040", "Lumora Dive Sticks", "Lumora", "16154", "");
  sticks.companies = {"Voltix US Corp., of Ontario, California"};
  const auto by_trade_name = MatchOne(sticks, MakeListing("L", "Pool Dive Sticks Diving Toys 8pcs 16154", "Voltix"));
  ASSERT_EQ(by_trade_name.size(), 1u);
  EXPECT_EQ(by_trade_name[0].action, RecallAction::kTakedown);
}

// A quantity of the notice's name written apart or spelled out ("2000
// Watt" for "2000W"), and a generation in the other numerals ("Solo 3" for
// "Solo III"), is the name's word.
TEST(RecallIdentityTest, AQuantityOfTheNameSpelledOut) {
  const Notice station = MakeNotice(NoticeSource::kUsCpsc, "90034", "Voltix 2000W Power Stations", "Voltix", "", "");
  for (const char* title : {"Voltix 2000 Watt Portable Power Station", "Voltix 2000 W Power Station, LiFePO4", "Voltix 2000W Power Station"}) {
    const auto hits = MatchOne(station, MakeListing("L", title, "Voltix"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
  }
  for (const char* title : {"Voltix 3000 Watt Power Station", "Voltix 2000 Volt Power Station", "Voltix 12000 Watt Power Station"})
    EXPECT_TRUE(MatchOne(station, MakeListing("L", title, "Voltix")).empty()) << title;
  // A generation in Roman numerals or digits.
  const Notice vaporizer = MakeNotice(NoticeSource::kCaHealthCanada, "90035", "Lumora Solo III Portable Vaporizers", "Lumora", "", "");
  for (const char* title : {"Lumora Solo 3 Portable Vaporizer", "Lumora Solo III portable vaporizer (black)"}) {
    const auto hits = MatchOne(vaporizer, MakeListing("L", title, "Lumora"));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
  }
  EXPECT_TRUE(MatchOne(vaporizer, MakeListing("L", "Lumora Solo 2 Portable Vaporizer", "Lumora")).empty());
}

// As marketplace exports give them: the model number among the attributes
// ("item_model_number"), and the used-goods programme in the brand field
// ("Amazon Renewed"), which names no maker.
TEST(RecallIdentityTest, AModelAttributeAndARenewedProgrammesName) {
  const Notice projector = MakeNotice(NoticeSource::kUsCpsc, "90038", "Portable projectors", "Lumora", "LP-31", "");
  Listing attributed = MakeListing("L", "Lumora Portable Smart Projector 1080p", "Lumora");
  attributed.attributes = {{"item_model_number", "LP-31"}};
  ExpectOneTakedown(MatchOne(projector, attributed), "attribute");
  attributed.attributes = {{"item_model_number", "LP-30"}};
  EXPECT_TRUE(MatchOne(projector, attributed).empty());
  ExpectOneTakedown(MatchOne(projector, MakeListing("L", "Lumora LP-31 Portable Projector (Renewed)", "Amazon Renewed")), "renewed");
}

// A brandless listing whose title opens with a count ("3 in 1") is keyed
// by the word after it, where a brandless notice's name begins.
TEST(RecallIdentityTest, ATitleOpeningWithACount) {
  const Notice alarm = MakeNotice(NoticeSource::kCaHealthCanada, "90039", "Combined Smoke and Carbon Monoxide Alarm", "", "", "");
  for (const char* title : {"3 in 1 Combined Smoke and Carbon Monoxide Alarm Detector, Battery Operated",
                            "2 Pack Combined Smoke and Carbon Monoxide Alarm"}) {
    const auto hits = MatchOne(alarm, MakeListing("L", title));
    ASSERT_EQ(hits.size(), 1u) << title;
    EXPECT_EQ(hits[0].action, RecallAction::kReview) << title;
  }
}

// A notice without a brand (Health Canada's open data names none) meets a
// listing under the maker's brand whose title opens with the brand and
// then the notice's name.
TEST(RecallIdentityTest, ABrandlessNoticeAndAListingUnderTheMakersBrand) {
  const Notice jar = MakeNotice(NoticeSource::kCaHealthCanada, "90040", "Kelvo Stainless Food Jar", "", "", "");
  const MatchRecord listing = FromListing(MakeListing("L", "Lumora Kelvo Stainless Vacuum Food Jar, 16 Ounce", "Lumora"));
  const auto keys = BlockingKeys(listing, PairFeaturizer().Prepare(listing.record));
  EXPECT_NE(std::find(keys.begin(), keys.end(), "n:kelvo|jar"), keys.end());
  const auto hits = MatchOne(jar, MakeListing("L", "Lumora Kelvo Stainless Vacuum Food Jar, 16 Ounce", "Lumora"));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].action, RecallAction::kReview);
  EXPECT_TRUE(MatchOne(jar, MakeListing("L", "Lumora Kelvo Stainless Water Bottle", "Lumora")).empty());
  EXPECT_TRUE(MatchOne(jar, MakeListing("L", "Lumora Thermal Lunch Box, Kelvo Stainless Food Jar inside", "Lumora")).empty());
}

// A code spaced out letter group by digit group ("K 47 B" for K47B), at
// the end of the title, before a word or a comma.
TEST(RecallIdentityTest, ACodeSpacedOut) {
  const Notice bank = MakeNotice(NoticeSource::kUsCpsc, "90041", "Voltix MagLite Battery Chargers", "Voltix", "K47B", "");
  for (const char* title : {"Voltix magnetic power bank K 47 B", "Voltix magnetic power bank K 47 B melon", "Voltix power bank K 47 B, melon"})
    ExpectOneTakedown(MatchOne(bank, MakeListing("L", title, "Voltix")), title);
}

// Cosmetics as sellers name them: a line called "Pro" is no Czech "for",
// "Full Cover" make-up no cover, a hyphenated name the one written
// together, and a brand shortened to its first words or spaced out the
// same maker.
TEST(RecallIdentityTest, CosmeticsAsSellersNameThem) {
  const Notice conditioner = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90042/24", "Hair conditioner", "Voltix", "", "04006381333931", "Silky");
  ExpectOneTakedown(MatchOne(conditioner, MakeListing("L", "Voltix Pro-V Silky Conditioner 200ml", "Voltix", "4006381333931")), "Pro-V");
  const Notice concealer = MakeNotice(NoticeSource::kEuSafetyGate, "A12/90043/24", "Concealer", "Voltix", "", "04006381333931");
  ExpectOneTakedown(MatchOne(concealer, MakeListing("L", "Voltix Pro Base Full Cover Concealer - 130", "Voltix", "4006381333931")), "cover");
  const MatchRecord hyphenated = FromListing(MakeListing("L", "Voltix Anti-Age Pflegespülung 200 ml", "Voltix"));
  const auto keys = BlockingKeys(hyphenated, PairFeaturizer().Prepare(hyphenated.record));
  EXPECT_NE(std::find(keys.begin(), keys.end(), "b:voltix|antiage"), keys.end());
  const Notice palette = MakeNotice(NoticeSource::kUsCpsc, "90045", "Lumora Radiant Glow Eyeshadow Palettes", "Lumora Makeup Academy Professional", "", "");
  const auto shortened = MatchOne(palette, MakeListing("L", "Lumora Radiant Glow Eyeshadow Palette, 12 shades", "Lumora Makeup Academy"));
  ASSERT_EQ(shortened.size(), 1u);
  EXPECT_EQ(shortened[0].action, RecallAction::kReview);
  const Notice perfume = MakeNotice(NoticeSource::kUsCpsc, "90046", "Bellaluna Notte Eau de Toilette", "Bellaluna Profumi", "", "");
  const auto spaced = MatchOne(perfume, MakeListing("L", "Bella Luna Notte Eau de Toilette 100 ml", "Bella Luna"));
  ASSERT_EQ(spaced.size(), 1u);
  EXPECT_EQ(spaced[0].action, RecallAction::kReview);
  // One word of the long name is no more than a brand that begins alike.
  EXPECT_TRUE(MatchOne(palette, MakeListing("L", "Lumora Radiant Glow Eyeshadow Palette, 12 shades", "Lumora Beauty")).empty());
}

// What a listing index keeps of a listing (its model, and the digest of
// its description) reads as the listing itself does: the two directions
// of monitoring agree.
TEST(RecallIdentityTest, AListingIndexKeepsWhatTheMatcherReads) {
  Listing l = MakeListing("V-14", "Power bank", "Amazon Renewed");
  l.description = "Slim and light. By Flaunt Studio. Model No: E33A, EAN 4006381333931";
  l.attributes = {{"item_model_number", "E33A"}};
  Listing kept = MakeListing("V-14", l.title, l.brand);
  kept.model = ListingModel(l);
  kept.description = IndexedDescription(l);
  EXPECT_EQ(kept.model, "E33A");
  const MatchRecord whole = FromListing(l), digest = FromListing(kept);
  EXPECT_EQ(digest.makers_in_prose, whole.makers_in_prose);
  EXPECT_EQ(digest.makers_in_prose, std::vector<std::string>{"flaunt studio"});
  EXPECT_EQ(digest.record.Get("model"), whole.record.Get("model"));
  EXPECT_EQ(digest.gtins_in_description, whole.gtins_in_description);
}

}  // namespace
}  // namespace conform::recalls
