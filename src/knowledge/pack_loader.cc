// Loads rule packs (doc/pack-format.md) into a KnowledgeBase. Validation is
// exhaustive: every problem in every pack is reported, then nothing is kept.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "conform/core/text.h"
#include "conform/knowledge/knowledge_base.h"
#include "conform/knowledge/product_input.h"
#include "conform/knowledge/vocabulary_loader.h"
#include "core/yaml_util.h"

namespace conform {

const char* RequirementScopeName(RequirementScope s) {
  switch (s) {
    case RequirementScope::kProduct: return "product";
    case RequirementScope::kListing: return "listing";
    case RequirementScope::kOperator: return "operator";
  }
  return "?";
}

namespace {

// The ISO 639-1 language codes (the 183 in force; iw, in, ji, mo and sh
// were withdrawn).
bool IsIso639_1(std::string_view code) {
  static const std::set<std::string_view> kCodes = {
      "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bi", "bm", "bn", "bo", "br", "bs",
      "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa",
      "ff", "fi", "fj", "fo", "fr", "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz",
      "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko",
      "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln", "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn",
      "mr", "ms", "mt", "my", "na", "nb", "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa",
      "pi", "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl", "sm", "sn", "so",
      "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty",
      "ug", "uk", "ur", "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu"};
  return kCodes.count(code) != 0;
}

}  // namespace

class PackLoader {
 public:
  explicit PackLoader(KnowledgeBase* kb) : kb_(kb) {}

  void LoadPack(const std::string& file, std::vector<Diagnostic>* diags) {
    YamlReader r(file);
    auto root = r.Load();
    if (root && r.CheckMap(*root, "a rule pack", {"schema", "market", "name", "version", "covers_from", "aliases", "requirements", "tests"}))
      ReadPack(r, *root, file);
    for (auto& d : r.diagnostics()) diags->push_back(std::move(d));
  }

  // Cross-pack checks after every pack is read.
  void Finish(std::vector<Diagnostic>* diags) {
    std::map<std::string, const Requirement*> ids;
    for (const Requirement& req : kb_->requirements_) {
      auto [it, fresh] = ids.emplace(req.id, &req);
      if (!fresh)
        diags->push_back(Diagnostic{req.file, req.line, 0,
                                    fmt::format("requirement id '{}' is already used at {}:{}", req.id,
                                                it->second->file, it->second->line),
                                    "ids must be unique across all packs"});
    }
    for (const auto& [test, where] : pending_test_ids_) {
      for (const auto& [id, mark] : where) {
        const Requirement* req = ids.count(id) ? ids[id] : nullptr;
        // A requirement that failed to load has been reported already.
        if (!req && broken_ids_.count(id)) continue;
        if (!req || req->market != test->market)
          diags->push_back(Diagnostic{test->file, mark.line + 1, mark.column + 1,
                                      fmt::format("test names requirement '{}', which this pack does not define", id),
                                      "use an id defined in the same pack"});
      }
    }
  }

