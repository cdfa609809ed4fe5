#include "text_words.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "conform/core/text.h"
#include "conform/recalls/brand.h"
#include "vehicle_words.h"

namespace conform::recalls {

// Title words too common to say anything about a product.
bool StopWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kStop = {
      "the", "and", "for", "with", "from", "set", "kit", "pack", "new", "pcs", "piece", "pieces", "black", "white",
      "und", "mit", "für", "pour", "avec", "les", "des", "del", "con", "para", "the", "model", "type", "product"};
  // Two characters key only as a letter and a digit, a model's name
  // ("C3", "A4", "X5").
  if (w.size() == 2) return !(std::isalpha(static_cast<unsigned char>(w[0])) != 0 && w[1] >= '0' && w[1] <= '9');
  return w.size() < 2 || kStop.count(w) != 0;
}

// Articles, which come between "for" and a name ("for the BenQ GV31").
bool IsArticle(std::string_view w) {
  static const std::unordered_set<std::string_view> kArticles = {"the", "a", "an", "der", "die", "das", "den", "dem", "le", "la",
                                                                 "les", "l", "il", "lo", "el", "los", "las", "het", "de"};
  return kArticles.count(w) != 0;
}

// "Not" (English, German, French, Polish, Russian, Italian, Dutch,
// Swedish, Danish and Norwegian) and "instead of", folded as titles are:
// what a seller writes before another product's code or number ("nicht
// GV31", "statt EAN ...").
bool SaysNotOrInstead(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {"not",     "nicht", "pas",      "nie",     "не",     "non",   "niet", "inte",
                                                              "ikke",    "statt", "anstelle", "instead", "zamiast", "invece", "lieu"};
  return kWords.count(w) != 0;
}

// Whether two words are one, or one is the other with an English plural
// "s" ("xylophone", "xylophones").
// `text` without the byte `c` ("maxi cosi" without spaces: "maxicosi").
std::string Without(std::string_view text, char c) {
  std::string out;
  out.reserve(text.size());
  for (const char b : text)
    if (b != c) out.push_back(b);
  return out;
}

std::string Joined(const std::vector<std::string>& values, size_t from, std::string_view separator) {
  std::string out;
  for (size_t i = from; i < values.size(); ++i) {
    if (values[i].empty()) continue;
    if (!out.empty()) out += separator;
    out += values[i];
  }
  return out;
}

// What regulators and sellers write when a product shows no brand: no
// brand at all, not a brand of its own.
bool PlaceholderBrand(std::string_view key) {
  static const std::unordered_set<std::string_view> kPlaceholders = {
      "unknown", "unknown brand", "no brand", "nobrand", "unbranded", "generic", "none", "n a", "na", "not known",
      "brand unknown", "without brand", "no name", "noname", "sans marque", "ohne marke", "sin marca", "senza marca",
      // And as the EU's authorities write it ("Neuvedena": not stated).
      "neuvedena", "neuvedeno", "neznama", "bez znacky", "bez marki", "brak marki", "unbekannt", "keine marke", "inconnue", "inconnu",
      "desconocida", "desconocido", "sconosciuta", "sconosciuto", "sem marca", "onbekend", "geen merk", "ismeretlen", "nepoznata",
      "necunoscut", "necunoscuta", "fara marca", "tuntematon",
      // Words of a label, not a maker's name ("ORIGINAL" on a charger).
      "original", "oem", "genuine",
      // What B2B catalogues write for goods sold under the buyer's label,
      // and marketplaces' "no value" choices.
      "odm", "oem odm", "odm oem", "oem brand", "neutral oem", "oem neutral", "customized", "customised", "custom",
      "customized logo", "customised logo", "custom logo", "your logo", "private label", "white label", "wholesale",
      "factory" /* "Factory Direct", as BrandKey reads it */, "other", "others", "does not apply", "not applicable",
      // A marketplace's programme for used goods, sold under its name.
      "amazon renewed", "renewed", "ebay refurbished", "refurbished", "generaluberholt", "reconditionne",
      // Chinese marketplaces' brand field: no brand, none, a white label,
      // made to order, other, generic.
      "无品牌", "無品牌", "无牌", "無牌", "无", "無", "白牌", "定制", "訂製", "其它", "其他", "通用"};
  return kPlaceholders.count(key) != 0;
}

// Whether a record's brands name none: there are none, or only
// placeholders ("Unknown").
bool NamesNoBrand(const std::vector<std::string>& brands) {
  return std::all_of(brands.begin(), brands.end(), [](const std::string& b) { return PlaceholderBrand(BrandKey(b)); });
}

