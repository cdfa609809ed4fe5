// EU Safety Gate alerts. Three namings of the same fields are read: the
// weekly-report export as flattened to JSON (alert_number, barcode, ...,
// with the literal text "None" for an empty field), the OpenDataSoft
// open-data export (alert_number, alert_date, product_barcode, ...) and the
// XML export's element names (caseNumber, barcode, ...). An alert number
// is text ("A12/00017/20"); dates (alert_date, modification_date) are
// "YYYY-MM-DD", optionally with a time, read by the rule of feed_import.h.
// Fields whose meaning is a list (brands, model types, barcodes, batch
// numbers, countries, measures) come as text or as an array of text,
// depending on the export. A model field may list several models, one per
// line or joined by ';', each entry often led by a label ("Model: QC-3000;
// QC-3001").
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "conform/core/text.h"
#include "feed_records.h"

namespace conform::feed {

namespace {

// Text of the first present key, with the export's "None" read as empty.
std::string Value(FieldReader& f, std::initializer_list<std::string_view> keys) {
  std::string v = f.Text(keys);
  return v == "None" ? "" : v;
}

// A list field (Strings): text or an array of text, each item with the
// export's "None" left out.
std::vector<std::string> Values(FieldReader& f, std::initializer_list<std::string_view> keys) {
  std::vector<std::string> out;
  for (auto& v : f.Strings(keys))
    if (v != "None") out.push_back(std::move(v));
  return out;
}

// The labels an entry of an alert's model field may start with, folded
// (FoldedLabel) and without a final full stop: English, as alerts are
// published, and the German and French forms printed on products sold in
// the EU and copied from their labels (Art.-Nr., Artikelnummer, Modell,
// Typ; Réf., Référence, Modèle).
constexpr std::string_view kModelLabels[] = {
    "model", "model no", "model number", "type", "type no", "type number", "art. no", "art no", "article no", "article number",
    "item no", "item number", "ref", "ref. no", "reference", "art.-nr", "art.nr", "artikel-nr", "artikelnummer", "modell", "typ",
    "modele"};

// `s` in ASCII lower case, accents dropped, runs of spaces (no-break
// spaces too) made one, without a final full stop: "Réf. " and "REF."
// fold alike, to "ref".
std::string FoldedLabel(std::string_view s) {
  const std::string folded = AsciiLower(FoldLatinDiacritics(s));
  std::string out;
  for (size_t i = 0; i < folded.size(); ++i) {
    const bool nbsp = folded.compare(i, 2, "\xC2\xA0") == 0;
    if (nbsp) ++i;
    if (nbsp || folded[i] == ' ' || folded[i] == '\t') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      continue;
    }
    out.push_back(folded[i]);
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '.')) out.pop_back();
  return out;
}

// An entry of the model field without a leading label ("Model: QC-3000":
// "QC-3000"). Only a known label followed by a colon is dropped: a code
// may itself hold a colon, and without one "Model S" and "Type R" are the
// names of cars.
std::string WithoutModelLabel(const std::string& entry) {
  const size_t colon = entry.find(':');
  if (colon == std::string::npos || colon > 40) return entry;
  const std::string label = FoldedLabel(std::string_view(entry).substr(0, colon));
  for (std::string_view known : kModelLabels)
    if (label == known) return Trim(std::string_view(entry).substr(colon + 1));
  return entry;
}

// The model field: several models, one per line or joined by ';'
// ("Model: QC-3000; QC-3001"), each without its label. Not split at ','
// or '/', which codes and ratings hold ("A/B-100", "1,5 kW").
void AddModels(std::string_view field, std::vector<std::string>* list) {
  if (IsUnknownPlaceholder(field)) return;
  for (const auto& entry : SplitList(field, ";\n"))
    if (std::string code = WithoutModelLabel(entry); !IsUnknownPlaceholder(code)) AddUnique(list, code);
}

