#include "conform/screen/verdict_writer.h"

#include <fmt/format.h>


#include <cmath>
#include <iterator>

#include "conform/core/text.h"

namespace conform {

namespace {

const char* SourceName(Classification::Source s) {
  switch (s) {
    case Classification::Source::kListing: return "listing";
    case Classification::Source::kInferred: return "inferred";
    case Classification::Source::kNone: return "none";
  }
  return "?";
}

// JSON string with RFC 8259 escapes. Input is valid UTF-8 (the readers
// reject anything else), so bytes >= 0x80 pass through.
void AppendJsonString(std::string_view s, std::string* o) {
  o->push_back('"');
  size_t run = 0;  // start of the pending run of bytes that need no escape
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    o->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': *o += "\\\""; break;
      case '\\': *o += "\\\\"; break;
      case '\n': *o += "\\n"; break;
      case '\r': *o += "\\r"; break;
      case '\t': *o += "\\t"; break;
      default: fmt::format_to(std::back_inserter(*o), "\\u{:04x}", c);
    }
  }
  o->append(s.data() + run, s.size() - run);
  o->push_back('"');
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string VerdictCsvHeader() {
  return "listing_id,seller_id,market,verdict,category,category_confidence,blocking,review,warnings,findings\n";
}

void AppendVerdicts(const KnowledgeBase& kb, const Listing& l, const ListingResult& result, Date on,
                    VerdictFormat format, VerdictDetail detail, std::string* out) {
  const Vocabulary& vocab = kb.vocabulary();
  const Classification& cls = result.classification;
  const std::string category = cls.source == Classification::Source::kNone ? "" : vocab.category(cls.category).name;
  for (const MarketVerdict& mv : result.markets) {
    if (format == VerdictFormat::kCsv) {
      int blocking = 0, review = 0, warnings = 0;
      std::vector<std::string> notes;
      for (const Finding& f : mv.findings) {
        blocking += f.severity == Severity::kBlock;
        review += f.severity == Severity::kReview;
        warnings += f.severity == Severity::kWarn;
        if (f.severity != Severity::kInfo)
          notes.push_back(fmt::format("{}{}: {}", f.code, f.requirement ? " " + f.requirement->id : "", f.reason));
      }
      *out += fmt::format("{},{},{},{},{},{:.2f},{},{},{},{}\n", CsvField(l.listing_id), CsvField(l.seller_id), CsvField(mv.market),
                          VerdictName(mv.verdict), category, cls.confidence, blocking, review, warnings,
                          CsvField(Join(notes, " | ")));
      continue;
    }
    // Written by hand: this is the hot path of a million-listing run, and a
    // DOM per row costs more than the screening itself.
    std::string& o = *out;
    o += "{\"listing_id\":";
    AppendJsonString(l.listing_id, &o);
    o += ",\"seller_id\":";
    AppendJsonString(l.seller_id, &o);
    fmt::format_to(std::back_inserter(o), ",\"line\":{},\"market\":", l.line);
    AppendJsonString(mv.market, &o);
    fmt::format_to(std::back_inserter(o), ",\"verdict\":\"{}\",\"on\":\"{}\",\"category\":", VerdictName(mv.verdict), on.ToString());
    if (category.empty()) o += "null";
    else AppendJsonString(category, &o);
    fmt::format_to(std::back_inserter(o), ",\"category_source\":\"{}\",\"category_confidence\":{}", SourceName(cls.source),
                     std::round(cls.confidence * 100) / 100);
    o += ",\"category_reasons\":[";
    for (size_t i = 0; i < cls.reasons.size(); ++i) {
      if (i) o += ',';
      AppendJsonString(cls.reasons[i], &o);
    }
    o += "],\"category_set_aside\":[";
    for (size_t i = 0; i < cls.set_aside.size(); ++i) {
      if (i) o += ',';
      AppendJsonString(cls.set_aside[i], &o);
    }
    o += "],\"inferred_attributes\":[";
    for (size_t i = 0; i < cls.attributes.size(); ++i) {
      const auto& a = cls.attributes[i];
      const AttributeDef& d = vocab.attribute(a.attribute);
      o += i ? ",{\"attribute\":" : "{\"attribute\":";
      AppendJsonString(d.name, &o);
      o += ",\"value\":";
      AppendJsonString(d.ValueText(a.value), &o);
      o += ",\"reason\":";
      AppendJsonString(a.reason, &o);
      o += '}';
    }
    o += "],\"findings\":[";
    bool first = true;
    std::vector<const Finding*> satisfied, obligations;
    for (const Finding& f : mv.findings) {
      if (detail == VerdictDetail::kIssues && f.severity == Severity::kInfo && f.requirement) {
        (f.status == EvidenceStatus::kSatisfied ? satisfied : obligations).push_back(&f);
        continue;
      }
      o += first ? "{\"code\":" : ",{\"code\":";
      first = false;
      AppendJsonString(f.code, &o);
      fmt::format_to(std::back_inserter(o), ",\"severity\":\"{}\",\"requirement_id\":", SeverityName(f.severity));
      if (f.requirement) {
        AppendJsonString(f.requirement->id, &o);
        o += ",\"legal_act\":";
        AppendJsonString(f.requirement->legal_act, &o);
        o += ",\"citation\":";
        AppendJsonString(f.requirement->citation, &o);
        if (detail == VerdictDetail::kFull) {
          o += ",\"source_url\":";
          AppendJsonString(f.requirement->source_url, &o);
        }
      } else {
        o += "null";
        // A recall notice's page is what a reviewer opens to decide.
        if (!f.source_url.empty()) {
          o += ",\"source_url\":";
          AppendJsonString(f.source_url, &o);
        }
      }
      fmt::format_to(std::back_inserter(o), ",\"conditional\":{},\"status\":\"{}\",\"reason\":", f.conditional ? "true" : "false",
                       EvidenceStatusName(f.status));
      AppendJsonString(f.reason, &o);
      o += ",\"remediation\":";
      AppendJsonString(f.remediation, &o);
      o += '}';
    }
    o += ']';
    if (detail == VerdictDetail::kIssues) {
      for (const auto* list : {&satisfied, &obligations}) {
        o += list == &satisfied ? ",\"satisfied\":[" : ",\"obligations\":[";
        for (size_t i = 0; i < list->size(); ++i) {
          if (i) o += ',';
          AppendJsonString((*list)[i]->requirement->id, &o);
        }
        o += ']';
      }
    }
    o += "}\n";
  }
}

}  // namespace conform
