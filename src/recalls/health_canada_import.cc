// Health Canada's recalls in two shapes.
//
// The open data file (recalls-rappels.canada.ca, HCRSAMOpenData.json), one
// flat record per notice, every value text: NID, Title, URL, Organization,
// Product, Issue, "What you should do", Category, "Recall class", "Last
// updated" (YYYY-MM-DD) and Archived ("0" or "1"); the French file
// (SCRSAMDonneesOuvertes.json) names them Titre, Produit, Problème, "Ce
// que vous devriez faire", Catégorie, "Classe de rappel", "Dernière mise à
// jour" and Archivé. Known quirks: HTML entities ("&nbsp;") and zero-width
// spaces in the text; several issues or categories joined by " - ";
// "Last updated" empty or not a date on thousands of records; "--" for no
// recall class; no brand field (the brand is in the title, when anywhere).
// NID is text or a whole number.
//
// The older Recalls and Safety Alerts API: list items (recallId,
// title, category, date_published, url) and recall details, which add
// start_date and panels of HTML text (basic_details, product,
// cms_issue_problem, cms_who_what_consumer, images, ...). Known quirks:
// dates are Unix seconds, as a number or as text, and some records carry
// an impossible one (-62169984000, the year 0); category is an array of
// numbers or of numeric text; URLs may be relative to the site; product
// identifiers (UPC, model, lot) sit in the panels' tables or "Label: value"
// lines, not in fields of their own, named in English or in French (CUP,
// code à barres, numéro de modèle, numéro de lot); a model or lot cell may
// list several, joined by ';' or ','.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include <unicode/uchar.h>

#include "conform/core/text.h"
#include "conform/recalls/text_similarity.h"
#include "feed_records.h"

namespace conform::feed {

namespace {

constexpr int64_t kSecondsPerDay = 86400;
// Outside these, a date_published is taken to be a placeholder, not a date.
constexpr int64_t kEarliestPlausible = 631152000;  // 1990-01-01
constexpr int64_t kLatestPlausible = 4102444800;   // 2100-01-01

const char* kSiteRoot = "https://healthycanadians.gc.ca";  // the API's
const char* kOpenDataSiteRoot = "https://recalls-rappels.canada.ca";

// The lowercase name of the tag starting at html[lt] ('<'), "/p" for a
// closing tag; `*end` is set past its '>'.
std::string TagName(std::string_view html, size_t lt, size_t* end) {
  const size_t gt = html.find('>', lt);
  *end = gt == std::string_view::npos ? html.size() : gt + 1;
  size_t i = lt + 1;
  std::string name;
  if (i < html.size() && html[i] == '/') name.push_back(html[i++]);
  while (i < html.size() && (std::isalnum(static_cast<unsigned char>(html[i])))) name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(html[i++]))));
  return name;
}

bool IsBlockTag(const std::string& name) {
  const std::string n = name[0] == '/' ? name.substr(1) : name;
  return n == "br" || n == "p" || n == "div" || n == "li" || n == "ul" || n == "ol" || n == "tr" || n == "table" || n == "h1" ||
         n == "h2" || n == "h3" || n == "h4" || n == "h5" || n == "h6" || n == "dt" || n == "dd";
}

// Plain text: block tags end lines, cells are separated by tabs, lines are
// trimmed and empty ones dropped.
std::string HtmlToText(std::string_view html) {
  std::string flat;
  for (size_t i = 0; i < html.size();) {
    if (html[i] != '<') {
      flat.push_back(html[i++]);
      continue;
    }
    size_t end = 0;
    const std::string name = TagName(html, i, &end);
    if (name.empty()) {  // a lone '<' in text
      flat.push_back(html[i++]);
      continue;
    }
    if (IsBlockTag(name)) flat.push_back('\n');
    else if (name == "td" || name == "th") flat.push_back('\t');
    i = end;
  }
  std::string out;
  // Entities first: "&#8203;" and "&#160;" are the characters PlainSpaces
  // removes and makes plain.
  for (const auto& line : SplitList(PlainSpaces(DecodeHtmlEntities(flat)), "\n")) {
    std::string collapsed;
    for (char c : line) {
      const bool space = c == ' ' || c == '\t' || c == '\r';
      if (space && (collapsed.empty() || collapsed.back() == ' ')) continue;
      collapsed.push_back(space ? ' ' : c);
    }
    while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
    if (collapsed.empty()) continue;
    if (!out.empty()) out.push_back('\n');
    out += collapsed;
  }
  return out;
}

