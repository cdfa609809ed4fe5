// US CPSC recalls, as the saferproducts.gov Recall service returns them
// (format=json). Known quirks: failures come back as HTTP 200 with one
// record whose RecallID is 0; RecallNumber is text in some answers and a
// whole number in others (a boolean or a fraction is no recall number),
// with or without a hyphen ("20-163", "20163"); dates are "YYYY-MM-DD" or
// "YYYY-MM-DDTHH:MM:SS", read by the rule of feed_import.h;
// Products[].Model, .Type and Hazards[].HazardType are empty in recent
// records (model numbers live in the Description's prose); there is no
// brand field (a brand shows as "dba X" in a firm's name, or in the prose:
// "BenQ-branded projectors", 'the brand name "Moodooy"');
// Retailers[].Name is a sentence, not a name; ProductUPCs is mostly empty
// and may hold "N/A", the UPC then given, if at all, in the Description
// ("SKU #70084, UPC 193175488718"); Products[].Model may be a placeholder.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "conform/core/text.h"
#include "conform/recalls/brand.h"
#include "conform/recalls/gtin.h"
#include "conform/recalls/text_similarity.h"
#include "feed_records.h"

namespace conform::feed {

namespace {

// Whether `name` ends in a legal form (Co., Ltd, Inc., LLC, GmbH, ...):
// a company's name, not a name it trades under.
bool IsCompanyName(std::string_view name) { return recalls::BrandKey(name) != recalls::NormalizeText(name); }

// "Hong Kong Baojia International Co. Ltd., dba Enhomee-Direct, of China"
// names the brand Enhomee-Direct. The trading name runs to the next ',' or
// " of ". Within it, " or " joins alternatives: another trading name ("dba
// Acme or Acme Direct": both), or the firm's name again, which has a legal
// form ("D/B/A Trsmima or Hunan Pineapple Electronic Commerce Co., Ltd.":
// Trsmima alone).
std::vector<std::string> TradingNames(const std::string& firm) {
  const std::string lower = AsciiLower(firm);
  for (std::string_view marker : {"doing business as ", "d/b/a ", "dba "}) {
    size_t at = lower.find(marker);
    while (at != std::string::npos && at > 0 && lower[at - 1] != ' ' && lower[at - 1] != ',') at = lower.find(marker, at + 1);
    if (at == std::string::npos) continue;
    const size_t start = at + marker.size();
    size_t end = firm.find(',', start);
    const size_t of = lower.find(" of ", start);
    if (of != std::string::npos && (end == std::string::npos || of < end)) end = of;
    if (end == std::string::npos) end = firm.size();
    std::vector<std::string> names;
    for (size_t from = start; from < end;) {
      size_t to = lower.find(" or ", from);
      if (to == std::string::npos || to >= end) to = end;
      const std::string name = Trim(std::string_view(firm).substr(from, to - from));
      if (names.empty() || !IsCompanyName(name)) AddUnique(&names, name);
      from = to == end ? end : to + 4;
    }
    return names;
  }
  return {};
}

bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// The brands CPSC's prose names as such: "BenQ-branded portable
// projectors", "Brookstone-Branded Tabletop Fire Pits", 'The brand name
// "Moodooy" and model "F311" are printed'. The record has no brand field,
// and its firms' names are a maker's or an importer's, rarely the brand
// on the product. Before "-branded": the word, and the capitalised words
// just before it that are not a sentence's opening ("Instant Pot-branded",
// "The Brookstone-branded"); a brand name only in quotes.
std::vector<std::string> BrandsNamedInProse(std::string_view text) {
  const std::string lower = AsciiLower(text);
  std::vector<std::string> out;
  const auto quote = [](char c) { return c == '"' || c == '\''; };
  const auto word_start = [&lower](size_t end) {
    while (end > 0 && lower[end - 1] != ' ' && lower[end - 1] != '\n' && lower[end - 1] != '(') --end;
    return end;
  };
  static constexpr std::string_view kOpenings[] = {"the", "a", "an", "this", "these", "those", "all", "some", "recalled", "its", "their", "and", "or", "of", "involves"};
  for (size_t at = lower.find("-branded"); at != std::string::npos; at = lower.find("-branded", at + 1)) {
    size_t begin = word_start(at);
    for (int more = 0; more < 2 && begin >= 2 && text[begin - 1] == ' '; ++more) {
      const size_t previous = word_start(begin - 1);
      const std::string_view word = std::string_view(lower).substr(previous, begin - 1 - previous);
      const bool capitalised = std::isupper(static_cast<unsigned char>(text[previous])) != 0;
      if (!capitalised || word.empty() || !IsAlnum(word.back()) ||
          std::find(std::begin(kOpenings), std::end(kOpenings), word) != std::end(kOpenings))
        break;
      begin = previous;
    }
    std::string_view brand = text.substr(begin, at - begin);
    while (!brand.empty() && quote(brand.front())) brand.remove_prefix(1);
    while (!brand.empty() && quote(brand.back())) brand.remove_suffix(1);
    // "non-branded", "co-branded", "store-branded" name no brand.
    static constexpr std::string_view kNotBrands[] = {"non", "un", "co", "self", "private", "own", "store", "dual", "double", "multi", "cross", "re"};
    const std::string word = AsciiLower(brand);
    if (brand.empty() || IsUnknownPlaceholder(brand) || std::find(std::begin(kNotBrands), std::end(kNotBrands), word) != std::end(kNotBrands)) continue;
    AddUnique(&out, std::string(brand));
  }
  for (size_t at = lower.find("brand name \""); at != std::string::npos; at = lower.find("brand name \"", at + 1)) {
    const size_t begin = at + 12, end = text.find('"', begin);
    if (end == std::string_view::npos || end == begin || end - begin > 40) continue;
    const std::string_view brand = text.substr(begin, end - begin);
    if (!IsUnknownPlaceholder(brand)) AddUnique(&out, std::string(brand));
  }
  return out;
}

// The names a recall's prose says are printed on the product ("Instant Pot
// is printed on the front of the multicookers"): a sentence whose subject
// is one to three capitalised words without digits (printed, written,
// embossed or molded on it). The product name may open with a line of the
// brand's instead ("Gem 65 8-in-1 multicookers").
std::vector<std::string> BrandsPrintedOnTheProduct(std::string_view text) {
  static constexpr std::string_view kOpenings[] = {"the", "a", "an", "this", "these", "those", "all", "some", "its", "their", "model", "item"};
  const std::string lower = AsciiLower(text);
  std::vector<std::string> out;
  for (const std::string_view verb : {" is printed on ", " is written on ", " is embossed on ", " is molded on ", " is moulded on "})
    for (size_t at = lower.find(verb); at != std::string::npos; at = lower.find(verb, at + 1)) {
      size_t begin = at;
      while (begin > 0 && text[begin - 1] != '.' && text[begin - 1] != '\n' && text[begin - 1] != ';') --begin;
      std::string_view subject = text.substr(begin, at - begin);
      while (!subject.empty() && subject.front() == ' ') subject.remove_prefix(1);
      std::vector<std::string_view> words;
      for (size_t from = 0; from < subject.size();) {
        const size_t to = std::min(subject.find(' ', from), subject.size());
        words.push_back(subject.substr(from, to - from));
        from = to + 1;
      }
      bool name = !words.empty() && words.size() <= 3;
      for (const std::string_view w : words)
        name = name && !w.empty() && std::isupper(static_cast<unsigned char>(w.front())) != 0 && std::none_of(w.begin(), w.end(), IsAsciiDigit) &&
               std::find(std::begin(kOpenings), std::end(kOpenings), AsciiLower(w)) == std::end(kOpenings);
      if (name && !IsUnknownPlaceholder(subject)) AddUnique(&out, std::string(subject));
    }
  return out;
}

// The brand a product name opens with, when the prose shows it to be one:
// CPSC names products by brand and kind ("Sloosh Dive Sticks", "Galanz
// Retro Refrigerators") in title case, and its prose writes the kind in
// lower case after the brand ("This recall involves Sloosh dive sticks",
// "The Galanz retro-style refrigerators"; or a number: "the Predator
// 2000-Watt Power Station"). Only then: a kind of product
// opens names too ("Cordless Vacuum Cleaners"), but the prose writes it in
// lower case, and a run of capitalised words ("World Class Fireworks",
// "Granitestone Diamond Pro Blue") does not tell where the brand ends. Not
// at a sentence's opening, where every word is capitalised.
std::string BrandOpeningTheProductName(std::string_view product_name, std::string_view prose) {
  const auto word_end = [](std::string_view t, size_t i) {
    while (i < t.size() && t[i] != ' ' && t[i] != '\n' && t[i] != ',' && t[i] != ';') ++i;
    return i;
  };
  std::string_view first = product_name.substr(0, word_end(product_name, 0));
  // "Gigglescape™": the mark is not part of the name.
  for (const std::string_view mark : {"\u2122", "\u00ae"})
    if (first.ends_with(mark)) first.remove_suffix(mark.size());
  const auto upper = [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; };
  const auto lower = [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0; };
  if (first.size() < 2 || !upper(first[0]) || !std::all_of(first.begin(), first.end(), [](char c) { return IsAlnum(c) || c == '\''; }))
    return "";
  static constexpr std::string_view kNotBrands[] = {"The", "A", "An", "This", "These", "All", "Some", "Certain", "Recalled", "Children's", "Kids", "Adult", "Baby"};
  if (std::find(std::begin(kNotBrands), std::end(kNotBrands), first) != std::end(kNotBrands)) return "";
  for (size_t at = prose.find(first); at != std::string_view::npos; at = prose.find(first, at + 1)) {
    const size_t end = at + first.size();
    if ((at > 0 && (IsAlnum(prose[at - 1]) || prose[at - 1] == '-')) || end + 1 >= prose.size() || prose[end] != ' ') continue;
    // Mid-sentence: a word before it, not ending a sentence.
    size_t before = at;
    while (before > 0 && prose[before - 1] == ' ') --before;
    if (before == 0 || prose[before - 1] == '.' || prose[before - 1] == '\n' || prose[before - 1] == '!' || prose[before - 1] == '?') continue;
    if (lower(prose[end + 1]) || IsAsciiDigit(prose[end + 1])) return std::string(first);
  }
  return "";
}


// Past the spaces at text[i].
size_t SkipSpaces(std::string_view text, size_t i) {
  while (i < text.size() && text[i] == ' ') ++i;
  return i;
}

// The end of the longest of `words` standing at lower[p] as a whole word,
// or npos.
size_t WordEnd(const std::string& lower, size_t p, std::initializer_list<std::string_view> words) {
  size_t end = std::string::npos;
  for (std::string_view w : words)
    if (lower.compare(p, w.size(), w) == 0 && (p + w.size() == lower.size() || !IsAlnum(lower[p + w.size()])) &&
        (end == std::string::npos || p + w.size() > end))
      end = p + w.size();
  return end;
}

// Past one of `words` at lower[p] and the spaces after it; `p` when none
// is there.
size_t SkipWord(const std::string& lower, size_t p, std::initializer_list<std::string_view> words) {
  const size_t end = WordEnd(lower, p, words);
  return end == std::string::npos ? p : SkipSpaces(lower, end);
}

// The code starting at text[i] (a digit): digit groups joined by single
// spaces or hyphens ("0 12345 67890 5", "8-49398-06563-1"); `*end` is set
// past it.
std::string CodeAt(std::string_view text, size_t i, size_t* end) {
  size_t j = i;
  while (j < text.size() &&
         (IsAsciiDigit(text[j]) || ((text[j] == ' ' || text[j] == '-') && j + 1 < text.size() && IsAsciiDigit(text[j + 1]) && IsAsciiDigit(text[j - 1]))))
    ++j;
  *end = j;
  return std::string(text.substr(i, j - i));
}

// The codes a label in the Description names: the label (UPC, EAN, GTIN,
// barcode, any case, a whole word), optionally "code", "number" or "no.",
// '#' or ':', "is" ("The UPC number is 0-80313-08131-6"), then one code or
// several joined by ',', ';', '/', "and" or "or" ("UPCs 012345678905 and
// 036000291452"). A number without such a label is never taken: item
// numbers, SKUs and unit counts look alike.
std::vector<std::string> LabelledCodes(std::string_view description) {
  const std::string lower = AsciiLower(description);
  std::vector<std::string> codes;
  for (size_t i = 0; i < lower.size(); ++i) {
    if (i > 0 && IsAlnum(lower[i - 1])) continue;
    size_t p = WordEnd(lower, i, {"upc", "upcs", "ean", "eans", "gtin", "gtins", "barcode", "barcodes", "bar code", "bar codes"});
    if (p == std::string::npos) continue;
    p = SkipWord(lower, SkipSpaces(lower, p), {"code", "codes", "number", "numbers", "no.", "nos."});
    if (p < lower.size() && (lower[p] == '#' || lower[p] == ':')) p = SkipSpaces(lower, p + 1);
    p = SkipWord(lower, p, {"is", "are"});
    while (p < lower.size() && IsAsciiDigit(lower[p])) {
      size_t end = 0;
      codes.push_back(CodeAt(description, p, &end));
      p = SkipSpaces(lower, end);
      if (p < lower.size() && (lower[p] == ',' || lower[p] == ';' || lower[p] == '/')) p = SkipSpaces(lower, p + 1);
      else if (lower.compare(p, 4, "and ") == 0 || lower.compare(p, 3, "or ") == 0) p = SkipSpaces(lower, p + (lower[p] == 'a' ? 4 : 3));
      else break;
    }
    i = p > i ? p - 1 : i;
  }
  return codes;
}

// The GTINs the Description labels as such (LabelledCodes), for records
// whose ProductUPCs leaves them out. A labelled code of eight digits or
// more that is not a GTIN is reported as a barcode field's would be (once:
// ProductUPCs may hold it too); a shorter number after a label is not
// meant as a whole code ("UPC BAR CODE 426028" heads a table).
void AddDescriptionGtins(std::string_view description, Notice* n, std::vector<std::string>* warnings) {
  for (const std::string& code : LabelledCodes(description)) {
    BarcodeScan scan = ExtractGtins(code);
    for (auto& g : scan.gtins) AddUnique(&n->gtins, g);
    for (const auto& p : scan.problems) {
      if (std::count_if(p.text.begin(), p.text.end(), IsAsciiDigit) < 8) continue;
      const std::string invalid = fmt::format("{}: {}", p.text, p.reason);
      if (std::find(n->invalid_barcodes.begin(), n->invalid_barcodes.end(), invalid) != n->invalid_barcodes.end()) continue;
      n->invalid_barcodes.push_back(invalid);
      warnings->push_back(fmt::format("barcode '{}' in the Description is not a GTIN: {}", p.text, p.reason));
    }
  }
}

std::string JoinNonEmpty(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

}  // namespace

std::string CpscErrorRecordMessage(const Json& record) {
  if (!record.is_object()) return "";
  const auto id = record.find("RecallID");
  const bool zero_id = id != record.end() && ((id->is_number() && id->get<double>() == 0) || (id->is_string() && Trim(id->get<std::string>()) == "0"));
  std::string title;
  if (const auto t = record.find("Title"); t != record.end() && t->is_string()) title = Trim(t->get<std::string>());
  const bool error_title = title.rfind("Error retrieving", 0) == 0;
  if (!zero_id && !error_title) return "";
  // The id as the record gives it: 0 is the service's mark of an error.
  const std::string id_text = zero_id                ? "0 (the service's mark of an error)"
                              : id == record.end()   ? std::string("missing")
                              : id->is_string()      ? id->get<std::string>()
                                                     : id->dump();
  return title.empty() ? std::string("RecallID is 0 (the service's mark of an error)") : fmt::format("RecallID {}, Title '{}'", id_text, title);
}

RecordRead ReadCpscRecord(const Json& record) {
  RecordRead out;
  FieldReader f(record);
  Notice n;
  n.source = NoticeSource::kUsCpsc;
  // Text or a whole number; true or 21004.5 is no recall number.
  std::string number = f.Id({"RecallNumber"}, /*whole_numbers=*/true);
  number.erase(std::remove(number.begin(), number.end(), '-'), number.end());
  n.id = number;
  out.id = n.id;
  if (n.id.empty() && f.error().empty()) f.Fail("no RecallNumber");

  const size_t placeholder_dates = f.warnings().size();
  n.published = f.Day({"RecallDate"});
  const bool recall_date_placeholder = f.warnings().size() > placeholder_dates;
  n.updated = f.Day({"LastPublishDate"});
  if (n.updated) n.updated_at = f.Instant({"LastPublishDate"});
  n.title = f.Text({"Title"});
  n.description = f.Text({"Description"});
  n.url = f.Text({"URL"});

  std::vector<std::string> names, units, types;
  if (const Json* products = f.Array("Products")) {
    for (size_t i = 0; i < products->size(); ++i) {
      const Json& p = (*products)[i];
      if (!p.is_object()) {
        f.Fail(fmt::format("'Products[{}]' should be an object", i));
        break;
      }
      FieldReader pf(p);
      AddUnique(&names, pf.Text({"Name"}));
      if (std::string d = pf.Text({"Description"}); !d.empty() && n.description.find(d) == std::string::npos)
        n.description += (n.description.empty() ? "" : "\n") + d;
      // One per line or ';' ("GV31-S; GV31-T"), as Safety Gate's; "N/A" is
      // no model number.
      for (const auto& line : SplitList(pf.Text({"Model"}), ";")) AddLines(line, &n.model_numbers);
      AddUnique(&types, pf.Text({"Type"}));
      AddUnique(&units, pf.Text({"NumberOfUnits"}));
      if (!pf.error().empty()) f.Fail(fmt::format("Products[{}]: {}", i, pf.error()));
    }
  }
  n.product_name = JoinNonEmpty(names, "; ");
  n.category = JoinNonEmpty(types, "; ");
  n.units = JoinNonEmpty(units, "; ");

  // The product's brand first, then the firms' trading names.
  for (auto& brand : BrandsNamedInProse(n.product_name + "\n" + n.description)) AddUnique(&n.brands, std::move(brand));
  if (n.brands.empty())
    if (std::string brand = BrandOpeningTheProductName(n.product_name, n.description); !brand.empty()) n.brands.push_back(std::move(brand));
  for (auto& brand : BrandsPrintedOnTheProduct(n.description)) AddUnique(&n.brands, std::move(brand));
  for (const char* role : {"Manufacturers", "Importers", "Distributors"})
    for (const auto& firm : f.TextsOf(role, "Name")) {
      AddUnique(&n.companies, firm);
      for (const auto& brand : TradingNames(firm)) AddUnique(&n.brands, brand);
    }
  n.sold_at = f.TextsOf("Retailers", "Name");
  n.origin_countries = f.TextsOf("ManufacturerCountries", "Country");
  for (const auto& upc : f.TextsOf("ProductUPCs", "UPC")) AddBarcodes(upc, &n, &out.warnings);
  AddDescriptionGtins(n.description, &n, &out.warnings);
  n.hazard_description = JoinNonEmpty(f.TextsOf("Hazards", "Name"), "\n");
  n.hazard_types = f.TextsOf("Hazards", "HazardType");
  for (const auto& r : f.TextsOf("Remedies", "Name")) AddUnique(&n.measures, r);
  for (const auto& r : f.TextsOf("RemedyOptions", "Option")) AddUnique(&n.measures, r);
  // Joint recalls: a URL at the other regulator in recent records, a
  // country in old ones.
  n.related_urls = f.TextsOf("Inconjunctions", "URL");
  n.market_countries = f.TextsOf("Inconjunctions", "Country");

  if (!f.error().empty()) {
    out.error = f.error();
    out.warnings.clear();
    return out;
  }
  out.warnings.insert(out.warnings.begin(), f.warnings().begin(), f.warnings().end());
  if (!n.published && !recall_date_placeholder) out.warnings.push_back("no RecallDate: the notice has no date");
  n.raw = RawJson(record);
  out.notice = std::move(n);
  return out;
}

}  // namespace conform::feed