// The batch field sometimes lists the batches under each type number
// ("E2037: 2318, 2319 and 2322", IKEA's VARMFRONT power banks, whose model
// field is empty): the label before the colon, a code of letters and
// digits, is a type number; so is the code in brackets after a range
// ("From MCPF-1000050 to MCPF-1003289 (HRM4000 Live)", Honda's Miimo
// mowers). Such labels, when the model field gives none.
std::vector<std::string> TypeNumbersOverBatches(const std::vector<std::string>& batches) {
  std::vector<std::string> out;
  std::string_view type, listed;
  for (const std::string& line : batches)
    if (SplitTypedBatches(line, &type, &listed)) AddUnique(&out, std::string(type));
  return out;
}

// Market countries: several in one item, joined by ',', ';' or a line
// break ("Austria, Belgium").
void AddCountries(const std::vector<std::string>& items, std::vector<std::string>* list) {
  for (const auto& item : items)
    for (const auto& c : SplitList(item, ",;\n"))
      if (!IsUnknownPlaceholder(c)) AddUnique(list, c);
}

// A vehicle alert without a brand may give its makes in capitals before
// the models it lists ("GOUPIL / POLARIS G2, G4, G6", a utility vehicle
// sold under both makes): those words are its brands, and the rest its
// description. Only a make of three letters or more, joined to another by
// " / " or followed by a model and a list; a model list alone ("KUGA,
// PUMA") stays the description.
void TakeMakesFromDescription(Notice* n) {
  const std::string_view d = n->description;
  const auto is_make = [](std::string_view w) {
    return w.size() >= 3 && std::all_of(w.begin(), w.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '-'; });
  };
  std::vector<std::string> makes;
  size_t at = 0;
  bool joined = false;
  for (;;) {
    const size_t end = std::min(d.find(' ', at), d.size());
    const std::string_view word = d.substr(at, end - at);
    if (!is_make(word) || end == d.size()) break;
    makes.emplace_back(word);
    at = end + 1;
    if (d.substr(at).starts_with("/ ")) {
      at += 2;
      joined = true;
    } else {
      break;
    }
  }
  // One make alone is followed by a model and a list ("DACIA Sandero,
  // Duster"); makes joined by " / " by their models.
  if (makes.empty() || at >= d.size() || (!joined && d.substr(at).find(", ") == std::string_view::npos)) return;
  n->brands = std::move(makes);
  n->description = std::string(d.substr(at));
}

}  // namespace