using Table = std::vector<std::vector<std::string>>;

// The tables of an HTML fragment, as rows of cell texts.
std::vector<Table> HtmlTables(std::string_view html) {
  std::vector<Table> tables;
  Table* table = nullptr;
  std::string cell;
  bool in_cell = false;
  auto close_cell = [&] {
    if (in_cell && table && !table->empty()) table->back().push_back(HtmlToText(cell));
    cell.clear();
    in_cell = false;
  };
  for (size_t i = 0; i < html.size();) {
    if (html[i] != '<') {
      if (in_cell) cell.push_back(html[i]);
      ++i;
      continue;
    }
    size_t end = 0;
    const std::string name = TagName(html, i, &end);
    if (name == "table") {
      tables.emplace_back();
      table = &tables.back();
    } else if (name == "/table") {
      close_cell();
      table = nullptr;
    } else if (name == "tr" && table) {
      close_cell();
      table->emplace_back();
    } else if ((name == "td" || name == "th") && table) {
      close_cell();
      if (table->empty()) table->emplace_back();
      in_cell = true;
    } else if (name == "/td" || name == "/th" || name == "/tr") {
      close_cell();
    } else if (in_cell) {
      cell.append(html.substr(i, end - i));
    }
    i = end;
  }
  return tables;
}

enum class Column { kOther, kBarcode, kModel, kBatch, kBrand, kProduct };