 private:
  void ReadPack(YamlReader& r, const YAML::Node& root, const std::string& file) {
    auto schema = r.String(root, "schema", true);
    if (schema && *schema != "conform-pack/1")
      r.Fail(root["schema"], fmt::format("unsupported pack schema '{}'", *schema), "expected conform-pack/1");
    Market m;
    m.file = file;
    m.code = r.String(root, "market", true).value_or("");
    static const std::regex kMarket("[A-Z]{2}");
    if (!m.code.empty() && !std::regex_match(m.code, kMarket)) {
      r.Fail(root["market"], fmt::format("market '{}' is not a two-letter upper-case code", m.code),
             "use ISO 3166-1 alpha-2 (US, CN, ...) or EU");
    }
    m.name = r.String(root, "name", true).value_or("");
    m.version = r.String(root, "version", true).value_or("");
    static const std::regex kVersion("[0-9]{4}\\.(0[1-9]|1[0-2])\\.[0-9]+");
    if (!m.version.empty() && !std::regex_match(m.version, kVersion))
      r.Fail(root["version"], fmt::format("version '{}' is not YYYY.MM.N", m.version), "the year and month of the release, then its number in that month: 2026.11.1");
    m.covers_from = r.DateField(root, "covers_from", false);
    m.aliases = r.StringList(root, "aliases", false);
    for (const auto& a : m.aliases)
      if (!std::regex_match(a, kMarket)) r.Fail(root["aliases"], fmt::format("alias '{}' is not a two-letter upper-case code", a), "");
    // A code names one market: `-m GB` must not answer for whichever pack
    // happened to load first.
    const auto named_by = [](const Market& other, const std::string& code) -> std::string {
      if (other.code == code) return fmt::format("is market {} of {}", other.code, other.file);
      if (std::find(other.aliases.begin(), other.aliases.end(), code) != other.aliases.end())
        return fmt::format("is an alias of market {} in {}", other.code, other.file);
      return "";
    };
    for (const Market& other : kb_->markets_)
      if (const std::string taken = m.code.empty() ? "" : named_by(other, m.code); !taken.empty())
        r.Fail(root["market"], fmt::format("market '{}' {}", m.code, taken), "one pack per market, and a code names one market");
    for (size_t i = 0; i < m.aliases.size(); ++i) {
      const std::string& a = m.aliases[i];
      if (a == m.code) r.Fail(root["aliases"], fmt::format("alias '{}' is the pack's own market code", a), "leave it out");
      if (std::find(m.aliases.begin(), m.aliases.begin() + static_cast<std::ptrdiff_t>(i), a) != m.aliases.begin() + static_cast<std::ptrdiff_t>(i))
        r.Fail(root["aliases"], fmt::format("alias '{}' is listed twice", a), "");
      for (const Market& other : kb_->markets_)
        if (const std::string taken = named_by(other, a); !taken.empty())
          r.Fail(root["aliases"], fmt::format("alias '{}' {}", a, taken), "a code names one market: remove it from one of the packs");
    }
    if (r.failed()) return;
    const MarketId market = static_cast<MarketId>(kb_->markets_.size());
    kb_->markets_.push_back(m);

    const YAML::Node reqs = root["requirements"];
    if (!reqs.IsDefined()) r.Fail(root, "missing required field 'requirements'", "");
    else if (r.CheckSeq(reqs, "requirements")) {
      for (const auto& node : reqs) ReadRequirement(r, node, market, m.code, file);
    }
    const YAML::Node tests = root["tests"];
    if (!tests.IsDefined()) r.Fail(root, "missing required field 'tests'", "every pack carries example products; see doc/pack-format.md");
    else if (r.CheckSeq(tests, "tests")) {
      if (tests.size() == 0) r.Fail(tests, "a pack needs at least one test", "");
      for (const auto& node : tests) ReadTest(r, node, market);
    }
  }

