#include "text_words.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "conform/recalls/brand.h"

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

}  // namespace conform::recalls
