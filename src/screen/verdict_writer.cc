#include "conform/screen/verdict_writer.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <cmath>

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

std::string ValueText(const AttributeDef& d, double v) {
  switch (d.type) {
    case AttributeType::kBool: return v != 0 ? "true" : "false";
    case AttributeType::kEnum: return d.values[static_cast<size_t>(v)];
    case AttributeType::kNumber: return fmt::format("{}", v);
  }
  return "";
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
                    VerdictFormat format, std::string* out) {
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
    nlohmann::json j;
    j["listing_id"] = l.listing_id;
    j["seller_id"] = l.seller_id;
    j["line"] = l.line;
    j["market"] = mv.market;
    j["verdict"] = VerdictName(mv.verdict);
    j["on"] = on.ToString();
    j["category"] = category.empty() ? nlohmann::json(nullptr) : nlohmann::json(category);
    j["category_source"] = SourceName(cls.source);
    j["category_confidence"] = std::round(cls.confidence * 100) / 100;
    j["category_reasons"] = cls.reasons;
    nlohmann::json inferred = nlohmann::json::array();
    for (const auto& a : cls.attributes) {
      const AttributeDef& d = vocab.attribute(a.attribute);
      inferred.push_back({{"attribute", d.name}, {"value", ValueText(d, a.value)}, {"reason", a.reason}});
    }
    j["inferred_attributes"] = inferred;
    nlohmann::json findings = nlohmann::json::array();
    for (const Finding& f : mv.findings) {
      nlohmann::json fj;
      fj["code"] = f.code;
      fj["severity"] = SeverityName(f.severity);
      if (f.requirement) {
        fj["requirement_id"] = f.requirement->id;
        fj["legal_act"] = f.requirement->legal_act;
        fj["citation"] = f.requirement->citation;
        fj["source_url"] = f.requirement->source_url;
      } else {
        fj["requirement_id"] = nullptr;
      }
      fj["conditional"] = f.conditional;
      fj["status"] = EvidenceStatusName(f.status);
      fj["reason"] = f.reason;
      fj["remediation"] = f.remediation;
      findings.push_back(std::move(fj));
    }
    j["findings"] = findings;
    // Invalid UTF-8 cannot reach here (the readers reject it); replace, never throw.
    *out += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    *out += '\n';
  }
}

}  // namespace conform
