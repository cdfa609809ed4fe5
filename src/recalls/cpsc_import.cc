// US CPSC recalls, as the saferproducts.gov Recall service returns them
// (format=json). Known quirks: failures come back as HTTP 200 with one
// record whose RecallID is 0; RecallNumber is text in some answers and a
// whole number in others (a boolean or a fraction is no recall number),
// with or without a hyphen ("20-163", "20163"); dates are "YYYY-MM-DD" or
// "YYYY-MM-DDTHH:MM:SS", read by the rule of feed_import.h;
// Products[].Model, .Type and Hazards[].HazardType are empty in recent
// records (model numbers live in the Description's prose); there is no
// brand field (a brand shows as "dba X" in a firm's name);
// Retailers[].Name is a sentence, not a name; ProductUPCs is mostly empty
// and may hold "N/A".
#include <fmt/format.h>

#include <algorithm>

#include "conform/core/text.h"
#include "feed_records.h"

namespace conform::feed {

namespace {

// "Hong Kong Baojia International Co. Ltd., dba Enhomee-Direct, of China"
// names the brand Enhomee-Direct.
std::string TradingName(const std::string& firm) {
  const std::string lower = AsciiLower(firm);
  for (std::string_view marker : {"doing business as ", "d/b/a ", "dba "}) {
    size_t at = lower.find(marker);
    while (at != std::string::npos && at > 0 && lower[at - 1] != ' ' && lower[at - 1] != ',') at = lower.find(marker, at + 1);
    if (at == std::string::npos) continue;
    const size_t start = at + marker.size();
    size_t end = firm.find(',', start);
    const size_t of = lower.find(" of ", start);
    if (of != std::string::npos && (end == std::string::npos || of < end)) end = of;
    return Trim(std::string_view(firm).substr(start, end == std::string::npos ? std::string::npos : end - start));
  }
  return "";
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
  return title.empty() ? std::string("RecallID is 0") : fmt::format("RecallID {}, Title '{}'", zero_id ? "0" : "missing", title);
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
      AddUnique(&n.model_numbers, pf.Text({"Model"}));
      AddUnique(&types, pf.Text({"Type"}));
      AddUnique(&units, pf.Text({"NumberOfUnits"}));
      if (!pf.error().empty()) f.Fail(fmt::format("Products[{}]: {}", i, pf.error()));
    }
  }
  n.product_name = JoinNonEmpty(names, "; ");
  n.category = JoinNonEmpty(types, "; ");
  n.units = JoinNonEmpty(units, "; ");

  for (const char* role : {"Manufacturers", "Importers", "Distributors"})
    for (const auto& firm : f.TextsOf(role, "Name")) {
      AddUnique(&n.companies, firm);
      AddUnique(&n.brands, TradingName(firm));
    }
  n.sold_at = f.TextsOf("Retailers", "Name");
  n.origin_countries = f.TextsOf("ManufacturerCountries", "Country");
  for (const auto& upc : f.TextsOf("ProductUPCs", "UPC")) AddBarcodes(upc, &n, &out.warnings);
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