// The canonical keys of a record's brands (BrandAliases::Canonical, or
// BrandKey without a table), placeholders left out, each once, at most
// kMaxBrands: a maker with its brand in brackets ("Legler (Smallfoot)")
// and a line "by" its maker ("Elvive by LOREAL PARIS") give both.
std::vector<std::string> CanonicalBrands(const MatchRecord& r, const BrandAliases* aliases) {
  std::vector<std::string> keys;
  // Most records name a brand or two, which a scan checks faster than a
  // set; the set for the long lists.
  const bool many = r.brands.size() > 16;
  std::unordered_set<std::string> seen;
  const auto add = [&](std::string_view b) {
    if (keys.size() >= kMaxBrands) return;
    std::string k = aliases != nullptr ? aliases->Canonical(b) : BrandKey(b);
    if (k.empty() || PlaceholderBrand(k)) return;
    if (many ? seen.insert(k).second : std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(std::move(k));
  };
  for (const std::string& b : r.brands) {
    if (keys.size() >= kMaxBrands) break;
    // "Legler (Smallfoot)": a maker and, in brackets, its brand; each is
    // a brand of the product.
    const size_t open = b.find('(');
    const size_t close = b.rfind(')');
    // Not a place, a legal or trade word, nor a short word in brackets:
    // "Voltix (EU)", "ACME (Shenzhen) Co.", "Sun (Sport)".
    static const std::unordered_set<std::string_view> kNotABrand = {
        "europe", "china", "shenzhen", "guangzhou", "germany", "deutschland", "france", "italy", "spain", "poland", "international",
        "official", "store", "shop", "sport", "sports", "group", "brand", "trading", "import", "export", "limited", "holding"};
    const std::string inner = open != std::string::npos && close != std::string::npos && close > open + 1
                                  ? BrandKey(std::string_view(b).substr(open + 1, close - open - 1))
                                  : std::string();
    if (open != std::string::npos && open > 0 && inner.size() >= 5 && inner.find(' ') == std::string::npos &&
        kNotABrand.count(inner) == 0 && b.find_first_not_of(" \t", close + 1) == std::string::npos) {
      add(std::string_view(b).substr(0, open));
      add(std::string_view(b).substr(open + 1, close - open - 1));
      continue;
    }
    // "Elvive by LOREAL PARIS": a line and its maker's brand, each a brand
    // of the product; not "Stand by Me".
    const std::string key = BrandKey(b);
    if (const size_t by = key.find(" by "); by != std::string::npos && by >= 4 && key.size() - by - 4 >= 4) {
      add(std::string_view(key).substr(0, by));
      add(std::string_view(key).substr(by + 4));
    } else {
      add(b);
    }
  }
  return keys;
}

// Whether `text`, upper-cased, is inside one of a record's codes ("hz" of
// HZ1500C): a piece of a code its words split.
bool InACode(const PreparedRecord& r, std::string_view text) {
  const std::string upper = AsciiUpper(text);
  return std::any_of(r.codes.begin(), r.codes.end(), [&](const ModelCode& code) { return code.normalized.find(upper) != std::string::npos; });
}

// A notice's product name without what it comes with, is for or is
// recalled for ("Cordless Vacuum Cleaner with lithium-ion battery").
std::string_view NameBeforeClauses(const PreparedRecord& notice) {
  std::string_view name = notice.title;
  for (const std::string_view clause : {" with ", " for ", " featuring ", " including ", " sold ", " due to "})
    if (const size_t at = name.find(clause); at != std::string_view::npos && at > 0) name = name.substr(0, at);
  return name;
}

// The notice's product noun: the last word of its product name, as English
// writes it ("vacuums" of "X-Force Flex cordless stick vacuums"), before a
// clause ("grills" of "Outdoor grills with pizza oven") and past model codes,
// colours and sizes ("heater" of "Space Heater HZ-1500C", "case" of "ipad 2
// case black").
std::string_view ProductNoun(const PreparedRecord& notice) {
  std::string_view name = NameBeforeClauses(notice);
  // A word is a code's when it has a digit, or with the word after it is
  // part of one of the notice's codes ("hz" of "hz 1500c", HZ1500C).
  const auto in_code = [&](std::string_view word, std::string_view next) {
    if (std::any_of(word.begin(), word.end(), IsAsciiDigit)) return true;
    return !next.empty() && InACode(notice, std::string(word).append(next));
  };
  // Colours and sizes after the noun ("ipad 2 case black") name none.
  static const std::unordered_set<std::string_view> kAfterTheNoun = {
      "black", "white", "grey", "gray", "red", "blue", "green", "pink", "purple", "orange", "yellow", "brown", "silver", "gold",
      "beige", "navy", "clear", "small", "medium", "large", "xl", "xxl", "mini"};
  std::string_view last, next;
  while (!name.empty()) {
    const size_t space = name.rfind(' ');
    const std::string_view word = name.substr(space + 1);  // npos + 1 is 0: the whole name
    if (last.empty()) last = word;
    if (!in_code(word, next) && kAfterTheNoun.count(word) == 0) return word;
    next = word;
    name = name.substr(0, space == std::string_view::npos ? 0 : space);
  }
  return last;  // codes alone
}

// Whether a notice's product name names a whole vehicle ("Passenger car",
// "Light commercial vehicle", "Motorcycle"), not a part a regulator files
// under motor vehicles ("Brake pads", "Child car seat", "Alloy wheel").
bool NamesAVehicle(const PreparedRecord& notice) {
  // The last word of the name says what it is: a "car seat" is a seat.
  return IsVehicleWord(ProductNoun(notice));
}

}  // namespace conform::recalls