// The ASCII words of `s`, lower case, accents dropped ("Numéro de modèle":
// "numero", "de", "modele"), so that French headers match as written or
// typed without accents.
std::vector<std::string> FoldedWords(std::string_view s) {
  std::vector<std::string> words(1);
  for (char c : AsciiLower(FoldLatinDiacritics(s))) {
    if (std::isalnum(static_cast<unsigned char>(c))) words.back().push_back(c);  // "N°", "N/A": symbols part words
    else if (!words.back().empty()) words.emplace_back();
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

// "CUP" is the French UPC (code universel des produits), but "cup" is
// also an English word ("Cup size"): it names the barcode column only
// among words that do ("Code CUP", "No CUP", "CUP / UPC").
bool IsCupHeader(const std::vector<std::string>& words) {
  bool cup = false;
  for (const auto& w : words) {
    if (w == "cup") cup = true;
    else if (w != "code" && w != "codes" && w != "no" && w != "n" && w != "numero" && w != "du" && w != "upc" && w != "ean" && w != "gtin")
      return false;
  }
  return cup;
}

// The column a product table's header names, in English or French, by
// words, any case, accents as written or not.
Column ColumnOf(const std::string& header) {
  const std::vector<std::string> words = FoldedWords(header);
  std::string h = " ";
  h += Join(words, " ");
  h += ' ';
  // Whole words, a plural "s" or "es" or digits after the last allowed
  // ("Lots", "Batches", "EAN13"): "lot" is not in "Pilot", nor "ean" in "Ocean", nor "upc" in
  // "Cupcake".
  auto has = [&h](std::string_view w) {
    std::string phrase = " ";
    phrase += w;
    for (size_t at = h.find(phrase); at != std::string::npos; at = h.find(phrase, at + 1)) {
      size_t end = at + phrase.size();
      if (h[end] == 's') ++end;
      else if (h[end] == 'e' && h[end + 1] == 's') end += 2;
      while (std::isdigit(static_cast<unsigned char>(h[end]))) ++end;
      if (h[end] == ' ') return true;
    }
    return false;
  };
  if (has("upc") || has("gtin") || has("barcode") || has("bar code") || has("ean") || IsCupHeader(words) || has("code universel") ||
      has("code barre") || has("codes barre") || has("code a barre") || has("codes a barre"))
    return Column::kBarcode;
  if (has("model") || has("modele") || has("item number") || has("sku") || h == " ugs ") return Column::kModel;
  if (has("lot") || has("batch") || has("date code") || has("code de date") || has("serial") || has("numero de serie")) return Column::kBatch;
  if (has("brand") || has("marque")) return Column::kBrand;
  if (h == " product " || h == " product name " || h == " produit " || h == " nom du produit ") return Column::kProduct;
  return Column::kOther;
}

// The parts of `s` split at commas when every part is a code, alone or
// after the same words ("L-1, L-2", "Lot 123, Lot 124"): a code is one
// word holding a digit. Otherwise `s` whole: a comma is also inside a
// number ("1,000 units", "1,5 kg": a comma between digits) and a date
// ("June 1, 2024": "June 1" and "2024" are not alike), and a list that
// is not plainly one of codes ("Lot 123, 124 and 125") is kept as written
// rather than guessed at.
std::vector<std::string> CommaSeparatedCodes(const std::string& s) {
  const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  for (size_t i = s.find(','); i != std::string::npos; i = s.find(',', i + 1))
    if (i > 0 && i + 1 < s.size() && is_digit(s[i - 1]) && is_digit(s[i + 1])) return {s};
  std::vector<std::string> parts = SplitList(s, ",");
  if (parts.size() < 2) return {s};
  std::string words;  // what comes before the code, the same in every part
  for (size_t i = 0; i < parts.size(); ++i) {
    const size_t space = parts[i].find_last_of(" \t");
    const std::string code = space == std::string::npos ? parts[i] : parts[i].substr(space + 1);
    const std::string before = space == std::string::npos ? "" : AsciiLower(Trim(std::string_view(parts[i]).substr(0, space)));
    if (std::none_of(code.begin(), code.end(), is_digit) || std::any_of(before.begin(), before.end(), is_digit)) return {s};
    if (i == 0) words = before;
    else if (before != words) return {s};
  }
  return parts;
}

// Adds the model or batch numbers of a cell or "Label: value" line: one
// per line or ';'-separated part ("Lot 123; Lot 124"), and one per comma-
// separated code where that is safe (CommaSeparatedCodes); placeholders
// are no identifier.
void AddCodes(std::string_view value, std::vector<std::string>* list) {
  if (IsUnknownPlaceholder(value)) return;
  for (const auto& part : SplitList(value, "\n;"))
    for (const auto& code : CommaSeparatedCodes(part))
      if (!IsUnknownPlaceholder(code)) AddUnique(list, code);
}

void AddIdentifier(Column c, const std::string& value, Notice* n, std::vector<std::string>* names, std::vector<std::string>* warnings) {
  if (IsUnknownPlaceholder(value)) return;
  switch (c) {
    case Column::kBarcode: AddBarcodes(value, n, warnings); break;
    case Column::kModel: AddCodes(value, &n->model_numbers); break;
    case Column::kBatch: AddCodes(value, &n->batch_numbers); break;
    case Column::kBrand: AddBrands(value, n); break;  // "Blowy / AirPro", as Safety Gate's brands
    case Column::kProduct: AddUnique(names, value); break;
    case Column::kOther: break;
  }
}

// Identifiers from a panel's tables (by header) and from its "Label: value"
// lines.
void ReadIdentifiers(std::string_view html, Notice* n, std::vector<std::string>* names, std::vector<std::string>* warnings) {
  for (const Table& t : HtmlTables(html)) {
    if (t.size() < 2) continue;
    std::vector<Column> columns;
    for (const auto& h : t[0]) columns.push_back(ColumnOf(h));
    for (size_t r = 1; r < t.size(); ++r)
      for (size_t c = 0; c < t[r].size() && c < columns.size(); ++c) AddIdentifier(columns[c], t[r][c], n, names, warnings);
  }
  // Outside tables: "UPC: 0 12345 67890 5", "Model number: AB-12".
  std::string without_tables(html);
  for (size_t at; (at = AsciiLower(without_tables).find("<table")) != std::string::npos;) {
    const size_t close = AsciiLower(without_tables).find("</table>", at);
    without_tables.erase(at, close == std::string::npos ? std::string::npos : close + 8 - at);
  }
  for (const auto& line : SplitList(HtmlToText(without_tables), "\n")) {
    const size_t colon = line.find(':');
    if (colon == std::string::npos || colon > 40) continue;
    const Column c = ColumnOf(Trim(std::string_view(line).substr(0, colon)));
    if (c != Column::kOther && c != Column::kProduct) AddIdentifier(c, Trim(std::string_view(line).substr(colon + 1)), n, names, warnings);
  }
}

// "Label: value" lines of the basic_details panel, the label as its
// FoldedWords ("Problème :" gives "probleme").
std::vector<std::pair<std::string, std::string>> LabelledLines(std::string_view html) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& line : SplitList(HtmlToText(html), "\n")) {
    const size_t colon = line.find(':');
    if (colon == std::string::npos || colon > 40) continue;
    out.emplace_back(Join(FoldedWords(std::string_view(line).substr(0, colon)), " "), Trim(std::string_view(line).substr(colon + 1)));
  }
  return out;
}

