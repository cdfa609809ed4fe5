#include "conform/recalls/brand.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace conform::recalls {
namespace {

TEST(BrandKeyTest, DropsCaseWidthPunctuationAndLegalForms) {
  EXPECT_EQ(BrandKey("ACME Co., Ltd."), "acme");
  EXPECT_EQ(BrandKey("Ａｃｍｅ　Ｉｎｃ"), "acme");  // full-width forms
  EXPECT_EQ(BrandKey("Müller GmbH"), "muller");  // sellers drop accents: "Muller" is the same brand
  EXPECT_EQ(BrandKey("PT Maju Jaya Tbk"), "maju jaya");
  // Forms written with points, as Safety Gate gives them ("Berg Toys B.V").
  EXPECT_EQ(BrandKey("Berg Toys B.V"), "berg toys");
  EXPECT_EQ(BrandKey("Lego A/S"), "lego");
  EXPECT_EQ(BrandKey("Chicco S.p.A."), "chicco");
  EXPECT_EQ(BrandKey("A B"), "a b");  // letters that are no legal form stay
  // Marketplace stores and regional companies named after the brand.
  EXPECT_EQ(BrandKey("Jobon Official Store"), "jobon");
  EXPECT_EQ(BrandKey("Enhomee-Direct"), "enhomee");
  EXPECT_EQ(BrandKey("Rowenta USA"), "rowenta");
  EXPECT_EQ(BrandKey("Galanz Americas Ltd."), "galanz");
  EXPECT_EQ(BrandKey("Captain America"), "captain america");
  EXPECT_EQ(BrandKey("The Body Shop"), "the body shop");
  EXPECT_EQ(BrandKey("Toys R Us"), "toys r us");
  EXPECT_EQ(BrandKey("Direct"), "direct");  // a word alone stays
  EXPECT_EQ(BrandKey("Official Store"), "official store");
  EXPECT_EQ(BrandKey("深圳市安克创新科技股份有限公司"), "深圳市安克创新科技");
  EXPECT_EQ(BrandKey("Limited"), "limited");  // nothing but a legal form: kept
  EXPECT_EQ(BrandKey("Hewlett-Packard"), "hewlett packard");
  // Chinese, Japanese and Korean store names, and a brand written in two
  // scripts: the Latin name.
  EXPECT_EQ(BrandKey("安克官方旗舰店"), "安克");
  EXPECT_EQ(BrandKey("BenQ明基官方旗舰店"), "benq");
  EXPECT_EQ(BrandKey("Galanz格兰仕旗舰店"), "galanz");
  EXPECT_EQ(BrandKey("小米 Xiaomi"), "xiaomi");
  EXPECT_EQ(BrandKey("LG전자"), "lg");
  EXPECT_EQ(BrandKey("ソニー公式ストア"), "ソニー");
  EXPECT_EQ(BrandKey("3M中国"), "3m中国");  // one letter is no name
  EXPECT_EQ(BrandKey("旗舰店"), "旗舰店");  // nothing but the store's words: kept
  EXPECT_EQ(BrandKey("Ünal 家居"), "unal");  // Latin with accents folded, as ever
}

TEST(BrandKeyTest, CompanyWordsLeftOutForTheBrand) {
  EXPECT_EQ(WithoutCompanyWords("anker innovations"), "anker");
  EXPECT_EQ(WithoutCompanyWords("lg electronics"), "lg");
  EXPECT_EQ(WithoutCompanyWords("midea group"), "midea");
  EXPECT_EQ(WithoutCompanyWords("dyson technology"), "dyson");
  EXPECT_EQ(WithoutCompanyWords("tcl technology group"), "tcl");
  EXPECT_EQ(WithoutCompanyWords(BrandKey("深圳市安克创新科技股份有限公司")), "安克");
  EXPECT_EQ(WithoutCompanyWords("小米科技"), "小米");
  EXPECT_EQ(ChinesePlaceLength("深圳市安克"), 9u);
  EXPECT_EQ(ChinesePlaceLength("广东美的环境电器"), 6u);
  EXPECT_EQ(ChinesePlaceLength("广东省深圳市安克电子"), 18u);
  EXPECT_EQ(ChinesePlaceLength("西安克瑞电子科技"), 0u);  // 西安 is a city without 市 here
  EXPECT_EQ(ChinesePlaceLength("深圳市"), 0u);  // nothing after it
  // Nothing left, or nothing to leave out: the key itself.
  EXPECT_EQ(WithoutCompanyWords("electronics"), "electronics");
  EXPECT_EQ(WithoutCompanyWords("科技"), "科技");
  EXPECT_EQ(WithoutCompanyWords("texas instruments"), "texas instruments");
  EXPECT_EQ(WithoutCompanyWords("group of friends"), "group of friends");
  EXPECT_EQ(WithoutCompanyWords(""), "");

  EXPECT_TRUE(SameBrandKey("anker innovations", "anker"));
  EXPECT_TRUE(SameBrandKey("anker", "anker technology"));
  EXPECT_TRUE(SameBrandKey("lego", "lego"));
  EXPECT_FALSE(SameBrandKey("ankerx", "anker"));
  EXPECT_FALSE(SameBrandKey("sun electronics", "moon electronics"));
  // Two company names sharing a first word are two makers.
  EXPECT_FALSE(SameBrandKey("digital innovations", "digital electronics"));
  EXPECT_FALSE(SameBrandKey("global trading", "global industries"));
  EXPECT_FALSE(SameBrandKey("", "anker"));
  // Spelled otherwise, with company words on one side.
  EXPECT_TRUE(SameBrandKey("headrush technologies", "head rush"));
  EXPECT_EQ(BrandKey("Walmart Canada"), "walmart");  // a regional company's name
  // A marketplace's link to the brand's store, and a label, given as the
  // brand.
  EXPECT_EQ(BrandKey("Visit the JOBON Store"), "jobon");
  EXPECT_EQ(BrandKey("Visit the TT TRSMIMA Store"), "tt trsmima");
  EXPECT_EQ(BrandKey("Besuche den Bosch-Store"), "bosch");
  EXPECT_EQ(BrandKey("Visiter la boutique Tefal"), "tefal");
  EXPECT_EQ(BrandKey("Visita la tienda de Cecotec"), "cecotec");
  EXPECT_EQ(BrandKey("Visita lo Store di Ariete"), "ariete");
  EXPECT_EQ(BrandKey("Brand: JOBON"), "jobon");
  EXPECT_EQ(BrandKey("Marque : Tefal"), "tefal");
  EXPECT_EQ(BrandKey("The Container Store"), "the container store");  // a brand whole
  EXPECT_EQ(BrandKey("Visit the Store"), "visit the store");
  EXPECT_EQ(BrandKey("Brand Fusion"), "brand fusion");
  // A brand given as its web address.
  EXPECT_EQ(BrandKey("Dapteri.com"), "dapteri");
  EXPECT_EQ(BrandKey("www.Dapteri.de"), "dapteri");
  EXPECT_EQ(BrandKey("dapteri.co.uk"), "dapteri");
  EXPECT_EQ(BrandKey("www.dapteri.co.uk"), "dapteri");
  EXPECT_EQ(BrandKey("Hotels.com Deals"), "hotels com deals");  // more than an address
  EXPECT_EQ(BrandKey(".com"), "com");
  EXPECT_TRUE(SameBrandKey("kikka boo", "kikkaboo trading"));
  EXPECT_FALSE(SameBrandKey("head rush technologies", "headrush electronics"));

  // A Chinese company's place in pinyin, before its company words.
  EXPECT_EQ(WithoutCompanyWords(BrandKey("Shenzhen Sunsky Technology Co., Ltd.")), "sunsky");
  EXPECT_EQ(WithoutCompanyWords("changsha anker innovations"), "anker");
  EXPECT_EQ(WithoutCompanyWords("hong kong vtech electronics"), "vtech");
  EXPECT_EQ(WithoutCompanyWords("shanghai tang"), "shanghai tang");  // no company words: a brand whole
  EXPECT_EQ(WithoutCompanyWords("shenzhen electronics"), "shenzhen");  // nothing after the place
  EXPECT_EQ(WithoutCompanyWords("yiwufang trading"), "yiwufang");     // a place is a whole word
  EXPECT_TRUE(SameBrandKey("changsha anker innovations", "anker"));
  EXPECT_TRUE(SameBrandKey("anker", "shenzhen anker technology"));
  EXPECT_FALSE(SameBrandKey("shenzhen anker", "anker"));
  EXPECT_FALSE(SameBrandKey("shanghai tang", "tang"));
  // With company words, the place may also be the brand's first word:
  // either reading agrees.
  EXPECT_TRUE(SameBrandKey("shanghai tang group", "shanghai tang"));
  EXPECT_TRUE(SameBrandKey("shanghai tang group", "tang"));
  EXPECT_TRUE(SameBrandKey("changsha anker innovations", "changsha anker"));
  EXPECT_FALSE(SameBrandKey("shanghai tang group", "shanghai"));
  // Spellings of one brand: apostrophes and spaces, "+" and "and".
  EXPECT_TRUE(SameBrandKey(BrandKey("De'Longhi"), BrandKey("DeLonghi")));
  EXPECT_TRUE(SameBrandKey(BrandKey("BLACK+DECKER"), BrandKey("Black and Decker")));
  EXPECT_TRUE(SameBrandKey(BrandKey("Black & Decker"), BrandKey("Black+Decker")));
  // Not an "e" after a vowel: Bauer and Baur, Blue Dot and Blu Dot are
  // brands of their own (a German vowel written out, "Kaercher", is the
  // alias table's); nor "and" ending a brand.
  EXPECT_FALSE(SameBrandKey(BrandKey("Bauer"), BrandKey("Baur")));
  EXPECT_FALSE(SameBrandKey(BrandKey("Blue Dot"), BrandKey("Blu Dot")));
  EXPECT_FALSE(SameBrandKey("black and", "black"));
  EXPECT_FALSE(SameBrandKey("a b", "ab"));  // too short to tell
  EXPECT_FALSE(SameBrandKey("and co", "co"));  // "and" opening a brand is its word
}

TEST(BrandAliasesTest, ShippedTableJoinsScriptsAndNames) {
  auto table = BrandAliases::Load(std::string(CONFORM_SHIPPED_DATA_DIR) + "/recalls/brand_aliases.yaml");
  ASSERT_TRUE(table.ok()) << table.error().ToString();
  EXPECT_GE(table.value().size(), 30u);
  EXPECT_EQ(table.value().Canonical("小米"), "xiaomi");
  EXPECT_EQ(table.value().Canonical("XIAOMI Inc."), "xiaomi");
  EXPECT_EQ(table.value().Canonical("華為"), "huawei");
  EXPECT_EQ(table.value().Canonical("Vauxhall"), "opel");
  EXPECT_EQ(table.value().Canonical("Hewlett Packard"), "hp");
  EXPECT_EQ(table.value().Canonical("美膳雅"), "cuisinart");
  EXPECT_EQ(table.value().Canonical("影目"), "inmo");
  // Makers of Safety Gate's and CPSC's frequent recalls, in Chinese.
  EXPECT_EQ(table.value().Canonical("本田"), "honda");
  EXPECT_EQ(table.value().Canonical("梅賽德斯-賓士"), "mercedes benz");
  EXPECT_EQ(table.value().Canonical("VW"), "volkswagen");
  EXPECT_EQ(table.value().Canonical("L'Oréal Paris"), "l oreal paris");  // another brand line: no entry
  EXPECT_EQ(table.value().Canonical("L'OREAL"), "loreal");
  // A company's registered name against the brand on its goods.
  EXPECT_EQ(table.value().Canonical("Berg Toys B.V"), "berg");
  EXPECT_EQ(table.value().Canonical("BERG"), "berg");
  EXPECT_EQ(table.value().Canonical("Flying Tiger Copenhagen"), "flying tiger");
  EXPECT_EQ(table.value().Canonical("Lancome Paris"), "lancome");
  EXPECT_EQ(table.value().Canonical("Some Unlisted Brand Ltd"), "some unlisted brand");
  // A maker's company name, its company words left out, for a brand of the
  // table; kept whole for a brand not in it.
  EXPECT_EQ(table.value().Canonical("Anker Innovations Limited"), "anker");
  EXPECT_EQ(table.value().Canonical("深圳市安克创新科技股份有限公司"), "anker");
  EXPECT_EQ(table.value().Canonical("Xiaomi Technology"), "xiaomi");
  EXPECT_EQ(table.value().Canonical("Unlisted Electronics"), "unlisted electronics");
  const auto spellings = table.value().Spellings("xiaomi");
  EXPECT_NE(std::find(spellings.begin(), spellings.end(), "小米"), spellings.end());
  // Japanese and Korean spellings.
  EXPECT_EQ(table.value().Canonical("ソニー"), "sony");
  EXPECT_EQ(table.value().Canonical("소니"), "sony");
  EXPECT_EQ(table.value().Canonical("パナソニック株式会社"), "パナソニック株式会社");  // a company name it does not read
  EXPECT_EQ(table.value().Canonical("삼성"), "samsung");
}

TEST(BrandAliasesTest, RefusesASpellingGivenToTwoBrands) {
  const std::string path = testing::TempDir() + "/aliases.yaml";
  std::ofstream(path) << "schema: conform-brand-aliases/1\nbrands:\n  a: [Alpha, Shared]\n  b: [Beta, shared]\n";
  auto table = BrandAliases::Load(path);
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.error().ToString().find("given to both 'a' and 'b'"), std::string::npos) << table.error().ToString();
  std::ofstream(path) << "brands: {}\n";
  EXPECT_FALSE(BrandAliases::Load(path).ok());
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace conform::recalls
