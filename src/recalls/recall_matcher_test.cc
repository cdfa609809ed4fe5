// The recall index as a whole: blocking, both directions, brands, vehicles,
// and what it says of each candidate.
#include "conform/recalls/recall_matcher.h"

#include <gtest/gtest.h>

#include "recall_matcher_test_util.h"

namespace conform::recalls {
namespace {

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

TEST(RecallBrandTest, TheFirmARecallNamesAndTheNameItTradesUnder) {
  Notice vacuum = MakeNotice(NoticeSource::kUsCpsc, "26595", "Rowenta X-Force Flex cordless stick vacuums", "Rowenta", "RH99A2U1", "");
  vacuum.companies = {"Groupe SEB USA dba Rowenta USA, of Parsippany, N.J."};
  for (const char* brand : {"Groupe SEB", "Rowenta USA", "Rowenta"})
    ExpectOneTakedown(MatchOne(vacuum, MakeListing("L", "Rowenta X-Force Flex 14.60 Animal RH99A2U1 Cordless Vacuum", brand)), brand);
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

}  // namespace
}  // namespace conform::recalls