// The API's name of category `code`, in English or French (the words of
// its French pages, which IssueHazards also knows); other codes as given.
std::string CategoryName(const std::string& code, bool french = false) {
  if (code == "1") return french ? "Aliments" : "Food";
  if (code == "2") return french ? "Véhicules" : "Vehicles";
  if (code == "3") return french ? "Produits de santé" : "Health products";
  if (code == "4") return french ? "Produits de consommation" : "Consumer products";
  return code;
}

// A date given as Unix seconds (number or numeric text) or as ISO text, by
// the rule of feed_import.h: a number of seconds outside 1990-2100 (the
// feed's placeholder) or a "no date" placeholder text is a warning and no
// date; other text that is not a date is an error.
std::optional<Date> EpochDay(FieldReader& f, const Json& record, const char* key, std::vector<std::string>* warnings) {
  const auto it = record.find(key);
  if (it == record.end() || it->is_null()) return std::nullopt;
  double seconds = 0;
  if (it->is_number()) {
    seconds = it->get<double>();
  } else if (it->is_string()) {
    const std::string text = Trim(it->get<std::string>());
    if (text.empty()) return std::nullopt;
    char* end = nullptr;
    seconds = std::strtod(text.c_str(), &end);
    if (end == nullptr || end == text.c_str() || *end != '\0') {
      std::string why;
      if (auto d = DayOfText(text, &why)) {
        if (IsPlausibleNoticeDay(*d)) return d;
        warnings->push_back(ImplausibleDay(key, *d));
        return std::nullopt;
      }
      if (IsNoDatePlaceholder(text)) {
        warnings->push_back(fmt::format("'{}' is not a date: '{}'; the date is left unknown", key, text));
        return std::nullopt;
      }
      f.Fail(NotADate(key, text, why.rfind("expected", 0) == 0 ? "expected Unix seconds or YYYY-MM-DD" : why));
      return std::nullopt;
    }
  } else {
    f.Fail(fmt::format("'{}' should be a date in Unix seconds, found {}", key, it->dump()));
    return std::nullopt;
  }
  if (!std::isfinite(seconds) || seconds < kEarliestPlausible || seconds >= kLatestPlausible) {
    warnings->push_back(fmt::format("'{}' {} is not a plausible date; the date is left unknown", key, it->dump()));
    return std::nullopt;
  }
  const Date day = Date::FromDays(static_cast<int32_t>(static_cast<int64_t>(seconds) / kSecondsPerDay));
  if (!IsPlausibleNoticeDay(day)) {
    warnings->push_back(ImplausibleDay(key, day));
    return std::nullopt;
  }
  return day;
}

