#include "conform/knowledge/requirements_report.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "conform/core/text.h"

namespace conform {

RequirementsAnswer AnswerRequirements(const KnowledgeBase& kb, RequirementsQuery query) {
  RequirementsAnswer a;
  for (MarketId m : query.markets) {
    MarketAnswer ma;
    ma.market = m;
    kb.Applicable(query.product, m, query.on, &ma.requirements);
    a.markets.push_back(std::move(ma));
  }
  a.query = std::move(query);
  return a;
}

std::string CoverageNote(const Market& m, Date on) {
  if (m.Covers(on)) return "";
  return fmt::format("The {} pack answers in full from {}. On {}, acts in force then and replaced since may be missing from this "
                     "answer (the notes of the requirements that replaced them name them).",
                     m.code, m.covers_from->ToString(), on.ToString());
}

namespace {

std::vector<std::string> UndecidedNames(const KnowledgeBase& kb, const Applicability& a, const Product& p) {
  std::vector<std::string> out;
  if (a.status != Tri::kUnknown) return out;
  for (AttributeId id : kb.Undecided(*a.requirement, p)) out.push_back(kb.vocabulary().attribute(id).name);
  return out;
}

std::vector<std::string> CategoryNames(const KnowledgeBase& kb, const Requirement& r) {
  if (r.all_categories) return {"*"};
  std::vector<std::string> out;
  for (CategoryId c : r.categories) out.push_back(kb.vocabulary().category(c).name);
  return out;
}

std::vector<std::string> StandardStrings(const Requirement& r) { return StandardAlternatives(r.standards); }

const char* StatusName(Tri t) { return t == Tri::kTrue ? "applies" : "conditional"; }

std::string AttributeValueText(const Vocabulary& v, AttributeId id, double value) { return v.attribute(id).ValueText(value); }

nlohmann::json RequirementJson(const KnowledgeBase& kb, const Applicability& a, const Product& p) {
  const Requirement& r = *a.requirement;
  nlohmann::json j;
  j["id"] = r.id;
  j["market"] = kb.markets()[r.market].code;
  j["status"] = StatusName(a.status);
  j["undecided_attributes"] = UndecidedNames(kb, a, p);
  j["legal_act"] = r.legal_act;
  j["title"] = r.title;
  j["citation"] = r.citation;
  j["source_url"] = r.source_url;
  j["authority"] = r.authority.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.authority);
  j["scope"] = RequirementScopeName(r.scope);
  j["applies_to"] = CategoryNames(kb, r);
  j["condition"] = r.when.always() ? nlohmann::json(nullptr) : nlohmann::json(r.when.text());
  j["route"] = r.route;
  j["marks"] = r.marks;
  j["documents"] = r.documents;
  nlohmann::json stds = nlohmann::json::array();
  for (const auto& s : r.standards) stds.push_back({{"id", s.id}, {"edition", s.edition}});
  j["standards"] = stds;
  j["labelling"] = r.labelling;
  j["languages"] = {{"codes", r.language_codes}, {"rule", r.language_rule}};
  nlohmann::json obls = nlohmann::json::array();
  for (const auto& o : r.obligations) obls.push_back({{"operator", o.role}, {"duty", o.duty}, {"citation", o.citation}});
  j["obligations"] = obls;
  j["effective_from"] = r.effective_from.ToString();
  j["effective_to"] = r.effective_to == Date::Max() ? nlohmann::json(nullptr) : nlohmann::json(r.effective_to.ToString());
  j["notes"] = r.notes;
  return j;
}

std::string RenderJson(const KnowledgeBase& kb, const RequirementsAnswer& ans) {
  const Vocabulary& v = kb.vocabulary();
  const Product& p = ans.query.product;
  nlohmann::json attrs = nlohmann::json::object();
  for (size_t i = 0; i < v.attribute_count(); ++i) {
    const auto id = static_cast<AttributeId>(i);
    if (!p.attributes.known(id)) continue;
    const AttributeDef& d = v.attribute(id);
    const double x = p.attributes.get(id);
    if (d.type == AttributeType::kNumber) attrs[d.name] = x;
    else if (d.type == AttributeType::kBool) attrs[d.name] = x != 0;
    else attrs[d.name] = d.values[static_cast<size_t>(x)];
  }
  nlohmann::json out;
  std::vector<std::string> codes;
  nlohmann::json markets = nlohmann::json::array();
  nlohmann::json reqs = nlohmann::json::array();
  for (const auto& ma : ans.markets) {
    const Market& m = kb.markets()[ma.market];
    codes.push_back(m.code);
    size_t applies = 0;
    for (const auto& a : ma.requirements) {
      applies += a.status == Tri::kTrue;
      reqs.push_back(RequirementJson(kb, a, p));
    }
    markets.push_back({{"market", m.code}, {"name", m.name}, {"pack_version", m.version},
                       {"covers_from", m.covers_from ? nlohmann::json(m.covers_from->ToString()) : nlohmann::json(nullptr)},
                       {"date_covered", m.Covers(ans.query.on)},
                       {"applies", applies}, {"conditional", ma.requirements.size() - applies}});
  }
  out["query"] = {{"markets", codes}, {"category", ans.query.category}, {"attributes", attrs}, {"on", ans.query.on.ToString()}};
  out["markets"] = markets;
  out["requirements"] = reqs;
  return out.dump(2) + "\n";
}

std::string ProductLine(const KnowledgeBase& kb, const RequirementsAnswer& ans) {
  const Vocabulary& v = kb.vocabulary();
  std::vector<std::string> parts;
  for (size_t i = 0; i < v.attribute_count(); ++i) {
    const auto id = static_cast<AttributeId>(i);
    if (ans.query.product.attributes.known(id))
      parts.push_back(fmt::format("{}={}", v.attribute(id).name, AttributeValueText(v, id, ans.query.product.attributes.get(id))));
  }
  return fmt::format("{}{}{} on {}", ans.query.category, parts.empty() ? "" : " ", Join(parts, " "), ans.query.on.ToString());
}

std::string RenderTable(const KnowledgeBase& kb, const RequirementsAnswer& ans) {
  std::string out = fmt::format("Requirements for {}\n", ProductLine(kb, ans));
  for (const auto& ma : ans.markets) {
    const Market& m = kb.markets()[ma.market];
    size_t applies = 0;
    for (const auto& a : ma.requirements) applies += a.status == Tri::kTrue;
    out += fmt::format("\n{} {} (pack {}): {} apply, {} conditional\n", m.code, m.name, m.version, applies,
                       ma.requirements.size() - applies);
    if (!m.Covers(ans.query.on)) out += fmt::format("  {}\n", CoverageNote(m, ans.query.on));
    if (ma.requirements.empty()) {
      out += "  (none)\n";
      continue;
    }
    size_t wid = 2;
    for (const auto& a : ma.requirements) wid = std::max(wid, a.requirement->id.size());
    for (const auto& a : ma.requirements) {
      const Requirement& r = *a.requirement;
      out += fmt::format("  {:<{}}  {:<11}  {}\n", r.id, wid, StatusName(a.status), r.route);
      const auto line = [&](const std::string& text) { out += fmt::format("      {}\n", text); };
      line(r.title);
      line(fmt::format("law: {}, {}", r.legal_act, r.citation));
      std::vector<std::string> extra;
      if (!r.marks.empty()) extra.push_back("marks: " + Join(r.marks, ", "));
      if (!r.documents.empty()) extra.push_back("documents: " + Join(r.documents, ", "));
      if (!extra.empty()) line(Join(extra, "; "));
      if (!r.standards.empty()) line("standards: " + Join(StandardStrings(r), ", "));
      if (r.effective_to != Date::Max()) line(fmt::format("in force until {}", r.effective_to.ToString()));
      if (a.status == Tri::kUnknown)
        line(fmt::format("applies if: {}  (state: {})", r.when.text(), Join(UndecidedNames(kb, a, ans.query.product), ", ")));
    }
  }
  return out;
}

std::string Cell(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

std::string RenderMarkdown(const KnowledgeBase& kb, const RequirementsAnswer& ans) {
  std::string out = fmt::format("# Requirements for {}\n", ProductLine(kb, ans));
  for (const auto& ma : ans.markets) {
    const Market& m = kb.markets()[ma.market];
    out += fmt::format("\n## {} {} (pack {})\n\n", m.code, m.name, m.version);
    if (!m.Covers(ans.query.on)) out += fmt::format("> {}\n\n", CoverageNote(m, ans.query.on));
    if (ma.requirements.empty()) {
      out += "No requirement applies.\n";
      continue;
    }
    out += "| ID | Status | Requirement | Legal act | Citation | Route | Marks | Documents | Standards |\n";
    out += "|---|---|---|---|---|---|---|---|---|\n";
    for (const auto& a : ma.requirements) {
      const Requirement& r = *a.requirement;
      std::string status = StatusName(a.status);
      if (a.status == Tri::kUnknown) status += " (if `" + r.when.text() + "`)";
      out += fmt::format("| {} | {} | {} | [{}]({}) | {} | {} | {} | {} | {} |\n", r.id, Cell(status), Cell(r.title),
                         Cell(r.legal_act), r.source_url, Cell(r.citation), r.route, Join(r.marks, ", "),
                         Join(r.documents, ", "), Cell(Join(StandardStrings(r), ", ")));
    }
  }
  return out;
}

}  // namespace

std::string RenderRequirements(const KnowledgeBase& kb, const RequirementsAnswer& answer, ReportFormat format) {
  switch (format) {
    case ReportFormat::kJson: return RenderJson(kb, answer);
    case ReportFormat::kMarkdown: return RenderMarkdown(kb, answer);
    case ReportFormat::kTable: return RenderTable(kb, answer);
  }
  return "";
}

}  // namespace conform
