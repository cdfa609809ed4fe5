// Expresses the shipped rule packs, as they stand on one date, in the rule
// format of json-rules-engine (npm), so that the peer benchmark runs the same
// rules on the same listings.
//
//   export_jre YYYY-MM-DD > rules.json
//
// Output: {"on": date, "markets": {"EU": [rule, ...], ...}}, each rule
// {"name", "conditions", "event": {"type": "requirement", "params": {"id",
// "scope", "documents", "legal_acts"}}}. `documents` are the kinds that count
// as evidence (supporting documents only when nothing else is listed), empty
// for obligations without evidence; `legal_acts` is the requirement's act and
// its evidence_acts.
#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

#include "conform/knowledge/knowledge_base.h"

namespace {

using conform::Condition;
using nlohmann::json;

json Value(const conform::AttributeDef& d, double v) {
  switch (d.type) {
    case conform::AttributeType::kBool: return v != 0;
    case conform::AttributeType::kEnum: return d.values[static_cast<size_t>(v)];
    case conform::AttributeType::kNumber: return v;
  }
  return nullptr;
}

const char* Operator(const std::string& op) {
  if (op == "==") return "equal";
  if (op == "!=") return "notEqual";
  if (op == "<") return "lessThan";
  if (op == "<=") return "lessThanInclusive";
  if (op == ">") return "greaterThan";
  return "greaterThanInclusive";
}

json Convert(const Condition::Node& n, const conform::Vocabulary& v) {
  using K = Condition::Node::Kind;
  switch (n.kind) {
    case K::kTrue: return {{"all", json::array()}};
    // json-rules-engine holds an empty `any` true, so "false" is "not true".
    case K::kFalse: return {{"not", {{"all", json::array()}}}};
    case K::kCompare: {
      const auto& d = v.attribute(n.attribute);
      return {{"fact", d.name}, {"operator", Operator(n.op)}, {"value", Value(d, n.value)}};
    }
    case K::kCompareAttributes:
      return {{"fact", v.attribute(n.attribute).name}, {"operator", Operator(n.op)},
              {"value", {{"fact", v.attribute(n.other).name}}}};
    case K::kIn: {
      const auto& d = v.attribute(n.attribute);
      json values = json::array();
      for (double x : n.values) values.push_back(Value(d, x));
      return {{"fact", d.name}, {"operator", "in"}, {"value", values}};
    }
    case K::kNot: return {{"not", Convert(n.children[0], v)}};
    case K::kAnd: return {{"all", {Convert(n.children[0], v), Convert(n.children[1], v)}}};
    case K::kOr: return {{"any", {Convert(n.children[0], v), Convert(n.children[1], v)}}};
  }
  return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: export_jre YYYY-MM-DD > rules.json\n");
    return 2;
  }
  auto on = conform::Date::Parse(argv[1]);
  auto kb = conform::KnowledgeBase::Load(CONFORM_SHIPPED_DATA_DIR "/vocabulary.yaml", CONFORM_SHIPPED_DATA_DIR "/packs");
  if (!on.ok() || !kb.ok()) {
    std::fprintf(stderr, "%s\n", (!on.ok() ? on.error() : kb.error()).ToString().c_str());
    return 2;
  }
  const auto& vocab = kb.value().vocabulary();
  json out;
  out["on"] = on.value().ToString();
  json markets = json::object();
  for (const auto& m : kb.value().markets()) markets[m.code] = json::array();
  for (const auto& r : kb.value().requirements()) {
    if (!r.InForce(on.value())) continue;
    json all = json::array();
    if (!r.all_categories) {
      json cats = json::array();
      for (auto c : r.categories) cats.push_back(vocab.category(c).name);
      all.push_back({{"fact", "category"}, {"operator", "in"}, {"value", cats}});
    }
    if (!r.when.always()) all.push_back(Convert(r.when.Tree(), vocab));
    json documents = json::array();
    if (r.scope == conform::RequirementScope::kProduct) {
      for (const auto& d : r.documents)
        if (!vocab.IsSupportingDocument(d)) documents.push_back(d);
      if (documents.empty())
        for (const auto& d : r.documents) documents.push_back(d);
    }
    json acts = json::array({r.legal_act});
    for (const auto& a : r.evidence_acts) acts.push_back(a);
    markets[kb.value().markets()[r.market].code].push_back(
        {{"name", r.id},
         {"conditions", {{"all", all}}},
         {"event", {{"type", "requirement"},
                    {"params", {{"id", r.id}, {"scope", conform::RequirementScopeName(r.scope)}, {"documents", documents}, {"legal_acts", acts}}}}}});
  }
  out["markets"] = markets;
  std::cout << out.dump(1) << "\n";
  return 0;
}
