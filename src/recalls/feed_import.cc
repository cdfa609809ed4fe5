#include "conform/recalls/feed_import.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "conform/recalls/gtin.h"
#include "feed_records.h"

namespace conform {

namespace feed {

namespace {

const char* TypeName(const Json& v) {
  switch (v.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::object: return "an object";
    case Json::value_t::array: return "an array";
    case Json::value_t::string: return "text";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::binary: return "binary data";
    case Json::value_t::discarded: return "nothing";
    default: return "a number";
  }
}

// The value of the first of `keys` that is present and not null.
const Json* Find(const Json& object, std::initializer_list<std::string_view> keys, std::string_view* found_key) {
  for (std::string_view key : keys) {
    const auto it = object.find(key);
    if (it != object.end() && !it->is_null()) {
      if (found_key) *found_key = key;
      return &*it;
    }
  }
  return nullptr;
}

std::string ScalarText(const Json& v) {
  if (v.is_string()) return Trim(v.get<std::string>());
  return v.dump();
}

}  // namespace

std::string Trim(std::string_view s) {
  const char* ws = " \t\r\n\f\v";
  const size_t b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return "";
  const size_t e = s.find_last_not_of(ws);
  return std::string(s.substr(b, e - b + 1));
}

std::vector<std::string> SplitList(std::string_view s, std::string_view separators) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= s.size()) {
    const size_t end = s.find_first_of(separators, start);
    std::string part = Trim(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (!part.empty()) parts.push_back(std::move(part));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

void AddUnique(std::vector<std::string>* list, const std::string& value) {
  if (!value.empty() && std::find(list->begin(), list->end(), value) == list->end()) list->push_back(value);
}

std::string RawJson(const Json& record) { return record.dump(-1, ' ', false, Json::error_handler_t::replace); }

void AddBarcodes(std::string_view field, Notice* notice, std::vector<std::string>* warnings) {
  BarcodeScan scan = ExtractGtins(field);
  for (auto& g : scan.gtins) AddUnique(&notice->gtins, g);
  for (const auto& p : scan.problems) {
    AddUnique(&notice->invalid_barcodes, fmt::format("{}: {}", p.text, p.reason));
    warnings->push_back(fmt::format("barcode '{}' is not a GTIN: {}", p.text, p.reason));
  }
}

bool FieldReader::has(std::string_view key) const {
  const auto it = object_.find(key);
  return it != object_.end() && !it->is_null();
}

void FieldReader::Fail(std::string message) {
  if (error_.empty()) error_ = std::move(message);
}

std::string FieldReader::Text(std::initializer_list<std::string_view> keys) {
  std::string_view key;
  const Json* v = Find(object_, keys, &key);
  if (v == nullptr) return "";
  if (v->is_array() || v->is_object()) {
    Fail(fmt::format("'{}' should be text, found {}", key, TypeName(*v)));
    return "";
  }
  return ScalarText(*v);
}

const Json* FieldReader::Array(std::string_view key) {
  const Json* v = Find(object_, {key}, nullptr);
  if (v == nullptr) return nullptr;
  if (!v->is_array()) {
    Fail(fmt::format("'{}' should be an array, found {}", key, TypeName(*v)));
    return nullptr;
  }
  return v;
}

std::vector<std::string> FieldReader::Strings(std::string_view key) {
  std::vector<std::string> out;
  const Json* v = Find(object_, {key}, nullptr);
  if (v == nullptr) return out;
  if (v->is_array()) {
    for (const auto& e : *v) {
      if (e.is_null()) continue;
      if (e.is_array() || e.is_object()) {
        Fail(fmt::format("'{}' should hold text, found {}", key, TypeName(e)));
        return {};
      }
      AddUnique(&out, ScalarText(e));
    }
    return out;
  }
  if (v->is_object()) {
    Fail(fmt::format("'{}' should be text or an array of text, found an object", key));
    return out;
  }
  AddUnique(&out, ScalarText(*v));
  return out;
}

std::vector<std::string> FieldReader::TextsOf(std::string_view array, std::string_view key) {
  std::vector<std::string> out;
  const Json* a = Array(array);
  if (a == nullptr) return out;
  for (size_t i = 0; i < a->size(); ++i) {
    const Json& e = (*a)[i];
    if (e.is_null()) continue;
    if (e.is_string() || e.is_number()) {
      AddUnique(&out, ScalarText(e));
      continue;
    }
    if (!e.is_object()) {
      Fail(fmt::format("'{}[{}]' should be an object, found {}", array, i, TypeName(e)));
      return {};
    }
    const auto it = e.find(key);
    if (it == e.end() || it->is_null()) continue;
    if (it->is_array() || it->is_object()) {
      Fail(fmt::format("'{}[{}].{}' should be text, found {}", array, i, key, TypeName(*it)));
      return {};
    }
    AddUnique(&out, ScalarText(*it));
  }
  return out;
}

std::optional<Date> FieldReader::Day(std::initializer_list<std::string_view> keys) {
  std::string_view key;
  const Json* v = Find(object_, keys, &key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) {
    Fail(fmt::format("'{}' should be a date, found {}", key, TypeName(*v)));
    return std::nullopt;
  }
  const std::string text = Trim(v->get<std::string>());
  if (text.empty()) return std::nullopt;
  if (auto d = DayOfText(text)) return d;
  Fail(fmt::format("'{}' is not a date: '{}'", key, text));
  return std::nullopt;
}

std::optional<Date> DayOfText(std::string_view text) {
  if (text.size() == 10 || (text.size() > 10 && (text[10] == 'T' || text[10] == ' '))) {
    auto d = Date::Parse(text.substr(0, 10));
    if (d.ok()) return d.value();
  }
  return std::nullopt;
}

std::optional<NoticeSource> GuessRecordSource(const Json& record) {
  if (!record.is_object()) return std::nullopt;
  auto has = [&record](const char* key) { return record.contains(key); };
  if (has("RecallID") || has("RecallNumber")) return NoticeSource::kUsCpsc;
  if (has("alert_number") || has("caseNumber") || has("product_barcode") || has("rapex_url")) return NoticeSource::kEuSafetyGate;
  if (has("recallId") || has("panels") || (has("date_published") && has("category"))) return NoticeSource::kCaHealthCanada;
  if (has("NID") && (has("Title") || has("Organization"))) return NoticeSource::kCaHealthCanada;  // the open data file
  return std::nullopt;
}

}  // namespace feed

namespace {

using feed::Json;

const char* IdKeysOf(NoticeSource s) {
  switch (s) {
    case NoticeSource::kEuSafetyGate: return "'alert_number' or 'caseNumber'";
    case NoticeSource::kUsCpsc: return "'RecallID' and 'RecallNumber'";
    case NoticeSource::kCaHealthCanada: return "'recallId' (the API) or 'NID' (the open data file)";
  }
  return "";
}

// The record objects of a feed document, whatever envelope it came in.
Result<std::vector<const Json*>> RecordsOf(const Json& doc) {
  std::vector<const Json*> records;
  if (doc.is_array()) {
    for (const auto& r : doc) records.push_back(&r);
    return records;
  }
  if (!doc.is_object()) return Error(ErrorCode::kInvalidInput, "the feed is neither a JSON array nor an object");
  if (feed::GuessRecordSource(doc)) return std::vector<const Json*>{&doc};
  const auto results = doc.find("results");
  if (results != doc.end() && results->is_array()) {  // OpenDataSoft v2.1, Health Canada search
    for (const auto& r : *results) records.push_back(&r);
    return records;
  }
  if (results != doc.end() && results->is_object()) {  // Health Canada recent: {"ALL": [...], "FOOD": [...]}
    for (const auto& [list_name, list] : results->items()) {
      if (!list.is_array()) return Error(ErrorCode::kInvalidInput, fmt::format("'results.{}' should be an array of recalls", list_name));
      for (const auto& r : list) records.push_back(&r);
    }
    return records;
  }
  const auto ods = doc.find("records");
  if (ods != doc.end() && ods->is_array()) {  // OpenDataSoft v1 ({"fields": ...}) and v2.0 ({"record": {"fields": ...}})
    for (const auto& r : *ods) {
      const Json* inner = &r;
      if (inner->is_object() && inner->contains("record")) inner = &(*inner)["record"];
      if (inner->is_object() && inner->contains("fields")) inner = &(*inner)["fields"];
      records.push_back(inner);
    }
    return records;
  }
  return Error(ErrorCode::kInvalidInput, "no records found: expected a JSON array of records, or an object with 'results' or 'records'");
}

feed::RecordRead ReadRecord(NoticeSource source, const Json& record) {
  switch (source) {
    case NoticeSource::kEuSafetyGate: return feed::ReadSafetyGateRecord(record);
    case NoticeSource::kUsCpsc: return feed::ReadCpscRecord(record);
    case NoticeSource::kCaHealthCanada: return feed::ReadHealthCanadaRecord(record);
  }
  return {"", std::nullopt, "unknown source", {}};
}

// Refuses a feed that is another source's, before any record is read.
Status CheckFeedSource(NoticeSource source, const std::vector<const Json*>& records) {
  std::map<NoticeSource, size_t> guessed;
  for (const Json* r : records)
    if (auto s = feed::GuessRecordSource(*r)) ++guessed[*s];
  const size_t own = guessed[source];
  NoticeSource other = source;
  size_t others = 0;
  for (const auto& [s, n] : guessed)
    if (s != source && n > others) other = s, others = n;
  if (own > 0 && own >= others) return Status::Ok();
  if (records.empty()) return Status::Ok();
  const std::string name(NoticeSourceName(source));
  if (others > 0)
    return Error(ErrorCode::kInvalidInput,
                 fmt::format("this is not a {} feed: {} of its {} records look like {} records (they have {})", name, others,
                             records.size(), NoticeSourceName(other), IdKeysOf(other)),
                 fmt::format("import it with --source {}", NoticeSourceName(other)));
  return Error(ErrorCode::kInvalidInput,
               fmt::format("this is not a {} feed: none of its {} records has {}", name, records.size(), IdKeysOf(source)),
               "check that the file is the feed you meant");
}

// Keeps one notice per id: the one the feed says changed last, ties going
// to the later record.
void MergeDuplicates(FeedImport* feed_import, const std::vector<size_t>& record_index) {
  std::map<std::string, size_t> first;  // id -> position in notices
  std::vector<Notice> kept;
  std::vector<size_t> kept_index;
  for (size_t i = 0; i < feed_import->notices.size(); ++i) {
    Notice& n = feed_import->notices[i];
    const auto [it, inserted] = first.emplace(n.id, kept.size());
    if (inserted) {
      kept.push_back(std::move(n));
      kept_index.push_back(record_index[i]);
      continue;
    }
    Notice& earlier = kept[it->second];
    if (earlier.raw == n.raw) continue;  // the same record listed twice (Health Canada's recent lists)
    const bool replace = !(earlier.updated && n.updated && *n.updated < *earlier.updated);
    const size_t dropped = replace ? kept_index[it->second] : record_index[i];
    const size_t other = replace ? record_index[i] : kept_index[it->second];
    feed_import->problems.push_back(RecordProblem{
        dropped, n.id, fmt::format("notice {} is also in record {}, with different content; record {} is kept", n.id, other, other),
        false});
    if (replace) {
      earlier = std::move(n);
      kept_index[it->second] = record_index[i];
    }
  }
  feed_import->notices = std::move(kept);
}

}  // namespace

std::string RecordProblem::ToString() const {
  return fmt::format("record {}{}: {}: {}", index, id.empty() ? "" : fmt::format(" ({})", id), skipped ? "skipped" : "warning", message);
}

size_t FeedImport::skipped() const {
  return static_cast<size_t>(std::count_if(problems.begin(), problems.end(), [](const RecordProblem& p) { return p.skipped; }));
}

size_t FeedImport::warnings() const { return problems.size() - skipped(); }

Result<FeedImport> ImportFeed(NoticeSource source, std::string_view json_text) {
  Json doc;
  try {
    doc = Json::parse(json_text);
  } catch (const Json::parse_error& e) {
    return Error(ErrorCode::kInvalidInput, fmt::format("not valid JSON (at byte {})", e.byte), "is this the feed's JSON answer?");
  }
  auto records = RecordsOf(doc);
  if (!records.ok()) return records.error();
  if (Status st = CheckFeedSource(source, records.value()); !st.ok()) return st.error();

  FeedImport out;
  out.source = source;
  out.records = records.value().size();
  std::vector<size_t> record_index;
  for (size_t i = 0; i < records.value().size(); ++i) {
    const Json& record = *records.value()[i];
    if (source == NoticeSource::kUsCpsc) {
      if (std::string e = feed::CpscErrorRecordMessage(record); !e.empty())
        return Error(ErrorCode::kInvalidInput, fmt::format("the CPSC service answered with an error, not recalls: record {}: {}", i, e),
                     "the query failed on the server (HTTP 200 notwithstanding); fetch the feed again, checking its parameters");
    }
    if (!record.is_object()) {
      std::string found = record.is_array() ? "an array" : record.dump(-1, ' ', false, Json::error_handler_t::replace);
      if (found.size() > 40) found = found.substr(0, 37) + "...";
      out.problems.push_back({i, "", fmt::format("a record must be a JSON object, found {}", found), true});
      continue;
    }
    if (auto guessed = feed::GuessRecordSource(record); guessed && *guessed != source) {
      out.problems.push_back({i, "", fmt::format("looks like a {} record, not {}", NoticeSourceName(*guessed), NoticeSourceName(source)), true});
      continue;
    }
    feed::RecordRead read = ReadRecord(source, record);
    if (!read.notice) {
      out.problems.push_back({i, read.id, read.error, true});
      continue;
    }
    for (auto& w : read.warnings) out.problems.push_back({i, read.id, std::move(w), false});
    out.notices.push_back(std::move(*read.notice));
    record_index.push_back(i);
  }
  MergeDuplicates(&out, record_index);
  std::stable_sort(out.problems.begin(), out.problems.end(), [](const RecordProblem& a, const RecordProblem& b) { return a.index < b.index; });
  return out;
}

}  // namespace conform