// `s` split at " - ", the open data file's separator of several issues or
// categories; a hyphen inside a word ("Anti-theft") stays.
std::vector<std::string> SplitOnSpacedDash(std::string_view s) {
  std::vector<std::string> parts;
  for (size_t start = 0; start <= s.size();) {
    const size_t end = s.find(" - ", start);
    std::string part = Trim(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (!part.empty()) parts.push_back(std::move(part));
    if (end == std::string_view::npos) break;
    start = end + 3;
  }
  return parts;
}

// The hazards of the API's "Issue:" line, split as the open data file's
// Issue ("Consumer products - Electrical hazard - Fire hazard"). The API
// leads with the recall's category, which is the notice's category and no
// hazard (the open data file gives it apart): a first part naming one of
// the API's categories, in English or French, is dropped when hazards
// follow it.
std::vector<std::string> IssueHazards(std::string_view issue) {
  std::vector<std::string> parts = SplitOnSpacedDash(issue);
  if (parts.size() < 2) return parts;
  const std::string first = Join(FoldedWords(parts[0]), " ");
  for (const char* category : {"food", "vehicles", "health products", "consumer products", "aliments", "vehicules", "produits de sante",
                               "produits de consommation"}) {
    if (first == category) {
      parts.erase(parts.begin());
      break;
    }
  }
  return parts;
}

// The open data file's Organization as the older API's category names it,
// in the record's language, so that notices of both shapes read alike.
// TC is Transport Canada (the same letters in French), which publishes
// vehicle recalls only; ACIA is the CFIA in French. Organisations whose
// category is not plain (Medical devices, Communications and Public
// Affairs Branch, ...) are kept as given.
std::string OrganizationCategory(const std::string& organization, bool french) {
  const std::string o = AsciiLower(organization);
  if (o == "cfia" || o == "acia") return CategoryName("1", french);
  if (o == "tc") return CategoryName("2", french);
  if (o == "drugs and health products") return CategoryName("3", french);
  if (o == "consumer product safety") return CategoryName("4", french);
  return organization;
}

// The open data file's keys. The French file (SCRSAMDonneesOuvertes.json)
// names the same fields in French; NID and URL are the same, and its
// organisation key is read under both spellings.
struct OpenDataKeys {
  const char* title;
  const char* product;
  const char* issue;
  const char* what_to_do;
  const char* category;
  const char* recall_class;
  const char* last_updated;
  const char* archived;
};
constexpr OpenDataKeys kEnglishKeys = {"Title", "Product", "Issue", "What you should do", "Category", "Recall class", "Last updated", "Archived"};
constexpr OpenDataKeys kFrenchKeys = {"Titre",     "Produit",          "Problème",             "Ce que vous devriez faire",
                                      "Catégorie", "Classe de rappel", "Dernière mise à jour", "Archivé"};

// How many of `k` the record has, null or not.
int KeysPresent(const Json& record, const OpenDataKeys& k) {
  int n = 0;
  for (const char* key : {k.title, k.product, k.issue, k.what_to_do, k.category, k.recall_class, k.last_updated, k.archived})
    n += record.contains(key);
  return n;
}

// Whether a record of the open data file is the French file's: it has more
// of the French keys than of the English ones.
bool IsFrenchOpenDataRecord(const Json& record) { return KeysPresent(record, kFrenchKeys) > KeysPresent(record, kEnglishKeys); }

// The brands a title or product names: food recalls name the brand before
// the word "brand" ("Certain Safie's brand Sweet Pickled Beets may contain
// pieces of glass", "Various Salem Foods brand Ground Spices"), vehicle
// recalls the maker after "recalled by" ("SUV recalled by HYUNDAI"). Read
// whether or not the record gives a Product, which never says the brand.
void BrandsOfTitle(const std::string& title, Notice* n) {
  const std::string lower = AsciiLower(title);
  // A name of a few words, not words about brands ("store brand", "sold
  // without a brand", "products sold under the Kidoozie brand": Kidoozie).
  const auto add = [&](std::string_view name) {
    std::string brand = Trim(name);
    // Built by appending: GCC 12 warns falsely (-Wrestrict) on " " + s + " ".
    std::string words(1, ' ');
    words += AsciiLower(brand);
    words += ' ';
    if (brand.empty() || IsUnknownPlaceholder(brand) || std::count(brand.begin(), brand.end(), ' ') > 3) return;
    for (const std::string_view w : {" store ", " house ", " private ", " own ", " generic ", " sold ", " without ", " no ", " a ",
                                     " the ", " any ", " name ", " due "})
      if (words.find(w) != std::string::npos) return;
    AddUnique(&n->brands, brand);
  };
  if (const size_t at = lower.find(" brand "); at != std::string::npos) {
    size_t begin = 0;
    for (const std::string_view lead : {"certain ", "various ", "some ", "all "})
      if (lower.starts_with(lead)) begin = lead.size();
    if (const size_t under = lower.rfind(" under the ", at); under != std::string::npos && under >= begin) begin = under + 11;
    if (at > begin) add(std::string_view(title).substr(begin, at - begin));
    // More brands joined on ("<A> brand and <B> brand chicken nuggets").
    for (size_t end = at + 6, next = lower.find(" brand ", end); next != std::string::npos; end = next + 6, next = lower.find(" brand ", end)) {
      size_t from = end + 1;  // past " brand "
      bool joined = false;
      for (const std::string_view joint : {"and ", "& ", "or "})
        if (lower.compare(from, joint.size(), joint) == 0) {
          from += joint.size();
          joined = true;
          break;
        }
      if (!joined || next <= from) break;
      add(std::string_view(title).substr(from, next - from));
    }
  }
  if (const size_t at = lower.find(" recalled by "); at != std::string::npos && at > 0) {
    const size_t from = at + 13;
    const size_t due = lower.find(" due to ", from);
    add(std::string_view(title).substr(from, due == std::string::npos ? std::string::npos : due - from));
  }
  // French titles name the brand after the kind ("Rappel de gourganes
  // grillées de marque Go! Beanz en raison de la présence ...").
  if (const size_t at = lower.find(" de marque "); at != std::string::npos) {
    const size_t from = at + 11;
    size_t end = lower.size();
    for (const std::string_view stop : {" en raison ", " pour ", " car ", " - ", " vendu", " dans "})
      end = std::min(end, lower.find(stop, from));
    if (end > from) add(std::string_view(title).substr(from, end - from));
  }
}

// The brand a title writes before the product it names ("Platinum
// Naturals Easymulti Stress (men): Affected lots ..." of the product
// "Easymulti Stress (Men) capsules"): one to four capitalised words that
// open the title, the product's first two words right after them.
void BrandBeforeTheProduct(const std::string& title, Notice* n) {
  const std::string product_name = AsciiLower(n->product_name);
  const std::vector<std::string_view> product = recalls::Words(product_name);
  const std::vector<std::string_view> words = recalls::Words(title);
  if (product.size() < 2) return;
  std::vector<std::string> lower;
  for (const std::string_view w : words) lower.push_back(AsciiLower(w));
  for (size_t at = 1; at <= 4 && at + 1 < words.size(); ++at) {
    if (!std::isupper(static_cast<unsigned char>(words[at - 1][0]))) return;
    if (lower[at] != product[0] || lower[at + 1] != product[1]) continue;
    static const std::vector<std::string> kNotABrand = {"certain", "various", "some", "all", "new", "the"};
    if (std::find(kNotABrand.begin(), kNotABrand.end(), lower[0]) != kNotABrand.end()) return;
    std::string brand;
    for (size_t k = 0; k < at; ++k) brand.append(k ? " " : "").append(words[k]);
    AddUnique(&n->brands, brand);
    return;
  }
}

// A recall's page names one product twice, with and without its brand
// ("Petit Collage musical jumbo wooden xylophones" and "Musical jumbo
// wooden xylophone"): the one to four capitalised words the longer name
// adds before the other, which it otherwise repeats (a plural "s" aside),
// are the brand.
void BrandBeforeAnotherName(const std::vector<std::string>& names, Notice* n) {
  const auto same_word = [](std::string_view x, std::string_view y) {
    std::string a = AsciiLower(x), b = AsciiLower(y);
    if (a.size() > 3 && a.back() == 's') a.pop_back();
    if (b.size() > 3 && b.back() == 's') b.pop_back();
    return a == b;
  };
  static const std::vector<std::string> kNotABrand = {"certain", "various", "some", "all", "new", "the", "recalled"};
  for (const std::string& longer : names)
    for (const std::string& shorter : names) {
      const std::vector<std::string_view> l = recalls::Words(longer), s = recalls::Words(shorter);
      if (s.size() < 2 || l.size() <= s.size() || l.size() - s.size() > 4) continue;
      const size_t lead = l.size() - s.size();
      bool repeats = true;
      for (size_t i = 0; i < s.size() && repeats; ++i) repeats = same_word(l[lead + i], s[i]);
      bool capitalised = true;
      for (size_t i = 0; i < lead && capitalised; ++i) capitalised = std::isupper(static_cast<unsigned char>(l[i][0])) != 0;
      if (!repeats || !capitalised || std::find(kNotABrand.begin(), kNotABrand.end(), AsciiLower(l[0])) != kNotABrand.end()) continue;
      std::string brand;
      for (size_t i = 0; i < lead; ++i) brand.append(i ? " " : "").append(l[i]);
      AddUnique(&n->brands, brand);
      return;
    }
}

// Without a Product, the product is named by the title, which Health
// Canada writes "<product> recalled due to <hazard>" or, for vehicles,
// "<product> recalled by <maker>": the product is what comes before. Other
// titles are the product as they stand.
void ProductOfTitle(const std::string& title, Notice* n) {
  n->product_name = title;
  const std::string lower = AsciiLower(title);
  for (const std::string_view marker : {" recalled due to ", " recalled by "}) {
    const size_t at = lower.find(marker);
    if (at == std::string::npos || at == 0) continue;
    n->product_name = Trim(std::string_view(title).substr(0, at));
    return;
  }
}

// A recall Health Canada issued jointly with the US CPSC, as its text says
// ("Joint recall with Health Canada, the United States Consumer Product
// Safety Commission (US CPSC) and ...", in French "rappel conjoint" with
// "CPSC" or the Commission's name): the United States, in the notice's
// market countries, where a CPSC record keeps "Canada" for the same.
void AddJointRecallCountries(Notice* n) {
  const auto says_joint_with_cpsc = [](std::string_view text) {
    const std::string lower = AsciiLower(text);
    for (const std::string_view joint : {"joint recall", "rappel conjoint"})
      for (size_t at = lower.find(joint); at != std::string::npos; at = lower.find(joint, at + 1)) {
        // The regulators it names come next, in the same sentence, which
        // ends at a line's end or a period before a capital (the text's
        // sentences are often run together without a space), but for an
        // initial's ("U.S. CPSC").
        size_t end = at;
        for (; end < text.size() && text[end] != '\n'; ++end) {
          if (text[end] != '.') continue;
          size_t next = end + 1;
          while (next < text.size() && (text[next] == ' ' || text[next] == '\n')) ++next;
          size_t after = next;
          const bool capital = next < text.size() && u_isupper(NextCodepoint(text, &after));
          const bool initial = end >= 1 && std::isalpha(static_cast<unsigned char>(text[end - 1])) &&
                               (end < 2 || !std::isalpha(static_cast<unsigned char>(text[end - 2])));
          if (capital && !initial) break;
        }
        const std::string_view sentence = std::string_view(lower).substr(at, end - at);
        for (const std::string_view cpsc : {"cpsc", "consumer product safety commission", "commission américaine de surveillance des produits"})
          if (sentence.find(cpsc) != std::string_view::npos) return true;
      }
    return false;
  };
  bool joint = says_joint_with_cpsc(n->description) || says_joint_with_cpsc(n->hazard_description);
  for (const auto& m : n->measures) joint = joint || says_joint_with_cpsc(m);
  if (joint) AddUnique(&n->market_countries, std::string("United States"));
}

RecordRead ReadOpenDataRecord(const Json& record) {
  RecordRead out;
  FieldReader f(record);
  Notice n;
  n.source = NoticeSource::kCaHealthCanada;
  n.id = f.Id({"NID"}, /*whole_numbers=*/true);
  out.id = n.id;
  if (n.id.empty() && f.error().empty()) f.Fail("no NID");
  const bool french = IsFrenchOpenDataRecord(record);
  const OpenDataKeys& key = french ? kFrenchKeys : kEnglishKeys;
  if (french) n.language = "fr";
  n.title = HtmlToText(f.Text({key.title}));
  n.url = f.Text({"URL"});
  if (!n.url.empty() && n.url[0] == '/') n.url = kOpenDataSiteRoot + n.url;
  n.product_name = HtmlToText(f.Text({key.product}));
  BrandsOfTitle(n.title, &n);
  if (n.product_name.empty()) ProductOfTitle(n.title, &n);
  else BrandsOfTitle(n.product_name, &n);
  if (n.brands.empty()) BrandBeforeTheProduct(n.title, &n);
  for (const auto& issue : SplitOnSpacedDash(HtmlToText(f.Text({key.issue})))) AddUnique(&n.hazard_types, issue);
  AddUnique(&n.measures, HtmlToText(f.Text({key.what_to_do})));
  {
    std::vector<std::string> categories;
    AddUnique(&categories, OrganizationCategory(f.Text({"Organization", "Organisation"}), french));
    for (const auto& c : SplitOnSpacedDash(HtmlToText(f.Text({key.category})))) AddUnique(&categories, c);
    for (size_t i = 0; i < categories.size(); ++i) n.category += (i ? "; " : "") + categories[i];
  }
  // "--" is the file's placeholder for no class (consumer products are not
  // graded), as it is no brand or model elsewhere.
  n.risk_level = f.Text({key.recall_class});
  if (IsUnknownPlaceholder(n.risk_level)) n.risk_level.clear();
  // The file's one date is a last-updated stamp, and thousands of its
  // records carry none that reads as a date, in forms nobody documents: the
  // exception to feed_import.h's rule. The notice is kept without the date,
  // with a warning, whatever the text: losing a recall over its stamp would
  // hide it from matching.
  const std::string updated = f.Text({key.last_updated});
  // Archived is a flag: "0" or "1", and as true or false where a file is
  // converted by a tool; metadata never loses a recall.
  const auto archived_value = record.find(std::string(key.archived));
  const bool archived_flag = archived_value != record.end() && archived_value->is_boolean();
  const std::string archived = archived_flag ? (archived_value->get<bool>() ? "1" : "0") : f.Text({key.archived});
  if (!f.error().empty()) {
    out.error = f.error();
    return out;
  }
  std::string why;
  if (updated.empty()) {
    out.warnings.push_back(fmt::format("no '{}': the notice has no date", key.last_updated));
  } else if (auto d = DayOfText(updated, &why)) {
    if (IsPlausibleNoticeDay(*d)) n.updated = d;
    else out.warnings.push_back(ImplausibleDay(key.last_updated, *d));
  } else {
    out.warnings.push_back(fmt::format("'{}' is not a date: '{}'; the date is left unknown", key.last_updated, updated));
  }
  if (!archived.empty() && archived != "0" && archived != "1")
    out.warnings.push_back(fmt::format("'{}' is '{}', not 0 or 1", key.archived, archived));
  AddJointRecallCountries(&n);
  n.raw = RawJson(record);
  out.notice = std::move(n);
  return out;
}

}  // namespace