  void ReadRequirement(YamlReader& r, const YAML::Node& n, MarketId market, const std::string& code,
                       const std::string& file) {
    if (!r.CheckMap(n, "a requirement",
                    {"id", "legal_act", "title", "citation", "source_url", "authority", "scope", "applies_to", "when",
                     "route", "marks", "documents", "standards", "labelling", "languages", "obligations",
                     "evidence_acts", "effective_from", "effective_to", "notes"}))
      return;
    const Vocabulary& vocab = kb_->vocabulary_;
    const size_t before = r.diagnostics().size();
    Requirement q;
    q.market = market;
    q.file = file;
    q.line = n.Mark().line + 1;
    q.id = r.String(n, "id", true).value_or("");
    static const std::regex kId("[A-Z]{2}-[A-Z0-9]+(-[A-Z0-9]+)*");
    if (!q.id.empty() && (!std::regex_match(q.id, kId) || q.id.compare(0, 3, code + "-") != 0))
      r.Fail(n["id"], fmt::format("id '{}' must look like {}-NAME (upper case, digits, '-')", q.id, code), "");
    q.legal_act = r.String(n, "legal_act", true).value_or("");
    q.title = r.String(n, "title", true).value_or("");
    q.citation = r.String(n, "citation", true).value_or("");
    q.source_url = r.String(n, "source_url", true).value_or("");
    if (!q.source_url.empty() && q.source_url.rfind("https://", 0) != 0 && q.source_url.rfind("http://", 0) != 0)
      r.Fail(n["source_url"], "source_url must be an http(s) address of the official text", "");
    q.authority = r.String(n, "authority", false).value_or("");
    q.notes = r.String(n, "notes", false).value_or("");
    if (auto scope = r.String(n, "scope", false)) {
      if (*scope == "product") q.scope = RequirementScope::kProduct;
      else if (*scope == "listing") q.scope = RequirementScope::kListing;
      else if (*scope == "operator") q.scope = RequirementScope::kOperator;
      else r.Fail(n["scope"], fmt::format("unknown scope '{}'", *scope), "use product, listing or operator");
    }
    // applies_to
    const auto applies = r.StringList(n, "applies_to", true);
    if (n["applies_to"].IsDefined() && n["applies_to"].IsSequence() && applies.empty())
      r.Fail(n["applies_to"], "applies_to is empty", "list categories, or [\"*\"] for all");
    for (size_t i = 0; i < applies.size(); ++i) {
      if (applies[i] == "*") {
        q.all_categories = true;
        continue;
      }
      const auto c = vocab.FindCategory(applies[i]);
      if (!c) r.Fail(n["applies_to"][i], fmt::format("unknown category '{}'", applies[i]), SuggestionHint(applies[i], vocab.CategoryNames()));
      else q.categories.push_back(*c);
    }
    if (q.all_categories && applies.size() > 1) r.Fail(n["applies_to"], "\"*\" already covers every category", "list only \"*\"");
    // when
    if (auto when = r.String(n, "when", false)) {
      auto cond = Condition::Compile(*when, vocab);
      if (!cond.ok()) {
        const auto& d = cond.error().diagnostics().front();
        r.FailAtOffset(n["when"], d.column, "condition: " + d.message, d.hint);
      } else {
        q.when = std::move(cond).value();
      }
    }
    // vocabulary words
    if (auto route = r.String(n, "route", true)) {
      if (!vocab.HasRoute(*route)) r.Fail(n["route"], fmt::format("unknown route '{}'", *route), SuggestionHint(*route, vocab.RouteNames()));
      q.route = *route;
    }
    q.marks = r.StringList(n, "marks", false);
    for (size_t i = 0; i < q.marks.size(); ++i)
      if (!vocab.HasMark(q.marks[i])) r.Fail(n["marks"][i], fmt::format("unknown mark '{}'", q.marks[i]), SuggestionHint(q.marks[i], vocab.MarkNames()));
    q.documents = r.StringList(n, "documents", false);
    for (size_t i = 0; i < q.documents.size(); ++i)
      if (!vocab.HasDocument(q.documents[i]))
        r.Fail(n["documents"][i], fmt::format("unknown document kind '{}'", q.documents[i]), SuggestionHint(q.documents[i], vocab.DocumentNames()));
    q.labelling = r.StringList(n, "labelling", false);
    q.evidence_acts = r.StringList(n, "evidence_acts", false);
    // standards
    const YAML::Node stds = n["standards"];
    if (stds.IsDefined() && !stds.IsNull() && r.CheckSeq(stds, "standards")) {
      for (const auto& s : stds) {
        if (!r.CheckMap(s, "a standard", {"id", "edition"})) continue;
        StandardRef ref;
        ref.id = r.String(s, "id", true).value_or("");
        ref.edition = r.String(s, "edition", false).value_or("");
        q.standards.push_back(ref);
      }
    }
    // languages
    const YAML::Node langs = n["languages"];
    if (langs.IsDefined() && !langs.IsNull() && r.CheckMap(langs, "languages", {"codes", "rule"})) {
      q.language_codes = r.StringList(langs, "codes", false);
      for (size_t i = 0; i < q.language_codes.size(); ++i)
        if (!IsIso639_1(q.language_codes[i]))
          r.Fail(langs["codes"][i], fmt::format("'{}' is not an ISO 639-1 language code", q.language_codes[i]), "use two lower-case letters, e.g. fr");
      q.language_rule = r.String(langs, "rule", false).value_or("");
      if (q.language_codes.empty() && q.language_rule.empty()) r.Fail(langs, "languages needs codes or a rule", "");
    }
    // obligations
    const YAML::Node obls = n["obligations"];
    if (obls.IsDefined() && !obls.IsNull() && r.CheckSeq(obls, "obligations")) {
      for (const auto& o : obls) {
        if (!r.CheckMap(o, "an obligation", {"operator", "duty", "citation"})) continue;
        Obligation ob;
        ob.role = r.String(o, "operator", true).value_or("");
        if (!ob.role.empty() && !vocab.HasOperatorRole(ob.role))
          r.Fail(o["operator"], fmt::format("unknown operator role '{}'", ob.role), SuggestionHint(ob.role, vocab.OperatorRoleNames()));
        ob.duty = r.String(o, "duty", true).value_or("");
        ob.citation = r.String(o, "citation", false).value_or("");
        q.obligations.push_back(ob);
      }
    }
    // dates
    if (auto from = r.DateField(n, "effective_from", true)) q.effective_from = *from;
    if (auto to = r.DateField(n, "effective_to", false)) {
      q.effective_to = *to;
      if (*to < q.effective_from)
        r.Fail(n["effective_to"], fmt::format("effective_to {} is before effective_from {}", to->ToString(), q.effective_from.ToString()), "");
    }
    if (r.diagnostics().size() == before) kb_->requirements_.push_back(std::move(q));
    else if (!q.id.empty()) broken_ids_.insert(q.id);
  }

