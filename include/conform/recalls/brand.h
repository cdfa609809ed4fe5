// Brand names as recall matching compares them: one key per brand, whatever
// the script, case, punctuation, legal form or alias a notice or listing
// writes it in.
#ifndef CONFORM_RECALLS_BRAND_H_
#define CONFORM_RECALLS_BRAND_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "conform/core/result.h"

namespace conform::recalls {

// NormalizeText (Unicode NFKC, case folding, full-width forms, punctuation
// to spaces), then trailing legal-form words dropped: "ACME Co., Ltd." ->
// "acme", "深圳市某某有限公司" keeps its name and loses 有限公司.
std::string BrandKey(std::string_view brand);

// A brand key without the trailing words that say what a company does or
// how it is organised ("anker innovations" -> "anker", "lg electronics" ->
// "lg", "安克创新科技" -> "安克"), and the place a Chinese company's
// registered name opens with, in Chinese ("深圳市") or, before such words,
// in pinyin ("changsha anker innovations", "shenzhen sunsky technology";
// not "shanghai tang", a brand whole, though "shanghai tang group" is cut
// to "tang"): what a seller who writes the maker's
// company name means. The key itself when it has none, or nothing would be
// left. A view into `key`.
std::string_view WithoutCompanyWords(std::string_view key);

// The bytes of the place a Chinese company's registered name opens with: a
// province ("广东", "广东省") and a city of two or three characters and 市
// ("深圳市"), either or both; 0 when it has none, or nothing would follow.
size_t ChinesePlaceLength(std::string_view name);

// Whether two brand keys name one brand: equal, or one is the other with
// company words after it and perhaps its place before ("anker
// innovations", "changsha anker innovations" and "anker"; "shanghai tang
// group" and both "shanghai tang" and "tang"; not "digital innovations"
// and "digital electronics"), the two compared without spaces and "and"
// between words ("de longhi" and "delonghi", "head rush" and "headrush
// technologies"). Allocates nothing.
bool SameBrandKey(std::string_view a, std::string_view b);

class BrandAliases {
 public:
  // An empty table: Canonical is BrandKey.
  BrandAliases() = default;
  // Reads a table (schema conform-brand-aliases/1, see
  // data/recalls/brand_aliases.yaml). A spelling given to two brands is an
  // error naming both.
  static Result<BrandAliases> Load(const std::string& path);
  // The table shipped in the data directory (DefaultDataDir()).
  static Result<BrandAliases> LoadDefault();

  // The brand's canonical key: its alias entry's, or else the entry's of
  // its key without company words ("Anker Innovations" is Anker's), else
  // BrandKey(brand).
  std::string Canonical(std::string_view brand) const;
  // Whether the table holds the brand: one of its spellings, as BrandKey
  // gives it.
  bool Holds(std::string_view brand) const { return canonical_.count(BrandKey(brand)) != 0; }
  // Every spelling (as BrandKey) of a canonical key, itself included.
  std::vector<std::string> Spellings(const std::string& canonical) const;
  size_t size() const { return spellings_.size(); }
  // Changes when the table does (any brand or spelling added, removed or
  // moved): keys made with one table are not those of another.
  std::string Fingerprint() const;

 private:
  std::unordered_map<std::string, std::string> canonical_;                 // spelling key -> canonical
  std::unordered_map<std::string, std::vector<std::string>> spellings_;  // canonical -> spelling keys
};

}  // namespace conform::recalls

#endif  // CONFORM_RECALLS_BRAND_H_
