#include "conform/recalls/notice.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "conform/core/text.h"

namespace conform {

namespace {

using Json = nlohmann::ordered_json;

void PutText(Json& j, const char* key, const std::string& value) {
  if (!value.empty()) j[key] = value;
}

void PutList(Json& j, const char* key, const std::vector<std::string>& values) {
  if (!values.empty()) j[key] = values;
}

void PutDate(Json& j, const char* key, const std::optional<Date>& d) {
  if (d) j[key] = d->ToString();
}

// Readers for NoticeFromJson: a wrong type is an error naming the key.
Status GetText(const Json& j, const char* key, std::string* out) {
  const auto it = j.find(key);
  if (it == j.end()) return Status::Ok();
  if (!it->is_string()) return Error(ErrorCode::kInvalidInput, fmt::format("notice: '{}' must be a string", key));
  *out = it->get<std::string>();
  return Status::Ok();
}

Status GetList(const Json& j, const char* key, std::vector<std::string>* out) {
  const auto it = j.find(key);
  if (it == j.end()) return Status::Ok();
  if (!it->is_array()) return Error(ErrorCode::kInvalidInput, fmt::format("notice: '{}' must be an array of strings", key));
  for (const auto& v : *it) {
    if (!v.is_string()) return Error(ErrorCode::kInvalidInput, fmt::format("notice: '{}' must be an array of strings", key));
    out->push_back(v.get<std::string>());
  }
  return Status::Ok();
}

Status GetDate(const Json& j, const char* key, std::optional<Date>* out) {
  std::string text;
  if (Status st = GetText(j, key, &text); !st.ok()) return st;
  if (text.empty()) return Status::Ok();
  auto d = Date::Parse(text);
  if (!d.ok()) return Error(ErrorCode::kInvalidInput, fmt::format("notice: '{}': {}", key, d.error().ToString()));
  *out = d.value();
  return Status::Ok();
}

}  // namespace

const std::vector<NoticeSource>& AllNoticeSources() {
  static const std::vector<NoticeSource> all = {NoticeSource::kEuSafetyGate, NoticeSource::kUsCpsc, NoticeSource::kCaHealthCanada};
  return all;
}

std::string_view NoticeSourceName(NoticeSource source) {
  switch (source) {
    case NoticeSource::kEuSafetyGate: return "eu-safety-gate";
    case NoticeSource::kUsCpsc: return "us-cpsc";
    case NoticeSource::kCaHealthCanada: return "ca-health-canada";
  }
  return "unknown";
}

Result<NoticeSource> ParseNoticeSource(std::string_view name) {
  std::vector<std::string> names;
  for (NoticeSource s : AllNoticeSources()) {
    if (NoticeSourceName(s) == name) return s;
    names.emplace_back(NoticeSourceName(s));
  }
  return Error(ErrorCode::kInvalidInput, fmt::format("unknown notice source '{}'", name), SuggestionHint(name, names));
}

std::string NoticeToJson(const Notice& n, bool with_raw) {
  Json j;
  j["source"] = std::string(NoticeSourceName(n.source));
  j["id"] = n.id;
  PutText(j, "language", n.language);
  PutDate(j, "published", n.published);
  PutDate(j, "updated", n.updated);
  PutText(j, "updated_at", n.updated_at);
  PutDate(j, "started", n.started);
  PutText(j, "production_period", n.production_period);
  PutText(j, "title", n.title);
  PutText(j, "product_name", n.product_name);
  PutText(j, "description", n.description);
  PutText(j, "category", n.category);
  PutList(j, "brands", n.brands);
  PutList(j, "companies", n.companies);
  PutList(j, "model_numbers", n.model_numbers);
  PutList(j, "gtins", n.gtins);
  PutList(j, "invalid_barcodes", n.invalid_barcodes);
  PutList(j, "asins", n.asins);
  PutList(j, "batch_numbers", n.batch_numbers);
  PutText(j, "company_recall_code", n.company_recall_code);
  PutList(j, "hazard_types", n.hazard_types);
  PutText(j, "hazard_description", n.hazard_description);
  PutText(j, "risk_level", n.risk_level);
  PutList(j, "measures", n.measures);
  PutList(j, "origin_countries", n.origin_countries);
  PutText(j, "notifying_country", n.notifying_country);
  PutList(j, "market_countries", n.market_countries);
  PutList(j, "sold_at", n.sold_at);
  PutText(j, "units", n.units);
  PutText(j, "url", n.url);
  PutList(j, "related_urls", n.related_urls);
  if (with_raw) PutText(j, "raw", n.raw);
  if (with_raw) PutText(j, "other_form_raw", n.other_form_raw);
  // Invalid UTF-8 from a feed is replaced rather than failing the dump.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<Notice> NoticeFromJson(std::string_view json) {
  const Json j = Json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return Error(ErrorCode::kInvalidInput, "notice: not a JSON object");
  Notice n;
  std::string source;
  if (Status st = GetText(j, "source", &source); !st.ok()) return st.error();
  auto s = ParseNoticeSource(source);
  if (!s.ok()) return s.error();
  n.source = s.value();
  Status st;
  // Each reader leaves `st` holding the first error.
  auto text = [&](const char* key, std::string* out) { if (st.ok()) st = GetText(j, key, out); };
  auto list = [&](const char* key, std::vector<std::string>* out) { if (st.ok()) st = GetList(j, key, out); };
  auto date = [&](const char* key, std::optional<Date>* out) { if (st.ok()) st = GetDate(j, key, out); };
  text("id", &n.id);
  text("language", &n.language);
  date("published", &n.published);
  date("updated", &n.updated);
  text("updated_at", &n.updated_at);
  date("started", &n.started);
  text("production_period", &n.production_period);
  text("title", &n.title);
  text("product_name", &n.product_name);
  text("description", &n.description);
  text("category", &n.category);
  list("brands", &n.brands);
  list("companies", &n.companies);
  list("model_numbers", &n.model_numbers);
  list("gtins", &n.gtins);
  list("invalid_barcodes", &n.invalid_barcodes);
  list("asins", &n.asins);
  list("batch_numbers", &n.batch_numbers);
  text("company_recall_code", &n.company_recall_code);
  list("hazard_types", &n.hazard_types);
  text("hazard_description", &n.hazard_description);
  text("risk_level", &n.risk_level);
  list("measures", &n.measures);
  list("origin_countries", &n.origin_countries);
  text("notifying_country", &n.notifying_country);
  list("market_countries", &n.market_countries);
  list("sold_at", &n.sold_at);
  text("units", &n.units);
  text("url", &n.url);
  list("related_urls", &n.related_urls);
  text("raw", &n.raw);
  text("other_form_raw", &n.other_form_raw);
  if (!st.ok()) return st.error();
  if (n.id.empty()) return Error(ErrorCode::kInvalidInput, "notice: 'id' is required");
  return n;
}

bool SplitTypedBatches(std::string_view entry, std::string_view* type, std::string_view* batches) {
  const auto trim = [](std::string_view t) {
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front()))) t.remove_prefix(1);
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.remove_suffix(1);
    return t;
  };
  const auto is_code = [](std::string_view label) {
    const auto is = [&label](int (*test)(int)) {
      return std::any_of(label.begin(), label.end(), [test](char c) { return test(static_cast<unsigned char>(c)) != 0; });
    };
    return label.size() >= 4 && label.size() <= 20 && is(std::isalpha) && is(std::isdigit) &&
           std::all_of(label.begin(), label.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; });
  };
  // "<batches> (<type>[ words])".
  const std::string_view whole = trim(entry);
  if (const size_t open = whole.rfind('('); whole.ends_with(')') && open != std::string_view::npos && open > 0) {
    const std::string_view inside = trim(whole.substr(open + 1, whole.size() - open - 2));
    const std::string_view label = inside.substr(0, inside.find(' '));
    const std::string_view before = trim(whole.substr(0, open));
    if (is_code(label) && !before.empty()) {
      *type = label;
      *batches = before;
      return true;
    }
  }
  const size_t colon = entry.find(':');
  if (colon == std::string_view::npos) return false;
  const std::string_view label = trim(entry.substr(0, colon)), after = trim(entry.substr(colon + 1));
  if (!is_code(label) || after.empty() || !std::isdigit(static_cast<unsigned char>(after[0]))) return false;
  *type = label;
  *batches = after;
  return true;
}

}  // namespace conform