RecordRead ReadHealthCanadaRecord(const Json& record) {
  // The open data file's records, by their NID or, without one, by the
  // keys only that file has (its English or French title, organisation).
  if (record.is_object() && (record.contains("NID") || (!record.contains("recallId") && !record.contains("recall_id") &&
                                                        (record.contains("Title") || record.contains("Titre") ||
                                                         record.contains("Organization") || record.contains("Organisation")))))
    return ReadOpenDataRecord(record);
  RecordRead out;
  FieldReader f(record);
  Notice n;
  n.source = NoticeSource::kCaHealthCanada;
  n.id = f.Id({"recallId", "recall_id"}, /*whole_numbers=*/true);
  out.id = n.id;
  if (n.id.empty() && f.error().empty()) f.Fail("no recallId");

  n.title = f.Text({"title"});
  n.published = EpochDay(f, record, "date_published", &out.warnings);
  n.started = EpochDay(f, record, "start_date", &out.warnings);
  {
    std::vector<std::string> categories;
    for (const auto& c : f.Strings({"category"})) AddUnique(&categories, CategoryName(c));
    for (size_t i = 0; i < categories.size(); ++i) n.category += (i ? "; " : "") + categories[i];
  }
  n.url = f.Text({"url"});
  if (!n.url.empty() && n.url[0] == '/') n.url = kSiteRoot + n.url;

  std::vector<std::string> names;
  if (const Json* panels = f.Array("panels")) {
    for (size_t i = 0; i < panels->size(); ++i) {
      const Json& p = (*panels)[i];
      if (!p.is_object()) {
        f.Fail(fmt::format("'panels[{}]' should be an object", i));
        break;
      }
      FieldReader pf(p);
      const std::string name = AsciiLower(pf.Text({"panelName"}));
      const std::string html = pf.Text({"text"});
      if (!pf.error().empty()) {
        f.Fail(fmt::format("panels[{}]: {}", i, pf.error()));
        break;
      }
      if (name == "basic_details") {
        for (const auto& [label, value] : LabelledLines(html)) {
          if (label == "product" || label == "produit") {
            AddUnique(&names, value);
          } else if (label == "issue" || label == "probleme") {
            for (const auto& hazard : IssueHazards(value)) AddUnique(&n.hazard_types, hazard);
          } else if (label == "what to do" || label == "que faire") {
            AddUnique(&n.measures, value);
          }
        }
      } else if (name.rfind("product", 0) == 0 || name == "affected_products") {
        if (const std::string text = HtmlToText(html); !text.empty() && n.description.find(text) == std::string::npos)
          n.description += (n.description.empty() ? "" : "\n") + text;
        ReadIdentifiers(html, &n, &names, &out.warnings);
      } else if (name == "cms_issue_problem" || name == "issue" || name == "details") {
        const std::string text = HtmlToText(html);
        if (!text.empty()) n.hazard_description += (n.hazard_description.empty() ? "" : "\n") + text;
      } else if (name == "cms_who_what_consumer" || name == "what_you_should_do" || name == "what_to_do") {
        AddUnique(&n.measures, HtmlToText(html));
      }
    }
  }
  n.product_name = names.empty() ? n.title : names.front();
  for (size_t i = 1; i < names.size(); ++i) n.product_name += "; " + names[i];
  if (n.brands.empty()) BrandBeforeAnotherName(names, &n);

  if (!f.error().empty()) {
    out.error = f.error();
    out.warnings.clear();
    return out;
  }
  out.warnings.insert(out.warnings.begin(), f.warnings().begin(), f.warnings().end());
  if (!f.has("date_published")) out.warnings.push_back("no date_published: the notice has no date");
  AddJointRecallCountries(&n);
  n.raw = RawJson(record);
  out.notice = std::move(n);
  return out;
}

}  // namespace conform::feed