  void ReadTest(YamlReader& r, const YAML::Node& n, MarketId market) {
    if (!r.CheckMap(n, "a test", {"name", "category", "attributes", "on", "applies", "conditional", "not_applies"})) return;
    const size_t before = r.diagnostics().size();
    PackTest t;
    t.market = market;
    t.file = r.file();
    t.line = n.Mark().line + 1;
    t.name = r.String(n, "name", true).value_or("");
    auto category = r.String(n, "category", true);
    std::vector<AttributeText> attrs;
    const YAML::Node an = n["attributes"];
    if (an.IsDefined() && !an.IsNull()) {
      if (!an.IsMap()) {
        r.Fail(an, "attributes must map attribute names to values", "");
      } else {
        for (const auto& kv : an) {
          if (!kv.second.IsScalar()) {
            r.Fail(kv.second, fmt::format("value of '{}' must be a single value", kv.first.Scalar()), "");
            continue;
          }
          attrs.emplace_back(kv.first.Scalar(), kv.second.Scalar());
        }
      }
    }
    if (category && !r.failed()) {
      auto product = MakeProduct(kb_->vocabulary_, *category, attrs);
      if (!product.ok()) {
        const auto& d = product.error().diagnostics().front();
        r.Fail(an.IsDefined() ? an : n, d.message, d.hint);
      } else {
        t.product = std::move(product).value();
      }
    }
    if (auto on = r.DateField(n, "on", true)) t.on = *on;
    std::vector<std::pair<std::string, YAML::Mark>> ids;
    auto read_ids = [&](const char* key, std::vector<std::string>* out) {
      *out = r.StringList(n, key, false);
      for (size_t i = 0; i < out->size(); ++i) ids.emplace_back((*out)[i], n[key][i].Mark());
    };
    read_ids("applies", &t.applies);
    read_ids("conditional", &t.conditional);
    read_ids("not_applies", &t.not_applies);
    if (t.applies.empty() && t.conditional.empty() && t.not_applies.empty())
      r.Fail(n, "a test must expect something", "give applies, conditional or not_applies");
    if (r.diagnostics().size() != before) return;
    kb_->tests_.push_back(std::move(t));
    test_ids_.push_back(std::move(ids));
  }

 public:
  // Called once all tests are read (tests_ no longer reallocates).
  void BindPendingTests() {
    for (size_t i = 0; i < test_ids_.size(); ++i) pending_test_ids_.emplace_back(&kb_->tests_[i], std::move(test_ids_[i]));
  }

 private:
  KnowledgeBase* kb_;
  std::set<std::string> broken_ids_;
  std::vector<std::vector<std::pair<std::string, YAML::Mark>>> test_ids_;
  std::vector<std::pair<const PackTest*, std::vector<std::pair<std::string, YAML::Mark>>>> pending_test_ids_;
};

Result<KnowledgeBase> KnowledgeBase::Load(const std::string& vocabulary_file, const std::string& packs_dir) {
  auto vocab = LoadVocabulary(vocabulary_file);
  if (!vocab.ok()) return vocab.error();
  KnowledgeBase kb;
  kb.vocabulary_ = std::move(vocab).value();

  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(packs_dir, ec))
    return Error(ErrorCode::kNotFound,
                 {Diagnostic{packs_dir, 0, 0, fs::exists(packs_dir, ec) ? "is a file, not a directory of rule packs" : "pack directory does not exist",
                             "give the directory that holds the *.yaml rule packs"}});
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(packs_dir, ec)) {
    const std::string ext = entry.path().extension().string();
    // A vocabulary may sit beside the packs (see VocabularyFor).
    if (entry.path().stem() == "vocabulary") continue;
    if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml")) files.push_back(entry.path().string());
  }
  if (ec) return Error(ErrorCode::kIo, {Diagnostic{packs_dir, 0, 0, "cannot list directory: " + ec.message(), ""}});
  std::sort(files.begin(), files.end());
  if (files.empty())
    return Error(ErrorCode::kNotFound, {Diagnostic{packs_dir, 0, 0, "no rule packs (*.yaml or *.yml) in this directory", ""}});

  std::vector<Diagnostic> diags;
  PackLoader loader(&kb);
  for (const auto& f : files) loader.LoadPack(f, &diags);
  loader.BindPendingTests();
  loader.Finish(&diags);
  if (!diags.empty()) return Error(ErrorCode::kInvalidInput, std::move(diags));
  kb.BuildIndex();
  return kb;
}

}  // namespace conform