RecordRead ReadSafetyGateRecord(const Json& record) {
  RecordRead out;
  FieldReader f(record);
  Notice n;
  n.source = NoticeSource::kEuSafetyGate;
  n.id = f.Id({"alert_number", "caseNumber"}, /*whole_numbers=*/false);  // "A12/00017/20": text only
  if (n.id == "None") n.id.clear();
  // Alert numbers are written in capitals ("A12/01135/24", "SR/00417/24"):
  // one typed in lower case is the same alert.
  for (char& c : n.id)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  out.id = n.id;
  if (n.id.empty() && f.error().empty()) f.Fail("no alert number ('alert_number' or 'caseNumber')");

  n.published = f.Day({"alert_date", "publicationDate"});
  n.updated = f.Day({"modification_date"});
  if (n.updated) n.updated_at = f.Instant({"modification_date"});
  n.production_period = Value(f, {"production_dates", "productionDates"});
  n.product_name = Value(f, {"product_name", "name"});
  n.description = Value(f, {"product_description", "productDescription", "description"});
  n.category = Value(f, {"product_category", "category"});
  // List fields: text as the export writes it, or an array of text.
  for (const auto& b : Values(f, {"brand", "product_brand"})) AddBrands(b, &n);
  // Makers that recall a vehicle together write their makes with '&'
  // ("Citroen & DS", three alerts of the sample). No make of road vehicle
  // has one in its name, so in that category it parts brands as ',' does
  // (a parts maker so named is parted too, and either part then agrees
  // with a listing's brand, as a joint recall's makes do); elsewhere it
  // stays ("SUN & SPORT").
  // A make and its maker's company name written with " - " between ("VW -
  // Volkswagen AG") are parted too: each agrees with a listing's brand.
  if (AsciiLower(Trim(n.category)).starts_with("motor vehicle")) {
    std::vector<std::string> makes;
    for (const std::string& brand : n.brands)
      for (const std::string& make : SplitList(brand, "&")) {
        std::string_view rest = make;
        for (size_t dash = rest.find(" - "); !rest.empty(); dash = rest.find(" - ")) {
          const std::string part = Trim(rest.substr(0, dash));
          if (!part.empty() && !IsUnknownPlaceholder(part)) AddUnique(&makes, part);
          rest = dash == std::string_view::npos ? std::string_view() : rest.substr(dash + 3);
        }
      }
    n.brands = std::move(makes);
    if (n.brands.empty()) TakeMakesFromDescription(&n);
  }
  for (const auto& m : Values(f, {"model_type_number", "product_model_type", "typeNumberModel"})) AddModels(m, &n.model_numbers);
  for (const auto& b : Values(f, {"barcode", "product_barcode"})) AddBarcodes(b, &n, &out.warnings);
  for (const auto& b : Values(f, {"batch_number", "product_batch_number", "batchNumber"})) AddLines(b, &n.batch_numbers);
  // "All" (every batch) restricts nothing: no batch number.
  std::erase_if(n.batch_numbers, [](const std::string& b) {
    const std::string l = AsciiLower(Trim(b));
    return l == "all" || l == "all batches" || l == "all lots" || l == "alle" || l == "tous" || l == "todos" || l == "tutti";
  });
  n.company_recall_code = Value(f, {"company_recall_code", "product_recall_code", "companyRecallCode"});
  if (n.model_numbers.empty()) {
    for (const std::string& type : TypeNumbersOverBatches(n.batch_numbers)) {
      out.warnings.push_back(fmt::format("type number {} read from the batch field, which lists batches by type", type));
      n.model_numbers.push_back(type);
    }
  }

  for (const char* key : {"risk_type", "alert_type", "riskType"})
    for (const auto& v : Values(f, {key}))
      for (const auto& t : SplitList(v, ",;")) AddUnique(&n.hazard_types, t);
  n.hazard_description = Value(f, {"alert_description", "riskDescription", "risk_description"});
  n.risk_level = Value(f, {"alert_level", "riskLevel", "risk_level"});
  for (const char* key : {"compulsory_measures", "compulsoryMeasures", "voluntary_measures", "voluntaryMeasures", "measures_country"})
    for (const auto& v : Values(f, {key})) AddUnique(&n.measures, v);

  // Countries parted by commas ("China, Germany"), but not inside a name
  // in the ISO form ("Korea, Republic of", "Taiwan, Province of China").
  for (const auto& c : Values(f, {"country_of_origin", "countryOfOrigin"})) {
    std::vector<std::string> countries;
    for (std::string part : SplitList(c, ",")) {
      const std::string l = AsciiLower(part);
      const bool qualifier = l.ends_with(" of") || l.ends_with(" of the") || l.starts_with("province of") || l == "the";
      if (qualifier && !countries.empty()) countries.back() += ", " + part;
      else countries.push_back(std::move(part));
    }
    for (const auto& country : countries)
      if (!IsUnknownPlaceholder(country)) AddUnique(&n.origin_countries, country);
  }
  n.notifying_country = Value(f, {"alert_submitted_by", "alert_country", "submittedBy", "notifyingCountry"});
  AddCountries(Values(f, {"found_and_measures_taken_in", "distributionCountries"}), &n.market_countries);

  n.url = Value(f, {"case_url", "rapex_url", "urlOfCase"});
  for (const char* key : {"company_recall_page", "product_recall_url", "companyRecallPage"})
    for (const auto& v : Values(f, {key}))  // one a line: "https://a\nhttps://b"
      for (const auto& url : SplitList(v, "\n")) AddUnique(&n.related_urls, url);

  if (!f.error().empty()) {
    out.error = f.error();
    out.warnings.clear();
    return out;
  }
  out.warnings.insert(out.warnings.begin(), f.warnings().begin(), f.warnings().end());
  if (n.product_name.empty() && n.description.empty() && n.brands.empty() && n.gtins.empty())
    out.warnings.push_back("names no product: no product name, description, brand or barcode");
  n.raw = RawJson(record);
  out.notice = std::move(n);
  return out;
}

}  // namespace conform::feed
